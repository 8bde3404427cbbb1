/* test_score_view.c: the score view over a hand-built estate: freshness of
 * exported records, recomputing where they are missing, series points. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/score_view.h"

#define SUB "11111111-0000-4000-8000-000000000001"
#define VM1 "/subscriptions/" SUB "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"
#define VM2 "/subscriptions/" SUB "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2"
#define UPDATES_KEY "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27" /* built-in: Apply system updates (max 6) */

static void add_score(struct pst_estate *e, const char *time, double current)
{
	fx_score(e, SUB, time, current, 6, 2);
}

static void add_snapshot_row(struct pst_estate *e, const char *res, const char *status, const char *time)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT);
	rec.action = PST_ACT_INSERT;
	rec.snapshot = PST_SNAP_RECORD;
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.subscription_id = SUB;
	rec.u.assessment.resource_id = res;
	rec.u.assessment.key = UPDATES_KEY;
	rec.u.assessment.status = pst_status_parse(status);
	pst_estate_add(e, &rec, 0);
}

static const struct pst_score_row *row_at(const struct pst_score_view *v, const char *time,
                                          enum pst_row_scope scope)
{
	pst_time t = fx_time(time);
	size_t i;

	for (i = 0; i < v->nrows; i++)
		if (v->rows[i].at == t && v->rows[i].scope == scope)
			return &v->rows[i];
	return NULL;
}

static void test_fresh_and_recomputed(void)
{
	struct pst_estate e;
	struct pst_teams t;
	struct pst_team_map m;
	struct pst_diff d;
	struct pst_score_view v;
	const struct pst_state *st[2];
	const struct pst_score_row *r;
	pst_time times[2] = {fx_time("2026-09-02T00:00:00Z"), fx_time("2026-10-01T00:00:00Z")};

	pst_estate_init(&e);
	pst_estate_begin(&e, times, 2);
	add_score(&e, "2026-09-01T00:00:00Z", 3);       /* fresh at T0, stale (30 days) at T1 */
	add_snapshot_row(&e, VM1, "Healthy", "2026-09-01T00:00:00Z");
	add_snapshot_row(&e, VM2, "Unhealthy", "2026-09-01T00:00:00Z");
	add_snapshot_row(&e, VM1, "Healthy", "2026-10-01T00:00:00Z");
	add_snapshot_row(&e, VM2, "Healthy", "2026-10-01T00:00:00Z");
	pst_estate_finish(&e);
	pst_teams_init(&t);
	pst_team_map_init(&m);
	st[0] = &e.states[0];
	st[1] = &e.states[1];
	pst_team_map_build(&m, &t, &e, st, 2);
	pst_diff_init(&d);
	pst_score_view_init(&v);
	pst_score_view_controls(&v, &e);
	pst_score_view_compute(&v, &e, &m, NULL, &d, times[0], times[1]);

	/* T0: the exported score (3 of 6) and the findings (1 of 2) agree. */
	r = row_at(&v, "2026-09-02T00:00:00Z", PST_ROW_SUBSCRIPTION);
	CHECK(r != NULL);
	CHECK(r && r->source == PST_SRC_EXPORTED);
	CHECK_DBL(r ? r->rec_current : 0, 3, 1e-9);
	CHECK(r && !r->differs);
	/* T1: the exported record is a month old: recomputed, 6 of 6. */
	r = row_at(&v, "2026-10-01T00:00:00Z", PST_ROW_SUBSCRIPTION);
	CHECK(r && isnan(r->exp_pct));
	CHECK(r && r->source == PST_SRC_RECOMPUTED);
	CHECK_DBL(r ? r->value : 0, 1, 1e-12);
	CHECK_DBL(r ? r->exp_weight : 0, 2, 0); /* the last weight Defender gave */
	/* The exported record makes its own point, a day before T0. */
	CHECK(row_at(&v, "2026-09-01T00:00:00Z", PST_ROW_OVERALL) != NULL);
	CHECK_INT(v.nteams, 1); /* no rules: Unassigned */
	CHECK_DBL(v.teams[0].pct_t1, 1, 1e-12);
	CHECK_DBL(v.teams[0].pct_t0, 0.5, 1e-12);
	CHECK_INT(v.warnings.n, 0);
	pst_score_view_release(&v);
	pst_diff_release(&d);
	pst_team_map_release(&m);
	pst_teams_release(&t);
	pst_estate_release(&e);
}

int main(void)
{
	RUN(test_fresh_and_recomputed);
	return check_summary();
}
