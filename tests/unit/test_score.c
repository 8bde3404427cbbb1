/* test_score.c: the secure score formula against the REST example, rounding,
 * combining subscriptions, control sets, recomputing from findings, gains. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "posture/score.h"
#include "posture/strbuf.h"
#include "posture/ingest.h"

static void test_formula(void)
{
	struct pst_control_score c = {0};

	CHECK_DBL(pst_score_control_points(4, 5, 1), 4.0 * 5 / 6, 1e-12);
	CHECK_DBL(pst_score_control_points(4, 0, 0), 0, 0);
	c.healthy = 5;
	c.unhealthy = 1;
	c.not_applicable = 7; /* left out */
	pst_control_score_compute(&c, 4);
	CHECK_DBL(c.max, 4, 0);
	CHECK_DBL(c.current, 3.3333333333, 1e-9);
	CHECK_DBL(c.percentage, 0.8325, 1e-12); /* from the rounded 3.33, as exported */
	CHECK_DBL(pst_score_gain(&c), 4 - 4.0 * 5 / 6, 1e-12);
	c.healthy = c.unhealthy = 0;
	pst_control_score_compute(&c, 2);
	CHECK_DBL(c.max, 0, 0); /* only not-applicable resources: 0 of 0 */
	CHECK_DBL(pst_score_gain(&c), 0, 0);
	CHECK_DBL(pst_score_round_points(23.5333), 23.53, 1e-12);
	CHECK_DBL(pst_score_round_fraction(23.53 / 39), 0.6033, 1e-12);
	CHECK(!pst_score_points_differ(3.33, 4.0 * 5 / 6));
	CHECK(pst_score_points_differ(3.31, 4.0 * 5 / 6));
	CHECK(!pst_score_points_differ(1.00, 1.01));
	CHECK(pst_score_points_differ(1.00, 1.0101));
	CHECK(!pst_score_fraction_differ(0.8325, 0.8326));
	CHECK(pst_score_fraction_differ(0.8325, 0.8333));
	CHECK(!pst_score_fraction_differ(NAN, 0.5));
}

/* What the REST examples hold, read through the ingest driver. */
struct rest_read {
	const struct pst_control_set *cs;
	int controls;
	double sum_current;      /* of the recomputed controls, rounded as exported */
	double sub_current, sub_max, sub_pct;
};

/* Recompute one exported control from its counts and the built-in max. */
static int on_record(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct rest_read *rr = ctx;
	const struct pst_score_control *x = &rec->u.control;
	struct pst_control_score c = {0};
	size_t at;

	(void)err;
	if (rec->type == PST_REC_SECURE_SCORE) {
		rr->sub_current = rec->u.score.current;
		rr->sub_max = rec->u.score.max;
		rr->sub_pct = rec->u.score.percentage;
	}
	if (rec->type != PST_REC_SCORE_CONTROL)
		return PST_OK;
	rr->controls++;
	at = pst_control_set_find(rr->cs, x->control_id, NULL);
	CHECK(at != PST_NO_CONTROL);
	if (at == PST_NO_CONTROL)
		return PST_OK;
	c.healthy = x->healthy;
	c.unhealthy = x->unhealthy;
	c.not_applicable = x->not_applicable;
	pst_control_score_compute(&c, rr->cs->items[at].max);
	CHECK_DBL(c.max, x->max, 0);
	CHECK(!pst_score_points_differ(c.current, x->current));
	CHECK(!pst_score_fraction_differ(c.percentage, x->percentage));
	if (pst_score_points_differ(c.current, x->current))
		printf("     control %s: %.4f vs %.4f\n", x->control_id, c.current, x->current);
	rr->sum_current += pst_score_round_points(c.current);
	return PST_OK;
}

/* ListSecureScoreControls_example.json: every control's score.current
 * follows from its healthy / unhealthy counts and its max (the built-in max:
 * 0 for a control with no healthy or unhealthy resource). */
static void test_rest_example(void)
{
	const char *dir = check_realdata();
	char controls[512], scores[512];
	const char *paths[2] = {controls, scores};
	struct pst_control_set cs;
	struct pst_sources ing;
	struct pst_error err = {0, ""};
	struct rest_read rr;

	if (!dir)
		return;
	snprintf(controls, sizeof(controls), "%s/azure-rest-api-specs/ListSecureScoreControls_example.json", dir);
	snprintf(scores, sizeof(scores), "%s/azure-rest-api-specs/ListSecureScores_example.json", dir);
	pst_control_set_init(&cs);
	pst_control_set_builtin(&cs);
	memset(&rr, 0, sizeof(rr));
	rr.cs = &cs;
	pst_sources_init(&ing);
	CHECK_INT(pst_ingest_paths(&ing, paths, 2, NULL, on_record, &rr, &err), PST_OK);
	CHECK_INT(rr.controls, 12);
	/* The subscription's exported current is the sum of its controls'; its
	 * percentage comes from the rounded current. */
	CHECK(!pst_score_points_differ(rr.sum_current, rr.sub_current));
	CHECK_DBL(rr.sum_current, 23.53, 1e-9);
	CHECK_DBL(pst_score_round_fraction(rr.sub_current / rr.sub_max), rr.sub_pct, 1e-12);
	pst_sources_release(&ing);
	pst_control_set_release(&cs);
}

static void test_builtin(void)
{
	struct pst_control_set cs;
	size_t i, idx[4];
	double sum = 0;

	pst_control_set_init(&cs);
	pst_control_set_builtin(&cs);
	CHECK_INT(cs.n, 15);
	for (i = 0; i < cs.n; i++)
		sum += cs.items[i].max;
	CHECK_DBL(sum, 58, 0);
	i = pst_control_set_find(&cs, NULL, "secure MANAGEMENT ports");
	CHECK(i != PST_NO_CONTROL && cs.items[i].max == 8);
	CHECK_INT(pst_control_set_of_key(&cs, "/providers/Microsoft.Security/assessmentMetadata/E3DE1CC0-f4dd-3b34-e496-8b5381ba2d70",
	                                 idx, 4),
	          1);
	CHECK_STR(cs.items[idx[0]].name, "Protect applications against DDoS attacks");
	CHECK_INT(pst_control_set_of_key(&cs, "00000000-0000-0000-0000-000000000000", idx, 4), 0);
	/* An exported definition beats the built-in; a CSV column does not. */
	i = pst_control_set_define(&cs, "a9909064-42b4-4d34-8143-275477afe18b", "DDoS (renamed)", 3, PST_CSRC_EXPORTED);
	CHECK_STR(cs.items[i].name, "DDoS (renamed)");
	CHECK_DBL(cs.items[i].max, 3, 0);
	CHECK_INT(pst_control_set_define(&cs, NULL, "DDoS (renamed)", 9, PST_CSRC_CSV), i);
	CHECK_DBL(cs.items[i].max, 3, 0);
	CHECK_INT(pst_control_set_define(&cs, "new-id", "Custom control", NAN, PST_CSRC_CSV), 15);
	CHECK(isnan(cs.items[15].max));
	pst_control_add_key(&cs.items[15], "KEY-B");
	pst_control_add_key(&cs.items[15], "key-a");
	pst_control_add_key(&cs.items[15], "key-b");
	CHECK_INT(cs.items[15].nkeys, 2);
	CHECK_STR(cs.items[15].keys[0], "key-a");
	pst_control_set_release(&cs);
}

static void test_combine(void)
{
	struct pst_sub_score s[3] = {
		{30, 40, 60, 50, 10},  /* 0.75 */
		{10, 40, 20, 5, 15},   /* 0.25 */
		{0, 0, 5, 0, 0},       /* no max: left out */
	};
	struct pst_score_combined out;

	pst_score_combine(s, 3, &out);
	CHECK(!out.weights_from_counts);
	CHECK_DBL(out.percentage, (60 * 0.75 + 20 * 0.25) / 80, 1e-12);
	CHECK_DBL(out.weight, 80, 0);
	s[1].weight = NAN;
	pst_score_combine(s, 3, &out);
	CHECK(out.weights_from_counts);
	CHECK_DBL(out.percentage, (60 * 0.75 + 20 * 0.25) / 80, 1e-12); /* counts 60 and 20 */
	pst_score_combine(s, 0, &out);
	CHECK(isnan(out.percentage));
}

static const char *const VM1 = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm1";
static const char *const VM1_UPPER = "/SUBSCRIPTIONS/S/RESOURCEGROUPS/G/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1";
static const char *const VM2 = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm2";
static const char *const VM3 = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Compute/virtualMachines/vm3";

static void two_controls(struct pst_control_set *cs)
{
	size_t a, b;

	pst_control_set_init(cs);
	a = pst_control_set_define(cs, "ca", "Control A", 6, PST_CSRC_EXPORTED);
	pst_control_add_key(&cs->items[a], "k1");
	pst_control_add_key(&cs->items[a], "k2");
	b = pst_control_set_define(cs, "cb", "Control B", 4, PST_CSRC_EXPORTED);
	pst_control_add_key(&cs->items[b], "k3");
	pst_control_add_key(&cs->items[b], "k2"); /* k2 counts in both */
}

static void test_cells(void)
{
	const struct pst_score_finding f[] = {
		{VM1, "k1", PST_ST_HEALTHY, 0},   {VM1_UPPER, "K2", PST_ST_UNHEALTHY, 0}, /* vm1: A unhealthy */
		{VM2, "k1", PST_ST_HEALTHY, 1},   {VM2, "k2", PST_ST_NOT_APPLICABLE, 1},  /* vm2: A healthy */
		{VM3, "k1", PST_ST_NOT_APPLICABLE, 1}, {VM3, "k2", PST_ST_NOT_APPLICABLE, 1}, /* vm3: A n/a */
		{VM3, "k3", PST_ST_HEALTHY, 1},   {VM2, "k9", PST_ST_UNHEALTHY, 1},       /* k9: unmapped */
		{VM2, "k3", PST_ST_UNKNOWN, 1},
	};
	struct pst_control_set cs;
	struct pst_score_cells sc;
	struct pst_control_score out[2];
	struct pst_score_total t;
	double gain[4];

	two_controls(&cs);
	pst_score_cells_init(&sc);
	pst_score_cells_build(&sc, &cs, f, PST_ARRAY_LEN(f));
	CHECK_INT(sc.unmapped, 1);
	pst_score_cells_count(&sc, &cs, PST_ALL_GROUPS, out);
	CHECK_INT(out[0].healthy, 1);
	CHECK_INT(out[0].unhealthy, 1);
	CHECK_INT(out[0].not_applicable, 1);
	CHECK_DBL(out[0].current, 3, 1e-12);
	/* B: vm1 unhealthy (k2), vm2 n/a (k2), vm3 healthy (k3 healthy, k2 n/a) */
	CHECK_INT(out[1].healthy, 1);
	CHECK_INT(out[1].unhealthy, 1);
	CHECK_INT(out[1].not_applicable, 1);
	CHECK_DBL(out[1].current, 2, 1e-12);
	pst_score_total(out, 2, &t);
	CHECK_DBL(t.current, 5, 1e-12);
	CHECK_DBL(t.max, 10, 0);
	CHECK_DBL(t.percentage, 0.5, 1e-12);
	/* Group 1 alone: A 1 healthy of 1, B 1 healthy of 1. */
	pst_score_cells_count(&sc, &cs, 1, out);
	CHECK_DBL(out[0].current, 6, 1e-12);
	CHECK_DBL(out[1].current, 4, 1e-12);
	/* Only group 0 (vm1) has unhealthy cells: it holds all the gain. */
	pst_score_group_gain(&sc, &cs, 2, gain);
	CHECK_DBL(gain[0 * 2 + 0], 3, 1e-12);
	CHECK_DBL(gain[0 * 2 + 1], 2, 1e-12);
	CHECK_DBL(gain[1 * 2 + 0], 0, 0);
	CHECK_DBL(gain[1 * 2 + 1], 0, 0);
	pst_score_cells_release(&sc);
	pst_control_set_release(&cs);
}

int main(void)
{
	RUN(test_formula);
	RUN(test_rest_example);
	RUN(test_builtin);
	RUN(test_combine);
	RUN(test_cells);
	return check_summary();
}
