#!/bin/sh
# Memory and time of the state on N synthetic findings (default 1,000,000).
# Builds tests/bench/bench_state.c against the library; run from the top.
set -e
BUILD=${BUILD:-build}
make --no-print-directory "$BUILD/libposture.a" >/dev/null
cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Iinclude -o "$BUILD/bench_state" tests/bench/bench_state.c \
	"$BUILD/libposture.a" -lcjson -lxlsxwriter -lz -lavro -lcrypto -lhpdf -lm -pthread
/usr/bin/time -v "$BUILD/bench_state" "${1:-1000000}" 2>"$BUILD/bench_state.time"
grep -E 'Maximum resident|Elapsed' "$BUILD/bench_state.time"
