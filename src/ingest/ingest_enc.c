/* ingest_enc.c: UTF-16 and UTF-32 text (Excel's "Unicode text", PowerShell
 * redirections) transcoded to UTF-8 on the fly, so every reader sees UTF-8.
 * Detected from the byte-order mark; a unit that is not a character (a lone
 * surrogate, a value past U+10FFFF, a cut unit at the end) becomes U+FFFD. */
#include "ingest_int.h"

#include <stdlib.h>
#include <string.h>

#define ENC_RAW 16384

struct pst_enc {
	enum pst_text_enc kind;
	unsigned char raw[ENC_RAW];
	size_t len, pos;
	bool eof;
	unsigned char pend[4];     /* one character for a caller's tiny buffer */
	size_t npend, ppos;
};

enum pst_text_enc pst_enc_detect(const unsigned char *h, size_t n, size_t *bom)
{
	*bom = 0;
	if (n >= 4 && h[0] == 0xFF && h[1] == 0xFE && h[2] == 0 && h[3] == 0)
		return *bom = 4, PST_ENC_UTF32LE;
	if (n >= 4 && h[0] == 0 && h[1] == 0 && h[2] == 0xFE && h[3] == 0xFF)
		return *bom = 4, PST_ENC_UTF32BE;
	if (n >= 2 && h[0] == 0xFF && h[1] == 0xFE)
		return *bom = 2, PST_ENC_UTF16LE;
	if (n >= 2 && h[0] == 0xFE && h[1] == 0xFF)
		return *bom = 2, PST_ENC_UTF16BE;
	return PST_ENC_UTF8;
}

const char *pst_enc_name(enum pst_text_enc e)
{
	static const char *const names[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE"};

	return names[e];
}

/* Whether the head looks like UTF-16 without a byte-order mark: ASCII text
 * with every other byte NUL. */
bool pst_enc_looks_utf16(const unsigned char *h, size_t n)
{
	size_t i, zero_even = 0, zero_odd = 0, m = n < 256 ? n & ~(size_t)1 : 256;

	for (i = 0; i < m; i += 2) {
		zero_even += h[i] == 0;
		zero_odd += h[i + 1] == 0;
	}
	return m >= 8 && (zero_even * 10 >= m / 2 * 9 || zero_odd * 10 >= m / 2 * 9) && zero_even != zero_odd;
}

struct pst_enc *pst_enc_new(enum pst_text_enc kind, const unsigned char *rest, size_t n)
{
	struct pst_enc *e = xcalloc(1, sizeof(*e));

	e->kind = kind;
	if (n > ENC_RAW)
		n = ENC_RAW; /* never: the head is smaller */
	memcpy(e->raw, rest, n);
	e->len = n;
	return e;
}

void pst_enc_free(struct pst_enc *e)
{
	free(e);
}

/* At least need raw bytes ready, unless the input ends. */
static int want(struct pst_enc *e, struct pst_filein *in, size_t need, struct pst_error *err)
{
	size_t got = 1;
	int rc;

	if (e->len - e->pos >= need || e->eof)
		return PST_OK;
	memmove(e->raw, e->raw + e->pos, e->len - e->pos);
	e->len -= e->pos;
	e->pos = 0;
	while (e->len < need && got) {
		rc = in ? pst_filein_read(in, e->raw + e->len, ENC_RAW - e->len, &got, err) : PST_OK;
		if (rc)
			return rc;
		if (!in)
			got = 0;
		e->len += got;
	}
	e->eof = got == 0;
	return PST_OK;
}

static uint32_t unit(const struct pst_enc *e, const unsigned char *p)
{
	switch (e->kind) {
	case PST_ENC_UTF16LE: return (uint32_t)p[0] | (uint32_t)p[1] << 8;
	case PST_ENC_UTF16BE: return (uint32_t)p[1] | (uint32_t)p[0] << 8;
	case PST_ENC_UTF32LE: return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	default: return (uint32_t)p[3] | (uint32_t)p[2] << 8 | (uint32_t)p[1] << 16 | (uint32_t)p[0] << 24;
	}
}

static size_t put_utf8(uint32_t c, unsigned char *o)
{
	if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		c = 0xFFFD;
	if (c < 0x80)
		return o[0] = (unsigned char)c, 1;
	if (c < 0x800)
		return o[0] = (unsigned char)(0xC0 | c >> 6), o[1] = (unsigned char)(0x80 | (c & 0x3F)), 2;
	if (c < 0x10000) {
		o[0] = (unsigned char)(0xE0 | c >> 12);
		o[1] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (c & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | c >> 18);
	o[1] = (unsigned char)(0x80 | (c >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (c >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (c & 0x3F));
	return 4;
}

/* The next character, or false at the end of the input. */
static int next_char(struct pst_enc *e, struct pst_filein *in, uint32_t *c, bool *more, struct pst_error *err)
{
	size_t u = e->kind == PST_ENC_UTF16LE || e->kind == PST_ENC_UTF16BE ? 2 : 4;
	int rc = want(e, in, 2 * u, err);

	*more = false;
	if (rc || e->pos == e->len)
		return rc;
	*more = true;
	if (e->len - e->pos < u) {
		e->pos = e->len; /* a cut unit at the end */
		*c = 0xFFFD;
		return PST_OK;
	}
	*c = unit(e, e->raw + e->pos);
	e->pos += u;
	if (u == 2 && *c >= 0xD800 && *c <= 0xDBFF && e->len - e->pos >= 2) {
		uint32_t lo = unit(e, e->raw + e->pos);

		if (lo >= 0xDC00 && lo <= 0xDFFF) {
			*c = 0x10000 + ((*c - 0xD800) << 10) + (lo - 0xDC00);
			e->pos += 2;
		}
	}
	return PST_OK;
}

int pst_enc_read(struct pst_enc *e, struct pst_filein *in, void *buf, size_t n, size_t *got,
                 struct pst_error *err)
{
	unsigned char *o = buf;
	size_t k = 0;
	bool more = true;
	uint32_t c;
	int rc = PST_OK;

	if (n && n < 4 && e->ppos == e->npend) {
		rc = next_char(e, in, &c, &more, err);
		e->ppos = 0;
		e->npend = rc == PST_OK && more ? put_utf8(c, e->pend) : 0;
	}
	while (k < n && e->ppos < e->npend)
		o[k++] = e->pend[e->ppos++];
	if (k)
		return *got = k, rc;
	while (k + 4 <= n && more) {
		rc = next_char(e, in, &c, &more, err);
		if (rc)
			break;
		if (more)
			k += put_utf8(c, o + k);
	}
	*got = k;
	return rc;
}
