#!/bin/sh
# bench_avro.sh: how fast posture reads Event Hubs Capture files, against
# avrocat (avro-bin, one process per file) on the same data in the same run.
#   1. 2,000 small capture files, 5 events each (one file per minute)
#   2. one capture file of about 200 MB (deflate)
# Prints wall and CPU time, files/s or MB/s (from wall time) and peak RSS
# (/usr/bin/time); on a shared machine compare CPU times too.  Run from
# the top of the tree after `make`:  sh tests/bench/bench_avro.sh
# BENCH_TMP=DIR keeps the data there (default: a temporary folder).
set -e
B=${BUILD:-build}
P=$B/posture
cc -std=c11 -O2 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$B/ndjson2avro" tests/tools/ndjson2avro.c \
	"$B/libgen.a" "$B/libposture.a" -lcjson -lxlsxwriter -lz -lavro -lcrypto -lhpdf -lm -pthread
T=${BENCH_TMP:-$(mktemp -d)}
[ -n "$BENCH_TMP" ] || trap 'rm -rf "$T"' EXIT
mkdir -p "$T"

# N stream assessment events, one every STEP seconds from 2026-10-01, each
# padded to about PAD bytes.
events() { # N STEP PAD
	awk -v n="$1" -v step="$2" -v pad="$3" 'BEGIN {
		vm = "/subscriptions/00000000-0000-0000-0000-00000000000%d/resourceGroups/rg%d/providers/Microsoft.Compute/virtualMachines/vm%d"
		p = sprintf("%" pad "s", ""); gsub(/ /, "x", p)
		for (i = 0; i < n; i++) {
			s = i * step; d = 1 + int(s / 86400); s %= 86400
			t = sprintf("2026-10-%02dT%02d:%02d:%02dZ", d, int(s / 3600), int(s / 60) % 60, s % 60)
			id = sprintf(vm, i % 7, i % 13, i % 997)
			printf "{\"type\":\"Microsoft.Security/assessments\",\"id\":\"%s/providers/Microsoft.Security/assessments/k%d\",\"name\":\"k%d\",\"properties\":{\"resourceDetails\":{\"source\":\"Azure\",\"id\":\"%s\"},\"displayName\":\"Assessment %d\",\"status\":{\"code\":\"%s\",\"statusChangeDate\":\"%s\"},\"metadata\":{\"severity\":\"High\",\"description\":\"%s\"}},\"securityEventDataEnrichment\":{\"action\":\"Insert\",\"apiVersion\":\"2020-01-01\",\"isSnapshot\":false}}\n", id, i % 50, i % 50, id, i % 50, (i % 3) ? "Unhealthy" : "Healthy", t, p
		}
	}'
}
measure() { # LABEL COMMAND...: prints "LABEL: W s wall, U s user+sys, R MB peak RSS"
	label=$1; shift
	/usr/bin/time -f "%e %M %U %S" -o "$T/time" "$@" >/dev/null 2>"$T/err" || { echo "$label: failed"; cat "$T/err"; return 1; }
	read -r wall rss user sys <"$T/time"
	cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
	echo "$label: $wall s wall, $cpu s user+sys, $((rss / 1024)) MB peak RSS"
	LAST_WALL=$wall
}
rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? a / b : 0) }'; }

echo "== 2,000 capture files x 5 events"
events 10000 12 200 >"$T/small.ndjson"
rm -rf "$T/small"
"$B/ndjson2avro" --codec deflate --window 60 "$T/small" "$T/small.ndjson"
nfiles=$(find "$T/small" -name '*.avro' | wc -l)
echo "files: $nfiles, bytes: $(du -sb "$T/small" | cut -f1)"
measure "posture inspect (avro)" "$P" inspect "$T/small"
echo "  -> $(rate "$nfiles" "$LAST_WALL") files/s"
"$P" inspect "$T/small" | tail -n 1
measure "avrocat, one process per file" sh -c "find '$T/small' -name '*.avro' -exec avrocat {} \\;"
echo "  -> $(rate "$nfiles" "$LAST_WALL") files/s"
measure "posture inspect (same events as one NDJSON file)" "$P" inspect "$T/small.ndjson"

echo "== one capture file of about 200 MB of Bodies (null codec, then deflate)"
events 200000 1 450 >"$T/big.ndjson"
bodymb=$(($(wc -c <"$T/big.ndjson") / 1048576))
for codec in null deflate; do
	rm -rf "$T/big"
	"$B/ndjson2avro" --codec $codec --window 0 "$T/big" "$T/big.ndjson"
	big=$(find "$T/big" -name '*.avro')
	mb=$(($(wc -c <"$big") / 1048576))
	echo "-- $codec: file $mb MB, $bodymb MB of Bodies"
	measure "posture inspect (avro $codec)" "$P" inspect "$big"
	echo "  -> $(rate "$bodymb" "$LAST_WALL") MB/s of Bodies, $(rate "$mb" "$LAST_WALL") MB/s of file"
	measure "avrocat (avro $codec)" avrocat "$big"
	echo "  -> $(rate "$bodymb" "$LAST_WALL") MB/s of Bodies"
done
measure "posture inspect (same events as NDJSON)" "$P" inspect "$T/big.ndjson"
echo "  -> $(rate "$bodymb" "$LAST_WALL") MB/s"
