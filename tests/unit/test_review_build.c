/* test_review_build.c: pst_review_build over a small hand-built estate (one
 * subscription, two controls, three team rules): counts, team order and
 * league, trend, controls by gain, findings, alerts, compliance, goals,
 * warnings, sources; the file-safe team names. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/review_build.h"

#define SUB "11111111-0000-4000-8000-000000000001"
#define RG "/subscriptions/" SUB "/resourceGroups/rg/providers/"
#define VM1 RG "Microsoft.Compute/virtualMachines/vm1"
#define VM2 RG "Microsoft.Compute/virtualMachines/vm2"
#define WEB1 RG "Microsoft.Web/sites/web1"
#define WEB2 RG "Microsoft.Web/sites/web2"
#define UPDATES "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27" /* built-in: Apply system updates (max 6) */
#define MFA "94290b00-4d0c-d7b4-7cea-064a9554e681"     /* built-in: Enable MFA (max 10) */
#define T0 "2026-09-01T00:00:00Z"
#define T1 "2026-10-01T00:00:00Z"

static const char teams_text[] = "team \"Web\"\n\ttype = microsoft.web/*\n"
                                 "team \"Compute\"\n\ttype = microsoft.compute/*\n"
                                 "team \"Nobody\"\n\ttype = microsoft.none/*\n";
static const char goals_text[] = "goal overall 80% by 2026-12-31\ngoal team \"Web\" 90% by 2027-06-30\n";

struct world {
	struct pst_estate e;
	struct pst_teams teams;
	struct pst_goals goals;
	struct pst_settings set;
	struct pst_team_map map;
	struct pst_diff d;
	struct pst_score_view v;
	struct pst_review r;
	char teams_path[64];
};

static void assess(struct pst_estate *e, const char *res, const char *key, const char *status, const char *time,
                   const char *first_eval)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT);
	rec.action = PST_ACT_INSERT;
	rec.snapshot = PST_SNAP_RECORD;
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.subscription_id = SUB;
	rec.u.assessment.resource_id = res;
	rec.u.assessment.key = key;
	rec.u.assessment.status = pst_status_parse(status);
	rec.u.assessment.first_eval = fx_time(first_eval);
	pst_estate_add(e, &rec, 0);
}

static void meta(struct pst_estate *e, const char *key, const char *name, enum pst_severity sev, const char *fix)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT_META);
	rec.observed = 0;
	rec.u.meta.key = key;
	rec.u.meta.display_name = name;
	rec.u.meta.severity = sev;
	rec.u.meta.remediation = fix;
	pst_estate_add(e, &rec, 0);
}

static void score(struct pst_estate *e, const char *time, double current)
{
	fx_score(e, SUB, time, current, 16, 4);
}

static void alert(struct pst_estate *e, const char *id, enum pst_severity sev, const char *status,
                  const char *tactics, const char *time)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ALERT);
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.subscription_id = SUB;
	rec.u.alert.system_alert_id = id;
	rec.u.alert.display_name = id;
	rec.u.alert.severity = sev;
	rec.u.alert.status = status;
	rec.u.alert.tactics = tactics;
	rec.u.alert.resource_id = VM2;
	rec.u.alert.time_generated = fx_time(time);
	pst_estate_add(e, &rec, 0);
}

static void compliance(struct pst_estate *e, const char *assessment, enum pst_compliance_state st,
                       const char *time)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_COMPLIANCE);
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.subscription_id = SUB;
	rec.u.compliance.standard = "ISO 27001";
	rec.u.compliance.control = "A.9";
	rec.u.compliance.assessment = assessment;
	rec.u.compliance.state = st;
	pst_estate_add(e, &rec, 0);
}

/* One read file in the ingest report (the estate API reads none). */
static void source(struct pst_estate *e)
{
	struct pst_source *f;

	f = pst_sources_add(&e->sources, "exports/snap.json");
	f->format = PST_FMT_JSON_NDJSON;
	f->size = 1234;
	pst_strlcpy(f->sha256, "ab12", sizeof(f->sha256));
	f->records[PST_REC_ASSESSMENT] = 8;
	f->total_records = 8;
}

static void records(struct pst_estate *e)
{
	meta(e, UPDATES, "System updates should be installed", PST_SEV_HIGH, "Install the updates.");
	meta(e, MFA, "MFA should be enabled", PST_SEV_MEDIUM, "Turn MFA on.");
	score(e, "2026-07-15T00:00:00Z", 4);
	score(e, "2026-08-20T00:00:00Z", 8);
	assess(e, VM1, UPDATES, "Unhealthy", T0, NULL);
	assess(e, VM2, UPDATES, "Unhealthy", T0, "2026-01-01T00:00:00Z");
	assess(e, WEB1, MFA, "Healthy", T0, NULL);
	assess(e, VM1, UPDATES, "Healthy", T1, NULL);                           /* remediated */
	assess(e, VM2, UPDATES, "Unhealthy", T1, "2026-01-01T00:00:00Z");       /* still_open, overdue */
	assess(e, WEB1, MFA, "Unhealthy", T1, NULL);                            /* regressed */
	assess(e, WEB2, MFA, "Unhealthy", T1, NULL);                            /* new_resource */
	alert(e, "a-low", PST_SEV_LOW, "Resolved", "Execution", "2026-09-05T00:00:00Z");
	alert(e, "a-high", PST_SEV_HIGH, "Active", " Execution , Persistence", "2026-09-10T00:00:00Z");
	alert(e, "a-late", PST_SEV_HIGH, "Active", "Execution", "2026-10-05T00:00:00Z");
	compliance(e, "as-1", PST_CS_PASSED, "2026-09-01T00:00:00Z");
	compliance(e, "as-1", PST_CS_FAILED, "2026-09-15T00:00:00Z"); /* the latest wins */
	compliance(e, "as-2", PST_CS_PASSED, "2026-09-15T00:00:00Z");
	compliance(e, "as-3", PST_CS_PASSED, "2026-10-15T00:00:00Z"); /* after T1 */
}

static int write_teams(char *path, size_t size)
{
	int fd;
	FILE *fp;

	pst_strlcpy(path, "/tmp/test_review_build_XXXXXX", size);
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	fp = fdopen(fd, "w");
	if (!fp)
		return -1;
	fputs(teams_text, fp);
	return fclose(fp);
}

static int world_build(struct world *w)
{
	struct pst_review_request rq = {NULL, "2026-09", 0, "9.9", NULL};
	pst_time times[2] = {fx_time(T0), fx_time(T1)};
	const struct pst_state *st[2];
	struct pst_error err = {0, ""};
	struct pst_review_inputs in = {.e = &w->e, .tm = &w->map, .teams = &w->teams, .d = &w->d, .v = &w->v,
	                               .g = &w->goals, .set = &w->set};

	memset(w, 0, sizeof(*w));
	CHECK_INT(write_teams(w->teams_path, sizeof(w->teams_path)), 0);
	pst_teams_init(&w->teams);
	CHECK_INT(pst_teams_load(&w->teams, w->teams_path, &err), PST_OK);
	pst_goals_init(&w->goals);
	CHECK_INT(pst_goals_parse(&w->goals, "goals.conf", goals_text, strlen(goals_text), &err), PST_OK);
	pst_settings_init(&w->set);
	pst_estate_init(&w->e);
	pst_estate_begin(&w->e, times, 2);
	records(&w->e);
	pst_estate_finish(&w->e);
	source(&w->e);
	st[0] = &w->e.states[0];
	st[1] = &w->e.states[1];
	pst_team_map_init(&w->map);
	pst_team_map_build(&w->map, &w->teams, &w->e, st, 2);
	pst_diff_init(&w->d);
	pst_diff_compute(&w->d, &w->e, st[0], st[1], &w->set);
	pst_score_view_init(&w->v);
	pst_score_view_controls(&w->v, &w->e);
	pst_score_view_compute(&w->v, &w->e, &w->map, &w->goals, &w->d, times[0], times[1]);
	pst_review_init(&w->r);
	return pst_review_build(&w->r, &in, &rq, &err);
}

static void world_release(struct world *w)
{
	pst_review_release(&w->r);
	pst_score_view_release(&w->v);
	pst_diff_release(&w->d);
	pst_team_map_release(&w->map);
	pst_estate_release(&w->e);
	pst_settings_release(&w->set);
	pst_goals_release(&w->goals);
	pst_teams_release(&w->teams);
	unlink(w->teams_path);
}

static void test_cover_and_counts(void)
{
	struct world w;

	CHECK_INT(world_build(&w), PST_OK);
	CHECK_STR(w.r.org, "Organisation");
	CHECK_STR(w.r.period, "2026-09");
	CHECK_STR(w.r.title, "Security posture review, September 2026");
	CHECK_STR(w.r.version, "9.9");
	CHECK_STR(w.r.teams_file, w.teams_path);
	CHECK_INT(strlen(w.r.teams_file_sha256), 64);
	CHECK_INT(w.r.nsubscriptions, 1);
	CHECK_STR(w.r.subscriptions[0].id, SUB);
	CHECK(w.r.subscriptions[0].covered_t1);
	CHECK_DBL(w.r.score_now, 100.0 * 3 / 16, 1e-9);  /* updates 3 of 6, MFA 0 of 10 */
	CHECK_DBL(w.r.score_prev, 100.0 * 10 / 16, 1e-9); /* updates 0 of 6, MFA 10 of 10 */
	CHECK_DBL(w.r.subscriptions[0].percentage, w.r.score_now, 1e-9);
	CHECK_INT(w.r.by_class[PST_CLASS_REMEDIATED], 1);
	CHECK_INT(w.r.by_class[PST_CLASS_STILL_OPEN], 1);
	CHECK_INT(w.r.by_class[PST_CLASS_REGRESSED], 1);
	CHECK_INT(w.r.by_class[PST_CLASS_NEW_RESOURCE], 1);
	CHECK_INT(w.r.overdue_by_severity[PST_SEV_HIGH], 1);
	CHECK_INT(w.r.unhealthy_t0, 2);
	CHECK_INT(w.r.unhealthy_t1, 3);
	CHECK_INT(w.r.unhealthy_t0 - w.r.closed + w.r.opened, w.r.unhealthy_t1);
	world_release(&w);
}

static void test_trend(void)
{
	struct world w;
	size_t i;

	CHECK_INT(world_build(&w), PST_OK);
	CHECK_INT(w.r.ntrend, 12);
	/* One point per month end, by the rule of T1: September ends at T1
	 * (recomputed), August at T0 (recomputed: the 08-20 export is more than
	 * 8 days old there); at July's end the 07-15 export is stale and no
	 * state was read: a gap, not a value.  The months before hold no data. */
	CHECK(w.r.trend[11].t == fx_time(T1));
	CHECK_DBL(w.r.trend[11].percentage, w.r.score_now, 1e-9);
	CHECK(w.r.trend[11].recomputed);
	CHECK_INT(w.r.trend[11].subs_in_scope, 1);
	CHECK(!w.r.trend[11].partial);
	CHECK(w.r.trend[10].t == fx_time(T0));
	CHECK_DBL(w.r.trend[10].percentage, w.r.score_prev, 1e-9);
	CHECK(w.r.trend[9].t == fx_time("2026-08-01T00:00:00Z"));
	CHECK(isnan(w.r.trend[9].percentage));
	for (i = 0; i < 9; i++) {
		CHECK(isnan(w.r.trend[i].percentage));
		CHECK(w.r.trend[i].t == pst_month_start(w.r.trend[i].t));
	}
	world_release(&w);
}

static void test_teams(void)
{
	struct world w;
	const struct pst_review_team *web, *compute;

	CHECK_INT(world_build(&w), PST_OK);
	CHECK_INT(w.r.nteams, 3); /* Unassigned has no rows */
	CHECK_STR(w.r.teams[0].name, "Web");
	CHECK_STR(w.r.teams[1].name, "Compute");
	CHECK_STR(w.r.teams[2].name, "Nobody");
	web = &w.r.teams[0];
	compute = &w.r.teams[1];
	/* League: Compute won 3 points (a fix), Nobody 0, Web lost 10. */
	CHECK_INT(w.r.league[0], 1);
	CHECK_INT(w.r.league[1], 2);
	CHECK_INT(w.r.league[2], 0);
	CHECK_INT(compute->rank, 1);
	CHECK_INT(web->rank, 3);
	CHECK_DBL(compute->points_won, 3, 1e-9);
	CHECK_DBL(web->points_won, -10, 1e-9);
	CHECK_INT(compute->by_class[PST_CLASS_REMEDIATED], 1);
	CHECK_INT(compute->open_by_severity[PST_SEV_HIGH], 1);
	CHECK_INT(compute->overdue, 1);
	CHECK_INT(web->open_by_severity[PST_SEV_MEDIUM], 2);
	CHECK_DBL(compute->points_held, 3, 1e-9);
	CHECK_DBL(web->points_held, 0, 1e-9);
	/* the teams' shares of the overall add up to it */
	CHECK_DBL(w.r.teams[0].share_pct + w.r.teams[1].share_pct + w.r.teams[2].share_pct, w.r.score_now, 1e-9);
	CHECK(compute->pct_won > 0 && web->pct_won < 0);
	CHECK_DBL(compute->potential_gain, 3, 1e-9);
	CHECK_DBL(web->potential_gain, 10, 1e-9);
	CHECK_INT(web->ntop, 1);
	CHECK_STR(web->top[0].recommendation, "MFA should be enabled");
	CHECK_INT(web->top[0].resources, 2);
	CHECK_INT(compute->ntop, 1);
	CHECK_STR(compute->top[0].remediation, "Install the updates.");
	CHECK_INT(compute->top[0].overdue, 1);
	CHECK(web->goal != NULL);
	CHECK(web->goal && web->goal->target == 90);
	CHECK(compute->goal == NULL);
	CHECK(w.r.overall_goal != NULL && strcmp(w.r.overall_goal->scope, "overall") == 0);
	CHECK_INT(w.r.ngoals, 2);
	world_release(&w);
}

static void test_controls_and_findings(void)
{
	struct world w;
	size_t i, open = 0;

	CHECK_INT(world_build(&w), PST_OK);
	CHECK_INT(w.r.ncontrols, 2);
	CHECK_STR(w.r.controls[0].name, "Enable MFA");
	CHECK_DBL(w.r.controls[0].gain, 10, 1e-9);
	CHECK_DBL(w.r.controls[0].previous, 10, 1e-9);
	CHECK_INT(w.r.controls[0].top_team, 0);
	CHECK_DBL(w.r.controls[0].gain_by_team[0], 10, 1e-9);
	CHECK_STR(w.r.controls[1].name, "Apply system updates");
	CHECK_DBL(w.r.controls[1].current, 3, 1e-9);
	CHECK_INT(w.r.controls[1].top_team, 1);
	CHECK_INT(w.r.nfindings, w.d.n);
	for (i = 0; i < w.r.nfindings; i++) {
		const struct pst_review_finding *f = &w.r.findings[i];

		CHECK_INT(f->cls, w.d.items[i].cls); /* diff order */
		open += pst_review_finding_open(f);
		if (f->cls == PST_CLASS_STILL_OPEN) {
			CHECK_STR(f->control, "Apply system updates");
			CHECK_INT(f->team, 1);
			CHECK(f->overdue);
			CHECK(f->due_date != PST_TIME_NONE);
			CHECK(strncmp(f->portal_link, "https://", 8) == 0);
		}
	}
	CHECK_INT(open, 3);
	world_release(&w);
}

static void test_alerts_quality_sources(void)
{
	struct world w;
	size_t i;
	bool unused = false;

	CHECK_INT(world_build(&w), PST_OK);
	CHECK_INT(w.r.nalerts, 2);
	CHECK_STR(w.r.alerts[0].system_alert_id, "a-high");
	CHECK_INT(w.r.alerts[0].team, 1);
	CHECK_INT(w.r.alerts_by_severity[PST_SEV_HIGH], 1);
	CHECK_INT(w.r.nalerts_by_tactic, 2);
	CHECK_STR(w.r.alerts_by_tactic[0].label, "Execution");
	CHECK_INT(w.r.alerts_by_tactic[0].count, 2);
	CHECK_STR(w.r.alerts_by_tactic[1].label, "Persistence");
	CHECK_INT(w.r.nalerts_by_status, 2);
	CHECK_INT(w.r.ncompliance, 1);
	CHECK_INT(w.r.compliance[0].passed, 1);
	CHECK_INT(w.r.compliance[0].failed, 1);
	CHECK_INT(w.r.compliance[0].state, PST_CS_FAILED);
	for (i = 0; i < w.r.warnings.n; i++)
		if (w.r.warnings.items[i].code == PST_DC_UNUSED_TEAM_RULE && strstr(w.r.warnings.items[i].msg, "\"Nobody\""))
			unused = true;
	CHECK(unused);
	CHECK_INT(w.r.nsources, 1);
	CHECK_STR(w.r.sources[0].path, "exports/snap.json");
	CHECK_STR(w.r.sources[0].format, pst_format_name(PST_FMT_JSON_NDJSON));
	CHECK_INT(w.r.sources[0].records[PST_REC_ASSESSMENT], 8);
	CHECK_INT(w.r.rejected.count[PST_DIAG_REJECTED], 0);
	world_release(&w);
}

static void test_file_names(void)
{
	struct pst_review r;

	pst_review_init(&r);
	CHECK_STR(pst_review_file_name(&r, "Équipe réseau"), "Equipe-reseau");
	CHECK_STR(pst_review_file_name(&r, "IT / Infra_Ops"), "IT-Infra_Ops");
	CHECK_STR(pst_review_file_name(&r, "日本"), "team");
	CHECK_STR(pst_review_file_name(&r, "Straße 7 ×"), "Strase-7");
	pst_review_release(&r);
}

int main(void)
{
	RUN(test_cover_and_counts);
	RUN(test_trend);
	RUN(test_teams);
	RUN(test_controls_and_findings);
	RUN(test_alerts_quality_sources);
	RUN(test_file_names);
	return check_summary();
}
