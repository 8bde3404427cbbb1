/* json_records.c: which record an element is, its envelope (action,
 * snapshot), and emitting or rejecting it. */
#include "json_records.h"

#include "posture/strbuf.h"

#include <string.h>

struct rec_kind {
	const char *type; /* the ARM type, compared case-insensitively */
	enum pst_rec_type rt;
	pst_json_fill_fn fill;
};

static const struct rec_kind kinds[] = {
	{"Microsoft.Security/assessments", PST_REC_ASSESSMENT, pst_json_fill_assessment},
	{"Microsoft.Security/assessments/subAssessments", PST_REC_SUB_ASSESSMENT, pst_json_fill_sub},
	{"Microsoft.Security/assessmentMetadata", PST_REC_ASSESSMENT_META, pst_json_fill_meta},
	{"Microsoft.Security/assessments/governanceAssignments", PST_REC_GOVERNANCE, pst_json_fill_governance},
	{"Microsoft.Security/secureScores", PST_REC_SECURE_SCORE, pst_json_fill_score},
	{"Microsoft.Security/secureScores/secureScoreControls", PST_REC_SCORE_CONTROL, pst_json_fill_control},
	{"Microsoft.Security/secureScoreControlDefinitions", PST_REC_CONTROL_DEF, pst_json_fill_control_def},
	{"Microsoft.Security/locations/alerts", PST_REC_ALERT, pst_json_fill_alert},
	{"Microsoft.Security/regulatoryComplianceStandards/regulatoryComplianceControls/regulatoryComplianceAssessments",
	 PST_REC_COMPLIANCE, pst_json_fill_compliance},
	{"Microsoft.Security/regulatoryComplianceAssessment", PST_REC_COMPLIANCE, pst_json_fill_compliance},
	{"Microsoft.Authorization/policyExemptions", PST_REC_EXEMPTION, pst_json_fill_policy_exemption},
	{"Microsoft.Security/standardAssignments", PST_REC_EXEMPTION, pst_json_fill_standard_exemption},
	{"Microsoft.Security/attackPaths", PST_REC_ATTACK_PATH, pst_json_fill_attack_path},
};

/* CE and Log Analytics alerts are flat objects without a type. */
static const struct rec_kind flat_alert = {NULL, PST_REC_ALERT, pst_json_fill_alert};
/* A continuous-export attack path: its properties in an "attackPath" object. */
static const struct rec_kind ce_path = {NULL, PST_REC_ATTACK_PATH, pst_json_fill_attack_path};

static const struct rec_kind *classify(const cJSON *obj)
{
	const char *type = pst_jstr(obj, "type");
	size_t i, n;

	if (!type && pst_jobj(obj, "attackPath"))
		return &ce_path;
	if (!type)
		return pst_jstr(obj, "SystemAlertId") || pst_jstr(obj, "AlertType") ? &flat_alert : NULL;
	n = strlen(type);
	for (i = 0; i < PST_ARRAY_LEN(kinds); i++)
		if (strlen(kinds[i].type) == n && pst_streq_ci(type, kinds[i].type))
			return &kinds[i];
	return NULL;
}

pst_json_fill_fn pst_json_record_filler(const cJSON *obj)
{
	const struct rec_kind *k = classify(obj);

	return k ? k->fill : NULL;
}

static enum pst_action parse_action(const char *s)
{
	if (!s)
		return PST_ACT_NONE;
	if (pst_streq_ci(s, "Insert"))
		return PST_ACT_INSERT;
	if (pst_streq_ci(s, "Write"))
		return PST_ACT_WRITE;
	if (pst_streq_ci(s, "Delete"))
		return PST_ACT_DELETE;
	return PST_ACT_NONE;
}

/* CE envelopes: securityEventDataEnrichment, and per type (old exports
 * spell them PascalCase; keys match in any case). */
static void envelope(const cJSON *obj, const struct pst_json_src *src, struct pst_record *rec)
{
	static const char *const keys[] = {"securityEventDataEnrichment", "assessmentEventDataEnrichment",
	                                   "subAssessmentEventDataEnrichment"};
	bool found = false;
	int snap = -1;
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(keys); i++) {
		const cJSON *env = pst_jobj(obj, keys[i]);

		if (!env)
			continue;
		found = true;
		if (rec->action == PST_ACT_NONE)
			rec->action = parse_action(pst_jstr(env, "action"));
		if (snap < 0)
			snap = pst_jbool(env, "isSnapshot");
	}
	if (found)
		rec->snapshot = snap == 1 ? PST_SNAP_RECORD : PST_SNAP_STREAM;
	else
		rec->snapshot = src->in_list ? PST_SNAP_FILE : PST_SNAP_STREAM;
}

/* "keys: a, b, c" for a warning about an unrecognized object. */
static void list_keys(struct strbuf *sb, const cJSON *obj)
{
	const cJSON *e;
	int n = 0;

	cJSON_ArrayForEach(e, obj) {
		if (n == 5) {
			strbuf_addstr(sb, ", ...");
			break;
		}
		strbuf_addf(sb, "%s%.40s", n++ ? ", " : "", e->string ? e->string : "");
	}
}

static void unknown(struct pst_file_ctx *fc, const cJSON *obj, const struct pst_json_src *src)
{
	struct strbuf sb = STRBUF_INIT;
	const char *type = pst_jstr(obj, "type");

	if (pst_jget(obj, "$schema"))
		pst_warn(fc, &src->at, "a JSON Schema document (it has \"$schema\"), not export data: no records");
	else if (type)
		pst_warn(fc, &src->at, "unknown record type '%.200s' skipped", type);
	else {
		list_keys(&sb, obj);
		pst_warn(fc, &src->at, "not a recognized record (no \"type\" string, no alert fields; keys: %s)", sb.buf ? sb.buf : "none");
	}
	strbuf_release(&sb);
}

int pst_json_record(struct pst_file_ctx *fc, const cJSON *obj, const struct pst_json_src *src,
                    struct pst_error *err)
{
	const struct rec_kind *k = classify(obj);
	struct pst_jtmp t = PST_JTMP_INIT;
	struct pst_record rec;
	const char *why;
	int rc = PST_OK;

	if (!k) {
		unknown(fc, obj, src);
		return PST_OK;
	}
	pst_record_init(&rec, k->rt);
	rec.id = pst_jstr(obj, "id");
	rec.tenant_id = pst_jstr(obj, "tenantId");
	rec.origin = src->at;
	envelope(obj, src, &rec);
	why = k->fill(&t, obj, &rec);
	if (why) {
		pst_reject(fc, &src->at, "%s %s", pst_rec_type_name(k->rt), why);
	} else {
		if (src->enqueued != PST_TIME_NONE) {
			rec.observed = src->enqueued;
			rec.time_src = PST_TS_ENQUEUED;
		}
		rc = pst_emit(fc, &rec, err);
	}
	pst_jtmp_release(&t);
	return rc;
}
