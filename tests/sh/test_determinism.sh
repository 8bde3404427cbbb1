#!/bin/sh
# The order of the inputs changes nothing: the sample files given forward,
# backward and interleaved give byte-identical outputs of every command
# (the pack, split per team, and every text, CSV and JSON output).
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
find "$S/estate" -type f ! -path '*/.expected/*' | sort >"$TMP/fwd.list"
sed -n '1!G;h;$p' "$TMP/fwd.list" >"$TMP/rev.list"
{ awk 'NR % 2 == 0' "$TMP/fwd.list"; awk 'NR % 2 == 1' "$TMP/fwd.list" | sed -n '1!G;h;$p'; } >"$TMP/mix.list"
check_eq "the same inputs in three orders" "$(sort "$TMP/mix.list" | cmp - "$TMP/fwd.list" && echo same)" same
G=2026-11-01T00:00:00Z
for o in fwd rev mix; do
	mkdir -p "$TMP/$o"
	# shellcheck disable=SC2046
	"$POSTURE" report --period 2026-10 --goals "$S/.goals.conf" --split-by-team --out "$TMP/$o/pack" \
		--generated-at $G $(cat "$TMP/$o.list") >/dev/null 2>&1
	check_eq "$o: report exit" $? 0
	for f in text csv json; do
		# shellcheck disable=SC2046
		for c in diff score teams; do
			"$POSTURE" $c --period 2026-10 --format $f $(cat "$TMP/$o.list") >"$TMP/$o/$c.$f" 2>/dev/null
		done
		# shellcheck disable=SC2046
		"$POSTURE" verify --claims "$TESTS_DIR/golden/verify/claims.csv" --period 2026-10 --format $f \
			$(cat "$TMP/$o.list") >"$TMP/$o/verify.$f" 2>/dev/null
	done
done
# index.csv names the folder: compare it without that
for o in fwd rev mix; do sed "s|$TMP/$o/||g" "$TMP/$o/pack/index.csv" >"$TMP/$o.index" && rm "$TMP/$o/pack/index.csv"; done
check_eq "files written" "$(find "$TMP/fwd" -type f | wc -l | tr -d ' ')" "$(find "$TMP/rev" -type f | wc -l | tr -d ' ')"
for o in rev mix; do
	check_eq "$o: every output byte-identical" "$(diff -r "$TMP/fwd" "$TMP/$o" >/dev/null && echo same)" same
	check_files_eq "$o: index" "$TMP/$o.index" "$TMP/fwd.index"
done
summary
