/* inspect.c: `posture inspect`: what was read, file by file. */
#include "posture/cli.h"
#include "posture/outfile.h"
#include "posture/pipeline.h"
#include "posture/text.h"

int pst_cmd_inspect(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	struct pst_pipeline_request rq = {
		.paths = cli->paths,
		.npaths = cli->npaths,
		.from = cli->from,
		.to = cli->to,
		.period = cli->period,
		.rule = PST_TIMES_SNAPSHOTS,
		.want = PST_WANT_SOURCES,
		.skip_bad = cli->skip_bad,
		.generated_at = cli->generated_at,
		.version = POSTURE_VERSION,
		.allow_partial = cli->allow_partial,
		.progress = cli->progress};
	struct pst_pipeline p;
	const struct pst_sources *ing = &p.e.sources;
	int rc;

	if (cli->format == PST_OUT_CSV)
		return pst_fail(err, PST_EUSAGE, "inspect: --format csv is not offered; use text or json");
	pst_pipeline_init(&p);
	if (cli->verbose) /* every rejected record and warning listed, not the first of each file */
		p.e.sources.keep_diags = SIZE_MAX;
	rc = pst_pipeline_run(&p, &rq, err);
	pst_progress_end(cli->progress); /* before anything else on the terminal */
	if (rc == PST_OK) {
		pst_text_inspect(out, ing, cli->format);
		rc = pst_close_stream(out, "standard output", err);
		if (rc == PST_OK && cli->strict && (ing->rejected || ing->warnings || ing->failed_files))
			rc = PST_WARN;
	}
	pst_pipeline_release(&p);
	return rc;
}
