/* test_rows.c: the table-row normalizers: header detection from the real
 * Log Analytics column lists, Log Analytics CSV rows of every table (with
 * Properties JSON filling what the columns lack), and rows as the JSON
 * reader passes them (names, values, n; NULL values). */
#include <cjson/cJSON.h>
#include "check.h"
#include "test_csv_util.h"
#include "../../src/ingest/rows/rows.h"

#define SUB "00000000-1111-2222-3333-444444444444"
#define VM "/subscriptions/" SUB "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"
#define VM2 "/subscriptions/" SUB "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm2"
#define ST "/subscriptions/" SUB "/resourceGroups/rg2/providers/Microsoft.Storage/storageAccounts/st1"
#define KEY "4fb67663-9ab9-475d-b026-8c544cced439"
#define KEY2 "1c5de8e1-f68d-4a17-8a0d-a8e9e6a6a8b1"
#define AID VM "/providers/Microsoft.Security/assessments/" KEY
#define AID2 ST "/providers/Microsoft.Security/assessments/" KEY2

/* Appends one CSV line; in each cell ' stands for " (JSON text reads
 * better that way) and quotes are doubled. */
static void csv_line(struct strbuf *sb, const char *const *cells, size_t n)
{
	size_t i;
	const char *p;

	for (i = 0; i < n; i++) {
		strbuf_addstr(sb, i ? ",\"" : "\"");
		for (p = cells[i]; *p; p++)
			strbuf_addstr(sb, *p == '\'' ? "\"\"" : *p == '"' ? "\"\"" : (char[2]){*p, 0});
		strbuf_addch(sb, '"');
	}
	strbuf_addstr(sb, "\r\n");
}

#define LINE(sb, ...)                                                       \
	do {                                                                    \
		const char *const cells_[] = {__VA_ARGS__};                         \
		csv_line((sb), cells_, sizeof(cells_) / sizeof(cells_[0]));         \
	} while (0)

static void read_csv_text(struct strbuf *sb, struct pst_sources *ing, struct dump *d)
{
	CHECK_INT(ingest_text(sb->buf, sb->len, ing, d), PST_OK);
	CHECK_INT(ing->files[0].format, PST_FMT_LA_CSV);
}

static bool has(const struct dump *d, size_t i, const char *needle)
{
	if (i >= d->n || !strstr(d->lines[i], needle)) {
		printf("     record %zu lacks \"%s\": %s\n", i, needle, i < d->n ? d->lines[i] : "(none)");
		return false;
	}
	return true;
}

static bool diag_is(const struct pst_sources *ing, size_t i, uint64_t line, const char *msg)
{
	const struct pst_source *r = &ing->files[0];

	if (i >= r->diags.n || r->diags.items[i].line != line || strcmp(r->diags.items[i].msg, msg) != 0) {
		printf("     diag %zu: got %llu \"%s\"\n", i, i < r->diags.n ? (unsigned long long)r->diags.items[i].line : 0ULL,
		       i < r->diags.n ? r->diags.items[i].msg : "(none)");
		return false;
	}
	return true;
}

static void test_columns_sorted(void)
{
	int i;

	for (i = 1; i < PST_COL__COUNT; i++)
		CHECK(pst_strcasecmp(pst_row_column_name((enum pst_col)(i - 1)), pst_row_column_name((enum pst_col)i)) < 0);
	CHECK_STR(pst_table_name(PST_TABLE_SECURE_SCORE_CONTROLS), "SecureScoreControls");
	CHECK_STR(pst_table_name(PST_TABLE_PORTAL), "portal");
}

/* Column names of a realdata/azure-monitor-tables include: "| Name | type |";
 * datetime columns get the " [UTC]" suffix of a portal CSV export. */
static size_t md_columns(const char *path, char names[][64], size_t max, bool utc)
{
	FILE *f = fopen(path, "r");
	char line[1024], name[48], type[32];
	size_t n = 0;

	if (!f)
		return 0;
	while (n < max && fgets(line, sizeof(line), f)) {
		if (sscanf(line, "| %47s | %31s |", name, type) != 2 || strcmp(name, "Column") == 0 || name[0] == '-')
			continue;
		snprintf(names[n++], 64, "%s%s", name, utc && strcmp(type, "datetime") == 0 ? " [UTC]" : "");
	}
	fclose(f);
	return n;
}

static size_t sentinel_columns(const char *path, char names[][64], size_t max)
{
	FILE *f = fopen(path, "r");
	char buf[16384];
	size_t len, n = 0;
	cJSON *root, *it;

	if (!f)
		return 0;
	len = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[len] = '\0';
	root = cJSON_Parse(buf);
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(root, "Properties")) {
		const char *s = cJSON_GetStringValue(cJSON_GetObjectItem(it, "Name"));

		if (s && n < max)
			snprintf(names[n++], 64, "%s", s);
	}
	cJSON_Delete(root);
	return n;
}

static enum pst_table detect(char names[][64], size_t n)
{
	const char *ptrs[128];
	struct pst_row_index ix;
	size_t i;
	enum pst_table t;

	for (i = 0; i < n && i < 128; i++)
		ptrs[i] = names[i];
	t = pst_table_detect(ptrs, n);
	pst_row_index_build(&ix, ptrs, n);
	CHECK(pst_table_missing(t, &ix) == NULL);
	CHECK(ix.at[PST_COL_TIME_GENERATED] >= 0);
	return t;
}

static void test_detect_realdata(void)
{
	static const struct {
		const char *file;
		enum pst_table t;
	} md[] = {
		{"securescorecontrols", PST_TABLE_SECURE_SCORE_CONTROLS},
		{"securescores", PST_TABLE_SECURE_SCORES},
		{"securityalert", PST_TABLE_SECURITY_ALERT},
		{"securitynestedrecommendation", PST_TABLE_NESTED_RECOMMENDATION},
		{"securityrecommendation", PST_TABLE_SECURITY_RECOMMENDATION},
		{"securityregulatorycompliance", PST_TABLE_REGULATORY_COMPLIANCE},
	};
	const char *rd = check_realdata();
	char path[512], names[128][64];
	size_t i, n;
	int utc;

	if (!rd)
		return;
	for (i = 0; i < PST_ARRAY_LEN(md); i++) {
		for (utc = 0; utc < 2; utc++) {
			snprintf(path, sizeof(path), "%s/azure-monitor-tables/%s-include.md", rd, md[i].file);
			n = md_columns(path, names, 128, utc);
			CHECK(n > 10);
			CHECK_STR(pst_table_name(detect(names, n)), pst_table_name(md[i].t));
		}
	}
	snprintf(path, sizeof(path), "%s/sentinel-table-schemas/SecurityRecommendation.json", rd);
	n = sentinel_columns(path, names, 128);
	CHECK(n > 20);
	CHECK_STR(pst_table_name(detect(names, n)), "SecurityRecommendation");
	snprintf(path, sizeof(path), "%s/sentinel-table-schemas/SecurityNestedRecommendation.json", rd);
	n = sentinel_columns(path, names, 128);
	CHECK(n > 20);
	CHECK_STR(pst_table_name(detect(names, n)), "SecurityNestedRecommendation");
}

static void test_detect_names(void)
{
	const char *portal[] = {"exportedTimestamp", "recommendationId", "recommendationName", "state"};
	const char *odd[] = {" TIMEGENERATED [UTC] ", "systemalertid"};
	const char *none[] = {"a", "b", "RecommendationName"};

	CHECK_INT(pst_table_detect(portal, 4), PST_TABLE_PORTAL);
	CHECK_INT(pst_table_detect(odd, 2), PST_TABLE_SECURITY_ALERT);
	CHECK_INT(pst_table_detect(none, 3), PST_TABLE_UNKNOWN);
	CHECK_INT(pst_table_detect(NULL, 0), PST_TABLE_UNKNOWN);
}

static void test_la_recommendation(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TenantId", "TimeGenerated [UTC]", "RecommendationId", "RecommendationName", "RecommendationDisplayName",
	     "RecommendationState", "RecommendationSeverity", "NotApplicableReason", "AssessedResourceId", "IsSnapshot",
	     "Properties", "FirstEvaluationDate [UTC]", "StatusChangeDate [UTC]", "Description", "Type");
	LINE(&sb, "tenant-1", "10/31/2026, 6:00:12.123 AM", AID, KEY, "Machines should be patched", "Unhealthy", "High", "",
	     VM, "True", "{'status':{'code':'Unhealthy','description':'2 updates missing'},'metadata':{'categories':['Compute']}}",
	     "2026-09-01T00:00:00Z", "10/30/2026 11:40:48 PM", "desc", "SecurityRecommendation");
	LINE(&sb, "", "2026-10-30T00:00:00.1234567Z", AID2, "", "", "", "", "", "", "false",
	     "{'id':'" AID2 "','name':'" KEY2 "','properties':{'resourceDetails':{'source':'Azure','id':'" ST
	     "','resourceName':'st1','resourceType':'storageAccounts','resourceProvider':'Microsoft.Storage'},"
	     "'displayName':'Storage accounts should restrict access','status':{'code':'NotApplicable','cause':'Exempt',"
	     "'description':'Risk accepted','statusChangeDate':'2026-10-29T10:00:00Z','firstEvaluationDate':'2026-09-01'},"
	     "'metadata':{'severity':'Medium','categories':['Data'],'policyDefinitionId':'/providers/p/pd1',"
	     "'remediationDescription':'Do X'},'links':{'azurePortal':'portal.azure.com/#y'}}}",
	     "", "", "", "");
	LINE(&sb, "", "2026-10-30T00:00:00Z", AID, KEY, "", "", "", "", VM, "false", "", "", "", "", "");
	LINE(&sb, "", "2026-10-30T00:00:00Z", AID, KEY, "", "Broken", "", "", VM, "false", "", "", "", "", "");
	LINE(&sb, "", "2026-10-30T00:00:00Z", AID, KEY, "", "Healthy", "", "", VM, "false", "{oops", "", "", "", "");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecurityRecommendation");
	CHECK_INT(d.n, 3);
	CHECK(has(&d, 0, "type=assessment line=2 snap=record src=record observed=2026-10-31T06:00:12Z sub=" SUB
	                 " id=" AID " key=" KEY " rid=" VM " status=Unhealthy sev=High"));
	CHECK(has(&d, 0, " statusdesc=2 updates missing name=Machines should be patched category=Compute"
	                 " changed=2026-10-30T23:40:48Z first=2026-09-01T00:00:00Z"));
	CHECK(has(&d, 1, "type=assessment line=3 snap=stream src=record observed=2026-10-30T00:00:00Z sub=" SUB
	                 " id=" AID2 " key=" KEY2 " rid=" ST " status=NotApplicable sev=Medium cause=Exempt"
	                 " statusdesc=Risk accepted name=Storage accounts should restrict access category=Data"
	                 " changed=2026-10-29T10:00:00Z first=2026-09-01T00:00:00Z rname=st1"
	                 " rtype=Microsoft.Storage/storageAccounts rg=rg2 source=Azure link=portal.azure.com/#y"
	                 " policy=/providers/p/pd1 remediation=Do X"));
	CHECK(has(&d, 2, "line=6 ") && has(&d, 2, " status=Healthy"));
	CHECK_INT(ing.files[0].rejected, 2);
	CHECK(diag_is(&ing, 0, 4, "no state"));
	CHECK(diag_is(&ing, 1, 5, "unknown state 'Broken'"));
	CHECK(diag_is(&ing, 2, 6, "Properties: not valid JSON text"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

static void test_la_scores(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TenantId", "TimeGenerated [UTC]", "SecureScoresSubscriptionId", "AssessedResourceId", "DisplayName",
	     "CurrentScore", "MaxScore", "PercentageScore", "Weight", "IsSnapshot", "Properties");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", SUB, "/subscriptions/" SUB "/providers/Microsoft.Security/secureScores/ascScore",
	     "ASC score", "35.5", "58", "0.6121", "12", "True", "");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", SUB, "", "", "", "", "50", "", "False",
	     "{'displayName':'ASC score','score':{'max':58,'current':29,'percentage':0.5},'weight':3}");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", SUB, "", "", "", "58", "", "", "False", "");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecureScores");
	CHECK_INT(d.n, 2);
	CHECK(has(&d, 0, "type=secure_score line=2 snap=record src=record observed=2026-10-31T06:00:00Z sub=" SUB));
	CHECK(has(&d, 0, " score=ascScore name=ASC score current=35.5 max=58 pct=0.6121 weight=12"));
	CHECK(has(&d, 1, " score=ascScore name=ASC score current=29 max=58 pct=0.5 weight=3"));
	CHECK(has(&d, 1, "snap=stream"));
	CHECK(diag_is(&ing, 0, 4, "no score (CurrentScore, PercentageScore)"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

static void test_la_controls(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TimeGenerated [UTC]", "SecureScoresSubscriptionId", "ControlId", "ControlName", "HealthyResources",
	     "UnhealthyResources", "NotApplicableResources", "CurrentScore", "MaxScore", "PercentageScore", "Weight",
	     "IsSnapshot", "Properties", "RecommendationResourceIds");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB,
	     "/subscriptions/" SUB "/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/ctrl-1",
	     "Apply system updates", "3", "1", "0", "4.5", "6", "0.75", "4", "true",
	     "{'definition':{'properties':{'assessmentDefinitions':[{'id':'/providers/Microsoft.Security/"
	     "assessmentMetadata/k1'},{'id':'/providers/Microsoft.Security/assessmentMetadata/k2'}]}}}", "");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, "ctrl-2", "", "", "", "", "", "", "", "", "true",
	     "{'displayName':'Enable MFA','healthyResourceCount':7,'unhealthyResourceCount':2,"
	     "'notApplicableResourceCount':1,'score':{'max':10,'current':7.78,'percentage':0.778}}",
	     "['/subscriptions/" SUB "/providers/Microsoft.Security/assessments/k3']");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, "", "x", "", "", "", "", "", "", "", "true", "", "");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, "ctrl-4", "y", "many", "", "", "", "", "", "", "true", "", "");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecureScoreControls");
	CHECK_INT(d.n, 3);
	CHECK(has(&d, 0, " control=ctrl-1 name=Apply system updates healthy=3 unhealthy=1 na=0 current=4.5 max=6"
	                 " pct=0.75 weight=4 keys=k1|k2"));
	CHECK(has(&d, 0, "type=score_control line=2 snap=record"));
	CHECK(has(&d, 1, " control=ctrl-2 name=Enable MFA healthy=7 unhealthy=2 na=1 current=7.78 max=10 pct=0.778"
	                 " keys=k3"));
	CHECK(has(&d, 2, " control=ctrl-4 name=y"));
	CHECK(d.n == 3 && strstr(d.lines[2], "healthy=") == NULL);
	CHECK(diag_is(&ing, 0, 4, "no control id (ControlId)"));
	CHECK(diag_is(&ing, 1, 5, "HealthyResources: not a number: 'many'"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

static void test_la_alert(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TimeGenerated [UTC]", "SystemAlertId", "AlertName", "DisplayName", "AlertType", "AlertSeverity",
	     "Status", "Tactics", "Techniques", "CompromisedEntity", "ResourceId", "ProductName", "AlertLink",
	     "RemediationSteps", "Entities", "StartTime [UTC]", "EndTime [UTC]");
	LINE(&sb, "2026-10-31T06:00:00Z", "2518-abc", "Suspicious login", "", "VM_SuspiciousLogin", "High", "New",
	     "InitialAccess, Persistence", "T1078", "vm1",
	     "/SUBSCRIPTIONS/" SUB "/RESOURCEGROUPS/RG1/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM1",
	     "Azure Security Center", "https://portal.azure.com/#x", "['Step one','Step two']", "[]",
	     "10/30/2026 11:40:48 PM", "2026-10-31T00:00:00Z");
	LINE(&sb, "2026-10-31T07:00:00Z", "2518-def", "", "Port scan", "", "Low", "Resolved", "", "", "", "",
	     "", "", "Just do it",
	     "[{'$id':'1','Type':'host','HostName':'vm2'},{'$id':'2','Type':'azure-resource','ResourceId':'" VM2 "'}]",
	     "", "");
	LINE(&sb, "2026-10-31T07:00:00Z", "", "x", "", "", "Low", "", "", "", "", "", "", "", "", "", "", "");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecurityAlert");
	CHECK_INT(d.n, 2);
	CHECK(has(&d, 0, "type=alert line=2 snap=stream src=record observed=2026-10-31T06:00:00Z sub=" SUB));
	CHECK(has(&d, 0, " alertid=2518-abc alerttype=VM_SuspiciousLogin name=Suspicious login sev=High status=New"
	                 " tactics=InitialAccess, Persistence techniques=T1078 entity=vm1"));
	CHECK(has(&d, 0, " product=Azure Security Center uri=https://portal.azure.com/#x remediation=Step one\nStep two"
	                 " generated=2026-10-31T06:00:00Z start=2026-10-30T23:40:48Z end=2026-10-31T00:00:00Z"));
	CHECK(has(&d, 1, " alertid=2518-def name=Port scan sev=Low status=Resolved rid=" VM2 " remediation=Just do it"));
	CHECK(diag_is(&ing, 0, 4, "no alert id (SystemAlertId)"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

#define U10 "\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C\xC3\x9C" /* 10 x U+00DC */
#define U20 U10 U10
#define U30 U10 U10 U10

static void test_la_compliance(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TenantId", "TimeGenerated [UTC]", "ComplianceStandard", "ComplianceControl", "RecommendationId",
	     "RecommendationName", "State", "PassedResources", "FailedResources", "SkippedResources", "IsSnapshot",
	     "RegulatoryComplianceSubscriptionId", "Properties");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", "Azure-CIS-1.1.0", "1.23",
	     "/subscriptions/" SUB "/providers/Microsoft.Security/regulatoryComplianceStandards/Azure-CIS-1.1.0/"
	     "regulatoryComplianceControls/1.23/regulatoryComplianceAssessments/" KEY,
	     "Enable MFA", "Failed", "3", "1", "0", "True", SUB, "");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", "PCI-DSS-4", "8.4.1", KEY2, "", "", "", "", "", "False", SUB,
	     "{'state':'Passed','passedResources':5,'failedResources':0,'skippedResources':1,'description':'From props'}");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", "PCI-DSS-4", "8.4.1", KEY2, "", "Maybe", "", "", "", "False", SUB, "");
	LINE(&sb, "t", "2026-10-31T06:00:00Z", "PCI-DSS-4", "8.4.1", KEY2, "", U30, "", "", "", "False", SUB, "");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecurityRegulatoryCompliance");
	CHECK_INT(d.n, 2);
	CHECK(has(&d, 0, "type=compliance line=2 snap=record src=record observed=2026-10-31T06:00:00Z sub=" SUB));
	CHECK(has(&d, 0, " standard=Azure-CIS-1.1.0 control=1.23 assessment=" KEY " desc=Enable MFA state=Failed"
	                 " passed=3 failed=1 skipped=0"));
	CHECK(has(&d, 1, " standard=PCI-DSS-4 control=8.4.1 assessment=" KEY2 " desc=From props state=Passed"
	                 " passed=5 failed=0 skipped=1"));
	CHECK(diag_is(&ing, 0, 4, "unknown state 'Maybe'"));
	/* a long value is quoted cut on a character boundary */
	CHECK(diag_is(&ing, 1, 5, "unknown state '" U20 "...'"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

static void test_la_nested(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	LINE(&sb, "TimeGenerated [UTC]", "RecommendationSubscriptionId", "AssessedResourceId", "ParentRecommendationId",
	     "Id", "RecommendationName", "NestedRecommendationId", "RecommendationSeverity", "RecommendationState",
	     "RemidiationDescription", "Category", "ResourceDetails", "SubAssessmentTimeGeneration [UTC]", "IsSnapshot");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, VM, "1195afff-c881-495e-9bc5-1486211ae03f",
	     AID "/subAssessments/CVE-1", "CVE-2024-1 in openssl", "CVE-1", "High", "Unhealthy", "Upgrade openssl",
	     "Vulnerability", "", "2026-10-31T05:00:00Z", "True");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, "", "1195afff-c881-495e-9bc5-1486211ae03f", "", "CVE-2", "CVE-2", "Low",
	     "Healthy", "", "", "{'id':'" VM2 "','source':'Azure'}", "", "False");
	LINE(&sb, "2026-10-31T06:00:00Z", SUB, VM, "p", "", "x", "", "Low", "Healthy", "", "", "", "", "False");
	read_csv_text(&sb, &ing, &d);
	CHECK_STR(ing.files[0].detail, "SecurityNestedRecommendation");
	CHECK_INT(d.n, 2);
	CHECK(has(&d, 0, "type=sub_assessment line=2 snap=record src=record observed=2026-10-31T06:00:00Z sub=" SUB));
	CHECK(has(&d, 0, " subid=" AID "/subAssessments/CVE-1 parent=1195afff-c881-495e-9bc5-1486211ae03f rid=" VM
	                 " name=CVE-2024-1 in openssl status=Unhealthy sev=High remediation=Upgrade openssl"
	                 " generated=2026-10-31T05:00:00Z"));
	CHECK(has(&d, 1, " subid=CVE-2 parent=1195afff-c881-495e-9bc5-1486211ae03f rid=" VM2 " name=CVE-2 status=Healthy"));
	CHECK(diag_is(&ing, 0, 4, "no sub-assessment id (Id, NestedRecommendationId)"));
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

/* A Log Analytics JSON row as the JSON reader hands it: names, values, n,
 * NULL for a null cell, non-string cells as JSON text. */
static void test_json_style_row(void)
{
	const char *names[] = {"TimeGenerated", "RecommendationId", "recommendationstate", "IsSnapshot", "Properties",
	                       "RecommendationSeverity"};
	const char *values[] = {"2026-10-31T06:00:00Z", AID, "Unhealthy", "true",
	                        "{\"resourceDetails\":{\"Id\":\"" VM "\"},\"metadata\":{\"severity\":\"Low\"}}", NULL};
	struct pst_row row = {names, values, 6};
	struct pst_origin at = {"rows.json", 0, 7, 1234};
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct dump d = {0};
	struct pst_error err;
	size_t i;

	memset(&rep, 0, sizeof(rep));
	memset(&fc, 0, sizeof(fc));
	fc.path = "rows.json";
	fc.rep = &rep;
	fc.fn = dump_sink;
	fc.fn_ctx = &d;
	fc.name_time = PST_TIME_NONE;
	CHECK_INT(pst_row_emit(&fc, PST_TABLE_SECURITY_RECOMMENDATION, &row, &at, &err), PST_OK);
	values[2] = "Sideways";
	CHECK_INT(pst_row_emit(&fc, PST_TABLE_SECURITY_RECOMMENDATION, &row, &at, &err), PST_OK);
	CHECK_INT(pst_row_emit(&fc, PST_TABLE_UNKNOWN, &row, &at, &err), PST_OK);
	CHECK_INT(d.n, 1);
	CHECK(has(&d, 0, "type=assessment line=0 snap=record src=record observed=2026-10-31T06:00:00Z sub=" SUB " id=" AID
	                 " key=" KEY " rid=" VM " status=Unhealthy sev=Low"));
	CHECK_INT(rep.rejected, 2);
	CHECK_INT(rep.diags.n, 2);
	if (rep.diags.n == 2) {
		CHECK_STR(rep.diags.items[0].msg, "unknown state 'Sideways'");
		CHECK_INT(rep.diags.items[0].index, 7);
		CHECK_INT(rep.diags.items[0].offset, 1234);
	}
	pst_diags_release(&rep.diags);
	for (i = 0; i < rep.nsubscriptions; i++)
		free(rep.subscriptions[i]);
	free(rep.subscriptions);
	dump_release(&d);
}

int main(void)
{
	RUN(test_columns_sorted);
	RUN(test_detect_realdata);
	RUN(test_detect_names);
	RUN(test_la_recommendation);
	RUN(test_la_scores);
	RUN(test_la_controls);
	RUN(test_la_alert);
	RUN(test_la_compliance);
	RUN(test_la_nested);
	RUN(test_json_style_row);
	return check_summary();
}
