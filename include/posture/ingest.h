/* ingest.h: read files and folders of exports into a stream of records
 * and a report of what was read (sources.h).
 *
 * pst_ingest_paths walks each PATH (a folder is read recursively, entries in
 * byte order of their names, hidden entries skipped), detects each file's
 * format from its content (gzip or not), and calls fn for every record.
 * Memory is bounded: no reader holds more than one element (capped at
 * PST_INGEST_MAX_ELEMENT bytes) besides its fixed buffers.
 *
 * Ownership: the caller owns the struct pst_sources filled (sources.h).
 * Records passed to fn are borrowed.
 */
#ifndef POSTURE_INGEST_H
#define POSTURE_INGEST_H

#include <stdbool.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/progress.h"
#include "posture/record.h"
#include "posture/sources.h"

#define PST_INGEST_MAX_ELEMENT (16u * 1024u * 1024u) /* one record or line */

struct pst_ingest_opts {
	bool skip_bad;   /* a file that cannot be read is listed and skipped, not fatal */
	struct pst_progress *progress; /* files and bytes read, or NULL */
};

/* Reads every path.  Returns PST_OK, or the status of the first file that
 * failed (PST_EDATA unknown/corrupt, PST_ENOINPUT missing/unreadable,
 * PST_EIO) unless opts->skip_bad, or the status fn returned.  Rejected
 * records never fail the run: they are counted and listed in the report. */
int pst_ingest_paths(struct pst_sources *ing, const char *const *paths, size_t npaths,
                     const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                     struct pst_error *err);

#endif
