/* pdf_toc.c: the table of contents, inserted when every page is known.
 *
 * pst_pdf_contents marks a page index; at save time the number of contents
 * pages follows from the number of headings, those pages are inserted there
 * and each entry shows the final page number of its heading. */
#include "pdf_int.h"

#include <math.h>

#define ROW_H 15.0
#define TITLE_H 40.0

int pst_pdf_contents(struct pst_pdf *pdf, struct pst_error *err)
{
	int rc = pdf_break(pdf, err);

	if (rc)
		return rc;
	if (pdf->has_contents)
		return pst_fail(err, PST_ESOFTWARE, "pdf: contents marked twice");
	pdf->has_contents = 1;
	pdf->contents_at = pdf->npages - 1;
	return PST_OK;
}

static size_t rows_per_page(const struct pst_pdf *pdf, int first)
{
	double h = pdf->top - pdf->bottom - (first ? TITLE_H : 0.0);

	return (size_t)floor(h / ROW_H);
}

static size_t contents_pages(const struct pst_pdf *pdf)
{
	size_t first = rows_per_page(pdf, 1), rest = rows_per_page(pdf, 0);

	if (pdf->nheads <= first)
		return 1;
	return 1 + (pdf->nheads - first + rest - 1) / rest;
}

static void link(const struct pst_pdf *pdf, HPDF_Page page, double y, const struct pdf_heading *h)
{
	HPDF_Rect r;
	HPDF_Destination dest = HPDF_Page_CreateDestination(pdf->pages[h->page].page);
	HPDF_Annotation a;

	r.left = (HPDF_REAL)pdf->left;
	r.right = (HPDF_REAL)pdf->right;
	r.bottom = (HPDF_REAL)(y - ROW_H);
	r.top = (HPDF_REAL)y;
	a = HPDF_Page_CreateLinkAnnot(page, r, dest);
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void entry(struct pst_pdf *pdf, HPDF_Page page, double y, const struct pdf_heading *h, size_t pageno)
{
	const struct pdf_font *f = h->level == 1 ? &pdf_f_bold : &pdf_f_body;
	double x = pdf->left + (h->level == 1 ? 0.0 : 16.0), base = pdf_baseline(f, y, ROW_H);
	struct strbuf sb = STRBUF_INIT, num = STRBUF_INIT;
	double numw;

	strbuf_addf(&num, "%zu", pageno);
	numw = pdf_width(pdf, f, num.buf, num.len);
	pdf_cut(pdf, f, h->title, pdf->right - x - numw - 30.0, &sb);
	pdf_show(pdf, page, f, x, base, sb.buf);
	pdf_show_right(pdf, page, f, pdf->right, base, num.buf);
	pdf_dotted(page, x + pdf_width(pdf, f, sb.buf, sb.len) + 6.0, pdf->right - numw - 6.0, base);
	link(pdf, page, y, h);
	strbuf_release(&sb);
	strbuf_release(&num);
}

static void draw_contents(struct pst_pdf *pdf, size_t first_page)
{
	size_t i, pg = first_page;
	HPDF_Page page = pdf->pages[pg].page;
	double y = pdf->top;

	pdf_show(pdf, page, &pdf_f_h1, pdf->left, pdf_baseline(&pdf_f_h1, y, pdf_f_h1.leading), "Contents");
	pdf_line(page, pdf->left, y - pdf_f_h1.leading - 1.0, pdf->right, y - pdf_f_h1.leading - 1.0, 0.2, 1.2);
	y -= TITLE_H;
	if (pdf->nheads == 0)
		pdf_show(pdf, page, &pdf_f_body, pdf->left, pdf_baseline(&pdf_f_body, y, ROW_H), "No sections.");
	for (i = 0; i < pdf->nheads; i++, y -= ROW_H) {
		if (y - ROW_H < pdf->bottom - 0.01) {
			page = pdf->pages[++pg].page;
			y = pdf->top;
		}
		entry(pdf, page, y, &pdf->heads[i], pdf->heads[i].page + 1);
	}
}

int pdf_insert_contents(struct pst_pdf *pdf, struct pst_error *err)
{
	size_t n, i;
	int rc = PST_OK;

	if (!pdf->has_contents)
		return pdf_status(pdf, err);
	n = contents_pages(pdf);
	for (i = 0; i < n && rc == PST_OK; i++)
		rc = pdf_insert_page(pdf, pdf->contents_at + i, err);
	if (rc)
		return rc;
	for (i = 0; i < pdf->nheads; i++)
		if (pdf->heads[i].page >= pdf->contents_at)
			pdf->heads[i].page += n;
	draw_contents(pdf, pdf->contents_at);
	return pdf_status(pdf, err);
}
