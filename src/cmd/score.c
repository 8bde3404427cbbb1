/* cmd_score.c: `posture score`: the secure score series, the control
 * breakdown at T1, potential gain per control and per team, progress
 * against the goals, and the league table (text, csv, json). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/utf8.h"
#include "posture/text.h"
#include "score_int.h"

static void put(FILE *out, const char *s)
{
	pst_utf8_fputs(s, out);
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

const char *score_sub_id(const struct score_run *r, uint32_t sub)
{
	return sub ? pst_estate_subscription_id(&r->e, sub) : NULL;
}

const char *score_sub_name(const struct score_run *r, uint32_t sub)
{
	return sub ? pst_estate_text(&r->e, r->e.subscriptions[sub].name) : NULL;
}

const char *score_control_name(const struct score_run *r, size_t k)
{
	return k == PST_NO_CONTROL ? NULL : r->view.cs.items[k].name;
}

const char *score_control_id(const struct score_run *r, size_t k)
{
	return k == PST_NO_CONTROL ? NULL : r->view.cs.items[k].id;
}

static int cmp_gain(const void *pa, const void *pb)
{
	const struct control_gain *a = pa, *b = pb;

	if (a->gain != b->gain)
		return a->gain > b->gain ? -1 : 1;
	return (a->control > b->control) - (a->control < b->control);
}

size_t score_control_gains(const struct score_run *r, struct control_gain **out)
{
	struct control_gain *g = xcalloc(r->view.cs.n + 1, sizeof(*g));
	size_t i, n = 0;

	for (i = 0; i < r->view.cs.n; i++)
		g[i].control = i;
	for (i = 0; i < r->view.nrows; i++) {
		const struct pst_score_row *x = &r->view.rows[i];

		if (x->at == r->view.t1 && x->scope == PST_ROW_CONTROL && !isnan(x->gain))
			g[x->control].gain += x->gain;
	}
	qsort(g, r->view.cs.n, sizeof(*g), cmp_gain);
	while (n < r->view.cs.n && g[n].gain > 0)
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
	put(out, score_sub_id(r, x->sub));
	if (score_sub_name(r, x->sub)) {
		fputs(" (", out);
		put(out, score_sub_name(r, x->sub));
		fputc(')', out);
	}
	if (x->scope == PST_ROW_CONTROL) {
		fputs(": ", out);
		put(out, score_control_name(r, x->control));
	}
}

static void text_series(FILE *out, const struct score_run *r)
{
	char when[PST_TIME_BUF];
	size_t i;

	fputs("Secure score series (percent; control series: --format csv or json)\n"
	      "  time                     value exported recomputed  source      subject\n",
	      out);
	for (i = 0; i < r->view.nrows; i++) {
		const struct pst_score_row *x = &r->view.rows[i];

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
	for (i = 0; i < r->view.nrows; i++) {
		const struct pst_score_row *x = &r->view.rows[i];

		if (x->at != r->view.t1 || x->scope != PST_ROW_CONTROL)
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
	size_t n = score_control_gains(r, &g), i;

	fputs("\nWhere the next points are: potential gain per control at T1 (points, all subscriptions)\n", out);
	for (i = 0; i < n; i++) {
		put_num(out, 7, g[i].gain);
		fputs("  ", out);
		put(out, score_control_name(r, g[i].control));
		fputc('\n', out);
	}
	if (!n)
		fputs("  no points to gain\n", out);
	fputs("\nPotential gain per team at T1 (if the team fixed all its unhealthy resources)\n"
	      "   points  overall %  team\n",
	      out);
	for (i = 0; i < r->view.nteams; i++) {
		put_num(out, 8, r->view.teams[i].gain_points);
		put_num(out, 9, r->view.teams[i].gain_overall);
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
	for (i = 0; i < r->view.ngoals; i++) {
		const struct pst_goal_row *g = &r->view.goals[i];

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
	if (!r->view.ngoals)
		fputs("  no goals (give --goals FILE; see templates/goals.conf)\n", out);
}

static void text_league(FILE *out, const struct score_run *r)
{
	size_t i;

	fputs("\nLeague table, T0 to T1 (only verified fixes earn points)\n"
	      "  rank  points fixes regressions new-insecure closed-not-fixed  team\n",
	      out);
	for (i = 0; i < r->view.nleague; i++) {
		const struct pst_league_row *l = &r->view.league[i];

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

	fprintf(out, "Secure score: T0 %s, T1 %s\n\n", pst_time_format(r->view.t0, a, sizeof(a)),
	        pst_time_format(r->view.t1, b, sizeof(b)));
	text_series(out, r);
	text_controls(out, r);
	text_gains(out, r);
	text_goals(out, r);
	text_league(out, r);
	if (r->view.warnings.n)
		fputs("\nWarnings (! marks exported and recomputed values more than a rounding step apart):\n", out);
	for (i = 0; i < r->view.warnings.n; i++) {
		struct strbuf text = STRBUF_INIT;

		pst_diag_text(&r->view.warnings.items[i], &text);
		fputs("  ", out);
		put(out, strbuf_cstr(&text));
		fputc('\n', out);
		strbuf_release(&text);
	}
}

/* ---- the command ---- */

int pst_cmd_score(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_MONTH, PST_WANT_SCORE, NULL, cli->teams_file, cli->goals_file,
	                                  NULL, cli->skip_bad, NULL, cli->generated_at, POSTURE_VERSION};
	struct pst_pipeline r;
	int rc;

	pst_pipeline_init(&r);
	rc = pst_pipeline_run(&r, &rq, err);
	if (rc == PST_OK) {
		pst_teams_warnings(&r.rules, &r.view.warnings);
		if (cli->format == PST_OUT_JSON)
			score_json_out(out, &r);
		else if (cli->format == PST_OUT_CSV)
			score_csv_out(out, &r);
		else
			text_out(out, &r);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings(stderr, &r.view.warnings);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && r.view.warnings.n)
		rc = PST_WARN;
	pst_pipeline_release(&r);
	return rc;
}
