/* pdf_text.c: paragraphs and headings in the flow. */
#include "pdf_int.h"

#include <stdlib.h>

/* Baseline of a line of font f whose box starts at top. */
double pdf_baseline(const struct pdf_font *f, double top, double leading)
{
	return top - (leading - 1.163 * f->size) / 2.0 - 0.928 * f->size;
}

/* Places the lines of p in the flow at x, breaking pages between lines. */
int pdf_flow_para(struct pst_pdf *pdf, const struct pdf_para *p, double x, struct pst_error *err)
{
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < p->nlines && rc == PST_OK; i++) {
		const struct pdf_font *f = p->words[p->lines[i].first].font;

		rc = pdf_need(pdf, p->leading, err);
		if (rc)
			break;
		pdf_para_draw_line(pdf, p, i, x, pdf_baseline(f, pdf->y, p->leading), 0);
		pdf_advance(pdf, p->leading);
	}
	return rc ? rc : pdf_status(pdf, err);
}

int pst_pdf_runs(struct pst_pdf *pdf, const struct pst_pdf_run *runs, size_t n, struct pst_error *err)
{
	struct pdf_para p;
	double w = pdf_text_width(pdf);
	size_t i;
	int rc;

	pdf_para_init(&p);
	for (i = 0; i < n; i++)
		pdf_para_add(&p, pdf, pdf_style_font(runs[i].style), runs[i].text, 1, w);
	pdf_para_lines(&p, pdf, w);
	rc = pdf_flow_para(pdf, &p, pdf->left, err);
	if (rc == PST_OK)
		rc = pst_pdf_space(pdf, 4.0, err);
	pdf_para_release(&p);
	return rc;
}

int pst_pdf_text(struct pst_pdf *pdf, enum pst_pdf_style style, const char *text, struct pst_error *err)
{
	struct pst_pdf_run run;

	run.style = style;
	run.text = text;
	return pst_pdf_runs(pdf, &run, 1, err);
}

static int add_heading(struct pst_pdf *pdf, int level, const char *text)
{
	struct pdf_heading *h;
	struct strbuf sb = STRBUF_INIT;
	HPDF_Outline parent = level == 1 ? NULL : pdf->last_l1;
	HPDF_Outline ol;
	HPDF_Encoder enc = HPDF_GetEncoder(pdf->doc, "UTF-8");

	pdf_clean(&sb, text, 0);
	PST_GROW(pdf->heads, pdf->aheads, pdf->nheads + 1);
	h = &pdf->heads[pdf->nheads];
	h->title = strbuf_detach(&sb);
	h->level = level;
	h->page = pdf->npages - 1;
	h->dest = HPDF_Page_CreateDestination(pdf_page(pdf));
	HPDF_Destination_SetFitH(h->dest, (HPDF_REAL)(pdf->y + 24.0));
	ol = HPDF_CreateOutline(pdf->doc, parent, h->title, enc);
	HPDF_Outline_SetDestination(ol, h->dest);
	if (level == 1) {
		HPDF_Outline_SetOpened(ol, HPDF_TRUE);
		pdf->last_l1 = ol;
		pdf->section = (long)pdf->nheads;
		pdf->pages[pdf->npages - 1].section = pdf->section;
	}
	return (int)pdf->nheads++;
}

int pst_pdf_heading(struct pst_pdf *pdf, int level, const char *text, struct pst_error *err)
{
	const struct pdf_font *f = level <= 1 ? &pdf_f_h1 : &pdf_f_h2;
	struct pdf_para p;
	int idx, rc;

	rc = level <= 1 ? pst_pdf_page_break(pdf, err) : pst_pdf_space(pdf, 10.0, err);
	if (rc == PST_OK)
		rc = pdf_need(pdf, f->leading * 2 + pdf_f_body.leading * 4, err);
	if (rc)
		return rc;
	idx = add_heading(pdf, level <= 1 ? 1 : 2, text);
	pdf_para_init(&p);
	pdf_para_add(&p, pdf, f, pdf->heads[idx].title, 0, pdf_text_width(pdf));
	pdf_para_lines(&p, pdf, pdf_text_width(pdf));
	pdf_para_limit(&p, pdf, 2, pdf_text_width(pdf));
	rc = pdf_flow_para(pdf, &p, pdf->left, err);
	pdf_para_release(&p);
	if (rc == PST_OK && level <= 1) {
		pdf_line(pdf_page(pdf), pdf->left, pdf->y - 1.0, pdf->right, pdf->y - 1.0, 0.2, 1.2);
		pdf_advance(pdf, 10.0);
	} else if (rc == PST_OK) {
		pdf_advance(pdf, 3.0);
	}
	return rc ? rc : pdf_status(pdf, err);
}
