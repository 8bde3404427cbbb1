#!/bin/sh
# posture verify on the hand-made exports of tests/golden/diff/classes and a
# claims file with every verdict (ids in another case, keys, display names,
# full assessment ids, a ticket that looks like a spreadsheet formula), with
# the team of each finding next to the claim's.  UPDATE_GOLDEN=1 make test
# rewrites the golden files (review their diff).
. "$TESTS_DIR/sh/lib.sh"
C="$TESTS_DIR/golden/diff/classes"
V="$TESTS_DIR/golden/verify"
RULES="$TESTS_DIR/golden/diff/teams.conf"

for f in text csv json; do
	"$POSTURE" verify --claims "$V/claims.csv" --teams "$RULES" --period 2026-10 --format $f "$C" \
		>"$TMP/out.$f" 2>/dev/null
	check_eq "verify --format $f exit" $? 0
	[ -n "$UPDATE_GOLDEN" ] && cp "$TMP/out.$f" "$V/expected.$f"
	check_files_eq "verify --format $f" "$TMP/out.$f" "$V/expected.$f"
done
check_contains "counts" "$(cat "$TMP/out.text")" "Claims: 8, verified 1, still_failing 2, not_a_fix 3, unknown 2"
check_contains "formula neutralised" "$(cat "$TMP/out.csv")" "\"'=HYPERLINK(\"\"http://x\"\")\""
"$POSTURE" verify --strict --claims "$V/claims.csv" --period 2026-10 "$C" >/dev/null
check_eq "--strict with warnings" $? 1

err=$("$POSTURE" verify --period 2026-10 "$C" 2>&1); check_eq "no --claims" $? 64
check_contains "no --claims message" "$err" "--claims FILE is required"
err=$("$POSTURE" verify --claims "$TMP/none.csv" "$C" 2>&1); check_eq "missing claims" $? 66
printf 'resource_id,ticket\n/x,1\n' >"$TMP/bad.csv"
err=$("$POSTURE" verify --claims "$TMP/bad.csv" "$C" 2>&1); check_eq "claims without recommendation" $? 65
check_contains "claims error names the line" "$err" "bad.csv:1: no recommendation column"
printf 'resource_id,key\n/x,"k\n' >"$TMP/quote.csv"
err=$("$POSTURE" verify --claims "$TMP/quote.csv" "$C" 2>&1); check_eq "broken quote" $? 65
check_contains "broken quote message" "$err" "quote.csv:2: unterminated quoted field"
# the finding's team next to the claim's: stdata1 was claimed by Storage, the rules give Infrastructure
check_contains "text: mismatched team" "$(cat "$TMP/out.text")" \
	"line 7, team Storage, finding team Infrastructure (differs), ticket"
check_contains "text: same team not repeated" "$(cat "$TMP/out.text")" "line 2, team Infrastructure, ticket CHG-1001,"
check_contains "csv: finding_team after team" "$(head -n 1 "$TMP/out.csv")" "line,resource_id,recommendation,team,finding_team,ticket,"
check_contains "csv: mismatched team" "$(cat "$TMP/out.csv")" ",Storage,Infrastructure,\"'=HYPERLINK("
check_contains "csv: no finding, no team" "$(cat "$TMP/out.csv")" ",Infrastructure,,CHG-1007,unknown,"
check_contains "json: finding_team" "$(cat "$TMP/out.json")" "\"team\": \"Development\",
      \"finding_team\": \"Development\","
printf 'team "Ops" id = *\n' >"$TMP/ops.conf"
out=$("$POSTURE" verify --claims "$V/claims.csv" --teams "$TMP/ops.conf" --period 2026-10 "$C" 2>&1)
check_contains "other rules: claim's team differs" "$out" "line 6, team Development, finding team Ops (differs)"
printf 'resource_id,key\n/subscriptions/11111111-aaaa-1111-aaaa-111111111111/resourceGroups/rg-app/providers/Microsoft.Compute/virtualMachines/vm1,a0000005-0c0c-4d4d-8e8e-000000000005\n' >"$TMP/noteam.csv"
out=$("$POSTURE" verify --claims "$TMP/noteam.csv" --teams "$TMP/ops.conf" --period 2026-10 "$C" 2>&1)
check_contains "claim without team: finding team shown" "$out" "line 2, finding team Ops, still_open"
printf 'team "Ops" id = *\nteam "Nobody" name = nothing\n' >"$TMP/unused.conf"
out=$("$POSTURE" verify --claims "$V/claims.csv" --teams "$TMP/unused.conf" --period 2026-10 --format json "$C" 2>&1)
check_contains "unused rule warning" "$out" "$TMP/unused.conf:2: rule for team \\\"Nobody\\\" matched no resource"
err=$("$POSTURE" verify --claims "$V/claims.csv" --teams "$TMP/none.conf" "$C" 2>&1); check_eq "missing rules" $? 66
check_contains "missing rules message" "$err" "$TMP/none.conf"
printf 'team "A"\n  type = \n' >"$TMP/badteams.conf"
err=$("$POSTURE" verify --claims "$V/claims.csv" --teams "$TMP/badteams.conf" "$C" 2>&1); check_eq "bad rules" $? 65
check_contains "bad rules message" "$err" "$TMP/badteams.conf:2"
summary
