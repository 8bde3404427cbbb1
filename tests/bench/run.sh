#!/bin/sh
# make bench: speed and memory of posture, each next to a peer measured in
# the same run on the same files (figures as ratios, since the machine's
# speed varies).  First tests/bench/peers.sh: posture diff and report beside
# the cJSON floor and DuckDB on two CE snapshots (BENCH_ONLY=peers stops
# there).  Scale with BENCH_SUBS / BENCH_RESOURCES (default 300 /
# 12000: ~0.5 GB of CE events) and BENCH_JSON_MB (default 256).  The full
# sizes of the issues: BENCH_SUBS=1500 BENCH_RESOURCES=60000 BENCH_JSON_MB=1024.
set -eu
BUILD=${BUILD:-build}
POSTURE=$PWD/$BUILD/posture
GEN=$PWD/$BUILD/estate-gen
PY=/usr/bin/python3
W=$(mktemp -d "${TMPDIR:-/tmp}/posture-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT

# measure NAME CMD...: runs CMD under /usr/bin/time, prints wall, CPU, peak RSS;
# leaves the wall seconds in $WALL.
measure() {
	name=$1; shift
	/usr/bin/time -f '%e %U %S %M' -o "$W/time" "$@" >/dev/null 2>"$W/err" || { cat "$W/err"; exit 1; }
	set -- $(cat "$W/time")
	WALL=$1
	awk -v n="$name" -v w="$1" -v u="$2" -v s="$3" -v m="$4" \
		'BEGIN { printf "  %-44s wall %7.2f s  cpu %7.2f s  peak RSS %7.1f MB\n", n, w, u + s, m / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
mb() { du -sm "$1" | cut -f1; }

BUILD=$BUILD sh tests/bench/peers.sh
[ "${BENCH_ONLY:-}" = peers ] && exit 0
echo

echo "== estate: ${BENCH_SUBS:-300} subscriptions, ${BENCH_RESOURCES:-12000} resources, 1 month, CE NDJSON + portal CSV"
measure "estate-gen" "$GEN" --out "$W/estate" --subscriptions "${BENCH_SUBS:-300}" \
	--resources "${BENCH_RESOURCES:-12000}" --months 1 --formats ce,portal --no-gzip
size=$(mb "$W/estate")
echo "  input: $size MB"
measure "posture inspect" "$POSTURE" inspect "$W/estate"; t_inspect=$WALL
measure "peer: python3 json.loads per line + csv" $PY -c '
import sys, os, json, csv
for root, _, files in os.walk(sys.argv[1]):
    for f in sorted(files):
        p = os.path.join(root, f)
        if f.endswith(".ndjson"):
            for line in open(p, "rb"):
                json.loads(line)
        elif f.endswith(".csv"):
            for row in csv.reader(open(p, encoding="utf-8-sig")):
                pass
' "$W/estate"; t_peer=$WALL
echo "  inspect: $(ratio "$size" "$t_inspect") MB/s; time ratio posture/python: $(ratio "$t_inspect" "$t_peer")"
measure "posture diff (default: last two snapshots)" "$POSTURE" diff --format csv "$W/estate"
measure "posture score" "$POSTURE" score --format csv "$W/estate"
measure "posture report (PDF + XLSX)" "$POSTURE" report --out "$W/out" --generated-at 2026-11-01T00:00:00Z "$W/estate"
ls -l "$W/out" | awk 'NR > 1 { printf "  %s %s bytes\n", $9, $5 }'
rm -rf "$W/estate" "$W/out"

echo "== JSON reader, ${BENCH_JSON_MB:-256} MB NDJSON and array (tests/bench/json_bench.sh)"
POSTURE=$POSTURE sh tests/bench/json_bench.sh "${BENCH_JSON_MB:-256}" "$W" | sed 's/^/  /'

echo "== state: 1,000,000 findings (tests/bench/bench_state.sh)"
BUILD=$BUILD sh tests/bench/bench_state.sh 1000000 | sed 's/^/  /'

echo "== workbook toolkit (tests/bench/bench_xlsx.sh)"
BUILD=$BUILD sh tests/bench/bench_xlsx.sh | sed 's/^/  /'

for b in tests/bench/*avro*.sh; do
	[ -f "$b" ] || continue
	echo "== Avro ($b)"
	POSTURE=$POSTURE BUILD=$BUILD sh "$b" | sed 's/^/  /'
done
