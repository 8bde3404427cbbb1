#!/bin/sh
# bench_xlsx.sh: time and peak memory of the xlsx toolkit in constant-memory
# mode.  Run from the checkout after `make`: sh tests/bench/bench_xlsx.sh
# Cases: "ROWS [MAX_ROWS_PER_SHEET [MAX_LINKS_PER_SHEET]]" (0 = Excel's limit).
set -e
BUILD=${BUILD:-build}
CC=${CC:-cc}
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
$CC -std=c11 -O2 -Iinclude -o "$out/bench_xlsx" tests/bench/bench_xlsx.c "$BUILD/libposture.a" \
	$(pkg-config --libs xlsxwriter zlib 2>/dev/null || echo -lxlsxwriter -lz) -lm
bench() { # ROWS [MAX_ROWS [MAX_LINKS]]
	echo "bench_xlsx $*:"
	/usr/bin/time -v "$out/bench_xlsx" "$1" "$out/bench.xlsx" ${2:-0} ${3:-0} 2>"$out/time" | sed 's/^/  /'
	grep -E 'Elapsed|User time|System time|Maximum resident' "$out/time" | sed 's/^[[:space:]]*/  /'
	printf '  file size: %s bytes\n' "$(stat -c %s "$out/bench.xlsx")"
	rm -f "$out/bench.xlsx"
}
bench 200000
bench 200000 0 1000
bench 1100000
