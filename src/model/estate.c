/* estate.c: the estate's pools and tables: init, release, lookups. */
#include "posture/estate.h"

#include <stdlib.h>
#include <string.h>

void pst_estate_init(struct pst_estate *e)
{
	memset(e, 0, sizeof(*e));
	pst_strpool_init(&e->res_ids, true);
	pst_strpool_init(&e->keys, true);
	pst_strpool_init(&e->subs, true);
	pst_strpool_init(&e->text, false);
	pst_strpool_init(&e->tenants, true);
	pst_timeline_init(&e->timeline);
	pst_history_init(&e->history);
	pst_sources_init(&e->sources);
}

void pst_estate_release(struct pst_estate *e)
{
	size_t i;

	for (i = 0; i < e->nstates; i++)
		pst_state_release(&e->states[i]);
	free(e->states);
	pst_strpool_release(&e->res_ids);
	pst_strpool_release(&e->keys);
	pst_strpool_release(&e->subs);
	pst_strpool_release(&e->text);
	pst_strpool_release(&e->tenants);
	free(e->resources);
	free(e->subscriptions);
	free(e->types);
	free(e->type_controls);
	free(e->gov);
	free(e->scores);
	free(e->controls);
	free(e->defs);
	free(e->def_keys);
	free(e->alerts);
	free(e->compliance);
	free(e->exemptions);
	free(e->paths);
	free(e->path_refs);
	free(e->finding_paths);
	pst_timeline_release(&e->timeline);
	pst_history_release(&e->history);
	pst_sources_release(&e->sources);
	memset(e, 0, sizeof(*e));
}

const char *pst_estate_resource_id(const struct pst_estate *e, uint32_t resource)
{
	return pst_strpool_str(&e->res_ids, resource);
}

const char *pst_estate_key(const struct pst_estate *e, uint32_t key)
{
	return pst_strpool_str(&e->keys, key);
}

const char *pst_estate_subscription_id(const struct pst_estate *e, uint32_t sub)
{
	return pst_strpool_str(&e->subs, sub);
}

const char *pst_estate_resource_cloud(const struct pst_estate *e, uint32_t resource)
{
	const char *c = resource && resource < e->resources_alloc ? pst_estate_text(e, e->resources[resource].cloud) : NULL;

	return c ? c : "azure";
}

const struct pst_state *pst_estate_state(const struct pst_estate *e, pst_time t)
{
	size_t i;

	for (i = 0; i < e->nstates; i++)
		if (e->states[i].at == t)
			return &e->states[i];
	return NULL;
}

const char *pst_estate_text(const struct pst_estate *e, uint32_t text)
{
	return pst_strpool_str(&e->text, text);
}

const char *pst_estate_type_name(const struct pst_estate *e, uint32_t key)
{
	const char *name = NULL;

	if (key < pst_strpool_count(&e->keys) && key < e->types_alloc)
		name = pst_strpool_str(&e->text, e->types[key].display_name);
	return name ? name : pst_strpool_str(&e->keys, key);
}

enum pst_severity pst_estate_type_severity(const struct pst_estate *e, uint32_t key)
{
	return key < e->types_alloc ? (enum pst_severity)e->types[key].severity : PST_SEV_UNKNOWN;
}

uint32_t pst_estate_resource_sub(const struct pst_estate *e, uint32_t resource)
{
	return resource < e->resources_alloc ? e->resources[resource].subscription : 0;
}

const struct pst_gov *pst_estate_gov(const struct pst_estate *e, uint32_t resource, uint32_t key)
{
	size_t lo = 0, hi = e->ngov;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct pst_gov *g = &e->gov[mid];

		if (g->resource == resource && g->key == key)
			return g;
		if (g->resource < resource || (g->resource == resource && g->key < key))
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

size_t pst_estate_mem(const struct pst_estate *e)
{
	return pst_strpool_mem(&e->res_ids) + pst_strpool_mem(&e->keys) + pst_strpool_mem(&e->subs) +
	       pst_strpool_mem(&e->text) + e->resources_alloc * sizeof(*e->resources) +
	       e->subscriptions_alloc * sizeof(*e->subscriptions) + e->types_alloc * sizeof(*e->types) +
	       e->type_controls_alloc * sizeof(*e->type_controls) + e->gov_alloc * sizeof(*e->gov);
}
