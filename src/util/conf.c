/* conf.c: the configuration-file reader, lexer and CSV splitter (see conf.h). */
#include "posture/conf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "posture/utf8.h"

#ifndef POSTURE_DATADIR
#define POSTURE_DATADIR "/usr/local/share/posture"
#endif

/* ---- reading and checking ---- */

static int read_stream(FILE *fp, const char *path, size_t max_bytes, struct strbuf *sb, struct pst_error *err)
{
	char chunk[4096];
	size_t got;

	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0) {
		strbuf_add(sb, chunk, got);
		if (sb->len > max_bytes)
			return pst_fail(err, PST_EDATA, "%s: larger than %zu bytes", path, max_bytes);
	}
	if (ferror(fp))
		return pst_fail(err, PST_EIO, "%s: read error", path);
	return PST_OK;
}

int pst_conf_read(const char *path, size_t max_bytes, struct strbuf *sb, struct pst_error *err)
{
	FILE *fp = fopen(path, "rb");
	int rc;

	strbuf_reset(sb);
	if (!fp)
		return pst_fail(err, PST_ENOINPUT, "%s: %s", path, strerror(errno));
	rc = read_stream(fp, path, max_bytes, sb, err);
	fclose(fp);
	return rc;
}

/* Length of the line end at p: 2 for CRLF, 1 for LF or a CR alone, else 0. */
static size_t eol_len(const char *p, const char *end)
{
	if (p >= end || (*p != '\n' && *p != '\r'))
		return 0;
	return *p == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
}

/* True when the byte at p (before end) is the last byte of a line end. */
static bool ends_line(const char *p, const char *end)
{
	return *p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'));
}

static size_t line_at(const char *text, size_t len, size_t off)
{
	size_t line = 1, i;

	for (i = 0; i < off; i++)
		line += ends_line(text + i, text + len);
	return line;
}

int pst_conf_check(const char *path, const char *text, size_t len, size_t *body, struct pst_error *err)
{
	size_t bad;

	*body = 0;
	if (len && memchr(text, '\0', len))
		return pst_fail(err, PST_EDATA, "%s: NUL byte in a text file", path);
	if (!pst_utf8_valid(text, len, &bad))
		return pst_conf_fail(err, path, line_at(text, len, bad), "invalid UTF-8");
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		*body = 3;
	return PST_OK;
}

static int vfail(struct pst_error *err, const char *path, size_t line, const char *fmt, va_list ap) PST_PRINTF(4, 0);

static int vfail(struct pst_error *err, const char *path, size_t line, const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n;

	strbuf_addf(&sb, "%s:%zu: ", path, line);
	strbuf_vaddf(&sb, fmt, ap);
	n = pst_utf8_cut(sb.buf, sb.len, PST_ERRMSG_MAX - 1);
	pst_fail(err, PST_EDATA, "%.*s", (int)n, sb.buf);
	strbuf_release(&sb);
	return PST_EDATA;
}

int pst_conf_fail(struct pst_error *err, const char *path, size_t line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(err, path, line, fmt, ap);
	va_end(ap);
	return PST_EDATA;
}

static bool can_open(const char *path)
{
	FILE *fp = fopen(path, "rb");

	if (!fp)
		return false;
	fclose(fp);
	return true;
}

const char *pst_conf_default(const char *given, const char *name, char *buf, size_t size)
{
	if (given)
		return given;
	snprintf(buf, size, "templates/%s", name);
	if (can_open(buf))
		return buf;
	snprintf(buf, size, "%s/%s", POSTURE_DATADIR, name);
	return can_open(buf) ? buf : NULL;
}

/* ---- the lexer: tokens ---- */

int pst_conf_lex_init(struct pst_conf_lex *lx, const char *path, const char *text, size_t len,
                      struct pst_error *err)
{
	size_t body;
	int rc;

	memset(lx, 0, sizeof(*lx));
	strbuf_init(&lx->text);
	lx->path = path;
	lx->line = 1;
	lx->p = lx->end = text + len;
	rc = pst_conf_check(path, text, len, &body, err);
	if (rc == PST_OK)
		lx->p = text + body;
	return rc;
}

void pst_conf_lex_release(struct pst_conf_lex *lx)
{
	strbuf_release(&lx->text);
}

int pst_conf_lex_fail(const struct pst_conf_lex *lx, struct pst_error *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(err, lx->path, lx->tok_line, fmt, ap);
	va_end(ap);
	return PST_EDATA;
}

const char *pst_conf_lex_what(const struct pst_conf_lex *lx, char *buf, size_t size)
{
	const char *q = lx->tok == PST_CONF_STRING ? "\"" : "'";
	size_t n = size > 3 ? pst_utf8_cut(strbuf_cstr(&lx->text), lx->text.len, size - 3) : 0;

	if (lx->tok == PST_CONF_EOF)
		return "end of file";
	snprintf(buf, size, "%s%.*s%s", q, (int)n, strbuf_cstr(&lx->text), q);
	return buf;
}

bool pst_conf_lex_is(const struct pst_conf_lex *lx, const char *w)
{
	return lx->tok == PST_CONF_WORD && pst_strcasecmp(strbuf_cstr(&lx->text), w) == 0;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

/* Consumes the line end at lx->p, if there is one. */
static bool take_eol(struct pst_conf_lex *lx)
{
	size_t n = eol_len(lx->p, lx->end);

	lx->p += n;
	lx->line += n != 0;
	return n != 0;
}

/* Where the line that holds p ends (its line end, or the end of the text). */
static const char *line_end(const char *p, const char *end)
{
	while (p < end && *p != '\n' && *p != '\r')
		p++;
	return p;
}

/* Skips blanks, line ends and comments. */
static void skip_space(struct pst_conf_lex *lx)
{
	while (lx->p < lx->end) {
		if (*lx->p == '#')
			lx->p = line_end(lx->p, lx->end);
		else if (is_blank(*lx->p))
			lx->p++;
		else if (!take_eol(lx))
			return;
	}
}

static int read_string(struct pst_conf_lex *lx, struct pst_error *err)
{
	lx->p++; /* the opening quote */
	while (lx->p < lx->end && *lx->p != '"' && !eol_len(lx->p, lx->end)) {
		char c = *lx->p++;

		if (c == '\\' && lx->p < lx->end && (*lx->p == '"' || *lx->p == '\\'))
			c = *lx->p++;
		strbuf_addch(&lx->text, c);
	}
	if (lx->p >= lx->end || *lx->p != '"')
		return pst_conf_lex_fail(lx, err, "unterminated string");
	lx->p++;
	lx->tok = PST_CONF_STRING;
	return PST_OK;
}

/* Not a blank, a line end, '=', ',' or '"' (so a token always takes a byte). */
static bool is_word_byte(char c)
{
	return c != '\0' && !is_blank(c) && !strchr("\r\n=,\"", c);
}

int pst_conf_lex_next(struct pst_conf_lex *lx, struct pst_error *err)
{
	skip_space(lx);
	strbuf_reset(&lx->text);
	if (lx->p >= lx->end) {
		/* Messages about a missing token name the line of the last one. */
		lx->tok = PST_CONF_EOF;
		if (!lx->tok_line)
			lx->tok_line = lx->line;
		return PST_OK;
	}
	lx->tok_line = lx->line;
	if (*lx->p == '"')
		return read_string(lx, err);
	if (*lx->p == '=' || *lx->p == ',') {
		lx->tok = *lx->p == '=' ? PST_CONF_EQ : PST_CONF_COMMA;
		strbuf_addch(&lx->text, *lx->p++);
		return PST_OK;
	}
	while (lx->p < lx->end && is_word_byte(*lx->p))
		strbuf_addch(&lx->text, *lx->p++);
	lx->tok = PST_CONF_WORD;
	return PST_OK;
}

/* ---- the lexer: lines ---- */

bool pst_conf_lex_line(struct pst_conf_lex *lx)
{
	for (;;) {
		while (lx->p < lx->end && is_blank(*lx->p))
			lx->p++;
		if (lx->p < lx->end && *lx->p == '#')
			lx->p = line_end(lx->p, lx->end);
		if (lx->p >= lx->end)
			return false;
		if (!take_eol(lx)) {
			lx->tok_line = lx->line;
			return true;
		}
	}
}

/* Sets the current token to the bytes [a, b) without blanks at either end. */
static void take_trimmed(struct pst_conf_lex *lx, const char *a, const char *b)
{
	while (a < b && is_blank(*a))
		a++;
	while (b > a && is_blank(b[-1]))
		b--;
	strbuf_reset(&lx->text);
	strbuf_add(&lx->text, a, (size_t)(b - a));
	lx->tok = PST_CONF_WORD;
}

bool pst_conf_lex_upto(struct pst_conf_lex *lx, char stop)
{
	const char *e = line_end(lx->p, lx->end);
	const char *q = memchr(lx->p, stop, (size_t)(e - lx->p));

	if (!q)
		return false;
	take_trimmed(lx, lx->p, q);
	lx->p = q + 1;
	return true;
}

void pst_conf_lex_rest(struct pst_conf_lex *lx)
{
	const char *e = line_end(lx->p, lx->end);

	take_trimmed(lx, lx->p, e);
	lx->p = e;
	take_eol(lx);
}

/* ---- CSV records ---- */

int pst_conf_csv_init(struct pst_conf_csv *c, const char *path, const char *text, size_t len,
                      struct pst_error *err)
{
	size_t body;
	int rc;

	memset(c, 0, sizeof(*c));
	strbuf_init(&c->fields);
	c->path = path;
	c->line = 1;
	c->p = c->end = text + len;
	rc = pst_conf_check(path, text, len, &body, err);
	if (rc == PST_OK)
		c->p = text + body;
	return rc;
}

void pst_conf_csv_release(struct pst_conf_csv *c)
{
	strbuf_release(&c->fields);
	free(c->starts);
	c->starts = NULL;
	c->n = c->alloc = 0;
}

static void begin_field(struct pst_conf_csv *c)
{
	PST_GROW(c->starts, c->alloc, c->n + 1);
	c->starts[c->n++] = c->fields.len;
	c->started = false;
}

/* One byte inside quotes: "" stands for a quote, a quote alone closes. */
static void quoted_byte(struct pst_conf_csv *c)
{
	if (*c->p == '"' && c->p + 1 < c->end && c->p[1] == '"') {
		strbuf_addch(&c->fields, '"');
		c->p++;
	} else if (*c->p == '"') {
		c->quoted = false;
	} else {
		c->line += ends_line(c->p, c->end);
		strbuf_addch(&c->fields, *c->p);
	}
	c->p++;
}

/* One byte outside quotes; true at (and past) the line end ending the record. */
static bool plain_byte(struct pst_conf_csv *c)
{
	size_t eol = eol_len(c->p, c->end);
	char ch = *c->p;

	if (eol) {
		c->p += eol;
		c->line++;
		return true;
	}
	c->p++;
	if (ch == '"' && !c->started) {
		c->quoted = c->started = true;
	} else if (ch == ',') {
		strbuf_addch(&c->fields, '\0');
		begin_field(c);
	} else {
		strbuf_addch(&c->fields, ch);
		c->started = true;
	}
	return false;
}

int pst_conf_csv_next(struct pst_conf_csv *c, bool *more, struct pst_error *err)
{
	bool done = false;

	*more = c->p < c->end;
	if (!*more)
		return PST_OK;
	strbuf_reset(&c->fields);
	c->n = 0;
	c->rec_line = c->line;
	c->quoted = false;
	begin_field(c);
	while (!done && c->p < c->end) {
		if (c->quoted)
			quoted_byte(c);
		else
			done = plain_byte(c);
	}
	strbuf_addch(&c->fields, '\0');
	if (c->quoted)
		return pst_conf_fail(err, c->path, c->rec_line, "unterminated quoted field");
	return PST_OK;
}

const char *pst_conf_csv_field(const struct pst_conf_csv *c, size_t i)
{
	return i < c->n ? c->fields.buf + c->starts[i] : "";
}
