/* test_json_realdata.c: every JSON file in ../shared/realdata, with record
 * counts per type and the values of a few fields. */
#include "test_json_util.h"

static const char *realdata;

/* Reads realdata/rel; false (and SKIP) without the folder. */
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

static void check_counts(const struct jt *t, enum pst_rec_type type, uint64_t n)
{
	CHECK_INT(jt_rep(t)->records[type], n);
	CHECK_INT(jt_rep(t)->total_records, n);
	CHECK_INT(jt_rep(t)->rejected, 0);
}

static void test_rest_assessments(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs/ListAssessments_example.json")) {
		CHECK_STR(jt_fmt(&t), "rest-example");
		check_counts(&t, PST_REC_ASSESSMENT, 2);
		CHECK_HAS(jt_line(&t, 0), "assessment - file mtime ");
		CHECK_HAS(jt_line(&t, 0), "20ff7fc3-e762-44dd-bd96-b71116dcdc23 line=10 idx=0 | 21300918-b2e3-0346-785f-c77ff57d243b "
		                          "/subscriptions/20ff7fc3-e762-44dd-bd96-b71116dcdc23/resourceGroups/myRg/providers/"
		                          "Microsoft.Compute/virtualMachineScaleSets/vmss1 Healthy cause=- ");
		CHECK_HAS(jt_line(&t, 1), "virtualMachineScaleSets/vmss2 NotApplicable cause=OffByPolicy sev=Unknown");
		CHECK_HAS(jt_line(&t, 1), "type=microsoft.compute/virtualmachinescalesets rg=myRg src=Azure");
	}
	if (read_real(&t, "azure-rest-api-specs/GetAssessmentWithExpand_example.json")) {
		check_counts(&t, PST_REC_ASSESSMENT, 1);
		/* A single GET result is not a full list: not a snapshot. */
		CHECK_HAS(jt_line(&t, 0), "assessment - stream ");
		CHECK_HAS(jt_line(&t, 0), "vmss2 NotApplicable cause=OffByPolicy");
		CHECK_HAS(jt_line(&t, 0), "link=yes"); /* links.azurePortalUri */
	}
	if (read_real(&t, "azure-rest-api-specs/GetAssessmentsMetadata_example.json")) {
		check_counts(&t, PST_REC_ASSESSMENT_META, 1);
		CHECK_HAS(jt_line(&t, 0), "| 21300918-b2e3-0346-785f-c77ff57d243b sev=Medium cat=Compute "
		                          "threats=dataExfiltration,dataSpillage,maliciousInsider");
	}
	jt_release(&t);
}

static void test_rest_scores(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs/ListSecureScores_example.json")) {
		check_counts(&t, PST_REC_SECURE_SCORE, 1);
		CHECK_HAS(jt_line(&t, 0), "secure_score - file ");
		CHECK_HAS(jt_line(&t, 0), "| ascScore 23.53/39 0.6033 weight=67");
	}
	if (read_real(&t, "azure-rest-api-specs/ListSecureScoreControls_example.json")) {
		check_counts(&t, PST_REC_SCORE_CONTROL, 12);
		CHECK_HAS(jt_line(&t, 0), "| a9909064-42b4-4d34-8143-275477afe18b 0/0/1 0/0 weight=0 keys=");
		CHECK_HAS(jt_line(&t, 4), "| 27b24961-75ba-4fe4-8909-97286d5dd5ee 1/4/0 0.2/1 weight=5");
		CHECK_HAS(jt_line(&t, 9), "| 0e55495e-034f-4abc-8293-767229250176 5/1/0 3.33/4 weight=6");
	}
	if (read_real(&t, "azure-rest-api-specs/ListSecureScoreControlDefinitions_example.json")) {
		check_counts(&t, PST_REC_CONTROL_DEF, 2); /* type spelled SecureScoreControlDefinitions */
		CHECK_HAS(jt_line(&t, 0), "| a9909064-42b4-4d34-8143-275477afe18b max=2 BuiltIn keys=e3de1cc0-f4dd-3b34-e496-8b5381ba2d70");
		CHECK_HAS(jt_line(&t, 1), "max=3 BuiltIn keys=35f45c95-27cf-4e52-891f-8390d1de5828,d1db3318-01ff-16de-29eb-28b344515626,"
		                          "e7ee30c4-bac9-2966-54bd-2023a4282872,8e2b96ff-3de2-289b-b5c1-3b9921a3441e");
	}
	jt_release(&t);
}

static void test_rest_others(void)
{
	struct jt t = {0};

	if (read_real(&t, "azure-rest-api-specs/GetAlertSubscriptionLocation_example.json")) {
		check_counts(&t, PST_REC_ALERT, 1);
		CHECK_HAS(jt_line(&t, 0), "alert - stream record 2020-02-23T13:47:58Z 20ff7fc3-e762-44dd-bd96-b71116dcdc23");
		CHECK_HAS(jt_line(&t, 0), "| 2518298467986649999_4d25bfef-2d77-4a08-adc0-3e35715cc92a VM_EICAR sev=High "
		                          "tactics=Execution techniques=T1059, T1053, T1072 /subscriptions/20ff7fc3-e762-44dd-bd96-"
		                          "b71116dcdc23/resourceGroups/myRg1/providers/Microsoft.Compute/virtualMachines/vm1 Active "
		                          "Azure Security Center");
	}
	if (read_real(&t, "azure-rest-api-specs/ListGovernanceAssignments_example.json")) {
		check_counts(&t, PST_REC_GOVERNANCE, 2);
		CHECK_HAS(jt_line(&t, 0), "| 6634ff9f-127b-4bf2-8e6e-b1737f5e789c 6b9421dd-5555-2251-9b3d-2be58e2f82cd "
		                          "/subscriptions/c32e05d9-7207-4e22-bdf4-4f7d9c72e5fd/resourceGroups/compute_servers/"
		                          "providers/Microsoft.Compute/virtualMachines/win2012 owner=user@contoso.com "
		                          "due=2022-01-07T13:00:00Z eta=2022-01-08T13:00:00Z grace=1 ticket=123123");
	}
	if (read_real(&t, "azure-rest-api-specs/ListSubAssessments_example.json")) {
		check_counts(&t, PST_REC_SUB_ASSESSMENT, 1); /* tab-indented */
		CHECK_HAS(jt_line(&t, 0), "sub_assessment - file record 2019-06-23T12:20:08Z 212f9889-769e-45ae-ab43-6da33674bd26");
		CHECK_HAS(jt_line(&t, 0), "| VA2064 82e20e14-edc5-4373-bfc4-f13121257c37 /subscriptions/212f9889-769e-45ae-ab43-"
		                          "6da33674bd26/resourceGroups/ascdemoRG/providers/Microsoft.Sql/servers/sqlserver1demo/"
		                          "databases/database1 Healthy sev=High");
	}
	if (read_real(&t, "azure-rest-api-specs/getRegulatoryComplianceAssessmentList_example.json")) {
		check_counts(&t, PST_REC_COMPLIANCE, 3); /* singular REST type */
		CHECK_HAS(jt_line(&t, 0), "| PCI-DSS-3.2 1.1 968548cb-02b3-8cd2-11f8-0cf64ab1a347 Failed 7/4/0");
		CHECK_HAS(jt_line(&t, 1), "| PCI-DSS-3.2 2 3bcd234d-c9c7-c2a2-89e0-c01f419c1a8a Skipped 0/0/10");
		CHECK_HAS(jt_line(&t, 2), "| PCI-DSS-3.2 2.1 d1db3318-01ff-16de-29eb-28b344515626 Passed 8/0/0");
	}
	jt_release(&t);
}

static void test_sumologic_events(void)
{
	struct jt t = {0};

	if (read_real(&t, "sumologic-doc-events/alert-event.json")) {
		CHECK_STR(jt_fmt(&t), "json-object");
		check_counts(&t, PST_REC_ALERT, 1);
		CHECK_HAS(jt_line(&t, 0), "alert - stream record 2024-11-20T09:19:16Z 1111111-1111-1111-111-11111111 line=1 idx=0 | "
		                          "57963b4b-3cb0-dc3a-16ed-f1e216311809 K8S_AdmissionController sev=Informational "
		                          "tactics=Persistence, CredentialAccess techniques=- ");
	}
	if (read_real(&t, "sumologic-doc-events/regulatory-compliance-event.json")) {
		check_counts(&t, PST_REC_COMPLIANCE, 1);
		CHECK_HAS(jt_line(&t, 0), "compliance Write stream ");
		CHECK_HAS(jt_line(&t, 0), "| Microsoft-cloud-security-benchmark LT.2 56a83a6e-c417-42ec-b567-1e6fcb3d09a9 Failed 1/1/0");
	}
	/* SOURCES.md calls this file cut off before its final brace, but the
	 * copy in realdata is complete, valid JSON (python's json accepts it):
	 * it reads as one assessment.  The truncated case is in tests/bad. */
	if (read_real(&t, "sumologic-doc-events/recommendation-event.json")) {
		check_counts(&t, PST_REC_ASSESSMENT, 1);
		CHECK_HAS(jt_line(&t, 0), "assessment Insert stream status_change 2024-11-20T10:51:36Z 1111111-1111-1111-111-11111111");
		CHECK_HAS(jt_line(&t, 0), "| 1f655fb7-63ca-4980-91a3-56dbc2b715c6 /subscriptions/1111111-1111-1111-111-11111111/"
		                          "resourceGroups/AppServiceEnvV3_group/providers/Microsoft.Compute/virtualMachines/"
		                          "ase-ext-test NotApplicable cause=UnsupportedPricingPlan sev=Low cat=Compute "
		                          "type=Microsoft.Compute/virtualMachines rg=AppServiceEnvV3_group src=Azure");
	}
	jt_release(&t);
}

/* JSON Schemas and Sentinel column lists are JSON but not data: read
 * without failing, no records, one warning saying why. */
static void test_not_data(void)
{
	static const char *const schemas[] = {"defender-export-schemas/Recommendation.schema.json",
	                                      "defender-export-schemas/SecurityAlert.schema.json"};
	static const char *const columns[] = {"sentinel-table-schemas/SecurityRecommendation.json",
	                                      "sentinel-table-schemas/SecurityNestedRecommendation.json"};
	struct jt t = {0};
	size_t i;

	for (i = 0; i < 2; i++) {
		if (!read_real(&t, schemas[i]))
			break;
		CHECK_INT(jt_rep(&t)->total_records, 0);
		CHECK_INT(jt_rep(&t)->warnings, 1);
		CHECK_HAS(jt_diag(&t, 0), "a JSON Schema document");
		if (!read_real(&t, columns[i]))
			break;
		CHECK_INT(jt_rep(&t)->total_records, 0);
		CHECK_INT(jt_rep(&t)->warnings, 1);
		CHECK_HAS(jt_diag(&t, 0), "not a recognized record (no \"type\" string, no alert fields; keys: Name, Properties)");
	}
	jt_release(&t);
}

int main(void)
{
	check_current = "every test of test_json_realdata";
	realdata = check_realdata();
	RUN(test_rest_assessments);
	RUN(test_rest_scores);
	RUN(test_rest_others);
	RUN(test_sumologic_events);
	RUN(test_not_data);
	return check_summary();
}
