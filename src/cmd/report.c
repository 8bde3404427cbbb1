/* cmd_report.c: `posture report`: the review pack of a month (a PDF and an
 * XLSX workbook), and with --split-by-team one pack per team with rows and
 * an index for mail merges. */
#include <stdlib.h>
#include <string.h>
#include "posture/cli.h"
#include "posture/csvw.h"
#include "posture/outfile.h"
#include "posture/pack_pdf.h"
#include "posture/pack_xlsx.h"
#include "posture/review_build.h"
#include "posture/utf8.h"

#define DEFAULT_OUT "out"
#define FILE_STEM "posture-review-"

struct report_run {
	struct pst_settings set;
	struct pst_teams rules;
	struct pst_goals goals;
	struct pst_estate e;
	struct pst_team_map map;
	struct pst_diff diff;
	struct pst_score_view v;
	struct pst_review r;
	char period[8];            /* "YYYY-MM", or "" for --from/--to */
	struct strbuf written;     /* one line per file written */
};

static void run_init(struct report_run *rr)
{
	memset(rr, 0, sizeof(*rr));
	pst_settings_init(&rr->set);
	pst_teams_init(&rr->rules);
	pst_goals_init(&rr->goals);
	pst_estate_init(&rr->e);
	pst_team_map_init(&rr->map);
	pst_diff_init(&rr->diff);
	pst_score_view_init(&rr->v);
	pst_review_init(&rr->r);
	strbuf_init(&rr->written);
}

static void run_release(struct report_run *rr)
{
	strbuf_release(&rr->written);
	pst_review_release(&rr->r);
	pst_score_view_release(&rr->v);
	pst_diff_release(&rr->diff);
	pst_team_map_release(&rr->map);
	pst_estate_release(&rr->e);
	pst_goals_release(&rr->goals);
	pst_teams_release(&rr->rules);
	pst_settings_release(&rr->set);
}

/* ---- the period ---- */

/* The last whole month in the data.  A month is whole when the data reaches
 * its last day (month-end exports are made on that day): data ending on
 * 10-31 gives October; ending on 10-20 or at 11-01T00:00, the month before
 * the one holding the last record (for 11-01T00:00, October). */
static void period_of(pst_time end, char *buf, size_t size)
{
	bool last_day = pst_month_start(end + PST_MS_PER_DAY) != pst_month_start(end);
	pst_time start = last_day ? pst_month_start(end) : pst_month_start(pst_month_start(end) - 1);
	int64_t y;
	unsigned m, d;

	pst_civil_from_days(start / PST_MS_PER_DAY, &y, &m, &d);
	snprintf(buf, size, "%04lld-%02u", (long long)y, m);
}

static int pick_period(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct pst_estate_opts opts = {cli->skip_bad};
	struct pst_timeline tl;
	int rc;

	if (cli->period) {
		pst_strlcpy(rr->period, cli->period, sizeof(rr->period));
		return PST_OK;
	}
	if (cli->from != PST_TIME_NONE || cli->to != PST_TIME_NONE)
		return PST_OK;
	pst_timeline_init(&tl);
	rc = pst_estate_scan_timeline(&tl, cli->paths, cli->npaths, &opts, err);
	if (rc == PST_OK && tl.tmax == PST_TIME_NONE)
		rc = pst_fail(err, PST_EDATA, "no dated record in the input: give --period");
	if (rc == PST_OK)
		period_of(tl.tmax, rr->period, sizeof(rr->period));
	pst_timeline_release(&tl);
	return rc;
}

/* ---- the pipeline ---- */

static const struct pst_state *state_at(const struct pst_estate *e, pst_time t)
{
	size_t i;

	for (i = 0; i < e->nstates; i++)
		if (e->states[i].at == t)
			return &e->states[i];
	return NULL;
}

/* The view classifies with the default settings; the pack's overdue
 * allowances are those of --settings. */
static void reclassify(struct report_run *rr)
{
	pst_time t0 = rr->diff.t0, t1 = rr->diff.t1;

	pst_diff_release(&rr->diff);
	pst_diff_init(&rr->diff);
	pst_diff_compute(&rr->diff, &rr->e, state_at(&rr->e, t0), state_at(&rr->e, t1), &rr->set);
}

static int load(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct pst_score_request rq = {cli->paths, cli->npaths, cli->from, cli->to, NULL, cli->skip_bad};
	int rc = pst_settings_load_default(&rr->set, cli->settings_file, err);

	if (rc == PST_OK)
		rc = pst_teams_load_default(&rr->rules, cli->teams_file, err);
	if (rc == PST_OK)
		rc = pst_goals_load_default(&rr->goals, cli->goals_file, err);
	if (rc == PST_OK)
		rc = pick_period(rr, cli, err);
	rq.period = rr->period[0] ? rr->period : NULL;
	if (rc == PST_OK)
		rc = pst_score_view_run(&rr->v, &rr->e, &rr->map, &rr->rules, &rr->goals, &rr->diff, &rq, err);
	if (rc == PST_OK)
		reclassify(rr);
	return rc;
}

static int build(struct report_run *rr, const struct pst_cli *cli, struct pst_error *err)
{
	struct pst_review_request rq = {cli->org, rr->period[0] ? rr->period : NULL, cli->generated_at,
	                                POSTURE_VERSION, cli->teams_file};

	return pst_review_build(&rr->r, &rr->e, &rr->map, &rr->rules, &rr->diff, &rr->v, &rr->goals, &rr->set, &rq,
	                        err);
}

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
		return pst_render_xlsx(&rr->r, team, NULL, path, err);
	pst_render_pdf_opts_init(&pdf);
	if (cli->paper && strcmp(cli->paper, "letter") == 0)
		pdf.paper = PST_PAPER_LETTER;
	return pst_render_pdf(&rr->r, team, &pdf, path, err);
}

/* Both files of one pack; paths[k] gets each path written (or ""). */
static int write_pack(struct report_run *rr, const struct pst_cli *cli, size_t team, struct strbuf *paths,
                      struct pst_error *err)
{
	const char *dir = cli->out_dir ? cli->out_dir : DEFAULT_OUT;
	const char *name = team == PST_REVIEW_NO_TEAM ? NULL : rr->r.teams[team].file_name;
	int k, rc = PST_OK;

	for (k = 0; k < OUT__COUNT && rc == PST_OK; k++) {
		out_path(&paths[k], dir, rr->r.period, name, k);
		rc = render(rr, cli, k, team, paths[k].buf, err);
		if (rc == PST_OK)
			strbuf_addf(&rr->written, "%s\n", paths[k].buf);
	}
	return rc;
}

/* Findings of a team: all, open, overdue. */
static void team_rows(const struct pst_review *r, size_t team, int64_t *all, int64_t *open, int64_t *overdue)
{
	size_t i;

	*all = *open = *overdue = 0;
	for (i = 0; i < r->nfindings; i++) {
		if (r->findings[i].team != team)
			continue;
		(*all)++;
		*open += pst_review_finding_open(&r->findings[i]);
		*overdue += r->findings[i].overdue;
	}
}

static const char *const index_head[] = {"team", "pdf", "xlsx", "open_findings", "overdue", NULL};

static void index_row(struct pst_csvw *w, const struct pst_review *r, size_t t, const struct strbuf *paths)
{
	int64_t all, open, overdue;

	team_rows(r, t, &all, &open, &overdue);
	pst_csvw_field(w, r->teams[t].name);
	pst_csvw_field(w, paths[OUT_PDF].buf);
	pst_csvw_field(w, paths[OUT_XLSX].buf);
	pst_csvw_int(w, open);
	pst_csvw_int(w, overdue);
	pst_csvw_end(w);
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
		pst_csvw_header(&w, index_head);
	}
	for (t = 0; rc == PST_OK && t < rr->r.nteams; t++) {
		team_rows(&rr->r, t, &all, &open, &overdue);
		if (!all)
			continue;
		rc = write_pack(rr, cli, t, paths, err);
		if (rc == PST_OK)
			index_row(&w, &rr->r, t, paths);
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

/* ---- what the user sees ---- */

static void summary(FILE *out, const struct report_run *rr)
{
	const struct pst_review *r = &rr->r;
	int64_t open = 0, overdue = 0;
	size_t i;

	for (i = 0; i < r->nfindings; i++) {
		open += pst_review_finding_open(&r->findings[i]);
		overdue += r->findings[i].overdue;
	}
	fprintf(out, "posture report %s: %zu teams, %zu findings classified (%lld open, %lld overdue), %zu warnings\n",
	        r->period, r->nteams, r->nfindings, (long long)open, (long long)overdue, r->nwarnings);
	fputs(strbuf_cstr(&rr->written), out);
}

static void warnings(const struct pst_review *r)
{
	size_t i;

	for (i = 0; i < r->nwarnings; i++) {
		fputs("posture: warning: ", stderr);
		pst_utf8_fputs(r->warnings[i].text, stderr);
		fputc('\n', stderr);
	}
}

int pst_cmd_report(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct strbuf paths[OUT__COUNT] = {STRBUF_INIT, STRBUF_INIT};
	struct report_run rr;
	int rc;

	run_init(&rr);
	rc = load(&rr, cli, err);
	if (rc == PST_OK)
		rc = build(&rr, cli, err);
	if (rc == PST_OK)
		rc = write_pack(&rr, cli, PST_REVIEW_NO_TEAM, paths, err);
	if (rc == PST_OK && cli->split_by_team)
		rc = write_split(&rr, cli, err);
	if (rc == PST_OK && !cli->quiet) {
		warnings(&rr.r);
		summary(out, &rr);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && rr.r.nwarnings)
		rc = PST_WARN;
	strbuf_release(&paths[0]);
	strbuf_release(&paths[1]);
	run_release(&rr);
	return rc;
}
