/* pdf_chart_line.c: the score trend line chart, y axis 0-100%. */
#include "pdf_chart_int.h"

#include <math.h>

#define CHART_H 230.0
#define AXIS_W 34.0
#define NO_DATA_H 88.0

struct plot {
	double x0, x1, y0, y1; /* the plot area */
	size_t n;
};

static double px(const struct plot *p, size_t i)
{
	return p->x0 + ((double)i + 0.5) * (p->x1 - p->x0) / (double)p->n;
}

static double py(const struct plot *p, double v)
{
	v = v < 0.0 ? 0.0 : v > 100.0 ? 100.0 : v;
	return p->y0 + v / 100.0 * (p->y1 - p->y0);
}

static void y_axis(struct pst_pdf *pdf, const struct plot *p, const char *y_title)
{
	HPDF_Page page = pdf_page(pdf);
	struct strbuf sb = STRBUF_INIT;
	int v;

	for (v = 0; v <= 100; v += 20) {
		double y = py(p, v);

		pdf_line(page, p->x0, y, p->x1, y, v == 0 ? 0.1 : 0.78, v == 0 ? 0.9 : 0.5);
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%d%%", v);
		pdf_show_right(pdf, page, &pdf_f_small, p->x0 - 4.0, y - 2.5, sb.buf);
	}
	pdf_line(page, p->x0, p->y0, p->x0, p->y1, 0.1, 0.9);
	strbuf_reset(&sb);
	pdf_cut(pdf, &pdf_f_small, y_title, p->x1 - pdf->left, &sb);
	pdf_show(pdf, page, &pdf_f_small, pdf->left, p->y1 + 6.0, sb.buf);
	strbuf_release(&sb);
}

static void x_axis(struct pst_pdf *pdf, const struct plot *p, const char *const *labels)
{
	struct strbuf sb = STRBUF_INIT;
	double slot = (p->x1 - p->x0) / (double)p->n, widest = 0.0;
	size_t i, every;

	for (i = 0; i < p->n; i++) {
		double w;

		strbuf_reset(&sb);
		pdf_clean(&sb, labels[i], 0);
		w = pdf_width(pdf, &pdf_f_small, sb.buf, sb.len);
		widest = w > widest ? w : widest;
	}
	every = (size_t)ceil((widest + 4.0) / slot);
	for (i = 0; i < p->n; i++) {
		if (every > 1 && (p->n - 1 - i) % every)
			continue; /* keep the last (current) month labelled */
		strbuf_reset(&sb);
		pdf_cut(pdf, &pdf_f_small, labels[i], slot * (double)every - 2.0, &sb);
		pdf_show_centre(pdf, pdf_page(pdf), &pdf_f_small, px(p, i), p->y0 - 11.0, sb.buf);
		pdf_line(pdf_page(pdf), px(p, i), p->y0, px(p, i), p->y0 - 3.0, 0.1, 0.6);
	}
	strbuf_release(&sb);
}

static void series(HPDF_Page page, const struct plot *p, const double *v, const bool *hollow, size_t s)
{
	size_t i;
	int pen = 0;

	pdfchart_series_style(page, s);
	for (i = 0; i < p->n; i++) {
		if (isnan(v[i])) {
			pen = 0;
			continue;
		}
		if (pen)
			HPDF_Page_LineTo(page, (HPDF_REAL)px(p, i), (HPDF_REAL)py(p, v[i]));
		else
			HPDF_Page_MoveTo(page, (HPDF_REAL)px(p, i), (HPDF_REAL)py(p, v[i]));
		pen = 1;
	}
	HPDF_Page_Stroke(page);
	for (i = 0; i < p->n; i++)
		if (!isnan(v[i]))
			pdfchart_marker(page, s, px(p, i), py(p, v[i]), hollow && hollow[i]);
}

static void goal_line(HPDF_Page page, const struct plot *p, double g)
{
	static const HPDF_UINT16 dash[] = {4, 3};

	HPDF_Page_SetDash(page, dash, 2, 0);
	pdf_line(page, p->x0, py(p, g), p->x1, py(p, g), 0.3, 1.0);
	HPDF_Page_SetDash(page, NULL, 0, 0);
}

/* The goal's label, on a white ground so that lines under it stay clear
 * of the text; above the line, or below it near the top. */
static void goal_label(struct pst_pdf *pdf, const struct plot *p, double g, const char *label)
{
	HPDF_Page page = pdf_page(pdf);
	struct strbuf sb = STRBUF_INIT;
	double base = py(p, g) + (g > 92.0 ? -9.0 : 3.0), w;

	pdf_cut(pdf, &pdf_f_small_bold, label, (p->x1 - p->x0) / 2.0, &sb);
	w = pdf_width(pdf, &pdf_f_small_bold, sb.buf, sb.len);
	pdf_rect_fill(page, p->x1 - w - 4.0, base - 2.0, w + 3.0, 9.0, 1.0);
	pdf_show_right(pdf, page, &pdf_f_small_bold, p->x1 - 2.0, base, sb.buf);
	strbuf_release(&sb);
}

static double chart_h(const struct pst_line_chart *c)
{
	return c->height > 0 ? c->height : CHART_H;
}

static int has_data(const struct pst_line_chart *c)
{
	size_t i, k;

	for (k = 0; k < c->nseries; k++)
		for (i = 0; i < c->n; i++)
			if (!isnan(c->series[k].values[i]))
				return 1;
	return 0;
}

static void legend(struct pst_pdf *pdf, const struct pst_line_chart *c, size_t ns, double y)
{
	double x = pdf->left + AXIS_W;
	double w = (pdf->right - x) / (double)(ns + !isnan(c->goal));
	size_t k;

	for (k = 0; k < ns; k++)
		x = pdfchart_legend_entry(pdf, 0, k, c->series[k].name, x, y, w);
	if (!isnan(c->goal))
		pdfchart_legend_entry(pdf, 2, 0, c->goal_label ? c->goal_label : "Goal", x, y, w);
}

static void plot(struct pst_pdf *pdf, const struct pst_line_chart *c, double top)
{
	size_t k, ns = c->nseries < CHART_MAX_SERIES ? c->nseries : CHART_MAX_SERIES;
	struct plot p;

	p.x0 = pdf->left + AXIS_W;
	p.x1 = pdf->right - 6.0;
	p.y1 = top - 18.0;
	p.y0 = pdf->y - chart_h(c) + 42.0;
	p.n = c->n;
	y_axis(pdf, &p, c->y_title);
	x_axis(pdf, &p, c->x_labels);
	if (!isnan(c->goal))
		goal_line(pdf_page(pdf), &p, c->goal);
	for (k = 0; k < ns; k++)
		series(pdf_page(pdf), &p, c->series[k].values, c->series[k].hollow, k);
	HPDF_Page_SetDash(pdf_page(pdf), NULL, 0, 0);
	if (!isnan(c->goal))
		goal_label(pdf, &p, c->goal, c->goal_label ? c->goal_label : "Goal");
	legend(pdf, c, ns, p.y0 - 30.0);
}

int pst_pdf_line_chart(struct pst_pdf *pdf, const struct pst_line_chart *c, struct pst_error *err)
{
	int data = has_data(c);
	double top, h = data ? chart_h(c) : NO_DATA_H;
	int rc = pdf_need(pdf, h, err);

	if (rc)
		return rc;
	top = pdfchart_title(pdf, c->title);
	if (data)
		plot(pdf, c, top);
	else
		pdfchart_no_data(pdf, top, NO_DATA_H - 24.0);
	pdf_advance(pdf, h);
	return pst_pdf_space(pdf, 8.0, err);
}
