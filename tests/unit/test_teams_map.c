/* test_teams_map.c: team rules applied to the estate: categories from the
 * recommendations' metadata, owners from governance, subscription names. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/teams_map.h"

#define SUB "/subscriptions/11111111-0000-4000-8000-000000000001"
#define VM1 SUB "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"
#define SQL1 SUB "/resourceGroups/rg/providers/Microsoft.Sql/servers/sql1"
#define WEB1 SUB "/resourceGroups/rg/providers/Microsoft.Web/sites/web1"
#define OLD1 SUB "/resourceGroups/rg/providers/Microsoft.Web/sites/old1"

static void add_row(struct pst_estate *e, const char *res, const char *key, const char *time)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT);
	rec.action = PST_ACT_INSERT;
	rec.snapshot = PST_SNAP_STREAM;
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.u.assessment.resource_id = res;
	rec.u.assessment.key = key;
	rec.u.assessment.status = PST_ST_UNHEALTHY;
	rec.u.assessment.subscription_name = "Prod EU";
	pst_estate_add(e, &rec, 0);
}

static void add_category(struct pst_estate *e, const char *key, const char *category)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT_META);
	rec.observed = 0;
	rec.u.meta.key = key;
	rec.u.meta.display_name = key;
	rec.u.meta.category = category;
	pst_estate_add(e, &rec, 0);
}

static void test_map(void)
{
	struct pst_estate e;
	struct pst_teams t;
	struct pst_team_map m;
	struct pst_error err = {0, ""};
	const struct pst_state *st;
	pst_time at = fx_time("2026-10-31T00:00:00Z");
	static const char rules[] = "team Owners owner=ann@*\n"
	                            "team DataCat category=Data\n"
	                            "team \"Prod subs\" subscription=\"Prod *\" name=web*\n";
	size_t i;

	pst_estate_init(&e);
	pst_estate_begin(&e, &at, 1);
	add_category(&e, "k-data", "Data");
	add_row(&e, VM1, "k-vm", "2026-10-01T00:00:00Z");
	add_row(&e, SQL1, "k-data", "2026-10-01T00:00:00Z");
	add_row(&e, WEB1, "k-web", "2026-10-01T00:00:00Z");
	add_row(&e, OLD1, "k-web", "2026-11-05T00:00:00Z"); /* after T: not in the state */
	fx_gov(&e, VM1, "k-vm", "ann@contoso.com", "");
	pst_estate_finish(&e);
	pst_teams_init(&t);
	CHECK_INT(pst_teams_parse(&t, "t.conf", rules, strlen(rules), &err), PST_OK);
	pst_team_map_init(&m);
	st = &e.states[0];
	pst_team_map_build(&m, &t, &e, &st, 1);
	CHECK_INT(m.n, 3);
	CHECK_INT(m.nteams, 4);
	CHECK_STR(m.teams[m.unassigned], PST_TEAM_UNASSIGNED);
	for (i = 0; i < m.n; i++) {
		const char *id = pst_estate_resource_id(&e, m.items[i].resource);
		const char *team = m.teams[m.items[i].team];

		if (strcmp(id, VM1) == 0)
			CHECK_STR(team, "Owners");
		else if (strcmp(id, SQL1) == 0)
			CHECK_STR(team, "DataCat");
		else
			CHECK_STR(team, "Prod subs");
	}
	/* Sorted by resource id, case-folded: Microsoft.Compute < Microsoft.Sql < Microsoft.Web. */
	CHECK_STR(pst_estate_resource_id(&e, m.items[0].resource), VM1);
	CHECK_STR(pst_estate_resource_id(&e, m.items[2].resource), WEB1);
	CHECK_INT(m.counts[0], 1);
	CHECK_INT(m.counts[m.unassigned], 0);
	CHECK_INT(pst_team_map_of(&m, pst_strpool_find(&e.res_ids, OLD1)), m.unassigned);
	pst_team_map_release(&m);
	pst_teams_release(&t);
	pst_estate_release(&e);
}

int main(void)
{
	RUN(test_map);
	return check_summary();
}
