#!/bin/sh
# peers.sh: posture diff and report beside its peers on the same two
# continuous-export snapshots, in one run (issue 13): the cJSON parse floor
# (tests/bench/cjson_floor.c: every line parsed and freed, one core) and
# DuckDB doing the same classified diff in SQL (npm @duckdb/node-api,
# installed under $BUILD/duckdb; not a test dependency).  Checks that
# DuckDB's classes equal posture's, finding by finding, and prints wall, CPU,
# peak RSS and the ratios of the issue's targets.
#   BENCH_SUBS (150) BENCH_RESOURCES (12500): the estate's size.
#   BENCH_KEEP=DIR: keep the estate in DIR (and reuse it when present).
set -eu
BUILD=${BUILD:-build}
ROOT=$PWD
POSTURE=$ROOT/$BUILD/posture
GEN=$ROOT/$BUILD/estate-gen
SUBS=${BENCH_SUBS:-150}; RES=${BENCH_RESOURCES:-12500}
W=$(mktemp -d "${TMPDIR:-/tmp}/posture-peers.XXXXXX")
trap 'rm -rf "$W"' EXIT
E=${BENCH_KEEP:-$W/estate}

# measure NAME CMD...: runs CMD under /usr/bin/time; prints a table row and
# sets WALL, CPU (seconds) and RSS (MB).
measure() {
	name=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$W/time" "$@" >"$W/out" 2>"$W/err" || { cat "$W/err"; exit 1; }
	set -- $(cat "$W/time")
	WALL=$1; CPU=$(awk -v u="$2" -v s="$3" 'BEGIN { printf "%.2f", u + s }'); RSS=$(awk -v m="$4" 'BEGIN { printf "%.1f", m / 1024 }')
	printf '| %-52s | %7.2f s | %7.2f s | %8.1f MB |\n' "$name" "$WALL" "$CPU" "$RSS"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

if [ ! -d "$E/two" ]; then
	"$GEN" --out "$E/gen" --subscriptions "$SUBS" --resources "$RES" --months 1 --formats ce --no-gzip >/dev/null
	mkdir -p "$E/two"
	for f in $(ls "$E"/gen/ce/*/snapshot-*.ndjson | sort | tail -n 2); do mv "$f" "$E/two/"; done
	rm -rf "$E/gen"
fi
set -- $(ls "$E"/two/snapshot-*.ndjson | sort)
S0=$1; S1=$2
echo "== two continuous-export snapshots: $SUBS subscriptions, $RES resources (estate-gen --months 1 --formats ce)"
for f in "$S0" "$S1"; do
	echo "  $(basename "$f"): $(du -m "$f" | cut -f1) MB, $(grep -c '"Microsoft.Security/assessments"' "$f") findings"
done

cc -std=c11 -O2 -o "$ROOT/$BUILD/cjson_floor" "$ROOT/tests/bench/cjson_floor.c" $(pkg-config --cflags --libs libcjson)
DUCK=$ROOT/$BUILD/duckdb
if [ ! -d "$DUCK/node_modules/@duckdb/node-api" ]; then
	mkdir -p "$DUCK"
	(cd "$DUCK" && npm install --no-audit --no-fund --loglevel=error @duckdb/node-api >/dev/null)
fi
cp "$ROOT/tests/bench/duckdb_diff.mjs" "$DUCK/"
CPUS=$(getconf _NPROCESSORS_ONLN)

echo
printf '| %-52s | %9s | %9s | %11s |\n' who wall CPU "peak RSS"
echo '|------------------------------------------------------|-----------|-----------|-------------|'
measure "cJSON parse floor (every line parsed, freed; 1 core)" "$ROOT/$BUILD/cjson_floor" "$S0" "$S1"
fw=$WALL; fc=$CPU
measure "DuckDB $(node -e "console.log(require('$DUCK/node_modules/@duckdb/node-api/package.json').version)") ($CPUS threads): read_json + SQL diff" \
	node "$DUCK/duckdb_diff.mjs" "$S0" "$S1" "$W/duck.csv" "$CPUS"
dw=$WALL; dr=$RSS; duck_counts=$(cat "$W/out")
measure "posture diff --format csv --jobs 1" "$POSTURE" diff --jobs 1 --format csv "$E/two"
cp "$W/out" "$W/posture1.csv"
measure "posture diff --format csv (--jobs $CPUS)" "$POSTURE" diff --format csv "$E/two"
pw=$WALL; pc=$CPU; pr=$RSS
cp "$W/out" "$W/posture.csv"
measure "posture report (last month, 12-month trend)" "$POSTURE" report --out "$W/pack" \
	--generated-at 2026-07-01T00:00:00Z "$E/two"
rw=$WALL; rr=$RSS

echo
echo "  DuckDB classes: $duck_counts"
python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    print("%s,%s,%s" % (r["class"], r["resource_id"].lower(), r["assessment_key"]))' "$W/posture.csv" |
	LC_ALL=C sort >"$W/posture.classes"
LC_ALL=C sort "$W/duck.csv" >"$W/duck.classes"
if cmp -s "$W/posture.classes" "$W/duck.classes" && cmp -s "$W/posture.csv" "$W/posture1.csv"; then
	echo "  classes: DuckDB = posture, finding by finding ($(wc -l <"$W/duck.classes" | tr -d ' ') findings);" \
		"--jobs 1 and --jobs $CPUS give the same CSV"
else
	echo "  classes DIFFER between DuckDB and posture (or between --jobs 1 and $CPUS):"
	diff "$W/duck.classes" "$W/posture.classes" | head -10
	exit 1
fi
echo
echo "  ratios (issue 13 targets in brackets):"
echo "    DuckDB wall / posture diff wall      $(ratio "$dw" "$pw")  [>= 2]"
echo "    posture diff CPU / cJSON floor CPU   $(ratio "$pc" "$fc")  [<= 1.3]"
echo "    posture diff wall / cJSON floor wall $(ratio "$pw" "$fw")  [<= 0.6]"
echo "    posture diff RSS / DuckDB RSS        $(ratio "$pr" "$dr")  [<= 0.1]"
echo "    posture report wall / diff wall      $(ratio "$rw" "$pw")  [<= 2]  (report peak RSS $rr MB)"
