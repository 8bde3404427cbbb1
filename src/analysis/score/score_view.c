/* score_view.c: the score view's life cycle, its control set, its times,
 * and the two-pass read (scoreview.h). */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "posture/settings.h"
#include "score_view_int.h"

static const char *const scope_names[] = {"overall", "subscription", "control"};
static const char *const source_names[] = {"none", "exported", "recomputed", "mixed"};

const char *pst_row_scope_name(enum pst_row_scope s)
{
	return (size_t)s < PST_ARRAY_LEN(scope_names) ? scope_names[s] : "?";
}

const char *pst_row_source_name(enum pst_row_source s)
{
	return (size_t)s < PST_ARRAY_LEN(source_names) ? source_names[s] : "?";
}

void pst_score_view_init(struct pst_score_view *v)
{
	memset(v, 0, sizeof(*v));
	pst_control_set_init(&v->cs);
}

void pst_score_view_release(struct pst_score_view *v)
{
	size_t i;

	pst_control_set_release(&v->cs);
	for (i = 0; i < v->nwarnings; i++)
		free(v->warnings[i]);
	free(v->warnings);
	free(v->rows);
	free(v->teams);
	free(v->team_control_gain);
	free(v->goals);
	free(v->league);
	pst_score_view_init(v);
}

void view_warn(struct pst_score_view *v, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	PST_GROW(v->warnings, v->warnings_alloc, v->nwarnings + 1);
	v->warnings[v->nwarnings++] = strbuf_detach(&sb);
}

/* Built-in list, then exported definitions, then score-control records
 * (names; max only when positive: a record's max is 0 when the control has
 * no healthy or unhealthy resource), then every key -> control link. */
void pst_score_view_controls(struct pst_score_view *v, const struct pst_estate *e)
{
	size_t i, k;

	pst_control_set_builtin(&v->cs);
	for (i = 0; i < e->ndefs; i++) {
		const struct pst_control_def_rec *d = &e->defs[i];
		size_t at = pst_control_set_define(&v->cs, pst_estate_text(e, d->control_id),
		                                   pst_estate_text(e, d->display_name), d->max_score, PST_CSRC_EXPORTED);

		for (k = 0; k < d->nkeys; k++)
			pst_control_add_key(&v->cs.items[at], pst_estate_key(e, e->def_keys[d->first_key + k]));
	}
	for (i = 0; i < e->ncontrols; i++) {
		const struct pst_control_rec *c = &e->controls[i];

		pst_control_set_define(&v->cs, pst_estate_text(e, c->control_id), pst_estate_text(e, c->display_name),
		                       c->max > 0 ? c->max : NAN, PST_CSRC_EXPORTED);
	}
	for (i = 0; i < e->ntype_controls; i++) {
		const struct pst_type_control *tc = &e->type_controls[i];
		size_t at = pst_control_set_define(&v->cs, pst_estate_text(e, tc->control_id),
		                                   pst_estate_text(e, tc->control_name), NAN, PST_CSRC_CSV);

		pst_control_add_key(&v->cs.items[at], pst_estate_key(e, tc->key));
	}
}

void pst_score_view_compute(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                            const struct pst_goals *goals, const struct pst_diff *d, pst_time t0, pst_time t1)
{
	size_t npoints;
	pst_time *points;

	v->t0 = t0;
	v->t1 = t1;
	points = view_points(e, t0, t1, &npoints);
	view_series(v, e, tm, points, npoints);
	view_teams(v, e, tm);
	view_goals(v, e, tm, goals);
	view_league(v, e, tm, d);
	free(points);
}

/* One calendar month before t (the day clamped to the month's length). */
static pst_time month_before(pst_time t)
{
	int64_t days = t >= 0 ? t / PST_MS_PER_DAY : -((-t + PST_MS_PER_DAY - 1) / PST_MS_PER_DAY);
	pst_time rest = t - days * PST_MS_PER_DAY;
	int64_t y, start;
	unsigned m, d, len;

	pst_civil_from_days(days, &y, &m, &d);
	if (m == 1) {
		y--;
		m = 12;
	} else {
		m--;
	}
	start = pst_days_from_civil(y, m, 1);
	len = (unsigned)(pst_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - start);
	return (start + (d < len ? d : len) - 1) * PST_MS_PER_DAY + rest;
}

static int pick_times(const struct pst_score_request *rq, const struct pst_timeline *tl, pst_time *t0,
                      pst_time *t1, struct pst_error *err)
{
	pst_time unused;

	if (rq->period) {
		if (!pst_period_parse(rq->period, t0, t1))
			return pst_fail(err, PST_EUSAGE, "--period: expected YYYY-MM, not '%s'", rq->period);
		return PST_OK;
	}
	if (rq->to != PST_TIME_NONE)
		*t1 = rq->to;
	else if (tl->tmin == PST_TIME_NONE)
		return pst_fail(err, PST_EDATA, "no dated record in the input: give --to or --period");
	else
		pst_timeline_pick(tl, PST_TIME_NONE, PST_TIME_NONE, &unused, t1);
	*t0 = rq->from != PST_TIME_NONE ? rq->from : month_before(*t1);
	return PST_OK;
}

int pst_view_pick_time(const struct pst_score_request *rq, pst_time *t, struct pst_error *err)
{
	struct pst_estate_opts opts = {rq->skip_bad};
	struct pst_timeline tl;
	pst_time t0;
	int rc;

	if (rq->to != PST_TIME_NONE || rq->period)
		return pick_times(rq, NULL, &t0, t, err);
	pst_timeline_init(&tl);
	rc = pst_estate_scan_timeline(&tl, rq->paths, rq->npaths, &opts, err);
	if (rc == PST_OK)
		rc = pick_times(rq, &tl, &t0, t, err);
	pst_timeline_release(&tl);
	return rc;
}

/* A round ending near t has a subscription without a fresh exported score. */
static bool needs_recompute(const struct pst_estate *e, pst_time t)
{
	const struct pst_timeline *tl = &e->timeline;
	size_t r, b;

	for (r = 0; r < tl->nrounds; r++) {
		const struct pst_round *rd = &tl->rounds[r];

		if (rd->tmax > t || rd->tmax <= t - PST_BATCH_WINDOW)
			continue;
		for (b = rd->first; b < rd->first + rd->n; b++)
			if (!view_exported_score(e, tl->batches[b].subscription, t))
				return true;
	}
	return false;
}

/* The times to keep a state for: T0, T1, and the latest points that need
 * recomputing (at most PST_SCORE_MAX_STATES in all), ascending. */
static pst_time *state_times(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n)
{
	size_t np, i, kept = 0;
	pst_time *p = view_points(e, t0, t1, &np);
	pst_time *out = xcalloc(np + 2, sizeof(*out));

	for (i = np; i-- > 0;) {
		bool pinned = p[i] == t0 || p[i] == t1;

		if (pinned || (kept + 2 < PST_SCORE_MAX_STATES && needs_recompute(e, p[i]))) {
			out[kept++] = p[i];
		}
	}
	free(p);
	for (i = 0; i < kept / 2; i++) {
		pst_time tmp = out[i];

		out[i] = out[kept - 1 - i];
		out[kept - 1 - i] = tmp;
	}
	*n = kept;
	return out;
}

static void classify(struct pst_diff *d, const struct pst_estate *e, pst_time t0, pst_time t1)
{
	struct pst_settings set;

	pst_settings_init(&set);
	pst_diff_compute(d, e, view_state_at(e, t0), view_state_at(e, t1), &set);
	pst_settings_release(&set);
}

int pst_score_view_run(struct pst_score_view *v, struct pst_estate *e, struct pst_team_map *tm,
                       struct pst_teams *teams, const struct pst_goals *goals, struct pst_diff *d,
                       const struct pst_score_request *rq, struct pst_error *err)
{
	struct pst_estate_opts opts = {rq->skip_bad};
	const struct pst_state **states = NULL;
	pst_time t0, t1, *times = NULL;
	size_t n = 0, i;
	int rc = pst_estate_load(e, rq->paths, rq->npaths, NULL, 0, &opts, err);

	if (rc == PST_OK)
		rc = pick_times(rq, &e->timeline, &t0, &t1, err);
	if (rc != PST_OK)
		return rc;
	times = state_times(e, t0, t1, &n);
	pst_estate_release(e);
	pst_estate_init(e);
	rc = pst_estate_load(e, rq->paths, rq->npaths, times, n, &opts, err);
	if (rc == PST_OK) {
		states = xcalloc(n, sizeof(*states));
		for (i = 0; i < n; i++)
			states[i] = &e->states[i];
		pst_team_map_build(tm, teams, e, states, n);
		classify(d, e, t0, t1);
		pst_score_view_controls(v, e);
		pst_score_view_compute(v, e, tm, goals, d, t0, t1);
	}
	free(states);
	free(times);
	return rc;
}
