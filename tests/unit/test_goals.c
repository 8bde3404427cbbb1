/* test_goals.c: the goals file and progress against targets. */
#include <math.h>
#include <string.h>
#include "check.h"
#include "posture/goals.h"

static int parse(struct pst_goals *g, const char *text, struct pst_error *err)
{
	return pst_goals_parse(g, "goals.conf", text, strlen(text), err);
}

static pst_time at(const char *s)
{
	pst_time t = PST_TIME_NONE;

	pst_time_parse_str(s, &t);
	return t;
}

static void test_parse(void)
{
	struct pst_goals g;
	struct pst_error err = {0, ""};
	char buf[PST_TIME_BUF];

	pst_goals_init(&g);
	CHECK_INT(parse(&g,
	                "# targets\n"
	                "goal overall 80% by 2026-12-31\n"
	                "goal subscription \"Prod EU\" 75 by 2027-03\n"
	                "goal team \"Équipe réseau\" 72.5% by 2027-06-30T12:00:00Z\n"
	                "goal control \"Enable MFA\" 100% by 2026-12-31 # all of it\n",
	                &err),
	          PST_OK);
	CHECK_INT(g.n, 4);
	CHECK_INT(g.items[0].scope, PST_GOAL_OVERALL);
	CHECK(g.items[0].subject == NULL);
	CHECK_DBL(g.items[0].target, 80, 1e-9);
	CHECK_STR(pst_time_format(g.items[0].by, buf, sizeof(buf)), "2027-01-01T00:00:00Z");
	CHECK_STR(g.items[1].subject, "Prod EU");
	CHECK_STR(pst_time_format(g.items[1].by, buf, sizeof(buf)), "2027-04-01T00:00:00Z");
	CHECK_STR(g.items[2].subject, "Équipe réseau");
	CHECK_DBL(g.items[2].target, 72.5, 1e-9);
	CHECK_STR(pst_time_format(g.items[2].by, buf, sizeof(buf)), "2027-06-30T12:00:00Z");
	CHECK_INT(g.items[3].line, 5);
	CHECK(pst_goal_is_about(&g.items[1], "sub-guid", "prod eu"));
	CHECK(!pst_goal_is_about(&g.items[1], "sub-guid", NULL));
	CHECK(pst_goal_is_about(&g.items[0], NULL, NULL));
	pst_goals_release(&g);
}

static void check_bad(const char *text, const char *msg)
{
	struct pst_goals g;
	struct pst_error err = {0, ""};

	pst_goals_init(&g);
	CHECK_INT(parse(&g, text, &err), PST_EDATA);
	CHECK_STR(err.msg, msg);
	CHECK_INT(g.n, 0);
	pst_goals_release(&g);
}

static void test_bad_lines(void)
{
	check_bad("goal overall 80% by 2026-12-31\ngoal teams x 5% by 2026-12-31\n",
	          "goals.conf:2: expected overall, subscription, team or control after 'goal', got 'teams'");
	check_bad("goal overall 180% by 2026-12-31\n", "goals.conf:1: expected a target from 0% to 100%, got '180%'");
	check_bad("goal overall lots by 2026-12-31\n", "goals.conf:1: expected a target from 0% to 100%, got 'lots'");
	check_bad("goal overall 80%\n", "goals.conf:1: expected 'by' and a date, got end of file");
	check_bad("goal overall 80% by soon\n",
	          "goals.conf:1: expected a date (YYYY-MM-DD or YYYY-MM) after 'by', got 'soon'");
	check_bad("goal team 80% by 2026-12-31\n", "goals.conf:1: expected a target from 0% to 100%, got 'by'");
	check_bad("goal control = 80% by 2026-12-31\n", "goals.conf:1: expected the control after 'control', got '='");
	check_bad("target overall 80%\n", "goals.conf:1: expected 'goal', got 'target'");
	check_bad("goal team A 50% by 2026-12\n\ngoal team a 60% by 2027-01\n",
	          "goals.conf:3: a second goal for team \"a\" (the first is on line 1)");
}

/* CR-only line ends (the old reader ran the comment to the end of the file). */
static void test_cr_lines(void)
{
	struct pst_goals g;
	struct pst_error err = {0, ""};

	pst_goals_init(&g);
	CHECK_INT(parse(&g, "goal overall 80% by 2026-12-31\r# x\rgoal team A 50% by 2026-12\r", &err), PST_OK);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.n == 2 ? g.items[1].line : 0, 3);
	pst_goals_release(&g);
	check_bad("goal overall 80% by 2026-12-31\r\rgoal overall 1% by 2027-01\r",
	          "goals.conf:3: a second goal for overall (the first is on line 1)");
}

static void test_progress(void)
{
	struct pst_goal g = {PST_GOAL_OVERALL, NULL, 80, 0, 1};
	struct pst_goal_progress p;
	pst_time now = at("2026-10-31T00:00:00Z");

	g.by = at("2027-04-30T00:00:00Z"); /* 181 days = 5.947 months */
	pst_goal_progress(&g, 62, NAN, now, &p);
	CHECK_INT(p.state, PST_GOAL_OPEN);
	CHECK_DBL(p.gap, 18, 1e-9);
	CHECK_DBL(p.months_left, 181 / 30.436875, 1e-9);
	CHECK_DBL(p.pace_needed, 18 / (181 / 30.436875), 1e-9);
	CHECK_STR(pst_goal_state_name(p.state), "open");
	pst_goal_progress(&g, 62, 3.1, now, &p);
	CHECK_INT(p.state, PST_GOAL_ON_TRACK);
	pst_goal_progress(&g, 62, 2.9, now, &p);
	CHECK_INT(p.state, PST_GOAL_BEHIND);
	pst_goal_progress(&g, 80, NAN, now, &p);
	CHECK_INT(p.state, PST_GOAL_MET);
	CHECK_DBL(p.pace_needed, 0, 0);
	pst_goal_progress(&g, 79, NAN, g.by, &p);
	CHECK_INT(p.state, PST_GOAL_MISSED);
	CHECK(isnan(p.pace_needed));
	pst_goal_progress(&g, NAN, NAN, now, &p);
	CHECK_INT(p.state, PST_GOAL_NO_DATA);
	CHECK_STR(pst_goal_state_name(PST_GOAL_ON_TRACK), "on_track");
}

static void test_default_file(void)
{
	struct pst_goals g;
	struct pst_error err = {0, ""};

	pst_goals_init(&g);
	/* the shipped file is an example: valid, with every goal commented out */
	CHECK_INT(pst_goals_load(&g, "templates/goals.conf", &err), PST_OK);
	CHECK_INT(g.n, 0);
	pst_goals_release(&g);
	CHECK_INT(pst_goals_load_default(&g, NULL, &err), PST_OK); /* none unless named */
	CHECK_INT(g.n, 0);
	pst_goals_release(&g);
	CHECK_INT(pst_goals_load(&g, "/nonexistent/goals.conf", &err), PST_ENOINPUT);
}

int main(void)
{
	RUN(test_parse);
	RUN(test_bad_lines);
	RUN(test_cr_lines);
	RUN(test_progress);
	RUN(test_default_file);
	return check_summary();
}
