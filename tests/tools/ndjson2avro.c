/* ndjson2avro.c: NDJSON export files (gzip or not) into Event Hubs Capture
 * files; see src/gen/avro_convert.h for what it writes.
 *
 *   ndjson2avro [--codec null|deflate] [--window SECONDS] [--block-size BYTES]
 *               [--enqueued TIME] [--schema-json JSON] OUT FILE.ndjson...
 *
 * --window 0 writes one file (default 60).  --enqueued gives every line
 * that text as its time without reading the lines (a bad time: for tests).
 * --schema-json writes another schema (with whichever Capture fields it
 * has), for tests.  Build (after `make`):
 *   cc -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude -o build/ndjson2avro tests/tools/ndjson2avro.c \
 *      build/libposture.a -lcjson -lxlsxwriter -lz -lavro -lhpdf -lm
 */
#include <stdio.h>
#include <string.h>
#include "posture/common.h"
#include "../../src/gen/avro_convert.h"

static int usage(void)
{
	fputs("usage: ndjson2avro [--codec null|deflate] [--window SECONDS] [--block-size BYTES]\n"
	      "                   [--enqueued TIME] [--schema-json JSON] OUT FILE.ndjson...\n",
	      stderr);
	return PST_EUSAGE;
}

static bool option(struct pst_capture_convert_opts *o, const char *name, const char *val)
{
	int64_t v;

	if (strcmp(name, "--codec") == 0)
		o->codec = val;
	else if (strcmp(name, "--enqueued") == 0)
		o->enqueued = val;
	else if (strcmp(name, "--schema-json") == 0)
		o->schema = val;
	else if (strcmp(name, "--window") == 0 && pst_parse_i64(val, &v) && v >= 0)
		o->window_ms = v * 1000;
	else if (strcmp(name, "--block-size") == 0 && pst_parse_i64(val, &v) && v > 0)
		o->block_size = (size_t)v;
	else
		return false;
	return true;
}

int main(int argc, char **argv)
{
	struct pst_capture_convert_opts o = {"deflate", 60000, 0, NULL, NULL, NULL};
	struct pst_capture_convert_stats st;
	struct pst_error err;
	int i, rc;

	for (i = 1; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (!option(&o, argv[i], argv[i + 1]))
			return usage();
	}
	if (i + 1 >= argc)
		return usage();
	rc = pst_capture_convert((const char *const *)argv + i + 1, (size_t)(argc - i - 1), argv[i], &o, &st, &err);
	if (rc) {
		fprintf(stderr, "ndjson2avro: %s\n", err.msg);
		return rc;
	}
	if (st.skipped)
		fprintf(stderr, "ndjson2avro: %zu lines gave no record and are left out\n", st.skipped);
	return PST_OK;
}
