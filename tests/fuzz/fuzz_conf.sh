#!/bin/sh
# fuzz_conf.sh [SECONDS]: builds the libFuzzer target for the configuration
# files (team rules, goals, settings, claims) with clang (ASan + UBSan) into
# build-fuzz/ and runs it on a copy of tests/fuzz/corpus/conf.  Not part of
# `make test` (test_conf.c runs a bounded mutation loop there).
set -eu
SECS=${1:-60}
OUT=build-fuzz
mkdir -p "$OUT/corpus-conf"
cp tests/fuzz/corpus/conf/* "$OUT/corpus-conf/"
# shellcheck disable=SC2046
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L \
	-D_DEFAULT_SOURCE -DPOSTURE_VERSION='"fuzz"' -DPOSTURE_DATADIR='"."' -Iinclude $(pkg-config --cflags libcjson) \
	tests/fuzz/fuzz_conf.c $(find src -name '*.c' | sort | grep -v -e '^src/main.c$' -e '^src/gen/') \
	$(pkg-config --libs libcjson xlsxwriter zlib avro-c) -lhpdf -lm -o "$OUT/fuzz_conf"
"$OUT/fuzz_conf" -max_total_time="$SECS" -max_len=8192 -timeout=10 "$OUT/corpus-conf"
