/* test_state.c: string pool, keyed state, fold rule, snapshots, timeline. */
#include <stdlib.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/strpool.h"

#define SUB_A "/subscriptions/aaaa"
#define VM1 SUB_A "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"
#define VM2 SUB_A "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm2"

static void test_strpool(void)
{
	struct pst_strpool p, f;
	uint32_t a, b, i;
	char buf[32];

	pst_strpool_init(&p, false);
	CHECK_INT(pst_strpool_intern(&p, NULL), 0);
	CHECK_INT(pst_strpool_intern(&p, ""), 0);
	CHECK(pst_strpool_str(&p, 0) == NULL);
	a = pst_strpool_intern(&p, "abc");
	CHECK(a != 0);
	CHECK_INT(pst_strpool_intern(&p, "abc"), a);
	CHECK(pst_strpool_intern(&p, "ABC") != a);
	CHECK_INT(pst_strpool_find(&p, "abc"), a);
	CHECK_INT(pst_strpool_find(&p, "zzz"), 0);
	for (i = 0; i < 5000; i++) { /* through several rehashes */
		snprintf(buf, sizeof(buf), "s%u", i);
		pst_strpool_intern(&p, buf);
	}
	CHECK_STR(pst_strpool_str(&p, a), "abc");
	CHECK_INT(pst_strpool_find(&p, "s4999"), pst_strpool_count(&p) - 1);
	pst_strpool_release(&p);

	pst_strpool_init(&f, true);
	a = pst_strpool_intern(&f, "/subscriptions/x/resourcegroups/RG");
	b = pst_strpool_intern(&f, "/subscriptions/X/resourceGroups/rg");
	CHECK_INT(a, b);
	/* the spelling first in byte order wins, whatever the arrival order */
	CHECK_STR(pst_strpool_str(&f, a), "/subscriptions/X/resourceGroups/rg");
	CHECK_INT(pst_strpool_find(&f, "/SUBSCRIPTIONS/x/RESOURCEGROUPS/rg"), a);
	pst_strpool_intern(&f, "/SUBSCRIPTIONS/X/RESOURCEGROUPS/RG"); /* all caps never wins */
	pst_strpool_intern(&f, "/subscriptions/x/resourcegroups/rg");
	CHECK_STR(pst_strpool_str(&f, a), "/subscriptions/X/resourceGroups/rg");
	pst_strpool_release(&f);
}

static const struct pst_finding *get(const struct pst_estate *e, size_t st, const char *res, const char *key)
{
	uint32_t r = pst_strpool_find(&e->res_ids, res), k = pst_strpool_find(&e->keys, key);

	return (r && k) ? pst_state_get(&e->states[st], r, k) : NULL;
}

/* Both estates (of two rounds) hold the same states, as fx_dump text. */
static void check_same_states(const struct pst_estate *a, const struct pst_estate *b)
{
	size_t st;

	for (st = 0; st < 2; st++) {
		char *da = fx_dump(a, &a->states[st]), *db = fx_dump(b, &b->states[st]);

		CHECK_STR(da, db);
		free(da);
		free(db);
	}
}

/* Later observed time wins whatever the order; ties are broken by content. */
static void test_fold_order(void)
{
	static const struct fx_rec recs[] = {
		{VM1, "k1", "Unhealthy", NULL, "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k1", "Healthy", NULL, "2026-10-03T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k1", "Unhealthy", NULL, "2026-10-01T00:00:00Z", PST_SNAP_STREAM, 0, 1, NULL},
		{VM1, "k2", "Healthy", NULL, "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 1, NULL},
		{VM1, "k3", "NotApplicable", "Exempt", "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k3", "NotApplicable", "OffByPolicy", "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 1, NULL},
	};
	pst_time times[2] = {fx_time("2026-10-02T12:00:00Z"), fx_time("2026-10-31T00:00:00Z")};
	struct pst_estate fwd, rev;

	fx_load(&fwd, recs, PST_ARRAY_LEN(recs), false, times, 2);
	pst_estate_finish(&fwd);
	fx_load(&rev, recs, PST_ARRAY_LEN(recs), true, times, 2);
	pst_estate_finish(&rev);
	check_same_states(&fwd, &rev);
	CHECK_INT(get(&fwd, 0, VM1, "k1")->status, PST_ST_UNHEALTHY);
	CHECK_INT(get(&fwd, 1, VM1, "k1")->status, PST_ST_HEALTHY);
	CHECK_INT(get(&fwd, 1, VM1, "k1")->first_unhealthy, fx_time("2026-10-01T00:00:00Z"));
	CHECK_INT(get(&fwd, 1, VM1, "k2")->status, PST_ST_UNHEALTHY); /* Unhealthy > Healthy on a tie */
	CHECK(get(&fwd, 1, VM1, "k2")->flags & PST_FND_CONFLICT);
	CHECK(get(&rev, 1, VM1, "k2")->flags & PST_FND_CONFLICT);
	CHECK(!(get(&fwd, 1, VM1, "k1")->flags & PST_FND_CONFLICT));
	CHECK(!(get(&fwd, 1, VM1, "k3")->flags & PST_FND_CONFLICT)); /* same status, other cause */
	CHECK_STR(pst_estate_text(&fwd, get(&fwd, 1, VM1, "k3")->cause), "OffByPolicy");
	pst_estate_release(&fwd);
	pst_estate_release(&rev);
}

static void test_case_and_delete(void)
{
	static const struct fx_rec recs[] = {
		{VM1, "K1", "Unhealthy", NULL, "2026-10-01T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{"/SUBSCRIPTIONS/AAAA/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1", "k1", "Healthy",
		 NULL, "2026-10-02T00:00:00Z", PST_SNAP_STREAM, 0, 1, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-01T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-05T00:00:00Z", PST_SNAP_STREAM, PST_ACT_DELETE, 0, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-03T00:00:00Z", PST_SNAP_STREAM, 0, 1, NULL},
	};
	pst_time times[2] = {fx_time("2026-10-04T00:00:00Z"), fx_time("2026-10-06T00:00:00Z")};
	struct pst_estate e;

	fx_load(&e, recs, PST_ARRAY_LEN(recs), false, times, 2);
	pst_estate_finish(&e);
	CHECK_INT(pst_strpool_count(&e.res_ids), 2); /* one resource, whatever the case */
	CHECK_INT(pst_state_count(&e.states[1]), 1);
	CHECK_INT(get(&e, 1, VM1, "k1")->status, PST_ST_HEALTHY);
	CHECK(get(&e, 0, VM1, "k2") != NULL);
	CHECK(get(&e, 1, VM1, "k2") == NULL); /* deleted; the older record cannot bring it back */
	CHECK_STR(pst_estate_resource_id(&e, 1), VM1); /* the ARM spelling, not the all-caps one */
	CHECK_STR(pst_estate_text(&e, e.resources[1].type), "microsoft.compute/virtualmachines");
	CHECK_STR(pst_estate_text(&e, e.resources[1].name), "vm1");
	pst_estate_release(&e);
}

/* A snapshot replaces the subscription's state; streams fold on top. */
static void test_snapshot_then_stream(void)
{
	static const struct fx_rec recs[] = {
		{VM1, "k9", "Unhealthy", NULL, "2026-09-25T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{VM1, "k1", "Unhealthy", NULL, "2026-10-01T06:00:00Z", PST_SNAP_RECORD, 0, 1, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-10-01T06:20:00Z", PST_SNAP_RECORD, 0, 1, NULL},
		{VM1, "k1", "Healthy", NULL, "2026-10-05T00:00:00Z", PST_SNAP_STREAM, 0, 2, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-10-08T06:00:00Z", PST_SNAP_RECORD, 0, 3, NULL},
	};
	pst_time times[4] = {fx_time("2026-09-26T00:00:00Z"), fx_time("2026-10-01T06:10:00Z"),
	                     fx_time("2026-10-06T00:00:00Z"), fx_time("2026-10-09T00:00:00Z")};
	struct pst_estate e;
	pst_time t0, t1;

	fx_load(&e, recs, PST_ARRAY_LEN(recs), true, times, 4);
	pst_estate_finish(&e);
	CHECK_INT(e.timeline.nbatches, 2);
	CHECK_INT(e.timeline.nrounds, 2);
	CHECK_INT(e.timeline.batches[0].count, 2);
	CHECK_INT(e.timeline.batches[0].tmax, fx_time("2026-10-01T06:20:00Z"));
	CHECK(get(&e, 0, VM1, "k9") != NULL);         /* no snapshot yet */
	CHECK(get(&e, 1, VM1, "k9") != NULL);         /* snapshot not complete at T */
	CHECK(get(&e, 2, VM1, "k9") == NULL);         /* replaced by the snapshot */
	CHECK_INT(get(&e, 2, VM1, "k1")->status, PST_ST_HEALTHY); /* stream on top */
	CHECK(get(&e, 3, VM1, "k1") == NULL);         /* vm1 missing from the next snapshot */
	CHECK(get(&e, 3, VM2, "k1") != NULL);
	pst_timeline_pick(&e.timeline, PST_TIME_NONE, PST_TIME_NONE, &t0, &t1);
	CHECK_INT(t1, fx_time("2026-10-08T06:00:00Z"));
	CHECK_INT(t0, fx_time("2026-10-01T06:20:00Z"));
	pst_timeline_pick(&e.timeline, PST_TIME_NONE, fx_time("2026-10-05T00:00:00Z"), &t0, &t1);
	CHECK_INT(t0, fx_time("2026-10-01T06:00:00Z") - 1);
	pst_estate_release(&e);
}

/* A snapshot that takes more than a day to send is one batch: its early
 * records are not cut by its late ones. */
static void test_long_snapshot(void)
{
	static const struct fx_rec recs[] = {
		{VM1, "k1", "Unhealthy", NULL, "2026-10-01T00:00:00Z", PST_SNAP_RECORD, 0, 0, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-01T10:00:00Z", PST_SNAP_RECORD, 0, 0, NULL},
		{VM1, "k3", "Unhealthy", NULL, "2026-10-01T20:00:00Z", PST_SNAP_RECORD, 0, 0, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-10-02T06:00:00Z", PST_SNAP_RECORD, 0, 0, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-10-08T06:00:00Z", PST_SNAP_RECORD, 0, 1, NULL},
	};
	pst_time times[2] = {fx_time("2026-10-03T00:00:00Z"), fx_time("2026-10-09T00:00:00Z")};
	struct pst_estate e;

	fx_load(&e, recs, PST_ARRAY_LEN(recs), false, times, 2);
	pst_estate_finish(&e);
	CHECK_INT(e.timeline.nbatches, 2);
	CHECK_INT(e.timeline.nrounds, 2);
	CHECK_INT(e.timeline.rounds[0].tmax, fx_time("2026-10-02T06:00:00Z"));
	CHECK_INT(pst_state_count(&e.states[0]), 4);
	CHECK_INT(pst_state_count(&e.states[1]), 1); /* the next week holds only vm2 */
	pst_estate_release(&e);
}

/* File-level snapshots read in reverse time order give the same states. */
static void test_file_order(void)
{
	static const struct fx_rec recs[] = {
		{VM1, "k1", "Unhealthy", NULL, "2026-09-30T00:00:00Z", PST_SNAP_FILE, 0, 0, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-09-30T00:00:00Z", PST_SNAP_FILE, 0, 0, NULL},
		{VM1, "k1", "Healthy", NULL, "2026-10-31T00:00:00Z", PST_SNAP_FILE, 0, 1, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-31T00:00:00Z", PST_SNAP_FILE, 0, 1, NULL},
	};
	static const struct fx_rec rev[] = {
		{VM1, "k1", "Healthy", NULL, "2026-10-31T00:00:00Z", PST_SNAP_FILE, 0, 0, NULL},
		{VM1, "k2", "Unhealthy", NULL, "2026-10-31T00:00:00Z", PST_SNAP_FILE, 0, 0, NULL},
		{VM1, "k1", "Unhealthy", NULL, "2026-09-30T00:00:00Z", PST_SNAP_FILE, 0, 1, NULL},
		{VM2, "k1", "Unhealthy", NULL, "2026-09-30T00:00:00Z", PST_SNAP_FILE, 0, 1, NULL},
	};
	pst_time times[2] = {fx_time("2026-10-01T00:00:00Z"), fx_time("2026-11-01T00:00:00Z")};
	struct pst_estate a, b;

	fx_load(&a, recs, PST_ARRAY_LEN(recs), false, times, 2);
	pst_estate_finish(&a);
	fx_load(&b, rev, PST_ARRAY_LEN(rev), false, times, 2);
	pst_estate_finish(&b);
	check_same_states(&a, &b);
	CHECK_INT(pst_state_count(&a.states[0]), 2);
	CHECK_INT(pst_state_count(&a.states[1]), 2); /* vm2 gone with the October export */
	CHECK(get(&a, 1, VM2, "k1") == NULL);
	CHECK_INT(a.timeline.nrounds, 2);
	pst_estate_release(&a);
	pst_estate_release(&b);
}

/* Governance repeated in every snapshot stays one entry per finding. */
static void test_gov_compaction(void)
{
	struct pst_estate e;
	struct pst_record rec;
	const struct pst_gov *g;
	int i;

	pst_estate_init(&e);
	pst_estate_begin(&e, NULL, 0);
	for (i = 0; i < 20000; i++) {
		pst_record_init(&rec, PST_REC_GOVERNANCE);
		rec.observed = (pst_time)(i % 7 == 3 ? 5000000 : i) * 1000; /* the latest is not the last read */
		rec.u.gov.resource_id = i % 2 ? VM1 : VM2;
		rec.u.gov.assessment_key = "k1";
		rec.u.gov.owner = i % 7 == 3 ? "late@contoso.example" : "early@contoso.example";
		rec.u.gov.due_date = 0;
		pst_estate_add(&e, &rec, 0);
	}
	CHECK(e.gov_alloc < 16384);
	pst_estate_finish(&e);
	CHECK_INT(e.ngov, 2);
	g = pst_estate_gov(&e, pst_strpool_find(&e.res_ids, VM1), pst_strpool_find(&e.keys, "k1"));
	CHECK(g != NULL);
	CHECK_STR(pst_estate_text(&e, g->owner), "late@contoso.example");
	pst_estate_release(&e);
}

int main(void)
{
	RUN(test_strpool);
	RUN(test_fold_order);
	RUN(test_case_and_delete);
	RUN(test_snapshot_then_stream);
	RUN(test_long_snapshot);
	RUN(test_file_order);
	RUN(test_gov_compaction);
	return check_summary();
}
