/* review_build_alerts.c: the alerts of the period [T0, T1) (high severity
 * first, then time), their counts by severity, status and MITRE tactic; the
 * regulatory compliance at T1 (the latest record per subscription,
 * standard and control, summed over the subscriptions). */
#include <stdlib.h>
#include <string.h>
#include "posture/strbuf.h"
#include "review_build_int.h"

static pst_time alert_time(const struct pst_alert_rec *a)
{
	return a->time_generated != PST_TIME_NONE ? a->time_generated : a->observed;
}

static int cmp_alert(const void *pa, const void *pb)
{
	const struct pst_review_alert *a = pa, *b = pb;
	int rc;

	if (a->severity != b->severity)
		return a->severity > b->severity ? -1 : 1;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	rc = strcmp(a->system_alert_id, b->system_alert_id);
	return rc;
}

static void alert(struct rb_ctx *c, struct pst_review_alert *o, const struct pst_alert_rec *a)
{
	const struct pst_estate *e = c->e;
	struct pst_review *r = c->r;

	o->system_alert_id = pst_review_str(r, pst_estate_text(e, a->system_alert_id));
	o->name = pst_review_str(r, pst_estate_text(e, a->display_name ? a->display_name : a->alert_type));
	o->severity = (enum pst_severity)a->severity;
	o->status = pst_review_label(r, pst_estate_text(e, a->status));
	o->tactics = pst_review_label(r, pst_estate_text(e, a->tactics));
	o->resource_id = pst_review_str(r, a->resource ? pst_estate_resource_id(e, a->resource) : NULL);
	o->entity = pst_review_str(r, a->resource ? pst_estate_text(e, e->resources[a->resource].name) : NULL);
	o->time = alert_time(a);
	o->team = a->resource ? rb_team_of(c, a->resource) : PST_REVIEW_NO_TEAM;
}

/* ---- counts by label ---- */

static int cmp_str(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static int cmp_count(const void *pa, const void *pb)
{
	const struct pst_review_count *a = pa, *b = pb;

	if (a->count != b->count)
		return a->count > b->count ? -1 : 1;
	return strcmp(a->label, b->label);
}

/* labels (arena strings) -> counts, most frequent first. */
static struct pst_review_count *count_labels(struct pst_review *r, const char **labels, size_t n, size_t *nout)
{
	struct pst_review_count *out = PST_REVIEW_NEW(r, struct pst_review_count, n);
	size_t i, m = 0;

	if (n)
		pst_sort(labels, n, sizeof(*labels), cmp_str);
	for (i = 0; i < n; i++) {
		if (m && strcmp(out[m - 1].label, labels[i]) == 0) {
			out[m - 1].count++;
			continue;
		}
		out[m].label = labels[i];
		out[m++].count = 1;
	}
	pst_sort(out, m, sizeof(*out), cmp_count);
	*nout = m;
	return out;
}

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Splits s at commas, trims each part, appends the non-empty ones. */
static void split_tactics(struct pst_review *r, const char *s, const char ***v, size_t *n, size_t *alloc)
{
	struct strbuf sb = STRBUF_INIT;
	const char *p = s, *end;

	for (; *p; p = *end ? end + 1 : end) {
		const char *a = p, *b;

		end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		for (b = end; b > a && is_space(b[-1]); b--)
			;
		while (a < b && is_space(*a))
			a++;
		if (a == b)
			continue;
		strbuf_reset(&sb);
		strbuf_add(&sb, a, (size_t)(b - a));
		PST_GROW(*v, *alloc, *n + 1);
		(*v)[(*n)++] = pst_review_str(r, strbuf_cstr(&sb));
	}
	strbuf_release(&sb);
}

static void alert_counts(struct pst_review *r)
{
	const char **status = xcalloc(r->nalerts + 1, sizeof(*status)), **tactics = NULL;
	size_t i, nt = 0, ta = 0;

	for (i = 0; i < r->nalerts; i++) {
		r->alerts_by_severity[r->alerts[i].severity]++;
		status[i] = r->alerts[i].status[0] ? r->alerts[i].status : "Unknown";
		split_tactics(r, r->alerts[i].tactics, &tactics, &nt, &ta);
	}
	r->alerts_by_status = count_labels(r, status, r->nalerts, &r->nalerts_by_status);
	r->alerts_by_tactic = count_labels(r, tactics, nt, &r->nalerts_by_tactic);
	free(status);
	free(tactics);
}

void rb_alerts(struct rb_ctx *c)
{
	struct pst_review *r = c->r;
	size_t i;

	r->alerts = PST_REVIEW_NEW(r, struct pst_review_alert, c->e->nalerts);
	for (i = 0; i < c->e->nalerts; i++) {
		pst_time t = alert_time(&c->e->alerts[i]);

		if (t >= c->d->t0 && t < c->d->t1)
			alert(c, &r->alerts[r->nalerts++], &c->e->alerts[i]);
	}
	pst_sort(r->alerts, r->nalerts, sizeof(*r->alerts), cmp_alert);
	alert_counts(r);
}
