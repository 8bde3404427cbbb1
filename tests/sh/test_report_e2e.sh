#!/bin/sh
# posture report end to end, on real pipelines rather than the synthetic
# review of tests/unit/review_fixture.h:
# 1. the sample pack of 2026-10: golden `pdftotext -layout` text
#    (tests/golden/pack/samples-2026-10.txt, stderr of pdftotext ignored),
#    qpdf --check, page count, outlines = 9 sections + one per team with
#    findings; the same on US Letter;
# 2. its workbook against the other commands: Changes (first 20 columns) =
#    `posture diff --format csv` row by row, Open items = the findings left
#    Unhealthy, Sources = the files of `posture inspect`, Teams = the teams
#    with findings;
# 3. --split-by-team over a generated estate with 40 team rules.
# After an intended layout change, regenerate the golden text with
#   UPDATE_GOLDEN=1 make test
# and review the diff before committing.
. "$TESTS_DIR/sh/lib.sh"
PY=/usr/bin/python3
SHEET="$PY $TESTS_DIR/tools/xlsx_sheet_csv.py"
GOLDEN="$TESTS_DIR/golden/pack/samples-2026-10.txt"
export LC_ALL=C
GEN="--generated-at 2026-11-01T00:00:00Z"
P=2026-10
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	fail "/usr/bin/python3 has no openpyxl (python3-openpyxl is a test package: make test-deps)"
	summary; exit
fi
# Relative paths (samples, templates/teams.conf) keep the evidence appendix,
# and so the golden text, the same in every checkout.
cd "$TESTS_DIR/.." || exit 1

pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }
# Outlines as "level<TAB>title" lines (the method of test_pack_pdf.sh).
outlines() {
	qpdf --json --json-key=outlines "$1" 2>/dev/null | "$PY" -c '
import json, sys
def walk(items, level):
    for o in items:
        print("%d\t%s" % (level, o["title"]))
        walk(o["kids"], level + 1)
walk(json.load(sys.stdin)["outlines"], 1)'
}
# fields N...: the fields N... (from 1) of CSV lines on stdin, tab-separated.
fields() {
	"$PY" -c 'import csv, sys
for row in csv.reader(sys.stdin): print("\t".join(row[int(n) - 1] for n in sys.argv[1:]))' "$@"
}
# Column N of a posture CSV file, header left out, as parsed by python's csv.
csv_col() {
	"$PY" -c 'import csv, sys
r = csv.DictReader(open(sys.argv[1], newline=""))
for row in r: print(row[sys.argv[2]])' "$1" "$2"
}

# ---- 1. the sample pack ----
"$POSTURE" diff --period $P --format csv samples >"$TMP/diff.csv" 2>/dev/null
check_eq "diff csv: exit" $? 0
csv_col "$TMP/diff.csv" team | sort -u >"$TMP/teams"
check_eq "diff csv: several teams with findings" "$([ "$(wc -l <"$TMP/teams")" -ge 3 ] && echo yes)" yes
# The league order of the teams, from the Teams sheet, checked below against the outlines.
expected_outlines() { # PDF-FILE-OF-THE-SAME-RUN
	printf '1\tExecutive summary\n1\tMovers\n1\tWhere the next points are\n1\tAttack paths\n1\tTeams\n'
	$SHEET "${1%.pdf}.xlsx" Teams 2 | fields 2 | sed 's/^/2\t/'
	printf '1\tExemptions\n1\tCompliance\n1\tAlerts\n1\tData quality\n1\tEvidence appendix\n'
}
pack() { # NAME PAPER-OPTIONS...
	name=$1; shift
	"$POSTURE" report -q --period $P $GEN "$@" --out "$TMP/$name" samples 2>/dev/null
	check_eq "$name: exit" $? 0
	pdf="$TMP/$name/posture-review-$P.pdf"
	qpdf --check "$pdf" >/dev/null 2>&1
	check_eq "$name: qpdf --check" $? 0
	outlines "$pdf" >"$TMP/$name.outl"
	check_eq "$name: outlines = 10 sections (the sample has attack paths and exemptions) + one per team with findings" \
		"$(wc -l <"$TMP/$name.outl" | tr -d ' ')" "$((10 + $(wc -l <"$TMP/teams")))"
	check_eq "$name: the teams of the outlines are those with findings" \
		"$(awk -F'\t' '$1 == 2 { print $2 }' "$TMP/$name.outl" | sort | tr '\n' ';')" "$(tr '\n' ';' <"$TMP/teams")"
	expected_outlines "$pdf" >"$TMP/$name.outl.exp"
	check_files_eq "$name: outline order (sections, teams in league order)" "$TMP/$name.outl" "$TMP/$name.outl.exp"
}
pack a4
A="$TMP/a4/posture-review-$P.pdf"
check_contains "a4: page size" "$(pdfinfo "$A" 2>/dev/null)" "595.276 x 841.89 pts (A4)"
check_eq "a4: page count" "$(pages "$A")" 26
pdftotext -layout "$A" "$TMP/a4.txt" 2>/dev/null
if [ -n "$UPDATE_GOLDEN" ]; then
	mkdir -p "$(dirname "$GOLDEN")" && cp "$TMP/a4.txt" "$GOLDEN" && echo "updated $GOLDEN"
fi
check_files_eq "a4: golden text" "$TMP/a4.txt" "$GOLDEN"

pack letter --paper letter
L="$TMP/letter/posture-review-$P.pdf"
check_contains "letter: page size" "$(pdfinfo "$L" 2>/dev/null)" "612 x 792 pts (letter)"
check_eq "letter: page count" "$(pages "$L")" 28
check_contains "letter: page 1" "$(pdftotext -layout -l 1 "$L" - 2>/dev/null)" "2026-10-01 to 2026-10-31"

# ---- 2. the workbook against diff, inspect and the teams ----
X="$TMP/a4/posture-review-$P.xlsx"
check_eq "Changes: the class label first, its code beside it" "$($SHEET "$X" Changes 2 --header | sed -n 1p)" "Class,Class code"
check_eq "Changes: the 20th column after the label is the team" "$($SHEET "$X" Changes 20 --header --skip=1 | sed -n 1p | fields 20)" Team
tail -n +2 "$TMP/diff.csv" >"$TMP/diff.rows"
$SHEET "$X" Changes 20 --skip=1 >"$TMP/changes.rows"
check_eq "Changes: one row per diff row" "$(wc -l <"$TMP/changes.rows")" "$(wc -l <"$TMP/diff.rows")"
check_files_eq "Changes: every row = posture diff --format csv" "$TMP/changes.rows" "$TMP/diff.rows"

open=$(csv_col "$TMP/diff.csv" status_to | grep -c '^Unhealthy$')
check_eq "Open items: one row per finding left Unhealthy" "$($SHEET "$X" 'Open items' | wc -l)" "$open"
# Open items' Resource ID and Assessment key (columns 16, 17: after the risk
# and attack-path columns the sample has) = the diff's Unhealthy rows.
"$PY" -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], newline="")):
    if r["status_to"] == "Unhealthy": print(r["resource_id"] + "\t" + r["assessment_key"])' \
	"$TMP/diff.csv" | sort >"$TMP/open.exp"
check_eq "Open items: columns 16 and 17 are Resource ID and Assessment key" \
	"$($SHEET "$X" 'Open items' 17 --header | sed -n 1p | fields 16 17)" "$(printf 'Resource ID\tAssessment key')"
$SHEET "$X" 'Open items' 17 | fields 16 17 | sort >"$TMP/open.got"
check_files_eq "Open items: the same findings as the diff's Unhealthy rows" "$TMP/open.got" "$TMP/open.exp"

"$POSTURE" inspect --format json samples 2>/dev/null | "$PY" -c '
import json, sys
for f in json.load(sys.stdin)["files"]:
    print("%s,%d,%s,%d" % (f["path"], f["size"], f["sha256"], f["total"]))' | sort >"$TMP/sources.exp"
check_eq "inspect: files listed" "$([ "$(wc -l <"$TMP/sources.exp")" -ge 10 ] && echo yes)" yes
$SHEET "$X" Sources 16 | fields 1 3 4 16 | tr '\t' , | sort >"$TMP/sources.got"
check_files_eq "Sources: path, size, SHA-256, records of every inspected file" "$TMP/sources.got" "$TMP/sources.exp"

$SHEET "$X" Teams 2 | fields 2 | sort >"$TMP/teams.got"
check_files_eq "Teams: one row per team with findings" "$TMP/teams.got" "$TMP/teams"

# ---- 3. 40 team rules over a generated estate, split per team ----
E="$TMP/estate"
"$ESTATE_GEN" --out "$E" --resources 600 --subscriptions 4 --months 2 --formats ce >/dev/null 2>&1
check_eq "estate-gen: exit" $? 0
# 4 rules per last digit of the resource name: 40 teams, most of them with resources.
for d in 0 1 2 3 4 5 6 7 8 9; do
	printf 'team "Compute %s"\n\tname = vm-*%s, vmss-*%s\n' $d $d $d
	printf 'team "Apps %s"\n\tname = app-*%s, acr-*%s\n' $d $d $d
	printf 'team "Data %s"\n\tname = sql-*%s, redis-*%s, kv-*%s\n' $d $d $d $d
	printf 'team "Équipe %s"\n\tname = *%s\n' $d $d
done >"$TMP/teams40.conf"
S40="$TMP/s40"
"$POSTURE" diff --period 2026-06 --teams "$TMP/teams40.conf" --format csv "$E" >"$TMP/diff40.csv" 2>/dev/null
csv_col "$TMP/diff40.csv" team | sort -u >"$TMP/teams40"
check_eq "40 rules: at least 35 teams with findings" "$([ "$(wc -l <"$TMP/teams40")" -ge 35 ] && echo yes)" yes
"$POSTURE" report -q --period 2026-06 --teams "$TMP/teams40.conf" --split-by-team --out "$S40" $GEN "$E" 2>/dev/null
check_eq "40 rules, split: exit" $? 0
ix="$S40/index.csv"
check_eq "40 rules: index header" "$(head -n 1 "$ix" | cut -d, -f1-4)" "team,pdf,xlsx,summary"
csv_col "$ix" team | sort >"$TMP/ix.teams"
check_files_eq "40 rules: index lists the teams with findings" "$TMP/ix.teams" "$TMP/teams40"
check_eq "40 rules: one folder per index row" "$(find "$S40" -mindepth 1 -type d | wc -l)" "$(wc -l <"$TMP/ix.teams")"
check_eq "40 rules: the overall pack too" \
	"$([ -s "$S40/posture-review-2026-06.pdf" ] && [ -s "$S40/posture-review-2026-06.xlsx" ] && echo yes)" yes
# Every folder holds exactly its PDF and its workbook, both named in the index.
bad=0
for dir in "$S40"/*/; do
	t=$(basename "$dir")
	[ "$(ls "$dir" | tr '\n' ' ')" = "posture-review-2026-06-$t.pdf posture-review-2026-06-$t.xlsx summary.txt " ] ||
		bad=$((bad + 1))
	for f in pdf xlsx; do
		[ -s "$dir/posture-review-2026-06-$t.$f" ] && grep -q ",$t/posture-review-2026-06-$t.$f," "$ix" || bad=$((bad + 1))
	done
done
check_eq "40 rules: every folder has its PDF and XLSX, listed in the index" $bad 0
# qpdf and the team name on a sample: every seventh row of the index.
tail -n +2 "$ix" | awk 'NR % 7 == 1' >"$TMP/ix.sample"
while IFS=, read -r team pdf xlsx rest; do
	pdf="$S40/$pdf" xlsx="$S40/$xlsx"
	qpdf --check "$pdf" >/dev/null 2>&1
	check_eq "40 rules: qpdf --check $team" $? 0
	check_contains "40 rules: $team's PDF names it" "$(pdfinfo "$pdf" 2>/dev/null)" "— $team"
	check_eq "40 rules: $team's workbook holds only its rows" \
		"$($SHEET "$xlsx" Changes 20 --skip=1 | fields 20 | grep -cvxF "$team")" 0
done <"$TMP/ix.sample"
check_eq "40 rules: sample of 6 packs checked" "$(wc -l <"$TMP/ix.sample")" 6
summary
