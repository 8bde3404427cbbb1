/* diff.c: classify every finding Unhealthy at T0 or T1. */
#include "diff_int.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void pst_diff_init(struct pst_diff *d)
{
	memset(d, 0, sizeof(*d));
	d->t0 = d->t1 = PST_TIME_NONE;
	pst_diags_init(&d->warnings, 0);
}

void pst_diff_release(struct pst_diff *d)
{
	pst_diags_release(&d->warnings);
	free(d->items);
	free(d->renamed);
	pst_diff_init(d);
}

void pst_diff_portal_link(struct strbuf *sb, const struct pst_diff_item *it)
{
	strbuf_addstr(sb, "https://portal.azure.com/#blade/Microsoft_Azure_Security/RecommendationsBlade/assessmentKey/");
	strbuf_addstr(sb, it->assessment_key ? it->assessment_key : "");
}

static uint8_t *presence(const struct pst_estate *e, const struct pst_state *s)
{
	uint8_t *p = xcalloc(pst_strpool_count(&e->res_ids), 1);
	const struct pst_finding *f;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f))
		p[f->resource] = 1;
	return p;
}

static bool is_exempt(const struct pst_estate *e, const struct pst_finding *f)
{
	const char *cause = pst_estate_text(e, f->cause);

	return cause && pst_streq_ci(cause, "Exempt");
}

static bool unhealthy(const struct pst_finding *f)
{
	return f && f->status == PST_ST_UNHEALTHY;
}

/* The subscription of the resource is in the latest export at T1. */
static bool covered(const struct diff_ctx *c, uint32_t resource)
{
	return c->covered[pst_estate_resource_sub(c->e, resource)];
}

static enum pst_class classify_closed(const struct diff_ctx *c, const struct pst_finding *f1, uint32_t resource)
{
	if (!covered(c, resource))
		return PST_CLASS_OUT_OF_SCOPE;
	if (!f1 || f1->status == PST_ST_UNKNOWN)
		return c->present1[resource] ? PST_CLASS_RECOMMENDATION_REMOVED : PST_CLASS_RESOURCE_DELETED;
	if (f1->status == PST_ST_HEALTHY)
		return PST_CLASS_REMEDIATED;
	if (f1->status == PST_ST_NOT_APPLICABLE)
		return is_exempt(c->e, f1) ? PST_CLASS_EXEMPTED : PST_CLASS_NOT_APPLICABLE;
	return PST_CLASS_STILL_OPEN;
}

static enum pst_class classify_opened(const struct diff_ctx *c, const struct pst_finding *f0, uint32_t resource)
{
	if (!f0 || f0->status == PST_ST_UNKNOWN)
		return c->present0[resource] ? PST_CLASS_NEW_RECOMMENDATION : PST_CLASS_NEW_RESOURCE;
	if (f0->status == PST_ST_HEALTHY)
		return PST_CLASS_REGRESSED;
	return is_exempt(c->e, f0) ? PST_CLASS_EXEMPTION_ENDED : PST_CLASS_BECAME_APPLICABLE;
}

/* What a governance assignment says beyond owner and due date. */
static void set_gov_extra(const struct pst_estate *e, struct pst_diff_item *it, const struct pst_gov *g)
{
	it->grace = g->grace == 1;
	it->eta = g->eta;
	it->eta_justification = pst_estate_text(e, g->eta_justification);
	it->ticket_number = pst_estate_text(e, g->ticket_number);
	it->ticket_link = pst_estate_text(e, g->ticket_link);
	it->ticket_status = pst_estate_text(e, g->ticket_status);
}

static void set_due(const struct diff_ctx *c, struct pst_diff_item *it)
{
	const struct pst_gov *g = pst_estate_gov(c->e, it->resource, it->key);

	if (!g && it->renamed_from)
		g = pst_estate_gov(c->e, it->resource, pst_strpool_find(&c->e->keys, it->renamed_from));

	it->owner = g ? pst_estate_text(c->e, g->owner) : NULL;
	if (g)
		set_gov_extra(c->e, it, g);
	if (it->cls != PST_CLASS_STILL_OPEN && !pst_class_opens(it->cls))
		return;
	if (g && g->due != PST_TIME_NONE) {
		it->due = g->due;
		it->due_exported = true;
	} else if (it->first_seen != PST_TIME_NONE) {
		it->due = it->first_seen + pst_settings_allowance(c->set, it->severity) * PST_MS_PER_DAY;
	}
	it->overdue = it->due != PST_TIME_NONE && it->due < c->s1->at && !it->grace;
}

/* The first-seen time of a still-open finding: firstEvaluationDate, else
 * the first Unhealthy record. */
static pst_time first_seen(const struct pst_finding *f)
{
	return f->first_eval != PST_TIME_NONE ? f->first_eval : f->first_unhealthy;
}

/* When a finding opened in the period turned Unhealthy: its statusChangeDate,
 * else (a new resource or recommendation) its first evaluation, else the
 * first Unhealthy record seen, each only when it falls in (T0, T1]; else T0. */
static pst_time opened_at(const struct diff_ctx *c, const struct pst_diff_item *it, const struct pst_finding *f1)
{
	pst_time t0 = c->s0->at, t1 = c->s1->at;
	pst_time tries[3] = {f1->status_change, PST_TIME_NONE, f1->first_unhealthy};
	size_t i;

	if (it->cls == PST_CLASS_NEW_RESOURCE || it->cls == PST_CLASS_NEW_RECOMMENDATION)
		tries[1] = f1->first_eval;
	for (i = 0; i < PST_ARRAY_LEN(tries); i++)
		if (tries[i] != PST_TIME_NONE && tries[i] > t0 && tries[i] <= t1)
			return tries[i];
	return t0;
}

/* Age and due date: for findings still open, from firstEvaluationDate (else
 * the first Unhealthy record), the earlier of the old key's and the new
 * one's for a renamed finding (prev: the finding under the old key, or
 * NULL); for those opened in the period, from when they opened, so that they
 * can become overdue too.  Closed findings have none. */
static void set_age(const struct diff_ctx *c, struct pst_diff_item *it, const struct pst_finding *f1,
                    const struct pst_finding *prev)
{
	pst_time p = prev ? first_seen(prev) : PST_TIME_NONE;

	if (it->cls == PST_CLASS_STILL_OPEN) {
		it->first_seen = first_seen(f1);
		if (p != PST_TIME_NONE && (it->first_seen == PST_TIME_NONE || p < it->first_seen))
			it->first_seen = p;
	} else if (pst_class_opens(it->cls)) {
		it->first_seen = opened_at(c, it, f1);
	} else {
		return;
	}
	if (it->first_seen != PST_TIME_NONE && it->first_seen <= c->s1->at)
		it->age_days = (c->s1->at - it->first_seen) / PST_MS_PER_DAY;
}

static void set_resource(const struct diff_ctx *c, struct pst_diff_item *it)
{
	const struct pst_estate *e = c->e;
	const struct pst_resource *r = &e->resources[it->resource];

	it->resource_id = pst_estate_resource_id(e, it->resource);
	it->assessment_key = pst_estate_key(e, it->key);
	it->recommendation = pst_estate_type_name(e, it->key);
	it->severity = pst_estate_type_severity(e, it->key);
	it->subscription = r->subscription;
	it->subscription_id = pst_estate_subscription_id(e, r->subscription);
	it->subscription_name =
	    r->subscription ? pst_estate_text(e, e->subscriptions[r->subscription].name) : NULL;
	it->resource_group = pst_estate_text(e, r->group);
	it->resource_name = pst_estate_text(e, r->name);
	it->resource_type = pst_estate_text(e, r->type);
	it->cloud = pst_estate_resource_cloud(e, it->resource);
}

static void set_risk(const struct diff_ctx *c, struct pst_diff_item *it, const struct pst_finding *f)
{
	it->risk = f ? (enum pst_risk)f->risk : PST_RISK_UNKNOWN;
	it->risk_factors = f ? pst_estate_text(c->e, f->risk_factors) : NULL;
}

/* One classified finding: f0 and f1 its states at T0 and T1 (either may be
 * NULL), any the one that names it.  A finding carried over from a renamed
 * recommendation (alias: an index into d->renamed, else SIZE_MAX) is named
 * by its new key (f1) and f0 is the old key's. */
static void add_item(struct pst_diff *d, const struct diff_ctx *c, enum pst_class cls,
                     const struct pst_finding *f0, const struct pst_finding *f1, const struct pst_finding *any,
                     size_t alias)
{
	struct pst_diff_item *it;

	PST_GROW(d->items, d->items_alloc, d->n + 1);
	it = &d->items[d->n++];
	memset(it, 0, sizeof(*it));
	if (cls == PST_CLASS_OUT_OF_SCOPE)
		f1 = NULL; /* the T1 state of an uncovered subscription says nothing */
	it->cls = cls;
	it->resource = any->resource;
	it->key = any->key;
	set_resource(c, it);
	it->status_from = f0 ? (enum pst_status_code)f0->status : PST_ST_UNKNOWN;
	it->status_to = f1 ? (enum pst_status_code)f1->status : PST_ST_UNKNOWN;
	it->cause_from = f0 ? pst_estate_text(c->e, f0->cause) : NULL;
	it->cause_to = f1 ? pst_estate_text(c->e, f1->cause) : NULL;
	set_risk(c, it, f1 && f1->risk ? f1 : f0);
	it->first_seen = it->due = it->eta = PST_TIME_NONE;
	it->age_days = -1;
	if (alias != SIZE_MAX) {
		it->renamed_from = pst_estate_key(c->e, d->renamed[alias].old_key);
		d->renamed[alias].findings++;
	}
	set_age(c, it, f1, alias != SIZE_MAX ? f0 : NULL);
	set_due(c, it);
	d->counts[cls]++;
	d->overdue += it->overdue;
}

/* Unhealthy at T0: its state at T1, under a new key if it was renamed. */
static void classify_t0(struct pst_diff *d, const struct diff_ctx *c, const struct pst_finding *f0)
{
	const struct pst_finding *f1 = pst_state_get(c->s1, f0->resource, f0->key), *succ;
	size_t alias = SIZE_MAX;

	if (!f1 && covered(c, f0->resource) && (succ = diff_alias_successor(d, c, f0, &alias)) != NULL) {
		add_item(d, c, classify_closed(c, succ, f0->resource), f0, succ, succ, alias);
		return;
	}
	add_item(d, c, classify_closed(c, f1, f0->resource), f0, f1, f0, SIZE_MAX);
}

/* Unhealthy at T1 and not at T0: its state at T0, under an old key if it
 * was renamed (an old key Unhealthy at T0 was classified with it already). */
static void classify_t1(struct pst_diff *d, const struct diff_ctx *c, const struct pst_finding *f1)
{
	const struct pst_finding *f0 = pst_state_get(c->s0, f1->resource, f1->key), *pred = NULL;
	size_t alias = SIZE_MAX;

	if (unhealthy(f0))
		return;
	if (!f0)
		pred = diff_alias_predecessor(d, c, f1, &alias);
	if (unhealthy(pred))
		return;
	if (pred)
		add_item(d, c, classify_opened(c, pred, f1->resource), pred, f1, f1, alias);
	else
		add_item(d, c, classify_opened(c, f0, f1->resource), f0, f1, f1, SIZE_MAX);
}

static void classify_all(struct pst_diff *d, const struct diff_ctx *c)
{
	const struct pst_finding *f;

	for (f = pst_state_next(c->s0, NULL); f; f = pst_state_next(c->s0, f))
		if (unhealthy(f))
			classify_t0(d, c, f);
	for (f = pst_state_next(c->s1, NULL); f; f = pst_state_next(c->s1, f))
		if (unhealthy(f) && covered(c, f->resource))
			classify_t1(d, c, f);
}

/* Counts Unhealthy findings straight from the states, to check the classes. */
static void reconcile(struct pst_diff *d, const struct diff_ctx *c)
{
	const struct pst_finding *f;
	size_t k;

	for (f = pst_state_next(c->s0, NULL); f; f = pst_state_next(c->s0, f))
		d->unhealthy_t0 += unhealthy(f);
	for (f = pst_state_next(c->s1, NULL); f; f = pst_state_next(c->s1, f))
		d->unhealthy_t1 += unhealthy(f) && covered(c, f->resource);
	for (k = 0; k < PST_CLASS__COUNT; k++) {
		if (pst_class_closes((enum pst_class)k))
			d->closed += d->counts[k];
		if (pst_class_opens((enum pst_class)k))
			d->opened += d->counts[k];
	}
	if (d->unhealthy_t1 != d->unhealthy_t0 - d->closed + d->opened)
		pst_diags_add(&d->warnings, PST_DC_RECONCILE, NULL, "counts do not reconcile: %llu - %llu + %llu != %llu",
		              (unsigned long long)d->unhealthy_t0, (unsigned long long)d->closed,
		              (unsigned long long)d->opened, (unsigned long long)d->unhealthy_t1);
}

static int cmp_opt_str(const char *a, const char *b)
{
	int c;

	if (!a || !b)
		return (a != NULL) - (b != NULL);
	c = pst_strcasecmp(a, b);
	return c ? c : strcmp(a, b);
}

static int cmp_item(const void *pa, const void *pb)
{
	const struct pst_diff_item *a = pa, *b = pb;
	int c = (int)a->cls - (int)b->cls;

	if (!c)
		c = (int)pst_risk_rank(b->risk, b->severity) - (int)pst_risk_rank(a->risk, a->severity);
	if (!c)
		c = (int)b->severity - (int)a->severity;
	if (!c)
		c = cmp_opt_str(a->subscription_id, b->subscription_id);
	if (!c)
		c = cmp_opt_str(a->resource_id, b->resource_id);
	return c ? c : cmp_opt_str(a->assessment_key, b->assessment_key);
}

void pst_diff_compute(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                      const struct pst_state *s1, const struct pst_settings *set)
{
	struct diff_ctx c;

	memset(&c, 0, sizeof(c));
	d->t0 = s0->at;
	d->t1 = s1->at;
	c.e = e;
	c.s0 = s0;
	c.s1 = s1;
	c.set = set;
	c.present0 = presence(e, s0);
	c.present1 = presence(e, s1);
	c.covered = pst_diff_coverage(e, s1->at);
	pst_diff_check_completeness(d, e, s0, s1, c.covered);
	diff_alias_build(d, &c);
	classify_all(d, &c);
	diff_alias_report(d, &c);
	diff_alias_release(&c);
	reconcile(d, &c);
	if (d->n > 1)
		pst_sort(d->items, d->n, sizeof(*d->items), cmp_item);
	free(c.present0);
	free(c.present1);
	free(c.covered);
}
