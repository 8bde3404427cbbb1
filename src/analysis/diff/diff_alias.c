/* diff_alias.c: renamed recommendations in the diff (aliases.h, diff_int.h). */
#include "diff_int.h"

#include <stdlib.h>
#include <string.h>

static void add_alias(struct pst_diff *d, uint32_t old_key, uint32_t new_key, const struct pst_alias *from)
{
	struct pst_diff_alias *a;
	size_t i;

	for (i = 0; i < d->nrenamed; i++) {
		a = &d->renamed[i];
		if (a->old_key == old_key && a->new_key == new_key) {
			if (from) { /* a later entry replaces the source */
				a->source = from->source;
				a->origin = from->origin;
			}
			return;
		}
	}
	PST_GROW(d->renamed, d->renamed_alloc, d->nrenamed + 1);
	a = &d->renamed[d->nrenamed++];
	memset(a, 0, sizeof(*a));
	a->old_key = old_key;
	a->new_key = new_key;
	a->source = from ? from->source : "";
	a->origin = from ? from->origin : NULL;
	a->detected = from == NULL;
}

static void configured(struct pst_diff *d, const struct pst_estate *e)
{
	size_t i;

	for (i = 0; d->aliases && i < d->aliases->n; i++) {
		const struct pst_alias *al = &d->aliases->items[i];
		uint32_t o = pst_strpool_find(&e->keys, al->old_key), n = pst_strpool_find(&e->keys, al->new_key);

		if (o && n && o != n)
			add_alias(d, o, n, al);
	}
}

static uint8_t *keys_in(const struct pst_estate *e, const struct pst_state *s)
{
	uint8_t *in = xcalloc(pst_strpool_count(&e->keys) + 1, 1);
	const struct pst_finding *f;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f))
		in[f->key] = 1;
	return in;
}

static const char *key_name(const struct pst_estate *e, uint32_t key)
{
	return key < e->types_alloc ? pst_estate_text(e, e->types[key].display_name) : NULL;
}

/* The one key new at T1 named as old is, or 0 (none, or more than one). */
static uint32_t same_name(const struct pst_estate *e, uint32_t old, const uint8_t *in0, const uint8_t *in1)
{
	const char *name = key_name(e, old), *other;
	uint32_t k, found = 0;
	size_t n = pst_strpool_count(&e->keys);

	if (!name || !*name)
		return 0;
	for (k = 1; k < n; k++) {
		if (!in1[k] || in0[k] || k == old || !(other = key_name(e, k)) || pst_strcasecmp(name, other) != 0)
			continue;
		if (found)
			return 0;
		found = k;
	}
	return found;
}

/* Keys gone at T1 with a same-named key new at T1 on a resource in common. */
static void detected(struct pst_diff *d, const struct diff_ctx *c)
{
	const struct pst_estate *e = c->e;
	size_t n = pst_strpool_count(&e->keys), k;
	uint8_t *in0 = keys_in(e, c->s0), *in1 = keys_in(e, c->s1);
	uint32_t *to = xcalloc(n + 1, sizeof(*to));
	uint8_t *common = xcalloc(n + 1, 1);
	const struct pst_finding *f;

	for (k = 1; k < n; k++)
		if (in0[k] && !in1[k] && !c->alias_old[k])
			to[k] = same_name(e, (uint32_t)k, in0, in1);
	for (f = pst_state_next(c->s0, NULL); f; f = pst_state_next(c->s0, f))
		if (to[f->key] && pst_state_get(c->s1, f->resource, to[f->key]))
			common[f->key] = 1;
	for (k = 1; k < n; k++)
		if (common[k])
			add_alias(d, (uint32_t)k, to[k], NULL);
	free(in0);
	free(in1);
	free(to);
	free(common);
}

static void flag_keys(const struct pst_diff *d, struct diff_ctx *c, size_t from)
{
	size_t i;

	for (i = from; i < d->nrenamed; i++) {
		c->alias_old[d->renamed[i].old_key] = 1;
		c->alias_new[d->renamed[i].new_key] = 1;
	}
}

void diff_alias_build(struct pst_diff *d, struct diff_ctx *c)
{
	size_t n = pst_strpool_count(&c->e->keys) + 1, ncfg;

	c->alias_old = xcalloc(n, 1);
	c->alias_new = xcalloc(n, 1);
	configured(d, c->e);
	ncfg = d->nrenamed;
	flag_keys(d, c, 0);
	detected(d, c);
	flag_keys(d, c, ncfg);
}

const struct pst_finding *diff_alias_successor(const struct pst_diff *d, const struct diff_ctx *c,
                                               const struct pst_finding *f0, size_t *alias)
{
	const struct pst_finding *f1;
	size_t i;

	if (!c->alias_old[f0->key] || pst_state_get(c->s1, f0->resource, f0->key))
		return NULL;
	for (i = 0; i < d->nrenamed; i++) {
		const struct pst_diff_alias *a = &d->renamed[i];

		if (a->old_key != f0->key || pst_state_get(c->s0, f0->resource, a->new_key))
			continue;
		if ((f1 = pst_state_get(c->s1, f0->resource, a->new_key)) != NULL) {
			*alias = i;
			return f1;
		}
	}
	return NULL;
}

const struct pst_finding *diff_alias_predecessor(const struct pst_diff *d, const struct diff_ctx *c,
                                                 const struct pst_finding *f1, size_t *alias)
{
	const struct pst_finding *f0;
	size_t i, j;

	if (!c->alias_new[f1->key] || pst_state_get(c->s0, f1->resource, f1->key))
		return NULL;
	for (i = 0; i < d->nrenamed; i++) {
		if (d->renamed[i].new_key != f1->key)
			continue;
		f0 = pst_state_get(c->s0, f1->resource, d->renamed[i].old_key);
		if (f0 && diff_alias_successor(d, c, f0, &j) == f1) {
			*alias = j;
			return f0;
		}
	}
	return NULL;
}

static void warn(struct pst_diff *d, const struct pst_estate *e, const struct pst_diff_alias *a)
{
	const char *on = pst_estate_type_name(e, a->old_key), *nn = pst_estate_type_name(e, a->new_key);

	if (a->detected)
		pst_diags_add(&d->warnings, PST_DC_RENAMED, NULL,
		              "recommendation renamed: %llu finding%s of %s (%s) carried over to %s (%s), age kept "
		              "(detected: the same display name on the same resources in one snapshot round)",
		              (unsigned long long)a->findings, a->findings == 1 ? "" : "s", pst_estate_key(e, a->old_key), on,
		              pst_estate_key(e, a->new_key), nn);
	else
		pst_diags_add(&d->warnings, PST_DC_RENAMED, NULL,
		              "recommendation renamed: %llu finding%s of %s (%s) carried over to %s (%s), age kept "
		              "(alias %s%s%s)",
		              (unsigned long long)a->findings, a->findings == 1 ? "" : "s", pst_estate_key(e, a->old_key), on,
		              pst_estate_key(e, a->new_key), nn, a->origin ? a->origin : "", *a->source ? ": " : "",
		              a->source);
}

void diff_alias_report(struct pst_diff *d, const struct diff_ctx *c)
{
	size_t i, m = 0;

	for (i = 0; i < d->nrenamed; i++)
		if (d->renamed[i].findings)
			d->renamed[m++] = d->renamed[i];
	d->nrenamed = m;
	for (i = 0; i < m; i++)
		warn(d, c->e, &d->renamed[i]);
}

void diff_alias_release(struct diff_ctx *c)
{
	free(c->alias_old);
	free(c->alias_new);
	c->alias_old = c->alias_new = NULL;
}
