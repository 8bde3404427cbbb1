# test_xlsx_soffice.sh: LibreOffice opens the constant-memory demonstration
# workbook (with continuation sheets) and exports every sheet as CSV, values
# as shown, then prints it to PDF to see the charts drawn.  soffice is a
# test package (libreoffice-calc-nogui): without it the suite fails.
. "$TESTS_DIR/sh/lib.sh"
DEMO="$(dirname "$POSTURE")/tests/test_xlsx"

if ! command -v soffice >/dev/null 2>&1; then
	fail "soffice is absent (libreoffice-calc-nogui is a test package: make test-deps)"
	summary; exit
fi
"$DEMO" --demo "$TMP" 2>/dev/null
check_eq "demo workbooks written" "$?" 0
# 44 ',' 34 '"' 76 UTF-8, from line 1, ..., 9th: as shown, 12th: -1 = every sheet
filter='csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1'
soffice -env:UserInstallation="file://$TMP/profile" --headless --convert-to "$filter" \
	--outdir "$TMP/csv" "$TMP/demo-cm.xlsx" >"$TMP/soffice.log" 2>&1
check_eq "soffice converts the workbook" "$?" 0
check_eq "one CSV per sheet" "$(cd "$TMP/csv" && ls | tr '\n' '|')" \
	"demo-cm-Changes (2).csv|demo-cm-Changes (3).csv|demo-cm-Changes.csv|demo-cm-Sources_.csv|demo-cm-Summary.csv|"
C="$TMP/csv/demo-cm-Changes.csv"
check_eq "rows on the first sheet" "$(wc -l <"$C")" 1001
check_eq "rows on the last sheet" "$(wc -l <"$TMP/csv/demo-cm-Changes (3).csv")" 501
check_eq "header repeated" "$(head -n 1 "$TMP/csv/demo-cm-Changes (3).csv")" "$(head -n 1 "$C")"
check_eq "formats as shown, =1+1 stays text" "$(sed -n 2p "$C")" \
	"remediated,Platform,=1+1,Medium,12.3,12.50%,1,2026-11-15,FALSE,TRUE,open"
check_eq "NaN and no date are blank" "$(sed -n 6p "$C")" \
	"remediated,Platform,vm-00005,Low,,12.50%,5,,FALSE,TRUE,open"
check_eq "last row" "$(tail -n 1 "$TMP/csv/demo-cm-Changes (3).csv")" \
	"regressed,Platform,vm-02500,Medium,12.3,12.50%,2500,2026-11-15,TRUE,TRUE,open"
cut=$(/usr/bin/python3 -c '
import csv, sys
r = list(csv.reader(open(sys.argv[1], encoding="utf-8")))
print(len(r[2][2]), r[2][2].endswith("\u2026 [cut]"), r[3][2] == "bad\ufffd\ufffdbyte")' "$C")
check_eq "long cell cut, bad bytes replaced" "$cut" "32767 True True"
S="$TMP/csv/demo-cm-Summary.csv"
check_eq "key figures as shown" "$(sed -n '3,5p' "$S" | tr '\n' '|')" \
	'Secure score,63.45,,|Change,2.1%,,|Open findings,"1,234",,|'
check_eq "chart data block" "$(tail -n 1 "$S")" "Apps,3,6,9"
# In constant memory the charts carry no cached values: LibreOffice must
# draw them from the cells.  Their titles only appear in the charts.
soffice -env:UserInstallation="file://$TMP/profile" --headless --convert-to pdf \
	--outdir "$TMP/pdf" "$TMP/demo-cm.xlsx" >>"$TMP/soffice.log" 2>&1
check_eq "soffice prints the workbook" "$?" 0
text=$(pdftotext -f 1 -l 3 "$TMP/pdf/demo-cm.pdf" - 2>&1)
check_contains "line chart drawn" "$text" "Score %"
check_contains "column chart drawn" "$text" "=Open findings"
summary
