#!/bin/sh
# posture diff --period over the generated sample estate, every month: the
# class counts and the reconciliation must equal the ground truth that
# estate-gen planted (samples/estate/expected/period-YYYY-MM.tsv).
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples/estate"
if [ ! -d "$S/expected" ]; then
	echo "SKIP test_diff_samples: samples/estate is absent"
	summary; exit
fi
inputs=""
for d in "$S"/*/; do
	[ "$(basename "$d")" = expected ] || inputs="$inputs $d"
done
if "$POSTURE" inspect $inputs 2>&1 | grep -q "not supported yet"; then
	echo "SKIP test_diff_samples: the readers are not merged yet"
	summary; exit
fi
# NAME COUNT lines from posture's JSON: counts, then the reconciliation.
got_counts() {
	sed -n '/"counts"/,/"findings"/p' "$1" | tr -d ' ",' | grep ':[0-9]' |
		sed 's/unhealthy_from/unhealthy_t0/; s/unhealthy_to/unhealthy_t1/' | grep -v '^overdue' | tr ':' '\t' | sort
}
n=0
for truth in "$S"/expected/period-*.tsv; do
	month=${truth##*period-}; month=${month%.tsv}
	"$POSTURE" diff --period "$month" --format json $inputs >"$TMP/$month.json"
	check_eq "diff --period $month exit" $? 0
	got_counts "$TMP/$month.json" >"$TMP/$month.got"
	grep -v '^#' "$truth" | sort >"$TMP/$month.want"
	check_files_eq "classes of $month" "$TMP/$month.got" "$TMP/$month.want"
	missing=$(sed -n 's/^# not covered at T1: subscription \([^ ]*\).*/\1/p' "$truth")
	msg=$(grep '"message": "subscription .* is in the data at T0 but missing' "$TMP/$month.json")
	check_contains "$month: missing subscription warned" "$msg" "subscription $missing ("
	n=$((n + 1))
done
check_eq "months checked" "$([ $n -ge 6 ] && echo yes)" yes
summary
