/* json_element.c: one element's bytes to a parsed cJSON value, with
 * rejects that name the place (NUL bytes, invalid UTF-8, bad JSON, nesting
 * beyond cJSON's limit, a record larger than the element cap). */
#include "json_read.h"

#include "json_arena.h"
#include "json_fast.h"

#include <string.h>

/* Line and column of byte k of the element that starts at start. */
static void elem_pos(const struct pst_jpos *start, const char *text, size_t k, uint64_t *line, uint64_t *col)
{
	size_t i, last_nl = 0;
	bool nl = false;

	*line = start->line;
	for (i = 0; i < k; i++) {
		if (text[i] == '\n') {
			(*line)++;
			last_nl = i;
			nl = true;
		}
	}
	*col = nl ? (uint64_t)(k - last_nl) : start->col + k;
}

void pst_jreader_origin(const struct pst_jreader *r, const struct pst_jpos *start, struct pst_origin *at)
{
	if (r->mem) {
		*at = r->mem_at;
		return;
	}
	memset(at, 0, sizeof(*at));
	at->line = start->line;
	at->offset = start->offset;
	at->index = r->index;
}

/* Offset of the first byte >= 0x80, or n: most exports are ASCII, and
 * eight bytes at a time skip the UTF-8 decoder for them. */
static size_t ascii_prefix(const char *text, size_t n)
{
	const uint64_t high = UINT64_C(0x8080808080808080);
	size_t i = 0;
	uint64_t w;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, text + i, 8);
		if (w & high)
			break;
	}
	while (i < n && !((unsigned char)text[i] & 0x80))
		i++;
	return i;
}

/* NUL bytes and invalid UTF-8: reject before cJSON sees the text. */
static bool bytes_ok(struct pst_jreader *r, const struct pst_jpos *start, const struct pst_origin *at)
{
	const char *text = r->elem.buf, *nul = memchr(text, '\0', r->elem.len);
	uint64_t line, col;
	size_t ok, bad;

	if (nul) {
		elem_pos(start, text, (size_t)(nul - text), &line, &col);
		pst_reject(r->fc, at, "NUL byte at %llu:%llu", (unsigned long long)line, (unsigned long long)col);
		return false;
	}
	ok = ascii_prefix(text, r->elem.len);
	if (ok < r->elem.len && !pst_utf8_valid(text + ok, r->elem.len - ok, &bad)) {
		elem_pos(start, text, ok + bad, &line, &col);
		pst_reject(r->fc, at, "invalid UTF-8 at %llu:%llu", (unsigned long long)line, (unsigned long long)col);
		return false;
	}
	return true;
}

/* Deepest bracket nesting in text, outside strings (to explain a parse failure). */
static unsigned text_depth(const char *text, size_t n)
{
	unsigned depth = 0, max = 0;
	bool in_str = false, esc = false;
	size_t i;

	for (i = 0; i < n; i++) {
		char c = text[i];

		if (in_str) {
			if (esc)
				esc = false;
			else if (c == '\\')
				esc = true;
			else if (c == '"')
				in_str = false;
		} else if (c == '"') {
			in_str = true;
		} else if (c == '{' || c == '[') {
			max = ++depth > max ? depth : max;
		} else if ((c == '}' || c == ']') && depth) {
			depth--;
		}
	}
	return max;
}

static void reject_parse(struct pst_jreader *r, const struct pst_jpos *start, const struct pst_origin *at,
                         const char *end)
{
	const char *text = r->elem.buf;
	uint64_t line, col;

	if (text_depth(text, r->elem.len) > CJSON_NESTING_LIMIT) {
		pst_reject(r->fc, at, "nesting deeper than %d levels (cJSON's limit)", CJSON_NESTING_LIMIT);
		return;
	}
	elem_pos(start, text, end && end >= text ? (size_t)(end - text) : 0, &line, &col);
	pst_reject(r->fc, at, "invalid JSON at %llu:%llu", (unsigned long long)line, (unsigned long long)col);
}

cJSON *pst_jreader_parse(struct pst_jreader *r, const struct pst_jpos *start, const struct pst_origin *at,
                         bool too_big)
{
	const char *end = NULL;
	cJSON *root;

	if (too_big) {
		pst_reject(r->fc, at, "record larger than the %u MiB limit (PST_INGEST_MAX_ELEMENT): skipped",
		           PST_INGEST_MAX_ELEMENT >> 20);
		return NULL;
	}
	if (!r->elem.len || !bytes_ok(r, start, at))
		return NULL;
	root = cJSON_ParseWithLengthOpts(r->elem.buf, r->elem.len, &end, false);
	if (!root)
		reject_parse(r, start, at, end);
	return root;
}

static const char *json_type_name(const cJSON *v)
{
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsNull(v))
		return "null";
	return cJSON_IsBool(v) ? "a boolean" : "not an object";
}

/* Where the element at start comes from; counts it. */
static void element_src(struct pst_jreader *r, const struct pst_jpos *start, bool in_list, struct pst_json_src *src)
{
	pst_jreader_origin(r, start, &src->at);
	src->in_list = in_list && !r->mem; /* an event body is not a full list */
	src->enqueued = r->enqueued;
	r->index++;
}

bool pst_jreader_fast(struct pst_jreader *r, const struct pst_jpos *start, const char *buf, size_t len, bool top,
                      bool in_list, size_t *used, int *rc, struct pst_error *err)
{
	struct pst_json_src src;
	cJSON *root;
	size_t n = 0;

	if (!pst_jfast_on())
		return false;
	pst_jarena_begin();
	root = pst_jfast_parse(buf, len, top, r->example, &n);
	if (!root || (top ? n > PST_INGEST_MAX_ELEMENT : n != len) || !pst_jfast_covered(root)) {
		pst_jarena_end();
		return false;
	}
	if (top)
		pst_jreader_format(r, r->example ? PST_FMT_REST_EXAMPLE : PST_FMT_JSON_OBJECT);
	element_src(r, start, in_list, &src);
	*rc = pst_json_record(r->fc, root, &src, err);
	pst_jarena_end();
	*used = n;
	return true;
}

int pst_jreader_element(struct pst_jreader *r, const struct pst_jpos *start, bool in_list, bool too_big,
                        struct pst_error *err)
{
	struct pst_json_src src;
	cJSON *root;
	int rc = PST_OK;
	size_t used;

	if (!too_big && pst_jreader_fast(r, start, r->elem.buf, r->elem.len, false, in_list, &used, &rc, err))
		return rc;
	element_src(r, start, in_list, &src);
	pst_jarena_begin(); /* the element's tree from the arena, dropped at end */
	root = pst_jreader_parse(r, start, &src.at, too_big);
	if (root && !cJSON_IsObject(root))
		pst_reject(r->fc, &src.at, "the record is %s, not an object", json_type_name(root));
	else if (root)
		rc = pst_jreader_object(r, root, &src, err);
	cJSON_Delete(root);
	pst_jarena_end();
	return rc;
}
