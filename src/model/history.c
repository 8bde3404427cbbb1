/* history.c: versions of every finding, and states made from them (history.h). */
#include "posture/history.h"

#include <stdlib.h>
#include <string.h>
#include "posture/common.h"

#define MIN_CAP 1024u

void pst_history_init(struct pst_history *h)
{
	memset(h, 0, sizeof(*h));
}

void pst_history_release(struct pst_history *h)
{
	free(h->keys);
	free(h->key_table);
	free(h->contents);
	free(h->content_table);
	free(h->versions);
	free(h->first);
	free(h->first_unhealthy);
	memset(h, 0, sizeof(*h));
}

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return x;
}

static size_t hash_key(const struct pst_hist_key *k)
{
	return (size_t)mix(((uint64_t)k->resource << 32) | k->key);
}

static size_t hash_content(const struct pst_hist_content *c)
{
	uint64_t x = mix((uint64_t)c->first_eval) ^ mix((uint64_t)c->status_change + 0x9e3779b97f4a7c15u);

	x ^= mix(((uint64_t)c->risk_factors << 8) ^ c->risk);
	return (size_t)mix(x ^ ((uint64_t)c->cause << 16) ^ ((uint64_t)c->status << 8) ^ c->flags);
}

static int key_eq(const struct pst_hist_key *a, const struct pst_hist_key *b)
{
	return a->resource == b->resource && a->key == b->key;
}

static int content_eq(const struct pst_hist_content *a, const struct pst_hist_content *b)
{
	return a->first_eval == b->first_eval && a->status_change == b->status_change && a->cause == b->cause &&
	       a->status == b->status && a->flags == b->flags && a->risk == b->risk &&
	       a->risk_factors == b->risk_factors;
}

/* Open-addressing tables of (index + 1) into an array of items of `size`
 * bytes, grown at 3/4 full.  Returns the slot for item, which is either
 * empty or holds an equal item. */
struct table_ops {
	size_t (*hash)(const void *item);
	int (*eq)(const void *a, const void *b);
	size_t size;
};

static size_t hk(const void *p)
{
	return hash_key(p);
}
static int ek(const void *a, const void *b)
{
	return key_eq(a, b);
}
static size_t hc(const void *p)
{
	return hash_content(p);
}
static int ec(const void *a, const void *b)
{
	return content_eq(a, b);
}

static const struct table_ops KEY_OPS = {hk, ek, sizeof(struct pst_hist_key)};
static const struct table_ops CONTENT_OPS = {hc, ec, sizeof(struct pst_hist_content)};

static size_t slot_of(const uint32_t *table, size_t cap, const void *items, const void *item,
                      const struct table_ops *ops)
{
	size_t mask = cap - 1, i = ops->hash(item) & mask;

	while (table[i] && !ops->eq((const char *)items + (table[i] - 1) * ops->size, item))
		i = (i + 1) & mask;
	return i;
}

static void rehash(uint32_t **table, size_t *cap, size_t n, const void *items, const struct table_ops *ops)
{
	size_t ncap = *cap ? *cap * 2 : MIN_CAP, i;
	uint32_t *t = xcalloc(ncap, sizeof(*t));

	for (i = 0; i < n; i++)
		t[slot_of(t, ncap, items, (const char *)items + i * ops->size, ops)] = (uint32_t)(i + 1);
	free(*table);
	*table = t;
	*cap = ncap;
}

static uint32_t intern_key(struct pst_history *h, const struct pst_hist_key *k)
{
	size_t i;

	if ((h->nkeys + 1) * 4 > h->key_cap * 3)
		rehash(&h->key_table, &h->key_cap, h->nkeys, h->keys, &KEY_OPS);
	i = slot_of(h->key_table, h->key_cap, h->keys, k, &KEY_OPS);
	if (!h->key_table[i]) {
		PST_GROW(h->keys, h->keys_alloc, h->nkeys + 1);
		h->keys[h->nkeys++] = *k;
		h->key_table[i] = (uint32_t)h->nkeys;
	}
	return h->key_table[i] - 1;
}

static uint32_t intern_content(struct pst_history *h, const struct pst_hist_content *c)
{
	size_t i;

	if ((h->ncontents + 1) * 4 > h->content_cap * 3)
		rehash(&h->content_table, &h->content_cap, h->ncontents, h->contents, &CONTENT_OPS);
	i = slot_of(h->content_table, h->content_cap, h->contents, c, &CONTENT_OPS);
	if (!h->content_table[i]) {
		PST_GROW(h->contents, h->contents_alloc, h->ncontents + 1);
		h->contents[h->ncontents++] = *c;
		h->content_table[i] = (uint32_t)h->ncontents;
	}
	return h->content_table[i] - 1;
}

void pst_history_add(struct pst_history *h, const struct pst_finding *f)
{
	struct pst_hist_key k = {f->resource, f->key};
	struct pst_hist_content c;
	struct pst_hist_version *v;

	memset(&c, 0, sizeof(c));
	c.first_eval = f->first_eval;
	c.status_change = f->status_change;
	c.cause = f->cause;
	c.status = f->status;
	c.flags = (uint8_t)(f->flags & (PST_FND_DELETED | PST_FND_SNAPSHOT));
	c.risk = f->risk;
	c.risk_factors = f->risk_factors;
	PST_GROW(h->versions, h->versions_alloc, h->nversions + 1);
	v = &h->versions[h->nversions++];
	v->observed = f->observed;
	v->finding = intern_key(h, &k);
	v->content = intern_content(h, &c);
}

static int cmp_version(const void *pa, const void *pb)
{
	const struct pst_hist_version *a = pa, *b = pb;

	if (a->finding != b->finding)
		return a->finding < b->finding ? -1 : 1;
	if (a->observed != b->observed)
		return a->observed < b->observed ? -1 : 1;
	return (a->content > b->content) - (a->content < b->content);
}

static int live_unhealthy(const struct pst_hist_content *c)
{
	return c->status == PST_ST_UNHEALTHY && !(c->flags & PST_FND_DELETED);
}

/* The per-finding index and earliest live Unhealthy time of sorted versions. */
static void index_findings(struct pst_history *h)
{
	size_t i, f = 0;

	h->first = xcalloc(h->nkeys + 1, sizeof(*h->first));
	h->first_unhealthy = xcalloc(h->nkeys ? h->nkeys : 1, sizeof(*h->first_unhealthy));
	for (i = 0; i < h->nkeys; i++)
		h->first_unhealthy[i] = PST_TIME_NONE;
	for (i = 0; i < h->nversions; i++) {
		const struct pst_hist_version *v = &h->versions[i];

		while (f <= v->finding)
			h->first[f++] = (uint32_t)i;
		if (h->first_unhealthy[v->finding] == PST_TIME_NONE && live_unhealthy(&h->contents[v->content]))
			h->first_unhealthy[v->finding] = v->observed;
	}
	while (f <= h->nkeys)
		h->first[f++] = (uint32_t)h->nversions;
}

void pst_history_finish(struct pst_history *h)
{
	size_t i, n = 0;

	if (h->finished)
		return;
	pst_sort(h->versions, h->nversions, sizeof(*h->versions), cmp_version);
	for (i = 0; i < h->nversions; i++)
		if (!n || cmp_version(&h->versions[n - 1], &h->versions[i]) != 0)
			h->versions[n++] = h->versions[i];
	h->nversions = n;
	h->versions = xrealloc(h->versions, (n ? n : 1) * sizeof(*h->versions)); /* to fit: it stays */
	h->versions_alloc = n;
	h->keys = xrealloc(h->keys, (h->nkeys ? h->nkeys : 1) * sizeof(*h->keys));
	h->keys_alloc = h->nkeys;
	free(h->key_table);
	h->key_table = NULL;
	h->key_cap = 0;
	free(h->content_table);
	h->content_table = NULL;
	h->content_cap = 0;
	index_findings(h);
	h->finished = 1;
}

/* Index one past the last version of [lo, hi) observed at or before t. */
static size_t upto(const struct pst_hist_version *v, size_t lo, size_t hi, pst_time t)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (v[mid].observed <= t)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void put_version(struct pst_state *s, const struct pst_history *h, const struct pst_hist_version *v,
                        pst_time first_unhealthy)
{
	const struct pst_hist_content *c = &h->contents[v->content];
	struct pst_finding f;

	memset(&f, 0, sizeof(f));
	f.resource = h->keys[v->finding].resource;
	f.key = h->keys[v->finding].key;
	f.observed = v->observed;
	f.first_eval = c->first_eval;
	f.status_change = c->status_change;
	f.cause = c->cause;
	f.status = c->status;
	f.flags = c->flags;
	f.risk = c->risk;
	f.risk_factors = c->risk_factors;
	f.first_unhealthy = first_unhealthy;
	pst_state_put(s, &f);
}

void pst_history_state(const struct pst_history *h, struct pst_state *s)
{
	size_t i, end, j;

	for (i = 0; i < h->nkeys; i++) {
		pst_time fu = h->first_unhealthy[i];

		end = upto(h->versions, h->first[i], h->first[i + 1], s->at);
		if (end == h->first[i])
			continue;
		if (fu != PST_TIME_NONE && fu > s->at)
			fu = PST_TIME_NONE;
		/* the versions at the latest time: ties fold by content, as read */
		for (j = end; j > h->first[i] && h->versions[j - 1].observed == h->versions[end - 1].observed; j--)
			;
		for (; j < end; j++)
			put_version(s, h, &h->versions[j], fu);
	}
}

size_t pst_history_findings(const struct pst_history *h)
{
	return h->nkeys;
}

size_t pst_history_versions(const struct pst_history *h)
{
	return h->nversions;
}

size_t pst_history_mem(const struct pst_history *h)
{
	return h->keys_alloc * sizeof(*h->keys) + h->key_cap * sizeof(*h->key_table) +
	       h->contents_alloc * sizeof(*h->contents) + h->content_cap * sizeof(*h->content_table) +
	       h->versions_alloc * sizeof(*h->versions) +
	       (h->finished ? (h->nkeys + 1) * (sizeof(*h->first) + sizeof(*h->first_unhealthy)) : 0);
}
