/* score_view_series.c: the rows of the secure score series (scoreview.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "score_view_int.h"

/* What one point needs while its rows are built. */
struct point_ctx {
	struct pst_score_view *v;
	const struct pst_estate *e;
	pst_time t;
	bool has_state;
	bool recomputed;                        /* the current subscription has findings at the point */
	struct view_findings vf;
	struct pst_control_score *rec;          /* cs.n: recomputed controls of the current subscription */
	const struct pst_control_rec **exp;     /* cs.n: exported controls of the current subscription */
};

static struct pst_score_row *new_row(struct pst_score_view *v, pst_time t, enum pst_row_scope scope, uint32_t sub,
                                     size_t control)
{
	struct pst_score_row *r;

	PST_GROW(v->rows, v->rows_alloc, v->nrows + 1);
	r = &v->rows[v->nrows++];
	r->at = t;
	r->scope = scope;
	r->sub = sub;
	r->control = control;
	r->exp_current = r->exp_max = r->exp_pct = r->exp_weight = NAN;
	r->rec_current = r->rec_max = r->rec_pct = NAN;
	r->healthy = r->unhealthy = r->not_applicable = -1;
	r->value = NAN;
	r->source = PST_SRC_NONE;
	r->differs = false;
	r->gain = NAN;
	return r;
}

static void settle(struct pst_score_row *r)
{
	bool has_exp = !isnan(r->exp_pct), has_rec = !isnan(r->rec_pct);

	r->value = has_exp ? r->exp_pct : r->rec_pct;
	r->source = has_exp ? PST_SRC_EXPORTED : has_rec ? PST_SRC_RECOMPUTED : PST_SRC_NONE;
	r->differs = has_exp && has_rec &&
	             (pst_score_fraction_differ(r->exp_pct, r->rec_pct) ||
	              (r->scope != PST_ROW_OVERALL && pst_score_points_differ(r->exp_current, r->rec_current)));
}

/* The latest control records of sub fresh at t, by control index. */
static void exported_controls(struct point_ctx *pc, uint32_t sub)
{
	const struct pst_estate *e = pc->e;
	size_t i;

	memset(pc->exp, 0, pc->v->cs.n * sizeof(*pc->exp));
	for (i = view_first_control(e, pc->t); i < e->ncontrols && e->controls[i].observed <= pc->t; i++) {
		const struct pst_control_rec *c = &e->controls[i];
		size_t k;

		if (c->subscription != sub)
			continue;
		k = pst_control_set_find(&pc->v->cs, pst_estate_text(e, c->control_id), pst_estate_text(e, c->display_name));
		if (k != PST_NO_CONTROL)
			pc->exp[k] = c;
	}
}

/* Recomputes the subscription's controls when the point has findings of it. */
static void recomputed_controls(struct point_ctx *pc, uint32_t sub)
{
	size_t first, n = view_findings_of(&pc->vf, sub, &first), unmapped = 0;

	pc->recomputed = pc->has_state && n > 0;
	if (!pc->recomputed)
		return;
	view_recompute(&pc->v->cs, pc->vf.f + first, n, PST_ALL_GROUPS, pc->rec, &unmapped);
	if (pc->t == pc->v->t1)
		pc->v->unmapped_t1 += unmapped;
}

static double exported_gain(const struct pst_control_rec *c)
{
	struct pst_control_score s = {0};

	s.max = c->max;
	s.current = c->current;
	s.unhealthy = c->unhealthy;
	return pst_score_gain(&s);
}

static void warn_differs(struct point_ctx *pc, const struct pst_score_row *r)
{
	char when[PST_TIME_BUF];
	const char *sub = pst_estate_subscription_id(pc->e, r->sub);

	pst_time_format(r->at, when, sizeof(when));
	if (r->scope == PST_ROW_CONTROL)
		pst_diags_add(&pc->v->warnings, PST_DC_SCORE_DIFFERS, NULL,
		              "%s: subscription %s, control \"%s\": exported %.2f of %.0f, recomputed %.2f of %.0f", when,
		              sub ? sub : "?", pc->v->cs.items[r->control].name, r->exp_current, r->exp_max,
		              r->rec_current, r->rec_max);
	else if (r->scope == PST_ROW_SUBSCRIPTION)
		pst_diags_add(&pc->v->warnings, PST_DC_SCORE_DIFFERS, NULL,
		              "%s: subscription %s: exported %.2f of %.0f (%.2f%%), recomputed %.2f of %.0f (%.2f%%)", when,
		              sub ? sub : "?", r->exp_current, r->exp_max, 100 * r->exp_pct, r->rec_current, r->rec_max,
		              100 * r->rec_pct);
	else
		pst_diags_add(&pc->v->warnings, PST_DC_SCORE_DIFFERS, NULL, "%s: overall: exported %.2f%%, recomputed %.2f%%",
		              when, 100 * r->exp_pct, 100 * r->rec_pct);
}

static void control_row(struct point_ctx *pc, uint32_t sub, size_t k, struct pst_score_row *subrow)
{
	const struct pst_control_rec *x = pc->exp[k];
	const struct pst_control_score *c = pc->recomputed ? &pc->rec[k] : NULL;
	struct pst_score_row *r;

	if (!x && !(c && c->healthy + c->unhealthy + c->not_applicable > 0))
		return;
	r = new_row(pc->v, pc->t, PST_ROW_CONTROL, sub, k);
	if (x) {
		r->exp_current = x->current;
		r->exp_max = x->max;
		r->exp_pct = x->percentage;
		r->exp_weight = x->weight;
	}
	if (c) {
		r->rec_current = c->current;
		r->rec_max = c->max;
		r->rec_pct = c->percentage;
	}
	r->healthy = x ? x->healthy : c->healthy;
	r->unhealthy = x ? x->unhealthy : c->unhealthy;
	r->not_applicable = x ? x->not_applicable : c->not_applicable;
	r->gain = x ? exported_gain(x) : pst_score_gain(c);
	settle(r);
	subrow->gain += r->gain;
	subrow->healthy += r->healthy;
	subrow->unhealthy += r->unhealthy;
	subrow->not_applicable += r->not_applicable;
	if (r->differs)
		warn_differs(pc, r);
}

/* The weight of sub's latest exported score at or before t, stale or not:
 * a recomputed subscription keeps the weight Defender last gave it. */
static double latest_weight(const struct pst_estate *e, uint32_t sub, pst_time t)
{
	double w = NAN;
	size_t i;

	for (i = 0; i < e->nscores && e->scores[i].observed <= t; i++)
		if (e->scores[i].subscription == sub && !isnan(e->scores[i].weight))
			w = e->scores[i].weight;
	return w;
}

static void sub_rows(struct point_ctx *pc, uint32_t sub)
{
	const struct pst_score_rec *x = view_exported_score(pc->e, sub, pc->t);
	size_t at = pc->v->nrows, k;
	struct pst_score_row *r = new_row(pc->v, pc->t, PST_ROW_SUBSCRIPTION, sub, PST_NO_CONTROL);
	struct pst_score_row acc = *r;

	exported_controls(pc, sub);
	recomputed_controls(pc, sub);
	acc.gain = 0;
	acc.healthy = acc.unhealthy = acc.not_applicable = 0;
	for (k = 0; k < pc->v->cs.n; k++)
		control_row(pc, sub, k, &acc);
	r = &pc->v->rows[at]; /* the array may have moved */
	*r = acc;
	if (x) {
		r->exp_current = x->current;
		r->exp_max = x->max;
		r->exp_pct = x->percentage;
	}
	r->exp_weight = latest_weight(pc->e, sub, pc->t);
	if (pc->recomputed) {
		struct pst_score_total t;

		pst_score_total(pc->rec, pc->v->cs.n, &t);
		r->rec_current = t.current;
		r->rec_max = t.max;
		r->rec_pct = t.percentage;
	}
	settle(r);
	if (r->differs)
		warn_differs(pc, r);
}

/* Subscriptions at the point: with a fresh exported score or findings. */
static uint32_t *point_subs(const struct point_ctx *pc, size_t *n)
{
	size_t nf, i, m = 0;
	uint32_t *fs = view_findings_subs(&pc->vf, &nf);
	uint32_t *v = xcalloc(nf + pc->e->nscores + 1, sizeof(*v));

	for (i = 0; i < nf; i++)
		v[m++] = fs[i];
	for (i = view_first_score(pc->e, pc->t); i < pc->e->nscores && pc->e->scores[i].observed <= pc->t; i++) {
		const struct pst_score_rec *s = &pc->e->scores[i];
		size_t j;

		for (j = 0; j < m && v[j] != s->subscription; j++)
			;
		if (j == m)
			v[m++] = s->subscription;
	}
	free(fs);
	*n = m;
	return v;
}

struct sub_name {
	uint32_t id;
	const char *s;
};

static int cmp_sub_name(const void *pa, const void *pb)
{
	const struct sub_name *a = pa, *b = pb;
	int c = pst_strcasecmp(a->s ? a->s : "", b->s ? b->s : "");

	return c ? c : (a->id > b->id) - (a->id < b->id);
}

static void sort_subs(const struct pst_estate *e, uint32_t *subs, size_t n)
{
	struct sub_name *v = xcalloc(n ? n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < n; i++) {
		v[i].id = subs[i];
		v[i].s = pst_estate_subscription_id(e, subs[i]);
	}
	qsort(v, n, sizeof(*v), cmp_sub_name);
	for (i = 0; i < n; i++)
		subs[i] = v[i].id;
	free(v);
}

enum which { EXPORTED, RECOMPUTED, VALUE };

static double pick(const struct pst_score_row *x, enum which w)
{
	return w == EXPORTED ? x->exp_pct : w == RECOMPUTED ? x->rec_pct : x->value;
}

/* Combines one kind of percentage of the subscription rows [first, nrows);
 * NAN unless every subscription has one.  *by_counts: the fallback weights
 * were used. */
static double combine_subs(const struct pst_score_view *v, size_t first, enum which w, bool *by_counts)
{
	struct pst_sub_score *s = xcalloc(v->nrows - first + 1, sizeof(*s));
	struct pst_score_combined c;
	size_t i, n = 0, have = 0;

	for (i = first; i < v->nrows; i++) {
		const struct pst_score_row *x = &v->rows[i];

		if (x->scope != PST_ROW_SUBSCRIPTION)
			continue;
		s[n].current = pick(x, w);
		s[n].max = isnan(s[n].current) ? 0 : 1;
		s[n].weight = x->exp_weight;
		s[n].healthy = x->healthy > 0 ? x->healthy : 0;
		s[n].unhealthy = x->unhealthy > 0 ? x->unhealthy : 0;
		have += !isnan(s[n].current);
		n++;
	}
	pst_score_combine(s, n, &c);
	free(s);
	*by_counts = c.weights_from_counts && n > 1; /* one subscription: weights do not matter */
	return have == n && n ? c.percentage : NAN;
}

static bool any_exported(const struct pst_score_view *v, size_t first)
{
	size_t i;

	for (i = first; i < v->nrows; i++)
		if (v->rows[i].scope == PST_ROW_SUBSCRIPTION && !isnan(v->rows[i].exp_pct))
			return true;
	return false;
}

/* The overall row r of the subscription rows [first, nrows): exported and
 * recomputed when every subscription has them; the value combines each
 * subscription's value (source "mixed" when some are exported, some not). */
static void overall_row(struct pst_score_view *v, struct pst_score_row *r, size_t first)
{
	bool by_counts;
	double value;

	r->exp_pct = combine_subs(v, first, EXPORTED, &by_counts);
	r->rec_pct = combine_subs(v, first, RECOMPUTED, &by_counts);
	value = combine_subs(v, first, VALUE, &by_counts);
	v->weights_from_counts |= by_counts;
	settle(r);
	r->value = value;
	if (isnan(r->exp_pct) && any_exported(v, first))
		r->source = PST_SRC_MIXED;
}

static void point_rows(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                       pst_time t)
{
	struct point_ctx pc;
	const struct pst_state *st = view_state_at(e, t);
	size_t nsubs, i, first;
	uint32_t *subs;

	memset(&pc, 0, sizeof(pc));
	pc.v = v;
	pc.e = e;
	pc.t = t;
	pc.has_state = st != NULL;
	view_findings_build(&pc.vf, e, st, tm);
	pc.rec = xcalloc(v->cs.n ? v->cs.n : 1, sizeof(*pc.rec));
	pc.exp = xcalloc(v->cs.n ? v->cs.n : 1, sizeof(*pc.exp));
	subs = point_subs(&pc, &nsubs);
	sort_subs(e, subs, nsubs);
	first = v->nrows;
	new_row(v, t, PST_ROW_OVERALL, 0, PST_NO_CONTROL);
	for (i = 0; i < nsubs; i++)
		sub_rows(&pc, subs[i]);
	overall_row(v, &v->rows[first], first + 1);
	if (v->rows[first].differs)
		warn_differs(&pc, &v->rows[first]);
	free(subs);
	free(pc.rec);
	free(pc.exp);
	view_findings_release(&pc.vf);
}

void view_series(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                 const pst_time *points, size_t npoints)
{
	size_t i;

	for (i = 0; i < npoints; i++)
		point_rows(v, e, tm, points[i]);
	if (v->unmapped_t1)
		pst_diags_add(&v->warnings, PST_DC_SCORE_UNMAPPED, NULL,
		              "%zu findings at T1 belong to no known control (no exported definitions or CSV `controls` "
		              "column for their recommendation): the recomputed scores leave them out",
		              v->unmapped_t1);
	if (v->weights_from_counts)
		pst_diags_add(&v->warnings, PST_DC_SCORE_WEIGHTS, NULL,
		              "some subscriptions have no exported weight: the overall score weights every subscription "
		              "by its healthy + unhealthy resource count instead");
}
