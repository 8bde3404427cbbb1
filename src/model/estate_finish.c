/* estate_finish.c: the states begun, and finished after the last record:
 * the tables compacted and sorted, the states cut by the snapshots. */
#include "estate_int.h"

#include <stdlib.h>
#include <string.h>

void pst_estate_begin(struct pst_estate *e, const pst_time *times, size_t ntimes)
{
	size_t i;

	e->states = xcalloc(ntimes ? ntimes : 1, sizeof(*e->states));
	e->nstates = ntimes;
	for (i = 0; i < ntimes; i++)
		pst_state_init(&e->states[i], times[i], &e->text);
}

/* By scope and name (case-insensitive), the latest last; then one each. */
static int cmp_exemption_in(const struct pst_estate *e, const struct pst_exemption_rec *a,
                            const struct pst_exemption_rec *b)
{
	int c = pst_strcasecmp(pst_estate_text(e, a->scope), pst_estate_text(e, b->scope));

	if (!c)
		c = pst_strcasecmp(pst_estate_text(e, a->name) ? pst_estate_text(e, a->name) : "",
		                   pst_estate_text(e, b->name) ? pst_estate_text(e, b->name) : "");
	return c;
}

static void finish_exemptions(struct pst_estate *e)
{
	size_t i, j, n = 0;

	/* insertion sort: exemptions are few; stable, so ties keep the read order */
	for (i = 1; i < e->nexemptions; i++) {
		struct pst_exemption_rec x = e->exemptions[i];
		int c;

		for (j = i; j > 0; j--) {
			c = cmp_exemption_in(e, &e->exemptions[j - 1], &x);
			if (c < 0 || (c == 0 && e->exemptions[j - 1].observed <= x.observed))
				break;
			e->exemptions[j] = e->exemptions[j - 1];
		}
		e->exemptions[j] = x;
	}
	for (i = 0; i < e->nexemptions; i++) {
		if (n && cmp_exemption_in(e, &e->exemptions[n - 1], &e->exemptions[i]) == 0)
			n--;
		e->exemptions[n++] = e->exemptions[i];
	}
	e->nexemptions = n;
}

static int cmp_gov(const void *pa, const void *pb)
{
	const struct pst_gov *a = pa, *b = pb;

	if (a->resource != b->resource)
		return a->resource < b->resource ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->observed != b->observed)
		return (a->observed > b->observed) - (a->observed < b->observed);
	if (a->due != b->due)
		return (a->due > b->due) - (a->due < b->due);
	if (a->owner != b->owner)
		return (a->owner > b->owner) - (a->owner < b->owner);
	if (a->grace != b->grace)
		return a->grace - b->grace;
	if (a->eta != b->eta)
		return (a->eta > b->eta) - (a->eta < b->eta);
	return (a->ticket_number > b->ticket_number) - (a->ticket_number < b->ticket_number);
}

void pst_estate_compact_gov(struct pst_estate *e)
{
	size_t i, n = 0;

	if (e->ngov > 1)
		pst_sort(e->gov, e->ngov, sizeof(*e->gov), cmp_gov);
	for (i = 0; i < e->ngov; i++) {
		if (n && e->gov[n - 1].resource == e->gov[i].resource && e->gov[n - 1].key == e->gov[i].key)
			n--;
		e->gov[n++] = e->gov[i];
	}
	e->ngov = n;
}

static int cmp_tc(const void *pa, const void *pb)
{
	const struct pst_type_control *a = pa, *b = pb;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->control_id != b->control_id)
		return a->control_id < b->control_id ? -1 : 1;
	return (a->control_name > b->control_name) - (a->control_name < b->control_name);
}

void pst_estate_compact_type_controls(struct pst_estate *e)
{
	size_t i, n = 0;

	if (e->ntype_controls > 1)
		pst_sort(e->type_controls, e->ntype_controls, sizeof(*e->type_controls), cmp_tc);
	for (i = 0; i < e->ntype_controls; i++) {
		struct pst_type_control *p = n ? &e->type_controls[n - 1] : NULL, *c = &e->type_controls[i];

		if (p && p->key == c->key && (p->control_id == c->control_id || !c->control_id)) {
			if (!p->control_name)
				p->control_name = c->control_name;
			continue;
		}
		e->type_controls[n++] = *c;
	}
	e->ntype_controls = n;
}

static int cmp_u32(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int cmp_t(pst_time a, pst_time b)
{
	return (a > b) - (a < b);
}

static int cmp_score(const void *pa, const void *pb)
{
	const struct pst_score_rec *a = pa, *b = pb;
	int c = cmp_t(a->observed, b->observed);

	return c ? c : cmp_u32(a->subscription, b->subscription);
}

static int cmp_control(const void *pa, const void *pb)
{
	const struct pst_control_rec *a = pa, *b = pb;
	int c = cmp_t(a->observed, b->observed);

	if (!c)
		c = cmp_u32(a->subscription, b->subscription);
	return c ? c : cmp_u32(a->control_id, b->control_id);
}

static int cmp_compliance(const void *pa, const void *pb)
{
	const struct pst_compliance_rec *a = pa, *b = pb;
	int c = cmp_t(a->observed, b->observed);

	if (!c)
		c = cmp_u32(a->subscription, b->subscription);
	if (!c)
		c = cmp_u32(a->standard, b->standard);
	if (!c)
		c = cmp_u32(a->control, b->control);
	return c ? c : cmp_u32(a->assessment, b->assessment);
}

/* Sorts base[0..*n) with cmp and keeps the last of each run of equal
 * elements (the same fact read twice counts once). */
static void sort_unique(void *base, size_t *n, size_t size, int (*cmp)(const void *, const void *))
{
	char *b = base;
	size_t i, k = 0;

	if (*n > 1)
		pst_sort(base, *n, size, cmp);
	for (i = 0; i < *n; i++) {
		if (k && cmp(b + (k - 1) * size, b + i * size) == 0)
			k--;
		if (k != i)
			memcpy(b + k * size, b + i * size, size);
		k++;
	}
	*n = k;
}

static int cmp_alert_id(const void *pa, const void *pb)
{
	const struct pst_alert_rec *a = pa, *b = pb;
	int c = cmp_u32(a->system_alert_id, b->system_alert_id);

	return c ? c : cmp_t(a->observed, b->observed);
}

static int cmp_alert_same(const void *pa, const void *pb)
{
	const struct pst_alert_rec *a = pa, *b = pb;

	return cmp_u32(a->system_alert_id, b->system_alert_id);
}

static int cmp_alert_time(const void *pa, const void *pb)
{
	const struct pst_alert_rec *a = pa, *b = pb;
	int c = cmp_t(a->observed, b->observed);

	return c ? c : cmp_u32(a->system_alert_id, b->system_alert_id);
}

/* One record per alert id (the latest), then in time order. */
static void finish_alerts(struct pst_estate *e)
{
	size_t i, k = 0;

	if (e->nalerts > 1)
		pst_sort(e->alerts, e->nalerts, sizeof(*e->alerts), cmp_alert_id);
	for (i = 0; i < e->nalerts; i++) {
		if (k && e->alerts[i].system_alert_id && cmp_alert_same(&e->alerts[k - 1], &e->alerts[i]) == 0)
			k--;
		e->alerts[k++] = e->alerts[i];
	}
	e->nalerts = k;
	if (e->nalerts > 1)
		pst_sort(e->alerts, e->nalerts, sizeof(*e->alerts), cmp_alert_time);
}

struct cut_ctx {
	const struct pst_estate *e;
	const pst_time *cutoff; /* by subscription id */
};

static bool cut(void *ctx, const struct pst_finding *f)
{
	const struct cut_ctx *c = ctx;
	uint32_t sub = pst_estate_resource_sub(c->e, f->resource);

	if (f->flags & PST_FND_DELETED)
		return true;
	return c->cutoff[sub] != PST_TIME_NONE && f->observed < c->cutoff[sub];
}

/* Removes from s what the snapshots complete at its time replaced;
 * cutoff has room for every subscription. */
static void cut_state(const struct pst_estate *e, struct pst_state *s, pst_time *cutoff)
{
	size_t nsubs = pst_strpool_count(&e->subs), i;
	struct cut_ctx ctx;

	ctx.e = e;
	ctx.cutoff = cutoff;
	cutoff[0] = PST_TIME_NONE;
	for (i = 1; i < nsubs; i++)
		cutoff[i] = pst_timeline_cutoff(&e->timeline, (uint32_t)i, s->at);
	pst_state_filter(s, cut, &ctx);
}

/* States first..nstates made from the history and cut by the snapshots. */
static void make_states(struct pst_estate *e, size_t first)
{
	pst_time *cutoff = xcalloc(pst_strpool_count(&e->subs) + 1, sizeof(*cutoff));
	size_t i;

	for (i = first; i < e->nstates; i++) {
		pst_history_state(&e->history, &e->states[i]);
		cut_state(e, &e->states[i], cutoff);
	}
	free(cutoff);
}

void pst_estate_add_states(struct pst_estate *e, const pst_time *times, size_t ntimes)
{
	size_t first = e->nstates, i, j;

	e->states = xrealloc(e->states, (e->nstates + ntimes + 1) * sizeof(*e->states));
	for (i = 0; i < ntimes; i++) {
		for (j = 0; j < e->nstates && e->states[j].at != times[i]; j++)
			;
		if (j == e->nstates)
			pst_state_init(&e->states[e->nstates++], times[i], &e->text);
	}
	make_states(e, first);
}

void pst_estate_drop_history(struct pst_estate *e)
{
	pst_history_release(&e->history);
}

void pst_estate_finish(struct pst_estate *e)
{
	pst_timeline_finish(&e->timeline);
	pst_history_finish(&e->history);
	make_states(e, 0);
	pst_estate_compact_gov(e);
	pst_estate_compact_type_controls(e);
	sort_unique(e->scores, &e->nscores, sizeof(*e->scores), cmp_score);
	sort_unique(e->controls, &e->ncontrols, sizeof(*e->controls), cmp_control);
	sort_unique(e->compliance, &e->ncompliance, sizeof(*e->compliance), cmp_compliance);
	finish_alerts(e);
	finish_exemptions(e);
	pst_estate_finish_paths(e);
}
