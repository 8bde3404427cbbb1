/* read_json.c: every JSON export shape, streamed.
 *
 * The top level is a sequence of values (one value, or NDJSON /
 * concatenated values).  An array: each element is a record.  An object is
 * read member by member while its bytes are kept (up to the element cap):
 * a wrapper key (value, data, records, tables, responses."200".body) turns
 * it into a container whose array is streamed element by element; without
 * one, the kept bytes are the record.  Each element goes to cJSON alone.
 */
#include "json_read.h"

#include <string.h>

static bool format_is(const struct pst_jreader *r, enum pst_format f)
{
	return r->fc->rep->format == f;
}

static int list_element(struct pst_jreader *r, const struct pst_jpos *start, void *ctx, struct pst_error *err)
{
	(void)ctx;
	return pst_jreader_element(r, start, true, r->sc.too_big, err);
}

static int events_element(struct pst_jreader *r, const struct pst_jpos *start, void *ctx, struct pst_error *err)
{
	(void)ctx;
	return pst_jreader_element(r, start, false, r->sc.too_big, err);
}

static int read_list_as(struct pst_jreader *r, enum pst_format f, pst_jelem_fn fn, struct pst_error *err)
{
	pst_jreader_format(r, r->example ? PST_FMT_REST_EXAMPLE : f);
	return pst_jreader_list(r, fn, NULL, err);
}

static int read_body(struct pst_jreader *r, int c, struct pst_error *err);

static int status_member(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	(void)ctx;
	if (!pst_streq_ci(r->key.buf, "body"))
		return pst_jreader_skip_value(r, false, err);
	r->example = true;
	return read_body(r, c, err);
}

static int responses_member(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	(void)ctx;
	if (strcmp(r->key.buf, "200") != 0 || c != '{')
		return pst_jreader_skip_value(r, false, err);
	return pst_jreader_members(r, false, status_member, NULL, err);
}

enum wrapper { W_NONE, W_VALUE, W_DATA, W_RECORDS, W_TABLES, W_RESPONSES };

/* Whether a member (key, first byte of its value) makes its object a
 * wrapper.  A body inside a body is not followed: no unbounded recursion. */
static enum wrapper wrapper_of(const struct pst_jreader *r, const char *k, int c)
{
	if (c == '[' && pst_streq_ci(k, "value"))
		return W_VALUE;
	if (c == '[' && pst_streq_ci(k, "data"))
		return W_DATA;
	if (c == '[' && pst_streq_ci(k, "records"))
		return W_RECORDS;
	if (c == '[' && pst_streq_ci(k, "tables"))
		return W_TABLES;
	if (c == '{' && pst_streq_ci(k, "responses") && !r->example)
		return W_RESPONSES;
	return W_NONE;
}

static int read_wrapper(struct pst_jreader *r, enum wrapper w, struct pst_error *err)
{
	switch (w) {
	case W_VALUE:
		return read_list_as(r, PST_FMT_REST_LIST, list_element, err);
	case W_DATA:
		return read_list_as(r, PST_FMT_RESOURCE_GRAPH, list_element, err);
	case W_RECORDS:
		return read_list_as(r, PST_FMT_JSON_RECORDS, events_element, err);
	case W_TABLES:
		pst_jreader_format(r, PST_FMT_LA_QUERY_API);
		return pst_jreader_tables(r, err);
	case W_RESPONSES:
		return pst_jreader_members(r, false, responses_member, NULL, err);
	default:
		return pst_jreader_skip_value(r, false, err);
	}
}

struct object_state {
	bool one_line;
	bool wrapped;
};

static void tap_on(struct pst_jreader *r)
{
	strbuf_reset(&r->tap);
	r->sc.tap = &r->tap;
	r->sc.tap_cap = PST_INGEST_MAX_ELEMENT;
	r->sc.tap_over = false;
}

static void tap_off(struct pst_jreader *r)
{
	r->sc.tap = NULL;
}

static int object_member(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	struct object_state *st = ctx;
	enum wrapper w = wrapper_of(r, r->key.buf, c);

	if (w == W_NONE)
		return pst_jreader_skip_value(r, st->one_line, err);
	tap_off(r);
	st->wrapped = true;
	return read_wrapper(r, w, err);
}

/* An object: a wrapper, or itself a record (its bytes were kept in tap). */
static int read_object(struct pst_jreader *r, bool one_line, struct pst_error *err)
{
	struct object_state st = {one_line, false};
	struct strbuf swap;
	struct pst_jpos start;
	const char *line;
	size_t n;
	int rc;

	pst_jscan_pos(&r->sc, &start);
	if (!r->sc.tap && pst_jscan_line(&r->sc, &line, &n) &&
	    pst_jreader_fast(r, &start, line, n, true, false, &n, &rc, err)) {
		pst_jscan_advance(&r->sc, n); /* the object, on one line */
		return rc;
	}
	tap_on(r);
	rc = pst_jreader_members(r, one_line, object_member, &st, err);
	tap_off(r);
	if (rc || st.wrapped)
		return rc;
	pst_jreader_format(r, r->example ? PST_FMT_REST_EXAMPLE : PST_FMT_JSON_OBJECT);
	swap = r->elem; /* the kept bytes become the element */
	r->elem = r->tap;
	r->tap = swap;
	return pst_jreader_element(r, &start, false, r->sc.tap_over, err);
}

static int read_body(struct pst_jreader *r, int c, struct pst_error *err)
{
	if (c == '[')
		return read_list_as(r, PST_FMT_REST_EXAMPLE, list_element, err);
	if (c == '{')
		return read_object(r, false, err);
	return pst_jreader_skip_value(r, false, err);
}

/* ---- top level ---- */

/* The message of err without its "path:" prefix, for a rejected record. */
static const char *err_text(const struct pst_jreader *r, const struct pst_error *err)
{
	size_t n = strlen(r->sc.path);

	return strncmp(err->msg, r->sc.path, n) == 0 && err->msg[n] == ':' ? err->msg + n + 1 : err->msg;
}

static int garbage(struct pst_jreader *r, int c, const struct pst_jpos *start, struct pst_error *err)
{
	struct pst_origin at;
	char name[32];

	pst_jreader_origin(r, start, &at);
	r->index++;
	pst_reject(r->fc, &at, "%llu:%llu: expected a JSON object or array, found %s: line skipped",
	           (unsigned long long)start->line, (unsigned long long)start->col,
	           pst_jscan_byte_name(c, name, sizeof(name)));
	return pst_jreader_scan(r, pst_jscan_skip_line(&r->sc, err));
}

/* NDJSON: a record that is broken within its line is rejected and reading
 * goes on at the next line. */
static int resync(struct pst_jreader *r, const struct pst_jpos *start, struct pst_error *err)
{
	struct pst_origin at;

	pst_jreader_origin(r, start, &at);
	r->index++;
	pst_reject(r->fc, &at, "%s", err_text(r, err));
	r->fail_kind = 0;
	if (r->sc.line != start->line)
		return PST_OK; /* already at the start of a later line */
	return pst_jreader_scan(r, pst_jscan_skip_line(&r->sc, err));
}

static int top_value(struct pst_jreader *r, int c, const struct pst_jpos *start, struct pst_error *err)
{
	int rc;

	if (c == '[')
		return read_list_as(r, PST_FMT_JSON_ARRAY, list_element, err);
	if (c != '{')
		return garbage(r, c, start, err);
	rc = read_object(r, r->ndjson, err);
	/* A line cut short at the end of the file (PST_JS_EOF) is one rejected
	 * record too: the lines before it are kept. */
	if (rc && r->ndjson && (r->fail_kind == PST_JS_LINE || r->fail_kind == PST_JS_BAD || r->fail_kind == PST_JS_EOF))
		rc = resync(r, start, err);
	return rc;
}

static int read_top(struct pst_jreader *r, struct pst_error *err)
{
	uint64_t n;
	int c, rc;

	for (n = 0;; n++) {
		struct pst_jpos start;

		rc = pst_jreader_scan(r, pst_jscan_peek(&r->sc, &c, err));
		if (rc || c < 0)
			return rc;
		pst_jscan_pos(&r->sc, &start);
		if (n == 1 && format_is(r, PST_FMT_JSON_OBJECT) && !r->mem)
			pst_set_format(r->fc, PST_FMT_JSON_NDJSON, NULL);
		r->fail_kind = 0;
		rc = top_value(r, c, &start, err);
		if (rc)
			return rc;
		if (n == 0)
			r->ndjson = c == '{' && r->sc.line == start.line;
	}
}

static void reader_init(struct pst_jreader *r, struct pst_file_ctx *fc)
{
	memset(r, 0, sizeof(*r));
	r->fc = fc;
	r->enqueued = PST_TIME_NONE;
	strbuf_init(&r->elem);
	strbuf_init(&r->tap);
	strbuf_init(&r->key);
}

static void reader_release(struct pst_jreader *r)
{
	pst_jscan_release(&r->sc);
	strbuf_release(&r->elem);
	strbuf_release(&r->tap);
	strbuf_release(&r->key);
	pst_jla_release(&r->la);
}

int pst_read_json(struct pst_file_ctx *fc, struct pst_error *err)
{
	struct pst_jreader r;
	int rc;

	reader_init(&r, fc);
	pst_jscan_init_file(&r.sc, fc);
	rc = read_top(&r, err);
	reader_release(&r);
	return rc;
}

int pst_json_ingest_mem(struct pst_file_ctx *fc, const char *buf, size_t len, const struct pst_origin *at,
                        pst_time enqueued, struct pst_error *err)
{
	struct pst_jreader r;
	int rc;

	reader_init(&r, fc);
	r.mem = true;
	if (at)
		r.mem_at = *at;
	r.enqueued = enqueued;
	pst_jscan_init_mem(&r.sc, "event body", buf, len);
	rc = read_top(&r, err);
	if (rc && r.fail_kind && r.fail_kind != PST_JS_IO) {
		pst_reject(fc, at, "%s", err->msg);
		rc = PST_OK;
	}
	reader_release(&r);
	return rc;
}
