#!/bin/sh
# fuzz_json_fast.sh CORPUS: the seeds of the hot-path harness
# (fuzz_json_fast.c): those of the JSON harness (tests/fuzz/corpus/json/ and
# the JSON cases of the bad-input corpus), and the sample estate's CE lines.
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_json_fast.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
cp tests/fuzz/corpus/json/* tests/bad/json-*.json "$1/"
n=0
for f in samples/estate/ce/*/*.ndjson.gz; do
	[ -f "$f" ] || continue
	zcat "$f" | head -n 40 | split -l 1 - "$1/ce-$n-"
	n=$((n + 1))
	[ $n -lt 3 ] || break
done
