/* pack_xlsx_exempt.c: the Exemptions sheet: the exemption register
 * (review.h), then the exemptions expiring within 30 days; only when there
 * is something to list.  A team's workbook lists its own findings. */
#include "pack_xlsx_int.h"

static const struct pst_xlsx_column ex_cols[] = {
	{"Listed as", PST_XLSX_TEXT, NULL, 0},
	{"Recommendation", PST_XLSX_TEXT, NULL, 40},
	{"Resource ID", PST_XLSX_TEXT, NULL, 40},
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Severity", PST_XLSX_SEVERITY, NULL, 0},
	{"Since", PST_XLSX_DATE, NULL, 0},
	{"Exemption", PST_XLSX_TEXT, NULL, 24},
	{"Matched by", PST_XLSX_TEXT, NULL, 0},
	{"Category", PST_XLSX_TEXT, NULL, 0},
	{"Expires", PST_XLSX_DATE, NULL, 0},
	{"Expires within 30 days", PST_XLSX_BOOL, NULL, 0},
	{"Description", PST_XLSX_TEXT, NULL, 40},
	{"Assessment key / scope", PST_XLSX_TEXT, NULL, 30},
};

static bool soon(const struct pst_review *r, pst_time t)
{
	return t != PST_TIME_NONE && t > r->t1 && t <= r->t1 + (pst_time)PST_REVIEW_EXPIRY_DAYS * PST_MS_PER_DAY;
}

static int finding_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_exemption *x,
                       struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, x->in_period ? "exempted this period" : "exempt now, High or Critical");
	xpk_text(&w, x->recommendation);
	xpk_text(&w, x->resource_id);
	xpk_text(&w, xpk_team_name(p->r, x->team));
	xpk_text(&w, pst_severity_name(x->severity));
	xpk_date(&w, x->since);
	xpk_text(&w, x->exemption);
	xpk_text(&w, x->matched_by);
	xpk_text(&w, x->category);
	xpk_date(&w, x->expires);
	xpk_bool(&w, soon(p->r, x->expires));
	xpk_text(&w, x->description);
	xpk_text(&w, x->assessment_key);
	return xpk_row_end(&w);
}

static int expiring_row(struct pst_xlsx_table *t, const struct pst_review_expiring *x, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, "exemption expiring within 30 days");
	xpk_text(&w, "");
	xpk_text(&w, "");
	xpk_text(&w, "");
	xpk_text(&w, "");
	xpk_date(&w, PST_TIME_NONE);
	xpk_text(&w, x->name);
	xpk_text(&w, "");
	xpk_text(&w, x->category);
	xpk_date(&w, x->expires);
	xpk_bool(&w, true);
	xpk_text(&w, x->description);
	xpk_text(&w, *x->assessment_key ? x->assessment_key : x->scope);
	return xpk_row_end(&w);
}

int xpk_exemptions(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	if (!r->nexemptions && !r->nexpiring)
		return PST_OK;
	rc = pst_xlsx_table_begin(p->book, "Exemptions", ex_cols, PST_ARRAY_LEN(ex_cols), &t, err);
	for (i = 0; i < r->nexemptions && rc == PST_OK; i++)
		if (xpk_shows(p, r->exemptions[i].team))
			rc = finding_row(p, t, &r->exemptions[i], err);
	for (i = 0; i < r->nexpiring && rc == PST_OK && p->team == PST_REVIEW_NO_TEAM; i++)
		rc = expiring_row(t, &r->expiring[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}
