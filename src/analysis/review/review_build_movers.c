/* review_build_movers.c: the subscriptions whose score moved in the period,
 * with the finding classes behind the move (fixes, regressions, insecure
 * new items, other closures) and whether they left the scope. */
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

void rb_movers(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t n = pst_strpool_count(&c->e->subs), i, k = 0;
	struct pst_review_mover *all = xcalloc(n ? n : 1, sizeof(*all));

	for (i = 1; i < n; i++) {
		const struct pst_review_subscription *s = review_sub(r, pst_estate_subscription_id(c->e, (uint32_t)i));

		if (s)
			fill(&all[i], s);
	}
	for (i = 0; i < c->d->n; i++)
		if (c->d->items[i].subscription < n)
			count_item(&all[c->d->items[i].subscription], c->d->items[i].cls);
	r->movers = PST_REVIEW_NEW(r, struct pst_review_mover, n);
	for (i = 1; i < n; i++)
		if (all[i].id && moved(&all[i]))
			r->movers[k++] = all[i];
	r->nmovers = k;
	pst_sort(r->movers, r->nmovers, sizeof(*r->movers), cmp_mover);
	free(all);
}
