/* review_build_clouds.c: findings by cloud (review.h pst_review_cloud), only
 * when some resource is of another cloud than Azure: Azure first, then the
 * others by name. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

struct cloud_list {
	struct pst_review_cloud *v;
	size_t n, alloc;
};

/* The entry of cloud name (added when new). */
static struct pst_review_cloud *cloud_entry(struct cloud_list *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].cloud, name) == 0)
			return &l->v[i];
	PST_GROW(l->v, l->alloc, l->n + 1);
	memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
	l->v[l->n].cloud = name;
	l->v[l->n].healthy_pct = NAN;
	return &l->v[l->n++];
}

static int cmp_cloud(const void *pa, const void *pb)
{
	const struct pst_review_cloud *a = pa, *b = pb;
	int az = strcmp(a->cloud, "azure") == 0, bz = strcmp(b->cloud, "azure") == 0;

	return az != bz ? bz - az : strcmp(a->cloud, b->cloud);
}

/* Findings at T1 of the covered subscriptions, and resources (each counted
 * at its first finding: the state holds a resource's findings anywhere). */
static void count_state(const struct rb_ctx *c, struct cloud_list *l, uint8_t *seen)
{
	const struct pst_state *s = pst_estate_state(c->e, c->d->t1);
	uint8_t *covered = pst_diff_coverage(c->e, c->d->t1);
	const struct pst_finding *f;

	for (f = s ? pst_state_next(s, NULL) : NULL; f; f = pst_state_next(s, f)) {
		struct pst_review_cloud *cl;

		if (!covered[pst_estate_resource_sub(c->e, f->resource)])
			continue;
		cl = cloud_entry(l, pst_estate_resource_cloud(c->e, f->resource));
		cl->healthy += f->status == PST_ST_HEALTHY;
		cl->unhealthy += f->status == PST_ST_UNHEALTHY;
		if (!seen[f->resource]) {
			seen[f->resource] = 1;
			cl->resources++;
		}
	}
	free(covered);
}

static void count_classes(const struct rb_ctx *c, struct cloud_list *l)
{
	size_t i;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		struct pst_review_cloud *cl = cloud_entry(l, it->cloud ? it->cloud : "azure");

		cl->remediated += it->cls == PST_CLASS_REMEDIATED;
		cl->opened += pst_class_opens(it->cls);
	}
}

void rb_clouds(struct rb_ctx *c)
{
	struct cloud_list l = {NULL, 0, 0};
	uint8_t *seen = xcalloc(pst_strpool_count(&c->e->res_ids) + 1, 1);
	struct pst_review_cloud *v;
	size_t n, i;

	count_state(c, &l, seen);
	count_classes(c, &l);
	free(seen);
	v = l.v;
	n = l.n;
	if (n > 1 || (n == 1 && strcmp(v[0].cloud, "azure") != 0)) {
		pst_sort(v, n, sizeof(*v), cmp_cloud);
		c->r->clouds = PST_REVIEW_NEW(c->r, struct pst_review_cloud, n);
		for (i = 0; i < n; i++) {
			c->r->clouds[i] = v[i];
			c->r->clouds[i].cloud = pst_review_str(c->r, v[i].cloud);
			if (v[i].healthy + v[i].unhealthy)
				c->r->clouds[i].healthy_pct = 100.0 * (double)v[i].healthy / (double)(v[i].healthy + v[i].unhealthy);
		}
		c->r->nclouds = n;
		c->r->has_clouds = true;
	}
	free(v);
}
