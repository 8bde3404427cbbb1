#!/bin/sh
# Runs every unit test binary and every shell test; each ends with a line
# "N passed, N failed, N skipped" (an older "N passed, N failed" reads as
# 0 skipped).  Prints each suite's result, then the sums on the last line.
# A suite fails when it counts a failure, exits non-zero, ends without a
# summary, runs no check at all, or prints more SKIP lines than it counts.
# Skips are counted, never passed: with CI=true any skip fails the run.
BUILD=${BUILD:-build}
export BUILD
export POSTURE="${POSTURE:-$PWD/$BUILD/posture}" ESTATE_GEN="${ESTATE_GEN:-$PWD/$BUILD/estate-gen}"
export TESTS_DIR="$PWD/tests"
passed=0; failed=0; skipped=0; broken=""; skippers=""
log=$(mktemp -d); trap 'rm -rf "$log"' EXIT
# broke NAME WHY: the suite failed in a way its own counts do not show
broke() {
	echo "$1: $2"; failed=$((failed + 1))
	case " $broken " in *" $1 "*) ;; *) broken="$broken $1";; esac
}
run_suite() { # name, command...
	name=$1; shift
	"$@" >"$log/out" 2>&1
	status=$?
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed(, [0-9]+ skipped)?$' "$log/out" | tail -n 1)
	if [ -z "$line" ]; then
		cat "$log/out"; broke "$name" "ended without a summary (exit $status)"; return
	fi
	p=${line%% passed*}; f=${line#*passed, }; f=${f%% failed*}
	case $line in *skipped) s=${line##*failed, }; s=${s%% skipped};; *) s=0;; esac
	passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
	if [ "$f" != 0 ] || [ "$status" != 0 ]; then
		grep -E '^(FAIL|     |SKIP)' "$log/out"
		if [ "$f" = 0 ]; then broke "$name" "exit $status with no failure counted"; else broken="$broken $name"; fi
	fi
	nskip=$(grep -c '^SKIP' "$log/out")
	[ "$nskip" -gt "$s" ] && broke "$name" "prints $nskip SKIP lines but counts $s skips (use skip / check_skip)"
	[ $((p + f + s)) = 0 ] && broke "$name" "ran no check"
	[ "$s" != 0 ] && skippers="$skippers $name"
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
[ -n "$broken" ] && echo "failing:$broken"
[ -n "$skippers" ] && echo "skipped in:$skippers"
ci_fail=""
if [ "$skipped" != 0 ] && [ "${CI:-}" = true ]; then
	echo "CI=true: $skipped skipped checks fail the run; skipped in:$skippers"
	ci_fail=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ -z "$ci_fail" ]
