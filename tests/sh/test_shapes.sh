#!/bin/sh
# The shapes of Defender for Cloud in 2026 (issue 14) on hand-made exports
# (tests/golden/shapes): risk levels and what to fix first.
. "$TESTS_DIR/sh/lib.sh"
. "$TESTS_DIR/sh/lib_pdf.sh"
S="$TESTS_DIR/golden/shapes"
RULES="$S/teams.conf"
GEN="--generated-at 2026-11-02T00:00:00Z"

# ---- risk: properties.risk (API 2025-05-04) ----
# vm2 Medium/Critical risk, vm3 High/no risk, vm5 High/risk None (older than
# vm3), vm4 Low/High risk, vm1 High/Low risk: what to fix first is risk level
# (else the level of the severity), then severity, then age.
"$POSTURE" diff --period 2026-10 --teams "$RULES" --format json "$S/risk" >"$TMP/risk.json"
check_eq "risk: diff exit" $? 0
order=$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("%s:%s:%s" % (f["resource_id"].rsplit("/", 1)[1], f["risk_level"], f["risk_factors"]) for f in d["findings"]))
' "$TMP/risk.json")
check_eq "risk: json findings by risk, then severity, with risk_level and risk_factors" "$order" \
	"vm2:Critical:Exposure to the Internet, Sensitive Data vm3:None:None vm5:None:None vm4:High:Critical Resource vm1:Low:None"
check_contains "risk: None is written as None" "$(grep -c '"risk_level": "None"' "$TMP/risk.json")" 1
"$POSTURE" diff --period 2026-10 --teams "$RULES" --format csv "$S/risk" >"$TMP/risk.csv"
check_eq "risk: the diff CSV keeps its columns" "$(head -n 1 "$TMP/risk.csv")" \
	"class,resource_id,assessment_key,recommendation,severity,subscription_id,subscription_name,resource_group,resource_type,status_from,cause_from,status_to,cause_to,age_days,first_seen,due_date,overdue,owner,portal_link,team"
# without risk data there are no risk keys
"$POSTURE" diff --period 2026-10 --format json "$TESTS_DIR/golden/diff/classes" >"$TMP/norisk.json"
check_eq "no risk data: no risk keys" "$(grep -c risk_ "$TMP/norisk.json")" 0

"$POSTURE" report -q --period 2026-10 --teams "$RULES" $GEN --out "$TMP/risk" "$S/risk" 2>/dev/null
check_eq "risk: report exit" $? 0
"$PY" - "$TMP/risk/posture-review-2026-10.xlsx" >"$TMP/risk.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name in ("Open items", "Changes"):
    ws = wb[name]
    rows = list(ws.iter_rows(values_only=True))
    h = list(rows[0])
    ri, rf, res = h.index("Risk level"), h.index("Risk factors"), h.index("Resource ID")
    print(name, " ".join("%s:%s:%s" % (r[res].rsplit("/", 1)[1], r[ri], r[rf]) for r in rows[1:]))
PYEOF
check_eq "risk: workbook Open items in fix-first order (risk, severity, age) with risk columns" "$(sed -n 1p "$TMP/risk.xl")" \
	"Open items vm2:Critical:Exposure to the Internet, Sensitive Data vm5:None:None vm3:None:None vm4:High:Critical Resource vm1:Low:None"
check_eq "risk: workbook Changes with risk columns" "$(sed -n 2p "$TMP/risk.xl")" \
	"Changes vm2:Critical:Exposure to the Internet, Sensitive Data vm3:None:None vm5:None:None vm4:High:Critical Resource vm1:Low:None"
pdftotext -layout "$TMP/risk/posture-review-2026-10.pdf" "$TMP/risk.txt" 2>/dev/null
overdue=$(sed -n '/Overdue items/,/Top open recommendations/p' "$TMP/risk.txt" | grep -o 'virtualMachines/vm[0-9]' | tr '\n' ' ')
check_eq "risk: PDF overdue items in fix-first order (risk, severity, age)" "$overdue" \
	"virtualMachines/vm2 virtualMachines/vm5 virtualMachines/vm3 virtualMachines/vm4 virtualMachines/vm1 "

summary
