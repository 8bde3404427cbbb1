/* json_fill.c: the fields of each record type, from ARM resources (REST,
 * Resource Graph, CE events) and flat CE alerts.  Keys match in any case,
 * so CE PascalCase and REST camelCase share one filler. */
#include "json_records.h"

#include <math.h>
#include <string.h>

static void set_record_time(struct pst_record *rec, pst_time t)
{
	if (t != PST_TIME_NONE) {
		rec->observed = t;
		rec->time_src = PST_TS_RECORD;
	}
}

/* An ARM resource's name, else the last segment of its id. */
static const char *arm_name(struct pst_jtmp *t, const cJSON *obj, const struct pst_record *rec)
{
	return pst_jor(pst_jstr(obj, "name"), pst_jid_last(t, rec->id));
}

static const char *resource_group(struct pst_jtmp *t, const char *id)
{
	const char *s;
	size_t n;

	return pst_id_resource_group(id, &s, &n) ? pst_jtmp_strndup(t, s, n) : NULL;
}

/* "Microsoft.Compute/virtualMachines" from resourceDetails, else from the id. */
static const char *resource_type(struct pst_jtmp *t, const cJSON *rd, const char *id)
{
	const char *prov = pst_jstr(rd, "resourceProvider"), *type = pst_jstr(rd, "resourceType");
	char buf[256];

	if (prov && type && !strchr(type, '/')) {
		snprintf(buf, sizeof(buf), "%s/%s", prov, type);
		return pst_jtmp_strndup(t, buf, strlen(buf));
	}
	if (pst_id_resource_type(id, buf, sizeof(buf)))
		return pst_jtmp_strndup(t, buf, strlen(buf));
	return type;
}

/* An ARM id ("/subscriptions/..."), as some docs print them with a blank
 * after a slash ("providers/ microsoft.security/ securityconnectors"):
 * those blanks dropped. */
static const char *arm_id(struct pst_jtmp *t, const char *id)
{
	char *s, *o;
	const char *p;

	if (!id || pst_strncasecmp(id, "/subscriptions/", 15) != 0)
		return NULL;
	if (!strstr(id, "/ "))
		return id;
	s = o = pst_jtmp_strndup(t, id, strlen(id));
	for (p = id; *p; p++)
		if (!(*p == ' ' && p > id && p[-1] == '/'))
			*o++ = *p;
	*o = '\0';
	return s;
}

static const char *native_id(const cJSON *rd)
{
	static const char *const keys[] = {"nativeCloudUniqueIdentifier", "awsResourceId", "gcpResourceId",
	                                   "nativeResourceId", "awsArn"};
	const char *s = NULL;
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(keys) && !s; i++)
		s = pst_jstr(rd, keys[i]);
	return s;
}

/* The resource of a finding: resourceDetails.id where it is an ARM id, else
 * (other clouds: an image path, an ARN) the Azure side of the assessment id
 * (".../securityconnectors/NAME/securityentitydata/..."), else the native
 * id, else what resourceDetails says. */
static const char *resource_key(struct pst_jtmp *t, const cJSON *rd, const struct pst_record *rec, const char *native)
{
	const char *id = pst_jor(pst_jstr(rd, "id"), pst_jstr(rd, "azureResourceId")), *arm = arm_id(t, id);
	const char *src = pst_jstr(rd, "source");

	if (!src || pst_streq_ci(src, "Azure"))
		return pst_jor(id, pst_jid_resource(t, rec->id)); /* as Azure findings always were */
	if (arm)
		return arm;
	if ((arm = arm_id(t, pst_jid_resource(t, rec->id))) != NULL)
		return arm;
	return pst_jor(pst_jor(id, native), pst_jid_resource(t, rec->id));
}

static void assessment_resource(struct pst_jtmp *t, const cJSON *rd, struct pst_record *rec)
{
	struct pst_assessment *a = &rec->u.assessment;

	a->native_id = native_id(rd);
	a->resource_id = resource_key(t, rd, rec, a->native_id);
	a->connector = pst_jstr(rd, "connectorId");
	a->account = pst_jor(pst_jor(pst_jstr(rd, "hierarchyId"), pst_jstr(rd, "awsAccountId")),
	                     pst_jor(pst_jstr(rd, "gcpProjectId"), pst_jstr(rd, "accountId")));
	a->resource_name = pst_jstr(rd, "resourceName");
	a->resource_type = resource_type(t, rd, a->resource_id);
	a->resource_group = resource_group(t, a->resource_id);
	a->source = pst_jstr(rd, "source");
}

/* properties.risk (API 2025-05-04); risk may sit on any status. */
static void assessment_risk(struct pst_jtmp *t, const cJSON *risk, struct pst_assessment *a)
{
	if (!risk)
		return;
	a->risk = pst_risk_parse(pst_jstr(risk, "level"));
	a->risk_factors = pst_jjoin(t, risk, "riskFactors", ", ");
	a->contextual_risk = pst_jbool(risk, "isContextualRisk");
	a->attack_paths = pst_jstr_list(t, risk, "attackPathsReferences");
}

static const char *assessment_check(const struct pst_assessment *a, const char *code)
{
	if (!a->resource_id)
		return "without a resource id";
	if (!a->key)
		return "without an assessment key (name)";
	if (!code)
		return "without a status code";
	if (a->status == PST_ST_UNKNOWN)
		return "with an unknown status code";
	return NULL;
}

const char *pst_json_fill_assessment(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties"), *st = pst_jobj(p, "status"), *md = pst_jobj(p, "metadata");
	const cJSON *links = pst_jobj(p, "links");
	struct pst_assessment *a = &rec->u.assessment;
	const char *code = pst_jstr(st, "code");

	assessment_resource(t, pst_jobj(p, "resourceDetails"), rec);
	a->key = arm_name(t, obj, rec);
	a->display_name = pst_jor(pst_jstr(p, "displayName"), pst_jstr(md, "displayName"));
	a->status = pst_status_parse(code);
	a->cause = pst_jstr(st, "cause");
	a->status_description = pst_jstr(st, "description");
	a->status_change = pst_jtime(st, "statusChangeDate");
	if (a->status_change == PST_TIME_NONE && pst_jget(st, "statusChangeDate") &&
	    !cJSON_IsNull(pst_jget(st, "statusChangeDate"))) {
		rec->bad_time_field = "statusChangeDate";
		rec->bad_time_value = cJSON_IsString(pst_jget(st, "statusChangeDate"))
		                          ? pst_jget(st, "statusChangeDate")->valuestring : "(not a string)";
	}
	a->first_eval = pst_jtime(st, "firstEvaluationDate");
	a->severity = pst_severity_parse(pst_jstr(md, "severity"));
	a->category = pst_jfirst(md, "categories");
	a->portal_link = pst_jor(pst_jstr(links, "azurePortal"), pst_jstr(links, "azurePortalUri"));
	a->description = pst_jstr(md, "description");
	a->remediation = pst_jstr(md, "remediationDescription");
	a->policy_definition_id = pst_jstr(md, "policyDefinitionId");
	assessment_risk(t, pst_jobj(p, "risk"), a);
	return assessment_check(a, code);
}

const char *pst_json_fill_sub(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties"), *st = pst_jobj(p, "status");
	struct pst_sub_assessment *s = &rec->u.sub;

	s->id = pst_jor(pst_jtext(t, p, "id"), pst_jstr(obj, "name"));
	s->assessment_key = pst_jid_segment(t, rec->id, "assessments");
	s->resource_id = pst_jor(pst_jstr(pst_jobj(p, "resourceDetails"), "id"), pst_jid_resource(t, rec->id));
	s->display_name = pst_jstr(p, "displayName");
	s->status = pst_status_parse(pst_jstr(st, "code"));
	s->severity = pst_severity_parse(pst_jstr(st, "severity"));
	s->category = pst_jstr(p, "category");
	s->description = pst_jstr(p, "description");
	s->remediation = pst_jstr(p, "remediation");
	s->time_generated = pst_jtime(p, "timeGenerated");
	set_record_time(rec, s->time_generated);
	if (!s->resource_id)
		return "without a resource id";
	return s->assessment_key ? NULL : "without a parent assessment key in its id";
}

const char *pst_json_fill_meta(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_assessment_meta *m = &rec->u.meta;

	m->key = arm_name(t, obj, rec);
	m->display_name = pst_jstr(p, "displayName");
	m->severity = pst_severity_parse(pst_jstr(p, "severity"));
	m->category = pst_jfirst(p, "categories");
	m->description = pst_jstr(p, "description");
	m->remediation = pst_jstr(p, "remediationDescription");
	m->user_impact = pst_jstr(p, "userImpact");
	m->implementation_effort = pst_jstr(p, "implementationEffort");
	m->policy_definition_id = pst_jstr(p, "policyDefinitionId");
	m->assessment_type = pst_jstr(p, "assessmentType");
	m->threats = pst_jstr_list(t, p, "threats");
	return m->key ? NULL : "without an assessment key (name)";
}

const char *pst_json_fill_governance(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties"), *eta = pst_jobj(p, "remediationEta");
	const cJSON *ad = pst_jobj(p, "additionalData");
	struct pst_governance *g = &rec->u.gov;

	g->resource_id = pst_jid_resource(t, rec->id);
	g->assessment_key = pst_jid_segment(t, rec->id, "assessments");
	g->name = arm_name(t, obj, rec);
	g->owner = pst_jstr(p, "owner");
	g->due_date = pst_jtime(p, "remediationDueDate");
	g->eta = pst_jtime(eta, "eta");
	g->eta_justification = pst_jstr(eta, "justification");
	g->grace_period = pst_jbool(p, "isGracePeriod");
	g->ticket_number = pst_jtext(t, ad, "ticketNumber");
	g->ticket_link = pst_jstr(ad, "ticketLink");
	g->ticket_status = pst_jstr(ad, "ticketStatus");
	if (!g->resource_id)
		return "without a resource id in its id";
	return g->assessment_key ? NULL : "without an assessment key in its id";
}

static void read_score(const cJSON *p, double *current, double *max, double *percentage)
{
	const cJSON *sc = pst_jobj(p, "score");

	*current = pst_jnum(sc, "current");
	*max = pst_jnum(sc, "max");
	*percentage = pst_jnum(sc, "percentage");
}

const char *pst_json_fill_score(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_secure_score *s = &rec->u.score;

	s->name = arm_name(t, obj, rec);
	s->display_name = pst_jstr(p, "displayName");
	read_score(p, &s->current, &s->max, &s->percentage);
	s->weight = pst_jnum(p, "weight");
	return isnan(s->current) || isnan(s->max) ? "without score.current and score.max" : NULL;
}

/* Assessment keys of a control definition's properties: last segments of
 * assessmentDefinitions[].id. */
static struct pst_str_list definition_keys(struct pst_jtmp *t, const cJSON *dp)
{
	struct pst_str_list l = {NULL, 0};
	const cJSON *defs = pst_jget(dp, "assessmentDefinitions"), *e;
	const char **items;

	if (!cJSON_IsArray(defs) || !defs->child)
		return l;
	items = pst_jtmp_alloc(t, (size_t)cJSON_GetArraySize(defs) * sizeof(*items));
	cJSON_ArrayForEach(e, defs) {
		const char *key = pst_jid_last(t, pst_jstr(e, "id"));

		if (key)
			items[l.n++] = key;
	}
	l.items = items;
	return l;
}

const char *pst_json_fill_control(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_score_control *c = &rec->u.control;

	c->control_id = arm_name(t, obj, rec);
	c->display_name = pst_jstr(p, "displayName");
	c->healthy = pst_jint(p, "healthyResourceCount");
	c->unhealthy = pst_jint(p, "unhealthyResourceCount");
	c->not_applicable = pst_jint(p, "notApplicableResourceCount");
	read_score(p, &c->current, &c->max, &c->percentage);
	c->weight = pst_jnum(p, "weight");
	c->assessment_keys = definition_keys(t, pst_jobj(pst_jobj(p, "definition"), "properties"));
	return c->control_id ? NULL : "without a control id (name)";
}

const char *pst_json_fill_control_def(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_control_def *d = &rec->u.def;

	d->control_id = arm_name(t, obj, rec);
	d->display_name = pst_jstr(p, "displayName");
	d->max_score = pst_jnum(p, "maxScore");
	d->source_type = pst_jstr(pst_jobj(p, "source"), "sourceType");
	d->assessment_keys = definition_keys(t, p);
	return d->control_id ? NULL : "without a control id (name)";
}

/* REST alerts name the resource in resourceIdentifiers[].azureResourceId. */
static const char *alert_resource(const cJSON *p)
{
	const cJSON *ids = pst_jget(p, "resourceIdentifiers"), *e;
	const char *id = pst_jstr(p, "AzureResourceId");

	if (id || !cJSON_IsArray(ids))
		return id;
	cJSON_ArrayForEach(e, ids) {
		if ((id = pst_jstr(e, "azureResourceId")) != NULL)
			return id;
	}
	return NULL;
}

const char *pst_json_fill_alert(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_alert *a = &rec->u.alert;

	if (!p)
		p = obj; /* CE / Log Analytics: flat */
	a->system_alert_id = pst_jstr(p, "SystemAlertId");
	a->alert_type = pst_jstr(p, "AlertType");
	a->display_name = pst_jor(pst_jstr(p, "AlertDisplayName"), pst_jstr(p, "DisplayName"));
	a->severity = pst_severity_parse(pst_jstr(p, "Severity"));
	a->status = pst_jstr(p, "Status");
	a->tactics = pst_jjoin(t, p, "Intent", ", ");
	a->techniques = pst_jjoin(t, p, "Techniques", ", ");
	a->compromised_entity = pst_jstr(p, "CompromisedEntity");
	a->resource_id = alert_resource(p);
	a->description = pst_jstr(p, "Description");
	a->product = pst_jstr(p, "ProductName");
	a->alert_uri = pst_jstr(p, "AlertUri");
	a->remediation = pst_jjoin(t, p, "RemediationSteps", "\n");
	a->time_generated = pst_jtime(p, pst_jget(p, "TimeGenerated") ? "TimeGenerated" : "timeGeneratedUtc");
	a->start_time = pst_jtime(p, "StartTimeUtc");
	a->end_time = pst_jtime(p, "EndTimeUtc");
	set_record_time(rec, a->time_generated);
	return a->system_alert_id || a->alert_type ? NULL : "without SystemAlertId or AlertType";
}

const char *pst_json_fill_compliance(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_compliance *c = &rec->u.compliance;
	const char *state = pst_jstr(p, "state");

	c->standard = pst_jid_segment(t, rec->id, "regulatoryComplianceStandards");
	c->control = pst_jid_segment(t, rec->id, "regulatoryComplianceControls");
	c->assessment = pst_jor(pst_jstr(obj, "name"), pst_jid_segment(t, rec->id, "regulatoryComplianceAssessments"));
	c->description = pst_jstr(p, "description");
	c->state = pst_compliance_state_parse(state);
	c->passed = pst_jint(p, "passedResources");
	c->failed = pst_jint(p, "failedResources");
	c->skipped = pst_jint(p, "skippedResources");
	if (!c->standard || !c->control)
		return "without a standard and control in its id";
	return state ? NULL : "without a state";
}
