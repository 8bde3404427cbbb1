/* review_build_controls.c: where the next points are: every control with
 * score rows at T1, by potential gain (descending), with its points at T0,
 * the gain each team holds and the team holding most; the points each team
 * holds now. */
#include <math.h>
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

void rb_controls(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t k;

	r->controls = PST_REVIEW_NEW(r, struct pst_review_control, c->v->cs.n);
	for (k = 0; k < c->v->cs.n; k++) {
		struct rb_sums now;

		rb_rows_sum(c, c->d->t1, PST_ROW_CONTROL, 0, k, &now);
		if (now.rows)
			control(c, &r->controls[r->ncontrols++], k, &now);
	}
	pst_sort(r->controls, r->ncontrols, sizeof(*r->controls), cmp_gain);
}
