/* timeline.h: when the data was observed, and where its full snapshots are.
 *
 * Built while reading (pst_timeline_note for every record, then
 * pst_timeline_finish).  A snapshot batch is one full state of one
 * subscription's assessments:
 *   - file-level snapshots (portal CSV, REST / Resource Graph lists): one
 *     batch per file and subscription;
 *   - record-level snapshots (CE isSnapshot, Log Analytics IsSnapshot): per
 *     subscription, a run of records with no gap of PST_BATCH_WINDOW or
 *     more between them (a snapshot that takes a day to send stays one
 *     batch; weekly snapshots are days apart).
 * Batches that start less than PST_BATCH_WINDOW after the end of the
 * previous one form a round (one weekly snapshot of the estate, one export).  The default T1 is
 * the end of the latest round, T0 the end of the round before.
 *
 * Only assessment records make batches (they are what the state holds).
 * Memory is bounded by the number of distinct (subscription, hour) pairs of
 * snapshot records, not by the number of records.
 *
 * Ownership: the timeline owns its arrays.  Subscription ids are ids of the
 * estate's subscription pool.
 */
#ifndef POSTURE_TIMELINE_H
#define POSTURE_TIMELINE_H

#include <stddef.h>
#include <stdint.h>
#include "posture/record.h"
#include "posture/timeutil.h"

#define PST_BATCH_WINDOW (INT64_C(12) * 3600 * 1000)
#define PST_FILE_NONE UINT32_MAX

struct pst_batch {
	uint32_t subscription;  /* estate subscription id */
	uint32_t file;          /* index into the ingest report's files, or PST_FILE_NONE (CE records) */
	pst_time tmin, tmax;    /* earliest and latest record time */
	uint64_t count;         /* assessment records */
	size_t round;           /* index into rounds */
};

struct pst_round {
	pst_time tmin, tmax;
	size_t first, n;        /* its batches: batches[first .. first + n) */
};

/* Accumulator cell: snapshot records of one subscription in one hour. */
struct pst_hour_cell {
	uint64_t key;           /* (subscription << 32 | hour + 1), 0 = empty */
	pst_time tmin, tmax;
	uint64_t count;
};

struct pst_timeline {
	pst_time tmin, tmax;    /* all observed times; PST_TIME_NONE if no record */
	uint64_t records, stream_events, snapshot_records, deletes;
	struct pst_batch *batches; /* after finish: sorted by round, subscription, tmin */
	size_t nbatches, batches_alloc;
	struct pst_round *rounds;  /* sorted by time */
	size_t nrounds;
	/* while reading */
	struct pst_hour_cell *cells;
	size_t cells_cap, cells_used;
	struct pst_batch *open;    /* file batches of the current file */
	size_t nopen, open_alloc;
	uint32_t cur_file;
};

void pst_timeline_init(struct pst_timeline *tl);
void pst_timeline_release(struct pst_timeline *tl);
/* Notes one record of file number `file` (files numbered from 0 in reading
 * order) whose subscription has estate id `sub` (0 if none). */
void pst_timeline_note(struct pst_timeline *tl, const struct pst_record *rec, uint32_t file, uint32_t sub);
/* Closes the open batches and builds batches and rounds. */
void pst_timeline_finish(struct pst_timeline *tl);

/* T0 and T1 from optional bounds (PST_TIME_NONE = default):
 * T1 = `to`, else the end of the latest round (without any snapshot: the
 * latest record); T0 = `from`, else the end of the round before the latest
 * round complete at T1 (or just before that round: an empty state; without
 * any snapshot: just before the earliest record). */
void pst_timeline_pick(const struct pst_timeline *tl, pst_time from, pst_time to, pst_time *t0, pst_time *t1);
/* The latest round complete at t (tmax <= t), or NULL. */
const struct pst_round *pst_timeline_round_at(const struct pst_timeline *tl, pst_time t);
/* The start of the latest batch of sub complete at t, or PST_TIME_NONE:
 * records of sub older than that were replaced by the snapshot. */
pst_time pst_timeline_cutoff(const struct pst_timeline *tl, uint32_t sub, pst_time t);
/* The batch of sub in round r, or NULL. */
const struct pst_batch *pst_timeline_batch_in(const struct pst_timeline *tl, const struct pst_round *r, uint32_t sub);
/* True if sub has any batch complete at t. */
bool pst_timeline_has_snapshot(const struct pst_timeline *tl, uint32_t sub, pst_time t);

/* In scope at t (DESIGN.md "Numbers"): a subscription held by the latest
 * snapshot round complete at t, or never snapshotted at or before t (stream
 * only: nothing says it is missing).  Fills in[0..nsubs) (in[0], no
 * subscription, is 1); one pass over the batches. */
void pst_timeline_in_scope(const struct pst_timeline *tl, pst_time t, uint8_t *in, size_t nsubs);
/* For a subscription out of scope at t: the start of the first round
 * complete at t that no longer held it (it is missing from the export since
 * then), or PST_TIME_NONE. */
pst_time pst_timeline_missing_since(const struct pst_timeline *tl, uint32_t sub, pst_time t);

#endif
