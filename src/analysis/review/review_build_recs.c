/* review_build_recs.c: the top open recommendations of each team: open
 * findings grouped by recommendation, by risk (the highest of its findings,
 * pst_risk_rank), severity, then affected resources,
 * with the remediation steps of the recommendation's metadata. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

struct rec_sum {
	size_t team;
	uint32_t key;
	const struct pst_diff_item *first;
	int rank;               /* the highest risk rank of its findings (pst_risk_rank) */
	int64_t resources, overdue;
};

static int cmp_team_key(const void *pa, const void *pb)
{
	const struct rec_sum *a = pa, *b = pb;

	if (a->team != b->team)
		return a->team < b->team ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

static int cmp_rank(const void *pa, const void *pb)
{
	const struct rec_sum *a = pa, *b = pb;

	if (a->team != b->team)
		return a->team < b->team ? -1 : 1;
	if (a->rank != b->rank)
		return a->rank > b->rank ? -1 : 1;
	if (a->first->severity != b->first->severity)
		return a->first->severity > b->first->severity ? -1 : 1;
	if (a->resources != b->resources)
		return a->resources > b->resources ? -1 : 1;
	return strcmp(a->first->assessment_key, b->first->assessment_key);
}

/* One entry per open finding, then merged per (team, key); returns the count. */
static size_t sums_build(const struct rb_ctx *c, struct rec_sum *s)
{
	size_t i, n = 0, m = 0;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		size_t t = rb_team_of(c, it->resource);

		if (it->status_to != PST_ST_UNHEALTHY || t == PST_REVIEW_NO_TEAM)
			continue;
		s[n].team = t;
		s[n].key = it->key;
		s[n].first = it;
		s[n].rank = (int)pst_risk_rank(it->risk, it->severity);
		s[n].resources = 1;
		s[n++].overdue = it->overdue;
	}
	pst_sort(s, n, sizeof(*s), cmp_team_key);
	for (i = 0; i < n; i++) {
		if (m && s[m - 1].team == s[i].team && s[m - 1].key == s[i].key) {
			s[m - 1].resources++;
			s[m - 1].overdue += s[i].overdue;
			if (s[i].rank > s[m - 1].rank)
				s[m - 1].rank = s[i].rank;
		} else {
			s[m++] = s[i];
		}
	}
	pst_sort(s, m, sizeof(*s), cmp_rank);
	return m;
}

static void fill(struct rb_ctx *c, struct pst_review_recommendation *o, const struct rec_sum *s)
{
	const struct pst_assessment_type *ty = &c->e->types[s->key];

	o->assessment_key = pst_review_str(c->r, s->first->assessment_key);
	o->recommendation = pst_review_str(c->r, s->first->recommendation);
	o->severity = s->first->severity;
	o->remediation = pst_review_str(c->r, pst_estate_text(c->e, ty->remediation));
	o->resources = s->resources;
	o->overdue = s->overdue;
}

void rb_team_recommendations(struct rb_ctx *c)
{
	struct rec_sum *s = xcalloc(c->d->n + 1, sizeof(*s));
	size_t n = sums_build(c, s), i = 0;

	while (i < n) {
		struct pst_review_team *t = &c->r->teams[s[i].team];
		size_t j = i, k;

		while (j < n && s[j].team == s[i].team)
			j++;
		t->ntop = j - i < PST_REVIEW_TOP_RECS ? j - i : PST_REVIEW_TOP_RECS;
		t->top = PST_REVIEW_NEW(c->r, struct pst_review_recommendation, t->ntop);
		for (k = 0; k < t->ntop; k++)
			fill(c, &t->top[k], &s[i + k]);
		i = j;
	}
	free(s);
}
