/* estate_fixture.h: synthetic assessment records for the state and diff
 * tests (no readers needed). */
#ifndef ESTATE_FIXTURE_H
#define ESTATE_FIXTURE_H

#include "posture/estate.h"
#include "posture/score.h"
#include "posture/strbuf.h"

/* One assessment record.  time and first_eval are ISO strings ("" = none). */
struct fx_rec {
	const char *res, *key, *status, *cause, *time;
	enum pst_snapshot snap;
	enum pst_action act;
	unsigned file;
	const char *first_eval;
};

static inline pst_time fx_time(const char *s)
{
	pst_time t = PST_TIME_NONE;

	if (s && *s && !pst_time_parse_str(s, &t))
		t = PST_TIME_NONE;
	return t;
}

static inline void fx_add(struct pst_estate *e, const struct fx_rec *r)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT);
	rec.action = r->act ? r->act : PST_ACT_INSERT;
	rec.snapshot = r->snap;
	rec.observed = fx_time(r->time);
	rec.time_src = PST_TS_RECORD;
	rec.u.assessment.resource_id = r->res;
	rec.u.assessment.key = r->key;
	rec.u.assessment.status = pst_status_parse(r->status);
	rec.u.assessment.cause = r->cause;
	rec.u.assessment.first_eval = fx_time(r->first_eval);
	pst_estate_add(e, &rec, r->file);
}

/* Metadata: severity of a key. */
static inline void fx_meta(struct pst_estate *e, const char *key, const char *name, enum pst_severity sev)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_ASSESSMENT_META);
	rec.observed = 0;
	rec.u.meta.key = key;
	rec.u.meta.display_name = name;
	rec.u.meta.severity = sev;
	pst_estate_add(e, &rec, 0);
}

/* A secure score record of subscription sub: current of max points, percentage
 * as Defender rounds it, the given weight. */
static inline void fx_score(struct pst_estate *e, const char *sub, const char *time, double current, double max,
                            double weight)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_SECURE_SCORE);
	rec.observed = fx_time(time);
	rec.time_src = PST_TS_RECORD;
	rec.subscription_id = sub;
	rec.u.score.current = current;
	rec.u.score.max = max;
	rec.u.score.percentage = pst_score_round_fraction(current / max);
	rec.u.score.weight = weight;
	pst_estate_add(e, &rec, 0);
}

static inline void fx_gov(struct pst_estate *e, const char *res, const char *key, const char *owner, const char *due)
{
	struct pst_record rec;

	pst_record_init(&rec, PST_REC_GOVERNANCE);
	rec.observed = 0;
	rec.u.gov.resource_id = res;
	rec.u.gov.assessment_key = key;
	rec.u.gov.owner = owner;
	rec.u.gov.due_date = fx_time(due);
	pst_estate_add(e, &rec, 0);
}

/* Loads n records (forward, or backward when reverse) into e with states
 * at the given times. */
static inline void fx_load(struct pst_estate *e, const struct fx_rec *recs, size_t n, bool reverse,
                           const pst_time *times, size_t ntimes)
{
	size_t i;

	pst_estate_init(e);
	pst_estate_begin(e, times, ntimes);
	for (i = 0; i < n; i++)
		fx_add(e, &recs[reverse ? n - 1 - i : i]);
}

/* "key=Status(cause)@time" lines of a state, sorted: a canonical dump. */
static inline int fx_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static inline char *fx_dump(const struct pst_estate *e, const struct pst_state *s)
{
	const struct pst_finding *f;
	char **lines = NULL, tb[PST_TIME_BUF];
	size_t n = 0, alloc = 0, i;
	struct strbuf sb = STRBUF_INIT;

	for (f = pst_state_next(s, NULL); f; f = pst_state_next(s, f)) {
		struct strbuf l = STRBUF_INIT;
		const char *cause = pst_estate_text(e, f->cause);

		strbuf_addf(&l, "%s|%s=%s(%s)@%s", pst_estate_resource_id(e, f->resource), pst_estate_key(e, f->key),
		            pst_status_name((enum pst_status_code)f->status), cause ? cause : "",
		            pst_time_format(f->observed, tb, sizeof(tb)));
		PST_GROW(lines, alloc, n + 1);
		lines[n++] = strbuf_detach(&l);
	}
	pst_sort(lines, n, sizeof(*lines), fx_cmp_str);
	for (i = 0; i < n; i++) {
		strbuf_addf(&sb, "%s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	return strbuf_detach(&sb);
}

#endif
