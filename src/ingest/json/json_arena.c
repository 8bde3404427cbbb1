/* json_arena.c: the per-thread bump arena behind cJSON's hooks (json_arena.h). */
#include "json_arena.h"

#include <cjson/cJSON.h>
#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include "posture/common.h"

#define CHUNK_MIN (64u * 1024u)
#define ALIGN_TO (alignof(max_align_t))

struct chunk {
	struct chunk *next;
	size_t size, used;   /* bytes of data */
	alignas(max_align_t) unsigned char data[];
};

struct arena {
	struct chunk *head;  /* the chunk allocated from; older ones after it */
	unsigned depth;      /* begin .. end nesting */
};

/* The one global (see json_arena.h): cJSON's hooks are process-wide. */
static _Thread_local struct arena arena;

static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static int owns(const struct arena *a, const void *p)
{
	const struct chunk *c;
	uintptr_t x = (uintptr_t)p;

	for (c = a->head; c; c = c->next)
		if (x >= (uintptr_t)c->data && x < (uintptr_t)c->data + c->size)
			return 1;
	return 0;
}

static struct chunk *new_chunk(size_t need)
{
	size_t size = need > CHUNK_MIN ? need : CHUNK_MIN;
	struct chunk *c = xmalloc(sizeof(*c) + size);

	c->size = size;
	c->used = 0;
	c->next = NULL;
	return c;
}

static void *arena_alloc(size_t n)
{
	struct arena *a = &arena;
	size_t need = (n + ALIGN_TO - 1) / ALIGN_TO * ALIGN_TO;
	struct chunk *c = a->head;
	void *p;

	if (!a->depth)
		return malloc(n ? n : 1);
	if (!c || c->size - c->used < need) {
		c = new_chunk(need);
		c->next = a->head;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += need ? need : ALIGN_TO;
	return p;
}

void *pst_jarena_alloc(size_t n)
{
	return arena_alloc(n);
}

int pst_jarena_active(void)
{
	return arena.depth > 0;
}

static void arena_free(void *p)
{
	if (p && !owns(&arena, p))
		free(p);
}

static void install(void)
{
	cJSON_Hooks h = {arena_alloc, arena_free};

	cJSON_InitHooks(&h);
}

void pst_jarena_hooks(void)
{
	pthread_once(&hooks_once, install);
}

void pst_jarena_begin(void)
{
	pst_jarena_hooks();
	arena.depth++;
}

/* Keeps the largest chunk (emptied) for the next element, frees the others. */
static void reset(struct arena *a)
{
	struct chunk *c, *keep = NULL, *next;

	for (c = a->head; c; c = next) {
		next = c->next;
		if (!keep || c->size > keep->size) {
			free(keep);
			keep = c;
		} else {
			free(c);
		}
	}
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
}

void pst_jarena_end(void)
{
	if (arena.depth && --arena.depth == 0)
		reset(&arena);
}

void pst_jarena_release(void)
{
	struct chunk *c, *next;

	for (c = arena.head; c; c = next) {
		next = c->next;
		free(c);
	}
	arena.head = NULL;
	arena.depth = 0;
}
