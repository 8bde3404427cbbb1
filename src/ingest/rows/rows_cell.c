/* rows_cell.c: reading the cells of a row (text, times, numbers, JSON
 * text) and the Properties JSON, for the table normalizers. */
#include "rows.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "posture/utf8.h"

#define QUOTE_MAX 40 /* bytes of a cell quoted in a message */

void *row_keep(struct row_ctx *c, void *p)
{
	PST_GROW(c->owned, c->owned_alloc, c->nowned + 1);
	c->owned[c->nowned++] = p;
	return p;
}

const char *row_strndup(struct row_ctx *c, const char *s, size_t n)
{
	return row_keep(c, xstrndup(s, n));
}

bool row_reject(struct row_ctx *c, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	pst_reject(c->fc, c->at, "%s", sb.buf);
	strbuf_release(&sb);
	return false;
}

void row_warn(struct row_ctx *c, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	pst_warn(c->fc, c->at, "%s", sb.buf);
	strbuf_release(&sb);
}

/* s itself when it is valid UTF-8, else a sanitized copy (and one warning
 * per row naming what held it). */
static const char *valid_text(struct row_ctx *c, const char *s, const char *what)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s);

	if (pst_utf8_valid(s, len, NULL))
		return s;
	if (!c->warned_utf8)
		row_warn(c, "invalid UTF-8 in %s: bad bytes replaced by U+FFFD", what);
	c->warned_utf8 = true;
	pst_utf8_sanitize(&sb, s, len);
	return row_keep(c, strbuf_detach(&sb));
}

const char *row_quote(struct row_ctx *c, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(s), cut = pst_utf8_cut(s, len, QUOTE_MAX);

	if (cut == len)
		return s;
	strbuf_add(&sb, s, cut);
	strbuf_addstr(&sb, "...");
	return row_keep(c, strbuf_detach(&sb));
}

const char *row_cell(struct row_ctx *c, enum pst_col k)
{
	int i = c->ix->at[k];
	const char *v;

	if (i < 0 || (size_t)i >= c->row->n || !c->row->values)
		return NULL;
	v = c->row->values[i];
	if (!v || !*v)
		return NULL;
	return valid_text(c, v, pst_row_column_name(k));
}

/* pst_time_parse_str, also for the Log Analytics portal export's
 * "10/31/2026, 6:00:12.123 AM" (a comma after the date). */
static bool parse_time(const char *s, pst_time *t)
{
	char buf[64];
	const char *comma = strchr(s, ',');
	size_t head = comma ? (size_t)(comma - s) : 0;

	if (pst_time_parse_str(s, t))
		return true;
	if (!comma || strlen(s) >= sizeof(buf))
		return false;
	memcpy(buf, s, head);
	pst_strlcpy(buf + head, comma + 1, sizeof(buf) - head);
	return pst_time_parse_str(buf, t);
}

pst_time row_time(struct row_ctx *c, enum pst_col k)
{
	const char *s = row_cell(c, k);
	pst_time t;

	if (!s)
		return PST_TIME_NONE;
	if (parse_time(s, &t))
		return t;
	row_warn(c, "%s: not a time: '%s'", pst_row_column_name(k), row_quote(c, s));
	return PST_TIME_NONE;
}

double row_num(struct row_ctx *c, enum pst_col k)
{
	const char *s = row_cell(c, k);
	double v;

	if (!s)
		return NAN;
	if (pst_parse_double(s, &v))
		return v;
	row_warn(c, "%s: not a number: '%s'", pst_row_column_name(k), row_quote(c, s));
	return NAN;
}

int64_t row_count(struct row_ctx *c, enum pst_col k)
{
	double v = row_num(c, k);

	if (isnan(v))
		return -1;
	if (v < 0 || v > 9e15 || v != floor(v)) {
		row_warn(c, "%s: not a count: %g", pst_row_column_name(k), v);
		return -1;
	}
	return (int64_t)v;
}

const cJSON *row_json(struct row_ctx *c, enum pst_col k)
{
	const char *s = row_cell(c, k);
	cJSON *j;

	if (!s)
		return NULL;
	j = cJSON_ParseWithOpts(s, NULL, 1);
	if (!j) {
		row_warn(c, "%s: not valid JSON text", pst_row_column_name(k));
		return NULL;
	}
	PST_GROW(c->trees, c->trees_alloc, c->ntrees + 1);
	c->trees[c->ntrees++] = j;
	return j;
}

const cJSON *row_jget(const cJSON *obj, const char *path)
{
	char seg[64];

	while (obj && *path) {
		size_t n = strcspn(path, ".");

		if (n >= sizeof(seg) || !cJSON_IsObject(obj))
			return NULL;
		memcpy(seg, path, n);
		seg[n] = '\0';
		obj = cJSON_GetObjectItem(obj, seg); /* case-insensitive */
		path += n + (path[n] == '.');
	}
	return obj;
}

const char *row_jstr(struct row_ctx *c, const cJSON *obj, const char *path)
{
	const cJSON *j = row_jget(obj, path);

	if (!cJSON_IsString(j) || !j->valuestring || !*j->valuestring)
		return NULL;
	return valid_text(c, j->valuestring, path);
}

double row_jnum(const cJSON *obj, const char *path)
{
	const cJSON *j = row_jget(obj, path);
	double v;

	if (cJSON_IsNumber(j))
		return j->valuedouble;
	if (cJSON_IsString(j) && pst_parse_double(j->valuestring, &v))
		return v;
	return NAN;
}

const char *row_pstr(struct row_ctx *c, const char *path)
{
	return c->props ? row_jstr(c, c->props, path) : NULL;
}

const char *row_pick(struct row_ctx *c, enum pst_col k, const char *path)
{
	const char *s = row_cell(c, k);

	return s ? s : row_pstr(c, path);
}

pst_time row_pick_time(struct row_ctx *c, enum pst_col k, const char *path)
{
	pst_time t = row_time(c, k);
	const char *s;

	if (t != PST_TIME_NONE)
		return t;
	s = row_pstr(c, path);
	return s && parse_time(s, &t) ? t : PST_TIME_NONE;
}

pst_time row_status_change(struct row_ctx *c, enum pst_col k, const char *path)
{
	const char *s = row_cell(c, k);
	pst_time t;

	if (s && parse_time(s, &t))
		return t;
	if (s) {
		c->rec.bad_time_field = pst_row_column_name(k);
		c->rec.bad_time_value = s;
	}
	s = path ? row_pstr(c, path) : NULL;
	if (s && parse_time(s, &t))
		return t;
	if (s) {
		c->rec.bad_time_field = path;
		c->rec.bad_time_value = s;
	}
	return PST_TIME_NONE;
}

double row_pick_num(struct row_ctx *c, enum pst_col k, const char *path)
{
	double v = row_num(c, k);

	return isnan(v) && c->props ? row_jnum(c->props, path) : v;
}

void row_la_common(struct row_ctx *c)
{
	const char *snap = row_cell(c, PST_COL_IS_SNAPSHOT);
	const cJSON *p = row_json(c, PST_COL_PROPERTIES);
	const cJSON *inner = row_jget(p, "properties");

	c->rec.snapshot = snap && (pst_streq_ci(snap, "true") || strcmp(snap, "1") == 0) ? PST_SNAP_RECORD
	                                                                                 : PST_SNAP_STREAM;
	c->rec.observed = row_time(c, PST_COL_TIME_GENERATED);
	if (c->rec.observed != PST_TIME_NONE)
		c->rec.time_src = PST_TS_RECORD;
	/* Log Analytics' TenantId column is the workspace id, not the Azure AD
	 * tenant: it is not reported as a tenant (rec.tenant_id stays NULL). */
	c->props = cJSON_IsObject(inner) ? inner : cJSON_IsObject(p) ? p : NULL;
}

const char *row_name_of(struct row_ctx *c, const char *s)
{
	const char *seg;
	size_t n;

	if (!s || !strchr(s, '/'))
		return s;
	if (!pst_id_last_segment(s, &seg, &n) || n == 0)
		return NULL;
	return row_strndup(c, seg, n);
}

const char *row_assessment_key(struct row_ctx *c, const char *id, const char *name)
{
	if (id && strchr(id, '/'))
		return row_name_of(c, id);
	if (name && strchr(name, '/'))
		return row_name_of(c, name);
	if (name && !strchr(name, ' '))
		return name;
	return id && !strchr(id, ' ') ? id : NULL;
}

const char *row_strcasestr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (pst_strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

/* An item of a list: a string, or an object's "id". */
static const char *list_item(struct row_ctx *c, const cJSON *item, bool last_segment)
{
	const char *s = cJSON_IsObject(item) ? row_jstr(c, item, "id") : NULL;

	if (cJSON_IsString(item) && item->valuestring && *item->valuestring)
		s = valid_text(c, item->valuestring, "a list");
	return last_segment ? row_name_of(c, s) : s;
}

struct pst_str_list row_str_list(struct row_ctx *c, const cJSON *arr, bool last_segment)
{
	struct pst_str_list l = {NULL, 0};
	const char **items;
	const cJSON *it;
	int n = cJSON_GetArraySize(arr);

	if (!cJSON_IsArray(arr) || n <= 0)
		return l;
	items = row_keep(c, xcalloc((size_t)n, sizeof(*items)));
	cJSON_ArrayForEach(it, arr) {
		const char *s = list_item(c, it, last_segment);

		if (s)
			items[l.n++] = s;
	}
	l.items = items;
	return l;
}
