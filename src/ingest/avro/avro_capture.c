/* avro_capture.c: Event Hubs Capture records out of an Avro container. */
#include "avro_capture.h"

#include <avro.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "avro_datum.h"
#include "posture/strbuf.h"

struct pst_avro_reader {
	struct pst_ocf ocf;
	struct strbuf schema_text;   /* the JSON text the schema below came from */
	avro_schema_t schema;        /* NULL until a schema was accepted */
	avro_value_iface_t *iface;
	avro_value_t value;
	avro_reader_t mem;           /* over one record's bytes */
	int body_idx;
	int enqueued_idx;            /* -1 if the schema has no EnqueuedTimeUtc string */
	unsigned long schemas_parsed;
	char sha256[PST_SHA256_HEX]; /* of the file read last, "" if none */
	uint64_t size;
};

struct pst_avro_reader *pst_avro_reader_new(void)
{
	struct pst_avro_reader *r = xcalloc(1, sizeof(*r));

	pst_ocf_init(&r->ocf);
	strbuf_init(&r->schema_text);
	return r;
}

static void drop_schema(struct pst_avro_reader *r)
{
	if (r->iface) {
		avro_value_decref(&r->value);
		avro_value_iface_decref(r->iface);
	}
	if (r->schema)
		avro_schema_decref(r->schema);
	r->iface = NULL;
	r->schema = NULL;
	strbuf_reset(&r->schema_text);
}

void pst_avro_reader_free(struct pst_avro_reader *r)
{
	if (!r)
		return;
	drop_schema(r);
	if (r->mem)
		avro_reader_free(r->mem);
	pst_ocf_release(&r->ocf);
	strbuf_release(&r->schema_text);
	free(r);
}

enum pst_ocf_codec pst_avro_reader_codec(const struct pst_avro_reader *r)
{
	return r->ocf.codec;
}

unsigned long pst_avro_reader_schemas_parsed(const struct pst_avro_reader *r)
{
	return r->schemas_parsed;
}

static int not_capture(const char *path, const char *why, struct pst_error *err)
{
	return pst_fail(err, PST_EDATA, "%s: not an Event Hubs Capture file: %s", path, why);
}

/* The index of a field of the given type, or -1. */
static int field_of_type(avro_schema_t rec, const char *name, avro_type_t type)
{
	int i = avro_schema_record_field_get_index(rec, name);

	if (i < 0 || avro_typeof(avro_schema_record_field_get_by_index(rec, i)) != type)
		return -1;
	return i;
}

/* Body is bytes, or (as Capture writes it) the union ["null","bytes"]. */
static bool body_schema_ok(avro_schema_t s)
{
	size_t i, n, nbytes = 0;

	if (is_avro_bytes(s))
		return true;
	if (!is_avro_union(s))
		return false;
	n = avro_schema_union_size(s);
	for (i = 0; i < n; i++) {
		avro_schema_t b = avro_schema_union_branch(s, (int)i);

		if (is_avro_bytes(b))
			nbytes++;
		else if (!is_avro_null(b))
			return false;
	}
	return nbytes == 1;
}

static int check_schema(struct pst_avro_reader *r, avro_schema_t s, const char *path, struct pst_error *err)
{
	if (!is_avro_record(s))
		return not_capture(path, "schema is not a record", err);
	r->body_idx = avro_schema_record_field_get_index(s, "Body");
	if (r->body_idx < 0)
		return not_capture(path, "schema has no Body field", err);
	if (!body_schema_ok(avro_schema_record_field_get_by_index(s, r->body_idx)))
		return not_capture(path, "Body is neither bytes nor [\"null\",\"bytes\"]", err);
	r->enqueued_idx = field_of_type(s, "EnqueuedTimeUtc", AVRO_STRING);
	return PST_OK;
}

static int build_value(struct pst_avro_reader *r, const char *path, struct pst_error *err)
{
	r->iface = avro_generic_class_from_schema(r->schema);
	if (!r->iface)
		return pst_fail(err, PST_EDATA, "%s: cannot use the Avro schema: %s", path, avro_strerror());
	if (avro_generic_value_new(r->iface, &r->value) != 0) {
		avro_value_iface_decref(r->iface);
		r->iface = NULL;
		return pst_fail(err, PST_EDATA, "%s: cannot use the Avro schema: %s", path, avro_strerror());
	}
	return PST_OK;
}

/* Parses the file's schema unless it is the one already in use. */
static int use_schema(struct pst_avro_reader *r, const char *path, struct pst_error *err)
{
	const struct strbuf *text = &r->ocf.schema;
	avro_schema_t s;
	int rc;

	if (r->iface && text->len == r->schema_text.len && memcmp(text->buf, r->schema_text.buf, text->len) == 0)
		return PST_OK;
	drop_schema(r);
	if (avro_schema_from_json_length(text->buf, text->len, &s) != 0)
		return pst_fail(err, PST_EDATA, "%s: bad Avro schema in the header: %s", path, avro_strerror());
	r->schema = s;
	r->schemas_parsed++;
	rc = check_schema(r, s, path, err);
	if (rc == PST_OK)
		rc = build_value(r, path, err);
	if (rc == PST_OK)
		strbuf_add(&r->schema_text, text->buf, text->len);
	else
		drop_schema(r);
	return rc;
}

/* The Body field of the decoded record: bytes, or the bytes branch of
 * ["null","bytes"] (*body stays NULL for the null branch). */
static bool get_body(struct pst_avro_reader *r, const void **body, size_t *n)
{
	avro_value_t f, b;

	if (avro_value_get_by_index(&r->value, r->body_idx, &f, NULL) != 0)
		return false;
	if (avro_value_get_type(&f) == AVRO_UNION) {
		if (avro_value_get_current_branch(&f, &b) != 0)
			return false;
		f = b;
	}
	return avro_value_get_type(&f) != AVRO_BYTES || avro_value_get_bytes(&f, body, n) == 0;
}

/* Decodes one checked record with avro-c and points ev at its fields. */
static int decode(struct pst_avro_reader *r, const unsigned char *p, size_t len, struct pst_avro_event *ev,
                  char *why, size_t whysize)
{
	avro_value_t f;
	const void *body = NULL;
	const char *s;
	size_t n = 0;

	if (!r->mem)
		r->mem = avro_reader_memory((const char *)p, (int64_t)len);
	else
		avro_reader_memory_set_source(r->mem, (const char *)p, (int64_t)len);
	avro_value_reset(&r->value);
	if (avro_value_read(r->mem, &r->value) != 0 || !get_body(r, &body, &n)) {
		snprintf(why, whysize, "avro-c cannot decode the record: %s", avro_strerror());
		return PST_EDATA;
	}
	ev->body = body;
	ev->body_len = n;
	ev->enqueued = NULL;
	if (r->enqueued_idx >= 0 && avro_value_get_by_index(&r->value, r->enqueued_idx, &f, NULL) == 0 &&
	    avro_value_get_string(&f, &s, &n) == 0)
		ev->enqueued = s;
	return PST_OK;
}

/* Checks one record's bytes, then decodes it; false (with why) if the
 * rest of the block cannot be read. */
static bool next_record(struct pst_avro_reader *r, const unsigned char **p, const unsigned char *end,
                        struct pst_avro_event *ev, char *why, size_t whysize)
{
	const unsigned char *start = *p;

	if (!pst_avro_skip(r->schema, p, end)) {
		snprintf(why, whysize, "record does not match the schema (corrupt data)");
		return false;
	}
	return decode(r, start, (size_t)(*p - start), ev, why, whysize) == PST_OK;
}

/* Hands out the records of one block.  *index counts records, lost ones too. */
static int read_block(struct pst_avro_reader *r, const struct pst_ocf_block *b, uint64_t *index,
                      const struct pst_avro_sink *sink, struct pst_error *err)
{
	const unsigned char *p = b->data, *end = b->data + b->len;
	struct pst_avro_event ev;
	char why[320];
	uint64_t i;
	int rc;

	if (b->count > b->len) {
		sink->damage(sink->ctx, *index, b->offset, b->count, "the block claims more records than it has bytes");
		*index += b->count;
		return PST_OK;
	}
	for (i = 0; i < b->count; i++, (*index)++) {
		if (!next_record(r, &p, end, &ev, why, sizeof(why))) {
			sink->damage(sink->ctx, *index, b->offset, b->count - i, why);
			*index += b->count - i;
			return PST_OK;
		}
		ev.index = *index;
		ev.offset = b->offset;
		rc = sink->event(sink->ctx, &ev, err);
		if (rc)
			return rc;
	}
	if (p != end)
		sink->damage(sink->ctx, *index, b->offset, 0, "bytes left over after the block's records");
	return PST_OK;
}

/* A damaged block (wrong sync marker, bad block header, corrupt deflate
 * data) is skipped: reading goes on after the next sync marker, and the
 * damage names what was lost.  Without a later marker the rest is lost. */
static bool skip_damage(struct pst_avro_reader *r, uint64_t from, uint64_t *index, const struct pst_avro_sink *sink)
{
	uint64_t bad_at = r->ocf.bad_at;
	int64_t count = r->ocf.bad_count;
	const char *what = r->ocf.bad_what;
	char msg[320];

	if (!r->ocf.bad_framed && !pst_ocf_resync(&r->ocf, from)) {
		sink->damage(sink->ctx, *index, bad_at, PST_AVRO_LOST_REST, what);
		return false;
	}
	if (count > 0)
		snprintf(msg, sizeof(msg), "%s: the block (%lld record%s) is skipped; reading goes on at offset %llu",
		         what, (long long)count, count == 1 ? "" : "s", (unsigned long long)r->ocf.pos);
	else
		snprintf(msg, sizeof(msg), "%s: the block is skipped (its record count unknown); reading goes on after "
		         "the next sync marker, at offset %llu", what, (unsigned long long)r->ocf.pos);
	sink->damage(sink->ctx, *index, bad_at, PST_AVRO_LOST_BLOCK, msg);
	if (count > 0)
		*index += (uint64_t)count;
	return true;
}

static int read_blocks(struct pst_avro_reader *r, const struct pst_avro_sink *sink, struct pst_error *err)
{
	struct pst_ocf_block b;
	uint64_t index = 0;
	bool end = false;
	int rc = PST_OK;

	while (rc == PST_OK && !end) {
		rc = pst_ocf_next(&r->ocf, &b, &end, err);
		if (rc == PST_EDATA) {
			if (!skip_damage(r, b.offset + 1, &index, sink))
				return PST_OK;
			rc = PST_OK;
			continue;
		}
		if (rc == PST_OK && !end)
			rc = read_block(r, &b, &index, sink, err);
	}
	return rc;
}

int pst_avro_read_file(struct pst_avro_reader *r, const char *path, const struct pst_avro_sink *sink,
                       struct pst_error *err)
{
	int rc = pst_ocf_open(&r->ocf, path, err), hrc;

	r->sha256[0] = '\0';
	r->size = 0;
	if (rc == PST_OK)
		rc = use_schema(r, path, err);
	if (rc == PST_OK)
		rc = read_blocks(r, sink, err);
	if (rc == PST_OK || rc == PST_EDATA) {
		struct pst_error herr;

		hrc = pst_ocf_finish(&r->ocf, r->sha256, &r->size, rc ? &herr : err);
		if (rc == PST_OK)
			rc = hrc;
	}
	pst_ocf_close(&r->ocf);
	return rc;
}

const char *pst_avro_reader_sha256(const struct pst_avro_reader *r, uint64_t *size)
{
	*size = r->size;
	return r->sha256;
}
