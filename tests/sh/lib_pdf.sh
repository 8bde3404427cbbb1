# lib_pdf.sh: PDF checks shared by the PDF shell tests (qpdf, pdfinfo,
# pdftotext).  Source it after lib.sh.
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

# check_qpdf WHAT PDF: the file passes qpdf --check.
check_qpdf() { qpdf --check "$2" >/dev/null 2>&1; check_eq "$1" "$?" 0; }

# pdf_pages PDF: its page count (pdfinfo).
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# Nothing drawn outside the margins: every word's box lies within them.
pdf_inside() { # PDF -> "words N outside M"
	pdftotext -bbox "$1" - 2>/dev/null | "$PY" -c '
import re, sys
n = out = 0
w = h = 0.0
for line in sys.stdin:
    m = re.search(r"<page width=\"([\d.]+)\" height=\"([\d.]+)\"", line)
    if m:
        w, h = float(m.group(1)), float(m.group(2))
    m = re.search(r"xMin=\"([\d.]+)\" yMin=\"([\d.]+)\" xMax=\"([\d.]+)\" yMax=\"([\d.]+)\"", line)
    if m:
        x0, y0, x1, y1 = map(float, m.groups())
        n += 1
        if x0 < 53.5 or x1 > w - 53.5 or y0 < 20 or y1 > h - 20:
            out += 1
            if out <= 3: print("outside:", line.strip(), file=sys.stderr)
print("words %d outside %d" % (n > 1000, out))  # "words 1": more than 1,000 words seen
'
}
