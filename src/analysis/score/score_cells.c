/* score_cells.c: folding findings into (control, resource) cells, counting
 * them per control, and the potential gain per control and per group. */
#include <stdlib.h>
#include <string.h>
#include "posture/score.h"

#define MAX_CONTROLS_PER_KEY 16

void pst_score_cells_init(struct pst_score_cells *sc)
{
	memset(sc, 0, sizeof(*sc));
}

void pst_score_cells_release(struct pst_score_cells *sc)
{
	free(sc->items);
	pst_score_cells_init(sc);
}

static int cell_cmp(const void *pa, const void *pb)
{
	const struct pst_score_cell *a = pa, *b = pb;
	int c;

	if (a->control != b->control)
		return a->control < b->control ? -1 : 1;
	c = pst_strcasecmp(a->resource_id, b->resource_id);
	if (c)
		return c;
	return a->group < b->group ? -1 : a->group > b->group;
}

/* Unhealthy on any recommendation wins; then healthy; else not applicable. */
static enum pst_status_code fold(enum pst_status_code a, enum pst_status_code b)
{
	if (a == PST_ST_UNHEALTHY || b == PST_ST_UNHEALTHY)
		return PST_ST_UNHEALTHY;
	if (a == PST_ST_HEALTHY || b == PST_ST_HEALTHY)
		return PST_ST_HEALTHY;
	return PST_ST_NOT_APPLICABLE;
}

static void add_finding(struct pst_score_cells *sc, const struct pst_control_set *cs,
                        const struct pst_score_finding *f)
{
	size_t idx[MAX_CONTROLS_PER_KEY], n, i;

	if (f->status == PST_ST_UNKNOWN || !f->resource_id || !f->key)
		return;
	n = pst_control_set_of_key(cs, f->key, idx, MAX_CONTROLS_PER_KEY);
	if (!n)
		sc->unmapped++;
	for (i = 0; i < n; i++) {
		PST_GROW(sc->items, sc->alloc, sc->n + 1);
		sc->items[sc->n].control = idx[i];
		sc->items[sc->n].resource_id = f->resource_id;
		sc->items[sc->n].status = f->status;
		sc->items[sc->n].group = f->group;
		sc->n++;
	}
}

/* Merges neighbours that share control and resource (sorted: the first of a
 * run has the smallest group). */
static void merge_runs(struct pst_score_cells *sc)
{
	size_t i, out = 0;

	for (i = 0; i < sc->n; i++) {
		struct pst_score_cell *prev = out ? &sc->items[out - 1] : NULL;

		if (prev && prev->control == sc->items[i].control &&
		    pst_strcasecmp(prev->resource_id, sc->items[i].resource_id) == 0)
			prev->status = fold(prev->status, sc->items[i].status);
		else
			sc->items[out++] = sc->items[i];
	}
	sc->n = out;
}

void pst_score_cells_build(struct pst_score_cells *sc, const struct pst_control_set *cs,
                           const struct pst_score_finding *f, size_t n)
{
	size_t i;

	sc->n = 0;
	sc->unmapped = 0;
	for (i = 0; i < n; i++)
		add_finding(sc, cs, &f[i]);
	if (sc->n)
		pst_sort(sc->items, sc->n, sizeof(*sc->items), cell_cmp);
	merge_runs(sc);
}

void pst_score_cells_count(const struct pst_score_cells *sc, const struct pst_control_set *cs, size_t group,
                           struct pst_control_score *out)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		memset(&out[i], 0, sizeof(out[i]));
		out[i].id = cs->items[i].id;
		out[i].name = cs->items[i].name;
	}
	for (i = 0; i < sc->n; i++) {
		const struct pst_score_cell *c = &sc->items[i];

		if (group != PST_ALL_GROUPS && c->group != group)
			continue;
		out[c->control].healthy += c->status == PST_ST_HEALTHY;
		out[c->control].unhealthy += c->status == PST_ST_UNHEALTHY;
		out[c->control].not_applicable += c->status == PST_ST_NOT_APPLICABLE;
	}
	for (i = 0; i < cs->n; i++)
		pst_control_score_compute(&out[i], cs->items[i].max);
}

double pst_score_gain(const struct pst_control_score *c)
{
	return c->unhealthy > 0 && c->max > 0 ? c->max - c->current : 0;
}

void pst_score_group_gain(const struct pst_score_cells *sc, const struct pst_control_set *cs, size_t ngroups,
                          double *gain)
{
	struct pst_control_score *all = xcalloc(cs->n ? cs->n : 1, sizeof(*all));
	size_t i;

	pst_score_cells_count(sc, cs, PST_ALL_GROUPS, all);
	memset(gain, 0, ngroups * cs->n * sizeof(*gain));
	for (i = 0; i < sc->n; i++) {
		const struct pst_score_cell *c = &sc->items[i];
		const struct pst_control_score *k = &all[c->control];

		if (c->status != PST_ST_UNHEALTHY || c->group >= ngroups)
			continue;
		gain[c->group * cs->n + c->control] += k->max / (double)(k->healthy + k->unhealthy);
	}
	free(all);
}
