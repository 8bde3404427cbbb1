/* ingest.c: the driver.  Walks paths, opens each file, sniffs its format,
 * hands it to a reader, and keeps the per-file report.  pst_emit completes
 * each record (time by precedence, subscription) before the sink sees it. */
#include "ingest_int.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "posture/strbuf.h"

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

static void fill_time(struct pst_file_ctx *fc, struct pst_record *rec)
{
	if (rec->observed != PST_TIME_NONE)
		return;
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
	fill_subscription(fc, rec);
	count_record(fc->rep, rec);
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
	if (!fc->in) {
		*got = 0;
		return PST_OK;
	}
	rc = pst_filein_read(fc->in, buf, n, got, err);
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

/* Reads up to PST_HEAD_BYTES into head. */
static int read_head(struct pst_filein *in, unsigned char *head, size_t *nhead, struct pst_error *err)
{
	size_t got;
	int rc;

	*nhead = 0;
	do {
		rc = pst_filein_read(in, head + *nhead, PST_HEAD_BYTES - *nhead, &got, err);
		if (rc)
			return rc;
		*nhead += got;
	} while (got && *nhead < PST_HEAD_BYTES);
	return PST_OK;
}

static int dispatch(struct pst_file_ctx *fc, struct pst_error *err)
{
	size_t i = skip_bom_blank(fc->head, fc->nhead);

	if (i == fc->nhead) {
		pst_set_format(fc, PST_FMT_EMPTY, NULL);
		return pst_fail(err, PST_EDATA, "%s: empty file (no records)", fc->path);
	}
	if (pst_sniff_json(fc->head, fc->nhead))
		return pst_read_json(fc, err);
	if (memchr(fc->head, '\0', fc->nhead) == NULL)
		return pst_read_csv(fc, err);
	return pst_fail(err, PST_EDATA, "%s: unknown format (not JSON, CSV, gzip or Avro)", fc->path);
}

static int read_avro_file(struct pst_file_ctx *fc, struct pst_error *err)
{
	int rc;

	pst_set_format(fc, PST_FMT_AVRO_CAPTURE, NULL);
	rc = pst_file_sha256(fc->path, fc->rep->sha256, &fc->rep->size, err);
	if (rc)
		return rc;
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
	rc = read_head(&in, head, &nhead, err);
	if (rc)
		goto out;
	fc->in = &in;
	fc->head = head;
	fc->nhead = nhead;
	if (pst_sniff_avro(head, nhead)) {
		pst_filein_close(&in);
		rc = read_avro_file(fc, err);
		goto out_free;
	}
	rc = dispatch(fc, err);
	if (rc == PST_OK) {
		rc = pst_filein_finish(&in, fc->rep->sha256, err);
		fc->rep->size = in.raw_size;
	}
out:
	pst_filein_close(&in);
out_free:
	free(head);
	fc->in = NULL;
	fc->head = NULL;
	return rc;
}

struct walk {
	struct pst_sources *ing;
	const struct pst_ingest_opts *opts;
	pst_record_fn fn;
	void *ctx;
	struct pst_avro_reader *avro;
};

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

static int walk_file(struct walk *w, const char *path, const struct stat *st, struct pst_error *err)
{
	struct pst_file_ctx fc;
	struct pst_source *r = pst_sources_add(w->ing, path);
	size_t idx = w->ing->nfiles - 1;
	int rc;

	memset(&fc, 0, sizeof(fc));
	fc.path = r->path;
	fc.rep = r;
	fc.opts = w->opts;
	fc.fn = w->fn;
	fc.fn_ctx = w->ctx;
	fc.avro = &w->avro;
	fc.mtime = (pst_time)st->st_mtime * 1000;
	if (!pst_time_from_name(path, &fc.name_time))
		fc.name_time = PST_TIME_NONE;
	r->size = (uint64_t)st->st_size;
	pst_progress_file_begin(w->opts->progress);
	rc = read_file(&fc, err);
	r = &w->ing->files[idx]; /* the array does not move while reading, but be safe */
	if (r->size > fc.progress_pos) /* the rest: what the hash read, or an Avro file */
		pst_progress_bytes(w->opts->progress, r->size - fc.progress_pos);
	add_totals(w->ing, r);
	if (rc && err->status != rc)
		err->status = rc;
	return rc ? file_failed(w, r, rc, err) : PST_OK;
}

static int walk_path(struct walk *w, const char *path, struct pst_error *err);

static int walk_dir(struct walk *w, const char *path, struct pst_error *err)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;
	int rc = PST_OK;

	if (!d)
		return pst_fail(err, PST_ENOINPUT, "%s: cannot read folder: %s", path, strerror(errno));
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
			rc = walk_path(w, sub.buf, err);
			strbuf_release(&sub);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

static int walk_path(struct walk *w, const char *path, struct pst_error *err)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		struct pst_source *r = pst_sources_add(w->ing, path);

		pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
		return file_failed(w, r, PST_ENOINPUT, err);
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(w, path, err);
	if (!S_ISREG(st.st_mode))
		return PST_OK;
	return walk_file(w, path, &st, err);
}

int pst_ingest_paths(struct pst_sources *ing, const char *const *paths, size_t npaths,
                     const struct pst_ingest_opts *opts, pst_record_fn fn, void *ctx,
                     struct pst_error *err)
{
	static const struct pst_ingest_opts defaults;
	struct walk w;
	size_t i;
	int rc = PST_OK;

	w.ing = ing;
	w.opts = opts ? opts : &defaults;
	w.fn = fn;
	w.ctx = ctx;
	w.avro = NULL;
	for (i = 0; i < npaths && rc == PST_OK; i++)
		rc = walk_path(&w, paths[i], err);
	pst_avro_reader_free(w.avro);
	return rc;
}
