/* completeness.c: is the data complete enough to compare T0 and T1?
 * Coverage of subscriptions, and the warnings of DESIGN.md. */
#include "posture/diff.h"

#include <stdlib.h>
#include <string.h>

static bool batch_between(const struct pst_timeline *tl, uint32_t sub, pst_time t0, pst_time t1)
{
	size_t i;

	for (i = 0; i < tl->nbatches; i++) {
		const struct pst_batch *b = &tl->batches[i];

		if ((!sub || b->subscription == sub) && b->tmax > t0 && b->tmax <= t1)
			return true;
	}
	return false;
}

uint8_t *pst_diff_coverage(const struct pst_estate *e, pst_time t0, pst_time t1)
{
	const struct pst_timeline *tl = &e->timeline;
	size_t n = pst_strpool_count(&e->subs), s;
	uint8_t *cov = xcalloc(n, 1);
	bool exported_after_t0 = batch_between(tl, 0, t0, t1);
	const struct pst_round *r = pst_timeline_round_at(tl, t1);

	cov[0] = 1;
	for (s = 1; s < n; s++) {
		if (!pst_timeline_has_snapshot(tl, (uint32_t)s, t1))
			cov[s] = 1;
		else if (exported_after_t0)
			cov[s] = batch_between(tl, (uint32_t)s, t0, t1);
		else
			cov[s] = r && pst_timeline_batch_in(tl, r, (uint32_t)s);
	}
	return cov;
}

static void check_no_data(struct pst_diff *d, const struct pst_state *s, const char *which)
{
	char buf[PST_TIME_BUF];

	if (!pst_state_count(s))
		pst_diff_warn(d, PST_DQ_NO_DATA, "no assessment data at or before %s (%s)", which,
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
			pst_diff_warn(d, PST_DQ_SUBSCRIPTION_MISSING,
			              "subscription %s is in the data at T0 but missing from the latest export at T1: "
			              "its findings are out_of_scope, not fixed",
			              sub_label(e, (uint32_t)s, &sb));
	strbuf_release(&sb);
	free(seen);
}

static void check_csv_cap(struct pst_diff *d, const struct pst_estate *e)
{
	size_t i;

	for (i = 0; i < e->ingest.nfiles; i++) {
		const struct pst_file_report *r = &e->ingest.files[i];

		if (r->format == PST_FMT_PORTAL_CSV && r->records[PST_REC_ASSESSMENT] >= PST_CSV_ROW_CAP_WARN)
			pst_diff_warn(d, PST_DQ_CSV_ROW_CAP,
			              "%s: %llu rows: at the portal's ~13,000-row cap, the export is probably truncated",
			              r->path, (unsigned long long)r->records[PST_REC_ASSESSMENT]);
	}
}

/* The latest batch of sub complete at t. */
static const struct pst_batch *latest_batch(const struct pst_timeline *tl, uint32_t sub, pst_time t)
{
	const struct pst_batch *best = NULL;
	size_t i;

	for (i = 0; i < tl->nbatches; i++) {
		const struct pst_batch *b = &tl->batches[i];

		if (b->subscription == sub && b->tmax <= t && (!best || b->tmin > best->tmin))
			best = b;
	}
	return best;
}

static void check_drop(struct pst_diff *d, const struct pst_estate *e, pst_time t0, pst_time t1)
{
	size_t n = pst_strpool_count(&e->subs), s;
	struct strbuf sb = STRBUF_INIT;
	char a[PST_TIME_BUF], b[PST_TIME_BUF];

	for (s = 1; s < n; s++) {
		const struct pst_batch *b0 = latest_batch(&e->timeline, (uint32_t)s, t0);
		const struct pst_batch *b1 = latest_batch(&e->timeline, (uint32_t)s, t1);

		if (!b0 || !b1 || b0 == b1 || b1->count * 100 >= b0->count * (100 - PST_RECORD_DROP_PCT))
			continue;
		pst_diff_warn(d, PST_DQ_RECORD_DROP,
		              "subscription %s: %llu assessment records in the snapshot of %s, %llu in that of %s "
		              "(a drop of more than %d%%)",
		              sub_label(e, (uint32_t)s, &sb), (unsigned long long)b0->count,
		              pst_time_format(b0->tmin, a, sizeof(a)), (unsigned long long)b1->count,
		              pst_time_format(b1->tmin, b, sizeof(b)), PST_RECORD_DROP_PCT);
	}
	strbuf_release(&sb);
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
		pst_diff_warn(d, PST_DQ_CONFLICT,
		              "%zu finding%s at %s ha%s records with the same time and different statuses (e.g. %s %s)",
		              n, n == 1 ? "" : "s", which, n == 1 ? "s" : "ve", pst_estate_resource_id(e, first->resource),
		              pst_estate_key(e, first->key));
}

static void check_rejected(struct pst_diff *d, const struct pst_estate *e)
{
	if (e->ingest.rejected || e->ingest.failed_files)
		pst_diff_warn(d, PST_DQ_REJECTED, "%llu records rejected and %zu files skipped while reading "
		              "(see posture inspect)", (unsigned long long)e->ingest.rejected, e->ingest.failed_files);
}

void pst_diff_check_completeness(struct pst_diff *d, const struct pst_estate *e, const struct pst_state *s0,
                                 const struct pst_state *s1, const uint8_t *covered)
{
	check_no_data(d, s0, "T0");
	check_no_data(d, s1, "T1");
	check_missing(d, e, s0, covered);
	check_csv_cap(d, e);
	check_drop(d, e, s0->at, s1->at);
	check_conflicts(d, e, s0, "T0");
	check_conflicts(d, e, s1, "T1");
	check_rejected(d, e);
}
