/* text_score.c: `posture score` as text: the secure score series, the
 * controls at T1, the points to win per control and per team, the goals and
 * the league table, from the review model (text.h). */
#include <math.h>
#include <string.h>
#include "posture/text.h"
#include "posture/utf8.h"

static bool is_control(const struct pst_review_score_row *x)
{
	return strcmp(x->scope, "control") == 0;
}

/* The warnings the score shows: its own, the team rules', and what the run
 * says of the period (partial, first month). */
bool pst_text_score_warning(const struct pst_diag *d)
{
	const char *g = pst_diag_code_group(d->code);

	return strcmp(g, "score") == 0 || strcmp(g, "teams") == 0 || d->code == PST_DC_PARTIAL ||
	       d->code == PST_DC_FIRST_MONTH;
}

size_t pst_text_score_warnings(const struct pst_review *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->warnings.n; i++)
		n += pst_text_score_warning(&r->warnings.items[i]);
	return n;
}

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

/* ---- text ---- */

static void text_subject(FILE *out, const struct pst_review_score_row *x)
{
	if (strcmp(x->scope, "overall") == 0) {
		fputs("overall", out);
		return;
	}
	put(out, x->subscription_id);
	if (*x->subscription_name) {
		fputs(" (", out);
		put(out, x->subscription_name);
		fputc(')', out);
	}
	if (strcmp(x->scope, "control") == 0) {
		fputs(": ", out);
		put(out, x->control);
	}
}

static void text_series(FILE *out, const struct pst_review *r)
{
	char when[PST_TIME_BUF];
	size_t i;

	fputs("Secure score series (percent; control series: --format csv or json)\n"
	      "  time                     value exported recomputed  source      subject\n",
	      out);
	for (i = 0; i < r->score.nrows; i++) {
		const struct pst_review_score_row *x = &r->score.rows[i];

		if (is_control(x) || (strcmp(x->scope, "overall") == 0 && !x->subs_total))
			continue; /* a point with no data (a month before the first export) */
		fprintf(out, "  %s", pst_time_format(x->at, when, sizeof(when)));
		put_num(out, 6, 100 * x->value);
		put_num(out, 8, 100 * x->exp_pct);
		put_num(out, 10, 100 * x->rec_pct);
		fprintf(out, "  %-10s%s ", x->source, x->differs ? "!" : " ");
		text_subject(out, x);
		fputc('\n', out);
	}
}

static void text_controls(FILE *out, const struct pst_review *r)
{
	size_t i;

	fputs("\nControls at T1 (points)\n"
	      "  healthy unhealthy   n/a  exported recomputed   max   gain  subscription: control\n",
	      out);
	for (i = 0; i < r->score.nrows; i++) {
		const struct pst_review_score_row *x = &r->score.rows[i];

		if (x->at != r->t1 || !is_control(x))
			continue;
		fprintf(out, "  %7lld %9lld %5lld", (long long)x->healthy, (long long)x->unhealthy,
		        (long long)x->not_applicable);
		put_num(out, 9, x->exp_current);
		put_num(out, 10, x->rec_current);
		put_num(out, 5, strcmp(x->source, "exported") == 0 ? x->exp_max : x->rec_max);
		put_num(out, 6, x->gain);
		fputs(x->differs ? " !" : "  ", out);
		text_subject(out, x);
		fputc('\n', out);
	}
}

static void text_gains(FILE *out, const struct pst_review *r)
{
	const struct pst_review_score *s = &r->score;
	size_t i;

	fputs("\nWhere the next points are: potential gain per control at T1 (points, all subscriptions)\n", out);
	for (i = 0; i < s->ngains; i++) {
		put_num(out, 7, s->gains[i].gain);
		fputs("  ", out);
		put(out, s->gains[i].control);
		fputc('\n', out);
	}
	if (!s->ngains)
		fputs("  no points to gain\n", out);
	fputs("\nPotential gain per team at T1 (if the team fixed all its unhealthy resources)\n"
	      "   points  overall %  team\n",
	      out);
	for (i = 0; i < s->nteams; i++) {
		put_num(out, 8, s->teams[i].gain_points);
		put_num(out, 9, s->teams[i].gain_overall);
		fputs("  ", out);
		put(out, s->teams[i].name);
		fputc('\n', out);
	}
}

static void text_goals(FILE *out, const struct pst_review *r)
{
	char by[PST_TIME_BUF];
	size_t i;

	fputs("\nGoals (percent; pace in percentage points per month)\n"
	      "  target by          current    gap months needed   seen  state     goal\n",
	      out);
	for (i = 0; i < r->ngoals; i++) {
		const struct pst_review_goal *g = &r->goals[i];

		fprintf(out, "  %6.2f %s", g->target, pst_date_format(g->due, by, sizeof(by)));
		put_num(out, 8, g->current);
		put_num(out, 6, g->gap);
		put_num(out, 6, g->months_left);
		put_num(out, 6, g->pace_needed);
		put_num(out, 6, g->pace_seen);
		fprintf(out, "  %-9s %s%s", g->state, g->scope, *g->name ? " " : "");
		put(out, g->name);
		fputc('\n', out);
	}
	if (!r->ngoals)
		fputs("  no goals set (give --goals FILE, or goals = FILE in the settings; templates/goals.conf is an "
		      "example)\n",
		      out);
}

static void text_league(FILE *out, const struct pst_review *r)
{
	size_t i;

	fputs("\nLeague table, T0 to T1 (percentage points of the overall won by verified fixes, less those lost\n"
	      "by regressions and insecure new resources; ties by fixes, then name; Unassigned is not ranked)\n"
	      "  rank      pp  points fixes regressions new-insecure closed-not-fixed  team\n",
	      out);
	for (i = 0; i < r->score.nleague; i++) {
		const struct pst_review_league_row *l = &r->score.league[i];

		if (l->rank > 0)
			fprintf(out, "  %4d", l->rank);
		else
			fputs("     -", out);
		put_num(out, 7, l->pct_points);
		put_num(out, 7, l->points);
		fprintf(out, " %5lld %11lld %12lld %16lld  ", (long long)l->fixes, (long long)l->regressions,
		        (long long)l->new_insecure, (long long)l->closed_not_fixed);
		put(out, l->team);
		fputc('\n', out);
	}
}

static void text_out(FILE *out, const struct pst_review *r)
{
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	size_t i;

	fprintf(out, "Secure score: T0 %s, T1 %s\n\n", pst_time_format(r->t0, a, sizeof(a)),
	        pst_time_format(r->t1, b, sizeof(b)));
	text_series(out, r);
	text_controls(out, r);
	text_gains(out, r);
	text_goals(out, r);
	text_league(out, r);
	if (pst_text_score_warnings(r))
		fputs("\nWarnings (! marks exported and recomputed values more than a rounding step apart):\n", out);
	for (i = 0; i < r->warnings.n; i++) {
		struct strbuf text = STRBUF_INIT;

		if (!pst_text_score_warning(&r->warnings.items[i]))
			continue;
		pst_diag_text(&r->warnings.items[i], &text);
		fputs("  ", out);
		put(out, strbuf_cstr(&text));
		fputc('\n', out);
		strbuf_release(&text);
	}
}

void pst_text_score(FILE *out, const struct pst_review *r, enum pst_outfmt fmt)
{
	if (fmt == PST_OUT_JSON)
		pst_text_score_json(out, r);
	else if (fmt == PST_OUT_CSV)
		pst_text_score_csv(out, r);
	else
		text_out(out, r);
}
