/* strpool.c: an arena of strings and an open-addressing hash of their ids. */
#include "posture/strpool.h"

#include <stdlib.h>
#include <string.h>
#include "posture/common.h"

#define BLOCK_MIN (64u * 1024u)

static unsigned char fold_ch(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

/* The eight bytes at s, 'A'..'Z' folded to lower case when fold. */
static uint64_t word_at(const char *s, bool fold)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
	uint64_t w, ascii, ge_a, gt_z;

	memcpy(&w, s, 8);
	if (!fold)
		return w;
	ascii = ~w & high;                                    /* bytes below 0x80 */
	ge_a = ((w & ~high) + ones * (0x80 - 'A')) & ascii;   /* ... that are >= 'A' */
	gt_z = ((w & ~high) + ones * (0x80 - 'Z' - 1)) & ascii; /* ... that are > 'Z' */
	return w | ((ge_a & ~gt_z) >> 2);                     /* + 0x20 where 'A'..'Z' */
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 32;
	x *= UINT64_C(0xd6e8feb86659fd93);
	x ^= x >> 32;
	return x;
}

/* A hash of the (case-folded) bytes, eight at a time. */
static uint32_t hash_bytes(const char *s, size_t len, bool fold)
{
	uint64_t h = UINT64_C(0x9e3779b97f4a7c15) ^ len, tail = 0;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8)
		h = mix64(h ^ word_at(s + i, fold)) + i;
	for (; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		tail = (tail << 8) | (fold ? fold_ch(c) : c);
	}
	return (uint32_t)mix64(h ^ tail ^ (tail << 7));
}

static bool same(const struct pst_strpool *p, uint32_t id, uint32_t h, const char *s, size_t len)
{
	if (p->hashes[id] != h || p->lens[id] != len)
		return false;
	if (memcmp(p->strs[id], s, len) == 0)
		return true;
	return p->fold && pst_strncasecmp(p->strs[id], s, len) == 0;
}

void pst_strpool_init(struct pst_strpool *p, bool fold)
{
	memset(p, 0, sizeof(*p));
	p->fold = fold;
	PST_GROW(p->strs, p->strs_alloc, 1);
	PST_GROW(p->lens, p->lens_alloc, 1);
	PST_GROW(p->hashes, p->hashes_alloc, 1);
	p->strs[0] = NULL;
	p->lens[0] = 0;
	p->hashes[0] = 0;
	p->count = 1;
}

void pst_strpool_release(struct pst_strpool *p)
{
	size_t i;

	for (i = 0; i < p->nblocks; i++)
		free(p->blocks[i]);
	free(p->blocks);
	free(p->strs);
	free(p->lens);
	free(p->hashes);
	free(p->slots);
	memset(p, 0, sizeof(*p));
}

static char *arena_alloc(struct pst_strpool *p, size_t n)
{
	char *s;

	if (!p->nblocks || p->block_used + n > p->block_size) {
		size_t size = n > BLOCK_MIN ? n : BLOCK_MIN;

		PST_GROW(p->blocks, p->blocks_alloc, p->nblocks + 1);
		p->blocks[p->nblocks++] = xmalloc(size);
		p->block_size = size;
		p->block_used = 0;
		p->arena_bytes += size;
	}
	s = p->blocks[p->nblocks - 1] + p->block_used;
	p->block_used += n;
	return s;
}

static size_t slot_of(const struct pst_strpool *p, uint32_t h, const char *s, size_t len)
{
	size_t mask = p->cap - 1, i = h & mask;

	while (p->slots[i] && !same(p, p->slots[i], h, s, len))
		i = (i + 1) & mask;
	return i;
}

static void rehash(struct pst_strpool *p)
{
	size_t id;

	free(p->slots);
	p->cap = p->cap ? p->cap * 2 : 1024;
	p->slots = xcalloc(p->cap, sizeof(*p->slots));
	for (id = 1; id < p->count; id++)
		p->slots[slot_of(p, p->hashes[id], p->strs[id], p->lens[id])] = (uint32_t)id;
}

/* 0 for a spelling with both upper- and lower-case letters (ARM style),
 * 1 for lower case only (GUIDs), 2 for upper case only (alert ids). */
static int spelling_rank(const char *s, size_t len)
{
	bool upper = false, lower = false;
	size_t i;

	for (i = 0; i < len; i++) {
		upper |= s[i] >= 'A' && s[i] <= 'Z';
		lower |= s[i] >= 'a' && s[i] <= 'z';
	}
	return upper && lower ? 0 : upper ? 2 : 1;
}

/* Folding pools keep the best spelling: by rank, then byte order. */
static void keep_best_spelling(struct pst_strpool *p, uint32_t id, const char *s, size_t len)
{
	char *cur = (char *)p->strs[id];
	int a, b;

	if (!p->fold || memcmp(s, cur, len) == 0)
		return;
	a = spelling_rank(s, len);
	b = spelling_rank(cur, len);
	if (a < b || (a == b && memcmp(s, cur, len) < 0))
		memcpy(cur, s, len);
}

static uint32_t add(struct pst_strpool *p, size_t slot, uint32_t h, const char *s, size_t len)
{
	char *copy = arena_alloc(p, len + 1);
	uint32_t id = (uint32_t)p->count;

	memcpy(copy, s, len);
	copy[len] = '\0';
	PST_GROW(p->strs, p->strs_alloc, p->count + 1);
	PST_GROW(p->lens, p->lens_alloc, p->count + 1);
	PST_GROW(p->hashes, p->hashes_alloc, p->count + 1);
	p->hashes[id] = h;
	p->strs[id] = copy;
	p->lens[id] = (uint32_t)len;
	p->count++;
	p->slots[slot] = id;
	return id;
}

uint32_t pst_strpool_intern_n(struct pst_strpool *p, const char *s, size_t len)
{
	size_t slot;
	uint32_t h;

	if (!s || !len)
		return PST_STR_NONE;
	if ((p->count + 1) * 4 > p->cap * 3)
		rehash(p);
	h = hash_bytes(s, len, p->fold);
	slot = slot_of(p, h, s, len);
	if (p->slots[slot]) {
		keep_best_spelling(p, p->slots[slot], s, len);
		return p->slots[slot];
	}
	return add(p, slot, h, s, len);
}

uint32_t pst_strpool_intern(struct pst_strpool *p, const char *s)
{
	return s ? pst_strpool_intern_n(p, s, strlen(s)) : PST_STR_NONE;
}

uint32_t pst_strpool_find(const struct pst_strpool *p, const char *s)
{
	size_t len = s ? strlen(s) : 0;

	if (!len || !p->cap)
		return PST_STR_NONE;
	return p->slots[slot_of(p, hash_bytes(s, len, p->fold), s, len)];
}

const char *pst_strpool_str(const struct pst_strpool *p, uint32_t id)
{
	return id < p->count ? p->strs[id] : NULL;
}

size_t pst_strpool_count(const struct pst_strpool *p)
{
	return p->count;
}

size_t pst_strpool_mem(const struct pst_strpool *p)
{
	return p->arena_bytes + p->strs_alloc * sizeof(*p->strs) + p->lens_alloc * sizeof(*p->lens) +
	       p->hashes_alloc * sizeof(*p->hashes) +
	       p->cap * sizeof(*p->slots);
}
