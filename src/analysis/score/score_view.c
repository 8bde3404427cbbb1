/* score_view.c: the score view's life cycle, its control set, its times,
 * and the times it needs states at (score_view.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
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
	pst_diags_init(&v->warnings, 0);
}

void pst_score_view_release(struct pst_score_view *v)
{
	pst_control_set_release(&v->cs);
	pst_diags_release(&v->warnings);
	free(v->rows);
	free(v->teams);
	free(v->team_control_gain);
	free(v->goals);
	free(v->league);
	pst_score_view_init(v);
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

pst_time *pst_score_view_state_times(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n)
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
