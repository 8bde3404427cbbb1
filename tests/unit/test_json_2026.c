/* test_json_2026.c: the shapes of Defender for Cloud in 2025-2026 (issue 14)
 * from the public examples in ../shared/realdata/azure-rest-api-specs-2025
 * and from inline documents: risk, other clouds, governance, exemptions. */
#include "test_json_util.h"

static const char *realdata;

/* Reads realdata/rel; false without the folder (check_realdata counted it). */
static int read_real(struct jt *t, const char *rel)
{
	char path[512];

	if (!realdata)
		return 0;
	snprintf(path, sizeof(path), "%s/%s", realdata, rel);
	jt_read(t, path);
	CHECK_INT(t->rc, PST_OK);
	return 1;
}

static void test_risk_realdata(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs-2025/GetAssessment_example.json")) {
		CHECK_INT(jt_rep(&t)->records[PST_REC_ASSESSMENT], 1);
		CHECK_INT(jt_rep(&t)->rejected, 0);
		/* risk on a NotApplicable finding, factors as display text */
		CHECK_HAS(jt_line(&t, 0), "vmss2 NotApplicable cause=OffByPolicy");
		CHECK_HAS(jt_line(&t, 0), " risk=Critical factors=Exposure to the Internet, Sensitive Data, Critical Resource "
		                          "contextual=1 paths=0");
	}
	jt_release(&t);
}

static void test_risk_inline(void)
{
	static const char doc[] =
	    "{\"value\":[{\"id\":\"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/w1/providers/"
	    "Microsoft.Security/assessments/k1\",\"name\":\"k1\",\"type\":\"Microsoft.Security/assessments\","
	    "\"properties\":{\"resourceDetails\":{\"Source\":\"Azure\",\"Id\":\"/subscriptions/s1/resourceGroups/rg/"
	    "providers/Microsoft.Web/sites/w1\"},\"status\":{\"code\":\"Unhealthy\"},\"metadata\":{\"severity\":"
	    "\"Critical\"},\"Risk\":{\"Level\":\"not evaluated\",\"attackPathsReferences\":[\"p1\",\"p2\"]}}}]}";
	struct jt t = {0};

	jt_str(&t, "risk.json", doc);
	CHECK_INT(t.rc, PST_OK);
	CHECK_HAS(jt_line(&t, 0), "sev=Critical");
	CHECK_HAS(jt_line(&t, 0), " risk=None factors=- contextual=-1 paths=2");
	jt_release(&t);
	CHECK_INT(pst_risk_parse("HIGH"), PST_RISK_HIGH);
	CHECK_INT(pst_risk_parse("Not evaluated"), PST_RISK_NONE);
	CHECK_INT(pst_risk_parse("extreme"), PST_RISK_UNKNOWN);
	CHECK_INT(pst_risk_rank(PST_RISK_NONE, PST_SEV_HIGH), PST_RISK_HIGH);
	CHECK_INT(pst_risk_rank(PST_RISK_LOW, PST_SEV_CRITICAL), PST_RISK_LOW);
	CHECK_INT(pst_risk_rank(PST_RISK_UNKNOWN, PST_SEV_INFO), PST_RISK_UNKNOWN);
}

/* Log Analytics: risk from Properties; a portal CSV with riskLevel and
 * riskFactors columns (as JSON text or plain). */
static void test_risk_rows(void)
{
	struct jt t = {0};

	jt_str(&t, "la.json",
	       "[{\"RecommendationName\":\"k1\",\"RecommendationState\":\"Unhealthy\",\"AssessedResourceId\":"
	       "\"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/w1\",\"IsSnapshot\":true,"
	       "\"TimeGenerated\":\"2026-10-31T06:00:00Z\",\"Properties\":{\"status\":{\"code\":\"Unhealthy\"},"
	       "\"risk\":{\"level\":\"High\",\"riskFactors\":[\"Sensitive Data\",\"Critical Resource\"]}},"
	       "\"Type\":\"SecurityRecommendation\"}]\n");
	CHECK_INT(t.rc, PST_OK);
	CHECK_HAS(jt_line(&t, 0), " risk=High factors=Sensitive Data, Critical Resource ");
	jt_str(&t, "AzureSecurityCenterRecommendations_2026-10-31T00_00_00Z.csv",
	       "exportedTimestamp,subscriptionId,resourceId,recommendationId,recommendationName,recommendationDisplayName,"
	       "severity,state,controls,azurePortalRecommendationLink,riskLevel,riskFactors\n"
	       "2026-10-31T00:00:00Z,s1,/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/w1,,k1,Web,High,"
	       "Unhealthy,,,"
	       "Critical,\"[\"\"Exposure to the Internet\"\"]\"\n"
	       "2026-10-31T00:00:00Z,s1,/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/w2,,k1,Web,High,"
	       "Unhealthy,,,low,Sensitive Data\n");
	CHECK_INT(t.rc, PST_OK);
	CHECK_HAS(jt_line(&t, 0), " risk=Critical factors=Exposure to the Internet ");
	CHECK_HAS(jt_line(&t, 1), " risk=Low factors=Sensitive Data ");
	jt_release(&t);
}

/* Governance assignment of 2022-01-01-preview: grace period, ETA, a ticket
 * number written as a JSON number. */
static void test_governance_realdata(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs-2025/GetGovernanceAssignment_example.json")) {
		CHECK_INT(jt_rep(&t)->records[PST_REC_GOVERNANCE], 1);
		CHECK_HAS(jt_line(&t, 0), "6634ff9f-127b-4bf2-8e6e-b1737f5e789c 6b9421dd-5555-2251-9b3d-2be58e2f82cd "
		                          "/subscriptions/c32e05d9-7207-4e22-bdf4-4f7d9c72e5fd/resourceGroups/compute_servers/"
		                          "providers/Microsoft.Compute/virtualMachines/win2012 owner=user@contoso.com "
		                          "due=2022-01-07T13:00:00Z eta=2022-01-08T13:00:00Z grace=1 ticket=123123");
	}
	jt_release(&t);
}

/* Policy exemptions (2024-12-01-preview list): Waiver and Mitigated, no
 * expiresOn; a Defender exemption (standard assignment, effect Exempt) and
 * one that is not an exemption. */
static void test_exemptions(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs-2025/listPolicyExemptionsForResourceGroup.json")) {
		CHECK_INT(jt_rep(&t)->records[PST_REC_EXEMPTION], 2);
		CHECK_HAS(jt_line(&t, 0), "TestVMSub scope=/subscriptions/ae640e6b-ba3e-4256-9d62-2993eecfa6f2 cat=Waiver "
		                          "expires=- key=- desc=Exempt demo cluster from limit sku");
		CHECK_HAS(jt_line(&t, 1), "TestVNetRG scope=/subscriptions/ae640e6b-ba3e-4256-9d62-2993eecfa6f2/resourceGroups/"
		                          "TestResourceGroup cat=Mitigated expires=- key=-");
	}
	jt_str(&t, "sa.json",
	       "{\"value\":[{\"id\":\"/subscriptions/s1/providers/Microsoft.Security/standardAssignments/x1\","
	       "\"type\":\"Microsoft.Security/standardAssignments\",\"name\":\"x1\",\"properties\":{\"effect\":"
	       "\"Exempt\",\"expiresOn\":\"2026-11-20T00:00:00Z\",\"exemptionData\":{\"exemptionCategory\":\"mitigated\","
	       "\"assignedAssessment\":{\"assessmentKey\":\"k1\"}}}},"
	       "{\"id\":\"/subscriptions/s1/providers/Microsoft.Security/standardAssignments/x2\","
	       "\"type\":\"Microsoft.Security/standardAssignments\",\"properties\":{\"effect\":\"Audit\"}}]}");
	CHECK_INT(t.rc, PST_OK);
	CHECK_HAS(jt_line(&t, 0), "x1 scope=/subscriptions/s1 cat=mitigated expires=2026-11-20T00:00:00Z key=k1");
	CHECK_INT(jt_rep(&t)->rejected, 1);
	jt_release(&t);
}

/* Attack paths in their three shapes: a Resource Graph row (the documented
 * names of learn.microsoft.com defender-for-cloud/attack-path-api, internal
 * entity ids resolved through graphComponent.entities), a continuous-export
 * event (an "attackPath" object, as the export rules address
 * attackPath.riskLevel) with the Exposure Management names, and Log
 * Analytics SecurityAttackPathData rows as JSON. */
static void test_attack_paths(void)
{
	struct jt t = {0};

	jt_str(&t, "attackPaths_2026-10-31.json",
	       "{\"count\":1,\"data\":[{\"id\":\"/subscriptions/s1/providers/Microsoft.Security/attackPaths/n1\","
	       "\"name\":\"n1\",\"type\":\"microsoft.security/attackpaths\",\"subscriptionId\":\"s1\",\"properties\":"
	       "{\"displayName\":\"Internet exposed VM\",\"potentialImpact\":\"High\",\"riskCategories\":[\"DataExposure\"],"
	       "\"entryPointEntityInternalID\":\"e1\",\"targetEntityInternalID\":\"e9\",\"assessments\":{\"e1\":"
	       "[\"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/providers/"
	       "Microsoft.Security/assessments/k1\"]},\"graphComponent\":{\"entities\":[{\"entityInternalId\":\"e1\","
	       "\"entityIdentifiers\":{\"azureResourceId\":\"/subscriptions/s1/resourceGroups/rg/providers/"
	       "Microsoft.Compute/virtualMachines/vm1\"}}]}}}]}");
	CHECK_INT(t.rc, PST_OK);
	CHECK_INT(jt_rep(&t)->records[PST_REC_ATTACK_PATH], 1);
	CHECK_HAS(jt_line(&t, 0), "attack_path - file filename 2026-10-31T00:00:00Z s1 ");
	CHECK_HAS(jt_line(&t, 0), "| n1 risk=High factors=DataExposure entry=/subscriptions/s1/resourceGroups/rg/providers/"
	                          "Microsoft.Compute/virtualMachines/vm1 target=e9 mitre=- ids=/subscriptions/s1/"
	                          "resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1/providers/"
	                          "Microsoft.Security/assessments/k1 keys= res=/subscriptions/s1/resourceGroups/rg/"
	                          "providers/Microsoft.Compute/virtualMachines/vm1");
	jt_str(&t, "ce.ndjson",
	       "{\"attackPath\":{\"attackPathId\":\"ap-7\",\"riskLevel\":\"Critical\",\"riskFactors\":[\"Exposure to the "
	       "Internet\",\"Sensitive Data\"],\"entryPoint\":{\"name\":\"vm7\"},\"target\":\"kv1\","
	       "\"mITRETacticsAndTechniques\":[\"Initial Access\"],\"assessments\":[{\"assessmentKey\":"
	       "\"b0000007-0c0c-4d4d-8e8e-000000000007\"}]},\"securityEventDataEnrichment\":{\"action\":\"Delete\","
	       "\"isSnapshot\":false},\"subscriptionId\":\"s2\",\"timeGenerated\":\"2026-10-30T10:00:00Z\"}\n");
	CHECK_INT(t.rc, PST_OK);
	CHECK_HAS(jt_line(&t, 0), "attack_path Delete stream record 2026-10-30T10:00:00Z s2 ");
	CHECK_HAS(jt_line(&t, 0), "| ap-7 risk=Critical factors=Exposure to the Internet, Sensitive Data entry=vm7 target=kv1 "
	                          "mitre=Initial Access ids= keys=b0000007-0c0c-4d4d-8e8e-000000000007 res=");
	jt_str(&t, "la.json",
	       "[{\"AttackPathId\":\"ap-8\",\"DisplayName\":\"Exposed VM\",\"RiskLevel\":\"Medium\",\"RiskFactors\":"
	       "[\"Exposure to the Internet\"],\"EntrypointId\":\"/subscriptions/s3/resourceGroups/rg/providers/"
	       "Microsoft.Compute/virtualMachines/vm8\",\"TargetId\":\"t8\",\"Assessments\":"
	       "{\"x\":[\"b0000008-0c0c-4d4d-8e8e-000000000008\"]},\"Path\":{\"nodes\":[]},\"Mitre\":\"T1190\","
	       "\"TimeGenerated\":\"2026-10-31T02:00:00Z\",\"_SubscriptionId\":\"s3\",\"Type\":\"SecurityAttackPathData\"},"
	       "{\"DisplayName\":\"no id\",\"EntrypointId\":\"e\"}]");
	CHECK_INT(t.rc, PST_OK);
	CHECK_INT(jt_rep(&t)->rejected, 1);
	CHECK_HAS(jt_line(&t, 0), "attack_path - record record 2026-10-31T02:00:00Z s3 ");
	CHECK_HAS(jt_line(&t, 0), "| ap-8 risk=Medium factors=Exposure to the Internet entry=/subscriptions/s3/resourceGroups/"
	                          "rg/providers/Microsoft.Compute/virtualMachines/vm8 target=t8 mitre=T1190 ids= "
	                          "keys=b0000008-0c0c-4d4d-8e8e-000000000008 res=/subscriptions/s3/resourceGroups/rg/"
	                          "providers/Microsoft.Compute/virtualMachines/vm8");
	jt_release(&t);
}

int main(void)
{
	check_current = "every test of test_json_2026";
	realdata = check_realdata();
	RUN(test_risk_realdata);
	RUN(test_risk_inline);
	RUN(test_risk_rows);
	RUN(test_governance_realdata);
	RUN(test_exemptions);
	RUN(test_attack_paths);
	return check_summary();
}
