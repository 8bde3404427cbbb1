/* json_fill_exempt.c: exemptions: policy exemptions
 * (Microsoft.Authorization/policyExemptions: exemptionCategory Waiver or
 * Mitigated, expiresOn, description) and Defender's own (standard
 * assignments with effect Exempt and exemptionData, API 2024-08-01). */
#include "json_records.h"

#include <string.h>

/* The part of id before "/providers/<marker>/" (any case): the scope. */
static const char *scope_of(struct pst_jtmp *t, const char *id, const char *marker)
{
	size_t n = strlen(marker);
	const char *p, *found = NULL;

	for (p = id; p && *p; p++)
		if (*p == '/' && pst_strncasecmp(p, marker, n) == 0)
			found = p;
	return found && found > id ? pst_jtmp_strndup(t, id, (size_t)(found - id)) : NULL;
}

static void common(struct pst_jtmp *t, const cJSON *obj, const cJSON *p, struct pst_record *rec)
{
	struct pst_exemption *x = &rec->u.exemption;

	x->name = pst_jor(pst_jstr(obj, "name"), pst_jid_last(t, rec->id));
	x->display_name = pst_jstr(p, "displayName");
	x->description = pst_jstr(p, "description");
	x->expires_on = pst_jtime(p, "expiresOn");
	x->created = pst_jtime(pst_jobj(obj, "systemData"), "createdAt");
	if (x->created == PST_TIME_NONE)
		x->created = pst_jtime(pst_jobj(p, "metadata"), "createdOn");
}

const char *pst_json_fill_policy_exemption(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties");
	struct pst_exemption *x = &rec->u.exemption;

	common(t, obj, p, rec);
	x->scope = scope_of(t, rec->id, "/providers/Microsoft.Authorization/policyExemptions/");
	x->category = pst_jstr(p, "exemptionCategory");
	x->policy_assignment_id = pst_jstr(p, "policyAssignmentId");
	if (!x->description)
		x->description = pst_jstr(pst_jobj(p, "metadata"), "reason");
	return x->scope ? NULL : "without a scope in its id (.../providers/Microsoft.Authorization/policyExemptions/NAME)";
}

const char *pst_json_fill_standard_exemption(struct pst_jtmp *t, const cJSON *obj, struct pst_record *rec)
{
	const cJSON *p = pst_jobj(obj, "properties"), *xd = pst_jobj(p, "exemptionData");
	const char *effect = pst_jstr(p, "effect");
	struct pst_exemption *x = &rec->u.exemption;

	common(t, obj, p, rec);
	x->scope = scope_of(t, rec->id, "/providers/Microsoft.Security/standardAssignments/");
	x->category = pst_jstr(xd, "exemptionCategory");
	x->assessment_key = pst_jstr(pst_jobj(xd, "assignedAssessment"), "assessmentKey");
	x->policy_assignment_id = pst_jstr(pst_jobj(p, "assignedStandard"), "id");
	if (!effect || !pst_streq_ci(effect, "Exempt"))
		return "a standard assignment that is not an exemption (effect is not Exempt): not used";
	return x->scope ? NULL : "without a scope in its id (.../providers/Microsoft.Security/standardAssignments/NAME)";
}
