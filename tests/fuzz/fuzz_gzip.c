/* fuzz_gzip.c: libFuzzer target for a gzip file read through the ingest
 * driver (filein.c's gunzip, ingest_gzip.c's report of a damage, and the
 * JSON and CSV readers behind them).  The input is the file's bytes as
 * stored, mostly a mutated gzip stream; it is written to a temporary file
 * and read with pst_ingest_paths.  Promises: no crash, a known status
 * (PST_OK, or PST_EDATA naming the file), every record complete and every
 * one counted, at least as many rejections counted as listed, and a
 * damaged stream is one gzip entry that is not a failure.  `make fuzz`
 * runs it for FUZZ_SECONDS on the gzip cases of the bad-input corpus and
 * the small gzip samples (tests/fuzz/fuzz_gzip.sh). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_sink.h"
#include "posture/sources.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

struct sink {
	unsigned long broken, seen;
};

static int count(void *ctx, const struct pst_record *rec, struct pst_error *err)
{
	struct sink *s = ctx;

	s->seen++;
	return fuzz_sink(&s->broken, rec, err);
}

static char path[64];

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct pst_ingest_opts opts = {false, 0, NULL};
	struct pst_sources ing;
	struct pst_error err;
	struct sink s = {0, 0};
	const char *paths[1];
	const struct pst_source *r;
	size_t i, bad = 0, gz = 0;
	FILE *fp;
	int rc;

	if (!path[0]) {
		int fd;

		snprintf(path, sizeof(path), "/tmp/fuzz-gzip-XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			abort();
		close(fd);
	}
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	paths[0] = path;
	pst_sources_init(&ing);
	err.msg[0] = '\0';
	rc = pst_ingest_paths(&ing, paths, 1, &opts, count, &s, &err);
	if (rc != PST_OK && (rc != PST_EDATA || strncmp(err.msg, path, strlen(path)) != 0))
		s.broken++;
	if (ing.nfiles != 1 || s.seen != ing.total_records)
		s.broken++;
	r = &ing.files[0];
	for (i = 0; ing.nfiles == 1 && i < r->diags.n; i++) {
		bad += r->diags.items[i].code == PST_DC_BAD_RECORD;
		gz += strncmp(r->diags.items[i].msg, "gzip: offset", 12) == 0;
	}
	if (ing.nfiles == 1 && (r->rejected < bad || r->diags.count[PST_DIAG_REJECTED] < bad || gz > 1))
		s.broken++;
	/* a damaged gzip stream is one entry, never a failure: a reader's
	 * file-level error stands only when the rest of the stream is sound */
	if (rc != PST_OK && gz)
		s.broken++;
	pst_sources_release(&ing);
	if (s.broken)
		abort();
	return 0;
}
