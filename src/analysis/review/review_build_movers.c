/* review_build_movers.c: the subscriptions and the controls whose score
 * moved in the period, with the finding classes behind the move (fixes,
 * regressions, insecure new items, other closures), the change split into
 * its parts (review.h struct pst_review_why) and whether they left the
 * scope. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

static int cmp_sub_id(const void *pa, const void *pb)
{
	const struct pst_review_subscription *a = pa, *b = pb;

	return pst_strcasecmp(a->id, b->id);
}

/* The review subscription of an estate subscription id, or NULL. */
static const struct pst_review_subscription *review_sub(const struct pst_review *r, const char *id)
{
	struct pst_review_subscription probe;

	if (!id || !r->nsubscriptions)
		return NULL;
	memset(&probe, 0, sizeof(probe));
	probe.id = id;
	return bsearch(&probe, r->subscriptions, r->nsubscriptions, sizeof(*r->subscriptions), cmp_sub_id);
}

static void count_item(struct pst_review_mover *m, enum pst_class cls)
{
	if (cls == PST_CLASS_REMEDIATED)
		m->fixes++;
	else if (cls == PST_CLASS_REGRESSED)
		m->regressions++;
	else if (pst_class_opens(cls))
		m->new_insecure++;
	else if (pst_class_closes(cls))
		m->closed_other++;
}

static int mover_known(const struct pst_review_mover *m)
{
	return !isnan(m->change);
}

/* Known changes first, largest first; then those that left the scope; ties by name, then id. */
static int cmp_mover(const void *pa, const void *pb)
{
	const struct pst_review_mover *a = pa, *b = pb;
	int c;

	if (mover_known(a) != mover_known(b))
		return mover_known(a) ? -1 : 1;
	if (mover_known(a) && fabs(a->change) != fabs(b->change))
		return fabs(a->change) > fabs(b->change) ? -1 : 1;
	c = pst_strcasecmp(a->name, b->name);
	return c ? c : pst_strcasecmp(a->id, b->id);
}

static void fill(struct pst_review_mover *m, const struct pst_review_subscription *s)
{
	m->id = s->id;
	m->name = s->name;
	m->before = s->previous;
	m->left_scope = !s->covered_t1;
	m->after = s->covered_t1 ? s->percentage : NAN;
	m->change = isnan(m->before) || isnan(m->after) ? NAN : m->after - m->before;
}

/* A mover is kept when its score changed (by at least 0.005 pp), it left
 * the scope, or findings opened or closed in it. */
static int moved(const struct pst_review_mover *m)
{
	if (m->left_scope && !isnan(m->before))
		return 1;
	if (mover_known(m) && fabs(m->change) >= 0.005)
		return 1;
	return m->fixes || m->regressions || m->new_insecure || m->closed_other;
}

/* ---- why: the score rows of every (subscription, control) at both ends ---- */

struct cell {
	double cur, max;
	int64_t healthy, unhealthy;
	bool has;
};

struct cells {
	size_t nsubs, ncs;
	struct cell *t0, *t1; /* [sub * ncs + control] */
	size_t *subs, *ctls;  /* subscriptions (1..) and controls in id order: sums in an order the
	                         input's order does not change, so the parts are the same bits */
};

struct keyed {
	const char *key;
	size_t i;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed *a = pa, *b = pb;
	int rc = strcmp(a->key, b->key);

	return rc ? rc : (a->i > b->i) - (a->i < b->i);
}

/* Indexes first..n-1 ordered by key(i); n - first of them. */
static size_t *key_order(size_t first, size_t n, const char *(*key)(const struct rb_ctx *, size_t),
                         const struct rb_ctx *c)
{
	struct keyed *k = xcalloc(n + 1, sizeof(*k));
	size_t *out = xcalloc(n + 1, sizeof(*out)), i;

	for (i = first; i < n; i++) {
		const char *s = key(c, i);

		k[i - first].key = s ? s : "";
		k[i - first].i = i;
	}
	pst_sort(k, n > first ? n - first : 0, sizeof(*k), cmp_keyed);
	for (i = first; i < n; i++)
		out[i - first] = k[i - first].i;
	free(k);
	return out;
}

static const char *sub_key(const struct rb_ctx *c, size_t i)
{
	return pst_estate_subscription_id(c->e, (uint32_t)i);
}

static const char *ctl_key(const struct rb_ctx *c, size_t i)
{
	const struct pst_control_info *ci = &c->v->cs.items[i];

	return ci->id ? ci->id : ci->name;
}

static void cell_add(struct cell *o, const struct pst_score_row *x)
{
	double cur = rb_row_points(x, false), max = rb_row_points(x, true);

	o->has = true;
	o->cur += isnan(cur) ? 0.0 : cur;
	o->max += isnan(max) ? 0.0 : max;
	o->healthy += x->healthy > 0 ? x->healthy : 0;
	o->unhealthy += x->unhealthy > 0 ? x->unhealthy : 0;
}

static void cells_fill(const struct rb_ctx *c, struct cells *cl)
{
	size_t i;

	cl->nsubs = pst_strpool_count(&c->e->subs);
	cl->ncs = c->v->cs.n;
	cl->t0 = xcalloc(cl->nsubs * cl->ncs + 1, sizeof(*cl->t0));
	cl->t1 = xcalloc(cl->nsubs * cl->ncs + 1, sizeof(*cl->t1));
	cl->subs = key_order(1, cl->nsubs, sub_key, c);
	cl->ctls = key_order(0, cl->ncs, ctl_key, c);
	for (i = 0; i < c->v->nrows; i++) {
		const struct pst_score_row *x = &c->v->rows[i];

		if (x->scope != PST_ROW_CONTROL || x->control >= cl->ncs || !x->sub || x->sub >= cl->nsubs)
			continue;
		if (x->at == c->d->t0)
			cell_add(&cl->t0[x->sub * cl->ncs + x->control], x);
		else if (x->at == c->d->t1)
			cell_add(&cl->t1[x->sub * cl->ncs + x->control], x);
	}
}

static void cells_release(struct cells *cl)
{
	free(cl->t0);
	free(cl->t1);
	free(cl->subs);
	free(cl->ctls);
}

enum part { P_FIX, P_REGRESSION, P_NEW, P_SCOPE, P_NONE };

static enum part part_of(enum pst_class cls)
{
	if (cls == PST_CLASS_REMEDIATED)
		return P_FIX;
	if (cls == PST_CLASS_REGRESSED)
		return P_REGRESSION;
	if (pst_class_opens(cls))
		return P_NEW;
	return pst_class_closes(cls) ? P_SCOPE : P_NONE;
}

/* The points a finding of part p moves its control by in one subscription
 * (cells c0 at T0, c1 at T1): max / n up for a fix, down for a regression
 * or a new finding; max x healthy / (n (n - 1)) up for one closed without
 * a fix (one unhealthy resource less counted). */
static double effect(const struct cell *c0, const struct cell *c1, enum part p)
{
	const struct cell *x = c1->has ? c1 : c0;
	double n;

	if (p == P_NONE)
		return 0.0;
	if (p == P_SCOPE) {
		n = (double)(c0->healthy + c0->unhealthy);
		return c0->has && n > 1.0 ? c0->max * (double)c0->healthy / (n * (n - 1.0)) : 0.0;
	}
	n = (double)(x->healthy + x->unhealthy);
	if (!x->has || n <= 0.0)
		return 0.0;
	return (p == P_FIX ? 1.0 : -1.0) * x->max / n;
}

static void why_add(struct pst_review_why *w, enum part p, double v)
{
	if (p == P_FIX)
		w->fixes += v;
	else if (p == P_REGRESSION)
		w->regressions += v;
	else if (p == P_NEW)
		w->new_findings += v;
	else if (p == P_SCOPE)
		w->scope += v;
}

static void why_scale(struct pst_review_why *w, double by)
{
	w->fixes *= by;
	w->regressions *= by;
	w->new_findings *= by;
	w->scope *= by;
}

/* Other: the rest of the change, so that the parts add up to it; every part NAN when it is unknown. */
static void why_finish(struct pst_review_why *w, double change)
{
	if (isnan(change)) {
		w->fixes = w->regressions = w->new_findings = w->scope = w->other = NAN;
		return;
	}
	w->other = change - (w->fixes + w->regressions + w->new_findings + w->scope);
}

/* The subscriptions' parts, in score points while counting, then in
 * percentage points of each one's score (its maximum at T1). */
static void subscription_why(const struct cells *cl, struct pst_review_mover *all)
{
	size_t s, k;

	for (s = 1; s < cl->nsubs; s++) {
		double max = 0.0;

		for (k = 0; k < cl->ncs; k++)
			max += cl->t1[s * cl->ncs + cl->ctls[k]].max;
		why_scale(&all[s].why, max > 0.0 ? 100.0 / max : 0.0);
		why_finish(&all[s].why, all[s].change);
	}
}

/* ---- the controls that moved ---- */

static int cmp_control_mover(const void *pa, const void *pb)
{
	const struct pst_review_control_mover *a = pa, *b = pb;
	int rc;

	if (fabs(a->change) != fabs(b->change))
		return fabs(a->change) > fabs(b->change) ? -1 : 1;
	rc = strcmp(a->name, b->name);
	return rc ? rc : strcmp(a->control_id, b->control_id);
}

/* Control k's points at both ends, summed over the subscriptions, and the
 * scope part: the points of subscriptions counted at one end only. */
static void control_points(const struct cells *cl, size_t k, struct pst_review_control_mover *m)
{
	bool had = false, has = false;
	size_t j;

	m->before = m->after = m->max = 0.0;
	for (j = 0; j + 1 < cl->nsubs; j++) {
		size_t s = cl->subs[j];
		const struct cell *c0 = &cl->t0[s * cl->ncs + k], *c1 = &cl->t1[s * cl->ncs + k];

		had |= c0->has;
		has |= c1->has;
		m->before += c0->has ? c0->cur : 0.0;
		m->after += c1->has ? c1->cur : 0.0;
		m->max += c1->has ? c1->max : 0.0;
		if (c0->has != c1->has)
			m->why.scope += c1->has ? c1->cur : -c0->cur;
	}
	if (!had)
		m->before = NAN;
	if (!has)
		m->after = NAN;
	m->change = had && has ? m->after - m->before : NAN;
}

static bool control_moved(const struct pst_review_control_mover *m)
{
	return !isnan(m->change) &&
	       (fabs(m->change) >= 0.05 || m->fixes || m->regressions || m->new_insecure || m->closed_other);
}

static void control_movers(struct rb_ctx *c, const struct cells *cl)
{
	struct pst_review *r = c->r;
	struct pst_review_control_mover *all = xcalloc(cl->ncs + 1, sizeof(*all));
	size_t i, k;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		struct pst_review_control_mover *m;
		enum part p = part_of(it->cls);
		const struct cell *c0, *c1;

		k = rb_control_of(c, it->assessment_key);
		if (k >= cl->ncs || it->subscription >= cl->nsubs)
			continue;
		m = &all[k];
		m->fixes += p == P_FIX;
		m->regressions += p == P_REGRESSION;
		m->new_insecure += p == P_NEW;
		m->closed_other += p == P_SCOPE;
		c0 = &cl->t0[it->subscription * cl->ncs + k];
		c1 = &cl->t1[it->subscription * cl->ncs + k];
		if (c0->has && c1->has) /* else the subscription's whole points are in the scope part */
			why_add(&m->why, p, effect(c0, c1, p));
	}
	r->control_movers = PST_REVIEW_NEW(r, struct pst_review_control_mover, cl->ncs + 1);
	for (k = 0; k < cl->ncs; k++) {
		struct pst_review_control_mover *m = &all[k];

		control_points(cl, k, m);
		if (!control_moved(m))
			continue;
		why_finish(&m->why, m->change);
		m->control_id = pst_review_str(r, c->v->cs.items[k].id);
		m->name = pst_review_str(r, c->v->cs.items[k].name);
		r->control_movers[r->ncontrol_movers++] = *m;
	}
	pst_sort(r->control_movers, r->ncontrol_movers, sizeof(*r->control_movers), cmp_control_mover);
	free(all);
}

void rb_movers(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t n = pst_strpool_count(&c->e->subs), i, k = 0;
	struct cells cl;
	struct pst_review_mover *all = xcalloc(n ? n : 1, sizeof(*all));

	for (i = 1; i < n; i++) {
		const struct pst_review_subscription *s = review_sub(r, pst_estate_subscription_id(c->e, (uint32_t)i));

		if (s)
			fill(&all[i], s);
	}
	cells_fill(c, &cl);
	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		size_t ctl = rb_control_of(c, it->assessment_key);

		if (it->subscription >= n)
			continue;
		count_item(&all[it->subscription], it->cls);
		if (ctl < cl.ncs)
			why_add(&all[it->subscription].why, part_of(it->cls),
			        effect(&cl.t0[it->subscription * cl.ncs + ctl], &cl.t1[it->subscription * cl.ncs + ctl],
			               part_of(it->cls)));
	}
	subscription_why(&cl, all);
	r->movers = PST_REVIEW_NEW(r, struct pst_review_mover, n);
	for (i = 1; i < n; i++)
		if (all[i].id && moved(&all[i]))
			r->movers[k++] = all[i];
	r->nmovers = k;
	pst_sort(r->movers, r->nmovers, sizeof(*r->movers), cmp_mover);
	control_movers(c, &cl);
	cells_release(&cl);
	free(all);
}
