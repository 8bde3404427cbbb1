#!/bin/sh
# JSON through `posture inspect`: a 100 MB single line, a long one-line
# array, truncation with --skip-bad (records before the error are kept),
# gzip, and the stable names of --format json.
. "$TESTS_DIR/sh/lib.sh"

SUB=00000000-0000-0000-0000-0000000000c1
VM="/subscriptions/$SUB/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1"
rec() { # STATUS [EXTRA_MEMBERS]
	printf '{"type":"Microsoft.Security/assessments","id":"%s/providers/Microsoft.Security/assessments/k1","name":"k1",%s"properties":{"resourceDetails":{"id":"%s"},"status":{"code":"%s"}}}' \
		"$VM" "${2:-}" "$VM" "$1"
}

# One 100 MB record on one line, between two good ones: rejected with the
# element-size limit, the others read.
{
	rec Healthy; echo
	printf '{"type":"Microsoft.Security/assessments","description":"'
	head -c 100000000 /dev/zero | tr '\0' 'a'
	printf '"}\n'
	rec Unhealthy; echo
} >"$TMP/huge.json"
out=$("$POSTURE" inspect "$TMP/huge.json" 2>&1); check_eq "100 MB line: exit" $? 0
check_contains "100 MB line: limit" "$out" "huge.json:2: rejected: record larger than the 16 MiB limit (PST_INGEST_MAX_ELEMENT): skipped"
check_contains "100 MB line: others kept" "$out" "records       2: assessment 2"
rm -f "$TMP/huge.json"

# The same inside an array: the element is skipped, the array goes on.
{
	printf '['; rec Healthy; printf ',{"x":"'
	head -c 20000000 /dev/zero | tr '\0' 'b'
	printf '"},'; rec Unhealthy; printf ']'
} >"$TMP/bigelem.json"
out=$("$POSTURE" inspect "$TMP/bigelem.json" 2>&1); check_eq "big element: exit" $? 0
check_contains "big element: rejected" "$out" "bigelem.json:1: rejected: record larger than the 16 MiB limit"
check_contains "big element: others kept" "$out" "records       2: assessment 2"

# A long single line is fine when its elements are small: 60,000 records.
{
	printf '{"value":['
	i=0; r=$(rec Healthy)
	while [ $i -lt 200 ]; do printf '%s,' "$r"; i=$((i + 1)); done >"$TMP/chunk"
	i=0; while [ $i -lt 300 ]; do cat "$TMP/chunk"; i=$((i + 1)); done
	rec Unhealthy; printf ']}'
} >"$TMP/oneline.json"
out=$("$POSTURE" inspect "$TMP/oneline.json" 2>&1); check_eq "one-line list: exit" $? 0
check_contains "one-line list: all read" "$out" "records       60001: assessment 60001"
check_contains "one-line list: format" "$out" "format        rest-list"

# Truncated: a file-level error naming line and column; --skip-bad keeps
# the records read before it.
{ printf '[\n'; rec Healthy; printf ',\n'; rec Unhealthy; printf ',\n'; rec Healthy | head -c 80; } >"$TMP/cut.json"
err=$("$POSTURE" inspect "$TMP/cut.json" 2>&1); check_eq "truncated: exit" $? 65
check_contains "truncated: message" "$err" "cut.json:4:81: unexpected end of file inside a string (the value starts at 4:"
out=$("$POSTURE" inspect --skip-bad "$TMP/cut.json" 2>&1); check_eq "truncated --skip-bad: exit" $? 0
check_contains "truncated --skip-bad: kept" "$out" "records 2: assessment 2"
check_contains "truncated --skip-bad: listed" "$out" "FAILED        $TMP/cut.json:4:81: unexpected end of file"

# The sumologic recommendation event as SOURCES.md describes it ("cut off
# before its final brace"; the copy in realdata is complete): made here.
if [ -n "$REALDATA" ]; then
	head -c -2 "$REALDATA/sumologic-doc-events/recommendation-event.json" >"$TMP/recommendation-event.json"
	err=$("$POSTURE" inspect "$TMP/recommendation-event.json" 2>&1); check_eq "cut event: exit" $? 65
	check_contains "cut event: message" "$err" "recommendation-event.json:61:1: unexpected end of file inside an object (opened at 1:1)"
	out=$("$POSTURE" inspect "$REALDATA/sumologic-doc-events/recommendation-event.json" 2>&1); check_eq "realdata event: exit" $? 0
	check_contains "realdata event: read" "$out" "records       1: assessment 1"
else
	skip "cut recommendation event: ../shared/realdata is absent"
fi

# gzip, detected from content, and the --format json names.
{ rec Healthy '"securityEventDataEnrichment":{"action":"Delete","isSnapshot":false},'; echo; rec Unhealthy; echo; } | gzip >"$TMP/events.gz"
out=$("$POSTURE" inspect --format json "$TMP/events.gz" 2>&1); check_eq "gzip: exit" $? 0
check_contains "gzip: format" "$out" '"format": "json-ndjson"'
check_contains "gzip: flag" "$out" '"gzip": true'
check_contains "gzip: count" "$out" '"assessment": 2'
check_contains "gzip: deletes" "$out" '"deletes": 1'
check_contains "gzip: subscription" "$out" "\"$SUB\""
summary
