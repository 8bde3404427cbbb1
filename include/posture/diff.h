/* diff.h: the classified diff of two states (DESIGN.md "Finding classes").
 *
 * Every finding Unhealthy at T0 or at T1 gets exactly one class.  Before
 * classifying, completeness checks add warnings (never silent).  The counts
 * reconcile: unhealthy_t1 = unhealthy_t0 - closed + opened, where closed are
 * the classes that end a T0 finding (remediated ... recommendation_removed)
 * and opened those that start one (regressed ... became_applicable).
 *
 * Coverage: a subscription is covered at T1 unless the data holds full
 * snapshots of it (at or before T1) and it is missing from the exports
 * taken after T0 (or, when no export was taken after T0, from the latest
 * one).  In an uncovered subscription a finding whose last record at T1 is
 * not newer than T0 tells nothing about T1: a T0-Unhealthy one is
 * out_of_scope and it is not counted Unhealthy at T1.
 *
 * Ownership: struct pst_diff owns its arrays and warning texts; the strings
 * of the items are borrowed from the estate, which must outlive the diff.
 */
#ifndef POSTURE_DIFF_H
#define POSTURE_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/estate.h"
#include "posture/settings.h"
#include "posture/strbuf.h"

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
/* "remediated", "still_open", ... */
const char *pst_class_name(enum pst_class c);
/* The class ends a finding Unhealthy at T0 (remediated .. recommendation_removed). */
bool pst_class_closes(enum pst_class c);
/* The class starts a finding Unhealthy at T1 (regressed .. became_applicable). */
bool pst_class_opens(enum pst_class c);

enum pst_dq_kind {
	PST_DQ_NO_DATA,              /* T0 or T1 holds no assessment */
	PST_DQ_SUBSCRIPTION_MISSING, /* in the data at T0, not covered at T1 */
	PST_DQ_CSV_ROW_CAP,          /* a portal CSV at the ~13,000-row cap */
	PST_DQ_RECORD_DROP,          /* snapshot record count fell by more than 20% */
	PST_DQ_CONFLICT,             /* same key and time, different status */
	PST_DQ_REJECTED,             /* records rejected or files skipped while reading */
	PST_DQ_RECONCILE,            /* the counts do not reconcile (a bug) */
	PST_DQ__COUNT
};
const char *pst_dq_kind_name(enum pst_dq_kind k); /* "no_data", ... */

#define PST_CSV_ROW_CAP_WARN 12900
#define PST_RECORD_DROP_PCT 20

struct pst_dq_warning {
	enum pst_dq_kind kind;
	char *msg;   /* owned */
};

struct pst_diff_item {
	enum pst_class cls;
	uint32_t resource, key, subscription;  /* estate ids */
	const char *resource_id;        /* borrowed: display spelling */
	const char *assessment_key;
	const char *recommendation;     /* display name, else the key */
	const char *subscription_id;    /* NULL if unknown */
	const char *subscription_name;
	const char *resource_group, *resource_name, *resource_type;
	enum pst_severity severity;
	enum pst_status_code status_from, status_to; /* PST_ST_UNKNOWN when absent */
	const char *cause_from, *cause_to;
	pst_time first_seen;            /* firstEvaluationDate, else first seen Unhealthy; NONE */
	int64_t age_days;               /* for findings Unhealthy at T1; else -1 */
	pst_time due;                   /* governance due date, else allowance; NONE */
	bool due_exported;              /* due came from a governance assignment */
	const char *owner;              /* governance owner or NULL */
	bool overdue;                   /* still_open and due < T1 */
};

struct pst_diff {
	pst_time t0, t1;
	struct pst_diff_item *items;    /* sorted: class, severity desc, subscription, resource, key */
	size_t n, items_alloc;
	size_t counts[PST_CLASS__COUNT];
	uint64_t unhealthy_t0, unhealthy_t1, closed, opened, overdue;
	struct pst_dq_warning *warnings;
	size_t nwarnings, warnings_alloc;
};

void pst_diff_init(struct pst_diff *d);
void pst_diff_release(struct pst_diff *d);

/* Classifies the findings of s0 (at T0) and s1 (at T1), both states of e,
 * and runs the completeness checks. */
void pst_diff_compute(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                      const struct pst_state *s1, const struct pst_settings *set);

/* A link to the resource in the Azure portal (appended to sb). */
void pst_diff_portal_link(struct strbuf *sb, const struct pst_diff_item *it);

/* Adds a warning (used by the completeness checks). */
void pst_diff_warn(struct pst_diff *d, enum pst_dq_kind k, const char *fmt, ...) PST_PRINTF(3, 4);
/* The completeness checks (completeness.c): warnings only. */
void pst_diff_check_completeness(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                                 const struct pst_state *s1, const uint8_t *covered);
/* Coverage of each subscription at s1 (array indexed by subs id; caller frees). */
uint8_t *pst_diff_coverage(const struct pst_estate *e, pst_time t0, pst_time t1);

/* What a command asks for: the inputs and the two times. */
struct pst_diff_request {
	const char *const *paths;
	size_t npaths;
	pst_time from, to;          /* PST_TIME_NONE = default (the last two snapshots) */
	const char *period;         /* "YYYY-MM": T0 = month start, T1 = next month start */
	const char *settings_file;  /* NULL = templates/report.conf if present */
	bool skip_bad;
};

/* The whole pipeline for diff and verify: settings, times (reading the
 * inputs once more for the timeline when a default time is needed), the
 * estate with the two states, the diff.  e, set and d must be initialised;
 * the caller releases them. */
int pst_diff_run(struct pst_diff *d, struct pst_estate *e, struct pst_settings *set,
                 const struct pst_diff_request *rq, struct pst_error *err);

#endif
