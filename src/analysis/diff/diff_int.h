/* diff_int.h (private to src/analysis/diff/diff*.c): what the two states
 * know, shared by the classification (diff.c) and the renamed
 * recommendations (diff_alias.c). */
#ifndef POSTURE_DIFF_INT_H
#define POSTURE_DIFF_INT_H

#include "posture/diff.h"

struct diff_ctx {
	const struct pst_estate *e;
	const struct pst_state *s0, *s1;
	const struct pst_settings *set;
	uint8_t *present0, *present1; /* by resource id */
	uint8_t *covered;             /* by subscription id */
	uint8_t *alias_old, *alias_new; /* by key: 1 when some alias has it as old / new key */
};

/* The aliases of d->aliases whose keys the estate holds, then those detected
 * in s0 and s1 (same display name, the old key gone from T1 and the new one
 * new at T1, on a resource in common), into d->renamed; the key flags of c. */
void diff_alias_build(struct pst_diff *d, struct diff_ctx *c);
/* The finding at T1 that takes over f0 (Unhealthy or not at T0) under a new
 * key: f0's key is gone from its resource at T1 and the new key is new on it
 * (absent at T0); the first such alias wins.  NULL if none; *alias gets the
 * index into d->renamed. */
const struct pst_finding *diff_alias_successor(const struct pst_diff *d, const struct diff_ctx *c,
                                               const struct pst_finding *f0, size_t *alias);
/* The finding at T0 whose successor is f1, or NULL. */
const struct pst_finding *diff_alias_predecessor(const struct pst_diff *d, const struct diff_ctx *c,
                                                 const struct pst_finding *f1, size_t *alias);
/* Keeps the aliases used (findings > 0), each with one warning. */
void diff_alias_report(struct pst_diff *d, const struct diff_ctx *c);
void diff_alias_release(struct diff_ctx *c);

#endif
