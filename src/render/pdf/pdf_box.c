/* pdf_box.c: key figures and the boxed warnings list. */
#include "pdf_int.h"

#include <string.h>

#define FIG_H 80.0
#define FIG_GAP 10.0
#define PAD 8.0

static void figure_change(struct pst_pdf *pdf, const char *change, double x, double top, double w)
{
	struct pdf_para p;
	size_t i;

	pdf_para_init(&p);
	pdf_para_add(&p, pdf, &pdf_f_small, change, 0, w);
	pdf_para_lines(&p, pdf, w);
	pdf_para_limit(&p, pdf, 3, w);
	for (i = 0; i < p.nlines; i++)
		pdf_para_draw_line(pdf, &p, i, x, top - (double)i * pdf_f_small.leading, 0);
	pdf_para_release(&p);
}

/* The caption in bold, or in small bold when bold does not fit (measured). */
static const struct pdf_font *caption_font(const struct pst_pdf *pdf, const char *caption, double w)
{
	size_t len = caption ? strlen(caption) : 0;

	return pdf_width(pdf, &pdf_f_bold, caption ? caption : "", len) <= w ? &pdf_f_bold : &pdf_f_small_bold;
}

static void figure(struct pst_pdf *pdf, const struct pst_pdf_figure *fig, double x, double w)
{
	HPDF_Page page = pdf_page(pdf);
	struct strbuf sb = STRBUF_INIT;
	double top = pdf->y, inner = w - 2 * PAD - 3.0, tx = x + PAD + 3.0;

	pdf_rect_fill(page, x, top - FIG_H, w, FIG_H, 0.93);
	pdf_rect_fill(page, x, top - FIG_H, 3.0, FIG_H, 0.25);
	pdf_cut(pdf, &pdf_f_big, fig->value, inner, &sb);
	pdf_show(pdf, page, &pdf_f_big, tx, top - PAD - 17.0, sb.buf);
	strbuf_reset(&sb);
	pdf_cut(pdf, caption_font(pdf, fig->caption, inner), fig->caption, inner, &sb);
	pdf_show(pdf, page, caption_font(pdf, fig->caption, inner), tx, top - PAD - 34.0, sb.buf);
	if (fig->change)
		figure_change(pdf, fig->change, tx, top - PAD - 46.0, inner);
	strbuf_release(&sb);
}

int pst_pdf_figures(struct pst_pdf *pdf, const struct pst_pdf_figure *figs, size_t n, struct pst_error *err)
{
	size_t rows = (n + 3) / 4, i, per_row = rows ? (n + rows - 1) / rows : 0;
	int rc = PST_OK;

	for (i = 0; i < n && rc == PST_OK; i += per_row) {
		size_t k, row = n - i < per_row ? n - i : per_row;
		double w = (pdf_text_width(pdf) - FIG_GAP * (double)(per_row - 1)) / (double)per_row;

		rc = pdf_need(pdf, FIG_H + FIG_GAP, err);
		for (k = 0; k < row && rc == PST_OK; k++)
			figure(pdf, &figs[i + k], pdf->left + (double)k * (w + FIG_GAP), w);
		if (rc == PST_OK)
			pdf_advance(pdf, FIG_H + FIG_GAP);
	}
	return rc ? rc : pdf_status(pdf, err);
}

/* Frames the part of the box drawn on this page: from top down to the cursor. */
static void close_box(struct pst_pdf *pdf, double top)
{
	double h = top - (pdf->y - PAD / 2);
	HPDF_Page page = pdf_page(pdf);

	pdf_rect_stroke(page, pdf->left, top - h, pdf_text_width(pdf), h, 0.3, 0.8);
	pdf_rect_fill(page, pdf->left, top - h, 4.0, h, 0.2);
	pdf_advance(pdf, PAD / 2 + 6.0);
}

static int box_lines(struct pst_pdf *pdf, struct pdf_para *p, double *top, struct pst_error *err)
{
	const double x = pdf->left + PAD + 16.0;
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < p->nlines && rc == PST_OK; i++) {
		double base;

		if (pdf->y - p->leading < pdf->bottom) {
			close_box(pdf, *top);
			rc = pdf_new_page(pdf, err);
			*top = pdf->y;
			pdf_advance(pdf, PAD / 2);
		}
		base = pdf_baseline(&pdf_f_body, pdf->y, p->leading);
		if (i == 0)
			pdf_show(pdf, pdf_page(pdf), &pdf_f_body, x - 10.0, base, "\xE2\x80\xA2");
		pdf_para_draw_line(pdf, p, i, x, base, 0);
		pdf_advance(pdf, p->leading);
	}
	return rc;
}

int pst_pdf_warnings(struct pst_pdf *pdf, const char *title, const char *const *items, size_t n,
                     struct pst_error *err)
{
	struct pdf_para p;
	double w = pdf_text_width(pdf) - 2 * PAD - 16.0, top;
	size_t i;
	int rc;

	if (n == 0)
		return pdf_status(pdf, err);
	rc = pdf_need(pdf, pdf_f_bold.leading * 2 + 2 * PAD + 20.0, err);
	if (rc)
		return rc;
	top = pdf->y;
	pdf_para_init(&p);
	pdf_advance(pdf, PAD / 2);
	pdf_para_add(&p, pdf, &pdf_f_bold, title, 0, pdf_text_width(pdf) - 2 * PAD - 6.0);
	pdf_para_lines(&p, pdf, pdf_text_width(pdf) - 2 * PAD - 6.0);
	pdf_para_limit(&p, pdf, 1, pdf_text_width(pdf) - 2 * PAD - 6.0);
	pdf_para_draw_line(pdf, &p, 0, pdf->left + PAD + 6.0, pdf_baseline(&pdf_f_bold, pdf->y, p.leading), 0);
	pdf_advance(pdf, p.leading + 2.0);
	for (i = 0; i < n && rc == PST_OK; i++) {
		pdf_para_reset(&p);
		pdf_para_add(&p, pdf, &pdf_f_body, items[i], 0, w);
		pdf_para_lines(&p, pdf, w);
		rc = box_lines(pdf, &p, &top, err);
	}
	if (rc == PST_OK)
		close_box(pdf, top);
	pdf_para_release(&p);
	return rc ? rc : pdf_status(pdf, err);
}
