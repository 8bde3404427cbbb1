/* verify.c: `posture verify --claims FILE`: each claimed fix is verified,
 * still failing, not a fix (and why) or unknown. */
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

int pst_cmd_verify(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {
		.paths = cli->paths,
		.npaths = cli->npaths,
		.from = cli->from,
		.to = cli->to,
		.period = cli->period,
		.rule = PST_TIMES_SNAPSHOTS,
		.want = PST_WANT_VERIFY,
		.settings_file = cli->settings_file,
		.aliases_file = cli->aliases_file,
		.teams_file = cli->teams_file,
		.claims_file = cli->claims_file,
		.skip_bad = cli->skip_bad,
		.jobs = cli->jobs,
		.generated_at = cli->generated_at,
		.version = POSTURE_VERSION,
		.allow_partial = cli->allow_partial,
		.progress = cli->progress};
	struct pst_pipeline p;
	int rc;

	if (!cli->claims_file)
		return pst_fail(err, PST_EUSAGE, "verify: --claims FILE is required");
	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	pst_progress_end(cli->progress); /* before anything else on the terminal */
	if (rc == PST_OK) {
		pst_text_verify(out, &p.review, cli->format);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings(stderr, &p.review.warnings, cli->verbose);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && p.review.warnings.n)
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
