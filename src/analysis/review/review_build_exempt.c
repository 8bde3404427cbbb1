/* review_build_exempt.c: the exemption register (review.h): every finding
 * exempted in the period and every finding exempt at T1 with High or
 * Critical severity, each with the exemption that covers it: a Defender
 * exemption for its assessment key, else a policy exemption of Defender's
 * own assignment (SecurityCenterBuiltIn, "ASC Default") holding the
 * resource, else any policy exemption holding it ("scope, other
 * assignment": it may not be what exempts the finding), the narrowest scope
 * first; and the exemptions expiring within PST_REVIEW_EXPIRY_DAYS after T1. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

/* The scope covers the resource id: a prefix of it, ending at a '/'. */
static bool covers(const char *scope, const char *id)
{
	size_t n = scope ? strlen(scope) : 0;

	while (n && scope[n - 1] == '/')
		n--;
	return n && id && pst_strncasecmp(scope, id, n) == 0 && (id[n] == '/' || id[n] == '\0');
}

/* The exemption of (resource, key), or NULL; *by says how it matched. */
/* 3 for a Defender exemption, 2 for a policy exemption of Defender's
 * assignment (or one that names none), 1 for another. */
static int kind_of(const struct pst_estate *e, const struct pst_exemption_rec *x)
{
	const char *pa = pst_estate_text(e, x->policy_assignment_id), *last;

	if (x->key)
		return 3;
	if (!pa)
		return 2;
	last = strrchr(pa, '/');
	return pst_streq_ci(last ? last + 1 : pa, "SecurityCenterBuiltIn") ? 2 : 1;
}

static const struct pst_exemption_rec *exemption_of(const struct pst_estate *e, uint32_t res, uint32_t key,
                                                    const char **by)
{
	static const char *const by_kind[] = {"", "scope, other assignment", "scope", "assessment key"};
	const char *id = pst_estate_resource_id(e, res);
	const struct pst_exemption_rec *best = NULL;
	size_t i, best_rank = 0;
	int kind = 0;

	for (i = 0; i < e->nexemptions; i++) {
		const struct pst_exemption_rec *x = &e->exemptions[i];
		const char *scope = pst_estate_text(e, x->scope);
		int k = kind_of(e, x);
		size_t rank = ((size_t)k << 24) + strlen(scope ? scope : "");

		if ((x->key && x->key != key) || !covers(scope, id) || rank <= best_rank)
			continue;
		best = x;
		best_rank = rank;
		kind = k;
	}
	*by = by_kind[kind];
	return best;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static void fill(struct rb_ctx *c, struct pst_review_exemption *o, uint32_t res, uint32_t key, pst_time since)
{
	const struct pst_estate *e = c->e;
	const struct pst_exemption_rec *x = exemption_of(e, res, key, &o->matched_by);
	struct pst_review *r = c->r;

	o->recommendation = pst_review_str(r, pst_estate_type_name(e, key));
	o->assessment_key = pst_review_str(r, pst_estate_key(e, key));
	o->resource_id = pst_review_str(r, pst_estate_resource_id(e, res));
	o->team = rb_team_of(c, res);
	o->severity = pst_estate_type_severity(e, key);
	o->since = since;
	o->expires = x ? x->expires : PST_TIME_NONE;
	o->exemption = pst_review_str(r, x ? or_empty(pst_estate_text(e, x->display_name ? x->display_name : x->name))
	                                   : "");
	o->description = pst_review_str(r, x ? pst_estate_text(e, x->description) : NULL);
	o->category = pst_review_str(r, x ? pst_estate_text(e, x->category) : NULL);
}

static bool exempt(const struct pst_estate *e, const struct pst_finding *f)
{
	const char *cause = pst_estate_text(e, f->cause);

	return f->status == PST_ST_NOT_APPLICABLE && cause && pst_streq_ci(cause, "Exempt");
}

static int cmp_register(const void *pa, const void *pb)
{
	const struct pst_review_exemption *a = pa, *b = pb;
	int c;

	if (a->in_period != b->in_period)
		return a->in_period ? -1 : 1;
	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if ((c = strcmp(a->recommendation, b->recommendation)) != 0)
		return c;
	return pst_strcasecmp(a->resource_id, b->resource_id);
}

/* f (exempt at T1) was Unhealthy at T0: the diff classed it exempted. */
static bool exempted_in_period(const struct rb_ctx *c, const struct pst_state *s0, const struct pst_finding *f)
{
	const struct pst_finding *f0 = s0 && !c->in->first_month ? pst_state_get(s0, f->resource, f->key) : NULL;

	return f0 && f0->status == PST_ST_UNHEALTHY;
}

/* Exempted in the period (the diff), then exempt at T1 and High or worse
 * (of the subscriptions in scope at T1). */
static void register_build(struct rb_ctx *c)
{
	const struct pst_state *s1 = pst_estate_state(c->e, c->d->t1), *s0 = pst_estate_state(c->e, c->d->t0);
	const struct pst_finding *f;
	size_t n = 0, i, cap = c->d->n + (s1 ? pst_state_count(s1) : 0) + 1;
	struct pst_review_exemption *v = PST_REVIEW_NEW(c->r, struct pst_review_exemption, cap);
	uint8_t *covered = pst_diff_coverage(c->e, c->d->t1);

	for (i = 0; i < c->d->n; i++) {
		const struct pst_diff_item *it = &c->d->items[i];

		if (it->cls != PST_CLASS_EXEMPTED)
			continue;
		f = s1 ? pst_state_get(s1, it->resource, it->key) : NULL;
		v[n].in_period = true;
		fill(c, &v[n++], it->resource, it->key, f ? f->status_change : PST_TIME_NONE);
	}
	for (f = s1 ? pst_state_next(s1, NULL) : NULL; f; f = pst_state_next(s1, f)) {
		if (!exempt(c->e, f) || pst_estate_type_severity(c->e, f->key) < PST_SEV_HIGH ||
		    !covered[pst_estate_resource_sub(c->e, f->resource)] || exempted_in_period(c, s0, f))
			continue;
		fill(c, &v[n++], f->resource, f->key, f->status_change);
	}
	free(covered);
	pst_sort(v, n, sizeof(*v), cmp_register);
	c->r->exemptions = v;
	c->r->nexemptions = n;
}

static int cmp_expiring(const void *pa, const void *pb)
{
	const struct pst_review_expiring *a = pa, *b = pb;
	int c = (a->expires > b->expires) - (a->expires < b->expires);

	return c ? c : strcmp(a->name, b->name);
}

/* The exemptions of the data that expire in (T1, T1 + 30 days]. */
static void expiring_build(struct rb_ctx *c)
{
	const struct pst_estate *e = c->e;
	pst_time until = c->d->t1 + (pst_time)PST_REVIEW_EXPIRY_DAYS * PST_MS_PER_DAY;
	struct pst_review_expiring *v = PST_REVIEW_NEW(c->r, struct pst_review_expiring, e->nexemptions + 1);
	size_t i, n = 0;

	for (i = 0; i < e->nexemptions; i++) {
		const struct pst_exemption_rec *x = &e->exemptions[i];

		if (x->expires == PST_TIME_NONE || x->expires <= c->d->t1 || x->expires > until)
			continue;
		v[n].name = pst_review_str(c->r, pst_estate_text(e, x->display_name ? x->display_name : x->name));
		v[n].scope = pst_review_str(c->r, pst_estate_text(e, x->scope));
		v[n].category = pst_review_str(c->r, pst_estate_text(e, x->category));
		v[n].description = pst_review_str(c->r, pst_estate_text(e, x->description));
		v[n].assessment_key = pst_review_str(c->r, x->key ? pst_estate_key(e, x->key) : NULL);
		v[n++].expires = x->expires;
	}
	pst_sort(v, n, sizeof(*v), cmp_expiring);
	c->r->expiring = v;
	c->r->nexpiring = n;
}

void rb_exemptions(struct rb_ctx *c)
{
	register_build(c);
	expiring_build(c);
}
