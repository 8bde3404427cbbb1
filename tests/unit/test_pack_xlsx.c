/* test_pack_xlsx.c: the review workbook (pst_render_xlsx) on the synthetic
 * review of review_fixture.h.  Unit checks of errors, determinism, empty
 * reviews and atomic writes; with `--write DIR [--big N]` it writes the
 * workbooks, the findings as `posture diff --format csv` and the expected
 * row counts for tests/sh/test_pack_xlsx.sh to read back with openpyxl:
 *   all.xlsx, all-again.xlsx, team-T.xlsx (T = 0..3), rows.xlsx (100 rows
 *   and 40 links a sheet), diff.csv, diff-team-1.csv, facts.txt, and with
 *   --big N: big.xlsx, N findings (constant memory), and big-facts.txt. */
#include "check.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>
#include "posture/pack_xlsx.h"
#include "review_fixture_xlsx.h"
#include "test_file_util.h"

#define NTEAMS 4
#define NFINDINGS 600

static char *join(const char *dir, const char *name)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addf(&sb, "%s/%s", dir, name);
	return strbuf_detach(&sb);
}

static bool exists(const char *path)
{
	return access(path, F_OK) == 0;
}

static int render_to(const struct pst_review *r, size_t team, const struct pst_render_xlsx_opts *o,
                     const char *dir, const char *name, struct pst_error *err)
{
	char *path = join(dir, name);
	int rc = pst_render_xlsx(r, team, o, path, err);

	if (rc)
		fprintf(stderr, "test_pack_xlsx: %s\n", err->msg);
	free(path);
	return rc;
}

static void test_deterministic(const char *dir)
{
	struct pst_review r;
	struct pst_error err = {0};
	char *a = join(dir, "a.xlsx"), *b = join(dir, "b.xlsx"), *t = join(dir, "t.xlsx");

	xfx_build(&r, NTEAMS, NFINDINGS);
	CHECK_INT(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, a, &err), PST_OK);
	CHECK_INT(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, b, &err), PST_OK);
	CHECK(same_file(a, b));
	CHECK_INT(pst_render_xlsx(&r, 2, NULL, t, &err), PST_OK);
	CHECK(!same_file(a, t)); /* the team's form is another book */
	r.generated_at += 1000;   /* the creation date is in the file */
	CHECK_INT(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, b, &err), PST_OK);
	CHECK(!same_file(a, b));
	CHECK_INT(count_entries(dir), 3); /* no temporary file left */
	unlink(a);
	unlink(b);
	unlink(t);
	pst_review_release(&r);
	free(a);
	free(b);
	free(t);
}

static void test_errors(const char *dir)
{
	struct pst_review r;
	struct pst_error err = {0};
	char *path = join(dir, "e.xlsx"), *blocked = join(dir, "file/e.xlsx"), *file = join(dir, "file");
	FILE *fp;

	xfx_build(&r, NTEAMS, 50);
	CHECK_INT(pst_render_xlsx(&r, NTEAMS, NULL, path, &err), PST_ESOFTWARE);
	CHECK(strstr(err.msg, "team 4 of 4") != NULL);
	r.generated_at = PST_TIME_NONE;
	CHECK_INT(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, path, &err), PST_ESOFTWARE);
	CHECK(strstr(err.msg, "no generation time") != NULL);
	CHECK(!exists(path));
	r.generated_at = pst_time_make(2026, 11, 2, 6, 0, 0);
	fp = fopen(file, "w"); /* a file where the folder should be */
	if (fp)
		fclose(fp);
	CHECK(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, blocked, &err) != PST_OK);
	CHECK(strstr(err.msg, "file") != NULL);
	CHECK_INT(count_entries(dir), 1);
	unlink(file);
	pst_review_release(&r);
	free(path);
	free(blocked);
	free(file);
}

/* A review with nothing in it still makes every sheet (headers only). */
static void test_empty(const char *dir)
{
	struct pst_review r;
	struct pst_error err = {0};
	char *path = join(dir, "empty.xlsx");

	pst_review_init(&r);
	r.generated_at = pst_time_make(2026, 11, 2, 6, 0, 0);
	r.score_now = r.score_prev = NAN;
	CHECK_INT(pst_render_xlsx(&r, PST_REVIEW_NO_TEAM, NULL, path, &err), PST_OK);
	CHECK(exists(path));
	unlink(path);
	pst_review_release(&r);
	free(path);
}

static int write_text(const char *dir, const char *name, const struct pst_review *r, size_t team,
                      void (*fn)(const struct pst_review *, size_t, FILE *))
{
	char *path = join(dir, name);
	FILE *fp = fopen(path, "w");

	free(path);
	if (!fp)
		return 1;
	fn(r, team, fp);
	return fclose(fp) != 0;
}

static void facts_all(const struct pst_review *r, size_t unused, FILE *fp)
{
	size_t t;

	(void)unused;
	xfx_facts(r, PST_REVIEW_NO_TEAM, fp);
	for (t = 0; t < r->nteams; t++)
		xfx_facts(r, t, fp);
}

static int write_books(const char *dir, struct pst_error *err)
{
	struct pst_render_xlsx_opts small = {.max_rows = 100, .max_links = 40};
	struct pst_review r;
	char name[32];
	size_t t;
	int rc;

	xfx_build(&r, NTEAMS, NFINDINGS);
	rc = render_to(&r, PST_REVIEW_NO_TEAM, NULL, dir, "all.xlsx", err);
	rc = rc ? rc : render_to(&r, PST_REVIEW_NO_TEAM, NULL, dir, "all-again.xlsx", err);
	rc = rc ? rc : render_to(&r, PST_REVIEW_NO_TEAM, &small, dir, "rows.xlsx", err);
	for (t = 0; t < r.nteams && rc == PST_OK; t++) {
		snprintf(name, sizeof(name), "team-%zu.xlsx", t);
		rc = render_to(&r, t, NULL, dir, name, err);
	}
	rc = rc ? rc : write_text(dir, "diff.csv", &r, PST_REVIEW_NO_TEAM, xfx_diff_csv);
	rc = rc ? rc : write_text(dir, "diff-team-1.csv", &r, 1, xfx_diff_csv);
	rc = rc ? rc : write_text(dir, "facts.txt", &r, 0, facts_all);
	pst_review_release(&r);
	return rc;
}

static int write_big(const char *dir, const char *n, struct pst_error *err)
{
	struct pst_review r;
	int64_t nfindings;
	int rc;

	if (!pst_parse_i64(n, &nfindings) || nfindings <= 0)
		return 1;
	xfx_build(&r, NTEAMS, (size_t)nfindings);
	rc = render_to(&r, PST_REVIEW_NO_TEAM, NULL, dir, "big.xlsx", err);
	rc = rc ? rc : write_text(dir, "big-facts.txt", &r, PST_REVIEW_NO_TEAM, xfx_facts);
	pst_review_release(&r);
	return rc;
}

static char *test_dir;

static void test_books(void)
{
	test_deterministic(test_dir);
	test_errors(test_dir);
	test_empty(test_dir);
}

int main(int argc, char **argv)
{
	char dir[] = "/tmp/pst-pack-xlsx-XXXXXX";

	if (argc >= 3 && strcmp(argv[1], "--write") == 0) {
		struct pst_error err = {0};
		int rc = write_books(argv[2], &err);

		if (rc == PST_OK && argc == 5 && strcmp(argv[3], "--big") == 0)
			rc = write_big(argv[2], argv[4], &err);
		return rc ? 1 : 0;
	}
	test_dir = mkdtemp(dir);
	if (!test_dir) {
		printf("FAIL cannot make a temporary folder\n");
		return 1;
	}
	RUN(test_books);
	rmdir(test_dir);
	return check_summary();
}
