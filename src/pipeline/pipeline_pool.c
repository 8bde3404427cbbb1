/* pipeline_pool.c: the inputs read by a small pool of reader threads, the
 * estate built by the calling thread in the order one reader would give
 * (pipeline_int.h).
 *
 * The files are listed first (pst_ingest_list); each reader takes the next
 * file, and copies its records into blocks (pipeline_copy.c) that it hands
 * over in file order.  The calling thread takes the blocks of file 0, then
 * of file 1, ..., and adds every record to the estate: the estate is built
 * from the same records in the same order as with one reader, so every
 * output is byte-identical whatever the number of threads.  The reader of
 * the file being consumed never waits; readers ahead of it stop when the
 * blocks waiting reach the read-ahead (opts->read_ahead,
 * default PL_READ_AHEAD) bytes (memory stays bounded). */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "pipeline_int.h"
#include "posture/ingest.h"

#define PL_READ_AHEAD (32u * 1024u * 1024u)

struct pl_file {
	struct pl_block *head, *tail; /* handed over, not yet consumed */
	bool done;
	int rc;
	struct pst_error err;
};

struct pl_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;            /* broadcast on every change */
	struct pst_sources *ing;
	const struct pst_ingest_opts *io;
	const struct pst_ingest_job *jobs;
	struct pl_file *files;
	size_t njobs, next, current, buffered, cap;
	bool stop;
};

struct pl_reader {
	struct pl_pool *p;
	size_t file;
	struct pl_block *cur;
};

/* Hands b over; waits while file is ahead of the consumer and the cap is
 * reached.  Returns false when the run stops (b is freed). */
static bool hand_over(struct pl_pool *p, size_t file, struct pl_block *b)
{
	struct pl_file *f = &p->files[file];

	pthread_mutex_lock(&p->mu);
	while (!p->stop && file != p->current && p->buffered >= p->cap)
		pthread_cond_wait(&p->cv, &p->mu);
	if (p->stop) {
		pthread_mutex_unlock(&p->mu);
		pl_block_free(b);
		return false;
	}
	if (f->tail)
		f->tail->next = b;
	else
		f->head = b;
	f->tail = b;
	p->buffered += b->bytes;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return true;
}

static int reader_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct pl_reader *r = ctx;
	struct pl_block *b = r->cur;

	if (!b) {
		b = r->cur = xmalloc(sizeof(*b));
		b->next = NULL;
		b->n = 0;
		b->bytes = sizeof(*b);
		b->strings = NULL;
	}
	pl_copy_record(b, &b->recs[b->n++], rec);
	if (b->n < PL_BLOCK_RECORDS)
		return PST_OK;
	r->cur = NULL;
	return hand_over(r->p, r->file, b) ? PST_OK : pst_fail(err, PST_ESOFTWARE, "cancelled");
}

static void read_one(struct pl_pool *p, size_t j, struct pst_ingest_reader *rd)
{
	struct pl_reader r = {p, j, NULL};
	struct pl_file *f = &p->files[j];
	int rc = pst_ingest_job_read(p->ing, &p->jobs[j], p->io, reader_sink, &r, rd, &f->err);

	if (r.cur)
		hand_over(p, j, r.cur);
	pthread_mutex_lock(&p->mu);
	f->rc = rc;
	f->done = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

static void *reader_main(void *arg)
{
	struct pl_pool *p = arg;
	struct pst_ingest_reader rd = {NULL};

	for (;;) {
		size_t j;
		bool go;

		pthread_mutex_lock(&p->mu);
		j = p->next;
		go = !p->stop && j < p->njobs;
		if (go)
			p->next++;
		pthread_mutex_unlock(&p->mu);
		if (!go)
			break;
		read_one(p, j, &rd);
	}
	pst_ingest_reader_release(&rd); /* with this thread's JSON arena */
	return NULL;
}

/* The blocks of file k handed over so far (NULL when there are none yet
 * and the file is done); waits for some otherwise. */
static struct pl_block *take(struct pl_pool *p, size_t k)
{
	struct pl_file *f = &p->files[k];
	struct pl_block *b, *c;

	pthread_mutex_lock(&p->mu);
	while (!f->head && !f->done)
		pthread_cond_wait(&p->cv, &p->mu);
	b = f->head;
	f->head = f->tail = NULL;
	for (c = b; c; c = c->next)
		p->buffered -= c->bytes;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return b;
}

static void add_blocks(struct pst_estate *e, struct pl_block *b, uint32_t file)
{
	while (b) {
		struct pl_block *next = b->next;
		size_t i;

		for (i = 0; i < b->n; i++)
			pst_estate_add(e, &b->recs[i], file);
		pl_block_free(b);
		b = next;
	}
}

/* File k into the estate; its status as pst_ingest_paths would give it. */
static int consume(struct pl_pool *p, struct pst_estate *e, size_t k, struct pst_error *err)
{
	struct pl_block *b;
	int rc;

	pthread_mutex_lock(&p->mu);
	p->current = k;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	while ((b = take(p, k)) != NULL)
		add_blocks(e, b, (uint32_t)p->jobs[k].source);
	rc = pst_ingest_job_done(p->ing, &p->jobs[k], p->io, p->files[k].rc, &p->files[k].err);
	if (rc)
		*err = p->files[k].err;
	return rc;
}

static void stop_all(struct pl_pool *p)
{
	pthread_mutex_lock(&p->mu);
	p->stop = true;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
}

/* After the readers are joined: the blocks never consumed. */
static void drop_blocks(struct pl_pool *p)
{
	size_t k;

	for (k = 0; k < p->njobs; k++) {
		while (p->files[k].head) {
			struct pl_block *b = p->files[k].head;

			p->files[k].head = b->next;
			pl_block_free(b);
		}
	}
}

struct direct {
	struct pst_estate *e;
	uint32_t file;
};

static int direct_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct direct *d = ctx;

	(void)err;
	pst_estate_add(d->e, rec, d->file);
	return PST_OK;
}

/* No thread could be started: every file read here, in order. */
static int run_here(struct pl_pool *p, struct pst_estate *e, struct pst_error *err)
{
	struct pst_ingest_reader rd = {NULL};
	size_t k;
	int rc = PST_OK;

	for (k = 0; k < p->njobs && rc == PST_OK; k++) {
		struct direct d = {e, (uint32_t)p->jobs[k].source};

		rc = pst_ingest_job_read(p->ing, &p->jobs[k], p->io, direct_sink, &d, &rd, err);
		rc = pst_ingest_job_done(p->ing, &p->jobs[k], p->io, rc, err);
	}
	if (rc != PST_OK)
		pst_sources_truncate(p->ing, p->jobs[k - 1].source + 1);
	pst_ingest_reader_release(&rd);
	return rc;
}

static int run_pool(struct pl_pool *p, struct pst_estate *e, unsigned nthreads, struct pst_error *err)
{
	pthread_t *t = xcalloc(nthreads ? nthreads : 1, sizeof(*t));
	unsigned i, started = 0;
	size_t k;
	int rc = PST_OK;

	for (i = 0; i < nthreads; i++)
		if (pthread_create(&t[started], NULL, reader_main, p) == 0)
			started++;
	if (!started) {
		free(t);
		return run_here(p, e, err);
	}
	for (k = 0; k < p->njobs && rc == PST_OK; k++)
		rc = consume(p, e, k, err);
	stop_all(p);
	for (i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	drop_blocks(p);
	if (rc != PST_OK) /* the readers are gone: what they read after the failure goes */
		pst_sources_truncate(p->ing, p->jobs[k - 1].source + 1);
	free(t);
	return rc;
}

int pl_pool_load(struct pst_estate *e, const char *const *paths, size_t npaths, const struct pst_read_opts *opts,
                 struct pst_error *err)
{
	struct pst_ingest_opts io = {.skip_bad = opts->skip_bad, .now = opts->now, .progress = opts->progress};
	struct pst_ingest_job *jobs = NULL;
	struct pst_error walk_err;
	struct pl_pool p;
	size_t njobs = 0;
	int walk_rc, rc;

	memset(&walk_err, 0, sizeof(walk_err));
	walk_rc = pst_ingest_list(&e->sources, paths, npaths, &io, &jobs, &njobs, &walk_err);
	memset(&p, 0, sizeof(p));
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	p.ing = &e->sources;
	p.io = &io;
	p.jobs = jobs;
	p.njobs = njobs;
	p.cap = opts->read_ahead ? opts->read_ahead : PL_READ_AHEAD;
	p.files = xcalloc(njobs ? njobs : 1, sizeof(*p.files));
	rc = run_pool(&p, e, opts->jobs < njobs ? opts->jobs : (unsigned)njobs, err);
	if (rc == PST_OK && walk_rc != PST_OK) {
		*err = walk_err;
		rc = walk_rc;
	}
	pthread_cond_destroy(&p.cv);
	pthread_mutex_destroy(&p.mu);
	free(p.files);
	free(jobs);
	return rc;
}
