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
	bool comparable;                        /* every subscription row so far was exported at the point */
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
	r->weight = NAN;
	r->subs_in_scope = r->subs_total = 0;
	return r;
}

/* The value and its source; differs only where the two can be compared:
 * the exported record is of the point's own time (same_time). */
static void settle(struct pst_score_row *r, bool same_time)
{
	bool has_exp = !isnan(r->exp_pct), has_rec = !isnan(r->rec_pct);

	r->value = has_exp ? r->exp_pct : r->rec_pct;
	r->source = has_exp ? PST_SRC_EXPORTED : has_rec ? PST_SRC_RECOMPUTED : PST_SRC_NONE;
	r->differs = same_time && has_exp && has_rec &&
	             (pst_score_fraction_differ(r->exp_pct, r->rec_pct) ||
	              (r->scope != PST_ROW_OVERALL && pst_score_points_differ(r->exp_current, r->rec_current)));
}

/* An exported record observed at t is of the point's own time. */
static bool same_time(pst_time observed, pst_time t)
{
	return observed > t - PST_BATCH_WINDOW;
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
	settle(r, x && same_time(x->observed, pc->t));
	subrow->gain += r->gain;
	subrow->healthy += r->healthy;
	subrow->unhealthy += r->unhealthy;
	subrow->not_applicable += r->not_applicable;
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
	settle(r, x && same_time(x->observed, pc->t));
	pc->comparable &= x && same_time(x->observed, pc->t);
}

/* Subscriptions with data at the point: with a fresh exported score or findings. */
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
	pst_sort(v, n, sizeof(*v), cmp_sub_name);
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

/* The weight each subscription row of [first, nrows) has in the overall
 * (pst_score_combine's rule: the exported weights, else every subscription's
 * healthy + unhealthy count), and their sum. */
static double set_weights(struct pst_score_view *v, size_t first)
{
	bool counts = false;
	double total = 0;
	size_t i;

	for (i = first; i < v->nrows; i++)
		if (v->rows[i].scope == PST_ROW_SUBSCRIPTION && isnan(v->rows[i].exp_weight))
			counts = true;
	for (i = first; i < v->nrows; i++) {
		struct pst_score_row *x = &v->rows[i];

		if (x->scope != PST_ROW_SUBSCRIPTION)
			continue;
		x->weight = counts ? (double)((x->healthy > 0 ? x->healthy : 0) + (x->unhealthy > 0 ? x->unhealthy : 0))
		                   : x->exp_weight;
		total += x->weight;
	}
	return total;
}

/* The overall row r of the subscription rows [first, nrows): exported and
 * recomputed when every subscription has them; the value combines each
 * subscription's value (source "mixed" when some are exported, some not). */
static void overall_row(struct pst_score_view *v, struct pst_score_row *r, size_t first, bool same_time)
{
	bool by_counts;
	double value;

	r->exp_pct = combine_subs(v, first, EXPORTED, &by_counts);
	r->rec_pct = combine_subs(v, first, RECOMPUTED, &by_counts);
	value = combine_subs(v, first, VALUE, &by_counts);
	v->weights_from_counts |= by_counts;
	settle(r, same_time);
	r->value = value;
	r->weight = set_weights(v, first);
	if (isnan(r->exp_pct) && any_exported(v, first))
		r->source = PST_SRC_MIXED;
}

/* Subscriptions with data at the point: those of subs[0..n), and any other
 * in a snapshot at or before it (whether or not a state was kept there). */
static size_t with_data(const struct point_ctx *pc, const uint32_t *subs, size_t n)
{
	const struct pst_timeline *tl = &pc->e->timeline;
	size_t nsubs = pst_strpool_count(&pc->e->subs), i, total = 0;
	uint8_t *seen = xcalloc(nsubs ? nsubs : 1, 1);

	for (i = 0; i < n; i++)
		seen[subs[i]] = 1;
	for (i = 0; i < tl->nbatches; i++)
		if (tl->batches[i].tmax <= pc->t && tl->batches[i].subscription < nsubs)
			seen[tl->batches[i].subscription] = 1;
	for (i = 1; i < nsubs; i++)
		total += seen[i];
	free(seen);
	return total;
}

/* Keeps the subscriptions of subs[0..*n) in scope at the point. */
static void in_scope_only(const struct point_ctx *pc, uint32_t *subs, size_t *n)
{
	uint8_t *in = view_in_scope(pc->e, pc->t);
	size_t i, m = 0;

	for (i = 0; i < *n; i++)
		if (in[subs[i]])
			subs[m++] = subs[i];
	*n = m;
	free(in);
}

static void point_rows(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                       pst_time t)
{
	struct point_ctx pc;
	const struct pst_state *st = pst_estate_state(e, t);
	size_t nsubs, total, i, first;
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
	total = with_data(&pc, subs, nsubs);
	in_scope_only(&pc, subs, &nsubs);
	sort_subs(e, subs, nsubs);
	first = v->nrows;
	new_row(v, t, PST_ROW_OVERALL, 0, PST_NO_CONTROL);
	pc.comparable = nsubs > 0;
	for (i = 0; i < nsubs; i++)
		sub_rows(&pc, subs[i]);
	overall_row(v, &v->rows[first], first + 1, pc.comparable);
	v->rows[first].subs_in_scope = nsubs;
	v->rows[first].subs_total = total;
	free(subs);
	free(pc.rec);
	free(pc.exp);
	view_findings_release(&pc.vf);
}

/* One warning per kind of row (overall, subscription, control) where the
 * export and the recomputation at its own time differ: the count, and the
 * largest difference. */
static void warn_differs(struct pst_score_view *v, const struct pst_estate *e)
{
	static const char *const what[] = {"overall score", "subscription score", "control score"};
	size_t k, i;

	for (k = 0; k < PST_ARRAY_LEN(what); k++) {
		const struct pst_score_row *worst = NULL;
		size_t n = 0;
		char when[PST_TIME_BUF];

		for (i = 0; i < v->nrows; i++) {
			const struct pst_score_row *r = &v->rows[i];

			if (r->scope != (enum pst_row_scope)k || !r->differs)
				continue;
			n++;
			if (!worst || fabs(r->exp_pct - r->rec_pct) > fabs(worst->exp_pct - worst->rec_pct))
				worst = r;
		}
		if (!n)
			continue;
		pst_time_format(worst->at, when, sizeof(when));
		pst_diags_add(&v->warnings, PST_DC_SCORE_DIFFERS, NULL,
		              "%zu %s%s exported and recomputed at the export's time differ by more than a rounding step; "
		              "the largest: %s%s%s%s%s at %s, exported %.2f%%, recomputed %.2f%%",
		              n, what[k], n == 1 ? "" : "s", k ? "subscription " : "overall",
		              k ? pst_estate_subscription_id(e, worst->sub) : "", k == PST_ROW_CONTROL ? ", control \"" : "",
		              k == PST_ROW_CONTROL ? v->cs.items[worst->control].name : "", k == PST_ROW_CONTROL ? "\"" : "",
		              when, 100 * worst->exp_pct, 100 * worst->rec_pct);
	}
}

void view_series(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                 const pst_time *points, size_t npoints)
{
	size_t i;

	for (i = 0; i < npoints; i++)
		point_rows(v, e, tm, points[i]);
	warn_differs(v, e);
	if (v->unmapped_t1)
		pst_diags_add(&v->warnings, PST_DC_SCORE_UNMAPPED, NULL,
		              "%zu findings at the end of the period belong to no known control (no exported definitions or CSV `controls` "
		              "column for their recommendation): the recomputed scores leave them out",
		              v->unmapped_t1);
	if (v->weights_from_counts)
		pst_diags_add(&v->warnings, PST_DC_SCORE_WEIGHTS, NULL,
		              "some subscriptions have no exported weight: the overall score weights every subscription "
		              "by its healthy + unhealthy resource count instead");
}
