/* test_pack_pdf.c: the PDF review pack (pst_render_pdf) on the synthetic
 * review of review_fixture.h.  Unit checks of errors, determinism and empty
 * reviews; with `--render OUT.pdf [OPTIONS]` it writes a pack for
 * tests/sh/test_pack_pdf.sh to inspect with qpdf and poppler:
 *   --teams N  --findings M  --alerts K  --team T (the per-team form)
 *   --letter   --empty (no warnings, no goals) */
#include "check.h"

#include <dirent.h>
#include <stdlib.h>
#include <unistd.h>
#include "posture/pack_pdf.h"
#include "review_fixture.h"
#include "test_file_util.h"
#include "../../src/render/pdf/pack_pdf_int.h"

struct render_args {
	struct rfx_params params;
	size_t team;
	struct pst_render_pdf_opts opts;
	const char *path;
};

static int render(const struct render_args *a, struct pst_error *err)
{
	struct pst_review r;
	int rc;

	pst_review_init(&r);
	rfx_build(&r, &a->params);
	rc = pst_render_pdf(&r, a->team, &a->opts, a->path, err);
	pst_review_release(&r);
	return rc;
}

static void args_init(struct render_args *a, size_t nteams, size_t nfindings, const char *path)
{
	rfx_params_init(&a->params, nteams, nfindings);
	a->team = PST_REVIEW_NO_TEAM;
	pst_render_pdf_opts_init(&a->opts);
	a->path = path;
}

static bool size_arg(const char *s, size_t *out)
{
	int64_t v;

	if (!pst_parse_i64(s, &v) || v < 0)
		return false;
	*out = (size_t)v;
	return true;
}

static int parse_args(struct render_args *a, int argc, char **argv)
{
	int i;

	args_init(a, 4, 500, argv[2]);
	for (i = 3; i < argc; i++) {
		bool ok = true;

		if (strcmp(argv[i], "--letter") == 0)
			a->opts.paper = PST_PAPER_LETTER;
		else if (strcmp(argv[i], "--empty") == 0)
			a->params.warnings = a->params.goals = false;
		else if (i + 1 < argc && strcmp(argv[i], "--teams") == 0)
			ok = size_arg(argv[++i], &a->params.nteams);
		else if (i + 1 < argc && strcmp(argv[i], "--findings") == 0)
			ok = size_arg(argv[++i], &a->params.nfindings);
		else if (i + 1 < argc && strcmp(argv[i], "--alerts") == 0)
			ok = size_arg(argv[++i], &a->params.nalerts);
		else if (i + 1 < argc && strcmp(argv[i], "--team") == 0)
			ok = size_arg(argv[++i], &a->team);
		else
			ok = false;
		if (!ok) {
			fprintf(stderr, "test_pack_pdf: bad argument '%s'\n", argv[i]);
			return 2;
		}
	}
	return 0;
}

/* ---- helpers ---- */

/* ---- the fixture itself ---- */

static void test_fixture(void)
{
	struct rfx_params p;
	struct pst_review r, again;
	int64_t open = 0, seen[PST_SEV_CRITICAL + 1] = {0};
	size_t i, c;

	rfx_params_init(&p, 4, 500);
	pst_review_init(&r);
	pst_review_init(&again);
	rfx_build(&r, &p);
	rfx_build(&again, &p);
	CHECK_INT(r.nteams, 4);
	CHECK_INT(r.nfindings, 500);
	CHECK_INT(r.ntrend, 12);
	CHECK_STR(r.teams[0].name, "Équipe réseau");
	CHECK_INT(r.unhealthy_t0 - r.closed + r.opened, r.unhealthy_t1);
	for (c = 0; c < PST_CLASS__COUNT; c++)
		CHECK(r.by_class[c] > 0);
	for (i = 0; i < r.nfindings; i++) {
		open += pst_review_finding_open(&r.findings[i]);
		seen[r.findings[i].severity]++;
		CHECK(strlen(r.findings[i].resource_id) > 120);
	}
	for (c = 0; c <= PST_SEV_CRITICAL; c++)
		CHECK(seen[c] > 0);
	CHECK_INT(open, r.unhealthy_t1);
	for (c = 1; c < r.ncontrols; c++)
		CHECK(r.controls[c - 1].gain >= r.controls[c].gain);
	CHECK_STR(again.findings[499].resource_id, r.findings[499].resource_id); /* deterministic */
	CHECK(r.overall_goal != NULL && r.teams[0].goal != NULL && r.teams[1].goal == NULL);
	pst_review_release(&r);
	pst_review_release(&again);
}

/* ---- the formatting helpers ---- */

static void test_format(void)
{
	struct strbuf sb = STRBUF_INIT;

	pack_num(&sb, 0);
	strbuf_addch(&sb, ' ');
	pack_num(&sb, 999);
	strbuf_addch(&sb, ' ');
	pack_num(&sb, 1000);
	strbuf_addch(&sb, ' ');
	pack_num(&sb, -1234567);
	CHECK_STR(sb.buf, "0 999 1,000 -1,234,567");
	strbuf_reset(&sb);
	pack_pct(&sb, 61.25);
	strbuf_addch(&sb, ' ');
	pack_pct(&sb, NAN);
	strbuf_addch(&sb, ' ');
	pack_points(&sb, 3.44, true);
	strbuf_addch(&sb, ' ');
	pack_points(&sb, -0.01, true);
	strbuf_addch(&sb, ' ');
	pack_points(&sb, -2.0, true);
	CHECK_STR(sb.buf, "61.25% n/a +3.4 0.0 -2.0");
	strbuf_reset(&sb);
	pack_end_date(&sb, pst_time_make(2026, 11, 1, 0, 0, 0)); /* an exclusive end */
	strbuf_addch(&sb, ' ');
	pack_end_date(&sb, pst_time_make(2026, 10, 31, 23, 0, 0));
	strbuf_addch(&sb, ' ');
	pack_month(&sb, pst_time_make(2026, 11, 1, 0, 0, 0));
	strbuf_addch(&sb, ' ');
	pack_date(&sb, PST_TIME_NONE);
	CHECK_STR(sb.buf, "2026-10-31 2026-10-31 2026-10 n/a");
	CHECK_STR(pst_class_label(PST_CLASS_NEW_RESOURCE), "Created insecure");
	CHECK(strstr(pst_class_detail(PST_CLASS_NEW_RESOURCE), "deployment template") != NULL);
	strbuf_release(&sb);
}

/* ---- the renderer ---- */

static void test_deterministic(void)
{
	char *dir = tmp_dir("test_pack_pdf"), *a = NULL, *b = NULL;
	struct strbuf pa = STRBUF_INIT, pb = STRBUF_INIT;
	struct render_args args;
	struct pst_error err;
	size_t la, lb;
	int rc;

	if (!dir) {
		CHECK(0);
		return;
	}
	strbuf_addf(&pa, "%s/a.pdf", dir);
	strbuf_addf(&pb, "%s/b.pdf", dir);
	args_init(&args, 4, 500, pa.buf);
	rc = render(&args, &err);
	if (rc)
		printf("     %s\n", err.msg);
	CHECK_INT(rc, PST_OK);
	args.path = pb.buf;
	CHECK_INT(render(&args, &err), PST_OK);
	a = read_all(pa.buf, &la);
	b = read_all(pb.buf, &lb);
	CHECK(a && b && la > 20000);
	CHECK(a && b && la == lb && memcmp(a, b, la) == 0);
	CHECK(a && memcmp(a, "%PDF-", 5) == 0);
	CHECK_INT(count_entries(dir), 2); /* no temporary file left */
	free(a);
	free(b);
	strbuf_release(&pa);
	strbuf_release(&pb);
	remove_dir(dir);
	free(dir);
}

static void test_errors(void)
{
	char *dir = tmp_dir("test_pack_pdf");
	struct strbuf path = STRBUF_INIT;
	struct render_args args;
	struct pst_error err;

	if (!dir) {
		CHECK(0);
		return;
	}
	strbuf_addf(&path, "%s/x.pdf", dir);
	args_init(&args, 4, 50, path.buf);
	args.team = 4; /* out of range */
	CHECK_INT(render(&args, &err), PST_EUSAGE);
	CHECK(strstr(err.msg, "team 4") != NULL);
	args.team = PST_REVIEW_NO_TEAM;
	args.opts.font_dir = "/nonexistent/fonts";
	CHECK_INT(render(&args, &err), PST_ENOINPUT);
	CHECK_INT(count_entries(dir), 0);
	args.opts.font_dir = NULL;
	CHECK(fclose(fopen(path.buf, "w")) == 0); /* a file where a folder is needed */
	strbuf_addstr(&path, "/sub/report.pdf");
	CHECK_INT(render(&args, &err), PST_ECANTCREAT);
	CHECK_INT(count_entries(dir), 1);
	strbuf_release(&path);
	remove_dir(dir);
	free(dir);
}

/* No teams, findings, alerts, warnings, goals or sources: every section says so. */
static void test_empty(void)
{
	char *dir = tmp_dir("test_pack_pdf");
	struct strbuf path = STRBUF_INIT;
	struct render_args args;
	struct pst_error err;
	int rc;

	if (!dir) {
		CHECK(0);
		return;
	}
	strbuf_addf(&path, "%s/empty.pdf", dir);
	args_init(&args, 0, 0, path.buf);
	args.params.nalerts = 0;
	args.params.warnings = args.params.goals = false;
	rc = render(&args, &err);
	if (rc)
		printf("     %s\n", err.msg);
	CHECK_INT(rc, PST_OK);
	CHECK(access(path.buf, R_OK) == 0);
	strbuf_release(&path);
	remove_dir(dir);
	free(dir);
}

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "--render") == 0) {
		struct render_args a;
		struct pst_error err;
		int rc = parse_args(&a, argc, argv);

		if (rc)
			return rc;
		rc = render(&a, &err);
		if (rc)
			fprintf(stderr, "test_pack_pdf: %s\n", err.msg);
		return rc;
	}
	RUN(test_fixture);
	RUN(test_format);
	RUN(test_deterministic);
	RUN(test_errors);
	RUN(test_empty);
	return check_summary();
}
