/* test_json_shapes.c: every container shape, envelopes, snapshots, BOM,
 * CRLF, tabs, gzip, wrong types, and the in-memory entry for Avro bodies. */
#include <zlib.h>
#include "test_json_util.h"
#include "../../src/ingest/ingest_int.h"

#define SUB "/subscriptions/00000000-0000-0000-0000-00000000000a"
#define VM SUB "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"
#define KEY "4fb67663-9ab9-475d-b026-8c544cced439"
/* An assessment without an envelope; ENV(...) adds one before it. */
#define BODY(code)                                                                                        \
	"\"type\":\"Microsoft.Security/assessments\",\"id\":\"" VM "/providers/Microsoft.Security/assessments/" KEY \
	"\",\"name\":\"" KEY "\",\"properties\":{\"resourceDetails\":{\"source\":\"Azure\",\"id\":\"" VM         \
	"\"},\"status\":{\"code\":\"" code "\",\"statusChangeDate\":\"2026-10-02T10:00:00Z\"}}"
#define ASSESS(code) "{" BODY(code) "}"
#define ENV(name, fields) "{\"" name "\":{" fields "}," BODY("Unhealthy") "}"

static void test_envelopes(void)
{
	struct jt t = {0};

	jt_str(&t, "events-2026-10-31.json",
	       ENV("securityEventDataEnrichment", "\"action\":\"Insert\",\"isSnapshot\":true") "\n"
	       ENV("assessmentEventDataEnrichment", "\"action\":\"Delete\",\"isSnapshot\":false") "\n"
	       ENV("AssessmentEventDataEnrichment", "\"Action\":\"Write\",\"ApiVersion\":\"2019-01-01\"") "\n"
	       ENV("securityEventDataEnrichment", "\"action\":\"Insert\",\"isSnapshot\":\"true\"") "\n"
	       ASSESS("Healthy") "\n");
	CHECK_INT(t.rc, PST_OK);
	CHECK_STR(jt_fmt(&t), "json-ndjson");
	CHECK_INT(t.n, 5);
	CHECK_HAS(jt_line(&t, 0), "assessment Insert record filename 2026-10-31T00:00:00Z 00000000-0000-0000-0000-00000000000a line=1 idx=0");
	CHECK_HAS(jt_line(&t, 1), "assessment Delete stream status_change 2026-10-02T10:00:00Z");
	CHECK_HAS(jt_line(&t, 1), "line=2 idx=1");
	CHECK_HAS(jt_line(&t, 2), "assessment Write stream status_change");
	CHECK_HAS(jt_line(&t, 3), "assessment Insert record ");
	CHECK_HAS(jt_line(&t, 4), "assessment - stream status_change");
	CHECK_HAS(jt_line(&t, 4), KEY " " VM " Healthy");
	CHECK_INT(jt_rep(&t)->deletes, 1);
	CHECK_INT(jt_rep(&t)->snapshot_records, 2);
	jt_release(&t);
}

static void test_lists(void)
{
	struct jt t = {0};

	jt_str(&t, "az.json", "[" ASSESS("Healthy") ",\n" ASSESS("Unhealthy") "]");
	CHECK_STR(jt_fmt(&t), "json-array");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 0), "assessment - file ");
	CHECK_HAS(jt_line(&t, 1), "assessment - file ");
	CHECK_HAS(jt_line(&t, 1), "line=2 idx=1");
	jt_str(&t, "rest.json", "{\"value\":[" ASSESS("Healthy") "],\"nextLink\":\"https://x/?skip=1\"}");
	CHECK_STR(jt_fmt(&t), "rest-list");
	CHECK_INT(t.n, 1);
	CHECK_HAS(jt_line(&t, 0), "assessment - file ");
	jt_str(&t, "arg.json",
	       "{\"totalRecords\":\"2\",\"count\":2,\"data\":[" ASSESS("Healthy") "," ASSESS("NotApplicable")
	       "],\"skip_token\":null,\"resultTruncated\":\"false\"}");
	CHECK_STR(jt_fmt(&t), "resource-graph");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), "assessment - file ");
	jt_str(&t, "monitor.json", "{\"records\":[" ENV("securityEventDataEnrichment", "\"action\":\"Insert\"") "," ASSESS("Healthy") "]}");
	CHECK_STR(jt_fmt(&t), "json-records");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), "assessment - stream ");
	/* REST pages one per line (az rest --paginate style) */
	jt_str(&t, "pages.json", "{\"value\":[" ASSESS("Healthy") "],\"nextLink\":\"x\"}\n{\"value\":[" ASSESS("Unhealthy") "]}\n");
	CHECK_STR(jt_fmt(&t), "rest-list");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), "assessment - file ");
	CHECK_HAS(jt_line(&t, 1), "line=2 idx=1");
	jt_str(&t, "empty.json", "{\"value\":[]}");
	CHECK_INT(t.rc, PST_OK);
	CHECK_STR(jt_fmt(&t), "rest-list");
	CHECK_INT(t.n, 0);
	jt_release(&t);
}

static void test_examples_and_objects(void)
{
	struct jt t = {0};

	jt_str(&t, "example.json",
	       "{\"parameters\":{\"value\":\"not a list\",\"x\":[1,{\"data\":[]}]},\"responses\":{\"202\":{\"body\":[1]},"
	       "\"200\":{\"headers\":{},\"body\":" ASSESS("Healthy") "}}}");
	CHECK_STR(jt_fmt(&t), "rest-example");
	CHECK_INT(t.n, 1);
	CHECK_HAS(jt_line(&t, 0), "assessment - stream ");
	jt_str(&t, "example-list.json", "{\"responses\":{\"200\":{\"body\":[" ASSESS("Healthy") "]}}}");
	CHECK_STR(jt_fmt(&t), "rest-example");
	CHECK_HAS(jt_line(&t, 0), "assessment - file ");
	/* A response inside a response body is data, not followed. */
	jt_str(&t, "nested-example.json", "{\"responses\":{\"200\":{\"body\":{\"responses\":{\"200\":{\"body\":"
	       ASSESS("Healthy") "}}}}}}");
	CHECK_INT(t.rc, PST_OK);
	CHECK_INT(t.n, 0);
	CHECK_STR(jt_diag(&t, 0), "not a recognized record (no \"type\" string, no alert fields; keys: responses)");
	/* Pretty-printed values one after another: each is a record. */
	jt_str(&t, "concat.json", "{\n" BODY("Healthy") "\n}\n{\n" BODY("Unhealthy") "\n}\n");
	CHECK_STR(jt_fmt(&t), "json-ndjson");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), "line=4 idx=1");
	jt_release(&t);
}

/* BOM, CRLF and tab indentation; gzip detected from content. */
static void test_bytes(void)
{
	static const char text[] = "\xEF\xBB\xBF{\r\n\t\"value\": [\r\n\t\t" ASSESS("Healthy") ",\r\n\t\t" ASSESS("Unhealthy") "\r\n\t]\r\n}\r\n";
	char path[256];
	struct jt t = {0};
	gzFile gz;

	jt_read_text(&t, "bom.json", text, sizeof(text) - 1);
	CHECK_INT(t.rc, PST_OK);
	CHECK_STR(jt_fmt(&t), "rest-list");
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), "line=4 idx=1");
	snprintf(path, sizeof(path), "/tmp/pst-json-test-%ld.dat", (long)getpid());
	gz = gzopen(path, "wb");
	CHECK(gz != NULL);
	if (!gz)
		return;
	gzwrite(gz, text, sizeof(text) - 1);
	gzclose(gz);
	jt_read(&t, path);
	unlink(path);
	CHECK_INT(t.rc, PST_OK);
	CHECK(jt_rep(&t)->gzip);
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 1), KEY " " VM " Unhealthy");
	jt_release(&t);
}

/* Numbers as strings, null where an object goes, big integers, wrong types. */
static void test_wrong_types(void)
{
	struct jt t = {0};

	jt_str(&t, "types.json",
	       "[{\"type\":\"Microsoft.Security/secureScores/secureScoreControls\",\"id\":\"" SUB
	       "/providers/Microsoft.Security/secureScores/ascScore/secureScoreControls/c1\",\"name\":\"c1\","
	       "\"properties\":{\"healthyResourceCount\":\"2\",\"unhealthyResourceCount\":12345678901234567890,"
	       "\"notApplicableResourceCount\":null,\"score\":{\"max\":\"4\",\"current\":\"1.5\",\"percentage\":true},"
	       "\"weight\":[],\"definition\":null}},\n"
	       "{\"type\":\"Microsoft.Security/secureScores\",\"id\":\"" SUB "/providers/Microsoft.Security/secureScores/ascScore\","
	       "\"name\":\"ascScore\",\"properties\":null},\n"
	       "{\"type\":\"Microsoft.Security/assessments\",\"id\":\"" VM "/providers/Microsoft.Security/assessments/" KEY "\","
	       "\"name\":7,\"properties\":{\"resourceDetails\":null,\"status\":{\"code\":\"Unhealthy\"},"
	       "\"metadata\":{\"severity\":3,\"categories\":\"Compute\"},\"additionalData\":{\"n\":\"{\\\"a\\\":1}\"}}},\n"
	       "{\"type\":\"Microsoft.Security/assessments\",\"name\":\"k\",\"properties\":{\"status\":{\"code\":\"Unhealthy\"}}},\n"
	       "{\"type\":\"Microsoft.Security/assessments\",\"id\":\"" VM "/providers/Microsoft.Security/assessments/k\","
	       "\"properties\":{\"status\":{\"code\":\"Broken\"}}},\n"
	       "{\"type\":\"Microsoft.Security/assessments\",\"id\":\"" VM "/providers/Microsoft.Security/assessments/k\"},\n"
	       "{\"type\":\"Microsoft.Security/somethingNew\"}]");
	CHECK_INT(t.rc, PST_OK);
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 0), "| c1 2/-1/-1 1.5/4 weight=nan keys=");
	/* The resource id comes from the assessment id; name 7 is not a key. */
	CHECK_HAS(jt_line(&t, 1), "| " KEY " " VM " Unhealthy cause=- sev=Unknown cat=Compute");
	CHECK_INT(jt_rep(&t)->rejected, 4);
	CHECK_INT(jt_rep(&t)->warnings, 1);
	CHECK_STR(jt_diag(&t, 0), "secure_score without score.current and score.max");
	CHECK_INT(jt_rep(&t)->diags.items[0].line, 2);
	CHECK_STR(jt_diag(&t, 1), "assessment without a resource id");
	CHECK_STR(jt_diag(&t, 2), "assessment with an unknown status code");
	CHECK_STR(jt_diag(&t, 3), "assessment without a status code");
	CHECK_STR(jt_diag(&t, 4), "unknown record type 'Microsoft.Security/somethingNew' skipped");
	jt_release(&t);
}

static void test_alerts_flat(void)
{
	struct jt t = {0};

	jt_str(&t, "alerts.json",
	       "{\"SystemAlertId\":\"a1\",\"AlertType\":\"VM_X\",\"Severity\":\"Medium\",\"Status\":\"Resolved\","
	       "\"Intent\":\"Execution\",\"AzureResourceId\":\"" VM "\",\"TimeGenerated\":\"2026-10-03T01:02:03.1234567Z\","
	       "\"RemediationSteps\":[\"one\",\"two\"],\"Entities\":[{\"$id\":\"1\"},{\"$ref\":\"1\"}]}\n"
	       "{\"AlertDisplayName\":\"nothing to key on\",\"ExtendedProperties\":{}}\n");
	CHECK_INT(t.n, 1);
	CHECK_HAS(jt_line(&t, 0), "alert - stream record 2026-10-03T01:02:03Z 00000000-0000-0000-0000-00000000000a");
	CHECK_HAS(jt_line(&t, 0), "| a1 VM_X sev=Medium tactics=Execution techniques=- " VM " Resolved -");
	CHECK_INT(jt_rep(&t)->warnings, 1);
	CHECK_HAS(jt_diag(&t, 0), "keys: AlertDisplayName, ExtendedProperties");
	jt_release(&t);
}

static int mem_sink(void *ctx, const struct pst_record *r, struct pst_error *err)
{
	return jt_sink(ctx, r, err);
}

/* pst_json_ingest_mem: an Avro event body; the enqueued time wins. */
static void test_mem(void)
{
	static const char body[] = "[" ENV("securityEventDataEnrichment", "\"action\":\"Insert\",\"isSnapshot\":true") "," ASSESS("Healthy") "]";
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct pst_origin at = {NULL, 0, 41, 9000};
	struct pst_error err;
	struct jt t = {0};
	pst_time enq = pst_time_make(2026, 10, 31, 6, 0, 12);

	memset(&rep, 0, sizeof(rep));
	memset(&fc, 0, sizeof(fc));
	rep.tmin = rep.tmax = PST_TIME_NONE;
	fc.path = "capture.avro";
	fc.rep = &rep;
	fc.fn = mem_sink;
	fc.fn_ctx = &t;
	fc.name_time = PST_TIME_NONE;
	fc.mtime = 0;
	CHECK_INT(pst_json_ingest_mem(&fc, body, sizeof(body) - 1, &at, enq, &err), PST_OK);
	CHECK_INT(t.n, 2);
	CHECK_HAS(jt_line(&t, 0), "assessment Insert record enqueued 2026-10-31T06:00:12Z 00000000-0000-0000-0000-00000000000a line=0 idx=41");
	CHECK_HAS(jt_line(&t, 1), "assessment - stream enqueued 2026-10-31T06:00:12Z");
	CHECK_INT(rep.format, PST_FMT_UNKNOWN); /* the Avro reader owns the format */
	/* A broken body is one rejected event, not a failed file. */
	CHECK_INT(pst_json_ingest_mem(&fc, "{\"a\":[1,2", 9, &at, PST_TIME_NONE, &err), PST_OK);
	CHECK_INT(rep.rejected, 1);
	CHECK_INT(rep.diags.items[0].index, 41);
	CHECK_HAS(rep.diags.items[0].msg, "event body:1:10: unexpected end of file inside an array");
	CHECK_INT(pst_json_ingest_mem(&fc, ASSESS("Healthy"), strlen(ASSESS("Healthy")), &at, PST_TIME_NONE, &err), PST_OK);
	CHECK_INT(t.n, 3);
	CHECK_HAS(jt_line(&t, 2), "assessment - stream status_change 2026-10-02T10:00:00Z");
	pst_diags_release(&rep.diags);
	free(rep.subscriptions[0]);
	free(rep.subscriptions);
	jt_release(&t);
}

int main(void)
{
	RUN(test_envelopes);
	RUN(test_lists);
	RUN(test_examples_and_objects);
	RUN(test_bytes);
	RUN(test_wrong_types);
	RUN(test_alerts_flat);
	RUN(test_mem);
	return check_summary();
}
