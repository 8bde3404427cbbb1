/* test_settings.c: the report settings file. */
#include <stdio.h>
#include "check.h"
#include "posture/settings.h"

static void test_defaults(void)
{
	struct pst_settings s;

	pst_settings_init(&s);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_HIGH), 30);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_MEDIUM), 60);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_LOW), 90);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_UNKNOWN), 90);
	CHECK(s.org == NULL);
	pst_settings_release(&s);
}

static void test_parse(void)
{
	struct pst_settings s;
	struct pst_error err = {0, ""};

	pst_settings_init(&s);
	CHECK_INT(pst_settings_parse(&s, "r.conf",
	                             "\xEF\xBB\xBF# comment\r\n\n  org =  Contoso Ltd  \r\noverdue_days_high=14\n"
	                             "overdue_days_low = 100", &err), PST_OK);
	CHECK_STR(s.org, "Contoso Ltd");
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_HIGH), 14);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_LOW), 100);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_INFO), 100);
	CHECK_INT(pst_settings_parse(&s, "r.conf", "org = x\n\nfoo = 1\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "r.conf:3: unknown setting 'foo'");
	CHECK_INT(pst_settings_parse(&s, "r.conf", "overdue_days_medium = soon\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "r.conf:1: expected a number of days (0 to 36500), not 'soon'");
	CHECK_INT(pst_settings_parse(&s, "r.conf", "# x\njust text\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "r.conf:2: expected 'key = value'");
	CHECK_INT(pst_settings_parse(&s, "r.conf", " = 3\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "r.conf:1: missing key before '='");
	pst_settings_release(&s);
}

/* Bugs of the old reader, fixed by the shared one (src/util/conf.c). */
static void test_fixed_bugs(void)
{
	struct pst_settings s;
	struct pst_error err = {0, ""};

	pst_settings_init(&s);
	/* CR-only line ends: the whole file was one line, all of it the org */
	CHECK_INT(pst_settings_parse(&s, "r.conf", "org = A\roverdue_days_high = 14\r", &err), PST_OK);
	CHECK_STR(s.org, "A");
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_HIGH), 14);
	/* invalid UTF-8 (a Latin-1 org) went onto the cover as U+FFFD */
	CHECK_INT(pst_settings_parse(&s, "r.conf", "# x\norg = Soci\xE9t\xE9\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "r.conf:2: invalid UTF-8");
	pst_settings_release(&s);
}

static void test_template(void)
{
	struct pst_settings s;
	struct pst_error err = {0, ""};

	pst_settings_init(&s);
	CHECK_INT(pst_settings_load(&s, "templates/report.conf", &err), PST_OK);
	CHECK_INT(pst_settings_allowance(&s, PST_SEV_MEDIUM), 60);
	CHECK_INT(pst_settings_load(&s, "no/such/file.conf", &err), PST_ENOINPUT);
	CHECK_STR(err.msg, "no/such/file.conf: No such file or directory");
	pst_settings_release(&s);
}

int main(void)
{
	RUN(test_defaults);
	RUN(test_parse);
	RUN(test_fixed_bugs);
	RUN(test_template);
	return check_summary();
}
