/* text_score_data.c: `posture score --format csv` and `--format json`,
 * from the review model (text.h). */
#include <math.h>
#include <string.h>
#include "posture/csvw.h"
#include "posture/jsonw.h"
#include "posture/text.h"

/* ---- csv: one table, a `table` column says which part a line belongs to ---- */

static const char *const csv_head[] = {
	"table", "time", "scope", "subscription_id", "subscription_name", "control_id", "control", "team", "value",
	"source", "exported_current", "exported_max", "exported_percentage", "exported_weight", "recomputed_current",
	"recomputed_max", "recomputed_percentage", "healthy", "unhealthy", "not_applicable", "differs", "gain_points",
	"gain_overall_pct", "target_pct", "by", "current_pct", "gap_pct", "months_left", "pace_needed", "pace_seen",
	"state", "rank", "points", "fixes", "regressions", "new_insecure", "closed_not_fixed", "percentage_points",
	"share_pct_t0", "share_pct_t1", "points_held_t1", "weight", "subscriptions_in_scope", "subscriptions_total",
	NULL};

enum { COL_TEAM = 7, COL_GAIN = 21, COL_TARGET = 23, COL_RANK = 31, COL_PP = 37, COL_SHARE = 38, COL_WEIGHT = 41,
       COL__COUNT = 44 };

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

/* A resource count; negative (not exported) is an empty field. */
static void csv_count(struct pst_csvw *w, int64_t n)
{
	pst_csvw_double(w, n < 0 ? NAN : (double)n);
}

static void csv_series_row(struct pst_csvw *w, const struct pst_review_score_row *x)
{
	int col = COL_GAIN + 1;

	csv_start(w, "series", x->at, x->scope);
	pst_csvw_field(w, x->subscription_id);
	pst_csvw_field(w, x->subscription_name);
	pst_csvw_field(w, x->control_id);
	pst_csvw_field(w, x->control);
	pst_csvw_field(w, NULL);
	pst_csvw_double(w, x->value);
	pst_csvw_field(w, x->source);
	pst_csvw_double(w, x->exp_current);
	pst_csvw_double(w, x->exp_max);
	pst_csvw_double(w, x->exp_pct);
	pst_csvw_double(w, x->exp_weight);
	pst_csvw_double(w, x->rec_current);
	pst_csvw_double(w, x->rec_max);
	pst_csvw_double(w, x->rec_pct);
	csv_count(w, x->healthy);
	csv_count(w, x->unhealthy);
	csv_count(w, x->not_applicable);
	pst_csvw_bool(w, x->differs);
	pst_csvw_double(w, x->gain);
	csv_skip(w, &col, COL_WEIGHT);
	pst_csvw_double(w, strcmp(x->scope, "subscription") == 0 ? x->weight : NAN);
	if (strcmp(x->scope, "overall") == 0) {
		pst_csvw_int(w, (int64_t)x->subs_in_scope);
		pst_csvw_int(w, (int64_t)x->subs_total);
	} else {
		pst_csvw_field(w, NULL);
		pst_csvw_field(w, NULL);
	}
	pst_csvw_end(w);
}

static void csv_team_row(struct pst_csvw *w, const struct pst_review *r, const struct pst_review_score_team *t)
{
	int col = 3;

	csv_start(w, "gain_team", r->t1, "team");
	csv_skip(w, &col, COL_TEAM);
	pst_csvw_field(w, t->name);
	pst_csvw_double(w, t->pct_t1);
	col = COL_TEAM + 2;
	csv_skip(w, &col, COL_GAIN);
	pst_csvw_double(w, t->gain_points);
	pst_csvw_double(w, t->gain_overall);
	col = COL_GAIN + 2;
	csv_skip(w, &col, COL_SHARE);
	pst_csvw_double(w, t->share_pct_t0);
	pst_csvw_double(w, t->share_pct_t1);
	pst_csvw_double(w, t->points_held_t1);
	col = COL_WEIGHT;
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

/* The goal's subject goes to the column of its kind. */
static int subject_col(const char *scope)
{
	if (strcmp(scope, "subscription") == 0)
		return 4;
	if (strcmp(scope, "team") == 0)
		return COL_TEAM;
	return strcmp(scope, "control") == 0 ? 6 : -1;
}

static void csv_goal_row(struct pst_csvw *w, const struct pst_review *r, const struct pst_review_goal *g)
{
	char by[PST_TIME_BUF];
	int col = 3;

	csv_start(w, "goal", r->t1, g->scope);
	for (; col < COL_TARGET; col++)
		pst_csvw_field(w, col == subject_col(g->scope) ? g->name : NULL);
	pst_csvw_double(w, g->target);
	pst_csvw_field(w, pst_time_format(g->by, by, sizeof(by)));
	pst_csvw_double(w, g->current);
	pst_csvw_double(w, g->gap);
	pst_csvw_double(w, g->months_left);
	pst_csvw_double(w, g->pace_needed);
	pst_csvw_double(w, g->pace_seen);
	pst_csvw_field(w, g->state);
	col = COL_RANK;
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

static void csv_league_row(struct pst_csvw *w, const struct pst_review *r, const struct pst_review_league_row *l)
{
	int col = 3;

	csv_start(w, "league", r->t1, "team");
	csv_skip(w, &col, COL_TEAM);
	pst_csvw_field(w, l->team);
	col = COL_TEAM + 1;
	csv_skip(w, &col, COL_RANK);
	if (l->rank > 0)
		pst_csvw_int(w, l->rank);
	else
		pst_csvw_field(w, NULL);
	pst_csvw_double(w, l->points);
	pst_csvw_int(w, l->fixes);
	pst_csvw_int(w, l->regressions);
	pst_csvw_int(w, l->new_insecure);
	pst_csvw_int(w, l->closed_not_fixed);
	pst_csvw_double(w, l->pct_points);
	col = COL_PP + 1;
	csv_skip(w, &col, COL__COUNT);
	pst_csvw_end(w);
}

void pst_text_score_csv(FILE *out, const struct pst_review *r)
{
	const struct pst_review_score *s = &r->score;
	struct pst_csvw w;
	size_t i;

	pst_csvw_init(&w, out);
	pst_csvw_header(&w, csv_head);
	for (i = 0; i < s->nrows; i++)
		csv_series_row(&w, &s->rows[i]);
	for (i = 0; i < s->nteams; i++)
		csv_team_row(&w, r, &s->teams[i]);
	for (i = 0; i < r->ngoals; i++)
		csv_goal_row(&w, r, &r->goals[i]);
	for (i = 0; i < s->nleague; i++)
		csv_league_row(&w, r, &s->league[i]);
}

/* ---- json ---- */

static void json_row(struct pst_jsonw *w, const struct pst_review_score_row *x)
{
	pst_jsonw_object_begin(w);
	pst_jsonw_kv_time(w, "time", x->at);
	pst_jsonw_kv_string(w, "scope", x->scope);
	pst_text_json_opt(w, "subscription_id", x->subscription_id);
	pst_text_json_opt(w, "subscription_name", x->subscription_name);
	pst_text_json_opt(w, "control_id", x->control_id);
	pst_text_json_opt(w, "control", x->control);
	pst_jsonw_kv_double(w, "value", x->value);
	pst_jsonw_kv_string(w, "source", x->source);
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
	if (strcmp(x->scope, "overall") == 0) {
		pst_jsonw_kv_int(w, "subscriptions_in_scope", (int64_t)x->subs_in_scope);
		pst_jsonw_kv_int(w, "subscriptions_total", (int64_t)x->subs_total);
	} else if (strcmp(x->scope, "subscription") == 0) {
		pst_jsonw_kv_double(w, "weight", x->weight);
	}
	pst_jsonw_object_end(w);
}

static void json_gains(struct pst_jsonw *w, const struct pst_review *r)
{
	const struct pst_review_score *s = &r->score;
	size_t i;

	pst_jsonw_key(w, "gain_per_control");
	pst_jsonw_array_begin(w);
	for (i = 0; i < s->ngains; i++) {
		pst_jsonw_object_begin(w);
		pst_text_json_opt(w, "control_id", s->gains[i].control_id);
		pst_jsonw_kv_string(w, "control", s->gains[i].control);
		pst_jsonw_kv_double(w, "gain_points", s->gains[i].gain);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
	pst_jsonw_key(w, "teams");
	pst_jsonw_array_begin(w);
	for (i = 0; i < s->nteams; i++) {
		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "team", s->teams[i].name);
		pst_jsonw_kv_double(w, "score_t0", s->teams[i].pct_t0);
		pst_jsonw_kv_double(w, "score_t1", s->teams[i].pct_t1);
		pst_jsonw_kv_double(w, "gain_points", s->teams[i].gain_points);
		pst_jsonw_kv_double(w, "gain_overall_pct", s->teams[i].gain_overall);
		pst_jsonw_kv_double(w, "share_pct_t0", s->teams[i].share_pct_t0);
		pst_jsonw_kv_double(w, "share_pct_t1", s->teams[i].share_pct_t1);
		pst_jsonw_kv_double(w, "points_held_t1", s->teams[i].points_held_t1);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_goals(struct pst_jsonw *w, const struct pst_review *r)
{
	size_t i;

	pst_jsonw_key(w, "goals");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->ngoals; i++) {
		const struct pst_review_goal *g = &r->goals[i];

		pst_jsonw_object_begin(w);
		pst_jsonw_kv_string(w, "scope", g->scope);
		pst_text_json_opt(w, "subject", g->name);
		pst_jsonw_kv_double(w, "target_pct", g->target);
		pst_jsonw_kv_time(w, "by", g->by);
		pst_jsonw_kv_double(w, "current_pct", g->current);
		pst_jsonw_kv_double(w, "gap_pct", g->gap);
		pst_jsonw_kv_double(w, "months_left", g->months_left);
		pst_jsonw_kv_double(w, "pace_needed", g->pace_needed);
		pst_jsonw_kv_double(w, "pace_seen", g->pace_seen);
		pst_jsonw_kv_string(w, "state", g->state);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

static void json_league(struct pst_jsonw *w, const struct pst_review *r)
{
	size_t i;

	pst_jsonw_key(w, "league");
	pst_jsonw_array_begin(w);
	for (i = 0; i < r->score.nleague; i++) {
		const struct pst_review_league_row *l = &r->score.league[i];

		pst_jsonw_object_begin(w);
		pst_jsonw_key(w, "rank");
		if (l->rank > 0)
			pst_jsonw_int(w, l->rank);
		else
			pst_jsonw_null(w);
		pst_jsonw_kv_string(w, "team", l->team);
		pst_jsonw_kv_double(w, "points", l->points);
		pst_jsonw_kv_double(w, "percentage_points", l->pct_points);
		pst_jsonw_kv_int(w, "fixes", l->fixes);
		pst_jsonw_kv_int(w, "regressions", l->regressions);
		pst_jsonw_kv_int(w, "new_insecure", l->new_insecure);
		pst_jsonw_kv_int(w, "closed_not_fixed", l->closed_not_fixed);
		pst_jsonw_object_end(w);
	}
	pst_jsonw_array_end(w);
}

void pst_text_score_json(FILE *out, const struct pst_review *r)
{
	struct pst_jsonw w;
	size_t i;

	pst_jsonw_init(&w, out);
	pst_jsonw_object_begin(&w);
	pst_jsonw_kv_time(&w, "t0", r->t0);
	pst_jsonw_kv_time(&w, "t1", r->t1);
	pst_text_json_opt(&w, "teams_file", r->score.teams_file);
	pst_text_json_opt(&w, "goals_file", r->score.goals_file);
	pst_jsonw_key(&w, "series");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->score.nrows; i++)
		json_row(&w, &r->score.rows[i]);
	pst_jsonw_array_end(&w);
	json_gains(&w, r);
	json_goals(&w, r);
	json_league(&w, r);
	pst_jsonw_key(&w, "warnings");
	pst_jsonw_array_begin(&w);
	for (i = 0; i < r->warnings.n; i++) {
		struct strbuf text = STRBUF_INIT;

		if (!pst_text_score_warning(&r->warnings.items[i]))
			continue;
		pst_diag_text(&r->warnings.items[i], &text);
		pst_jsonw_string(&w, strbuf_cstr(&text));
		strbuf_release(&text);
	}
	pst_jsonw_array_end(&w);
	pst_jsonw_object_end(&w);
	pst_jsonw_finish(&w);
}

