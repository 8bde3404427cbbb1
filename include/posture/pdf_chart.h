/* pdfchart.h: charts drawn into a struct pst_pdf with libharu primitives,
 * readable in greyscale print (dash patterns, markers, grey fills, hatching).
 *
 * All arrays and strings are borrowed for the call.  A value that is NAN is
 * missing (a gap in a line).  Charts with no data draw their frame and the
 * text "No data".  Each chart takes the full text width and moves to a new
 * page when it does not fit.
 */
#ifndef POSTURE_PDFCHART_H
#define POSTURE_PDFCHART_H

#include <stdbool.h>
#include <stddef.h>
#include "posture/pdf_doc.h"

struct pst_chart_series {
	const char *name;
	const double *values; /* one per x label, in percent (0-100) */
	const bool *hollow;   /* line charts: points drawn as open markers (partial data); NULL: none */
};

/* A line chart over x labels (months) with a y axis 0-100%. */
struct pst_line_chart {
	const char *title;
	const char *y_title;                  /* "Secure score (%)" */
	const char *const *x_labels;          /* n labels: "2025-11" ... */
	size_t n;
	const struct pst_chart_series *series; /* up to 4 series */
	size_t nseries;
	double goal;                          /* NAN: no goal line */
	const char *goal_label;               /* "Goal 70%" */
	double height;                        /* points; 0: the default (230) */
};
int pst_pdf_line_chart(struct pst_pdf *pdf, const struct pst_line_chart *c, struct pst_error *err);

/* A horizontal bar chart: one bar per label, value printed at its end. */
struct pst_bar_chart {
	const char *title;
	const char *value_title;  /* "Points to gain" */
	const char *const *labels;
	const double *values;     /* >= 0 */
	size_t n;
	int decimals;             /* digits printed after the point */
};
int pst_pdf_bar_chart(struct pst_pdf *pdf, const struct pst_bar_chart *c, struct pst_error *err);

/* Horizontal stacked bars: each label's bar is split into up to 4 segments
 * (High, Medium, Low, ...) filled solid dark, mid grey, hatched, light. */
struct pst_stack_chart {
	const char *title;
	const char *value_title;
	const char *const *labels;       /* n bars */
	size_t n;
	const char *const *segments;     /* nseg segment names */
	size_t nseg;
	const double *values;            /* n * nseg, row by row, >= 0 */
};
int pst_pdf_stack_chart(struct pst_pdf *pdf, const struct pst_stack_chart *c, struct pst_error *err);

#endif
