/* fuzz_csv.c: libFuzzer target for the CSV reader (scanner, table
 * detection, row normalizers).  `make fuzz` builds it with clang (libFuzzer,
 * ASan, UBSan) and runs it for FUZZ_SECONDS on tests/fuzz/corpus/csv/ plus
 * the portal and Log Analytics samples and the CSV cases of the bad-input
 * corpus (tests/fuzz/fuzz_csv.sh).  Promises: no crash, a known status
 * (PST_OK or PST_EDATA naming the file), every record complete; a broken
 * promise aborts, so libFuzzer keeps the input.  The input is read as
 * UTF-8 and again through the UTF-16LE transcoder (ingest_enc.c). */
#include <stdlib.h>
#include <string.h>
#include "fuzz_sink.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void run_csv(const unsigned char *data, size_t n, struct pst_enc *enc, unsigned long *broken)
{
	struct pst_source rep;
	struct pst_file_ctx fc;
	struct pst_error err;
	int rc;

	memset(&rep, 0, sizeof(rep));
	memset(&fc, 0, sizeof(fc));
	rep.tmin = rep.tmax = PST_TIME_NONE;
	fc.path = "fuzz.csv";
	fc.rep = &rep;
	fc.fn = fuzz_sink;
	fc.fn_ctx = broken;
	fc.name_time = PST_TIME_NONE;
	fc.mtime = 1;
	fc.head = data;
	fc.nhead = n;
	fc.enc = enc;
	err.msg[0] = '\0';
	rc = pst_read_csv(&fc, &err);
	if (rc != PST_OK && (rc != PST_EDATA || strncmp(err.msg, "fuzz.csv", 8) != 0))
		(*broken)++;
	pst_source_release(&rep);
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	unsigned long broken = 0;
	unsigned char *out = NULL;
	size_t got = 0, cap = size * 2 + 16;
	struct pst_enc *enc;
	struct pst_error err;

	run_csv(data, size, NULL, &broken);
	/* the same bytes as UTF-16LE text: transcoded, then read */
	enc = pst_enc_new(PST_ENC_UTF16LE, data, size < 4096 ? size : 4096);
	out = malloc(cap);
	if (out && pst_enc_read(enc, NULL, out, cap, &got, &err) == PST_OK && got <= cap)
		run_csv(out, got, NULL, &broken);
	free(out);
	pst_enc_free(enc);
	if (broken)
		abort();
	return 0;
}
