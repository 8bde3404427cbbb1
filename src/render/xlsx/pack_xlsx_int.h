/* pack_xlsx_int.h: what the pack_xlsx*.c files (one per sheet group) share. */
#ifndef POSTURE_XPK_INT_H
#define POSTURE_XPK_INT_H

#include <stdbool.h>
#include "posture/pack_xlsx.h"
#include "posture/xlsx_book.h"

/* One workbook being written: the review (borrowed), the team shown or
 * PST_REVIEW_NO_TEAM, the book. */
struct xpk {
	const struct pst_review *r;
	size_t team;
	struct pst_xlsx_book *book;
};

/* A row being added: the first failure is kept (with its message) and
 * every later call does nothing, so a row is written without a test per
 * cell; xpk_row_end returns that status. */
struct xpk_row {
	struct pst_xlsx_table *t;
	struct pst_error *err;
	int rc;
};

/* pack_xlsx.c */
bool xpk_shows(const struct xpk *p, size_t team);
const char *xpk_team_name(const struct pst_review *r, size_t team);
const char *xpk_status_name(enum pst_status_code st); /* "" when unknown */
void xpk_row_begin(struct xpk_row *w, struct pst_xlsx_table *t, struct pst_error *err);
void xpk_text(struct xpk_row *w, const char *s);
void xpk_int(struct xpk_row *w, int64_t v);
void xpk_count(struct xpk_row *w, int64_t v, bool known); /* blank when not known */
void xpk_number(struct xpk_row *w, double v);
void xpk_date(struct xpk_row *w, pst_time v);
void xpk_bool(struct xpk_row *w, bool v);
void xpk_link(struct xpk_row *w, const char *url);
int xpk_row_end(struct xpk_row *w);

/* One function per sheet, in the order of the workbook. */
int xpk_summary(const struct xpk *p, struct pst_error *err);    /* pack_xlsx_summary.c */
int xpk_teams(const struct xpk *p, struct pst_error *err);      /* pack_xlsx_teams.c */
int xpk_controls(const struct xpk *p, struct pst_error *err);
int xpk_paths(const struct xpk *p, struct pst_error *err);      /* pack_xlsx_paths.c (attack-path data only) */
int xpk_movers(const struct xpk *p, struct pst_error *err);     /* pack_xlsx_movers.c (whole workbook only) */
int xpk_clouds(const struct xpk *p, struct pst_error *err);     /* pack_xlsx_clouds.c (other clouds only) */
int xpk_governance(const struct xpk *p, struct pst_error *err); /* pack_xlsx_gov.c (with governance only) */
int xpk_exemptions(const struct xpk *p, struct pst_error *err); /* pack_xlsx_exempt.c (the exemption register) */
int xpk_changes(const struct xpk *p, struct pst_error *err);    /* pack_xlsx_findings.c */
int xpk_open_items(const struct xpk *p, struct pst_error *err);
int xpk_alerts(const struct xpk *p, struct pst_error *err);     /* pack_xlsx_evidence.c */
int xpk_compliance(const struct xpk *p, struct pst_error *err);
int xpk_quality(const struct xpk *p, struct pst_error *err);
int xpk_subscriptions(const struct xpk *p, struct pst_error *err);
int xpk_sources(const struct xpk *p, struct pst_error *err);

#endif
