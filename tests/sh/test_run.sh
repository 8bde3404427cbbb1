#!/bin/sh
# tests/run.sh itself, on a made-up tree of suites: the three counts add up,
# the old two-field summary still reads, skips are counted and named (and
# fail the run under CI=true), and a suite that fails without counting it
# (no summary, no check, a non-zero exit, an uncounted SKIP line) fails.
. "$TESTS_DIR/sh/lib.sh"
W="$TMP/tree"
mkdir -p "$W/tests/sh" "$W/build/tests"
cp "$TESTS_DIR/sh/lib.sh" "$TESTS_DIR/check.h" "$W/tests/"
mv "$W/tests/lib.sh" "$W/tests/sh/lib.sh"
suite() { # NAME BODY: a shell suite of the made-up tree
	{ echo '. "$TESTS_DIR/sh/lib.sh"'; printf '%s\n' "$2"; } >"$W/tests/sh/$1"
}
# run [ENV...]: tests/run.sh in the made-up tree; output in $TMP/out, exit in $rc
run() {
	(cd "$W" && env BUILD=build "$@" sh "$TESTS_DIR/run.sh") >"$TMP/out" 2>&1
	rc=$?
}
last() { tail -n 1 "$TMP/out"; }

suite test_a.sh 'check_eq one 1 1; check_eq two 2 2; summary'
suite test_b.sh 'check_eq one 1 1; skip "the real data is absent"; summary'
suite test_old.sh 'echo "3 passed, 0 failed"'
cat >"$W/c.c" <<'C'
#include "check.h"
static void test_here(void) { CHECK(1 + 1 == 2); }
static void test_absent(void) { check_skip("no such thing here"); }
int main(void) { RUN(test_here); RUN(test_absent); return check_summary(); }
C
cc -std=c11 -pedantic -Wall -Wextra -Werror -I"$W/tests" -o "$W/build/tests/test_c" "$W/c.c" 2>"$TMP/cc.err"
check_eq "check.h program builds" "$?$(cat "$TMP/cc.err")" 0
out=$("$W/build/tests/test_c"); c_rc=$?
check_eq "check.h: a skip is not a failure" "$c_rc" 0
check_eq "check.h: summary and skip line" "$out" "SKIP test_absent: no such thing here
1 passed, 0 failed, 1 skipped"

run CI=
check_eq "skips only: exit 0 without CI" "$rc" 0
check_eq "sums of three and two fields" "$(last)" "7 passed, 0 failed, 2 skipped"
check_contains "suite line" "$(cat "$TMP/out")" "test_b.sh                            1 passed, 0 failed, 1 skipped"
check_contains "old line read" "$(cat "$TMP/out")" "test_old.sh                          3 passed, 0 failed"
check_contains "skip line named" "$(cat "$TMP/out")" "test_b.sh: SKIP the real data is absent"
check_contains "C skip named" "$(cat "$TMP/out")" "test_c: SKIP test_absent: no such thing here"
check_contains "skipping suites listed" "$(cat "$TMP/out")" "skipped in: test_c test_b.sh"

run CI=true
check_eq "CI=true: a skip fails the run" "$rc" 1
check_contains "CI=true: the line naming them" "$(cat "$TMP/out")" \
	"CI=true: 2 skipped checks fail the run; skipped in: test_c test_b.sh"
check_eq "CI=true: last line still the sums" "$(last)" "7 passed, 0 failed, 2 skipped"

rm "$W/tests/sh/test_b.sh" "$W/build/tests/test_c"
run CI=true
check_eq "CI=true without skips passes" "$rc $(last)" "0 5 passed, 0 failed, 0 skipped"

# Each way of failing without counting it is one failure, and is named.
broken() { # NAME BODY EXPECTED-LINE [PASSED]
	suite "$1" "$2"; run CI=
	check_eq "$1: run fails" "$rc" 1
	check_contains "$1: reason" "$(cat "$TMP/out")" "$3"
	check_contains "$1: named" "$(cat "$TMP/out")" "failing: $1"
	check_eq "$1: counted as a failure" "$(last)" "$((5 + ${4:-0})) passed, 1 failed, 0 skipped"
	rm "$W/tests/sh/$1"
}
broken test_none.sh 'echo "all good"' "test_none.sh: ended without a summary (exit 0)"
broken test_empty.sh 'summary' "test_empty.sh: ran no check"
broken test_exit.sh 'pass; summary; exit 3' "test_exit.sh: exit 3 with no failure counted" 1
broken test_echo.sh 'echo "SKIP something: not here"; pass; summary' \
	"test_echo.sh: prints 1 SKIP lines but counts 0 skips" 1
suite test_fail.sh 'check_eq wrong 1 2; pass; summary'
run CI=
check_eq "a counted failure" "$rc $(last)" "1 6 passed, 1 failed, 0 skipped"
check_contains "its FAIL line shown" "$(cat "$TMP/out")" "FAIL wrong: got '1', expected '2'"
summary
