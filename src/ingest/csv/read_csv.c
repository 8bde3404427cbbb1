/* read_csv.c: CSV exports (portal "Download CSV report", Log Analytics
 * CSV).  The header row names the table; each later record is one row,
 * normalized by rows.c.  A broken record or one with the wrong number of
 * fields is rejected, naming its line, and reading goes on. */
#include "../ingest_int.h"

#include <stdlib.h>
#include <string.h>
#include "csv_scan.h"
#include "posture/strbuf.h"
#include "posture/utf8.h"
#include "../rows/rows.h"

#define COLUMNS_LISTED 300 /* bytes of column names quoted in an error */

struct csv_reader {
	struct pst_file_ctx *fc;
	struct pst_csv_scan scan;
	char **names;            /* the header's column names (owned) */
	size_t n;
	struct pst_row_index ix;
	enum pst_table table;
	struct pst_origin last;  /* the last row read */
};

static int read_bytes(void *ctx, void *buf, size_t n, size_t *got, struct pst_error *err)
{
	return pst_fc_read(ctx, buf, n, got, err);
}

static int unknown_header(struct csv_reader *r, uint64_t line, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc;

	for (i = 0; i < r->n && sb.len < COLUMNS_LISTED; i++) {
		strbuf_addstr(&sb, i ? ", " : "");
		pst_utf8_sanitize(&sb, r->names[i], pst_utf8_cut(r->names[i], strlen(r->names[i]), 60));
	}
	if (i < r->n)
		strbuf_addf(&sb, ", ... (%zu columns)", r->n);
	if (r->n == 1 && strpbrk(r->names[0], ";\t"))
		strbuf_addstr(&sb, " (separated by ';'? only commas or tabs separate fields)");
	rc = pst_fail(err, PST_EDATA, "%s:%llu: unknown CSV format: columns %s", r->fc->path,
	              (unsigned long long)line, strbuf_cstr(&sb));
	strbuf_release(&sb);
	return rc;
}

/* Keeps the header's names (the scanner reuses its buffer) and detects the table. */
static void keep_names(struct csv_reader *r, const struct pst_csv_record *rec)
{
	r->names = xcalloc(rec->n, sizeof(*r->names));
	for (r->n = 0; r->n < rec->n; r->n++)
		r->names[r->n] = xstrdup(rec->cells[r->n]);
	pst_row_index_build(&r->ix, (const char *const *)r->names, r->n);
	r->table = pst_table_detect((const char *const *)r->names, r->n);
}

static int read_header(struct csv_reader *r, struct pst_error *err)
{
	struct pst_csv_record rec;
	const char *missing;
	bool more, portal;
	int rc = pst_csv_scan_next(&r->scan, &rec, &more, err);

	if (rc)
		return rc;
	if (!more)
		return pst_fail(err, PST_EDATA, "%s: empty file (no records)", r->fc->path);
	if (rec.error)
		return pst_fail(err, PST_EDATA, "%s:%llu: CSV header: %s", r->fc->path, (unsigned long long)rec.line,
		                rec.error);
	keep_names(r, &rec);
	if (r->table == PST_TABLE_UNKNOWN)
		return unknown_header(r, rec.line, err);
	missing = pst_table_missing(r->table, &r->ix);
	if (missing)
		return pst_fail(err, PST_EDATA, "%s:%llu: %s CSV: missing column \"%s\"", r->fc->path,
		                (unsigned long long)rec.line, pst_table_name(r->table), missing);
	portal = r->table == PST_TABLE_PORTAL;
	pst_set_format(r->fc, portal ? PST_FMT_PORTAL_CSV : PST_FMT_LA_CSV, portal ? NULL : pst_table_name(r->table));
	return PST_OK;
}

static int read_row(struct csv_reader *r, const struct pst_csv_record *rec, struct pst_error *err)
{
	struct pst_origin at = {r->fc->path, rec->line, rec->index - 1, rec->offset};
	struct pst_row row;

	r->last = at;
	if (r->fc->cut && r->scan.eof) { /* the gzip stream broke inside it (ingest_gzip.c) */
		pst_reject(r->fc, &at, "the row is cut short where the decoded data stops");
		return PST_OK;
	}
	if (rec->error) {
		pst_reject(r->fc, &at, "%s", rec->error);
		return PST_OK;
	}
	if (rec->n != r->n) {
		pst_reject(r->fc, &at, "expected %zu fields as in the header, found %zu", r->n, rec->n);
		return PST_OK;
	}
	row.names = (const char *const *)r->names;
	row.values = rec->cells;
	row.n = rec->n;
	return pst_row_emit_indexed(r->fc, r->table, &row, &r->ix, &at, err);
}

/* The portal's report stops near 13,000 rows: a file that long may be
 * cut short, and a diff against it would see false fixes. */
static void check_portal_cap(struct csv_reader *r)
{
	uint64_t rows = r->scan.nrecords ? r->scan.nrecords - 1 : 0;
	unsigned cap;

	if (r->table == PST_TABLE_PORTAL && pst_portal_at_cap(rows, &cap))
		pst_warn(r->fc, &r->last, "%llu rows: the portal CSV report stops near %u rows, so this one may be incomplete",
		         (unsigned long long)rows, cap);
}

/* Tab-separated text (Excel's "Unicode text"): the first line has tabs
 * and no comma. */
static unsigned char separator(const struct pst_file_ctx *fc)
{
	size_t i;
	bool tab = false;

	for (i = 0; i < fc->nhead && fc->head[i] != '\n' && fc->head[i] != '\r'; i++) {
		if (fc->head[i] == ',')
			return ',';
		tab = tab || fc->head[i] == '\t';
	}
	return tab ? '\t' : ',';
}

int pst_read_csv(struct pst_file_ctx *fc, struct pst_error *err)
{
	struct csv_reader r = {fc, {0}, NULL, 0, {{0}}, PST_TABLE_UNKNOWN, {NULL, 0, 0, 0}};
	struct pst_csv_record rec;
	bool more = true;
	size_t i;
	int rc;

	pst_csv_scan_init(&r.scan, read_bytes, fc, PST_INGEST_MAX_ELEMENT);
	r.scan.line += fc->skip_lines; /* blank lines the driver passed over */
	r.scan.offset = r.scan.line_start = fc->skip_bytes;
	r.scan.sep = separator(fc);
	rc = read_header(&r, err);
	while (rc == PST_OK && more) {
		rc = pst_csv_scan_next(&r.scan, &rec, &more, err);
		if (rc == PST_OK && more)
			rc = read_row(&r, &rec, err);
	}
	if (rc == PST_OK)
		check_portal_cap(&r);
	for (i = 0; i < r.n; i++)
		free(r.names[i]);
	free(r.names);
	pst_csv_scan_release(&r.scan);
	return rc;
}
