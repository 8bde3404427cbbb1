/* verify.c: each claimed fix against the classified diff. */
#include "posture/verify.h"

#include <stdlib.h>
#include <string.h>

const char *pst_verdict_name(enum pst_verdict v)
{
	static const char *const names[PST_VERDICT__COUNT] = {"verified", "still_failing", "not_a_fix", "unknown"};

	return (unsigned)v < PST_VERDICT__COUNT ? names[v] : "unknown";
}

/* A claim names the recommendation by key, display name or full assessment id. */
static bool rec_matches(const char *claim, const struct pst_diff_item *it)
{
	const char *slash = strrchr(claim, '/');

	if (pst_streq_ci(claim, it->assessment_key) || pst_streq_ci(claim, it->recommendation))
		return true;
	return slash && strstr(claim, "/assessments/") && pst_streq_ci(slash + 1, it->assessment_key);
}

static const struct pst_diff_item *match(const struct pst_diff *d, uint32_t resource, const char *rec)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].resource == resource && rec_matches(rec, &d->items[i]))
			return &d->items[i];
	return NULL;
}

static enum pst_verdict verdict_of(enum pst_class c)
{
	if (c == PST_CLASS_REMEDIATED)
		return PST_VERDICT_VERIFIED;
	if (c == PST_CLASS_STILL_OPEN || pst_class_opens(c))
		return PST_VERDICT_STILL_FAILING;
	return PST_VERDICT_NOT_A_FIX;
}

static const char *detail_of(enum pst_class c)
{
	switch (c) {
	case PST_CLASS_REMEDIATED:
		return "Unhealthy at the start, Healthy at the end";
	case PST_CLASS_STILL_OPEN:
		return "still Unhealthy at T1";
	case PST_CLASS_EXEMPTED:
		return "risk accepted (exemption), not fixed";
	case PST_CLASS_NOT_APPLICABLE:
		return "policy or plan change, not fixed";
	case PST_CLASS_RESOURCE_DELETED:
		return "resource deleted: risk gone, not fixed";
	case PST_CLASS_OUT_OF_SCOPE:
		return "subscription missing from the export at T1: cannot tell";
	case PST_CLASS_RECOMMENDATION_REMOVED:
		return "assessment withdrawn, not fixed";
	default:
		return "Unhealthy at T1 (it was not Unhealthy at T0)";
	}
}

static void judge(struct pst_verify_item *vi, const struct pst_estate *e, const struct pst_diff *d)
{
	uint32_t resource = pst_strpool_find(&e->res_ids, vi->claim->resource_id);

	vi->finding = resource ? match(d, resource, vi->claim->recommendation) : NULL;
	if (vi->finding) {
		vi->verdict = verdict_of(vi->finding->cls);
		vi->detail = detail_of(vi->finding->cls);
		return;
	}
	vi->verdict = PST_VERDICT_UNKNOWN;
	vi->detail = resource ? "no finding of this recommendation Unhealthy at T0 or T1 on this resource"
	                      : "no such resource in the data";
}

void pst_verify_run(struct pst_verify *v, const struct pst_claims *c, const struct pst_estate *e,
                    const struct pst_diff *d)
{
	size_t i;

	memset(v, 0, sizeof(*v));
	v->items = xcalloc(c->n ? c->n : 1, sizeof(*v->items));
	v->n = c->n;
	for (i = 0; i < c->n; i++) {
		v->items[i].claim = &c->items[i];
		judge(&v->items[i], e, d);
		v->counts[v->items[i].verdict]++;
	}
}

void pst_verify_release(struct pst_verify *v)
{
	free(v->items);
	memset(v, 0, sizeof(*v));
}
