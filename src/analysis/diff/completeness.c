/* completeness.c: is the data complete enough to compare T0 and T1?
 * Coverage of subscriptions, and the warnings of DESIGN.md. */
#include "posture/diff.h"

#include <stdlib.h>
#include <string.h>

uint8_t *pst_diff_coverage(const struct pst_estate *e, pst_time t1)
{
	size_t n = pst_strpool_count(&e->subs);
	uint8_t *cov = xcalloc(n ? n : 1, 1);

	pst_timeline_in_scope(&e->timeline, t1, cov, n);
	return cov;
}

static void check_no_data(struct pst_diff *d, const struct pst_state *s, const char *which)
{
	char buf[PST_TIME_BUF];

	if (!pst_state_count(s))
		pst_diags_add(&d->warnings, PST_DC_NO_DATA, NULL, "no assessment data at or before %s (%s)", which,
		              pst_time_format(s->at, buf, sizeof(buf)));
}

static const char *sub_label(const struct pst_estate *e, uint32_t sub, struct strbuf *sb)
{
	const char *name = pst_estate_text(e, e->subscriptions[sub].name);

	strbuf_reset(sb);
	strbuf_addstr(sb, pst_estate_subscription_id(e, sub));
	if (name)
		strbuf_addf(sb, " (%s)", name);
	return sb->buf;
}

static void check_missing(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                          const uint8_t *covered)
{
	size_t n = pst_strpool_count(&e->subs), s;
	uint8_t *seen = xcalloc(n, 1);
	const struct pst_finding *f;
	struct strbuf sb = STRBUF_INIT;

	for (f = pst_state_next(s0, NULL); f; f = pst_state_next(s0, f))
		seen[pst_estate_resource_sub(e, f->resource)] = 1;
	for (s = 1; s < n; s++)
		if (seen[s] && !covered[s])
			pst_diags_add(&d->warnings, PST_DC_SUBSCRIPTION_MISSING, NULL,
			              "subscription %s is in the data at T0 but missing from the latest export at or before T1: "
			              "its findings are out_of_scope, not fixed",
			              sub_label(e, (uint32_t)s, &sb));
	strbuf_release(&sb);
	free(seen);
}

static void check_csv_cap(struct pst_diff *d, const struct pst_estate *e)
{
	size_t i;

	for (i = 0; i < e->sources.nfiles; i++) {
		const struct pst_source *r = &e->sources.files[i];

		unsigned cap;

		/* per file, near one of the caps: a file far over them is whole */
		if (r->format == PST_FMT_PORTAL_CSV && pst_portal_at_cap(r->records[PST_REC_ASSESSMENT] + r->rejected, &cap))
			pst_diags_add(&d->warnings, PST_DC_CSV_ROW_CAP, &(struct pst_diag_place){r->path, 0, 0, 0},
			              "%llu rows: at the portal's ~%s-row cap, the export is probably truncated",
			              (unsigned long long)r->records[PST_REC_ASSESSMENT], cap == 13000 ? "13,000" : "25,000");
	}
}

/* Live findings per subscription in a state. */
static uint64_t *findings_per_sub(const struct pst_estate *e, const struct pst_state *s)
{
	uint64_t *n = xcalloc(pst_strpool_count(&e->subs), sizeof(*n));
	const struct pst_finding *f;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f))
		n[pst_estate_resource_sub(e, f->resource)]++;
	return n;
}

/* Counts findings, not records: the same snapshot read from two formats
 * would double a record count. */
static void check_drop(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                       const struct pst_state *s1, const uint8_t *covered)
{
	size_t n = pst_strpool_count(&e->subs), s;
	uint64_t *n0 = findings_per_sub(e, s0), *n1 = findings_per_sub(e, s1);
	struct strbuf sb = STRBUF_INIT;

	for (s = 1; s < n; s++) {
		if (!covered[s] || n0[s] < PST_RECORD_DROP_MIN || n1[s] * 100 >= n0[s] * (100 - PST_RECORD_DROP_PCT))
			continue;
		pst_diags_add(&d->warnings, PST_DC_RECORD_DROP, NULL,
		              "subscription %s: %llu assessments at T0, %llu at T1 (a drop of more than %d%%): "
		              "check that the later export is complete",
		              sub_label(e, (uint32_t)s, &sb), (unsigned long long)n0[s], (unsigned long long)n1[s],
		              PST_RECORD_DROP_PCT);
	}
	strbuf_release(&sb);
	free(n0);
	free(n1);
}

static int cmp_finding_id(const struct pst_estate *e, const struct pst_finding *a, const struct pst_finding *b)
{
	int c = strcmp(pst_estate_resource_id(e, a->resource), pst_estate_resource_id(e, b->resource));

	return c ? c : strcmp(pst_estate_key(e, a->key), pst_estate_key(e, b->key));
}

static void check_conflicts(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s,
                            const char *which)
{
	const struct pst_finding *f, *first = NULL;
	size_t n = 0;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f)) {
		if (!(f->flags & PST_FND_CONFLICT))
			continue;
		n++;
		if (!first || cmp_finding_id(e, f, first) < 0)
			first = f;
	}
	if (n)
		pst_diags_add(&d->warnings, PST_DC_CONFLICT, NULL,
		              "%zu finding%s at %s ha%s records with the same time and different statuses (e.g. %s %s)",
		              n, n == 1 ? "" : "s", which, n == 1 ? "s" : "ve", pst_estate_resource_id(e, first->resource),
		              pst_estate_key(e, first->key));
}

static void check_rejected(struct pst_diff *d, const struct pst_estate *e)
{
	if (e->sources.rejected || e->sources.failed_files)
		pst_diags_add(&d->warnings, PST_DC_REJECTED, NULL,
		              "%llu records rejected and %zu files skipped while reading (see posture inspect)", (unsigned long long)e->sources.rejected, e->sources.failed_files);
	if (e->assessments_unkeyed)
		pst_diags_add(&d->warnings, PST_DC_REJECTED, NULL,
		              "%llu assessment records without a resource id or key were ignored",
		              (unsigned long long)e->assessments_unkeyed);
}

void pst_diff_check_completeness(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                                 const struct pst_state *s1, const uint8_t *covered)
{
	check_no_data(d, s0, "T0");
	check_no_data(d, s1, "T1");
	check_missing(d, e, s0, covered);
	check_csv_cap(d, e);
	check_drop(d, e, s0, s1, covered);
	check_conflicts(d, e, s0, "T0");
	check_conflicts(d, e, s1, "T1");
	check_rejected(d, e);
}
