/* utf8.c: UTF-8 validation (RFC 3629). */
#include <stdint.h>
#include <string.h>
#include "posture/utf8.h"
#include "posture/arabic.h"

/* Length of the valid sequence at s (1..4), or 0 if invalid. */
static size_t seq_len(const unsigned char *s, size_t n)
{
	unsigned char c = s[0];
	size_t len, i;
	unsigned lo = 0x80, hi = 0xBF;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		len = 2;
	else if (c >= 0xE0 && c <= 0xEF)
		len = 3;
	else if (c >= 0xF0 && c <= 0xF4)
		len = 4;
	else
		return 0;
	if (n < len)
		return 0;
	if (c == 0xE0)
		lo = 0xA0;
	else if (c == 0xED)
		hi = 0x9F;
	else if (c == 0xF0)
		lo = 0x90;
	else if (c == 0xF4)
		hi = 0x8F;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < 0x80 || s[i] > 0xBF)
			return 0;
	return len;
}

bool pst_utf8_valid(const char *s, size_t len, size_t *bad_at)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		size_t n = seq_len(p + i, len - i);

		if (!n) {
			if (bad_at)
				*bad_at = i;
			return false;
		}
		i += n;
	}
	return true;
}

/* The end of the run from i of bytes that pass unchanged: printable
 * ASCII, tab, newline and valid multi-byte sequences. */
static size_t clean_run(const unsigned char *p, size_t i, size_t len)
{
	const uint64_t ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);
	uint64_t w;

	/* eight printable ASCII bytes at a time: none below 0x20, none above 0x7E */
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, p + i, 8);
		if ((((w - ones * 0x20) & ~w) | ((w + ones) | w)) & high)
			break;
	}
	while (i < len) {
		unsigned char c = p[i];
		size_t n;

		if ((c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n') {
			i++;
			continue;
		}
		n = c >= 0x80 ? seq_len(p + i, len - i) : 0;
		if (n < 2)
			break;
		i += n;
	}
	return i;
}

void pst_utf8_sanitize(struct strbuf *sb, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run;

	strbuf_grow(sb, len);
	while (i < len) {
		run = clean_run(p, i, len);
		if (run > i)
			strbuf_add(sb, s + i, run - i);
		i = run;
		if (i == len)
			break;
		if (p[i] >= 0x80) /* an invalid sequence: one replacement character a byte */
			strbuf_add(sb, "\xEF\xBF\xBD", 3);
		i++; /* else a control byte: dropped */
	}
}

size_t pst_utf8_cut(const char *s, size_t len, size_t max_bytes)
{
	size_t n;

	if (len <= max_bytes)
		return len;
	n = max_bytes;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

void pst_utf8_fputs(const char *s, FILE *fp)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s)
		return;
	pst_utf8_sanitize(&sb, s, strlen(s));
	fputs(strbuf_cstr(&sb), fp);
	strbuf_release(&sb);
}

void pst_utf8_escape(struct strbuf *sb, const char *s)
{
	const char *run = s, *p;

	for (p = s; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 0x20 && c != 0x7F)
			continue;
		pst_utf8_sanitize(sb, run, (size_t)(p - run));
		strbuf_addf(sb, "\\x%02X", c);
		run = p + 1;
	}
	pst_utf8_sanitize(sb, run, (size_t)(p - run));
	strbuf_addstr(sb, "");
}

uint32_t pst_utf8_unshaped(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	uint32_t c, base[2];

	for (; *p; p++) {
		if (*p < 0xC0)
			continue;
		if (*p >= 0xF0)
			return 0x10000; /* past U+FFFF */
		if (*p < 0xE0 && p[1])
			c = (uint32_t)(*p & 0x1F) << 6 | (p[1] & 0x3F);
		else if (*p >= 0xE0 && p[1] && p[2])
			c = (uint32_t)(*p & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		else
			continue;
		if ((c >= 0x0600 && c <= 0x08FF && !pst_arabic_drawable(c)) || (c >= 0x0900 && c <= 0x0FFF) ||
		    (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) ||
		    (((c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF)) && !pst_arabic_base(c, base)))
			return c;
	}
	return 0;
}
