/* fuzz_json.c: libFuzzer target for the JSON reader.
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_DEFAULT_SOURCE -Iinclude \
 *     -I/usr/include/cjson tests/fuzz/fuzz_json.c src/ingest/json_*.c src/ingest/read_json.c \
 *     src/ingest/ingest.c src/model/record.c src/util/*.c -lcjson -lz -lm -o fuzz_json
 *   ./fuzz_json -max_total_time=60 tests/bad    (the corpus: tests/bad/json-*)
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
