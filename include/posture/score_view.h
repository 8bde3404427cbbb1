/* scoreview.h: everything `posture score` (and the review pack) shows about
 * the secure score, computed from the estate: an adapter between estate.h /
 * diff.h and the pure functions of score.h, goals.h and league.h.
 *
 * Series points: the ends of the assessment snapshot rounds and the times
 * of exported score records (records within PST_BATCH_WINDOW of each other
 * are one point), over the 12 months up to T1, plus T0, T1 and the ends of
 * the 12 trend months (pst_score_trend_ends).  At each point only the
 * subscriptions in scope count (timeline.h, pst_timeline_in_scope: held by
 * the latest export round, as the diff's coverage); the overall row says
 * how many of the subscriptions with data are in scope.  Per subscription
 * and per control:
 *   - exported: the latest exported record observed in the
 *     PST_SCORE_FRESH_DAYS up to the point (Defender resends every score
 *     weekly, so an older record is not the score at that point);
 *   - recomputed: from the findings at the point, where a state was kept
 *     there (where the exported one is missing, at T0 and T1, and at the
 *     latest export at or before each); the two are compared only at the
 *     export's own time (within PST_BATCH_WINDOW), flagged when they differ
 *     by more than a rounding step;
 *   - value: the exported value, else the recomputed one (source says which).
 * Overall: pst_score_combine over the subscriptions' values.
 *
 * T0 and T1 are chosen by the pipeline (pipeline.h, PST_TIMES_MONTH).
 * Gains, team scores and the league are taken at T1 (from T0).
 *
 * Ownership: the view owns its arrays and its control set; names are
 * borrowed from the estate, the team map and the goals, which must outlive it.
 */
#ifndef POSTURE_SCOREVIEW_H
#define POSTURE_SCOREVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include "posture/diagnostics.h"
#include "posture/diff.h"
#include "posture/estate.h"
#include "posture/goals.h"
#include "posture/league.h"
#include "posture/score.h"
#include "posture/strbuf.h"
#include "posture/teams_map.h"

#define PST_SCORE_FRESH_DAYS 8
#define PST_SCORE_TREND_MONTHS 12
#define PST_SCORE_MAX_STATES 60 /* recomputed points kept at most (the latest) */

enum pst_row_scope { PST_ROW_OVERALL, PST_ROW_SUBSCRIPTION, PST_ROW_CONTROL };
const char *pst_row_scope_name(enum pst_row_scope s); /* "overall", "subscription", "control" */

enum pst_row_source { PST_SRC_NONE, PST_SRC_EXPORTED, PST_SRC_RECOMPUTED, PST_SRC_MIXED };
const char *pst_row_source_name(enum pst_row_source s);

/* One line of the series.  Percentages are fractions; absent values NAN. */
struct pst_score_row {
	pst_time at;
	enum pst_row_scope scope;
	uint32_t sub;                      /* estate subscription id; 0 for overall */
	size_t control;                    /* index in the view's control set, or PST_NO_CONTROL */
	double exp_current, exp_max, exp_pct;
	double exp_weight;                 /* subscription rows: the latest exported weight, fresh or not */
	double rec_current, rec_max, rec_pct;
	int64_t healthy, unhealthy, not_applicable; /* of the value's source; -1 unknown */
	double value;                      /* fraction: exported, else recomputed */
	enum pst_row_source source;
	bool differs;                      /* both present at the export's time, more than a rounding step apart */
	double gain;                       /* points if every unhealthy resource were fixed (subscription, control rows) */
	double weight;                     /* subscription rows: the weight the overall used; overall: their sum */
	size_t subs_in_scope, subs_total;  /* overall rows: subscriptions counted, and those with data */
};

/* A team's part of the score (DESIGN.md "Team share"): in every in-scope
 * subscription each control's points split by the resources' teams,
 * max x healthy_team / (healthy + unhealthy); a subscription's points
 * become percentage points of the overall with its weight, scaled so that
 * the subscription's shares add up to its value as shown (exported or
 * recomputed; a value with no recomputed part goes to Unassigned).  The
 * shares of all teams add up to the overall, their points held to the
 * in-scope subscriptions' points, their gains to the points to win. */
struct pst_team_score {
	double gain_points;                /* score points won at T1 if the team fixed all it holds unhealthy */
	double gain_overall;               /* the same in percentage points of the overall */
	double pct_t0, pct_t1;             /* the team's own score (goals.h), fraction; NAN if none */
	double points_t1;                  /* score points it holds at T1 (its share), in-scope subscriptions */
	double share_pct_t0, share_pct_t1; /* its share of the overall, percentage points; NAN when no overall */
};

struct pst_goal_row {
	const struct pst_goal *goal;       /* borrowed */
	struct pst_goal_progress p;        /* percent units */
};

struct pst_score_view {
	pst_time t0, t1;
	struct pst_control_set cs;
	struct pst_score_row *rows;        /* by time, then overall, subscriptions (by id), their controls */
	size_t nrows, rows_alloc;
	struct pst_team_score *teams;      /* one per team of the team map */
	size_t nteams;
	struct pst_goal_row *goals;
	size_t ngoals;
	struct pst_league_row *league;     /* ranked, one per team */
	size_t nleague;
	size_t unmapped_t1;                /* findings at T1 whose control is unknown */
	bool weights_from_counts;          /* some point combined by counts */
	struct pst_diags warnings;         /* PST_DC_SCORE_*, PST_DC_GOAL */
	double *team_control_gain;         /* [nteams * cs.n]: points won in control k (all
	                                      subscriptions) if team g fixed all: [g * cs.n + k] */
};

void pst_score_view_init(struct pst_score_view *v);
void pst_score_view_release(struct pst_score_view *v);

/* The ends of the trend months up to t1, oldest first: ends[last] = t1,
 * each other the start of the month after it (an exclusive month end). */
void pst_score_trend_ends(pst_time t1, pst_time ends[PST_SCORE_TREND_MONTHS]);

/* The times to keep a state for: T0, T1, and the latest series points that
 * need recomputing (at most PST_SCORE_MAX_STATES in all), ascending; from an
 * estate read without states (its timeline and exported scores).  Caller
 * frees; *n gets the count. */
pst_time *pst_score_view_state_times(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n);

/* The control set from the estate, then the view from an estate whose
 * states are at the times pst_score_view_state_times gave (T0 and T1 among
 * them); d is the diff of T0 and T1. */
void pst_score_view_controls(struct pst_score_view *v, const struct pst_estate *e);
void pst_score_view_compute(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                            const struct pst_goals *goals, const struct pst_diff *d, pst_time t0, pst_time t1);

#endif
