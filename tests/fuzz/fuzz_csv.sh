#!/bin/sh
# fuzz_csv.sh CORPUS: adds the extra seeds of the CSV harness (fuzz_csv.c)
# to CORPUS: the head of each portal and Log Analytics CSV sample and the CSV
# cases of the bad-input corpus.  `make fuzz` calls it (through run.sh).
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_csv.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
for f in samples/estate/portal/*.csv samples/estate/la/*.csv; do
	[ -f "$f" ] && head -c 6000 "$f" >"$1/sample-$(basename "$f")"
done
cp tests/bad/csv-*.csv tests/bad/csv-*.txt "$1/"
