/* test_csv.c: portal "Download CSV report" files read through
 * pst_ingest_paths: the real DefectDojo samples, 27 columns, BOM, CRLF,
 * quoted newlines, bad rows among good ones, a 13,000-row report. */
#include "check.h"
#include "test_csv_util.h"
#include "../../src/ingest/ingest_int.h"

#define PORTAL_HEADER_20                                                                                        \
	"\"exportedTimestamp\",\"subscriptionId\",\"subscriptionName\",\"resourceGroup\",\"resourceType\","         \
	"\"resourceName\",\"resourceId\",\"recommendationId\",\"recommendationName\",\"recommendationDisplayName\"," \
	"\"description\",\"remediationSteps\",\"severity\",\"state\",\"notApplicableReason\","                     \
	"\"firstEvaluationDate\",\"statusChangeDate\",\"controls\",\"azurePortalRecommendationLink\","            \
	"\"nativeCloudAccountId\""
#define PORTAL_HEADER_27 PORTAL_HEADER_20 ",\"tactics\",\"techniques\",\"cloud\",\"owner\",\"eta\",\"dueDate\",\"gracePeriod\""

#define SUB "00000000-1111-2222-3333-444444444444"
#define VM "/subscriptions/" SUB "/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1"
#define KEY "181ac480-f7c4-544b-9865-11b8ffe87f47"
#define AID VM "/providers/Microsoft.Security/assessments/" KEY

/* One 20-column row; state and the row's tail vary. */
static void portal_row(struct strbuf *sb, int i, const char *state, const char *tail)
{
	strbuf_addf(sb,
	            "\"2026-10-31T06:00:12.123Z\",\"" SUB "\",\"Prod\",\"rg1\",\"virtualmachines\",\"vm%d\","
	            "\"" VM "%d\",\"" VM "%d/providers/Microsoft.Security/assessments/" KEY "\",\"" KEY "\","
	            "\"Machines should be patched\",\"desc\",\"fix it\",\"High\",\"%s\",\"\","
	            "\"10/01/2026\",\"2026-10-30T01:02:03.4567891Z\","
	            "\"{\"\"Apply system updates\"\":\"\"4fb67663-9ab9-475d-b026-8c544cced439\"\"}\","
	            "\"portal.azure.com/#x\",\"\"%s",
	            i, i, i, state, tail);
}

/* Reads the real-data file rel into ing and d; false (nothing read) when
 * ../shared/realdata is absent. */
static bool read_realdata(const char *rel, struct pst_sources *ing, struct dump *d)
{
	const char *rd = check_realdata();
	char path[512];
	const char *paths[1] = {path};
	struct pst_error err;

	if (!rd)
		return false;
	snprintf(path, sizeof(path), "%s/%s", rd, rel);
	pst_sources_init(ing);
	CHECK_INT(pst_ingest_paths(ing, paths, 1, NULL, dump_sink, d, &err), PST_OK);
	return true;
}

static void test_defectdojo_many(void)
{
	struct pst_sources ing;
	struct dump d = {0};

	if (!read_realdata("defectdojo-portal-csv/many_vulns.csv", &ing, &d))
		return;
	CHECK_INT(ing.files[0].format, PST_FMT_PORTAL_CSV);
	CHECK_INT(ing.records[PST_REC_ASSESSMENT], 4);
	CHECK_INT(ing.rejected, 0);
	CHECK_INT(d.n, 4);
	if (d.n == 4) {
		/* recommendationId is the full assessment id; recommendationName the key */
		CHECK(strstr(d.lines[0], " key=f67fb4ed-d481-44d7-91e5-efadf504f74a ") != NULL);
		CHECK(strstr(d.lines[0], " rid=/subscriptions/9cfbad7a-7369-42e4-bcce-7677c5b3a44b/resourcegroups/"
		                         "my_resource_group/providers/microsoft.network/virtualnetworks/my_virtual_network ") != NULL);
		CHECK(strstr(d.lines[0], " id=/subscriptions/9cfbad7a-7369-42e4-bcce-7677c5b3a44b/resourcegroups/"
		                         "my_resource_group/providers/microsoft.network/virtualnetworks/my_virtual_network/"
		                         "providers/Microsoft.Security/assessments/f67fb4ed-d481-44d7-91e5-efadf504f74a ") != NULL);
		CHECK(strstr(d.lines[0], " status=Unhealthy sev=Low ") != NULL);
		CHECK(strstr(d.lines[0], " control=Restrict unauthorized network access:f9d5432b-8f7b-45e9-b90c-e214a30f6a02") != NULL);
		CHECK(strstr(d.lines[0], "snap=file src=record observed=2021-09-28T16:01:10Z") != NULL);
		CHECK(strstr(d.lines[0], " sub=9cfbad7a-7369-42e4-bcce-7677c5b3a44b ") != NULL);
		CHECK(strstr(d.lines[0], " changed=2021-09-28T15:07:10Z first=2021-09-28T15:07:10Z") != NULL);
		CHECK(strstr(d.lines[1], " status=Healthy sev=Low ") != NULL);
		CHECK(strstr(d.lines[1], " control=Implement security best practices:76763537-9feb-42d3-b4f4-78c01117be80") != NULL);
		/* the subscription-level row: resourceName is the subscription id */
		CHECK(strstr(d.lines[2], " key=f0fb2a7e-16d5-849f-be57-86db712e9bd0 rid=/subscriptions/"
		                         "9cfbad7a-7369-42e4-bcce-7677c5b3a44b status=Unhealthy sev=High ") != NULL);
		CHECK(strstr(d.lines[2], " rname=9cfbad7a-7369-42e4-bcce-7677c5b3a44b rtype=microsoft.resources/subscriptions"
		                         " subname=My first subscription ") != NULL);
		/* type and group from the resource id, as the JSON reader has them (the
		 * export's resourceGroup column disagrees with its own id here) */
		CHECK(strstr(d.lines[0], " rtype=microsoft.network/virtualnetworks rg=my_resource_group ") != NULL);
		CHECK(strstr(d.lines[3], " rtype=microsoft.storage/storageaccounts rg=cloud-shell-storage-westeurope ") != NULL);
		CHECK(strstr(d.lines[0], "line=2 ") != NULL);
		CHECK(strstr(d.lines[3], "line=5 ") != NULL);
	}
	dump_release(&d);
	pst_sources_release(&ing);
}

static void test_defectdojo_zero(void)
{
	struct pst_sources ing;
	struct dump d = {0};

	if (!read_realdata("defectdojo-portal-csv/zero_vulns.csv", &ing, &d))
		return;
	CHECK_INT(ing.nfiles, 1);
	CHECK_INT(ing.failed_files, 0);
	CHECK_STR(pst_format_name(ing.files[0].format), "portal-csv");
	CHECK_INT(ing.total_records, 0);
	CHECK_INT(d.n, 0);
	dump_release(&d);
	pst_sources_release(&ing);
}

static void test_portal_27(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	strbuf_addstr(&sb, "\xEF\xBB\xBF" PORTAL_HEADER_27 "\r\n");
	portal_row(&sb, 1, "Unhealthy",
	           ",\"InitialAccess\",\"T1190\",\"Azure\",\"alice@example.com\",\"11/15/2026\",\"2026-11-30\",\"true\"\r\n");
	portal_row(&sb, 2, "Not applicable", ",\"\",\"\",\"AWS\",\"\",\"\",\"\",\"\"\r\n");
	CHECK_INT(ingest_text(sb.buf, sb.len, &ing, &d), PST_OK);
	CHECK_INT(ing.files[0].format, PST_FMT_PORTAL_CSV);
	CHECK_INT(d.n, 2);
	if (d.n == 2) {
		CHECK(strstr(d.lines[0], " key=" KEY " rid=" VM "1 status=Unhealthy sev=High") != NULL);
		CHECK(strstr(d.lines[0], " owner=alice@example.com due=2026-11-30T00:00:00Z") != NULL);
		CHECK(strstr(d.lines[0], " source=Azure ") != NULL);
		CHECK(strstr(d.lines[0], " first=2026-10-01T00:00:00Z") != NULL);
		CHECK(strstr(d.lines[0], " changed=2026-10-30T01:02:03Z") != NULL);
		CHECK(strstr(d.lines[0], " control=Apply system updates:4fb67663-9ab9-475d-b026-8c544cced439") != NULL);
		CHECK(strstr(d.lines[1], " status=NotApplicable ") != NULL);
		CHECK(strstr(d.lines[1], " source=AWS ") != NULL);
		CHECK(strstr(d.lines[1], " owner=") == NULL);
		CHECK(strstr(d.lines[1], "line=3 ") != NULL);
	}
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

/* Unquoted fields, LF, a quoted newline in a description, a doubled quote. */
static void test_portal_quoting(void)
{
	const char *csv =
	    "exportedTimestamp,subscriptionId,resourceId,recommendationId,recommendationName,"
	    "recommendationDisplayName,description,severity,state,notApplicableReason,controls\n"
	    "2026-10-31T06:00:00Z," SUB "," VM "," AID "," KEY ",Patch,\"two\nlines \"\"quoted\"\"\",Medium,Healthy,,\n"
	    "\n"
	    "2026-10-31T06:00:00Z," SUB ",," AID "," KEY ",Patch,plain,Low,NotApplicable,Exempt,\n";
	struct pst_sources ing;
	struct dump d = {0};

	CHECK_INT(ingest_text(csv, strlen(csv), &ing, &d), PST_OK);
	CHECK_INT(d.n, 2);
	CHECK_INT(ing.rejected, 0);
	if (d.n == 2) {
		CHECK(strstr(d.lines[0], "line=2 ") != NULL);
		CHECK(strstr(d.lines[0], " status=Healthy sev=Medium ") != NULL);
		CHECK(strstr(d.lines[1], "line=5 ") != NULL);
		/* no resourceId: the resource comes from the assessment id */
		CHECK(strstr(d.lines[1], " rid=" VM " status=NotApplicable sev=Low cause=Exempt ") != NULL);
	}
	dump_release(&d);
	pst_sources_release(&ing);
}

/* Bad rows are rejected with their line; the good ones around them stay. */
static void test_portal_bad_rows(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};
	const struct pst_source *r;

	strbuf_addstr(&sb, PORTAL_HEADER_20 "\n");
	portal_row(&sb, 1, "Unhealthy", "\n");                  /* line 2: good */
	portal_row(&sb, 2, "Sideways", "\n");                   /* line 3: unknown state */
	strbuf_addstr(&sb, "\"a\",\"b\"\n");                    /* line 4: 2 fields */
	strbuf_addstr(&sb, "\"a\"x,\"b\"\n");                   /* line 5: broken quote */
	portal_row(&sb, 5, "Healthy", "\n");                    /* line 6: good */
	strbuf_addstr(&sb, "\"2026-10-31\",\"" SUB "\",\"open\n"); /* line 7: open to EOF */
	CHECK_INT(ingest_text(sb.buf, sb.len, &ing, &d), PST_OK);
	r = &ing.files[0];
	CHECK_INT(d.n, 2);
	CHECK_INT(r->rejected, 4);
	CHECK_INT(r->diags.n, 4);
	if (r->diags.n == 4) {
		CHECK_INT(r->diags.items[0].line, 3);
		CHECK_STR(r->diags.items[0].msg, "unknown state 'Sideways'");
		CHECK_INT(r->diags.items[1].line, 4);
		CHECK_STR(r->diags.items[1].msg, "expected 20 fields as in the header, found 2");
		CHECK_INT(r->diags.items[2].line, 5);
		CHECK_STR(r->diags.items[2].msg, "broken quote at line 5, column 4: text after a closing quote");
		CHECK_INT(r->diags.items[3].line, 7);
		CHECK_STR(r->diags.items[3].msg, "unterminated quoted field starting at line 7");
	}
	if (d.n == 2)
		CHECK(strstr(d.lines[1], "line=6 ") != NULL);
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

static void test_portal_missing_column(void)
{
	const char *csv = "exportedTimestamp,recommendationId,recommendationName,severity\n"
	                  "2026-10-31," AID "," KEY ",High\n";
	struct pst_sources ing;
	struct dump d = {0};

	CHECK_INT(ingest_text(csv, strlen(csv), &ing, &d), PST_EDATA);
	CHECK(strstr(file_error(&ing), ":1: portal CSV: missing column \"State\"") != NULL);
	CHECK_INT(d.n, 0);
	dump_release(&d);
	pst_sources_release(&ing);
}

static void test_unknown_header(void)
{
	const char *csv = "name,colour,size\nx,red,3\n";
	struct pst_sources ing;
	struct dump d = {0};

	CHECK_INT(ingest_text(csv, strlen(csv), &ing, &d), PST_EDATA);
	CHECK(strstr(file_error(&ing), ":1: unknown CSV format: columns name, colour, size") != NULL);
	CHECK_INT(ing.files[0].failed, 1);
	dump_release(&d);
	pst_sources_release(&ing);
	/* an Excel export with semicolons */
	csv = "exportedTimestamp;subscriptionId;state\n2026-10-31;s;Healthy\n";
	CHECK_INT(ingest_text(csv, strlen(csv), &ing, &d), PST_EDATA);
	CHECK(strstr(file_error(&ing), ":1: unknown CSV format: columns exportedTimestamp;subscriptionId;state "
	                               "(separated by ';'? only commas or tabs separate fields)") != NULL);
	dump_release(&d);
	pst_sources_release(&ing);
}

/* Invalid UTF-8 in a cell: the record is kept with U+FFFD and a warning. */
static void test_invalid_utf8(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};

	strbuf_addstr(&sb, PORTAL_HEADER_20 "\n");
	portal_row(&sb, 1, "Unhealthy", "\n");
	strbuf_addstr(&sb, "\"2026-10-31\",\"" SUB "\",\"Pr\xC3\x28od\",\"\",\"\",\"\",\"" VM "\",\"" AID "\",\"" KEY
	                   "\",\"\",\"\",\"\",\"Low\",\"Healthy\",\"\",\"\",\"\",\"\",\"\",\"\"\n");
	CHECK_INT(ingest_text(sb.buf, sb.len, &ing, &d), PST_OK);
	CHECK_INT(d.n, 2);
	CHECK_INT(ing.files[0].warnings, 1);
	CHECK_INT(ing.files[0].rejected, 0);
	CHECK_STR(first_diag(&ing), "invalid UTF-8 in subscriptionName: bad bytes replaced by U+FFFD");
	if (d.n == 2)
		CHECK(strstr(d.lines[1], " subname=Pr\xEF\xBF\xBD(od") != NULL);
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

/* Every timestamp shape of FORMATS.md, and the Log Analytics export's
 * "10/31/2026, 6:00:12.123 AM", as the record's own time. */
static void test_time_shapes(void)
{
	static const char *const shapes[][2] = {
		{"2023-05-09T13:19:49.3381028Z", "2023-05-09T13:19:49Z"},
		{"2021-09-28T16:01:10.373Z", "2021-09-28T16:01:10Z"},
		{"2025-08-21T00:00:00", "2025-08-21T00:00:00Z"},
		{"10/31/2026", "2026-10-31T00:00:00Z"},
		{"03/2022", "2022-03-01T00:00:00Z"},
		{"11/13/2024 11:40:48 PM", "2024-11-13T23:40:48Z"},
		{"\"10/31/2026, 6:00:12.123 AM\"", "2026-10-31T06:00:12Z"},
	};
	struct strbuf sb = STRBUF_INIT, want = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};
	size_t i;

	strbuf_addstr(&sb, "exportedTimestamp,resourceId,recommendationId,recommendationName,state\n");
	for (i = 0; i < PST_ARRAY_LEN(shapes); i++)
		strbuf_addf(&sb, "%s," VM "," AID "," KEY ",Healthy\n", shapes[i][0]);
	CHECK_INT(ingest_text(sb.buf, sb.len, &ing, &d), PST_OK);
	CHECK_INT(ing.warnings, 0);
	CHECK_INT(d.n, PST_ARRAY_LEN(shapes));
	for (i = 0; i < d.n && i < PST_ARRAY_LEN(shapes); i++) {
		strbuf_reset(&want);
		strbuf_addf(&want, " src=record observed=%s ", shapes[i][1]);
		CHECK(strstr(d.lines[i], want.buf) != NULL);
	}
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
	strbuf_release(&want);
}

/* The portal caps its report near 13,000 rows: read a full one. */
static void test_portal_13000(void)
{
	struct strbuf sb = STRBUF_INIT;
	struct pst_sources ing;
	struct dump d = {0};
	int i;

	strbuf_addstr(&sb, "\xEF\xBB\xBF" PORTAL_HEADER_20 "\r\n");
	for (i = 0; i < 13000; i++)
		portal_row(&sb, i, i % 3 ? "Unhealthy" : "Healthy", "\r\n");
	CHECK_INT(ingest_text(sb.buf, sb.len, &ing, &d), PST_OK);
	CHECK_INT(ing.records[PST_REC_ASSESSMENT], 13000);
	CHECK_INT(ing.files[0].snapshot_records, 13000);
	CHECK_INT(ing.rejected, 0);
	CHECK_STR(first_diag(&ing), "13000 rows: the portal CSV report stops near 13000 rows, so this one may be incomplete");
	CHECK_INT(ing.files[0].diags.items[0].line, 13001);
	CHECK_INT(d.n, 13000);
	if (d.n == 13000) {
		CHECK(strstr(d.lines[12999], "line=13001 ") != NULL);
		CHECK(strstr(d.lines[12999], " rid=" VM "12999 status=Healthy") != NULL);
		CHECK(strstr(d.lines[12998], " rid=" VM "12998 status=Unhealthy") != NULL);
	}
	dump_release(&d);
	pst_sources_release(&ing);
	strbuf_release(&sb);
}

/* Issue 15: UTF-16 and UTF-32 to UTF-8: surrogate pairs joined, a lone
 * surrogate or a cut unit becomes U+FFFD, a tiny caller buffer still gets
 * whole characters. */
static void test_transcode(void)
{
	static const unsigned char le[] = {'a', 0, 0xE9, 0, 0x3D, 0xD8, 0x00, 0xDE, 0x00, 0xD8, 'b', 0, 'c'};
	static const unsigned char be32[] = {0, 0, 0, 'x', 0, 1, 0xF6, 0x00, 0, 0x11, 0, 0};
	struct pst_error err;
	unsigned char out[64], one[4];
	size_t got = 0, k = 0, n;
	struct pst_enc *e = pst_enc_new(PST_ENC_UTF16LE, le, sizeof(le));
	size_t bom;

	CHECK_INT(pst_enc_read(e, NULL, out, sizeof(out), &got, &err), PST_OK);
	CHECK_INT(got, 14);
	CHECK(memcmp(out, "a\xC3\xA9\xF0\x9F\x98\x80\xEF\xBF\xBD" "b\xEF\xBF\xBD", 14) == 0);
	pst_enc_free(e);
	e = pst_enc_new(PST_ENC_UTF32BE, be32, sizeof(be32));
	do { /* one byte at a time */
		CHECK_INT(pst_enc_read(e, NULL, one, 1, &n, &err), PST_OK);
		if (n && k < sizeof(out))
			out[k++] = one[0];
	} while (n);
	CHECK_INT(k, 8);
	CHECK(memcmp(out, "x\xF0\x9F\x98\x80\xEF\xBF\xBD", 8) == 0);
	pst_enc_free(e);
	CHECK_INT(pst_enc_detect((const unsigned char *)"\xFF\xFE\0\0", 4, &bom), PST_ENC_UTF32LE);
	CHECK_INT(bom, 4);
	CHECK_INT(pst_enc_detect((const unsigned char *)"\xFE\xFFx", 3, &bom), PST_ENC_UTF16BE);
	CHECK_INT(pst_enc_detect((const unsigned char *)"abc", 3, &bom), PST_ENC_UTF8);
	CHECK(pst_enc_looks_utf16((const unsigned char *)"a\0b\0c\0d\0e\0f\0g\0h\0", 16));
	CHECK(!pst_enc_looks_utf16((const unsigned char *)"abcdefghijklmnop", 16));
}

/* Issue 15: the cap warning is per file and near a cap (13,000 or 25,000
 * rows), not for any larger count. */
static void test_portal_cap_window(void)
{
	unsigned cap = 0;

	CHECK(pst_portal_at_cap(13000, &cap) && cap == 13000);
	CHECK(pst_portal_at_cap(12950, &cap) && cap == 13000);
	CHECK(pst_portal_at_cap(25000, &cap) && cap == 25000);
	CHECK(!pst_portal_at_cap(12000, NULL));
	CHECK(!pst_portal_at_cap(18000, NULL));
	CHECK(!pst_portal_at_cap(45226, NULL));
}

int main(void)
{
	RUN(test_portal_cap_window);
	RUN(test_transcode);
	RUN(test_defectdojo_many);
	RUN(test_defectdojo_zero);
	RUN(test_portal_27);
	RUN(test_portal_quoting);
	RUN(test_portal_bad_rows);
	RUN(test_portal_missing_column);
	RUN(test_unknown_header);
	RUN(test_invalid_utf8);
	RUN(test_time_shapes);
	RUN(test_portal_13000);
	return check_summary();
}
