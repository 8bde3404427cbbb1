/* jsonw.c: streaming JSON writer. */
#include "posture/jsonw.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

void pst_jsonw_init(struct pst_jsonw *w, FILE *fp)
{
	memset(w, 0, sizeof(*w));
	w->fp = fp;
	w->first[0] = true;
}

static void indent(struct pst_jsonw *w)
{
	int i;

	fputc('\n', w->fp);
	for (i = 0; i < w->depth; i++)
		fputs("  ", w->fp);
}

/* Before any value or key: the comma and line break. */
static void before_value(struct pst_jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->depth == 0)
		return;
	if (!w->first[w->depth])
		fputc(',', w->fp);
	w->first[w->depth] = false;
	indent(w);
}

static void open_container(struct pst_jsonw *w, char c)
{
	before_value(w);
	fputc(c, w->fp);
	if (w->depth + 1 < PST_JSONW_MAX_DEPTH)
		w->depth++;
	w->first[w->depth] = true;
}

static void close_container(struct pst_jsonw *w, char c)
{
	bool empty = w->first[w->depth];

	if (w->depth > 0)
		w->depth--;
	if (!empty)
		indent(w);
	fputc(c, w->fp);
}

void pst_jsonw_object_begin(struct pst_jsonw *w) { open_container(w, '{'); }
void pst_jsonw_object_end(struct pst_jsonw *w) { close_container(w, '}'); }
void pst_jsonw_array_begin(struct pst_jsonw *w) { open_container(w, '['); }
void pst_jsonw_array_end(struct pst_jsonw *w) { close_container(w, ']'); }

static void write_string(FILE *fp, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	const unsigned char *p;

	pst_utf8_sanitize(&sb, s, strlen(s));
	fputc('"', fp);
	for (p = (const unsigned char *)strbuf_cstr(&sb); *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", fp); break;
		case '\\': fputs("\\\\", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\t': fputs("\\t", fp); break;
		default:
			if (*p < 0x20)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
	strbuf_release(&sb);
}

void pst_jsonw_key(struct pst_jsonw *w, const char *key)
{
	before_value(w);
	write_string(w->fp, key);
	fputs(": ", w->fp);
	w->after_key = true;
}

void pst_jsonw_string(struct pst_jsonw *w, const char *s)
{
	if (!s) {
		pst_jsonw_null(w);
		return;
	}
	before_value(w);
	write_string(w->fp, s);
}

void pst_jsonw_int(struct pst_jsonw *w, int64_t v)
{
	before_value(w);
	fprintf(w->fp, "%lld", (long long)v);
}

void pst_jsonw_double(struct pst_jsonw *w, double v)
{
	char buf[PST_DOUBLE_BUF];

	if (!isfinite(v)) {
		pst_jsonw_null(w);
		return;
	}
	before_value(w);
	fputs(pst_format_double(v, buf, sizeof(buf)), w->fp);
}

void pst_jsonw_bool(struct pst_jsonw *w, bool v)
{
	before_value(w);
	fputs(v ? "true" : "false", w->fp);
}

void pst_jsonw_null(struct pst_jsonw *w)
{
	before_value(w);
	fputs("null", w->fp);
}

void pst_jsonw_time(struct pst_jsonw *w, pst_time t)
{
	char buf[PST_TIME_BUF];

	if (t == PST_TIME_NONE) {
		pst_jsonw_null(w);
		return;
	}
	pst_jsonw_string(w, pst_time_format(t, buf, sizeof(buf)));
}

void pst_jsonw_kv_string(struct pst_jsonw *w, const char *key, const char *s)
{
	pst_jsonw_key(w, key);
	pst_jsonw_string(w, s);
}

void pst_jsonw_kv_int(struct pst_jsonw *w, const char *key, int64_t v)
{
	pst_jsonw_key(w, key);
	pst_jsonw_int(w, v);
}

void pst_jsonw_kv_double(struct pst_jsonw *w, const char *key, double v)
{
	pst_jsonw_key(w, key);
	pst_jsonw_double(w, v);
}

void pst_jsonw_kv_bool(struct pst_jsonw *w, const char *key, bool v)
{
	pst_jsonw_key(w, key);
	pst_jsonw_bool(w, v);
}

void pst_jsonw_kv_time(struct pst_jsonw *w, const char *key, pst_time t)
{
	pst_jsonw_key(w, key);
	pst_jsonw_time(w, t);
}

void pst_jsonw_finish(struct pst_jsonw *w)
{
	fputc('\n', w->fp);
}
