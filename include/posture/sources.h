/* sources.h: what was read: one report per input file (format, size,
 * SHA-256, records by type, times, subscriptions, rejected records and
 * warnings), and the totals.
 *
 * Filled by the readers (ingest.h); read by the estate, the review builder
 * and the renderers (the evidence appendix, `posture inspect`).
 *
 * Ownership: struct pst_sources owns its file reports and everything in
 * them; pst_sources_release frees them.
 */
#ifndef POSTURE_SOURCES_H
#define POSTURE_SOURCES_H

#include <stdbool.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/diagnostics.h"
#include "posture/record.h"
#include "posture/sha256.h"

#define PST_SOURCE_MAX_DIAGS 200 /* diagnostics kept per file (memory); all are counted, and
                                    `posture inspect --verbose` keeps every one */

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

struct pst_source {
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
	struct pst_diags diags;           /* the first PST_SOURCE_MAX_DIAGS, file NULL
	                                     (the place is in this file); all are counted */
	bool failed;                      /* the file could not be read (see error) */
	int fail_status;                  /* PST_EDATA / PST_ENOINPUT / PST_EIO */
	char *error;                      /* owned; NULL unless failed */
	char *skipped;                    /* owned: why the path was passed over (a folder or
	                                     file already read through a link, a socket or
	                                     device in a folder); NULL if read */
};

struct pst_sources {
	struct pst_source *files;    /* in the order read */
	size_t nfiles, files_alloc;
	uint64_t records[PST_REC__COUNT];
	uint64_t total_records, rejected, warnings;
	size_t failed_files;
	size_t skipped_files;        /* entries with skipped set (each also a warning) */
	size_t keep_diags;           /* diagnostics kept per file: 0 for PST_SOURCE_MAX_DIAGS,
	                                SIZE_MAX for every one (`posture inspect --verbose`);
	                                set before reading */
};

/* Whether a portal CSV of rows data rows sits at one of the portal's
 * report caps (near 13,000 or 25,000 rows), so it is probably cut short.
 * Judged per file: more rows than a cap, or a count between them, is not. */
bool pst_portal_at_cap(uint64_t rows, unsigned *cap);

void pst_sources_init(struct pst_sources *s);
void pst_sources_release(struct pst_sources *s);
/* Frees what one entry owns (its path, texts, subscriptions and remarks);
 * for an entry kept outside a pst_sources, as the fuzz targets do. */
void pst_source_release(struct pst_source *r);
/* A new report for path, at the end of s->files (tmin/tmax none). */
struct pst_source *pst_sources_add(struct pst_sources *s, const char *path);
/* Drops the entries from n on (their record totals were never added; a
 * failed one is taken out of failed_files). */
void pst_sources_truncate(struct pst_sources *s, size_t n);

#endif
