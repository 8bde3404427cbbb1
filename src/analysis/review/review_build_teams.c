/* review_build_teams.c: the teams of the review (team map order, Unassigned
 * only when it has rows), their counts from the diff, the league order,
 * their goals and their top open recommendations. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "review_build_int.h"

static bool unassigned_has_rows(const struct rb_ctx *c)
{
	size_t i;

	for (i = 0; i < c->d->n; i++)
		if (pst_team_map_of(c->tm, c->d->items[i].resource) == c->tm->unassigned)
			return true;
	return false;
}

static bool name_taken(const struct pst_review *r, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (pst_strcasecmp(r->teams[i].file_name, name) == 0)
			return true;
	return false;
}

static const char *unique_file_name(struct pst_review *r, size_t n, const char *name)
{
	const char *base = pst_review_file_name(r, name), *out = base;
	struct strbuf sb = STRBUF_INIT;
	int k;

	for (k = 2; name_taken(r, n, out); k++) {
		strbuf_reset(&sb);
		strbuf_addf(&sb, "%s-%d", base, k);
		out = pst_review_str(r, strbuf_cstr(&sb));
	}
	strbuf_release(&sb);
	return out;
}

static struct pst_review_goal *team_goal(struct pst_review *r, const struct rb_ctx *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->v->ngoals; i++)
		if (c->v->goals[i].goal->scope == PST_GOAL_TEAM && pst_goal_is_about(c->v->goals[i].goal, name, NULL))
			return &r->goals[i];
	return NULL;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Team t's governance owners of open findings, each once, sorted. */
static const char *team_owners(struct rb_ctx *c, size_t t)
{
	const char **v = xcalloc(c->d->n + 1, sizeof(*v));
	struct strbuf sb = STRBUF_INIT;
	const char *out;
	size_t i, n = 0;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];

		if (it->owner && *it->owner && it->status_to == PST_ST_UNHEALTHY && rb_team_of(c, it->resource) == t)
			v[n++] = it->owner;
	}
	pst_sort(v, n, sizeof(*v), cmp_cstr);
	for (i = 0; i < n; i++)
		if (!i || strcmp(v[i], v[i - 1]) != 0)
			strbuf_addf(&sb, "%s%s", sb.len ? "; " : "", v[i]);
	out = pst_review_str(c->r, strbuf_cstr(&sb));
	strbuf_release(&sb);
	free(v);
	return out;
}

static void team_counts(struct rb_ctx *c)
{
	size_t i;

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];
		size_t t = rb_team_of(c, it->resource);
		struct pst_review_team *rt;

		if (t == PST_REVIEW_NO_TEAM)
			continue;
		rt = &c->r->teams[t];
		rt->by_class[it->cls]++;
		if (it->status_to == PST_ST_UNHEALTHY)
			rt->open_by_severity[it->severity]++;
		if (it->overdue) {
			rt->overdue++;
			rt->overdue_by_severity[it->severity]++;
		}
		if (it->status_from == PST_ST_UNHEALTHY)
			rt->unhealthy_t0++;
		if (it->status_to == PST_ST_UNHEALTHY)
			rt->unhealthy_t1++;
		rt->closed += pst_class_closes(it->cls);
		rt->opened += pst_class_opens(it->cls);
	}
}

/* The league in its order, the teams the review dropped left out (only
 * Unassigned can be: it is not ranked). */
static void league(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t i, n = 0;

	r->league = PST_REVIEW_NEW(r, size_t, r->nteams);
	for (i = 0; i < c->v->nleague; i++) {
		size_t m = c->v->league[i].team;
		size_t t = m < c->tm->nteams ? c->team_ix[m] : PST_REVIEW_NO_TEAM;

		if (t == PST_REVIEW_NO_TEAM || n >= r->nteams)
			continue;
		r->league[n++] = t;
		r->teams[t].rank = c->v->league[i].rank;
		r->teams[t].points_won = c->v->league[i].points;
		r->teams[t].pct_won = c->v->league[i].pct_points;
	}
}

void rb_teams(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	bool keep_unassigned = unassigned_has_rows(c);
	size_t i;

	r->teams = PST_REVIEW_NEW(r, struct pst_review_team, c->tm->nteams);
	for (i = 0; i < c->tm->nteams; i++) {
		struct pst_review_team *t;

		c->team_ix[i] = PST_REVIEW_NO_TEAM;
		if (i == c->tm->unassigned && !keep_unassigned)
			continue;
		c->team_ix[i] = r->nteams;
		t = &r->teams[r->nteams];
		t->name = pst_review_str(r, c->tm->teams[i]);
		t->file_name = unique_file_name(r, r->nteams, c->tm->teams[i]);
		t->potential_gain = i < c->v->nteams ? c->v->teams[i].gain_points : NAN;
		t->gain_pct = i < c->v->nteams ? c->v->teams[i].gain_overall : NAN;
		t->points_held = i < c->v->nteams ? c->v->teams[i].points_t1 : NAN;
		t->share_pct = i < c->v->nteams ? c->v->teams[i].share_pct_t1 : NAN;
		t->share_pct_prev = i < c->v->nteams ? c->v->teams[i].share_pct_t0 : NAN;
		t->goal = team_goal(r, c, c->tm->teams[i]);
		r->nteams++;
	}
	team_counts(c);
	for (i = 0; i < r->nteams; i++)
		r->teams[i].owners = team_owners(c, i);
	league(c);
}
