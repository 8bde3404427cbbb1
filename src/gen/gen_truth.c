/* gen_truth.c: the ground truth of `posture diff` for a month, classified
 * exactly as in the DESIGN.md table from the simulation's true state at T0
 * and T1 and the coverage at T1. */
#include <stdlib.h>
#include <string.h>
#include "gen.h"

static const char *const class_names[GC__COUNT] = {
	"remediated", "exempted", "not_applicable", "resource_deleted", "out_of_scope",
	"recommendation_removed", "still_open", "regressed", "new_resource",
	"new_recommendation", "exemption_ended", "became_applicable"
};

const char *gen_class_name(enum gen_class c)
{
	return class_names[c];
}

void gen_truth_capture(struct gen_truth *tr, const struct gen_estate *e)
{
	size_t i;

	free(tr->t0);
	memset(tr, 0, sizeof(*tr));
	tr->n0 = e->nf;
	tr->t0 = xmalloc(e->nf ? e->nf : 1);
	for (i = 0; i < e->nf; i++)
		tr->t0[i] = e->f[i].state;
}

static uint8_t state_t0(const struct gen_truth *tr, size_t fi)
{
	return fi < tr->n0 ? tr->t0[fi] : GF_ABSENT;
}

static bool present_t0(const struct gen_truth *tr, const struct gen_resource *r)
{
	uint32_t i;

	for (i = 0; i < r->nfind; i++)
		if (state_t0(tr, r->first + i) != GF_ABSENT)
			return true;
	return false;
}

static enum gen_class closed_class(const struct gen_estate *e, uint32_t fi, uint32_t uncovered)
{
	const struct gen_finding *f = &e->f[fi];

	if (e->res[f->resource].sub == uncovered)
		return GC_OUT_OF_SCOPE;
	switch (f->state) {
	case GF_HEALTHY: return GC_REMEDIATED;
	case GF_UNHEALTHY: return GC_STILL_OPEN;
	case GF_NA_EXEMPT: return GC_EXEMPTED;
	case GF_NA_POLICY: case GF_NA_PLAN: return GC_NOT_APPLICABLE;
	default:
		return gen_resource_present(e, f->resource) ? GC_RECOMMENDATION_REMOVED : GC_RESOURCE_DELETED;
	}
}

static enum gen_class opened_class(const struct gen_truth *tr, const struct gen_estate *e, uint32_t fi)
{
	switch (state_t0(tr, fi)) {
	case GF_HEALTHY: return GC_REGRESSED;
	case GF_NA_EXEMPT: return GC_EXEMPTION_ENDED;
	case GF_NA_POLICY: case GF_NA_PLAN: return GC_BECAME_APPLICABLE;
	default:
		return present_t0(tr, &e->res[e->f[fi].resource]) ? GC_NEW_RECOMMENDATION : GC_NEW_RESOURCE;
	}
}

static enum gen_class classify(const struct gen_truth *tr, const struct gen_estate *e, uint32_t fi,
			       uint32_t uncovered)
{
	if (state_t0(tr, fi) == GF_UNHEALTHY)
		return closed_class(e, fi, uncovered);
	if (e->f[fi].state == GF_UNHEALTHY)
		return opened_class(tr, e, fi);
	return GC_NONE;
}

void gen_truth_classify(struct gen_truth *tr, const struct gen_estate *e, uint32_t uncovered)
{
	uint32_t i;

	memset(tr->count, 0, sizeof(tr->count));
	tr->unhealthy_t0 = tr->unhealthy_t1 = tr->closed = tr->opened = 0;
	for (i = 0; i < e->nf; i++) {
		enum gen_class c = classify(tr, e, i, uncovered);

		if (c == GC_NONE)
			continue;
		tr->count[c]++;
		if (c == GC_STILL_OPEN)
			continue;
		if (c < GC_STILL_OPEN)
			tr->closed++;
		else
			tr->opened++;
	}
	tr->unhealthy_t0 = tr->count[GC_STILL_OPEN] + tr->closed;
	tr->unhealthy_t1 = tr->count[GC_STILL_OPEN] + tr->opened;
}

void gen_truth_release(struct gen_truth *tr)
{
	free(tr->t0);
	tr->t0 = NULL;
}
