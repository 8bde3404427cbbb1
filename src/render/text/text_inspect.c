/* text_inspect.c: `posture inspect` as text or JSON: what was read, file
 * by file, from the sources model (text.h). */
#include "posture/jsonw.h"
#include "posture/strbuf.h"
#include "posture/text.h"
#include "posture/utf8.h"

#define SUBS_SHOWN 5

static void text_counts(FILE *out, const uint64_t *records, uint64_t total)
{
	size_t t;
	const char *sep = ": ";

	fprintf(out, "%llu", (unsigned long long)total);
	for (t = 0; t < PST_REC__COUNT; t++) {
		if (!records[t])
			continue;
		fprintf(out, "%s%s %llu", sep, pst_rec_type_name((enum pst_rec_type)t), (unsigned long long)records[t]);
		sep = ", ";
	}
	fputc('\n', out);
}

static void text_times(FILE *out, const struct pst_source *r)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	const char *sep = " (";
	size_t s;

	if (r->tmin == PST_TIME_NONE)
		return;
	fprintf(out, "  times         %s .. %s", pst_time_format(r->tmin, a, sizeof(a)),
	        pst_time_format(r->tmax, b, sizeof(b)));
	for (s = 0; s < PST_TS__COUNT; s++) {
		if (!r->time_src[s])
			continue;
		fprintf(out, "%sfrom %s: %llu", sep, pst_time_src_name((enum pst_time_src)s),
		        (unsigned long long)r->time_src[s]);
		sep = ", ";
	}
	fputs(")\n", out);
}

static void text_subs(FILE *out, const struct pst_source *r)
{
	size_t i;

	if (!r->nsubscriptions)
		return;
	fprintf(out, "  subscriptions %zu:", r->nsubscriptions);
	for (i = 0; i < r->nsubscriptions && i < SUBS_SHOWN; i++)
		fprintf(out, "%s %s", i ? "," : "", r->subscriptions[i]);
	if (r->nsubscriptions > SUBS_SHOWN)
		fprintf(out, " and %zu more", r->nsubscriptions - SUBS_SHOWN);
	fputc('\n', out);
}

/* s with control characters escaped (pst_utf8_escape), in sb. */
static const char *esc(struct strbuf *sb, const char *s)
{
	strbuf_reset(sb);
	pst_utf8_escape(sb, s ? s : "");
	return strbuf_cstr(sb);
}

static uint64_t kept_warnings(const struct pst_diags *d)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < d->n; i++)
		n += d->items[i].kind == PST_DIAG_WARNING;
	return n;
}

static void text_diags(FILE *out, const struct pst_source *r)
{
	struct strbuf ps = STRBUF_INIT, msg = STRBUF_INIT;
	const char *path = esc(&ps, r->path);
	size_t i;

	for (i = 0; i < r->diags.n; i++) {
		const struct pst_diag *d = &r->diags.items[i];
		const char *kind = d->code == PST_DC_BAD_RECORD ? "rejected" : "warning";

		if (d->line)
			fprintf(out, "    %s:%llu: %s: %s\n", path, (unsigned long long)d->line, kind, esc(&msg, d->msg));
		else if (!d->index && !d->offset) /* the file as a whole */
			fprintf(out, "    %s: %s: %s\n", path, kind, esc(&msg, d->msg));
		else
			fprintf(out, "    %s: record %llu (offset %llu): %s: %s\n", path, (unsigned long long)d->index,
			        (unsigned long long)d->offset, kind, esc(&msg, d->msg));
	}
	/* the diagnostics given but not kept (past the first of a file; a
	 * damaged gzip stream's report stands for the records it folded:
	 * ingest_gzip.c, and is not among them) */
	if (r->rejected > pst_diags_rejected_listed(&r->diags))
		fprintf(out, "    ... and %llu more rejected records, counted but not kept (the first %d of a file are; "
		        "--verbose lists every one)\n", (unsigned long long)(r->rejected - pst_diags_rejected_listed(&r->diags)),
		        PST_SOURCE_MAX_DIAGS);
	if (r->warnings > kept_warnings(&r->diags))
		fprintf(out, "    ... and %llu more warnings, counted but not kept (--verbose lists every one)\n",
		        (unsigned long long)(r->warnings - kept_warnings(&r->diags)));
	strbuf_release(&ps);
	strbuf_release(&msg);
}

/* The head of a file's entry: its name, and why it was skipped or failed.
 * Returns false when nothing more is to be said. */
static bool text_file_head(FILE *out, const struct pst_source *r)
{
	struct strbuf sb = STRBUF_INIT;
	bool more = true;

	fprintf(out, "%s\n", esc(&sb, r->path));
	if (r->skipped) {
		fprintf(out, "  skipped       %s\n", r->skipped);
		more = false;
	} else if (r->failed) {
		fprintf(out, "  FAILED        %s\n", esc(&sb, r->error));
		/* --skip-bad: the records read before the failure are kept (README) */
		if (r->total_records)
			fprintf(out, "  partly read   the %llu records before the failure are kept\n",
			        (unsigned long long)r->total_records);
		more = r->total_records != 0;
	}
	strbuf_release(&sb);
	return more;
}

static void text_file(FILE *out, const struct pst_source *r)
{
	if (!text_file_head(out, r))
		return;
	fprintf(out, "  format        %s%s%s%s\n", pst_format_name(r->format), r->detail ? " " : "",
	        r->detail ? r->detail : "", r->gzip ? " (gzip)" : "");
	fprintf(out, "  records       ");
	text_counts(out, r->records, r->total_records);
	fprintf(out, "  kind          snapshot %llu, stream %llu, deletes %llu\n",
	        (unsigned long long)r->snapshot_records, (unsigned long long)r->stream_records,
	        (unsigned long long)r->deletes);
	text_subs(out, r);
	text_times(out, r);
	if (r->rejected || r->warnings)
		fprintf(out, "  rejected      %llu, warnings %llu\n", (unsigned long long)r->rejected,
		        (unsigned long long)r->warnings);
	text_diags(out, r);
}

static void text_report(FILE *out, const struct pst_sources *ing)
{
	size_t i;

	for (i = 0; i < ing->nfiles; i++)
		text_file(out, &ing->files[i]);
	fprintf(out, "\ntotal: %zu files (%zu failed", ing->nfiles - ing->skipped_files, ing->failed_files);
	if (ing->skipped_files)
		fprintf(out, ", %zu skipped", ing->skipped_files);
	fprintf(out, "), %llu rejected, %llu warnings, records ", (unsigned long long)ing->rejected,
	        (unsigned long long)ing->warnings);
	text_counts(out, ing->records, ing->total_records);
}

static void json_records(struct pst_jsonw *w, const uint64_t *records)
{
	size_t t;

	pst_jsonw_key(w, "records");
	pst_jsonw_object_begin(w);
	for (t = 0; t < PST_REC__COUNT; t++)
		pst_jsonw_kv_int(w, pst_rec_type_name((enum pst_rec_type)t), (int64_t)records[t]);
	pst_jsonw_object_end(w);
}

static void json_diags(struct pst_jsonw *w, const struct pst_source *r, enum pst_diag_kind kind)
{
	size_t i;

	pst_jsonw_array_begin(w);
	for (i = 0; i < r->diags.n; i++) {
		const struct pst_diag *d = &r->diags.items[i];

		if (d->kind != kind)
			continue;
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_int(w, "line", (int64_t)d->line);
		pst_jsonw_kv_int(w, "index", (int64_t)d->index);
		pst_jsonw_kv_int(w, "offset", (int64_t)d->offset);
		if (kind == PST_DIAG_REJECTED)
			pst_jsonw_kv_int(w, "records", (int64_t)d->records);
		pst_jsonw_kv_string(w, "message", d->msg);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_file(struct pst_jsonw *w, const struct pst_source *r)
{
	size_t i;

	pst_jsonw_object_begin(w);
	pst_jsonw_kv_string(w, "path", r->path);
	pst_jsonw_kv_string(w, "format", pst_format_name(r->format));
	pst_jsonw_kv_string(w, "detail", r->detail);
	pst_jsonw_kv_bool(w, "gzip", r->gzip);
	pst_jsonw_kv_int(w, "size", (int64_t)r->size);
	pst_jsonw_kv_string(w, "sha256", r->sha256[0] ? r->sha256 : NULL);
	pst_jsonw_kv_string(w, "error", r->error);
	if (r->skipped)
		pst_jsonw_kv_string(w, "skipped", r->skipped);
	json_records(w, r->records);
	pst_jsonw_kv_int(w, "total", (int64_t)r->total_records);
	pst_jsonw_kv_int(w, "snapshot_records", (int64_t)r->snapshot_records);
	pst_jsonw_kv_int(w, "stream_records", (int64_t)r->stream_records);
	pst_jsonw_kv_int(w, "deletes", (int64_t)r->deletes);
	pst_jsonw_kv_time(w, "time_min", r->tmin);
	pst_jsonw_kv_time(w, "time_max", r->tmax);
	pst_jsonw_key(w, "time_sources");
	pst_jsonw_object_begin(w);
	for (i = 1; i < PST_TS__COUNT; i++)
		pst_jsonw_kv_int(w, pst_time_src_name((enum pst_time_src)i), (int64_t)r->time_src[i]);
	pst_jsonw_object_end(w);
	pst_jsonw_key(w, "subscriptions");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->nsubscriptions; i++)
		pst_jsonw_string(w, r->subscriptions[i]);
	pst_jsonw_array_end(w);
	pst_jsonw_kv_int(w, "rejected", (int64_t)r->rejected);
	pst_jsonw_key(w, "rejected_records");
	json_diags(w, r, PST_DIAG_REJECTED);
	/* the rejected records counted but not in rejected_records (past the
	 * first of a file: --verbose keeps every one) */
	pst_jsonw_kv_int(w, "rejected_unlisted", (int64_t)(r->rejected - pst_diags_rejected_listed(&r->diags)));
	pst_jsonw_key(w, "warnings");
	json_diags(w, r, PST_DIAG_WARNING);
	pst_jsonw_object_end(w);
}

static void json_report(FILE *out, const struct pst_sources *ing)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_jsonw_key(&w, "files");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < ing->nfiles; i++)
		json_file(&w, &ing->files[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_key(&w, "totals");
	pst_jsonw_object_begin(&w);
	pst_jsonw_kv_int(&w, "files", (int64_t)ing->nfiles);
	pst_jsonw_kv_int(&w, "failed_files", (int64_t)ing->failed_files);
	if (ing->skipped_files)
		pst_jsonw_kv_int(&w, "skipped_files", (int64_t)ing->skipped_files);
	json_records(&w, ing->records);
	pst_jsonw_kv_int(&w, "total", (int64_t)ing->total_records);
	pst_jsonw_kv_int(&w, "rejected", (int64_t)ing->rejected);
	pst_jsonw_kv_int(&w, "warnings", (int64_t)ing->warnings);
	pst_jsonw_object_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

void pst_text_inspect(FILE *out, const struct pst_sources *ing, enum pst_outfmt fmt)
{
	if (fmt == PST_OUT_JSON)
		json_report(out, ing);
	else
		text_report(out, ing);
}
