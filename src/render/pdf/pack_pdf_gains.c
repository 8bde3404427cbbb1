/* pack_pdf_gains.c: where the next points are: the controls ranked by the
 * secure score points still to gain, and the team that holds each gain. */
#include "pack_pdf_int.h"

#include <math.h>
#include <stdlib.h>

struct gains {
	size_t *idx;  /* controls shown, in order */
	size_t n;
};

static double gain_of(const struct pack *pk, size_t c)
{
	const struct pst_review_control *ctl = &pk->r->controls[c];

	if (pk->team == PST_REVIEW_NO_TEAM)
		return ctl->gain;
	return ctl->gain_by_team ? ctl->gain_by_team[pk->team] : 0.0;
}

/* Insertion by the team's gain, descending (stable: the review's order
 * breaks ties).  The whole pack keeps the review's order. */
static void gains_add(const struct pack *pk, struct gains *g, size_t c)
{
	size_t at = g->n;
	double v = gain_of(pk, c);

	while (pk->team != PST_REVIEW_NO_TEAM && at > 0 && gain_of(pk, g->idx[at - 1]) < v) {
		g->idx[at] = g->idx[at - 1];
		at--;
	}
	g->idx[at] = c;
	g->n++;
}

static void gains_collect(const struct pack *pk, struct gains *g)
{
	size_t c;

	g->idx = xcalloc(pk->r->ncontrols ? pk->r->ncontrols : 1, sizeof(*g->idx));
	g->n = 0;
	for (c = 0; c < pk->r->ncontrols; c++)
		if (gain_of(pk, c) > 0.0)
			gains_add(pk, g, c);
}

static int gains_chart(struct pack *pk, const struct gains *g)
{
	size_t n = g->n < PACK_CHART_BARS ? g->n : PACK_CHART_BARS, i;
	const char **labels = xcalloc(n, sizeof(*labels));
	double *values = xcalloc(n, sizeof(*values));
	struct pst_bar_chart c = {"Controls with the most points to gain", "Secure score points", labels, values, n, 1};
	int rc;

	for (i = 0; i < n; i++) {
		labels[i] = pk->r->controls[g->idx[i]].name;
		values[i] = gain_of(pk, g->idx[i]);
	}
	if (pk->team != PST_REVIEW_NO_TEAM)
		c.title = g->n > n ? "The team's points to gain, top controls" : "The team's points to gain";
	else if (g->n > n)
		c.title = "The controls with the most points to gain (top 12)";
	rc = pst_pdf_bar_chart(pk->pdf, &c, pk->err);
	free(labels);
	free(values);
	return rc;
}

static void gain_cells(struct pack *pk, size_t rank, size_t c)
{
	const struct pst_review_control *ctl = &pk->r->controls[c];

	strbuf_addf(pack_cell(pk, 0), "%zu", rank);
	strbuf_addstr(pack_cell(pk, 1), ctl->name);
	if (pk->team != PST_REVIEW_NO_TEAM) {
		pack_num(pack_cell(pk, 2), ctl->open_by_team ? ctl->open_by_team[pk->team] : 0);
		pack_points(pack_cell(pk, 3), gain_of(pk, c), false);
		pack_points(pack_cell(pk, 4), ctl->gain, false);
		return;
	}
	pack_points(pack_cell(pk, 2), ctl->max, false);
	pack_points(pack_cell(pk, 3), ctl->current, false);
	pack_points(pack_cell(pk, 4), gain_of(pk, c), false);
	pack_num(pack_cell(pk, 5), ctl->unhealthy);
	if (pk->team == PST_REVIEW_NO_TEAM)
		strbuf_addstr(pack_cell(pk, 6), ctl->top_team == PST_REVIEW_NO_TEAM ? "n/a"
		              : pack_team_name(pk, ctl->top_team));
	else
		pack_points(pack_cell(pk, 6), ctl->gain, false);
}

static int gains_table(struct pack *pk, const struct gains *g)
{
	static const struct pst_pdf_col cols[] = {
		{"#", 0, 24, PST_PDF_RIGHT, 0},
		{"Control", 3, 0, PST_PDF_LEFT, 0},
		{"Max", 0, 40, PST_PDF_RIGHT, 0},
		{"Now", 0, 40, PST_PDF_RIGHT, 0},
		{"To gain", 0, 46, PST_PDF_RIGHT, 0},
		{"Unhealthy", 0, 54, PST_PDF_RIGHT, 0},
		{"Team holding most", 2, 0, PST_PDF_LEFT, 0}, /* wraps: a team is named whole */
	};
	static const struct pst_pdf_col team_cols[] = {
		{"#", 0, 24, PST_PDF_RIGHT, 0},
		{"Control", 3, 0, PST_PDF_LEFT, 0},
		{"Team's open findings", 0, 80, PST_PDF_RIGHT, 0},
		{"Team's gain (points)", 0, 80, PST_PDF_RIGHT, 0},
		{"Organisation's gain", 0, 80, PST_PDF_RIGHT, 0},
	};
	size_t i, ncols = pk->team == PST_REVIEW_NO_TEAM ? 7 : 5;
	int rc = pst_pdf_table_begin(pk->pdf, pk->team == PST_REVIEW_NO_TEAM ? cols : team_cols, ncols,
	                             pk->team == PST_REVIEW_NO_TEAM ? PACK_LIST_ROWS : PACK_TEAM_ROWS, pk->err);

	for (i = 0; i < g->n && rc == PST_OK; i++) {
		if (pst_pdf_table_full(pk->pdf)) {
			pst_pdf_table_skip(pk->pdf, g->n - i);
			break;
		}
		gain_cells(pk, i + 1, g->idx[i]);
		rc = pack_row(pk, ncols);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

int pack_gains(struct pack *pk)
{
	struct gains g;
	int rc = pst_pdf_heading(pk->pdf, 1, "Where the next points are", pk->err);

	gains_collect(pk, &g);
	if (rc == PST_OK && !g.n)
		rc = pack_say(pk, pk->team == PST_REVIEW_NO_TEAM ? "No control has points left to gain."
		              : "This team holds no points to gain in any control.");
	else if (rc == PST_OK)
		rc = pack_say(pk, pk->team == PST_REVIEW_NO_TEAM
		              ? "Controls ranked by the secure score points still to gain, with the team that holds "
		                "most of each gain."
		              : "Controls where this team holds points to gain, ranked by its share of the gain.");
	if (rc == PST_OK && g.n)
		rc = gains_chart(pk, &g);
	if (rc == PST_OK && g.n) {
		strbuf_addf(pack_cell(pk, 0), "%s (%zu)", pk->team == PST_REVIEW_NO_TEAM ? "Every control with points to gain"
		            : "Every control where the team has points to gain", g.n);
		rc = pack_subtitle(pk, pk->cell[0].buf);
	}
	if (rc == PST_OK && g.n)
		rc = gains_table(pk, &g);
	free(g.idx);
	return rc;
}
