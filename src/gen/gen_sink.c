/* gen_sink.c: output files written in chunks (plain or gzip through zlib's
 * deflate, header without a time stamp: deterministic), and the JSON and CSV
 * text helpers of the writers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gen.h"

#define SINK_CHUNK (1u << 20)

int gen_sink_open(struct gen_sink *s, const char *path, int zlevel, struct pst_error *err)
{
	int rc;

	memset(s, 0, sizeof(*s));
	strbuf_init(&s->buf);
	s->gzip = zlevel > 0;
	rc = pst_outfile_open(&s->of, path, err);
	if (rc || !s->gzip)
		return rc;
	s->zout = xmalloc(SINK_CHUNK);
	if (deflateInit2(&s->z, zlevel, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		pst_outfile_abort(&s->of);
		free(s->zout);
		return pst_fail(err, PST_ESOFTWARE, "%s: cannot start gzip", path);
	}
	return PST_OK;
}

static void deflate_out(struct gen_sink *s, int flush)
{
	int zr;

	s->z.next_in = (unsigned char *)s->buf.buf;
	s->z.avail_in = (uInt)s->buf.len;
	do {
		s->z.next_out = s->zout;
		s->z.avail_out = SINK_CHUNK;
		zr = deflate(&s->z, flush);
		fwrite(s->zout, 1, SINK_CHUNK - s->z.avail_out, s->of.fp);
	} while (s->z.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
}

void gen_sink_flush(struct gen_sink *s, bool always)
{
	if (!always && s->buf.len < SINK_CHUNK)
		return;
	if (s->gzip)
		deflate_out(s, Z_NO_FLUSH);
	else if (s->buf.len)
		fwrite(s->buf.buf, 1, s->buf.len, s->of.fp);
	strbuf_reset(&s->buf);
}

void gen_sink_abort(struct gen_sink *s)
{
	if (s->gzip) {
		deflateEnd(&s->z);
		free(s->zout);
	}
	strbuf_release(&s->buf);
	pst_outfile_abort(&s->of);
}

int gen_sink_close(struct gen_sink *s, struct pst_error *err)
{
	int rc;

	if (s->gzip) {
		deflate_out(s, Z_FINISH);
		deflateEnd(&s->z);
		free(s->zout);
	} else {
		gen_sink_flush(s, true);
	}
	strbuf_release(&s->buf);
	rc = pst_outfile_commit(&s->of, err);
	return rc;
}

void gen_json_str(struct strbuf *sb, const char *s)
{
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, c);
		} else if (c == '\n') {
			strbuf_addstr(sb, "\\n");
		} else if (c < 0x20) {
			strbuf_addf(sb, "\\u%04x", c);
		} else {
			strbuf_addch(sb, c);
		}
	}
	strbuf_addch(sb, '"');
}

void gen_json_kstr(struct strbuf *sb, const char *k, const char *v)
{
	strbuf_addf(sb, "\"%s\":", k);
	if (v)
		gen_json_str(sb, v);
	else
		strbuf_addstr(sb, "null");
	strbuf_addch(sb, ',');
}

static char *digits(char *p, unsigned v, int n)
{
	int i;

	for (i = n - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + n;
}

/* 2026-05-03T10:23:45.1230000Z: seven fraction digits, as Defender writes
 * (written by hand: it is the writers' hot path). */
void gen_time_text(pst_time t, char *buf, size_t size)
{
	int64_t days = t >= 0 ? t / PST_MS_PER_DAY : -((-t + PST_MS_PER_DAY - 1) / PST_MS_PER_DAY), y;
	unsigned ms = (unsigned)(t - days * PST_MS_PER_DAY), m, d;
	char tmp[32], *p = tmp;

	pst_civil_from_days(days, &y, &m, &d);
	p = digits(p, (unsigned)y, 4);
	*p++ = '-';
	p = digits(p, m, 2);
	*p++ = '-';
	p = digits(p, d, 2);
	*p++ = 'T';
	p = digits(p, ms / 3600000, 2);
	*p++ = ':';
	p = digits(p, ms / 60000 % 60, 2);
	*p++ = ':';
	p = digits(p, ms / 1000 % 60, 2);
	*p++ = '.';
	p = digits(p, ms % 1000 * 10000, 7);
	*p++ = 'Z';
	*p = '\0';
	pst_strlcpy(buf, tmp, size);
}

void gen_json_time(struct strbuf *sb, pst_time t)
{
	char buf[48];

	gen_time_text(t, buf, sizeof(buf));
	strbuf_addf(sb, "\"%s\"", buf);
}

void gen_json_num(struct strbuf *sb, double v)
{
	char buf[64];
	size_t n;

	snprintf(buf, sizeof(buf), "%.4f", v);
	n = strlen(buf);
	while (n > 1 && buf[n - 1] == '0')
		buf[--n] = '\0';
	if (n > 1 && buf[n - 1] == '.')
		buf[--n] = '\0';
	strbuf_addstr(sb, buf);
}

void gen_csv_field(struct strbuf *sb, const char *s, bool first, bool always_quote)
{
	bool quote = always_quote || strpbrk(s ? s : "", ",\"\r\n") != NULL;

	if (!first)
		strbuf_addch(sb, ',');
	if (!s)
		s = "";
	if (!quote) {
		strbuf_addstr(sb, s);
		return;
	}
	strbuf_addch(sb, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *s);
	}
	strbuf_addch(sb, '"');
}
