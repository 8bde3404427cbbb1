/* json_arena.h: cJSON's allocations on the hot path from a bump arena,
 * reset after each element, instead of one malloc and free per node.
 *
 * cJSON takes its allocator through cJSON_InitHooks, which is process-wide:
 * the hooks are installed once (pthread_once) and serve every cJSON call.
 * Between pst_jarena_begin and pst_jarena_end they allocate from the
 * calling thread's arena; elsewhere (CSV cells, configuration) from
 * malloc.  A free of an arena block is a no-op (pst_jarena_end drops them
 * all); a free of anything else goes to free().  The arena is the one
 * global this code has, forced by cJSON's process-wide hooks: a
 * _Thread_local, so that reader threads never share one.
 *
 * Rules: every tree parsed inside begin .. end is deleted before end, and
 * nothing cJSON allocated inside escapes it (copy printed text with
 * pst_jarena_strdup).  Memory: the arena keeps its first chunk (64 KiB, or
 * the largest element's size) between elements and frees the rest.
 * Private to src/ingest/json/.
 */
#ifndef POSTURE_JSON_ARENA_H
#define POSTURE_JSON_ARENA_H

#include <stddef.h>

/* Installs the hooks (once per process). */
void pst_jarena_hooks(void);
/* Allocations of this thread from its arena until pst_jarena_end, which
 * drops them.  Nesting is counted: the outermost end resets. */
void pst_jarena_begin(void);
void pst_jarena_end(void);
/* n bytes from the calling thread's arena (malloc outside begin .. end),
 * aligned for any type; dropped by pst_jarena_end like cJSON's. */
void *pst_jarena_alloc(size_t n);
/* Whether the calling thread is between pst_jarena_begin and _end. */
int pst_jarena_active(void);
/* Frees the calling thread's arena (at the end of a reader thread). */
void pst_jarena_release(void);

#endif
