/* report.c: `posture report`: the review pack of a month (a PDF and an
 * XLSX workbook), and with --split-by-team one pack per team with rows and
 * an index for mail merges. */
#include <stdlib.h>
#include <string.h>
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/outfile.h"
#include "posture/pack_pdf.h"
#include "posture/pack_xlsx.h"
#include "posture/pipeline.h"
#include "posture/text.h"

#define DEFAULT_OUT "out"
#define FILE_STEM "posture-review-"

struct report_run {
	struct pst_pipeline p;
	struct strbuf written;     /* one line per file written */
};

/* ---- outputs ---- */

enum { OUT_PDF, OUT_XLSX, OUT__COUNT };
static const char *const out_ext[OUT__COUNT] = {"pdf", "xlsx"};

/* DIR/[SUBDIR/]posture-review-PERIOD[-SUFFIX].EXT */
static void out_path(struct strbuf *sb, const char *dir, const char *period, const char *team, int kind)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "%s/", dir);
	if (team)
		strbuf_addf(sb, "%s/", team);
	strbuf_addf(sb, FILE_STEM "%s", period);
	if (team)
		strbuf_addf(sb, "-%s", team);
	strbuf_addf(sb, ".%s", out_ext[kind]);
}

static int render(struct report_run *rr, const struct pst_cli *cli, int kind, size_t team, const char *path,
                  struct pst_error *err)
{
	struct pst_render_pdf_opts pdf;

	if (kind == OUT_XLSX)
		return pst_render_xlsx(&rr->p.review, team, NULL, path, err);
	pst_render_pdf_opts_init(&pdf);
	if (cli->paper && strcmp(cli->paper, "letter") == 0)
		pdf.paper = PST_PAPER_LETTER;
	return pst_render_pdf(&rr->p.review, team, &pdf, path, err);
}

/* Both files of one pack; paths[k] gets each path written (or ""). */
static int write_pack(struct report_run *rr, const struct pst_cli *cli, size_t team, struct strbuf *paths,
                      struct pst_error *err)
{
	const char *dir = cli->out_dir ? cli->out_dir : DEFAULT_OUT;
	const char *name = team == PST_REVIEW_NO_TEAM ? NULL : rr->p.review.teams[team].file_name;
	int k, rc = PST_OK;

	for (k = 0; k < OUT__COUNT && rc == PST_OK; k++) {
		out_path(&paths[k], dir, rr->p.review.period, name, k);
		rc = render(rr, cli, k, team, paths[k].buf, err);
		if (rc == PST_OK)
			strbuf_addf(&rr->written, "%s\n", paths[k].buf);
	}
	return rc;
}

/* sources.sha256 once, beside the whole pack (team packs name it). */
static int write_manifest(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct strbuf path = STRBUF_INIT;
	int rc;

	strbuf_addf(&path, "%s/" PST_MANIFEST_NAME, cli->out_dir ? cli->out_dir : DEFAULT_OUT);
	rc = pst_text_manifest_write(&rr->p.review, path.buf, err);
	if (rc == PST_OK)
		strbuf_addf(&rr->written, "%s\n", path.buf);
	strbuf_release(&path);
	return rc;
}

static int write_split(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct strbuf paths[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT}, ix = STRBUF_INIT;
	struct pst_outfile of = {NULL, NULL, NULL};
	struct pst_csvw w;
	size_t t;
	int64_t all, open, overdue;
	int rc;

	strbuf_addf(&ix, "%s/index.csv", cli->out_dir ? cli->out_dir : DEFAULT_OUT);
	rc = pst_outfile_open(&of, ix.buf, err);
	if (rc == PST_OK) {
		pst_csvw_init(&w, of.fp);
		pst_text_report_index_head(&w);
	}
	pst_progress_phase(cli->progress, "writing team packs");
	for (t = 0; rc == PST_OK && t < rr->p.review.nteams; t++) {
		pst_progress_step(cli->progress, t, rr->p.review.nteams);
		pst_review_counts(&rr->p.review, t, &all, &open, &overdue);
		if (!all)
			continue;
		rc = write_pack(rr, cli, t, paths, err);
		if (rc == PST_OK)
			pst_text_report_index_row(&w, &rr->p.review, t, paths[OUT_PDF].buf, paths[OUT_XLSX].buf);
	}
	if (rc == PST_OK)
		rc = pst_outfile_commit(&of, err);
	else
		pst_outfile_abort(&of);
	if (rc == PST_OK)
		strbuf_addf(&rr->written, "%s\n", ix.buf);
	strbuf_release(&paths[0]);
	strbuf_release(&paths[1]);
	strbuf_release(&ix);
	return rc;
}

int pst_cmd_report(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {
		.paths = cli->paths,
		.npaths = cli->npaths,
		.from = cli->from,
		.to = cli->to,
		.period = cli->period,
		.rule = PST_TIMES_LAST_MONTH,
		.want = PST_WANT_REVIEW,
		.settings_file = cli->settings_file,
		.teams_file = cli->teams_file,
		.goals_file = cli->goals_file,
		.skip_bad = cli->skip_bad,
		.org = cli->org,
		.generated_at = cli->generated_at,
		.version = POSTURE_VERSION,
		.allow_partial = cli->allow_partial,
		.progress = cli->progress};
	struct strbuf paths[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT};
	struct report_run rr;
	int rc;

	pst_pipeline_init(&rr.p);
	strbuf_init(&rr.written);
	rc = pst_pipeline_run(&rr.p, &rq, err);
	pst_progress_phase(cli->progress, "writing the pack");
	if (rc == PST_OK)
		rc = write_pack(&rr, cli, PST_REVIEW_NO_TEAM, paths, err);
	if (rc == PST_OK)
		rc = write_manifest(&rr, cli, err);
	if (rc == PST_OK && cli->split_by_team)
		rc = write_split(&rr, cli, err);
	if (rc == PST_OK && !cli->quiet) {
		pst_progress_end(cli->progress);
		pst_text_warnings(stderr, &rr.p.review.warnings, cli->verbose);
		pst_text_report_summary(out, &rr.p.review, strbuf_cstr(&rr.written));
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && rr.p.review.warnings.n)
		rc = PST_WARN;
	strbuf_release(&paths[0]);
	strbuf_release(&paths[1]);
	strbuf_release(&rr.written);
	pst_pipeline_release(&rr.p);
	return rc;
}
