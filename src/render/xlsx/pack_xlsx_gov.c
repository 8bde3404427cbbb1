/* pack_xlsx_gov.c: the Governance sheet: the governance report's buckets
 * per team and per owner (review.h pst_review_gov), only when the data has
 * governance assignments; a team's workbook has its own team row only. */
#include "pack_xlsx_int.h"

static const struct pst_xlsx_column gov_cols[] = {
	{"By", PST_XLSX_TEXT, NULL, 0},
	{"Team or owner", PST_XLSX_TEXT, NULL, 36},
	{"On time", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Of which in grace period", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Overdue", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Unassigned", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Completed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Exempted", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

static int gov_row(struct pst_xlsx_table *t, const char *by, const struct pst_review_gov *g, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, by);
	xpk_text(&w, g->name);
	xpk_int(&w, g->on_time);
	xpk_int(&w, g->grace);
	xpk_int(&w, g->overdue);
	xpk_int(&w, g->unassigned);
	xpk_int(&w, g->completed);
	xpk_int(&w, g->exempted);
	return xpk_row_end(&w);
}

int xpk_governance(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	if (!r->has_governance)
		return PST_OK;
	rc = pst_xlsx_table_begin(p->book, "Governance", gov_cols, PST_ARRAY_LEN(gov_cols), &t, err);
	for (i = 0; i < r->ngov_by_team && rc == PST_OK; i++)
		if (xpk_shows(p, i))
			rc = gov_row(t, "team", &r->gov_by_team[i], err);
	for (i = 0; i < r->ngov_by_owner && rc == PST_OK && p->team == PST_REVIEW_NO_TEAM; i++)
		rc = gov_row(t, "owner", &r->gov_by_owner[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}
