/* pack_xlsx_summary.c: the Summary sheet: key figures of the month, the
 * secure score trend and open findings by team as native charts. */
#include "pack_xlsx_int.h"

#include <math.h>

#define CHART_COL 6         /* charts right of the key figures and data */
#define CHART_ROW 2
#define CHART_HEIGHT_ROWS 16
#define CHART_TEAMS 5       /* teams the default height labels one by one */
#define CHART_BASE_PX 138   /* the team chart's height: title, axis, legend, then a band per team */
#define CHART_TEAM_PX 30
#define COLOR_CRITICAL 0xC00000u
#define COLOR_GOAL 0x548235u
#define COLOR_SCORE 0x2F5597u

struct keyfig {
	const char *label;
	double value;
	const char *fmt;
};

/* A period ending at midnight shows its own last day (and month), as the PDF does. */
static pst_time last_day(pst_time t)
{
	return t != PST_TIME_NONE && t % PST_MS_PER_DAY == 0 ? t - PST_MS_PER_DAY : t;
}

/* "2026-10" for a month ending at 2026-11-01T00:00Z; buf holds PST_TIME_BUF. */
static const char *month_label(pst_time t, char *buf)
{
	if (t == PST_TIME_NONE)
		return "";
	pst_date_format(last_day(t), buf, PST_TIME_BUF);
	buf[7] = '\0';
	return buf;
}

static int time_keyfig(struct pst_xlsx_sheet *s, const char *label, pst_time t, const char *fmt,
                       struct pst_error *err)
{
	double serial;

	if (!pst_xlsx_serial(t, &serial))
		serial = NAN;
	return pst_xlsx_keyfig(s, label, serial, fmt, err);
}

static int date_keyfig(struct pst_xlsx_sheet *s, const char *label, pst_time t, struct pst_error *err)
{
	return time_keyfig(s, label, t, PST_XLSX_FMT_DATE, err);
}

static int scope_keyfigs(const struct xpk *p, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	const struct pst_review *r = p->r;
	int rc = pst_xlsx_keyfig_text(s, "Organisation", r->org, err);

	if (rc == PST_OK)
		rc = pst_xlsx_keyfig_text(s, "Period", r->period, err);
	if (rc == PST_OK && p->team != PST_REVIEW_NO_TEAM)
		rc = pst_xlsx_keyfig_text(s, "Team", r->teams[p->team].name, err);
	if (rc == PST_OK)
		rc = date_keyfig(s, "From", r->t0, err);
	if (rc == PST_OK)
		rc = date_keyfig(s, "To", last_day(r->t1), err);
	if (rc == PST_OK)
		rc = time_keyfig(s, "Generated (UTC)", r->generated_at, "yyyy-mm-dd hh:mm", err);
	return rc;
}

static int number_keyfigs(const struct pst_review *r, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	const struct keyfig figs[] = {
		{"Secure score (%)", r->score_now, PST_XLSX_FMT_SCORE},
		{"Secure score last month (%)", r->score_prev, PST_XLSX_FMT_SCORE},
		{"Subscriptions in scope", (double)r->subs_in_scope, PST_XLSX_FMT_COUNT},
		{"Subscriptions with data", (double)r->subs_total, PST_XLSX_FMT_COUNT},
		{"Open findings at the start", (double)r->unhealthy_t0, PST_XLSX_FMT_COUNT},
		{"Closed", (double)r->closed, PST_XLSX_FMT_COUNT},
		{"Opened", (double)r->opened, PST_XLSX_FMT_COUNT},
		{"Open findings at the end", (double)r->unhealthy_t1, PST_XLSX_FMT_COUNT},
		{"Verified fixes", (double)r->by_class[PST_CLASS_REMEDIATED], PST_XLSX_FMT_COUNT},
		{"Regressions", (double)r->by_class[PST_CLASS_REGRESSED], PST_XLSX_FMT_COUNT},
		{"Insecure new resources", (double)r->by_class[PST_CLASS_NEW_RESOURCE], PST_XLSX_FMT_COUNT},
		{"Overdue critical", (double)r->overdue_by_severity[PST_SEV_CRITICAL], PST_XLSX_FMT_COUNT},
		{"Overdue high", (double)r->overdue_by_severity[PST_SEV_HIGH], PST_XLSX_FMT_COUNT},
		{"Overdue medium", (double)r->overdue_by_severity[PST_SEV_MEDIUM], PST_XLSX_FMT_COUNT},
		{"Overdue low", (double)r->overdue_by_severity[PST_SEV_LOW], PST_XLSX_FMT_COUNT},
		{"High severity alerts", (double)r->alerts_by_severity[PST_SEV_HIGH], PST_XLSX_FMT_COUNT},
	};
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < PST_ARRAY_LEN(figs) && rc == PST_OK; i++)
		rc = pst_xlsx_keyfig(s, figs[i].label, figs[i].value, figs[i].fmt, err);
	return rc;
}

/* A team's workbook: the team's own figures; the organisation's score only
 * labelled as such. */
static int team_keyfigs(const struct pst_review *r, size_t team, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	const struct pst_review_team *t = &r->teams[team];
	const struct keyfig figs[] = {
		{"Organisation's secure score (%)", r->score_now, PST_XLSX_FMT_SCORE},
		{"Team's share of the score (pp)", t->share_pct, "0.00"},
		{"Team's share last month (pp)", t->share_pct_prev, "0.00"},
		{"Team's open findings at the start", (double)t->unhealthy_t0, PST_XLSX_FMT_COUNT},
		{"Team's closed", (double)t->closed, PST_XLSX_FMT_COUNT},
		{"Team's opened", (double)t->opened, PST_XLSX_FMT_COUNT},
		{"Team's open findings at the end", (double)t->unhealthy_t1, PST_XLSX_FMT_COUNT},
		{"Team's verified fixes", (double)t->by_class[PST_CLASS_REMEDIATED], PST_XLSX_FMT_COUNT},
		{"Team's regressions", (double)t->by_class[PST_CLASS_REGRESSED], PST_XLSX_FMT_COUNT},
		{"Team's insecure new resources", (double)t->by_class[PST_CLASS_NEW_RESOURCE], PST_XLSX_FMT_COUNT},
		{"Team's overdue critical", (double)t->overdue_by_severity[PST_SEV_CRITICAL], PST_XLSX_FMT_COUNT},
		{"Team's overdue high", (double)t->overdue_by_severity[PST_SEV_HIGH], PST_XLSX_FMT_COUNT},
		{"Team's overdue medium", (double)t->overdue_by_severity[PST_SEV_MEDIUM], PST_XLSX_FMT_COUNT},
		{"Team's overdue low", (double)t->overdue_by_severity[PST_SEV_LOW], PST_XLSX_FMT_COUNT},
	};
	size_t i;
	int rc = PST_OK;

	for (i = 0; i < PST_ARRAY_LEN(figs) && rc == PST_OK; i++)
		rc = pst_xlsx_keyfig(s, figs[i].label, figs[i].value, figs[i].fmt, err);
	return rc;
}

static const char *goal_state(const struct pst_review_goal *g)
{
	if (g->met)
		return "met";
	return g->behind ? "behind" : "on track";
}

static int goal_keyfigs(const struct pst_review_goal *g, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	int rc = pst_xlsx_keyfig(s, "Goal (%)", g->target, PST_XLSX_FMT_SCORE, err);

	if (rc == PST_OK)
		rc = date_keyfig(s, "Goal due", g->due, err);
	if (rc == PST_OK)
		rc = pst_xlsx_keyfig(s, "Pace needed (pp a month)", g->pace_needed, "0.00", err);
	if (rc == PST_OK)
		rc = pst_xlsx_keyfig_text(s, "Goal", goal_state(g), err);
	return rc;
}

/* The trend block (month, score, goal when set) and its line chart: the
 * organisation's, and said so in a team's workbook. */
static int trend_chart(const struct pst_review *r, size_t team, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	static const char *const series[] = {"Secure score (%)", "Goal (%)"};
	static const char *const org_series[] = {"Organisation's secure score (%)", "Organisation's goal (%)"};
	static const uint32_t colors[] = {COLOR_SCORE, COLOR_GOAL};
	struct pst_xlsx_chart_spec spec = {PST_XLSX_CHART_LINE, "Secure score", NULL, "%", colors, CHART_ROW,
	                                   CHART_COL, 0};
	struct pst_xlsx_data d;
	char label[PST_TIME_BUF];
	size_t i;
	int rc;

	if (r->ntrend == 0)
		return PST_OK;
	if (team != PST_REVIEW_NO_TEAM)
		spec.title = "Organisation's secure score"; /* one line: a longer title squeezes the plot */
	rc = pst_xlsx_data_begin(s, "Month", team == PST_REVIEW_NO_TEAM ? series : org_series,
	                         r->overall_goal ? 2 : 1, &d, err);
	for (i = 0; i < r->ntrend && rc == PST_OK; i++) {
		double v[2] = {r->trend[i].percentage, r->overall_goal ? r->overall_goal->target : NAN};

		rc = pst_xlsx_data_row(&d, month_label(r->trend[i].t, label), v, PST_XLSX_FMT_SCORE, err);
	}
	return rc ? rc : pst_xlsx_chart_add(&d, &spec, err);
}

/* Open findings by team (league order, top down) and severity, stacked
 * horizontal bars: team names stay level and readable. */
static int teams_chart(const struct pst_review *r, size_t team, struct pst_xlsx_sheet *s, struct pst_error *err)
{
	static const char *const series[] = {"Critical", "High", "Medium", "Low"};
	static const enum pst_severity sevs[] = {PST_SEV_CRITICAL, PST_SEV_HIGH, PST_SEV_MEDIUM, PST_SEV_LOW};
	static const uint32_t colors[] = {COLOR_CRITICAL, PST_XLSX_COLOR_HIGH, PST_XLSX_COLOR_MEDIUM,
	                                  PST_XLSX_COLOR_LOW};
	struct pst_xlsx_chart_spec spec = {PST_XLSX_CHART_BAR_STACKED,
	                                   team == PST_REVIEW_NO_TEAM ? "Open findings by team"
	                                                              : "The team's open findings",
	                                   NULL, "Findings", colors, CHART_ROW + CHART_HEIGHT_ROWS, CHART_COL, 0};
	struct pst_xlsx_data d;
	size_t i, k;
	int rc;

	if (r->nteams == 0)
		return PST_OK;
	/* tall enough for a level, readable label per team (LibreOffice skips every other one when crowded) */
	if (team == PST_REVIEW_NO_TEAM && r->nteams > CHART_TEAMS)
		spec.y_scale = (double)(CHART_BASE_PX + CHART_TEAM_PX * r->nteams) /
		               (double)(CHART_BASE_PX + CHART_TEAM_PX * CHART_TEAMS);
	rc = pst_xlsx_data_begin(s, "Team", series, PST_ARRAY_LEN(series), &d, err);
	for (i = 0; i < r->nteams && rc == PST_OK; i++) {
		size_t at = r->league ? r->league[i] : i;
		const struct pst_review_team *tm = &r->teams[at];
		double v[PST_ARRAY_LEN(sevs)];

		if (team != PST_REVIEW_NO_TEAM && at != team) /* a team's workbook charts no other team */
			continue;
		for (k = 0; k < PST_ARRAY_LEN(sevs); k++)
			v[k] = (double)tm->open_by_severity[sevs[k]];
		rc = pst_xlsx_data_row(&d, tm->name, v, PST_XLSX_FMT_COUNT, err);
	}
	return rc ? rc : pst_xlsx_chart_add(&d, &spec, err);
}

int xpk_summary(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_sheet *s;
	int rc = pst_xlsx_sheet_add(p->book, "Summary", &s, err);

	if (rc == PST_OK)
		rc = pst_xlsx_sheet_title(s, p->r->title, err);
	if (rc == PST_OK)
		rc = scope_keyfigs(p, s, err);
	if (rc == PST_OK)
		rc = p->team == PST_REVIEW_NO_TEAM ? number_keyfigs(p->r, s, err) : team_keyfigs(p->r, p->team, s, err);
	if (rc == PST_OK && p->team != PST_REVIEW_NO_TEAM && p->r->teams[p->team].goal)
		rc = goal_keyfigs(p->r->teams[p->team].goal, s, err);
	else if (rc == PST_OK && p->team == PST_REVIEW_NO_TEAM && p->r->overall_goal)
		rc = goal_keyfigs(p->r->overall_goal, s, err);
	if (rc == PST_OK)
		rc = pst_xlsx_sheet_skip(s, 1, err);
	if (rc == PST_OK)
		rc = trend_chart(p->r, p->team, s, err);
	if (rc == PST_OK)
		rc = pst_xlsx_sheet_skip(s, 1, err);
	return rc ? rc : teams_chart(p->r, p->team, s, err);
}
