/* classes.c: the one table of finding classes (classes.h). */
#include "posture/classes.h"

static const struct {
	const char *name, *label, *meaning, *detail;
} classes[PST_CLASS__COUNT] = {
	[PST_CLASS_REMEDIATED] = {"remediated", "Verified fixes", "verified fix", "unhealthy, now healthy"},
	[PST_CLASS_EXEMPTED] = {"exempted", "Exempted", "not a fix: risk accepted", "risk accepted: not a fix"},
	[PST_CLASS_NOT_APPLICABLE] = {"not_applicable", "Not applicable", "not a fix: policy or plan change",
	                              "policy or plan change: not a fix"},
	[PST_CLASS_RESOURCE_DELETED] = {"resource_deleted", "Resources deleted",
	                                "risk gone with the resource, not a fix", "risk gone with the resource: not a fix"},
	[PST_CLASS_OUT_OF_SCOPE] = {"out_of_scope", "Out of scope", "data gap: subscription not in the export, not a fix",
	                            "subscription missing from the data: a gap, not a fix"},
	[PST_CLASS_RECOMMENDATION_REMOVED] = {"recommendation_removed", "Recommendations withdrawn",
	                                      "assessment withdrawn", "no longer assessed"},
	[PST_CLASS_STILL_OPEN] = {"still_open", "Still open", "still open", "unhealthy at both ends of the period"},
	[PST_CLASS_REGRESSED] = {"regressed", "Regressed", "got worse", "healthy, now unhealthy"},
	[PST_CLASS_NEW_RESOURCE] = {"new_resource", "Created insecure", "created insecure: fix the deployment template",
	                            "new resources: fix the deployment template"},
	[PST_CLASS_NEW_RECOMMENDATION] = {"new_recommendation", "Newly assessed", "newly assessed",
	                                  "a new recommendation on an existing resource"},
	[PST_CLASS_EXEMPTION_ENDED] = {"exemption_ended", "Exemptions ended", "exemption lapsed or removed",
	                               "the exemption lapsed or was removed"},
	[PST_CLASS_BECAME_APPLICABLE] = {"became_applicable", "Became applicable", "policy or plan turned on",
	                                 "a policy or plan was turned on"},
};

const char *pst_class_name(enum pst_class c)
{
	return (unsigned)c < PST_CLASS__COUNT ? classes[c].name : "unknown";
}

const char *pst_class_label(enum pst_class c)
{
	return (unsigned)c < PST_CLASS__COUNT ? classes[c].label : "Unknown";
}

const char *pst_class_meaning(enum pst_class c)
{
	return (unsigned)c < PST_CLASS__COUNT ? classes[c].meaning : "";
}

const char *pst_class_detail(enum pst_class c)
{
	return (unsigned)c < PST_CLASS__COUNT ? classes[c].detail : "";
}

bool pst_class_closes(enum pst_class c)
{
	return c <= PST_CLASS_RECOMMENDATION_REMOVED;
}

bool pst_class_opens(enum pst_class c)
{
	return c >= PST_CLASS_REGRESSED && c < PST_CLASS__COUNT;
}
