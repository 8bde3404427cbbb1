/* gen_paths.c: the 2026 shapes of the estate: risk levels and factors on
 * Unhealthy assessments (API 2025-05-04 properties.risk), attack paths in
 * continuous export, Resource Graph and Log Analytics, and policy exemptions
 * with their expiry.
 *
 * A virtual machine has an attack path when half of them (by a hash of
 * the seed and the resource) has an Unhealthy finding of management ports,
 * system updates or vulnerabilities: its first such finding is the path's,
 * the entry point the machine and the target the first key vault of its
 * subscription (else storage account).  A path comes with the finding and
 * goes when it is fixed, so month on month some paths are new and some gone. */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

#define NO_RES UINT32_MAX

static const char *const path_names[] = {
	"", /* indexed by the control of the path's recommendation: 1 ports, 2 updates, 3 vulnerabilities */
	"Internet exposed VM with open management ports and read permission to a Key Vault",
	"Internet exposed VM with missing system updates allows lateral movement to sensitive data",
	"Internet exposed VM with high severity vulnerabilities and read permission to a Key Vault",
};

static uint64_t res_hash(const struct gen_estate *e, uint32_t ri)
{
	return gen_mix(e->seed * UINT64_C(0x9e3779b97f4a7c15) + ri + 7);
}

bool gen_path_of(const struct gen_estate *e, uint32_t ri, struct gen_path *p)
{
	const struct gen_resource *r = &e->res[ri];
	uint64_t h = res_hash(e, ri);
	uint32_t i;

	if (r->kind != GK_VM || h % 2 != 0)
		return false;
	for (i = r->first; i < r->first + r->nfind; i++) {
		const struct gen_rec_def *d = &e->cat->recs[e->f[i].rec];

		if (e->f[i].state != GF_UNHEALTHY || d->control < 1 || d->control > 3)
			continue;
		p->resource = ri;
		p->finding = i;
		p->name = path_names[d->control];
		p->risk = d->severity[0] == 'H' ? ((h >> 8) % 2 ? "Critical" : "High") : d->severity;
		gen_guid(h, e->f[i].rec, p->id);
		return true;
	}
	return false;
}

static const char *factors(enum gen_kind k)
{
	switch (k) {
	case GK_VM: case GK_VMSS: case GK_PUBLICIP: case GK_APPGW: case GK_APPSERVICE: case GK_AKS:
		return "\"Exposure to the Internet\"";
	case GK_SQL: case GK_STORAGE: case GK_DATALAKE: case GK_KEYVAULT: case GK_REDIS:
		return "\"Sensitive Data\"";
	case GK_SUBSCRIPTION:
		return "\"Critical Resource\"";
	default:
		return "";
	}
}

/* ,"risk":{...} of an Unhealthy finding (nothing for the others). */
void gen_risk_member(struct strbuf *sb, const struct gen_estate *e, uint32_t fi)
{
	const struct gen_finding *f = &e->f[fi];
	const char *sev = e->cat->recs[f->rec].severity, *level;
	uint64_t h = gen_mix(e->seed * UINT64_C(0xd1b54a32d192ed03) + fi);
	struct gen_path p;
	bool on = gen_path_of(e, f->resource, &p) && p.finding == fi;

	if (f->state != GF_UNHEALTHY)
		return;
	if (on)
		level = p.risk;
	else if (h % 100 < 15)
		level = "None";
	else if (sev[0] == 'H')
		level = h % 3 ? "High" : "Medium";
	else if (sev[0] == 'M')
		level = h % 4 ? "Medium" : "Low";
	else
		level = "Low";
	strbuf_addf(sb, ",\"risk\":{\"level\":\"%s\",\"riskFactors\":[%s%s],\"isContextualRisk\":%s,"
		    "\"attackPathsReferences\":[", level, strcmp(level, "None") ? factors(e->res[f->resource].kind) : "",
		    on && strcmp(p.risk, "Critical") == 0 ? ",\"Sensitive Data\"" : "", on ? "true" : "false");
	if (on)
		strbuf_addf(sb, "\"%s\"", p.id);
	strbuf_addstr(sb, "]}");
}

/* The first present key vault (else storage account) of each subscription. */
uint32_t *gen_path_targets(const struct gen_estate *e)
{
	uint32_t *t = xcalloc(e->nsubs * 2 + 1, sizeof(*t)), i;
	size_t s;

	for (s = 0; s < e->nsubs * 2; s++)
		t[s] = NO_RES;
	for (i = 0; i < e->nres; i++) {
		const struct gen_resource *r = &e->res[i];
		size_t slot = r->sub * 2 + (r->kind == GK_STORAGE);

		if ((r->kind == GK_KEYVAULT || r->kind == GK_STORAGE) && t[slot] == NO_RES && gen_resource_present(e, i))
			t[slot] = i;
	}
	return t;
}

static uint32_t target_of(const uint32_t *t, const struct gen_estate *e, uint32_t ri)
{
	uint32_t s = e->res[ri].sub;

	return t[s * 2] != NO_RES ? t[s * 2] : t[s * 2 + 1] != NO_RES ? t[s * 2 + 1] : ri;
}

static void entity(struct strbuf *sb, const struct gen_estate *e, uint32_t ri)
{
	strbuf_addstr(sb, "{\"name\":\"");
	gen_resource_name(e, ri, sb);
	strbuf_addstr(sb, "\",\"entityIdentifiers\":{\"azureResourceId\":\"");
	gen_resource_id(e, ri, GEN_ID_ARM, sb);
	strbuf_addstr(sb, "\"}}");
}

static void assessments(struct strbuf *sb, const struct gen_estate *e, const struct gen_path *p)
{
	strbuf_addf(sb, "\"assessments\":[{\"entityInternalId\":\"e-%u\",\"assessments\":[\"", (unsigned)p->resource);
	gen_assessment_id(sb, e, p->finding, GEN_ID_ARM);
	strbuf_addstr(sb, "\"]}]");
}

static void description(struct strbuf *sb, const struct gen_estate *e, const struct gen_path *p, uint32_t target)
{
	strbuf_addstr(sb, "\"description\":\"");
	gen_resource_name(e, p->resource, sb);
	strbuf_addstr(sb, " is reachable from the internet and can reach ");
	gen_resource_name(e, target, sb);
	strbuf_addstr(sb, ".\",");
}

/* The attack path of resource ri, if any, as a continuous-export event (the
 * AttackPathsSnapshot data type: the path in an "attackPath" object); tg
 * from gen_path_targets. */
void gen_ce_path(struct strbuf *sb, const struct gen_estate *e, const uint32_t *tg, uint32_t ri, pst_time t)
{
	uint32_t sub = e->res[ri].sub, target;
	struct gen_path p;

	if (!gen_path_of(e, ri, &p))
		return;
	target = target_of(tg, e, ri);
	strbuf_addf(sb, "{\"attackPath\":{\"id\":\"/subscriptions/%s/providers/Microsoft.Security/attackPaths/%s\","
		    "\"attackPathId\":\"%s\",", e->subs[sub].id, p.id, p.id);
	gen_json_kstr(sb, "displayName", p.name);
	description(sb, e, &p, target);
	strbuf_addf(sb, "\"riskLevel\":\"%s\",\"riskFactors\":[\"Exposure to the Internet\"%s],\"entryPoint\":",
		    p.risk, e->res[target].kind == GK_KEYVAULT ? ",\"Sensitive Data\"" : "");
	entity(sb, e, ri);
	strbuf_addstr(sb, ",\"target\":");
	entity(sb, e, target);
	strbuf_addstr(sb, ",\"mITRETacticsAndTechniques\":[\"Initial Access\",\"T1190\"],");
	assessments(sb, e, &p);
	strbuf_addstr(sb, "},");
	gen_ce_envelope(sb, true, false, false, false);
	strbuf_addf(sb, "\"subscriptionId\":\"%s\",\"tenantId\":\"%s\",\"timeGenerated\":", e->subs[sub].id, e->tenant);
	gen_json_time(sb, t);
	strbuf_addstr(sb, "}\n");
}

/* ---- Resource Graph: securityresources | where type == "microsoft.security/attackpaths" ---- */

static void arg_row(struct strbuf *sb, const struct gen_estate *e, const struct gen_path *p, uint32_t target)
{
	uint32_t sub = e->res[p->resource].sub;

	strbuf_addf(sb, "{\"id\":\"/subscriptions/%s/providers/Microsoft.Security/attackPaths/%s\",\"name\":\"%s\","
		    "\"type\":\"microsoft.security/attackpaths\",\"tenantId\":\"%s\",\"kind\":\"\",\"location\":\"global\","
		    "\"resourceGroup\":\"\",\"subscriptionId\":\"%s\",\"properties\":{", e->subs[sub].id, p->id, p->id,
		    e->tenant, e->subs[sub].id);
	gen_json_kstr(sb, "displayName", p->name);
	description(sb, e, p, target);
	strbuf_addf(sb, "\"attackPathType\":\"InternetExposedVM\",\"riskLevel\":\"%s\",\"riskCategories\":"
		    "[\"DataExposure\"],\"entryPointEntityInternalID\":\"e-%u\",\"targetEntityInternalID\":\"e-%u\",",
		    p->risk, (unsigned)p->resource, (unsigned)target);
	assessments(sb, e, p);
	strbuf_addf(sb, ",\"graphComponent\":{\"entities\":[{\"entityInternalId\":\"e-%u\",\"entityIdentifiers\":"
		    "{\"azureResourceId\":\"", (unsigned)p->resource);
	gen_resource_id(e, p->resource, GEN_ID_LOWERRG, sb);
	strbuf_addf(sb, "\"}},{\"entityInternalId\":\"e-%u\",\"entityIdentifiers\":{\"azureResourceId\":\"",
		    (unsigned)target);
	gen_resource_id(e, target, GEN_ID_LOWERRG, sb);
	strbuf_addf(sb, "\"}}],\"connections\":[],\"insights\":[]},\"refreshInterval\":\"PT1H\",\"attackPathId\":\"%s\"}}",
		    p->id);
}

int gen_arg_paths(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	const struct gen_estate *e = c->e;
	struct strbuf path = STRBUF_INIT;
	uint32_t *tg = gen_path_targets(e), i;
	struct gen_sink s;
	struct gen_path p;
	char d[PST_TIME_BUF];
	size_t n = 0;
	int rc;

	pst_date_format(t, d, sizeof(d));
	strbuf_addf(&path, "%s/arg/attackpaths-%s.json", c->out, d);
	rc = gen_sink_open(&s, path.buf, 0, c->err);
	for (i = 0; i < e->nres && !rc; i++)
		n += e->res[i].sub != skip_sub && gen_path_of(e, i, &p);
	if (!rc)
		strbuf_addf(&s.buf, "{\"count\":%zu,\"data\":[", n);
	for (n = 0, i = 0; i < e->nres && !rc; i++) {
		if (e->res[i].sub == skip_sub || !gen_path_of(e, i, &p))
			continue;
		strbuf_addstr(&s.buf, n++ ? ",\n" : "\n");
		arg_row(&s.buf, e, &p, target_of(tg, e, i));
		gen_sink_flush(&s, false);
	}
	if (!rc) {
		strbuf_addstr(&s.buf, "\n],\"skip_token\":null}\n");
		rc = gen_sink_close(&s, c->err);
	}
	strbuf_release(&path);
	free(tg);
	return rc;
}

/* ---- Log Analytics SecurityAttackPathData (portal Export to CSV) ---- */

static void csv(struct strbuf *sb, struct strbuf *cell, bool first)
{
	gen_csv_field(sb, cell->buf ? cell->buf : "", first, false);
	strbuf_reset(cell);
}

static void la_row(struct strbuf *sb, const struct gen_estate *e, const struct gen_path *p, uint32_t target,
		   const char *tg)
{
	struct strbuf x = STRBUF_INIT;
	uint32_t sub = e->res[p->resource].sub;

	strbuf_addstr(&x, e->workspace);
	csv(sb, &x, true);
	strbuf_addstr(&x, tg);
	csv(sb, &x, false);
	strbuf_addstr(&x, p->id);
	csv(sb, &x, false);
	strbuf_addstr(&x, p->name);
	csv(sb, &x, false);
	strbuf_addstr(&x, p->risk);
	csv(sb, &x, false);
	strbuf_addstr(&x, "[\"Exposure to the Internet\"]");
	csv(sb, &x, false);
	gen_resource_id(e, p->resource, GEN_ID_ARM, &x);
	csv(sb, &x, false);
	gen_resource_id(e, target, GEN_ID_ARM, &x);
	csv(sb, &x, false);
	strbuf_addch(&x, '{');
	assessments(&x, e, p);
	strbuf_addch(&x, '}');
	csv(sb, &x, false);
	strbuf_addstr(&x, "{\"nodes\":[{\"id\":\"");
	gen_resource_id(e, p->resource, GEN_ID_ARM, &x);
	strbuf_addstr(&x, "\"},{\"id\":\"");
	gen_resource_id(e, target, GEN_ID_ARM, &x);
	strbuf_addstr(&x, "\"}],\"edges\":[{\"source\":0,\"target\":1,\"label\":\"can authenticate to\"}]}");
	csv(sb, &x, false);
	strbuf_addstr(&x, "Initial Access, T1190");
	csv(sb, &x, false);
	strbuf_addstr(&x, e->subs[sub].id);
	csv(sb, &x, false);
	strbuf_addstr(&x, "SecurityAttackPathData");
	csv(sb, &x, false);
	strbuf_addch(sb, '\n');
	strbuf_release(&x);
}

int gen_la_paths(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	const struct gen_estate *e = c->e;
	struct strbuf path = STRBUF_INIT;
	uint32_t *tg = gen_path_targets(e), i;
	char ts[PST_TIME_BUF], tgen[48];
	struct gen_sink s;
	struct gen_path p;
	int rc;

	pst_time_format(t, ts, sizeof(ts));
	for (i = 0; ts[i]; i++)
		if (ts[i] == ':')
			ts[i] = '_';
	gen_time_text(t, tgen, sizeof(tgen));
	strbuf_addf(&path, "%s/la/SecurityAttackPathData_%s.csv", c->out, ts);
	rc = gen_sink_open(&s, path.buf, 0, c->err);
	if (!rc)
		strbuf_addstr(&s.buf, "TenantId,TimeGenerated,AttackPathId,DisplayName,RiskLevel,RiskFactors,EntrypointId,"
			      "TargetId,Assessments,Path,Mitre,_SubscriptionId,Type\n");
	for (i = 0; i < e->nres && !rc; i++)
		if (e->res[i].sub != skip_sub && gen_path_of(e, i, &p))
			la_row(&s.buf, e, &p, target_of(tg, e, i), tgen);
	if (!rc)
		rc = gen_sink_close(&s, c->err);
	strbuf_release(&path);
	free(tg);
	return rc;
}

/* ---- policy exemptions (REST list) of the exempt findings ---- */

static void exemption(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, pst_time t)
{
	const struct gen_finding *f = &e->f[fi];
	uint64_t h = gen_mix(e->seed * UINT64_C(0xbf58476d1ce4e5b9) + fi);
	uint32_t sub = e->res[f->resource].sub;
	bool waiver = h % 3 != 0;
	char name[GEN_GUID_LEN];

	gen_guid(h, fi, name);
	strbuf_addstr(sb, "{\"id\":\"");
	gen_resource_id(e, f->resource, GEN_ID_ARM, sb);
	strbuf_addf(sb, "/providers/Microsoft.Authorization/policyExemptions/%s\",\"name\":\"%s\",\"type\":"
		    "\"Microsoft.Authorization/policyExemptions\",\"systemData\":{\"createdAt\":", name, name);
	gen_json_time(sb, f->changed);
	strbuf_addf(sb, "},\"properties\":{\"policyAssignmentId\":\"/subscriptions/%s/providers/"
		    "Microsoft.Authorization/policyAssignments/SecurityCenterBuiltIn\",\"exemptionCategory\":\"%s\",",
		    e->subs[sub].id, waiver ? "Waiver" : "Mitigated");
	if (waiver) {
		strbuf_addstr(sb, "\"expiresOn\":");
		gen_json_time(sb, pst_month_start(t) + (pst_time)(35 + h % 60) * PST_MS_PER_DAY - 60000);
		strbuf_addch(sb, ',');
	}
	strbuf_addstr(sb, "\"displayName\":");
	gen_json_str(sb, e->cat->recs[f->rec].name);
	strbuf_addf(sb, ",\"description\":\"%s\",\"metadata\":{\"requestedBy\":\"workload owner\"}}}",
		    waiver ? "Risk accepted by the workload owner until the next architecture review"
			   : "Compensating control: traffic is filtered by the central firewall");
}

int gen_exemptions(struct gen_ctx *c, pst_time t, uint32_t skip_sub)
{
	const struct gen_estate *e = c->e;
	struct strbuf path = STRBUF_INIT;
	struct gen_sink s;
	char d[PST_TIME_BUF];
	size_t n = 0;
	uint32_t i;
	int rc;

	pst_date_format(t, d, sizeof(d));
	strbuf_addf(&path, "%s/rest/policyExemptions-%s.json", c->out, d);
	rc = gen_sink_open(&s, path.buf, 0, c->err);
	if (!rc)
		strbuf_addstr(&s.buf, "{\"value\":[");
	for (i = 0; i < e->nf && !rc; i++) {
		if (e->f[i].state != GF_NA_EXEMPT || e->res[e->f[i].resource].sub == skip_sub)
			continue;
		strbuf_addstr(&s.buf, n++ ? ",\n" : "\n");
		exemption(&s.buf, e, i, t);
		gen_sink_flush(&s, false);
	}
	if (!rc) {
		strbuf_addstr(&s.buf, "\n]}\n");
		rc = gen_sink_close(&s, c->err);
	}
	strbuf_release(&path);
	return rc;
}
