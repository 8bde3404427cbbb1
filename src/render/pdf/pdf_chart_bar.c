/* pdf_chart_bar.c: horizontal bar charts, plain and stacked by severity. */
#include "pdf_chart_int.h"

#include <math.h>
#include <stdlib.h>

#define ROW_H 16.0
#define BAR_H 10.0
#define TITLE_H 20.0
#define AXIS_H 30.0
#define LEGEND_H 16.0
#define VALUE_W 44.0

struct hbars {
	double x0, x1, top, max, h;
	size_t n, shown;
	int legend;
	int ticks; /* steps on the value axis */
};

static double bar_y(const struct hbars *hb, size_t i)
{
	return hb->top - ((double)i + 0.5) * ROW_H - BAR_H / 2.0;
}

static double bar_w(const struct hbars *hb, double v)
{
	if (!(v > 0.0))
		return 0.0;
	return (v > hb->max ? hb->max : v) / hb->max * (hb->x1 - hb->x0);
}

static double label_width(struct pst_pdf *pdf, const char *const *labels, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	double widest = 20.0, cap = pdf_text_width(pdf) * 0.38;
	size_t i;

	for (i = 0; i < n; i++) {
		double w;

		strbuf_reset(&sb);
		pdf_clean(&sb, labels[i], 0);
		w = pdf_width(pdf, &pdf_f_small, sb.buf, sb.len);
		widest = w > widest ? w : widest;
	}
	strbuf_release(&sb);
	return widest < cap ? widest : cap;
}

static void axis(struct pst_pdf *pdf, const struct hbars *hb, const char *value_title)
{
	HPDF_Page page = pdf_page(pdf);
	struct strbuf sb = STRBUF_INIT;
	int k, ticks = hb->ticks;
	double bottom = hb->top - (double)hb->shown * ROW_H, step = hb->max / ticks;

	for (k = 0; k <= ticks; k++) {
		double x = hb->x0 + (hb->x1 - hb->x0) * k / ticks;

		pdf_line(page, x, hb->top, x, bottom - 3.0, k == 0 ? 0.1 : 0.8, k == 0 ? 0.9 : 0.5);
		strbuf_reset(&sb);
		pdfchart_number(&sb, step * k, step);
		pdf_show_centre(pdf, page, &pdf_f_small, x, bottom - 11.0, sb.buf);
	}
	strbuf_reset(&sb);
	pdf_cut(pdf, &pdf_f_small_bold, value_title, hb->x1 - hb->x0, &sb);
	pdf_show_centre(pdf, page, &pdf_f_small_bold, (hb->x0 + hb->x1) / 2.0, bottom - 23.0, sb.buf);
	strbuf_release(&sb);
}

static void labels(struct pst_pdf *pdf, const struct hbars *hb, const char *const *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < hb->shown; i++) {
		strbuf_reset(&sb);
		pdf_cut(pdf, &pdf_f_small, text[i], hb->x0 - pdf->left - 6.0, &sb);
		pdf_show_right(pdf, pdf_page(pdf), &pdf_f_small, hb->x0 - 5.0, bar_y(hb, i) + 2.0, sb.buf);
	}
	strbuf_release(&sb);
}

static double fixed_height(int legend)
{
	return TITLE_H + AXIS_H + (legend ? LEGEND_H : 0.0) + 4.0;
}

/* How many bars fit on one page, keeping a row for the "more" note. */
static size_t rows_fit(const struct pst_pdf *pdf, int legend)
{
	double rows = floor((pdf->top - pdf->bottom - fixed_height(legend)) / ROW_H) - 1.0;

	return rows > 1.0 ? (size_t)rows : 1;
}

static size_t min_size(size_t a, size_t b)
{
	return a < b ? a : b;
}

/* Sizes the chart (rows beyond one page are left out and said), makes room,
 * draws the title, labels and axis.  A chart without rows says "No data". */
/* True when every value is a whole number (a chart of counts). */
static int whole_numbers(const double *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (isfinite(v[i]) && v[i] != floor(v[i]))
			return 0;
	return 1;
}

static int begin(struct pst_pdf *pdf, struct hbars *hb, const char *title, const char *value_title,
                 const char *const *text, size_t n, double max, int counts, struct pst_error *err)
{
	double fixed = fixed_height(hb->legend);
	size_t fit = rows_fit(pdf, hb->legend);
	int rc;

	hb->n = n;
	hb->shown = min_size(n, fit);
	hb->h = fixed + (double)(hb->shown ? hb->shown + (n > fit) : 4) * ROW_H;
	rc = pdf_need(pdf, hb->h, err);
	if (rc)
		return rc;
	hb->top = pdfchart_title(pdf, title);
	if (n == 0 || !(max > 0.0)) {
		pdfchart_no_data(pdf, hb->top, 4 * ROW_H);
		hb->shown = 0;
		return PST_OK;
	}
	if (counts) {
		hb->max = pdfchart_count_axis(max, &hb->ticks);
	} else {
		hb->max = pdfchart_nice_max(max);
		hb->ticks = pdfchart_ticks(hb->max);
	}
	hb->x0 = pdf->left + label_width(pdf, text, hb->shown) + 8.0;
	hb->x1 = pdf->right - VALUE_W;
	labels(pdf, hb, text);
	axis(pdf, hb, value_title);
	return PST_OK;
}

static int end(struct pst_pdf *pdf, const struct hbars *hb, struct pst_error *err)
{
	if (hb->shown < hb->n) {
		struct strbuf sb = STRBUF_INIT;

		pdf_more_text(&sb, hb->n - hb->shown);
		pdf_show(pdf, pdf_page(pdf), &pdf_f_small_bold, pdf->left, pdf->y - hb->h + 6.0, sb.buf);
		strbuf_release(&sb);
	}
	pdf_advance(pdf, hb->h);
	return pst_pdf_space(pdf, 8.0, err);
}

static void value_label(struct pst_pdf *pdf, const struct hbars *hb, size_t i, double x, double v, int decimals)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%.*f", decimals, v);
	pdf_show(pdf, pdf_page(pdf), &pdf_f_small, x + 4.0, bar_y(hb, i) + 2.0, sb.buf);
	strbuf_release(&sb);
}

static double max_of(const double *v, size_t n)
{
	double m = 0.0;
	size_t i;

	for (i = 0; i < n; i++)
		if (v[i] > m)
			m = v[i];
	return m;
}

int pst_pdf_bar_chart(struct pst_pdf *pdf, const struct pst_bar_chart *c, struct pst_error *err)
{
	struct hbars hb = {0};
	size_t i;
	double max = max_of(c->values, min_size(c->n, rows_fit(pdf, 0)));
	int rc = begin(pdf, &hb, c->title, c->value_title, c->labels, c->n, max, whole_numbers(c->values, c->n), err);

	if (rc)
		return rc;
	for (i = 0; i < hb.shown; i++) {
		double w = bar_w(&hb, c->values[i]);

		if (w > 0.0)
			pdfchart_segment(pdf_page(pdf), 0, hb.x0, bar_y(&hb, i), w, BAR_H);
		value_label(pdf, &hb, i, hb.x0 + w, c->values[i] > 0 ? c->values[i] : 0.0, c->decimals);
	}
	return end(pdf, &hb, err);
}

static double stack_total(const struct pst_stack_chart *c, size_t i)
{
	double t = 0.0;
	size_t k;

	for (k = 0; k < c->nseg; k++)
		if (c->values[i * c->nseg + k] > 0.0)
			t += c->values[i * c->nseg + k];
	return t;
}

static void stack_legend(struct pst_pdf *pdf, const struct hbars *hb, const struct pst_stack_chart *c)
{
	double x = hb->x0, y = hb->top - (double)hb->shown * ROW_H - AXIS_H - 8.0;
	size_t k, n = c->nseg < CHART_MAX_SEGMENTS ? c->nseg : CHART_MAX_SEGMENTS;
	double w = (pdf->right - hb->x0) / (double)n;

	for (k = 0; k < n; k++)
		x = pdfchart_legend_entry(pdf, 1, k, c->segments[k], x, y, w);
}

int pst_pdf_stack_chart(struct pst_pdf *pdf, const struct pst_stack_chart *c, struct pst_error *err)
{
	struct hbars hb = {0};
	double max = 0.0;
	size_t i, k, nseg = c->nseg < CHART_MAX_SEGMENTS ? c->nseg : CHART_MAX_SEGMENTS;
	int rc;

	for (i = 0; i < min_size(c->n, rows_fit(pdf, 1)); i++)
		max = stack_total(c, i) > max ? stack_total(c, i) : max;
	hb.legend = 1;
	rc = begin(pdf, &hb, c->title, c->value_title, c->labels, c->n, max, whole_numbers(c->values, c->n * c->nseg),
	           err);
	if (rc)
		return rc;
	for (i = 0; i < hb.shown; i++) {
		double x = hb.x0;

		for (k = 0; k < nseg; k++) {
			double w = bar_w(&hb, c->values[i * c->nseg + k]);

			pdfchart_segment(pdf_page(pdf), k, x, bar_y(&hb, i), w, BAR_H);
			x += w;
		}
		value_label(pdf, &hb, i, x, stack_total(c, i), 0);
	}
	if (hb.shown)
		stack_legend(pdf, &hb, c);
	return end(pdf, &hb, err);
}
