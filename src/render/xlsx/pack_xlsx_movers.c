/* pack_xlsx_movers.c: the Movers sheet: every subscription and control
 * whose score moved, each change split into its parts (review.h struct
 * pst_review_why), as the PDF's Movers section shows the first ten.  The
 * whole workbook only (subscriptions and controls are the organisation's),
 * and only when something moved. */
#include "pack_xlsx_int.h"

#include <math.h>

static const struct pst_xlsx_column movers_cols[] = {
	{"Kind", PST_XLSX_TEXT, NULL, 0},
	{"Name", PST_XLSX_TEXT, NULL, 32},
	{"Id", PST_XLSX_TEXT, NULL, 38},
	{"Unit", PST_XLSX_TEXT, NULL, 0},
	{"Start", PST_XLSX_NUMBER, "0.00", 0},
	{"End", PST_XLSX_NUMBER, "0.00", 0},
	{"Change", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Fixes", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Regressions", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"New findings", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Scope", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Other", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Verified fixes", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Regressed", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Newly open", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Closed without a fix", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Left the export", PST_XLSX_BOOL, NULL, 0},
};

/* Start, end, change and the change's five parts. */
static void moved(struct xpk_row *w, double before, double after, double change, const struct pst_review_why *y)
{
	xpk_number(w, before);
	xpk_number(w, after);
	xpk_number(w, change);
	xpk_number(w, y->fixes);
	xpk_number(w, y->regressions);
	xpk_number(w, y->new_findings);
	xpk_number(w, y->scope);
	xpk_number(w, y->other);
}

static int sub_row(struct pst_xlsx_table *t, const struct pst_review_mover *m, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, "Subscription");
	xpk_text(&w, m->name);
	xpk_text(&w, m->id);
	xpk_text(&w, "% and pp of its score");
	moved(&w, m->before, m->after, m->change, &m->why);
	xpk_int(&w, m->fixes);
	xpk_int(&w, m->regressions);
	xpk_int(&w, m->new_insecure);
	xpk_int(&w, m->closed_other);
	xpk_bool(&w, m->left_scope);
	return xpk_row_end(&w);
}

static int control_row(struct pst_xlsx_table *t, const struct pst_review_control_mover *m, struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, "Control");
	xpk_text(&w, m->name);
	xpk_text(&w, m->control_id);
	xpk_text(&w, "score points");
	moved(&w, m->before, m->after, m->change, &m->why);
	xpk_int(&w, m->fixes);
	xpk_int(&w, m->regressions);
	xpk_int(&w, m->new_insecure);
	xpk_int(&w, m->closed_other);
	xpk_bool(&w, false);
	return xpk_row_end(&w);
}

int xpk_movers(const struct xpk *p, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	struct pst_xlsx_table *t;
	size_t i;
	int rc;

	if (p->team != PST_REVIEW_NO_TEAM || (!r->nmovers && !r->ncontrol_movers))
		return PST_OK;
	rc = pst_xlsx_table_begin(p->book, "Movers", movers_cols, PST_ARRAY_LEN(movers_cols), &t, err);
	for (i = 0; i < r->nmovers && rc == PST_OK; i++)
		rc = sub_row(t, &r->movers[i], err);
	for (i = 0; i < r->ncontrol_movers && rc == PST_OK; i++)
		rc = control_row(t, &r->control_movers[i], err);
	return rc ? rc : pst_xlsx_table_end(t, err);
}
