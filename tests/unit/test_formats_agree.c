/* test_formats_agree.c: the sample estate's month-end exports in every
 * format (portal CSV, Log Analytics CSV, REST lists, Resource Graph) read to
 * the same normalized records as the continuous-export snapshot of the same
 * day: same findings, statuses, causes, severities where both carry them,
 * and the same secure scores. */
#include <math.h>
#include <stdlib.h>
#include "check.h"
#include "posture/ingest.h"
#include "posture/strbuf.h"

#define CE "samples/estate/ce/"

struct facts {
	char **items; /* "resource|key|status|cause" lower-cased ids, sorted */
	size_t n, alloc;
	char **scores; /* "subscription|current|max" */
	size_t nscores, scores_alloc;
};

static void lower_into(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++)
		strbuf_addch(sb, (*s >= 'A' && *s <= 'Z') ? *s + 32 : *s);
}

static void push(char ***items, size_t *n, size_t *alloc, struct strbuf *sb)
{
	PST_GROW(*items, *alloc, *n + 1);
	(*items)[(*n)++] = strbuf_detach(sb);
}

static int collect(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct facts *f = ctx;
	struct strbuf sb = STRBUF_INIT;

	(void)err;
	if (rec->type == PST_REC_ASSESSMENT) {
		const struct pst_assessment *a = &rec->u.assessment;

		lower_into(&sb, a->resource_id);
		strbuf_addch(&sb, '|');
		lower_into(&sb, a->key);
		strbuf_addf(&sb, "|%s|%s", pst_status_name(a->status),
		            a->status == PST_ST_NOT_APPLICABLE && a->cause ? a->cause : "");
		push(&f->items, &f->n, &f->alloc, &sb);
	} else if (rec->type == PST_REC_SECURE_SCORE) {
		lower_into(&sb, rec->subscription_id);
		strbuf_addf(&sb, "|%.2f|%.0f", rec->u.score.current, rec->u.score.max);
		push(&f->scores, &f->nscores, &f->scores_alloc, &sb);
	}
	return PST_OK;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool read_facts(const char *path, struct facts *f)
{
	struct pst_sources ing;
	struct pst_error err = {0, ""};
	int rc;

	memset(f, 0, sizeof(*f));
	pst_sources_init(&ing);
	rc = pst_ingest_paths(&ing, &path, 1, NULL, collect, f, &err);
	if (rc != PST_OK || ing.rejected)
		printf("     %s: status %d, %llu rejected: %s\n", path, rc, (unsigned long long)ing.rejected, err.msg);
	pst_sources_release(&ing);
	if (f->n)
		pst_sort(f->items, f->n, sizeof(char *), cmp);
	if (f->nscores)
		pst_sort(f->scores, f->nscores, sizeof(char *), cmp);
	return rc == PST_OK;
}

static void free_facts(struct facts *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->items[i]);
	for (i = 0; i < f->nscores; i++)
		free(f->scores[i]);
	free(f->items);
	free(f->scores);
}

/* Same sorted lists; prints the first difference. */
static bool same_list(char **a, size_t na, char **b, size_t nb)
{
	size_t i;

	for (i = 0; i < na && i < nb; i++) {
		if (strcmp(a[i], b[i]) != 0) {
			printf("     first difference: '%s' vs '%s'\n", a[i], b[i]);
			return false;
		}
	}
	if (na != nb)
		printf("     %zu vs %zu items\n", na, nb);
	return na == nb;
}

/* scores: compare the secure scores, else the assessments. */
static void agree(const char *alt, const char *ce, bool scores)
{
	struct facts a, c;

	check_current = alt;
	CHECK(read_facts(alt, &a));
	CHECK(read_facts(ce, &c));
	if (scores) {
		CHECK(a.nscores >= 3);
		CHECK(same_list(a.scores, a.nscores, c.scores, c.nscores));
	} else {
		CHECK(a.n > 100);
		CHECK(same_list(a.items, a.n, c.items, c.n));
	}
	free_facts(&a);
	free_facts(&c);
}

int main(void)
{
	FILE *f = fopen(CE "2026-05/snapshot-2026-05-31.ndjson.gz", "rb");

	if (!f) {
		check_current = "main";
		check_one(0, "samples/estate is readable (run from the top of the tree)", __FILE__, __LINE__);
		return check_summary();
	}
	fclose(f);
	agree("samples/estate/portal/AzureSecurityCenterRecommendations_2026-05-31T00_00_00Z.csv",
	      CE "2026-05/snapshot-2026-05-31.ndjson.gz", false);
	agree("samples/estate/portal/AzureSecurityCenterRecommendations_2026-06-30T00_00_00Z.csv",
	      CE "2026-06/snapshot-2026-06-30.ndjson.gz", false);
	agree("samples/estate/la/SecurityRecommendation_2026-07-31T00_00_00Z.csv",
	      CE "2026-07/snapshot-2026-07-31.ndjson.gz", false);
	agree("samples/estate/la/SecureScores_2026-07-31T00_00_00Z.csv", CE "2026-07/snapshot-2026-07-31.ndjson.gz",
	      true);
	agree("samples/estate/rest/assessments-2026-08-31.json", CE "2026-08/snapshot-2026-08-31.ndjson.gz", false);
	agree("samples/estate/rest/secureScores-2026-08-31.json", CE "2026-08/snapshot-2026-08-31.ndjson.gz", true);
	agree("samples/estate/arg/securityresources-2026-09-30.json", CE "2026-09/snapshot-2026-09-30.ndjson.gz",
	      false);
	return check_summary();
}
