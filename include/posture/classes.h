/* classes.h: the finding classes of a diff (DESIGN.md "Finding classes"):
 * one table of codes, labels and meanings that every output uses.
 *
 * The code is the stable snake_case name of scripts (text, CSV and JSON
 * outputs); the label and the detail are what people read (the PDF); the
 * meaning says, in a few words, what the class means for the meeting
 * ("verified fix", "not a fix: risk accepted").  All strings are static.
 */
#ifndef POSTURE_CLASSES_H
#define POSTURE_CLASSES_H

#include <stdbool.h>

enum pst_class {
	PST_CLASS_REMEDIATED,
	PST_CLASS_EXEMPTED,
	PST_CLASS_NOT_APPLICABLE,
	PST_CLASS_RESOURCE_DELETED,
	PST_CLASS_OUT_OF_SCOPE,
	PST_CLASS_RECOMMENDATION_REMOVED,
	PST_CLASS_STILL_OPEN,
	PST_CLASS_REGRESSED,
	PST_CLASS_NEW_RESOURCE,
	PST_CLASS_NEW_RECOMMENDATION,
	PST_CLASS_EXEMPTION_ENDED,
	PST_CLASS_BECAME_APPLICABLE,
	PST_CLASS__COUNT
};

/* "remediated", "still_open", ...; "unknown" out of range. */
const char *pst_class_name(enum pst_class c);
/* "Verified fixes", "Still open", ... (a heading for the findings of the class). */
const char *pst_class_label(enum pst_class c);
/* "verified fix", "not a fix: risk accepted", ... */
const char *pst_class_meaning(enum pst_class c);
/* "unhealthy, now healthy", ...: the change the class stands for. */
const char *pst_class_detail(enum pst_class c);
/* The class ends a finding Unhealthy at T0 (remediated .. recommendation_removed). */
bool pst_class_closes(enum pst_class c);
/* The class starts a finding Unhealthy at T1 (regressed .. became_applicable). */
bool pst_class_opens(enum pst_class c);

#endif
