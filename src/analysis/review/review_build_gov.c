/* review_build_gov.c: governance buckets per team and per owner, as
 * Microsoft's governance report counts them (review.h pst_review_gov), only
 * when some finding has governance data. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

#define UNASSIGNED_OWNER "Unassigned"

/* Adds finding f to bucket row g. */
static void count(struct pst_review_gov *g, const struct pst_review_finding *f)
{
	bool owned = *f->owner != '\0';

	if (pst_review_finding_open(f)) {
		if (!owned)
			g->unassigned++;
		else if (f->overdue)
			g->overdue++;
		else
			g->on_time++;
		g->grace += owned && f->grace;
	} else if (f->cls == PST_CLASS_REMEDIATED && owned) {
		g->completed++;
	} else if (f->cls == PST_CLASS_EXEMPTED) {
		g->exempted++;
	}
}

static int cmp_owner(const void *pa, const void *pb)
{
	const char *a = *(const char *const *)pa, *b = *(const char *const *)pb;
	int c = pst_strcasecmp(a, b);

	return c ? c : strcmp(a, b);
}

/* The distinct owners, sorted; returns how many. */
static size_t owners(const struct pst_review *r, const char **v)
{
	size_t i, n = 0, m = 0;

	for (i = 0; i < r->nfindings; i++)
		if (*r->findings[i].owner)
			v[n++] = r->findings[i].owner;
	pst_sort(v, n, sizeof(*v), cmp_owner);
	for (i = 0; i < n; i++)
		if (!m || strcmp(v[m - 1], v[i]) != 0)
			v[m++] = v[i];
	return m;
}

static size_t owner_index(const char *const *v, size_t n, const char *owner)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_owner(&v[mid], &owner);

		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return n; /* Unassigned */
}

static void by_owner(struct pst_review *r)
{
	const char **v = xcalloc(r->nfindings + 1, sizeof(*v));
	size_t n = owners(r, v), i;

	r->gov_by_owner = PST_REVIEW_NEW(r, struct pst_review_gov, n + 1);
	r->ngov_by_owner = n + 1;
	for (i = 0; i < n; i++)
		r->gov_by_owner[i].name = v[i];
	r->gov_by_owner[n].name = UNASSIGNED_OWNER;
	for (i = 0; i < r->nfindings; i++)
		count(&r->gov_by_owner[owner_index(v, n, r->findings[i].owner)], &r->findings[i]);
	free(v);
}

static void by_team(struct pst_review *r)
{
	size_t n = r->nteams, i;

	r->gov_by_team = PST_REVIEW_NEW(r, struct pst_review_gov, n + 1);
	r->ngov_by_team = n;
	for (i = 0; i < n; i++)
		r->gov_by_team[i].name = r->teams[i].name;
	for (i = 0; i < r->nfindings; i++)
		if (r->findings[i].team < n)
			count(&r->gov_by_team[r->findings[i].team], &r->findings[i]);
}

void rb_governance(struct rb_ctx *c)
{
	if (!c->r->has_governance)
		return;
	by_team(c->r);
	by_owner(c->r);
}
