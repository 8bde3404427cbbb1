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
		return pst_fail(err, PST_EDATA, "no dated record in the input: give --to or --period");
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
			return pst_fail(err, PST_EDATA, "no dated record in the input: give --period");
		period_of(tl->tmax, period);
		return period_times(period, t0, t1, err);
	}
	return month_times(rq, tl, t0, t1, err);
}

int pst_pipeline_times(const struct pst_pipeline_request *rq, const struct pst_timeline *tl, pst_time *t0,
                       pst_time *t1, char period[8], struct pst_error *err)
{
	struct pst_read_opts opts = {rq->skip_bad};
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
