/* cmd_diff.c: `posture diff` (being built: see the open issues). */
#include "posture/cli.h"

int pst_cmd_diff(const struct pst_cli *cli, FILE *out, struct pst_error *err)
{
	(void)cli;
	(void)out;
	return pst_fail(err, PST_ESOFTWARE, "diff: not built yet");
}
