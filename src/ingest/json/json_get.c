/* json_get.c: tolerant typed access to cJSON members. */
#include "json_get.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_arena.h"
#include "posture/strbuf.h"

void pst_jtmp_release(struct pst_jtmp *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->items[i]);
	free(t->items);
	t->items = NULL;
	t->n = t->alloc = 0;
}

void *pst_jtmp_alloc(struct pst_jtmp *t, size_t n)
{
	if (pst_jarena_active())
		return pst_jarena_alloc(n ? n : 1); /* inside an element: dropped with its tree */
	PST_GROW(t->items, t->alloc, t->n + 1);
	t->items[t->n] = xmalloc(n ? n : 1);
	return t->items[t->n++];
}

char *pst_jtmp_strndup(struct pst_jtmp *t, const char *s, size_t n)
{
	char *d = pst_jtmp_alloc(t, n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

/* cJSON_GetObjectItem (the first member whose key equals key in any ASCII
 * case: cJSON's tolower in the C locale), without a call per byte. */
const cJSON *pst_jget(const cJSON *o, const char *key)
{
	const cJSON *e;
	unsigned k0;

	if (!o || (o->type & 0xFF) != cJSON_Object || !key) /* cJSON_IsObject, inline */
		return NULL;
	k0 = (unsigned char)key[0];
	for (e = o->child; e; e = e->next) {
		const unsigned char *a = (const unsigned char *)e->string, *b = (const unsigned char *)key;

		/* lower() changes only bit 0x20: bytes that differ elsewhere never match */
		if (!a || ((a[0] ^ k0) & 0xDF))
			continue;
		while (*a && lower(*a) == lower(*b))
			a++, b++;
		if (!*a && !*b)
			return e;
	}
	return NULL;
}

const cJSON *pst_jobj(const cJSON *o, const char *key)
{
	const cJSON *v = pst_jget(o, key);

	return cJSON_IsObject(v) ? v : NULL;
}

static const char *str_of(const cJSON *v)
{
	return cJSON_IsString(v) && v->valuestring && v->valuestring[0] ? v->valuestring : NULL;
}

const char *pst_jstr(const cJSON *o, const char *key)
{
	return str_of(pst_jget(o, key));
}

/* Whole numbers up to 2^53 print exactly; others with 15 digits, or 17 when needed. */
static const char *number_text(struct pst_jtmp *t, double d)
{
	char buf[64];

	if (!isfinite(d))
		return NULL;
	if (d == floor(d) && fabs(d) < 9007199254740992.0)
		snprintf(buf, sizeof(buf), "%.0f", d);
	else if (snprintf(buf, sizeof(buf), "%.15g", d) > 0 && strtod(buf, NULL) != d)
		snprintf(buf, sizeof(buf), "%.17g", d); /* the shortest text that reads back the same */
	return pst_jtmp_strndup(t, buf, strlen(buf));
}

const char *pst_jcell(struct pst_jtmp *t, const cJSON *v)
{
	const char *copy;
	char *json;

	if (!cJSON_IsObject(v) && !cJSON_IsArray(v))
		return pst_jscalar(t, v);
	json = cJSON_PrintUnformatted(v);
	if (!json)
		return NULL;
	copy = pst_jtmp_strndup(t, json, strlen(json)); /* cJSON's memory may be the arena's (json_arena.h) */
	cJSON_free(json);
	return copy;
}

const char *pst_jtext(struct pst_jtmp *t, const cJSON *o, const char *key)
{
	return pst_jscalar(t, pst_jget(o, key));
}

const char *pst_jscalar(struct pst_jtmp *t, const cJSON *v)
{
	if (cJSON_IsNumber(v))
		return number_text(t, v->valuedouble);
	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? "true" : "false";
	return str_of(v);
}

double pst_jnum(const cJSON *o, const char *key)
{
	const cJSON *v = pst_jget(o, key);
	double d;

	if (cJSON_IsNumber(v))
		return v->valuedouble;
	if (str_of(v) && pst_parse_double(v->valuestring, &d))
		return d;
	return NAN;
}

int64_t pst_jint(const cJSON *o, const char *key)
{
	double d = pst_jnum(o, key);

	if (isnan(d) || d != floor(d) || d < 0 || d > 9007199254740992.0)
		return -1;
	return (int64_t)d;
}

int pst_jbool(const cJSON *o, const char *key)
{
	const cJSON *v = pst_jget(o, key);
	const char *s = str_of(v);

	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v) ? 1 : 0;
	if (cJSON_IsNumber(v))
		return v->valuedouble != 0;
	if (s && pst_streq_ci(s, "true"))
		return 1;
	if (s && pst_streq_ci(s, "false"))
		return 0;
	return -1;
}

pst_time pst_jtime(const cJSON *o, const char *key)
{
	const char *s = pst_jstr(o, key);
	pst_time t;

	if (s && pst_time_parse_str(s, &t))
		return t;
	return PST_TIME_NONE;
}

const char *pst_jfirst(const cJSON *o, const char *key)
{
	const cJSON *v = pst_jget(o, key);

	if (cJSON_IsArray(v))
		return str_of(cJSON_GetArrayItem(v, 0));
	return str_of(v);
}

struct pst_str_list pst_jstr_list(struct pst_jtmp *t, const cJSON *o, const char *key)
{
	struct pst_str_list l = {NULL, 0};
	const cJSON *v = pst_jget(o, key), *e;
	const char **items;

	if (!cJSON_IsArray(v) || !v->child)
		return l;
	items = pst_jtmp_alloc(t, (size_t)cJSON_GetArraySize(v) * sizeof(*items));
	cJSON_ArrayForEach(e, v) {
		if (str_of(e))
			items[l.n++] = e->valuestring;
	}
	l.items = items;
	return l;
}

const char *pst_jjoin(struct pst_jtmp *t, const cJSON *o, const char *key, const char *sep)
{
	const cJSON *v = pst_jget(o, key), *e;
	struct strbuf sb = STRBUF_INIT;
	char *s;

	if (!cJSON_IsArray(v))
		return str_of(v);
	cJSON_ArrayForEach(e, v) {
		if (!str_of(e))
			continue;
		if (sb.len)
			strbuf_addstr(&sb, sep);
		strbuf_addstr(&sb, e->valuestring);
	}
	if (!sb.len)
		return NULL;
	s = pst_jtmp_strndup(t, sb.buf, sb.len);
	strbuf_release(&sb);
	return s;
}

const char *pst_jor(const char *a, const char *b)
{
	return a ? a : b;
}

const char *pst_jid_segment(struct pst_jtmp *t, const char *id, const char *name)
{
	size_t nl = strlen(name);
	const char *p;

	for (p = id; p && *p; p++) {
		if (*p == '/' && pst_strncasecmp(p + 1, name, nl) == 0 && p[1 + nl] == '/') {
			size_t n = strcspn(p + 2 + nl, "/");

			return n ? pst_jtmp_strndup(t, p + 2 + nl, n) : NULL;
		}
	}
	return NULL;
}

const char *pst_jid_resource(struct pst_jtmp *t, const char *id)
{
	static const char marker[] = "/providers/microsoft.security/assessments/";
	const char *p, *found = NULL;

	for (p = id; p && *p; p++)
		if (*p == '/' && (p[1] | 0x20) == 'p' && pst_strncasecmp(p, marker, sizeof(marker) - 1) == 0)
			found = p;
	return found && found > id ? pst_jtmp_strndup(t, id, (size_t)(found - id)) : NULL;
}

const char *pst_jid_last(struct pst_jtmp *t, const char *id)
{
	const char *s;
	size_t n;

	return pst_id_last_segment(id, &s, &n) ? pst_jtmp_strndup(t, s, n) : NULL;
}
