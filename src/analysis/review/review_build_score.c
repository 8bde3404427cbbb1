/* review_build_score.c: the score as `posture score` lists it: the series
 * rows, the points to win per control, every team's gain and the league. */
#include <math.h>
#include <stdlib.h>
#include "review_build_int.h"

static const char *sub_text(const struct rb_ctx *c, uint32_t sub, bool name)
{
	if (!sub)
		return NULL;
	return name ? pst_estate_text(c->e, c->e->subscriptions[sub].name) : pst_estate_subscription_id(c->e, sub);
}

static void row(struct rb_ctx *c, struct pst_review_score_row *o, const struct pst_score_row *x)
{
	struct pst_review *r = c->r;
	const struct pst_control_info *ci = x->control == PST_NO_CONTROL ? NULL : &c->v->cs.items[x->control];

	o->at = x->at;
	o->scope = pst_row_scope_name(x->scope);
	o->subscription_id = pst_review_str(r, sub_text(c, x->sub, false));
	o->subscription_name = pst_review_str(r, sub_text(c, x->sub, true));
	o->control_id = pst_review_str(r, ci ? ci->id : NULL);
	o->control = pst_review_str(r, ci ? ci->name : NULL);
	o->value = x->value;
	o->source = pst_row_source_name(x->source);
	o->exp_current = x->exp_current;
	o->exp_max = x->exp_max;
	o->exp_pct = x->exp_pct;
	o->exp_weight = x->exp_weight;
	o->rec_current = x->rec_current;
	o->rec_max = x->rec_max;
	o->rec_pct = x->rec_pct;
	o->healthy = x->healthy;
	o->unhealthy = x->unhealthy;
	o->not_applicable = x->not_applicable;
	o->differs = x->differs;
	o->gain = x->gain;
	o->weight = x->weight;
	o->subs_in_scope = x->subs_in_scope;
	o->subs_total = x->subs_total;
}

struct gain {
	size_t control;
	double gain;
};

static int cmp_gain(const void *pa, const void *pb)
{
	const struct gain *a = pa, *b = pb;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return (a->control > b->control) - (a->control < b->control);
}

/* Per control at T1, summed over the subscriptions; those with points to win. */
static void gains(struct rb_ctx *c)
{
	const struct pst_score_view *v = c->v;
	struct pst_review_score *s = &c->r->score;
	struct gain *g = xcalloc(v->cs.n + 1, sizeof(*g));
	size_t i;

	for (i = 0; i < v->cs.n; i++)
		g[i].control = i;
	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].at == v->t1 && v->rows[i].scope == PST_ROW_CONTROL && !isnan(v->rows[i].gain))
			g[v->rows[i].control].gain += v->rows[i].gain;
	pst_sort(g, v->cs.n, sizeof(*g), cmp_gain);
	while (s->ngains < v->cs.n && g[s->ngains].gain > 0)
		s->ngains++;
	s->gains = PST_REVIEW_NEW(c->r, struct pst_review_control_gain, s->ngains);
	for (i = 0; i < s->ngains; i++) {
		s->gains[i].control_id = pst_review_str(c->r, v->cs.items[g[i].control].id);
		s->gains[i].control = pst_review_str(c->r, v->cs.items[g[i].control].name);
		s->gains[i].gain = g[i].gain;
	}
	free(g);
}

static void teams(struct rb_ctx *c)
{
	const struct pst_score_view *v = c->v;
	struct pst_review_score *s = &c->r->score;
	size_t i;

	s->teams = PST_REVIEW_NEW(c->r, struct pst_review_score_team, v->nteams);
	s->nteams = v->nteams;
	for (i = 0; i < v->nteams; i++) {
		s->teams[i].name = pst_review_str(c->r, i < c->tm->nteams ? c->tm->teams[i] : NULL);
		s->teams[i].pct_t0 = v->teams[i].pct_t0;
		s->teams[i].pct_t1 = v->teams[i].pct_t1;
		s->teams[i].share_pct_t0 = v->teams[i].share_pct_t0;
		s->teams[i].share_pct_t1 = v->teams[i].share_pct_t1;
		s->teams[i].points_held_t1 = v->teams[i].points_t1;
		s->teams[i].gain_points = v->teams[i].gain_points;
		s->teams[i].gain_overall = v->teams[i].gain_overall;
	}
	s->league = PST_REVIEW_NEW(c->r, struct pst_review_league_row, v->nleague);
	s->nleague = v->nleague;
	for (i = 0; i < v->nleague; i++) {
		const struct pst_league_row *l = &v->league[i];
		struct pst_review_league_row *o = &s->league[i];

		o->team = pst_review_str(c->r, l->name);
		o->rank = l->rank;
		o->points = l->points;
		o->pct_points = l->pct_points;
		o->fixes = l->fixes;
		o->regressions = l->regressions;
		o->new_insecure = l->new_insecure;
		o->closed_not_fixed = l->closed_not_fixed;
	}
}

void rb_score(struct rb_ctx *c)
{
	struct pst_review_score *s = &c->r->score;
	size_t i;

	s->teams_file = pst_review_str(c->r, c->teams->path);
	s->goals_file = pst_review_str(c->r, c->g ? c->g->path : NULL);
	s->rows = PST_REVIEW_NEW(c->r, struct pst_review_score_row, c->v->nrows);
	s->nrows = c->v->nrows;
	for (i = 0; i < c->v->nrows; i++)
		row(c, &s->rows[i], &c->v->rows[i]);
	gains(c);
	teams(c);
}
