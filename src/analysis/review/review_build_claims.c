/* review_build_claims.c: the claims judged by posture verify, each with the
 * index of its finding. */
#include "review_build_int.h"

static void claim(struct rb_ctx *c, struct pst_review_claim *o, const struct pst_verify_item *vi)
{
	struct pst_review *r = c->r;
	const struct pst_claim *cl = vi->claim;

	o->line = cl->line;
	o->resource_id = pst_review_str(r, cl->resource_id);
	o->recommendation = pst_review_str(r, cl->recommendation);
	o->team = cl->team ? pst_review_str(r, cl->team) : NULL;
	o->ticket = cl->ticket ? pst_review_str(r, cl->ticket) : NULL;
	o->verdict = pst_verdict_name(vi->verdict);
	o->detail = pst_review_str(r, vi->detail);
	o->finding = vi->finding ? (size_t)(vi->finding - c->d->items) : PST_REVIEW_NO_FINDING;
}

void rb_claims(struct rb_ctx *c)
{
	const struct pst_verify *v = c->verify;
	struct pst_review *r = c->r;
	size_t i;

	if (!v)
		return;
	r->claims = PST_REVIEW_NEW(r, struct pst_review_claim, v->n);
	r->nclaims = v->n;
	for (i = 0; i < v->n; i++)
		claim(c, &r->claims[i], &v->items[i]);
	r->verdicts = PST_REVIEW_NEW(r, struct pst_review_count, PST_VERDICT__COUNT);
	r->nverdicts = PST_VERDICT__COUNT;
	for (i = 0; i < PST_VERDICT__COUNT; i++) {
		r->verdicts[i].label = pst_verdict_name((enum pst_verdict)i);
		r->verdicts[i].count = (int64_t)v->counts[i];
	}
}
