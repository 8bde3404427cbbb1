#!/bin/sh
# fuzz_gzip.sh CORPUS: adds the seeds of the gzip harness (fuzz_gzip.c) to
# CORPUS: the gzip cases of the bad-input corpus and the gzip samples of
# at most 64 KiB.  `make fuzz` calls it (through run.sh).
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_gzip.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
cp tests/bad/gzip-*.gz "$1/"
find samples -name '*.gz' -size -64k | sort | head -n 20 | while IFS= read -r f; do
	cp "$f" "$1/sample-$(basename "$f")"
done
