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
	pst_time now;    /* the generation time (--generated-at): a record's time more
	                    than a day after it is implausible; <= 0: no such bound */
	struct pst_progress *progress; /* files and bytes read, or NULL */
};

/* Record times outside [PST_PLAUSIBLE_FROM, now + 1 day] are warned about
 * and marked rec->implausible: kept, but they do not choose the default
 * period (timeline.h).  Defender for Cloud's exports began in 2015. */
#define PST_PLAUSIBLE_FROM INT64_C(1420070400000) /* 2015-01-01T00:00:00Z */

/* Reads every path.  Returns PST_OK, or the status of the first file that
 * failed (PST_EDATA unknown/corrupt, PST_ENOINPUT missing/unreadable,
 * PST_EIO) unless opts->skip_bad, or the status fn returned.  Rejected
 * records never fail the run: they are counted and listed in the report. */
int pst_ingest_paths(struct pst_sources *ing, const char *const *paths, size_t npaths,
                     const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                     struct pst_error *err);

/* ---- the same in two steps, for reading files in parallel (pipeline) ----
 *
 * pst_ingest_list walks paths as pst_ingest_paths does, adding an entry to
 * ing for every file (and every path that failed, as pst_ingest_paths
 * would) but reading none: *jobs (owned by the caller, free()) gets one job
 * per file to read, in reading order.  It returns what the walk returned
 * (a failure stops the walk there, unless opts->skip_bad).
 * pst_ingest_job_read reads one job's file into its entry of ing, calling
 * fn for each record; jobs of one ing may be read at once by several
 * threads (each its own reader state), as long as ing gains no entries.
 * pst_ingest_job_done then, in reading order and one thread, adds the
 * file's counts to ing's totals and settles its status as pst_ingest_paths
 * would (PST_OK for a failure under skip_bad). */
struct pst_ingest_job {
	size_t source;          /* index into ing->files */
	pst_time mtime;
	uint64_t size;
	bool stream;            /* a pipe or device named on the command line: read as a stream */
};

struct pst_avro_reader;
struct pst_ingest_reader {  /* what one thread keeps across files: zero it first; */
	struct pst_avro_reader *avro; /* pst_ingest_reader_release, in that thread, frees it
	                                 and the thread's JSON arena */
};

int pst_ingest_list(struct pst_sources *ing, const char *const *paths, size_t npaths,
                    const struct pst_ingest_opts *opts, struct pst_ingest_job **jobs, size_t *njobs,
                    struct pst_error *err);
int pst_ingest_job_read(struct pst_sources *ing, const struct pst_ingest_job *job,
                        const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                        struct pst_ingest_reader *rd, struct pst_error *err);
int pst_ingest_job_done(struct pst_sources *ing, const struct pst_ingest_job *job, const struct pst_ingest_opts *opts,
                        int rc, struct pst_error *err);
void pst_ingest_reader_release(struct pst_ingest_reader *rd);

#endif
