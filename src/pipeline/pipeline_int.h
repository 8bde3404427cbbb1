/* pipeline_int.h: what the pipeline's source files share.  Private to
 * src/pipeline/. */
#ifndef POSTURE_PIPELINE_INT_H
#define POSTURE_PIPELINE_INT_H

#include <stddef.h>
#include "posture/pipeline.h"
#include "posture/record.h"

#define PL_BLOCK_RECORDS 1024

struct pl_chunk {
	struct pl_chunk *next;
	size_t size, used;
	_Alignas(8) char data[];
};

/* Records of one file, copied (pipeline_copy.c), handed from a reader
 * thread to the thread that builds the estate. */
struct pl_block {
	struct pl_block *next;
	size_t n;
	size_t bytes;               /* heap held, for the read-ahead cap */
	struct pl_chunk *strings;
	struct pst_record recs[PL_BLOCK_RECORDS];
};

/* Copies src into dst, its strings into b's arena. */
void pl_copy_record(struct pl_block *b, struct pst_record *dst, const struct pst_record *src);
void pl_block_free(struct pl_block *b); /* NULL is fine */

/* Reads paths with `jobs` reader threads and feeds every record to e in
 * the order a single reader gives (pipeline_pool.c). */
int pl_pool_load(struct pst_estate *e, const char *const *paths, size_t npaths, const struct pst_read_opts *opts,
                 struct pst_error *err);

#endif
