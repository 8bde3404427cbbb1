/* review.c: the review model's arena and small helpers. */
#include "posture/review.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

#define ARENA_BLOCK (64u * 1024u)

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	max_align_t data[]; /* flexible: aligned storage */
};

void pst_review_init(struct pst_review *r)
{
	memset(r, 0, sizeof(*r));
	r->t0 = r->t1 = r->generated_at = PST_TIME_NONE;
	pst_diags_init(&r->warnings, 0);
	pst_diags_init(&r->rejected, 0); /* what the sources kept: at most PST_SOURCE_MAX_DIAGS a file */
}

/* The strings of pst_review_str, by content: open addressing over copies. */
struct str_index {
	const char **slots;
	size_t cap, n;
};

static void strs_release(struct pst_review *r)
{
	struct str_index *x = r->strs;

	if (x)
		free(x->slots);
	free(x);
	r->strs = NULL;
}

static size_t str_hash(const char *s, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * UINT64_C(1099511628211);
	return (size_t)(h ^ (h >> 29));
}

/* The slot of text s (n bytes): empty, or holding an equal copy. */
static size_t str_slot(const struct str_index *x, const char *s, size_t n, size_t h)
{
	size_t i = h & (x->cap - 1);

	while (x->slots[i] && (strncmp(x->slots[i], s, n) != 0 || x->slots[i][n] != '\0'))
		i = (i + 1) & (x->cap - 1);
	return i;
}

static void strs_grow(struct str_index *x)
{
	const char **old = x->slots;
	size_t oldcap = x->cap, i;

	x->cap = x->cap ? x->cap * 2 : 1024;
	x->slots = xcalloc(x->cap, sizeof(*x->slots));
	for (i = 0; i < oldcap; i++) {
		if (old[i]) {
			size_t n = strlen(old[i]);

			x->slots[str_slot(x, old[i], n, str_hash(old[i], n))] = old[i];
		}
	}
	free(old);
}

void pst_review_release(struct pst_review *r)
{
	struct arena_block *b = r->arena;

	strs_release(r);
	pst_diags_release(&r->warnings);
	pst_diags_release(&r->rejected);
	while (b) {
		struct arena_block *next = b->next;

		free(b);
		b = next;
	}
	pst_review_init(r);
}

void *pst_review_alloc(struct pst_review *r, size_t size)
{
	struct arena_block *b = r->arena;
	size_t align = sizeof(max_align_t), need = (size + align - 1) / align * align;
	void *p;

	if (!need)
		need = align;
	if (!b || b->size - b->used < need) {
		size_t cap = need > ARENA_BLOCK ? need : ARENA_BLOCK;

		b = xmalloc(sizeof(*b) + cap);
		b->size = cap;
		b->used = 0;
		b->next = r->arena;
		r->arena = b;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	memset(p, 0, size);
	return p;
}

const char *pst_review_str(struct pst_review *r, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	struct str_index *x = r->strs;
	size_t slot, h;
	char *p;

	if (!s || !*s)
		return "";
	if (!x)
		x = r->strs = xcalloc(1, sizeof(*x));
	if ((x->n + 1) * 4 > x->cap * 3)
		strs_grow(x);
	pst_utf8_sanitize(&sb, s, strlen(s));
	h = str_hash(strbuf_cstr(&sb), sb.len);
	slot = str_slot(x, strbuf_cstr(&sb), sb.len, h);
	if (x->slots[slot]) {
		strbuf_release(&sb);
		return x->slots[slot];
	}
	p = pst_review_alloc(r, sb.len + 1);
	memcpy(p, strbuf_cstr(&sb), sb.len + 1);
	strbuf_release(&sb);
	x->slots[slot] = p;
	x->n++;
	return p;
}

bool pst_review_finding_open(const struct pst_review_finding *f)
{
	return f->status_to == PST_ST_UNHEALTHY;
}

void pst_review_counts(const struct pst_review *r, size_t team, int64_t *all, int64_t *open, int64_t *overdue)
{
	size_t i;

	*all = *open = *overdue = 0;
	for (i = 0; i < r->nfindings; i++) {
		if (team != PST_REVIEW_NO_TEAM && r->findings[i].team != team)
			continue;
		(*all)++;
		*open += pst_review_finding_open(&r->findings[i]);
		*overdue += r->findings[i].overdue;
	}
}

/* One word run of a Defender value: a space before each capital that
 * follows a small letter, that capital made small (unless an acronym
 * follows: "VMs" stays).  "PreAttack" is spelled "Pre-attack". */
static void label_item(struct strbuf *sb, const char *s, size_t n)
{
	size_t i;

	if (n == 9 && strncmp(s, "PreAttack", 9) == 0) {
		strbuf_addstr(sb, "Pre-attack");
		return;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		bool cap = c >= 'A' && c <= 'Z', after_small = i && s[i - 1] >= 'a' && s[i - 1] <= 'z';
		bool acronym = i + 1 < n && s[i + 1] >= 'A' && s[i + 1] <= 'Z';

		if (cap && after_small) {
			strbuf_addch(sb, ' ');
			strbuf_addch(sb, acronym ? (char)c : (char)(c - 'A' + 'a'));
		} else {
			strbuf_addch(sb, (char)c);
		}
	}
}

const char *pst_review_label(struct pst_review *r, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const char *out;

	while (s && *s) {
		size_t n = strcspn(s, ",");

		while (n && (*s == ' ')) {
			s++;
			n--;
		}
		label_item(&sb, s, n);
		s += n;
		if (*s == ',') {
			strbuf_addstr(&sb, ", ");
			s++;
		}
	}
	out = pst_review_str(r, strbuf_cstr(&sb));
	strbuf_release(&sb);
	return out;
}
