/* score_view_goals.c: progress against the goals, and the league table,
 * for the score view (scoreview.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "score_view_int.h"

/* Value (fraction) of a row set at t: overall, one subscription, or one
 * control summed over the subscriptions; NAN when nothing matches. */
static double row_value(const struct pst_score_view *v, const struct pst_estate *e, const struct pst_goal *g,
                        pst_time t)
{
	double cur = 0, max = 0, value = NAN;
	size_t i;

	for (i = 0; i < v->nrows; i++) {
		const struct pst_score_row *r = &v->rows[i];
		bool exported = r->source == PST_SRC_EXPORTED;

		if (r->at != t)
			continue;
		if (g->scope == PST_GOAL_OVERALL && r->scope == PST_ROW_OVERALL)
			value = r->value;
		if (g->scope == PST_GOAL_SUBSCRIPTION && r->scope == PST_ROW_SUBSCRIPTION &&
		    pst_goal_is_about(g, pst_estate_subscription_id(e, r->sub),
		                      pst_estate_text(e, e->subscriptions[r->sub].name)))
			value = r->value;
		if (g->scope == PST_GOAL_CONTROL && r->scope == PST_ROW_CONTROL &&
		    pst_goal_is_about(g, v->cs.items[r->control].id, v->cs.items[r->control].name)) {
			cur += exported ? r->exp_current : r->rec_current;
			max += exported ? r->exp_max : r->rec_max;
		}
	}
	if (g->scope == PST_GOAL_CONTROL && max > 0)
		value = cur / max;
	return value;
}

static double team_value(const struct pst_score_view *v, const struct pst_team_map *tm, const struct pst_goal *g,
                         bool at_t1)
{
	size_t i;

	for (i = 0; i < tm->nteams && i < v->nteams; i++)
		if (pst_goal_is_about(g, tm->teams[i], NULL))
			return at_t1 ? v->teams[i].pct_t1 : v->teams[i].pct_t0;
	return NAN;
}

static double goal_value(const struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                         const struct pst_goal *g, bool at_t1)
{
	if (g->scope == PST_GOAL_TEAM)
		return team_value(v, tm, g, at_t1);
	return row_value(v, e, g, at_t1 ? v->t1 : v->t0);
}

void view_goals(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                const struct pst_goals *goals)
{
	double months = (double)(v->t1 - v->t0) / ((double)PST_MS_PER_DAY * PST_DAYS_PER_MONTH);
	size_t i;

	v->ngoals = goals ? goals->n : 0;
	v->goals = xcalloc(v->ngoals + 1, sizeof(*v->goals));
	for (i = 0; i < v->ngoals; i++) {
		const struct pst_goal *g = &goals->items[i];
		double now = 100 * goal_value(v, e, tm, g, true), before = 100 * goal_value(v, e, tm, g, false);
		double pace = months > 0 && !isnan(now) && !isnan(before) ? (now - before) / months : NAN;

		v->goals[i].goal = g;
		pst_goal_progress(g, now, pace, v->t1, &v->goals[i].p);
		if (isnan(now))
			pst_diags_add(&v->warnings, PST_DC_GOAL,
			              &(struct pst_diag_place){goals->path ? goals->path : "goals", g->line, 0, 0},
			              "goal %s%s%s%s: no score at the end of the period to measure it by", pst_goal_scope_name(g->scope),
			              g->subject ? " \"" : "", g->subject ? g->subject : "", g->subject ? "\"" : "");
	}
}

struct keyed_class {
	uint32_t resource, key;
	enum pst_class cls;
};

static int cmp_keyed(const void *pa, const void *pb)
{
	const struct keyed_class *a = pa, *b = pb;

	if (a->resource != b->resource)
		return a->resource < b->resource ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

static const char *class_of(const struct keyed_class *k, size_t n, uint32_t resource, uint32_t key)
{
	struct keyed_class probe = {resource, key, PST_CLASS_STILL_OPEN};
	const struct keyed_class *hit = n ? bsearch(&probe, k, n, sizeof(*k), cmp_keyed) : NULL;

	return hit ? pst_class_name(hit->cls) : NULL;
}

static struct pst_league_finding league_finding(const struct pst_estate *e, const struct pst_team_map *tm,
                                                const struct pst_finding *f, enum pst_status_code before,
                                                enum pst_status_code after, const char *change)
{
	struct pst_league_finding lf;

	lf.resource_id = pst_estate_resource_id(e, f->resource);
	lf.key = pst_estate_key(e, f->key);
	lf.team = pst_team_map_of(tm, f->resource);
	lf.before = before;
	lf.after = after;
	lf.change = change;
	return lf;
}

struct sub_lf {
	uint32_t sub;
	const char *sub_id;     /* the order of the sums: by subscription id, whatever the input order */
	size_t order;
	struct pst_league_finding lf;
};

static int cmp_sub_lf(const void *pa, const void *pb)
{
	const struct sub_lf *a = pa, *b = pb;

	int c = a->sub == b->sub ? 0 : pst_strcasecmp(a->sub_id ? a->sub_id : "", b->sub_id ? b->sub_id : "");

	if (c)
		return c;
	if (a->sub != b->sub)
		return a->sub < b->sub ? -1 : 1;
	return (a->order > b->order) - (a->order < b->order);
}

static void add_lf(struct sub_lf *v, size_t *n, const struct pst_estate *e, const struct pst_team_map *tm,
                   const struct pst_finding *f, enum pst_status_code before, enum pst_status_code after,
                   const char *change)
{
	v[*n].sub = pst_estate_resource_sub(e, f->resource);
	v[*n].sub_id = pst_estate_subscription_id(e, v[*n].sub);
	v[*n].order = *n;
	v[*n].lf = league_finding(e, tm, f, before, after, change);
	(*n)++;
}

/* Every finding of T0 and T1 with its statuses and class, grouped by
 * subscription (*subs, parallel; caller frees both). */
static struct pst_league_finding *league_findings(const struct pst_estate *e, const struct pst_team_map *tm,
                                                  const struct pst_state *s0, const struct pst_state *s1,
                                                  const struct keyed_class *k, size_t nk, uint32_t **subs,
                                                  size_t *n)
{
	size_t cap = (s0 ? pst_state_count(s0) : 0) + (s1 ? pst_state_count(s1) : 0), i;
	struct sub_lf *v = xcalloc(cap + 1, sizeof(*v));
	struct pst_league_finding *out = xcalloc(cap + 1, sizeof(*out));
	const struct pst_finding *f, *o;

	*n = 0;
	for (f = s0 ? pst_state_next(s0, NULL) : NULL; f; f = pst_state_next(s0, f)) {
		o = s1 ? pst_state_get(s1, f->resource, f->key) : NULL;
		add_lf(v, n, e, tm, f, (enum pst_status_code)f->status, o ? (enum pst_status_code)o->status : PST_ST_UNKNOWN,
		       class_of(k, nk, f->resource, f->key));
	}
	for (f = s1 ? pst_state_next(s1, NULL) : NULL; f; f = pst_state_next(s1, f))
		if (!s0 || !pst_state_get(s0, f->resource, f->key))
			add_lf(v, n, e, tm, f, PST_ST_UNKNOWN, (enum pst_status_code)f->status,
			       class_of(k, nk, f->resource, f->key));
	pst_sort(v, *n, sizeof(*v), cmp_sub_lf);
	*subs = xcalloc(cap + 1, sizeof(**subs));
	for (i = 0; i < *n; i++) {
		out[i] = v[i].lf;
		(*subs)[i] = v[i].sub;
	}
	free(v);
	return out;
}

/* Percentage points of the overall per score point of sub at T1: its
 * weight share over its max points (0 when it is not in the T1 overall). */
static double sub_scale(const struct pst_score_view *v, uint32_t sub)
{
	const struct pst_score_row *o = NULL, *x = NULL;
	double max;
	size_t i;

	for (i = 0; i < v->nrows; i++) {
		const struct pst_score_row *r = &v->rows[i];

		if (r->at == v->t1 && r->scope == PST_ROW_OVERALL)
			o = r;
		else if (r->at == v->t1 && r->scope == PST_ROW_SUBSCRIPTION && r->sub == sub)
			x = r;
	}
	if (!o || !x || !(o->weight > 0))
		return 0;
	max = x->source == PST_SRC_EXPORTED ? x->exp_max : x->rec_max;
	return max > 0 ? 100 * (x->weight / o->weight) / max : 0;
}

void view_league(struct pst_score_view *v, const struct pst_estate *e, const struct pst_team_map *tm,
                 const struct pst_diff *d)
{
	struct keyed_class *k = xcalloc(d->n + 1, sizeof(*k));
	struct pst_league_finding *f;
	uint32_t *sub;
	size_t i, n, first;

	for (i = 0; i < d->n; i++) {
		k[i].resource = d->items[i].resource;
		k[i].key = d->items[i].key;
		k[i].cls = d->items[i].cls;
	}
	pst_sort(k, d->n, sizeof(*k), cmp_keyed);
	f = league_findings(e, tm, pst_estate_state(e, v->t0), pst_estate_state(e, v->t1), k, d->n, &sub, &n);
	v->nleague = tm->nteams;
	v->league = xcalloc(tm->nteams + 1, sizeof(*v->league));
	pst_league_init(v->league, tm->teams, tm->nteams);
	for (first = 0; first < n;) {
		size_t end = first;

		while (end < n && sub[end] == sub[first])
			end++;
		pst_league_add(&v->cs, f + first, end - first, tm->nteams, sub_scale(v, sub[first]), v->league);
		first = end;
	}
	pst_league_rank(v->league, tm->nteams, tm->unassigned);
	free(sub);
	free(f);
	free(k);
}
