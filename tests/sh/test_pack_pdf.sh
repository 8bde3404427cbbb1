# test_pack_pdf.sh: the PDF review pack, rendered from the synthetic review of
# tests/unit/review_fixture.h by the unit test binary (--render), checked with
# qpdf, pdfinfo and pdftotext.
#
# Golden text: tests/golden/pack/fixture.txt is `pdftotext -layout` of the
# 4-team, 500-finding pack (stderr of pdftotext ignored: libharu's ToUnicode
# maps draw warnings).  After an intended layout change, regenerate it with
#   UPDATE_GOLDEN=1 make test
# and review the diff before committing.
. "$TESTS_DIR/sh/lib.sh"
. "$TESTS_DIR/sh/lib_pdf.sh"
BIN="$(dirname "$POSTURE")/tests/test_pack_pdf"
GOLDEN="$TESTS_DIR/golden/pack/fixture.txt"
TEAMS="Équipe réseau|Platform engineering|Data & analytics|Identité et accès"

between() { [ "$1" -ge "$2" ] 2>/dev/null && [ "$1" -le "$3" ] && echo yes; }

# Outlines as "level<TAB>title<TAB>page" lines.
outlines() {
	qpdf --json --json-key=outlines "$1" 2>/dev/null | "$PY" -c '
import json, sys
def walk(items, level):
    for o in items:
        print("%d\t%s\t%d" % (level, o["title"], o["destpageposfrom1"]))
        walk(o["kids"], level + 1)
walk(json.load(sys.stdin)["outlines"], 1)'
}


# ---- the whole pack: 4 teams, 500 findings ----
A="$TMP/a.pdf"
"$BIN" --render "$A"; check_eq "render exit status" "$?" 0
"$BIN" --render "$TMP/b.pdf"
check_files_eq "two renders are byte-identical" "$A" "$TMP/b.pdf"
check_qpdf "qpdf --check" "$A"
check_eq "page count" "$(pdf_pages "$A")" 22
check_contains "A4" "$(pdfinfo "$A" 2>/dev/null)" "595.276 x 841.89 pts (A4)"
check_eq "fonts embedded" "$(pdffonts "$A" 2>/dev/null | grep -c 'CID TrueType *Identity-H *yes yes yes')" 2

outlines "$A" >"$TMP/outl"
check_eq "outline entries: 8 sections + 4 teams" "$(wc -l <"$TMP/outl")" 12
check_eq "sections in order" "$(awk -F'\t' '$1 == 1 { printf "%s;", $2 }' "$TMP/outl")" \
	"Executive summary;Movers;Where the next points are;Teams;Compliance;Alerts;Data quality;Evidence appendix;"
check_eq "one outline per team, in league order" "$(awk -F'\t' '$1 == 2 { printf "%s;", $2 }' "$TMP/outl")" \
	"Identité et accès;Platform engineering;Data & analytics;Équipe réseau;"

pdftotext -layout "$A" "$TMP/a.txt" 2>/dev/null
text=$(cat "$TMP/a.txt")
check_contains "cover title" "$text" "Security posture review, October 2026"
check_contains "period" "$text" "2026-10-01 to 2026-10-31"
check_contains "scope" "$text" "2 tenants, 6 subscriptions"
check_contains "generated date" "$text" "2026-11-02 06:00 UTC"
for team in "Équipe réseau" "Platform engineering" "Data & analytics" "Identité et accès"; do
	check_contains "team name $team" "$text" "$team"
done
check_contains "key figure: score" "$text" "61.20%"
check_contains "key figure captions" "$text" "Verified fixes"
check_contains "goal line" "$text" "Goal 75.00% by 2027-06-30"
check_contains "pace still needed" "$text" "1.72 percentage points a month are still needed"
check_contains "deployment template attribution" "$text" "fix the deployment template"
check_contains "cut list" "$text" "more: see the workbook"
check_contains "data warnings box" "$text" "Data warnings"
check_contains "evidence: a SHA-256" "$text" "SHA-256"
check_contains "evidence: team rules" "$text" "templates/teams.conf"
check_contains "high-severity alerts listed" "$text" "High-severity alerts"
# The reconciliation line adds up, and agrees with the key figure.
rec=$(sed -n 's/.*Reconciliation: \([0-9,]*\) unhealthy at the start − \([0-9,]*\) closed + \([0-9,]*\) opened = \([0-9,]*\) unhealthy.*/\1 \2 \3 \4/p' "$TMP/a.txt" | tr -d ,)
check_eq "reconciliation adds up" "$(echo "$rec" | awk '{ print ($1 - $2 + $3 == $4) ? "yes" : $0 }')" yes
check_contains "open findings figure = unhealthy at the end" "$text" "$(echo "$rec" | awk '{ print $4 }')"
# Each cut list says how many rows it left out: every team has more than 10 verified fixes.
check_eq "'and N more' in every team's fixes" "$(grep -c 'and [0-9]* more: see the workbook' "$TMP/a.txt" | awk '{ print ($1 >= 8) ? "yes" : $1 }')" yes
check_eq "no word outside the margins" "$(pdf_inside "$A")" "words 1 outside 0"

if [ -n "$UPDATE_GOLDEN" ]; then
	mkdir -p "$(dirname "$GOLDEN")" && cp "$TMP/a.txt" "$GOLDEN" && echo "updated $GOLDEN"
fi
check_files_eq "golden text" "$TMP/a.txt" "$GOLDEN"

# ---- the per-team form (--split-by-team): team 1, Platform engineering ----
T="$TMP/team.pdf"
"$BIN" --render "$T" --team 1; check_eq "team render exit status" "$?" 0
check_qpdf "qpdf --check team" "$T"
outlines "$T" >"$TMP/toutl"
check_eq "team form: 6 sections + 1 team" "$(wc -l <"$TMP/toutl")" 7
check_eq "team form: only its team section" "$(awk -F'\t' '$1 == 2 { printf "%s;", $2 }' "$TMP/toutl")" \
	"Platform engineering;"
first=$(awk -F'\t' '$2 == "Where the next points are" { print $3 }' "$TMP/toutl")
after=$(pdftotext -layout -f "${first:-1}" "$T" - 2>/dev/null)
check_contains "team form: its name after the summary" "$after" "Platform engineering"
check_eq "team form: no other team name after the summary" \
	"$(printf '%s\n' "$after" | grep -E "$TEAMS" | grep -vc 'Platform engineering')" 0
check_contains "team form: the overall summary kept" "$(pdftotext -layout "$T" - 2>/dev/null)" "League table of teams"
check_contains "team form: title names the team" "$(pdfinfo "$T" 2>/dev/null)" "October 2026 — Platform engineering"

# ---- US Letter ----
"$BIN" --render "$TMP/l.pdf" --letter
check_contains "letter paper" "$(pdfinfo "$TMP/l.pdf" 2>/dev/null)" "612 x 792 pts (letter)"
check_qpdf "qpdf --check letter" "$TMP/l.pdf"
check_eq "letter: no word outside the margins" "$(pdf_inside "$TMP/l.pdf")" "words 1 outside 0"

# ---- 40 teams ----
F="$TMP/forty.pdf"
"$BIN" --render "$F" --teams 40 --findings 4000 --alerts 300; check_eq "40 teams exit status" "$?" 0
check_qpdf "qpdf --check 40 teams" "$F"
check_eq "40 teams: 48 outline entries" "$(outlines "$F" | wc -l)" 48
check_eq "40 teams: pages within bounds" "$(between "$(pdf_pages "$F")" 60 300)" yes
check_eq "40 teams: no word outside the margins" "$(pdf_inside "$F")" "words 1 outside 0"

# ---- 200,000 findings: lists are cut, the pack stays short ----
H="$TMP/huge.pdf"
"$BIN" --render "$H" --findings 200000 --alerts 5000; check_eq "200,000 findings exit status" "$?" 0
check_qpdf "qpdf --check 200,000 findings" "$H"
check_eq "200,000 findings: pages within bounds" "$(between "$(pdf_pages "$H")" 15 60)" yes
htext=$(pdftotext -layout "$H" - 2>/dev/null)
check_eq "200,000 findings: counts with thousands separators" \
	"$(printf '%s\n' "$htext" | grep -cE '^Still open .* [0-9]{1,3},[0-9]{3}$')" 1
check_eq "200,000 findings: big cut lists" "$(printf '%s\n' "$htext" | grep -cE 'and [0-9]{4,} more: see the workbook' | awk '{ print ($1 >= 8) ? "yes" : $1 }')" yes

# ---- an empty review: every section says so in a sentence ----
E="$TMP/empty.pdf"
"$BIN" --render "$E" --teams 0 --findings 0 --alerts 0 --empty; check_eq "empty exit status" "$?" 0
check_qpdf "qpdf --check empty" "$E"
etext=$(pdftotext -layout "$E" - 2>/dev/null)
check_contains "empty: no teams" "$etext" "No teams: no resource could be given a team."
check_contains "empty: no alerts" "$etext" "No security alert was raised in the period."
check_contains "empty: no warnings" "$etext" "No warning: the data at both ends"
check_contains "empty: no goal" "$etext" "No goals"
check_eq "empty: no data warnings box" "$(printf '%s\n' "$etext" | grep -c 'Data warnings')" 0
check_eq "empty: 8 outline entries" "$(outlines "$E" | wc -l)" 8
summary
