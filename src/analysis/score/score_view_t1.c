/* score_view_t1.c: what the score view says at T1: potential gain and own
 * score per team, progress against the goals, the league table. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "score_view_int.h"

/* Sums per team over the in-scope subscriptions at one point. */
struct team_sums {
	double *cur, *max;   /* the team's own score: points and max (nteams) */
	double *held;        /* score points it holds: its share (nteams) */
	double *share;       /* its share of the overall, percentage points (nteams) */
	double *gain;        /* points won if the team fixed all (nteams) */
	double *gain_pct;    /* the same in overall percentage points (nteams) */
	double *ctl_gain;    /* per team and control (nteams * cs.n), or NULL */
	bool any;            /* some subscription counted */
};

/* One control's split of one subscription: per team, points held and to
 * gain (max x healthy_team / (healthy + unhealthy), and the same with the
 * unhealthy); returns the control's points (their sum over teams). */
static double control_split(const struct pst_control_score *all, const struct pst_control_score *mine, double max,
                            double *held, double *gain)
{
	int64_t n = all->healthy + all->unhealthy;

	*held = n > 0 ? max * (double)mine->healthy / (double)n : 0;
	*gain = n > 0 ? max * (double)mine->unhealthy / (double)n : 0;
	return *held;
}

/* What one subscription gives each team, before scaling. */
struct sub_split {
	double *held, *gain;   /* nteams */
	double points, max;    /* the recomputed points (unrounded) and max */
};

/* The gain each control row of the subscription row at index i shows
 * (exported, else recomputed), into e[k]; NAN where it has no row.  A
 * subscription's control rows follow its row. */
static void shown_gains(const struct pst_score_view *v, size_t i, double *e)
{
	const struct pst_score_row *x = &v->rows[i];
	size_t j, k;

	for (k = 0; k < v->cs.n; k++)
		e[k] = NAN;
	for (j = i + 1; j < v->nrows && v->rows[j].scope == PST_ROW_CONTROL && v->rows[j].sub == x->sub &&
	                v->rows[j].at == x->at; j++)
		if (v->rows[j].control < v->cs.n)
			e[v->rows[j].control] = v->rows[j].gain;
}

/* Splits the subscription of row i: held points by the teams' healthy
 * resources; each control's gain by the teams' unhealthy resources, scaled
 * so that the teams' parts add up to the gain its row shows (an exported
 * control's points may differ from the recomputed ones: a team's gain must
 * never exceed the control's); a gain with no unhealthy resource to split
 * goes to Unassigned. */
static void split_sub(const struct pst_score_view *v, size_t i, const struct pst_score_finding *f, size_t n,
                      size_t nteams, size_t unassigned, struct sub_split *sp, struct team_sums *ts)
{
	struct pst_control_score *all = xcalloc(v->cs.n + 1, sizeof(*all)), *mine = xcalloc(v->cs.n + 1, sizeof(*mine));
	double *tmp = xcalloc(nteams * v->cs.n + 1, sizeof(double)), *rec = xcalloc(v->cs.n + 1, sizeof(double));
	double *shown = xcalloc(v->cs.n + 1, sizeof(double));
	struct pst_score_cells sc;
	size_t g, k;

	pst_score_cells_init(&sc);
	pst_score_cells_build(&sc, &v->cs, f, n);
	pst_score_cells_count(&sc, &v->cs, PST_ALL_GROUPS, all);
	shown_gains(v, i, shown);
	for (k = 0; k < v->cs.n; k++)
		sp->max += all[k].max;
	for (g = 0; g < nteams; g++) {
		pst_score_cells_count(&sc, &v->cs, g, mine);
		for (k = 0; k < v->cs.n; k++) {
			double held;

			sp->points += control_split(&all[k], &mine[k], all[k].max, &held, &tmp[g * v->cs.n + k]);
			rec[k] += tmp[g * v->cs.n + k];
			sp->held[g] += held;
			ts->cur[g] += mine[k].current;
			ts->max[g] += mine[k].max;
		}
	}
	for (g = 0; g < nteams; g++)
		for (k = 0; k < v->cs.n; k++) {
			double gain = tmp[g * v->cs.n + k];

			if (rec[k] > 0 && !isnan(shown[k]))
				gain = gain * shown[k] / rec[k];
			else if (!(rec[k] > 0) && g == unassigned && shown[k] > 0)
				gain = shown[k];
			sp->gain[g] += gain;
			if (ts->ctl_gain)
				ts->ctl_gain[g * v->cs.n + k] += gain;
		}
	pst_score_cells_release(&sc);
	free(all);
	free(mine);
	free(tmp);
	free(rec);
	free(shown);
}

/* The points the subscription row shows (exported, else recomputed). */
static double shown_points(const struct pst_score_row *x)
{
	return x->source == PST_SRC_EXPORTED ? x->exp_current : x->rec_current;
}

/* Adds one subscription's split, scaled so that its shares add up to the
 * value shown and its points held to the points shown; a value with no
 * recomputed points to split goes to Unassigned. */
static void add_sub(struct team_sums *ts, const struct sub_split *sp, const struct pst_score_row *x, double share_w,
                    size_t nteams, size_t unassigned)
{
	double pct = sp->max > 0 ? sp->points / sp->max : 0, pts = shown_points(x);
	size_t g;

	ts->any = true;
	for (g = 0; g < nteams; g++) {
		ts->gain[g] += sp->gain[g];
		if (sp->max > 0)
			ts->gain_pct[g] += 100 * share_w * sp->gain[g] / sp->max;
		if (pct > 0 && !isnan(x->value))
			ts->share[g] += 100 * share_w * x->value * (sp->held[g] / sp->max) / pct;
		if (sp->points > 0 && !isnan(pts))
			ts->held[g] += sp->held[g] * pts / sp->points;
	}
	if (unassigned < nteams && !(pct > 0) && !isnan(x->value))
		ts->share[unassigned] += 100 * share_w * x->value;
	if (unassigned < nteams && !(sp->points > 0) && !isnan(pts))
		ts->held[unassigned] += pts;
}

static const struct pst_score_row *overall_at(const struct pst_score_view *v, pst_time t)
{
	size_t i;

	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].at == t && v->rows[i].scope == PST_ROW_OVERALL)
			return &v->rows[i];
	return NULL;
}

static void team_sums_at(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                         pst_time t, struct team_sums *ts)
{
	const struct pst_score_row *o = overall_at(v, t);
	struct view_findings vf;
	struct sub_split sp;
	size_t i;

	view_findings_build(&vf, e, pst_estate_state(e, t), tm);
	sp.held = xcalloc(tm->nteams + 1, sizeof(double));
	sp.gain = xcalloc(tm->nteams + 1, sizeof(double));
	for (i = 0; o && i < v->nrows; i++) {
		const struct pst_score_row *x = &v->rows[i];
		size_t first, n;

		if (x->at != t || x->scope != PST_ROW_SUBSCRIPTION)
			continue;
		n = view_findings_of(&vf, x->sub, &first);
		memset(sp.held, 0, tm->nteams * sizeof(double));
		memset(sp.gain, 0, tm->nteams * sizeof(double));
		sp.points = sp.max = 0;
		split_sub(v, i, vf.f + first, n, tm->nteams, tm->unassigned, &sp, ts);
		add_sub(ts, &sp, x, o->weight > 0 ? x->weight / o->weight : 0, tm->nteams, tm->unassigned);
	}
	free(sp.held);
	free(sp.gain);
	view_findings_release(&vf);
}

static void team_sums_alloc(struct team_sums *ts, size_t n)
{
	ts->cur = xcalloc(n + 1, sizeof(double));
	ts->max = xcalloc(n + 1, sizeof(double));
	ts->held = xcalloc(n + 1, sizeof(double));
	ts->share = xcalloc(n + 1, sizeof(double));
	ts->gain = xcalloc(n + 1, sizeof(double));
	ts->gain_pct = xcalloc(n + 1, sizeof(double));
	ts->ctl_gain = NULL;
	ts->any = false;
}

static void team_sums_free(struct team_sums *ts)
{
	free(ts->cur);
	free(ts->max);
	free(ts->held);
	free(ts->share);
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
		v->teams[g].points_t1 = s1.held[g];
		v->teams[g].share_pct_t0 = s0.any ? s0.share[g] : NAN;
		v->teams[g].share_pct_t1 = s1.any ? s1.share[g] : NAN;
	}
	team_sums_free(&s0);
	team_sums_free(&s1);
}
