#!/bin/sh
# gen_scale.sh: how fast estate-gen makes a large estate, and how big it is.
# Not a test (speed is never asserted): prints figures for the notes.
#   sh tests/bench/gen_scale.sh [SUBSCRIPTIONS RESOURCES MONTHS]
# 1500 subscriptions and 60000 resources give about 225,000 findings a
# snapshot; about 270000 resources give 1,000,000 findings.
BUILD=${BUILD:-build}
GEN=${ESTATE_GEN:-$BUILD/estate-gen}
SUBS=${1:-1500}; RES=${2:-60000}; MONTHS=${3:-1}
OUT=$(mktemp -d); trap 'rm -rf "$OUT"' EXIT
for mode in --no-gzip ""; do
	rm -rf "$OUT/estate"
	/usr/bin/time -f "estate-gen $SUBS subs, $RES resources, $MONTHS month(s) $mode: %e s wall, %U s user, %S s sys, %M KB peak RSS" \
		"$GEN" --out "$OUT/estate" --subscriptions "$SUBS" --resources "$RES" --months "$MONTHS" --formats ce $mode || exit 1
	echo "  size: $(du -sh "$OUT/estate" | cut -f1); findings a snapshot: $(
		f=$(ls "$OUT"/estate/ce/*/snapshot-* | tail -n 1)
		case $f in *.gz) zcat "$f";; *) cat "$f";; esac | grep -c '"Microsoft.Security/assessments"')"
done
