/* test_history.c: states made from the per-finding history equal the
 * states folded record by record (pst_state_put), at every time, whatever
 * the order the records come in: ties, conflicts, deletes, repeats. */
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "posture/history.h"
#include "posture/strpool.h"

#define NREC 4000
#define NTIMES 9

static uint64_t rnd_state = 88172645463325252u;

static uint32_t rnd(uint32_t n)
{
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 7;
	rnd_state ^= rnd_state << 17;
	return (uint32_t)(rnd_state % n);
}

/* A record's finding as estate_add folds it. */
static void make(struct pst_finding *f, const uint32_t *causes)
{
	memset(f, 0, sizeof(*f));
	f->resource = 1 + rnd(40);
	f->key = 1 + rnd(6);
	f->observed = (pst_time)rnd(20) * 3600000; /* few times: many ties */
	f->first_eval = rnd(3) ? (pst_time)rnd(4) * 1000 : PST_TIME_NONE;
	f->status_change = rnd(2) ? (pst_time)rnd(4) * 1000 : PST_TIME_NONE;
	f->cause = causes[rnd(3)];
	f->status = (uint8_t)(1 + rnd(3));
	f->risk = (uint8_t)rnd(PST_RISK_CRITICAL + 1);
	f->risk_factors = rnd(2) ? causes[rnd(3)] : 0;
	if (rnd(10) == 0)
		f->flags |= PST_FND_DELETED;
	if (rnd(2))
		f->flags |= PST_FND_SNAPSHOT;
	f->first_unhealthy = (f->status == PST_ST_UNHEALTHY && !(f->flags & PST_FND_DELETED)) ? f->observed
	                                                                                      : PST_TIME_NONE;
}

static int same_finding(const struct pst_finding *a, const struct pst_finding *b)
{
	return a->observed == b->observed && a->first_eval == b->first_eval && a->status_change == b->status_change &&
	       a->first_unhealthy == b->first_unhealthy && a->cause == b->cause && a->status == b->status &&
	       a->flags == b->flags && a->risk == b->risk && a->risk_factors == b->risk_factors;
}

/* Every slot of a (tombstones included) is in b with the same fields, and
 * both hold as many. */
static void check_equal(const struct pst_state *a, const struct pst_state *b, int *bad)
{
	size_t i, n = 0;

	for (i = 0; i < a->cap; i++) {
		const struct pst_finding *x = &a->slots[i], *y;
		size_t j;

		if (!x->resource)
			continue;
		n++;
		for (j = 0, y = NULL; j < b->cap && !y; j++)
			if (b->slots[j].resource == x->resource && b->slots[j].key == x->key)
				y = &b->slots[j];
		if (!y || !same_finding(x, y))
			(*bad)++;
	}
	if (n != b->used)
		(*bad)++;
}

static void test_equals_fold(void)
{
	struct pst_strpool text;
	struct pst_history h;
	struct pst_finding *recs = xcalloc(NREC, sizeof(*recs));
	uint32_t causes[3];
	size_t i, t;
	int bad = 0, conflicts = 0, tombs = 0;

	pst_strpool_init(&text, false);
	causes[0] = 0;
	causes[1] = pst_strpool_intern(&text, "Exempt");
	causes[2] = pst_strpool_intern(&text, "OffByPolicy");
	pst_history_init(&h);
	for (i = 0; i < NREC; i++) {
		make(&recs[i], causes);
		if (i % 7 == 3)
			recs[i] = recs[i - 1]; /* the same fact read twice */
		pst_history_add(&h, &recs[i]);
	}
	pst_history_finish(&h);
	CHECK_INT(pst_history_findings(&h), 240);
	CHECK(pst_history_versions(&h) < NREC); /* repeats dropped */
	for (t = 0; t < NTIMES; t++) {
		struct pst_state direct, made;
		pst_time at = (pst_time)(t * 5 - 2) * 3600000 / 2; /* before, on and between record times */

		pst_state_init(&direct, at, &text);
		pst_state_init(&made, at, &text);
		for (i = NREC; i-- > 0;) /* folded in reverse: the order must not matter */
			if (recs[i].observed <= at)
				pst_state_put(&direct, &recs[i]);
		pst_history_state(&h, &made);
		check_equal(&direct, &made, &bad);
		check_equal(&made, &direct, &bad);
		for (i = 0; i < direct.cap; i++) {
			conflicts += (direct.slots[i].flags & PST_FND_CONFLICT) != 0;
			tombs += direct.slots[i].resource && (direct.slots[i].flags & PST_FND_DELETED);
		}
		pst_state_release(&direct);
		pst_state_release(&made);
	}
	CHECK_INT(bad, 0);
	CHECK(conflicts > 0); /* the cases that matter were exercised */
	CHECK(tombs > 0);
	pst_history_release(&h);
	pst_strpool_release(&text);
	free(recs);
}

/* Empty history, and a time before every record: empty states. */
static void test_empty(void)
{
	struct pst_history h;
	struct pst_state s;
	struct pst_finding f;

	pst_history_init(&h);
	pst_history_finish(&h);
	pst_state_init(&s, 0, NULL);
	pst_history_state(&h, &s);
	CHECK_INT(s.used, 0);
	pst_history_release(&h);
	pst_history_init(&h);
	memset(&f, 0, sizeof(f));
	f.resource = f.key = 1;
	f.observed = 1000;
	f.status = PST_ST_HEALTHY;
	pst_history_add(&h, &f);
	pst_history_finish(&h);
	pst_history_state(&h, &s);
	CHECK_INT(s.used, 0);
	s.at = 1000;
	pst_history_state(&h, &s);
	CHECK_INT(pst_state_count(&s), 1);
	CHECK(pst_history_mem(&h) > 0);
	pst_state_release(&s);
	pst_history_release(&h);
}

/* Memory: a finding read in two snapshots (one content) costs less in the
 * history than one slot of a state holds. */
static void test_compact(void)
{
	struct pst_history h;
	struct pst_finding f;
	uint32_t i;

	pst_history_init(&h);
	memset(&f, 0, sizeof(f));
	for (i = 1; i <= 100000; i++) {
		f.resource = i;
		f.key = 1;
		f.first_eval = 5000;
		f.status = PST_ST_HEALTHY;
		f.observed = 1000;
		pst_history_add(&h, &f);
		f.observed = 2000;
		pst_history_add(&h, &f);
	}
	pst_history_finish(&h);
	CHECK_INT(pst_history_versions(&h), 200000);
	CHECK_INT(h.ncontents, 1);
	CHECK(pst_history_mem(&h) < 100000 * 64); /* < 64 B a finding: under one state's 64-130 */
	pst_history_release(&h);
}

int main(void)
{
	RUN(test_equals_fold);
	RUN(test_empty);
	RUN(test_compact);
	return check_summary();
}
