/* json_walk.c: walking objects and arrays with the scanner: separators,
 * keys, and the end of input inside a container. */
#include "json_read.h"

#include <string.h>

void pst_jreader_format(struct pst_jreader *r, enum pst_format f)
{
	if (r->mem || r->format_set)
		return;
	pst_set_format(r->fc, f, NULL);
	r->format_set = true;
}

/* Maps a scanner result to a status, remembering the kind of failure. */
int pst_jreader_scan(struct pst_jreader *r, int rc)
{
	if (rc == PST_JS_OK)
		return PST_OK;
	r->fail_kind = rc;
	return rc == PST_JS_IO ? r->sc.io_status : PST_EDATA;
}

int pst_jreader_next(struct pst_jreader *r, const struct pst_jpos *open, const char *what, bool one_line, int *c,
                     struct pst_error *err)
{
	int rc = pst_jreader_scan(r, pst_jscan_peek(&r->sc, c, err));

	if (rc)
		return rc;
	if (*c < 0)
		return pst_jreader_scan(r, pst_jscan_fail(&r->sc, PST_JS_EOF, err,
		                                          "unexpected end of file inside %s (opened at %llu:%llu)", what,
		                                          (unsigned long long)open->line, (unsigned long long)open->col));
	if (one_line && r->sc.line != open->line)
		return pst_jreader_scan(r, pst_jscan_fail(&r->sc, PST_JS_LINE, err,
		                                          "the record on line %llu is not closed at its end",
		                                          (unsigned long long)open->line));
	return PST_OK;
}

int pst_jreader_skip_value(struct pst_jreader *r, bool one_line, struct pst_error *err)
{
	return pst_jreader_scan(r, pst_jscan_value(&r->sc, NULL, 0, one_line, err));
}

static int fail_sep(struct pst_jreader *r, const struct pst_jpos *open, const char *what, int close, int c,
                    struct pst_error *err)
{
	char name[32];

	return pst_jreader_scan(r, pst_jscan_fail(&r->sc, PST_JS_BAD, err, "expected ',' or '%c' in %s opened at %llu:%llu, found %s",
	                                          close, what, (unsigned long long)open->line, (unsigned long long)open->col,
	                                          pst_jscan_byte_name(c, name, sizeof(name))));
}

/* Consumes the opening byte; *done when the container is empty (its
 * closing byte consumed too). */
static int open_container(struct pst_jreader *r, struct pst_jpos *open, const char *what, int close, bool one_line,
                          bool *done, struct pst_error *err)
{
	int c, rc;

	pst_jscan_pos(&r->sc, open);
	pst_jscan_skip(&r->sc);
	rc = pst_jreader_next(r, open, what, one_line, &c, err);
	*done = rc == PST_OK && c == close;
	if (*done)
		pst_jscan_skip(&r->sc);
	return rc;
}

/* After an item: consumes ',' or the closing byte (then *done). */
static int item_end(struct pst_jreader *r, const struct pst_jpos *open, const char *what, int close, bool one_line,
                    bool *done, struct pst_error *err)
{
	int c, rc = pst_jreader_next(r, open, what, one_line, &c, err);

	if (rc)
		return rc;
	if (c != ',' && c != close)
		return fail_sep(r, open, what, close, c, err);
	pst_jscan_skip(&r->sc);
	*done = c == close;
	return PST_OK;
}

/* "key": then the member's value, handed to fn. */
static int member(struct pst_jreader *r, const struct pst_jpos *open, bool one_line, pst_jmember_fn fn, void *ctx,
                  struct pst_error *err)
{
	char name[32];
	int c, rc = pst_jreader_scan(r, pst_jscan_key(&r->sc, &r->key, err));

	if (!rc)
		rc = pst_jreader_next(r, open, "an object", one_line, &c, err);
	if (!rc && c != ':')
		rc = pst_jreader_scan(r, pst_jscan_fail(&r->sc, PST_JS_BAD, err, "expected ':' after the key \"%.80s\", found %s",
		                                          r->key.buf, pst_jscan_byte_name(c, name, sizeof(name))));
	if (rc)
		return rc;
	pst_jscan_skip(&r->sc);
	rc = pst_jreader_next(r, open, "an object", one_line, &c, err);
	return rc ? rc : fn(r, ctx, c, err);
}

int pst_jreader_members(struct pst_jreader *r, bool one_line, pst_jmember_fn fn, void *ctx, struct pst_error *err)
{
	struct pst_jpos open;
	bool done;
	int rc = open_container(r, &open, "an object", '}', one_line, &done, err);

	while (!rc && !done) {
		rc = member(r, &open, one_line, fn, ctx, err);
		if (!rc)
			rc = item_end(r, &open, "an object", '}', one_line, &done, err);
	}
	return rc;
}

int pst_jreader_items(struct pst_jreader *r, pst_jitem_fn fn, void *ctx, struct pst_error *err)
{
	struct pst_jpos open;
	bool done;
	int c, rc = open_container(r, &open, "an array", ']', false, &done, err);

	while (!rc && !done) {
		rc = pst_jreader_next(r, &open, "an array", false, &c, err);
		if (!rc)
			rc = fn(r, ctx, c, err);
		if (!rc)
			rc = item_end(r, &open, "an array", ']', false, &done, err);
	}
	return rc;
}

struct list_state {
	pst_jelem_fn fn;
	void *ctx;
};

static int scan_item(struct pst_jreader *r, void *ctx, int c, struct pst_error *err)
{
	struct list_state *st = ctx;
	struct pst_jpos start;
	int rc;

	(void)c;
	pst_jscan_pos(&r->sc, &start);
	strbuf_reset(&r->elem);
	rc = pst_jreader_scan(r, pst_jscan_value(&r->sc, &r->elem, PST_INGEST_MAX_ELEMENT, false, err));
	return rc ? rc : st->fn(r, &start, st->ctx, err);
}

int pst_jreader_list(struct pst_jreader *r, pst_jelem_fn fn, void *ctx, struct pst_error *err)
{
	struct list_state st;

	st.fn = fn;
	st.ctx = ctx;
	return pst_jreader_items(r, scan_item, &st, err);
}
