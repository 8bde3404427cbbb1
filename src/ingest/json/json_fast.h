/* json_fast.h: the hot path for one JSON element: a single pass over its
 * bytes that builds a pruned cJSON tree holding only the members the
 * record fillers read (json_fill.c, json_records.c) and skips the rest
 * without allocating.  Private to src/ingest/json/.
 *
 * It accepts only plain, strict JSON (no control bytes, no surrogate or
 * \u0000 escapes, numbers of at most 63 bytes, nesting within 64 levels,
 * ASCII keys without escapes where they are matched) and only the record
 * types whose fillers it knows.  On anything else it declines without a
 * side effect and the caller takes the full cJSON path, so behaviour,
 * errors and warnings are those of that path.  POSTURE_JSON_FULL=1 in the
 * environment turns it off (to compare the two paths).
 */
#ifndef POSTURE_JSON_FAST_H
#define POSTURE_JSON_FAST_H

#include "json_read.h"

/* Whether the fast path is on (POSTURE_JSON_FULL unset or 0). */
bool pst_jfast_on(void);
/* For tests: 1 on, 0 off, -1 as the environment says. */
void pst_jfast_force(int on);

/* Parses the element buf[0..len) (an object) into a pruned tree in the
 * calling thread's arena (between pst_jarena_begin and _end).  With
 * wrappers, a member that would make the object a wrapper (read_json.c)
 * declines; so does a Log Analytics row (json_la.c).  Returns the root, or NULL to decline; *used is the length of
 * the object's text (len may go on past it, with blanks and more). */
cJSON *pst_jfast_parse(const char *buf, size_t len, bool wrappers, bool example, size_t *used);

/* Whether the pruned tree root serves its record as the full one would:
 * a record of a type whose filler the schema covers. */
bool pst_jfast_covered(const cJSON *root);

#endif
