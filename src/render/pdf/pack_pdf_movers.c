/* pack_pdf_movers.c: the subscriptions and the controls whose score moved
 * most in the period, each change split into its parts (review.h struct
 * pst_review_why: fixes, regressions, new findings, scope, other), which add
 * up to it.  The whole pack only: subscriptions and controls are the
 * organisation's (a team's pack has its own figures on its pages). */
#include "pack_pdf_int.h"

#include <math.h>

#define MOVER_ROWS 10

#define PART_W 44
static const struct pst_pdf_col sub_cols[] = {
	{"Subscription", 1, 0, PST_PDF_LEFT, 0},
	{"Start", 0, 44, PST_PDF_RIGHT, 0},
	{"End", 0, 48, PST_PDF_RIGHT, 0},
	{"Change", 0, 46, PST_PDF_RIGHT, 0},
	{"Fixes", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Regressions", 0, 58, PST_PDF_RIGHT, 0},
	{"New findings", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Scope", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Other", 0, PART_W, PST_PDF_RIGHT, 0},
};
static const struct pst_pdf_col control_cols[] = {
	{"Control", 1, 0, PST_PDF_LEFT, 0},
	{"Start", 0, 44, PST_PDF_RIGHT, 0},
	{"End", 0, 48, PST_PDF_RIGHT, 0},
	{"Change", 0, 46, PST_PDF_RIGHT, 0},
	{"Fixes", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Regressions", 0, 58, PST_PDF_RIGHT, 0},
	{"New findings", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Scope", 0, PART_W, PST_PDF_RIGHT, 0},
	{"Other", 0, PART_W, PST_PDF_RIGHT, 0},
};

/* The parts, from cell 'first' on: five cells. */
static void why_cells(struct pack *pk, size_t first, const struct pst_review_why *w, bool pp)
{
	const double v[] = {w->fixes, w->regressions, w->new_findings, w->scope, w->other};
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(v); i++) {
		if (pp)
			pack_pp(pack_cell(pk, first + i), v[i], true);
		else
			pack_points(pack_cell(pk, first + i), v[i], true);
	}
}

static void sub_cells(struct pack *pk, size_t i)
{
	const struct pst_review_mover *m = &pk->r->movers[i];
	size_t k;

	strbuf_addstr(pack_cell(pk, 0), *m->name ? m->name : m->id);
	pack_pct(pack_cell(pk, 1), m->before);
	if (m->left_scope) {
		strbuf_addstr(pack_cell(pk, 2), "left");
		strbuf_addstr(pack_cell(pk, 3), "n/a");
		for (k = 4; k < PST_ARRAY_LEN(sub_cols); k++)
			pack_cell(pk, k);
		return;
	}
	pack_pct(pack_cell(pk, 2), m->after);
	if (isnan(m->before) && !isnan(m->after)) { /* no score at the start: new in the data */
		strbuf_addstr(pack_cell(pk, 3), "new");
		for (k = 4; k < PST_ARRAY_LEN(sub_cols); k++)
			pack_cell(pk, k);
		return;
	}
	pack_pp(pack_cell(pk, 3), m->change, true);
	why_cells(pk, 4, &m->why, true);
}

static void control_cells(struct pack *pk, size_t i)
{
	const struct pst_review_control_mover *m = &pk->r->control_movers[i];

	strbuf_addstr(pack_cell(pk, 0), m->name);
	pack_points(pack_cell(pk, 1), m->before, false);
	pack_points(pack_cell(pk, 2), m->after, false);
	pack_points(pack_cell(pk, 3), m->change, true);
	why_cells(pk, 4, &m->why, false);
}

int pack_movers(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	int rc;

	if (pk->team != PST_REVIEW_NO_TEAM)
		return PST_OK;
	rc = pst_pdf_heading(pk->pdf, 1, "Movers", pk->err);
	if (rc == PST_OK)
		rc = pack_say(pk, "The subscriptions and the controls whose score moved most this month, and why: each "
		                  "change split into what the verified fixes, the regressions, the new findings and the "
		                  "changes of scope did; the parts add up to the change.");
	if (rc == PST_OK)
		rc = pack_subtitle(pk, "Subscriptions (percentage points of the subscription's score)");
	if (rc == PST_OK && !r->nmovers)
		rc = pack_say(pk, "No subscription's score moved and no finding opened or closed.");
	else if (rc == PST_OK)
		rc = pack_table(pk, sub_cols, PST_ARRAY_LEN(sub_cols), MOVER_ROWS, r->nmovers, sub_cells);
	if (rc == PST_OK)
		rc = pack_subtitle(pk, "Controls (secure score points, every subscription)");
	if (rc == PST_OK && !r->ncontrol_movers)
		rc = pack_say(pk, "No control's points moved.");
	else if (rc == PST_OK)
		rc = pack_table(pk, control_cols, PST_ARRAY_LEN(control_cols), MOVER_ROWS, r->ncontrol_movers,
		                control_cells);
	if (rc == PST_OK && (r->nmovers || r->ncontrol_movers))
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL,
		                  "Each finding moves its control in its subscription by the control's points over the "
		                  "resources it counts: a verified fix up, a regression or a new finding (created "
		                  "insecure, newly assessed, exemption ended, became applicable) down. Scope: findings "
		                  "closed without a fix (exempted, not applicable, deleted) and, for a control, "
		                  "subscriptions counted at one end only; \"left\": missing from the latest export, its "
		                  "findings out of scope, not fixed; \"new\": no score at the start. Other: the rest of "
		                  "the change (healthy resources added or removed, Defender's exported score apart from "
		                  "the recomputed one). Every subscription and control is in the workbook.",
		                  pk->err);
	return rc;
}
