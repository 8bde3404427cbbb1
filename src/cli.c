/* cli.c: parsing the shared command line. */
#include "posture/cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

struct opt_def {
	const char *name;
	unsigned bit;     /* 0: every command takes it */
	bool has_arg;
};

static const struct opt_def options[] = {
	{"--from", PST_OPT_RANGE, true},      {"--to", PST_OPT_RANGE, true},
	{"--period", PST_OPT_RANGE, true},    {"--teams", PST_OPT_TEAMS, true},
	{"--allow-partial", PST_OPT_RANGE, false},
	{"--format", PST_OPT_FORMAT, true},   {"--out", PST_OPT_OUT, true},
	{"--split-by-team", PST_OPT_SPLIT, false},
	{"--claims", PST_OPT_CLAIMS, true},   {"--goals", PST_OPT_GOALS, true},
	{"--paper", PST_OPT_PAPER, true},     {"--org", PST_OPT_PAPER, true},
	{"--settings", PST_OPT_SETTINGS, true}, {"--aliases", PST_OPT_SETTINGS, true},
	{"--generated-at", 0, true},          {"--skip-bad", 0, false},
	{"--strict", 0, false},               {"-q", 0, false},
	{"--jobs", 0, true},
	{"--quiet", 0, false},                {"--verbose", 0, false},
	{"--help", 0, false},
	{"-h", 0, false},
};

static void cli_defaults(struct pst_cli *cli, const struct pst_command *cmd)
{
	memset(cli, 0, sizeof(*cli));
	cli->command = cmd->name;
	cli->from = cli->to = PST_TIME_NONE;
	cli->generated_at = PST_TIME_NONE;
	cli->format = PST_OUT_TEXT;
	cli->paper = "a4";
}

static int parse_time_opt(const char *name, const char *v, pst_time *out, struct pst_error *err)
{
	if (!pst_time_parse_str(v, out))
		return pst_fail(err, PST_EUSAGE, "%s: not a date or date-time: '%s' (use 2026-10-31 or 2026-10-31T06:00:00Z)",
		                name, v);
	return PST_OK;
}

/* --generated-at: a time the outputs can carry, 1970 .. 9999. */
static int parse_generated_at(const char *v, pst_time *out, struct pst_error *err)
{
	int rc = parse_time_opt("--generated-at", v, out, err);

	if (rc == PST_OK && !pst_time_plausible_option(*out))
		return pst_fail(err, PST_EUSAGE, "--generated-at: '%s' is outside 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59Z",
		                v);
	return rc;
}

static int set_format(struct pst_cli *cli, const char *v, struct pst_error *err)
{
	if (strcmp(v, "text") == 0)
		cli->format = PST_OUT_TEXT;
	else if (strcmp(v, "csv") == 0)
		cli->format = PST_OUT_CSV;
	else if (strcmp(v, "json") == 0)
		cli->format = PST_OUT_JSON;
	else
		return pst_fail(err, PST_EUSAGE, "--format: expected text, csv or json, not '%s'", v);
	cli->format_given = true;
	return PST_OK;
}

static int generated_at_default(struct pst_cli *cli, struct pst_error *err)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	int64_t secs;

	if (cli->generated_at != PST_TIME_NONE)
		return PST_OK;
	if (sde && *sde) {
		if (!pst_parse_i64(sde, &secs) || secs < 0)
			return pst_fail(err, PST_EUSAGE, "SOURCE_DATE_EPOCH: not a number of seconds: '%s'", sde);
		if (secs > PST_TIME_MAX / 1000)
			return pst_fail(err, PST_EUSAGE, "SOURCE_DATE_EPOCH: %s is after 9999-12-31T23:59:59Z", sde);
		cli->generated_at = secs * 1000;
	} else {
		cli->generated_at = (pst_time)time(NULL) * 1000;
	}
	return PST_OK;
}

static int apply(struct pst_cli *cli, const char *name, const char *v, struct pst_error *err)
{
	if (strcmp(name, "--from") == 0)
		return parse_time_opt(name, v, &cli->from, err);
	if (strcmp(name, "--to") == 0)
		return parse_time_opt(name, v, &cli->to, err);
	if (strcmp(name, "--generated-at") == 0)
		return parse_generated_at(v, &cli->generated_at, err);
	if (strcmp(name, "--period") == 0) {
		pst_time a, b;

		if (!pst_period_parse(v, &a, &b))
			return pst_fail(err, PST_EUSAGE, "--period: expected YYYY-MM, not '%s'", v);
		cli->period = v;
		return PST_OK;
	}
	if (strcmp(name, "--format") == 0)
		return set_format(cli, v, err);
	if (strcmp(name, "--jobs") == 0) {
		int64_t n;

		if (!pst_parse_i64(v, &n) || n < 1 || n > 64)
			return pst_fail(err, PST_EUSAGE, "--jobs: expected a number of threads from 1 to 64, not '%s'", v);
		cli->jobs = (unsigned)n;
		return PST_OK;
	}
	if (strcmp(name, "--paper") == 0) {
		if (strcmp(v, "a4") != 0 && strcmp(v, "letter") != 0)
			return pst_fail(err, PST_EUSAGE, "--paper: expected a4 or letter, not '%s'", v);
		cli->paper = v;
		return PST_OK;
	}
	if (strcmp(name, "--teams") == 0)
		cli->teams_file = v;
	else if (strcmp(name, "--goals") == 0)
		cli->goals_file = v;
	else if (strcmp(name, "--claims") == 0)
		cli->claims_file = v;
	else if (strcmp(name, "--settings") == 0)
		cli->settings_file = v;
	else if (strcmp(name, "--aliases") == 0)
		cli->aliases_file = v;
	else if (strcmp(name, "--out") == 0 && !*v)
		return pst_fail(err, PST_EUSAGE, "--out: an empty folder name (use --out . for the current folder)");
	else if (strcmp(name, "--out") == 0)
		cli->out_dir = v;
	else if (strcmp(name, "--org") == 0)
		cli->org = v;
	else if (strcmp(name, "--split-by-team") == 0)
		cli->split_by_team = true;
	else if (strcmp(name, "--skip-bad") == 0)
		cli->skip_bad = true;
	else if (strcmp(name, "--allow-partial") == 0)
		cli->allow_partial = true;
	else if (strcmp(name, "--strict") == 0)
		cli->strict = true;
	else if (strcmp(name, "-q") == 0 || strcmp(name, "--quiet") == 0)
		cli->quiet = true;
	else if (strcmp(name, "--verbose") == 0)
		cli->verbose = true;
	return PST_OK;
}

static const struct opt_def *find_opt(const char *arg, const char **inline_val)
{
	size_t i, n;

	*inline_val = NULL;
	for (i = 0; i < PST_ARRAY_LEN(options); i++) {
		n = strlen(options[i].name);
		if (strncmp(arg, options[i].name, n) != 0)
			continue;
		if (arg[n] == '\0')
			return &options[i];
		if (arg[n] == '=' && options[i].has_arg) {
			*inline_val = arg + n + 1;
			return &options[i];
		}
	}
	return NULL;
}

static int check_range(const struct pst_cli *cli, struct pst_error *err)
{
	if (cli->period && (cli->from != PST_TIME_NONE || cli->to != PST_TIME_NONE))
		return pst_fail(err, PST_EUSAGE, "--period cannot be combined with --from or --to");
	if (cli->from != PST_TIME_NONE && cli->to != PST_TIME_NONE && cli->from > cli->to)
		return pst_fail(err, PST_EUSAGE, "--from is after --to");
	return PST_OK;
}

int pst_cli_parse(struct pst_cli *cli, const struct pst_command *cmd, int argc, char **argv,
                  FILE *out, struct pst_error *err)
{
	const char **paths = xcalloc((size_t)argc + 1, sizeof(*paths));
	bool opts_done = false;
	int i, rc = PST_OK;

	cli_defaults(cli, cmd);
	cli->paths = paths;
	for (i = 0; i < argc && rc == PST_OK; i++) {
		const char *arg = argv[i], *v;
		const struct opt_def *o;

		if (opts_done || arg[0] != '-' || arg[1] == '\0') {
			paths[cli->npaths++] = arg;
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			opts_done = true;
			continue;
		}
		o = find_opt(arg, &v);
		if (!o || (o->bit && !(cmd->opts & o->bit))) {
			rc = pst_fail(err, PST_EUSAGE, "%s: unknown option '%s' (see 'posture %s --help')", cmd->name, arg,
			              cmd->name);
			break;
		}
		if (strcmp(o->name, "--help") == 0 || strcmp(o->name, "-h") == 0) {
			pst_cli_help(cmd, out);
			return -1;
		}
		if (o->has_arg && !v) {
			if (i + 1 >= argc) {
				rc = pst_fail(err, PST_EUSAGE, "%s: option '%s' needs a value", cmd->name, arg);
				break;
			}
			v = argv[++i];
		}
		rc = apply(cli, o->name, v, err);
	}
	if (rc == PST_OK && cmd->needs_paths && cli->npaths == 0)
		rc = pst_fail(err, PST_EUSAGE, "%s: no input: name at least one file or folder (see 'posture %s --help')",
		              cmd->name, cmd->name);
	if (rc == PST_OK)
		rc = check_range(cli, err);
	if (rc == PST_OK)
		rc = generated_at_default(cli, err);
	return rc;
}

void pst_cli_help(const struct pst_command *cmd, FILE *out)
{
	fprintf(out, "usage: posture %s [options] PATH...\n\n%s\n%s", cmd->name, cmd->summary, cmd->usage);
}

void pst_cli_release(struct pst_cli *cli)
{
	free((void *)cli->paths);
	cli->paths = NULL;
	cli->npaths = 0;
}
