/* review_build_compliance.c: regulatory compliance at T1, per standard and
 * control, from the latest record at or before T1 of each (standard,
 * control, assessment, subscription).  Assessment records count one
 * assessment each by their state; a control's own record (no assessment)
 * gives its counts of assessments, used only when the control has no
 * assessment record.  The state is failed when any part fails, else passed
 * when any passes, else skipped, else the first state seen. */
#include <stdlib.h>
#include <string.h>
#include "review_build_int.h"

struct comp_ref {
	const struct pst_compliance_rec *rec;
	const char *standard, *control, *assessment;
};

static int cmp_control(const struct comp_ref *a, const struct comp_ref *b)
{
	int rc = strcmp(a->standard, b->standard);

	return rc ? rc : strcmp(a->control, b->control);
}

/* Same standard, control, assessment and subscription. */
static bool same_item(const struct comp_ref *a, const struct comp_ref *b)
{
	return !cmp_control(a, b) && !strcmp(a->assessment, b->assessment) &&
	       a->rec->subscription == b->rec->subscription;
}

/* By standard, control, assessment ("" first), subscription, latest first. */
static int cmp_latest(const void *pa, const void *pb)
{
	const struct comp_ref *a = pa, *b = pb;
	int rc = cmp_control(a, b);

	if (!rc)
		rc = strcmp(a->assessment, b->assessment);
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

static void add(struct pst_review_compliance *o, const struct comp_ref *x)
{
	const struct pst_compliance_rec *rec = x->rec;

	if (!x->assessment[0]) {
		o->passed += rec->passed;
		o->failed += rec->failed;
		o->skipped += rec->skipped;
	} else {
		o->passed += rec->state == PST_CS_PASSED;
		o->failed += rec->state == PST_CS_FAILED;
		o->skipped += rec->state == PST_CS_SKIPPED;
	}
	o->state = merge_state(o->state, (enum pst_compliance_state)rec->state);
}

static size_t refs_at(const struct rb_ctx *c, struct comp_ref *v)
{
	const struct pst_estate *e = c->e;
	size_t i, n = 0;

	for (i = 0; i < e->ncompliance; i++) {
		const struct pst_compliance_rec *rec = &e->compliance[i];

		if (rec->observed > c->d->t1)
			continue;
		v[n].rec = rec;
		v[n].standard = pst_review_str(c->r, pst_estate_text(e, rec->standard));
		v[n].control = pst_review_str(c->r, pst_estate_text(e, rec->control));
		v[n++].assessment = pst_review_str(c->r, pst_estate_text(e, rec->assessment));
	}
	pst_sort(v, n, sizeof(*v), cmp_latest);
	return n;
}

/* The records v[first, end) of one standard and control. */
static void control_sum(struct pst_review_compliance *o, const struct comp_ref *v, size_t first, size_t end)
{
	bool has_assessments = v[end - 1].assessment[0] != '\0'; /* "" sorts first */
	size_t i;

	o->standard = v[first].standard;
	o->control = v[first].control;
	for (i = first; i < end; i++) {
		if (i > first && same_item(&v[i - 1], &v[i]))
			continue; /* an older record of the same item */
		if (has_assessments && !v[i].assessment[0])
			continue; /* the control's own record: its assessments are counted */
		add(o, &v[i]);
	}
}

void rb_compliance(struct rb_ctx *c)
{
	struct comp_ref *v = xcalloc(c->e->ncompliance + 1, sizeof(*v));
	struct pst_review *r = c->r;
	size_t n = refs_at(c, v), first, end;

	r->compliance = PST_REVIEW_NEW(r, struct pst_review_compliance, n);
	for (first = 0; first < n; first = end) {
		for (end = first + 1; end < n && !cmp_control(&v[first], &v[end]); end++)
			;
		control_sum(&r->compliance[r->ncompliance++], v, first, end);
	}
	free(v);
}
