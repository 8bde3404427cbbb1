/* gen_ce.c: continuous-export records (one JSON object a line). */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

#define API_ASSESS "2021-06-01"
#define API_OTHER "2020-01-01"

void gen_ce_envelope(struct strbuf *sb, bool snapshot, bool deleted, bool assessment, bool pascal)
{
	const char *action = deleted ? "Delete" : "Insert";
	const char *snap = snapshot ? "true" : "false";

	if (pascal) {
		strbuf_addf(sb, "\"AssessmentEventDataEnrichment\":{\"Action\":\"%s\",\"ApiVersion\":\"2019-01-01\","
			    "\"IsSnapshot\":%s},", action, snap);
		strbuf_addf(sb, "\"SecurityEventDataEnrichment\":{\"Action\":\"%s\",\"ApiVersion\":\"2019-01-01\","
			    "\"IsSnapshot\":%s},", action, snap);
		return;
	}
	if (assessment)
		strbuf_addf(sb, "\"assessmentEventDataEnrichment\":{\"action\":\"%s\",\"apiVersion\":\"%s\","
			    "\"isSnapshot\":%s},", action, API_ASSESS, snap);
	strbuf_addf(sb, "\"securityEventDataEnrichment\":{\"action\":\"%s\",\"apiVersion\":\"%s\","
		    "\"isSnapshot\":%s%s},", action, assessment ? API_ASSESS : API_OTHER, snap,
		    snapshot ? ",\"interval\":\"7.00:00:00\"" : "");
}

/* An AWS or GCP resource: its connector, region, native id and account. */
static void other_cloud_details(struct strbuf *sb, const struct gen_estate *e, uint32_t ri)
{
	const struct gen_resource *r = &e->res[ri];
	bool aws = r->kind == GK_AWS_EC2;
	uint64_t acct = gen_hash(e->subs[r->sub].id) % UINT64_C(900000000000) + UINT64_C(100000000000);
	const char *name = r->id + r->name_at;

	strbuf_addf(sb, "\"resourceDetails\":{\"source\":\"%s\",\"id\":\"%s\",\"connectorId\":\"%.*s\",",
		    aws ? "Aws" : "Gcp", r->id, (int)(strstr(r->id, "/securityentitydata/") - r->id), r->id);
	if (aws)
		strbuf_addf(sb, "\"region\":\"eu-west-1\",\"nativeCloudUniqueIdentifier\":\"arn:aws:ec2:eu-west-1:%llu:"
			    "instance/%s\",\"hierarchyId\":\"%llu\",\"resourceProvider\":\"ec2\",\"resourceType\":"
			    "\"instance\",", (unsigned long long)acct, name, (unsigned long long)acct);
	else
		strbuf_addf(sb, "\"region\":\"europe-west1\",\"nativeCloudUniqueIdentifier\":\"projects/%llu/zones/"
			    "europe-west1-b/instances/%s\",\"hierarchyId\":\"%llu\",\"resourceProvider\":\"compute\","
			    "\"resourceType\":\"instance\",", (unsigned long long)acct, name, (unsigned long long)acct);
	strbuf_addf(sb, "\"resourceName\":\"%s\"},", name);
}

static void resource_details(struct strbuf *sb, const struct gen_estate *e, uint32_t ri)
{
	const struct gen_kind_def *k = &gen_kinds()[e->res[ri].kind];
	bool sub = e->res[ri].kind == GK_SUBSCRIPTION;

	if (e->res[ri].kind == GK_AWS_EC2 || e->res[ri].kind == GK_GCP_VM) {
		other_cloud_details(sb, e, ri);
		return;
	}

	strbuf_addstr(sb, "\"resourceDetails\":{\"source\":\"Azure\",\"id\":\"");
	gen_resource_id(e, ri, GEN_ID_ARM, sb);
	strbuf_addstr(sb, "\",\"resourceName\":\"");
	gen_resource_name(e, ri, sb);
	strbuf_addf(sb, "\",\"resourceType\":\"%s\",\"resourceProvider\":\"%s\"},",
		    sub ? "subscription" : k->type, sub ? "Microsoft.Resources" : k->provider);
}

static void status_obj(struct strbuf *sb, const struct gen_finding *f, pst_time changed)
{
	const char *cause = gen_state_cause(f->state);

	strbuf_addf(sb, "\"status\":{\"code\":\"%s\",", gen_state_code(f->state));
	if (cause) {
		gen_json_kstr(sb, "cause", cause);
		gen_json_kstr(sb, "description", gen_state_description(f->state));
	}
	strbuf_addstr(sb, "\"statusChangeDate\":");
	gen_json_time(sb, changed);
	strbuf_addstr(sb, ",\"firstEvaluationDate\":");
	gen_json_time(sb, f->first_eval);
	strbuf_addstr(sb, "},");
}

/* "metadata":{...} of an assessment, or the properties of assessmentMetadata. */
static void metadata_body(struct strbuf *sb, const struct gen_catalog *cat, size_t i)
{
	const struct gen_rec_def *d = &cat->recs[i];
	bool high = d->severity[0] == 'H';

	gen_json_kstr(sb, "displayName", d->name);
	strbuf_addf(sb, "\"assessmentType\":\"BuiltIn\",\"policyDefinitionId\":"
		    "\"/providers/Microsoft.Authorization/policyDefinitions/%s\",", cat->policies[i]);
	gen_json_kstr(sb, "description", d->description);
	gen_json_kstr(sb, "remediationDescription", d->remediation);
	strbuf_addf(sb, "\"categories\":[\"%s\"],\"severity\":\"%s\",\"userImpact\":\"%s\","
		    "\"implementationEffort\":\"%s\",\"threats\":[\"%s\"]", d->category, d->severity,
		    high ? "Moderate" : "Low", high ? "Moderate" : "Low", d->threat);
}

/* The properties of an assessment: CE, REST, Resource Graph and the Log
 * Analytics Properties column share it. */
void gen_assessment_props(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, pst_time changed,
			  bool https)
{
	const struct gen_finding *f = &e->f[fi];

	strbuf_addch(sb, '{');
	resource_details(sb, e, f->resource);
	gen_json_kstr(sb, "displayName", e->cat->recs[f->rec].name);
	status_obj(sb, f, changed);
	strbuf_addstr(sb, "\"additionalData\":{},\"metadata\":{");
	metadata_body(sb, e->cat, f->rec);
	strbuf_addf(sb, "},\"links\":{\"azurePortal\":\"%sportal.azure.com/#blade/Microsoft_Azure_Security/"
		    "RecommendationsBlade/assessmentKey/%s\"}", https ? "https://" : "", gen_key(e, f->rec));
	gen_risk_member(sb, e, fi);
	strbuf_addch(sb, '}');
}

void gen_assessment_id(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, enum gen_idstyle st)
{
	gen_resource_id(e, e->f[fi].resource, st, sb);
	strbuf_addf(sb, "/providers/Microsoft.Security/assessments/%s", gen_key(e, e->f[fi].rec));
}

void gen_ce_assessment(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, bool snapshot,
		       bool deleted, bool pascal)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, snapshot, deleted, true, pascal);
	strbuf_addf(sb, "\"tenantId\":\"%s\",\"type\":\"Microsoft.Security/assessments\",\"id\":\"", e->tenant);
	gen_assessment_id(sb, e, fi, GEN_ID_ARM);
	strbuf_addf(sb, "\",\"name\":\"%s\",\"properties\":", gen_key(e, e->f[fi].rec));
	gen_assessment_props(sb, e, fi, e->f[fi].changed, false);
	strbuf_addstr(sb, "}\n");
}

void gen_metadata_obj(struct strbuf *sb, const struct gen_catalog *cat, size_t i)
{
	strbuf_addf(sb, "\"type\":\"Microsoft.Security/assessmentMetadata\",\"id\":\"/providers/Microsoft.Security/"
		    "assessmentMetadata/%s\",\"name\":\"%s\",\"properties\":{", cat->keys[i], cat->keys[i]);
	metadata_body(sb, cat, i);
	strbuf_addch(sb, '}');
}

void gen_ce_metadata(struct strbuf *sb, const struct gen_catalog *cat, size_t i)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	gen_metadata_obj(sb, cat, i);
	strbuf_addstr(sb, "}\n");
}

/* {"id":...,"name":...,"type":...,"properties":{...}} of a control definition. */
void gen_control_def_obj(struct strbuf *sb, const struct gen_catalog *cat, unsigned ci, const char *type)
{
	const struct gen_control_def *d = &gen_controls()[ci];
	size_t i;
	bool first = true;

	strbuf_addf(sb, "\"id\":\"/providers/Microsoft.Security/secureScoreControlDefinitions/%s\",\"name\":\"%s\","
		    "\"type\":\"%s\",\"properties\":{\"source\":{\"sourceType\":\"BuiltIn\"},", d->guid, d->guid, type);
	gen_json_kstr(sb, "displayName", d->name);
	gen_json_kstr(sb, "description", d->description);
	strbuf_addf(sb, "\"maxScore\":%u,\"assessmentDefinitions\":[", d->max);
	for (i = 0; i < cat->nrecs; i++) {
		if (cat->recs[i].control != ci)
			continue;
		strbuf_addf(sb, "%s{\"id\":\"/providers/Microsoft.Security/assessmentMetadata/%s\"}",
			    first ? "" : ",", cat->keys[i]);
		if (i == cat->alias_rec) /* both keys of the renamed recommendation */
			strbuf_addf(sb, ",{\"id\":\"/providers/Microsoft.Security/assessmentMetadata/%s\"}", GEN_ALIAS_NEW);
		first = false;
	}
	strbuf_addstr(sb, "]}");
}

void gen_ce_control_def(struct strbuf *sb, const struct gen_catalog *cat, unsigned ci, const char *type)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	gen_control_def_obj(sb, cat, ci, type);
	strbuf_addstr(sb, "}\n");
}

static void score_obj(struct strbuf *sb, double max, double cur, double pct)
{
	strbuf_addstr(sb, "\"score\":{\"max\":");
	gen_json_num(sb, max);
	strbuf_addstr(sb, ",\"current\":");
	gen_json_num(sb, cur);
	strbuf_addstr(sb, ",\"percentage\":");
	gen_json_num(sb, pct);
	strbuf_addstr(sb, "},");
}

/* "id":...,"name":"ascScore","type":...,"properties":{...} of a secure score. */
void gen_score_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s, const struct gen_sub_score *sc)
{
	strbuf_addf(sb, "\"id\":\"/subscriptions/%s/providers/Microsoft.Security/secureScores/ascScore\","
		    "\"name\":\"ascScore\",\"type\":\"Microsoft.Security/secureScores\",\"properties\":"
		    "{\"displayName\":\"ASC score\",", e->subs[s].id);
	score_obj(sb, sc->max, sc->current, sc->percentage);
	strbuf_addf(sb, "\"weight\":%u}", (unsigned)sc->weight);
}

void gen_ce_score(struct strbuf *sb, const struct gen_estate *e, uint32_t s, const struct gen_sub_score *sc)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	strbuf_addf(sb, "\"tenantId\":\"%s\",", e->tenant);
	gen_score_obj(sb, e, s, sc);
	strbuf_addstr(sb, "}\n");
}

void gen_score_control_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s,
			   const struct gen_sub_score *sc, unsigned ci, bool with_def)
{
	const struct gen_control_def *d = &gen_controls()[ci];
	const struct gen_ctl_score *c = &sc->ctl[ci];

	strbuf_addf(sb, "\"id\":\"/subscriptions/%s/providers/Microsoft.Security/secureScores/ascScore/"
		    "secureScoreControls/%s\",\"name\":\"%s\",\"type\":\"Microsoft.Security/secureScores/"
		    "secureScoreControls\",\"properties\":{", e->subs[s].id, d->guid, d->guid);
	gen_json_kstr(sb, "displayName", d->name);
	strbuf_addf(sb, "\"healthyResourceCount\":%u,\"unhealthyResourceCount\":%u,"
		    "\"notApplicableResourceCount\":%u,", (unsigned)c->healthy, (unsigned)c->unhealthy,
		    (unsigned)c->na);
	score_obj(sb, c->max, c->current, c->percentage);
	strbuf_addf(sb, "\"weight\":%u", (unsigned)(c->healthy + c->unhealthy));
	if (with_def) {
		strbuf_addstr(sb, ",\"definition\":{");
		gen_control_def_obj(sb, e->cat, ci, "Microsoft.Security/secureScoreControlDefinitions");
		strbuf_addch(sb, '}');
	}
	strbuf_addch(sb, '}');
}

void gen_ce_score_control(struct strbuf *sb, const struct gen_estate *e, uint32_t s,
			  const struct gen_sub_score *sc, unsigned ci, bool with_def)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	strbuf_addf(sb, "\"tenantId\":\"%s\",", e->tenant);
	gen_score_control_obj(sb, e, s, sc, ci, with_def);
	strbuf_addstr(sb, "}\n");
}

void gen_compliance_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t s, size_t rec,
			const uint32_t cnt[3], const char *type)
{
	const struct gen_rec_def *d = &e->cat->recs[rec];
	const char *state = cnt[1] ? "Failed" : cnt[0] ? "Passed" : "Skipped";
	const char *key = gen_key(e, rec);

	strbuf_addf(sb, "\"id\":\"/subscriptions/%s/providers/Microsoft.Security/regulatoryComplianceStandards/"
		    "Microsoft-cloud-security-benchmark/regulatoryComplianceControls/%s/"
		    "regulatoryComplianceAssessments/%s\",\"name\":\"%s\",\"type\":\"%s\",\"properties\":{",
		    e->subs[s].id, d->mcsb, key, key, type);
	gen_json_kstr(sb, "description", d->name);
	strbuf_addf(sb, "\"state\":\"%s\",\"passedResources\":%u,\"failedResources\":%u,\"skippedResources\":%u,"
		    "\"assessmentType\":\"Assessment\",\"assessmentDetailsLink\":\"https://portal.azure.com/#blade/"
		    "Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/%s/initiativeId/"
		    "Microsoft-cloud-security-benchmark\"}", state, (unsigned)cnt[0], (unsigned)cnt[1],
		    (unsigned)cnt[2], key);
}

void gen_ce_compliance(struct strbuf *sb, const struct gen_estate *e, uint32_t s, size_t rec,
		       const uint32_t cnt[3], const char *type)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	gen_compliance_obj(sb, e, s, rec, cnt, type);
	strbuf_addstr(sb, "}\n");
}

void gen_governance_obj(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, const struct gen_gov *g)
{
	strbuf_addstr(sb, "\"id\":\"");
	gen_assessment_id(sb, e, fi, GEN_ID_ARM);
	strbuf_addf(sb, "/governanceAssignments/%s\",\"name\":\"%s\",\"type\":\"Microsoft.Security/assessments/"
		    "governanceAssignments\",\"properties\":{\"owner\":\"%s\",\"remediationDueDate\":",
		    g->name, g->name, g->owner);
	gen_json_time(sb, g->due);
	strbuf_addstr(sb, ",\"remediationEta\":{\"eta\":");
	gen_json_time(sb, g->eta);
	strbuf_addf(sb, ",\"justification\":\"Change window agreed with the workload owner\"},"
		    "\"isGracePeriod\":%s,\"additionalData\":{\"ticketNumber\":%d,\"ticketLink\":"
		    "\"https://itsm.contoso-fabrikam.example/ticket/%d\",\"ticketStatus\":\"Active\"}}",
		    g->grace ? "true" : "false", g->ticket, g->ticket);
}

void gen_ce_governance(struct strbuf *sb, const struct gen_estate *e, uint32_t fi, const struct gen_gov *g)
{
	strbuf_addch(sb, '{');
	gen_ce_envelope(sb, true, false, false, false);
	strbuf_addf(sb, "\"tenantId\":\"%s\",", e->tenant);
	gen_governance_obj(sb, e, fi, g);
	strbuf_addstr(sb, "}\n");
}
