/* pdf_para.c: paragraphs broken into lines by measured width.
 *
 * Words break at spaces; a word wider than the line is split after a '/'
 * (resource ids), else a '-', '_' or '.' (names) when one fits, else at a
 * capital inside a camel-case word, else on the last character boundary
 * that fits.  Runs of different fonts share the paragraph. */
#include "pdf_int.h"

#include <stdlib.h>
#include <string.h>

void pdf_para_init(struct pdf_para *p)
{
	memset(p, 0, sizeof(*p));
	strbuf_init(&p->text);
}

void pdf_para_release(struct pdf_para *p)
{
	strbuf_release(&p->text);
	free(p->words);
	free(p->lines);
	pdf_para_init(p);
}

void pdf_para_reset(struct pdf_para *p)
{
	strbuf_reset(&p->text);
	p->nwords = 0;
	p->nlines = 0;
	p->leading = 0.0;
}

static void push_word(struct pdf_para *p, size_t off, size_t len, const struct pdf_font *f, double w,
                      int glued, int newline)
{
	struct pdf_word *wd;

	PST_GROW(p->words, p->awords, p->nwords + 1);
	wd = &p->words[p->nwords++];
	wd->off = off;
	wd->len = len;
	wd->font = f;
	wd->w = w;
	wd->glued = glued;
	wd->newline = newline;
}

static int is_break_after(char c)
{
	return c == '-' || c == '_' || c == '.';
}

static int is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static int is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

/* Where to split a word too wide for width: after the last '/' that fits
 * (a resource id keeps its segments whole); else after the last '-', '_'
 * or '.' that fits; else before the last capital that follows a small
 * letter ("AzureSecurityCenter|Recommendations"); else the longest prefix
 * that fits, never nothing. */
size_t pdf_split_at(const struct pst_pdf *pdf, const struct pdf_font *f, const char *s, size_t len,
                    double width)
{
	size_t fit = pdf_fit(pdf, f, s, len, width), i;

	for (i = fit; i > 1; i--)
		if (s[i - 1] == '/')
			return i;
	for (i = fit; i > 1; i--)
		if (is_break_after(s[i - 1]))
			return i;
	for (i = fit < len ? fit : len - 1; i > 1; i--)
		if (is_upper(s[i]) && is_lower(s[i - 1]))
			return i;
	if (fit == 0)
		while (fit < len && (fit == 0 || ((unsigned char)s[fit] & 0xC0) == 0x80))
			fit++;
	return fit;
}

static void add_word(struct pdf_para *p, const struct pst_pdf *pdf, const struct pdf_font *f, size_t off,
                     size_t len, int newline, double width)
{
	const char *s = p->text.buf;
	double w = pdf_width(pdf, f, s + off, len);
	int glued = 0;

	while (w > width && len > 1) {
		size_t cut = pdf_split_at(pdf, f, s + off, len, width);

		if (cut >= len)
			break;
		push_word(p, off, cut, f, pdf_width(pdf, f, s + off, cut), glued, newline);
		off += cut;
		len -= cut;
		glued = 1;
		newline = 0;
		w = pdf_width(pdf, f, s + off, len);
	}
	push_word(p, off, len, f, w, glued, newline);
}

void pdf_para_add(struct pdf_para *p, const struct pst_pdf *pdf, const struct pdf_font *f, const char *s,
                  int keep_newlines, double width)
{
	size_t i, start = p->text.len, word = SIZE_MAX;
	int newline = 0;

	pdf_clean(&p->text, s, keep_newlines);
	if (f->leading > p->leading)
		p->leading = f->leading;
	for (i = start; i <= p->text.len; i++) {
		char c = i < p->text.len ? p->text.buf[i] : ' ';

		if (c != ' ' && c != '\n') {
			if (word == SIZE_MAX)
				word = i;
			continue;
		}
		if (word != SIZE_MAX)
			add_word(p, pdf, f, word, i - word, newline, width);
		if (word != SIZE_MAX || c == '\n')
			newline = c == '\n';
		word = SIZE_MAX;
	}
}

static double space_width(const struct pst_pdf *pdf, const struct pdf_word *w)
{
	return w->glued ? 0.0 : pdf_width(pdf, w->font, " ", 1);
}

static void push_line(struct pdf_para *p, size_t first, size_t end, double w)
{
	PST_GROW(p->lines, p->alines, p->nlines + 1);
	p->lines[p->nlines].first = first;
	p->lines[p->nlines].end = end;
	p->lines[p->nlines].w = w;
	p->nlines++;
}

void pdf_para_lines(struct pdf_para *p, const struct pst_pdf *pdf, double width)
{
	size_t i, first = 0;
	double w = 0.0;

	p->nlines = 0;
	for (i = 0; i < p->nwords; i++) {
		const struct pdf_word *wd = &p->words[i];
		double extra = i > first ? space_width(pdf, wd) + wd->w : wd->w;

		if (i > first && (wd->newline || w + extra > width)) {
			push_line(p, first, i, w);
			first = i;
			extra = wd->w;
			w = 0.0;
		}
		w += extra;
	}
	if (p->nwords > first)
		push_line(p, first, p->nwords, w);
}

/* The text of line i as drawn: words joined by spaces (or glued). */
static void line_text(const struct pdf_para *p, size_t i, struct strbuf *sb)
{
	size_t k;

	for (k = p->lines[i].first; k < p->lines[i].end; k++) {
		if (k > p->lines[i].first && !p->words[k].glued)
			strbuf_addch(sb, ' ');
		strbuf_add(sb, p->text.buf + p->words[k].off, p->words[k].len);
	}
}

void pdf_para_limit(struct pdf_para *p, const struct pst_pdf *pdf, size_t max, double width)
{
	struct strbuf rest = STRBUF_INIT;
	struct pdf_line *last;
	size_t off;

	if (p->nlines <= max || max == 0)
		return;
	last = &p->lines[max - 1];
	/* The last kept line shows its words and then an ellipsis. */
	line_text(p, max - 1, &rest);
	strbuf_addstr(&rest, " " PDF_ELLIPSIS);
	off = p->text.len;
	pdf_cut(pdf, p->words[last->first].font, rest.buf, width, &p->text);
	p->words[last->first].off = off;
	p->words[last->first].len = p->text.len - off;
	p->words[last->first].w = pdf_width(pdf, p->words[last->first].font, p->text.buf + off, p->text.len - off);
	last->end = last->first + 1;
	last->w = p->words[last->first].w;
	p->nlines = max;
	strbuf_release(&rest);
}

void pdf_para_draw_line(struct pst_pdf *pdf, const struct pdf_para *p, size_t i, double x, double y, int right)
{
	const struct pdf_line *ln = &p->lines[i];
	struct strbuf seg = STRBUF_INIT;
	size_t k = ln->first;

	if (right)
		x -= ln->w;
	while (k < ln->end) {
		const struct pdf_font *f = p->words[k].font;
		double start = x;

		strbuf_reset(&seg);
		for (; k < ln->end && p->words[k].font == f; k++) {
			if (k > ln->first && !p->words[k].glued) {
				strbuf_addch(&seg, ' ');
				x += pdf_width(pdf, f, " ", 1);
			}
			strbuf_add(&seg, p->text.buf + p->words[k].off, p->words[k].len);
			x += p->words[k].w;
		}
		pdf_show(pdf, pdf_page(pdf), f, start, y, seg.buf);
	}
	strbuf_release(&seg);
}
