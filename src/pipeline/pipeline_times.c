/* pipeline_times.c: T0 and T1 from the options or the command's default
 * rule (pipeline.h). */
#include <stdio.h>
#include "posture/pipeline.h"

/* One calendar month before t (the day clamped to the month's length). */
static pst_time month_before(pst_time t)
{
	int64_t days = t >= 0 ? t / PST_MS_PER_DAY : -((-t + PST_MS_PER_DAY - 1) / PST_MS_PER_DAY);
	pst_time rest = t - days * PST_MS_PER_DAY;
	int64_t y, start;
	unsigned m, d, len;

	pst_civil_from_days(days, &y, &m, &d);
	if (m == 1) {
		y--;
		m = 12;
	} else {
		m--;
	}
	start = pst_days_from_civil(y, m, 1);
	len = (unsigned)(pst_days_from_civil(m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1, 1) - start);
	return (start + (d < len ? d : len) - 1) * PST_MS_PER_DAY + rest;
}

/* The last whole month in the data.  A month is whole when the data reaches
 * its last day (month-end exports are made on that day): data ending on
 * 10-31 gives October; ending on 10-20 or at 11-01T00:00, the month before
 * the one holding the last record (for 11-01T00:00, October). */
static void period_of(pst_time end, char period[8])
{
	bool last_day = pst_month_start(end + PST_MS_PER_DAY) != pst_month_start(end);
	pst_time start = last_day ? pst_month_start(end) : pst_month_start(pst_month_start(end) - 1);
	char buf[32];
	int64_t y;
	unsigned m, d;

	pst_civil_from_days(start / PST_MS_PER_DAY, &y, &m, &d);
	snprintf(buf, sizeof(buf), "%04lld-%02u", (long long)y, m);
	pst_strlcpy(period, buf, 8);
}

static int period_times(const char *period, pst_time *t0, pst_time *t1, struct pst_error *err)
{
	if (!pst_period_parse(period, t0, t1))
		return pst_fail(err, PST_EUSAGE, "--period: expected YYYY-MM, not '%s'", period);
	return PST_OK;
}

/* Whether the rule needs the timeline for what the options leave open. */
static bool needs_timeline(const struct pst_pipeline_request *rq)
{
	if (rq->period)
		return false;
	if (rq->rule == PST_TIMES_SNAPSHOTS)
		return rq->from == PST_TIME_NONE || rq->to == PST_TIME_NONE;
	if (rq->rule == PST_TIMES_LAST_MONTH)
		return rq->from == PST_TIME_NONE && rq->to == PST_TIME_NONE;
	return rq->to == PST_TIME_NONE;
}

static int month_times(const struct pst_pipeline_request *rq, const struct pst_timeline *tl, pst_time *t0,
                       pst_time *t1, struct pst_error *err)
{
	pst_time unused;

	if (rq->to != PST_TIME_NONE)
		*t1 = rq->to;
	else if (tl->tmin == PST_TIME_NONE)
		return pst_fail(err, PST_EDATA, "no data: no dated record was read from the inputs");
	else
		pst_timeline_pick(tl, PST_TIME_NONE, PST_TIME_NONE, &unused, t1);
	*t0 = rq->from != PST_TIME_NONE ? rq->from : month_before(*t1);
	return PST_OK;
}

static int pick(const struct pst_pipeline_request *rq, const struct pst_timeline *tl, pst_time *t0, pst_time *t1,
                char period[8], struct pst_error *err)
{
	if (rq->period)
		return period_times(rq->period, t0, t1, err);
	if (rq->rule == PST_TIMES_SNAPSHOTS) {
		if (tl)
			pst_timeline_pick(tl, rq->from, rq->to, t0, t1);
		else
			*t0 = rq->from, *t1 = rq->to;
		return PST_OK;
	}
	if (rq->rule == PST_TIMES_LAST_MONTH && rq->from == PST_TIME_NONE && rq->to == PST_TIME_NONE) {
		if (tl->tmax == PST_TIME_NONE)
			return pst_fail(err, PST_EDATA, "no data: no dated record was read from the inputs");
		period_of(tl->tmax, period);
		return period_times(period, t0, t1, err);
	}
	return month_times(rq, tl, t0, t1, err);
}

int pst_pipeline_times(const struct pst_pipeline_request *rq, const struct pst_timeline *tl, pst_time *t0,
                       pst_time *t1, char period[8], struct pst_error *err)
{
	struct pst_read_opts opts = {.skip_bad = rq->skip_bad, .now = rq->generated_at, .jobs = 1, .progress = rq->progress};
	struct pst_timeline own;
	int rc;

	period[0] = '\0';
	if (rq->period)
		pst_strlcpy(period, rq->period, 8);
	if (tl || !needs_timeline(rq))
		return pick(rq, tl, t0, t1, period, err);
	pst_timeline_init(&own);
	rc = pst_pipeline_scan(&own, rq->paths, rq->npaths, &opts, err);
	if (rc == PST_OK)
		rc = pick(rq, &own, t0, t1, period, err);
	pst_timeline_release(&own);
	return rc;
}

/* ---- honest periods: refuse what the data does not cover ---- */

#define COVER_SLACK ((pst_time)PST_SCORE_FRESH_DAYS * PST_MS_PER_DAY)

/* "2027-03", or T1's date when no period was named. */
static const char *period_label(const struct pst_pipeline *p, char *buf, size_t size)
{
	if (p->period[0])
		return p->period;
	return pst_date_format(p->t1, buf, size);
}

/* The data cannot say anything about T1: none at all, none at or before
 * it, or none for more than PST_SCORE_FRESH_DAYS before it. */
static bool t1_uncovered(const struct pst_timeline *tl, pst_time t1)
{
	return tl->tmin == PST_TIME_NONE || tl->tmin > t1 || t1 > tl->tmax + COVER_SLACK;
}

/* Fails with why (PST_EDATA), or with --allow-partial records it as a
 * warning and goes on. */
static int refuse(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err,
                  const char *why)
{
	if (!rq->allow_partial)
		return pst_fail(err, PST_EDATA, "%s", why);
	pst_diags_add(&p->notes, PST_DC_PARTIAL, NULL, "%s (--allow-partial: shown anyway)", why);
	return PST_OK;
}

static int check_t1(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	const struct pst_timeline *tl = &p->e.timeline;
	char a[PST_TIME_BUF], b[PST_TIME_BUF], l[PST_TIME_BUF], why[PST_ERRMSG_MAX];

	if (tl->tmin == PST_TIME_NONE)
		return refuse(p, rq, err, "no data: no dated record was read from the inputs");
	if (!t1_uncovered(tl, p->t1))
		return PST_OK;
	snprintf(why, sizeof(why), "no data for %s: the inputs span %s .. %s", period_label(p, l, sizeof(l)),
	         pst_date_format(tl->tmin, a, sizeof(a)), pst_date_format(tl->tmax, b, sizeof(b)));
	return refuse(p, rq, err, why);
}

/* diff and verify: two snapshot times to compare, and data at T0. */
static int check_t0(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	const struct pst_timeline *tl = &p->e.timeline;
	const struct pst_state *s0 = pst_pipeline_state(p, p->t0);
	char a[PST_TIME_BUF], b[PST_TIME_BUF], why[PST_ERRMSG_MAX];

	if (tl->nrounds == 1 && !tl->stream_events) {
		snprintf(why, sizeof(why), "one snapshot time, %s: nothing to compare",
		         pst_time_format(tl->rounds[0].tmax, a, sizeof(a)));
		return refuse(p, rq, err, why);
	}
	if (s0 && pst_state_count(s0))
		return PST_OK;
	snprintf(why, sizeof(why), "no data at or before the start of the period, %s: the first record is of %s: nothing to compare with",
	         pst_time_format(p->t0, a, sizeof(a)), pst_date_format(tl->tmin, b, sizeof(b)));
	return refuse(p, rq, err, why);
}

int pst_pipeline_check(struct pst_pipeline *p, const struct pst_pipeline_request *rq, struct pst_error *err)
{
	int rc;

	if (rq->want & (PST_WANT_SOURCES | PST_WANT_TEAMS))
		return PST_OK;
	rc = check_t1(p, rq, err);
	if (rc == PST_OK && rq->rule == PST_TIMES_SNAPSHOTS)
		rc = check_t0(p, rq, err);
	return rc;
}
