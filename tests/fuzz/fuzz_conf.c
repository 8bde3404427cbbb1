/* fuzz_conf.c: libFuzzer target for the configuration files: each input is
 * read as team rules, goals, report settings and a claims CSV, and by the
 * lexer (see fuzz_conf_one.h).  Built and run by tests/fuzz/fuzz_conf.sh:
 *   tests/fuzz/fuzz_conf.sh 300    (corpus: tests/fuzz/corpus/conf)
 * A broken promise aborts, so libFuzzer keeps the input. */
#include <stdlib.h>
#include "fuzz_conf_one.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct fuzz_conf_stats st;

	memset(&st, 0, sizeof(st));
	fuzz_conf_one(&st, data, size);
	if (st.broken)
		abort();
	return 0;
}
