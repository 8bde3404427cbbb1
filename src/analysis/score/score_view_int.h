/* score_view_int.h (private to src/analysis/score_view*.c): helpers shared
 * by the files of the score view (scoreview.h). */
#ifndef POSTURE_SCORE_VIEW_INT_H
#define POSTURE_SCORE_VIEW_INT_H

#include "posture/score_view.h"

#define VIEW_FRESH_MS ((pst_time)PST_SCORE_FRESH_DAYS * PST_MS_PER_DAY)

/* The findings of one state, sorted by subscription; group = team index. */
struct view_findings {
	struct pst_score_finding *f;
	uint32_t *sub;                 /* parallel to f */
	size_t n;
};

void view_findings_build(struct view_findings *vf, const struct pst_estate *e, const struct pst_state *s,
                         const struct pst_team_map *tm);
void view_findings_release(struct view_findings *vf);
/* The slice of sub: returns its length and sets *first. */
size_t view_findings_of(const struct view_findings *vf, uint32_t sub, size_t *first);
/* Distinct subscriptions of the findings, ascending ids (caller frees). */
uint32_t *view_findings_subs(const struct view_findings *vf, size_t *n);

/* Per-control scores of one subscription's findings (out: cs->n entries). */
void view_recompute(const struct pst_control_set *cs, const struct pst_score_finding *f, size_t n, size_t group,
                    struct pst_control_score *out, size_t *unmapped);

/* Series points up to t1 (see score_view.h); caller frees. */
pst_time *view_points(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n);
/* T0, T1 and the trend's month ends: points kept as they are. */
bool view_pinned(pst_time t, pst_time t0, pst_time t1);
/* An exported score record observed within PST_BATCH_WINDOW up to t: t is
 * an export's own time. */
bool view_export_at(const struct pst_estate *e, pst_time t);
/* The latest of points[0..n) (ascending) at or before t that is an export's
 * time, or PST_TIME_NONE. */
pst_time view_last_export(const struct pst_estate *e, const pst_time *points, size_t n, pst_time t);
/* Subscriptions in scope at t (pst_timeline_in_scope), indexed by subs id; caller frees. */
uint8_t *view_in_scope(const struct pst_estate *e, pst_time t);
/* First exported score / control record observed after t - fresh (both
 * tables are sorted by observed time first). */
size_t view_first_score(const struct pst_estate *e, pst_time t);
size_t view_first_control(const struct pst_estate *e, pst_time t);
/* The latest exported score of sub observed in (t - fresh, t], or NULL. */
const struct pst_score_rec *view_exported_score(const struct pst_estate *e, uint32_t sub, pst_time t);

/* Series rows (score_view_series.c) and T1 results (score_view_t1.c). */
void view_series(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                 const pst_time *points, size_t npoints);
void view_teams(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm);
void view_goals(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                const struct pst_goals *goals);
void view_league(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                 const struct pst_diff *d);

#endif
