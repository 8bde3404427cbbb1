/* fuzz_json.c: libFuzzer target for the JSON reader.  `make fuzz` builds
 * it with clang (libFuzzer, ASan, UBSan) into build-fuzz/fuzz/fuzz_json and
 * runs it for FUZZ_SECONDS on tests/fuzz/corpus/json/ plus the JSON cases of
 * the bad-input corpus (tests/fuzz/fuzz_json.sh).
 * A broken promise (see fuzz_json_one.h) aborts, so libFuzzer keeps the input. */
#include <stdlib.h>
#include "fuzz_json_one.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct fuzz_json_stats st;

	memset(&st, 0, sizeof(st));
	fuzz_json_one(&st, data, size);
	if (st.broken)
		abort();
	return 0;
}
