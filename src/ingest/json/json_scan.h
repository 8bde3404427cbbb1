/* json_scan.h: a byte-level JSON scanner over a refillable buffer.
 * Private to src/ingest/.
 *
 * The scanner never builds a tree: it finds where values begin and end
 * (tracking strings, escapes, bracket nesting, line, column and byte
 * offset) so that the reader can hand one element at a time to cJSON.
 * Input is a pst_file_ctx (read in chunks through pst_fc_read) or a
 * borrowed memory buffer.  A leading UTF-8 BOM is skipped.
 *
 * Every consumed byte is also appended to `tap` while it is set (the reader
 * uses it to keep a top-level object while it looks for a wrapper key);
 * the tap stops growing at tap_cap and sets tap_over.
 */
#ifndef POSTURE_JSON_SCAN_H
#define POSTURE_JSON_SCAN_H

#include <stdbool.h>
#include <stdint.h>
#include "../ingest_int.h"
#include "posture/strbuf.h"

#define PST_JSCAN_CHUNK (64u * 1024u)
#define PST_JSCAN_STACK 1100 /* bracket kinds checked up to this depth; deeper is only counted */

/* A place in the (decompressed) stream: 1-based line and byte column. */
struct pst_jpos {
	uint64_t line, col, offset;
};

/* Results of the scanning calls besides PST_OK; err says where and why. */
enum pst_jscan_rc {
	PST_JS_OK = 0,
	PST_JS_EOF = 1,  /* the input ended inside a value */
	PST_JS_BAD = 2,  /* a structural error (mismatched bracket, unexpected byte) */
	PST_JS_LINE = 3, /* one-line mode: a newline inside the value */
	PST_JS_IO = 4    /* a read error (err has the driver's status message) */
};

struct pst_jscan {
	struct pst_file_ctx *fc;  /* byte source; NULL for memory input */
	const char *path;         /* for messages (borrowed) */
	const unsigned char *p;   /* the window: p[pos..len) not consumed yet */
	size_t len, pos;
	unsigned char *own;       /* owned chunk buffer (file input) */
	bool eof;
	int io_status;            /* status of a failed read, else 0 */
	uint64_t base;            /* stream offset of p[0] */
	uint64_t line;            /* current line, 1-based */
	uint64_t line_start;      /* stream offset of the current line's first byte */
	struct strbuf *tap;       /* borrowed; NULL when off */
	size_t tap_cap;
	bool tap_over;
	/* Facts about the last pst_jscan_value call: */
	unsigned max_depth;       /* deepest bracket nesting inside it */
	bool too_big;             /* it was longer than the cap given (out holds a prefix) */
	char stack[PST_JSCAN_STACK];
};

void pst_jscan_init_file(struct pst_jscan *s, struct pst_file_ctx *fc);
void pst_jscan_init_mem(struct pst_jscan *s, const char *path, const char *buf, size_t len);
void pst_jscan_release(struct pst_jscan *s);

/* The current position. */
void pst_jscan_pos(const struct pst_jscan *s, struct pst_jpos *at);

/* Skips blanks (space, tab, CR, LF) and gives the next byte in *c without
 * consuming it, or -1 at the end of the input. */
int pst_jscan_peek(struct pst_jscan *s, int *c, struct pst_error *err);
/* Consumes the byte pst_jscan_peek gave. */
void pst_jscan_skip(struct pst_jscan *s);

/* Scans one whole value starting at the next non-blank byte and appends its
 * bytes to out (may be NULL) up to cap bytes; beyond that the value is still
 * scanned to its end and too_big is set.  With one_line, a newline inside
 * the value is PST_JS_LINE (NDJSON).  Scalars end at a blank, ',', ']',
 * '}' or the end of input. */
int pst_jscan_value(struct pst_jscan *s, struct strbuf *out, size_t cap, bool one_line,
                    struct pst_error *err);

/* Scans a string (the next byte must be '"') into key, without the quotes
 * and with escapes left as written. */
int pst_jscan_key(struct pst_jscan *s, struct strbuf *key, struct pst_error *err);

/* The unconsumed bytes of the window up to the next newline (or to the end
 * of a memory input), when the window holds that newline; else false.
 * Nothing is consumed or read. */
bool pst_jscan_line(const struct pst_jscan *s, const char **line, size_t *n);
/* Consumes n bytes of what pst_jscan_line gave (no newline among them). */
void pst_jscan_advance(struct pst_jscan *s, size_t n);

/* Consumes everything up to and including the next newline (resync). */
int pst_jscan_skip_line(struct pst_jscan *s, struct pst_error *err);

/* Fills err with "path:LINE:COL: what" at the current position and returns rc. */
int pst_jscan_fail(struct pst_jscan *s, int rc, struct pst_error *err, const char *fmt, ...) PST_PRINTF(4, 5);

/* "'x'" for a printable byte, "byte 0x01" otherwise, "end of file" for -1. */
const char *pst_jscan_byte_name(int c, char *buf, size_t size);

#endif
