/* csvw.c: CSV writer with formula neutralisation. */
#include "posture/csvw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

void pst_csvw_init(struct pst_csvw *w, FILE *fp)
{
	w->fp = fp;
	w->line_open = false;
}

static void sep(struct pst_csvw *w)
{
	if (w->line_open)
		fputc(',', w->fp);
	w->line_open = true;
}

static bool needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\n\r") != NULL || (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '));
}

static bool looks_like_formula(const char *s)
{
	return *s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r';
}

void pst_csvw_field(struct pst_csvw *w, const char *s)
{
	struct strbuf sb = STRBUF_INIT, clean = STRBUF_INIT;
	const char *p;

	sep(w);
	if (!s || !*s)
		return;
	/* Sanitized first (control characters go), then guarded: "\x01=1+2"
	 * must not come out as a formula. */
	pst_utf8_sanitize(&clean, s, strlen(s));
	if (looks_like_formula(strbuf_cstr(&clean)))
		strbuf_addch(&sb, '\'');
	strbuf_addstr(&sb, strbuf_cstr(&clean));
	strbuf_release(&clean);
	if (!sb.len) {
		strbuf_release(&sb);
		return;
	}
	if (!needs_quotes(sb.buf)) {
		fputs(sb.buf, w->fp);
	} else {
		fputc('"', w->fp);
		for (p = sb.buf; *p; p++) {
			if (*p == '"')
				fputc('"', w->fp);
			fputc(*p, w->fp);
		}
		fputc('"', w->fp);
	}
	strbuf_release(&sb);
}

void pst_csvw_int(struct pst_csvw *w, int64_t v)
{
	sep(w);
	fprintf(w->fp, "%lld", (long long)v);
}

void pst_csvw_double(struct pst_csvw *w, double v)
{
	char buf[PST_DOUBLE_BUF];

	sep(w);
	if (!isfinite(v))
		return;
	fputs(pst_format_double(v, buf, sizeof(buf)), w->fp);
}

void pst_csvw_time(struct pst_csvw *w, pst_time t)
{
	char buf[PST_TIME_BUF];

	sep(w);
	if (t != PST_TIME_NONE)
		fputs(pst_time_format(t, buf, sizeof(buf)), w->fp);
}

void pst_csvw_bool(struct pst_csvw *w, bool v)
{
	sep(w);
	fputs(v ? "true" : "false", w->fp);
}

void pst_csvw_end(struct pst_csvw *w)
{
	fputc('\n', w->fp);
	w->line_open = false;
}

void pst_csvw_header(struct pst_csvw *w, const char *const *names)
{
	for (; *names; names++)
		pst_csvw_field(w, *names);
	pst_csvw_end(w);
}
