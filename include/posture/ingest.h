/* ingest.h: read files and folders of exports into a stream of records.
 *
 * pst_ingest_paths walks each PATH (a folder is read recursively, entries in
 * byte order of their names, hidden entries skipped), detects each file's
 * format from its content (gzip or not), and calls fn for every record.
 * Memory is bounded: no reader holds more than one element (capped at
 * PST_INGEST_MAX_ELEMENT bytes) besides its fixed buffers.
 *
 * Ownership: struct pst_ingest owns its file reports and everything in them;
 * pst_ingest_release frees them.  Records passed to fn are borrowed.
 */
#ifndef POSTURE_INGEST_H
#define POSTURE_INGEST_H

#include <stdbool.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/record.h"
#include "posture/sha256.h"

#define PST_INGEST_MAX_ELEMENT (16u * 1024u * 1024u) /* one record or line */
#define PST_INGEST_MAX_DIAGS 200                    /* kept per file; all are counted */

enum pst_format {
	PST_FMT_UNKNOWN,
	PST_FMT_EMPTY,
	PST_FMT_JSON_NDJSON,      /* one JSON value per line (CE events, az output) */
	PST_FMT_JSON_ARRAY,       /* a top-level array of records */
	PST_FMT_JSON_OBJECT,      /* a single record */
	PST_FMT_JSON_RECORDS,     /* {"records":[...]} */
	PST_FMT_REST_LIST,        /* {"value":[...],"nextLink":...} */
	PST_FMT_RESOURCE_GRAPH,   /* {"count":N,"data":[...]} */
	PST_FMT_REST_EXAMPLE,     /* REST spec example: responses."200".body */
	PST_FMT_LA_JSON_ROWS,     /* Log Analytics: array of row objects */
	PST_FMT_LA_QUERY_API,     /* Log Analytics query API: {"tables":[...]} */
	PST_FMT_LA_CSV,           /* Log Analytics CSV export */
	PST_FMT_PORTAL_CSV,       /* portal "Download CSV report" */
	PST_FMT_AVRO_CAPTURE,     /* Event Hubs Capture Avro */
	PST_FMT__COUNT
};
/* Stable names used in outputs: "json-ndjson", "portal-csv", ... */
const char *pst_format_name(enum pst_format f);

enum pst_diag_kind { PST_DIAG_REJECTED, PST_DIAG_WARNING };

/* One rejected record or warning within a file. */
struct pst_diag {
	enum pst_diag_kind kind;
	uint64_t line;     /* 0 if not line-based */
	uint64_t offset;   /* byte offset in the decompressed stream */
	uint64_t index;    /* record index */
	char *msg;         /* owned; "expected ',' or ']'" (no file prefix) */
};

struct pst_file_report {
	char *path;                       /* owned */
	enum pst_format format;
	char *detail;                     /* owned; e.g. the LA table name; may be NULL */
	bool gzip;
	uint64_t size;                    /* bytes on disk */
	char sha256[PST_SHA256_HEX];
	uint64_t records[PST_REC__COUNT];
	uint64_t total_records;
	uint64_t rejected;
	uint64_t warnings;
	uint64_t snapshot_records, stream_records, deletes;
	uint64_t time_src[PST_TS__COUNT]; /* records by where their time came from */
	pst_time tmin, tmax;              /* observed times; PST_TIME_NONE if no record */
	char **subscriptions;             /* owned, sorted, unique (lower-case) */
	size_t nsubscriptions, subs_alloc;
	struct pst_diag *diags;           /* the first PST_INGEST_MAX_DIAGS */
	size_t ndiags, diags_alloc;
	bool failed;                      /* the file could not be read (see error) */
	int fail_status;                  /* PST_EDATA / PST_ENOINPUT / PST_EIO */
	char *error;                      /* owned; NULL unless failed */
};

struct pst_ingest_opts {
	bool skip_bad;   /* a file that cannot be read is listed and skipped, not fatal */
};

struct pst_ingest {
	struct pst_file_report *files;    /* in the order read */
	size_t nfiles, files_alloc;
	uint64_t records[PST_REC__COUNT];
	uint64_t total_records, rejected, warnings;
	size_t failed_files;
};

void pst_ingest_init(struct pst_ingest *ing);
void pst_ingest_release(struct pst_ingest *ing);

/* Reads every path.  Returns PST_OK, or the status of the first file that
 * failed (PST_EDATA unknown/corrupt, PST_ENOINPUT missing/unreadable,
 * PST_EIO) unless opts->skip_bad, or the status fn returned.  Rejected
 * records never fail the run: they are counted and listed in the report. */
int pst_ingest_paths(struct pst_ingest *ing, const char *const *paths, size_t npaths,
                     const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                     struct pst_error *err);

#endif
