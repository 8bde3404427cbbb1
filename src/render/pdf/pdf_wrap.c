/* pdf_wrap.c: fonts, measuring and drawing single lines of text.
 *
 * HPDF_Page_MeasureText miscounts UTF-8, so widths come from
 * HPDF_Font_TextWidth and every line is fitted here. */
#include "pdf_int.h"

#include <string.h>

const struct pdf_font pdf_f_body = {0, 9.5, 13.0};
const struct pdf_font pdf_f_bold = {1, 9.5, 13.0};
const struct pdf_font pdf_f_small = {0, 7.5, 10.0};
const struct pdf_font pdf_f_small_bold = {1, 7.5, 10.0};
const struct pdf_font pdf_f_h1 = {1, 17.0, 22.0};
const struct pdf_font pdf_f_h2 = {1, 12.5, 17.0};
const struct pdf_font pdf_f_title = {1, 28.0, 34.0};
const struct pdf_font pdf_f_big = {1, 20.0, 24.0};

const struct pdf_font *pdf_style_font(enum pst_pdf_style style)
{
	switch (style) {
	case PST_PDF_BOLD: return &pdf_f_bold;
	case PST_PDF_SMALL: return &pdf_f_small;
	case PST_PDF_SMALL_BOLD: return &pdf_f_small_bold;
	default: return &pdf_f_body;
	}
}

double pdf_width(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len)
{
	HPDF_TextWidth tw;

	if (len == 0)
		return 0.0;
	tw = HPDF_Font_TextWidth(pdf->font[f->bold], (const HPDF_BYTE *)s, (HPDF_UINT)len);
	return tw.width * f->size / 1000.0;
}

static size_t char_len(const char *s, size_t len)
{
	size_t n = 1;

	while (n < len && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

size_t pdf_fit(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len, double w)
{
	size_t at = 0;
	double sum = 0.0;

	while (at < len) {
		size_t n = char_len(s + at, len - at);
		double cw = pdf_width(pdf, f, s + at, n);

		if (sum + cw > w)
			break;
		sum += cw;
		at += n;
	}
	return at;
}

void pdf_cut(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, double w, struct strbuf *sb)
{
	struct strbuf clean = STRBUF_INIT;
	size_t keep;

	pdf_clean(&clean, s, 0);
	if (pdf_width(pdf, f, clean.buf, clean.len) <= w) {
		strbuf_addstr(sb, clean.buf);
	} else {
		keep = pdf_fit(pdf, f, clean.buf, clean.len, w - pdf_width(pdf, f, PDF_ELLIPSIS, 3));
		while (keep > 0 && clean.buf[keep - 1] == ' ')
			keep--;
		strbuf_add(sb, clean.buf, keep);
		strbuf_addstr(sb, PDF_ELLIPSIS);
	}
	strbuf_release(&clean);
}

void pdf_show(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y, const char *s)
{
	if (!*s)
		return;
	HPDF_Page_SetGrayFill(page, 0.0);
	HPDF_Page_BeginText(page);
	HPDF_Page_SetFontAndSize(page, pdf->font[f->bold], (HPDF_REAL)f->size);
	HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, s);
	HPDF_Page_EndText(page);
}

void pdf_show_right(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y,
                    const char *s)
{
	pdf_show(pdf, page, f, x - pdf_width(pdf, f, s, strlen(s)), y, s);
}

void pdf_show_centre(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y,
                     const char *s)
{
	pdf_show(pdf, page, f, x - pdf_width(pdf, f, s, strlen(s)) / 2.0, y, s);
}
