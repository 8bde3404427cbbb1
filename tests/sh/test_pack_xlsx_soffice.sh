# test_pack_xlsx_soffice.sh: LibreOffice opens the review workbook of
# test_pack_xlsx, exports every sheet as CSV (values as shown) and prints it
# to PDF, charts drawn.  soffice is a test package (libreoffice-calc-nogui):
# without it the suite fails.
. "$TESTS_DIR/sh/lib.sh"
WRITER="$(dirname "$POSTURE")/tests/test_pack_xlsx"
PY=/usr/bin/python3

if ! command -v soffice >/dev/null 2>&1; then
	fail "soffice is absent (libreoffice-calc-nogui is a test package: make test-deps)"
	summary; exit
fi
"$WRITER" --write "$TMP" 2>/dev/null
check_eq "workbooks written" "$?" 0
office() { soffice -env:UserInstallation="file://$TMP/profile" --headless "$@" >>"$TMP/soffice.log" 2>&1; }
# 44 ',' 34 '"' 76 UTF-8, from line 1, ..., 9th: as shown, 12th: -1 = every sheet
office --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1' \
	--outdir "$TMP/csv" "$TMP/all.xlsx"
check_eq "soffice converts the workbook" "$?" 0
check_eq "one CSV per sheet" "$(cd "$TMP/csv" && ls | tr '\n' '|')" \
	"all-Alerts.csv|all-Changes.csv|all-Compliance.csv|all-Controls.csv|all-Data quality.csv|all-Open items.csv|all-Sources.csv|all-Subscriptions.csv|all-Summary.csv|all-Teams.csv|"
check_eq "Changes rows" "$(wc -l <"$TMP/csv/all-Changes.csv")" "$(wc -l <"$TMP/diff.csv")"
# Class code, resource id, key and severity, and the statuses, row by row as in diff csv.
cmp_cols() { "$PY" -c '
import csv, sys
cols = [0, 1, 2, 4, 9, 11]
# the workbook shows the class label first, the diff CSV columns after it
a = [[r[i + 1] for i in cols] for r in csv.reader(open(sys.argv[1], encoding="utf-8"))][1:]
b = [[r[i] for i in cols] for r in csv.reader(open(sys.argv[2], encoding="utf-8"))][1:]
print(len(a), a == b)' "$1" "$2"; }
check_eq "Changes as diff csv" "$(cmp_cols "$TMP/csv/all-Changes.csv" "$TMP/diff.csv")" "600 True"
check_eq "dates as shown" "$(cut -d, -f17 "$TMP/csv/all-Changes.csv" | grep -c '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]$')" \
	"$(cut -d, -f16 "$TMP/diff.csv" | grep -c '^20')"
check_contains "key figures" "$(cat "$TMP/csv/all-Summary.csv")" "To,2026-10-31"
check_eq "Subscriptions: one row each, the problem flagged" \
	"$("$PY" -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],encoding="utf-8")))[1:]; print(len(r), sorted({x[10] for x in r}))' "$TMP/csv/all-Subscriptions.csv")" \
	"6 ['FALSE', 'TRUE']"
office --convert-to pdf --outdir "$TMP/pdf" "$TMP/all.xlsx"
check_eq "soffice prints the workbook" "$?" 0
# A boolean in a highlighted row (a subscription with a problem) prints as
# TRUE or FALSE, not 0 (its cell names both values in its number format).
check_eq "Subscriptions printed: in scope TRUE or FALSE on every row" \
	"$(pdftotext -layout "$TMP/pdf/all.pdf" - 2>/dev/null | grep -E ' [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} ' |
	   grep -cE '[0-9a-f]{12} +(TRUE|FALSE) ')" 6
text=$(pdftotext -f 1 -l 2 "$TMP/pdf/all.pdf" - 2>&1)
# The charts' titles are the only lines "Secure score" (the key figure and
# the data say "Secure score (%)") and "Findings" (the axis).
check_eq "line chart drawn" "$(printf '%s\n' "$text" | grep -cx 'Secure score')" 1
check_eq "column chart drawn" "$(printf '%s\n' "$text" | grep -cx 'Findings')" 1
# The samples' workbook (10 teams): printed, its chart page labels every
# team (those whose label fits one line) once in the chart as well as in
# the data block (a chart of the
# default height let LibreOffice skip every other label).
"$POSTURE" report -q --period 2026-10 --out "$TMP/s" --generated-at 2026-11-01T00:00:00Z "$TESTS_DIR/../samples" \
	>/dev/null 2>&1
check_eq "samples: report exit" $? 0
office --convert-to pdf --outdir "$TMP/spdf" "$TMP/s/posture-review-2026-10.xlsx"
pdftotext -f 1 -l 1 "$TMP/spdf/posture-review-2026-10.pdf" "$TMP/s1.txt" 2>/dev/null
"$PY" -c 'import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
for r in wb["Teams"].iter_rows(min_row=2, values_only=True):
    if r[1] and len(r[1]) <= 45: print(r[1])' "$TMP/s/posture-review-2026-10.xlsx" >"$TMP/s.teams"
check_eq "samples: teams charted" "$(wc -l <"$TMP/s.teams" | tr -d ' ')" 9
missing=$(while read -r t; do [ "$(grep -cxF "$t" "$TMP/s1.txt")" = 2 ] || echo "$t"; done <"$TMP/s.teams")
check_eq "samples: the chart page names every team in the chart and the data" "$missing" ""
summary
