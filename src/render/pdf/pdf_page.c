/* pdf_page.c: pages, the flow cursor, running headers and footers, the cover. */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

static void page_setup(struct pst_pdf *pdf, HPDF_Page page)
{
	HPDF_Page_SetWidth(page, (HPDF_REAL)pdf->page_w);
	HPDF_Page_SetHeight(page, (HPDF_REAL)pdf->page_h);
}

int pdf_new_page(struct pst_pdf *pdf, struct pst_error *err)
{
	HPDF_Page page = HPDF_AddPage(pdf->doc);
	struct pdf_page *pg;

	if (!page)
		return pdf_status(pdf, err) ? pdf_status(pdf, err) : pst_fail(err, PST_ESOFTWARE, "libharu: no page");
	page_setup(pdf, page);
	PST_GROW(pdf->pages, pdf->apages, pdf->npages + 1);
	pg = &pdf->pages[pdf->npages++];
	pg->page = page;
	pg->section = pdf->section;
	pg->cover = 0;
	pg->band = 0;
	pg->flowed = 0;
	pg->top_section = pg->section;
	pdf->y = pdf->top;
	pdf->page_empty = 1;
	return pdf_status(pdf, err);
}

HPDF_Page pdf_page(const struct pst_pdf *pdf)
{
	return pdf->pages[pdf->npages - 1].page;
}

int pdf_need(struct pst_pdf *pdf, double h, struct pst_error *err)
{
	if (pdf->npages == 0 || pdf->pages[pdf->npages - 1].cover)
		return pdf_new_page(pdf, err);
	if (pdf->y - h < pdf->bottom && !pdf->page_empty)
		return pdf_new_page(pdf, err);
	return PST_OK;
}

void pdf_advance(struct pst_pdf *pdf, double h)
{
	pdf->y -= h;
	pdf->page_empty = 0;
}

double pdf_text_width(const struct pst_pdf *pdf)
{
	return pdf->right - pdf->left;
}

int pdf_break(struct pst_pdf *pdf, struct pst_error *err)
{
	if (pdf->npages > 0 && pdf->page_empty && !pdf->pages[pdf->npages - 1].cover)
		return pdf_status(pdf, err);
	return pdf_new_page(pdf, err);
}

#define FLOW_GAP 22.0 /* between flowing sections */

int pst_pdf_page_break(struct pst_pdf *pdf, struct pst_error *err)
{
	if (pdf->flow_keep > 0.0 && pdf->npages > 0 && !pdf->pages[pdf->npages - 1].cover) {
		if (pdf->page_empty || pdf->y - FLOW_GAP - pdf->flow_keep >= pdf->bottom) {
			struct pdf_page *pg = &pdf->pages[pdf->npages - 1];

			if (!pdf->page_empty && !pg->flowed) { /* the header keeps naming the section at its top */
				pg->flowed = 1;
				pg->top_section = pg->section;
			}
			if (!pdf->page_empty)
				pdf->y -= FLOW_GAP;
			return pdf_status(pdf, err);
		}
	}
	return pdf_break(pdf, err);
}

void pst_pdf_flow(struct pst_pdf *pdf, double keep)
{
	pdf->flow_keep = keep > 0.0 ? keep : 0.0;
}

int pst_pdf_space(struct pst_pdf *pdf, double pt, struct pst_error *err)
{
	if (pdf->npages == 0 || pdf->page_empty)
		return pdf_status(pdf, err);
	if (pdf->y - pt < pdf->bottom)
		return pdf_new_page(pdf, err);
	pdf->y -= pt;
	return pdf_status(pdf, err);
}

int pst_pdf_keep(struct pst_pdf *pdf, double pt, struct pst_error *err)
{
	int rc = pdf_need(pdf, pt, err);

	return rc ? rc : pdf_status(pdf, err);
}

static void cover_lines(struct pst_pdf *pdf, HPDF_Page page, const char *const *labels,
                        const char *const *values, size_t n, double y)
{
	struct strbuf sb = STRBUF_INIT;
	double col = pdf->left + 130.0;
	struct pdf_para p;
	size_t i, k;

	pdf_para_init(&p);
	for (i = 0; i < n && y > pdf->bottom + 40; i++, y -= 20.0) {
		strbuf_reset(&sb);
		pdf_cut(pdf, &pdf_f_bold, labels[i], col - pdf->left - 8.0, &sb);
		pdf_show(pdf, page, &pdf_f_bold, pdf->left, y, sb.buf);
		pdf_para_reset(&p); /* the value wraps, up to three lines */
		pdf_para_add(&p, pdf, &pdf_f_body, values[i], 0, pdf->right - col);
		pdf_para_lines(&p, pdf, pdf->right - col);
		pdf_para_limit(&p, pdf, 3, pdf->right - col);
		for (k = 0; k < p.nlines; k++, y -= k < p.nlines ? pdf_f_body.leading : 0.0)
			pdf_para_draw_line(pdf, &p, k, col, y, 0);
	}
	pdf_para_release(&p);
	strbuf_release(&sb);
}

static double cover_title(struct pst_pdf *pdf, const char *text, const struct pdf_font *f, double y)
{
	struct pdf_para p;
	size_t i;

	pdf_para_init(&p);
	pdf_para_add(&p, pdf, f, text, 0, pdf_text_width(pdf));
	pdf_para_lines(&p, pdf, pdf_text_width(pdf));
	pdf_para_limit(&p, pdf, 3, pdf_text_width(pdf));
	for (i = 0; i < p.nlines; i++, y -= f->leading)
		pdf_para_draw_line(pdf, &p, i, pdf->left, y, 0);
	pdf_para_release(&p);
	return y;
}

int pst_pdf_cover(struct pst_pdf *pdf, const char *title, const char *subtitle,
                  const char *const *labels, const char *const *values, size_t n, struct pst_error *err)
{
	HPDF_Page page;
	double y = pdf->page_h * 0.70;
	int rc = pdf_new_page(pdf, err);

	if (rc)
		return rc;
	pdf->pages[pdf->npages - 1].cover = 1;
	page = pdf_page(pdf);
	pdf_rect_fill(page, pdf->left, y + 40.0, pdf_text_width(pdf), 6.0, 0.2);
	y = cover_title(pdf, title, &pdf_f_title, y);
	if (subtitle)
		y = cover_title(pdf, subtitle, &pdf_f_h1, y - 6.0);
	pdf_line(page, pdf->left, y, pdf->right, y, 0.5, 0.8);
	cover_lines(pdf, page, labels, values, n, y - 30.0);
	pdf->page_empty = 0;
	return pdf_status(pdf, err);
}

int pst_pdf_title_band(struct pst_pdf *pdf, const char *title, const char *line, struct pst_error *err)
{
	double y = pdf->page_h - 44.0, w = pdf_text_width(pdf);
	struct pdf_para p;
	size_t i;
	int rc = pdf_new_page(pdf, err);

	if (rc)
		return rc;
	pdf->pages[pdf->npages - 1].band = 1;
	pdf_rect_fill(pdf_page(pdf), pdf->left, y, w, 5.0, 0.2);
	y = cover_title(pdf, title, &pdf_f_h1, y - pdf_f_h1.leading);
	pdf_para_init(&p);
	pdf_para_add(&p, pdf, &pdf_f_small, line ? line : "", 0, w);
	pdf_para_lines(&p, pdf, w);
	pdf_para_limit(&p, pdf, 3, w);
	for (i = 0; i < p.nlines; i++, y -= pdf_f_small.leading)
		pdf_para_draw_line(pdf, &p, i, pdf->left, y + 4.0, 0);
	pdf_para_release(&p);
	pdf_line(pdf_page(pdf), pdf->left, y, pdf->right, y, 0.5, 0.8);
	pdf->y = y - 10.0;
	pdf->page_empty = 0;
	return pdf_status(pdf, err);
}

static const char *section_name(const struct pst_pdf *pdf, long section)
{
	if (section == -2)
		return "Contents";
	return section >= 0 ? pdf->heads[section].title : "";
}

static void draw_header(struct pst_pdf *pdf, HPDF_Page page, long section)
{
	struct strbuf sb = STRBUF_INIT;
	double half = pdf_text_width(pdf) / 2.0 - 6.0, y = pdf->page_h - 38.0;

	pdf_cut(pdf, &pdf_f_small, pdf->title, half, &sb);
	pdf_show(pdf, page, &pdf_f_small, pdf->left, y, sb.buf);
	strbuf_reset(&sb);
	pdf_cut(pdf, &pdf_f_small_bold, section_name(pdf, section), half, &sb);
	pdf_show_right(pdf, page, &pdf_f_small_bold, pdf->right, y, sb.buf);
	pdf_line(page, pdf->left, y - 5.0, pdf->right, y - 5.0, 0.45, 0.6);
	strbuf_release(&sb);
}

static void draw_footer(struct pst_pdf *pdf, HPDF_Page page, size_t n, size_t m)
{
	struct strbuf sb = STRBUF_INIT;
	double y = 30.0;

	pdf_line(page, pdf->left, y + 11.0, pdf->right, y + 11.0, 0.45, 0.6);
	strbuf_addf(&sb, "Page %zu of %zu", n, m);
	pdf_show_right(pdf, page, &pdf_f_small, pdf->right, y, sb.buf);
	if (pdf->footer_note) {
		strbuf_reset(&sb);
		pdf_cut(pdf, &pdf_f_small, pdf->footer_note, pdf_text_width(pdf) - 90.0, &sb);
		pdf_show(pdf, page, &pdf_f_small, pdf->left, y, sb.buf);
	}
	strbuf_release(&sb);
}

void pdf_draw_running(struct pst_pdf *pdf)
{
	size_t i;

	for (i = 0; i < pdf->npages; i++) {
		const struct pdf_page *pg = &pdf->pages[i];

		if (!pg->cover && !pg->band)
			draw_header(pdf, pg->page, pg->flowed ? pg->top_section : pg->section);
		draw_footer(pdf, pg->page, i + 1, pdf->npages);
	}
}

int pdf_insert_page(struct pst_pdf *pdf, size_t at, struct pst_error *err)
{
	HPDF_Page page;

	if (at >= pdf->npages) {
		int rc = pdf_new_page(pdf, err);

		pdf->pages[pdf->npages - 1].section = -2;
		return rc;
	}
	page = HPDF_InsertPage(pdf->doc, pdf->pages[at].page);
	if (!page)
		return pdf_status(pdf, err) ? pdf_status(pdf, err) : pst_fail(err, PST_ESOFTWARE, "libharu: no page");
	page_setup(pdf, page);
	PST_GROW(pdf->pages, pdf->apages, pdf->npages + 1);
	memmove(&pdf->pages[at + 1], &pdf->pages[at], (pdf->npages - at) * sizeof(*pdf->pages));
	pdf->npages++;
	pdf->pages[at].page = page;
	pdf->pages[at].section = -2;
	pdf->pages[at].cover = 0;
	pdf->pages[at].band = 0;
	pdf->pages[at].flowed = 0;
	pdf->pages[at].top_section = -2;
	return pdf_status(pdf, err);
}
