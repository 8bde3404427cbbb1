/* cmd_score.c: `posture score` (being built: see the open issues). */
#include "posture/cli.h"

int pst_cmd_score(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	(void)cli;
	(void)out;
	return pst_fail(err, PST_ESOFTWARE, "score: not built yet");
}
