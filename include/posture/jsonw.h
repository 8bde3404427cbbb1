/* jsonw.h: a streaming JSON writer for the --format json outputs.
 * cJSON stays in ingest; outputs are written with this.  Strings are
 * sanitized to valid UTF-8.  Output is pretty-printed with two spaces, keys
 * in the order written (callers write them in a fixed order: deterministic). */
#ifndef POSTURE_JSONW_H
#define POSTURE_JSONW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include "posture/timeutil.h"

#define PST_JSONW_MAX_DEPTH 32

struct pst_jsonw {
	FILE *fp;                               /* borrowed */
	int depth;
	bool first[PST_JSONW_MAX_DEPTH];        /* no element written yet at this depth */
	bool after_key;
};

void pst_jsonw_init(struct pst_jsonw *w, FILE *fp);
void pst_jsonw_object_begin(struct pst_jsonw *w);
void pst_jsonw_object_end(struct pst_jsonw *w);
void pst_jsonw_array_begin(struct pst_jsonw *w);
void pst_jsonw_array_end(struct pst_jsonw *w);
void pst_jsonw_key(struct pst_jsonw *w, const char *key);
void pst_jsonw_string(struct pst_jsonw *w, const char *s);   /* NULL writes null */
void pst_jsonw_int(struct pst_jsonw *w, int64_t v);
void pst_jsonw_double(struct pst_jsonw *w, double v);        /* NAN writes null; %.6g-like, shortest */
void pst_jsonw_bool(struct pst_jsonw *w, bool v);
void pst_jsonw_null(struct pst_jsonw *w);
void pst_jsonw_time(struct pst_jsonw *w, pst_time t);         /* ISO string or null */
/* key + value in one call */
void pst_jsonw_kv_string(struct pst_jsonw *w, const char *key, const char *s);
void pst_jsonw_kv_int(struct pst_jsonw *w, const char *key, int64_t v);
void pst_jsonw_kv_double(struct pst_jsonw *w, const char *key, double v);
void pst_jsonw_kv_bool(struct pst_jsonw *w, const char *key, bool v);
void pst_jsonw_kv_time(struct pst_jsonw *w, const char *key, pst_time t);
/* Ends the document with a newline. */
void pst_jsonw_finish(struct pst_jsonw *w);

#endif
