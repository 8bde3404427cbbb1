/* review_build_summary.c: the executive summary of the review: score now
 * and at T0, the 12-month trend, the finding counts, the goals. */
#include <math.h>
#include <string.h>
#include "review_build_int.h"


static const struct pst_score_row *overall_at(const struct pst_score_view *v, pst_time t)
{
	size_t i;

	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].at == t && v->rows[i].scope == PST_ROW_OVERALL)
			return &v->rows[i];
	return NULL;
}

/* One point per month end (pst_score_trend_ends), the month of T1 last:
 * the overall row at exactly that time. */
static void trend(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	pst_time ends[PST_SCORE_TREND_MONTHS];
	int i;

	pst_score_trend_ends(c->d->t1, ends);
	r->trend = PST_REVIEW_NEW(r, struct pst_review_point, PST_SCORE_TREND_MONTHS);
	r->ntrend = PST_SCORE_TREND_MONTHS;
	for (i = 0; i < PST_SCORE_TREND_MONTHS; i++) {
		const struct pst_score_row *x = overall_at(c->v, ends[i]);
		struct pst_review_point *o = &r->trend[i];

		o->t = ends[i];
		o->percentage = x && x->subs_in_scope ? 100 * x->value : NAN;
		o->recomputed = x && (x->source == PST_SRC_RECOMPUTED || x->source == PST_SRC_MIXED);
		o->subs_in_scope = x ? x->subs_in_scope : 0;
		o->subs_total = x ? x->subs_total : 0;
		o->partial = x && x->subs_in_scope < x->subs_total;
	}
}

static void counts(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t i;

	for (i = 0; i < PST_CLASS__COUNT; i++)
		r->by_class[i] = (int64_t)c->d->counts[i];
	for (i = 0; i < c->d->n; i++)
	{
		if (c->d->items[i].overdue)
			r->overdue_by_severity[c->d->items[i].severity]++;
		if (c->d->items[i].status_to == PST_ST_UNHEALTHY)
			r->open_by_severity[c->d->items[i].severity]++;
	}
	r->unhealthy_t0 = (int64_t)c->d->unhealthy_t0;
	r->unhealthy_t1 = (int64_t)c->d->unhealthy_t1;
	r->closed = (int64_t)c->d->closed;
	r->opened = (int64_t)c->d->opened;
}

void rb_summary(struct rb_ctx *c)
{
	const struct pst_score_row *now = overall_at(c->v, c->d->t1), *prev = overall_at(c->v, c->d->t0);

	c->r->score_now = now ? 100 * now->value : NAN;
	c->r->subs_in_scope = now ? now->subs_in_scope : 0;
	c->r->subs_total = now ? now->subs_total : 0;
	c->r->score_prev = prev ? 100 * prev->value : NAN;
	trend(c);
	counts(c);
}

static void goal(struct pst_review *r, struct pst_review_goal *o, const struct pst_goal_row *g)
{
	o->scope = pst_review_str(r, pst_goal_scope_name(g->goal->scope));
	o->name = pst_review_str(r, g->goal->subject);
	o->target = g->goal->target;
	o->due = g->goal->by - 1; /* the last moment of the day the file names */
	o->by = g->goal->by;
	o->current = g->p.current;
	o->gap = g->p.gap;
	o->months_left = g->p.months_left;
	o->pace_needed = g->p.state == PST_GOAL_MET ? 0 : g->p.pace_needed;
	o->pace_seen = g->p.pace_seen;
	o->state = pst_goal_state_name(g->p.state);
	o->met = g->p.state == PST_GOAL_MET;
	o->behind = g->p.state == PST_GOAL_BEHIND || g->p.state == PST_GOAL_MISSED;
}

void rb_goals(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t i;

	r->goals = PST_REVIEW_NEW(r, struct pst_review_goal, c->v->ngoals);
	r->ngoals = c->v->ngoals;
	for (i = 0; i < c->v->ngoals; i++) {
		goal(r, &r->goals[i], &c->v->goals[i]);
		if (!r->overall_goal && c->v->goals[i].goal->scope == PST_GOAL_OVERALL)
			r->overall_goal = &r->goals[i];
	}
}
