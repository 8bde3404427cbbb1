# test_pdf.sh: the demonstration document of the PDF toolkit (written by the
# unit test binary) checked with qpdf, pdfinfo and pdftotext.
. "$TESTS_DIR/sh/lib.sh"
. "$TESTS_DIR/sh/lib_pdf.sh"
DEMO="$(dirname "$POSTURE")/tests/test_pdf"
A="$TMP/a.pdf"
"$DEMO" --demo "$A"; check_eq "demo exit status" "$?" 0
"$DEMO" --demo "$TMP/b.pdf"
check_files_eq "two generations are byte-identical" "$A" "$TMP/b.pdf"
check_qpdf "qpdf --check" "$A"

info=$(pdfinfo "$A" 2>/dev/null)
pages=$(printf '%s\n' "$info" | sed -n 's/^Pages: *//p')
check_eq "title in the document info" "$(printf '%s\n' "$info" | sed -n 's/^Title: *//p')" "Security review — Équipe réseau"
check_eq "creator" "$(printf '%s\n' "$info" | sed -n 's/^Creator: *//p')" "posture 0.1.0"
check_contains "creation date from the options" "$(pdfinfo -isodates "$A" 2>/dev/null)" "2026-11-01T06:00:00"
check_contains "A4" "$info" "595.276 x 841.89 pts (A4)"
check_eq "more than 100 pages (2,000 rows)" "$([ "${pages:-0}" -gt 100 ] && echo yes)" yes

pdftotext -layout "$A" "$TMP/a.txt" 2>"$TMP/a.err"
# libharu's own /ToUnicode map is invalid (begincidrange); ours must read without a word from poppler.
check_eq "pdftotext reads the fonts without complaint" "$(cat "$TMP/a.err")" ""
text=$(cat "$TMP/a.txt")
check_contains "footer knows the page count" "$text" "Page 1 of $pages"
check_contains "last footer" "$text" "Page $pages of $pages"
check_contains "UTF-8 text extracts" "$text" "Équipe réseau 40"
check_contains "running header" "$text" "Security review — Équipe réseau"
check_contains "cut list" "$text" "and 2 more: see the workbook"
check_contains "line chart legend" "$text" "Goal 70% by June 2027"
check_contains "severity legend" "$text" "Medium"
check_contains "empty chart" "$text" "No data"
check_eq "long ids broken after a slash" "$(grep -c ' providers/Microsoft.Network/networkSecurityGroups/$' "$TMP/a.txt")" 2000
check_eq "no id runs past its column" "$(grep -c 'networkSecurityGroups/nsg-frontend' "$TMP/a.txt")" 0

# A cut list never leaves its "and N more" line alone at the top of a page
# (third text line: after the running header and the repeated table header).
orphans=$(awk 'BEGIN { RS = "\f" } { c = 0; n = split($0, l, "\n")
	for (i = 1; i <= n; i++) if (l[i] ~ /[A-Za-z]/ && ++c == 3 && l[i] ~ /more: see the workbook/) print NR }' "$TMP/a.txt")
check_eq "no orphan 'more' line" "$orphans" ""

# The last row of the long table is on a later page that repeats the header.
last=$(pdftotext -f "$pages" -l "$pages" -layout "$A" - 2>/dev/null)
check_contains "last page holds row 2000" "$last" "nsg-frontend-2000"
check_contains "header row repeated" "$last" "Resource id"
check_contains "running section name" "$last" "All open findings"

# Outlines (qpdf --json) against the contents pages and the text of each page:
# prints "outlines N level2 M bad B" and the kids of the outline named $2.
toc_check() { # PDF PARENT
	qpdf --json --json-key=outlines "$1" >"$TMP/outlines.json" 2>/dev/null
	pdftotext -layout "$1" "$TMP/toc.txt" 2>/dev/null
	"$PY" - "$TMP/outlines.json" "$TMP/toc.txt" "$2" <<'PYEOF'
import json, re, sys
outl = json.load(open(sys.argv[1]))["outlines"]
pages = open(sys.argv[2], encoding="utf-8").read().split("\f")
flat = []
def walk(items, level):
    for o in items:
        flat.append((level, o["title"], o["destpageposfrom1"]))
        walk(o["kids"], level + 1)
walk(outl, 1)
toc = {}
for page in pages:
    if not page.strip() or not re.search(r"Contents\s*$", page.lstrip("\n").splitlines()[0]):
        continue  # not a contents page (its running header ends with "Contents")
    for line in page.splitlines()[1:]:
        m = re.match(r"^\s*(\S.*?)\s{2,}(\d+)\s*$", line)
        if m:
            toc[m.group(1)] = int(m.group(2))
def listed(title):  # a long title is cut with an ellipsis in the contents
    for k, v in toc.items():
        if k == title or (k.endswith("\u2026") and title.startswith(k[:-1].rstrip())):
            return v
bad = 0
for level, title, page in flat:
    if listed(title) != page:
        bad += 1; print("toc %r says %r, outline goes to %d" % (title, listed(title), page))
    if title[:30] not in pages[page - 1]:
        bad += 1; print("%r not on page %d" % (title, page))
print("outlines %d level2 %d bad %d" % (len(flat), sum(1 for f in flat if f[0] == 2), bad))
print("kids %d" % len([o for o in outl if o["title"] == sys.argv[3]][0]["kids"]))
PYEOF
}
out=$(toc_check "$A" Teams)
check_contains "outlines match the contents and the pages" "$out" "outlines 44 level2 40 bad 0"
check_contains "team outlines nested under Teams" "$out" "kids 40"
check_eq "fonts embedded" "$(pdffonts "$A" 2>/dev/null | grep -c 'CID TrueType *Identity-H *yes yes yes')" 2

check_eq "demo: no word outside the margins" "$(pdf_inside "$A")" "words 1 outside 0"

# Edge cases: empty, oversized and invalid inputs.
E="$TMP/edge.pdf"
"$DEMO" --edge "$E"; check_eq "edge document exit status" "$?" 0
check_qpdf "qpdf --check edge" "$E"
check_eq "edge: no word outside the margins" "$(pdf_inside "$E")" "words 1 outside 0"
etext=$(pdftotext -layout "$E" - 2>/dev/null)
check_contains "edge: cut table" "$etext" "and 199990 more: see the workbook"
# A cut column: whole when it fits or when its row has the lines, else cut.
check_eq "edge: a cut cell that fits is whole" "$(printf '%s\n' "$etext" | grep -c 'Fitteam  .*Short')" 1
check_eq "edge: a cut cell in a tall row wraps whole" \
	"$(printf '%s\n' "$etext" | grep -o 'Wrapteam[^ ]*\|Alpha[^ ]*\|Bravo[^ ]*\|Charlie[^ ]*' | head -4 | tr '\n' ' ')" \
	"Wrapteam Alpha Bravo Charlie "
check_eq "edge: a cut cell in a one-line row is cut" "$(printf '%s\n' "$etext" | grep -c 'Cutteam [^ ]*…  *Short')" 1
check_contains "edge: cut bar chart" "$etext" "and 263 more: see the workbook"
check_contains "edge: level-2 heading text" "$etext" "Lists"
out=$(toc_check "$E" "Many headings")
check_contains "edge: contents over several pages match the outlines" "$out" "outlines 104 level2 102 bad 0"
check_contains "edge: nested headings" "$out" "kids 100"
check_contains "edge: invalid byte replaced" "$(pdfinfo "$E" 2>/dev/null)" "Edge � cases"

# US Letter.
"$DEMO" --demo "$TMP/l.pdf" letter
check_contains "letter paper" "$(pdfinfo "$TMP/l.pdf" 2>/dev/null)" "612 x 792 pts (letter)"
check_qpdf "qpdf --check letter" "$TMP/l.pdf"

# A save that fails (the final name is a folder) leaves no file behind.
mkdir -p "$TMP/fail/x.pdf"
"$DEMO" --demo "$TMP/fail/x.pdf" 2>"$TMP/fail.err"; st=$?
check_eq "failed save exit status" "$([ "$st" -ne 0 ] && echo failed)" failed
check_contains "failed save names the file" "$(cat "$TMP/fail.err")" "x.pdf"
check_eq "failed save leaves nothing" "$(ls -A "$TMP/fail")" "x.pdf"
summary
