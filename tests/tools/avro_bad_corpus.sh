#!/bin/sh
# Rebuilds the Avro cases of the bad-input corpus (tests/bad/avro-*.avro)
# with ndjson2avro, then damages them.  Run from the top of the tree after
# `make`; builds build/ndjson2avro.  Expectations: tests/bad/avro-*.expect and
# avro-*.stderr (UPDATE_GOLDEN=1 make test rewrites the .stderr files).
set -e
B=${BUILD:-build}
cc -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -o "$B/ndjson2avro" tests/tools/ndjson2avro.c \
	"$B/libgen.a" "$B/libposture.a" -lcjson -lxlsxwriter -lz -lavro -lcrypto -lhpdf -lm -pthread
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
VM=/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg1/providers/Microsoft.Compute/virtualMachines/vm1
for i in 1 2 3 4 5 6 7 8; do
	printf '{"type":"Microsoft.Security/assessments","id":"%s/providers/Microsoft.Security/assessments/k%s","name":"k%s","properties":{"resourceDetails":{"source":"Azure","id":"%s"},"displayName":"Assessment %s","status":{"code":"Unhealthy","statusChangeDate":"2026-10-30T10:00:0%sZ"}},"securityEventDataEnrichment":{"action":"Insert","apiVersion":"2020-01-01","isSnapshot":false}}\n' \
		"$VM" "$i" "$i" "$VM" "$i" "$i"
done >"$T/ev.ndjson"
printf 'not json at all\n' >"$T/notjson.ndjson"
head -n 1 "$T/ev.ndjson" >>"$T/notjson.ndjson"
one() { # NAME INPUT ARGS...: one capture file from INPUT into tests/bad/NAME.avro
	name=$1; in=$2; shift 2
	rm -rf "$T/out"
	"$B/ndjson2avro" --window 0 --enqueued "10/31/2026 6:00:12 AM" "$@" "$T/out" "$in"
	find "$T/out" -name '*.avro' -exec cp {} "tests/bad/$name.avro" \;
}
patch_byte() { # FILE OFFSET OCTAL
	printf "\\$3" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
one avro-truncated "$T/ev.ndjson" --codec deflate --block-size 1200
size=$(wc -c <tests/bad/avro-truncated.avro)
head -c $((size * 6 / 10)) tests/bad/avro-truncated.avro >"$T/cut" && mv "$T/cut" tests/bad/avro-truncated.avro
one avro-bad-sync "$T/ev.ndjson" --codec null --block-size 1200
patch_byte tests/bad/avro-bad-sync.avro $(($(wc -c <tests/bad/avro-bad-sync.avro) - 3)) 125
one avro-negative-length "$T/ev.ndjson" --codec null --block-size 1200
off=$(grep -boa '{"type":"Microsoft.Security/assessments","id":"[^"]*k2"' tests/bad/avro-negative-length.avro | cut -d: -f1)
patch_byte tests/bad/avro-negative-length.avro $((off - 2)) 001
one avro-no-body "$T/ev.ndjson" --codec null \
	--schema-json '{"type":"record","name":"EventData","fields":[{"name":"SequenceNumber","type":"long"},{"name":"EnqueuedTimeUtc","type":"string"}]}'
one avro-snappy "$T/ev.ndjson" --codec snappy
one avro-body-not-json "$T/notjson.ndjson" --codec deflate
one avro-bad-enqueued "$T/ev.ndjson" --codec deflate --enqueued "yesterday at noon"
echo "tests/bad/avro-*.avro rebuilt"
