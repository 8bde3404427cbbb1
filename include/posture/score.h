/* score.h: secure score arithmetic on plain structs.
 *
 * The rule (Defender for Cloud docs, "secure score security controls"; see
 * FORMATS.md "Secure score"):
 *   - per control: current = max * healthy / (healthy + unhealthy);
 *     not-applicable resources are left out; a control with no healthy or
 *     unhealthy resource scores 0 of 0 (Defender exports max 0 for it too);
 *   - a resource is healthy for a control only when every recommendation of
 *     the control on it is healthy; unhealthy when any is unhealthy; not
 *     applicable when all are not applicable;
 *   - per subscription: percentage = sum(current) / sum(max);
 *   - several subscriptions: see pst_score_combine.
 * Exported values are rounded: current to 0.01 points, percentage to 0.0001
 * of a fraction, computed from the rounded current.
 *
 * Ownership: struct pst_control_set owns its controls and their strings;
 * struct pst_score_cells owns its array but borrows the resource ids from
 * the findings it was built from (keep them alive while the cells live).
 */
#ifndef POSTURE_SCORE_H
#define POSTURE_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/record.h"

#define PST_SCORE_POINTS_STEP 0.01    /* rounding step of exported points */
#define PST_SCORE_FRACTION_STEP 0.0001 /* rounding step of exported percentages */
#define PST_NO_CONTROL ((size_t)-1)   /* pst_control_set_find: not found */
#define PST_ALL_GROUPS ((size_t)-1)   /* pst_score_cells_count: every group */

/* ---- one control, one subscription ---- */

struct pst_control_score {
	const char *id;                  /* borrowed; may be NULL */
	const char *name;                /* borrowed */
	double max;                      /* 0 when healthy + unhealthy is 0 */
	int64_t healthy, unhealthy, not_applicable;
	double current;                  /* points */
	double percentage;               /* fraction of max (0 when max is 0) */
};

/* max * healthy / (healthy + unhealthy); 0 when both counts are 0. */
double pst_score_control_points(double max, int64_t healthy, int64_t unhealthy);
/* Sets c->current and c->percentage from the counts and c->max (as
 * Defender does: max becomes 0 when no resource is healthy or unhealthy;
 * percentage from the rounded current).  def_max is the control's max. */
void pst_control_score_compute(struct pst_control_score *c, double def_max);

struct pst_score_total {
	double current, max;             /* sums over the controls; current sums the
	                                    controls' rounded points, as the exported
	                                    subscription score does */
	double percentage;               /* current / max, 0 when max is 0 */
	int64_t healthy, unhealthy;      /* sums over the controls (for weights) */
};
void pst_score_total(const struct pst_control_score *c, size_t n, struct pst_score_total *t);

double pst_score_round_points(double v);   /* to 0.01 */
double pst_score_round_fraction(double v); /* to 0.0001 */
/* Differ by more than one rounding step (NAN on either side: false). */
bool pst_score_points_differ(double a, double b);
bool pst_score_fraction_differ(double a, double b);

/* ---- several subscriptions ---- */

/* The rule (FORMATS.md, after the Defender for Cloud docs,
 * secure-score-security-controls.md, "Multiple subscriptions and
 * connectors"): each subscription's percentage current/max is computed as
 * for one subscription, and the overall percentage is their mean weighted by
 * each subscription's `weight` (the field of its secure score record):
 * sum(w_i * current_i / max_i) / sum(w_i).  Defender derives the weight
 * linearly from the subscription's healthy + unhealthy resource count; when
 * any subscription has no exported weight, every weight is taken as its
 * healthy + unhealthy count instead, and weights_from_counts says so. */
struct pst_sub_score {
	double current, max;
	double weight;                   /* exported; NAN when absent */
	int64_t healthy, unhealthy;      /* for the fallback weight */
};
struct pst_score_combined {
	double percentage;               /* fraction; NAN when no weight at all */
	double weight;                   /* sum of the weights used */
	bool weights_from_counts;
};
void pst_score_combine(const struct pst_sub_score *s, size_t n, struct pst_score_combined *out);

/* ---- control definitions ---- */

enum pst_control_src {
	PST_CSRC_BUILTIN,   /* the built-in list of FORMATS.md */
	PST_CSRC_CSV,       /* learned from the portal CSV `controls` column */
	PST_CSRC_EXPORTED   /* exported definitions or score-control records */
};

struct pst_control_info {
	char *id;                        /* owned; NULL when unknown */
	char *name;                      /* owned */
	double max;                      /* NAN when unknown */
	enum pst_control_src src;        /* the best source of name and max */
	char **keys;                     /* owned assessment keys, lower-case, sorted */
	size_t nkeys, keys_alloc;
};

struct pst_control_set {
	struct pst_control_info *items;
	size_t n, alloc;
};

void pst_control_set_init(struct pst_control_set *cs);
void pst_control_set_release(struct pst_control_set *cs);
/* Adds the 15 built-in controls with their max points (sum 58), their ids
 * where known, and the assessment keys known to belong to them.
 * What this fallback can do: name the controls, give their max points, place
 * the few recommendations listed in score_builtin.c.  What it cannot do:
 * know the control of any other recommendation; those findings are counted
 * as unmapped (pst_score_cells.unmapped) and leave the recomputed score
 * partial.  Exported definitions or the portal CSV `controls` column fill
 * the map in. */
void pst_control_set_builtin(struct pst_control_set *cs);
/* Finds a control by id, else by display name (case-insensitive). */
size_t pst_control_set_find(const struct pst_control_set *cs, const char *id, const char *name);
/* Adds or updates a control: a source at least as good as the one held
 * replaces name and max (a NULL name or NAN max leaves them).  Returns its index. */
size_t pst_control_set_define(struct pst_control_set *cs, const char *id, const char *name, double max,
                              enum pst_control_src src);
/* Adds an assessment key (a bare key or an id ending in it) to a control. */
void pst_control_add_key(struct pst_control_info *c, const char *key);
/* Controls whose keys hold key: fills idx (up to max entries), returns the count. */
size_t pst_control_set_of_key(const struct pst_control_set *cs, const char *key, size_t *idx, size_t max);

/* ---- recomputing from assessments ---- */

/* One assessment at one time. */
struct pst_score_finding {
	const char *resource_id;         /* borrowed */
	const char *key;                 /* assessment key */
	enum pst_status_code status;     /* PST_ST_UNKNOWN: left out */
	size_t group;                    /* the caller's grouping (a team index), 0 if none */
};

/* One resource in one control, its status folded over the control's
 * recommendations. */
struct pst_score_cell {
	size_t control;                  /* index in the control set */
	const char *resource_id;         /* borrowed from the finding */
	enum pst_status_code status;
	size_t group;                    /* the smallest group among its findings */
};

struct pst_score_cells {
	struct pst_score_cell *items;    /* sorted by control, then resource id */
	size_t n, alloc;
	size_t unmapped;                 /* findings whose key is in no control */
};

void pst_score_cells_init(struct pst_score_cells *sc);
void pst_score_cells_release(struct pst_score_cells *sc);
/* Folds findings into cells (replaces what sc held). */
void pst_score_cells_build(struct pst_score_cells *sc, const struct pst_control_set *cs,
                           const struct pst_score_finding *f, size_t n);
/* Counts and scores every control (out has cs->n entries, in set order).
 * group PST_ALL_GROUPS counts every cell; any other value only that group's. */
void pst_score_cells_count(const struct pst_score_cells *sc, const struct pst_control_set *cs, size_t group,
                           struct pst_control_score *out);

/* ---- where the next points are ---- */

/* Points won in c if every unhealthy resource were fixed: max - current. */
double pst_score_gain(const struct pst_control_score *c);
/* Points won in each control if only group g's unhealthy resources were
 * fixed: gain[g * ncontrols + c] = max_c * unhealthy_{g,c} / (healthy_c + unhealthy_c),
 * with the control counts from all cells.  gain has ngroups * cs->n entries. */
void pst_score_group_gain(const struct pst_score_cells *sc, const struct pst_control_set *cs, size_t ngroups,
                          double *gain);

#endif
