/* pack_pdf_gov.c: governance as Microsoft's governance report buckets it:
 * on time, overdue, unassigned, completed, exempted, per team and per
 * owner; only when the data has governance assignments.  A team's pack
 * shows its own row. */
#include "pack_pdf_int.h"

static const struct pst_pdf_col gov_cols[] = {
	{"", 3, 0, PST_PDF_LEFT, 0},
	{"On time", 0, 44, PST_PDF_RIGHT, 0},
	{"of which in grace", 0, 58, PST_PDF_RIGHT, 0},
	{"Overdue", 0, 46, PST_PDF_RIGHT, 0},
	{"Unassigned", 0, 56, PST_PDF_RIGHT, 0},
	{"Completed", 0, 54, PST_PDF_RIGHT, 0},
	{"Exempted", 0, 50, PST_PDF_RIGHT, 0},
};

static void gov_cells(struct pack *pk, const struct pst_review_gov *g)
{
	strbuf_addstr(pack_cell(pk, 0), g->name);
	pack_num(pack_cell(pk, 1), g->on_time);
	pack_num(pack_cell(pk, 2), g->grace);
	pack_num(pack_cell(pk, 3), g->overdue);
	pack_num(pack_cell(pk, 4), g->unassigned);
	pack_num(pack_cell(pk, 5), g->completed);
	pack_num(pack_cell(pk, 6), g->exempted);
}

static void team_cells(struct pack *pk, size_t i)
{
	gov_cells(pk, &pk->r->gov_by_team[pk->team == PST_REVIEW_NO_TEAM ? i : pk->team]);
}

static void owner_cells(struct pack *pk, size_t i)
{
	gov_cells(pk, &pk->r->gov_by_owner[i]);
}

static int table(struct pack *pk, const char *first, size_t n, void (*cells)(struct pack *, size_t))
{
	struct pst_pdf_col cols[PST_ARRAY_LEN(gov_cols)];
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(gov_cols); i++)
		cols[i] = gov_cols[i];
	cols[0].title = first;
	return pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, n, cells);
}

int pack_governance(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	int rc;

	if (!r->has_governance)
		return PST_OK;
	rc = pack_subtitle(pk, "Governance");
	if (rc == PST_OK)
		rc = pack_say(pk, "Findings as the governance report counts them: open and assigned, on time (grace "
		                  "periods included: never overdue) or overdue; open and unassigned; completed (a "
		                  "verified fix of an assigned finding); exempted.");
	if (rc == PST_OK)
		rc = table(pk, "Team", pk->team == PST_REVIEW_NO_TEAM ? r->ngov_by_team : 1, team_cells);
	if (rc == PST_OK && pk->team == PST_REVIEW_NO_TEAM)
		rc = table(pk, "Owner", r->ngov_by_owner, owner_cells);
	return rc;
}
