/* csv_scan.h: a streaming RFC 4180 record scanner.  Private to src/ingest/.
 *
 * Reads bytes through a callback in fixed-size chunks and hands out one
 * record at a time: a UTF-8 BOM at the start (and at the start of any line)
 * is skipped; records end at LF, CRLF or a CR alone; fields may be quoted,
 * with "" for a quote and newlines inside; blank lines are skipped.
 *
 * A broken record (a quote inside an unquoted field, text after a closing
 * quote, a NUL byte, more than PST_CSV_MAX_FIELDS fields or more than `cap`
 * bytes, a quote still open at end of input) is still returned, with
 * `error` saying why; the scanner then goes on with the next record, so a
 * caller can reject it and keep the good ones.  Memory is bounded by cap.
 *
 * Ownership: the scanner owns its buffers; a record's cells and error are
 * borrowed until the next call.
 */
#ifndef POSTURE_CSV_SCAN_H
#define POSTURE_CSV_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/strbuf.h"

#define PST_CSV_MAX_FIELDS 4096
#define PST_CSV_CHUNK (64u * 1024u)

/* Reads up to n bytes into buf; *got = 0 at end of input. */
typedef int (*pst_csv_read_fn)(void *ctx, void *buf, size_t n, size_t *got, struct pst_error *err);

struct pst_csv_record {
	const char *const *cells;  /* n NUL-terminated fields */
	size_t n;
	uint64_t line;             /* line of the record's first byte (1-based) */
	uint64_t offset;           /* byte offset of its first byte */
	uint64_t index;            /* 0-based record number (the header is 0) */
	const char *error;         /* NULL, or why the record is broken */
};

struct pst_csv_scan {
	pst_csv_read_fn read;
	void *read_ctx;
	size_t cap;                /* maximum bytes of one record */
	unsigned char *buf;        /* PST_CSV_CHUNK bytes */
	size_t len, pos;
	bool eof, started;
	int state;
	uint64_t line, offset, line_start;
	uint64_t rec_line, rec_offset, quote_line, nrecords;
	struct strbuf text;        /* the fields of the record, each NUL-terminated */
	size_t *starts;            /* where each field starts in text */
	size_t nfields, starts_alloc;
	const char **cells;
	size_t cells_alloc;
	bool has_error;
	bool cr_pending;           /* the last byte was a CR read as a line end */
	unsigned char sep;         /* ',' (set '\t' for tab-separated text before the first call) */
	char error[160];
};

void pst_csv_scan_init(struct pst_csv_scan *s, pst_csv_read_fn read, void *read_ctx, size_t cap);
void pst_csv_scan_release(struct pst_csv_scan *s);

/* Fills rec with the next record and sets *more; *more is false (and rec
 * untouched) at end of input.  Returns a read error status, else PST_OK. */
int pst_csv_scan_next(struct pst_csv_scan *s, struct pst_csv_record *rec, bool *more, struct pst_error *err);

#endif
