/* test_xlsx.c: the workbook toolkit.  Without arguments: unit checks.
 * With "--demo DIR": writes the demonstration workbooks that
 * tests/sh/test_xlsx.sh reads back with openpyxl:
 *   demo.xlsx     Summary (key figures, 2 charts), Changes, Sources?
 *   demo-cm.xlsx  the same in constant-memory mode, 1,000 rows per sheet
 *   links.xlsx    65,532 links on one sheet (constant memory), the first
 *                 two 2,079 and 2,080 characters long
 *   few-links.xlsx  3 links, at most 2 per sheet; sheets Links, LINKS (2) */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "check.h"
#include "posture/utf8.h"
#include "posture/xlsx_book.h"
#include "test_file_util.h"

#define DEMO_ROWS 2500
#define LINK_ROWS 65532
#define BIG_CELL 40000

static pst_time created(void)
{
	return pst_time_make(2026, 11, 1, 6, 0, 0);
}

static int demo_summary(struct pst_xlsx_book *book, struct pst_error *err)
{
	static const char *const score[] = {"Secure score"};
	static const char *const sev[] = {"High", "Medium", "Low"};
	static const char *const teams[] = {"Network", "Platform", "Apps"};
	static const uint32_t colors[] = {PST_XLSX_COLOR_HIGH, PST_XLSX_COLOR_MEDIUM, PST_XLSX_COLOR_LOW};
	struct pst_xlsx_chart_spec line = {PST_XLSX_CHART_LINE, "Secure score", "Month", "Score %", NULL, 1, 4, 0};
	struct pst_xlsx_chart_spec cols = {PST_XLSX_CHART_COLUMN_STACKED, "=Open findings", NULL, "Findings",
	                                   colors, 18, 4, 0};
	struct pst_xlsx_sheet *s;
	struct pst_xlsx_data d;
	int i, rc = pst_xlsx_sheet_add(book, "Summary", &s, err);

	rc = rc ? rc : pst_xlsx_sheet_title(s, "Security review 2026-10", err);
	rc = rc ? rc : pst_xlsx_keyfig(s, "Secure score", 63.45, PST_XLSX_FMT_SCORE, err);
	rc = rc ? rc : pst_xlsx_keyfig(s, "Change", 0.021, PST_XLSX_FMT_PERCENT, err);
	rc = rc ? rc : pst_xlsx_keyfig(s, "Open findings", 1234, PST_XLSX_FMT_COUNT, err);
	rc = rc ? rc : pst_xlsx_keyfig_text(s, "Period", "2026-10", err);
	rc = rc ? rc : pst_xlsx_sheet_skip(s, 1, err);
	rc = rc ? rc : pst_xlsx_data_begin(s, "Month", score, 1, &d, err);
	for (i = 0; i < 12 && rc == PST_OK; i++) {
		char month[16];
		double v = 50.0 + i;

		snprintf(month, sizeof(month), "%04d-%02d", 2025 + (i + 10) / 12, (i + 10) % 12 + 1);
		rc = pst_xlsx_data_row(&d, month, &v, PST_XLSX_FMT_SCORE, err);
	}
	rc = rc ? rc : pst_xlsx_chart_add(&d, &line, err);
	rc = rc ? rc : pst_xlsx_sheet_skip(s, 1, err);
	rc = rc ? rc : pst_xlsx_data_begin(s, "Team", sev, 3, &d, err);
	for (i = 0; i < 3 && rc == PST_OK; i++) {
		double v[3] = {i + 1.0, 2.0 * (i + 1), 3.0 * (i + 1)};

		rc = pst_xlsx_data_row(&d, teams[i], v, NULL, err);
	}
	return rc ? rc : pst_xlsx_chart_add(&d, &cols, err);
}

static const struct pst_xlsx_column changes_cols[] = {
	{"Class", PST_XLSX_TEXT, NULL, 0},         {"Team", PST_XLSX_TEXT, NULL, 0},
	{"Resource", PST_XLSX_TEXT, NULL, 40},     {"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Score", PST_XLSX_NUMBER, "0.0", 0},      {"Share", PST_XLSX_NUMBER, "0.00%", 0},
	{"Age (days)", PST_XLSX_INTEGER, NULL, 0}, {"Due", PST_XLSX_DATE, NULL, 0},
	{"Overdue", PST_XLSX_FLAG, NULL, 0},       {"Fixed", PST_XLSX_BOOL, NULL, 0},
	{"Portal", PST_XLSX_LINK, NULL, 0},
};

/* The special cells: row r (1-based) of Changes. */
static const char *resource_text(int r, struct strbuf *sb)
{
	strbuf_reset(sb);
	if (r == 1)
		return "=1+1";
	if (r == 2) {
		for (int i = 0; i < BIG_CELL; i++)
			strbuf_addch(sb, 'a' + i % 26);
		return sb->buf;
	}
	if (r == 3)
		return "bad\xff\xfe" "byte";
	strbuf_addf(sb, "vm-%05d", r);
	return sb->buf;
}

static const char *portal_url(int r, struct strbuf *sb)
{
	strbuf_reset(sb);
	if (r == 4) { /* too long for Excel: stays text */
		strbuf_addstr(sb, "https://portal.azure.com/");
		for (int i = 0; i < 2100; i++)
			strbuf_addch(sb, 'x');
		return sb->buf;
	}
	strbuf_addf(sb, "portal.azure.com/#@contoso/resource/vm-%05d", r);
	return sb->buf;
}

static int demo_row(struct pst_xlsx_table *t, int r, struct strbuf *a, struct strbuf *b, struct pst_error *err)
{
	static const char *const sev[] = {"High", "Medium", "Low"};
	pst_time due = r == 5 ? PST_TIME_NONE : pst_time_make(2026, 11, 15, 0, 0, 0);
	int rc = pst_xlsx_row_begin(t, err);

	rc = rc ? rc : pst_xlsx_add_text(t, r % 2 ? "remediated" : "regressed", err);
	rc = rc ? rc : pst_xlsx_add_text(t, "Platform", err);
	rc = rc ? rc : pst_xlsx_add_text(t, resource_text(r, a), err);
	rc = rc ? rc : pst_xlsx_add_text(t, sev[r % 3], err);
	rc = rc ? rc : pst_xlsx_add_number(t, r == 5 ? NAN : 12.25, err);
	rc = rc ? rc : pst_xlsx_add_number(t, 0.125, err);
	rc = rc ? rc : pst_xlsx_add_int(t, r, err);
	rc = rc ? rc : pst_xlsx_add_date(t, due, err);
	rc = rc ? rc : pst_xlsx_add_bool(t, r % 4 == 0, err);
	rc = rc ? rc : pst_xlsx_add_bool(t, true, err);
	rc = rc ? rc : pst_xlsx_add_link(t, portal_url(r, b), r == 4 ? NULL : "open", err);
	return rc ? rc : pst_xlsx_row_end(t, err);
}

static int demo_tables(struct pst_xlsx_book *book, struct pst_error *err)
{
	static const struct pst_xlsx_column src_cols[] = {{"File", PST_XLSX_TEXT, NULL, 0},
	                                                  {"Records", PST_XLSX_INTEGER, "#,##0", 0}};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	struct pst_xlsx_table *t;
	int r, rc = pst_xlsx_table_begin(book, "Changes", changes_cols, PST_ARRAY_LEN(changes_cols), &t, err);

	for (r = 1; r <= DEMO_ROWS && rc == PST_OK; r++)
		rc = demo_row(t, r, &a, &b, err);
	rc = rc ? rc : pst_xlsx_table_end(t, err);
	rc = rc ? rc : pst_xlsx_table_begin(book, "Sources?", src_cols, 2, &t, err);
	rc = rc ? rc : pst_xlsx_row_begin(t, err);
	rc = rc ? rc : pst_xlsx_add_text(t, "exports/oct.json", err);
	rc = rc ? rc : pst_xlsx_add_int(t, 123456, err);
	rc = rc ? rc : pst_xlsx_row_end(t, err); /* left open: book_close ends it */
	strbuf_release(&a);
	strbuf_release(&b);
	return rc;
}

static int write_demo(const char *path, bool constant_memory, uint32_t max_rows, struct pst_error *err)
{
	struct pst_xlsx_options opt = {
		.title = "Posture demo", .constant_memory = constant_memory, .max_rows = max_rows};
	struct pst_xlsx_book *book;
	int rc;

	opt.created = created();
	rc = pst_xlsx_book_open(&book, path, &opt, err);
	if (rc)
		return rc;
	rc = demo_summary(book, err);
	rc = rc ? rc : demo_tables(book, err);
	if (rc) {
		pst_xlsx_book_abort(book);
		return rc;
	}
	return pst_xlsx_book_close(book, err);
}

static int write_links(const char *path, int rows, uint32_t max_links, struct pst_error *err)
{
	static const struct pst_xlsx_column cols[] = {{"Link", PST_XLSX_LINK, NULL, 0}};
	struct pst_xlsx_options opt = {.constant_memory = true, .max_links = max_links};
	struct pst_xlsx_book *book;
	struct pst_xlsx_table *t;
	struct strbuf url = STRBUF_INIT;
	int r, rc;

	opt.created = created();
	rc = pst_xlsx_book_open(&book, path, &opt, err);
	rc = rc ? rc : pst_xlsx_table_begin(book, "Links", cols, 1, &t, err);
	for (r = 1; r <= rows && rc == PST_OK; r++) {
		strbuf_reset(&url);
		strbuf_addf(&url, "https://example.com/%d", r);
		while (rows > 3 && r <= 2 && url.len < PST_XLSX_MAX_URL - 1 + (size_t)r) /* 2,079 and 2,080 */
			strbuf_addch(&url, 'x');
		rc = pst_xlsx_row_begin(t, err);
		rc = rc ? rc : pst_xlsx_add_link(t, url.buf, NULL, err);
		rc = rc ? rc : pst_xlsx_row_end(t, err);
	}
	strbuf_release(&url);
	if (rc == PST_OK && max_links) /* a second sheet by the same name */
		rc = pst_xlsx_table_begin(book, "LINKS", cols, 1, &t, err);
	if (rc) {
		pst_xlsx_book_abort(book);
		return rc;
	}
	return pst_xlsx_book_close(book, err);
}

static char *join(const char *dir, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s", dir, name);
	return strbuf_detach(&sb);
}

static int write_all(const char *dir, struct pst_error *err)
{
	char *a = join(dir, "demo.xlsx"), *b = join(dir, "demo-cm.xlsx"), *c = join(dir, "links.xlsx");
	char *d = join(dir, "few-links.xlsx");
	int rc = write_demo(a, false, 0, err);

	rc = rc ? rc : write_demo(b, true, 1000, err);
	rc = rc ? rc : write_links(c, LINK_ROWS, 0, err);
	rc = rc ? rc : write_links(d, 3, 2, err);
	free(a);
	free(d);
	free(b);
	free(c);
	return rc;
}

static bool exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static void test_cell_text(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *big = xmalloc(BIG_CELL + 1);
	size_t i;

	pst_xlsx_cell_text(&sb, "=1+1", 4);
	CHECK_STR(sb.buf, "=1+1");
	strbuf_reset(&sb);
	pst_xlsx_cell_text(&sb, "a\xff" "b\x01" "c", 5);
	CHECK_STR(sb.buf, "a\xEF\xBF\xBD" "bc");
	memset(big, 'x', BIG_CELL);
	strbuf_reset(&sb);
	pst_xlsx_cell_text(&sb, big, BIG_CELL);
	CHECK_INT(sb.len, PST_XLSX_MAX_TEXT - 7 + strlen(PST_XLSX_CUT_MARK));
	CHECK(strcmp(sb.buf + sb.len - strlen(PST_XLSX_CUT_MARK), PST_XLSX_CUT_MARK) == 0);
	for (i = 0; i + 2 <= BIG_CELL; i += 2) /* "é" x 20,000: cut on a character */
		memcpy(big + i, "\xC3\xA9", 2);
	strbuf_reset(&sb);
	pst_xlsx_cell_text(&sb, big, BIG_CELL);
	CHECK(pst_utf8_valid(sb.buf, sb.len, NULL));
	CHECK_INT(sb.len, BIG_CELL); /* 20,000 characters fit */
	for (i = 0; i + 4 <= BIG_CELL; i += 4) /* U+1F600 x 10,000: 20,000 UTF-16 units */
		memcpy(big + i, "\xF0\x9F\x98\x80", 4);
	strbuf_reset(&sb);
	pst_xlsx_cell_text(&sb, big, BIG_CELL);
	CHECK_INT(sb.len, BIG_CELL);
	strbuf_release(&sb);
	free(big);
}

static const char *name(const char *in, unsigned n)
{
	static struct strbuf sb;

	strbuf_reset(&sb);
	pst_xlsx_sheet_name(&sb, in, n);
	return sb.buf;
}

static void test_sheet_names(void)
{
	CHECK_STR(name("Changes", 1), "Changes");
	CHECK_STR(name("Changes", 3), "Changes (3)");
	CHECK_STR(name("a[b]:c*d?e/f\\g", 1), "a_b__c_d_e_f_g");
	CHECK_STR(name("'quoted'", 1), "quoted");
	CHECK_STR(name("", 1), "Sheet");
	CHECK_STR(name(NULL, 2), "Sheet (2)");
	CHECK_STR(name("history", 1), "history_");
	CHECK_STR(name("A very long sheet name that goes past 31", 1), "A very long sheet name that goe");
	CHECK_STR(name("A very long sheet name that goes past 31", 12), "A very long sheet name tha (12)");
	CHECK_STR(name("\xC3\xA9t\xC3\xA9 2026 \xE2\x80\x94 \xC3\xA9quipe r\xC3\xA9seau et "
	               "s\xC3\xA9" "curit\xC3\xA9", 1),
	          "\xC3\xA9t\xC3\xA9 2026 \xE2\x80\x94 \xC3\xA9quipe r\xC3\xA9seau et s\xC3\xA9" "c");
}

static void test_serial(void)
{
	double v = 0;

	CHECK(pst_xlsx_serial(pst_time_make(1970, 1, 1, 0, 0, 0), &v));
	CHECK_DBL(v, 25569, 0);
	CHECK(pst_xlsx_serial(pst_time_make(2026, 11, 15, 12, 0, 0), &v));
	CHECK_DBL(v, 46341.5, 1e-9);
	CHECK(pst_xlsx_serial(pst_time_make(1900, 3, 1, 0, 0, 0), &v));
	CHECK_DBL(v, 61, 0);
	CHECK(!pst_xlsx_serial(pst_time_make(1900, 2, 28, 0, 0, 0), &v));
	CHECK(!pst_xlsx_serial(PST_TIME_NONE, &v));
}

static void test_demo(const char *dir)
{
	struct pst_error err = {0};
	char *other = join(dir, "again");
	char *a = join(dir, "demo.xlsx"), *a2 = join(other, "demo.xlsx");
	char *b = join(dir, "demo-cm.xlsx"), *b2 = join(other, "demo-cm.xlsx");

	CHECK_INT(write_demo(a, false, 0, &err), PST_OK);
	CHECK_INT(write_demo(b, true, 1000, &err), PST_OK);
	CHECK_INT(write_demo(a2, false, 0, &err), PST_OK);
	CHECK_INT(write_demo(b2, true, 1000, &err), PST_OK);
	CHECK(err.msg[0] == '\0');
	CHECK(same_file(a, a2));
	CHECK(same_file(b, b2));
	CHECK(!same_file(a, b));
	unlink(a);
	unlink(a2);
	unlink(b);
	unlink(b2);
	rmdir(other);
	free(a);
	free(a2);
	free(b);
	free(b2);
	free(other);
}

static void test_continuation(const char *dir)
{
	static const struct pst_xlsx_column cols[] = {{"N", PST_XLSX_INTEGER, NULL, 0}};
	struct pst_xlsx_options opt = {.constant_memory = true, .max_rows = 1000};
	struct pst_xlsx_book *book;
	struct pst_xlsx_table *t;
	struct pst_error err = {0};
	char *path = join(dir, "cont.xlsx");
	int r, rc;

	opt.created = created();
	rc = pst_xlsx_book_open(&book, path, &opt, &err);
	rc = rc ? rc : pst_xlsx_table_begin(book, "Changes", cols, 1, &t, &err);
	for (r = 0; r < 2001 && rc == PST_OK; r++) {
		rc = pst_xlsx_row_begin(t, &err);
		rc = rc ? rc : pst_xlsx_add_int(t, r, &err);
		rc = rc ? rc : pst_xlsx_row_end(t, &err);
	}
	CHECK_INT(rc, PST_OK);
	CHECK_INT(pst_xlsx_table_rows(t), 2001);
	CHECK_INT(pst_xlsx_table_sheets(t), 3);
	CHECK_INT(pst_xlsx_book_close(book, &err), PST_OK);
	CHECK(exists(path));
	unlink(path);
	free(path);
}

/* Misuse fails the book: close refuses and leaves no file. */
static void test_misuse(const char *dir)
{
	static const struct pst_xlsx_column cols[] = {{"When", PST_XLSX_DATE, NULL, 0}};
	struct pst_xlsx_options opt = {.created = 0};
	struct pst_xlsx_book *book = NULL;
	struct pst_xlsx_table *t;
	struct pst_error err = {0};
	char *path = join(dir, "misuse.xlsx");

	CHECK_INT(pst_xlsx_book_open(&book, path, &opt, &err), PST_ESOFTWARE); /* no creation time */
	CHECK(book == NULL);
	CHECK(strstr(err.msg, "creation time") != NULL);
	opt.created = created();
	CHECK_INT(pst_xlsx_book_open(&book, path, &opt, &err), PST_OK);
	CHECK_INT(pst_xlsx_table_begin(book, "T", cols, 1, &t, &err), PST_OK);
	CHECK_INT(pst_xlsx_add_int(t, 1, &err), PST_ESOFTWARE); /* outside a row */
	CHECK(strstr(err.msg, "outside a row") != NULL);
	CHECK_INT(pst_xlsx_row_begin(t, &err), PST_ESOFTWARE); /* the book failed */
	CHECK_INT(pst_xlsx_book_close(book, &err), PST_ESOFTWARE);
	CHECK(!exists(path));
	CHECK_INT(pst_xlsx_book_open(&book, path, &opt, &err), PST_OK);
	CHECK_INT(pst_xlsx_table_begin(book, "T", cols, 1, &t, &err), PST_OK);
	CHECK_INT(pst_xlsx_row_begin(t, &err), PST_OK);
	CHECK_INT(pst_xlsx_add_int(t, 1, &err), PST_ESOFTWARE); /* an integer in a date column */
	CHECK(strstr(err.msg, "column 'When': value of the wrong type") != NULL);
	pst_xlsx_book_abort(book);
	CHECK(!exists(path));
	free(path);
}

/* A link planted at the old predictable temporary name (.NAME.tmp-PID,
 * here to /dev/full) is never written through: the temporary file has an
 * unpredictable name in a private folder (issue 15).  The full disk itself
 * is tested in tests/sh/test_outputs.sh. */
static void test_failed_close(const char *dir)
{
	struct pst_xlsx_options opt = {.created = 0};
	struct pst_xlsx_book *book = NULL;
	struct pst_xlsx_sheet *s;
	struct pst_error err = {0};
	char *path = join(dir, "full.xlsx");
	struct strbuf tmp = STRBUF_INIT;

	strbuf_addf(&tmp, "%s/.full.xlsx.tmp-%ld", dir, (long)getpid());
	if (symlink("/dev/full", tmp.buf) != 0) {
		check_one(0, "symlink to /dev/full", __FILE__, __LINE__);
		goto done;
	}
	opt.created = created();
	CHECK_INT(pst_xlsx_book_open(&book, path, &opt, &err), PST_OK);
	CHECK_INT(pst_xlsx_sheet_add(book, "S", &s, &err), PST_OK);
	CHECK_INT(pst_xlsx_keyfig(s, "x", 1, NULL, &err), PST_OK);
	CHECK_INT(pst_xlsx_book_close(book, &err), PST_OK);
	CHECK(exists(path));
	CHECK(exists(tmp.buf)); /* the planted link is left alone */
done:
	unlink(tmp.buf);
	unlink(path);
	strbuf_release(&tmp);
	free(path);
}

static char *test_dir;

static void test_books(void)
{
	test_demo(test_dir);
	test_continuation(test_dir);
	test_misuse(test_dir);
	test_failed_close(test_dir);
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/pst-xlsx-XXXXXX";

	if (argc == 3 && strcmp(argv[1], "--demo") == 0) {
		struct pst_error err = {0};
		int rc = write_all(argv[2], &err);

		if (rc)
			fprintf(stderr, "test_xlsx: %s\n", err.msg);
		return rc;
	}
	RUN(test_cell_text);
	RUN(test_sheet_names);
	RUN(test_serial);
	test_dir = mkdtemp(dir);
	if (!test_dir) {
		printf("FAIL cannot make a temporary folder\n");
		return 1;
	}
	RUN(test_books);
	rmdir(test_dir);
	return check_summary();
}
