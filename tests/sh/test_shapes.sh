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
overdue=$(sed -n '/^Overdue items$/,/Top open recommendations/p' "$TMP/risk.txt" | grep -o ' vm[0-9] (rg-' | grep -o 'vm[0-9]' | tr '\n' ' ')
check_eq "risk: PDF overdue items in fix-first order (risk, severity, age)" "$overdue" \
	"vm2 vm5 vm3 vm4 vm1 "

# ---- renamed recommendations (aliases) ----
# 050ac097 -> a4899b81 (templates/aliases.conf, azure-policy#1595) on the
# subscription; c0000001 -> c0000002 detected (same display name on st1 and
# st2); d0000001 -> d0000002 on vm1 only with the user's own alias file.
A="$S/alias"
fields='
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("%s:%s:%s:%s:%s" % (f["class"], f["resource_id"].rsplit("/", 1)[1], f["assessment_key"][:8],
      f["renamed_from"] and f["renamed_from"][:8], f["age_days"]) for f in d["findings"]))
print(d["reconciliation"]["unhealthy_from"], d["reconciliation"]["closed"], d["reconciliation"]["opened"],
      d["reconciliation"]["unhealthy_to"])
for w in d["warnings"]:
    if w["code"] == "recommendation_renamed": print(w["message"])
'
"$POSTURE" diff --period 2026-10 --format json "$A" >"$TMP/alias.json"
check_eq "alias: diff exit" $? 0
"$PY" -c "$fields" "$TMP/alias.json" >"$TMP/alias.out"
check_eq "alias: still_open with the age of the old key (273 days since 2026-02-01), renamed_from; detected alias" \
	"$(sed -n 1p "$TMP/alias.out")" \
	"remediated:st2:c0000002:c0000001:None recommendation_removed:vm1:d0000001:None:None still_open:44444444-dddd-4444-8ddd-444444444444:a4899b81:050ac097:273 still_open:st1:c0000002:c0000001:214 new_recommendation:vm1:d0000002:None:17"
check_eq "alias: the counts reconcile" "$(sed -n 2p "$TMP/alias.out")" "4 2 1 3"
check_contains "alias: listed with its source" "$(cat "$TMP/alias.out")" \
	"recommendation renamed: 1 finding of 050ac097-3dda-4d24-ab6d-82568e7a50cf (Blocked accounts with owner permissions on Azure resources should be removed) carried over to a4899b81-b689-4e0d-aa29-45983ab8b7fc (Blocked accounts with owner permissions on Azure resources should be removed), age kept (alias templates/aliases.conf:"
check_contains "alias: detected one listed" "$(cat "$TMP/alias.out")" \
	"2 findings of c0000001-0c0c-4d4d-8e8e-000000000001 (Storage accounts should restrict network access using virtual network rules) carried over to c0000002-0c0c-4d4d-8e8e-000000000002 (Storage accounts should restrict network access using virtual network rules), age kept (detected: the same display name on the same resources in one snapshot round)"
check_contains "alias: text names the old key" "$("$POSTURE" diff --period 2026-10 "$A")" \
	"team Identity Team, renamed from 050ac097-3dda-4d24-ab6d-82568e7a50cf"
# the user's own aliases: --aliases FILE, or aliases = FILE in the settings
"$POSTURE" diff --period 2026-10 --format json --aliases "$S/alias-user.conf" "$A" >"$TMP/alias2.json"
"$PY" -c "$fields" "$TMP/alias2.json" >"$TMP/alias2.out"
check_eq "alias: --aliases carries vm1 over (still_open, age since 2026-05-01)" "$(sed -n 1p "$TMP/alias2.out")" \
	"remediated:st2:c0000002:c0000001:None still_open:44444444-dddd-4444-8ddd-444444444444:a4899b81:050ac097:273 still_open:st1:c0000002:c0000001:214 still_open:vm1:d0000002:d0000001:184"
check_eq "alias: --aliases counts reconcile" "$(sed -n 2p "$TMP/alias2.out")" "4 1 0 3"
check_contains "alias: user alias source" "$(cat "$TMP/alias2.out")" "alias-user.conf:2: vendor note 42)"
printf 'aliases = %s\n' "$S/alias-user.conf" >"$TMP/report.conf"
"$POSTURE" diff --period 2026-10 --format json --settings "$TMP/report.conf" "$A" >"$TMP/alias3.json"
check_files_eq "alias: aliases = FILE in the settings as --aliases" "$TMP/alias3.json" "$TMP/alias2.json"
# a bad alias file names its line and exits 65 before any export is read
printf '# x\nalias 050ac097 a4899b81\n' >"$TMP/bad.conf"
err=$("$POSTURE" diff --period 2026-10 --aliases "$TMP/bad.conf" "$A" 2>&1); check_eq "alias: bad file exit" $? 65
check_eq "alias: bad file message" "$err" "posture: $TMP/bad.conf:2: expected '->' between the old and the new key, got 'a4899b81'"
printf 'alias k1 -> K1\n' >"$TMP/bad.conf"
err=$("$POSTURE" diff --period 2026-10 --aliases "$TMP/bad.conf" "$A" 2>&1); check_eq "alias: to itself exit" $? 65
check_contains "alias: to itself message" "$err" "bad.conf:1: an alias from a key to itself (k1)"
"$POSTURE" diff --period 2026-10 --aliases "$TMP/none.conf" "$A" >/dev/null 2>&1; check_eq "alias: missing file exit" $? 66
# without a renaming nothing says renamed
check_eq "no renaming: no renamed_from key" "$(grep -c renamed "$TMP/norisk.json")" 0
"$POSTURE" report -q --period 2026-10 $GEN --out "$TMP/alias" "$A" 2>/dev/null
check_eq "alias: report exit" $? 0
pdftotext -layout "$TMP/alias/posture-review-2026-10.pdf" "$TMP/alias.txt" 2>/dev/null
check_contains "alias: PDF Data quality lists the renaming" "$(tr -s ' \n' '  ' <"$TMP/alias.txt")" "recommendation renamed: 1 finding of"
"$PY" - "$TMP/alias/posture-review-2026-10.xlsx" >"$TMP/alias.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Changes"].iter_rows(values_only=True))
c = rows[0].index("Renamed from")
print(sorted(r[c] for r in rows[1:] if r[c]))
print(any("recommendation renamed" in str(v) for r in wb["Data quality"].iter_rows(values_only=True) for v in r))
PYEOF
check_eq "alias: workbook Renamed from column" "$(sed -n 1p "$TMP/alias.xl")" \
	"['050ac097-3dda-4d24-ab6d-82568e7a50cf', 'c0000001-0c0c-4d4d-8e8e-000000000001', 'c0000001-0c0c-4d4d-8e8e-000000000001']"
check_eq "alias: workbook Data quality lists the renaming" "$(sed -n 2p "$TMP/alias.xl")" True

# ---- other clouds: resourceDetails.source (any case), connector ids ----
# Azure vm1; AWS i-0abc and the logs bucket (Source "Aws" and "AWS", account
# 544047870946), GCP vm7 ("GCP"), a GitHub repository; ids through the
# security connectors, written with the docs' stray blanks after slashes.
CL="$S/clouds" CRULES="$S/clouds-teams.conf"
"$POSTURE" teams --teams "$CRULES" --format csv "$CL" >"$TMP/cteams.csv"
check_eq "clouds: teams exit" $? 0
check_eq "clouds: team rules cloud=, account=, connector= (and the blanks of the ids dropped)" \
	"$(tail -n +2 "$TMP/cteams.csv" | awk -F, '{ n = split($1, p, "/"); print p[n] ":" $7 }' | tr '\n' ' ')" \
	"vm1:Azure Team aws-ec2-instance-i-0abc-us-east-1:AWS Team aws-s3-bucket-logs-us-east-1:AWS Team gcp-compute-instance-vm7:GCP Team github-repository-repo1:DevOps "
"$POSTURE" diff --period 2026-10 --teams "$CRULES" --format json "$CL" >"$TMP/clouds.json"
check_eq "clouds: json findings carry their cloud" "$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted("%s:%s:%s" % (f["resource_id"].rsplit("/", 1)[1], f["class"], f["cloud"]) for f in d["findings"])))
' "$TMP/clouds.json")" \
	"aws-ec2-instance-i-0abc-us-east-1:still_open:aws aws-s3-bucket-logs-us-east-1:remediated:aws gcp-compute-instance-vm7:regressed:gcp github-repository-repo1:still_open:github vm1:still_open:azure"
check_eq "clouds: type from resourceDetails" \
	"$("$POSTURE" diff --period 2026-10 --format csv "$CL" | grep -c ',ec2/instance,')" 1
check_eq "no other cloud: no cloud key" "$(grep -c '"cloud"' "$TMP/norisk.json")" 0
"$POSTURE" report -q --period 2026-10 --teams "$CRULES" $GEN --out "$TMP/clouds" "$CL" 2>/dev/null
check_eq "clouds: report exit" $? 0
pdftotext -layout "$TMP/clouds/posture-review-2026-10.pdf" "$TMP/clouds.txt" 2>/dev/null
check_contains "clouds: PDF table" "$(cat "$TMP/clouds.txt")" "Findings by cloud"
check_eq "clouds: PDF rows (cloud, resources, open, healthy, healthy %, fixes, opened)" \
	"$(grep -E '^ *(azure|aws|gcp|github) +[0-9]' "$TMP/clouds.txt" | tr -s ' ' | sed 's/^ //' | tr '\n' ';')" \
	"azure 1 1 0 0.00% 0 0;aws 2 1 1 50.00% 1 0;gcp 1 1 0 0.00% 0 1;github 1 1 0 0.00% 0 0;"
"$PY" - "$TMP/clouds/posture-review-2026-10.xlsx" >"$TMP/clouds.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(";".join(" ".join(str(v) for v in r) for r in wb["Clouds"].iter_rows(values_only=True)))
print(sorted(set(r[-1] for r in wb["Changes"].iter_rows(values_only=True))))
PYEOF
check_eq "clouds: workbook Clouds sheet" "$(sed -n 1p "$TMP/clouds.xl")" \
	"Cloud Resources Open findings Healthy findings Healthy % Verified fixes Opened in the period;azure 1 1 0 0 0 0;aws 2 1 1 0.5 1 0;gcp 1 1 0 0 0 1;github 1 1 0 0 0 0"
check_eq "clouds: workbook Changes Cloud column" "$(sed -n 2p "$TMP/clouds.xl")" "['Cloud', 'aws', 'azure', 'gcp', 'github']"
"$POSTURE" report -q --period 2026-10 $GEN --out "$TMP/risk2" "$S/risk" 2>/dev/null
check_eq "only Azure: no Clouds sheet" "$("$PY" -c 'import sys, openpyxl; print("Clouds" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' "$TMP/risk2/posture-review-2026-10.xlsx")" False

# ---- governance: isGracePeriod, remediationEta, tickets; the buckets ----
# vm1 ann, past due in a grace period (on time, never overdue); vm2 ann past
# due (overdue); vm3 bob due 2026-12-31 (on time); vm4 no assignment
# (unassigned); vm5 bob fixed (completed); vm6 bob exempted.
G="$S/gov" GRULES="$S/gov-teams.conf"
"$POSTURE" diff --period 2026-10 --teams "$GRULES" --format json "$G" >"$TMP/gov.json"
check_eq "gov: diff exit" $? 0
check_eq "gov: grace-period items are not overdue; eta and ticket kept; owner as a team source" "$("$PY" -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join("%s:%s:%s:%s:%s:%s:%s" % (f["resource_id"].rsplit("/", 1)[1], f["class"], f["overdue"], f["grace_period"],
      f["eta"], f["ticket_number"], f["team"]) for f in d["findings"]))
print(d["reconciliation"]["overdue"])
' "$TMP/gov.json" | tr '\n' ';')" \
	"vm5:remediated:False:False:2026-11-15T00:00:00Z:None:Platform vm6:exempted:False:False:2026-11-15T00:00:00Z:None:Platform vm1:still_open:False:True:2026-11-15T00:00:00Z:4711:Ann's team vm2:still_open:True:False:2026-11-15T00:00:00Z:None:Ann's team vm3:still_open:False:False:2026-11-15T00:00:00Z:42:Platform vm4:still_open:True:False:None:None:Platform;2;"
"$POSTURE" report -q --period 2026-10 --teams "$GRULES" $GEN --out "$TMP/gov" "$G" 2>/dev/null
check_eq "gov: report exit" $? 0
pdftotext -layout "$TMP/gov/posture-review-2026-10.pdf" "$TMP/gov.txt" 2>/dev/null
check_eq "gov: PDF buckets per team and owner (on time, in grace, overdue, unassigned, completed, exempted)" \
	"$(sed -n '/^ *Governance *$/,/^ *Teams *$/p' "$TMP/gov.txt" | grep -E "^ *(Ann's team|Platform|ann@[^ ]*|bob@[^ ]*|Unassigned) " | tr -s ' ' | sed 's/^ //' | tr '\n' ';')" \
	"Ann's team 1 1 1 0 0 0;Platform 1 0 0 1 1 1;ann@contoso.example 1 1 1 0 0 0;bob@contoso.example 1 0 0 0 1 1;Unassigned 0 0 0 1 0 0;"
check_eq "gov: PDF overdue list leaves the grace period out" \
	"$(sed -n '/Overdue items/,/Top open/p' "$TMP/gov.txt" | grep -c 'virtualMachines/vm1')" 0
"$PY" - "$TMP/gov/posture-review-2026-10.xlsx" >"$TMP/gov.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(";".join(" ".join(str(v) for v in r) for r in wb["Governance"].iter_rows(values_only=True)))
rows = list(wb["Changes"].iter_rows(values_only=True))
h = rows[0]
print(" ".join("%s:%s:%s:%s" % (r[h.index("Resource ID")].rsplit("/", 1)[1], r[h.index("Grace period")], r[h.index("Overdue")],
      r[h.index("Ticket")]) for r in rows[1:]))
PYEOF
check_eq "gov: workbook Governance sheet" "$(sed -n 1p "$TMP/gov.xl")" \
	"By Team or owner On time Of which in grace period Overdue Unassigned Completed Exempted;team Ann's team 1 1 1 0 0 0;team Platform 1 0 0 1 1 1;owner ann@contoso.example 1 1 1 0 0 0;owner bob@contoso.example 1 0 0 0 1 1;owner Unassigned 0 0 0 1 0 0"
check_eq "gov: workbook Changes grace, overdue, ticket" "$(sed -n 2p "$TMP/gov.xl")" \
	"vm5:False:False:None vm6:False:False:None vm1:True:False:4711 vm2:False:True:None vm3:False:False:42 vm4:False:True:None"
check_eq "no governance data: no Governance sheet" "$("$PY" -c 'import sys, openpyxl; print("Governance" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' "$TMP/risk2/posture-review-2026-10.xlsx")" False

# ---- exemptions: the register and what expires within 30 days ----
# vm1 exempted in October by a Defender exemption (standard assignment for
# its key, waiver, expires 2026-11-20); vm2 Critical exempt since March
# (policy exemption of the ASC assignment on its group, mitigated); vm3 Low
# exempt (not listed); vm4 High exempt, only a cost waiver on the
# subscription holds it (said so); the cost waiver expires 2026-11-15.
X="$S/exempt"
"$POSTURE" report -q --period 2026-10 $GEN --out "$TMP/ex" "$X" 2>/dev/null
check_eq "exempt: report exit" $? 0
pdftotext -layout "$TMP/ex/posture-review-2026-10.pdf" "$TMP/ex.txt" 2>/dev/null
ex=$(sed -n '/^ *Exemptions *$/,/^ *Alerts *$/p' "$TMP/ex.txt" | tr -s ' \n' '  ')
check_contains "exempt: PDF exempted this period, since, category, expiry, exemption" "$ex" \
	"Exempted this period"
check_contains "exempt: PDF register row of vm1" "$ex" "High 2026-10-10 waiver 2026-11-20 Vulnerabilities"
check_contains "exempt: PDF vm2 (Critical, mitigated, by scope)" "$ex" "Critical 2026-03-01 mitigated 2027-06-30 Ports behind"
check_contains "exempt: PDF vm4 with the waiver that holds it" "$ex" "High 2026-04-01 Waiver 2026-11-15 Demo cluster"
check_contains "exempt: PDF expiring within 30 days, soonest first" "$ex" \
	"Exemptions expiring within 30 days Expires Exemption Scope Category Description 2026-11-15 Demo cluster"
check_eq "exempt: Low severity exempt not listed" "$(grep -c 'Guest configuration' "$TMP/ex.txt")" 0
"$PY" - "$TMP/ex/posture-review-2026-10.xlsx" >"$TMP/ex.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for r in list(wb["Exemptions"].iter_rows(values_only=True))[1:]:
    print("|".join(str(v) for v in (r[0], r[2] and r[2].rsplit("/", 1)[1], r[4], r[5] and r[5].date(), r[7], r[8],
          r[9] and r[9].date(), r[10], r[11])))
PYEOF
check_eq "exempt: workbook Exemptions sheet" "$(tr '\n' ';' <"$TMP/ex.xl")" \
	"exempted this period|vm1|High|2026-10-10|assessment key|waiver|2026-11-20|True|accepted until the migration;exempt now, High or Critical|vm2|Critical|2026-03-01|scope|mitigated|2027-06-30|False|compensating control: WAF;exempt now, High or Critical|vm4|High|2026-04-01|scope, other assignment|Waiver|2026-11-15|True|temporary demo;exemption expiring within 30 days|None|None|None|None|Waiver|2026-11-15|True|temporary demo;exemption expiring within 30 days|None|None|None|None|waiver|2026-11-20|True|accepted until the migration;"
check_eq "no exemption: no Exemptions sheet" "$("$PY" -c 'import sys, openpyxl; print("Exemptions" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' "$TMP/risk2/posture-review-2026-10.xlsx")" False

# ---- attack paths: Resource Graph rows, a continuous-export event, Log Analytics rows ----
# The risk findings again; at the start (2026-09-30, Resource Graph, the
# documented names) ap-0001 High through vm2 and ap-0002 Medium through vm3;
# at the end (2026-10-31) ap-0001 Critical (Exposure Management names), ap-0003
# High on vm4 (a CE event), ap-0004 Low on vm5 (SecurityAttackPathData CSV):
# 2 new, ap-0002 gone, 1 still there; vm2, vm4 and vm5 sit on a path.
P="$S/paths"
"$POSTURE" inspect --format json "$P" >"$TMP/paths-inspect.json"
check_eq "paths: inspect exit" $? 0
"$PY" - "$TMP/paths-inspect.json" >"$TMP/paths-inspect.out" <<'PYEOF'
import json, sys
d = json.load(open(sys.argv[1]))
for f in d["files"]:
    n = f["records"].get("attack_path", 0)
    if n: print(f["path"].rsplit("/", 1)[1], f["format"], f.get("detail") or "-", n)
PYEOF
check_eq "paths: each shape read" "$(tr '\n' ';' <"$TMP/paths-inspect.out")" \
	"SecurityAttackPathData_2026-10-31.csv la-csv SecurityAttackPathData 1;attackPaths_2026-09-30.json resource-graph - 2;attackPaths_2026-10-31.json resource-graph - 1;ce-attackpaths-2026-10-31.ndjson json-object - 1;"
"$POSTURE" diff --period 2026-10 --teams "$RULES" --format json "$P" >"$TMP/paths.json"
check_eq "paths: diff exit" $? 0
check_eq "paths: on_attack_path in diff JSON" "$("$PY" -c '
import json, sys
print(" ".join("%s:%s" % (f["resource_id"].rsplit("/", 1)[1], f["on_attack_path"]) for f in json.load(open(sys.argv[1]))["findings"]))
' "$TMP/paths.json")" "vm2:True vm3:False vm5:True vm4:True vm1:False"
check_eq "no attack-path data: no on_attack_path key" "$(grep -c on_attack_path "$TMP/risk.json")" 0
"$POSTURE" report -q --period 2026-10 --teams "$RULES" $GEN --out "$TMP/paths" "$P" 2>/dev/null
check_eq "paths: report exit" $? 0
pdftotext -layout "$TMP/paths/posture-review-2026-10.pdf" "$TMP/paths.txt" 2>/dev/null
ap=$(sed -n '/^Attack paths$/,/^Teams$/p' "$TMP/paths.txt" | tr -s ' \n' '  ')
check_contains "paths: PDF summary counts" "$ap" \
	"shows 3 attack paths at the end of the period (1 Critical, 1 High): 2 new, 1 gone and 1 still there since the start. 3 open findings sit on a path"
check_contains "paths: PDF counts by risk level (start, end, new, gone)" "$ap" \
	"Critical 0 1 0 0 High 1 1 1 0 Medium 1 0 0 1 Low 0 1 1 0"
check_contains "paths: PDF Critical path with its entry point, target and the finding to fix first" "$ap" \
	"Critical Internet exposed VM with high vm2 → kv-finance Still there Management ports should be"
check_contains "paths: PDF gone path, its entry point resolved from the entities" "$ap" \
	"Gone since the start of the period Risk Attack path Entry point → target Medium VM with updates missing and a managed identity with rights vm3 → not given"
# a finding on a path comes first at its risk level: vm4 (High risk, Low
# severity, on ap-0003) now before vm3 (High by severity, on no path)
overdue=$(sed -n '/^Overdue items$/,/Top open recommendations/p' "$TMP/paths.txt" | grep -o ' vm[0-9] (rg-' | grep -o 'vm[0-9]' | tr '\n' ' ')
check_eq "paths: PDF overdue items, on a path first at the same risk level" "$overdue" "vm2 vm5 vm4 vm3 vm1 "
"$PY" - "$TMP/paths/posture-review-2026-10.xlsx" >"$TMP/paths.xl" <<'PYEOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
rows = list(wb["Attack paths"].iter_rows(values_only=True))
h = rows[0]
print(" ".join("%s:%s:%s:%s" % (r[h.index("Attack path ID")], r[h.index("Risk level")], r[h.index("Change")],
      r[h.index("Open findings on it")]) for r in rows[1:]))
by = {}
for r in rows[1:]:
    if r[h.index("Change")] != "Gone": by[r[0]] = by.get(r[0], 0) + 1
print(sorted(by.items()))
rows = list(wb["Open items"].iter_rows(values_only=True))
h = rows[0]
print(" ".join("%s:%s" % (r[h.index("Resource")], r[h.index("On attack path")]) for r in rows[1:]))
PYEOF
check_eq "paths: workbook Attack paths sheet (id, risk, change, open findings on it)" "$(sed -n 1p "$TMP/paths.xl")" \
	"ap-0001:Critical:Still there:1 ap-0003:High:New:1 ap-0004:Low:New:1 ap-0002:Medium:Gone:None"
check_eq "paths: workbook counts by risk level at the end" "$(sed -n 2p "$TMP/paths.xl")" \
	"[('Critical', 1), ('High', 1), ('Low', 1)]"
check_eq "paths: workbook Open items in fix-first order, on a path first" "$(sed -n 3p "$TMP/paths.xl")" \
	"vm2:True vm5:True vm4:True vm3:False vm1:False"
check_eq "no attack-path data: no Attack paths sheet" "$("$PY" -c 'import sys, openpyxl; print("Attack paths" in openpyxl.load_workbook(sys.argv[1]).sheetnames)' "$TMP/risk/posture-review-2026-10.xlsx")" False
check_eq "no attack-path data: no Attack paths section" "$(grep -c '^Attack paths' "$TMP/risk.txt")" 0
# The real public schema of SecurityAttackPathData (realdata: the column
# table of MicrosoftDocs/azure-reference-other): a portal CSV export with
# exactly those columns, in the doc's order, is read as that table.
if [ -z "$REALDATA" ]; then
	skip "paths: SecurityAttackPathData columns of realdata (../shared/realdata is absent)"
else
	"$PY" - "$REALDATA/azure-monitor-tables/securityattackpathdata-include.md" "$TMP/la-real.csv" <<'PYEOF'
import csv, json, sys
cols = [l.split("|")[1].strip() for l in open(sys.argv[1]) if l.startswith("| ") and not l.startswith("| Column")]
vals = {"AttackPathId": "ap-real", "DisplayName": "Internet exposed VM", "RiskLevel": "High",
        "RiskFactors": json.dumps(["Exposure to the Internet"]), "EntrypointId": "e1", "TargetId": "t1",
        "Assessments": json.dumps({"e1": ["b0000001-0c0c-4d4d-8e8e-000000000001"]}), "TimeGenerated": "2026-10-31T00:00:00Z",
        "_SubscriptionId": "33333333-cccc-4333-8ccc-333333333333", "Type": "SecurityAttackPathData"}
w = csv.writer(open(sys.argv[2], "w", newline=""))
w.writerow(cols)
w.writerow([vals.get(c, "") for c in cols])
PYEOF
	out=$("$POSTURE" inspect "$TMP/la-real.csv" 2>&1)
	check_contains "paths: realdata SecurityAttackPathData columns detected" "$out" "la-csv SecurityAttackPathData"
	check_contains "paths: realdata SecurityAttackPathData row read" "$out" "records       1: attack_path 1"
fi

# ---- a finding in a governance grace period does not count against the score ----
# grace: the gov findings with a control (max 10) over their key: vm1..vm4
# Unhealthy, vm5 Healthy, vm6 NotApplicable; vm1 in a grace period.  The
# recomputed score leaves vm1 out (1 healthy of 4 counted: 25%); without the
# governance file it counts (1 of 5: 20%).
score_of() {
	"$POSTURE" score --format json "$1" | "$PY" -c '
import json, sys
for r in json.load(sys.stdin)["series"]:
    if r["scope"] == "control" and r["time"].startswith("2026-10-31"):
        print(r["value"], r["healthy"], r["unhealthy"], r["not_applicable"])'
}
check_eq "grace: the finding in grace is not counted against the recomputed score" "$(score_of "$S/grace")" "0.25 1 3 2"
mkdir -p "$TMP/nograce" && cp "$S/grace/snapshot-2026-10-31.ndjson" "$S/grace/secureScoreControlDefinitions_2026-10-31.json" "$TMP/nograce/"
check_eq "grace: without governance data it counts" "$(score_of "$TMP/nograce")" "0.2 1 4 1"

summary
