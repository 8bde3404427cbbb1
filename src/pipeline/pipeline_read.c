/* pipeline_read.c: the inputs read into the estate, or into a timeline
 * only (pipeline.h). */
#include <unistd.h>
#include "pipeline_int.h"
#include "posture/ingest.h"
#include "posture/pipeline.h"
#include "posture/strpool.h"

static int estate_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct pst_estate *e = ctx;

	(void)err;
	pst_estate_add(e, rec, (uint32_t)(e->sources.nfiles - 1));
	return PST_OK;
}

int pst_pipeline_load(struct pst_estate *e, const char *const *paths, size_t npaths, const pst_time *times,
                      size_t ntimes, const struct pst_read_opts *opts, struct pst_error *err)
{
	struct pst_ingest_opts io = {.skip_bad = opts ? opts->skip_bad : false, .now = opts ? opts->now : 0,
	                             .progress = opts ? opts->progress : NULL};
	int rc;

	pst_progress_phase(io.progress, "reading");
	pst_estate_begin(e, times, ntimes);
	if (opts && opts->jobs > 1)
		rc = pl_pool_load(e, paths, npaths, opts, err);
	else
		rc = pst_ingest_paths(&e->sources, paths, npaths, &io, estate_sink, e, err);
	pst_estate_finish(e);
	return rc;
}

struct scan_ctx {
	struct pst_timeline *tl;
	struct pst_sources *ing;
	struct pst_strpool subs;
};

static int scan_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct scan_ctx *c = ctx;
	const char *s = NULL;
	size_t n = 0;
	uint32_t sub = 0;

	(void)err;
	if (rec->type == PST_REC_ASSESSMENT && rec->u.assessment.resource_id &&
	    pst_id_subscription(rec->u.assessment.resource_id, &s, &n))
		sub = pst_strpool_intern_n(&c->subs, s, n);
	else if (rec->subscription_id)
		sub = pst_strpool_intern(&c->subs, rec->subscription_id);
	pst_timeline_note(c->tl, rec, (uint32_t)(c->ing->nfiles - 1), sub);
	return PST_OK;
}

int pst_pipeline_scan(struct pst_timeline *tl, const char *const *paths, size_t npaths,
                      const struct pst_read_opts *opts, struct pst_error *err)
{
	struct pst_ingest_opts io = {.skip_bad = opts ? opts->skip_bad : false, .now = opts ? opts->now : 0,
	                             .progress = opts ? opts->progress : NULL};
	struct pst_sources ing;
	struct scan_ctx c;
	int rc;

	pst_sources_init(&ing);
	pst_progress_phase(io.progress, "reading the times");
	pst_strpool_init(&c.subs, true);
	c.tl = tl;
	c.ing = &ing;
	rc = pst_ingest_paths(&ing, paths, npaths, &io, scan_sink, &c, err);
	pst_timeline_finish(tl);
	pst_strpool_release(&c.subs);
	pst_sources_release(&ing);
	return rc;
}

unsigned pst_pipeline_jobs(unsigned asked)
{
	long n;

	if (asked)
		return asked;
	n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 1 ? (unsigned)(n < 64 ? n : 64) : 1;
}
