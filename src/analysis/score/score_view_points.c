/* score_view_points.c: series points, exported records at a point, and the
 * findings of a state grouped by subscription (score view helpers). */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "score_view_int.h"

/* Binary search over a table sorted by observed time: the index of the
 * first of n entries (of `size` bytes, their time at byte `off`) observed
 * after `after`. */
static size_t first_after(const void *base, size_t n, size_t size, size_t off, pst_time after)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		pst_time t;

		memcpy(&t, (const char *)base + mid * size + off, sizeof(t));
		if (t <= after)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t view_first_score(const struct pst_estate *e, pst_time t)
{
	return first_after(e->scores, e->nscores, sizeof(*e->scores), offsetof(struct pst_score_rec, observed),
	                   t - VIEW_FRESH_MS);
}

size_t view_first_control(const struct pst_estate *e, pst_time t)
{
	return first_after(e->controls, e->ncontrols, sizeof(*e->controls), offsetof(struct pst_control_rec, observed),
	                   t - VIEW_FRESH_MS);
}

const struct pst_score_rec *view_exported_score(const struct pst_estate *e, uint32_t sub, pst_time t)
{
	const struct pst_score_rec *best = NULL;
	size_t i;

	for (i = view_first_score(e, t); i < e->nscores && e->scores[i].observed <= t; i++)
		if (e->scores[i].subscription == sub)
			best = &e->scores[i];
	return best;
}

static int cmp_time(const void *a, const void *b)
{
	pst_time x = *(const pst_time *)a, y = *(const pst_time *)b;

	return (x > y) - (x < y);
}

/* Times of exported score records: records within PST_BATCH_WINDOW of a
 * group's first record are one group; the group's point is its last one. */
static void add_record_points(const struct pst_estate *e, pst_time lo, pst_time hi, pst_time **p, size_t *n,
                              size_t *alloc)
{
	size_t i = 0, j;

	while (i < e->nscores) {
		for (j = i; j + 1 < e->nscores && e->scores[j + 1].observed - e->scores[i].observed <= PST_BATCH_WINDOW;
		     j++)
			;
		if (e->scores[j].observed > lo && e->scores[j].observed <= hi) {
			PST_GROW(*p, *alloc, *n + 1);
			(*p)[(*n)++] = e->scores[j].observed;
		}
		i = j + 1;
	}
}

void pst_score_trend_ends(pst_time t1, pst_time ends[PST_SCORE_TREND_MONTHS])
{
	pst_time t = t1;
	int i;

	for (i = PST_SCORE_TREND_MONTHS - 1; i >= 0; i--) {
		ends[i] = t;
		t = pst_month_start(t - 1);
	}
}

bool view_pinned(pst_time t, pst_time t0, pst_time t1)
{
	pst_time ends[PST_SCORE_TREND_MONTHS];
	size_t i;

	if (t == t0 || t == t1)
		return true;
	pst_score_trend_ends(t1, ends);
	for (i = 0; i < PST_SCORE_TREND_MONTHS; i++)
		if (t == ends[i])
			return true;
	return false;
}

/* Sorted; points closer than PST_BATCH_WINDOW merge into the later one,
 * except that T0, T1 and the trend's month ends are kept as given. */
static size_t merge_points(pst_time *p, size_t n, pst_time t0, pst_time t1)
{
	size_t i, out = 0;

	pst_sort(p, n, sizeof(*p), cmp_time);
	for (i = 0; i < n; i++) {
		bool pinned_prev = out && view_pinned(p[out - 1], t0, t1);
		bool pinned = view_pinned(p[i], t0, t1);

		if (out && p[i] == p[out - 1])
			continue;
		if (out && p[i] - p[out - 1] < PST_BATCH_WINDOW && !(pinned && pinned_prev)) {
			if (!pinned_prev)
				p[out - 1] = p[i];
			continue;
		}
		p[out++] = p[i];
	}
	return out;
}

pst_time *view_points(const struct pst_estate *e, pst_time t0, pst_time t1, size_t *n)
{
	pst_time lo = t1 - 366 * PST_MS_PER_DAY, *p = NULL;
	size_t alloc = 0, i;

	*n = 0;
	for (i = 0; i < e->timeline.nrounds; i++) {
		pst_time t = e->timeline.rounds[i].tmax;

		if (t > lo && t <= t1) {
			PST_GROW(p, alloc, *n + 1);
			p[(*n)++] = t;
		}
	}
	pst_time ends[PST_SCORE_TREND_MONTHS];

	add_record_points(e, lo, t1, &p, n, &alloc);
	pst_score_trend_ends(t1, ends);
	PST_GROW(p, alloc, *n + 2 + PST_SCORE_TREND_MONTHS);
	p[(*n)++] = t0;
	p[(*n)++] = t1;
	for (i = 0; i < PST_SCORE_TREND_MONTHS; i++)
		p[(*n)++] = ends[i];
	*n = merge_points(p, *n, t0, t1);
	return p;
}

bool view_export_at(const struct pst_estate *e, pst_time t)
{
	size_t i = first_after(e->scores, e->nscores, sizeof(*e->scores), offsetof(struct pst_score_rec, observed),
	                       t - PST_BATCH_WINDOW);

	return i < e->nscores && e->scores[i].observed <= t;
}

pst_time view_last_export(const struct pst_estate *e, const pst_time *points, size_t n, pst_time t)
{
	size_t i;

	for (i = n; i-- > 0;)
		if (points[i] <= t && view_export_at(e, points[i]))
			return points[i];
	return PST_TIME_NONE;
}

struct sub_finding {
	uint32_t sub;
	struct pst_score_finding f;
};

static int cmp_sub_finding(const void *pa, const void *pb)
{
	const struct sub_finding *a = pa, *b = pb;

	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	return 0;
}

/* The status the recomputed score counts: an Unhealthy finding in a
 * governance grace period does not count against the score (it is left
 * out of its control like a not applicable one), as Defender does until
 * the due date. */
static enum pst_status_code counted_status(const struct pst_estate *e, const struct pst_finding *f)
{
	const struct pst_gov *g;

	if (f->status != PST_ST_UNHEALTHY)
		return (enum pst_status_code)f->status;
	g = pst_estate_gov(e, f->resource, f->key);
	return g && g->grace == 1 ? PST_ST_NOT_APPLICABLE : PST_ST_UNHEALTHY;
}

void view_findings_build(struct view_findings *vf, const struct pst_estate *e, const struct pst_state *s,
                         const struct pst_team_map *tm)
{
	size_t n = s ? pst_state_count(s) : 0, i = 0;
	struct sub_finding *v = xcalloc(n ? n : 1, sizeof(*v));
	const struct pst_finding *f;

	for (f = s ? pst_state_next(s, NULL) : NULL; f && i < n; f = pst_state_next(s, f), i++) {
		v[i].sub = pst_estate_resource_sub(e, f->resource);
		v[i].f.resource_id = pst_estate_resource_id(e, f->resource);
		v[i].f.key = pst_estate_key(e, f->key);
		v[i].f.status = counted_status(e, f);
		v[i].f.group = tm ? pst_team_map_of(tm, f->resource) : 0;
	}
	vf->n = i;
	pst_sort(v, vf->n, sizeof(*v), cmp_sub_finding);
	vf->f = xcalloc(n ? n : 1, sizeof(*vf->f));
	vf->sub = xcalloc(n ? n : 1, sizeof(*vf->sub));
	for (i = 0; i < vf->n; i++) {
		vf->f[i] = v[i].f;
		vf->sub[i] = v[i].sub;
	}
	free(v);
}

void view_findings_release(struct view_findings *vf)
{
	free(vf->f);
	free(vf->sub);
	memset(vf, 0, sizeof(*vf));
}

size_t view_findings_of(const struct view_findings *vf, uint32_t sub, size_t *first)
{
	size_t i = 0, j;

	while (i < vf->n && vf->sub[i] < sub)
		i++;
	for (j = i; j < vf->n && vf->sub[j] == sub; j++)
		;
	*first = i;
	return j - i;
}

uint32_t *view_findings_subs(const struct view_findings *vf, size_t *n)
{
	uint32_t *v = xcalloc(vf->n ? vf->n : 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < vf->n; i++)
		if (!*n || v[*n - 1] != vf->sub[i])
			v[(*n)++] = vf->sub[i];
	return v;
}

void view_recompute(const struct pst_control_set *cs, const struct pst_score_finding *f, size_t n, size_t group,
                    struct pst_control_score *out, size_t *unmapped)
{
	struct pst_score_cells sc;

	pst_score_cells_init(&sc);
	pst_score_cells_build(&sc, cs, f, n);
	pst_score_cells_count(&sc, cs, group, out);
	if (unmapped)
		*unmapped = sc.unmapped;
	pst_score_cells_release(&sc);
}

uint8_t *view_in_scope(const struct pst_estate *e, pst_time t)
{
	size_t n = pst_strpool_count(&e->subs);
	uint8_t *in = xcalloc(n ? n : 1, 1);

	pst_timeline_in_scope(&e->timeline, t, in, n);
	return in;
}
