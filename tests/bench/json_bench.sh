#!/bin/sh
# json_bench.sh: reads a ~1 GB NDJSON file and a ~1 GB JSON array of CE
# assessment events with `posture inspect`, and prints peak RSS and MB/s,
# with python3's json module as a peer.  Usage: json_bench.sh [MB] [DIR]
# (default 1024 MB in /tmp).  The generated files are deleted at the end.
set -eu
MB=${1:-1024}
DIR=${2:-/tmp}
POSTURE=${POSTURE:-./posture}
GEN=$(mktemp -d "$DIR/json-bench.XXXXXX")
trap 'rm -rf "$GEN"' EXIT

gen() { # shape file
	/usr/bin/python3 - "$1" "$2" "$MB" <<'PY'
import json, sys
shape, path, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
def event(i):
    sub = "%08x-0000-4000-8000-%012x" % (i % 1500, i % 1500)
    rid = "/subscriptions/%s/resourceGroups/rg%d/providers/Microsoft.Compute/virtualMachines/vm%d" % (sub, i % 97, i)
    key = "%08x-1111-2222-3333-444444444444" % (i % 40)
    return {"securityEventDataEnrichment": {"action": "Insert", "apiVersion": "2019-01-01", "isSnapshot": i % 2 == 0},
            "tenantId": "a39bedba-be8f-4c0f-bfe2-b8c7913501ea", "type": "Microsoft.Security/assessments",
            "id": rid + "/providers/Microsoft.Security/assessments/" + key, "name": key,
            "properties": {"resourceDetails": {"source": "Azure", "id": rid, "resourceName": "vm%d" % i,
                                               "resourceType": "virtualMachines", "resourceProvider": "Microsoft.Compute"},
                           "displayName": "Machines should have vulnerability findings resolved",
                           "status": {"code": ["Healthy", "Unhealthy", "NotApplicable"][i % 3],
                                      "statusChangeDate": "2026-10-%02dT10:51:36.3376828Z" % (1 + i % 28),
                                      "firstEvaluationDate": "2026-09-01T08:00:00Z"},
                           "additionalData": {"subAssessmentsLink": rid + "/subAssessments"},
                           "metadata": {"displayName": "Machines should have vulnerability findings resolved",
                                        "severity": "High", "categories": ["Compute"], "assessmentType": "BuiltIn",
                                        "description": "Remediate vulnerabilities " * 8,
                                        "remediationDescription": "1. Select any of the findings below. " * 4},
                           "links": {"azurePortal": "portal.azure.com/#blade/Microsoft_Azure_Security/x/" + key}}}
limit = mb << 20
out = open(path, "w", buffering=1 << 20)
size, i = 0, 0
if shape == "array":
    out.write("[\n")
while size < limit:
    s = json.dumps(event(i), indent=None if shape == "ndjson" else 1)
    if shape == "array" and i:
        out.write(",\n")
    out.write(s)
    if shape == "ndjson":
        out.write("\n")
    size += len(s) + 2
    i += 1
if shape == "array":
    out.write("\n]\n")
out.close()
print(i)
PY
}

measure() { # label command...
	label=$1; shift
	/usr/bin/time -v "$@" >"$GEN/out" 2>"$GEN/time" || { cat "$GEN/time"; exit 1; }
	secs=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$GEN/time" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
	cpu=$(sed -n 's/.*User time (seconds): //p; s/.*System time (seconds): //p' "$GEN/time" | awk '{ t += $1 } END { print t }')
	rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$GEN/time")
	bytes=$(stat -c %s "$FILE")
	# Wall-clock MB/s depends on the machine's load; MB per CPU second does less.
	awk -v l="$label" -v s="$secs" -v c="$cpu" -v r="$rss" -v b="$bytes" \
		'BEGIN { mb = b / 1048576; printf "%-26s %7.1f MB  wall %6.1f s %6.1f MB/s  cpu %6.1f s %6.1f MB/s  peak RSS %7.1f MB\n", l, mb, s, mb / s, c, mb / c, r / 1024 }'
}

for shape in ndjson array; do
	FILE="$GEN/events.$shape.json"
	n=$(gen "$shape" "$FILE")
	echo "$shape: $n events"
	measure "posture inspect ($shape)" "$POSTURE" inspect "$FILE"
	grep -E 'records|rejected' "$GEN/out" | head -3
	if [ "$shape" = ndjson ]; then
		measure "python3 json ($shape)" /usr/bin/python3 -c 'import json,sys
n=0
for line in open(sys.argv[1]):
    json.loads(line); n+=1
print(n)' "$FILE"
	else
		measure "python3 json ($shape)" /usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$FILE"
	fi
	rm -f "$FILE"
done
