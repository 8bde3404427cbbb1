#!/bin/sh
# posture report over the sample estate and small hand-made inputs: both
# files written and valid, the PDF text holds the organisation, the period,
# every team and the class counts of `posture diff`; determinism; the split
# per team and its index; exit 73 and no partial file when the output folder
# cannot be made; the default period; -q, --strict, --paper letter.
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
P=2026-09
GEN="--generated-at 2026-11-01T00:00:00Z"

# ---- hand-made inputs (one subscription, one finding, snapshots named by date) ----
snap() { # FILE STATUS
	sub=11111111-1111-1111-1111-111111111111
	res="/subscriptions/$sub/resourceGroups/rg-a/providers/Microsoft.Compute/virtualMachines/vm-1"
	printf '{"AssessmentEventDataEnrichment":{"Action":"Insert","IsSnapshot":true},"tenantId":"t1",'\
'"type":"Microsoft.Security/assessments","id":"%s/providers/Microsoft.Security/assessments/k-1","name":"k-1",'\
'"properties":{"resourceDetails":{"source":"Azure","id":"%s"},"displayName":"Rec one","status":{"code":"%s"},'\
'"metadata":{"displayName":"Rec one","severity":"High","remediationDescription":"Fix it."}}}\n' \
		"$res" "$res" "$2" >"$1"
}
# default_period NAME LAST-SNAPSHOT-FILE-DATE: the period report picks
default_period() {
	d="$TMP/dp-$1"; mkdir -p "$d"
	snap "$d/snap-2026-02-10.ndjson" Unhealthy
	snap "$d/snap-2026-03-01.ndjson" Unhealthy
	snap "$d/snap-$2.ndjson" Healthy
	"$POSTURE" report -q --out "$d/out" $GEN "$d"/*.ndjson >/dev/null 2>&1
	check_eq "default period ($2): exit" $? 0
	ls "$d/out" | sed -n 's/^posture-review-\(.*\)\.pdf$/\1/p'
}
check_eq "data ending at a month start" "$(default_period a 2026-04-01T00_00_00Z)" 2026-03
check_eq "data ending inside a month" "$(default_period b 2026-04-20)" 2026-03
check_eq "data ending on a month's last day" "$(default_period c 2026-03-31)" 2026-03

d="$TMP/hand"; mkdir -p "$d"
printf 'team "Équipe réseau"\n\ttype = microsoft.compute/*\nteam "Nobody"\n\ttype = microsoft.none/*\n' >"$TMP/teams.conf"
TEAMS="--teams $TMP/teams.conf"
snap "$d/snap-2026-03-01.ndjson" Unhealthy
snap "$d/snap-2026-04-01T00_00_00Z.ndjson" Healthy
out=$("$POSTURE" report $TEAMS --out "$d/out" --org "Ωmega Ltd" $GEN "$d"/*.ndjson 2>"$TMP/err")
check_eq "hand-made: exit" $? 0
check_contains "hand-made: summary" "$out" "posture report 2026-03: 2 teams, 1 findings classified (0 open, 0 overdue)"
check_contains "hand-made: files listed" "$out" "$d/out/posture-review-2026-03.xlsx"
check_contains "hand-made: warnings on stderr" "$(cat "$TMP/err")" "posture: warning: "
text=$(pdftotext "$d/out/posture-review-2026-03.pdf" - 2>/dev/null)
check_contains "hand-made: --org on the cover" "$text" "Ωmega Ltd"
check_contains "hand-made: one verified fix" "$text" "Verified fixes"
check_contains "hand-made: the team" "$text" "Équipe réseau"
check_contains "hand-made: the team without rows" "$text" "Nobody"
check_contains "hand-made: unused rule warned" "$(cat "$TMP/err")" "matched no resource"
"$POSTURE" report -q --strict --out "$d/strict" $GEN "$d"/*.ndjson >"$TMP/q" 2>&1
check_eq "--strict with warnings: exit 1" $? 1
check_eq "-q: nothing printed" "$(cat "$TMP/q")" ""
"$POSTURE" report -q --paper letter --out "$d/letter" $GEN "$d"/*.ndjson
check_contains "--paper letter" "$(pdfinfo "$d/letter/posture-review-2026-03.pdf" 2>/dev/null)" "612 x 792"

# ---- a folder that cannot be made: exit 73, no file left ----
: >"$TMP/blocker"
"$POSTURE" report -q --out "$TMP/blocker" $GEN "$d"/*.ndjson 2>"$TMP/err"
check_eq "output folder is a file: exit 73" $? 73
check_contains "output folder is a file: message" "$(cat "$TMP/err")" "blocker"
check_eq "output folder is a file: nothing else written" "$(ls "$TMP" | grep -c blocker)" 1
"$POSTURE" report -q $TEAMS --split-by-team --out "$TMP/split" $GEN "$d"/*.ndjson
check_eq "split, hand-made: exit" $? 0
check_eq "split, hand-made: the index" "$(cat "$TMP/split/index.csv")" "team,pdf,xlsx,summary,owners,score_share_pp,score_share_change_pp,verified_fixes,open_findings,open_high_critical,overdue,overdue_high_critical
Équipe réseau,Equipe-reseau/posture-review-2026-03-Equipe-reseau.pdf,Equipe-reseau/posture-review-2026-03-Equipe-reseau.xlsx,Equipe-reseau/summary.txt,,0,0,1,0,0,0,0"
mkdir -p "$TMP/split-fail"; : >"$TMP/split-fail/Equipe-reseau"
"$POSTURE" report -q $TEAMS --split-by-team --out "$TMP/split-fail" $GEN "$d"/*.ndjson 2>/dev/null
check_eq "team folder is a file: exit 73" $? 73
check_eq "team folder is a file: no index, no temporary file" \
	"$(cd "$TMP/split-fail" && ls -A | tr '\n' ' ')" \
	"Equipe-reseau posture-review-2026-03.pdf posture-review-2026-03.xlsx sources.sha256 "

# ---- the sample estate ----
A="$TMP/a"
out=$("$POSTURE" report --period $P --out "$A" $GEN --org "Contoso Test" "$S" 2>/dev/null)
check_eq "samples: exit" $? 0
check_contains "samples: summary" "$out" "posture report $P:"
for f in pdf xlsx; do
	check_eq "samples: $f written" "$([ -s "$A/posture-review-$P.$f" ] && echo yes)" yes
done
qpdf --check "$A/posture-review-$P.pdf" >/dev/null 2>&1
check_eq "samples: qpdf --check" $? 0
/usr/bin/python3 -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" "$A/posture-review-$P.xlsx" 2>/dev/null
check_eq "samples: workbook opens" $? 0
pdftotext -layout "$A/posture-review-$P.pdf" "$TMP/a.txt" 2>/dev/null
text=$(cat "$TMP/a.txt")
check_contains "samples: org" "$text" "Contoso Test"
check_contains "samples: period" "$text" "2026-09-01 to 2026-09-30"
"$POSTURE" teams --period $P "$S" 2>/dev/null | sed -n '/^Resources per team:/,/^$/p' |
	sed -n 's/^  \(.*\): \([0-9]*\)$/\1	\2/p' | grep -v '^Unassigned	0$' | cut -f1 >"$TMP/teams"
check_eq "samples: teams found" "$([ "$(wc -l <"$TMP/teams")" -ge 3 ] && echo yes)" yes
while IFS= read -r team; do
	check_contains "samples: team $team in the PDF" "$text" "$team"
done <"$TMP/teams"

# Class counts: the PDF's "What changed" table against posture diff.
"$POSTURE" diff --period $P --format json "$S" >"$TMP/diff.json" 2>/dev/null
label() {
	case $1 in
	remediated) echo "Verified fixes";; exempted) echo "Exempted";; not_applicable) echo "Not applicable";;
	resource_deleted) echo "Resources deleted";; out_of_scope) echo "Out of scope";;
	recommendation_removed) echo "Recommendations withdrawn";; still_open) echo "Still open";;
	regressed) echo "Regressed";; new_resource) echo "Created insecure";; new_recommendation) echo "Newly assessed";;
	exemption_ended) echo "Exemptions ended";; became_applicable) echo "Became applicable";;
	esac
}
sed -n '/"counts"/,/}/p' "$TMP/diff.json" | tr -d ' ",' | grep ':[0-9]' | tr ':' ' ' >"$TMP/counts"
check_eq "samples: 12 classes in the diff" "$(wc -l <"$TMP/counts" | tr -d ' ')" 12
while read -r cls n; do
	line=$(grep -E "^ *$(label "$cls")  " "$TMP/a.txt" | head -n 1)
	check_eq "samples: count of $cls" "$(echo "$line" | awk '{print $NF}')" "$n"
done <"$TMP/counts"

# Determinism.
"$POSTURE" report -q --period $P --out "$TMP/b" $GEN --org "Contoso Test" "$S"
for f in pdf xlsx; do
	check_files_eq "samples: same $f twice" "$TMP/b/posture-review-$P.$f" "$A/posture-review-$P.$f"
done

# Default period of the samples (they end on 2026-10-31).
"$POSTURE" report -q --out "$TMP/def" $GEN "$S" 2>/dev/null
check_eq "samples: default period" "$(ls "$TMP/def" | tr '\n' ' ')" \
	"posture-review-2026-10.pdf posture-review-2026-10.xlsx sources.sha256 "

# Split per team.
"$POSTURE" report -q --split-by-team --period $P --out "$TMP/s" $GEN "$S" 2>/dev/null
check_eq "split: exit" $? 0
ix="$TMP/s/index.csv"
check_eq "split: index header" "$(head -n 1 "$ix")" \
	"team,pdf,xlsx,summary,owners,score_share_pp,score_share_change_pp,verified_fixes,open_findings,open_high_critical,overdue,overdue_high_critical"
check_eq "split: one row per team with rows" "$(($(wc -l <"$ix") - 1))" "$(wc -l <"$TMP/teams" | tr -d ' ')"
check_eq "split: one folder per row" "$(find "$TMP/s" -mindepth 1 -type d | wc -l)" "$(($(wc -l <"$ix") - 1))"
# the paths are relative to the index; the figures are the team's
got=$(cd "$TMP/s" && python3 - "$TMP/diff.json" <<'PYEOF'
import csv, json, os, sys
d = json.load(open(sys.argv[1]))
bad, opens = [], 0
for row in csv.DictReader(open("index.csv", encoding="utf-8")):
    t = row["team"]
    for k in ("pdf", "xlsx", "summary"):
        if os.path.isabs(row[k]) or not os.path.getsize(row[k]):
            bad.append("%s: %s %s" % (t, k, row[k]))
    mine = [f for f in d["findings"] if f["team"] == t]
    want = (sum(f["class"] == "remediated" for f in mine), sum(f["status_to"] == "Unhealthy" for f in mine),
            sum(bool(f["overdue"]) for f in mine))
    got = (int(row["verified_fixes"]), int(row["open_findings"]), int(row["overdue"]))
    if got != want:
        bad.append("%s: %r != %r" % (t, got, want))
    owners = sorted({f["owner"] for f in mine if f["owner"] and f["status_to"] == "Unhealthy"})
    if row["owners"] != "; ".join(owners):
        bad.append("%s: owners %r" % (t, row["owners"]))
    text = open(row["summary"], encoding="utf-8").read()
    if ("Verified fixes: %d " % want[0]) not in text or ("Open findings: %d," % want[1]) not in text:
        bad.append("%s: summary.txt figures" % t)
    opens += want[1]
print("\n".join(bad) if bad else "ok %d" % opens)
PYEOF
)
check_eq "split: every file of the index exists, the figures and owners are the team's" "$got" \
	"ok $(sed -n 's/.*"unhealthy_to": \([0-9]*\).*/\1/p' "$TMP/diff.json")"
dbpdf=$(grep '^Database Team,' "$ix" | cut -d, -f2)
check_eq "split: file-safe name, relative" "$dbpdf" "Database-Team/posture-review-$P-Database-Team.pdf"
team_text=$(pdftotext "$TMP/s/$dbpdf" - 2>/dev/null)
check_contains "split: the team's pack names it" "$team_text" "Database Team"
summary
