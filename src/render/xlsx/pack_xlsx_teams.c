/* pack_xlsx_teams.c: the Teams (league table) and Controls sheets. */
#include "pack_xlsx_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"

static const struct pst_xlsx_column teams_cols[] = {
	{"Rank", PST_XLSX_INTEGER, NULL, 0},
	{"Team", PST_XLSX_TEXT, NULL, 0},
	{"Open critical", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Open high", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Open medium", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Open low", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Verified fixes", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Regressions", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Insecure new resources", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Overdue", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Won (pp)", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Share of the score (pp)", PST_XLSX_NUMBER, "0.00", 0},
	{"To gain (pp)", PST_XLSX_NUMBER, "0.00", 0},
	{"Score points won", PST_XLSX_NUMBER, "+0.00;-0.00;0.00", 0},
	{"Score points held", PST_XLSX_NUMBER, "0.00", 0},
	{"Score points to gain", PST_XLSX_NUMBER, "0.00", 0},
	{"Goal (%)", PST_XLSX_NUMBER, PST_XLSX_FMT_SCORE, 0},
	{"Goal due", PST_XLSX_DATE, NULL, 0},
};

static int team_row(struct pst_xlsx_table *t, const struct pst_review_team *tm, struct pst_error *err)
{
	static const enum pst_severity sevs[] = {PST_SEV_CRITICAL, PST_SEV_HIGH, PST_SEV_MEDIUM, PST_SEV_LOW};
	struct xpk_row w;
	size_t i;

	xpk_row_begin(&w, t, err);
	xpk_count(&w, tm->rank, tm->rank > 0);
	xpk_text(&w, tm->name);
	for (i = 0; i < PST_ARRAY_LEN(sevs); i++)
		xpk_int(&w, tm->open_by_severity[sevs[i]]);
	xpk_int(&w, tm->by_class[PST_CLASS_REMEDIATED]);
	xpk_int(&w, tm->by_class[PST_CLASS_REGRESSED]);
	xpk_int(&w, tm->by_class[PST_CLASS_NEW_RESOURCE]);
	xpk_int(&w, tm->overdue);
	xpk_number(&w, tm->pct_won);
	xpk_number(&w, tm->share_pct);
	xpk_number(&w, tm->gain_pct);
	xpk_number(&w, tm->points_won);
	xpk_number(&w, tm->points_held);
	xpk_number(&w, tm->potential_gain);
	xpk_number(&w, tm->goal ? tm->goal->target : NAN);
	xpk_date(&w, tm->goal ? tm->goal->due : PST_TIME_NONE);
	return xpk_row_end(&w);
}

/* One row per team, in league order. */
int xpk_teams(const struct xpk *p, struct pst_error *err)
{
	struct pst_xlsx_table *t;
	size_t i;
	int rc = pst_xlsx_table_begin(p->book, "Teams", teams_cols, PST_ARRAY_LEN(teams_cols), &t, err);

	for (i = 0; i < p->r->nteams && rc == PST_OK; i++) {
		size_t team = p->r->league ? p->r->league[i] : i;

		if (team < p->r->nteams && xpk_shows(p, team))
			rc = team_row(t, &p->r->teams[team], err);
	}
	return rc ? rc : pst_xlsx_table_end(t, err);
}

static const struct pst_xlsx_column control_cols[] = {
	{"Control", PST_XLSX_TEXT, NULL, 40},
	{"Control ID", PST_XLSX_TEXT, NULL, 0},
	{"Max", PST_XLSX_NUMBER, "0.00", 0},
	{"Points now", PST_XLSX_NUMBER, "0.00", 0},
	{"Points last month", PST_XLSX_NUMBER, "0.00", 0},
	{"Potential gain", PST_XLSX_NUMBER, "0.00", 0},
	{"Healthy", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Unhealthy", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Not applicable", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Top team", PST_XLSX_TEXT, NULL, 0},
};
#define CONTROL_FIXED PST_ARRAY_LEN(control_cols)

/* A team's workbook: the team's own open findings and gain first, then the
 * organisation's figures, each labelled as such; no other team named. */
static const struct pst_xlsx_column team_control_cols[] = {
	{"Control", PST_XLSX_TEXT, NULL, 40},
	{"Control ID", PST_XLSX_TEXT, NULL, 0},
	{"Team's open findings", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Team's potential gain", PST_XLSX_NUMBER, "0.00", 0},
	{"Organisation: max", PST_XLSX_NUMBER, "0.00", 0},
	{"Organisation: points now", PST_XLSX_NUMBER, "0.00", 0},
	{"Organisation: points last month", PST_XLSX_NUMBER, "0.00", 0},
	{"Organisation: potential gain", PST_XLSX_NUMBER, "0.00", 0},
	{"Organisation: healthy", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Organisation: unhealthy", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
	{"Organisation: not applicable", PST_XLSX_INTEGER, PST_XLSX_FMT_COUNT, 0},
};

/* The whole workbook: the fixed columns, then "Gain: TEAM" for each team
 * (teams order).  A team's workbook: team_control_cols.  The caller frees
 * the array; its names point into names or static storage. */
static struct pst_xlsx_column *controls_columns(const struct xpk *p, struct strbuf *names, size_t *ncols)
{
	size_t n = CONTROL_FIXED, i, off;
	struct pst_xlsx_column *cols;

	if (p->team != PST_REVIEW_NO_TEAM) {
		cols = xcalloc(PST_ARRAY_LEN(team_control_cols), sizeof(*cols));
		for (i = 0; i < PST_ARRAY_LEN(team_control_cols); i++)
			cols[i] = team_control_cols[i];
		*ncols = PST_ARRAY_LEN(team_control_cols);
		return cols;
	}
	cols = xcalloc(CONTROL_FIXED + p->r->nteams, sizeof(*cols));
	for (i = 0; i < CONTROL_FIXED; i++)
		cols[i] = control_cols[i];
	for (i = 0; i < p->r->nteams; i++) { /* names first: the buffer may move */
		strbuf_addf(names, "Gain: %s", p->r->teams[i].name);
		strbuf_addch(names, '\0');
	}
	for (off = 0; off < names->len; off += strlen(names->buf + off) + 1)
		cols[n++] = (struct pst_xlsx_column){names->buf + off, PST_XLSX_NUMBER, "0.00", 0};
	*ncols = n;
	return cols;
}

/* The control's own figures (the organisation's): max, points now and at
 * the start, gain, resources healthy, unhealthy and not applicable. */
static void control_figures(struct xpk_row *w, const struct pst_review_control *c)
{
	xpk_number(w, c->max);
	xpk_number(w, c->current);
	xpk_number(w, c->previous);
	xpk_number(w, c->gain);
	xpk_int(w, c->healthy);
	xpk_int(w, c->unhealthy);
	xpk_int(w, c->not_applicable);
}

static int team_control_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_control *c,
                            struct pst_error *err)
{
	struct xpk_row w;

	xpk_row_begin(&w, t, err);
	xpk_text(&w, c->name);
	xpk_text(&w, c->control_id);
	if (c->open_by_team)
		xpk_int(&w, c->open_by_team[p->team]);
	else
		xpk_number(&w, NAN);
	xpk_number(&w, c->gain_by_team ? c->gain_by_team[p->team] : NAN);
	control_figures(&w, c);
	return xpk_row_end(&w);
}

static int control_row(const struct xpk *p, struct pst_xlsx_table *t, const struct pst_review_control *c,
                       struct pst_error *err)
{
	struct xpk_row w;
	size_t i;

	if (p->team != PST_REVIEW_NO_TEAM)
		return team_control_row(p, t, c, err);
	xpk_row_begin(&w, t, err);
	xpk_text(&w, c->name);
	xpk_text(&w, c->control_id);
	control_figures(&w, c);
	xpk_text(&w, xpk_team_name(p->r, c->top_team));
	for (i = 0; i < p->r->nteams; i++)
		xpk_number(&w, c->gain_by_team ? c->gain_by_team[i] : NAN);
	return xpk_row_end(&w);
}

/* Controls by gain, as the review orders them. */
int xpk_controls(const struct xpk *p, struct pst_error *err)
{
	struct strbuf names = STRBUF_INIT;
	struct pst_xlsx_table *t;
	size_t ncols, i;
	struct pst_xlsx_column *cols = controls_columns(p, &names, &ncols);
	int rc = pst_xlsx_table_begin(p->book, "Controls", cols, ncols, &t, err);

	for (i = 0; i < p->r->ncontrols && rc == PST_OK; i++)
		rc = control_row(p, t, &p->r->controls[i], err);
	if (rc == PST_OK)
		rc = pst_xlsx_table_end(t, err);
	free(cols);
	strbuf_release(&names);
	return rc;
}
