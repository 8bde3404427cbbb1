/* main.c: dispatches to the subcommands; the only place that prints errors
 * and chooses the exit code. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "posture/cli.h"
#include "posture/strbuf.h"
#include "posture/utf8.h"

#define COMMON_HELP \
	"Common options:\n" \
	"  --generated-at T   time stamped on outputs (else SOURCE_DATE_EPOCH, else now)\n" \
	"  --skip-bad         list unreadable or unknown files and go on (else exit 65/66)\n" \
	"  --jobs N           files read by N threads (default: the online CPUs); same output\n" \
	"  --strict           exit 1 when the data carries warnings\n" \
	"  -q, --quiet        no progress or warnings on stderr\n" \
	"  --verbose          every warning on stderr (else three of each kind and a count)\n" \
	"  -h, --help         this text\n" \
	"Exit codes: 0 ok, 1 warnings (--strict), 64 usage, 65 bad input data,\n" \
	"  66 input missing, 73 cannot create output, 74 I/O error.\n"

#define RANGE_HELP \
	"  --from T, --to T   compare the state at T0 and T1 (ISO date or date-time, UTC)\n" \
	"  --period YYYY-MM   T0 = start of the month, T1 = its end\n" \
	"  --allow-partial    go on where the data does not cover the period (else exit 65),\n" \
	"                     with the reason in every output\n"

static const struct pst_command commands[] = {
	{"report", "Write the review pack: a PDF and an XLSX workbook for a month.",
	 RANGE_HELP
	 "  --out DIR          where to write (default out)\n"
	 "  --teams FILE       team rules (default templates/teams.conf)\n"
	 "  --goals FILE       score goals (default templates/goals.conf)\n"
	 "  --settings FILE    report settings (default templates/report.conf)\n"
	 "  --aliases FILE     renamed recommendations of your own (after templates/aliases.conf)\n"
	 "  --split-by-team    one PDF and one XLSX per team, and an index\n"
	 "  --paper a4|letter  page size (default a4)\n"
	 "  --org NAME         organisation name on the cover\n" COMMON_HELP,
	 PST_OPT_RANGE | PST_OPT_TEAMS | PST_OPT_GOALS | PST_OPT_OUT | PST_OPT_SPLIT | PST_OPT_PAPER |
	     PST_OPT_SETTINGS,
	 true, pst_cmd_report},
	{"diff", "Classify every finding change between two times (default: the last two snapshots).",
	 RANGE_HELP
	 "  --format F         text (default), csv or json\n"
	 "  --teams FILE       team rules, for the team column\n"
	 "  --settings FILE    overdue allowances (default templates/report.conf)\n"
	 "  --aliases FILE     renamed recommendations of your own (after templates/aliases.conf)\n" COMMON_HELP,
	 PST_OPT_RANGE | PST_OPT_FORMAT | PST_OPT_TEAMS | PST_OPT_SETTINGS, true, pst_cmd_diff},
	{"inspect", "Show what was read: formats, records by type, subscriptions, times, warnings.",
	 "  --format F         text (default) or json\n" COMMON_HELP, PST_OPT_FORMAT, true, pst_cmd_inspect},
	{"score", "Secure score series, control breakdown, potential gain, goals and league table.",
	 RANGE_HELP
	 "  --format F         text (default), csv or json\n"
	 "  --teams FILE       team rules\n"
	 "  --goals FILE       score goals\n" COMMON_HELP,
	 PST_OPT_RANGE | PST_OPT_FORMAT | PST_OPT_TEAMS | PST_OPT_GOALS, true, pst_cmd_score},
	{"teams", "The responsible team of every resource, and the unassigned ones.",
	 "  --to T             state at T (default: the latest)\n"
	 "  --format F         text (default), csv or json\n"
	 "  --teams FILE       team rules (default templates/teams.conf)\n" COMMON_HELP,
	 PST_OPT_RANGE | PST_OPT_FORMAT | PST_OPT_TEAMS, true, pst_cmd_teams},
	{"verify", "Check claimed fixes: verified, still failing, not a fix (and why), unknown.",
	 "  --claims FILE      CSV of claims: resource id, recommendation key or name,\n"
	 "                     optional team and ticket columns (kept through)\n" RANGE_HELP
	 "  --format F         text (default), csv or json\n"
	 "  --teams FILE       team rules: each finding's team beside the claim's\n" COMMON_HELP,
	 PST_OPT_CLAIMS | PST_OPT_RANGE | PST_OPT_FORMAT | PST_OPT_SETTINGS | PST_OPT_TEAMS, true, pst_cmd_verify},
};

const struct pst_command *pst_commands(size_t *n)
{
	*n = PST_ARRAY_LEN(commands);
	return commands;
}

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: posture COMMAND [options] PATH...\n\n"
	      "Reads Microsoft Defender for Cloud exports (continuous export events, REST and\n"
	      "Resource Graph JSON, Log Analytics CSV/JSON, portal CSV, Event Hubs Capture\n"
	      "Avro; gzip or not) and writes the monthly security-governance review pack.\n\n"
	      "Commands:\n",
	      out);
	for (i = 0; i < PST_ARRAY_LEN(commands); i++)
		fprintf(out, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("\n'posture COMMAND --help' tells more.  posture --version prints the version.\n", out);
}

static const struct pst_command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < PST_ARRAY_LEN(commands); i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

/* "posture: MESSAGE", control characters of file names escaped. */
static void print_error(const char *msg)
{
	struct strbuf sb = STRBUF_INIT;

	pst_utf8_escape(&sb, msg);
	fprintf(stderr, "posture: %s\n", strbuf_cstr(&sb));
	strbuf_release(&sb);
}

int main(int argc, char **argv)
{
	const struct pst_command *cmd;
	struct pst_cli cli;
	struct pst_progress progress;
	struct pst_error err = {0, ""};
	int rc;

	if (argc < 2) {
		usage(stderr);
		return PST_EUSAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("posture %s\n", POSTURE_VERSION);
		return 0;
	}
	cmd = find_command(argv[1]);
	if (!cmd) {
		fprintf(stderr, "posture: unknown command '%s' (see 'posture --help')\n", argv[1]);
		return PST_EUSAGE;
	}
	rc = pst_cli_parse(&cli, cmd, argc - 2, argv + 2, stdout, &err);
	if (rc == PST_OK) {
		pst_progress_init(&progress, pst_progress_wanted(STDERR_FILENO, cli.quiet) ? stderr : NULL, NULL);
		cli.progress = &progress;
		rc = cmd->run(&cli, stdout, &err);
		pst_progress_end(&progress);
	} else if (rc < 0) {
		rc = PST_OK; /* --help */
	}
	pst_cli_release(&cli);
	if (rc != PST_OK && rc != PST_WARN)
		print_error(err.msg[0] ? err.msg : "failed");
	return rc;
}
