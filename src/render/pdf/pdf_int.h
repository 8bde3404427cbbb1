/* pdf_int.h: the inside of struct pst_pdf, shared by src/render/pdf_*.c. */
#ifndef POSTURE_PDF_INT_H
#define POSTURE_PDF_INT_H

#include <hpdf.h>
#include "posture/pdf_doc.h"
#include "posture/strbuf.h"

/* A font choice: bold or not, size and line height in points. */
#define PDF_ELLIPSIS "\xE2\x80\xA6"

struct pdf_font {
	int bold;
	double size;
	double leading;
};

extern const struct pdf_font pdf_f_body, pdf_f_bold, pdf_f_small, pdf_f_small_bold;
extern const struct pdf_font pdf_f_h1, pdf_f_h2, pdf_f_title, pdf_f_big;
const struct pdf_font *pdf_style_font(enum pst_pdf_style style);

/* Replaces the invalid /ToUnicode map libharu 2.3.0 gives a UTF-8 font with
 * the identity map (pdf_tounicode.c).  Returns 0, or -1 on failure. */
int pdf_fix_tounicode(HPDF_Doc doc, HPDF_Font font);

struct pdf_page {
	HPDF_Page page;
	long section; /* heading index of its level-1 section, -1 none, -2 contents */
	long top_section; /* flowed: the section running at its top (the running header's) */
	int flowed;   /* a level-1 section started on it below other content (pst_pdf_flow) */
	int cover;
	int band;     /* opens with a title band: no running header */
};

struct pdf_heading {
	char *title; /* owned, valid UTF-8 */
	int level;
	size_t page; /* index in pages before the contents are inserted */
	HPDF_Destination dest;
};

struct pdf_table; /* pdf_table.c */

/* Droid Sans Fallback (Chinese, Japanese) and Nanum Gothic (Korean): the
 * glyph tables are read with the document, the fonts made on first use
 * (an unused fallback adds nothing to the file).  NULL when not installed. */
struct pdf_fallback {
	HPDF_Doc doc;
	const char *name[2];
	HPDF_FontDef def[2];
	HPDF_Font font[2];
	int tried[2];
};
HPDF_Font pdf_fallback_font(struct pdf_fallback *fb, int i);

struct pst_pdf {
	HPDF_Doc doc;
	HPDF_Font font[2]; /* regular, bold */
	HPDF_FontDef fdef[2]; /* their glyph tables */
	struct pdf_fallback *fb;  /* owned: the fallback fonts (pdf_wrap.c) */
	int failed;        /* set by the libharu error handler */
	int saved;
	struct pst_error herr;
	double page_w, page_h, left, right, top, bottom;
	double y;          /* the cursor: top of the free space */
	int page_empty;
	struct pdf_page *pages;
	size_t npages, apages;
	struct pdf_heading *heads;
	size_t nheads, aheads;
	HPDF_Outline last_l1;
	long section;
	int has_contents;
	size_t contents_at;
	char *title;       /* owned, sanitized */
	char *footer_note; /* owned, sanitized, may be NULL */
	struct pdf_table *table;
	double flow_keep;  /* > 0: sections flow (pst_pdf_flow) */
};

/* The status of libharu so far: copies its error into err. */
int pdf_status(struct pst_pdf *pdf, struct pst_error *err);
/* Sanitized copy of s (NULL -> "") appended to sb, newlines kept or not. */
void pdf_clean(struct strbuf *sb, const char *s, int keep_newlines);

/* "and N more: see the workbook", the line that ends a cut list. */
void pdf_more_text(struct strbuf *sb, size_t more);

/* Pages and the cursor (pdf_page.c). */
int pdf_new_page(struct pst_pdf *pdf, struct pst_error *err);
/* A new page unless the current one is still empty (never flows). */
int pdf_break(struct pst_pdf *pdf, struct pst_error *err);
/* Makes room for h points: a new page when it does not fit (and the page
 * holds something).  Returns a status. */
int pdf_need(struct pst_pdf *pdf, double h, struct pst_error *err);
void pdf_advance(struct pst_pdf *pdf, double h);
HPDF_Page pdf_page(const struct pst_pdf *pdf); /* the current page */
double pdf_text_width(const struct pst_pdf *pdf);
/* Inserts a contents page before pages[at] (or at the end). */
int pdf_insert_page(struct pst_pdf *pdf, size_t at, struct pst_error *err);

/* Measuring and drawing text (pdf_wrap.c). */
double pdf_width(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len);
/* Longest prefix of s (a character boundary) no wider than w. */
size_t pdf_fit(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len, double w);
/* s (any bytes: sanitized here, newlines made spaces) cut to one line of
 * width w, with an ellipsis when cut; appended to sb. */
void pdf_cut(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, double w, struct strbuf *sb);
/* Draws s (valid UTF-8, NUL-terminated) with its baseline at y. */
void pdf_show(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y, const char *s);
/* Draws s right-aligned at x (its right edge) or centred on x. */
void pdf_show_right(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y,
                    const char *s);
void pdf_show_centre(struct pst_pdf *pdf, HPDF_Page page, const struct pdf_font *f, double x, double y,
                     const char *s);

/* A paragraph laid out in lines (pdf_para.c). */
/* Bytes of s (len > 0) to put on a line of width when the word s is too
 * wide: after the last '/' that fits, else the last '-', '_' or '.', else before a capital
 * after a small letter, else the longest prefix that fits (at least one
 * character). */
size_t pdf_split_at(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len,
                    double width);
struct pdf_word {
	size_t off, len;
	const struct pdf_font *font;
	double w;
	int glued;   /* no space before it (a piece of a long word) */
	int newline; /* a hard line break before it */
};

struct pdf_line {
	size_t first, end; /* words [first, end) */
	double w;
};

struct pdf_para {
	struct strbuf text;
	struct pdf_word *words;
	size_t nwords, awords;
	struct pdf_line *lines;
	size_t nlines, alines;
	double leading;
};

void pdf_para_init(struct pdf_para *p);
void pdf_para_release(struct pdf_para *p);
void pdf_para_reset(struct pdf_para *p);
/* Adds s (sanitized here) in font f; long words are split to fit width. */
void pdf_para_add(struct pdf_para *p, const struct pst_pdf *pdf, const struct pdf_font *f, const char *s,
                  int keep_newlines, double width);
/* Breaks the words into lines no wider than width. */
void pdf_para_lines(struct pdf_para *p, const struct pst_pdf *pdf, double width);
/* Keeps at most max lines; the last one is cut with an ellipsis. */
void pdf_para_limit(struct pdf_para *p, const struct pst_pdf *pdf, size_t max, double width);
/* Draws line i on the current page with its left edge at x (or right edge when right) and baseline y. */
void pdf_para_draw_line(struct pst_pdf *pdf, const struct pdf_para *p, size_t i, double x, double y, int right);

/* The flow of paragraphs (pdf_text.c). */
double pdf_baseline(const struct pdf_font *f, double top, double leading);
int pdf_flow_para(struct pst_pdf *pdf, const struct pdf_para *p, double x, struct pst_error *err);

/* Drawing helpers (pdf_draw.c). */
void pdf_rect_fill(HPDF_Page page, double x, double y, double w, double h, double grey);
void pdf_rect_stroke(HPDF_Page page, double x, double y, double w, double h, double grey, double lw);
void pdf_line(HPDF_Page page, double x0, double y0, double x1, double y1, double grey, double lw);
void pdf_hatch(HPDF_Page page, double x, double y, double w, double h);
void pdf_dotted(HPDF_Page page, double x0, double x1, double y);

/* Finishing (pdf_toc.c, pdf_page.c). */
int pdf_insert_contents(struct pst_pdf *pdf, struct pst_error *err);
void pdf_draw_running(struct pst_pdf *pdf);
void pdf_table_free(struct pdf_table *t);

#endif
