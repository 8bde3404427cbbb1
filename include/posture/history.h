/* history.h: the compact per-finding history an estate keeps while reading,
 * from which the state at any time T is made after the read (one pass over
 * the inputs, whatever times the commands need: T0, T1, every month end).
 *
 * Each assessment record becomes one version of its finding (resource,
 * key): its observed time and its content (status, cause, dates, flags),
 * the content interned (records of one finding in successive snapshots
 * share one).  A version is 16 bytes, a content 24: the history of a
 * finding seen in two snapshots costs about as much as one state's slot.
 * After pst_history_finish the versions are sorted by finding and time,
 * exact repeats dropped; pst_history_state folds, per finding, the versions
 * at the latest time at or before T with the rule of pst_state_put (state.h),
 * so a state made from the history equals the state folded record by record.
 *
 * At most UINT32_MAX findings and versions (64 GB of versions).
 *
 * Ownership: the history owns its arrays.  Cause ids are the estate's text
 * ids (the state made borrows the text pool, as always).
 */
#ifndef POSTURE_HISTORY_H
#define POSTURE_HISTORY_H

#include <stddef.h>
#include <stdint.h>
#include "posture/state.h"
#include "posture/timeutil.h"

struct pst_hist_key {
	uint32_t resource, key;  /* estate ids */
};

struct pst_hist_content {
	pst_time first_eval, status_change;
	uint32_t cause;          /* text id */
	uint8_t status;          /* enum pst_status_code */
	uint8_t flags;           /* PST_FND_DELETED, PST_FND_SNAPSHOT */
	uint8_t risk;            /* enum pst_risk */
	uint8_t reserved;
	uint32_t risk_factors;   /* text id, 0 if none */
};

struct pst_hist_version {
	pst_time observed;
	uint32_t finding;        /* index into keys */
	uint32_t content;        /* index into contents */
};

struct pst_history {
	struct pst_hist_key *keys;         /* one per finding, in first-seen order */
	size_t nkeys, keys_alloc;
	uint32_t *key_table;               /* open addressing: finding index + 1, 0 = empty */
	size_t key_cap;
	struct pst_hist_content *contents;
	size_t ncontents, contents_alloc;
	uint32_t *content_table;
	size_t content_cap;
	struct pst_hist_version *versions; /* after finish: by finding, observed, content */
	size_t nversions, versions_alloc;
	uint32_t *first;                   /* after finish: finding i's versions [first[i], first[i+1]) */
	pst_time *first_unhealthy;         /* after finish: per finding, earliest live Unhealthy time, or NONE */
	int finished;
};

void pst_history_init(struct pst_history *h);
void pst_history_release(struct pst_history *h);
/* One record's finding (resource and key non-zero; first_unhealthy and the
 * conflict flag are ignored: they are derived). */
void pst_history_add(struct pst_history *h, const struct pst_finding *f);
/* Sorts the versions; after it, no more pst_history_add. */
void pst_history_finish(struct pst_history *h);
/* Folds into s (empty, initialised with its time s->at) every finding as of
 * s->at.  The snapshot cut is the estate's (estate.h). */
void pst_history_state(const struct pst_history *h, struct pst_state *s);
/* Findings and versions held. */
size_t pst_history_findings(const struct pst_history *h);
size_t pst_history_versions(const struct pst_history *h);
/* Heap bytes held. */
size_t pst_history_mem(const struct pst_history *h);

#endif
