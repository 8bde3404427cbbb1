/* pack_pdf_summary.c: the executive summary of the pack, and the scope
 * and trend helpers page 1 shares with it. */
#include "pack_pdf_int.h"

#include <math.h>
#include <stdlib.h>

#define SUMMARY_WARNINGS 8

void pack_scope(struct strbuf *sb, const struct pst_review *r)
{
	pack_num(sb, (int64_t)r->ntenants);
	strbuf_addstr(sb, pack_plural((int64_t)r->ntenants, " tenant, ", " tenants, "));
	pack_num(sb, (int64_t)r->nsubscriptions);
	strbuf_addstr(sb, pack_plural((int64_t)r->nsubscriptions, " subscription", " subscriptions"));
	if (r->subs_in_scope < r->subs_total)
		strbuf_addf(sb, "; the score covers %zu of %zu (the others are missing from the latest export)",
		            r->subs_in_scope, r->subs_total);
}

const struct pst_diag *pack_period_note(const struct pst_review *r)
{
	size_t i;

	for (i = 0; i < r->warnings.n; i++)
		if (r->warnings.items[i].code == PST_DC_PARTIAL || r->warnings.items[i].code == PST_DC_FIRST_MONTH)
			return &r->warnings.items[i];
	return NULL;
}

void pack_generated(struct strbuf *sb, const struct pst_review *r)
{
	char buf[PST_TIME_BUF];

	if (r->generated_at == PST_TIME_NONE)
		strbuf_addstr(sb, "n/a");
	else
		strbuf_addf(sb, "%.10s %.5s UTC", pst_time_format(r->generated_at, buf, sizeof(buf)), buf + 11);
	strbuf_addf(sb, " by posture %s", r->version ? r->version : "");
}

/* ---- key figures ---- */

/* ---- score, goal and trend ---- */

static void goal_sentence(struct strbuf *sb, const struct pst_review_goal *g)
{
	strbuf_addstr(sb, "The goal is ");
	pack_pct(sb, g->target);
	strbuf_addstr(sb, " by ");
	pack_date(sb, g->due);
	if (g->met) {
		strbuf_addstr(sb, ": met.");
		return;
	}
	strbuf_addstr(sb, ": ");
	pack_pp(sb, g->pace_needed, false);
	strbuf_addstr(sb, " percentage points a month are still needed");
	strbuf_addstr(sb, g->behind ? ", behind the pace." : ", on track.");
}

/* "It covers 3 of 4 subscriptions: prod-payments is missing from the
 * export since 2026-10-08 and is left out of every figure." */
static void scope_sentence(struct strbuf *sb, const struct pst_review *r)
{
	size_t i, n = 0;

	if (r->subs_in_scope >= r->subs_total) {
		if (r->subs_total)
			strbuf_addf(sb, "It covers all %zu subscriptions in the data. ", r->subs_total);
		return;
	}
	strbuf_addf(sb, "It covers %zu of %zu subscriptions: ", r->subs_in_scope, r->subs_total);
	for (i = 0; i < r->nsubscriptions; i++) {
		const struct pst_review_subscription *s = &r->subscriptions[i];

		if (s->covered_t1)
			continue;
		strbuf_addstr(sb, n++ ? ", " : "");
		strbuf_addstr(sb, *s->name ? s->name : s->id);
		if (s->missing_since != PST_TIME_NONE) {
			strbuf_addstr(sb, " (missing from the export since ");
			pack_date(sb, s->missing_since);
			strbuf_addch(sb, ')');
		}
	}
	strbuf_addstr(sb, n == 1 ? " is" : " are");
	strbuf_addstr(sb, " left out of every figure. ");
}

static int score_text(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct strbuf *now = pack_cell(pk, 0), *rest = pack_cell(pk, 1);
	struct pst_pdf_run runs[3];

	pack_pct(now, r->score_now);
	strbuf_addstr(rest, "(");
	pack_pp(rest, r->score_now - r->score_prev, true);
	strbuf_addstr(rest, " percentage points since ");
	pack_date(rest, r->t0);
	strbuf_addstr(rest, ": ");
	pack_pct(rest, r->score_prev);
	strbuf_addstr(rest, "). ");
	scope_sentence(rest, r);
	if (r->overall_goal)
		goal_sentence(rest, r->overall_goal);
	else if (!r->ngoals)
		strbuf_addstr(rest, "No goals are set (give --goals FILE, or goals = FILE in the settings; "
		                    "templates/goals.conf shows the form).");
	else
		strbuf_addstr(rest, "No overall goal is set.");
	runs[0].style = PST_PDF_BODY;
	runs[0].text = "The overall secure score is";
	runs[1].style = PST_PDF_BOLD;
	runs[1].text = now->buf;
	runs[2].style = PST_PDF_BODY;
	runs[2].text = rest->buf;
	return pst_pdf_runs(pk->pdf, runs, 3, pk->err);
}

/* The trend's footnotes: months with subscriptions out of scope (hollow
 * points), and months recomputed from the assessments. */
static int trend_notes(struct pack *pk, bool brief)
{
	const struct pst_review *r = pk->r;
	struct strbuf *sb = pack_cell(pk, 1);
	size_t i, n = 0, m = 0;

	for (i = 0; i < r->ntrend; i++) {
		if (!r->trend[i].partial || isnan(r->trend[i].percentage))
			continue;
		strbuf_addstr(sb, n++ ? "; " : "Hollow points: part of the estate was missing from the export, so the "
		                                "score covers only the subscriptions in it (a gap, not a drop): ");
		pack_month(sb, r->trend[i].t);
		strbuf_addf(sb, " %zu of %zu subscriptions", r->trend[i].subs_in_scope, r->trend[i].subs_total);
	}
	if (n && brief) {
		strbuf_reset(sb);
		strbuf_addf(sb, "Hollow points (%zu %s): part of the estate was missing from the export, so the score "
		            "covers only the subscriptions in it: a gap, not a drop. ", n,
		            pack_plural((int64_t)n, "month", "months"));
	} else if (n)
		strbuf_addstr(sb, ". ");
	for (i = 0; i < r->ntrend; i++) {
		if (!r->trend[i].recomputed || isnan(r->trend[i].percentage))
			continue;
		strbuf_addstr(sb, m++ ? ", " : "Recomputed from the assessments where no fresh export was found: ");
		pack_month(sb, r->trend[i].t);
	}
	if (m)
		strbuf_addch(sb, '.');
	if (!n && !m)
		return PST_OK;
	return pst_pdf_text(pk->pdf, PST_PDF_SMALL, sb->buf, pk->err);
}

int pack_trend_chart(struct pack *pk, const char *title, double height, bool brief)
{
	const struct pst_review *r = pk->r;
	size_t n = r->ntrend, i;
	char (*months)[8] = xcalloc(n ? n : 1, sizeof(*months));
	const char **labels = xcalloc(n ? n : 1, sizeof(*labels));
	double *values = xcalloc(n ? n : 1, sizeof(*values));
	bool *hollow = xcalloc(n ? n : 1, sizeof(*hollow));
	struct pst_chart_series series = {"Overall secure score", values, hollow};
	struct pst_line_chart c = {title, "Secure score (%)", labels, n, &series, 1, NAN, NULL, height};
	struct strbuf *goal = pack_cell(pk, 0);
	int rc;

	for (i = 0; i < n; i++) {
		struct strbuf sb = STRBUF_INIT;

		pack_month(&sb, r->trend[i].t);
		pst_strlcpy(months[i], sb.buf, sizeof(months[i]));
		strbuf_release(&sb);
		labels[i] = months[i];
		values[i] = r->trend[i].percentage;
		hollow[i] = r->trend[i].partial;
	}
	if (r->overall_goal) {
		c.goal = r->overall_goal->target;
		strbuf_addstr(goal, "Goal ");
		pack_pct(goal, c.goal);
		strbuf_addstr(goal, " by ");
		pack_date(goal, r->overall_goal->due);
		c.goal_label = goal->buf;
	}
	rc = pst_pdf_line_chart(pk->pdf, &c, pk->err);
	if (rc == PST_OK)
		rc = trend_notes(pk, brief);
	free(months);
	free(labels);
	free(values);
	free(hollow);
	return rc;
}

/* ---- what changed ---- */

/* The counts the summary shows: the organisation's, or in a team's pack the team's. */
struct sum_counts {
	const int64_t *by_class, *overdue;
	int64_t u0, closed, opened, u1;
};

static void counts_of(const struct pack *pk, struct sum_counts *k)
{
	const struct pst_review *r = pk->r;

	if (pk->team == PST_REVIEW_NO_TEAM) {
		k->by_class = r->by_class;
		k->overdue = r->overdue_by_severity;
		k->u0 = r->unhealthy_t0;
		k->closed = r->closed;
		k->opened = r->opened;
		k->u1 = r->unhealthy_t1;
		return;
	}
	k->by_class = r->teams[pk->team].by_class;
	k->overdue = r->teams[pk->team].overdue_by_severity;
	k->u0 = r->teams[pk->team].unhealthy_t0;
	k->closed = r->teams[pk->team].closed;
	k->opened = r->teams[pk->team].opened;
	k->u1 = r->teams[pk->team].unhealthy_t1;
}

static int changes_table(struct pack *pk)
{
	static const enum pst_class order[] = {
		PST_CLASS_REMEDIATED, PST_CLASS_EXEMPTED, PST_CLASS_NOT_APPLICABLE, PST_CLASS_RESOURCE_DELETED,
		PST_CLASS_OUT_OF_SCOPE, PST_CLASS_RECOMMENDATION_REMOVED, PST_CLASS_REGRESSED, PST_CLASS_NEW_RESOURCE,
		PST_CLASS_NEW_RECOMMENDATION, PST_CLASS_EXEMPTION_ENDED, PST_CLASS_BECAME_APPLICABLE,
		PST_CLASS_STILL_OPEN,
	};
	static const struct pst_pdf_col cols[] = {
		{"Change", 2, 0, PST_PDF_LEFT, 1},
		{"What it means", 3, 0, PST_PDF_LEFT, 0},
		{"Findings", 0, 60, PST_PDF_RIGHT, 0},
	};
	struct sum_counts k;
	size_t i;
	int rc = pack_subtitle(pk, pk->team == PST_REVIEW_NO_TEAM ? "What changed this month"
	                                                          : "What changed this month for the team");

	counts_of(pk, &k);
	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, 3, 0, pk->err);
	for (i = 0; i < PST_ARRAY_LEN(order) && rc == PST_OK; i++) {
		strbuf_addstr(pack_cell(pk, 0), pst_class_label(order[i]));
		strbuf_addstr(pack_cell(pk, 1), pst_class_detail(order[i]));
		pack_num(pack_cell(pk, 2), k.by_class[order[i]]);
		rc = pack_row(pk, 3);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

/* "Overdue by severity: Critical 0, High 12, ..." (most severe first). */
static int overdue_line(struct pack *pk)
{
	struct strbuf *sb = pack_cell(pk, 0);
	struct sum_counts k;
	int s;

	counts_of(pk, &k);
	strbuf_addstr(sb, "Overdue items by severity: ");
	for (s = PST_SEV_CRITICAL; s >= PST_SEV_UNKNOWN; s--) {
		if (s == PST_SEV_UNKNOWN && !k.overdue[s])
			continue;
		strbuf_addf(sb, "%s%s ", s == PST_SEV_CRITICAL ? "" : ", ", pst_severity_name((enum pst_severity)s));
		pack_num(sb, k.overdue[s]);
	}
	strbuf_addch(sb, '.');
	return pack_say(pk, sb->buf);
}

/* unhealthy T0 - closed + opened = unhealthy T1 */
static int reconciliation(struct pack *pk)
{
	struct strbuf *sb = pack_cell(pk, 0);
	struct sum_counts k;
	int64_t expect;

	counts_of(pk, &k);
	expect = k.u0 - k.closed + k.opened;
	strbuf_addstr(sb, "Reconciliation: ");
	pack_num(sb, k.u0);
	strbuf_addstr(sb, " unhealthy at the start \xE2\x88\x92 ");
	pack_num(sb, k.closed);
	strbuf_addstr(sb, " closed + ");
	pack_num(sb, k.opened);
	strbuf_addstr(sb, " opened = ");
	pack_num(sb, k.u1);
	strbuf_addstr(sb, " unhealthy at the end");
	if (expect != k.u1) {
		strbuf_addstr(sb, " (the counts do not add up: ");
		pack_num(sb, expect);
		strbuf_addstr(sb, " expected; see the data warnings)");
	}
	strbuf_addch(sb, '.');
	return pack_say(pk, sb->buf);
}

/* ---- league table ---- */

static void league_cells(struct pack *pk, size_t i)
{
	const struct pst_review_team *t = &pk->r->teams[pk->r->league ? pk->r->league[i] : i];
	int64_t open = 0;
	int s;

	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		open += t->open_by_severity[s];
	pack_rank(pack_cell(pk, 0), t->rank);
	strbuf_addstr(pack_cell(pk, 1), t->name);
	pack_pp(pack_cell(pk, 2), t->pct_won, true);
	pack_pp(pack_cell(pk, 3), t->share_pct, false);
	pack_pp(pack_cell(pk, 4), t->gain_pct, false);
	pack_num(pack_cell(pk, 5), t->by_class[PST_CLASS_REMEDIATED]);
	pack_num(pack_cell(pk, 6), open);
	pack_num(pack_cell(pk, 7), t->overdue);
}

static int league_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"#", 0, 24, PST_PDF_RIGHT, 0},
		{"Team", 1, 0, PST_PDF_LEFT, 0}, /* wraps: a team is named whole */
		{"Won (pp)", 0, 52, PST_PDF_RIGHT, 0},
		{"Share (pp)", 0, 52, PST_PDF_RIGHT, 0},
		{"To gain (pp)", 0, 58, PST_PDF_RIGHT, 0},
		{"Fixed", 0, 44, PST_PDF_RIGHT, 0},
		{"Open", 0, 48, PST_PDF_RIGHT, 0},
		{"Overdue", 0, 48, PST_PDF_RIGHT, 0},
	};
	int rc;

	if (!pk->r->nteams)
		return pack_say(pk, "League table of teams: none, no resource could be given a team.");
	rc = pack_subtitle(pk, "League table of teams");
	if (rc == PST_OK)
		rc = pack_table(pk, cols, PST_ARRAY_LEN(cols), 0, pk->r->nteams, league_cells);
	if (rc == PST_OK)
		rc = pst_pdf_text(pk->pdf, PST_PDF_SMALL,
		                  "pp: percentage points of the overall score. Ranked by the points won through verified "
		                  "fixes less those lost through regressions and insecure new resources, to 2 decimals; "
		                  "ties by verified fixes, then by name. Unassigned is not a team and is not ranked. Share: "
		                  "the part of the overall score the team's resources hold now (the shares add up to the "
		                  "overall). To gain: if all its unhealthy resources were fixed.",
		                  pk->err);
	return rc;
}

static void goal_cells(struct pack *pk, size_t i)
{
	const struct pst_review_goal *g = &pk->r->goals[i];

	strbuf_addstr(pack_cell(pk, 0), *g->name ? g->name : "Whole organisation");
	strbuf_addstr(pack_cell(pk, 1), g->scope);
	pack_date(pack_cell(pk, 2), g->due);
	strbuf_addstr(pack_cell(pk, 3), g->met ? "met" : g->behind ? "behind" : "on track");
	pack_pct(pack_cell(pk, 4), g->target);
	pack_pct(pack_cell(pk, 5), g->current);
	if (g->met)
		strbuf_addstr(pack_cell(pk, 6), "met");
	else
		pack_pp(pack_cell(pk, 6), g->pace_needed, false);
}

static int goals_table(struct pack *pk)
{
	static const struct pst_pdf_col cols[] = {
		{"Goal for", 1, 0, PST_PDF_LEFT, 1},
		{"Scope", 0, 62, PST_PDF_LEFT, 1},
		{"Due", 0, 58, PST_PDF_LEFT, 0},
		{"Progress", 0, 54, PST_PDF_LEFT, 0},
		{"Target", 0, 44, PST_PDF_RIGHT, 0},
		{"Now", 0, 44, PST_PDF_RIGHT, 0},
		{"pp a month", 0, 60, PST_PDF_RIGHT, 0},
	};
	int rc;

	if (!pk->r->ngoals)
		return PST_OK;
	rc = pack_subtitle(pk, "Goals");
	return rc ? rc : pack_table(pk, cols, PST_ARRAY_LEN(cols), PACK_LIST_ROWS, pk->r->ngoals, goal_cells);
}

static int summary_warnings(struct pack *pk)
{
	const struct pst_diags *w = &pk->r->warnings;
	size_t n = w->n < SUMMARY_WARNINGS ? w->n : SUMMARY_WARNINGS, i;
	struct strbuf text[SUMMARY_WARNINGS + 1];
	const char *items[SUMMARY_WARNINGS + 1];
	int rc = PST_OK;

	for (i = 0; i < n; i++) {
		strbuf_init(&text[i]);
		pst_diag_text(&w->items[i], &text[i]);
		items[i] = strbuf_cstr(&text[i]);
	}
	if (w->n > n) {
		strbuf_init(&text[n]);
		strbuf_addf(&text[n], "and %zu more: see Data quality", w->n - n);
		items[n] = strbuf_cstr(&text[n]);
		n++;
	}
	if (n)
		rc = pst_pdf_warnings(pk->pdf, "Data warnings", items, n, pk->err);
	for (i = 0; i < n; i++)
		strbuf_release(&text[i]);
	return rc;
}

static int team_score_text(struct pack *pk)
{
	const struct pst_review_team *t = &pk->r->teams[pk->team];
	struct strbuf *sb = pack_cell(pk, 0);

	strbuf_addf(sb, "This pack is for the team %s: its figures are the team's own; the organisation's are "
	            "labelled so. The team's resources hold ", t->name);
	pack_pp(sb, t->share_pct, false);
	strbuf_addstr(sb, " percentage points of the organisation's secure score of ");
	pack_pct(sb, pk->r->score_now);
	strbuf_addstr(sb, " (");
	pack_pp(sb, t->share_pct_prev, false);
	strbuf_addstr(sb, " at ");
	pack_date(sb, pk->r->t0);
	strbuf_addstr(sb, "); fixing all its unhealthy resources would add ");
	pack_pp(sb, t->gain_pct, false);
	strbuf_addstr(sb, ".");
	if (t->goal) {
		strbuf_addch(sb, ' ');
		goal_sentence(sb, t->goal);
	}
	return pack_say(pk, sb->buf);
}

static int org_trend(struct pack *pk)
{
	return pack_trend_chart(pk, "Secure score, last 12 months", 0, false);
}

int pack_summary(struct pack *pk)
{
	static int (*const org[])(struct pack *) = {
		score_text, org_trend, changes_table, overdue_line, reconciliation, league_table, goals_table,
		summary_warnings,
	};
	static int (*const team[])(struct pack *) = {
		team_score_text, changes_table, overdue_line, reconciliation, league_table, summary_warnings,
	};
	int (*const *steps)(struct pack *) = pk->team == PST_REVIEW_NO_TEAM ? org : team;
	size_t n = pk->team == PST_REVIEW_NO_TEAM ? PST_ARRAY_LEN(org) : PST_ARRAY_LEN(team), i;
	int rc = pst_pdf_heading(pk->pdf, 1, "Executive summary", pk->err);

	for (i = 0; i < n && rc == PST_OK; i++)
		rc = steps[i](pk);
	return rc;
}
