/* render_xlsx.h: the review model as an Excel workbook (issue 6).
 *
 * Sheets, in order: Summary (key figures, a line chart of the secure score
 * over the trend months with the goal when set, a column chart of open
 * findings by team and severity), Teams, Changes, Open items, Controls,
 * Alerts, Compliance, Data quality, Sources.  Every table has a bold frozen
 * header row and an autofilter; dates are real dates, scores numbers.
 *
 * Changes lists r->findings in their order (the diff order) and its first
 * columns follow `posture diff --format csv`: Class, Resource ID, Assessment
 * key, Recommendation, Severity, Subscription ID, Subscription, Resource
 * group, Resource type, Status before, Cause before, Status after, Cause
 * after, Age (days), First seen, Due date, Overdue, Owner, Portal link; then
 * Team, Resource, Control, Due from.  An unknown status, age or date is a
 * blank cell, as in the CSV.
 *
 * With a team (an index into r->teams), Teams, Changes, Open items and
 * Alerts hold only that team's rows and Controls only its gain column; the
 * Summary, Compliance, Data quality and Sources stay those of the whole
 * review (the --split-by-team form).
 *
 * The workbook's creation date is r->generated_at (required), so the same
 * review gives a byte-identical file.  Large reviews are written in
 * libxlsxwriter's constant-memory mode, and hyperlinks are capped per sheet
 * (each costs about 2.5 KB until the close): memory stays flat with the
 * number of findings (200,000 findings: about 50 MB more than the review).
 *
 * Ownership: r and opts are borrowed for the call.  The file is written on
 * a temporary name and renamed into place; on failure no file is left.
 */
#ifndef POSTURE_RENDER_XLSX_H
#define POSTURE_RENDER_XLSX_H

#include <stddef.h>
#include <stdint.h>
#include "posture/common.h"
#include "posture/review.h"

/* Findings from which the workbook is written in constant memory: below,
 * libxlsxwriter keeps every cell (10,000 findings: about 70 MB). */
#define PST_RENDER_XLSX_BIG 10000u
/* Hyperlinks per sheet by default: libxlsxwriter keeps each (about 2.5 KB)
 * until the close, even in constant memory; past it the URL is text. */
#define PST_RENDER_XLSX_LINKS 10000u

struct pst_render_xlsx_opts {
	uint32_t max_rows;      /* data rows per sheet before "NAME (2)"; 0 = Excel's limit */
	uint32_t max_links;     /* hyperlinks per sheet; 0 = PST_RENDER_XLSX_LINKS */
	size_t big;             /* findings from which constant memory is used;
	                         * 0 = PST_RENDER_XLSX_BIG */
	const char *tmpdir;     /* libxlsxwriter's temporary files; NULL = default */
};

/* opts may be NULL (all defaults).  team is PST_REVIEW_NO_TEAM for the
 * whole review. */
int pst_render_xlsx(const struct pst_review *r, size_t team, const struct pst_render_xlsx_opts *opts,
                    const char *path, struct pst_error *err);

#endif
