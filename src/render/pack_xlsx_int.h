/* pack_xlsx_int.h: what the pack_xlsx*.c files (one per sheet group) share. */
#ifndef POSTURE_PACK_XLSX_INT_H
#define POSTURE_PACK_XLSX_INT_H

#include <stdbool.h>
#include "posture/render_xlsx.h"
#include "posture/xlsxbook.h"

/* One workbook being written: the review (borrowed), the team shown or
 * PST_REVIEW_NO_TEAM, the book. */
struct pack {
	const struct pst_review *r;
	size_t team;
	struct pst_xlsx_book *book;
};

/* A row being added: the first failure is kept (with its message) and
 * every later call does nothing, so a row is written without a test per
 * cell; pack_row_end returns that status. */
struct pack_row {
	struct pst_xlsx_table *t;
	struct pst_error *err;
	int rc;
};

/* pack_xlsx.c */
bool pack_shows(const struct pack *p, size_t team);
const char *pack_team_name(const struct pst_review *r, size_t team);
const char *pack_status_name(enum pst_status_code st); /* "" when unknown */
void pack_row_begin(struct pack_row *w, struct pst_xlsx_table *t, struct pst_error *err);
void pack_text(struct pack_row *w, const char *s);
void pack_int(struct pack_row *w, int64_t v);
void pack_count(struct pack_row *w, int64_t v, bool known); /* blank when not known */
void pack_number(struct pack_row *w, double v);
void pack_date(struct pack_row *w, pst_time v);
void pack_bool(struct pack_row *w, bool v);
void pack_link(struct pack_row *w, const char *url);
int pack_row_end(struct pack_row *w);

/* One function per sheet, in the order of the workbook. */
int pack_summary(const struct pack *p, struct pst_error *err);    /* pack_xlsx_summary.c */
int pack_teams(const struct pack *p, struct pst_error *err);      /* pack_xlsx_teams.c */
int pack_controls(const struct pack *p, struct pst_error *err);
int pack_changes(const struct pack *p, struct pst_error *err);    /* pack_xlsx_findings.c */
int pack_open_items(const struct pack *p, struct pst_error *err);
int pack_alerts(const struct pack *p, struct pst_error *err);     /* pack_xlsx_evidence.c */
int pack_compliance(const struct pack *p, struct pst_error *err);
int pack_quality(const struct pack *p, struct pst_error *err);
int pack_sources(const struct pack *p, struct pst_error *err);

#endif
