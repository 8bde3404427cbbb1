/* csv_scan.c: a streaming RFC 4180 record scanner (see csv_scan.h). */
#include "csv_scan.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ST_START, ST_PLAIN, ST_QUOTED, ST_QUOTE };

void pst_csv_scan_init(struct pst_csv_scan *s, pst_csv_read_fn read, void *read_ctx, size_t cap)
{
	memset(s, 0, sizeof(*s));
	s->read = read;
	s->read_ctx = read_ctx;
	s->cap = cap;
	s->sep = ',';
	s->buf = xmalloc(PST_CSV_CHUNK);
	s->line = 1;
	strbuf_init(&s->text);
}

void pst_csv_scan_release(struct pst_csv_scan *s)
{
	free(s->buf);
	free(s->starts);
	free(s->cells);
	strbuf_release(&s->text);
	memset(s, 0, sizeof(*s));
}

static void set_error(struct pst_csv_scan *s, const char *fmt, ...) PST_PRINTF(2, 3);

/* Keeps the first error of the record; a broken record stores no more text. */
static void set_error(struct pst_csv_scan *s, const char *fmt, ...)
{
	va_list ap;

	if (s->has_error)
		return;
	s->has_error = true;
	va_start(ap, fmt);
	vsnprintf(s->error, sizeof(s->error), fmt, ap);
	va_end(ap);
}

static uint64_t column(const struct pst_csv_scan *s)
{
	return s->offset - s->line_start; /* offset is past the byte: 1-based */
}

static void add(struct pst_csv_scan *s, const unsigned char *p, size_t n)
{
	if (s->has_error)
		return;
	if (s->text.len + n > s->cap) {
		set_error(s, "record longer than the %zu-byte limit", s->cap);
		return;
	}
	strbuf_add(&s->text, p, n);
}

static void end_field(struct pst_csv_scan *s)
{
	if (s->has_error)
		return;
	if (s->nfields >= PST_CSV_MAX_FIELDS) {
		set_error(s, "more than %d fields", PST_CSV_MAX_FIELDS);
		return;
	}
	PST_GROW(s->starts, s->starts_alloc, s->nfields + 1);
	s->starts[s->nfields++] = s->text.len;
	strbuf_addch(&s->text, '\0');
}

/* Hands the record out and resets for the next one. */
static void finish(struct pst_csv_scan *s, struct pst_csv_record *rec)
{
	size_t i, start = 0;

	PST_GROW(s->cells, s->cells_alloc, s->nfields + 1);
	for (i = 0; i < s->nfields; i++) {
		s->cells[i] = s->text.buf + start;
		start = s->starts[i] + 1;
	}
	rec->cells = s->cells;
	rec->n = s->has_error ? 0 : s->nfields;
	rec->line = s->rec_line;
	rec->offset = s->rec_offset;
	rec->index = s->nrecords++;
	rec->error = s->has_error ? s->error : NULL;
	s->nfields = 0;
	s->started = false;
	s->has_error = false;
	s->state = ST_START;
}

/* Reads the next chunk; at the start of input, enough to see a BOM. */
static int fill(struct pst_csv_scan *s, struct pst_error *err)
{
	size_t got;
	int rc;

	s->pos = s->len = 0;
	do {
		rc = s->read(s->read_ctx, s->buf + s->len, PST_CSV_CHUNK - s->len, &got, err);
		if (rc)
			return rc;
		s->len += got;
	} while (got && s->offset == 0 && s->len < 3);
	if (s->len == 0)
		s->eof = true;
	if (s->offset == 0 && s->len >= 3 && memcmp(s->buf, "\xEF\xBB\xBF", 3) == 0) {
		s->pos = 3;
		s->offset = s->line_start = 3;
	}
	return PST_OK;
}

/* Keeps the unread bytes and reads until need bytes are there (or the
 * input ends): a BOM split across two chunks is still seen whole. */
static int refill_keep(struct pst_csv_scan *s, size_t need, struct pst_error *err)
{
	size_t got = 1;
	int rc;

	memmove(s->buf, s->buf + s->pos, s->len - s->pos);
	s->len -= s->pos;
	s->pos = 0;
	while (s->len < need && got) {
		rc = s->read(s->read_ctx, s->buf + s->len, PST_CSV_CHUNK - s->len, &got, err);
		if (rc)
			return rc;
		s->len += got;
	}
	if (!got)
		s->eof = true;
	return PST_OK;
}

static void newline(struct pst_csv_scan *s)
{
	s->line++;
	s->line_start = s->offset;
}

/* Length of the run of ordinary bytes at p: in a quoted field everything
 * but a quote, LF and NUL; in a plain field also not a comma or CR. */
static size_t run(const unsigned char *p, size_t n, bool quoted, unsigned char sep)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = p[i];

		if (c == '"' || c == '\n' || c == '\0')
			break;
		if (!quoted && (c == sep || c == '\r'))
			break;
	}
	return i;
}

/* Consumes a run of ordinary bytes, if any; returns true if it did. */
static bool take_run(struct pst_csv_scan *s)
{
	size_t k;

	if (s->state != ST_PLAIN && s->state != ST_QUOTED)
		return false;
	k = run(s->buf + s->pos, s->len - s->pos, s->state == ST_QUOTED, s->sep);
	if (k == 0)
		return false;
	add(s, s->buf + s->pos, k);
	s->pos += k;
	s->offset += k;
	return true;
}

/* One byte in a field; returns true when it ended the record. */
static bool step_quoted(struct pst_csv_scan *s, unsigned char c)
{
	if (c == '"')
		s->state = ST_QUOTE;
	else
		add(s, &c, 1);
	if (c == '\n')
		newline(s);
	return false;
}

static bool step_after_quote(struct pst_csv_scan *s, unsigned char c)
{
	if (c == '"') {
		add(s, &c, 1);
		s->state = ST_QUOTED;
		return false;
	}
	if (c == '\r')
		return false;
	if (c == s->sep || c == '\n') {
		end_field(s);
		s->state = ST_START;
		return c == '\n';
	}
	set_error(s, "broken quote at line %llu, column %llu: text after a closing quote",
	          (unsigned long long)s->line, (unsigned long long)column(s));
	s->state = ST_PLAIN;
	return false;
}

static bool step_plain(struct pst_csv_scan *s, unsigned char c)
{
	if (c == '\r')
		return false;
	if (c == s->sep || c == '\n') {
		end_field(s);
		s->state = ST_START;
		return c == '\n';
	}
	if (c == '"' && s->state == ST_START) {
		s->quote_line = s->line;
		s->state = ST_QUOTED;
		return false;
	}
	if (c == '"')
		set_error(s, "broken quote at line %llu, column %llu: a quote inside an unquoted field",
		          (unsigned long long)s->line, (unsigned long long)column(s));
	add(s, &c, 1);
	s->state = ST_PLAIN;
	return false;
}

static bool step(struct pst_csv_scan *s, unsigned char c)
{
	bool done;

	if (c == '\0')
		set_error(s, "NUL byte at line %llu, column %llu", (unsigned long long)s->line,
		          (unsigned long long)column(s));
	if (s->state == ST_QUOTED)
		return step_quoted(s, c);
	done = s->state == ST_QUOTE ? step_after_quote(s, c) : step_plain(s, c);
	if (c == '\n')
		newline(s);
	return done;
}

/* Skips blank lines, and a UTF-8 BOM at the start of a line (files joined
 * with cat), before a record; returns true when c starts one. */
static bool begin(struct pst_csv_scan *s, unsigned char c)
{
	if (c == '\n')
		newline(s);
	if (c == '\n' || c == '\r')
		return false;
	if (c == 0xEF && s->len - s->pos >= 2 && s->buf[s->pos] == 0xBB && s->buf[s->pos + 1] == 0xBF) {
		s->pos += 2;
		s->offset += 2;
		return false;
	}
	s->started = true;
	s->rec_line = s->line;
	s->rec_offset = s->offset - 1;
	strbuf_reset(&s->text);
	return true;
}

static void at_eof(struct pst_csv_scan *s, struct pst_csv_record *rec)
{
	if (s->state == ST_QUOTED)
		set_error(s, "unterminated quoted field starting at line %llu", (unsigned long long)s->quote_line);
	end_field(s);
	finish(s, rec);
}

/* CR, LF and CRLF all end a line outside quotes (Excel for Mac's "CSV
 * (Macintosh)" ends lines with CR alone): a CR reads as LF and the LF of a
 * CRLF is then skipped.  Returns true when c is to be skipped. */
static bool line_end(struct pst_csv_scan *s, unsigned char *c)
{
	bool after_cr = s->cr_pending;

	s->cr_pending = false;
	if (s->state == ST_QUOTED)
		return false;
	if (*c == '\n' && after_cr) {
		s->line_start = s->offset;
		return true;
	}
	if (*c == '\r') {
		*c = '\n';
		s->cr_pending = true;
	}
	return false;
}

int pst_csv_scan_next(struct pst_csv_scan *s, struct pst_csv_record *rec, bool *more, struct pst_error *err)
{
	int rc;

	*more = true;
	for (;;) {
		unsigned char c;

		if (s->pos == s->len && !s->eof) {
			if ((rc = fill(s, err)) != PST_OK)
				return rc;
			continue;
		}
		if (s->pos == s->len) {
			*more = s->started;
			if (s->started)
				at_eof(s, rec);
			return PST_OK;
		}
		if (s->started && take_run(s))
			continue;
		c = s->buf[s->pos++];
		s->offset++;
		if (line_end(s, &c))
			continue;
		if (!s->started && c == 0xEF && s->len - s->pos < 2 && !s->eof) {
			s->pos--;
			s->offset--;
			if ((rc = refill_keep(s, s->len - s->pos + 2, err)) != PST_OK)
				return rc;
			continue;
		}
		if (!s->started && !begin(s, c))
			continue;
		if (step(s, c)) {
			finish(s, rec);
			return PST_OK;
		}
	}
}
