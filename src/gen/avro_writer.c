/* avro_writer.c: Event Hubs Capture files written with avro-c. */
#include "avro_writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../ingest/avro/avro_ocf.h"
#include "posture/sha256.h"

#define DEFAULT_BLOCK (64u * 1024u)

static int avro_failed(struct pst_capture_writer *w, const char *what, struct pst_error *err)
{
	return pst_fail(err, PST_ECANTCREAT, "%s: %s: %s", w->path, what, avro_strerror());
}

static void free_objects(struct pst_capture_writer *w)
{
	if (w->iface) {
		avro_value_decref(&w->value);
		avro_value_iface_decref(w->iface);
	}
	if (w->schema)
		avro_schema_decref(w->schema);
	w->iface = NULL;
	w->schema = NULL;
}

int pst_capture_writer_open(struct pst_capture_writer *w, const char *path, const char *codec, size_t block_size,
                            const char *schema_json, struct pst_error *err)
{
	const char *json = schema_json ? schema_json : PST_CAPTURE_SCHEMA;
	int rc = PST_OK;

	memset(w, 0, sizeof(*w));
	w->path = path;
	if (avro_schema_from_json_length(json, strlen(json), &w->schema) != 0)
		return avro_failed(w, "bad schema", err);
	w->iface = avro_generic_class_from_schema(w->schema);
	if (!w->iface || avro_generic_value_new(w->iface, &w->value) != 0) {
		rc = avro_failed(w, "cannot use the schema", err);
		if (w->iface)
			avro_value_iface_decref(w->iface);
		w->iface = NULL;
	} else if (avro_file_writer_create_with_codec(path, w->schema, &w->fw, codec,
	                                              block_size ? block_size : DEFAULT_BLOCK) != 0) {
		rc = avro_failed(w, "cannot create the Avro file", err);
	}
	if (rc)
		free_objects(w);
	return rc;
}

/* The named field of the record, or false if the schema has none. */
static bool field(struct pst_capture_writer *w, const char *name, avro_value_t *out)
{
	return avro_value_get_by_name(&w->value, name, out, NULL) == 0;
}

static int set_fields(struct pst_capture_writer *w, const char *enqueued, const void *body, size_t len)
{
	avro_value_t f, b;
	char off[32];
	int rc = 0;

	snprintf(off, sizeof(off), "%lld", (long long)w->offset);
	if (field(w, "SequenceNumber", &f))
		rc |= avro_value_set_long(&f, w->seq);
	if (field(w, "Offset", &f))
		rc |= avro_value_set_string(&f, off);
	if (field(w, "EnqueuedTimeUtc", &f))
		rc |= avro_value_set_string(&f, enqueued);
	if (field(w, "Body", &f) && avro_value_get_type(&f) == AVRO_UNION)
		rc |= avro_value_set_branch(&f, body ? 1 : 0, &b) || (body && avro_value_set_bytes(&b, (void *)body, len));
	else if (field(w, "Body", &f))
		rc |= avro_value_set_bytes(&f, (void *)(body ? body : ""), body ? len : 0);
	return rc;
}

int pst_capture_writer_add(struct pst_capture_writer *w, const char *enqueued, const void *body, size_t len,
                           struct pst_error *err)
{
	avro_value_reset(&w->value);
	if (set_fields(w, enqueued, body, len) != 0)
		return avro_failed(w, "cannot fill a record", err);
	if (avro_file_writer_append_value(w->fw, &w->value) != 0)
		return avro_failed(w, "cannot write a record", err);
	w->seq++;
	w->offset += (int64_t)len + 64;
	return PST_OK;
}

int pst_capture_writer_close(struct pst_capture_writer *w, struct pst_error *err)
{
	int rc = PST_OK;

	if (w->fw && avro_file_writer_close(w->fw) != 0)
		rc = avro_failed(w, "cannot close the Avro file", err);
	w->fw = NULL;
	free_objects(w);
	return rc;
}

/* Where the sync markers of path are: after the header and each block. */
static int sync_positions(const char *path, uint64_t **pos, size_t *n, struct pst_error *err)
{
	struct pst_ocf o;
	struct pst_ocf_block b;
	size_t alloc = 0;
	bool end = false;
	int rc;

	*pos = NULL;
	*n = 0;
	pst_ocf_init(&o);
	rc = pst_ocf_open(&o, path, err);
	while (rc == PST_OK && !end) {
		PST_GROW(*pos, alloc, *n + 1);
		(*pos)[(*n)++] = o.pos - PST_OCF_SYNC;
		rc = pst_ocf_next(&o, &b, &end, err);
	}
	pst_ocf_release(&o);
	return rc;
}

int pst_capture_set_sync(const char *path, const char *seed, struct pst_error *err)
{
	struct pst_sha256 sha;
	uint8_t sync[32];
	uint64_t *pos;
	size_t n, i;
	FILE *f;
	int rc = sync_positions(path, &pos, &n, err);

	pst_sha256_init(&sha);
	pst_sha256_update(&sha, seed, strlen(seed));
	pst_sha256_final(&sha, sync);
	f = rc ? NULL : fopen(path, "r+b");
	if (!rc && !f)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rewrite: %s", path, strerror(errno));
	for (i = 0; f && i < n && rc == PST_OK; i++) {
		if (fseek(f, (long)pos[i], SEEK_SET) != 0 || fwrite(sync, 1, PST_OCF_SYNC, f) != PST_OCF_SYNC)
			rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rewrite: %s", path, strerror(errno));
	}
	if (f && fclose(f) != 0 && rc == PST_OK)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rewrite: %s", path, strerror(errno));
	free(pos);
	return rc;
}

char *pst_capture_time_format(pst_time t, char *buf, size_t size)
{
	int64_t days = t >= 0 ? t / PST_MS_PER_DAY : (t - PST_MS_PER_DAY + 1) / PST_MS_PER_DAY;
	int64_t secs = (t - days * PST_MS_PER_DAY) / 1000, y;
	unsigned mo, d;
	int h = (int)(secs / 3600);

	pst_civil_from_days(days, &y, &mo, &d);
	snprintf(buf, size, "%u/%u/%lld %d:%02d:%02d %s", mo, d, (long long)y, h % 12 ? h % 12 : 12,
	         (int)(secs / 60 % 60), (int)(secs % 60), h < 12 ? "AM" : "PM");
	return buf;
}
