/* gen_run.c: the timeline, day by day.  At each month start: the ground truth
 * of the month before, then the plan of the new month.  On snapshot days
 * (the first day, the 8th, 15th, 22nd and the last day of every month): the
 * full exports, then a new stream file; every day: the planned changes and
 * some alerts, in time order, into the stream. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gen.h"

#define NO_SUB UINT32_MAX

struct run {
	const struct gen_opts *o;
	struct gen_catalog cat;
	struct gen_estate e;
	struct gen_plan plan;
	struct gen_truth truth;
	struct gen_rng rng;
	struct gen_ctx ctx;
	struct gen_sink stream;
	bool stream_open;
	unsigned nstreams;
	int month;
	struct pst_error *err;
	struct gen_report *rep;
};

static int write_stream_record(struct run *R, uint32_t fi, bool deleted)
{
	if (!R->stream_open)
		return PST_OK;
	gen_ce_assessment(&R->stream.buf, &R->e, fi, false, deleted, R->nstreams == 1);
	gen_sink_flush(&R->stream, false);
	return PST_OK;
}

static void set_state(struct run *R, uint32_t fi, uint8_t st, pst_time t)
{
	struct gen_finding *f = &R->e.f[fi];

	f->changed = t;
	if (st == GF_ABSENT) {
		write_stream_record(R, fi, true);
		f->state = GF_ABSENT;
		return;
	}
	if (f->state == GF_ABSENT)
		f->first_eval = t;
	f->state = st;
	write_stream_record(R, fi, false);
}

static void apply(struct run *R, const struct gen_event *ev)
{
	const struct gen_resource *r;
	uint32_t i;

	switch (ev->kind) {
	case GE_NEW_RESOURCE:
		r = &R->e.res[ev->target];
		for (i = r->first; i < r->first + r->nfind; i++)
			if (gen_new_resource_state(&R->e, i) != GF_ABSENT)
				set_state(R, i, gen_new_resource_state(&R->e, i), ev->t);
		break;
	case GE_DELETE_RESOURCE:
		r = &R->e.res[ev->target];
		for (i = r->first; i < r->first + r->nfind; i++)
			if (R->e.f[i].state != GF_ABSENT)
				set_state(R, i, GF_ABSENT, ev->t);
		break;
	default:
		set_state(R, ev->target, gen_event_state((enum gen_ev_kind)ev->kind), ev->t);
	}
}

static void alerts_of_day(struct run *R, pst_time day)
{
	uint32_t n = gen_below(&R->rng, 2 + (uint32_t)(R->e.nres / 200)), i;

	for (i = 0; i < n; i++) {
		pst_time t = day + 1000 * ((pst_time)(i + 1) * 80000 / (n + 1) + gen_below(&R->rng, 600));

		if (R->stream_open)
			gen_ce_alert(&R->stream.buf, &R->e, &R->rng, t);
	}
	if (R->stream_open)
		gen_sink_flush(&R->stream, false);
}

static void run_day(struct run *R, pst_time day)
{
	struct gen_plan *p = &R->plan;

	while (p->next < p->n && p->ev[p->next].t < day + PST_MS_PER_DAY)
		apply(R, &p->ev[p->next++]);
	alerts_of_day(R, day);
}

static int write_expected(struct run *R, pst_time t0, pst_time t1)
{
	const struct gen_truth *tr = &R->truth;
	struct strbuf path = STRBUF_INIT;
	struct gen_sink s;
	char a[PST_TIME_BUF], b[PST_TIME_BUF];
	const struct gen_sub *un = &R->e.subs[R->plan.frozen_sub];
	int c, rc;

	pst_time_format(t0, a, sizeof(a));
	pst_time_format(t1, b, sizeof(b));
	strbuf_addf(&path, "%s/.expected/period-%.7s.tsv", R->o->out, a);
	rc = gen_sink_open(&s, path.buf, 0, R->err);
	if (rc)
		goto out;
	strbuf_addf(&s.buf, "# ground truth of `posture diff --period %.7s` (see README)\n"
		    "# T0 = %s, T1 = %s: state as of T holds every record at or before T\n"
		    "# not covered at T1: subscription %s (%s)\n", a, a, b, un->id, un->name);
	for (c = 0; c < GC__COUNT; c++) {
		strbuf_addf(&s.buf, "%s\t%llu\n", gen_class_name((enum gen_class)c),
			    (unsigned long long)tr->count[c]);
		R->rep->empty_classes += tr->count[c] == 0;
	}
	strbuf_addf(&s.buf, "unhealthy_t0\t%llu\nunhealthy_t1\t%llu\nclosed\t%llu\nopened\t%llu\n",
		    (unsigned long long)tr->unhealthy_t0, (unsigned long long)tr->unhealthy_t1,
		    (unsigned long long)tr->closed, (unsigned long long)tr->opened);
	rc = gen_sink_close(&s, R->err);
out:
	strbuf_release(&path);
	return rc;
}

static int open_stream(struct run *R, pst_time t)
{
	struct strbuf path = STRBUF_INIT;
	int rc;

	if (!(R->o->formats & GEN_F_CE))
		return PST_OK;
	gen_path(&path, &R->ctx, "ce", "stream", t, R->ctx.zlevel ? ".ndjson.gz" : ".ndjson");
	rc = gen_sink_open(&R->stream, path.buf, R->ctx.zlevel, R->err);
	strbuf_release(&path);
	R->stream_open = rc == PST_OK;
	R->nstreams++;
	return rc;
}

static int close_stream(struct run *R)
{
	if (!R->stream_open)
		return PST_OK;
	R->stream_open = false;
	return gen_sink_close(&R->stream, R->err);
}

/* Which other shapes are written at the end of month m. */
static bool alt_due(const struct run *R, int slot)
{
	int last = R->o->months - 1;

	return R->month == (slot < last ? slot : last);
}

static int month_end_exports(struct run *R, pst_time t, uint32_t skip)
{
	unsigned f = R->o->formats;
	int rc = PST_OK;

	if ((f & GEN_F_PORTAL) && alt_due(R, 0))
		rc = gen_portal_csv(&R->ctx, t, skip, false);
	if (!rc && (f & GEN_F_PORTAL) && R->o->months > 1 && alt_due(R, 1))
		rc = gen_portal_csv(&R->ctx, t, skip, true);
	if (!rc && (f & GEN_F_LA) && alt_due(R, 2))
		rc = gen_la_csv(&R->ctx, t, skip);
	if (!rc && (f & GEN_F_LA) && alt_due(R, 2))
		rc = gen_la_paths(&R->ctx, t, skip);
	if (!rc && (f & GEN_F_REST) && alt_due(R, 3))
		rc = gen_rest_lists(&R->ctx, t, skip);
	if (!rc && (f & GEN_F_ARG) && alt_due(R, 4))
		rc = gen_arg_result(&R->ctx, t, skip);
	if (!rc && (f & GEN_F_ARG) && alt_due(R, 4))
		rc = gen_arg_paths(&R->ctx, t, skip);
	if (!rc && (f & GEN_F_REST))
		rc = gen_exemptions(&R->ctx, t, skip);
	return rc;
}

static bool snapshot_day(pst_time t, pst_time start, bool *last)
{
	int64_t y;
	unsigned m, d;

	pst_civil_from_days(t / PST_MS_PER_DAY, &y, &m, &d);
	*last = pst_month_next(t) - PST_MS_PER_DAY == t;
	return t == start || d == 8 || d == 15 || d == 22 || *last;
}

static int snapshot(struct run *R, pst_time t, bool last)
{
	uint32_t skip = last ? R->plan.frozen_sub : NO_SUB;
	int rc = close_stream(R);

	if (!rc && (R->o->formats & GEN_F_CE))
		rc = gen_ce_snapshot(&R->ctx, t, skip);
	if (!rc && last)
		rc = month_end_exports(R, t, skip);
	return rc ? rc : open_stream(R, t);
}

static int month_start(struct run *R, pst_time t)
{
	int rc = PST_OK;

	if (R->month >= 0) {
		gen_truth_classify(&R->truth, &R->e, R->plan.frozen_sub);
		rc = write_expected(R, pst_month_start(t - 1), t);
	}
	R->month++;
	if (rc || R->month == R->o->months)
		return rc;
	gen_truth_capture(&R->truth, &R->e);
	gen_plan_month(&R->plan, &R->e, &R->rng, t, pst_month_next(t),
		       (uint32_t)((unsigned)R->month % R->e.nsubs));
	return PST_OK;
}

static int timeline(struct run *R)
{
	pst_time t;
	bool last;
	int rc = PST_OK;

	for (t = R->o->start; rc == PST_OK; t += PST_MS_PER_DAY) {
		if (t == pst_month_start(t)) {
			rc = month_start(R, t);
			if (rc || R->month == R->o->months)
				break;
		}
		/* the alias recommendation takes its new key mid-way through the last month */
		R->e.renamed = R->month == R->o->months - 1 && t >= pst_month_start(t) + 14 * PST_MS_PER_DAY;
		if (snapshot_day(t, R->o->start, &last))
			rc = snapshot(R, t, last);
		if (!rc)
			run_day(R, t);
	}
	return rc ? rc : close_stream(R);
}

static pst_time last_month(const struct gen_opts *o)
{
	pst_time t = o->start;
	int m;

	for (m = 1; m < o->months; m++)
		t = pst_month_next(t);
	return t;
}

/* Small estates compress well (committed samples); large ones fast. */
static int zlevel(const struct gen_opts *o)
{
	if (!o->gzip)
		return 0;
	return o->resources > 5000 ? 1 : 9;
}

int gen_run(const struct gen_opts *o, struct gen_report *rep, struct pst_error *err)
{
	struct run R;
	int rc;

	memset(&R, 0, sizeof(R));
	memset(rep, 0, sizeof(*rep));
	R.o = o;
	R.err = err;
	R.rep = rep;
	R.month = -1;
	gen_catalog_init(&R.cat);
	gen_estate_init(&R.e, &R.cat, o->seed, o->subscriptions, o->resources, o->start);
	gen_rng_init(&R.rng, o->seed, 2);
	R.ctx = (struct gen_ctx){&R.e, &R.cat, zlevel(o), o->out, err};
	rc = gen_write_readme(o->out, err);
	if (!rc)
		rc = timeline(&R);
	if (!rc && (o->formats & GEN_F_AVRO))
		rc = gen_avro_month(&R.ctx, last_month(o), err);
	if (R.stream_open)
		gen_sink_abort(&R.stream);
	gen_truth_release(&R.truth);
	gen_plan_release(&R.plan);
	gen_estate_release(&R.e);
	gen_catalog_release(&R.cat);
	return rc;
}
