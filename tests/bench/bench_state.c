/* bench_state.c: memory and time of the estate's states on synthetic
 * findings (no readers): SUBS subscriptions x RES resources x KEYS
 * assessments, two weekly snapshots folded into two states.
 *
 *   tests/bench/bench_state.sh [FINDINGS]   (default 1000000)
 * Prints bytes per finding (state table, and all in with pools and
 * tables) and the time; run under /usr/bin/time -v for the peak RSS. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "posture/estate.h"

#define SUBS 20
#define KEYS_PER_RESOURCE 10
#define KEY_TYPES 200

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void make_ids(size_t r, size_t k, char *res, size_t rsize, char *key, size_t ksize, char *sub, size_t ssize)
{
	snprintf(sub, ssize, "%08zx-1111-2222-3333-444455556666", r % SUBS);
	snprintf(res, rsize,
	         "/subscriptions/%s/resourceGroups/rg-app-%03zu/providers/Microsoft.Compute/virtualMachines/vm-%07zu",
	         sub, (r / SUBS) % 50, r);
	snprintf(key, ksize, "%08zx-aaaa-bbbb-cccc-%012zx", (r * 7 + k * 13) % KEY_TYPES, (r * 7 + k * 13) % KEY_TYPES);
}

static void feed(struct pst_estate *e, size_t nres, pst_time when, unsigned salt)
{
	static const char *const status[] = {"Healthy", "Unhealthy", "NotApplicable"};
	char res[256], key[64], sub[64];
	struct pst_record rec;
	size_t r, k;

	for (r = 0; r < nres; r++) {
		for (k = 0; k < KEYS_PER_RESOURCE; k++) {
			make_ids(r, k, res, sizeof(res), key, sizeof(key), sub, sizeof(sub));
			pst_record_init(&rec, PST_REC_ASSESSMENT);
			rec.action = PST_ACT_INSERT;
			rec.snapshot = PST_SNAP_RECORD;
			rec.observed = when + (pst_time)(r % 3600) * 1000;
			rec.subscription_id = sub;
			rec.u.assessment.resource_id = res;
			rec.u.assessment.key = key;
			rec.u.assessment.display_name = "Machines should have vulnerability findings resolved";
			rec.u.assessment.status = pst_status_parse(status[(r + k + salt) % 3]);
			rec.u.assessment.cause = (r + k + salt) % 3 == 2 ? "OffByPolicy" : NULL;
			rec.u.assessment.first_eval = when - 86400000;
			pst_estate_add(e, &rec, salt);
		}
	}
}

int main(int argc, char **argv)
{
	size_t findings = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000, nres = findings / KEYS_PER_RESOURCE;
	pst_time t0 = pst_time_make(2026, 9, 30, 6, 0, 0), t1 = pst_time_make(2026, 10, 31, 6, 0, 0);
	pst_time times[2] = {t0 + 2 * 3600 * 1000, t1 + 2 * 3600 * 1000};
	struct pst_estate e;
	size_t n0, n1, pools;
	double start = now(), loaded;

	pst_estate_init(&e);
	pst_estate_begin(&e, times, 2);
	feed(&e, nres, t0, 0);
	feed(&e, nres, t1, 1);
	pst_estate_finish(&e);
	loaded = now();
	n0 = pst_state_count(&e.states[0]);
	n1 = pst_state_count(&e.states[1]);
	pools = pst_estate_mem(&e);
	printf("records %zu, findings per state %zu / %zu, resources %zu\n", 2 * nres * KEYS_PER_RESOURCE, n0, n1,
	       pst_strpool_count(&e.res_ids) - 1);
	printf("state table: %zu bytes = %.1f bytes per finding (struct %zu bytes)\n", pst_state_mem(&e.states[1]),
	       (double)pst_state_mem(&e.states[1]) / (double)n1, sizeof(struct pst_finding));
	printf("pools and tables: %zu bytes = %.1f bytes per finding\n", pools, (double)pools / (double)n1);
	printf("all in, one state: %.1f bytes per finding\n",
	       (double)(pools + pst_state_mem(&e.states[1])) / (double)n1);
	printf("load and fold: %.2f s (%.0f records/s)\n", loaded - start,
	       (double)(2 * nres * KEYS_PER_RESOURCE) / (loaded - start));
	pst_estate_release(&e);
	return n0 == findings && n1 == findings ? 0 : 1;
}
