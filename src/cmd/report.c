/* report.c: `posture report`: the review pack of a month (a PDF and an
 * XLSX workbook), and with --split-by-team one pack per team with rows and
 * an index for mail merges. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
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

/* A message about a file in the temporary folder stage names it where it
 * was going: DIR/... */
static void unstage_msg(struct pst_error *err, const char *stage, const char *dir)
{
	size_t n = strlen(stage);
	struct strbuf sb = STRBUF_INIT;
	const char *rest;

	if (strncmp(err->msg, stage, n) != 0 || err->msg[n] != '/')
		return;
	rest = err->msg + n;
	strbuf_addf(&sb, "%s%s", dir, rest);
	pst_strlcpy(err->msg, sb.buf, sizeof(err->msg));
	strbuf_release(&sb);
}

/* Both files of one pack under dir; paths[k] gets each path written. */
static int write_pack(struct report_run *rr, const struct pst_cli *cli, const char *dir, size_t team,
                      struct strbuf *paths, struct pst_error *err)
{
	const char *name = team == PST_REVIEW_NO_TEAM ? NULL : rr->p.review.teams[team].file_name;
	int k, rc = PST_OK;

	for (k = 0; k < OUT__COUNT && rc == PST_OK; k++) {
		out_path(&paths[k], dir, rr->p.review.period, name, k);
		rc = render(rr, cli, k, team, paths[k].buf, err);
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

/* TEAM/posture-review-PERIOD-TEAM.EXT, relative to the index. */
static void rel_path(struct strbuf *sb, const char *period, const char *team, const char *ext)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "%s/" FILE_STEM "%s-%s.%s", team, period, team, ext);
}

/* stage/TEAM/summary.txt: the mail body beside the team's pack. */
static int write_team_summary(struct report_run *rr, const char *stage, size_t t, struct pst_error *err)
{
	const struct pst_review *r = &rr->p.review;
	struct strbuf path = STRBUF_INIT, pdf = STRBUF_INIT, xlsx = STRBUF_INIT;
	struct pst_outfile of = PST_OUTFILE_INIT;
	int rc;

	strbuf_addf(&path, "%s/%s/summary.txt", stage, r->teams[t].file_name);
	strbuf_addf(&pdf, FILE_STEM "%s-%s.pdf", r->period, r->teams[t].file_name);
	strbuf_addf(&xlsx, FILE_STEM "%s-%s.xlsx", r->period, r->teams[t].file_name);
	rc = pst_outfile_open(&of, path.buf, err);
	if (rc == PST_OK) {
		pst_text_team_summary(of.fp, r, t, pdf.buf, xlsx.buf);
		rc = pst_outfile_commit(&of, err);
	}
	strbuf_release(&path);
	strbuf_release(&pdf);
	strbuf_release(&xlsx);
	return rc;
}

static bool team_in_split(const struct pst_review *r, size_t t)
{
	int64_t all, open, overdue;

	pst_review_counts(r, t, &all, &open, &overdue);
	return all != 0;
}

/* index.csv and one folder per team, written in the private folder stage. */
static int write_split_stage(struct report_run *rr, const struct pst_cli *cli, const char *stage,
                             struct pst_error *err)
{
	struct strbuf paths[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT}, fin[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT};
	struct strbuf ix = STRBUF_INIT, rel = STRBUF_INIT;
	struct pst_outfile of = PST_OUTFILE_INIT;
	struct pst_csvw w;
	size_t t;
	int rc, k;

	strbuf_addf(&ix, "%s/index.csv", stage);
	rc = pst_outfile_open(&of, ix.buf, err);
	if (rc == PST_OK) {
		pst_csvw_init(&w, of.fp);
		pst_text_report_index_head(&w);
	}
	pst_progress_phase(cli->progress, "writing team packs");
	for (t = 0; rc == PST_OK && t < rr->p.review.nteams; t++) {
		pst_progress_step(cli->progress, t, rr->p.review.nteams);
		if (!team_in_split(&rr->p.review, t))
			continue;
		rc = write_pack(rr, cli, stage, t, paths, err);
		if (rc == PST_OK)
			rc = write_team_summary(rr, stage, t, err);
		for (k = 0; k < OUT__COUNT; k++)
			rel_path(&fin[k], rr->p.review.period, rr->p.review.teams[t].file_name, out_ext[k]);
		strbuf_reset(&rel);
		strbuf_addf(&rel, "%s/summary.txt", rr->p.review.teams[t].file_name);
		if (rc == PST_OK)
			pst_text_report_index_row(&w, &rr->p.review, t, fin[OUT_PDF].buf, fin[OUT_XLSX].buf, rel.buf);
	}
	if (rc == PST_OK)
		rc = pst_outfile_commit(&of, err);
	else
		pst_outfile_abort(&of);
	for (k = 0; k < OUT__COUNT; k++) {
		strbuf_release(&paths[k]);
		strbuf_release(&fin[k]);
	}
	strbuf_release(&ix);
	strbuf_release(&rel);
	return rc;
}

/* Moves stage/NAME to dir/NAME, an older dir/NAME set aside into stage
 * (removed with it). */
static int move_in(const char *stage, const char *dir, const char *name, struct pst_error *err)
{
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT, old = STRBUF_INIT;
	struct stat st;
	int rc = PST_OK;

	strbuf_addf(&from, "%s/%s", stage, name);
	strbuf_addf(&to, "%s/%s", dir, name);
	strbuf_addf(&old, "%s/.old-%s", stage, name);
	if (lstat(to.buf, &st) == 0 && S_ISDIR(st.st_mode) && rename(to.buf, old.buf) != 0)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot replace: %s", to.buf, strerror(errno));
	if (rc == PST_OK && rename(from.buf, to.buf) != 0)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rename into place: %s", to.buf, strerror(errno));
	strbuf_release(&from);
	strbuf_release(&to);
	strbuf_release(&old);
	return rc;
}

/* The split set into place: the old index.csv goes first and the new one
 * comes last, so a set with an index is always complete. */
static int publish_split(struct report_run *rr, const char *dir, const char *stage, struct pst_error *err)
{
	struct strbuf sb = STRBUF_INIT;
	size_t t;
	int rc = PST_OK, k;

	strbuf_addf(&sb, "%s/index.csv", dir);
	if (unlink(sb.buf) != 0 && errno != ENOENT)
		rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot replace: %s", sb.buf, strerror(errno));
	for (t = 0; rc == PST_OK && t < rr->p.review.nteams; t++) {
		if (!team_in_split(&rr->p.review, t))
			continue;
		rc = move_in(stage, dir, rr->p.review.teams[t].file_name, err);
		for (k = 0; rc == PST_OK && k < OUT__COUNT; k++) {
			out_path(&sb, dir, rr->p.review.period, rr->p.review.teams[t].file_name, k);
			strbuf_addf(&rr->written, "%s\n", sb.buf);
		}
		if (rc == PST_OK)
			strbuf_addf(&rr->written, "%s/%s/summary.txt\n", dir, rr->p.review.teams[t].file_name);
	}
	if (rc == PST_OK)
		rc = move_in(stage, dir, "index.csv", err);
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s/index.csv", dir);
	if (rc == PST_OK && pst_fsync_dir(sb.buf) != 0)
		rc = pst_fail(err, PST_EIO, "%s: cannot sync the folder: %s", dir, strerror(errno));
	if (rc == PST_OK)
		strbuf_addf(&rr->written, "%s/index.csv\n", dir);
	strbuf_release(&sb);
	return rc;
}

/* --split-by-team: every pack and index.csv are written into a private
 * temporary folder in DIR, then moved into place: the set is complete or
 * absent, whatever stops the run. */
static int write_split(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	const char *dir = cli->out_dir ? cli->out_dir : DEFAULT_OUT;
	char *stage = NULL;
	int rc = pst_outfile_mkdtemp(dir, &stage, err);

	if (rc == PST_OK)
		rc = write_split_stage(rr, cli, stage, err);
	if (rc && stage)
		unstage_msg(err, stage, dir);
	if (rc == PST_OK)
		rc = publish_split(rr, dir, stage, err);
	if (stage)
		pst_rmtree(stage, 4);
	free(stage);
	return rc;
}

/* The PDF and the workbook, written in a private temporary folder and
 * moved into place together: a failed run leaves neither. */
static int write_main(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct strbuf paths[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT}, sb = STRBUF_INIT;
	const char *dir = cli->out_dir ? cli->out_dir : DEFAULT_OUT;
	char *stage = NULL;
	int rc, k;

	pst_outfile_clean_stale(dir);
	rc = pst_outfile_mkdtemp(dir, &stage, err);
	if (rc == PST_OK)
		rc = write_pack(rr, cli, stage, PST_REVIEW_NO_TEAM, paths, err);
	if (rc && stage)
		unstage_msg(err, stage, dir);
	for (k = 0; rc == PST_OK && k < OUT__COUNT; k++) {
		out_path(&sb, dir, rr->p.review.period, NULL, k);
		if (rename(paths[k].buf, sb.buf) != 0)
			rc = pst_fail(err, PST_ECANTCREAT, "%s: cannot rename into place: %s", sb.buf, strerror(errno));
		else
			strbuf_addf(&rr->written, "%s\n", sb.buf);
	}
	if (rc == PST_OK && pst_fsync_dir(sb.buf) != 0)
		rc = pst_fail(err, PST_EIO, "%s: cannot sync the folder: %s", dir, strerror(errno));
	if (stage)
		pst_rmtree(stage, 2);
	free(stage);
	strbuf_release(&paths[0]);
	strbuf_release(&paths[1]);
	strbuf_release(&sb);
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
		.aliases_file = cli->aliases_file,
		.teams_file = cli->teams_file,
		.goals_file = cli->goals_file,
		.skip_bad = cli->skip_bad,
		.jobs = cli->jobs,
		.org = cli->org,
		.generated_at = cli->generated_at,
		.version = POSTURE_VERSION,
		.allow_partial = cli->allow_partial,
		.progress = cli->progress};
	struct report_run rr;
	int rc;

	pst_pipeline_init(&rr.p);
	strbuf_init(&rr.written);
	rc = pst_pipeline_run(&rr.p, &rq, err);
	pst_progress_phase(cli->progress, "writing the pack");
	if (rc == PST_OK)
		rc = write_main(&rr, cli, err);
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
	strbuf_release(&rr.written);
	pst_pipeline_release(&rr.p);
	return rc;
}
