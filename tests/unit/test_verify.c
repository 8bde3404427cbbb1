/* test_verify.c: the claims file and each verdict. */
#include <stdlib.h>
#include "check.h"
#include "estate_fixture.h"
#include "posture/verify.h"

#define VM "/subscriptions/aaaa/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/"
#define T0 "2026-09-30T06:00:00Z"
#define T1 "2026-10-31T06:00:00Z"

static int parse(struct pst_claims *c, const char *text, struct pst_error *err)
{
	pst_claims_init(c);
	return pst_claims_parse(c, "claims.csv", text, strlen(text), err);
}

static void test_parse(void)
{
	struct pst_claims c;
	struct pst_error err = {0, ""};

	CHECK_INT(parse(&c, "\xEF\xBB\xBF" "Ticket,Resource ID,Recommendation,Team\r\n"
	                    "CHG-1,/x/vm1,\"Enable MFA, now\",Ops\r\n"
	                    "\r\n"
	                    "\"CHG-2\",/x/vm2,\"say \"\"hi\"\"\nthere\",\n"
	                    "CHG-3,/x/vm3,k3", &err), PST_OK);
	CHECK_INT(c.n, 3);
	CHECK_STR(c.items[0].recommendation, "Enable MFA, now");
	CHECK_STR(c.items[0].team, "Ops");
	CHECK_STR(c.items[0].ticket, "CHG-1");
	CHECK_INT(c.items[0].line, 2);
	CHECK_STR(c.items[1].recommendation, "say \"hi\"\nthere");
	CHECK_INT(c.items[1].line, 4);
	CHECK_INT(c.items[2].line, 6);
	CHECK_STR(c.items[2].team, "");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "resource,team\n/x,y\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "claims.csv:1: no recommendation column (recommendation, assessment_key, display_name)");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "resource_id,key\n/x,k\n,k2\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "claims.csv:3: empty resource id");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "resource_id,key\n/x,\"k\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "claims.csv:2: unterminated quoted field");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "", &err), PST_EDATA);
	pst_claims_release(&c);
}

/* CR-only line ends (the old reader saw one record); invalid UTF-8 names
 * the line (it named the byte offset). */
static void test_cr_and_utf8(void)
{
	struct pst_claims c;
	struct pst_error err = {0, ""};

	CHECK_INT(parse(&c, "resource_id,key\r/x,k\r\"/y\ry\",k2\r", &err), PST_OK);
	CHECK_INT(c.n, 2);
	CHECK_INT(c.n == 2 ? c.items[1].line : 0, 3);
	CHECK_STR(c.n == 2 ? c.items[1].resource_id : NULL, "/y\ry");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "resource_id,key\n/x,k\n/y,\xFF\n", &err), PST_EDATA);
	CHECK_STR(err.msg, "claims.csv:3: invalid UTF-8");
	pst_claims_release(&c);
	CHECK_INT(parse(&c, "\xEF\xBB\xBF", &err), PST_EDATA);
	CHECK_STR(err.msg, "claims.csv: empty file (expected a header row)");
	pst_claims_release(&c);
}

static void test_verdicts(void)
{
	static const struct fx_rec recs[] = {
		{VM "vm1", "k1", "Unhealthy", NULL, T0, PST_SNAP_RECORD, 0, 0, NULL},
		{VM "vm1", "k1", "Healthy", NULL, T1, PST_SNAP_RECORD, 0, 1, NULL},
		{VM "vm1", "k2", "Unhealthy", NULL, T0, PST_SNAP_RECORD, 0, 0, NULL},
		{VM "vm1", "k2", "Unhealthy", NULL, T1, PST_SNAP_RECORD, 0, 1, NULL},
		{VM "vm1", "k3", "Unhealthy", NULL, T0, PST_SNAP_RECORD, 0, 0, NULL},
		{VM "vm1", "k3", "NotApplicable", "Exempt", T1, PST_SNAP_RECORD, 0, 1, NULL},
		{VM "vm2", "k1", "Unhealthy", NULL, T0, PST_SNAP_RECORD, 0, 0, NULL},
		{VM "vm1", "k4", "Healthy", NULL, T0, PST_SNAP_RECORD, 0, 0, NULL},
		{VM "vm1", "k4", "Healthy", NULL, T1, PST_SNAP_RECORD, 0, 1, NULL},
	};
	pst_time times[2] = {fx_time(T0), fx_time(T1)};
	struct pst_estate e;
	struct pst_settings set;
	struct pst_diff d;
	struct pst_claims c;
	struct pst_verify v;
	struct pst_error err = {0, ""};

	fx_load(&e, recs, PST_ARRAY_LEN(recs), false, times, 2);
	fx_meta(&e, "k1", "Enable MFA", PST_SEV_HIGH);
	pst_estate_finish(&e);
	pst_settings_init(&set);
	pst_diff_init(&d);
	pst_diff_compute(&d, &e, &e.states[0], &e.states[1], &set);
	CHECK_INT(parse(&c, "resource_id,recommendation\n"
	                    "/SUBSCRIPTIONS/AAAA/resourcegroups/RG/providers/microsoft.compute/virtualmachines/VM1,enable mfa\n"
	                    VM "vm1,K2\n"
	                    VM "vm1,/subscriptions/aaaa/providers/Microsoft.Security/assessments/k3\n"
	                    VM "vm2,k1\n"
	                    VM "vm1,k4\n"
	                    VM "vm9,k1\n", &err), PST_OK);
	pst_verify_run(&v, &c, &e, &d);
	CHECK_INT(v.n, 6);
	CHECK_INT(v.items[0].verdict, PST_VERDICT_VERIFIED);
	CHECK_INT(v.items[1].verdict, PST_VERDICT_STILL_FAILING);
	CHECK_INT(v.items[2].verdict, PST_VERDICT_NOT_A_FIX);
	CHECK_INT(v.items[2].finding->cls, PST_CLASS_EXEMPTED);
	CHECK_INT(v.items[3].verdict, PST_VERDICT_NOT_A_FIX);
	CHECK_INT(v.items[3].finding->cls, PST_CLASS_RESOURCE_DELETED);
	CHECK_INT(v.items[4].verdict, PST_VERDICT_UNKNOWN); /* healthy all along */
	CHECK_INT(v.items[5].verdict, PST_VERDICT_UNKNOWN);
	CHECK_STR(v.items[5].detail, "no such resource in the data");
	CHECK_INT(v.counts[PST_VERDICT_NOT_A_FIX], 2);
	pst_verify_release(&v);
	pst_claims_release(&c);
	pst_diff_release(&d);
	pst_settings_release(&set);
	pst_estate_release(&e);
}

int main(void)
{
	RUN(test_parse);
	RUN(test_cr_and_utf8);
	RUN(test_verdicts);
	return check_summary();
}
