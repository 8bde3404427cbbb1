#!/bin/sh
# fuzz_json.sh CORPUS: adds the extra seeds of the JSON harness (fuzz_json.c)
# to the working corpus folder CORPUS: the JSON cases of the bad-input corpus.
# The valid shapes are in tests/fuzz/corpus/json/.  `make fuzz` calls it
# (through tests/fuzz/run.sh), from the top of the tree.
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_json.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
cp tests/bad/json-*.json "$1/"
