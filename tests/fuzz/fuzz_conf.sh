#!/bin/sh
# fuzz_conf.sh CORPUS: the extra seeds of the configuration harness
# (fuzz_conf.c: team rules, goals, settings, claims) for CORPUS.  The seeds
# are all in tests/fuzz/corpus/conf/, which tests/fuzz/run.sh copies
# already; this adds the shipped templates.  `make fuzz` builds the harness
# and runs it for FUZZ_SECONDS (through run.sh), like every other one.
set -eu
[ $# = 1 ] && [ -d "$1" ] || { echo "usage: fuzz_conf.sh CORPUS-FOLDER (make fuzz runs the harness)" >&2; exit 64; }
for f in templates/*.conf; do [ -f "$f" ] && cp "$f" "$1/template-$(basename "$f")"; done
exit 0
