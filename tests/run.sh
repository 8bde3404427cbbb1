#!/bin/sh
# Runs every unit test binary and every shell test; each ends with a line
# "N passed, N failed".  Prints each suite's result, then the sum.
BUILD=${BUILD:-build}
export POSTURE="${POSTURE:-$PWD/$BUILD/posture}" ESTATE_GEN="${ESTATE_GEN:-$PWD/$BUILD/estate-gen}"
export TESTS_DIR="$PWD/tests"
passed=0; failed=0; broken=""
log=$(mktemp -d)
run_suite() { # name, command...
	name=$1; shift
	"$@" >"$log/out" 2>&1
	status=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log/out" | tail -n 1)
	if [ -z "$line" ]; then
		cat "$log/out"; echo "$name: ended without a summary (exit $status)"
		failed=$((failed + 1)); broken="$broken $name"; return
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" != 0 ] || [ "$status" != 0 ]; then
		grep -E '^(FAIL|     |SKIP)' "$log/out"; broken="$broken $name"
		[ "$f" = 0 ] && failed=$((failed + 1))
	fi
	grep -E '^SKIP' "$log/out" | sed "s/^/$name: /" | sort -u | head -5
	printf '%-36s %s\n' "$name" "$line"
}
for t in "$BUILD"/tests/test_*; do
	case $t in *.d) continue;; esac
	[ -x "$t" ] && run_suite "$(basename "$t")" "$t"
done
for t in tests/sh/test_*.sh; do
	[ -f "$t" ] && run_suite "$(basename "$t")" sh "$t"
done
rm -rf "$log"
[ -n "$broken" ] && echo "failing:$broken"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
