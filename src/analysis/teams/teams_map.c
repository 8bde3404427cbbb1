/* teams_map.c: the team of every resource of the estate (teammap.h). */
#include <stdlib.h>
#include <string.h>
#include "posture/teams_map.h"

struct pair {
	uint32_t resource, key;
};

/* What one resource brings to the rules (borrowed strings). */
struct facts {
	const char **cats, **owners;
	size_t ncats, cats_alloc, nowners, owners_alloc;
};

void pst_team_map_init(struct pst_team_map *m)
{
	memset(m, 0, sizeof(*m));
}

void pst_team_map_release(struct pst_team_map *m)
{
	free(m->teams);
	free(m->items);
	free(m->team_of);
	free(m->counts);
	pst_team_map_init(m);
}

size_t pst_team_map_of(const struct pst_team_map *m, uint32_t resource)
{
	if (resource < m->team_of_len && m->team_of[resource] != PST_TEAM_NONE)
		return m->team_of[resource];
	return m->unassigned;
}

static int pair_cmp(const void *pa, const void *pb)
{
	const struct pair *a = pa, *b = pb;

	if (a->resource != b->resource)
		return a->resource < b->resource ? -1 : 1;
	return (a->key > b->key) - (a->key < b->key);
}

/* Every (resource, key) live in any state, sorted. */
static struct pair *collect_pairs(const struct pst_state *const *states, size_t nstates, size_t *n)
{
	struct pair *v = NULL;
	size_t alloc = 0, i;

	*n = 0;
	for (i = 0; i < nstates; i++) {
		const struct pst_finding *f;

		for (f = pst_state_next(states[i], NULL); f; f = pst_state_next(states[i], f)) {
			PST_GROW(v, alloc, *n + 1);
			v[*n].resource = f->resource;
			v[(*n)++].key = f->key;
		}
	}
	if (*n)
		pst_sort(v, *n, sizeof(*v), pair_cmp);
	return v;
}

static void add_unique(const char ***v, size_t *n, size_t *alloc, const char *s)
{
	size_t i;

	if (!s || !*s)
		return;
	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	PST_GROW(*v, *alloc, *n + 1);
	(*v)[(*n)++] = s;
}

/* First governance entry of res (the table is sorted by resource). */
static size_t gov_lower_bound(const struct pst_estate *e, uint32_t res)
{
	size_t lo = 0, hi = e->ngov;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (e->gov[mid].resource < res)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void gather(struct facts *fx, const struct pst_estate *e, const struct pair *p, size_t np)
{
	size_t i;

	fx->ncats = fx->nowners = 0;
	for (i = 0; i < np; i++)
		add_unique(&fx->cats, &fx->ncats, &fx->cats_alloc, pst_estate_text(e, e->types[p[i].key].category));
	for (i = gov_lower_bound(e, p[0].resource); i < e->ngov && e->gov[i].resource == p[0].resource; i++)
		add_unique(&fx->owners, &fx->nowners, &fx->owners_alloc, pst_estate_text(e, e->gov[i].owner));
}

static const struct pst_team_rule *match_one(struct pst_teams *t, const struct pst_estate *e,
                                             const struct facts *fx, uint32_t res)
{
	const struct pst_resource *r = &e->resources[res];
	uint32_t sub = r->subscription;
	struct pst_team_input in;

	memset(&in, 0, sizeof(in));
	in.resource_id = pst_estate_resource_id(e, res);
	in.type = pst_estate_text(e, r->type);
	in.name = pst_estate_text(e, r->name);
	in.group = pst_estate_text(e, r->group);
	in.subscription_id = pst_estate_subscription_id(e, sub);
	in.subscription_name = sub ? pst_estate_text(e, e->subscriptions[sub].name) : NULL;
	in.categories = fx->cats;
	in.ncategories = fx->ncats;
	in.owners = fx->owners;
	in.nowners = fx->nowners;
	in.cloud = pst_estate_text(e, r->cloud);
	in.account = pst_estate_text(e, r->account);
	in.connector = pst_estate_text(e, r->connector);
	return pst_teams_match(t, &in);
}

static size_t team_index(const struct pst_team_map *m, const struct pst_team_rule *rule)
{
	size_t i;

	for (i = 0; rule && i < m->nteams; i++)
		if (strcmp(m->teams[i], rule->team) == 0)
			return i;
	return m->unassigned;
}

static void assign(struct pst_team_map *m, uint32_t res, const struct pst_team_rule *rule)
{
	struct pst_team_assignment *a = &m->items[m->n++];

	a->resource = res;
	a->rule = rule;
	a->team = team_index(m, rule);
	m->team_of[res] = a->team;
	m->counts[a->team]++;
}

/* qsort has no context argument: the ids are compared through this view. */
struct by_id {
	struct pst_team_assignment a;
	const char *id;
};

static int by_id_cmp(const void *pa, const void *pb)
{
	const struct by_id *a = pa, *b = pb;
	int c = pst_strcasecmp(a->id, b->id);

	return c ? c : strcmp(a->id, b->id);
}

static void sort_items(struct pst_team_map *m, const struct pst_estate *e)
{
	struct by_id *v = xcalloc(m->n ? m->n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < m->n; i++) {
		v[i].a = m->items[i];
		v[i].id = pst_estate_resource_id(e, m->items[i].resource);
	}
	pst_sort(v, m->n, sizeof(*v), by_id_cmp);
	for (i = 0; i < m->n; i++)
		m->items[i] = v[i].a;
	free(v);
}

static void map_init_teams(struct pst_team_map *m, const struct pst_teams *t, const struct pst_estate *e)
{
	size_t i;

	m->nteams = pst_teams_names(t, &m->teams);
	for (i = 0; i < m->nteams; i++)
		if (strcmp(m->teams[i], PST_TEAM_UNASSIGNED) == 0)
			m->unassigned = i;
	m->counts = xcalloc(m->nteams, sizeof(*m->counts));
	m->team_of_len = pst_strpool_count(&e->res_ids);
	m->team_of = xmalloc((m->team_of_len ? m->team_of_len : 1) * sizeof(*m->team_of));
	for (i = 0; i < m->team_of_len; i++)
		m->team_of[i] = PST_TEAM_NONE;
}

void pst_team_map_build(struct pst_team_map *m, struct pst_teams *t, const struct pst_estate *e,
                        const struct pst_state *const *states, size_t nstates)
{
	struct facts fx;
	size_t np, i, j;
	struct pair *p = collect_pairs(states, nstates, &np);

	pst_team_map_release(m);
	map_init_teams(m, t, e);
	memset(&fx, 0, sizeof(fx));
	m->items = xcalloc(np ? np : 1, sizeof(*m->items));
	for (i = 0; i < np; i = j) {
		for (j = i; j < np && p[j].resource == p[i].resource; j++)
			;
		gather(&fx, e, &p[i], j - i);
		assign(m, p[i].resource, match_one(t, e, &fx, p[i].resource));
	}
	sort_items(m, e);
	free(fx.cats);
	free(fx.owners);
	free(p);
}
