/* rows_assess.c: assessment rows: the portal "Download CSV report" and
 * the Log Analytics SecurityRecommendation and SecurityNestedRecommendation
 * tables. */
#include "rows.h"

#include <string.h>
#include "posture/strbuf.h"

#define ASSESSMENTS_SEGMENT "/providers/Microsoft.Security/assessments/"

/* The assessed resource of an assessment id: the part before
 * "/providers/Microsoft.Security/assessments/". */
static const char *resource_of_assessment(struct row_ctx *c, const char *aid)
{
	const char *p = aid ? row_strcasestr(aid, ASSESSMENTS_SEGMENT) : NULL;

	return p && p > aid ? row_strndup(c, aid, (size_t)(p - aid)) : NULL;
}

/* The ARM id among an (id, name) pair, whichever column holds it. */
static const char *arm_id(const char *id, const char *name)
{
	if (id && strchr(id, '/'))
		return id;
	return name && strchr(name, '/') ? name : NULL;
}

/* What every assessment needs: a key, a resource and a known state. */
static bool check_assessment(struct row_ctx *c, const char *state, const char *key_col)
{
	const struct pst_assessment *a = &c->rec.u.assessment;

	if (!a->key)
		return row_reject(c, "no assessment key (%s)", key_col);
	if (!a->resource_id)
		return row_reject(c, "no resource id");
	if (!state)
		return row_reject(c, "no state");
	if (a->status == PST_ST_UNKNOWN)
		return row_reject(c, "unknown state '%s'", row_quote(c, state));
	return true;
}

/* The `controls` cell: {"Control name":"control id", ...}. */
static void portal_controls(struct row_ctx *c, struct pst_assessment *a)
{
	const cJSON *j = row_json(c, PST_COL_CONTROLS), *it;
	int n = cJSON_GetArraySize(j);
	const char **names, **ids;
	size_t k = 0;

	if (!cJSON_IsObject(j) || n <= 0)
		return;
	names = row_keep(c, xcalloc((size_t)n, sizeof(*names)));
	ids = row_keep(c, xcalloc((size_t)n, sizeof(*ids)));
	cJSON_ArrayForEach(it, j) {
		if (!it->string || !cJSON_IsString(it) || !it->valuestring)
			continue;
		names[k] = it->string;
		ids[k++] = it->valuestring;
	}
	a->control_names.items = names;
	a->control_ids.items = ids;
	a->control_names.n = a->control_ids.n = k;
}

/* resourceId, else from the assessment id; a subscription-level row
 * names its subscription id in resourceName. */
static const char *portal_resource(struct row_ctx *c, const char *aid)
{
	const char *rid = row_cell(c, PST_COL_RESOURCE_ID);
	const char *name = row_cell(c, PST_COL_RESOURCE_NAME);
	const char *type = row_cell(c, PST_COL_RESOURCE_TYPE);
	struct strbuf sb = STRBUF_INIT;

	if (!rid)
		rid = resource_of_assessment(c, aid);
	if (rid || !name || !type || !pst_streq_ci(type, "Subscription"))
		return rid;
	strbuf_addf(&sb, "/subscriptions/%s", name);
	return row_keep(c, strbuf_detach(&sb));
}

/* The resource type and group as the JSON reader gives them: from the
 * resource id where it tells ("microsoft.compute/virtualmachines"), else
 * what the row says. */
static void id_type_group(struct row_ctx *c, struct pst_assessment *a, const char *type, const char *group)
{
	char buf[256];
	const char *s;
	size_t n;

	a->resource_type = pst_id_resource_type(a->resource_id, buf, sizeof(buf)) ? row_strndup(c, buf, strlen(buf)) : type;
	a->resource_group = pst_id_resource_group(a->resource_id, &s, &n) ? row_strndup(c, s, n) : group;
}

/* A true/false cell: 1, 0, or -1 when absent or neither. */
static int row_flag(struct row_ctx *c, enum pst_col k)
{
	const char *s = row_cell(c, k);

	if (!s)
		return -1;
	if (pst_streq_ci(s, "true") || pst_streq_ci(s, "yes") || strcmp(s, "1") == 0)
		return 1;
	return pst_streq_ci(s, "false") || pst_streq_ci(s, "no") || strcmp(s, "0") == 0 ? 0 : -1;
}

/* Risk factors: a JSON array (Properties, or a cell of JSON text), else the
 * cell's text as written. */
static const char *risk_factors(struct row_ctx *c, const cJSON *arr, const char *cell)
{
	struct strbuf sb = STRBUF_INIT;
	const cJSON *e;

	if (!cJSON_IsArray(arr) && cell && *cell == '[')
		arr = row_json(c, PST_COL_RISK_FACTORS);
	if (!cJSON_IsArray(arr))
		return cell;
	cJSON_ArrayForEach(e, arr) {
		if (!cJSON_IsString(e) || !e->valuestring || !*e->valuestring)
			continue;
		if (sb.len)
			strbuf_addstr(&sb, ", ");
		strbuf_addstr(&sb, e->valuestring);
	}
	if (!sb.len)
		return NULL;
	return row_keep(c, strbuf_detach(&sb));
}

/* riskLevel / riskFactors columns where an export has them, else
 * Properties.risk (the assessment's properties, API 2025-05-04). */
static void risk_of_row(struct row_ctx *c, struct pst_assessment *a)
{
	const char *cell = row_cell(c, PST_COL_RISK_FACTORS);

	a->risk = pst_risk_parse(row_pick(c, PST_COL_RISK_LEVEL, "risk.level"));
	a->risk_factors = risk_factors(c, cell ? NULL : row_jget(c->props, "risk.riskFactors"), cell);
}

static void portal_texts(struct row_ctx *c, struct pst_assessment *a)
{
	a->display_name = row_cell(c, PST_COL_RECOMMENDATION_DISPLAY_NAME);
	a->description = row_cell(c, PST_COL_DESCRIPTION);
	a->remediation = row_cell(c, PST_COL_REMEDIATION_STEPS);
	a->severity = pst_severity_parse(row_cell(c, PST_COL_SEVERITY));
	a->cause = row_cell(c, PST_COL_NOT_APPLICABLE_REASON);
	a->first_eval = row_time(c, PST_COL_FIRST_EVALUATION_DATE);
	a->status_change = row_status_change(c, PST_COL_STATUS_CHANGE_DATE, NULL);
	a->resource_name = row_cell(c, PST_COL_RESOURCE_NAME);
	id_type_group(c, a, row_cell(c, PST_COL_RESOURCE_TYPE), row_cell(c, PST_COL_RESOURCE_GROUP));
	a->subscription_name = row_cell(c, PST_COL_SUBSCRIPTION_NAME);
	a->source = row_cell(c, PST_COL_CLOUD);
	a->account = row_cell(c, PST_COL_NATIVE_CLOUD_ACCOUNT_ID);
	a->portal_link = row_cell(c, PST_COL_AZURE_PORTAL_RECOMMENDATION_LINK);
	a->owner = row_cell(c, PST_COL_OWNER);
	a->due_date = row_time(c, PST_COL_DUE_DATE);
	a->eta = row_time(c, PST_COL_ETA);
	a->grace_period = row_flag(c, PST_COL_GRACE_PERIOD);
	risk_of_row(c, a);
}

/* Portal rows: recommendationId holds the full assessment id and
 * recommendationName the key (the names are inverted in the export). */
bool pst_rows_portal(struct row_ctx *c)
{
	struct pst_assessment *a = &c->rec.u.assessment;
	const char *id = row_cell(c, PST_COL_RECOMMENDATION_ID), *name = row_cell(c, PST_COL_RECOMMENDATION_NAME);
	const char *state = row_cell(c, PST_COL_STATE);

	pst_record_init(&c->rec, PST_REC_ASSESSMENT);
	c->rec.snapshot = PST_SNAP_FILE;
	c->rec.observed = row_time(c, PST_COL_EXPORTED_TIMESTAMP);
	if (c->rec.observed != PST_TIME_NONE)
		c->rec.time_src = PST_TS_RECORD;
	c->rec.id = arm_id(id, name);
	c->rec.subscription_id = row_cell(c, PST_COL_SUBSCRIPTION_ID);
	a->key = row_assessment_key(c, id, name);
	a->resource_id = portal_resource(c, c->rec.id);
	a->status = pst_status_parse(state);
	portal_texts(c, a);
	portal_controls(c, a);
	return check_assessment(c, state, "recommendationName");
}

/* provider/type from Properties.resourceDetails, as far as known. */
static const char *details_type(struct row_ctx *c)
{
	const char *prov = row_pstr(c, "resourceDetails.resourceProvider");
	const char *type = row_pstr(c, "resourceDetails.resourceType");
	struct strbuf sb = STRBUF_INIT;

	if (!prov || !type || strchr(type, '/'))
		return type;
	strbuf_addf(&sb, "%s/%s", prov, type);
	return row_keep(c, strbuf_detach(&sb));
}

static void recommendation_texts(struct row_ctx *c, struct pst_assessment *a)
{
	const char *name = row_pick(c, PST_COL_RECOMMENDATION_DISPLAY_NAME, "displayName");
	const char *type = details_type(c);

	a->display_name = name ? name : row_pstr(c, "metadata.displayName");
	a->cause = row_pick(c, PST_COL_NOT_APPLICABLE_REASON, "status.cause");
	a->status_description = row_pstr(c, "status.description");
	a->severity = pst_severity_parse(row_pick(c, PST_COL_RECOMMENDATION_SEVERITY, "metadata.severity"));
	a->category = row_jstr(c, cJSON_GetArrayItem(row_jget(c->props, "metadata.categories"), 0), "");
	a->description = row_pick(c, PST_COL_DESCRIPTION, "metadata.description");
	a->remediation = row_pick(c, PST_COL_REMEDIATION_DESCRIPTION, "metadata.remediationDescription");
	a->first_eval = row_pick_time(c, PST_COL_FIRST_EVALUATION_DATE, "status.firstEvaluationDate");
	a->status_change = row_status_change(c, PST_COL_STATUS_CHANGE_DATE, "status.statusChangeDate");
	a->policy_definition_id = row_pick(c, PST_COL_POLICY_DEFINITION_ID, "metadata.policyDefinitionId");
	a->portal_link = row_pick(c, PST_COL_RECOMMENDATION_LINK, "links.azurePortal");
	a->resource_name = row_pstr(c, "resourceDetails.resourceName");
	id_type_group(c, a, NULL, NULL);
	if (type)
		a->resource_type = type; /* resourceDetails' own spelling wins, as in CE JSON */
	a->source = row_pstr(c, "resourceDetails.source");
	a->account = row_pstr(c, "resourceDetails.hierarchyId");
	a->connector = row_pstr(c, "resourceDetails.connectorId");
	a->native_id = row_pstr(c, "resourceDetails.nativeCloudUniqueIdentifier");
	risk_of_row(c, a);
}

/* SecurityRecommendation: the columns, filled in from Properties (the
 * assessment's properties as continuous export wrote them). */
bool pst_rows_recommendation(struct row_ctx *c)
{
	struct pst_assessment *a = &c->rec.u.assessment;
	const char *id = row_cell(c, PST_COL_RECOMMENDATION_ID), *name = row_cell(c, PST_COL_RECOMMENDATION_NAME);
	const char *state, *rid;

	pst_record_init(&c->rec, PST_REC_ASSESSMENT);
	row_la_common(c);
	c->rec.id = arm_id(id, name);
	a->key = row_assessment_key(c, id, name);
	rid = row_pick(c, PST_COL_ASSESSED_RESOURCE_ID, "resourceDetails.id");
	a->resource_id = rid ? rid : resource_of_assessment(c, c->rec.id);
	state = row_pick(c, PST_COL_RECOMMENDATION_STATE, "status.code");
	a->status = pst_status_parse(state);
	recommendation_texts(c, a);
	return check_assessment(c, state, "RecommendationName");
}

/* SecurityNestedRecommendation: a sub-assessment (finding) under an
 * assessment. */
bool pst_rows_nested(struct row_ctx *c)
{
	struct pst_sub_assessment *s = &c->rec.u.sub;
	const char *rem = row_cell(c, PST_COL_REMEDIATION_DESCRIPTION);
	const char *id = row_cell(c, PST_COL_ID);

	pst_record_init(&c->rec, PST_REC_SUB_ASSESSMENT);
	row_la_common(c);
	c->rec.subscription_id = row_cell(c, PST_COL_RECOMMENDATION_SUBSCRIPTION_ID);
	s->id = id ? id : row_cell(c, PST_COL_NESTED_RECOMMENDATION_ID);
	s->assessment_key = row_name_of(c, row_cell(c, PST_COL_PARENT_RECOMMENDATION_ID));
	s->resource_id = row_cell(c, PST_COL_ASSESSED_RESOURCE_ID);
	if (!s->resource_id)
		s->resource_id = row_jstr(c, row_json(c, PST_COL_RESOURCE_DETAILS), "id");
	s->display_name = row_cell(c, PST_COL_RECOMMENDATION_NAME);
	s->status = pst_status_parse(row_cell(c, PST_COL_RECOMMENDATION_STATE));
	s->severity = pst_severity_parse(row_cell(c, PST_COL_RECOMMENDATION_SEVERITY));
	s->category = row_cell(c, PST_COL_CATEGORY);
	s->description = row_cell(c, PST_COL_DESCRIPTION);
	s->remediation = rem ? rem : row_cell(c, PST_COL_REMIDIATION_DESCRIPTION);
	s->time_generated = row_time(c, PST_COL_SUB_ASSESSMENT_TIME_GENERATION);
	if (!s->id)
		return row_reject(c, "no sub-assessment id (Id, NestedRecommendationId)");
	if (!s->resource_id)
		return row_reject(c, "no resource id (AssessedResourceId, ResourceDetails)");
	return true;
}
