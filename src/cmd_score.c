/* cmd_score.c: `posture score`: the secure score series, the control
 * breakdown at T1, potential gain per control and per team, progress
 * against the goals, and the league table (text, csv, json). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/outfile.h"
#include "posture/scoreview.h"
#include "posture/utf8.h"

struct score_run {
	struct pst_estate e;
	struct pst_teams rules;
	struct pst_goals goals;
	struct pst_team_map map;
	struct pst_diff diff;
	struct pst_score_view v;
};

/* Gain of one control summed over the subscriptions at T1. */
struct control_gain {
	size_t control;
	double gain;
};

static void put(FILE *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	if (!s || !*s)
		return; /* pst_utf8_sanitize leaves an empty buffer unterminated */
	pst_utf8_sanitize(&sb, s, strlen(s));
	fputs(strbuf_cstr(&sb), out);
	strbuf_release(&sb);
}

static void put_num(FILE *out, int width, double v)
{
	if (fabs(v) < 0.005)
		v = 0; /* no "-0.00" */
	if (isnan(v))
		fprintf(out, " %*s", width, "-");
	else
		fprintf(out, " %*.2f", width, v);
}

static const char *sub_id(const struct score_run *r, uint32_t sub)
{
	return sub ? pst_estate_subscription_id(&r->e, sub) : NULL;
}

static const char *sub_name(const struct score_run *r, uint32_t sub)
{
	return sub ? pst_estate_text(&r->e, r->e.subscriptions[sub].name) : NULL;
}

static const char *control_name(const struct score_run *r, size_t k)
{
	return k == PST_NO_CONTROL ? NULL : r->v.cs.items[k].name;
}

static int cmp_gain(const void *pa, const void *pb)
{
	const struct control_gain *a = pa, *b = pb;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return (a->control > b->control) - (a->control < b->control);
}

/* Per control at T1, largest first; returns how many have a gain. */
static size_t control_gains(const struct score_run *r, struct control_gain **out)
{
	struct control_gain *g = xcalloc(r->v.cs.n + 1, sizeof(*g));
	size_t i, n = 0;

	for (i = 0; i < r->v.cs.n; i++)
		g[i].control = i;
	for (i = 0; i < r->v.nrows; i++) {
		const struct pst_score_row *x = &r->v.rows[i];

		if (x->at == r->v.t1 && x->scope == PST_ROW_CONTROL && !isnan(x->gain))
			g[x->control].gain += x->gain;
	}
	qsort(g, r->v.cs.n, sizeof(*g), cmp_gain);
	while (n < r->v.cs.n && g[n].gain > 0)
		n++;
	*out = g;
	return n;
}

/* ---- text ---- */

static void text_subject(FILE *out, const struct score_run *r, const struct pst_score_row *x)
{
	if (x->scope == PST_ROW_OVERALL) {
		fputs("overall", out);
		return;
	}
	put(out, sub_id(r, x->sub));
	if (sub_name(r, x->sub)) {
		fputs(" (", out);
		put(out, sub_name(r, x->sub));
		fputc(')', out);
	}
	if (x->scope == PST_ROW_CONTROL) {
		fputs(": ", out);
		put(out, control_name(r, x->control));
	}
}

static void text_series(FILE *out, const struct score_run *r)
{
	char when[PST_TIME_BUF];
	size_t i;

	fputs("Secure score series (percent; control series: --format csv or json)\n"
	      "  time                     value exported recomputed  source      subject\n",
	      out);
	for (i = 0; i < r->v.nrows; i++) {
		const struct pst_score_row *x = &r->v.rows[i];

		if (x->scope == PST_ROW_CONTROL)
			continue;
		fprintf(out, "  %s", pst_time_format(x->at, when, sizeof(when)));
		put_num(out, 6, 100 * x->value);
		put_num(out, 8, 100 * x->exp_pct);
		put_num(out, 10, 100 * x->rec_pct);
		fprintf(out, "  %-10s%s ", pst_row_source_name(x->source), x->differs ? "!" : " ");
		text_subject(out, r, x);
		fputc('\n', out);
	}
}

static void text_controls(FILE *out, const struct score_run *r)
{
	size_t i;

	fputs("\nControls at T1 (points)\n"
	      "  healthy unhealthy   n/a  exported recomputed   max   gain  subscription: control\n",
	      out);
	for (i = 0; i < r->v.nrows; i++) {
		const struct pst_score_row *x = &r->v.rows[i];

		if (x->at != r->v.t1 || x->scope != PST_ROW_CONTROL)
			continue;
		fprintf(out, "  %7lld %9lld %5lld", (long long)x->healthy, (long long)x->unhealthy,
		        (long long)x->not_applicable);
		put_num(out, 9, x->exp_current);
		put_num(out, 10, x->rec_current);
		put_num(out, 5, x->source == PST_SRC_EXPORTED ? x->exp_max : x->rec_max);
		put_num(out, 6, x->gain);
		fputs(x->differs ? " !" : "  ", out);
		text_subject(out, r, x);
		fputc('\n', out);
	}
}

static void text_gains(FILE *out, const struct score_run *r)
{
	struct control_gain *g;
	size_t n = control_gains(r, &g), i;

	fputs("\nWhere the next points are: potential gain per control at T1 (points, all subscriptions)\n", out);
	for (i = 0; i < n; i++) {
		put_num(out, 7, g[i].gain);
		fputs("  ", out);
		put(out, control_name(r, g[i].control));
		fputc('\n', out);
	}
	if (!n)
		fputs("  none: every control is at its maximum\n", out);
	fputs("\nPotential gain per team at T1 (if the team fixed all its unhealthy resources)\n"
	      "   points  overall %  team\n",
	      out);
	for (i = 0; i < r->v.nteams; i++) {
		put_num(out, 8, r->v.teams[i].gain_points);
		put_num(out, 9, r->v.teams[i].gain_overall);
		fputs("  ", out);
		put(out, r->map.teams[i]);
		fputc('\n', out);
	}
	free(g);
}

static void text_goals(FILE *out, const struct score_run *r)
{
	char by[PST_TIME_BUF];
	size_t i;

	fputs("\nGoals (percent; pace in points per month)\n"
	      "  target by          current    gap months needed   seen  state     goal\n",
	      out);
	for (i = 0; i < r->v.ngoals; i++) {
		const struct pst_goal_row *g = &r->v.goals[i];

		fprintf(out, "  %6.2f %s", g->goal->target, pst_date_format(g->goal->by - 1, by, sizeof(by)));
		put_num(out, 8, g->p.current);
		put_num(out, 6, g->p.gap);
		put_num(out, 6, g->p.months_left);
		put_num(out, 6, g->p.pace_needed);
		put_num(out, 6, g->p.pace_seen);
		fprintf(out, "  %-9s %s%s", pst_goal_state_name(g->p.state), pst_goal_scope_name(g->goal->scope),
		        g->goal->subject ? " " : "");
		put(out, g->goal->subject);
		fputc('\n', out);
	}
	if (!r->v.ngoals)
		fputs("  no goals (give --goals FILE; see templates/goals.conf)\n", out);
}

static void text_league(FILE *out, const struct score_run *r)
{
	size_t i;

	fputs("\nLeague table, T0 to T1 (only verified fixes earn points)\n"
	      "  rank  points fixes regressions new-insecure closed-not-fixed  team\n",
	      out);
	for (i = 0; i < r->v.nleague; i++) {
		const struct pst_league_row *l = &r->v.league[i];

		fprintf(out, "  %4d", l->rank);
		put_num(out, 7, l->points);
		fprintf(out, " %5lld %11lld %12lld %16lld  ", (long long)l->fixes, (long long)l->regressions,
		        (long long)l->new_insecure, (long long)l->closed_not_fixed);
		put(out, l->name);
		fputc('\n', out);
	}
}

static void text_out(FILE *out, const struct score_run *r)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	size_t i;

	fprintf(out, "Secure score: T0 %s, T1 %s\n\n", pst_time_format(r->v.t0, a, sizeof(a)),
	        pst_time_format(r->v.t1, b, sizeof(b)));
	text_series(out, r);
	text_controls(out, r);
	text_gains(out, r);
	text_goals(out, r);
	text_league(out, r);
	if (r->v.nwarnings)
		fputs("\nWarnings (! marks exported and recomputed values more than a rounding step apart):\n", out);
	for (i = 0; i < r->v.nwarnings; i++) {
		fputs("  ", out);
		put(out, r->v.warnings[i]);
		fputc('\n', out);
	}
}

/* ---- csv: one table, a `table` column says which part a line belongs to ---- */

static const char *const csv_head[] = {
	"table", "time", "scope", "subscription_id", "subscription_name", "control_id", "control", "team", "value",
	"source", "exported_current", "exported_max", "exported_percentage", "exported_weight", "recomputed_current",
	"recomputed_max", "recomputed_percentage", "healthy", "unhealthy", "not_applicable", "differs", "gain_points",
	"gain_overall_pct", "target_pct", "by", "current_pct", "gap_pct", "months_left", "pace_needed", "pace_seen",
	"state", "rank", "points", "fixes", "regressions", "new_insecure", "closed_not_fixed", NULL};

enum { COL_TEAM = 7, COL_GAIN = 21, COL_TARGET = 23, COL_RANK = 31, COL__COUNT = 37 };

static void csv_skip(struct pst_csvw *w, int *col, int to)
{
	for (; *col < to; (*col)++)
		pst_csvw_field(w, NULL);
}

static void csv_start(struct pst_csvw *w, const char *table, pst_time t, const char *scope)
{
	pst_csvw_field(w, table);
	pst_csvw_time(w, t);
	pst_csvw_field(w, scope);
}

static void csv_series_row(struct pst_csvw *w, const struct score_run *r, const struct pst_score_row *x)
{
	int col = COL_GAIN + 1;

	csv_start(w, "series", x->at, pst_row_scope_name(x->scope));
	pst_csvw_field(w, sub_id(r, x->sub));
	pst_csvw_field(w, sub_name(r, x->sub));
	pst_csvw_field(w, x->control == PST_NO_CONTROL ? NULL : r->v.cs.items[x->control].id);
	pst_csvw_field(w, control_name(r, x->control));
	pst_csvw_field(w, NULL);
	pst_csvw_double(w, x->value);
	pst_csvw_field(w, pst_row_source_name(x->source));
	pst_csvw_double(w, x->exp_current);
	pst_csvw_double(w, x->exp_max);
	pst_csvw_double(w, x->exp_pct);
	pst_csvw_double(w, x->exp_weight);
	pst_csvw_double(w, x->rec_current);
	pst_csvw_double(w, x->rec_max);
	pst_csvw_double(w, x->rec_pct);
	pst_csvw_double(w, x->healthy < 0 ? NAN : (double)x->healthy);
	pst_csvw_double(w, x->unhealthy < 0 ? NAN : (double)x->unhealthy);
	pst_csvw_double(w, x->not_applicable < 0 ? NAN : (double)x->not_applicable);
	pst_csvw_bool(w, x->differs);
	pst_csvw_double(w, x->gain);
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

static void csv_team_row(struct pst_csvw *w, const struct score_run *r, size_t t)
{
	int col = 3;

	csv_start(w, "gain_team", r->v.t1, "team");
	csv_skip(w, &col, COL_TEAM);
	pst_csvw_field(w, r->map.teams[t]);
	pst_csvw_double(w, r->v.teams[t].pct_t1);
	col = COL_TEAM + 2;
	csv_skip(w, &col, COL_GAIN);
	pst_csvw_double(w, r->v.teams[t].gain_points);
	pst_csvw_double(w, r->v.teams[t].gain_overall);
	col = COL_GAIN + 2;
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

/* The goal's subject goes to the column of its kind. */
static void csv_goal_row(struct pst_csvw *w, const struct score_run *r, const struct pst_goal_row *g)
{
	static const int subject_col[PST_GOAL__COUNT] = {-1, 4, COL_TEAM, 6};
	char by[PST_TIME_BUF];
	int col = 3;

	csv_start(w, "goal", r->v.t1, pst_goal_scope_name(g->goal->scope));
	for (; col < COL_TARGET; col++)
		pst_csvw_field(w, col == subject_col[g->goal->scope] ? g->goal->subject : NULL);
	pst_csvw_double(w, g->goal->target);
	pst_csvw_field(w, pst_time_format(g->goal->by, by, sizeof(by)));
	pst_csvw_double(w, g->p.current);
	pst_csvw_double(w, g->p.gap);
	pst_csvw_double(w, g->p.months_left);
	pst_csvw_double(w, g->p.pace_needed);
	pst_csvw_double(w, g->p.pace_seen);
	pst_csvw_field(w, pst_goal_state_name(g->p.state));
	col = COL_RANK;
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

static void csv_league_row(struct pst_csvw *w, const struct score_run *r, const struct pst_league_row *l)
{
	int col = 3;

	csv_start(w, "league", r->v.t1, "team");
	csv_skip(w, &col, COL_TEAM);
	pst_csvw_field(w, l->name);
	col = COL_TEAM + 1;
	csv_skip(w, &col, COL_RANK);
	pst_csvw_int(w, l->rank);
	pst_csvw_double(w, l->points);
	pst_csvw_int(w, l->fixes);
	pst_csvw_int(w, l->regressions);
	pst_csvw_int(w, l->new_insecure);
	pst_csvw_int(w, l->closed_not_fixed);
	pst_csvw_end(w);
}

static void csv_out(FILE *out, const struct score_run *r)
{
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, out);
	pst_csvw_header(&w, csv_head);
	for (i = 0; i < r->v.nrows; i++)
		csv_series_row(&w, r, &r->v.rows[i]);
	for (i = 0; i < r->v.nteams; i++)
		csv_team_row(&w, r, i);
	for (i = 0; i < r->v.ngoals; i++)
		csv_goal_row(&w, r, &r->v.goals[i]);
	for (i = 0; i < r->v.nleague; i++)
		csv_league_row(&w, r, &r->v.league[i]);
}

/* ---- json ---- */

static void json_row(struct pst_jsonw *w, const struct score_run *r, const struct pst_score_row *x)
{
	pst_jsonw_object_begin(w);
	pst_jsonw_kv_time(w, "time", x->at);
	pst_jsonw_kv_string(w, "scope", pst_row_scope_name(x->scope));
	pst_jsonw_kv_string(w, "subscription_id", sub_id(r, x->sub));
	pst_jsonw_kv_string(w, "subscription_name", sub_name(r, x->sub));
	pst_jsonw_kv_string(w, "control_id", x->control == PST_NO_CONTROL ? NULL : r->v.cs.items[x->control].id);
	pst_jsonw_kv_string(w, "control", control_name(r, x->control));
	pst_jsonw_kv_double(w, "value", x->value);
	pst_jsonw_kv_string(w, "source", pst_row_source_name(x->source));
	pst_jsonw_kv_double(w, "exported_current", x->exp_current);
	pst_jsonw_kv_double(w, "exported_max", x->exp_max);
	pst_jsonw_kv_double(w, "exported_percentage", x->exp_pct);
	pst_jsonw_kv_double(w, "exported_weight", x->exp_weight);
	pst_jsonw_kv_double(w, "recomputed_current", x->rec_current);
	pst_jsonw_kv_double(w, "recomputed_max", x->rec_max);
	pst_jsonw_kv_double(w, "recomputed_percentage", x->rec_pct);
	pst_jsonw_kv_int(w, "healthy", x->healthy);
	pst_jsonw_kv_int(w, "unhealthy", x->unhealthy);
	pst_jsonw_kv_int(w, "not_applicable", x->not_applicable);
	pst_jsonw_kv_bool(w, "differs", x->differs);
	pst_jsonw_kv_double(w, "gain_points", x->gain);
	pst_jsonw_object_end(w);
}

static void json_gains(struct pst_jsonw *w, const struct score_run *r)
{
	struct control_gain *g;
	size_t n = control_gains(r, &g), i;

	pst_jsonw_key(w, "gain_per_control");
	pst_jsonw_array_begin(w);
	for (i = 0; i < n; i++) {
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "control_id", r->v.cs.items[g[i].control].id);
		pst_jsonw_kv_string(w, "control", control_name(r, g[i].control));
		pst_jsonw_kv_double(w, "gain_points", g[i].gain);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
	free(g);
	pst_jsonw_key(w, "teams");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->v.nteams; i++) {
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "team", r->map.teams[i]);
		pst_jsonw_kv_double(w, "score_t0", r->v.teams[i].pct_t0);
		pst_jsonw_kv_double(w, "score_t1", r->v.teams[i].pct_t1);
		pst_jsonw_kv_double(w, "gain_points", r->v.teams[i].gain_points);
		pst_jsonw_kv_double(w, "gain_overall_pct", r->v.teams[i].gain_overall);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_goals(struct pst_jsonw *w, const struct score_run *r)
{
	size_t i;

	pst_jsonw_key(w, "goals");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->v.ngoals; i++) {
		const struct pst_goal_row *g = &r->v.goals[i];

		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "scope", pst_goal_scope_name(g->goal->scope));
		pst_jsonw_kv_string(w, "subject", g->goal->subject);
		pst_jsonw_kv_double(w, "target_pct", g->goal->target);
		pst_jsonw_kv_time(w, "by", g->goal->by);
		pst_jsonw_kv_double(w, "current_pct", g->p.current);
		pst_jsonw_kv_double(w, "gap_pct", g->p.gap);
		pst_jsonw_kv_double(w, "months_left", g->p.months_left);
		pst_jsonw_kv_double(w, "pace_needed", g->p.pace_needed);
		pst_jsonw_kv_double(w, "pace_seen", g->p.pace_seen);
		pst_jsonw_kv_string(w, "state", pst_goal_state_name(g->p.state));
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_league(struct pst_jsonw *w, const struct score_run *r)
{
	size_t i;

	pst_jsonw_key(w, "league");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->v.nleague; i++) {
		const struct pst_league_row *l = &r->v.league[i];

		pst_jsonw_object_begin(w);
		pst_jsonw_kv_int(w, "rank", l->rank);
		pst_jsonw_kv_string(w, "team", l->name);
		pst_jsonw_kv_double(w, "points", l->points);
		pst_jsonw_kv_int(w, "fixes", l->fixes);
		pst_jsonw_kv_int(w, "regressions", l->regressions);
		pst_jsonw_kv_int(w, "new_insecure", l->new_insecure);
		pst_jsonw_kv_int(w, "closed_not_fixed", l->closed_not_fixed);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_out(FILE *out, const struct score_run *r)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_jsonw_kv_time(&w, "t0", r->v.t0);
	pst_jsonw_kv_time(&w, "t1", r->v.t1);
	pst_jsonw_kv_string(&w, "teams_file", r->rules.path);
	pst_jsonw_kv_string(&w, "goals_file", r->goals.path);
	pst_jsonw_key(&w, "series");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->v.nrows; i++)
		json_row(&w, r, &r->v.rows[i]);
	pst_jsonw_array_end(&w);
	json_gains(&w, r);
	json_goals(&w, r);
	json_league(&w, r);
	pst_jsonw_key(&w, "warnings");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->v.nwarnings; i++)
		pst_jsonw_string(&w, r->v.warnings[i]);
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

/* ---- the command ---- */

static void score_run_init(struct score_run *r)
{
	pst_estate_init(&r->e);
	pst_teams_init(&r->rules);
	pst_goals_init(&r->goals);
	pst_team_map_init(&r->map);
	pst_diff_init(&r->diff);
	pst_score_view_init(&r->v);
}

static void score_run_release(struct score_run *r)
{
	pst_score_view_release(&r->v);
	pst_diff_release(&r->diff);
	pst_team_map_release(&r->map);
	pst_goals_release(&r->goals);
	pst_teams_release(&r->rules);
	pst_estate_release(&r->e);
}

/* Team-file warnings join the view's (one line each). */
static void add_team_warnings(struct score_run *r)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p, *nl;

	if (!r->rules.path)
		strbuf_addstr(&sb, "no team rules (no --teams and no templates/teams.conf): every resource is Unassigned\n");
	pst_teams_unused(&r->rules, &sb);
	for (p = strbuf_cstr(&sb); (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		PST_GROW(r->v.warnings, r->v.warnings_alloc, r->v.nwarnings + 1);
		r->v.warnings[r->v.nwarnings++] = xstrndup(p, (size_t)(nl - p));
	}
	strbuf_release(&sb);
}

int pst_cmd_score(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_score_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period, cli->skip_bad};
	struct score_run r;
	size_t i;
	int rc;

	score_run_init(&r);
	rc = pst_teams_load_default(&r.rules, cli->teams_file, err);
	if (rc == PST_OK)
		rc = pst_goals_load_default(&r.goals, cli->goals_file, err);
	if (rc == PST_OK)
		rc = pst_score_view_run(&r.v, &r.e, &r.map, &r.rules, &r.goals, &r.diff, &rq, err);
	if (rc == PST_OK) {
		add_team_warnings(&r);
		if (cli->format == PST_OUT_JSON)
			json_out(out, &r);
		else if (cli->format == PST_OUT_CSV)
			csv_out(out, &r);
		else
			text_out(out, &r);
		for (i = 0; cli->format == PST_OUT_CSV && !cli->quiet && i < r.v.nwarnings; i++)
			fprintf(stderr, "posture: warning: %s\n", r.v.warnings[i]);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && r.v.nwarnings)
		rc = PST_WARN;
	score_run_release(&r);
	return rc;
}
