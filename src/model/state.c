/* state.c: the keyed table of findings as of T, and the fold rule. */
#include "posture/state.h"

#include <stdlib.h>
#include <string.h>
#include "posture/common.h"

#define MIN_CAP 1024u

void pst_state_init(struct pst_state *s, pst_time at, const struct pst_strpool *text)
{
	memset(s, 0, sizeof(*s));
	s->at = at;
	s->text = text;
}

void pst_state_release(struct pst_state *s)
{
	free(s->slots);
	s->slots = NULL;
	s->cap = s->used = 0;
}

static size_t hash_key(uint32_t resource, uint32_t key)
{
	uint64_t x = ((uint64_t)resource << 32) | key;

	x ^= x >> 33;
	x *= UINT64_C(0xff51afd7ed558ccd);
	x ^= x >> 33;
	x *= UINT64_C(0xc4ceb9fe1a85ec53);
	x ^= x >> 33;
	return (size_t)x;
}

static size_t find_slot(const struct pst_finding *slots, size_t cap, uint32_t resource, uint32_t key)
{
	size_t mask = cap - 1, i = hash_key(resource, key) & mask;

	while (slots[i].resource && (slots[i].resource != resource || slots[i].key != key))
		i = (i + 1) & mask;
	return i;
}

static void resize(struct pst_state *s, size_t cap)
{
	struct pst_finding *slots = xcalloc(cap, sizeof(*slots));
	size_t i;

	for (i = 0; i < s->cap; i++)
		if (s->slots[i].resource)
			slots[find_slot(slots, cap, s->slots[i].resource, s->slots[i].key)] = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
}

static int cmp_time(pst_time a, pst_time b)
{
	return (a > b) - (a < b);
}

/* Orders two records of one key observed at the same time by content, so
 * that the winner does not depend on the order they were read in. */
static int cmp_content(const struct pst_state *s, const struct pst_finding *a, const struct pst_finding *b)
{
	const char *ca, *cb;
	int c = (int)(a->flags & PST_FND_DELETED) - (int)(b->flags & PST_FND_DELETED);

	if (c == 0)
		c = (int)a->status - (int)b->status;
	if (c == 0 && a->cause != b->cause) {
		ca = pst_strpool_str(s->text, a->cause);
		cb = pst_strpool_str(s->text, b->cause);
		c = strcmp(ca ? ca : "", cb ? cb : "");
	}
	if (c == 0)
		c = cmp_time(a->first_eval, b->first_eval);
	if (c == 0)
		c = cmp_time(a->status_change, b->status_change);
	if (c == 0)
		c = (int)a->risk - (int)b->risk; /* the same fact with its risk wins over it without */
	if (c == 0 && a->risk_factors != b->risk_factors) {
		ca = pst_strpool_str(s->text, a->risk_factors);
		cb = pst_strpool_str(s->text, b->risk_factors);
		c = strcmp(ca ? ca : "", cb ? cb : "");
	}
	return c;
}

static pst_time min_time(pst_time a, pst_time b)
{
	if (a == PST_TIME_NONE)
		return b;
	if (b == PST_TIME_NONE)
		return a;
	return a < b ? a : b;
}

static bool conflicts(const struct pst_finding *a, const struct pst_finding *b)
{
	return (a->flags & PST_FND_DELETED) != (b->flags & PST_FND_DELETED) || a->status != b->status;
}

static void merge(struct pst_state *s, struct pst_finding *cur, const struct pst_finding *f)
{
	pst_time fu = min_time(cur->first_unhealthy, f->first_unhealthy);
	int c = cmp_time(f->observed, cur->observed);
	uint8_t conflict = 0;

	if (c == 0) {
		conflict = (uint8_t)((cur->flags & PST_FND_CONFLICT) | (conflicts(cur, f) ? PST_FND_CONFLICT : 0));
		c = cmp_content(s, f, cur);
	}
	if (c > 0)
		*cur = *f;
	cur->first_unhealthy = fu;
	if (cmp_time(f->observed, cur->observed) == 0)
		cur->flags = (uint8_t)((cur->flags & ~PST_FND_CONFLICT) | conflict);
}

void pst_state_put(struct pst_state *s, const struct pst_finding *f)
{
	size_t i;

	if (!s->cap || (s->used + 1) * 4 > s->cap * 3)
		resize(s, s->cap ? s->cap * 2 : MIN_CAP);
	i = find_slot(s->slots, s->cap, f->resource, f->key);
	if (s->slots[i].resource) {
		merge(s, &s->slots[i], f);
		return;
	}
	s->slots[i] = *f;
	s->slots[i].flags &= (uint8_t)~PST_FND_CONFLICT;
	s->used++;
}

const struct pst_finding *pst_state_get(const struct pst_state *s, uint32_t resource, uint32_t key)
{
	const struct pst_finding *f;

	if (!s->cap || !resource)
		return NULL;
	f = &s->slots[find_slot(s->slots, s->cap, resource, key)];
	return (f->resource && !(f->flags & PST_FND_DELETED)) ? f : NULL;
}

size_t pst_state_filter(struct pst_state *s, bool (*drop)(void *ctx, const struct pst_finding *f), void *ctx)
{
	size_t i, dropped = 0;

	for (i = 0; i < s->cap; i++) {
		if (s->slots[i].resource && drop(ctx, &s->slots[i])) {
			s->slots[i].resource = 0;
			dropped++;
		}
	}
	s->used -= dropped;
	if (dropped)
		resize(s, s->cap); /* re-places the rest: probing chains stay intact */
	return dropped;
}

const struct pst_finding *pst_state_next(const struct pst_state *s, const struct pst_finding *prev)
{
	size_t i = prev ? (size_t)(prev - s->slots) + 1 : 0;

	for (; i < s->cap; i++)
		if (s->slots[i].resource && !(s->slots[i].flags & PST_FND_DELETED))
			return &s->slots[i];
	return NULL;
}

size_t pst_state_count(const struct pst_state *s)
{
	const struct pst_finding *f;
	size_t n = 0;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f))
		n++;
	return n;
}

size_t pst_state_mem(const struct pst_state *s)
{
	return s->cap * sizeof(*s->slots);
}
