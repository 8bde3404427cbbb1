/* read_avro.c: Event Hubs Capture files into records.  Each record's Body
 * goes through the JSON reader (pst_json_ingest_mem) with EnqueuedTimeUtc
 * as the observed time; see avro_capture.h for the Avro side. */
#include "../ingest_int.h"

#include <string.h>
#include "avro_capture.h"
#include "posture/strbuf.h"
#include "posture/utf8.h"

#define SHOWN_TIME_BYTES 40

/* Sits between the JSON reader and the real sink, to tell the sink's stop
 * status apart from a Body the JSON reader could not read. */
struct glue {
	struct pst_file_ctx *fc;
	pst_record_fn fn;
	void *fn_ctx;
	int sink_rc;
};

static int glue_sink(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct glue *g = ctx;

	g->sink_rc = g->fn ? g->fn(g->fn_ctx, rec, err) : PST_OK;
	return g->sink_rc;
}

static pst_time enqueued_time(struct pst_file_ctx *fc, const struct pst_avro_event *ev, const struct pst_origin *at)
{
	struct strbuf shown = STRBUF_INIT;
	size_t n;
	pst_time t;

	if (!ev->enqueued)
		return PST_TIME_NONE;
	if (pst_time_parse_str(ev->enqueued, &t))
		return t;
	n = strlen(ev->enqueued);
	pst_utf8_sanitize(&shown, ev->enqueued, pst_utf8_cut(ev->enqueued, n, SHOWN_TIME_BYTES));
	pst_warn(fc, at, "bad EnqueuedTimeUtc '%s'%s: the usual time precedence applies", strbuf_cstr(&shown),
	         n > SHOWN_TIME_BYTES ? "..." : "");
	strbuf_release(&shown);
	return PST_TIME_NONE;
}

/* The message without a leading "path: " (the diagnostic names the file). */
static const char *unprefixed(const struct pst_file_ctx *fc, const char *msg)
{
	size_t n = strlen(fc->path);

	if (strncmp(msg, fc->path, n) == 0 && msg[n] == ':')
		msg += n + 1 + (msg[n + 1] == ' ');
	return msg;
}

/* A null, empty or oversized Body is rejected here. */
static bool body_usable(struct pst_file_ctx *fc, const struct pst_avro_event *ev, const struct pst_origin *at)
{
	if (!ev->body)
		pst_reject(fc, at, "null Body");
	else if (!ev->body_len)
		pst_reject(fc, at, "empty Body");
	else if (ev->body_len > PST_INGEST_MAX_ELEMENT)
		pst_reject(fc, at, "Body of %zu bytes (over %u)", ev->body_len, PST_INGEST_MAX_ELEMENT);
	else
		return true;
	return false;
}

static int on_event(void *ctx, const struct pst_avro_event *ev, struct pst_error *err)
{
	struct glue *g = ctx;
	struct pst_origin at = {g->fc->path, 0, ev->index, ev->offset};
	pst_time t = enqueued_time(g->fc, ev, &at);
	int rc;

	if (!body_usable(g->fc, ev, &at))
		return PST_OK;
	g->sink_rc = PST_OK;
	rc = pst_json_ingest_mem(g->fc, ev->body, ev->body_len, &at, t, err);
	if (rc == PST_OK || rc == g->sink_rc)
		return rc;
	pst_reject(g->fc, &at, "Body: %s", unprefixed(g->fc, err->msg));
	return PST_OK;
}

static void on_damage(void *ctx, uint64_t index, uint64_t offset, uint64_t lost, const char *msg)
{
	struct glue *g = ctx;
	struct pst_origin at = {g->fc->path, 0, index, offset};

	if (lost == PST_AVRO_LOST_REST)
		pst_reject(g->fc, &at, "%s: the rest of the file is not read", msg);
	else if (lost == PST_AVRO_LOST_BLOCK)
		pst_reject(g->fc, &at, "%s", msg);
	else if (lost)
		pst_reject(g->fc, &at, "%s: %llu record%s lost", msg, (unsigned long long)lost, lost == 1 ? "" : "s");
	else
		pst_warn(g->fc, &at, "%s", msg);
}

int pst_read_avro(struct pst_file_ctx *fc, struct pst_error *err)
{
	struct glue g = {fc, fc->fn, fc->fn_ctx, PST_OK};
	struct pst_avro_sink sink = {on_event, on_damage, &g};
	struct pst_avro_reader *own = NULL, **r = fc->avro ? fc->avro : &own;
	int rc;

	if (!*r)
		*r = pst_avro_reader_new();
	fc->fn = glue_sink;
	fc->fn_ctx = &g;
	rc = pst_avro_read_file(*r, fc->path, &sink, err);
	pst_strlcpy(fc->rep->sha256, pst_avro_reader_sha256(*r, &fc->rep->size), sizeof(fc->rep->sha256));
	fc->fn = g.fn;
	fc->fn_ctx = g.fn_ctx;
	pst_set_format(fc, PST_FMT_AVRO_CAPTURE, pst_ocf_codec_name(pst_avro_reader_codec(*r)));
	pst_avro_reader_free(own);
	return rc;
}
