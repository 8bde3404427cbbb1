#!/bin/sh
# posture teams: golden outputs over a small hand-made estate, custom rules,
# unassigned resources, warnings, bad rule files.
. "$TESTS_DIR/sh/lib.sh"
# Golden files hold paths relative to the checkout: run from there.
cd "$TESTS_DIR/.." || exit 1
G=tests/golden/teams IN=tests/golden/score/input RULES=tests/golden/score/teams.conf
for f in text csv json; do
	"$POSTURE" teams --teams "$RULES" --format $f "$IN" >"$TMP/out.$f" 2>"$TMP/err.$f"
	check_eq "teams $f exit" $? 0
	[ -n "$UPDATE_GOLDEN" ] && cp "$TMP/out.$f" "$G/out.$f"
	check_files_eq "teams $f golden" "$TMP/out.$f" "$G/out.$f"
done
out=$(cat "$TMP/out.text")
check_contains "UTF-8 team" "$out" "Équipe réseau: 1"
check_contains "rule place" "$out" "Platform ($RULES:3)"
check_contains "unassigned count" "$out" "Unassigned: 3"
check_contains "unassigned listed" "$out" "  /subscriptions/aaaaaaaa-0000-4000-8000-000000000001/resourceGroups/rg-app/providers/Microsoft.Web/sites/web1"
check_contains "never-matching rule" "$out" "$RULES:5: rule for team \"Never\" matched no resource"
check_contains "csv warning on stderr" "$(cat "$TMP/err.csv")" "posture: warning: unused_team_rule: $RULES:5: rule for team \"Never\""
"$POSTURE" teams --strict --teams "$RULES" "$IN" >/dev/null 2>&1
check_eq "--strict with warnings" $? 1

# The default rules (templates/teams.conf) place every resource of the estate.
out=$("$POSTURE" teams --format csv "$IN" 2>/dev/null)
check_contains "default: key vault" "$out" "kv1,Information / Data Security Team,templates/teams.conf:"
check_contains "default: subscription" "$out" "aaaaaaaa-0000-4000-8000-000000000001,Identity Team,"
check_eq "default: nothing unassigned" "$(printf '%s\n' "$out" | grep -c ',Unassigned,')" 0

# --to picks the state: on 2026-09-30 web1 did not exist yet.
out=$("$POSTURE" teams --teams "$RULES" --to 2026-09-30 --format csv "$IN" 2>/dev/null)
check_eq "--to: resources" "$(printf '%s\n' "$out" | grep -c '^/subscriptions')" 8

# Bad rule files stop with the line.
printf 'team A type=x\n\nteam B tpye=microsoft.sql/*\n' >"$TMP/bad.conf"
err=$("$POSTURE" teams --teams "$TMP/bad.conf" "$IN" 2>&1)
check_eq "bad rules exit" $? 65
check_contains "bad rules message" "$err" "bad.conf:3: unknown matcher 'tpye'"
err=$("$POSTURE" teams --teams "$TMP/missing.conf" "$IN" 2>&1)
check_eq "missing rules exit" $? 66
summary
