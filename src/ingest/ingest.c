/* ingest.c: the driver.  Walks paths, opens each file, sniffs its format,
 * hands it to a reader, and keeps the per-file report.  pst_emit completes
 * each record (time by precedence, subscription) before the sink sees it. */
#include "ingest_int.h"
#include "json/json_arena.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

static void pick_time(struct pst_file_ctx *fc, struct pst_record *rec);

void pst_set_format(struct pst_file_ctx *fc, enum pst_format f, const char *detail)
{
	fc->rep->format = f;
	free(fc->rep->detail);
	fc->rep->detail = detail ? xstrdup(detail) : NULL;
}

static void add_diag(struct pst_file_ctx *fc, enum pst_diag_code code, const struct pst_origin *at,
                     const char *fmt, va_list ap)
{
	struct pst_source *r = fc->rep;
	struct pst_diag_place place = {NULL, 0, 0, 0};

	if (code == PST_DC_BAD_RECORD)
		r->rejected++;
	else
		r->warnings++;
	if (at) {
		place.line = at->line;
		place.offset = at->offset;
		place.index = at->index;
	}
	pst_diags_vadd(&r->diags, code, &place, fmt, ap);
}

void pst_reject(struct pst_file_ctx *fc, const struct pst_origin *at, const char *fmt, ...)
{
	va_list ap;

	pst_gz_note_reject(fc, at);
	va_start(ap, fmt);
	add_diag(fc, PST_DC_BAD_RECORD, at, fmt, ap);
	va_end(ap);
}

void pst_warn(struct pst_file_ctx *fc, const struct pst_origin *at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	add_diag(fc, PST_DC_READ_WARNING, at, fmt, ap);
	va_end(ap);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

#define MAX_SUBS_LISTED 100000

static void note_subscription(struct pst_source *r, const char *sub)
{
	char low[128], *key = low;
	size_t i, lo = 0, hi = r->nsubscriptions;

	for (i = 0; sub[i] && i + 1 < sizeof(low); i++)
		low[i] = (sub[i] >= 'A' && sub[i] <= 'Z') ? (char)(sub[i] + 32) : sub[i];
	low[i] = '\0';
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(r->subscriptions[mid], key);

		if (c == 0)
			return;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (r->nsubscriptions >= MAX_SUBS_LISTED)
		return;
	PST_GROW(r->subscriptions, r->subs_alloc, r->nsubscriptions + 1);
	memmove(r->subscriptions + lo + 1, r->subscriptions + lo, (r->nsubscriptions - lo) * sizeof(char *));
	r->subscriptions[lo] = xstrdup(key);
	r->nsubscriptions++;
}

static const char *record_resource_id(const struct pst_record *rec)
{
	switch (rec->type) {
	case PST_REC_ASSESSMENT:
		return rec->u.assessment.resource_id;
	case PST_REC_SUB_ASSESSMENT:
		return rec->u.sub.resource_id;
	case PST_REC_GOVERNANCE:
		return rec->u.gov.resource_id;
	case PST_REC_ALERT:
		return rec->u.alert.resource_id;
	default:
		return NULL;
	}
}

static void fill_subscription(struct pst_file_ctx *fc, struct pst_record *rec)
{
	const char *ids[2], *s;
	size_t n, i;

	if (rec->subscription_id && *rec->subscription_id)
		return;
	rec->subscription_id = NULL;
	ids[0] = record_resource_id(rec);
	ids[1] = rec->id;
	for (i = 0; i < 2; i++) {
		if (ids[i] && pst_id_subscription(ids[i], &s, &n) && n < sizeof(fc->subbuf)) {
			memcpy(fc->subbuf, s, n);
			fc->subbuf[n] = '\0';
			rec->subscription_id = fc->subbuf;
			return;
		}
	}
}

/* The warning for a time field present but invalid: names the field, the
 * value and the source that applies instead. */
static void warn_bad_time(struct pst_file_ctx *fc, const struct pst_record *rec, bool fell_back)
{
	const char *v = rec->bad_time_value;
	size_t len = strlen(v), cut = pst_utf8_cut(v, len, 80);

	pst_warn(fc, &rec->origin, "%s: not a valid time: '%.*s%s': %s%s", rec->bad_time_field, (int)cut, v,
	         cut < len ? "..." : "", fell_back ? "the time is taken from the " : "ignored",
	         fell_back ? (rec->time_src == PST_TS_FILENAME ? "file name" : "file's modification time") : "");
}

static void fill_time(struct pst_file_ctx *fc, struct pst_record *rec)
{
	bool preset = rec->observed != PST_TIME_NONE;

	if (!preset)
		pick_time(fc, rec);
	if (rec->bad_time_field && rec->bad_time_value)
		warn_bad_time(fc, rec, !preset && rec->time_src >= PST_TS_FILENAME &&
		                           rec->type == PST_REC_ASSESSMENT && rec->snapshot == PST_SNAP_STREAM);
}

/* Before 2015 (any source) or more than a day after the generation time (a
 * time in the data, not the file's own modification time). */
static void check_plausible(struct pst_file_ctx *fc, struct pst_record *rec)
{
	pst_time now = fc->opts ? fc->opts->now : 0;
	char t[PST_TIME_BUF], g[PST_TIME_BUF];
	bool early = rec->observed < PST_PLAUSIBLE_FROM;

	if (!early && (now <= 0 || rec->time_src == PST_TS_MTIME || rec->observed <= now + PST_MS_PER_DAY))
		return;
	rec->implausible = true;
	pst_time_format(rec->observed, t, sizeof(t));
	pst_time_format(now, g, sizeof(g));
	pst_warn(fc, &rec->origin, "implausible time %s (from %s): %s%s: the record is kept, but does not choose the "
	         "default period", t, pst_time_src_name(rec->time_src), early ? "before 2015" : "more than a day after "
	         "the generation time ", early ? "" : g);
}

static void pick_time(struct pst_file_ctx *fc, struct pst_record *rec)
{
	if (rec->type == PST_REC_ASSESSMENT && rec->snapshot == PST_SNAP_STREAM &&
	    rec->u.assessment.status_change != PST_TIME_NONE) {
		rec->observed = rec->u.assessment.status_change;
		rec->time_src = PST_TS_STATUS_CHANGE;
	} else if (fc->name_time != PST_TIME_NONE) {
		rec->observed = fc->name_time;
		rec->time_src = PST_TS_FILENAME;
	} else {
		rec->observed = fc->mtime;
		rec->time_src = PST_TS_MTIME;
	}
}

static void count_record(struct pst_source *r, const struct pst_record *rec)
{
	r->records[rec->type]++;
	r->total_records++;
	if (rec->snapshot == PST_SNAP_STREAM)
		r->stream_records++;
	else
		r->snapshot_records++;
	if (rec->action == PST_ACT_DELETE)
		r->deletes++;
	r->time_src[rec->time_src]++;
	if (r->tmin == PST_TIME_NONE || rec->observed < r->tmin)
		r->tmin = rec->observed;
	if (r->tmax == PST_TIME_NONE || rec->observed > r->tmax)
		r->tmax = rec->observed;
	if (rec->subscription_id)
		note_subscription(r, rec->subscription_id);
}

int pst_emit(struct pst_file_ctx *fc, struct pst_record *rec, struct pst_error *err)
{
	rec->origin.path = fc->path;
	fill_time(fc, rec);
	check_plausible(fc, rec);
	fill_subscription(fc, rec);
	count_record(fc->rep, rec);
	pst_gz_note_emit(fc, rec);
	return fc->fn ? fc->fn(fc->fn_ctx, rec, err) : PST_OK;
}

int pst_fc_read(struct pst_file_ctx *fc, void *buf, size_t n, size_t *got, struct pst_error *err)
{
	uint64_t pos;
	int rc;

	if (fc->head_pos < fc->nhead) {
		size_t k = fc->nhead - fc->head_pos;

		if (k > n)
			k = n;
		memcpy(buf, fc->head + fc->head_pos, k);
		fc->head_pos += k;
		*got = k;
		return PST_OK;
	}
	*got = 0;
	if (!fc->in || fc->damaged)
		return PST_OK;
	rc = fc->enc ? pst_enc_read(fc->enc, fc->in, buf, n, got, err) : pst_filein_read(fc->in, buf, n, got, err);
	if (rc == PST_EDATA && fc->in->damage) {
		/* the records decoded before it are kept; the rest is not read
		 * (ingest_gzip.c reports it) */
		pst_gz_note_damage(fc);
		*got = 0;
		return PST_OK;
	}
	pos = fc->in->gzip ? fc->in->raw_size : fc->in->offset;
	if (pos > fc->progress_pos) {
		pst_progress_bytes(fc->opts->progress, pos - fc->progress_pos);
		fc->progress_pos = pos;
	}
	return rc;
}

bool pst_sniff_avro(const unsigned char *head, size_t n)
{
	return n >= 4 && memcmp(head, "Obj\x01", 4) == 0;
}

static size_t skip_bom_blank(const unsigned char *h, size_t n)
{
	size_t i = 0;

	if (n >= 3 && h[0] == 0xEF && h[1] == 0xBB && h[2] == 0xBF)
		i = 3;
	while (i < n && (h[i] == ' ' || h[i] == '\t' || h[i] == '\r' || h[i] == '\n'))
		i++;
	return i;
}

bool pst_sniff_json(const unsigned char *head, size_t n)
{
	size_t i = skip_bom_blank(head, n);

	return i < n && (head[i] == '{' || head[i] == '[');
}

/* Reads up to PST_HEAD_BYTES into head through pst_fc_read (gunzipped,
 * transcoded). */
static int read_head(struct pst_file_ctx *fc, unsigned char *head, size_t *nhead, struct pst_error *err)
{
	size_t got;
	int rc;

	*nhead = 0;
	fc->head_pos = fc->nhead = 0;
	do {
		rc = pst_fc_read(fc, head + *nhead, PST_HEAD_BYTES - *nhead, &got, err);
		if (rc)
			return rc;
		*nhead += got;
	} while (got && *nhead < PST_HEAD_BYTES);
	return PST_OK;
}

/* UTF-16 / UTF-32 with a byte-order mark is transcoded; then a head that is
 * all blank is passed over, however long the blank run (its lines are
 * counted for the readers' line numbers). */
static int text_head(struct pst_file_ctx *fc, unsigned char *head, size_t *nhead, struct pst_error *err)
{
	size_t bom, i;
	enum pst_text_enc enc = pst_enc_detect(head, *nhead, &bom);
	int rc = PST_OK;

	if (enc != PST_ENC_UTF8) {
		fc->enc = pst_enc_new(enc, head + bom, *nhead - bom);
		rc = read_head(fc, head, nhead, err);
	} else if (pst_enc_looks_utf16(head, *nhead)) {
		return pst_fail(err, PST_EDATA, "%s: UTF-16 text without a byte-order mark: save it as UTF-8 (or as "
		                "Unicode text with its BOM)", fc->path);
	}
	while (rc == PST_OK && *nhead == PST_HEAD_BYTES && skip_bom_blank(head, *nhead) == *nhead) {
		for (i = 0; i < *nhead; i++)
			fc->skip_lines += head[i] == '\n';
		fc->skip_bytes += *nhead;
		rc = read_head(fc, head, nhead, err);
	}
	return rc;
}

/* A NUL byte in the first line (the header, or the first record) makes the
 * file unknown (binary); later, it rejects the record that holds it. */
static bool nul_in_first_line(const unsigned char *h, size_t n)
{
	size_t i;

	for (i = skip_bom_blank(h, n); i < n && h[i] != '\n' && h[i] != '\r'; i++)
		if (h[i] == '\0')
			return true;
	return false;
}

static int dispatch(struct pst_file_ctx *fc, struct pst_error *err)
{
	size_t i = skip_bom_blank(fc->head, fc->nhead);

	if (i == fc->nhead) {
		pst_set_format(fc, PST_FMT_EMPTY, NULL);
		if (fc->damaged)
			return PST_OK; /* the gzip damage is listed; nothing before it */
		return pst_fail(err, PST_EDATA, "%s: empty file (no records)", fc->path);
	}
	if (pst_sniff_json(fc->head, fc->nhead))
		return pst_read_json(fc, err);
	if (!nul_in_first_line(fc->head, fc->nhead))
		return pst_read_csv(fc, err);
	return pst_fail(err, PST_EDATA, "%s: unknown format (not JSON, CSV, gzip or Avro)", fc->path);
}

static int read_avro_file(struct pst_file_ctx *fc, struct pst_error *err)
{
	pst_set_format(fc, PST_FMT_AVRO_CAPTURE, NULL);
	fc->in = NULL;
	fc->nhead = 0;
	return pst_read_avro(fc, err);
}

static int read_file(struct pst_file_ctx *fc, struct pst_error *err)
{
	struct pst_filein in;
	unsigned char *head = xmalloc(PST_HEAD_BYTES);
	size_t nhead = 0;
	int rc;

	rc = pst_filein_open(&in, fc->path, err);
	if (rc)
		goto out_free;
	fc->rep->gzip = in.gzip;
	fc->in = &in;
	if (in.gzip)
		pst_gz_watch_start(fc);
	rc = read_head(fc, head, &nhead, err);
	if (rc)
		goto out;
	if (pst_sniff_avro(head, nhead) && fc->stream) {
		rc = pst_fail(err, PST_EDATA, "%s: an Avro file read from a pipe: save it to a file first", fc->path);
		goto out;
	}
	if (pst_sniff_avro(head, nhead)) {
		pst_gz_watch_end(fc);
		pst_filein_close(&in);
		rc = read_avro_file(fc, err);
		goto out_free;
	}
	rc = text_head(fc, head, &nhead, err);
	fc->head = head;
	fc->nhead = nhead;
	fc->head_pos = 0;
	if (rc == PST_OK)
		rc = dispatch(fc, err);
	rc = pst_gz_reader_failed(fc, rc, err);
	if (rc == PST_OK && fc->damaged)
		pst_gz_report(fc);
	if (rc == PST_OK) {
		rc = pst_filein_finish(&in, fc->rep->sha256, err);
		fc->rep->size = in.raw_size;
	}
	if (rc == PST_OK && in.trailing_at)
		pst_warn(fc, NULL, "gzip: %llu bytes after the end of the compressed data (from offset %llu) ignored",
		         (unsigned long long)(in.raw_size - in.trailing_at), (unsigned long long)in.trailing_at);
out:
	pst_filein_close(&in);
out_free:
	pst_gz_watch_end(fc);
	free(head);
	pst_enc_free(fc->enc);
	fc->enc = NULL;
	fc->in = NULL;
	fc->head = NULL;
	return rc;
}

/* The (device, inode) of every folder and file read: a symbolic link loop
 * or a second name for a file is read once.  An open-addressing set. */
struct seen_set {
	struct seen_key {
		uint64_t dev, ino;
		bool used;
	} *keys;
	size_t n, cap;
};

static size_t seen_slot(const struct seen_set *s, uint64_t dev, uint64_t ino)
{
	size_t i = (size_t)((dev * 0x9E3779B97F4A7C15u) ^ (ino * 0xC2B2AE3D27D4EB4Fu)) & (s->cap - 1);

	while (s->keys[i].used && (s->keys[i].dev != dev || s->keys[i].ino != ino))
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Adds st's identity; false when it was there already. */
static bool seen_add(struct seen_set *s, const struct stat *st)
{
	size_t i;

	if (s->n * 2 >= s->cap) {
		struct seen_set bigger = {NULL, 0, s->cap ? s->cap * 2 : 256};

		bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
		for (i = 0; i < s->cap; i++)
			if (s->keys[i].used)
				bigger.keys[seen_slot(&bigger, s->keys[i].dev, s->keys[i].ino)] = s->keys[i];
		bigger.n = s->n;
		free(s->keys);
		*s = bigger;
	}
	i = seen_slot(s, (uint64_t)st->st_dev, (uint64_t)st->st_ino);
	if (s->keys[i].used)
		return false;
	s->keys[i].dev = (uint64_t)st->st_dev;
	s->keys[i].ino = (uint64_t)st->st_ino;
	s->keys[i].used = true;
	s->n++;
	return true;
}

struct walk {
	struct pst_sources *ing;
	const struct pst_ingest_opts *opts;
	pst_record_fn fn;
	void *ctx;
	struct pst_avro_reader *avro;
	struct pst_ingest_job **jobs;   /* pst_ingest_list: files listed, not read */
	size_t *njobs, jobs_alloc;
	struct seen_set seen;
};

/* A path passed over, listed with the reason (and counted as a warning). */
static int skip_path(struct walk *w, const char *path, const char *why)
{
	struct pst_source *r = pst_sources_add(w->ing, path);

	r->skipped = xstrdup(why);
	w->ing->skipped_files++;
	w->ing->warnings++;
	return PST_OK;
}

static int file_failed(struct walk *w, struct pst_source *r, int rc, struct pst_error *err)
{
	r->failed = true;
	r->fail_status = rc;
	r->error = xstrdup(err->msg);
	w->ing->failed_files++;
	return w->opts->skip_bad ? PST_OK : rc;
}

static void add_totals(struct pst_sources *ing, const struct pst_source *r)
{
	size_t i;

	for (i = 0; i < PST_REC__COUNT; i++)
		ing->records[i] += r->records[i];
	ing->total_records += r->total_records;
	ing->rejected += r->rejected;
	ing->warnings += r->warnings;
}

int pst_ingest_job_read(struct pst_sources *ing, const struct pst_ingest_job *job,
                        const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                        struct pst_ingest_reader *rd, struct pst_error *err)
{
	struct pst_file_ctx fc;
	struct pst_source *r = &ing->files[job->source];
	int rc;

	memset(&fc, 0, sizeof(fc));
	fc.path = r->path;
	fc.rep = r;
	fc.opts = opts;
	fc.fn = fn;
	fc.fn_ctx = ctx;
	fc.avro = &rd->avro;
	fc.mtime = job->mtime;
	fc.stream = job->stream;
	if (!pst_time_from_name(r->path, &fc.name_time))
		fc.name_time = PST_TIME_NONE;
	r->size = job->size;
	pst_progress_file_begin(opts->progress);
	rc = read_file(&fc, err);
	r = &ing->files[job->source];
	if (r->size > fc.progress_pos) /* the rest: what the hash read, or an Avro file */
		pst_progress_bytes(opts->progress, r->size - fc.progress_pos);
	return rc;
}

int pst_ingest_job_done(struct pst_sources *ing, const struct pst_ingest_job *job, const struct pst_ingest_opts *opts,
                        int rc, struct pst_error *err)
{
	struct walk w;
	struct pst_source *r = &ing->files[job->source];

	memset(&w, 0, sizeof(w));
	w.ing = ing;
	w.opts = opts;
	add_totals(ing, r);
	if (rc && err->status != rc)
		err->status = rc;
	return rc ? file_failed(&w, r, rc, err) : PST_OK;
}

void pst_ingest_reader_release(struct pst_ingest_reader *rd)
{
	pst_avro_reader_free(rd->avro);
	rd->avro = NULL;
	pst_jarena_release();
}

static int walk_file(struct walk *w, const char *path, const struct stat *st, struct pst_error *err)
{
	struct pst_ingest_job job = {0, (pst_time)st->st_mtime * 1000, (uint64_t)st->st_size, !S_ISREG(st->st_mode)};
	struct pst_ingest_reader rd = {w->avro};
	int rc;

	pst_sources_add(w->ing, path);
	job.source = w->ing->nfiles - 1;
	if (w->jobs) {
		PST_GROW(*w->jobs, w->jobs_alloc, *w->njobs + 1);
		(*w->jobs)[(*w->njobs)++] = job;
		return PST_OK;
	}
	rc = pst_ingest_job_read(w->ing, &job, w->opts, w->fn, w->ctx, &rd, err);
	w->avro = rd.avro;
	return pst_ingest_job_done(w->ing, &job, w->opts, rc, err);
}

static int walk_path(struct walk *w, const char *path, bool named, struct pst_error *err);

static int walk_dir(struct walk *w, const char *path, struct pst_error *err)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = PST_OK;

	if (!d) {
		pst_fail(err, PST_ENOINPUT, "%s: cannot read folder: %s", path, strerror(errno));
		return file_failed(w, pst_sources_add(w->ing, path), PST_ENOINPUT, err); /* listed with --skip-bad */
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		PST_GROW(names, alloc, n + 1);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	pst_sort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n; i++) {
		struct strbuf sub = STRBUF_INIT;

		if (rc == PST_OK) {
			strbuf_addf(&sub, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
			rc = walk_path(w, sub.buf, false, err);
			strbuf_release(&sub);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

/* named: given on the command line, where a pipe or device is read as a
 * stream (posture inspect <(zcat x.gz)); in a folder only regular files
 * and folders are read. */
static int walk_path(struct walk *w, const char *path, bool named, struct pst_error *err)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		struct pst_source *r = pst_sources_add(w->ing, path);

		pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
		return file_failed(w, r, PST_ENOINPUT, err);
	}
	if (S_ISDIR(st.st_mode) && !seen_add(&w->seen, &st))
		return skip_path(w, path, "a folder already read (a symbolic link loop?): skipped");
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, err);
	if (S_ISREG(st.st_mode) && !seen_add(&w->seen, &st))
		return skip_path(w, path, "the same file as one already read (another name or link): skipped");
	if (S_ISREG(st.st_mode) || (named && (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))))
		return walk_file(w, path, &st, err);
	return skip_path(w, path, S_ISFIFO(st.st_mode) ? "a pipe in a folder: skipped (name it on the command line "
	                 "to read it)" : "not a regular file (a socket or device): skipped");
}

/* Walks every path with w (set up by the caller), then frees what the walk
 * kept: the visited set and the Avro reader. */
static int walk_all(struct walk *w, const char *const *paths, size_t npaths, struct pst_error *err)
{
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < npaths && rc == PST_OK; i++)
		rc = walk_path(w, paths[i], true, err);
	pst_avro_reader_free(w->avro);
	free(w->seen.keys);
	return rc;
}

static void walk_init(struct walk *w, struct pst_sources *ing, const struct pst_ingest_opts *opts)
{
	static const struct pst_ingest_opts defaults;

	memset(w, 0, sizeof(*w));
	w->ing = ing;
	w->opts = opts ? opts : &defaults;
}

int pst_ingest_paths(struct pst_sources *ing, const char *const *paths, size_t npaths,
                     const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                     struct pst_error *err)
{
	struct walk w;

	walk_init(&w, ing, opts);
	w.fn = fn;
	w.ctx = ctx;
	return walk_all(&w, paths, npaths, err);
}

int pst_ingest_list(struct pst_sources *ing, const char *const *paths, size_t npaths,
                    const struct pst_ingest_opts *opts, struct pst_ingest_job **jobs, size_t *njobs,
                    struct pst_error *err)
{
	struct walk w;

	walk_init(&w, ing, opts);
	*jobs = NULL;
	*njobs = 0;
	w.jobs = jobs;
	w.njobs = njobs;
	return walk_all(&w, paths, npaths, err);
}
