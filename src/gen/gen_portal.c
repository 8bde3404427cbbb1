/* gen_portal.c: the portal "Download CSV report" (UTF-8 with BOM, every field
 * quoted, recommendationId = full assessment id, recommendationName = key,
 * `controls` JSON in a string; 20 columns, or 27 with governance columns). */
#include <stdlib.h>
#include "gen.h"

static const char *const portal_cols[] = {
	"exportedTimestamp", "subscriptionId", "subscriptionName", "resourceGroup", "resourceType",
	"resourceName", "resourceId", "recommendationId", "recommendationName", "recommendationDisplayName",
	"description", "remediationSteps", "severity", "state", "notApplicableReason", "firstEvaluationDate",
	"statusChangeDate", "controls", "azurePortalRecommendationLink", "nativeCloudAccountId",
	"tactics", "techniques", "cloud", "owner", "eta", "dueDate", "gracePeriod", NULL
};
#define PORTAL_NARROW 20

struct portal {
	struct gen_sink s;
	const struct gen_estate *e;
	pst_time t;
	bool wide;
	struct strbuf tmp;
};

/* Adds a field built by the caller in p->tmp. */
static void field_tmp(struct portal *p, bool first)
{
	gen_csv_field(&p->s.buf, p->tmp.buf ? p->tmp.buf : "", first, true);
	strbuf_reset(&p->tmp);
}

static void field(struct portal *p, const char *v)
{
	gen_csv_field(&p->s.buf, v, false, true);
}

static void field_time(struct portal *p, pst_time t)
{
	char buf[48];

	gen_time_text(t, buf, sizeof(buf));
	field(p, buf);
}

static void resource_fields(struct portal *p, uint32_t fi)
{
	const struct gen_estate *e = p->e;
	const struct gen_resource *r = &e->res[e->f[fi].resource];
	const char *type = gen_kinds()[r->kind].type;
	char date[48];

	gen_time_text(p->t, date, sizeof(date));
	date[23] = 'Z';  /* exportedTimestamp has 3 fraction digits */
	date[24] = '\0';
	gen_csv_field(&p->s.buf, date, true, true);
	field(p, e->subs[r->sub].id);
	field(p, e->subs[r->sub].name);
	gen_resource_group(e, e->f[fi].resource, &p->tmp);
	field_tmp(p, false);
	for (; r->kind != GK_SUBSCRIPTION && *type; type++)
		strbuf_addch(&p->tmp, *type >= 'A' && *type <= 'Z' ? *type - 'A' + 'a' : *type);
	field(p, r->kind == GK_SUBSCRIPTION ? "Subscription" : p->tmp.buf);
	strbuf_reset(&p->tmp);
	gen_resource_name(e, e->f[fi].resource, &p->tmp);
	field_tmp(p, false);
	gen_resource_id(e, e->f[fi].resource, GEN_ID_LOWER, &p->tmp);
	field_tmp(p, false);
}

static void recommendation_fields(struct portal *p, uint32_t fi)
{
	const struct gen_estate *e = p->e;
	const struct gen_finding *f = &e->f[fi];
	const struct gen_rec_def *d = &e->cat->recs[f->rec];
	const struct gen_control_def *c = &gen_controls()[d->control];

	gen_resource_id(e, f->resource, GEN_ID_LOWER, &p->tmp);
	strbuf_addf(&p->tmp, "/providers/Microsoft.Security/assessments/%s", gen_key(e, f->rec));
	field_tmp(p, false);
	field(p, gen_key(e, f->rec));
	field(p, d->name);
	field(p, d->description);
	field(p, d->remediation);
	field(p, d->severity);
	field(p, gen_state_code(f->state));
	field(p, gen_state_cause(f->state));
	field_time(p, f->first_eval);
	field_time(p, f->changed);
	strbuf_addf(&p->tmp, "{\"%s\":\"%s\"}", c->name, c->guid);
	field_tmp(p, false);
	strbuf_addf(&p->tmp, "https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/"
		    "assessmentKey/%s", gen_key(e, f->rec));
	field_tmp(p, false);
	field(p, "");
}

static void governance_fields(struct portal *p, uint32_t fi)
{
	struct gen_gov g;
	bool has = gen_governance(p->e, fi, &g);
	char due[PST_TIME_BUF], eta[PST_TIME_BUF];

	field(p, "");
	field(p, "");
	field(p, "Azure");
	field(p, has ? g.owner : "");
	field(p, has ? pst_time_format(g.eta, eta, sizeof(eta)) : "");
	field(p, has ? pst_time_format(g.due, due, sizeof(due)) : "");
	field(p, has ? (g.ticket % 3 == 0 ? "true" : "false") : "");
}

static void portal_row(void *arg, uint32_t fi)
{
	struct portal *p = arg;

	resource_fields(p, fi);
	recommendation_fields(p, fi);
	if (p->wide)
		governance_fields(p, fi);
	strbuf_addch(&p->s.buf, '\n');
	gen_sink_flush(&p->s, false);
}

int gen_portal_csv(struct gen_ctx *c, pst_time t, uint32_t skip_sub, bool wide)
{
	struct portal p = {.e = c->e, .t = t, .wide = wide, .tmp = STRBUF_INIT};
	struct strbuf path = STRBUF_INIT;
	char ts[PST_TIME_BUF];
	size_t i, n = wide ? PST_ARRAY_LEN(portal_cols) - 1 : PORTAL_NARROW;
	int rc;

	pst_time_format(t, ts, sizeof(ts));
	ts[13] = ts[16] = '_';
	strbuf_addf(&path, "%s/portal/AzureSecurityCenterRecommendations_%s.csv", c->out, ts);
	rc = gen_sink_open(&p.s, path.buf, 0, c->err);
	if (rc)
		goto out;
	strbuf_addstr(&p.s.buf, "\xEF\xBB\xBF");
	for (i = 0; i < n; i++)
		gen_csv_field(&p.s.buf, portal_cols[i], i == 0, true);
	strbuf_addch(&p.s.buf, '\n');
	gen_for_each_finding(c->e, skip_sub, portal_row, &p);
	rc = gen_sink_close(&p.s, c->err);
out:
	strbuf_release(&path);
	strbuf_release(&p.tmp);
	return rc;
}
