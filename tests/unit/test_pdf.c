/* test_pdf.c: the PDF toolkit.  Unit checks of wrapping, errors, atomic and
 * deterministic saves; with `--demo OUT.pdf [letter]` it writes the demonstration
 * document that tests/sh/test_pdf.sh inspects with qpdf and poppler. */
#include "check.h"

#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "posture/pdf_chart.h"
#include "posture/pdf_doc.h"
#include "posture/utf8.h"
#include "../../src/render/pdf/pdf_chart_int.h"
#include "../../src/render/pdf/pdf_int.h"
#include "test_file_util.h"

#define DEMO_TITLE "Security review — Équipe réseau"

static void demo_options(struct pst_pdf_options *o, enum pst_pdf_paper paper)
{
	memset(o, 0, sizeof(*o));
	o->paper = paper;
	o->title = DEMO_TITLE;
	o->subject = "Monthly governance review, October 2026";
	o->footer_note = "posture 0.1.0 · generated 2026-11-01 06:00 UTC";
	o->created = pst_time_make(2026, 11, 1, 6, 0, 0);
}

static void resource_id(struct strbuf *sb, size_t i)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "/subscriptions/0b1f6471-1bf0-4dda-aec3-%012zu/resourceGroups/rg-network-prod-westeurope-%03zu"
	                "/providers/Microsoft.Network/networkSecurityGroups/nsg-frontend-%04zu",
	            i * 7919, i % 97, i);
}

static int demo_cover(struct pst_pdf *pdf, struct pst_error *err)
{
	static const char *const labels[] = {"Organisation", "Period", "Scope", "Generated"};
	static const char *const values[] = {"Contoso Équipe réseau SA", "October 2026 (2026-10-01 to 2026-10-31)",
	                                     "2 tenants, 14 subscriptions", "2026-11-01 06:00 UTC"};

	return pst_pdf_cover(pdf, "Monthly security governance review", "Microsoft Defender for Cloud posture",
	                     labels, values, 4, err);
}

static int demo_summary(struct pst_pdf *pdf, struct pst_error *err)
{
	static const struct pst_pdf_figure figs[] = {
		{"61.2%", "Secure score", "+3.4 pts since September"},
		{"128", "Verified fixes", "of 410 open in September"},
		{"17", "Regressed", "High severity first"},
		{"42", "Overdue", "older than their due date"},
		{"9", "Created insecure", "fix the deployment template"},
	};
	static const char *const warns[] = {
		"Subscription sub-prod-07 was present on 2026-09-30 and is missing on 2026-10-31: its findings are out of "
		"scope, not fixed.",
		"The portal CSV export of 2026-10-31 holds 13,000 rows: the portal cap; the export is probably cut.",
		"3 duplicate keys with conflicting states; the latest record wins.",
	};
	static const double s1[12] = {48.0, 50.5, 51.0, NAN, 53.2, 55.0, 54.1, 56.8, 57.0, 57.8, 57.8, 61.2};
	static const double s2[12] = {40.0, 41.0, 44.0, 45.5, 47.0, 47.5, 49.0, 52.0, 53.5, 55.0, 58.0, 59.9};
	static const char *const months[12] = {"2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
	                                       "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"};
	static const bool partial[12] = {false, false, true, false, false, false, false, false, true};
	struct pst_chart_series series[2] = {{"Overall", s1, partial}, {"Production subscriptions", s2, NULL}};
	struct pst_line_chart lc = {"Secure score, last 12 months", "Secure score (%)", months, 12, series, 2,
	                            70.0, "Goal 70% by June 2027", 0};
	struct pst_pdf_run runs[] = {
		{PST_PDF_BODY, "The secure score rose to "}, {PST_PDF_BOLD, "61.2%"},
		{PST_PDF_BODY, " (+3.4 points). At this pace the goal of "}, {PST_PDF_BOLD, "70%"},
		{PST_PDF_BODY, " is reached in 2027-06; 1.1 points a month are still needed."},
	};
	int rc = pst_pdf_heading(pdf, 1, "Executive summary", err);

	if (rc == PST_OK)
		rc = pst_pdf_figures(pdf, figs, PST_ARRAY_LEN(figs), err);
	if (rc == PST_OK)
		rc = pst_pdf_runs(pdf, runs, PST_ARRAY_LEN(runs), err);
	if (rc == PST_OK)
		rc = pst_pdf_line_chart(pdf, &lc, err);
	if (rc == PST_OK)
		rc = pst_pdf_warnings(pdf, "Data warnings", warns, PST_ARRAY_LEN(warns), err);
	return rc;
}

static int demo_charts(struct pst_pdf *pdf, struct pst_error *err)
{
	static const char *const teams[] = {"Équipe réseau", "Platform engineering", "Data & analytics",
	                                    "Identity", "Workplace with a very long team name that must be cut"};
	static const double gain[] = {12.5, 8.25, 4.0, 1.5, 0.75};
	static const char *const sev[] = {"High", "Medium", "Low"};
	static const double counts[] = {12, 30, 55, 4, 18, 22, 0, 9, 31, 7, 0, 3, 1, 1, 1};
	struct pst_bar_chart bc = {"Points to gain by team", "Secure score points", teams, gain, 5, 2};
	struct pst_stack_chart sc = {"Open findings by severity", "Open findings", teams, 5, sev, 3, counts};
	struct pst_line_chart empty_line = {"Trend without data", "Secure score (%)", NULL, 0, NULL, 0, NAN, NULL, 0};
	struct pst_bar_chart empty_bar = {"Bars without data", "Points", NULL, NULL, 0, 0};
	int rc = pst_pdf_heading(pdf, 1, "Where the next points are", err);

	if (rc == PST_OK)
		rc = pst_pdf_bar_chart(pdf, &bc, err);
	if (rc == PST_OK)
		rc = pst_pdf_stack_chart(pdf, &sc, err);
	if (rc == PST_OK)
		rc = pst_pdf_line_chart(pdf, &empty_line, err);
	if (rc == PST_OK)
		rc = pst_pdf_bar_chart(pdf, &empty_bar, err);
	return rc;
}

static int team_section(struct pst_pdf *pdf, size_t i, struct pst_error *err)
{
	static const struct pst_pdf_col cols[] = {
		{"Recommendation", 3, 0, PST_PDF_LEFT, 1},
		{"Severity", 0, 52, PST_PDF_LEFT, 0},
		{"Resources", 0, 56, PST_PDF_RIGHT, 0},
	};
	struct strbuf sb = STRBUF_INIT;
	const char *cells[3];
	size_t k;
	int rc;

	strbuf_addf(&sb, "Équipe réseau %02zu", i + 1);
	rc = pst_pdf_keep(pdf, 150.0, err); /* heading, text and the start of the table */
	if (rc == PST_OK)
		rc = pst_pdf_heading(pdf, 2, sb.buf, err);
	if (rc == PST_OK)
		rc = pst_pdf_text(pdf, PST_PDF_BODY, "Verified fixes, regressions and the top open recommendations of "
		                  "this team. Long lists are cut: see the workbook.", err);
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pdf, cols, 3, 3, err);
	for (k = 0; k < 5 && rc == PST_OK; k++) {
		char n[16];

		snprintf(n, sizeof(n), "%zu", (k + 1) * (i + 3));
		cells[0] = "Management ports of virtual machines should be protected with just-in-time network access";
		cells[1] = k % 2 ? "Medium" : "High";
		cells[2] = n;
		rc = pst_pdf_table_row(pdf, cells, err);
	}
	if (rc == PST_OK)
		rc = pst_pdf_table_end(pdf, err);
	strbuf_release(&sb);
	return rc;
}

static int demo_teams(struct pst_pdf *pdf, struct pst_error *err)
{
	size_t i;
	int rc = pst_pdf_heading(pdf, 1, "Teams", err);

	for (i = 0; i < 40 && rc == PST_OK; i++)
		rc = team_section(pdf, i, err);
	return rc;
}

static int demo_big_table(struct pst_pdf *pdf, struct pst_error *err)
{
	static const struct pst_pdf_col cols[] = {
		{"#", 0, 30, PST_PDF_RIGHT, 0},
		{"Resource id", 5, 0, PST_PDF_LEFT, 0},
		{"Recommendation", 3, 0, PST_PDF_LEFT, 0},
		{"Severity", 0, 50, PST_PDF_LEFT, 1},
		{"Age (days)", 0, 48, PST_PDF_RIGHT, 0},
	};
	struct strbuf id = STRBUF_INIT;
	const char *cells[5];
	char num[32], age[32];
	size_t i;
	int rc = pst_pdf_heading(pdf, 1, "All open findings", err);

	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pdf, cols, 5, 0, err);
	for (i = 1; i <= 2000 && rc == PST_OK; i++) {
		resource_id(&id, i);
		snprintf(num, sizeof(num), "%zu", i);
		snprintf(age, sizeof(age), "%zu", i % 365);
		cells[0] = num;
		cells[1] = id.buf;
		cells[2] = i % 3 ? "Storage accounts should restrict network access" : "Ne pas exposer: \xC3\xA9quipe \xff!";
		cells[3] = i % 2 ? "High" : "Medium";
		cells[4] = age;
		rc = pst_pdf_table_row(pdf, cells, err);
	}
	if (rc == PST_OK)
		rc = pst_pdf_table_end(pdf, err);
	strbuf_release(&id);
	return rc;
}

static int demo_build(const char *path, enum pst_pdf_paper paper, struct pst_error *err)
{
	struct pst_pdf_options o;
	struct pst_pdf *pdf = NULL;
	int rc;

	demo_options(&o, paper);
	rc = pst_pdf_new(&pdf, &o, err);
	if (rc == PST_OK)
		rc = demo_cover(pdf, err);
	if (rc == PST_OK)
		rc = pst_pdf_contents(pdf, err);
	if (rc == PST_OK)
		rc = demo_summary(pdf, err);
	if (rc == PST_OK)
		rc = demo_charts(pdf, err);
	if (rc == PST_OK)
		rc = demo_teams(pdf, err);
	if (rc == PST_OK)
		rc = demo_big_table(pdf, err);
	if (rc == PST_OK)
		rc = pst_pdf_save(pdf, path, err);
	pst_pdf_free(pdf);
	return rc;
}

/* ---- a document of edge cases: empty and oversized inputs ---- */

/* A cut column: whole when it fits, wrapped into the lines its row takes
 * anyway, cut with an ellipsis only in a one-line row. */
static int edge_cut_column(struct pst_pdf *pdf, struct pst_error *err)
{
	static const struct pst_pdf_col cols[] = {
		{"Team", 0, 60, PST_PDF_LEFT, 1}, {"Recommendation", 1, 0, PST_PDF_LEFT, 0}, {"N", 0, 30, PST_PDF_RIGHT, 0}};
	static const char *const rows[3][3] = {
		{"Fitteam", "Short", "1"},
		{"Wrapteam Alpha Bravo Charlie", "A recommendation long enough to wrap over several lines of its column, "
		 "so that the row is tall and the team name beside it has room to wrap instead of being cut with an "
		 "ellipsis; it goes on and on, and on again, for a few more words, and a few more, so that the row "
		 "takes four or five lines of small print at the least.", "2"},
		{"Cutteam Alpha Bravo Charlie", "Short", "3"}};
	size_t i;
	int rc = pst_pdf_table_begin(pdf, cols, 3, 0, err);

	for (i = 0; i < 3 && rc == PST_OK; i++)
		rc = pst_pdf_table_row(pdf, rows[i], err);
	return rc ? rc : pst_pdf_table_end(pdf, err);
}

static int edge_lists(struct pst_pdf *pdf, struct pst_error *err)
{
	static const struct pst_pdf_col cols[] = {{"Only\tcolumn \xC3", 1, 0, PST_PDF_LEFT, 0}};
	const char *items[40], *cell[1];
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc = pst_pdf_table_begin(pdf, cols, 1, 0, err);

	if (rc == PST_OK)
		rc = pst_pdf_table_end(pdf, err); /* a table without rows */
	for (i = 0; i < 40; i++)
		items[i] = "A warning long enough to wrap over two lines of the box, repeated forty times so that "
		           "the box runs over a page break and is framed on both pages.";
	if (rc == PST_OK)
		rc = pst_pdf_warnings(pdf, "Forty warnings", items, 40, err);
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pdf, cols, 1, 10, err);
	for (i = 0; i < 25 && rc == PST_OK; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "cut row %zu", i);
		cell[0] = sb.buf;
		rc = pst_pdf_table_row(pdf, cell, err);
	}
	pst_pdf_table_skip(pdf, 199975);
	if (rc == PST_OK)
		rc = pst_pdf_table_end(pdf, err); /* and 199990 more */
	if (rc == PST_OK)
		rc = edge_cut_column(pdf, err);
	strbuf_release(&sb);
	return rc;
}

static int edge_charts(struct pst_pdf *pdf, struct pst_error *err)
{
	static const double v[4][3] = {{10, 20, 30}, {40, NAN, 60}, {-5, 50, 150}, {90, 95, 100}};
	static const char *const x[3] = {"January 2026 (a long label)", "February 2026 (a long label)", "March"};
	static const char *const seg[4] = {"High severity with a very long name", "Medium", "Low", "Informational"};
	struct pst_chart_series s[4] = {{"First series with a long name", v[0], NULL}, {"Second", v[1], NULL},
	                                {"Third", v[2], NULL}, {"Fourth", v[3], NULL}};
	struct pst_line_chart lc = {"Four series", "Percent", x, 3, s, 4, 99.0, "Goal 99%", 0};
	const char *labels[300];
	double values[300], stack[300 * 4];
	size_t i;
	int rc;

	for (i = 0; i < 300; i++) {
		labels[i] = i % 2 ? "Équipe réseau" : "Control \xff with an invalid byte";
		values[i] = (double)i * 1.5;
		stack[i * 4] = (double)(i % 7);
		stack[i * 4 + 1] = (double)(i % 5);
		stack[i * 4 + 2] = (double)(i % 3);
		stack[i * 4 + 3] = 1.0;
	}
	{
		struct pst_bar_chart bc = {"Three hundred bars", "Points", labels, values, 300, 1};
		struct pst_stack_chart sc = {"Three hundred stacks", "Findings", labels, 300, seg, 4, stack};

		rc = pst_pdf_line_chart(pdf, &lc, err);
		if (rc == PST_OK)
			rc = pst_pdf_bar_chart(pdf, &bc, err);
		if (rc == PST_OK)
			rc = pst_pdf_stack_chart(pdf, &sc, err);
	}
	return rc;
}

static int edge_text(struct pst_pdf *pdf, struct pst_error *err)
{
	struct strbuf word = STRBUF_INIT;
	struct pst_pdf_figure fig = {"123456789012345678901234567890", "A caption far too long for its box "
	                             "at all", "and a change line that is also much too long to fit in two lines "
	                             "of the small box of a key figure"};
	size_t i;
	int rc;

	for (i = 0; i < 600; i++)
		strbuf_addstr(&word, i % 2 ? "x" : "é");
	rc = pst_pdf_heading(pdf, 1, word.buf, err);
	if (rc == PST_OK)
		rc = pst_pdf_text(pdf, PST_PDF_BODY, word.buf, err);
	if (rc == PST_OK)
		rc = pst_pdf_text(pdf, PST_PDF_SMALL, "tab\tand\nnewline\n\nand \x01 control", err);
	if (rc == PST_OK)
		rc = pst_pdf_figures(pdf, &fig, 1, err);
	if (rc == PST_OK)
		rc = pst_pdf_heading(pdf, 2, "Lists", err);
	if (rc == PST_OK)
		rc = edge_lists(pdf, err);
	if (rc == PST_OK)
		rc = pst_pdf_heading(pdf, 2, "Charts", err);
	if (rc == PST_OK)
		rc = edge_charts(pdf, err);
	strbuf_release(&word);
	return rc;
}

/* Enough headings for a contents of three pages. */
static int edge_headings(struct pst_pdf *pdf, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	int rc = pst_pdf_heading(pdf, 1, "Many headings", err);

	for (i = 1; i <= 100 && rc == PST_OK; i++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "Heading %03zu", i);
		rc = pst_pdf_heading(pdf, 2, sb.buf, err);
		if (rc == PST_OK)
			rc = pst_pdf_text(pdf, PST_PDF_BODY, "One line under the heading.", err);
	}
	strbuf_release(&sb);
	return rc;
}

static int edge_build(const char *path, struct pst_error *err)
{
	struct pst_pdf_options o;
	struct pst_pdf *pdf = NULL;
	int rc;

	demo_options(&o, PST_PAPER_LETTER);
	o.title = "Edge \xff cases";
	o.footer_note = NULL;
	o.created = PST_TIME_NONE;
	rc = pst_pdf_new(&pdf, &o, err);
	if (rc == PST_OK)
		rc = pst_pdf_contents(pdf, err);
	if (rc == PST_OK)
		rc = edge_text(pdf, err);
	if (rc == PST_OK)
		rc = edge_headings(pdf, err);
	if (rc == PST_OK)
		rc = pst_pdf_save(pdf, path, err);
	if (rc == PST_OK)
		rc = pst_pdf_save(pdf, path, err) == PST_ESOFTWARE ? PST_OK : PST_ESOFTWARE; /* only once */
	pst_pdf_free(pdf);
	return rc;
}

/* ---- unit checks ---- */

static struct pst_pdf *small_doc(void)
{
	struct pst_pdf_options o;
	struct pst_pdf *pdf = NULL;
	struct pst_error err;

	demo_options(&o, PST_PAPER_A4);
	if (pst_pdf_new(&pdf, &o, &err) != PST_OK) {
		printf("     %s\n", err.msg);
		pst_pdf_free(pdf);
		return NULL;
	}
	return pdf;
}

static char *line_of(const struct pdf_para *p, size_t i)
{
	struct strbuf sb = STRBUF_INIT;
	size_t k;

	for (k = p->lines[i].first; k < p->lines[i].end; k++) {
		if (k > p->lines[i].first && !p->words[k].glued)
			strbuf_addch(&sb, ' ');
		strbuf_add(&sb, p->text.buf + p->words[k].off, p->words[k].len);
	}
	return strbuf_detach(&sb);
}

static void test_wrap_ids(void)
{
	struct pst_pdf *pdf = small_doc();
	struct strbuf id = STRBUF_INIT, joined = STRBUF_INIT;
	struct pdf_para p;
	size_t i;

	if (!pdf) {
		CHECK(0);
		return;
	}
	resource_id(&id, 42);
	pdf_para_init(&p);
	pdf_para_add(&p, pdf, &pdf_f_small, id.buf, 0, 260.0);
	pdf_para_lines(&p, pdf, 260.0);
	CHECK(p.nlines >= 3);
	for (i = 0; i < p.nlines; i++) {
		char *s = line_of(&p, i);

		CHECK(pdf_width(pdf, &pdf_f_small, s, strlen(s)) <= 260.0 + 1e-6);
		if (i + 1 < p.nlines) /* every line but the last ends at a '/' */
			CHECK(s[strlen(s) - 1] == '/');
		strbuf_addstr(&joined, s);
		free(s);
	}
	CHECK_STR(joined.buf, id.buf);
	pdf_para_release(&p);
	strbuf_release(&id);
	strbuf_release(&joined);
	pst_pdf_free(pdf);
}

/* Width of the first n bytes of s plus a hair: pdf_fit keeps exactly n. */
static double width_of(const struct pst_pdf *pdf, const char *s, size_t n)
{
	return pdf_width(pdf, &pdf_f_small, s, n) + 0.01;
}

static size_t split(const struct pst_pdf *pdf, const char *s, double w)
{
	return pdf_split_at(pdf, &pdf_f_small, s, strlen(s), w);
}

static void test_split_at(void)
{
	struct pst_pdf *pdf = small_doc();
	const char *vnet = "vnet-shared-services-007", *us = "rg_shared_network_prod", *dot = "app.contoso.example";
	const char *camel = "AzureSecurityCenterRecommendations", *plain = "commandandcontrol";

	if (!pdf) {
		CHECK(0);
		return;
	}
	/* "vnet-shared-serv" fits: the break goes after "vnet-shared-" */
	CHECK_INT(split(pdf, vnet, width_of(pdf, vnet, 16)), 12);
	CHECK_INT(split(pdf, vnet, width_of(pdf, vnet, 11)), 5); /* "vnet-shared" fits: after "vnet-" */
	CHECK_INT(split(pdf, us, width_of(pdf, us, 14)), 10);    /* after "rg_shared_" */
	CHECK_INT(split(pdf, dot, width_of(pdf, dot, 10)), 4);   /* after "app." */
	CHECK_INT(split(pdf, "/subscriptions/abc/resourceGroups", width_of(pdf, "/subscriptions/abc/resou", 24)),
	          19);
	/* a '/' first: "nsg-frontend-7" stays whole */
	CHECK_INT(split(pdf, "providers/nsg-frontend-7", width_of(pdf, "providers/nsg-frontend-7", 20)), 10);
	/* no separator: at a camel-case capital, not "...Recommendati|ons" */
	CHECK_INT(split(pdf, camel, width_of(pdf, camel, 31)), 19);
	/* nothing to break at: mid-word, as much as fits */
	CHECK_INT(split(pdf, plain, width_of(pdf, plain, 9)), 9);
	CHECK_INT(split(pdf, plain, 0.5), 1); /* never nothing */
	pst_pdf_free(pdf);
}

/* Counts get whole-number ticks: 1, 2, 5, 10 ... steps, never 0.5. */
static void test_count_axis(void)
{
	static const double max[] = {1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 23, 26, 99, 101, 4806};
	static const double top[] = {1, 2, 3, 4, 5, 6, 8, 10, 10, 15, 15, 25, 30, 100, 150, 5000};
	static const int ticks[] = {1, 2, 3, 4, 5, 3, 4, 5, 5, 3, 3, 5, 3, 5, 3, 5};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(max); i++) {
		int n = 0;
		double m = pdfchart_count_axis(max[i], &n);
		double step = m / n;

		CHECK(fabs(m - top[i]) < 1e-9);
		CHECK_INT(n, ticks[i]);
		CHECK(step >= 1.0 && step == floor(step) && n <= 5 && m >= max[i]);
	}
	/* the old axis for a maximum of 2 counts steps 0.5 */
	CHECK_INT(pdfchart_ticks(pdfchart_nice_max(2.0)), 4);
}

static void test_wrap_utf8(void)
{
	struct pst_pdf *pdf = small_doc();
	const char *word = "Équipe-réseau-élargie-à-l’échelle-européenne-très-très-longue";
	const char *text = "Équipe réseau: une phrase assez longue pour être coupée en plusieurs lignes.";
	struct pdf_para p;
	size_t i;

	if (!pdf) {
		CHECK(0);
		return;
	}
	pdf_para_init(&p);
	pdf_para_add(&p, pdf, &pdf_f_body, word, 0, 60.0);
	pdf_para_lines(&p, pdf, 60.0);
	CHECK(p.nlines >= 3);
	for (i = 0; i < p.nlines; i++) {
		char *s = line_of(&p, i);

		CHECK(pst_utf8_valid(s, strlen(s), NULL));
		CHECK(pdf_width(pdf, &pdf_f_body, s, strlen(s)) <= 60.0 + 1e-6);
		free(s);
	}
	pdf_para_reset(&p);
	pdf_para_add(&p, pdf, &pdf_f_body, text, 0, 120.0);
	pdf_para_lines(&p, pdf, 120.0);
	CHECK(p.nlines >= 2);
	for (i = 0; i < p.nlines; i++) {
		char *s = line_of(&p, i);

		CHECK(s[0] != ' ' && s[strlen(s) - 1] != ' '); /* broken at spaces */
		free(s);
	}
	pdf_para_limit(&p, pdf, 1, 120.0);
	CHECK_INT(p.nlines, 1);
	CHECK(p.lines[0].w <= 120.0 + 1e-6);
	pdf_para_release(&p);
	pst_pdf_free(pdf);
}

static void test_cut(void)
{
	struct pst_pdf *pdf = small_doc();
	struct strbuf sb = STRBUF_INIT;

	if (!pdf) {
		CHECK(0);
		return;
	}
	pdf_cut(pdf, &pdf_f_body, "short", 100.0, &sb);
	CHECK_STR(sb.buf, "short");
	strbuf_reset(&sb);
	pdf_cut(pdf, &pdf_f_body, "Équipe réseau with a much longer name \xff", 60.0, &sb);
	CHECK(sb.len > 3 && strcmp(sb.buf + sb.len - 3, "\xE2\x80\xA6") == 0);
	CHECK(pdf_width(pdf, &pdf_f_body, sb.buf, sb.len) <= 60.0 + 1e-6);
	CHECK(pst_utf8_valid(sb.buf, sb.len, NULL));
	strbuf_release(&sb);
	pst_pdf_free(pdf);
}

static void test_missing_font(void)
{
	struct pst_pdf_options o;
	struct pst_pdf *pdf = NULL;
	struct pst_error err;

	demo_options(&o, PST_PAPER_A4);
	o.font_dir = "/nonexistent/fonts";
	CHECK_INT(pst_pdf_new(&pdf, &o, &err), PST_ENOINPUT);
	CHECK(strstr(err.msg, "/nonexistent/fonts/DejaVuSans.ttf") != NULL);
	CHECK(strstr(err.msg, "fonts-dejavu-core") != NULL);
	pst_pdf_free(pdf);
}

static void test_deterministic(void)
{
	char *dir = tmp_dir("test_pdf"), *a, *b;
	struct strbuf pa = STRBUF_INIT, pb = STRBUF_INIT;
	struct pst_error err;
	size_t la, lb;

	if (!dir) {
		CHECK(0);
		return;
	}
	strbuf_addf(&pa, "%s/a.pdf", dir);
	strbuf_addf(&pb, "%s/b.pdf", dir);
	CHECK_INT(demo_build(pa.buf, PST_PAPER_A4, &err), PST_OK);
	CHECK_INT(demo_build(pb.buf, PST_PAPER_A4, &err), PST_OK);
	a = read_all(pa.buf, &la);
	b = read_all(pb.buf, &lb);
	CHECK(a && b && la > 10000);
	CHECK(a && b && la == lb && memcmp(a, b, la) == 0);
	CHECK(a && memcmp(a, "%PDF-", 5) == 0);
	CHECK(a && strstr(a, "/ID") == NULL);
	CHECK_INT(count_entries(dir), 2); /* no temporary file left */
	free(a);
	free(b);
	strbuf_release(&pa);
	strbuf_release(&pb);
	remove_dir(dir);
	free(dir);
}

static void test_failed_save(void)
{
	char *dir = tmp_dir("test_pdf");
	struct strbuf target = STRBUF_INIT;
	struct pst_error err;
	struct stat st;

	if (!dir) {
		CHECK(0);
		return;
	}
	/* The final name is a folder: the rename fails after libharu wrote. */
	strbuf_addf(&target, "%s/report.pdf", dir);
	CHECK(mkdir(target.buf, 0777) == 0);
	CHECK(demo_build(target.buf, PST_PAPER_LETTER, &err) != PST_OK);
	CHECK(strstr(err.msg, "report.pdf") != NULL);
	CHECK_INT(count_entries(dir), 1);
	CHECK(stat(target.buf, &st) == 0 && S_ISDIR(st.st_mode));
	/* A folder that cannot be made (a file is in the way): nothing is written. */
	strbuf_reset(&target);
	strbuf_addf(&target, "%s/plain", dir);
	CHECK(fclose(fopen(target.buf, "w")) == 0);
	strbuf_addstr(&target, "/sub/report.pdf");
	CHECK_INT(demo_build(target.buf, PST_PAPER_A4, &err), PST_ECANTCREAT);
	CHECK_INT(count_entries(dir), 2);
	strbuf_release(&target);
	remove_dir(dir);
	free(dir);
}

static void test_edge(void)
{
	char *dir = tmp_dir("test_pdf");
	struct strbuf path = STRBUF_INIT;
	struct pst_error err;
	int rc;

	if (!dir) {
		CHECK(0);
		return;
	}
	strbuf_addf(&path, "%s/edge.pdf", dir);
	rc = edge_build(path.buf, &err);
	if (rc)
		printf("     %s\n", err.msg);
	CHECK_INT(rc, PST_OK);
	CHECK(access(path.buf, R_OK) == 0);
	strbuf_release(&path);
	remove_dir(dir);
	free(dir);
}

int main(int argc, char **argv)
{
	if ((argc == 3 || argc == 4) && strcmp(argv[1], "--demo") == 0) {
		struct pst_error err;
		int letter = argc == 4 && strcmp(argv[3], "letter") == 0;
		int rc = demo_build(argv[2], letter ? PST_PAPER_LETTER : PST_PAPER_A4, &err);

		if (rc)
			fprintf(stderr, "test_pdf: %s\n", err.msg);
		return rc;
	}
	if (argc == 3 && strcmp(argv[1], "--edge") == 0) {
		struct pst_error err;
		int rc = edge_build(argv[2], &err);

		if (rc)
			fprintf(stderr, "test_pdf: %s\n", err.msg);
		return rc;
	}
	RUN(test_wrap_ids);
	RUN(test_split_at);
	RUN(test_count_axis);
	RUN(test_wrap_utf8);
	RUN(test_cut);
	RUN(test_missing_font);
	RUN(test_deterministic);
	RUN(test_failed_save);
	RUN(test_edge);
	return check_summary();
}
