/* gen_score.c: secure score per subscription and control from the simulated
 * state, by the Defender formula (FORMATS.md): per control, a resource is
 * unhealthy when any of the control's recommendations is Unhealthy on it,
 * healthy when all assessed ones are Healthy, not applicable otherwise;
 * current = max * healthy / (healthy + unhealthy), rounded to 2 decimals;
 * a control without healthy or unhealthy resources counts max 0; the
 * subscription's percentage = current / max (from the rounded current), its
 * weight = resources with a Healthy or Unhealthy finding.  An Unhealthy
 * finding in a governance grace period counts as not applicable. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "gen.h"

enum { AGG_NONE, AGG_NA, AGG_HEALTHY, AGG_UNHEALTHY }; /* worst wins */

static double round_to(double v, double scale)
{
	return floor(v * scale + 0.5) / scale;
}

static uint8_t agg_of(uint8_t st)
{
	switch (st) {
	case GF_ABSENT: return AGG_NONE;
	case GF_HEALTHY: return AGG_HEALTHY;
	case GF_UNHEALTHY: return AGG_UNHEALTHY;
	default: return AGG_NA;
	}
}

static void add_resource(const struct gen_estate *e, uint32_t ri, struct gen_sub_score *s)
{
	const struct gen_resource *r = &e->res[ri];
	uint8_t agg[GEN_NCONTROLS];
	bool weighs = false;
	uint32_t i;

	memset(agg, AGG_NONE, sizeof(agg));
	for (i = 0; i < r->nfind; i++) {
		const struct gen_finding *f = &e->f[r->first + i];
		unsigned c = e->cat->recs[f->rec].control;
		struct gen_gov g;
		uint8_t a = agg_of(f->state);

		/* in a governance grace period: not counted against the score (as posture recomputes it) */
		if (a == AGG_UNHEALTHY && gen_governance(e, r->first + i, &g) && g.grace)
			a = AGG_NA;

		if (a > agg[c])
			agg[c] = a;
		weighs |= a >= AGG_HEALTHY;
	}
	for (i = 0; i < GEN_NCONTROLS; i++) {
		s->ctl[i].healthy += agg[i] == AGG_HEALTHY;
		s->ctl[i].unhealthy += agg[i] == AGG_UNHEALTHY;
		s->ctl[i].na += agg[i] == AGG_NA;
	}
	s->weight += weighs;
}

static void finish(struct gen_sub_score *s)
{
	const struct gen_control_def *defs = gen_controls();
	double cur = 0;
	unsigned i;

	s->max = 0;
	for (i = 0; i < GEN_NCONTROLS; i++) {
		struct gen_ctl_score *c = &s->ctl[i];
		uint32_t assessed = c->healthy + c->unhealthy;

		c->max = assessed ? defs[i].max : 0;
		c->current = assessed ? round_to(c->max * c->healthy / assessed, 100) : 0;
		c->percentage = c->max > 0 ? round_to(c->current / c->max, 10000) : 0;
		s->max += c->max;
		cur += c->current;
	}
	s->current = round_to(cur, 100);
	s->percentage = s->max > 0 ? round_to(s->current / s->max, 10000) : 0;
}

struct gen_sub_score *gen_score_compute(const struct gen_estate *e)
{
	struct gen_sub_score *s = xcalloc(e->nsubs, sizeof(*s));
	uint32_t i;

	for (i = 0; i < e->nres; i++)
		add_resource(e, i, &s[e->res[i].sub]);
	for (i = 0; i < e->nsubs; i++)
		finish(&s[i]);
	return s;
}

uint32_t *gen_compliance_counts(const struct gen_estate *e)
{
	size_t nrecs = e->cat->nrecs;
	uint32_t *cnt = xcalloc(e->nsubs * nrecs * 3, sizeof(*cnt));
	size_t i;

	for (i = 0; i < e->nf; i++) {
		const struct gen_finding *f = &e->f[i];
		uint32_t *c = &cnt[(e->res[f->resource].sub * nrecs + f->rec) * 3];

		if (f->state == GF_HEALTHY)
			c[0]++;
		else if (f->state == GF_UNHEALTHY)
			c[1]++;
		else if (f->state != GF_ABSENT)
			c[2]++;
	}
	return cnt;
}
