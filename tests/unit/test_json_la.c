/* test_json_la.c: Log Analytics JSON: row objects (az monitor
 * log-analytics query) and the query API (tables, columns, rows), through
 * the shared row normalizers. */
#include "test_json_util.h"

#define SUBA "00000000-0000-0000-0000-0000000000d1"
#define VM1 "/subscriptions/" SUBA "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"

static void test_row_objects(void)
{
	struct jt t = {0};

	jt_str(&t, "la-rows.json",
	       "[\n{\"TenantId\":\"t1\",\"RecommendationId\":\"" VM1 "/providers/Microsoft.Security/assessments/k1\","
	       "\"RecommendationName\":\"k1\",\"RecommendationSeverity\":\"High\",\"RecommendationState\":\"Unhealthy\","
	       "\"AssessedResourceId\":\"" VM1 "\",\"IsSnapshot\":true,\"TimeGenerated\":\"2026-10-31T06:00:00Z\","
	       "\"Properties\":{\"status\":{\"code\":\"Unhealthy\"}},\"Type\":\"SecurityRecommendation\"},\n"
	       "{\"RecommendationName\":\"k2\",\"RecommendationState\":\"Healthy\",\"AssessedResourceId\":\"" VM1 "\","
	       "\"IsSnapshot\":\"false\",\"TimeGenerated\":\"2026-10-31T07:00:00Z\",\"Type\":\"SecurityRecommendation\"}\n]\n");
	CHECK_INT(t.rc, PST_OK);
	CHECK_STR(jt_fmt(&t), "la-json-rows");
	CHECK_STR(jt_rep(&t)->detail, "SecurityRecommendation");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 0), "assessment - record record 2026-10-31T06:00:00Z " SUBA " line=2 idx=0 | k1 " VM1 " Unhealthy");
	CHECK_HAS(jt_line(&t, 0), "sev=High");
	CHECK_HAS(jt_line(&t, 1), "assessment - stream record 2026-10-31T07:00:00Z " SUBA " line=3 idx=1 | k2 " VM1 " Healthy");
	jt_release(&t);
}

/* A CE alert has SystemAlertId and AlertType as the SecurityAlert table
 * does: it stays a CE alert; AlertSeverity makes a Log Analytics row. */
static void test_alert_rows(void)
{
	struct jt t = {0};

	jt_str(&t, "alerts.json",
	       "{\"SystemAlertId\":\"ce1\",\"AlertType\":\"VM_A\",\"Severity\":\"High\",\"AzureResourceId\":\"" VM1 "\"}\n"
	       "{\"SystemAlertId\":\"la1\",\"AlertName\":\"x\",\"AlertSeverity\":\"Low\",\"ResourceId\":\"" VM1 "\","
	       "\"TimeGenerated\":\"2026-10-30T01:00:00Z\",\"Entities\":[{\"$id\":\"1\"}]}\n");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 0), "| ce1 VM_A sev=High");
	CHECK_HAS(jt_line(&t, 1), "alert - stream record 2026-10-30T01:00:00Z");
	CHECK_HAS(jt_line(&t, 1), "| la1 ");
	CHECK_HAS(jt_line(&t, 1), "sev=Low");
	jt_release(&t);
}

static void test_query_api(void)
{
	struct jt t = {0};

	jt_str(&t, "la-api.json",
	       "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"SecureScoresSubscriptionId\",\"type\":\"string\"},"
	       "{\"name\":\"DisplayName\"},{\"name\":\"CurrentScore\",\"type\":\"real\"},{\"name\":\"MaxScore\"},"
	       "{\"name\":\"PercentageScore\"},{\"name\":\"Weight\"},{\"name\":\"IsSnapshot\"},{\"name\":\"TimeGenerated\"}],\n"
	       "\"rows\":[[\"" SUBA "\",\"ASC score\",31.5,58,0.5431,12,true,\"2026-10-31T06:00:00Z\"],\n"
	       "[\"00000000-0000-0000-0000-0000000000d2\",\"ASC score\",\"20\",\"58\",null,3,false,\"2026-10-31T06:00:00Z\"],\n"
	       "42,\n[\"00000000-0000-0000-0000-0000000000d3\"]]},\n"
	       "{\"name\":\"Other\",\"columns\":[{\"name\":\"Foo\"}],\"rows\":[[1],[2]]}]}");
	CHECK_INT(t.rc, PST_OK);
	CHECK_STR(jt_fmt(&t), "la-query-api");
	CHECK_STR(jt_rep(&t)->detail, "SecureScores");
	CHECK_INT(jt_rep(&t)->records[PST_REC_SECURE_SCORE], 2);
	CHECK_HAS(jt_line(&t, 0), "secure_score - record record 2026-10-31T06:00:00Z " SUBA " line=2 idx=0 | ");
	CHECK_HAS(jt_line(&t, 0), " 31.5/58 0.5431 weight=12");
	CHECK_HAS(jt_line(&t, 1), "secure_score - stream record 2026-10-31T06:00:00Z 00000000-0000-0000-0000-0000000000d2");
	CHECK_HAS(jt_line(&t, 1), " 20/58 ");
	CHECK_INT(jt_rep(&t)->rejected, 2);
	CHECK_STR(jt_diag(&t, 0), "a Log Analytics row that is not an array");
	CHECK_INT(jt_rep(&t)->diags.items[0].line, 4);
	CHECK_INT(jt_rep(&t)->diags.items[1].line, 5); /* a short row: the missing cells are absent */
	CHECK_INT(jt_rep(&t)->warnings, 1);
	CHECK_HAS(jt_diag(&t, 2), "a Log Analytics table of no known columns");
	jt_release(&t);
}

int main(void)
{
	RUN(test_row_objects);
	RUN(test_alert_rows);
	RUN(test_query_api);
	return check_summary();
}
