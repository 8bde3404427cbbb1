/* strpool.h: string interning.
 *
 * A pool stores each distinct string once in an arena and gives it a small
 * id (uint32_t).  Id 0 (PST_STR_NONE) is the absent string: NULL and ""
 * intern to 0 and pst_strpool_str(p, 0) returns NULL.  Ids are dense
 * (1..count-1) so that callers can keep parallel arrays indexed by id.
 *
 * A folding pool (pst_strpool_init(p, true)) compares ASCII
 * case-insensitively: "/subscriptions/A/resourceGroups/x" and
 * "/subscriptions/a/resourcegroups/X" are one id.  It keeps the best
 * spelling: one with both upper- and lower-case letters (the ARM style),
 * then one in lower case only (GUIDs), then upper case only (all-caps alert
 * ids), then the first in byte order; so the choice does not depend on the order
 * strings arrive in.  The stored bytes of an id may therefore change while
 * interning (same length, same case-folded text).
 *
 * Ownership: the pool owns every string; pointers returned by
 * pst_strpool_str stay valid until pst_strpool_release.
 */
#ifndef POSTURE_STRPOOL_H
#define POSTURE_STRPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PST_STR_NONE 0u

struct pst_strpool {
	bool fold;           /* case-insensitive ids */
	char **blocks;       /* the arena */
	size_t nblocks, blocks_alloc;
	size_t block_used, block_size;
	const char **strs;   /* id -> string; strs[0] = NULL */
	uint32_t *lens;      /* id -> length */
	uint32_t *hashes;    /* id -> hash (compared before the bytes) */
	size_t count, strs_alloc, lens_alloc, hashes_alloc; /* count includes id 0 */
	uint32_t *slots;     /* open addressing: id, 0 = empty */
	size_t cap;          /* power of two */
	size_t arena_bytes;  /* arena bytes allocated */
};

void pst_strpool_init(struct pst_strpool *p, bool fold);
void pst_strpool_release(struct pst_strpool *p);

/* The id of s (len bytes), adding it if new.  NULL or empty gives 0. */
uint32_t pst_strpool_intern(struct pst_strpool *p, const char *s);
uint32_t pst_strpool_intern_n(struct pst_strpool *p, const char *s, size_t len);
/* The id of s if present, else PST_STR_NONE. */
uint32_t pst_strpool_find(const struct pst_strpool *p, const char *s);
/* The string of id (NULL for 0 or an unknown id). */
const char *pst_strpool_str(const struct pst_strpool *p, uint32_t id);
/* Number of ids including 0: valid ids are < pst_strpool_count(). */
size_t pst_strpool_count(const struct pst_strpool *p);
/* Heap bytes held (arena, tables), for measurements. */
size_t pst_strpool_mem(const struct pst_strpool *p);

#endif
