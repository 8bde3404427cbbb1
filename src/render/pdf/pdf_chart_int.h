/* pdf_chart.h: shared pieces of the charts (src/render only). */
#ifndef POSTURE_PDF_CHART_INT_H
#define POSTURE_PDF_CHART_INT_H

#include "pdf_int.h"
#include "posture/pdf_chart.h"

#define CHART_MAX_SERIES 4
#define CHART_MAX_SEGMENTS 4

/* Series look: stroke grey, dash pattern, marker shape. */
void pdfchart_series_style(HPDF_Page page, size_t i);
void pdfchart_marker(HPDF_Page page, size_t i, double x, double y, bool hollow);
/* Segment fill: solid dark, mid grey, hatched, light. */
void pdfchart_segment(HPDF_Page page, size_t i, double x, double y, double w, double h);
/* Draws the title at the top of the box [pdf->y, pdf->y - h] and returns
 * the y below it. */
double pdfchart_title(struct pst_pdf *pdf, const char *title);
/* "No data" in the middle of a framed box of height h below y. */
void pdfchart_no_data(struct pst_pdf *pdf, double y, double h);
/* A nice round axis maximum (1, 2, 2.5, 5 x 10^k) at or above max. */
double pdfchart_nice_max(double max);
/* How many equal steps divide an axis of that nice maximum into round
 * numbers: 5 for 5 and 10 (steps of 1 and 2), 4 for 2 (0.5), 5 for 2.5 (0.5). */
int pdfchart_ticks(double nice_max);
/* An axis for counts (whole numbers): a step of 1, 2, 5, 10, 20, 50 ...
 * giving at most 5 steps up to max; *ticks = the steps, returns the axis
 * maximum (ticks x step): 3 -> 0..3 by 1, 7 -> 0..8 by 2, 13 -> 0..15 by 5. */
double pdfchart_count_axis(double max, int *ticks);
/* Formats v with the digits a step of that size needs. */
void pdfchart_number(struct strbuf *sb, double v, double step);
/* One legend entry at x, baseline y, at most w wide; returns the x after
 * it.  kind 0: a line sample of series i; 1: a segment swatch i; 2: the
 * goal line. */
double pdfchart_legend_entry(struct pst_pdf *pdf, int kind, size_t i, const char *name, double x, double y,
                          double w);

#endif
