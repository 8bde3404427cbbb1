/* pack_pdf.h: the parts of the PDF review pack (src/render/pack_pdf*.c).
 *
 * struct pack carries the document, the review (borrowed, read only), the
 * team the pack is for and scratch buffers for table cells.  Every section
 * function returns a status and fills pk->err.
 */
#ifndef POSTURE_PACK_PDF_INT_H
#define POSTURE_PACK_PDF_INT_H

#include <stdbool.h>
#include "posture/pdf_chart.h"
#include "posture/pdf_doc.h"
#include "posture/pack_pdf.h"
#include "posture/review.h"
#include "posture/strbuf.h"

#define PACK_MAX_COLS 10

/* How many rows a list shows before "and N more: see the workbook".  The
 * lists of a team section get fewer rows when many teams share the pack. */
#define PACK_TEAM_ROWS 10
#define PACK_MANY_TEAMS 8
#define PACK_MANY_TEAM_ROWS 5
#define PACK_LIST_ROWS 25
#define PACK_CHART_BARS 12
/* A team's pack flows: a section starts a new page only when less than this remains. */
#define PACK_FLOW_KEEP 200.0

struct pack {
	struct pst_pdf *pdf;
	const struct pst_review *r;
	size_t team;                     /* PST_REVIEW_NO_TEAM: the whole pack */
	struct strbuf cell[PACK_MAX_COLS];
	struct strbuf line;              /* scratch for one sentence */
	struct pst_error *err;
};

/* Sections, in the order of the pack. */
int pack_glance(struct pack *pk);   /* page 1; the contents follow it */
int pack_summary(struct pack *pk);
int pack_movers(struct pack *pk);   /* pack_pdf_movers.c: subscriptions and controls that moved (whole pack) */
int pack_gains(struct pack *pk);
int pack_clouds(struct pack *pk);   /* pack_pdf_clouds.c: findings by cloud (with other clouds only) */
int pack_governance(struct pack *pk); /* pack_pdf_gov.c: governance buckets (with governance data only) */
int pack_paths(struct pack *pk);    /* pack_pdf_paths.c: attack paths (with attack-path data only) */
int pack_exemptions(struct pack *pk); /* pack_pdf_exempt.c: the exemption register (when it lists any) */
int pack_teams(struct pack *pk);
int pack_compliance(struct pack *pk); /* pack_pdf_compliance.c: by standard (the whole pack only) */
int pack_alerts(struct pack *pk);
int pack_quality(struct pack *pk);
int pack_evidence(struct pack *pk);

/* Shared by page 1 and the summary (pack_pdf_summary.c). */
void pack_scope(struct strbuf *sb, const struct pst_review *r);     /* "1 tenant, 4 subscriptions; ..." */
void pack_generated(struct strbuf *sb, const struct pst_review *r); /* "2026-11-01 00:00 UTC by posture 0.1.0" */
const struct pst_diag *pack_period_note(const struct pst_review *r); /* --allow-partial, first month; or NULL */
/* The 12-month trend of the overall score (height 0: the default); brief:
 * a one-sentence footnote instead of one entry per month. */
int pack_trend_chart(struct pack *pk, const char *title, double height, bool brief);

/* True when rows of team t belong in this pack. */
bool pack_mine(const struct pack *pk, size_t t);
/* Rows of each list in a team section: more in a one-team pack, fewer
 * when more than PACK_MANY_TEAMS teams share the pack. */
size_t pack_team_rows(const struct pack *pk);
/* Team t's name ("Unassigned" when t is not a team). */
const char *pack_team_name(const struct pack *pk, size_t t);

/* Formatting, appended to sb. */
void pack_num(struct strbuf *sb, int64_t n);        /* 12,345 */
void pack_pct(struct strbuf *sb, double v);         /* 61.2% or n/a */
void pack_points(struct strbuf *sb, double v, bool sign); /* +3.4 or 3.4; n/a */
void pack_pp(struct strbuf *sb, double v, bool sign);     /* percentage points: +1.23 or 1.23; n/a */
void pack_rank(struct strbuf *sb, int rank);              /* "3", or a dash when not ranked */
void pack_date(struct strbuf *sb, pst_time t);      /* 2026-10-31 or n/a */
/* The last day an end time covers: 2026-11-01T00:00 ends 2026-10-31. */
void pack_end_date(struct strbuf *sb, pst_time t);
void pack_month(struct strbuf *sb, pst_time t);     /* 2026-10 of an end time */
const char *pack_plural(int64_t n, const char *one, const char *many);
/* A resource as people name it: "vm-web-01 (rg-app)"; the full id is in
 * the workbook.  The id's last segment when the name is unknown. */
void pack_resource(struct strbuf *sb, const char *id, const char *name, const char *group);
/* What a class of finding means to a manager: "Verified fixes", ... and a
 * short explanation ("risk accepted, not a fix"). */

/* Cell i of the next table row, emptied. */
struct strbuf *pack_cell(struct pack *pk, size_t i);
/* Adds the first n cells as a table row. */
int pack_row(struct pack *pk, size_t n);
/* A whole table of nrows rows (at most max_rows shown, 0: all): cells(pk, i)
 * fills the cells of row i. */
int pack_table(struct pack *pk, const struct pst_pdf_col *cols, size_t ncols, size_t max_rows, size_t nrows,
               void (*cells)(struct pack *pk, size_t i));

/* A bold sub-title kept with the start of what follows. */
int pack_subtitle(struct pack *pk, const char *text);
/* One sentence of body text (an empty list says so). */
int pack_say(struct pack *pk, const char *text);

#endif
