#!/bin/sh
# outputs.sh: records every output of posture's commands on samples/ into a
# folder, so that two builds can be compared byte for byte (a refactoring
# that must not change any output: `diff -r A B`).  Not a test by itself.
#   sh tests/tools/outputs.sh POSTURE OUTDIR [EXTRA_OPTION...]
# EXTRA_OPTION (e.g. --jobs 2) is passed to every command.  Each output is
# kept with the command's exit status and its standard error.
set -u
P=${1:?posture binary}; O=${2:?output folder}; shift 2
S=$(cd "$(dirname "$0")/../.." && pwd)/samples
G=2026-11-01T00:00:00Z
CLAIMS=$(cd "$(dirname "$0")/.." && pwd)/golden/verify/claims.csv
mkdir -p "$O"
# run NAME CMD...: stdout to NAME.out, stderr to NAME.err, exit status to NAME.rc
run() {
	n=$1; shift
	"$P" "$@" >"$O/$n.out" 2>"$O/$n.err"
	echo $? >"$O/$n.rc"
	sed -i "s|$S|SAMPLES|g; s|$O|OUT|g" "$O/$n.err" "$O/$n.out"
}
for f in text csv json; do
	for per in "" "--period 2026-10" "--period 2026-08" "--period 2026-05"; do
		tag=$(echo "${per:-default}" | tr -d ' -')
		for c in diff score teams; do
			# shellcheck disable=SC2086
			run "$c.$tag.$f" $c $per --format $f "$@" "$S"
		done
		# shellcheck disable=SC2086
		run "verify.$tag.$f" verify --claims "$CLAIMS" $per --format $f "$@" "$S"
	done
	run "diff.fromto.$f" diff --from 2026-07-15 --to 2026-09-20 --format $f "$@" "$S"
	run "score.ce.$f" score --format $f "$@" "$S/estate/ce"
	run "diff.portal.$f" diff --format $f "$@" "$S/estate/portal"
	run "inspect.$f" inspect --format $f "$@" "$S"
done
run report.default report --goals "$S/.goals.conf" --out "$O/pack-default" --generated-at $G "$@" "$S"
run report.split report --period 2026-09 --goals "$S/.goals.conf" --split-by-team --out "$O/pack-split" \
	--generated-at $G "$@" "$S"
run report.partial report --period 2026-05 --allow-partial --out "$O/pack-partial" --generated-at $G "$@" "$S"
for d in "$O"/pack-*; do [ -f "$d/index.csv" ] && sed -i "s|$O|OUT|g" "$d/index.csv"; done
echo "$(find "$O" -type f | wc -l) files in $O"
