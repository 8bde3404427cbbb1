/* review_build_compliance.c: regulatory compliance at T1 (and T0), per
 * standard and control, from the latest record at or before the time of
 * each (standard, control, assessment, subscription).  Assessment records count one
 * assessment each by their state; a control's own record (no assessment)
 * gives its counts of assessments, used only when the control has no
 * assessment record.  The state is failed when any part fails, else passed
 * when any passes, else skipped, else the first state seen.  Each standard
 * then counts its controls by state at both ends. */
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

static const char *text_of(const struct pst_estate *e, uint32_t text)
{
	const char *s = pst_estate_text(e, text);

	return s ? s : "";
}

/* The records observed at or before t, sorted (the strings are the estate's). */
static size_t refs_at(const struct rb_ctx *c, pst_time t, struct comp_ref *v)
{
	const struct pst_estate *e = c->e;
	size_t i, n = 0;

	for (i = 0; i < e->ncompliance; i++) {
		const struct pst_compliance_rec *rec = &e->compliance[i];

		if (rec->observed > t)
			continue;
		v[n].rec = rec;
		v[n].standard = text_of(e, rec->standard);
		v[n].control = text_of(e, rec->control);
		v[n++].assessment = text_of(e, rec->assessment);
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

/* Every control at time t, by standard and control, into out (room for
 * every record); returns their count. */
static size_t controls_at(const struct rb_ctx *c, pst_time t, struct comp_ref *v, struct pst_review_compliance *out)
{
	size_t n = refs_at(c, t, v), first, end, k = 0;

	for (first = 0; first < n; first = end) {
		for (end = first + 1; end < n && !cmp_control(&v[first], &v[end]); end++)
			;
		control_sum(&out[k++], v, first, end);
	}
	return k;
}

static int cmp_comp(const struct pst_review_compliance *a, const struct pst_review_compliance *b)
{
	int rc = strcmp(a->standard, b->standard);

	return rc ? rc : strcmp(a->control, b->control);
}

/* Counts control o in its standard, at T1 or (then) at T0. */
static void count_control(struct pst_review_standard *st, const struct pst_review_compliance *o, bool then)
{
	int64_t *by_state = then ? st->controls_t0 : st->controls;
	int64_t *assess = then ? st->assessments_t0 : st->assessments;

	by_state[o->state == PST_CS_PASSED ? PST_RCS_PASSED : o->state == PST_CS_FAILED ? PST_RCS_FAILED
	         : o->state == PST_CS_SKIPPED ? PST_RCS_SKIPPED : PST_RCS_OTHER]++;
	assess[PST_RCS_PASSED] += o->passed;
	assess[PST_RCS_FAILED] += o->failed;
	assess[PST_RCS_SKIPPED] += o->skipped;
}

/* The standard named s, appended to r->standards when it is not the last one. */
static struct pst_review_standard *standard(struct pst_review *r, const char *s)
{
	struct pst_review_standard *st = r->nstandards ? &r->standards[r->nstandards - 1] : NULL;

	if (!st || strcmp(st->standard, s) != 0) {
		st = &r->standards[r->nstandards++];
		st->standard = s;
	}
	return st;
}

/* Walks the controls at T1 (now) and T0 (then), both in standard and
 * control order: each T1 control gets its state at T0, each standard its
 * counts at both ends. */
static void merge(struct pst_review *r, const struct pst_review_compliance *then, size_t nthen)
{
	size_t i = 0, k = 0;

	while (i < r->ncompliance || k < nthen) {
		int rc = i == r->ncompliance ? 1 : k == nthen ? -1 : cmp_comp(&r->compliance[i], &then[k]);
		struct pst_review_standard *st;

		if (rc <= 0) {
			struct pst_review_compliance *o = &r->compliance[i++];

			st = standard(r, o->standard);
			count_control(st, o, false);
			if (rc == 0)
				o->state_t0 = then[k].state;
		}
		if (rc >= 0) {
			const struct pst_review_compliance *o = &then[k++];

			st = standard(r, rc == 0 ? r->compliance[i - 1].standard : pst_review_str(r, o->standard));
			count_control(st, o, true);
			st->has_t0 = true;
		}
	}
}

void rb_compliance(struct rb_ctx *c)
{
	struct comp_ref *v = xcalloc(c->e->ncompliance + 1, sizeof(*v));
	struct pst_review_compliance *then = xcalloc(c->e->ncompliance + 1, sizeof(*then));
	struct pst_review *r = c->r;
	size_t nthen = controls_at(c, c->d->t0, v, then), i;

	r->compliance = PST_REVIEW_NEW(r, struct pst_review_compliance, c->e->ncompliance + 1);
	r->ncompliance = controls_at(c, c->d->t1, v, r->compliance);
	for (i = 0; i < r->ncompliance; i++) {
		r->compliance[i].standard = pst_review_str(r, r->compliance[i].standard);
		r->compliance[i].control = pst_review_str(r, r->compliance[i].control);
	}
	r->standards = PST_REVIEW_NEW(r, struct pst_review_standard, r->ncompliance + nthen + 1);
	merge(r, then, nthen);
	free(then);
	free(v);
}
