/* score.c: `posture score`: the secure score series, the control breakdown
 * at T1, potential gain per control and per team, progress against the
 * goals, and the league table (text, csv, json). */
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

int pst_cmd_score(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {
		.paths = cli->paths,
		.npaths = cli->npaths,
		.from = cli->from,
		.to = cli->to,
		.period = cli->period,
		.rule = PST_TIMES_MONTH,
		.want = PST_WANT_SCORE,
		.teams_file = cli->teams_file,
		.goals_file = cli->goals_file,
		.skip_bad = cli->skip_bad,
		.jobs = cli->jobs,
		.generated_at = cli->generated_at,
		.version = POSTURE_VERSION,
		.allow_partial = cli->allow_partial,
		.progress = cli->progress};
	struct pst_pipeline p;
	int rc;

	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	pst_progress_end(cli->progress); /* before anything else on the terminal */
	if (rc == PST_OK) {
		pst_text_score(out, &p.review, cli->format);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings_if(stderr, &p.review.warnings, pst_text_score_warning, cli->verbose);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && pst_text_score_warnings(&p.review))
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
