#!/bin/sh
# Time sanity (issue 15): --generated-at and SOURCE_DATE_EPOCH outside
# 1970 .. 9999 are refused with exit 64 before anything is written; a record
# time far in the future (9999-12-31T23:59:60Z) is a warning and does not
# choose the report's default period.
. "$TESTS_DIR/sh/lib.sh"
D=$TMP/in; mkdir -p "$D"
cp "$TESTS_DIR/../samples/estate/ce/2026-10/stream-2026-10-08.ndjson.gz" "$D/"
cp "$TESTS_DIR/bad/time-implausible.ndjson" "$D/"
for g in 9999-12-31T23:59:60Z 1969-12-31T23:59:59Z 1900-01-01; do
	"$POSTURE" report --generated-at "$g" --out "$TMP/out" "$D" >"$TMP/o" 2>"$TMP/e"
	check_eq "--generated-at $g: exit" "$?" 64
	check_contains "--generated-at $g: message" "$(cat "$TMP/e")" "--generated-at: '$g' is outside 1970-01-01T00:00:00Z .. 9999-12-31T23:59:59Z"
	check_eq "--generated-at $g: nothing written" "$(ls "$TMP/out" 2>/dev/null | wc -l)" 0
done
SOURCE_DATE_EPOCH=253402300800 "$POSTURE" report --out "$TMP/out" "$D" >"$TMP/o" 2>"$TMP/e"
check_eq "SOURCE_DATE_EPOCH=253402300800: exit" "$?" 64
check_contains "SOURCE_DATE_EPOCH: message" "$(cat "$TMP/e")" "SOURCE_DATE_EPOCH: 253402300800 is after 9999-12-31T23:59:59Z"
check_eq "SOURCE_DATE_EPOCH: nothing written" "$(ls "$TMP/out" 2>/dev/null | wc -l)" 0
SOURCE_DATE_EPOCH=253402300799 "$POSTURE" inspect -q "$D" >"$TMP/o" 2>"$TMP/e"
check_eq "SOURCE_DATE_EPOCH=253402300799 (the last second of 9999): accepted" "$?" 0
# The last whole month is chosen from the plausible records (data ending on
# 2026-10-13 gives September), never from +10000-01-01.
"$POSTURE" report --generated-at 2026-11-01T00:00:00Z --allow-partial --out "$TMP/out" "$D" >"$TMP/o" 2>"$TMP/e"
check_eq "report with a record in 9999: exit" "$?" 0
check_eq "report with a record in 9999: the September pack" "$(ls "$TMP/out" | tr '\n' ' ')" \
	"posture-review-2026-09.pdf posture-review-2026-09.xlsx sources.sha256 "
summary
