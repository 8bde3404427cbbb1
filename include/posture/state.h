/* state.h: the findings of the estate as of one time T.
 *
 * A state is one open-addressing hash table keyed by (resource id, assessment
 * key), both ids of the estate's folding pools (see estate.h).  Each slot is
 * a small fixed struct (48 bytes); with the table kept between 3/8 and 3/4
 * full that is about 64-130 bytes per finding.
 *
 * Folding (pst_state_put) keeps, per key, the record with the greatest
 * observed time.  Records arrive in file order, not time order; the result
 * does not depend on that order: on equal times the record that wins is
 * chosen by content (status, then cause text, then dates), and a key seen
 * at its winning time with two different statuses is flagged
 * PST_FND_CONFLICT.  A Delete is kept as a tombstone (PST_FND_DELETED) so
 * that an older record cannot bring the key back; readers skip tombstones.
 *
 * Ownership: the state owns its table.  Cause ids refer to the estate's
 * text pool, which the state borrows for tie-breaks.
 */
#ifndef POSTURE_STATE_H
#define POSTURE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/record.h"
#include "posture/strpool.h"
#include "posture/timeutil.h"

enum {
	PST_FND_DELETED = 1u << 0,  /* tombstone: the key is absent */
	PST_FND_SNAPSHOT = 1u << 1, /* the winning record came from a full snapshot */
	PST_FND_CONFLICT = 1u << 2  /* another record at the same time had another status */
};

struct pst_finding {
	pst_time observed;       /* time of the record that holds the key */
	pst_time first_eval;     /* firstEvaluationDate, or PST_TIME_NONE */
	pst_time status_change;  /* statusChangeDate, or PST_TIME_NONE */
	pst_time first_unhealthy;/* earliest Unhealthy record folded for the key, or NONE */
	uint32_t resource;       /* estate resource id; 0 = empty slot */
	uint32_t key;            /* estate assessment key id */
	uint32_t cause;          /* text id of status.cause / notApplicableReason */
	uint8_t status;          /* enum pst_status_code */
	uint8_t flags;           /* PST_FND_* */
	uint8_t risk;            /* enum pst_risk of the record (PST_RISK_UNKNOWN: none) */
	uint8_t reserved;
	uint32_t risk_factors;   /* text id of its risk factors, 0 if none (fits the padding: 56 bytes) */
};

struct pst_state {
	pst_time at;                   /* T */
	const struct pst_strpool *text;/* borrowed: the estate's text pool */
	struct pst_finding *slots;
	size_t cap;                    /* power of two, or 0 */
	size_t used;                   /* slots in use, tombstones included */
};

void pst_state_init(struct pst_state *s, pst_time at, const struct pst_strpool *text);
void pst_state_release(struct pst_state *s);

/* Folds f (resource and key non-zero) into the state. */
void pst_state_put(struct pst_state *s, const struct pst_finding *f);
/* The finding of (resource, key), or NULL; tombstones give NULL. */
const struct pst_finding *pst_state_get(const struct pst_state *s, uint32_t resource, uint32_t key);
/* Removes every finding for which drop(ctx, f) is true (snapshot coverage);
 * the table is rebuilt without them.  Returns how many were dropped. */
size_t pst_state_filter(struct pst_state *s, bool (*drop)(void *ctx, const struct pst_finding *f), void *ctx);

/* Iteration over live findings (tombstones skipped), in table order:
 *   for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f)) */
const struct pst_finding *pst_state_next(const struct pst_state *s, const struct pst_finding *prev);
/* Live findings (tombstones excluded). */
size_t pst_state_count(const struct pst_state *s);
/* Heap bytes held by the table. */
size_t pst_state_mem(const struct pst_state *s);

#endif
