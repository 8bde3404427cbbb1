/* pdf_chart.c: styles, titles, legends and axes shared by the charts. */
#include "pdf_chart_int.h"

#include <math.h>

static const double series_grey[CHART_MAX_SERIES] = {0.0, 0.35, 0.0, 0.5};
static const HPDF_UINT16 dash_long[] = {6, 3};
static const HPDF_UINT16 dash_dot[] = {1, 2};
static const HPDF_UINT16 dash_mixed[] = {7, 2, 1, 2};

void pdfchart_series_style(HPDF_Page page, size_t i)
{
	i %= CHART_MAX_SERIES;
	HPDF_Page_SetGrayStroke(page, (HPDF_REAL)series_grey[i]);
	HPDF_Page_SetLineWidth(page, 1.6f);
	if (i == 1)
		HPDF_Page_SetDash(page, dash_long, 2, 0);
	else if (i == 2)
		HPDF_Page_SetDash(page, dash_dot, 2, 0);
	else if (i == 3)
		HPDF_Page_SetDash(page, dash_mixed, 4, 0);
	else
		HPDF_Page_SetDash(page, NULL, 0, 0);
}

/* Filled circle, open square, filled triangle, open circle; hollow: every
 * marker open (white inside), larger. */
void pdfchart_marker(HPDF_Page page, size_t i, double x, double y, bool hollow)
{
	const HPDF_REAL r = hollow ? 3.4f : 2.6f, fx = (HPDF_REAL)x, fy = (HPDF_REAL)y;

	i %= CHART_MAX_SERIES;
	HPDF_Page_SetDash(page, NULL, 0, 0);
	HPDF_Page_SetLineWidth(page, hollow ? 1.2f : 1.0f);
	HPDF_Page_SetGrayStroke(page, (HPDF_REAL)series_grey[i]);
	HPDF_Page_SetGrayFill(page, i % 2 || hollow ? 1.0f : (HPDF_REAL)series_grey[i]);
	if (i == 1) {
		HPDF_Page_Rectangle(page, fx - r, fy - r, 2 * r, 2 * r);
	} else if (i == 2) {
		HPDF_Page_MoveTo(page, fx - r - 0.5f, fy - r);
		HPDF_Page_LineTo(page, fx + r + 0.5f, fy - r);
		HPDF_Page_LineTo(page, fx, fy + r + 0.5f);
		HPDF_Page_ClosePath(page);
	} else {
		HPDF_Page_Circle(page, fx, fy, r);
	}
	HPDF_Page_FillStroke(page);
}

void pdfchart_segment(HPDF_Page page, size_t i, double x, double y, double w, double h)
{
	static const double grey[CHART_MAX_SEGMENTS] = {0.15, 0.55, 1.0, 0.85};

	if (w <= 0.0)
		return;
	i %= CHART_MAX_SEGMENTS;
	if (i == 2) {
		pdf_hatch(page, x, y, w, h);
		return;
	}
	pdf_rect_fill(page, x, y, w, h, grey[i]);
	pdf_rect_stroke(page, x, y, w, h, 0.15, 0.6);
}

double pdfchart_title(struct pst_pdf *pdf, const char *title)
{
	struct strbuf sb = STRBUF_INIT;

	pdf_cut(pdf, &pdf_f_bold, title, pdf_text_width(pdf), &sb);
	pdf_show(pdf, pdf_page(pdf), &pdf_f_bold, pdf->left, pdf_baseline(&pdf_f_bold, pdf->y, 16.0), sb.buf);
	strbuf_release(&sb);
	return pdf->y - 20.0;
}

void pdfchart_no_data(struct pst_pdf *pdf, double y, double h)
{
	HPDF_Page page = pdf_page(pdf);

	pdf_rect_stroke(page, pdf->left, y - h, pdf_text_width(pdf), h, 0.6, 0.6);
	pdf_show_centre(pdf, page, &pdf_f_body, (pdf->left + pdf->right) / 2.0, y - h / 2.0 - 3.0, "No data");
}

double pdfchart_nice_max(double max)
{
	static const double steps[] = {1.0, 2.0, 2.5, 5.0, 10.0};
	double mag;
	size_t i;

	if (!(max > 0.0) || !isfinite(max))
		return 1.0;
	mag = pow(10.0, floor(log10(max)));
	for (i = 0; i < PST_ARRAY_LEN(steps); i++)
		if (steps[i] * mag >= max * (1.0 - 1e-9))
			return steps[i] * mag;
	return 10.0 * mag;
}

double pdfchart_count_axis(double max, int *ticks)
{
	static const double steps[] = {1.0, 2.0, 5.0};
	double mag = 1.0, step = 1.0, n;
	size_t i;

	if (!(max > 0.0) || !isfinite(max) || max > 1e15) {
		*ticks = pdfchart_ticks(pdfchart_nice_max(max));
		return pdfchart_nice_max(max);
	}
	for (;; mag *= 10.0) {
		for (i = 0; i < PST_ARRAY_LEN(steps); i++)
			if (steps[i] * mag * 5.0 >= max * (1.0 - 1e-9))
				break;
		if (i < PST_ARRAY_LEN(steps)) {
			step = steps[i] * mag;
			break;
		}
	}
	n = ceil(max / step - 1e-9);
	*ticks = n < 1.0 ? 1 : (int)n;
	return step * *ticks;
}

int pdfchart_ticks(double nice_max)
{
	double mant;

	if (!(nice_max > 0.0) || !isfinite(nice_max))
		return 4;
	mant = nice_max / pow(10.0, floor(log10(nice_max) + 1e-9));
	return fabs(mant - 2.0) < 1e-6 ? 4 : 5;
}

/* The fewest decimals (at most 3) that print every multiple of step exactly:
 * 2.5 needs 1, 1.25 needs 2 (a step of 1.25 printed with none reads 1, 2, 4, 5). */
void pdfchart_number(struct strbuf *sb, double v, double step)
{
	int digits = 0;
	double scaled = step > 0.0 && isfinite(step) ? step : 1.0;

	while (digits < 3 && fabs(scaled - round(scaled)) > 1e-6 * scaled) {
		scaled *= 10.0;
		digits++;
	}
	strbuf_addf(sb, "%.*f", digits, v);
}

double pdfchart_legend_entry(struct pst_pdf *pdf, int kind, size_t i, const char *name, double x, double y,
                          double w)
{
	HPDF_Page page = pdf_page(pdf);
	struct strbuf sb = STRBUF_INIT;
	static const HPDF_UINT16 goal_dash[] = {4, 3};

	if (kind == 1) {
		pdfchart_segment(page, i, x, y - 1.0, 12.0, 8.0);
	} else if (kind == 2) {
		HPDF_Page_SetDash(page, goal_dash, 2, 0);
		pdf_line(page, x, y + 3.0, x + 22.0, y + 3.0, 0.3, 1.0);
		HPDF_Page_SetDash(page, NULL, 0, 0);
	} else {
		pdfchart_series_style(page, i);
		HPDF_Page_MoveTo(page, (HPDF_REAL)x, (HPDF_REAL)(y + 3.0));
		HPDF_Page_LineTo(page, (HPDF_REAL)(x + 22.0), (HPDF_REAL)(y + 3.0));
		HPDF_Page_Stroke(page);
		pdfchart_marker(page, i, x + 11.0, y + 3.0, false);
	}
	x += kind == 1 ? 16.0 : 26.0;
	pdf_cut(pdf, &pdf_f_small, name, w - (kind == 1 ? 16.0 : 26.0) - 14.0, &sb);
	pdf_show(pdf, page, &pdf_f_small, x, y, sb.buf);
	x += pdf_width(pdf, &pdf_f_small, sb.buf, sb.len) + 14.0;
	strbuf_release(&sb);
	return x;
}
