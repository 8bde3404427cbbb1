/* ndjson2avro.c: turns NDJSON export files into Event Hubs Capture files
 * (Avro), the way Capture would have stored the same events: each line is
 * one Body; its EnqueuedTimeUtc is the observed time posture gives that
 * line when reading the NDJSON (so both forms give the same timeline);
 * lines are sorted by that time and cut into one file per time window,
 * laid out as OUT/NS/HUB/0/YYYY/MM/DD/HH/mm/ss.avro (the window start).
 *
 *   ndjson2avro [--codec null|deflate] [--window SECONDS] [--block-size BYTES]
 *               [--enqueued TIME] [--schema-json JSON] OUT FILE.ndjson...
 *
 * --window 0 writes one file.  --enqueued gives every line that time
 * without reading the lines (any text: bad times are for tests).
 * --schema-json writes another schema (with whichever Capture fields it
 * has), for tests.  Build (after `make`):
 *   cc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o build/ndjson2avro tests/tools/ndjson2avro.c \
 *      build/libposture.a -lcjson -lxlsxwriter -lz -lavro -lhpdf -lm
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "posture/ingest.h"
#include "posture/strbuf.h"
#include "../../src/ingest/avro_writer.h"

#define NS_HUB "posture-ns/defender-export"

struct line {
	char *text;
	size_t len;
	uint64_t no;           /* 1-based line number in its file */
	pst_time t;            /* the observed time of its first record */
	size_t seq;            /* input order, for a stable sort */
};

struct lines {
	struct line *v;
	size_t n, alloc;
	size_t first;          /* where the current input file's lines start */
};

struct opts {
	const char *codec;
	const char *enqueued;  /* NULL: from posture's reading of each line */
	const char *schema;    /* NULL: the Capture schema */
	int64_t window_ms;
	size_t block;
	const char *out;
};

/* Sink: the first record of each line gives the line's time (the current
 * file's lines are in line order: binary search). */
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

static int load_lines(struct lines *ls, const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0;
	ssize_t got;
	uint64_t no = 0;

	if (!f) {
		fprintf(stderr, "ndjson2avro: %s: %s\n", path, strerror(errno));
		return 1;
	}
	while ((got = getline(&buf, &cap, f)) >= 0) {
		size_t n = (size_t)got;

		no++;
		while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
			n--;
		if (!n)
			continue;
		PST_GROW(ls->v, ls->alloc, ls->n + 1);
		ls->v[ls->n] = (struct line){xstrndup(buf, n), n, no, PST_TIME_NONE, ls->n};
		ls->n++;
	}
	free(buf);
	fclose(f);
	return 0;
}

static int add_file(struct lines *ls, const char *path, const struct opts *o)
{
	struct pst_ingest ing;
	struct pst_error err;
	const char *paths[1];
	size_t i;
	int rc;

	ls->first = ls->n;
	if (load_lines(ls, path))
		return 1;
	if (o->enqueued) {
		for (i = ls->first; i < ls->n; i++)
			ls->v[i].t = 0;
		return 0;
	}
	paths[0] = path;
	pst_ingest_init(&ing);
	rc = pst_ingest_paths(&ing, paths, 1, NULL, on_record, ls, &err);
	if (rc)
		fprintf(stderr, "ndjson2avro: %s\n", err.msg);
	pst_ingest_release(&ing);
	return rc != PST_OK;
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

static void file_name(const struct opts *o, pst_time start, struct strbuf *sb)
{
	int64_t y;
	unsigned mo, d;
	int64_t days = start / PST_MS_PER_DAY, secs = (start % PST_MS_PER_DAY) / 1000;

	pst_civil_from_days(days, &y, &mo, &d);
	strbuf_reset(sb);
	strbuf_addf(sb, "%s/%s/0/%04lld/%02u/%02u/%02lld/%02lld/%02lld.avro", o->out, NS_HUB, (long long)y, mo, d,
	            (long long)(secs / 3600), (long long)(secs / 60 % 60), (long long)(secs % 60));
	mkdirs(sb->buf);
}

/* Writes lines [i, j) to one file; returns 0 on success. */
static int write_window(const struct opts *o, const struct line *v, size_t i, size_t j, pst_time start)
{
	struct pst_capture_writer w;
	struct pst_error err;
	struct strbuf path = STRBUF_INIT;
	char when[40];
	int rc;

	file_name(o, start, &path);
	rc = pst_capture_writer_open(&w, path.buf, o->codec, o->block, o->schema, &err);
	for (; rc == PST_OK && i < j; i++) {
		const char *t = o->enqueued ? o->enqueued : pst_capture_time_format(v[i].t, when, sizeof(when));

		rc = pst_capture_writer_add(&w, t, v[i].text, v[i].len, &err);
	}
	if (w.fw)
		rc = rc ? (pst_capture_writer_close(&w, NULL), rc) : pst_capture_writer_close(&w, &err);
	if (rc)
		fprintf(stderr, "ndjson2avro: %s\n", err.msg);
	strbuf_release(&path);
	return rc != PST_OK;
}

static pst_time window_of(const struct opts *o, pst_time t, pst_time first)
{
	if (!o->window_ms)
		return first;
	return t - ((t % o->window_ms) + o->window_ms) % o->window_ms;
}

static int write_all(const struct opts *o, struct lines *ls)
{
	size_t i = 0, j, skipped = 0;
	int bad = 0;

	while (i < ls->n && ls->v[i].t == PST_TIME_NONE) {
		skipped++;
		i++;
	}
	if (skipped)
		fprintf(stderr, "ndjson2avro: %zu lines gave no record and are left out\n", skipped);
	for (; i < ls->n && !bad; i = j) {
		pst_time start = window_of(o, ls->v[i].t, ls->v[i].t);

		for (j = i; j < ls->n && window_of(o, ls->v[j].t, ls->v[i].t) == start; j++)
			;
		bad = write_window(o, ls->v, i, j, start);
	}
	return bad;
}

static int usage(void)
{
	fputs("usage: ndjson2avro [--codec null|deflate] [--window SECONDS] [--block-size BYTES]\n"
	      "                   [--enqueued TIME] [--schema-json JSON] OUT FILE.ndjson...\n",
	      stderr);
	return 64;
}

int main(int argc, char **argv)
{
	struct opts o = {"deflate", NULL, NULL, 60000, 0, NULL};
	struct lines ls = {NULL, 0, 0, 0};
	int64_t v;
	int i, bad = 0;

	for (i = 1; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (strcmp(argv[i], "--codec") == 0)
			o.codec = argv[i + 1];
		else if (strcmp(argv[i], "--window") == 0 && pst_parse_i64(argv[i + 1], &v) && v >= 0)
			o.window_ms = v * 1000;
		else if (strcmp(argv[i], "--enqueued") == 0)
			o.enqueued = argv[i + 1];
		else if (strcmp(argv[i], "--schema-json") == 0)
			o.schema = argv[i + 1];
		else if (strcmp(argv[i], "--block-size") == 0 && pst_parse_i64(argv[i + 1], &v) && v > 0)
			o.block = (size_t)v;
		else
			return usage();
	}
	if (i + 1 >= argc)
		return usage();
	o.out = argv[i++];
	for (; i < argc && !bad; i++)
		bad = add_file(&ls, argv[i], &o);
	if (!bad) {
		qsort(ls.v, ls.n, sizeof(*ls.v), cmp_line);
		bad = write_all(&o, &ls);
	}
	for (i = 0; (size_t)i < ls.n; i++)
		free(ls.v[i].text);
	free(ls.v);
	return bad ? 65 : 0;
}
