#!/bin/sh
# test_jobs.sh: reading with several threads (--jobs N) changes nothing:
# every output of diff, score, teams, verify and the report pack is
# byte-identical for --jobs 1, 2 and 4, and so are the exit status and the
# standard error when a file fails (with and without --skip-bad), or when a
# path is missing.
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
B="$TESTS_DIR/bad"
G=2026-11-01T00:00:00Z
# outputs J: every output with --jobs J into $TMP/jJ
outputs() {
	o=$TMP/j$1; mkdir -p "$o"
	for f in text csv json; do
		for c in diff score teams; do
			"$POSTURE" $c --jobs "$1" --period 2026-10 --format $f "$S" >"$o/$c.$f" 2>"$o/$c.$f.err"
			echo $? >>"$o/$c.$f.err"
		done
		"$POSTURE" verify --jobs "$1" --claims "$TESTS_DIR/golden/verify/claims.csv" --format $f "$S" \
			>"$o/verify.$f" 2>&1
		"$POSTURE" diff --jobs "$1" --format $f "$S/estate/ce" >"$o/diff-ce.$f" 2>&1
	done
	"$POSTURE" report --jobs "$1" --goals "$S/.goals.conf" --split-by-team --out "$o/pack" --generated-at $G \
		"$S" >/dev/null 2>"$o/report.err"
	echo $? >>"$o/report.err"
	sed -i "s|$o/||g" "$o/pack/index.csv"
	# a bad file among good ones: the first failure stops the read (or is skipped)
	for bad in json-truncated csv-broken-quote avro-truncated empty; do
		f=$(ls "$B/$bad".* | grep -v '\.expect$\|\.stderr$' | head -n 1)
		"$POSTURE" diff --jobs "$1" --format csv "$S/estate/ce" "$f" "$S/estate/portal" >"$o/bad-$bad" 2>&1
		echo $? >>"$o/bad-$bad"
		"$POSTURE" diff --jobs "$1" --skip-bad --format json "$S/estate/ce" "$f" "$S/estate/portal" \
			>"$o/skip-$bad" 2>&1
		echo $? >>"$o/skip-$bad"
	done
	"$POSTURE" score --jobs "$1" --format json "$S/estate/ce" "$TMP/missing" "$S/estate/portal" >"$o/missing" 2>&1
	echo $? >>"$o/missing"
	"$POSTURE" score --jobs "$1" --skip-bad --format json "$S/estate/ce" "$TMP/missing" "$S/estate/portal" \
		>"$o/missing-skip" 2>&1
	echo $? >>"$o/missing-skip"
}
for j in 1 2 4; do outputs $j; done
check_eq "files written" "$(find "$TMP/j1" -type f | wc -l | tr -d ' ')" "$(find "$TMP/j4" -type f | wc -l | tr -d ' ')"
check_eq "a pack was written" "$(ls "$TMP/j1/pack" | grep -c 'posture-review-2026-10\.\(pdf\|xlsx\)$')" 2
check_eq "the runs succeeded" "$(cat "$TMP/j1/report.err" | tail -n 1) $(tail -n 1 "$TMP/j1/diff.csv.err")" "0 0"
check_eq "a bad file fails the run" "$(tail -n 1 "$TMP/j1/bad-json-truncated")" 65
check_eq "skipped with --skip-bad" "$(tail -n 1 "$TMP/j1/skip-json-truncated")" 0
check_eq "a missing path fails the run" "$(tail -n 1 "$TMP/j1/missing")" 66
for j in 2 4; do
	check_eq "--jobs $j: every output byte-identical to --jobs 1" \
		"$(diff -r "$TMP/j1" "$TMP/j$j" >"$TMP/diff$j" && echo same)" same
	head -20 "$TMP/diff$j"
done
check_eq "--jobs 0 refused" "$("$POSTURE" diff --jobs 0 "$S" 2>&1; echo $?)" \
	"posture: --jobs: expected a number of threads from 1 to 64, not '0'
64"
summary
