/* diff.h: the classified diff of two states (DESIGN.md "Finding classes").
 *
 * Every finding Unhealthy at T0 or at T1 gets exactly one class.  Before
 * classifying, completeness checks add warnings (never silent).  The counts
 * reconcile: unhealthy_t1 = unhealthy_t0 - closed + opened, where closed are
 * the classes that end a T0 finding (remediated ... recommendation_removed)
 * and opened those that start one (regressed ... became_applicable).
 *
 * Coverage: a subscription is covered at T1 when the latest snapshot round
 * complete at T1 (the latest export) holds it, or when the data holds no
 * full snapshot of it at all (stream-only data: nothing says it is
 * missing).  The state at T1 of an uncovered subscription tells nothing
 * about T1: its T0-Unhealthy findings are out_of_scope, and its findings
 * are not counted (nor classified) at T1.
 *
 * Ownership: struct pst_diff owns its arrays and warnings; the strings
 * of the items are borrowed from the estate, which must outlive the diff.
 */
#ifndef POSTURE_DIFF_H
#define POSTURE_DIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "posture/aliases.h"
#include "posture/classes.h"
#include "posture/diagnostics.h"
#include "posture/estate.h"
#include "posture/settings.h"
#include "posture/strbuf.h"

#define PST_CSV_ROW_CAP_WARN 12900
#define PST_RECORD_DROP_PCT 20
#define PST_RECORD_DROP_MIN 10   /* findings at T0 below which a drop says nothing */

struct pst_diff_item {
	enum pst_class cls;
	uint32_t resource, key, subscription;  /* estate ids */
	const char *resource_id;        /* borrowed: display spelling */
	const char *assessment_key;
	const char *recommendation;     /* display name, else the key */
	const char *subscription_id;    /* NULL if unknown */
	const char *subscription_name;
	const char *resource_group, *resource_name, *resource_type;
	const char *cloud;              /* "azure", "aws", "gcp", "github", ... (pst_estate_resource_cloud) */
	enum pst_severity severity;
	enum pst_risk risk;             /* at T1, else at T0; PST_RISK_UNKNOWN when not exported */
	const char *risk_factors;       /* or NULL */
	enum pst_status_code status_from, status_to; /* PST_ST_UNKNOWN when absent (and at T1
	                                                  for out_of_scope: not exported) */
	const char *cause_from, *cause_to;
	/* open at T1 only, still_open and the opening classes (else NONE / -1 / false): */
	pst_time first_seen;            /* still_open: firstEvaluationDate, else first seen Unhealthy;
	                                   opened: when it turned Unhealthy in the period; NONE */
	int64_t age_days;               /* days from first_seen to T1 */
	pst_time due;                   /* governance due date, else first_seen + allowance */
	bool due_exported;              /* due came from a governance assignment */
	bool overdue;                   /* due < T1, and not in a grace period */
	bool grace;                     /* governance isGracePeriod: never overdue (any class) */
	const char *owner;              /* governance owner or NULL (any class) */
	pst_time eta;                   /* governance remediationEta, or NONE (any class) */
	const char *eta_justification;  /* or NULL */
	const char *ticket_number, *ticket_link, *ticket_status; /* governance additionalData, or NULL */
	const char *renamed_from;       /* the old key when the finding was carried over from it (aliases.h),
	                                   else NULL */
};

/* A renaming the diff used: the findings of old_key at T0 carried over to
 * new_key at T1 on the same resources (one line of Data quality each). */
struct pst_diff_alias {
	uint32_t old_key, new_key;      /* estate keys */
	const char *source;             /* borrowed from the aliases; "" when detected or not said */
	const char *origin;             /* borrowed: "FILE:LINE" of the entry; NULL when detected */
	bool detected;                  /* found in the data: same display name on the same resources */
	uint64_t findings;              /* findings carried over */
};

struct pst_diff {
	pst_time t0, t1;
	struct pst_diff_item *items;    /* sorted: class, risk rank desc (pst_risk_rank), severity
	                                   desc, subscription, resource, key */
	size_t n, items_alloc;
	size_t counts[PST_CLASS__COUNT];
	uint64_t unhealthy_t0, unhealthy_t1, closed, opened, overdue;
	struct pst_diags warnings;      /* the completeness checks (PST_DC_*), and the team rules' */
	const struct pst_aliases *aliases; /* borrowed, set before pst_diff_compute; NULL: none */
	struct pst_diff_alias *renamed; /* the aliases used (configured ones first, in file order) */
	size_t nrenamed, renamed_alloc;
};

void pst_diff_init(struct pst_diff *d);
void pst_diff_release(struct pst_diff *d);

/* Classifies the findings of s0 (at T0) and s1 (at T1), both states of e,
 * and runs the completeness checks. */
void pst_diff_compute(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                      const struct pst_state *s1, const struct pst_settings *set);

/* The recommendation's page in the Azure portal (appended to sb). */
void pst_diff_portal_link(struct strbuf *sb, const struct pst_diff_item *it);

/* The completeness checks (completeness.c): warnings only. */
void pst_diff_check_completeness(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                                 const struct pst_state *s1, const uint8_t *covered);
/* Coverage of each subscription at t1 (array indexed by subs id; caller frees). */
uint8_t *pst_diff_coverage(const struct pst_estate *e, pst_time t1);

#endif
