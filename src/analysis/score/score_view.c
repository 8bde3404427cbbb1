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

/* Some subscription in scope at t, with a snapshot at or before t (or
 * stream data only), has no fresh exported score there: the point needs
 * the findings. */
static bool needs_recompute(const struct pst_estate *e, pst_time t)
{
	const struct pst_timeline *tl = &e->timeline;
	size_t n = pst_strpool_count(&e->subs), s, b;
	uint8_t *in = view_in_scope(e, t), *seen = xcalloc(n ? n : 1, 1), *snapped = xcalloc(n ? n : 1, 1);
	bool need = false;

	for (b = 0; b < tl->nbatches; b++) {
		snapped[tl->batches[b].subscription] = 1;
		if (tl->batches[b].tmax <= t)
			seen[tl->batches[b].subscription] = 1;
	}
	for (s = 1; s < n && !need; s++)
		need = in[s] && (seen[s] || !snapped[s]) && !view_exported_score(e, (uint32_t)s, t);
	free(in);
	free(seen);
	free(snapped);
	return need;
}

static int cmp_time(const void *a, const void *b)
{
	pst_time x = *(const pst_time *)a, y = *(const pst_time *)b;

	return (x > y) - (x < y);
}

/* Adds t to out[0..*n) unless it is there or NONE. */
static void keep(pst_time *out, size_t *n, pst_time t)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (out[i] == t)
			return;
	if (t != PST_TIME_NONE)
		out[(*n)++] = t;
}

pst_time *pst_score_view_state_times(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n)
{
	size_t np, i, kept = 0;
	pst_time *p = view_points(e, t0, t1, &np);
	pst_time *out = xcalloc(np + 4, sizeof(*out));

	keep(out, &kept, t0);
	keep(out, &kept, t1);
	keep(out, &kept, view_last_export(e, p, np, t0)); /* where exported and recomputed are compared */
	keep(out, &kept, view_last_export(e, p, np, t1));
	for (i = np; i-- > 0 && kept < PST_SCORE_MAX_STATES;)
		if (needs_recompute(e, p[i]))
			keep(out, &kept, p[i]);
	free(p);
	pst_sort(out, kept, sizeof(*out), cmp_time);
	*n = kept;
	return out;
}
