# test_xlsx.sh: reads the demonstration workbooks of test_xlsx back with
# openpyxl (Debian's /usr/bin/python3) and checks what Excel would see.
. "$TESTS_DIR/sh/lib.sh"
DEMO="$(dirname "$POSTURE")/tests/test_xlsx"
PY=/usr/bin/python3

if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	fail "/usr/bin/python3 has no openpyxl (python3-openpyxl is a test package: make test-deps)"
	summary; exit
fi
"$DEMO" --demo "$TMP" 2>"$TMP/err"
check_eq "demo workbooks written" "$?" 0
mkdir -p "$TMP/again"
"$DEMO" --demo "$TMP/again" 2>/dev/null
for f in demo.xlsx demo-cm.xlsx links.xlsx few-links.xlsx; do
	check_files_eq "$f is byte-identical on a second run" "$TMP/again/$f" "$TMP/$f"
done
check_eq "no temporary file left" "$(ls -A "$TMP" | grep -c '\.tmp-')" 0

# One line per fact; compared with the expected lines below.
facts() { "$PY" - "$1" <<'EOF'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
p = wb.properties
print("props", p.creator, p.title, p.created.isoformat())
print("sheets", "|".join(wb.sheetnames))
for ws in wb:
    print("sheet", ws.title, ws.max_row, ws.freeze_panes, ws.auto_filter.ref, len(ws._charts))
ws = wb["Changes"]
print("header", "|".join(c.value for c in ws[1]))
c = ws["C2"]
print("formula-text", c.data_type, c.value)
c = ws["C3"]
print("cut", len(c.value), c.value.endswith("\u2026 [cut]"), c.value[:5])
print("sanitized", ws["C4"].value == "bad\ufffd\ufffdbyte")
print("score", ws["E2"].value, ws["E2"].number_format, ws["F2"].number_format, ws["G2"].number_format)
d = ws["H2"]
print("date", d.is_date, d.value.isoformat(), d.number_format)
print("bool", ws["I2"].value, ws["J2"].value, ws["I5"].value)
print("blank", ws["E6"].value, ws["H6"].value)
h = ws["K2"].hyperlink
print("link", ws["K2"].value, h.target + "#" + h.location)
print("long-url-text", ws["K5"].hyperlink is None, ws["K5"].value[:25], len(ws["K5"].value))
print("widths", ws.column_dimensions["C"].width > 30, ws.column_dimensions["D"].width >= 8)
cf = sorted((str(r.sqref), rule.type, rule.formula[0]) for r in ws.conditional_formatting for rule in r.rules)
print("cf", cf)
s = wb["Summary"]
print("keyfig", s["A3"].value, s["B3"].value, s["B3"].number_format, s["B4"].number_format)
print("data", s["A8"].value, s["B8"].value, s["A9"].value, s["B20"].value, s["D25"].value)
EOF
}

cat >"$TMP/expect" <<'EOF'
props posture Posture demo 2026-11-01T06:00:00
sheets Summary|Changes|Sources_
sheet Summary 25 None None 2
sheet Changes 2501 A2 A1:K2501 0
sheet Sources_ 2 A2 A1:B2 0
header Class|Team|Resource|Severity|Score|Share|Age (days)|Due|Overdue|Fixed|Portal
formula-text s =1+1
cut 32767 True abcde
sanitized True
score 12.25 0.0 0.00% 0
date True 2026-11-15T00:00:00 yyyy-mm-dd
bool False True True
blank None None
link open https://portal.azure.com/#@contoso/resource/vm-00001
long-url-text True https://portal.azure.com/ 2125
widths True True
cf [('A2:K2501', 'expression', '$I2=TRUE'), ('D2:D2501', 'cellIs', '"Critical"'), ('D2:D2501', 'cellIs', '"High"'), ('D2:D2501', 'cellIs', '"Low"'), ('D2:D2501', 'cellIs', '"Medium"')]
keyfig Secure score 63.45 0.00 0.0%
data Month Secure score 2025-11 61 9
EOF
facts "$TMP/demo.xlsx" >"$TMP/got" 2>&1
check_files_eq "demo.xlsx read back" "$TMP/got" "$TMP/expect"

# Constant memory, 1,000 rows per sheet: Changes continues on two more
# sheets with the same header; the cells are the same.
facts "$TMP/demo-cm.xlsx" >"$TMP/got-cm" 2>&1
sed -e 's/^sheets .*/sheets Summary|Changes|Changes (2)|Changes (3)|Sources_/' \
    -e 's/^sheet Changes 2501 A2 A1:K2501 0/sheet Changes 1001 A2 A1:K1001 0\
sheet Changes (2) 1001 A2 A1:K1001 0\
sheet Changes (3) 501 A2 A1:K501 0/' \
    -e "s/A2:K2501/A2:K1001/; s/D2:D2501/D2:D1001/g" "$TMP/expect" >"$TMP/expect-cm"
check_files_eq "demo-cm.xlsx read back" "$TMP/got-cm" "$TMP/expect-cm"
got=$("$PY" - "$TMP/demo-cm.xlsx" <<'EOF'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
heads = {tuple(c.value for c in next(wb[n].iter_rows(max_row=1))) for n in wb.sheetnames if n.startswith("Changes")}
ages = [r[6] for n in wb.sheetnames if n.startswith("Changes") for r in wb[n].iter_rows(min_row=2, values_only=True)]
print(len(heads), len(ages), ages == list(range(1, 2501)))
EOF
)
check_eq "continuation sheets: one header, every row once, in order" "$got" "1 2500 True"

# Charts: a line chart and a stacked column chart over the Summary block.
charts=$(unzip -Z1 "$TMP/demo.xlsx" | grep -c '^xl/charts/chart[0-9]*\.xml$')
check_eq "two chart parts" "$charts" 2
c1=$(unzip -p "$TMP/demo.xlsx" xl/charts/chart1.xml)
check_contains "line chart" "$c1" "<c:lineChart>"
check_contains "line chart categories" "$c1" "<c:f>Summary!\$A\$9:\$A\$20</c:f>"
c2=$(unzip -p "$TMP/demo.xlsx" xl/charts/chart2.xml)
check_contains "column chart" "$c2" '<c:barDir val="col"/>'
check_contains "stacked" "$c2" '<c:grouping val="stacked"/>'
check_contains "severity colour" "$c2" '<a:srgbClr val="F4B6B6"/>'
check_contains "title starting with = stays text" "$c2" "<a:t> =Open findings</a:t>"

# Excel's 65,530 hyperlinks per sheet: the rest are plain text.
sheet=$(unzip -p "$TMP/links.xlsx" xl/worksheets/sheet1.xml)
check_eq "hyperlinks on the sheet" "$(printf '%s' "$sheet" | grep -o '<hyperlink ' | wc -l)" 65530
check_contains "a URL of 2,079 characters is a link" "$sheet" '<hyperlink ref="A2" '
check_contains "a URL of 2,080 characters is text" "$sheet" '<c r="A3" t="inlineStr"><is><t>https://example.com/2xxx'
check_eq "no link on A3" "$(printf '%s' "$sheet" | grep -c '<hyperlink ref="A3"')" 0
check_contains "link 65,532 kept as text" "$sheet" \
	'<c r="A65533" t="inlineStr"><is><t>https://example.com/65532</t></is></c>'
sheet=$(unzip -p "$TMP/few-links.xlsx" xl/worksheets/sheet1.xml)
check_eq "max_links 2: two hyperlinks" "$(printf '%s' "$sheet" | grep -o '<hyperlink ' | wc -l)" 2
check_contains "the third as text" "$sheet" '<c r="A4" t="inlineStr"><is><t>https://example.com/3</t></is></c>'
names=$(unzip -p "$TMP/few-links.xlsx" xl/workbook.xml | grep -o '<sheet name="[^"]*"' | tr '\n' '|')
check_eq "unique sheet names" "$names" \
	'<sheet name="Links"|<sheet name="LINKS (2)"|'
summary
