/* league.c: the league table of teams (rules in league.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/league.h"

static bool is_class(const char *change, const char *const *names)
{
	size_t i;

	for (i = 0; change && names[i]; i++)
		if (strcmp(change, names[i]) == 0)
			return true;
	return false;
}

static const char *const applied[] = {"remediated", "regressed", "new_resource", NULL};
static const char *const not_fixed[] = {"exempted",     "not_applicable",         "resource_deleted",
                                        "out_of_scope", "recommendation_removed", NULL};

/* Findings as at T0, and as at T0 with the applied changes. */
static void to_findings(const struct pst_league_finding *f, size_t n, struct pst_score_finding *before,
                        struct pst_score_finding *counted)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct pst_score_finding b = {f[i].resource_id, f[i].key, f[i].before, f[i].team};

		before[i] = b;
		counted[i] = b;
		if (is_class(f[i].change, applied))
			counted[i].status = f[i].after;
	}
}

/* Score of one control whose team part changed from t0 to t1 counts. */
static double control_delta(const struct pst_control_score *all, const struct pst_control_score *t0,
                            const struct pst_control_score *t1, double max)
{
	int64_t h = all->healthy - t0->healthy + t1->healthy;
	int64_t u = all->unhealthy - t0->unhealthy + t1->unhealthy;

	return pst_score_control_points(max, h, u) - pst_score_control_points(max, all->healthy, all->unhealthy);
}

static void team_points(const struct pst_control_set *cs, const struct pst_score_cells *c0,
                        const struct pst_score_cells *c1, struct pst_league_row *rows, size_t nteams, double scale)
{
	size_t nc = cs->n ? cs->n : 1, t, k;
	struct pst_control_score *all = xcalloc(nc, sizeof(*all));
	struct pst_control_score *t0 = xcalloc(nc, sizeof(*t0)), *t1 = xcalloc(nc, sizeof(*t1));

	pst_score_cells_count(c0, cs, PST_ALL_GROUPS, all);
	for (t = 0; t < nteams; t++) {
		pst_score_cells_count(c0, cs, t, t0);
		pst_score_cells_count(c1, cs, t, t1);
		double points = 0;

		for (k = 0; k < cs->n; k++)
			points += control_delta(&all[k], &t0[k], &t1[k], cs->items[k].max);
		rows[t].points += points;
		rows[t].pct_points += scale * points;
	}
	free(all);
	free(t0);
	free(t1);
}

static int cmp_str_ci(const void *a, const void *b)
{
	return pst_strcasecmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct resources with a new_resource finding, per team. */
static void count_new_insecure(const struct pst_league_finding *f, size_t n, struct pst_league_row *rows,
                               size_t nteams)
{
	size_t t, i;
	const char **ids = xcalloc(n ? n : 1, sizeof(*ids));

	for (t = 0; t < nteams; t++) {
		size_t m = 0;

		for (i = 0; i < n; i++)
			if (f[i].team == t && f[i].change && strcmp(f[i].change, "new_resource") == 0)
				ids[m++] = f[i].resource_id;
		pst_sort(ids, m, sizeof(*ids), cmp_str_ci);
		for (i = 0; i < m; i++)
			rows[t].new_insecure += i == 0 || pst_strcasecmp(ids[i - 1], ids[i]) != 0;
	}
	free(ids);
}

static void count_changes(const struct pst_league_finding *f, size_t n, struct pst_league_row *rows,
                          size_t nteams)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct pst_league_row *r;

		if (f[i].team >= nteams || !f[i].change)
			continue;
		r = &rows[f[i].team];
		r->fixes += strcmp(f[i].change, "remediated") == 0;
		r->regressions += strcmp(f[i].change, "regressed") == 0;
		r->closed_not_fixed += is_class(f[i].change, not_fixed);
	}
	count_new_insecure(f, n, rows, nteams);
}

static int row_cmp(const void *pa, const void *pb)
{
	const struct pst_league_row *a = pa, *b = pb;
	/* Percentage points are compared as shown (to 0.01), so that binary
	 * noise never reorders teams that show the same. */
	double pa_r = pst_score_round_points(a->pct_points), pb_r = pst_score_round_points(b->pct_points);

	if (a->ranked != b->ranked)
		return a->ranked ? -1 : 1;
	if (pa_r != pb_r)
		return pa_r > pb_r ? -1 : 1;
	if (a->fixes != b->fixes)
		return a->fixes > b->fixes ? -1 : 1;
	return strcmp(a->name, b->name);
}

void pst_league_init(struct pst_league_row *rows, const char *const *teams, size_t nteams)
{
	size_t t;

	memset(rows, 0, nteams * sizeof(*rows));
	for (t = 0; t < nteams; t++) {
		rows[t].team = t;
		rows[t].name = teams[t];
		rows[t].ranked = true;
	}
}

void pst_league_add(const struct pst_control_set *cs, const struct pst_league_finding *f, size_t n, size_t nteams,
                    double scale, struct pst_league_row *rows)
{
	struct pst_score_finding *before = xcalloc(n ? n : 1, sizeof(*before));
	struct pst_score_finding *counted = xcalloc(n ? n : 1, sizeof(*counted));
	struct pst_score_cells c0, c1;

	to_findings(f, n, before, counted);
	pst_score_cells_init(&c0);
	pst_score_cells_init(&c1);
	pst_score_cells_build(&c0, cs, before, n);
	pst_score_cells_build(&c1, cs, counted, n);
	team_points(cs, &c0, &c1, rows, nteams, scale);
	count_changes(f, n, rows, nteams);
	pst_score_cells_release(&c0);
	pst_score_cells_release(&c1);
	free(before);
	free(counted);
}

void pst_league_rank(struct pst_league_row *rows, size_t nteams, size_t unranked)
{
	size_t t;
	int rank = 0;

	for (t = 0; t < nteams; t++)
		rows[t].ranked = rows[t].team != unranked;
	pst_sort(rows, nteams, sizeof(*rows), row_cmp);
	for (t = 0; t < nteams; t++)
		rows[t].rank = rows[t].ranked ? ++rank : 0;
}
