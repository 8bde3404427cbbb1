/* json_read.h: the JSON shape reader shared by read_json.c (containers,
 * elements) and json_la.c (Log Analytics rows).  Private to src/ingest/. */
#ifndef POSTURE_JSON_READ_H
#define POSTURE_JSON_READ_H

#include <cjson/cJSON.h>
#include "../ingest_int.h"
#include "json_records.h"
#include "json_scan.h"
#include "posture/strbuf.h"
#include "posture/utf8.h"

/* Column names of a Log Analytics query API table. */
struct pst_jla {
	char **names;        /* owned */
	size_t n, alloc;
	enum pst_table table;
	bool have_columns;
};
void pst_jla_release(struct pst_jla *la);

struct pst_jreader {
	struct pst_file_ctx *fc;
	struct pst_jscan sc;
	struct strbuf elem;     /* the current element's bytes */
	struct strbuf tap;      /* a top-level object's bytes while looking for a wrapper */
	struct strbuf key;      /* the current member key */
	uint64_t index;         /* elements seen: the next record's index */
	bool format_set;
	bool la_table_set;      /* the format names the Log Analytics table */
	bool ndjson;            /* the first value fit on one line: one record per line */
	bool example;           /* inside a REST example's responses."200".body */
	int fail_kind;          /* the pst_jscan_rc of the last scanner failure */
	bool mem;               /* a document in memory (an Avro event body) */
	struct pst_origin mem_at;
	pst_time enqueued;
	struct pst_jla la;
};

/* Sets the file's format once (not for documents in memory). */
void pst_jreader_format(struct pst_jreader *r, enum pst_format f);
/* A scanner result as a status (PST_EDATA, or the read error's status). */
int pst_jreader_scan(struct pst_jreader *r, int rc);
/* Peeks the next byte inside a container opened at open (what: "an array"). */
int pst_jreader_next(struct pst_jreader *r, const struct pst_jpos *open, const char *what, bool one_line, int *c,
                     struct pst_error *err);
int pst_jreader_skip_value(struct pst_jreader *r, bool one_line, struct pst_error *err);

/* Walks an object (at '{'): fn gets each member with its key in r->key and
 * the first byte c of its value, and must consume the value. */
typedef int (*pst_jmember_fn)(struct pst_jreader *r, void *ctx, int c, struct pst_error *err);
int pst_jreader_members(struct pst_jreader *r, bool one_line, pst_jmember_fn fn, void *ctx, struct pst_error *err);
/* Walks an array (at '['): fn gets the first byte c of each element and
 * must consume the element. */
typedef int (*pst_jitem_fn)(struct pst_jreader *r, void *ctx, int c, struct pst_error *err);
int pst_jreader_items(struct pst_jreader *r, pst_jitem_fn fn, void *ctx, struct pst_error *err);
/* Walks an array (at '['): each element's bytes are in r->elem (r->sc.too_big
 * if it passed the cap) when fn is called. */
typedef int (*pst_jelem_fn)(struct pst_jreader *r, const struct pst_jpos *start, void *ctx, struct pst_error *err);
int pst_jreader_list(struct pst_jreader *r, pst_jelem_fn fn, void *ctx, struct pst_error *err);

/* Parses r->elem (started at start) and hands an object to
 * pst_jreader_object; a bad element is rejected.  Returns the sink's status. */
int pst_jreader_element(struct pst_jreader *r, const struct pst_jpos *start, bool in_list, bool too_big,
                        struct pst_error *err);
/* The hot path (json_fast.h) for the element buf[0..len) started at start:
 * true when it took the element (*rc the sink's status, *used its length);
 * false, without a side effect, when the caller must take the full path.
 * With top, buf is a top-level object's line (len may go on past it) that
 * must not be a wrapper, and the format is set as read_object does. */
bool pst_jreader_fast(struct pst_jreader *r, const struct pst_jpos *start, const char *buf, size_t len, bool top,
                      bool in_list, size_t *used, int *rc, struct pst_error *err);
/* Parses r->elem into a cJSON value, or rejects it and returns NULL. */
cJSON *pst_jreader_parse(struct pst_jreader *r, const struct pst_jpos *start, const struct pst_origin *at,
                         bool too_big);
void pst_jreader_origin(const struct pst_jreader *r, const struct pst_jpos *start, struct pst_origin *at);

/* json_la.c: whether obj has a column only Log Analytics rows have. */
bool pst_jla_is_row(const cJSON *obj);
/* json_la.c: a record object, or a Log Analytics row object. */
int pst_jreader_object(struct pst_jreader *r, const cJSON *obj, const struct pst_json_src *src, struct pst_error *err);
/* json_la.c: the query API's "tables" array (at '['), rows streamed. */
int pst_jreader_tables(struct pst_jreader *r, struct pst_error *err);

#endif
