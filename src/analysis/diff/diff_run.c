/* diff_run.c: from paths and options to a classified diff. */
#include "posture/diff.h"

static int pick_times(const struct pst_diff_request *rq, pst_time *t0, pst_time *t1, struct pst_error *err)
{
	struct pst_timeline tl;
	struct pst_estate_opts opts = {rq->skip_bad};
	int rc;

	if (rq->period) {
		if (!pst_period_parse(rq->period, t0, t1))
			return pst_fail(err, PST_EUSAGE, "--period: expected YYYY-MM, not '%s'", rq->period);
		return PST_OK;
	}
	if (rq->from != PST_TIME_NONE && rq->to != PST_TIME_NONE) {
		*t0 = rq->from;
		*t1 = rq->to;
		return PST_OK;
	}
	pst_timeline_init(&tl);
	rc = pst_estate_scan_timeline(&tl, rq->paths, rq->npaths, &opts, err);
	if (rc == PST_OK)
		pst_timeline_pick(&tl, rq->from, rq->to, t0, t1);
	pst_timeline_release(&tl);
	return rc;
}

int pst_diff_run(struct pst_diff *d, struct pst_estate *e, struct pst_settings *set,
                 const struct pst_diff_request *rq, struct pst_error *err)
{
	struct pst_estate_opts opts = {rq->skip_bad};
	pst_time times[2];
	int rc = pst_settings_load_default(set, rq->settings_file, err);

	if (rc == PST_OK)
		rc = pick_times(rq, &times[0], &times[1], err);
	if (rc == PST_OK)
		rc = pst_estate_load(e, rq->paths, rq->npaths, times, 2, &opts, err);
	if (rc == PST_OK)
		pst_diff_compute(d, e, &e->states[0], &e->states[1], set);
	return rc;
}
