/* gen_plan.c: the changes planted in one month.  Planned from the state at
 * the month's start; every finding changes at most once a month, deleted and
 * withdrawn-from resources are not touched otherwise, and the month's frozen
 * subscription does not change at all (it drops out of the month-end export,
 * and its findings are the month's out_of_scope). */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

struct cands {
	uint32_t *v;
	size_t n, alloc;
};

struct planner {
	struct gen_plan *p;
	struct gen_estate *e;
	struct gen_rng *r;
	pst_time t0;
	uint32_t days;
};

static void cands_push(struct cands *c, uint32_t x)
{
	PST_GROW(c->v, c->alloc, c->n + 1);
	c->v[c->n++] = x;
}

static void add_event(struct planner *pl, enum gen_ev_kind k, uint32_t target)
{
	struct gen_plan *p = pl->p;
	pst_time day = (pst_time)gen_below(pl->r, pl->days) * PST_MS_PER_DAY;
	pst_time in_day = (pst_time)(3600 + gen_below(pl->r, 79200)) * 1000 + gen_below(pl->r, 1000);

	PST_GROW(p->ev, p->alloc, p->n + 1);
	p->ev[p->n].t = pl->t0 + day + in_day;
	p->ev[p->n].target = target;
	p->ev[p->n].kind = (uint8_t)k;
	p->n++;
}

static size_t at_least(size_t n, size_t min)
{
	return n < min ? min : n;
}

static bool finding_free(const struct planner *pl, uint32_t fi)
{
	const struct gen_finding *f = &pl->e->f[fi];

	return !f->touched && pl->e->res[f->resource].sub != pl->p->frozen_sub;
}

/* Takes up to k candidates at random that `ok` accepts; returns how many. */
typedef bool (*cand_ok)(struct planner *pl, uint32_t x);
static size_t take(struct planner *pl, struct cands *c, size_t k, cand_ok ok, enum gen_ev_kind kind)
{
	size_t i, got = 0;

	for (i = 0; i < c->n && got < k; i++) {
		size_t j = i + gen_below(pl->r, (uint32_t)(c->n - i));
		uint32_t x = c->v[j];

		c->v[j] = c->v[i];
		c->v[i] = x;
		if (!ok(pl, x))
			continue;
		add_event(pl, kind, x);
		got++;
	}
	return got;
}

static void touch_resource(struct gen_estate *e, uint32_t ri, uint8_t busy)
{
	struct gen_resource *r = &e->res[ri];
	uint32_t i;

	r->busy = busy;
	if (busy == 1)
		for (i = 0; i < r->nfind; i++)
			e->f[r->first + i].touched = 1;
}

static bool ok_delete(struct planner *pl, uint32_t ri)
{
	const struct gen_resource *r = &pl->e->res[ri];

	if (r->busy || r->sub == pl->p->frozen_sub || r->kind == GK_SUBSCRIPTION)
		return false;
	touch_resource(pl->e, ri, 1);
	return true;
}

static uint32_t present_count(const struct gen_estate *e, uint32_t ri)
{
	const struct gen_resource *r = &e->res[ri];
	uint32_t i, n = 0;

	for (i = 0; i < r->nfind; i++)
		n += e->f[r->first + i].state != GF_ABSENT;
	return n;
}

static uint32_t unhealthy_count(const struct gen_estate *e, uint32_t ri)
{
	const struct gen_resource *r = &e->res[ri];
	uint32_t i, n = 0;

	for (i = 0; i < r->nfind; i++)
		n += e->f[r->first + i].state == GF_UNHEALTHY;
	return n;
}

static bool ok_withdraw(struct planner *pl, uint32_t fi)
{
	uint32_t ri = pl->e->f[fi].resource;

	if (!finding_free(pl, fi) || pl->e->res[ri].busy || present_count(pl->e, ri) < 2)
		return false;
	pl->e->f[fi].touched = 1;
	touch_resource(pl->e, ri, 2);
	return true;
}

static bool ok_finding(struct planner *pl, uint32_t fi)
{
	if (!finding_free(pl, fi) || pl->e->res[pl->e->f[fi].resource].busy == 1)
		return false;
	pl->e->f[fi].touched = 1;
	return true;
}

static void gather(struct planner *pl, struct cands c[6])
{
	struct gen_estate *e = pl->e;
	uint32_t i;

	for (i = 0; i < e->nres; i++) {
		e->res[i].busy = 0;
		if (unhealthy_count(e, i) > 0 && e->res[i].kind != GK_SUBSCRIPTION)
			cands_push(&c[5], i);
	}
	for (i = 0; i < e->nf; i++) {
		struct gen_finding *f = &e->f[i];

		f->touched = 0;
		if (f->state == GF_ABSENT && present_count(e, f->resource) > 0)
			cands_push(&c[4], i);
		else if (f->state == GF_NA_POLICY || f->state == GF_NA_PLAN)
			cands_push(&c[3], i);
		else if (f->state != GF_ABSENT)
			cands_push(&c[f->state - 1], i); /* healthy 0, unhealthy 1, exempt 2 */
	}
}

static void plan_new_resources(struct planner *pl, size_t k)
{
	struct gen_estate *e = pl->e;
	size_t i;

	for (i = 0; i < k; i++) {
		uint32_t s = gen_below(pl->r, (uint32_t)e->nsubs), ri;
		enum gen_kind kind = (enum gen_kind)(1 + gen_below(pl->r, GK__COUNT - 1));

		if (s == pl->p->frozen_sub && e->nsubs > 1)
			s = (s + 1) % (uint32_t)e->nsubs;
		ri = gen_estate_add(e, kind, s);
		e->res[ri].busy = 1;
		add_event(pl, GE_NEW_RESOURCE, ri);
	}
}

static int cmp_event(const void *a, const void *b)
{
	const struct gen_event *x = a, *y = b;

	if (x->t != y->t)
		return x->t < y->t ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->target < y->target ? -1 : x->target > y->target;
}

/* One attack path broken a month: its finding fixed (from a resource drawn
 * at random on), so that the packs show a path gone. */
static void plan_path_fix(struct planner *pl)
{
	struct gen_estate *e = pl->e;
	uint32_t n = (uint32_t)e->nres, at = gen_below(pl->r, n), i;
	struct gen_path p;

	for (i = 0; i < n; i++) {
		uint32_t ri = (at + i) % n;

		if (e->res[ri].sub == pl->p->frozen_sub || !gen_path_of(e, ri, &p) || !ok_finding(pl, p.finding))
			continue;
		add_event(pl, GE_FIX, p.finding);
		return;
	}
}

static void plan_changes(struct planner *pl, struct cands c[6])
{
	size_t nu = c[1].n, nres = pl->e->nres;

	take(pl, &c[5], at_least(nres / 100, 1), ok_delete, GE_DELETE_RESOURCE);
	take(pl, &c[1], at_least(nu / 80, 1), ok_withdraw, GE_WITHDRAW);
	take(pl, &c[4], at_least(c[4].n / 8, 1), ok_finding, GE_NEW_REC);
	take(pl, &c[1], at_least(nu * 7 / 100, 1), ok_finding, GE_FIX);
	take(pl, &c[1], at_least(nu / 60, 1), ok_finding, GE_EXEMPT);
	take(pl, &c[1], at_least(nu / 60, 1), ok_finding, GE_OFF_POLICY);
	take(pl, &c[0], at_least(c[0].n * 3 / 100, 1), ok_finding, GE_REGRESS);
	take(pl, &c[2], at_least(c[2].n / 10, 1), ok_finding, GE_EXEMPTION_END);
	take(pl, &c[3], at_least(c[3].n / 10, 1), ok_finding, GE_BECOME_APPLICABLE);
	plan_new_resources(pl, at_least(nres / 60, 2));
	plan_path_fix(pl);
}

void gen_plan_month(struct gen_plan *p, struct gen_estate *e, struct gen_rng *r,
		    pst_time t0, pst_time t1, uint32_t frozen_sub)
{
	struct planner pl = {p, e, r, t0, (uint32_t)((t1 - t0) / PST_MS_PER_DAY)};
	struct cands c[6];
	size_t i;

	memset(c, 0, sizeof(c));
	p->n = p->next = 0;
	p->frozen_sub = frozen_sub;
	gather(&pl, c);
	plan_changes(&pl, c);
	pst_sort(p->ev, p->n, sizeof(*p->ev), cmp_event);
	for (i = 0; i < 6; i++)
		free(c[i].v);
}

void gen_plan_release(struct gen_plan *p)
{
	free(p->ev);
}

uint8_t gen_event_state(enum gen_ev_kind k)
{
	switch (k) {
	case GE_FIX: return GF_HEALTHY;
	case GE_EXEMPT: return GF_NA_EXEMPT;
	case GE_OFF_POLICY: return GF_NA_POLICY;
	case GE_DELETE_RESOURCE: case GE_WITHDRAW: return GF_ABSENT;
	default: return GF_UNHEALTHY;
	}
}

/* A new resource: its first finding Unhealthy (created insecure), the others mixed. */
uint8_t gen_new_resource_state(const struct gen_estate *e, uint32_t fi)
{
	uint64_t h = gen_mix(e->seed ^ (UINT64_C(0x51ed) * (fi + 1)));

	if (fi == e->res[e->f[fi].resource].first)
		return GF_UNHEALTHY;
	switch (h % 10) {
	case 0: return GF_ABSENT;
	case 1: case 2: case 3: case 4: return GF_UNHEALTHY;
	default: return GF_HEALTHY;
	}
}
