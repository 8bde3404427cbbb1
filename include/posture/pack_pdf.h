/* render_pdf.h: the review pack as a PDF (the monthly meeting document).
 *
 * pst_render_pdf draws a const struct pst_review with the PDF toolkit
 * (pdfdoc.h, pdfchart.h): cover, contents with outlines, executive summary,
 * where the next points are, one section per team, alerts, data quality and
 * the evidence appendix.  It reads the review only and computes nothing that
 * another renderer would also need.  Nothing reads the clock: the dates come
 * from the review (generated_at), so the same review gives a byte-identical
 * file.  The file is written to a temporary name and renamed.
 */
#ifndef POSTURE_RENDER_PDF_H
#define POSTURE_RENDER_PDF_H

#include <stddef.h>
#include "posture/common.h"
#include "posture/pdf_doc.h"
#include "posture/review.h"

struct pst_render_pdf_opts {
	enum pst_pdf_paper paper; /* PST_PAPER_A4 (the default) or PST_PAPER_LETTER */
	const char *font_dir;     /* folder of DejaVuSans.ttf and -Bold; NULL: Debian's */
};

/* Fills opts with the defaults (A4, Debian's fonts). */
void pst_render_pdf_opts_init(struct pst_render_pdf_opts *opts);

/* Writes the pack of review r to path.  team is PST_REVIEW_NO_TEAM for the
 * whole pack, or an index into r->teams for the --split-by-team form: the
 * overall summary plus only that team's section, rows and alerts.  opts may
 * be NULL (the defaults).  r and opts are borrowed for the call.  Returns
 * PST_OK, or a status with err filled (PST_EUSAGE for a team out of range,
 * PST_ENOINPUT for missing fonts, PST_ECANTCREAT / PST_EIO for the file). */
int pst_render_pdf(const struct pst_review *r, size_t team, const struct pst_render_pdf_opts *opts,
                   const char *path, struct pst_error *err);

#endif
