/* review_build_controls.c: where the next points are: every control with
 * score rows at T1, by potential gain (descending), with its points at T0,
 * the gain each team holds and the team holding most; the points each team
 * holds now. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

static int cmp_gain(const void *pa, const void *pb)
{
	const struct pst_review_control *a = pa, *b = pb;
	int rc;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	rc = strcmp(a->name, b->name);
	return rc ? rc : strcmp(a->control_id, b->control_id);
}

static void team_gains(struct rb_ctx *c, struct pst_review_control *o, size_t k)
{
	size_t g, ncs = c->v->cs.n;
	double best = 0;

	o->gain_by_team = PST_REVIEW_NEW(c->r, double, c->r->nteams);
	o->top_team = PST_REVIEW_NO_TEAM;
	for (g = 0; g < c->tm->nteams && c->v->team_control_gain; g++) {
		size_t t = c->team_ix[g];

		if (t == PST_REVIEW_NO_TEAM)
			continue;
		o->gain_by_team[t] = c->v->team_control_gain[g * ncs + k];
		if (o->gain_by_team[t] > best) {
			best = o->gain_by_team[t];
			o->top_team = t;
		}
	}
}

static void control(struct rb_ctx *c, struct pst_review_control *o, size_t k, const struct rb_sums *now)
{
	const struct pst_control_info *ci = &c->v->cs.items[k];
	struct rb_sums before;

	rb_rows_sum(c, c->d->t0, PST_ROW_CONTROL, 0, k, &before);
	o->control_id = pst_review_str(c->r, ci->id);
	o->name = pst_review_str(c->r, ci->name);
	o->max = now->max;
	o->current = now->current;
	o->previous = before.rows ? before.current : NAN;
	o->healthy = now->healthy;
	o->unhealthy = now->unhealthy;
	o->not_applicable = now->not_applicable;
	o->gain = now->gain;
	team_gains(c, o, k);
}

/* Findings open at T1 by control and team (pos: control set index ->
 * review control, or SIZE_MAX when it has no rows). */
static void team_open(struct rb_ctx *c, const size_t *pos)
{
	size_t i;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		size_t k, t;

		if (it->status_to != PST_ST_UNHEALTHY)
			continue;
		k = rb_control_of(c, it->assessment_key);
		t = rb_team_of(c, it->resource);
		if (k < c->v->cs.n && pos[k] != SIZE_MAX && t != PST_REVIEW_NO_TEAM)
			c->r->controls[pos[k]].open_by_team[t]++;
	}
}

void rb_controls(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t k, *pos = xcalloc(c->v->cs.n + 1, sizeof(*pos));

	r->controls = PST_REVIEW_NEW(r, struct pst_review_control, c->v->cs.n);
	for (k = 0; k < c->v->cs.n; k++) {
		struct rb_sums now;

		pos[k] = SIZE_MAX;
		rb_rows_sum(c, c->d->t1, PST_ROW_CONTROL, 0, k, &now);
		if (!now.rows)
			continue;
		pos[k] = r->ncontrols;
		control(c, &r->controls[r->ncontrols], k, &now);
		r->controls[r->ncontrols++].open_by_team = PST_REVIEW_NEW(r, int64_t, r->nteams);
	}
	team_open(c, pos);
	free(pos);
	pst_sort(r->controls, r->ncontrols, sizeof(*r->controls), cmp_gain);
}
