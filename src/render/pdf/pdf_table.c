/* pdf_table.c: paginated tables with a repeated header row and zebra rows. */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

#define PAD 3.0
#define MAX_LINES 6
#define MORE_H (pdf_f_small.leading + 2 * PAD) /* a line of small print */

struct pdf_table {
	struct pst_pdf_col *cols; /* titles not kept: only used at begin */
	double *x, *w;
	size_t ncols, max_rows, shown, skipped;
	struct pdf_para *cells;   /* one per column, reused row by row */
	struct pdf_para *titles;  /* the header row, kept for repeats */
};

void pdf_table_free(struct pdf_table *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ncols; i++) {
		pdf_para_release(&t->cells[i]);
		pdf_para_release(&t->titles[i]);
	}
	free(t->cells);
	free(t->titles);
	free(t->cols);
	free(t->x);
	free(t->w);
	free(t);
}

static void set_widths(struct pdf_table *t, double left, double total)
{
	double fixed = 0.0, shares = 0.0, x = left;
	size_t i;

	for (i = 0; i < t->ncols; i++) {
		if (t->cols[i].points > 0)
			fixed += t->cols[i].points;
		else
			shares += t->cols[i].share > 0 ? t->cols[i].share : 1.0;
	}
	for (i = 0; i < t->ncols; i++) {
		double share = t->cols[i].share > 0 ? t->cols[i].share : 1.0;

		t->w[i] = t->cols[i].points > 0 ? t->cols[i].points : (total - fixed) * share / shares;
		if (t->w[i] < 2 * PAD + 6.0)
			t->w[i] = 2 * PAD + 6.0;
		t->x[i] = x;
		x += t->w[i];
	}
}

/* Lays out one cell: wrapped to at most max_lines, or (max_lines 1) cut to
 * one line with an ellipsis only when it does not fit. */
static void layout(const struct pst_pdf *pdf, const struct pdf_table *t, size_t i, struct pdf_para *p,
                   const struct pdf_font *f, const char *text, size_t max_lines)
{
	double w = t->w[i] - 2 * PAD;

	pdf_para_reset(p);
	if (max_lines == 1) {
		struct strbuf sb = STRBUF_INIT;

		pdf_cut(pdf, f, text, w, &sb);
		pdf_para_add(p, pdf, f, sb.buf, 0, 1e9);
		pdf_para_lines(p, pdf, 1e9);
		strbuf_release(&sb);
		return;
	}
	pdf_para_add(p, pdf, f, text, 0, w);
	pdf_para_lines(p, pdf, w);
	pdf_para_limit(p, pdf, max_lines, w);
}

static double row_height(const struct pdf_table *t, const struct pdf_para *cells)
{
	size_t i, lines = 1;

	for (i = 0; i < t->ncols; i++)
		if (cells[i].nlines > lines)
			lines = cells[i].nlines;
	return (double)lines * pdf_f_small.leading + 2 * PAD;
}

static void draw_row(struct pst_pdf *pdf, const struct pdf_table *t, const struct pdf_para *cells, double h,
                     double grey)
{
	size_t i, k;
	const double width = t->x[t->ncols - 1] + t->w[t->ncols - 1] - t->x[0];

	if (grey < 1.0)
		pdf_rect_fill(pdf_page(pdf), t->x[0], pdf->y - h, width, h, grey);
	for (i = 0; i < t->ncols; i++) {
		int right = t->cols[i].align == PST_PDF_RIGHT;
		double x = right ? t->x[i] + t->w[i] - PAD : t->x[i] + PAD;

		for (k = 0; k < cells[i].nlines; k++) {
			double top = pdf->y - PAD - (double)k * pdf_f_small.leading;

			pdf_para_draw_line(pdf, &cells[i], k, x, pdf_baseline(&pdf_f_small, top, pdf_f_small.leading),
			                   right);
		}
	}
	pdf_advance(pdf, h);
}

static void draw_header(struct pst_pdf *pdf, const struct pdf_table *t)
{
	const double width = t->x[t->ncols - 1] + t->w[t->ncols - 1] - t->x[0];

	draw_row(pdf, t, t->titles, row_height(t, t->titles), 0.78);
	pdf_line(pdf_page(pdf), t->x[0], pdf->y, t->x[0] + width, pdf->y, 0.1, 0.8);
}

/* Room for a row of height h (and the header on a new page). */
static int make_room(struct pst_pdf *pdf, const struct pdf_table *t, double h, struct pst_error *err)
{
	size_t before = pdf->npages;
	int rc = pdf_need(pdf, h, err);

	if (rc == PST_OK && pdf->npages != before)
		draw_header(pdf, t);
	return rc;
}

int pst_pdf_table_begin(struct pst_pdf *pdf, const struct pst_pdf_col *cols, size_t ncols, size_t max_rows,
                        struct pst_error *err)
{
	struct pdf_table *t;
	size_t i;
	int rc;

	if (pdf->table || ncols == 0)
		return pst_fail(err, PST_ESOFTWARE, "pdf: table already open or without columns");
	t = xcalloc(1, sizeof(*t));
	t->ncols = ncols;
	t->max_rows = max_rows;
	t->cols = xcalloc(ncols, sizeof(*t->cols));
	memcpy(t->cols, cols, ncols * sizeof(*cols));
	t->x = xcalloc(ncols, sizeof(*t->x));
	t->w = xcalloc(ncols, sizeof(*t->w));
	t->cells = xcalloc(ncols, sizeof(*t->cells));
	t->titles = xcalloc(ncols, sizeof(*t->titles));
	set_widths(t, pdf->left, pdf_text_width(pdf));
	for (i = 0; i < ncols; i++) {
		pdf_para_init(&t->cells[i]);
		pdf_para_init(&t->titles[i]);
		layout(pdf, t, i, &t->titles[i], &pdf_f_small_bold, cols[i].title, MAX_LINES);
		t->cols[i].title = NULL;
	}
	pdf->table = t;
	rc = pdf_need(pdf, row_height(t, t->titles) + 3 * pdf_f_small.leading, err);
	if (rc == PST_OK)
		draw_header(pdf, t);
	return rc ? rc : pdf_status(pdf, err);
}

int pst_pdf_table_full(const struct pst_pdf *pdf)
{
	const struct pdf_table *t = pdf->table;

	return t && t->max_rows > 0 && t->shown >= t->max_rows;
}

void pst_pdf_table_skip(struct pst_pdf *pdf, size_t n)
{
	if (pdf->table)
		pdf->table->skipped += n;
}

/* The wrapped cells first; a cut column then uses the lines the row takes
 * anyway (a long team name beside a wrapped recommendation is shown whole),
 * and is cut with an ellipsis only when it still does not fit. */
static void layout_cells(const struct pst_pdf *pdf, struct pdf_table *t, const char *const *cells)
{
	size_t i, lines = 1;

	for (i = 0; i < t->ncols; i++) {
		if (t->cols[i].cut) {
			pdf_para_reset(&t->cells[i]);
			continue;
		}
		layout(pdf, t, i, &t->cells[i], &pdf_f_small, cells[i], MAX_LINES);
		if (t->cells[i].nlines > lines)
			lines = t->cells[i].nlines;
	}
	for (i = 0; i < t->ncols; i++)
		if (t->cols[i].cut)
			layout(pdf, t, i, &t->cells[i], &pdf_f_small, cells[i], lines);
}

int pst_pdf_table_row(struct pst_pdf *pdf, const char *const *cells, struct pst_error *err)
{
	struct pdf_table *t = pdf->table;
	double h;
	int rc;

	if (!t)
		return pst_fail(err, PST_ESOFTWARE, "pdf: row outside a table");
	if (pst_pdf_table_full(pdf)) {
		t->skipped++;
		return PST_OK;
	}
	layout_cells(pdf, t, cells);
	h = row_height(t, t->cells);
	/* The last row shown keeps room for a "more" line after it. */
	rc = make_room(pdf, t, h + (t->shown + 1 == t->max_rows ? MORE_H : 0.0), err);
	if (rc == PST_OK)
		draw_row(pdf, t, t->cells, h, t->shown % 2 ? 0.91 : 1.0);
	t->shown++;
	return rc ? rc : pdf_status(pdf, err);
}

static int more_row(struct pst_pdf *pdf, struct pdf_table *t, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	struct pdf_para p;
	double w = t->x[t->ncols - 1] + t->w[t->ncols - 1] - t->x[0];
	int rc = make_room(pdf, t, MORE_H, err);

	pdf_para_init(&p);
	pdf_more_text(&sb, t->skipped);
	pdf_para_add(&p, pdf, &pdf_f_small_bold, sb.buf, 0, w);
	pdf_para_lines(&p, pdf, w);
	pdf_para_limit(&p, pdf, 1, w - 2 * PAD);
	if (rc == PST_OK) {
		pdf_para_draw_line(pdf, &p, 0, t->x[0] + PAD, pdf_baseline(&pdf_f_small, pdf->y - PAD, pdf_f_small.leading), 0);
		pdf_advance(pdf, MORE_H);
	}
	pdf_para_release(&p);
	strbuf_release(&sb);
	return rc;
}

int pst_pdf_table_end(struct pst_pdf *pdf, struct pst_error *err)
{
	struct pdf_table *t = pdf->table;
	int rc = PST_OK;

	if (!t)
		return pst_fail(err, PST_ESOFTWARE, "pdf: no table to end");
	if (t->skipped > 0)
		rc = more_row(pdf, t, err);
	if (rc == PST_OK) {
		double w = t->x[t->ncols - 1] + t->w[t->ncols - 1] - t->x[0];

		pdf_line(pdf_page(pdf), t->x[0], pdf->y, t->x[0] + w, pdf->y, 0.1, 0.8);
		rc = pst_pdf_space(pdf, 10.0, err);
	}
	pdf_table_free(t);
	pdf->table = NULL;
	return rc ? rc : pdf_status(pdf, err);
}
