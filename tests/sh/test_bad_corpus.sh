#!/bin/sh
# The bad-input corpus: every tests/bad/NAME.* input (not .expect) is read
# with `posture inspect`; tests/bad/NAME.expect says what must happen:
#   exit N            the exit code
#   stderr TEXT       TEXT appears in standard error
#   stdout TEXT       TEXT appears in standard output
#   args ARGS         extra arguments before the file (e.g. --skip-bad)
# Several stderr/stdout lines may be given.  Inputs are named in messages by
# the path given on the command line, so tests run from the tests/bad folder.
. "$TESTS_DIR/sh/lib.sh"
cd "$TESTS_DIR/bad" || exit 1
n=0
for exp in *.expect; do
	[ -f "$exp" ] || continue
	name=${exp%.expect}
	input=$(ls "$name".* 2>/dev/null | grep -v '\.expect$' | head -n 1)
	if [ -z "$input" ]; then fail "$exp: no input file $name.*"; continue; fi
	args=$(sed -n 's/^args //p' "$exp")
	# shellcheck disable=SC2086
	"$POSTURE" inspect $args "$input" >"$TMP/out" 2>"$TMP/err"
	code=$?
	want=$(sed -n 's/^exit //p' "$exp")
	check_eq "$name: exit code" "$code" "${want:-0}"
	while IFS= read -r line; do
		case $line in
		"stderr "*) check_contains "$name: stderr" "$(cat "$TMP/err")" "${line#stderr }";;
		"stdout "*) check_contains "$name: stdout" "$(cat "$TMP/out")" "${line#stdout }";;
		esac
	done <"$exp"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || fail "the corpus is empty"
summary
