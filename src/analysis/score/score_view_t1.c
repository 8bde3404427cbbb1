/* score_view_t1.c: what the score view says at T1: potential gain and own
 * score per team, progress against the goals, the league table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "score_view_int.h"

/* Sums per team over every subscription of one state. */
struct team_sums {
	double *cur, *max;   /* the team's own score: points and max (nteams) */
	double *gain;        /* points won if the team fixed all (nteams) */
	double *gain_pct;    /* the same in overall percentage points (nteams) */
	double *ctl_gain;    /* per team and control (nteams * cs.n), or NULL */
};

/* Weight of sub at T1 as the overall row used it, and their sum. */
static double t1_weight(const struct pst_score_view *v, uint32_t sub, double *total)
{
	size_t i;
	double w = 0;
	bool counts = false;

	*total = 0;
	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].at == v->t1 && v->rows[i].scope == PST_ROW_SUBSCRIPTION && isnan(v->rows[i].exp_weight))
			counts = true;
	for (i = 0; i < v->nrows; i++) {
		const struct pst_score_row *r = &v->rows[i];
		double x;

		if (r->at != v->t1 || r->scope != PST_ROW_SUBSCRIPTION)
			continue;
		x = counts ? (double)((r->healthy > 0 ? r->healthy : 0) + (r->unhealthy > 0 ? r->unhealthy : 0))
		           : r->exp_weight;
		*total += x;
		if (r->sub == sub)
			w = x;
	}
	return w;
}

static void sub_team_sums(struct pst_score_view *v, const struct pst_score_finding *f, size_t n, size_t nteams,
                          double weight_share, struct team_sums *ts)
{
	struct pst_control_score *cs = xcalloc(v->cs.n ? v->cs.n : 1, sizeof(*cs));
	double *gain = xcalloc(nteams * v->cs.n + 1, sizeof(*gain)), sub_max;
	struct pst_score_cells sc;
	struct pst_score_total t;
	size_t g, k;

	pst_score_cells_init(&sc);
	pst_score_cells_build(&sc, &v->cs, f, n);
	pst_score_cells_count(&sc, &v->cs, PST_ALL_GROUPS, cs);
	pst_score_total(cs, v->cs.n, &t);
	sub_max = t.max;
	pst_score_group_gain(&sc, &v->cs, nteams, gain);
	for (g = 0; g < nteams; g++) {
		pst_score_cells_count(&sc, &v->cs, g, cs);
		for (k = 0; k < v->cs.n; k++) {
			ts->cur[g] += cs[k].current;
			ts->max[g] += cs[k].max;
			ts->gain[g] += gain[g * v->cs.n + k];
			if (ts->ctl_gain)
				ts->ctl_gain[g * v->cs.n + k] += gain[g * v->cs.n + k];
			if (sub_max > 0)
				ts->gain_pct[g] += 100 * weight_share * gain[g * v->cs.n + k] / sub_max;
		}
	}
	pst_score_cells_release(&sc);
	free(gain);
	free(cs);
}

static void team_sums_at(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                         pst_time t, struct team_sums *ts)
{
	struct view_findings vf;
	size_t nsubs, i;
	uint32_t *subs;

	view_findings_build(&vf, e, view_state_at(e, t), tm);
	subs = view_findings_subs(&vf, &nsubs);
	for (i = 0; i < nsubs; i++) {
		size_t first, n = view_findings_of(&vf, subs[i], &first);
		double total = 0, w = t == v->t1 ? t1_weight(v, subs[i], &total) : 0;

		sub_team_sums(v, vf.f + first, n, tm->nteams, total > 0 ? w / total : 0, ts);
	}
	free(subs);
	view_findings_release(&vf);
}

static void team_sums_alloc(struct team_sums *ts, size_t n)
{
	ts->cur = xcalloc(n + 1, sizeof(double));
	ts->max = xcalloc(n + 1, sizeof(double));
	ts->gain = xcalloc(n + 1, sizeof(double));
	ts->gain_pct = xcalloc(n + 1, sizeof(double));
	ts->ctl_gain = NULL;
}

static void team_sums_free(struct team_sums *ts)
{
	free(ts->cur);
	free(ts->max);
	free(ts->gain);
	free(ts->gain_pct);
}

void view_teams(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm)
{
	struct team_sums s0, s1;
	size_t g;

	v->nteams = tm->nteams;
	v->teams = xcalloc(tm->nteams + 1, sizeof(*v->teams));
	team_sums_alloc(&s0, tm->nteams);
	team_sums_alloc(&s1, tm->nteams);
	v->team_control_gain = xcalloc(tm->nteams * v->cs.n + 1, sizeof(double));
	s1.ctl_gain = v->team_control_gain;
	team_sums_at(v, e, tm, v->t0, &s0);
	team_sums_at(v, e, tm, v->t1, &s1);
	for (g = 0; g < tm->nteams; g++) {
		v->teams[g].gain_points = s1.gain[g];
		v->teams[g].gain_overall = s1.gain_pct[g];
		v->teams[g].pct_t0 = s0.max[g] > 0 ? s0.cur[g] / s0.max[g] : NAN;
		v->teams[g].pct_t1 = s1.max[g] > 0 ? s1.cur[g] / s1.max[g] : NAN;
		v->teams[g].points_t1 = s1.cur[g];
	}
	team_sums_free(&s0);
	team_sums_free(&s1);
}
