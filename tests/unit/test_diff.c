/* test_diff.c: the 12 classes, reconciliation, coverage, warnings, overdue. */
#include <stdlib.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/diff.h"

#define A "/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/"
#define ST "/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1"
#define B1 "/subscriptions/bbbb/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/b1"
#define T0 "2026-09-30T06:00:00Z"
#define T1 "2026-10-31T06:00:00Z"
#define SNAP PST_SNAP_RECORD

/* One finding of every class between the snapshots at T0 and T1. */
static const struct fx_rec classes[] = {
	{A "vm1", "k1", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},
	{A "vm1", "k1", "Healthy", NULL, T1, SNAP, 0, 1, NULL},                /* remediated */
	{A "vm1", "k2", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},
	{A "vm1", "k2", "NotApplicable", "Exempt", T1, SNAP, 0, 1, NULL},      /* exempted */
	{A "vm1", "k3", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},
	{A "vm1", "k3", "NotApplicable", "OffByPolicy", T1, SNAP, 0, 1, NULL}, /* not_applicable */
	{A "vm2", "k1", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},              /* resource_deleted */
	{A "vm1", "k4", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},              /* recommendation_removed */
	{A "vm1", "k5", "Unhealthy", NULL, T0, SNAP, 0, 0, "2026-08-01T06:00:00Z"},
	{A "vm1", "k5", "Unhealthy", NULL, T1, SNAP, 0, 1, "2026-08-01T06:00:00Z"}, /* still_open */
	{ST, "k1", "Healthy", NULL, T0, SNAP, 0, 0, NULL},
	{ST, "k1", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL},                   /* regressed */
	{A "vm3", "k1", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL},              /* new_resource */
	{ST, "k6", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL},                   /* new_recommendation */
	{ST, "k2", "NotApplicable", "Exempt", T0, SNAP, 0, 0, NULL},
	{ST, "k2", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL},                   /* exemption_ended */
	{ST, "k3", "NotApplicable", "OffByPolicy", T0, SNAP, 0, 0, NULL},
	{ST, "k3", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL},                   /* became_applicable */
	{B1, "k1", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL},                   /* out_of_scope */
	{B1, "k2", "Healthy", NULL, T0, SNAP, 0, 0, NULL},
};

struct run {
	struct pst_estate e;
	struct pst_settings set;
	struct pst_diff d;
};

static void run_diff(struct run *r, const struct fx_rec *recs, size_t n, bool reverse, const char *t0,
                     const char *t1)
{
	pst_time times[2];

	times[0] = fx_time(t0);
	times[1] = fx_time(t1);
	fx_load(&r->e, recs, n, reverse, times, 2);
	fx_meta(&r->e, "k5", "Enable MFA", PST_SEV_HIGH);
	pst_estate_finish(&r->e);
	pst_settings_init(&r->set);
	pst_diff_init(&r->d);
	pst_diff_compute(&r->d, &r->e, &r->e.states[0], &r->e.states[1], &r->set);
}

static void run_release(struct run *r)
{
	pst_diff_release(&r->d);
	pst_settings_release(&r->set);
	pst_estate_release(&r->e);
}

static const struct pst_diff_item *find(const struct pst_diff *d, const char *res, const char *key)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (pst_streq_ci(d->items[i].resource_id, res) && pst_streq_ci(d->items[i].assessment_key, key))
			return &d->items[i];
	return NULL;
}

static bool has_warning(const struct pst_diff *d, enum pst_diag_code k)
{
	size_t i;

	for (i = 0; i < d->warnings.n; i++)
		if (d->warnings.items[i].code == k)
			return true;
	return false;
}

static void test_every_class(void)
{
	struct run r;
	size_t k;

	run_diff(&r, classes, PST_ARRAY_LEN(classes), false, T0, T1);
	for (k = 0; k < PST_CLASS__COUNT; k++) {
		if (r.d.counts[k] != 1)
			printf("     class %s: %zu\n", pst_class_name((enum pst_class)k), r.d.counts[k]);
		CHECK_INT(r.d.counts[k], 1);
	}
	CHECK_INT(r.d.n, PST_CLASS__COUNT);
	for (k = 0; k < r.d.n; k++)
		CHECK_INT(r.d.items[k].cls, k); /* sorted by class */
	CHECK_INT(find(&r.d, A "vm2", "k1")->cls, PST_CLASS_RESOURCE_DELETED);
	CHECK_INT(find(&r.d, A "vm1", "k4")->cls, PST_CLASS_RECOMMENDATION_REMOVED);
	CHECK_INT(find(&r.d, B1, "k1")->cls, PST_CLASS_OUT_OF_SCOPE);
	CHECK_INT(find(&r.d, A "vm3", "k1")->cls, PST_CLASS_NEW_RESOURCE);
	CHECK_INT(find(&r.d, ST, "k6")->cls, PST_CLASS_NEW_RECOMMENDATION);
	CHECK_STR(find(&r.d, A "vm1", "k2")->cause_to, "Exempt");
	/* reconciliation: 7 Unhealthy at T0, 6 at T1 (b1 is out of scope) */
	CHECK_INT(r.d.unhealthy_t0, 7);
	CHECK_INT(r.d.closed, 6);
	CHECK_INT(r.d.opened, 5);
	CHECK_INT(r.d.unhealthy_t1, 6);
	CHECK(!has_warning(&r.d, PST_DC_RECONCILE));
	CHECK(has_warning(&r.d, PST_DC_SUBSCRIPTION_MISSING));
	CHECK(!has_warning(&r.d, PST_DC_NO_DATA));
	run_release(&r);
}

static void test_age_and_overdue(void)
{
	const struct pst_diff_item *it;
	struct run r;

	run_diff(&r, classes, PST_ARRAY_LEN(classes), false, T0, T1);
	it = find(&r.d, A "vm1", "k5");
	CHECK_INT(it->cls, PST_CLASS_STILL_OPEN);
	CHECK_INT(it->severity, PST_SEV_HIGH);
	CHECK_STR(it->recommendation, "Enable MFA");
	CHECK_INT(it->age_days, 91);                  /* from firstEvaluationDate */
	CHECK_INT(it->due, fx_time("2026-08-31T06:00:00Z")); /* High: 30 days */
	CHECK(it->overdue);
	CHECK_INT(r.d.overdue, 1);
	it = find(&r.d, ST, "k1");                    /* regressed: aged from when it turned, in the period */
	CHECK_INT(it->cls, PST_CLASS_REGRESSED);
	CHECK(it->first_seen > fx_time(T0) && it->first_seen <= fx_time(T1));
	CHECK_INT(it->age_days, (fx_time(T1) - it->first_seen) / PST_MS_PER_DAY);
	CHECK(it->due != PST_TIME_NONE && it->due > it->first_seen);
	CHECK_INT(it->overdue, it->due < fx_time(T1));
	it = find(&r.d, B1, "k1");                    /* out_of_scope: nothing known at T1 */
	CHECK_INT(it->status_to, PST_ST_UNKNOWN);
	run_release(&r);
}

/* A governance due date wins over the allowance, in both directions. */
static void test_governance_due(void)
{
	static const struct fx_rec recs[] = {
		{A "vm1", "k1", "Unhealthy", NULL, T0, SNAP, 0, 0, "2026-01-01T00:00:00Z"},
		{A "vm1", "k1", "Unhealthy", NULL, T1, SNAP, 0, 1, "2026-01-01T00:00:00Z"},
		{A "vm1", "k2", "Unhealthy", NULL, T0, SNAP, 0, 0, "2026-10-20T00:00:00Z"},
		{A "vm1", "k2", "Unhealthy", NULL, T1, SNAP, 0, 1, "2026-10-20T00:00:00Z"},
		{A "vm1", "k3", "Unhealthy", NULL, T0, SNAP, 0, 0, "2026-09-01T00:00:00Z"},
		{A "vm1", "k3", "Unhealthy", NULL, T1, SNAP, 0, 1, "2026-09-01T00:00:00Z"},
	};
	pst_time times[2] = {fx_time(T0), fx_time(T1)};
	struct run r;

	fx_load(&r.e, recs, PST_ARRAY_LEN(recs), false, times, 2);
	fx_gov(&r.e, A "vm1", "k1", "alice@contoso.com", "2026-12-31T00:00:00Z");
	fx_gov(&r.e, A "vm1", "k2", "bob@contoso.com", "2026-10-25T00:00:00Z");
	pst_estate_finish(&r.e);
	pst_settings_init(&r.set);
	CHECK_INT(pst_settings_parse(&r.set, "t.conf", "overdue_days_low = 120\n", NULL), PST_OK);
	pst_diff_init(&r.d);
	pst_diff_compute(&r.d, &r.e, &r.e.states[0], &r.e.states[1], &r.set);
	CHECK(!find(&r.d, A "vm1", "k1")->overdue);  /* old, but due at the end of the year */
	CHECK(find(&r.d, A "vm1", "k1")->due_exported);
	CHECK_STR(find(&r.d, A "vm1", "k1")->owner, "alice@contoso.com");
	CHECK(find(&r.d, A "vm1", "k2")->overdue);   /* young, but past its due date */
	CHECK(!find(&r.d, A "vm1", "k3")->overdue);  /* unknown severity: 120 days allowed */
	CHECK_INT(find(&r.d, A "vm1", "k3")->due, fx_time("2026-12-30T00:00:00Z"));
	run_release(&r);
}

/* Without firstEvaluationDate the age runs from the first Unhealthy record,
 * whichever order the records come in. */
static void test_age_first_seen(void)
{
	static const struct fx_rec recs[] = {
		{A "vm1", "k1", "Unhealthy", NULL, T0, SNAP, 0, 1, NULL},
		{A "vm1", "k1", "Unhealthy", NULL, T1, SNAP, 0, 2, NULL},
		{A "vm1", "k1", "Unhealthy", NULL, "2026-09-10T06:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{A "vm1", "k1", "Healthy", NULL, "2026-09-01T06:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
	};
	struct run r;
	size_t rev;

	for (rev = 0; rev < 2; rev++) {
		run_diff(&r, recs, PST_ARRAY_LEN(recs), rev, T0, T1);
		CHECK_INT(find(&r.d, A "vm1", "k1")->first_seen, fx_time("2026-09-10T06:00:00Z"));
		CHECK_INT(find(&r.d, A "vm1", "k1")->age_days, 51);
		CHECK(!find(&r.d, A "vm1", "k1")->overdue); /* unknown severity: 90 days */
		run_release(&r);
	}
}

/* Reading in reverse order gives the same diff. */
static void test_order_independent(void)
{
	struct run a, b;
	size_t i;

	run_diff(&a, classes, PST_ARRAY_LEN(classes), false, T0, T1);
	run_diff(&b, classes, PST_ARRAY_LEN(classes), true, T0, T1);
	CHECK_INT(a.d.n, b.d.n);
	for (i = 0; i < a.d.n && i < b.d.n; i++) {
		CHECK_INT(a.d.items[i].cls, b.d.items[i].cls);
		CHECK_STR(a.d.items[i].resource_id, b.d.items[i].resource_id);
		CHECK_STR(a.d.items[i].assessment_key, b.d.items[i].assessment_key);
	}
	run_release(&a);
	run_release(&b);
}

static void test_warnings(void)
{
	static const char *const vms[] = {"vm0", "vm1", "vm2", "vm3", "vm4", "vm5", "vm6", "vm7", "vm8", "vm9"};
	struct fx_rec recs[12];
	char ids[10][128];
	struct run r;
	size_t i;

	for (i = 0; i < 10; i++) { /* 10 findings at T0 */
		snprintf(ids[i], sizeof(ids[i]), A "%s", vms[i]);
		recs[i] = (struct fx_rec){ids[i], "k1", "Unhealthy", NULL, T0, SNAP, 0, 0, NULL};
	}
	recs[10] = (struct fx_rec){ids[1], "k1", "Unhealthy", NULL, T1, SNAP, 0, 1, NULL};
	recs[11] = (struct fx_rec){ids[1], "k1", "Healthy", NULL, T1, SNAP, 0, 2, NULL};
	run_diff(&r, recs, 12, false, T0, T1);
	CHECK(has_warning(&r.d, PST_DC_RECORD_DROP));  /* 10 -> 1 */
	CHECK(has_warning(&r.d, PST_DC_CONFLICT));     /* vm1/k1 at T1 */
	CHECK(!has_warning(&r.d, PST_DC_SUBSCRIPTION_MISSING));
	CHECK_INT(r.d.counts[PST_CLASS_RESOURCE_DELETED], 9);
	CHECK_INT(r.d.counts[PST_CLASS_STILL_OPEN], 1); /* Unhealthy wins the tie */
	run_release(&r);
	run_diff(&r, recs, 10, false, "2026-09-01T00:00:00Z", T0);
	CHECK(has_warning(&r.d, PST_DC_NO_DATA));
	CHECK(!has_warning(&r.d, PST_DC_RECORD_DROP));
	CHECK_INT(r.d.counts[PST_CLASS_NEW_RESOURCE], 10);
	run_release(&r);
}

/* Stream-only data: no snapshot says a subscription is missing. */
static void test_stream_only(void)
{
	static const struct fx_rec recs[] = {
		{B1, "k1", "Unhealthy", NULL, "2026-09-15T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{B1, "k2", "Unhealthy", NULL, "2026-09-15T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{B1, "k2", "Healthy", NULL, "2026-10-15T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{B1, "k3", "Unhealthy", NULL, "2026-09-15T00:00:00Z", PST_SNAP_STREAM, 0, 0, NULL},
		{B1, "k3", "Unhealthy", NULL, "2026-10-16T00:00:00Z", PST_SNAP_STREAM, PST_ACT_DELETE, 0, NULL},
	};
	struct run r;

	run_diff(&r, recs, PST_ARRAY_LEN(recs), false, T0, T1);
	CHECK_INT(find(&r.d, B1, "k1")->cls, PST_CLASS_STILL_OPEN);
	CHECK_INT(find(&r.d, B1, "k2")->cls, PST_CLASS_REMEDIATED);
	CHECK_INT(find(&r.d, B1, "k3")->cls, PST_CLASS_RECOMMENDATION_REMOVED);
	CHECK_INT(r.d.warnings.n, 0);
	run_release(&r);
}

/* A subscription in the weekly snapshots of the month but missing from the
 * last one is not covered: none of its findings counts at T1. */
static void test_missing_from_latest(void)
{
	static const struct fx_rec recs[] = {
		{A "vm1", "k1", "Unhealthy", NULL, "2026-08-31T00:00:00Z", SNAP, 0, 0, NULL},
		{B1, "k1", "Unhealthy", NULL, "2026-08-31T00:00:00Z", SNAP, 0, 0, NULL},
		{B1, "k2", "Healthy", NULL, "2026-08-31T00:00:00Z", SNAP, 0, 0, NULL},
		{A "vm1", "k1", "Unhealthy", NULL, "2026-09-15T00:00:00Z", SNAP, 0, 1, NULL},
		{B1, "k1", "Healthy", NULL, "2026-09-15T00:00:00Z", SNAP, 0, 1, NULL},
		{B1, "k2", "Unhealthy", NULL, "2026-09-15T00:00:00Z", SNAP, 0, 1, NULL},
		{A "vm1", "k1", "Unhealthy", NULL, "2026-09-30T00:00:00Z", SNAP, 0, 2, NULL},
	};
	struct run r;

	run_diff(&r, recs, PST_ARRAY_LEN(recs), false, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z");
	CHECK_INT(find(&r.d, B1, "k1")->cls, PST_CLASS_OUT_OF_SCOPE); /* not remediated */
	CHECK(find(&r.d, B1, "k2") == NULL);                          /* not regressed */
	CHECK_INT(find(&r.d, A "vm1", "k1")->cls, PST_CLASS_STILL_OPEN);
	CHECK_INT(r.d.unhealthy_t0, 2);
	CHECK_INT(r.d.unhealthy_t1, 1);
	CHECK(has_warning(&r.d, PST_DC_SUBSCRIPTION_MISSING));
	CHECK(!has_warning(&r.d, PST_DC_RECONCILE));
	run_release(&r);
}

int main(void)
{
	RUN(test_every_class);
	RUN(test_age_and_overdue);
	RUN(test_governance_due);
	RUN(test_age_first_seen);
	RUN(test_order_independent);
	RUN(test_warnings);
	RUN(test_stream_only);
	RUN(test_missing_from_latest);
	return check_summary();
}
