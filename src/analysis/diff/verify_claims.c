/* verify_claims.c: the claims CSV (a small RFC 4180 reader of its own:
 * the ingest CSV reader is for exports). */
#include "posture/verify.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

enum col { COL_RESOURCE, COL_RECOMMENDATION, COL_TEAM, COL_TICKET, COL__COUNT };

static const char *const col_names[COL__COUNT][10] = {
	{"resourceid", "resource", "assessedresourceid", NULL},
	{"recommendation", "recommendationkey", "assessmentkey", "key", "recommendationname", "recommendationid",
	 "recommendationdisplayname", "displayname", "assessment", NULL},
	{"team", "ownerteam", NULL},
	{"ticket", "ticketid", "ticketnumber", NULL}};

void pst_claims_init(struct pst_claims *c)
{
	memset(c, 0, sizeof(*c));
}

void pst_claims_release(struct pst_claims *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->items[i].resource_id);
		free(c->items[i].recommendation);
		free(c->items[i].team);
		free(c->items[i].ticket);
	}
	free(c->items);
	pst_claims_init(c);
}

/* One parsed row: cells in a buffer, separated by NULs. */
struct row {
	struct strbuf buf;
	size_t *starts;
	size_t n, alloc;
	size_t line;      /* where the row starts */
};

static void row_cell(struct row *r)
{
	PST_GROW(r->starts, r->alloc, r->n + 1);
	r->starts[r->n++] = r->buf.len;
}

static void row_end_cell(struct row *r)
{
	strbuf_addch(&r->buf, '\0');
}

struct scan {
	const char *text;
	size_t len, i;
	bool quoted, started;
};

/* Takes the byte at sc->i (and the next one for a doubled quote); returns
 * true at the newline that ends the record. */
static bool row_byte(struct row *r, struct scan *sc, size_t *line)
{
	char ch = sc->text[sc->i];

	if (sc->quoted) {
		if (ch == '"' && sc->i + 1 < sc->len && sc->text[sc->i + 1] == '"')
			strbuf_addch(&r->buf, sc->text[sc->i++]);
		else if (ch == '"')
			sc->quoted = false;
		else {
			*line += ch == '\n';
			strbuf_addch(&r->buf, ch);
		}
	} else if (ch == '"' && !sc->started) {
		sc->quoted = sc->started = true;
	} else if (ch == ',') {
		row_end_cell(r);
		row_cell(r);
		sc->started = false;
	} else if (ch == '\n') {
		return true;
	} else if (ch != '\r') {
		strbuf_addch(&r->buf, ch);
		sc->started = true;
	}
	return false;
}

/* Reads one record from text at *pos: quotes, doubled quotes, CRLF and
 * newlines inside quotes. */
static int read_row(struct row *r, const char *text, size_t len, size_t *pos, size_t *line, const char *path,
                    struct pst_error *err)
{
	struct scan sc = {text, len, *pos, false, false};

	strbuf_reset(&r->buf);
	r->n = 0;
	r->line = *line;
	row_cell(r);
	while (sc.i < len && !row_byte(r, &sc, line))
		sc.i++;
	if (sc.quoted)
		return pst_fail(err, PST_EDATA, "%s:%zu: unterminated quoted field", path, r->line);
	row_end_cell(r);
	*line += 1;
	*pos = sc.i < len ? sc.i + 1 : len;
	return PST_OK;
}

static const char *cell(const struct row *r, size_t i)
{
	return i < r->n ? r->buf.buf + r->starts[i] : "";
}

/* Lower-cases and drops blanks, '_' and '-'. */
static void norm_name(const char *s, char *out, size_t size)
{
	size_t n = 0;

	for (; *s && n + 1 < size; s++) {
		if (*s == ' ' || *s == '_' || *s == '-' || *s == '\t')
			continue;
		out[n++] = (*s >= 'A' && *s <= 'Z') ? (char)(*s + 32) : *s;
	}
	out[n] = '\0';
}

static size_t find_col(const struct row *hdr, enum col c)
{
	char name[64];
	size_t i, k;

	for (k = 0; col_names[c][k]; k++) {
		for (i = 0; i < hdr->n; i++) {
			norm_name(cell(hdr, i), name, sizeof(name));
			if (strcmp(name, col_names[c][k]) == 0)
				return i;
		}
	}
	return SIZE_MAX;
}

static int header_cols(const struct row *hdr, size_t *cols, const char *path, struct pst_error *err)
{
	size_t c;

	for (c = 0; c < COL__COUNT; c++)
		cols[c] = find_col(hdr, (enum col)c);
	if (cols[COL_RESOURCE] == SIZE_MAX)
		return pst_fail(err, PST_EDATA, "%s:%zu: no resource id column (resource_id, resource)", path,
		                hdr->line);
	if (cols[COL_RECOMMENDATION] == SIZE_MAX)
		return pst_fail(err, PST_EDATA,
		                "%s:%zu: no recommendation column (recommendation, assessment_key, display_name)", path,
		                hdr->line);
	return PST_OK;
}

static char *opt_cell(const struct row *r, size_t col)
{
	return col == SIZE_MAX ? NULL : xstrdup(cell(r, col));
}

static bool blank_row(const struct row *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (*cell(r, i))
			return false;
	return true;
}

static int add_claim(struct pst_claims *c, const struct row *r, const size_t *cols, const char *path,
                     struct pst_error *err)
{
	struct pst_claim *cl;

	if (blank_row(r))
		return PST_OK;
	if (!*cell(r, cols[COL_RESOURCE]))
		return pst_fail(err, PST_EDATA, "%s:%zu: empty resource id", path, r->line);
	if (!*cell(r, cols[COL_RECOMMENDATION]))
		return pst_fail(err, PST_EDATA, "%s:%zu: empty recommendation", path, r->line);
	PST_GROW(c->items, c->alloc, c->n + 1);
	cl = &c->items[c->n++];
	cl->line = r->line;
	cl->resource_id = xstrdup(cell(r, cols[COL_RESOURCE]));
	cl->recommendation = xstrdup(cell(r, cols[COL_RECOMMENDATION]));
	cl->team = opt_cell(r, cols[COL_TEAM]);
	cl->ticket = opt_cell(r, cols[COL_TICKET]);
	return PST_OK;
}

static int check_text(const char *path, const char *text, size_t len, struct pst_error *err)
{
	size_t bad;

	if (memchr(text, '\0', len))
		return pst_fail(err, PST_EDATA, "%s: NUL byte in a text file", path);
	if (!pst_utf8_valid(text, len, &bad))
		return pst_fail(err, PST_EDATA, "%s: offset %zu: invalid UTF-8", path, bad);
	return PST_OK;
}

int pst_claims_parse(struct pst_claims *c, const char *path, const char *text, size_t len, struct pst_error *err)
{
	struct row r;
	size_t pos = 0, line = 1, cols[COL__COUNT];
	int rc = check_text(path, text, len, err);

	memset(&r, 0, sizeof(r));
	strbuf_init(&r.buf);
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		pos = 3;
	if (rc == PST_OK && pos >= len)
		rc = pst_fail(err, PST_EDATA, "%s: empty file (expected a header row)", path);
	if (rc == PST_OK)
		rc = read_row(&r, text, len, &pos, &line, path, err);
	if (rc == PST_OK)
		rc = header_cols(&r, cols, path, err);
	while (rc == PST_OK && pos < len) {
		rc = read_row(&r, text, len, &pos, &line, path, err);
		if (rc == PST_OK)
			rc = add_claim(c, &r, cols, path, err);
	}
	strbuf_release(&r.buf);
	free(r.starts);
	return rc;
}

int pst_claims_load(struct pst_claims *c, const char *path, struct pst_error *err)
{
	FILE *fp = fopen(path, "rb");
	struct strbuf sb = STRBUF_INIT;
	char buf[8192];
	size_t n;
	int rc = PST_OK;

	if (!fp)
		return pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0 && sb.len <= PST_CLAIMS_MAX_BYTES)
		strbuf_add(&sb, buf, n);
	if (ferror(fp))
		rc = pst_fail(err, PST_EIO, "%s: read error", path);
	else if (sb.len > PST_CLAIMS_MAX_BYTES)
		rc = pst_fail(err, PST_EDATA, "%s: larger than %u bytes", path, PST_CLAIMS_MAX_BYTES);
	fclose(fp);
	if (rc == PST_OK)
		rc = pst_claims_parse(c, path, strbuf_cstr(&sb), sb.len, err);
	strbuf_release(&sb);
	return rc;
}
