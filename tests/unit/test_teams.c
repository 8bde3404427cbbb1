/* test_teams.c: team rules: every matcher, order, globs, comments, quoting,
 * UTF-8 names, bad lines, unused-rule warnings, and the default file. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "posture/teams.h"
#include "posture/utf8.h"

static int parse(struct pst_teams *t, const char *text, struct pst_error *err)
{
	return pst_teams_parse(t, "teams.conf", text, strlen(text), err);
}

static const char *team_of_id(struct pst_teams *t, const char *id)
{
	struct pst_team_input in = {0};

	in.resource_id = id;
	return pst_teams_team_of(t, &in);
}

static void test_globs(void)
{
	CHECK(pst_glob_match("microsoft.sql/servers*", "Microsoft.Sql/servers/databases"));
	CHECK(pst_glob_match("microsoft.sql/servers*", "microsoft.sql/servers"));
	CHECK(!pst_glob_match("microsoft.sql/servers*", "microsoft.sqlvirtualmachine/x"));
	CHECK(pst_glob_match("*", ""));
	CHECK(pst_glob_match("*web*", "prod-WEB-01"));
	CHECK(pst_glob_match("a*b*c", "aXXbYYbc"));
	CHECK(!pst_glob_match("a*b*c", "aXXbYYbd"));
	CHECK(!pst_glob_match("abc", "abcd"));
	CHECK(pst_glob_match("réseau*", "réseau-1"));
}

/* cloud=, account=, connector= on AWS and GCP resources; an Azure resource
 * is of cloud azure, its account its subscription id. */
static void test_cloud_matchers(void)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};
	struct pst_team_input in = {0};

	pst_teams_init(&t);
	CHECK_INT(parse(&t,
	                "team AWS cloud=aws account=5440*\n"
	                "team GCP cloud=gcp connector=40139bd8-*\n"
	                "team Other cloud=aws,gcp\n"
	                "team Sub account=1111-2222\n"
	                "team Azure cloud=azure\n",
	                &err),
	          PST_OK);
	in.resource_id = "/subscriptions/9999/resourceGroups/rg/providers/microsoft.security/securityconnectors/c/"
	                 "securityentitydata/aws-ec2-instance-i-1";
	in.cloud = "aws";
	in.account = "544047870946";
	CHECK_STR(pst_teams_team_of(&t, &in), "AWS");
	in.account = "111111111111";
	CHECK_STR(pst_teams_team_of(&t, &in), "Other");
	in.cloud = "gcp";
	in.connector = "40139bd8-5bae-e3e0-c640-2a45cdcd2d0c";
	CHECK_STR(pst_teams_team_of(&t, &in), "GCP");
	memset(&in, 0, sizeof(in));
	in.resource_id = "/subscriptions/1111-2222/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
	CHECK_STR(pst_teams_team_of(&t, &in), "Sub");
	in.resource_id = "/subscriptions/3333/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";
	CHECK_STR(pst_teams_team_of(&t, &in), "Azure");
	pst_teams_release(&t);
}

static void test_every_matcher(void)
{
	static const char *const cats[] = {"Compute", "Data"};
	static const char *const owners[] = {"ann@contoso.com"};
	struct pst_teams t;
	struct pst_error err = {0, ""};
	struct pst_team_input in = {0};
	const struct pst_team_rule *r;

	pst_teams_init(&t);
	CHECK_INT(parse(&t,
	                "team T1 type=microsoft.web/sites category=Nope\n"
	                "team T2 category=data owner=*@contoso.com group=rg-app\n"
	                "team T3 subscription=\"Prod *\" name=vm*\n"
	                "team T4 id=*/virtualmachines/vm9\n"
	                "team T5 subscription=1111*\n",
	                &err),
	          PST_OK);
	CHECK_INT(t.nrules, 5);
	in.resource_id = "/subscriptions/1111-2222/resourceGroups/RG-App/providers/Microsoft.Compute/virtualMachines/vm1";
	in.categories = cats;
	in.ncategories = 2;
	in.owners = owners;
	in.nowners = 1;
	r = pst_teams_match(&t, &in);
	CHECK_STR(r ? r->team : NULL, "T2");
	CHECK_INT(r ? r->line : 0, 2);
	in.nowners = 0; /* owner fails: on to T3, whose subscription name is absent */
	CHECK_STR(pst_teams_team_of(&t, &in), "T5");
	in.subscription_name = "Prod EU";
	CHECK_STR(pst_teams_team_of(&t, &in), "T3");
	in.name = "db1"; /* explicit name wins over the id's last segment */
	CHECK_STR(pst_teams_team_of(&t, &in), "T5");
	in.subscription_id = "9999";
	CHECK_STR(pst_teams_team_of(&t, &in), PST_TEAM_UNASSIGNED);
	CHECK_STR(team_of_id(&t, "/subscriptions/9/resourceGroups/x/providers/Microsoft.Compute/virtualMachines/VM9"),
	          "T4");
	in.type = "Microsoft.Web/sites";
	CHECK_STR(pst_teams_team_of(&t, &in), PST_TEAM_UNASSIGNED); /* category=Nope fails */
	pst_teams_release(&t);
}

static void test_order_and_alternatives(void)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};

	pst_teams_init(&t);
	CHECK_INT(parse(&t,
	                "# databases first, then the rest of the estate\n"
	                "team \"Database Team\"\n"
	                "    type = microsoft.sql/servers*,\n"
	                "           microsoft.cache/redis   # comment after a value\n"
	                "team Platform type=*\n"
	                "team Never type=microsoft.sql/servers\n",
	                &err),
	          PST_OK);
	CHECK_STR(team_of_id(&t, "/subscriptions/s/resourceGroups/g/providers/Microsoft.Sql/servers/s1/databases/d"),
	          "Database Team");
	CHECK_STR(team_of_id(&t, "/subscriptions/s/resourceGroups/g/providers/Microsoft.Cache/Redis/r1"),
	          "Database Team");
	CHECK_STR(team_of_id(&t, "/subscriptions/s/resourceGroups/g/providers/Microsoft.Cache/redisEnterprise/r"),
	          "Platform");
	CHECK_STR(team_of_id(&t, "/subscriptions/s"), "Platform");
	CHECK_INT(t.rules[0].hits, 2);
	CHECK_INT(t.rules[1].hits, 2);
	{
		struct pst_diags dg;
		struct strbuf sb = STRBUF_INIT;

		pst_diags_init(&dg, 0);
		CHECK_INT(pst_teams_unused(&t, &dg), 1);
		CHECK_INT(dg.n, 1);
		if (dg.n == 1) {
			CHECK_INT(dg.items[0].code, PST_DC_UNUSED_TEAM_RULE);
			CHECK_INT(dg.items[0].line, 6);
			pst_diag_text(&dg.items[0], &sb);
		}
		CHECK_STR(strbuf_cstr(&sb), "teams.conf:6: rule for team \"Never\" matched no resource");
		strbuf_release(&sb);
		pst_diags_release(&dg);
	}
	pst_teams_release(&t);
}

static void test_quoting_and_utf8(void)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};
	struct pst_team_input in = {0};
	const char **names;

	pst_teams_init(&t);
	CHECK_INT(parse(&t,
	                "\xEF\xBB\xBFteam \"Équipe réseau\" group=\"rg, with comma\"\r\n"
	                "team \"say \\\"hi\\\" \\\\\" name=\"a # not a comment\"\r\n"
	                "team \"Équipe réseau\" name=web#1\n",
	                &err),
	          PST_OK);
	CHECK_STR(t.rules[0].team, "Équipe réseau");
	CHECK_STR(t.rules[0].matchers[0].values[0], "rg, with comma");
	CHECK_STR(t.rules[1].team, "say \"hi\" \\");
	CHECK_STR(t.rules[1].matchers[0].values[0], "a # not a comment");
	CHECK_STR(t.rules[2].matchers[0].values[0], "web#1");
	in.resource_id = "/subscriptions/s/resourceGroups/rg, with comma/providers/Microsoft.Network/x/n";
	CHECK_STR(pst_teams_team_of(&t, &in), "Équipe réseau");
	CHECK_INT(pst_teams_names(&t, &names), 3);
	CHECK_STR(names[0], "Équipe réseau");
	CHECK_STR(names[1], "say \"hi\" \\");
	CHECK_STR(names[2], PST_TEAM_UNASSIGNED);
	free(names);
	pst_teams_release(&t);
}

static void check_bad(const char *text, const char *msg)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};

	pst_teams_init(&t);
	CHECK_INT(parse(&t, text, &err), PST_EDATA);
	CHECK_STR(err.msg, msg);
	CHECK_INT(t.nrules, 0);
	pst_teams_release(&t);
}

static void test_bad_lines(void)
{
	check_bad("# ok\n\nteam A type=x\n\nteam B tpye=microsoft.sql/*\n",
	          "teams.conf:5: unknown matcher 'tpye' (expected type, category, subscription, group, name, owner, id, "
	          "cloud, account or connector)");
	check_bad("team A\n  type microsoft.sql\n", "teams.conf:2: expected '=' after 'type', got 'microsoft.sql'");
	check_bad("team A type=\nteam B type=x\n", "teams.conf:2: expected a value after 'type=', got 'team'");
	check_bad("team A type=x,\n", "teams.conf:1: expected a value after 'type=', got end of file");
	check_bad("team A type=\"\"\n", "teams.conf:1: expected a value after 'type=', got \"\"");
	check_bad("team \"A\n", "teams.conf:1: unterminated string");
	check_bad("team A\nteam B type=x\n", "teams.conf:1: rule for team \"A\" has no matcher (use type=* to match all)");
	check_bad("type=x\n", "teams.conf:1: expected 'team', got 'type'");
	check_bad("team\n", "teams.conf:1: expected a team name after 'team', got end of file");
	check_bad("team = type=x\n", "teams.conf:1: expected a team name after 'team', got '='");
	check_bad("team A type=x\n# \xC3\x28\n", "teams.conf:2: invalid UTF-8");
}

/* Bugs of the old reader, fixed by the shared one (src/util/conf.c). */
static void test_fixed_bugs(void)
{
	static const char nul[] = "team \"ab\0cd\" type=x\n";
	struct pst_teams t;
	struct pst_error err = {0, ""};
	struct strbuf sb = STRBUF_INIT;
	int i;

	/* a string ran over a line end when the next line began with a quote */
	check_bad("team \"A\n\" type=x\n", "teams.conf:1: unterminated string");
	/* CR-only line ends: a comment ran to the end of the file */
	pst_teams_init(&t);
	CHECK_INT(parse(&t, "team A type=x\r# comment\rteam B type=y\r", &err), PST_OK);
	CHECK_INT(t.nrules, 2);
	CHECK_INT(t.nrules == 2 ? t.rules[1].line : 0, 3);
	/* a NUL byte cut a quoted name short */
	CHECK_INT(pst_teams_parse(&t, "teams.conf", nul, sizeof(nul) - 1, &err), PST_EDATA);
	CHECK_STR(err.msg, "teams.conf: NUL byte in a text file");
	/* a long word was cut inside a character in messages */
	strbuf_addstr(&sb, "team A x"); /* x: the old cut fell inside an é */
	for (i = 0; i < 100; i++)
		strbuf_addstr(&sb, "\xC3\xA9");
	CHECK_INT(parse(&t, sb.buf, &err), PST_EDATA);
	CHECK(pst_utf8_valid(err.msg, strlen(err.msg), NULL));
	CHECK(strstr(err.msg, "\xC3\xA9' (expected type, category,") != NULL);
	strbuf_release(&sb);
	pst_teams_release(&t);
}

static void test_load_missing(void)
{
	struct pst_teams t;
	struct pst_error err = {0, ""};

	pst_teams_init(&t);
	CHECK_INT(pst_teams_load(&t, "/nonexistent/teams.conf", &err), PST_ENOINPUT);
	CHECK(strstr(err.msg, "/nonexistent/teams.conf") != NULL);
	pst_teams_release(&t);
}

static void test_default_file(void)
{
	static const struct {
		const char *type, *team;
	} cases[] = {
		{"Microsoft.Web/sites", "Application Development / Security"},
		{"Microsoft.ContainerService/managedClusters", "Application Development and Infrastructure / IT Operations"},
		{"Microsoft.ContainerRegistry/registries", "Application Development and Infrastructure / IT Operations"},
		{"Microsoft.Compute/virtualMachines", "IT / Infrastructure Operations"},
		{"Microsoft.Compute/virtualMachineScaleSets", "IT / Infrastructure Operations"},
		{"Microsoft.Sql/servers", "Database Team"},
		{"Microsoft.Sql/servers/databases", "Database Team"},
		{"Microsoft.Cache/Redis", "Database Team"},
		{"Microsoft.DataLakeAnalytics/accounts", "Database Team"},
		{"Microsoft.DataLakeStore/accounts", "Database Team"},
		{"Microsoft.Storage/storageAccounts", "Storage / Infrastructure Team"},
		{"Microsoft.KeyVault/vaults", "Information / Data Security Team"},
		{"Microsoft.Network/virtualNetworks", "Networking Team and Network Security Team"},
		{"Microsoft.Network/networkSecurityGroups", "Networking Team and Network Security Team"},
		{"Microsoft.Devices/IotHubs", "IoT Operations Team"},
		{"Microsoft.Logic/workflows", PST_TEAM_UNASSIGNED},
	};
	struct pst_teams t;
	struct pst_error err = {0, ""};
	struct pst_diags dg;
	size_t i;

	pst_teams_init(&t);
	CHECK_INT(pst_teams_load(&t, "templates/teams.conf", &err), PST_OK);
	CHECK_INT(t.nrules, 10);
	for (i = 0; i < PST_ARRAY_LEN(cases); i++) {
		char id[256];

		snprintf(id, sizeof(id), "/subscriptions/s1/resourceGroups/rg/providers/%s/res%zu", cases[i].type, i);
		CHECK_STR(team_of_id(&t, id), cases[i].team);
	}
	CHECK_STR(team_of_id(&t, "/subscriptions/1111-2222"), "Identity Team");
	{ /* other clouds through their connectors: cloud = aws, gcp */
		struct pst_team_input in = {0};

		in.resource_id = "/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Security/securityConnectors/c/"
		                 "securityentitydata/i-0abc";
		in.cloud = "aws";
		CHECK_STR(pst_teams_team_of(&t, &in), "Cloud Platform Team");
		in.cloud = "gcp";
		CHECK_STR(pst_teams_team_of(&t, &in), "Cloud Platform Team");
		in.cloud = "github";
		CHECK_STR(pst_teams_team_of(&t, &in), PST_TEAM_UNASSIGNED);
	}
	pst_diags_init(&dg, 0);
	CHECK_INT(pst_teams_unused(&t, &dg), 0);
	CHECK_INT(pst_teams_warnings(&t, &dg), 0);
	CHECK_INT(dg.n, 0);
	pst_diags_release(&dg);
	pst_teams_release(&t);
}

int main(void)
{
	RUN(test_globs);
	RUN(test_every_matcher);
	RUN(test_cloud_matchers);
	RUN(test_order_and_alternatives);
	RUN(test_quoting_and_utf8);
	RUN(test_bad_lines);
	RUN(test_fixed_bugs);
	RUN(test_load_missing);
	RUN(test_default_file);
	return check_summary();
}
