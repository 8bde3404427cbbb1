/* review_build_paths.c: attack paths at T0 and T1 (review.h), their change,
 * and the open findings that sit on a path at T1.
 *
 * Presence: a path is present at T when its latest record at or before T
 * is not a Delete and is part of the latest attack-path export of its
 * subscription at or before T (a full list or snapshot: records within
 * PST_BATCH_WINDOW before that export's latest record); a streamed record
 * newer than that export counts too.  A finding is on a path present at
 * T1 when the path names its assessment (resource and key), or names its
 * key and its resource, or names its resource and no assessment at all, or
 * when the finding's own risk.attackPathsReferences names the path. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

/* The latest full export time of each subscription at or before t, sorted
 * by subscription (text id) for a binary search. */
struct sub_time {
	uint32_t sub;
	pst_time latest;
};

struct when {
	struct sub_time *subs;
	size_t n;
	pst_time t;
	bool any;                 /* some path record at or before t */
};

static int cmp_sub_time(const void *pa, const void *pb)
{
	const struct sub_time *a = pa, *b = pb;

	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	return (a->latest > b->latest) - (a->latest < b->latest);
}

static const struct sub_time *sub_of(const struct when *w, uint32_t sub)
{
	size_t lo = 0, hi = w->n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (w->subs[mid].sub == sub)
			return &w->subs[mid];
		if (w->subs[mid].sub < sub)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static void when_init(struct when *w, const struct pst_estate *e, pst_time t)
{
	size_t i, n = 0;

	memset(w, 0, sizeof(*w));
	w->t = t;
	w->subs = xcalloc(e->npaths + 1, sizeof(*w->subs));
	for (i = 0; i < e->npaths; i++) {
		const struct pst_path_rec *p = &e->paths[i];

		if (p->observed > t)
			continue;
		w->any = true;
		if (p->stream)
			continue;
		w->subs[n].sub = p->subscription;
		w->subs[n++].latest = p->observed;
	}
	pst_sort(w->subs, n, sizeof(*w->subs), cmp_sub_time);
	for (i = 0; i < n; i++) { /* the latest of each subscription: the last of its run */
		if (w->n && w->subs[w->n - 1].sub == w->subs[i].sub)
			w->n--;
		w->subs[w->n++] = w->subs[i];
	}
}

static int cmp_text(const struct pst_estate *e, uint32_t a, uint32_t b)
{
	const char *x = pst_estate_text(e, a), *y = pst_estate_text(e, b);

	return strcmp(x ? x : "", y ? y : "");
}

/* Of two records of a path at the same time, the one that wins whatever
 * the order of the inputs: a Delete, then the higher risk, then by content. */
static bool wins(const struct pst_estate *e, const struct pst_path_rec *a, const struct pst_path_rec *b)
{
	int c;

	if (a->deleted != b->deleted)
		return a->deleted;
	if (a->risk != b->risk)
		return a->risk > b->risk;
	if ((c = cmp_text(e, a->display_name, b->display_name)) == 0 && (c = cmp_text(e, a->entry, b->entry)) == 0 &&
	    (c = cmp_text(e, a->target, b->target)) == 0 && (c = cmp_text(e, a->risk_factors, b->risk_factors)) == 0)
		c = cmp_text(e, a->description, b->description);
	return c > 0;
}

/* The record of the path group [first, end) present at w->t, or NULL. */
static const struct pst_path_rec *present(struct when *w, const struct pst_estate *e, size_t first, size_t end)
{
	const struct pst_path_rec *last = NULL;
	const struct sub_time *s;
	size_t i;

	for (i = first; i < end; i++) {
		const struct pst_path_rec *p = &e->paths[i];

		if (p->observed <= w->t && (!last || p->observed > last->observed || wins(e, p, last)))
			last = p;
	}
	if (!last || last->deleted)
		return NULL;
	s = sub_of(w, last->subscription);
	if (!s)
		return last->stream ? last : NULL;
	return last->observed > s->latest - PST_BATCH_WINDOW ? last : NULL;
}

/* ---- open findings by (resource, key) ---- */

struct open_ix {
	uint32_t res, key;
	size_t i;                 /* into findings */
};

static int cmp_open(const void *pa, const void *pb)
{
	const struct open_ix *a = pa, *b = pb;

	if (a->res != b->res)
		return a->res < b->res ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

struct ctx {
	struct rb_ctx *c;
	struct open_ix *open;
	size_t nopen;
	size_t *marks;            /* findings of the path being built */
	size_t nmarks;
	size_t stamp_of;          /* path index + 1 that last marked each finding (in stamps) */
	size_t *stamps;
};

/* The first open entry with (res, key), key 0 = any key; nopen if none. */
static size_t find_open(const struct ctx *x, uint32_t res, uint32_t key)
{
	size_t lo = 0, hi = x->nopen;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct open_ix *o = &x->open[mid];

		if (o->res < res || (o->res == res && o->key < key))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void mark(struct ctx *x, size_t fi)
{
	if (x->stamps[fi] == x->stamp_of)
		return;
	x->stamps[fi] = x->stamp_of;
	x->marks[x->nmarks++] = fi;
}

static void mark_pair(struct ctx *x, uint32_t res, uint32_t key)
{
	size_t j;

	if (!res)
		return;
	for (j = find_open(x, res, key); j < x->nopen && x->open[j].res == res && (!key || x->open[j].key == key); j++)
		mark(x, x->open[j].i);
}

static uint32_t find_res(const struct pst_estate *e, uint32_t text)
{
	const char *s = pst_estate_text(e, text);

	while (s && *s == ' ')
		s++;
	return s ? pst_strpool_find(&e->res_ids, s) : 0;
}

static uint32_t find_key(const struct pst_estate *e, uint32_t text)
{
	const char *s = pst_estate_text(e, text);

	return s ? pst_strpool_find(&e->keys, s) : 0;
}

/* Marks the open findings on path p. */
static void mark_path(struct ctx *x, const struct pst_path_rec *p)
{
	const struct pst_estate *e = x->c->e;
	const struct pst_path_ref *refs = e->path_refs + p->first_ref;
	bool named = false;
	size_t i, j;

	for (i = 0; i < p->nrefs; i++) {
		named |= refs[i].key != 0;
		if (refs[i].resource && refs[i].key)
			mark_pair(x, find_res(e, refs[i].resource), find_key(e, refs[i].key));
	}
	for (i = 0; i < p->nrefs; i++) {
		uint32_t res = refs[i].key ? 0 : find_res(e, refs[i].resource);

		if (!res)
			continue;
		if (!named)
			mark_pair(x, res, 0);
		for (j = 0; named && j < p->nrefs; j++)
			if (!refs[j].resource && refs[j].key)
				mark_pair(x, res, find_key(e, refs[j].key));
	}
	for (i = 0; i < e->nfinding_paths; i++)
		if (pst_streq_ci(pst_estate_text(e, e->finding_paths[i].path_id), pst_estate_text(e, p->path_id)))
			mark_pair(x, e->finding_paths[i].resource, e->finding_paths[i].key);
}

/* The review team of an entity named by a path, when it is a resource of the estate. */
static size_t team_of_text(struct rb_ctx *c, uint32_t text)
{
	uint32_t res = find_res(c->e, text);

	return res ? rb_team_of(c, res) : PST_REVIEW_NO_TEAM;
}

static const char *text_or_empty(struct pst_review *r, const struct pst_estate *e, uint32_t t)
{
	return pst_review_str(r, pst_estate_text(e, t));
}

static void fill(struct ctx *x, struct pst_review_path *o, const struct pst_path_rec *p)
{
	const struct pst_estate *e = x->c->e;
	struct pst_review *r = x->c->r;
	const char *name = pst_estate_text(e, p->display_name);

	o->id = text_or_empty(r, e, p->path_id);
	o->name = name ? pst_review_str(r, name) : o->id;
	o->description = text_or_empty(r, e, p->description);
	o->risk_factors = text_or_empty(r, e, p->risk_factors);
	o->entry = text_or_empty(r, e, p->entry);
	o->target = text_or_empty(r, e, p->target);
	o->mitre = text_or_empty(r, e, p->mitre);
	o->subscription_id = text_or_empty(r, e, p->subscription);
	o->risk = (enum pst_risk)p->risk;
	o->entry_team = team_of_text(x->c, p->entry);
	o->target_team = team_of_text(x->c, p->target);
}

static void add_path(struct ctx *x, const struct pst_path_rec *now, const struct pst_path_rec *then, bool at_start)
{
	struct pst_review *r = x->c->r;
	struct pst_review_path *o = &r->paths[r->npaths++];
	size_t i;

	fill(x, o, now ? now : then);
	o->change = !now ? PST_PATH_GONE : then ? PST_PATH_STILL : at_start ? PST_PATH_NEW : PST_PATH_NO_START;
	if (then)
		r->paths_start[then->risk <= PST_RISK_CRITICAL ? then->risk : 0]++;
	if (!now) {
		r->paths_gone++;
		r->paths_gone_by[then->risk <= PST_RISK_CRITICAL ? then->risk : 0]++;
		return;
	}
	r->paths_now[now->risk <= PST_RISK_CRITICAL ? now->risk : 0]++;
	r->paths_new += o->change == PST_PATH_NEW;
	r->paths_new_by[now->risk <= PST_RISK_CRITICAL ? now->risk : 0] += o->change == PST_PATH_NEW;
	r->paths_still += o->change == PST_PATH_STILL;
	x->stamp_of = r->npaths;
	x->nmarks = 0;
	mark_path(x, now);
	o->findings = PST_REVIEW_NEW(r, size_t, x->nmarks + 1);
	o->nfindings = x->nmarks;
	for (i = 0; i < x->nmarks; i++) {
		o->findings[i] = x->marks[i];
		r->findings_on_paths += !r->findings[x->marks[i]].on_attack_path;
		r->findings[x->marks[i]].on_attack_path = true;
	}
}

static void open_index(struct ctx *x)
{
	const struct pst_diff *d = x->c->d;
	size_t i;

	x->open = xcalloc(d->n + 1, sizeof(*x->open));
	for (i = 0; i < d->n; i++)
		if (pst_review_finding_open(&x->c->r->findings[i])) {
			x->open[x->nopen].res = d->items[i].resource;
			x->open[x->nopen].key = d->items[i].key;
			x->open[x->nopen++].i = i;
		}
	pst_sort(x->open, x->nopen, sizeof(*x->open), cmp_open);
	x->marks = xcalloc(x->c->r->nfindings + 1, sizeof(*x->marks));
	x->stamps = xcalloc(x->c->r->nfindings + 1, sizeof(*x->stamps));
}

/* Present at T1 first: risk desc, findings on it desc, name, id; then gone: risk desc, name, id. */
static int cmp_review_path(const void *pa, const void *pb)
{
	const struct pst_review_path *a = pa, *b = pb;
	int c;

	if ((a->change == PST_PATH_GONE) != (b->change == PST_PATH_GONE))
		return a->change == PST_PATH_GONE ? 1 : -1;
	if (a->risk != b->risk)
		return a->risk > b->risk ? -1 : 1;
	if (a->nfindings != b->nfindings)
		return a->nfindings > b->nfindings ? -1 : 1;
	c = pst_strcasecmp(a->name, b->name);
	return c ? c : strcmp(a->id, b->id);
}

void rb_attack_paths(struct rb_ctx *c)
{
	const struct pst_estate *e = c->e;
	struct pst_review *r = c->r;
	struct when w0, w1;
	struct ctx x;
	size_t i, end;

	when_init(&w1, e, c->d->t1);
	when_init(&w0, e, c->d->t0);
	r->has_attack_paths = w1.any;
	r->paths_at_start = w0.any;
	memset(&x, 0, sizeof(x));
	x.c = c;
	if (w1.any) {
		open_index(&x);
		r->paths = PST_REVIEW_NEW(r, struct pst_review_path, e->npaths + 1);
	}
	for (i = 0; w1.any && i < e->npaths; i = end) {
		const struct pst_path_rec *now, *then;

		for (end = i + 1; end < e->npaths && e->paths[end].path_id == e->paths[i].path_id; end++)
			;
		now = present(&w1, e, i, end);
		then = present(&w0, e, i, end);
		if (now || then)
			add_path(&x, now, then, w0.any);
	}
	pst_sort(r->paths, r->npaths, sizeof(*r->paths), cmp_review_path);
	free(x.open);
	free(x.marks);
	free(x.stamps);
	free(w0.subs);
	free(w1.subs);
}

/* Each path's findings in the fix-first order (after pst_review_order_fixes). */
void rb_path_findings(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t *rank = xcalloc(r->nfindings + 1, sizeof(*rank));
	size_t i, j, k;

	for (i = 0; i < r->nfix_order; i++)
		rank[r->fix_order[i]] = i;
	for (i = 0; i < r->npaths; i++) {
		struct pst_review_path *p = &r->paths[i];

		for (j = 1; j < p->nfindings; j++) { /* insertion sort: few per path */
			size_t v = p->findings[j];

			for (k = j; k > 0 && rank[p->findings[k - 1]] > rank[v]; k--)
				p->findings[k] = p->findings[k - 1];
			p->findings[k] = v;
		}
	}
	free(rank);
}
