/* pdf_draw.c: rectangles, rules, hatching and dotted leaders. */
#include "pdf_int.h"

void pdf_rect_fill(HPDF_Page page, double x, double y, double w, double h, double grey)
{
	HPDF_Page_SetGrayFill(page, (HPDF_REAL)grey);
	HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Fill(page);
}

void pdf_rect_stroke(HPDF_Page page, double x, double y, double w, double h, double grey, double lw)
{
	HPDF_Page_SetGrayStroke(page, (HPDF_REAL)grey);
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)lw);
	HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Stroke(page);
}

void pdf_line(HPDF_Page page, double x0, double y0, double x1, double y1, double grey, double lw)
{
	HPDF_Page_SetGrayStroke(page, (HPDF_REAL)grey);
	HPDF_Page_SetLineWidth(page, (HPDF_REAL)lw);
	HPDF_Page_MoveTo(page, (HPDF_REAL)x0, (HPDF_REAL)y0);
	HPDF_Page_LineTo(page, (HPDF_REAL)x1, (HPDF_REAL)y1);
	HPDF_Page_Stroke(page);
}

/* Diagonal lines clipped to the rectangle, over a white ground, framed. */
void pdf_hatch(HPDF_Page page, double x, double y, double w, double h)
{
	double d;

	pdf_rect_fill(page, x, y, w, h, 1.0);
	HPDF_Page_GSave(page);
	HPDF_Page_Rectangle(page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
	HPDF_Page_Clip(page);
	HPDF_Page_EndPath(page);
	HPDF_Page_SetGrayStroke(page, 0.15f);
	HPDF_Page_SetLineWidth(page, 0.9f);
	for (d = -h; d < w; d += 4.0) {
		HPDF_Page_MoveTo(page, (HPDF_REAL)(x + d), (HPDF_REAL)y);
		HPDF_Page_LineTo(page, (HPDF_REAL)(x + d + h), (HPDF_REAL)(y + h));
	}
	HPDF_Page_Stroke(page);
	HPDF_Page_GRestore(page);
	pdf_rect_stroke(page, x, y, w, h, 0.15, 0.6);
}

void pdf_dotted(HPDF_Page page, double x0, double x1, double y)
{
	static const HPDF_UINT16 dots[] = {1, 3};

	if (x1 - x0 < 4.0)
		return;
	HPDF_Page_SetDash(page, dots, 2, 0);
	pdf_line(page, x0, y, x1, y, 0.35, 0.8);
	HPDF_Page_SetDash(page, NULL, 0, 0);
}
