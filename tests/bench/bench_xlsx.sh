#!/bin/sh
# bench_xlsx.sh: time and peak memory of the xlsx toolkit in constant-memory
# mode: 200,000 rows, then 1,100,000 rows (continued on a second sheet).
# Run from the checkout after `make`: sh tests/bench/bench_xlsx.sh [ROWS...]
set -e
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
$CC -std=c11 -O2 -Iinclude -o "$out/bench_xlsx" tests/bench/bench_xlsx.c "$BUILD/libposture.a" \
	$(pkg-config --libs xlsxwriter zlib 2>/dev/null || echo -lxlsxwriter -lz) -lm
for rows in ${@:-200000 1100000}; do
	/usr/bin/time -v "$out/bench_xlsx" "$rows" "$out/bench.xlsx" 2>"$out/time"
	grep -E 'Elapsed|Maximum resident' "$out/time" | sed 's/^[[:space:]]*/  /'
	printf '  file size: %s bytes\n' "$(stat -c %s "$out/bench.xlsx")"
	rm -f "$out/bench.xlsx"
done
