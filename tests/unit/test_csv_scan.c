/* test_csv_scan.c: the RFC 4180 record scanner on its own, fed from
 * memory in whole or one byte at a time (every chunk boundary). */
#include "check.h"
#include "../../src/ingest/csv/csv_scan.h"
#include "posture/strbuf.h"

struct mem {
	const char *data;
	size_t len, pos, step; /* step: bytes per read (0 = all) */
};

static int mem_read(void *ctx, void *buf, size_t n, size_t *got, struct pst_error *err)
{
	struct mem *m = ctx;
	size_t k = m->len - m->pos;

	(void)err;
	if (m->step && k > m->step)
		k = m->step;
	if (k > n)
		k = n;
	memcpy(buf, m->data + m->pos, k);
	m->pos += k;
	*got = k;
	return PST_OK;
}

/* Scans data and writes each record as "LINE:cell|cell" or "LINE:!error",
 * records separated by ";". */
static void scan_to(struct strbuf *out, const char *data, size_t len, size_t step, size_t cap)
{
	struct mem m = {data, len, 0, step};
	struct pst_csv_scan s;
	struct pst_csv_record rec;
	struct pst_error err;
	bool more = true;
	size_t i;

	pst_csv_scan_init(&s, mem_read, &m, cap);
	while (pst_csv_scan_next(&s, &rec, &more, &err) == PST_OK && more) {
		strbuf_addf(out, "%s%llu:", out->len ? ";" : "", (unsigned long long)rec.line);
		if (rec.error)
			strbuf_addf(out, "!%s", rec.error);
		for (i = 0; i < rec.n; i++)
			strbuf_addf(out, "%s%s", i ? "|" : "", rec.cells[i]);
	}
	pst_csv_scan_release(&s);
}

/* The same result whole and byte by byte. */
static void check_scan(const char *data, const char *want)
{
	struct strbuf whole = STRBUF_INIT, bytes = STRBUF_INIT;

	scan_to(&whole, data, strlen(data), 0, 1000);
	scan_to(&bytes, data, strlen(data), 1, 1000);
	CHECK_STR(strbuf_cstr(&whole), want);
	CHECK_STR(strbuf_cstr(&bytes), want);
	strbuf_release(&whole);
	strbuf_release(&bytes);
}

static void test_basic(void)
{
	check_scan("a,b,c\n1,2,3\n", "1:a|b|c;2:1|2|3");
	check_scan("a,b,c\n1,2,3", "1:a|b|c;2:1|2|3");
	check_scan("a,,c,\n", "1:a||c|");
	check_scan("", "");
	check_scan("\n\n", "");
	check_scan("x\n\n\ny\n", "1:x;4:y");
}

static void test_bom_crlf(void)
{
	check_scan("\xEF\xBB\xBF\"a\",\"b\"\r\n\"1\",\"2\"\r\n", "1:a|b;2:1|2");
	check_scan("a,b\r\n\r\n1,2\r\n", "1:a|b;3:1|2");
	/* a BOM at the start of a later line (files joined with cat) is
	 * skipped (issue 15); inside a line it is data */
	check_scan("a\n\xEF\xBB\xBFz\n", "1:a;2:z");
	check_scan("a\n\xEF\xBB\xBFz,\xEF\xBB\xBFy\n", "1:a;2:z|\xEF\xBB\xBFy");
	check_scan("a\n\xEF\xBD\xA1z\n", "1:a;2:\xEF\xBD\xA1z"); /* U+FF61 at a line start stays */
	/* CR alone ends lines (Excel for Mac), CRLF and LF too, in one file */
	check_scan("a,b\r1,2\r3,4\r", "1:a|b;2:1|2;3:3|4");
	check_scan("a,b\r\r1,2\n3,4\r\n5,6", "1:a|b;3:1|2;4:3|4;5:5|6");
	check_scan("\"x\ry\",b\r1,2\r", "1:x\ry|b;2:1|2");
}

static void test_quotes(void)
{
	check_scan("\"say \"\"hi\"\"\",x\n", "1:say \"hi\"|x");
	check_scan("\"\",\"\"\"\"\n", "1:|\"");
	check_scan("\"a,b\",c\n", "1:a,b|c");
	/* newlines inside quotes: the next record's line counts them */
	check_scan("\"one\ntwo\",x\nnext,y\n", "1:one\ntwo|x;3:next|y");
	check_scan("\"one\r\ntwo\",x\r\nnext,y\r\n", "1:one\r\ntwo|x;3:next|y");
}

static void test_broken(void)
{
	check_scan("ab\"c,d\nok,1\n", "1:!broken quote at line 1, column 3: a quote inside an unquoted field;2:ok|1");
	check_scan("\"ab\"c,d\nok,1\n", "1:!broken quote at line 1, column 5: text after a closing quote;2:ok|1");
	check_scan("ok,1\n\"open,2\nmore\n", "1:ok|1;2:!unterminated quoted field starting at line 2");
	check_scan("x,\"a\nb\",\"c\nd\n", "1:!unterminated quoted field starting at line 2");
}

static void test_nul(void)
{
	const char data[] = "a,b\nc\0d,e\nf,g\n";
	struct strbuf out = STRBUF_INIT;

	scan_to(&out, data, sizeof(data) - 1, 0, 1000);
	CHECK_STR(strbuf_cstr(&out), "1:a|b;2:!NUL byte at line 2, column 2;3:f|g");
	strbuf_release(&out);
}

static void test_cap(void)
{
	struct strbuf out = STRBUF_INIT, big = STRBUF_INIT;
	size_t i;

	for (i = 0; i < 100; i++)
		strbuf_addch(&big, 'x');
	strbuf_addstr(&big, ",\"quoted\n");
	for (i = 0; i < 100; i++)
		strbuf_addch(&big, 'y');
	strbuf_addstr(&big, "\"\nsmall,1\n");
	scan_to(&out, big.buf, big.len, 7, 64);
	CHECK_STR(strbuf_cstr(&out), "1:!record longer than the 64-byte limit;3:small|1");
	strbuf_release(&out);
	strbuf_release(&big);
}

static void test_many_fields(void)
{
	struct strbuf out = STRBUF_INIT, line = STRBUF_INIT;
	size_t i;

	for (i = 0; i < PST_CSV_MAX_FIELDS + 5; i++)
		strbuf_addch(&line, ',');
	strbuf_addstr(&line, "\na,b\n");
	scan_to(&out, line.buf, line.len, 0, 1u << 20);
	CHECK_STR(strbuf_cstr(&out), "1:!more than 4096 fields;2:a|b");
	strbuf_release(&out);
	strbuf_release(&line);
}

static void test_offsets(void)
{
	const char *data = "\xEF\xBB\xBFh1,h2\r\n\"v\n1\",2\r\nv2,3";
	struct mem m = {data, strlen(data), 0, 0};
	struct pst_csv_scan s;
	struct pst_csv_record rec;
	struct pst_error err;
	bool more;

	pst_csv_scan_init(&s, mem_read, &m, 1000);
	CHECK_INT(pst_csv_scan_next(&s, &rec, &more, &err), PST_OK);
	CHECK(more);
	CHECK_INT(rec.offset, 3);
	CHECK_INT(rec.index, 0);
	CHECK_INT(pst_csv_scan_next(&s, &rec, &more, &err), PST_OK);
	CHECK_INT(rec.offset, 10);
	CHECK_INT(rec.line, 2);
	CHECK_INT(pst_csv_scan_next(&s, &rec, &more, &err), PST_OK);
	CHECK_INT(rec.offset, 19);
	CHECK_INT(rec.line, 4);
	CHECK_INT(rec.index, 2);
	CHECK_INT(pst_csv_scan_next(&s, &rec, &more, &err), PST_OK);
	CHECK(!more);
	pst_csv_scan_release(&s);
}

int main(void)
{
	RUN(test_basic);
	RUN(test_bom_crlf);
	RUN(test_quotes);
	RUN(test_broken);
	RUN(test_nul);
	RUN(test_cap);
	RUN(test_many_fields);
	RUN(test_offsets);
	return check_summary();
}
