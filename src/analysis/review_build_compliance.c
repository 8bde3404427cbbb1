/* review_build_compliance.c: regulatory compliance at T1: the latest record
 * at or before T1 of each (subscription, standard, control), summed per
 * (standard, control); the state is failed when any subscription fails,
 * else passed when any passes, else skipped, else the first state seen. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

struct comp_ref {
	const struct pst_compliance_rec *rec;
	const char *standard, *control;
};

static int cmp_names(const struct comp_ref *a, const struct comp_ref *b)
{
	int rc = strcmp(a->standard, b->standard);

	return rc ? rc : strcmp(a->control, b->control);
}

/* By standard, control, subscription, then the latest first. */
static int cmp_latest(const void *pa, const void *pb)
{
	const struct comp_ref *a = pa, *b = pb;
	int rc = cmp_names(a, b);

	if (rc)
		return rc;
	if (a->rec->subscription != b->rec->subscription)
		return a->rec->subscription < b->rec->subscription ? -1 : 1;
	return (a->rec->observed < b->rec->observed) - (a->rec->observed > b->rec->observed);
}

static enum pst_compliance_state merge_state(enum pst_compliance_state a, enum pst_compliance_state b)
{
	static const int rank[] = {0, 2, 3, 1, 0}; /* unknown, passed, failed, skipped, unsupported */

	return rank[b] > rank[a] ? b : a;
}

static void add(struct pst_review_compliance *o, const struct pst_compliance_rec *rec)
{
	o->passed += rec->passed;
	o->failed += rec->failed;
	o->skipped += rec->skipped;
	o->state = merge_state(o->state, (enum pst_compliance_state)rec->state);
}

void rb_compliance(struct rb_ctx *c)
{
	const struct pst_estate *e = c->e;
	struct comp_ref *v = xcalloc(e->ncompliance + 1, sizeof(*v));
	struct pst_review *r = c->r;
	size_t i, n = 0;

	for (i = 0; i < e->ncompliance && e->compliance[i].observed <= c->d->t1; i++) {
		v[n].rec = &e->compliance[i];
		v[n].standard = pst_review_str(r, pst_estate_text(e, e->compliance[i].standard));
		v[n++].control = pst_review_str(r, pst_estate_text(e, e->compliance[i].control));
	}
	qsort(v, n, sizeof(*v), cmp_latest);
	r->compliance = PST_REVIEW_NEW(r, struct pst_review_compliance, n);
	for (i = 0; i < n; i++) {
		struct pst_review_compliance *o = &r->compliance[r->ncompliance ? r->ncompliance - 1 : 0];

		if (i && cmp_names(&v[i - 1], &v[i]) == 0 && v[i - 1].rec->subscription == v[i].rec->subscription)
			continue; /* an older record of the same subscription */
		if (!r->ncompliance || cmp_names(&v[i - 1], &v[i]) != 0) {
			o = &r->compliance[r->ncompliance++];
			o->standard = v[i].standard;
			o->control = v[i].control;
		}
		add(o, v[i].rec);
	}
	free(v);
}
