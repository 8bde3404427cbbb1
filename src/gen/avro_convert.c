/* avro_convert.c: NDJSON events into Event Hubs Capture files. */
#include "avro_convert.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "avro_writer.h"
#include "posture/filein.h"
#include "posture/ingest.h"
#include "posture/strbuf.h"

#define DEFAULT_NS_HUB "posture-ns/defender-export"

struct line {
	const char *text;      /* borrowed from its input's buffer */
	size_t len;
	uint64_t no;           /* 1-based line number in its file */
	pst_time t;            /* observed time of its first record */
	size_t seq;            /* input order, for a stable sort */
};

struct lines {
	struct line *v;
	size_t n, alloc;
	size_t first;          /* where the current input's lines start */
	char **bufs;           /* the inputs' text, owned */
	size_t nbufs, bufs_alloc;
};

static void lines_release(struct lines *ls)
{
	size_t i;

	for (i = 0; i < ls->nbufs; i++)
		free(ls->bufs[i]);
	free(ls->bufs);
	free(ls->v);
}

/* Sink: the first record of each line gives the line's time (the current
 * input's lines are in line order: binary search). */
static int on_record(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct lines *ls = ctx;
	size_t lo = ls->first, hi = ls->n;

	(void)err;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (ls->v[mid].no < rec->origin.line)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < ls->n && ls->v[lo].no == rec->origin.line && ls->v[lo].t == PST_TIME_NONE)
		ls->v[lo].t = rec->observed;
	return PST_OK;
}

static int slurp(const char *path, struct strbuf *sb, struct pst_error *err)
{
	struct pst_filein in;
	char chunk[65536];
	size_t got;
	int rc = pst_filein_open(&in, path, err);

	if (rc)
		return rc;
	do {
		rc = pst_filein_read(&in, chunk, sizeof(chunk), &got, err);
		if (rc == PST_OK)
			strbuf_add(sb, chunk, got);
	} while (rc == PST_OK && got);
	pst_filein_close(&in);
	return rc;
}

static void split_lines(struct lines *ls, const char *s, size_t len)
{
	uint64_t no = 0;
	const char *end = s + len;

	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl : end) - s);

		no++;
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		if (n) {
			PST_GROW(ls->v, ls->alloc, ls->n + 1);
			ls->v[ls->n] = (struct line){s, n, no, PST_TIME_NONE, ls->n};
			ls->n++;
		}
		s = nl ? nl + 1 : end;
	}
}

/* Loads one input's lines and gives each its time. */
static int add_input(struct lines *ls, const char *path, const struct pst_capture_convert_opts *o,
                     struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	size_t i;
	int rc = slurp(path, &sb, err);

	if (rc) {
		strbuf_release(&sb);
		return rc;
	}
	ls->first = ls->n;
	PST_GROW(ls->bufs, ls->bufs_alloc, ls->nbufs + 1);
	ls->bufs[ls->nbufs++] = strbuf_detach(&sb);
	split_lines(ls, ls->bufs[ls->nbufs - 1], strlen(ls->bufs[ls->nbufs - 1]));
	if (o->enqueued) {
		for (i = ls->first; i < ls->n; i++)
			ls->v[i].t = 0;
		return PST_OK;
	}
	pst_sources_init(&ing);
	rc = pst_ingest_paths(&ing, &path, 1, NULL, on_record, ls, err);
	pst_sources_release(&ing);
	return rc;
}

static int cmp_line(const void *a, const void *b)
{
	const struct line *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void mkdirs(char *path)
{
	char *s;

	for (s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		mkdir(path, 0755);
		*s = '/';
	}
}

static void file_name(const char *out, const struct pst_capture_convert_opts *o, pst_time start, struct strbuf *sb)
{
	int64_t days = start >= 0 ? start / PST_MS_PER_DAY : (start - PST_MS_PER_DAY + 1) / PST_MS_PER_DAY;
	int64_t secs = (start - days * PST_MS_PER_DAY) / 1000, y;
	unsigned mo, d;

	pst_civil_from_days(days, &y, &mo, &d);
	strbuf_reset(sb);
	strbuf_addf(sb, "%s/%s/0/%04lld/%02u/%02u/%02lld/%02lld/%02lld.avro", out, o->ns_hub ? o->ns_hub : DEFAULT_NS_HUB,
	            (long long)y, mo, d, (long long)(secs / 3600), (long long)(secs / 60 % 60), (long long)(secs % 60));
	mkdirs(sb->buf);
}

/* Capture's form ("10/31/2026 6:00:12 AM") has whole seconds: a time with
 * milliseconds is written in ISO 8601 instead, so that both forms of the
 * events keep the same times. */
static const char *enqueued_text(pst_time t, char *buf, size_t size)
{
	int64_t ms = ((t % 1000) + 1000) % 1000;
	char iso[PST_TIME_BUF];

	if (!ms)
		return pst_capture_time_format(t, buf, size);
	pst_time_format(t - ms, iso, sizeof(iso));
	snprintf(buf, size, "%.*s.%03lldZ", (int)strlen(iso) - 1, iso, (long long)ms);
	return buf;
}

/* Writes lines [i, j) to the file of the window starting at start. */
static int write_window(const char *out, const struct pst_capture_convert_opts *o, const struct line *v, size_t i,
                        size_t j, pst_time start, struct pst_error *err)
{
	struct pst_capture_writer w;
	struct strbuf path = STRBUF_INIT;
	char when[40];
	int rc;

	file_name(out, o, start, &path);
	rc = pst_capture_writer_open(&w, path.buf, o->codec, o->block_size, o->schema, err);
	for (; rc == PST_OK && i < j; i++) {
		const char *t = o->enqueued ? o->enqueued : enqueued_text(v[i].t, when, sizeof(when));

		rc = pst_capture_writer_add(&w, t, v[i].text, v[i].len, err);
	}
	if (rc == PST_OK)
		rc = pst_capture_writer_close(&w, err);
	else if (w.fw)
		pst_capture_writer_close(&w, NULL);
	if (rc == PST_OK && (strcmp(o->codec, "null") == 0 || strcmp(o->codec, "deflate") == 0))
		rc = pst_capture_set_sync(path.buf, path.buf + strlen(out), err);
	strbuf_release(&path);
	return rc;
}

static pst_time window_of(const struct pst_capture_convert_opts *o, pst_time t, pst_time first)
{
	if (!o->window_ms)
		return first;
	return t - ((t % o->window_ms) + o->window_ms) % o->window_ms;
}

static int write_all(const char *out, const struct pst_capture_convert_opts *o, const struct lines *ls,
                     struct pst_capture_convert_stats *st, struct pst_error *err)
{
	size_t i = 0, j;
	int rc = PST_OK;

	while (i < ls->n && ls->v[i].t == PST_TIME_NONE)
		i++;
	st->skipped = i;
	for (; i < ls->n && rc == PST_OK; i = j) {
		pst_time start = window_of(o, ls->v[i].t, ls->v[i].t);

		for (j = i; j < ls->n && window_of(o, ls->v[j].t, ls->v[i].t) == start; j++)
			;
		rc = write_window(out, o, ls->v, i, j, start, err);
		st->files++;
		st->lines += j - i;
	}
	return rc;
}

int pst_capture_convert(const char *const *inputs, size_t ninputs, const char *out,
                        const struct pst_capture_convert_opts *o, struct pst_capture_convert_stats *st,
                        struct pst_error *err)
{
	struct lines ls;
	size_t i;
	int rc = PST_OK;

	memset(&ls, 0, sizeof(ls));
	memset(st, 0, sizeof(*st));
	for (i = 0; i < ninputs && rc == PST_OK; i++)
		rc = add_input(&ls, inputs[i], o, err);
	if (rc == PST_OK) {
		pst_sort(ls.v, ls.n, sizeof(*ls.v), cmp_line);
		rc = write_all(out, o, &ls, st, err);
	}
	lines_release(&ls);
	return rc;
}
