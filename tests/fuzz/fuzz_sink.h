/* fuzz_sink.h: what the reader fuzz targets share: the record sink that
 * counts broken promises (a record of no known type, without a time or
 * without its file), and the release of the stack entry each run reads
 * into (pst_source_release). */
#ifndef FUZZ_SINK_H
#define FUZZ_SINK_H

#include "../../src/ingest/ingest_int.h"

/* The promise every emitted record keeps. */
static inline int fuzz_record_ok(const struct pst_record *rec)
{
	return (unsigned)rec->type < PST_REC__COUNT && rec->observed != PST_TIME_NONE && rec->origin.path;
}

/* ctx: an unsigned long counting the records that break it. */
static inline int fuzz_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	unsigned long *broken = ctx;

	(void)err;
	if (!fuzz_record_ok(rec))
		(*broken)++;
	return PST_OK;
}

#endif
