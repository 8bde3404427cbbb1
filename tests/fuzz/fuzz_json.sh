#!/bin/sh
# fuzz_json.sh [SECONDS]: builds the libFuzzer target for the JSON reader with
# clang (ASan + UBSan) into build-fuzz/ and runs it on a copy of the JSON
# bad-input corpus.  Not part of `make test` (tests/unit/test_json_fuzz.c
# runs a bounded, deterministic mutation loop there).
set -eu
SECS=${1:-60}
OUT=build-fuzz
mkdir -p "$OUT/corpus"
cp tests/bad/json-*.json "$OUT/corpus/"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-DPOSTURE_VERSION='"fuzz"' -DPOSTURE_DATADIR='"."' -Iinclude $(pkg-config --cflags libcjson) \
	tests/fuzz/fuzz_json.c $(find src -name '*.c' | sort | grep -v -e '^src/main.c$' -e '^src/gen/') \
	$(pkg-config --libs libcjson xlsxwriter zlib avro-c) -lhpdf -lm -o "$OUT/fuzz_json"
"$OUT/fuzz_json" -max_total_time="$SECS" -max_len=65536 -timeout=10 "$OUT/corpus"
