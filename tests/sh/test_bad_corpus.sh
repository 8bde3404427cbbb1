#!/bin/sh
# The bad-input corpus: every tests/bad/NAME.* input (not .expect or .stderr)
# is read with `posture inspect`; tests/bad/NAME.expect says what must happen:
#   exit N            the exit code
#   stdout TEXT       TEXT appears in standard output (several lines may be given)
#   args ARGS         extra arguments before the file (e.g. --skip-bad)
# and tests/bad/NAME.stderr is the whole standard error, byte for byte (a
# golden file, as mandoc's; empty when nothing may be printed there).
# UPDATE_GOLDEN=1 make test rewrites the .stderr files from the binary under
# test (review their diff).  Inputs are named in messages by the path given
# on the command line, so tests run from the tests/bad folder.
. "$TESTS_DIR/sh/lib.sh"
cd "$TESTS_DIR/bad" || exit 1
n=0
for exp in *.expect; do
	[ -f "$exp" ] || continue
	name=${exp%.expect}
	input=$(ls "$name".* 2>/dev/null | grep -v -e '\.expect$' -e '\.stderr$' | head -n 1)
	if [ -z "$input" ]; then fail "$exp: no input file $name.*"; continue; fi
	args=$(sed -n 's/^args //p' "$exp")
	# shellcheck disable=SC2086
	"$POSTURE" inspect $args "$input" >"$TMP/out" 2>"$TMP/err"
	code=$?
	want=$(sed -n 's/^exit //p' "$exp")
	check_eq "$name: exit code" "$code" "${want:-0}"
	[ -n "$UPDATE_GOLDEN" ] && cp "$TMP/err" "$name.stderr"
	if [ -f "$name.stderr" ]; then check_files_eq "$name: stderr" "$TMP/err" "$name.stderr"
	else fail "$name: no golden $name.stderr (UPDATE_GOLDEN=1 make test writes it)"; fi
	while IFS= read -r line; do
		case $line in
		"stdout "*) check_contains "$name: stdout" "$(cat "$TMP/out")" "${line#stdout }";;
		"exit "*|"args "*|"") ;;
		*) fail "$exp: unknown line '$line' (stderr is $name.stderr)";;
		esac
	done <"$exp"
	n=$((n + 1))
done
for g in *.stderr; do
	[ -f "$g" ] || continue
	[ -f "${g%.stderr}.expect" ] || fail "$g: no ${g%.stderr}.expect beside it"
done
[ "$n" -gt 0 ] || fail "the corpus is empty"
summary
