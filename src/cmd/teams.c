/* teams.c: `posture teams`: the team of every resource at T, the rule that
 * placed it, counts per team, the unassigned list (text, csv, json). */
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

int pst_cmd_teams(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_MONTH, PST_WANT_TEAMS, NULL, cli->teams_file, NULL,
	                                  NULL, cli->skip_bad, NULL, cli->generated_at, POSTURE_VERSION};
	struct pst_pipeline p;
	int rc;

	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	if (rc == PST_OK) {
		pst_text_teams(out, &p.review, cli->format);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings_if(stderr, &p.review.warnings, pst_text_teams_warning);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && pst_text_teams_warnings(&p.review))
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
