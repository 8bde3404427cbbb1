/* fuzz_avro.c: libFuzzer target for the Avro reader (object container
 * layer: header, block sizes, sync markers and re-sync, deflate; the
 * Capture schema and record decoding; the JSON bodies).  `make fuzz` builds
 * it with clang (libFuzzer, ASan, UBSan) and runs it for FUZZ_SECONDS on
 * tests/fuzz/corpus/avro/ plus the Capture samples and the Avro cases of
 * the bad-input corpus (tests/fuzz/fuzz_avro.sh).  The reader opens files
 * by name, so each input is written to a temporary file first.  Promises:
 * no crash, PST_OK or PST_EDATA naming the file, every record complete; a
 * broken promise aborts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fuzz_sink.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct pst_avro_reader *reader = NULL; /* per input: a leak shows with its input */
	static char path[64];
	unsigned long broken = 0;
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct pst_error err;
	FILE *fp;
	int rc, pass;

	if (!path[0])
		snprintf(path, sizeof(path), "/tmp/fuzz-avro-%ld.avro", (long)getpid());
	fp = fopen(path, "wb");
	if (!fp || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	for (pass = 0; pass < 2; pass++) { /* twice with one reader: reuse across files */
		memset(&rep, 0, sizeof(rep));
		memset(&fc, 0, sizeof(fc));
		rep.tmin = rep.tmax = PST_TIME_NONE;
		fc.path = path;
		fc.rep = &rep;
		fc.fn = fuzz_sink;
		fc.fn_ctx = &broken;
		fc.name_time = PST_TIME_NONE;
		fc.mtime = 1;
		fc.avro = &reader;
		err.msg[0] = '\0';
		rc = pst_read_avro(&fc, &err);
		if (rc != PST_OK && (rc != PST_EDATA || strncmp(err.msg, path, strlen(path)) != 0))
			broken++;
		pst_source_release(&rep);
	}
	pst_avro_reader_free(reader);
	if (broken)
		abort();
	return 0;
}
