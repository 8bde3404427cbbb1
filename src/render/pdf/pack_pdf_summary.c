/* pack_pdf_summary.c: the cover and the executive summary of the pack. */
#include "pack_pdf_int.h"

#include <math.h>
#include <stdlib.h>

#define COVER_LINES 7
#define SUMMARY_WARNINGS 8

static void cover_scope(const struct pst_review *r, struct strbuf *sb)
{
	pack_num(sb, (int64_t)r->ntenants);
	strbuf_addstr(sb, pack_plural((int64_t)r->ntenants, " tenant, ", " tenants, "));
	pack_num(sb, (int64_t)r->nsubscriptions);
	strbuf_addstr(sb, pack_plural((int64_t)r->nsubscriptions, " subscription", " subscriptions"));
	if (r->subs_in_scope < r->subs_total)
		strbuf_addf(sb, "; the score covers %zu of %zu (the others are missing from the latest export)",
		            r->subs_in_scope, r->subs_total);
}

/* The run's own warning about the period (--allow-partial, first month), or NULL. */
static const struct pst_diag *period_note(const struct pst_review *r)
{
	size_t i;

	for (i = 0; i < r->warnings.n; i++)
		if (r->warnings.items[i].code == PST_DC_PARTIAL || r->warnings.items[i].code == PST_DC_FIRST_MONTH)
			return &r->warnings.items[i];
	return NULL;
}

static void cover_tenants(const struct pst_review *r, struct strbuf *sb)
{
	size_t i;

	for (i = 0; i < r->ntenants; i++)
		strbuf_addf(sb, "%s%s", i ? ", " : "", r->tenants[i]);
	if (!r->ntenants)
		strbuf_addstr(sb, "none in the data");
}

static void cover_generated(const struct pst_review *r, struct strbuf *sb)
{
	char buf[PST_TIME_BUF];

	if (r->generated_at == PST_TIME_NONE)
		strbuf_addstr(sb, "n/a");
	else
		strbuf_addf(sb, "%.10s %.5s UTC", pst_time_format(r->generated_at, buf, sizeof(buf)), buf + 11);
	strbuf_addf(sb, " by posture %s", r->version ? r->version : "");
}

/* The cover's "label: value" lines, values in pk->cell[]; returns how many. */
static size_t cover_values(struct pack *pk, const char **labels)
{
	const struct pst_review *r = pk->r;
	size_t n = 0;

	labels[n] = "Organisation";
	strbuf_addstr(pack_cell(pk, n++), r->org && *r->org ? r->org : "n/a");
	labels[n] = "Period";
	strbuf_addf(pack_cell(pk, n), "%s (", r->period ? r->period : "");
	pack_date(&pk->cell[n], r->t0);
	strbuf_addstr(&pk->cell[n], " to ");
	pack_end_date(&pk->cell[n], r->t1);
	strbuf_addch(&pk->cell[n++], ')');
	labels[n] = "Scope";
	cover_scope(r, pack_cell(pk, n++));
	labels[n] = "Tenants";
	cover_tenants(r, pack_cell(pk, n++));
	if (pk->team != PST_REVIEW_NO_TEAM) {
		labels[n] = "Team";
		strbuf_addstr(pack_cell(pk, n++), pack_team_name(pk, pk->team));
	}
	labels[n] = "Generated";
	cover_generated(r, pack_cell(pk, n++));
	if (period_note(r)) {
		labels[n] = "Data";
		pst_diag_text(period_note(r), pack_cell(pk, n++));
	}
	return n;
}

int pack_cover(struct pack *pk)
{
	const char *labels[COVER_LINES], *values[COVER_LINES];
	size_t n = cover_values(pk, labels), i;
	int rc;

	for (i = 0; i < n; i++)
		values[i] = pk->cell[i].buf;
	rc = pst_pdf_cover(pk->pdf, pk->r->title, "Monthly security governance review", labels, values, n, pk->err);
	if (rc == PST_OK)
		rc = pst_pdf_contents(pk->pdf, pk->err);
	return rc;
}

/* ---- key figures ---- */

static int64_t overdue_total(const struct pst_review *r)
{
	int64_t n = 0;
	int s;

	for (s = 0; s <= PST_SEV_CRITICAL; s++)
		n += r->overdue_by_severity[s];
	return n;
}

static int summary_figures(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct pst_pdf_figure f[4];
	size_t i;

	pack_pct(pack_cell(pk, 0), r->score_now);
	pack_pp(pack_cell(pk, 1), r->score_now - r->score_prev, true);
	strbuf_addstr(&pk->cell[1], " percentage points since ");
	pack_date(&pk->cell[1], r->t0);
	pack_num(pack_cell(pk, 2), r->by_class[PST_CLASS_REMEDIATED]);
	strbuf_addstr(pack_cell(pk, 3), "unhealthy, now healthy");
	pack_num(pack_cell(pk, 4), r->unhealthy_t1);
	pack_num(pack_cell(pk, 5), r->opened);
	strbuf_addstr(&pk->cell[5], " opened this month");
	pack_num(pack_cell(pk, 6), overdue_total(r));
	pack_num(pack_cell(pk, 7), r->overdue_by_severity[PST_SEV_CRITICAL] + r->overdue_by_severity[PST_SEV_HIGH]);
	strbuf_addstr(&pk->cell[7], " of High or Critical severity");
	f[0].caption = "Secure score";
	f[1].caption = "Verified fixes";
	f[2].caption = "Open findings";
	f[3].caption = "Overdue";
	for (i = 0; i < 4; i++) {
		f[i].value = pk->cell[2 * i].buf;
		f[i].change = pk->cell[2 * i + 1].buf;
	}
	return pst_pdf_figures(pk->pdf, f, 4, pk->err);
}

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
static int trend_notes(struct pack *pk)
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
	if (n)
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

static int trend_chart(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	size_t n = r->ntrend, i;
	char (*months)[8] = xcalloc(n ? n : 1, sizeof(*months));
	const char **labels = xcalloc(n ? n : 1, sizeof(*labels));
	double *values = xcalloc(n ? n : 1, sizeof(*values));
	bool *hollow = xcalloc(n ? n : 1, sizeof(*hollow));
	struct pst_chart_series series = {"Overall secure score", values, hollow};
	struct pst_line_chart c = {"Secure score, last 12 months", "Secure score (%)", labels, n, &series, 1, NAN,
	                           NULL};
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
		rc = trend_notes(pk);
	free(months);
	free(labels);
	free(values);
	free(hollow);
	return rc;
}

/* ---- what changed ---- */

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
	size_t i;
	int rc = pack_subtitle(pk, "What changed this month");

	if (rc == PST_OK)
		rc = pst_pdf_table_begin(pk->pdf, cols, 3, 0, pk->err);
	for (i = 0; i < PST_ARRAY_LEN(order) && rc == PST_OK; i++) {
		strbuf_addstr(pack_cell(pk, 0), pst_class_label(order[i]));
		strbuf_addstr(pack_cell(pk, 1), pst_class_detail(order[i]));
		pack_num(pack_cell(pk, 2), pk->r->by_class[order[i]]);
		rc = pack_row(pk, 3);
	}
	return rc ? rc : pst_pdf_table_end(pk->pdf, pk->err);
}

/* "Overdue by severity: Critical 0, High 12, ..." (most severe first). */
static int overdue_line(struct pack *pk)
{
	struct strbuf *sb = pack_cell(pk, 0);
	int s;

	strbuf_addstr(sb, "Overdue items by severity: ");
	for (s = PST_SEV_CRITICAL; s >= PST_SEV_UNKNOWN; s--) {
		if (s == PST_SEV_UNKNOWN && !pk->r->overdue_by_severity[s])
			continue;
		strbuf_addf(sb, "%s%s ", s == PST_SEV_CRITICAL ? "" : ", ", pst_severity_name((enum pst_severity)s));
		pack_num(sb, pk->r->overdue_by_severity[s]);
	}
	strbuf_addch(sb, '.');
	return pack_say(pk, sb->buf);
}

/* unhealthy T0 - closed + opened = unhealthy T1 */
static int reconciliation(struct pack *pk)
{
	const struct pst_review *r = pk->r;
	struct strbuf *sb = pack_cell(pk, 0);
	int64_t expect = r->unhealthy_t0 - r->closed + r->opened;

	strbuf_addstr(sb, "Reconciliation: ");
	pack_num(sb, r->unhealthy_t0);
	strbuf_addstr(sb, " unhealthy at the start \xE2\x88\x92 ");
	pack_num(sb, r->closed);
	strbuf_addstr(sb, " closed + ");
	pack_num(sb, r->opened);
	strbuf_addstr(sb, " opened = ");
	pack_num(sb, r->unhealthy_t1);
	strbuf_addstr(sb, " unhealthy at the end");
	if (expect != r->unhealthy_t1) {
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
		{"Team", 1, 0, PST_PDF_LEFT, 1},
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

static int team_note(struct pack *pk)
{
	struct strbuf *sb = pack_cell(pk, 0);

	if (pk->team == PST_REVIEW_NO_TEAM)
		return PST_OK;
	strbuf_addf(sb, "This pack is for the team %s. The summary covers the whole organisation; the other "
	            "sections hold only this team's findings and alerts.", pack_team_name(pk, pk->team));
	return pack_say(pk, sb->buf);
}

int pack_summary(struct pack *pk)
{
	static int (*const steps[])(struct pack *) = {
		team_note, summary_figures, score_text, trend_chart, changes_table, overdue_line, reconciliation,
		league_table, goals_table, summary_warnings,
	};
	size_t i;
	int rc = pst_pdf_heading(pk->pdf, 1, "Executive summary", pk->err);

	for (i = 0; i < PST_ARRAY_LEN(steps) && rc == PST_OK; i++)
		rc = steps[i](pk);
	return rc;
}
