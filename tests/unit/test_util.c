/* test_util.c: time parsing and formatting, SHA-256, UTF-8, strbuf, ids. */
#include <math.h>
#include <stdlib.h>
#include "check.h"
#include "posture/csvw.h"
#include "posture/diagnostics.h"
#include "posture/jsonw.h"
#include "posture/record.h"
#include "posture/sha256.h"
#include "posture/strbuf.h"
#include "posture/timeutil.h"
#include "posture/utf8.h"

static const char *fmt(pst_time t)
{
	static char buf[PST_TIME_BUF];

	return pst_time_format(t, buf, sizeof(buf));
}

static pst_time parse(const char *s)
{
	pst_time t = PST_TIME_NONE;

	if (!pst_time_parse_str(s, &t))
		return PST_TIME_NONE;
	return t;
}

static void test_time_shapes(void)
{
	CHECK_STR(fmt(parse("2023-05-09T13:19:49.3381028Z")), "2023-05-09T13:19:49Z");
	CHECK_INT(parse("2023-05-09T13:19:49.3381028Z") % 1000, 338);
	CHECK_STR(fmt(parse("2025-08-21T00:00:00")), "2025-08-21T00:00:00Z");
	CHECK_STR(fmt(parse("2024-11-20T08:32:12.950321Z")), "2024-11-20T08:32:12Z");
	CHECK_STR(fmt(parse("2021-09-28T16:01:10.373Z")), "2021-09-28T16:01:10Z");
	CHECK_STR(fmt(parse("2026-10-31T08:00:00+02:00")), "2026-10-31T06:00:00Z");
	CHECK_STR(fmt(parse("2026-10-31")), "2026-10-31T00:00:00Z");
	CHECK_STR(fmt(parse("11/13/2024 11:40:48 PM")), "2024-11-13T23:40:48Z");
	CHECK_STR(fmt(parse("10/31/2026 6:00:12 AM")), "2026-10-31T06:00:12Z");
	CHECK_STR(fmt(parse("12/01/2026 12:05:00 AM")), "2026-12-01T00:05:00Z");
	CHECK_STR(fmt(parse("03/2022")), "2022-03-01T00:00:00Z");
	CHECK_STR(fmt(parse("02/29/2024")), "2024-02-29T00:00:00Z");
	CHECK_STR(fmt(parse(" 2026-01-02 03:04:05 ")), "2026-01-02T03:04:05Z");
	CHECK_INT(parse("02/30/2024"), PST_TIME_NONE);
	CHECK_INT(parse("2026-13-01"), PST_TIME_NONE);
	CHECK_INT(parse("yesterday"), PST_TIME_NONE);
	CHECK_INT(parse(""), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31T25:00:00Z"), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31Tjunk"), PST_TIME_NONE);
}

/* Issue 15: invalid dates, zones, leap seconds; the formatter always
 * writes a whole value. */
static void test_time_hardening(void)
{
	char buf[PST_TIME_BUF];

	CHECK_INT(parse("0000-00-00"), PST_TIME_NONE);
	CHECK_INT(parse("2026-02-30"), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31T06:00:00+99:99"), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31T06:00:00+14:01"), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31T06:00:00-15:00"), PST_TIME_NONE);
	CHECK_INT(parse("2026-10-31T06:00:00+02:6"), PST_TIME_NONE);
	CHECK_STR(fmt(parse("2026-10-31T14:00:00+14:00")), "2026-10-31T00:00:00Z");
	CHECK_STR(fmt(parse("2026-10-31T00:00:00-14:00")), "2026-10-31T14:00:00Z");
	CHECK_INT(parse("2026-10-31T06:30:60Z"), PST_TIME_NONE);
	CHECK_INT(parse("10/31/2026 6:30:60 AM"), PST_TIME_NONE);
	CHECK_STR(fmt(parse("2016-12-31T23:59:60Z")), "2017-01-01T00:00:00Z");
	CHECK_STR(fmt(parse("9999-12-31T23:59:60Z")), "+10000-01-01T00:00:00Z");
	/* an offset that carries the time out of 1900 .. 9999 (fuzz_time found the first) */
	CHECK_INT(parse("9999-12-31T23:05,9-1222"), PST_TIME_NONE);
	CHECK_INT(parse("9999-12-31T23:00:00-01:00"), PST_TIME_NONE);
	CHECK_STR(fmt(parse("9999-12-31T23:00:00+01:00")), "9999-12-31T22:00:00Z");
	CHECK_INT(parse("1900-01-01T00:00:00+01:00"), PST_TIME_NONE);
	CHECK_STR(fmt(parse("1900-01-01T00:00:00-01:00")), "1900-01-01T01:00:00Z");
	CHECK_STR(fmt(PST_TIME_MAX), "9999-12-31T23:59:59Z");
	CHECK_STR(fmt(PST_TIME_MAX + 1), "+10000-01-01T00:00:00Z");
	CHECK_STR(fmt(pst_time_make(-1, 12, 31, 0, 0, 0)), "-0001-12-31T00:00:00Z");
	CHECK_STR(pst_date_format(PST_TIME_MAX + 1, buf, sizeof(buf)), "+10000-01-01");
	memset(buf, 'x', sizeof(buf));
	pst_time_format(PST_TIME_NONE, buf, sizeof(buf));
	CHECK_STR(buf, "");
	CHECK_STR(buf + 11, "");
	CHECK(!pst_time_plausible_option(-1));
	CHECK(pst_time_plausible_option(0));
	CHECK(pst_time_plausible_option(PST_TIME_MAX));
	CHECK(!pst_time_plausible_option(PST_TIME_MAX + 1));
	CHECK(!pst_time_plausible_option(PST_TIME_NONE));
}

static void test_time_names(void)
{
	pst_time t;

	CHECK(pst_time_from_name("exports/AzureSecurityCenterRecommendations_2022-12-12T00_41_36Z.csv", &t));
	CHECK_STR(fmt(t), "2022-12-12T00:41:36Z");
	CHECK(pst_time_from_name("2026-09/snapshot-2026-10-31.ndjson", &t));
	CHECK_STR(fmt(t), "2026-10-31T00:00:00Z");
	CHECK(pst_time_from_name("ns/hub/0/2026/10/31/06/00/12.avro", &t));
	CHECK_STR(fmt(t), "2026-10-31T06:00:12Z");
	CHECK(pst_time_from_name("scores_20261031.json", &t));
	CHECK_STR(fmt(t), "2026-10-31T00:00:00Z");
	CHECK(!pst_time_from_name("recommendation-event.json", &t));
	CHECK(!pst_time_from_name("id-12345678901.json", &t));
}

static void test_months(void)
{
	pst_time a, b;

	CHECK(pst_period_parse("2026-12", &a, &b));
	CHECK_STR(fmt(a), "2026-12-01T00:00:00Z");
	CHECK_STR(fmt(b), "2027-01-01T00:00:00Z");
	CHECK(!pst_period_parse("2026-1", &a, &b));
	CHECK(!pst_period_parse("2026-00", &a, &b));
	CHECK_STR(fmt(pst_month_start(parse("2026-03-31T23:59:59Z"))), "2026-03-01T00:00:00Z");
	CHECK_STR(fmt(parse("1969-12-31T23:59:59Z")), "1969-12-31T23:59:59Z");
}

static void test_sha256(void)
{
	struct pst_sha256 c;
	char hex[PST_SHA256_HEX];
	int i;

	pst_sha256_init(&c);
	pst_sha256_hex(&c, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	pst_sha256_init(&c);
	pst_sha256_update(&c, "abc", 3);
	pst_sha256_hex(&c, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	pst_sha256_init(&c);
	for (i = 0; i < 1000; i++)
		pst_sha256_update(&c, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 100);
	pst_sha256_update(&c, "", 0);
	pst_sha256_hex(&c, hex);
	/* one hundred thousand 'a' */
	CHECK_STR(hex, "6d1cf22d7cc09b085dfc25ee1a1f3ae0265804c607bc2074ad253bcc82fd81ee");
	CHECK(c.ctx == NULL); /* final freed libcrypto's context */
	pst_sha256_init(&c);
	pst_sha256_update(&c, "abandoned", 9);
	pst_sha256_release(&c); /* an abandoned context: freed, and release again is a no-op */
	pst_sha256_release(&c);
	CHECK(c.ctx == NULL);
}

static void test_utf8(void)
{
	struct strbuf sb = STRBUF_INIT;
	size_t bad = 0;

	CHECK(pst_utf8_valid("\xC3\x89quipe r\xC3\xA9seau", 15, NULL));
	CHECK(!pst_utf8_valid("ab\xC3", 3, &bad));
	CHECK_INT(bad, 2);
	CHECK(!pst_utf8_valid("\xED\xA0\x80", 3, NULL)); /* surrogate */
	CHECK(!pst_utf8_valid("\xC0\xAF", 2, NULL));     /* overlong */
	CHECK(!pst_utf8_valid("\xF4\x90\x80\x80", 4, NULL));
	pst_utf8_sanitize(&sb, "\x01", 1); /* nothing appended: still a C string */
	CHECK(sb.buf != NULL && sb.buf[0] == '\0');
	pst_utf8_sanitize(&sb, "a\xFF" "b\x01" "c", 5);
	CHECK_STR(sb.buf, "a\xEF\xBF\xBD" "bc");
	CHECK_INT(pst_utf8_cut("\xC3\x89t\xC3\xA9", 5, 4), 3);
	CHECK_INT(pst_utf8_cut("\xC3\x89t\xC3\xA9", 5, 1), 0);
	strbuf_release(&sb);
}

static void test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;
	int i;

	CHECK_STR(strbuf_cstr(&sb), "");
	for (i = 0; i < 1000; i++)
		strbuf_addf(&sb, "%d,", i);
	CHECK_INT(sb.len, 3890);
	CHECK(memcmp(sb.buf + sb.len - 4, "999,", 4) == 0);
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "x");
	s = strbuf_detach(&sb);
	CHECK_STR(s, "x");
	CHECK(sb.buf == NULL);
	free(s);
}

static void test_ids(void)
{
	const char *s;
	size_t n;
	char type[128];
	const char *vm = "/subscriptions/SUB-1/resourcegroups/RG1/providers/Microsoft.Compute/virtualMachines/vm1";

	CHECK(pst_id_subscription(vm, &s, &n));
	CHECK(n == 5 && memcmp(s, "SUB-1", 5) == 0);
	CHECK(pst_id_resource_group(vm, &s, &n));
	CHECK(n == 3 && memcmp(s, "RG1", 3) == 0);
	CHECK(pst_id_last_segment(vm, &s, &n));
	CHECK(n == 3 && memcmp(s, "vm1", 3) == 0);
	CHECK(pst_id_resource_type(vm, type, sizeof(type)));
	CHECK_STR(type, "microsoft.compute/virtualmachines");
	CHECK(pst_id_resource_type("/subscriptions/s/resourceGroups/r/providers/Microsoft.Sql/servers/a/databases/b",
	                           type, sizeof(type)));
	CHECK_STR(type, "microsoft.sql/servers/databases");
	CHECK(pst_id_resource_type("/subscriptions/s", type, sizeof(type)));
	CHECK_STR(type, "microsoft.resources/subscriptions");
	CHECK(pst_id_subscription("subscriptions/abc/resourceGroups/x", &s, &n));
	CHECK_INT(n, 3);
	CHECK(!pst_id_subscription("/providers/Microsoft.Security/assessmentMetadata/k", &s, &n));
	CHECK(!pst_id_resource_type("garbage", type, sizeof(type)));
}

static void test_enums(void)
{
	CHECK_INT(pst_status_parse("Not Applicable"), PST_ST_NOT_APPLICABLE);
	CHECK_INT(pst_status_parse("unhealthy"), PST_ST_UNHEALTHY);
	CHECK_INT(pst_status_parse("bogus"), PST_ST_UNKNOWN);
	CHECK_INT(pst_severity_parse("HIGH"), PST_SEV_HIGH);
	CHECK_INT(pst_severity_parse("Informational"), PST_SEV_INFO);
	CHECK(PST_SEV_HIGH > PST_SEV_MEDIUM && PST_SEV_MEDIUM > PST_SEV_LOW);
	CHECK_STR(pst_rec_type_name(PST_REC_SCORE_CONTROL), "score_control");
}

static void test_doubles(void)
{
	char buf[PST_DOUBLE_BUF];

	CHECK_STR(pst_format_double(10, buf, sizeof(buf)), "10");
	CHECK_STR(pst_format_double(-0.0, buf, sizeof(buf)), "0");
	CHECK_STR(pst_format_double(0.6033, buf, sizeof(buf)), "0.6033");
	CHECK_STR(pst_format_double(23.53, buf, sizeof(buf)), "23.53");
	CHECK_STR(pst_format_double(0.1 + 0.2, buf, sizeof(buf)), "0.30000000000000004");
	CHECK_STR(pst_format_double(1e20, buf, sizeof(buf)), "1e+20");
	CHECK_STR(pst_format_double(-58, buf, sizeof(buf)), "-58");
}

static void test_writers(void)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	struct pst_csvw cw;
	struct pst_jsonw jw;

	pst_csvw_init(&cw, f);
	pst_csvw_field(&cw, "=cmd()");
	pst_csvw_field(&cw, "a,b");
	pst_csvw_field(&cw, "say \"hi\"");
	pst_csvw_double(&cw, 0.6033);
	pst_csvw_double(&cw, NAN);
	pst_csvw_end(&cw);
	fflush(f);
	CHECK_STR(buf, "'=cmd(),\"a,b\",\"say \"\"hi\"\"\",0.6033,\n");
	fclose(f);
	free(buf);
	/* issue 15: the guard applies after control characters are dropped */
	buf = NULL;
	f = open_memstream(&buf, &len);
	pst_csvw_init(&cw, f);
	pst_csvw_field(&cw, "\x01=1+2");
	pst_csvw_field(&cw, "\x1b=HYPERLINK(1)");
	pst_csvw_field(&cw, "\x7f+1");
	pst_csvw_field(&cw, "\x01\x02");
	pst_csvw_field(&cw, "\x01@SUM(1)");
	pst_csvw_end(&cw);
	fflush(f);
	CHECK_STR(buf, "'=1+2,'=HYPERLINK(1),'+1,,'@SUM(1)\n");
	fclose(f);
	free(buf);
	buf = NULL;
	f = open_memstream(&buf, &len);
	pst_jsonw_init(&jw, f);
	pst_jsonw_object_begin(&jw);
	pst_jsonw_kv_string(&jw, "a", "x\"\n\xFF");
	pst_jsonw_key(&jw, "b");
	pst_jsonw_array_begin(&jw);
	pst_jsonw_int(&jw, 1);
	pst_jsonw_double(&jw, 0.1);
	pst_jsonw_array_end(&jw);
	pst_jsonw_key(&jw, "c");
	pst_jsonw_array_begin(&jw);
	pst_jsonw_array_end(&jw);
	pst_jsonw_object_end(&jw);
	pst_jsonw_finish(&jw);
	fflush(f);
	CHECK_STR(buf, "{\n  \"a\": \"x\\\"\\n\xEF\xBF\xBD\",\n  \"b\": [\n    1,\n    0.1\n  ],\n  \"c\": []\n}\n");
	fclose(f);
	free(buf);
}

/* A list keeps its first max but counts all; each diagnostic says the
 * records it stands for, and a copy keeps that (the review's Data quality
 * adds them up to the count: review_build_quality.c). */
static void test_diags_records(void)
{
	struct pst_diags d, all;
	struct pst_diag *g;
	int i;

	pst_diags_init(&d, 3);
	pst_diags_init(&all, 0);
	for (i = 0; i < 5; i++)
		pst_diags_add(&d, PST_DC_BAD_RECORD, &(struct pst_diag_place){NULL, (uint64_t)i + 1, 0, 0}, "bad %d", i);
	pst_diags_add(&d, PST_DC_READ_WARNING, NULL, "a warning");
	CHECK_INT(d.n, 3);
	CHECK_INT(d.count[PST_DIAG_REJECTED], 5);
	CHECK_INT(d.items[0].records, 1);
	CHECK_INT(pst_diags_rejected_listed(&d), 3);
	d.items[2].records = 17; /* a report folding 17 (ingest_gzip.c) */
	CHECK_INT(pst_diags_rejected_listed(&d), 19);
	CHECK(!pst_diag_whole_file(&d.items[0]));
	g = pst_diags_add(&all, PST_DC_READ_WARNING, NULL, "w");
	CHECK_INT(g->records, 0);
	CHECK(pst_diag_whole_file(g));
	pst_diags_append(&all, &d);
	CHECK_INT(all.n, 4);
	CHECK_INT(all.items[3].records, 17);
	CHECK_INT(pst_diags_rejected_listed(&all), 19);
	CHECK_INT(all.count[PST_DIAG_REJECTED], 5);
	pst_diags_release(&d);
	pst_diags_release(&all);
}

int main(void)
{
	RUN(test_time_shapes);
	RUN(test_diags_records);
	RUN(test_time_names);
	RUN(test_time_hardening);
	RUN(test_months);
	RUN(test_sha256);
	RUN(test_utf8);
	RUN(test_strbuf);
	RUN(test_ids);
	RUN(test_enums);
	RUN(test_doubles);
	RUN(test_writers);
	return check_summary();
}
