/* score_controls.c: the set of security controls and their assessment keys. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "posture/score.h"

void pst_control_set_init(struct pst_control_set *cs)
{
	memset(cs, 0, sizeof(*cs));
}

void pst_control_set_release(struct pst_control_set *cs)
{
	size_t i, k;

	for (i = 0; i < cs->n; i++) {
		for (k = 0; k < cs->items[i].nkeys; k++)
			free(cs->items[i].keys[k]);
		free(cs->items[i].keys);
		free(cs->items[i].id);
		free(cs->items[i].name);
	}
	free(cs->items);
	pst_control_set_init(cs);
}

size_t pst_control_set_find(const struct pst_control_set *cs, const char *id, const char *name)
{
	size_t i;

	for (i = 0; id && i < cs->n; i++)
		if (cs->items[i].id && pst_strcasecmp(cs->items[i].id, id) == 0)
			return i;
	for (i = 0; name && i < cs->n; i++)
		if (cs->items[i].name && pst_strcasecmp(cs->items[i].name, name) == 0)
			return i;
	return PST_NO_CONTROL;
}

static void set_str(char **dst, const char *s)
{
	free(*dst);
	*dst = xstrdup(s);
}

size_t pst_control_set_define(struct pst_control_set *cs, const char *id, const char *name, double max,
                              enum pst_control_src src)
{
	size_t i = pst_control_set_find(cs, id, name);
	struct pst_control_info *c;

	if (i == PST_NO_CONTROL) {
		PST_GROW(cs->items, cs->alloc, cs->n + 1);
		i = cs->n++;
		c = &cs->items[i];
		memset(c, 0, sizeof(*c));
		c->max = NAN;
		c->src = src;
		c->name = xstrdup(name ? name : id ? id : "?");
	}
	c = &cs->items[i];
	if (id && !c->id)
		c->id = xstrdup(id);
	if (src < c->src)
		return i;
	c->src = src;
	if (name)
		set_str(&c->name, name);
	if (!isnan(max))
		c->max = max;
	return i;
}

/* The key of "…/assessmentMetadata/KEY" or of a bare "KEY", lower-cased. */
static char *key_norm(const char *key)
{
	const char *slash = strrchr(key, '/');
	char *k = xstrdup(slash ? slash + 1 : key);
	char *p;

	for (p = k; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

/* Index of the first key >= k (keys are sorted). */
static size_t key_lower_bound(const struct pst_control_info *c, const char *k)
{
	size_t lo = 0, hi = c->nkeys;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(c->keys[mid], k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void pst_control_add_key(struct pst_control_info *c, const char *key)
{
	char *k = key_norm(key);
	size_t at = key_lower_bound(c, k);

	if (!*k || (at < c->nkeys && strcmp(c->keys[at], k) == 0)) {
		free(k);
		return;
	}
	PST_GROW(c->keys, c->keys_alloc, c->nkeys + 1);
	memmove(&c->keys[at + 1], &c->keys[at], (c->nkeys - at) * sizeof(*c->keys));
	c->keys[at] = k;
	c->nkeys++;
}

size_t pst_control_set_of_key(const struct pst_control_set *cs, const char *key, size_t *idx, size_t max)
{
	char *k = key_norm(key);
	size_t i, n = 0;

	for (i = 0; i < cs->n && n < max; i++) {
		const struct pst_control_info *c = &cs->items[i];
		size_t at = key_lower_bound(c, k);

		if (at < c->nkeys && strcmp(c->keys[at], k) == 0)
			idx[n++] = i;
	}
	free(k);
	return n;
}
