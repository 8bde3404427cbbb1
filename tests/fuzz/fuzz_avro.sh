#!/bin/sh
# fuzz_avro.sh CORPUS: adds the extra seeds of the Avro harness (fuzz_avro.c)
# to CORPUS: a few Event Hubs Capture files of the sample estate (the
# smallest) and the Avro cases of the bad-input corpus.  `make fuzz` calls
# it (through run.sh).
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_avro.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
find samples/estate/avro -name '*.avro' -size -64k | sort | head -n 8 | while read -r f; do
	cp "$f" "$1/sample-$(echo "$f" | tr '/' '_')"
done
cp tests/bad/avro-*.avro "$1/"
