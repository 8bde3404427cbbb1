/* pdf_wrap.c: fonts, measuring and drawing single lines of text.
 *
 * HPDF_Page_MeasureText miscounts UTF-8, so widths come from
 * HPDF_Font_TextWidth and every line is fitted here. */
#include "pdf_int.h"

#include <hpdf_fontdef.h>
#include <string.h>
#include "posture/arabic.h"

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

/* ---- which font draws a character ----
 *
 * DejaVu Sans draws Latin, Greek, Cyrillic, Hebrew, Arabic (shaped) and
 * most symbols; Droid Sans Fallback, when installed, Chinese and Japanese;
 * Nanum Gothic Korean.  What neither has (Thai, Devanagari and other Indic scripts,
 * emoji and everything past U+FFFF) is drawn as one U+FFFD per run, the
 * marker README names.  Arabic letters are first shaped (arabic.h: each
 * letter in its joined presentation form, when the font has it); then runs
 * of Hebrew or Arabic letters are drawn right to left (reversed). */

enum { USE_MAIN, USE_FALLBACK, USE_FALLBACK2, USE_MARKER };

#define MARKER "\xEF\xBF\xBD"

static uint32_t decode(const unsigned char *s, size_t len, size_t *n)
{
	uint32_t c = s[0];

	*n = 1;
	if (c >= 0xC0 && c < 0xE0 && len >= 2)
		return *n = 2, (c & 0x1F) << 6 | (s[1] & 0x3F);
	if (c >= 0xE0 && c < 0xF0 && len >= 3)
		return *n = 3, (c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
	if (c >= 0xF0 && len >= 4)
		return *n = 4, (c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
	return c;
}

static int font_of(const struct pst_pdf *pdf, int bold, uint32_t c)
{
	if (c < 0x80)
		return USE_MAIN;
	if (c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))
		return USE_MARKER;
	if (!pdf->fdef[bold] || HPDF_TTFontDef_GetGlyphid(pdf->fdef[bold], (HPDF_UINT16)c) != 0)
		return USE_MAIN;
	if (pdf->fb && pdf->fb->def[0] && HPDF_TTFontDef_GetGlyphid(pdf->fb->def[0], (HPDF_UINT16)c) != 0 &&
	    pdf_fallback_font(pdf->fb, 0))
		return USE_FALLBACK;
	if (pdf->fb && pdf->fb->def[1] && HPDF_TTFontDef_GetGlyphid(pdf->fb->def[1], (HPDF_UINT16)c) != 0 &&
	    pdf_fallback_font(pdf->fb, 1))
		return USE_FALLBACK2;
	return USE_MARKER;
}

/* The next run of s drawn with one font: its font and length. */
static size_t next_run(const struct pst_pdf *pdf, int bold, const char *s, size_t len, int *use)
{
	size_t at = 0, n;

	*use = font_of(pdf, bold, decode((const unsigned char *)s, len, &n));
	at = n;
	while (at < len && font_of(pdf, bold, decode((const unsigned char *)s + at, len - at, &n)) == *use)
		at += n;
	return at;
}

static HPDF_Font font_for(const struct pst_pdf *pdf, const struct pdf_font *f, int use)
{
	if (use == USE_FALLBACK || use == USE_FALLBACK2)
		return pdf_fallback_font(pdf->fb, use - USE_FALLBACK);
	return pdf->font[f->bold];
}

static double run_width(const struct pst_pdf *pdf, const struct pdf_font *f, int use, const char *s, size_t len)
{
	HPDF_Font font = font_for(pdf, f, use);
	HPDF_TextWidth tw;

	if (use == USE_MARKER) {
		s = MARKER;
		len = 3;
	}
	tw = HPDF_Font_TextWidth(font, (const HPDF_BYTE *)s, (HPDF_UINT)len);
	return tw.width * f->size / 1000.0;
}

struct glyphs {
	const struct pst_pdf *pdf;
	int bold;
};

/* Whether the main font draws c: the presentation forms are DejaVu Sans's
 * (both weights carry U+FE70..U+FEFC and the Persian forms used). */
static bool main_has(void *ctx, uint32_t c)
{
	const struct glyphs *g = ctx;

	return g->pdf->fdef[g->bold] && HPDF_TTFontDef_GetGlyphid(g->pdf->fdef[g->bold], (HPDF_UINT16)c) != 0;
}

/* s[0..*len) as drawn: shaped into sb when it holds Arabic letters, else s
 * itself. */
static const char *shaped(const struct pst_pdf *pdf, int bold, const char *s, size_t *len, struct strbuf *sb)
{
	struct glyphs g = {pdf, bold};

	if (!pst_arabic_any(s, *len))
		return s;
	strbuf_reset(sb);
	pst_arabic_shape(sb, s, *len, main_has, &g);
	*len = sb->len;
	return strbuf_cstr(sb);
}

static double width_as_is(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len)
{
	double w = 0.0;
	size_t at = 0, n;
	int use;

	while (at < len) {
		n = next_run(pdf, f->bold, s + at, len - at, &use);
		w += run_width(pdf, f, use, s + at, n);
		at += n;
	}
	return w;
}

double pdf_width(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	double w;

	s = shaped(pdf, f->bold, s, &len, &sb);
	w = width_as_is(pdf, f, s, len);
	strbuf_release(&sb);
	return w;
}

static bool is_rtl(uint32_t c)
{
	return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

/* The end of the run of right-to-left letters at s + at (at itself when
 * none starts there): the letters, and spaces between two of them. */
static size_t rtl_run_end(const char *s, size_t len, size_t at)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t end = at, n, k;

	while (end < len) {
		if (is_rtl(decode(u + end, len - end, &n))) {
			end += n;
			continue;
		}
		for (k = end; k < len && s[k] == ' ';)
			k++;
		if (end == at || k == end || k == len || !is_rtl(decode(u + k, len - k, &n)))
			break;
		end = k;
	}
	return end;
}

/* s in visual order: each run of right-to-left letters reversed,
 * character by character. */
static void visual_order(const char *s, struct strbuf *out)
{
	size_t len = strlen(s), at = 0, n, end, k, b;

	while (at < len) {
		end = rtl_run_end(s, len, at);
		if (end == at) {
			decode((const unsigned char *)s + at, len - at, &n);
			strbuf_add(out, s + at, n);
			at += n;
			continue;
		}
		for (k = end; k > at; k = b) {
			for (b = k - 1; b > at && ((unsigned char)s[b] & 0xC0) == 0x80;)
				b--;
			strbuf_add(out, s + b, k - b);
		}
		at = end;
	}
	strbuf_addstr(out, "");
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
	bool arabic = pst_arabic_any(s, len);

	while (at < len) {
		size_t n = char_len(s + at, len - at);
		/* shaped letters take the width of their form in the prefix drawn */
		double cw = arabic ? pdf_width(pdf, f, s, at + n) - sum : pdf_width(pdf, f, s + at, n);

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
	struct strbuf vis = STRBUF_INIT, run = STRBUF_INIT, form = STRBUF_INIT;
	size_t at = 0, n, len;
	int use;

	if (!*s)
		return;
	len = strlen(s);
	visual_order(shaped(pdf, f->bold, s, &len, &form), &vis);
	HPDF_Page_SetGrayFill(page, 0.0);
	HPDF_Page_BeginText(page);
	while (at < vis.len) {
		n = next_run(pdf, f->bold, vis.buf + at, vis.len - at, &use);
		strbuf_reset(&run);
		strbuf_add(&run, use == USE_MARKER ? MARKER : vis.buf + at, use == USE_MARKER ? 3 : n);
		HPDF_Page_SetFontAndSize(page, font_for(pdf, f, use), (HPDF_REAL)f->size);
		HPDF_Page_TextOut(page, (HPDF_REAL)x, (HPDF_REAL)y, run.buf);
		x += run_width(pdf, f, use, vis.buf + at, n); /* vis is shaped already */
		at += n;
	}
	HPDF_Page_EndText(page);
	strbuf_release(&vis);
	strbuf_release(&run);
	strbuf_release(&form);
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
