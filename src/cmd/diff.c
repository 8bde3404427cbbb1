/* diff.c: `posture diff`: the classified finding changes between T0 and T1,
 * as text, CSV or JSON. */
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

int pst_cmd_diff(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {cli->paths, cli->npaths, cli->from, cli->to, cli->period,
	                                  PST_TIMES_SNAPSHOTS, PST_WANT_DIFF, cli->settings_file, cli->teams_file,
	                                  NULL, NULL, cli->skip_bad, NULL, cli->generated_at, POSTURE_VERSION};
	struct pst_pipeline p;
	int rc;

	pst_pipeline_init(&p);
	rc = pst_pipeline_run(&p, &rq, err);
	if (rc == PST_OK) {
		pst_text_diff(out, &p.review, cli->format);
		if (cli->format == PST_OUT_CSV && !cli->quiet)
			pst_text_warnings(stderr, &p.review.warnings);
		rc = pst_close_stream(out, "standard output", err);
	}
	if (rc == PST_OK && cli->strict && p.review.warnings.n)
		rc = PST_WARN;
	pst_pipeline_release(&p);
	return rc;
}
