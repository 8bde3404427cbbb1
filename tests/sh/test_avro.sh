#!/bin/sh
# test_avro.sh: the Event Hubs Capture (Avro) form that estate-gen writes
# (--formats avro: the last month's CE files as Capture would store them)
# reads like the CE files it came from: posture inspect totals, times from
# EnqueuedTimeUtc, posture diff --period; and the samples' Avro month.
. "$TESTS_DIR/sh/lib.sh"
: "${ESTATE_GEN:?set by tests/run.sh}"

totals() { "$POSTURE" inspect "$@" | sed -n 's/^total: [0-9]* files (0 failed), //p'; }

E=$TMP/estate
"$ESTATE_GEN" --out "$E" --months 2 --formats avro 2>"$TMP/err"
check_eq "estate-gen --formats avro exit" $? 0
check_eq "estate-gen stderr" "$(cat "$TMP/err")" ""
check_eq "avro implies ce" "$(ls "$E/ce")" "2026-05
2026-06"
n=$(find "$E/avro" -name '*.avro' | wc -l | tr -d ' ')
check_eq "capture files written" "$([ "$n" -gt 5 ] && echo yes)" yes
check_eq "Capture layout, last month only" \
	"$(find "$E/avro" -name '*.avro' | grep -cv '/avro/posture-ns/defender-export/0/2026/06/[0-3][0-9]/[0-2][0-9]/[0-5][0-9]/[0-5][0-9]\.avro$')" 0

ce=$(totals "$E/ce/2026-06"); av=$(totals "$E/avro")
check_contains "inspect CE totals" "$ce" "0 rejected, 0 warnings, records "
check_eq "inspect: same totals as the CE files" "$av" "$ce"
out=$("$POSTURE" inspect "$E/avro")
check_contains "format" "$out" "format        avro-capture deflate"
total=$(echo "$ce" | sed 's/.*records \([0-9]*\).*/\1/')
check_eq "every time from EnqueuedTimeUtc" \
	"$(echo "$out" | sed -n 's/.*from enqueued: \([0-9]*\)).*/\1/p' | awk '{ s += $1 } END { print s }')" "$total"

"$POSTURE" diff --period 2026-06 --format json "$E/ce/2026-05" "$E/ce/2026-06" >"$TMP/ce.json"
check_eq "diff on CE exit" $? 0
"$POSTURE" diff --period 2026-06 --format json "$E/ce/2026-05" "$E/avro" >"$TMP/avro.json"
check_eq "diff on Avro exit" $? 0
check_files_eq "diff: Avro form = CE form" "$TMP/avro.json" "$TMP/ce.json"
check_contains "diff found changes" "$(cat "$TMP/ce.json")" '"class": "remediated"'

# the committed sample month
if [ -d samples/estate/avro ]; then
	check_eq "samples: Avro month = CE month" "$(totals samples/estate/avro)" "$(totals samples/estate/ce/2026-10)"
else
	fail "samples/estate/avro is missing (make samples)"
fi
# The evidence hash is computed on the bytes as they are read (libcrypto), for
# Avro and every other format: it equals sha256sum of each file as stored.
S="$TESTS_DIR/../samples"
"$POSTURE" inspect --format json "$S" "$E/avro" 2>/dev/null | python3 -c '
import json, sys
for f in json.load(sys.stdin)["files"]:
    print("%s  %s" % (f["sha256"], f["path"]))' | sort >"$TMP/sha.got"
check_eq "hashes listed, Avro among them" "$(grep -c '\.avro$' "$TMP/sha.got" | awk '{ print ($1 > 5) ? "yes" : "no" }')" yes
cut -c67- "$TMP/sha.got" | xargs sha256sum | sort >"$TMP/sha.exp"
check_files_eq "inspect: every file's SHA-256 = sha256sum" "$TMP/sha.got" "$TMP/sha.exp"
summary
