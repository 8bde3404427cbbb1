#!/bin/sh
# The command line: help, version, usage errors and their exit codes.
. "$TESTS_DIR/sh/lib.sh"

out=$("$POSTURE" --version); check_eq "--version exit" $? 0
check_contains "--version" "$out" "posture "
out=$("$POSTURE" --help); check_contains "--help lists commands" "$out" "verify"
for c in report diff inspect score teams verify; do
	out=$("$POSTURE" $c --help); check_eq "$c --help exit" $? 0
	check_contains "$c --help" "$out" "usage: posture $c"
done
"$POSTURE" 2>/dev/null; check_eq "no command" $? 64
err=$("$POSTURE" frobnicate x 2>&1); check_eq "unknown command" $? 64
check_contains "unknown command message" "$err" "unknown command 'frobnicate'"
err=$("$POSTURE" inspect --bogus x 2>&1); check_eq "unknown option" $? 64
check_contains "unknown option message" "$err" "unknown option '--bogus'"
err=$("$POSTURE" inspect --claims x y 2>&1); check_eq "option of another command" $? 64
err=$("$POSTURE" inspect 2>&1); check_eq "no input" $? 64
err=$("$POSTURE" diff --period 2026-13 x 2>&1); check_eq "bad period" $? 64
check_contains "bad period message" "$err" "--period: expected YYYY-MM"
err=$("$POSTURE" diff --from 2026-10-31 --period 2026-10 x 2>&1); check_eq "period with from" $? 64
err=$("$POSTURE" diff --from 2026-11-01 --to 2026-10-01 x 2>&1); check_eq "from after to" $? 64
err=$("$POSTURE" inspect --format xml x 2>&1); check_eq "bad format" $? 64
err=$("$POSTURE" inspect "$TMP/missing" 2>&1); check_eq "missing input" $? 66
check_contains "missing input message" "$err" "$TMP/missing: No such file or directory"
err=$(SOURCE_DATE_EPOCH=abc "$POSTURE" inspect x 2>&1); check_eq "bad SOURCE_DATE_EPOCH" $? 64
: >"$TMP/empty.json"
err=$("$POSTURE" inspect "$TMP/empty.json" 2>&1); check_eq "empty file" $? 65
check_contains "empty file message" "$err" "empty.json: empty file"
out=$("$POSTURE" inspect --skip-bad "$TMP/empty.json" "$TMP/missing" 2>&1); check_eq "--skip-bad exit" $? 0
check_contains "--skip-bad lists the failure" "$out" "FAILED"
check_contains "--skip-bad total" "$out" "2 files (2 failed)"
summary
