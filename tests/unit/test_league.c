/* test_league.c: points from verified fixes and losses only, counts, ranking. */
#include <string.h>
#include "check.h"
#include "posture/league.h"

#define U PST_ST_UNHEALTHY
#define H PST_ST_HEALTHY
#define NA PST_ST_NOT_APPLICABLE
#define NO PST_ST_UNKNOWN

static void controls(struct pst_control_set *cs)
{
	size_t a, b;

	pst_control_set_init(cs);
	a = pst_control_set_define(cs, "ca", "Control A", 6, PST_CSRC_EXPORTED);
	pst_control_add_key(&cs->items[a], "k1");
	pst_control_add_key(&cs->items[a], "k2");
	b = pst_control_set_define(cs, "cb", "Control B", 4, PST_CSRC_EXPORTED);
	pst_control_add_key(&cs->items[b], "k3");
}

static const struct pst_league_row *row_of(const struct pst_league_row *rows, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(rows[i].name, name) == 0)
			return &rows[i];
	return NULL;
}

static void test_league(void)
{
	static const char *const teams[] = {"Alpha", "Beta", "Gamma", "Delta", "Epsilon", "Unassigned"};
	/* T0, control A (max 6): vm1 U, vm2 U, vm5 U, vm6 H -> 1 of 4 = 1.5 points.
	 * T0, control B (max 4): vm2 H, vm4 U -> 1 of 2 = 2 points. */
	const struct pst_league_finding f[] = {
		{"vm1", "k1", 0, U, H, "remediated"},
		{"vm1", "k2", 0, H, H, NULL},
		{"vm2", "k1", 1, U, NA, "exempted"},
		{"vm2", "k3", 1, H, U, "regressed"},
		{"vm3", "k1", 2, NO, U, "new_resource"},
		{"vm3", "k2", 2, NO, U, "new_resource"},
		{"vm4", "k3", 2, U, U, "still_open"},
		{"vm5", "k1", 4, U, NA, "exempted"},
		{"vm5", "k2", 4, H, H, NULL},
		{"vm6", "k1", 4, H, H, NULL},
		{"vm7", "k3", 5, U, H, "remediated"}, /* Unassigned: B 1 of 3 -> 2 of 3 */
		{"vm8", "k1", 3, NA, U, "exemption_ended"}, /* not the team's doing: no points */
	};
	struct pst_control_set cs;
	struct pst_league_row rows[6];
	const struct pst_league_row *r;

	controls(&cs);
	pst_league_init(rows, teams, 6);
	pst_league_add(&cs, f, PST_ARRAY_LEN(f), 6, 0.5, rows); /* 0.5 pp per score point */
	pst_league_rank(rows, 6, 5);
	r = row_of(rows, 6, "Alpha"); /* A: 2 of 4 = 3 points: +1.5 */
	CHECK(r && r->rank == 1);
	CHECK_DBL(r ? r->points : 0, 1.5, 1e-12);
	CHECK_DBL(r ? r->pct_points : 0, 0.75, 1e-12);
	CHECK_INT(r ? r->fixes : -1, 1);
	r = row_of(rows, 6, "Beta"); /* exemption kept as at T0; B: 1 of 3 -> 0 of 3: -4/3 */
	CHECK_DBL(r ? r->points : 0, -4.0 / 3.0, 1e-12);
	CHECK_INT(r ? r->regressions : -1, 1);
	CHECK_INT(r ? r->closed_not_fixed : -1, 1);
	CHECK(r && r->rank == 5);
	r = row_of(rows, 6, "Gamma"); /* A: 1 of 5 = 1.2: -0.3 */
	CHECK_DBL(r ? r->points : 0, -0.3, 1e-12);
	CHECK_INT(r ? r->new_insecure : -1, 1);
	CHECK(r && r->rank == 4);
	r = row_of(rows, 6, "Delta"); /* an exemption that ended is not counted against the team */
	CHECK_DBL(r ? r->points : 1, 0, 1e-12);
	r = row_of(rows, 6, "Epsilon"); /* applying the exemption would have earned 1.5: it earns none */
	CHECK_DBL(r ? r->points : 1, 0, 1e-12);
	CHECK_INT(r ? r->closed_not_fixed : -1, 1);
	CHECK_STR(rows[1].name, "Delta"); /* ties on points and fixes: by name */
	CHECK_STR(rows[2].name, "Epsilon");
	CHECK_INT(rows[2].rank, 3);
	r = row_of(rows, 6, "Unassigned"); /* not a team: last, not ranked, whatever it won */
	CHECK(r && r->points > 1);
	CHECK(r == &rows[5]);
	CHECK_INT(r ? r->rank : -1, 0);
	pst_control_set_release(&cs);
}

/* Points compared as shown (to 0.01), then verified fixes decide. */
static void test_tie_break(void)
{
	static const char *const teams[] = {"Aardvark", "Zebra"};
	struct pst_control_set cs;
	struct pst_league_row rows[2];

	controls(&cs);
	pst_league_init(rows, teams, 2);
	rows[0].pct_points = 1.234;
	rows[0].fixes = 1;
	rows[1].pct_points = 1.2301; /* shows as 1.23 too */
	rows[1].fixes = 4;
	pst_league_rank(rows, 2, PST_LEAGUE_NONE);
	CHECK_STR(rows[0].name, "Zebra");
	CHECK_INT(rows[0].rank, 1);
	rows[0].pct_points = 1.22; /* now below: points first */
	pst_league_rank(rows, 2, PST_LEAGUE_NONE);
	CHECK_STR(rows[0].name, "Aardvark");
	pst_control_set_release(&cs);
}

static void test_empty(void)
{
	static const char *const teams[] = {"Unassigned"};
	struct pst_control_set cs;
	struct pst_league_row rows[1];

	controls(&cs);
	pst_league_init(rows, teams, 1);
	pst_league_add(&cs, NULL, 0, 1, 1, rows);
	pst_league_rank(rows, 1, 0);
	CHECK_DBL(rows[0].points, 0, 0);
	CHECK_INT(rows[0].rank, 0);
	pst_control_set_release(&cs);
}

int main(void)
{
	RUN(test_league);
	RUN(test_tie_break);
	RUN(test_empty);
	return check_summary();
}
