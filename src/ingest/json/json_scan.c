/* json_scan.c: finds JSON value boundaries in a byte stream without a tree. */
#include "json_scan.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What pst_jscan_value is in the middle of. */
struct vstate {
	int kind;        /* '{' container, '"' string, 0 scalar */
	unsigned depth;
	bool in_str, esc;
	struct pst_jpos start;
};

enum { SCAN_DONE = -1, SCAN_MORE = -2 };

#define KEY_MAX 1024 /* longer keys are cut (no wrapper key is that long) */

static bool has_bom(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
}

static void skip_bom(struct pst_jscan *s)
{
	if (s->base == 0 && s->pos == 0 && has_bom(s->p, s->len)) {
		s->pos = 3;
		s->line_start = 3;
	}
}

void pst_jscan_init_file(struct pst_jscan *s, struct pst_file_ctx *fc)
{
	memset(s, 0, sizeof(*s));
	s->fc = fc;
	s->path = fc->path;
	s->own = xmalloc(PST_JSCAN_CHUNK);
	s->p = s->own;
	s->line = 1 + fc->skip_lines; /* blank lines the driver passed over */
	s->base = s->line_start = fc->skip_bytes;
}

void pst_jscan_init_mem(struct pst_jscan *s, const char *path, const char *buf, size_t len)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->p = (const unsigned char *)buf;
	s->len = len;
	s->line = 1;
	skip_bom(s);
}

void pst_jscan_release(struct pst_jscan *s)
{
	free(s->own);
	s->own = NULL;
	s->p = NULL;
}

void pst_jscan_pos(const struct pst_jscan *s, struct pst_jpos *at)
{
	at->offset = s->base + s->pos;
	at->line = s->line;
	at->col = at->offset - s->line_start + 1;
}

const char *pst_jscan_byte_name(int c, char *buf, size_t size)
{
	if (c < 0)
		snprintf(buf, size, "end of file");
	else if (c > 0x20 && c < 0x7F)
		snprintf(buf, size, "'%c'", c);
	else
		snprintf(buf, size, "byte 0x%02X", (unsigned)c);
	return buf;
}

int pst_jscan_fail(struct pst_jscan *s, int rc, struct pst_error *err, const char *fmt, ...)
{
	struct pst_jpos at;
	char what[512];
	va_list ap;

	pst_jscan_pos(s, &at);
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	pst_fail(err, PST_EDATA, "%s:%llu:%llu: %s", s->path, (unsigned long long)at.line,
	         (unsigned long long)at.col, what);
	return rc;
}

/* Appends the consumed bytes p[from..pos) to the tap and to out. */
static void span(struct pst_jscan *s, size_t from, struct strbuf *out, size_t cap)
{
	size_t n = s->pos - from;

	if (n == 0)
		return;
	if (s->tap && !s->tap_over) {
		if (s->tap->len + n > s->tap_cap)
			s->tap_over = true;
		else
			strbuf_add(s->tap, s->p + from, n);
	}
	if (out && !s->too_big) {
		if (out->len + n > cap)
			s->too_big = true;
		else
			strbuf_add(out, s->p + from, n);
	}
}

/* Replaces the consumed window with the next chunk; sets eof at the end. */
static int fill(struct pst_jscan *s, struct pst_error *err)
{
	size_t got = 0;
	int rc;

	s->base += s->len;
	s->len = s->pos = 0;
	if (!s->fc || s->eof) {
		s->eof = true;
		return PST_JS_OK;
	}
	rc = pst_fc_read(s->fc, s->own, PST_JSCAN_CHUNK, &got, err);
	if (rc) {
		s->io_status = rc;
		s->eof = true;
		return PST_JS_IO;
	}
	s->len = got;
	s->eof = got == 0;
	skip_bom(s);
	return PST_JS_OK;
}

static void newline(struct pst_jscan *s, size_t i)
{
	s->line++;
	s->line_start = s->base + i + 1;
}

int pst_jscan_peek(struct pst_jscan *s, int *c, struct pst_error *err)
{
	int rc;

	for (;;) {
		size_t from = s->pos;

		for (; s->pos < s->len; s->pos++) {
			unsigned char b = s->p[s->pos];

			if (b == '\n')
				newline(s, s->pos);
			else if (b == 0xEF && has_bom(s->p + s->pos, s->len - s->pos))
				s->pos += 2; /* a BOM between values (files joined with cat) */
			else if (b != ' ' && b != '\t' && b != '\r')
				break;
		}
		span(s, from, NULL, 0);
		if (s->pos < s->len) {
			*c = s->p[s->pos];
			return PST_JS_OK;
		}
		if (s->eof) {
			*c = -1;
			return PST_JS_OK;
		}
		rc = fill(s, err);
		if (rc)
			return rc;
	}
}

void pst_jscan_skip(struct pst_jscan *s)
{
	size_t from = s->pos;

	if (s->pos < s->len) {
		s->pos++;
		span(s, from, NULL, 0);
	}
}

static bool scalar_end(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ']' || c == '}' ||
	       c == ':' || c == '{' || c == '[' || c == '"';
}

static int close_bracket(struct pst_jscan *s, struct vstate *v, unsigned char c, struct pst_error *err)
{
	char want = c == '}' ? '{' : '[';

	if (v->depth <= PST_JSCAN_STACK && s->stack[v->depth - 1] != want)
		return pst_jscan_fail(s, PST_JS_BAD, err, "found '%c' where '%c' should close the %s", c,
		                      want == '{' ? ']' : '}', want == '{' ? "array" : "object");
	v->depth--;
	return v->depth == 0 ? SCAN_DONE : PST_JS_OK;
}

static void open_bracket(struct pst_jscan *s, struct vstate *v, unsigned char c)
{
	v->depth++;
	if (v->depth > s->max_depth)
		s->max_depth = v->depth;
	if (v->depth <= PST_JSCAN_STACK)
		s->stack[v->depth - 1] = (char)c;
}

/* Inside a string: returns SCAN_DONE when a top-level string closed. */
static int string_byte(struct vstate *v, unsigned char c)
{
	if (v->esc)
		v->esc = false;
	else if (c == '\\')
		v->esc = true;
	else if (c == '"') {
		v->in_str = false;
		if (v->depth == 0)
			return SCAN_DONE;
	}
	return PST_JS_OK;
}

static int structure_byte(struct pst_jscan *s, struct vstate *v, unsigned char c, struct pst_error *err)
{
	switch (c) {
	case '"':
		v->in_str = true;
		return PST_JS_OK;
	case '{':
	case '[':
		open_bracket(s, v, c);
		return PST_JS_OK;
	case '}':
	case ']':
		return close_bracket(s, v, c, err);
	default:
		return PST_JS_OK;
	}
}

/* Inside a string, the first byte at or after i that matters (a quote, a
 * backslash or a newline), or n: most bytes of an export are string text. */
static size_t string_run(const unsigned char *p, size_t i, size_t n)
{
	static const unsigned char stop[256] = {['"'] = 1, ['\\'] = 1, ['\n'] = 1};
	const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
	uint64_t w, q, b, l;

	/* eight bytes at a time while none of them is a quote, backslash or newline */
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, p + i, 8);
		q = w ^ (ones * '"');
		b = w ^ (ones * '\\');
		l = w ^ (ones * '\n');
		if (((q - ones) & ~q & high) | ((b - ones) & ~b & high) | ((l - ones) & ~l & high))
			break;
	}
	while (i < n && !stop[p[i]])
		i++;
	return i;
}

/* Scans the current window.  Returns SCAN_DONE (pos after the value),
 * SCAN_MORE (window used up), or an error with pos at the bad byte. */
static int scan_window(struct pst_jscan *s, struct vstate *v, bool one_line, struct pst_error *err)
{
	int rc;

	for (; s->pos < s->len; s->pos++) {
		unsigned char c;

		if (v->in_str && !v->esc && (s->pos = string_run(s->p, s->pos, s->len)) == s->len)
			break;
		c = s->p[s->pos];

		if (v->kind == 0) {
			if (scalar_end(c))
				return SCAN_DONE;
			continue;
		}
		if (c == '\n') {
			if (one_line)
				return pst_jscan_fail(s, PST_JS_LINE, err, "%s not closed at the end of the line",
				                      v->in_str ? "string" : "record");
			newline(s, s->pos);
			v->esc = false;
			continue;
		}
		rc = v->in_str ? string_byte(v, c) : structure_byte(s, v, c, err);
		if (rc == SCAN_DONE) {
			s->pos++;
			return SCAN_DONE;
		}
		if (rc)
			return rc;
	}
	return SCAN_MORE;
}

static const char *open_name(const struct pst_jscan *s, const struct vstate *v)
{
	if (v->in_str)
		return "a string";
	if (v->depth == 0 || v->depth > PST_JSCAN_STACK)
		return "a value";
	return s->stack[v->depth - 1] == '{' ? "an object" : "an array";
}

static int end_of_input(struct pst_jscan *s, const struct vstate *v, struct pst_error *err)
{
	if (v->kind == 0)
		return PST_JS_OK;
	return pst_jscan_fail(s, PST_JS_EOF, err, "unexpected end of file inside %s (the value starts at %llu:%llu)",
	                      open_name(s, v), (unsigned long long)v->start.line,
	                      (unsigned long long)v->start.col);
}

static int value_start(struct pst_jscan *s, struct vstate *v, struct pst_error *err)
{
	char name[32];
	int c, rc;

	memset(v, 0, sizeof(*v));
	s->max_depth = 0;
	s->too_big = false;
	rc = pst_jscan_peek(s, &c, err);
	if (rc)
		return rc;
	if (c < 0)
		return pst_jscan_fail(s, PST_JS_EOF, err, "unexpected end of file: expected a value");
	if (c == ',' || c == ']' || c == '}' || c == ':')
		return pst_jscan_fail(s, PST_JS_BAD, err, "expected a value, found %s",
		                      pst_jscan_byte_name(c, name, sizeof(name)));
	pst_jscan_pos(s, &v->start);
	v->kind = (c == '{' || c == '[') ? '{' : (c == '"' ? '"' : 0);
	return PST_JS_OK;
}

int pst_jscan_value(struct pst_jscan *s, struct strbuf *out, size_t cap, bool one_line, struct pst_error *err)
{
	struct vstate v;
	int rc = value_start(s, &v, err);

	while (rc == PST_JS_OK) {
		size_t from = s->pos;

		rc = scan_window(s, &v, one_line, err);
		span(s, from, out, cap);
		if (rc == SCAN_DONE)
			return PST_JS_OK;
		if (rc != SCAN_MORE)
			return rc;
		rc = fill(s, err);
		if (rc == PST_JS_OK && s->eof)
			return end_of_input(s, &v, err);
	}
	return rc;
}

int pst_jscan_key(struct pst_jscan *s, struct strbuf *key, struct pst_error *err)
{
	char name[32];
	int c, rc;

	rc = pst_jscan_peek(s, &c, err);
	if (rc)
		return rc;
	if (c != '"')
		return pst_jscan_fail(s, c < 0 ? PST_JS_EOF : PST_JS_BAD, err, "expected a key string, found %s",
		                      pst_jscan_byte_name(c, name, sizeof(name)));
	strbuf_reset(key);
	rc = pst_jscan_value(s, key, KEY_MAX, false, err);
	if (rc)
		return rc;
	if (key->len >= 2) {
		memmove(key->buf, key->buf + 1, key->len - 2);
		key->len -= 2;
		key->buf[key->len] = '\0';
	}
	return PST_JS_OK;
}

bool pst_jscan_line(const struct pst_jscan *s, const char **line, size_t *n)
{
	const unsigned char *nl;

	if (s->pos >= s->len)
		return false;
	nl = memchr(s->p + s->pos, '\n', s->len - s->pos);
	if (!nl && s->fc)
		return false; /* the line goes on in the next chunk */
	*line = (const char *)s->p + s->pos;
	*n = (nl ? (size_t)(nl - s->p) : s->len) - s->pos;
	return true;
}

void pst_jscan_advance(struct pst_jscan *s, size_t n)
{
	size_t from = s->pos;

	s->pos += n;
	span(s, from, NULL, 0);
}

int pst_jscan_skip_line(struct pst_jscan *s, struct pst_error *err)
{
	int rc;

	for (;;) {
		size_t from = s->pos;
		const unsigned char *nl = s->pos < s->len ? memchr(s->p + s->pos, '\n', s->len - s->pos) : NULL;

		if (nl) {
			s->pos = (size_t)(nl - s->p) + 1;
			newline(s, s->pos - 1);
			span(s, from, NULL, 0);
			return PST_JS_OK;
		}
		s->pos = s->len;
		span(s, from, NULL, 0);
		if (s->eof)
			return PST_JS_OK;
		rc = fill(s, err);
		if (rc)
			return rc;
	}
}
