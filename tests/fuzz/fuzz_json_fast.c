/* fuzz_json_fast.c: libFuzzer target for the JSON hot path
 * (src/ingest/json/json_fast.c).  Each input is, first, one element: what
 * the fast parse takes cJSON must take, and the pruned tree must be cJSON's
 * tree less members (fuzz_json_tree.h).  Then it is read as a file with the
 * fast path on and with it off: the status, the records (type, times,
 * envelope, key fields), rejects, warnings and diagnostics must be the
 * same.  Seeds: the JSON harness's (tests/fuzz/fuzz_json_fast.sh).  A broken
 * promise aborts, so libFuzzer keeps the input. */
#include <stdint.h>
#include <stdlib.h>
#include "fuzz_json_one.h"
#include "fuzz_json_tree.h"
#include "../../src/ingest/json/json_arena.h"
#include "../../src/ingest/json/json_fast.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ b[i]) * UINT64_C(0x100000001b3);
	return h;
}

static uint64_t mix_s(uint64_t h, const char *s)
{
	return s ? mix(h, s, strlen(s) + 1) : mix(h, "\1", 1);
}

struct run {
	uint64_t h;
	unsigned long records;
};

static int sink(void *ctx, const struct pst_record *r, struct pst_error *err)
{
	struct run *run = ctx;
	const struct pst_assessment *a = &r->u.assessment;
	uint64_t h = run->h;

	(void)err;
	run->records++;
	h = mix(h, &r->type, sizeof(r->type));
	h = mix(h, &r->action, sizeof(r->action));
	h = mix(h, &r->snapshot, sizeof(r->snapshot));
	h = mix(h, &r->observed, sizeof(r->observed));
	h = mix(h, &r->origin.index, sizeof(r->origin.index));
	h = mix_s(mix_s(mix_s(h, r->id), r->tenant_id), r->subscription_id);
	if (r->type == PST_REC_ASSESSMENT) {
		h = mix_s(mix_s(mix_s(mix_s(h, a->key), a->resource_id), a->display_name), a->cause);
		h = mix_s(mix_s(mix_s(h, a->category), a->resource_type), a->portal_link);
		h = mix(h, &a->status, sizeof(a->status));
		h = mix(h, &a->severity, sizeof(a->severity));
		h = mix(h, &a->status_change, sizeof(a->status_change));
	}
	run->h = h;
	return PST_OK;
}

static uint64_t read_once(const unsigned char *data, size_t size, int fast)
{
	struct fuzz_json_stats st;
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct pst_error err;
	struct run run = {UINT64_C(0xcbf29ce484222325), 0};
	size_t i;
	int rc;

	memset(&st, 0, sizeof(st));
	fuzz_json_ctx(&fc, &rep, &st, data, size);
	fc.fn = sink;
	fc.fn_ctx = &run;
	err.msg[0] = '\0';
	pst_jfast_force(fast);
	rc = pst_read_json(&fc, &err);
	pst_jfast_force(-1);
	run.h = mix(run.h, &rc, sizeof(rc));
	run.h = mix_s(run.h, rc ? err.msg : "");
	run.h = mix(run.h, &rep.rejected, sizeof(rep.rejected));
	run.h = mix(run.h, &rep.warnings, sizeof(rep.warnings));
	run.h = mix(run.h, &run.records, sizeof(run.records));
	for (i = 0; i < rep.diags.n; i++)
		run.h = mix_s(run.h, rep.diags.items[i].msg);
	pst_source_release(&rep);
	return run.h;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	cJSON *fast, *full;
	size_t used = 0;

	pst_jarena_begin();
	fast = pst_jfast_parse((const char *)data, size, false, false, &used);
	if (fast) {
		full = cJSON_ParseWithLength((const char *)data, used);
		if (!full || !jtree_pruned_of(fast, full))
			abort();
		cJSON_Delete(full);
	}
	pst_jarena_end();
	if (read_once(data, size, 1) != read_once(data, size, 0))
		abort();
	return 0;
}
