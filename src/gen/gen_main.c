/* gen_main.c: estate-gen, the deterministic generator of a fictitious
 * Defender for Cloud estate (options, then gen_run). */
#include <stdio.h>
#include <string.h>
#include "gen.h"

static const char usage[] =
	"usage: estate-gen --out DIR [options]\n"
	"Writes a fictitious Defender for Cloud estate: weekly continuous-export snapshots and\n"
	"streams (ce/), the same estate as portal CSV, Log Analytics CSV, REST lists and a Resource\n"
	"Graph result at month ends, and the ground truth of `posture diff --period` in .expected/\n"
	"(a dot folder: posture skips dot names, so it never reads it as input).\n"
	"  --seed N             random seed (default 1); same options give identical files\n"
	"  --start YYYY-MM      first month (default 2026-05)\n"
	"  --months N           number of months (default 6)\n"
	"  --subscriptions N    subscriptions (default 4)\n"
	"  --resources N        resources, subscriptions included (default 150)\n"
	"  --formats LIST       comma-separated: ce,portal,la,rest,arg,avro or all (default all);\n"
	"                       avro (Event Hubs Capture form of the last month's CE files) implies ce\n"
	"  --no-gzip            write .ndjson instead of .ndjson.gz (gzip level 9, or 1 above\n"
	"                       5000 resources)\n"
	"  --help               this text\n";

static const struct {
	const char *name;
	unsigned bit;
} format_names[] = {
	{"ce", GEN_F_CE}, {"portal", GEN_F_PORTAL}, {"la", GEN_F_LA}, {"rest", GEN_F_REST},
	{"arg", GEN_F_ARG}, {"avro", GEN_F_AVRO | GEN_F_CE}, {"all", GEN_F_ALL},
};

static bool parse_formats(const char *s, unsigned *out)
{
	*out = 0;
	while (*s) {
		size_t n = strcspn(s, ","), i;
		bool found = false;

		for (i = 0; i < PST_ARRAY_LEN(format_names); i++) {
			if (strlen(format_names[i].name) == n && strncmp(s, format_names[i].name, n) == 0) {
				*out |= format_names[i].bit;
				found = true;
			}
		}
		if (!found)
			return false;
		s += n + (s[n] == ',');
	}
	return *out != 0;
}

static bool parse_count(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
	return s && pst_parse_i64(s, v) && *v >= lo && *v <= hi;
}

static bool parse_option(struct gen_opts *o, const char *opt, const char *val)
{
	int64_t v;
	pst_time end;

	if (strcmp(opt, "--out") == 0)
		return (o->out = val) != NULL;
	if (strcmp(opt, "--start") == 0)
		return val && pst_period_parse(val, &o->start, &end);
	if (strcmp(opt, "--formats") == 0)
		return val && parse_formats(val, &o->formats);
	if (strcmp(opt, "--seed") == 0 && parse_count(val, 0, INT64_MAX, &v))
		o->seed = (uint64_t)v;
	else if (strcmp(opt, "--months") == 0 && parse_count(val, 1, 120, &v))
		o->months = (int)v;
	else if (strcmp(opt, "--subscriptions") == 0 && parse_count(val, 1, 100000, &v))
		o->subscriptions = (size_t)v;
	else if (strcmp(opt, "--resources") == 0 && parse_count(val, 1, 10000000, &v))
		o->resources = (size_t)v;
	else
		return false;
	return true;
}

static int parse_args(struct gen_opts *o, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0) {
			fputs(usage, stdout);
			return -1;
		}
		if (strcmp(argv[i], "--no-gzip") == 0) {
			o->gzip = false;
			continue;
		}
		if (!parse_option(o, argv[i], i + 1 < argc ? argv[i + 1] : NULL)) {
			fprintf(stderr, "estate-gen: bad option or value: %s\n%s", argv[i], usage);
			return PST_EUSAGE;
		}
		i++;
	}
	if (!o->out) {
		fprintf(stderr, "estate-gen: --out DIR is required\n%s", usage);
		return PST_EUSAGE;
	}
	return PST_OK;
}

int main(int argc, char **argv)
{
	struct gen_opts o = {1, NULL, 0, 6, 4, 150, GEN_F_ALL, true};
	struct gen_report rep;
	struct pst_error err = {0, ""};
	pst_time end;
	int rc;

	pst_period_parse("2026-05", &o.start, &end);
	rc = parse_args(&o, argc, argv);
	if (rc)
		return rc < 0 ? 0 : rc;
	rc = gen_run(&o, &rep, &err);
	if (rc) {
		fprintf(stderr, "estate-gen: %s\n", err.msg);
		return rc;
	}
	if (rep.empty_classes)
		fprintf(stderr, "estate-gen: warning: %u (month, class) pairs have no finding; "
			"use more resources\n", rep.empty_classes);
	return PST_OK;
}
