/* fuzz_json_one.h: runs one input through the JSON reader twice, as a file
 * (pst_read_json, bytes served from the head buffer) and as an in-memory
 * event body (pst_json_ingest_mem), and checks the reader's promises:
 * no crash, a known status, every emitted record complete, every failure
 * named.  Shared by the libFuzzer target and the mutation unit test. */
#ifndef FUZZ_JSON_ONE_H
#define FUZZ_JSON_ONE_H

#include <stdlib.h>
#include <string.h>
#include "fuzz_sink.h"

struct fuzz_json_stats {
	unsigned long runs, records, rejected, failed, broken; /* broken: a promise not kept */
};

static inline int fuzz_json_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct fuzz_json_stats *st = ctx;

	(void)err;
	st->records++;
	if (!fuzz_record_ok(rec))
		st->broken++;
	return PST_OK;
}

static inline void fuzz_json_ctx(struct pst_file_ctx *fc, struct pst_source *rep, struct fuzz_json_stats *st,
                                 const unsigned char *data, size_t n)
{
	memset(rep, 0, sizeof(*rep));
	memset(fc, 0, sizeof(*fc));
	rep->tmin = rep->tmax = PST_TIME_NONE;
	fc->path = "fuzz.json";
	fc->rep = rep;
	fc->fn = fuzz_json_sink;
	fc->fn_ctx = st;
	fc->name_time = PST_TIME_NONE;
	fc->mtime = 1;
	fc->head = data;
	fc->nhead = n;
}

static inline void fuzz_json_one(struct fuzz_json_stats *st, const unsigned char *data, size_t n)
{
	static const struct pst_origin at = {"fuzz.json", 0, 7, 0};
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct pst_error err;
	int rc;

	st->runs++;
	fuzz_json_ctx(&fc, &rep, st, data, n);
	err.msg[0] = '\0';
	rc = pst_read_json(&fc, &err);
	if (rc != PST_OK && (rc != PST_EDATA || strncmp(err.msg, "fuzz.json:", 10) != 0))
		st->broken++;
	st->failed += rc != PST_OK;
	st->rejected += rep.rejected;
	pst_source_release(&rep);
	fuzz_json_ctx(&fc, &rep, st, NULL, 0);
	if (pst_json_ingest_mem(&fc, (const char *)data, n, &at, 1000, &err) != PST_OK)
		st->broken++;
	st->rejected += rep.rejected;
	pst_source_release(&rep);
}

#endif
