/* cli.h: the command line shared by every subcommand.
 *
 * main parses argv into a struct pst_cli (pst_cli_parse), then calls the
 * command's run function.  Commands read the struct, never argv.  Paths and
 * option values point into argv (borrowed for the process lifetime).
 */
#ifndef POSTURE_CLI_H
#define POSTURE_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "posture/common.h"
#include "posture/progress.h"
#include "posture/text.h"
#include "posture/timeutil.h"

/* Option bits: which options a command accepts. */
enum {
	PST_OPT_RANGE = 1u << 0,    /* --from --to --period */
	PST_OPT_TEAMS = 1u << 1,    /* --teams FILE */
	PST_OPT_FORMAT = 1u << 2,   /* --format text|csv|json */
	PST_OPT_OUT = 1u << 3,      /* --out DIR */
	PST_OPT_SPLIT = 1u << 4,    /* --split-by-team */
	PST_OPT_CLAIMS = 1u << 5,   /* --claims FILE */
	PST_OPT_GOALS = 1u << 6,    /* --goals FILE */
	PST_OPT_PAPER = 1u << 7,    /* --paper a4|letter, --org NAME */
	PST_OPT_SETTINGS = 1u << 8  /* --settings FILE */
};

struct pst_cli {
	const char *command;
	const char *const *paths;
	size_t npaths;
	pst_time from, to;          /* PST_TIME_NONE unless given */
	const char *period;         /* "YYYY-MM" as given, or NULL */
	const char *teams_file;
	const char *goals_file;
	const char *claims_file;
	const char *settings_file;
	const char *aliases_file;   /* --aliases FILE: renamed recommendations of the user's own */
	const char *out_dir;
	const char *paper;          /* "a4" (default) or "letter" */
	const char *org;
	enum pst_outfmt format;
	bool format_given;
	bool split_by_team;
	bool quiet;
	bool verbose;               /* --verbose: every warning on stderr, not three of each kind */
	bool strict;
	bool skip_bad;
	unsigned jobs;              /* --jobs N: reader threads; 0 = the online CPUs */
	bool allow_partial;         /* --allow-partial: render a period the data does not cover, saying so */
	pst_time generated_at;      /* --generated-at, else SOURCE_DATE_EPOCH, else now */
	struct pst_progress *progress; /* the progress line on stderr (set by main; off unless a terminal) */
};

struct pst_command {
	const char *name;
	const char *summary;
	const char *usage;          /* full --help text after the usage line */
	unsigned opts;
	bool needs_paths;
	int (*run)(const struct pst_cli *cli, FILE *out, struct pst_error *err);
};

/* The table of subcommands (defined in main.c). */
const struct pst_command *pst_commands(size_t *n);

/* Parses argv (after the subcommand name).  Returns PST_OK, PST_EUSAGE
 * with err set, or -1 when --help was given (help printed to out). */
int pst_cli_parse(struct pst_cli *cli, const struct pst_command *cmd, int argc, char **argv,
                  FILE *out, struct pst_error *err);

/* Frees what pst_cli_parse allocated (the path list). */
void pst_cli_release(struct pst_cli *cli);

/* Prints the command's help text. */
void pst_cli_help(const struct pst_command *cmd, FILE *out);

/* Subcommands. */
int pst_cmd_inspect(const struct pst_cli *cli, FILE *out, struct pst_error *err);
int pst_cmd_diff(const struct pst_cli *cli, FILE *out, struct pst_error *err);
int pst_cmd_verify(const struct pst_cli *cli, FILE *out, struct pst_error *err);
int pst_cmd_score(const struct pst_cli *cli, FILE *out, struct pst_error *err);
int pst_cmd_teams(const struct pst_cli *cli, FILE *out, struct pst_error *err);
int pst_cmd_report(const struct pst_cli *cli, FILE *out, struct pst_error *err);

#endif
