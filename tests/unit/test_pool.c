/* test_pool.c: the estate read with several reader threads equals the
 * estate read with one: the same files and counts (sources), the same
 * tables, timeline and states, whatever the read-ahead (a tiny one makes
 * every reader ahead of the consumer wait), on a generated estate whose
 * snapshot files hold many blocks of records; and a bad file stops the run
 * at the same place. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "check.h"
#include "posture/pipeline.h"
#include "posture/strbuf.h"
#include "../../src/gen/gen.h"

/* What a run read and built, as text. */
static void dump(struct strbuf *sb, const struct pst_estate *e, int rc)
{
	const struct pst_state *s = e->nstates ? &e->states[e->nstates - 1] : NULL;
	const struct pst_finding *f;
	size_t i;

	strbuf_addf(sb, "rc %d files %zu failed %zu records %llu rejected %llu\n", rc, e->sources.nfiles,
	            e->sources.failed_files, (unsigned long long)e->sources.total_records,
	            (unsigned long long)e->sources.rejected);
	for (i = 0; i < e->sources.nfiles; i++) {
		const struct pst_source *r = &e->sources.files[i];

		strbuf_addf(sb, "%s %d %llu %s %llu %d\n", r->path, (int)r->format, (unsigned long long)r->total_records,
		            r->sha256, (unsigned long long)r->rejected, r->failed);
	}
	strbuf_addf(sb, "resources %zu keys %zu scores %zu controls %zu alerts %zu gov %zu rounds %zu\n",
	            pst_strpool_count(&e->res_ids), pst_strpool_count(&e->keys), e->nscores, e->ncontrols, e->nalerts,
	            e->ngov, e->timeline.nrounds);
	for (i = 0; i < e->timeline.nrounds; i++)
		strbuf_addf(sb, "round %lld %lld\n", (long long)e->timeline.rounds[i].tmin,
		            (long long)e->timeline.rounds[i].tmax);
	for (f = s ? pst_state_next(s, NULL) : NULL; f; f = pst_state_next(s, f))
		strbuf_addf(sb, "%s %s %d %lld\n", pst_estate_resource_id(e, f->resource), pst_estate_key(e, f->key),
		            f->status, (long long)f->observed);
}

static void load(struct strbuf *sb, const char *const *paths, size_t n, unsigned jobs, size_t read_ahead,
                 bool skip_bad)
{
	struct pst_read_opts opts = {.skip_bad = skip_bad, .jobs = jobs, .read_ahead = read_ahead};
	struct pst_error err;
	struct pst_estate e;
	pst_time t1 = PST_TIME_NONE;
	int rc;

	memset(&err, 0, sizeof(err));
	pst_estate_init(&e);
	rc = pst_pipeline_load(&e, paths, n, NULL, 0, &opts, &err);
	if (e.timeline.nrounds)
		t1 = e.timeline.rounds[e.timeline.nrounds - 1].tmax;
	pst_estate_add_states(&e, &t1, 1);
	dump(sb, &e, rc);
	strbuf_addf(sb, "err %s\n", rc ? err.msg : "");
	pst_estate_release(&e);
}

static void test_same_estate(const char *dir)
{
	const char *paths[1] = {dir};
	struct strbuf one = STRBUF_INIT, many = STRBUF_INIT;
	unsigned jobs[] = {2, 3, 4};
	size_t ahead[] = {0, 1, 4096}, i;

	load(&one, paths, 1, 1, 0, false);
	if (strstr(one.buf, "rc 0 files ") != one.buf)
		fputs(one.buf, stderr);
	CHECK(strstr(one.buf, "rc 0 files ") == one.buf);
	for (i = 0; i < PST_ARRAY_LEN(jobs); i++) {
		strbuf_reset(&many);
		load(&many, paths, 1, jobs[i], ahead[i], false);
		CHECK_STR(many.buf, one.buf);
	}
	strbuf_release(&one);
	strbuf_release(&many);
}

/* A bad file between good ones: the run stops there (or skips it) alike. */
static void test_bad_file(const char *dir, const char *bad)
{
	char ce[512], portal[512];
	const char *paths[3] = {ce, bad, portal};
	struct strbuf one = STRBUF_INIT, many = STRBUF_INIT;
	int skip;

	snprintf(ce, sizeof(ce), "%s/ce", dir);
	snprintf(portal, sizeof(portal), "%s/portal", dir);
	for (skip = 0; skip < 2; skip++) {
		strbuf_reset(&one);
		strbuf_reset(&many);
		load(&one, paths, 3, 1, 0, skip);
		load(&many, paths, 3, 4, 1, skip);
		CHECK_STR(many.buf, one.buf);
		CHECK(strstr(one.buf, skip ? "rc 0 " : "rc 65 ") == one.buf);
	}
	strbuf_release(&one);
	strbuf_release(&many);
}

int main(void)
{
	char dir[] = "/tmp/posture-test-pool.XXXXXX", bad[600], cmd[700];
	struct gen_opts o;
	struct gen_report rep;
	struct pst_error err;
	pst_time end;
	FILE *fp;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return check_summary();
	}
	memset(&o, 0, sizeof(o));
	o.seed = 7;
	o.out = dir;
	pst_period_parse("2026-05", &o.start, &end);
	o.months = 1;
	o.subscriptions = 3;
	o.resources = 1200; /* about 4,000 findings a snapshot: several blocks of records */
	o.formats = GEN_F_CE | GEN_F_PORTAL;
	o.gzip = true;
	CHECK_INT(gen_run(&o, &rep, &err), PST_OK);
	snprintf(bad, sizeof(bad), "%s.bad.json", dir); /* beside the estate, not in it */
	fp = fopen(bad, "w");
	CHECK(fp != NULL);
	if (fp) {
		fputs("[{\"id\": \"x\", \"properties\": {\"status\": ", fp);
		fclose(fp);
	}
	check_current = "test_same_estate";
	test_same_estate(dir);
	check_current = "test_bad_file";
	test_bad_file(dir, bad);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s' '%s'", dir, bad);
	CHECK_INT(system(cmd), 0);
	return check_summary();
}
