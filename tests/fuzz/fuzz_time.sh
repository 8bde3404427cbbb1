#!/bin/sh
# fuzz_time.sh CORPUS: adds the extra seeds of the timestamp harness
# (fuzz_time.c) to CORPUS: every distinct time-looking string in the first
# lines of the sample CSV files, one per seed.  `make fuzz` calls it.
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_time.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
n=0
for f in samples/estate/portal/*.csv samples/estate/la/*.csv; do head -n 3 "$f"; done |
	grep -oE '[0-9]{1,4}[-/][0-9]{1,2}[-/][0-9]{2,4}[^",]{0,24}' | sort -u | head -n 50 |
	while IFS= read -r t; do n=$((n + 1)); printf '%s' "$t" >"$1/sample-$n"; done
