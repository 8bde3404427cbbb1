/* bench_xlsx.c: writes one big Changes-like table with the xlsx toolkit.
 *   bench_xlsx ROWS OUT.xlsx [MAX_ROWS_PER_SHEET [MAX_LINKS_PER_SHEET]]
 * Constant-memory mode (ZIP64 past 1,000,000 rows); prints rows and sheets.
 * Run by tests/bench/bench_xlsx.sh under /usr/bin/time -v. */
#include <stdio.h>
#include <stdlib.h>
#include "posture/xlsx_book.h"

static const struct pst_xlsx_column cols[] = {
	{"Class", PST_XLSX_TEXT, NULL, 0},         {"Team", PST_XLSX_TEXT, NULL, 0},
	{"Resource", PST_XLSX_TEXT, NULL, 0},      {"Recommendation", PST_XLSX_TEXT, NULL, 0},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},  {"Score", PST_XLSX_NUMBER, "0.0", 0},
	{"Age (days)", PST_XLSX_INTEGER, NULL, 0}, {"Due", PST_XLSX_DATE, NULL, 0},
	{"Overdue", PST_XLSX_FLAG, NULL, 0},       {"Portal", PST_XLSX_LINK, NULL, 0},
};

static int row(struct pst_xlsx_table *t, long r, struct pst_error *err)
{
	static const char *const sev[] = {"High", "Medium", "Low"};
	char res[160], url[224];
	int rc;

	snprintf(res, sizeof(res), "/subscriptions/00000000-0000-0000-0000-%012ld/resourceGroups/rg-%ld/providers/"
	         "Microsoft.Compute/virtualMachines/vm-%ld", r % 977, r % 31, r);
	snprintf(url, sizeof(url), "portal.azure.com/#@contoso.onmicrosoft.com/resource%s", res);
	rc = pst_xlsx_row_begin(t, err);
	rc = rc ? rc : pst_xlsx_add_text(t, r % 5 ? "still_open" : "remediated", err);
	rc = rc ? rc : pst_xlsx_add_text(t, r % 2 ? "Platform" : "Network", err);
	rc = rc ? rc : pst_xlsx_add_text(t, res, err);
	rc = rc ? rc : pst_xlsx_add_text(t, "Machines should have vulnerability findings resolved", err);
	rc = rc ? rc : pst_xlsx_add_text(t, sev[r % 3], err);
	rc = rc ? rc : pst_xlsx_add_number(t, (double)(r % 100) / 4.0, err);
	rc = rc ? rc : pst_xlsx_add_int(t, r % 400, err);
	rc = rc ? rc : pst_xlsx_add_date(t, pst_time_make(2026, 11, 1 + (int)(r % 28), 0, 0, 0), err);
	rc = rc ? rc : pst_xlsx_add_bool(t, r % 7 == 0, err);
	rc = rc ? rc : pst_xlsx_add_link(t, url, "open", err);
	return rc ? rc : pst_xlsx_row_end(t, err);
}

int main(int argc, char **argv)
{
	struct pst_xlsx_options opt = {.title = "bench", .constant_memory = true};
	struct pst_xlsx_book *book;
	struct pst_xlsx_table *t;
	struct pst_error err = {0};
	long r, rows;
	int rc;

	if (argc < 3 || !(rows = strtol(argv[1], NULL, 10))) {
		fprintf(stderr, "usage: bench_xlsx ROWS OUT.xlsx [MAX_ROWS [MAX_LINKS]]\n");
		return 64;
	}
	opt.created = pst_time_make(2026, 11, 1, 0, 0, 0);
	opt.zip64 = rows > 1000000;
	opt.max_rows = argc > 3 ? (uint32_t)strtoul(argv[3], NULL, 10) : 0;
	opt.max_links = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 10) : 0;
	rc = pst_xlsx_book_open(&book, argv[2], &opt, &err);
	rc = rc ? rc : pst_xlsx_table_begin(book, "Changes", cols, sizeof(cols) / sizeof(cols[0]), &t, &err);
	for (r = 1; r <= rows && rc == PST_OK; r++)
		rc = row(t, r, &err);
	if (rc == PST_OK)
		printf("%llu rows on %u sheets\n", (unsigned long long)pst_xlsx_table_rows(t),
		       pst_xlsx_table_sheets(t));
	rc = rc ? (pst_xlsx_book_abort(book), rc) : pst_xlsx_book_close(book, &err);
	if (rc)
		fprintf(stderr, "bench_xlsx: %s\n", err.msg);
	return rc;
}
