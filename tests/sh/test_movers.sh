#!/bin/sh
# Movers and compliance in the pack (issue 12), on the samples and on a
# small generated estate.  Movers: in the workbook's Movers sheet every
# known change is the sum of its parts (fixes, regressions, new findings,
# scope, other), fixes never lower a score and regressions and new findings
# never raise one, a part is zero when no finding of its kind is counted, a
# subscription's start and end are its Subscriptions-sheet scores and its
# counts those of `posture diff --format json`; the PDF's Movers tables show
# the sheet's first rows, rounded, and their parts add up as printed.
# Compliance: the PDF's row per standard (controls passed, failed, skipped
# and their change since the start, assessments passing) is counted again
# here from the workbook's Compliance sheet.  (The exact parts of a
# hand-worked estate are checked in test_numbers.sh.)
. "$TESTS_DIR/sh/lib.sh"
PY=/usr/bin/python3
S="$TESTS_DIR/../samples"
"$ESTATE_GEN" --out "$TMP/e12" --subscriptions 12 --resources 480 >/dev/null 2>&1
check_eq "estate-gen exit" $? 0

check_pack() { # NAME OUT INPUT
	"$POSTURE" report -q --period 2026-10 --out "$2" --generated-at 2026-11-15T00:00:00Z "$3" >/dev/null 2>&1
	check_eq "$1: report exit" $? 0
	"$POSTURE" diff --period 2026-10 --format json "$3" >"$2/diff.json" 2>/dev/null
	pdftotext -layout "$2/posture-review-2026-10.pdf" "$2/pack.txt" 2>/dev/null
	got=$("$PY" - "$2" <<'EOF'
import collections, json, math, re, sys
import openpyxl
d = sys.argv[1]
wb = openpyxl.load_workbook(d + "/posture-review-2026-10.xlsx")
text = open(d + "/pack.txt", encoding="utf-8").read()
diff = json.load(open(d + "/diff.json"))
bad = []
rows = list(wb["Movers"].iter_rows(values_only=True))
head, rows = rows[0], rows[1:]
col = {h: i for i, h in enumerate(head)}
PARTS = ["Fixes", "Regressions", "New findings", "Scope", "Other"]
COUNT = {"Fixes": "Verified fixes", "Regressions": "Regressed", "New findings": "Newly open",
         "Scope": "Closed without a fix"}
subs = {r[1]: r for r in wb["Subscriptions"].iter_rows(min_row=2, values_only=True)}
by_sub = collections.Counter((f["subscription_id"], f["class"]) for f in diff["findings"])
OPENS = ("new_resource", "new_recommendation", "exemption_ended", "became_applicable")
CLOSES = ("exempted", "not_applicable", "resource_deleted", "recommendation_removed", "out_of_scope")
known = 0
for r in rows:
    v = lambda h: r[col[h]]
    name = "%s %s" % (v("Kind"), v("Name"))
    if v("Change") is None:
        if any(v(p) is not None for p in PARTS):
            bad.append(name + ": parts without a change")
        continue
    known += 1
    if abs(sum(v(p) for p in PARTS) - v("Change")) > 1e-9:
        bad.append("%s: parts %r do not add up to %r" % (name, [v(p) for p in PARTS], v("Change")))
    if abs(v("End") - v("Start") - v("Change")) > 1e-9:
        bad.append(name + ": change is not end - start")
    if v("Fixes") < -1e-12 or v("Regressions") > 1e-12 or v("New findings") > 1e-12:
        bad.append(name + ": a part of the wrong sign")
    for p, c in COUNT.items():
        if v(c) == 0 and abs(v(p)) > 1e-12 and not (p == "Scope" and v("Kind") == "Control"):
            bad.append("%s: %s %r with no finding counted" % (name, p, v(p)))
    if v("Kind") == "Subscription":
        s = subs[v("Id")]
        if (round(s[4], 2), round(s[5], 2)) != (round(v("Start"), 2), round(v("End"), 2)):
            bad.append(name + ": start and end are not the Subscriptions sheet's")
        want = (by_sub[v("Id"), "remediated"], by_sub[v("Id"), "regressed"],
                sum(by_sub[v("Id"), c] for c in OPENS), sum(by_sub[v("Id"), c] for c in CLOSES))
        if want != (v("Verified fixes"), v("Regressed"), v("Newly open"), v("Closed without a fix")):
            bad.append("%s: counts %r, diff %r" % (name, (v("Verified fixes"), v("Regressed"), v("Newly open"),
                                                        v("Closed without a fix")), want))
if known < 3:
    bad.append("only %d movers with a known change" % known)
# the PDF's tables: their first lines carry the figures (a long name wraps below them)
sect = text[text.index("\nMovers\n"):text.index("Each finding moves")]
num = r"([+-]?[0-9,]+\.[0-9]+%?)"
printed = re.findall(r"^(\S.*?) +" + r" +".join([num] * 8) + r" *$", sect, re.M)
if len(printed) < 6:
    bad.append("PDF: %d mover rows printed" % len(printed))
pdf_rows = [r for r in rows if r[col["Change"]] is not None]
for got, r in zip(printed, pdf_rows):
    f = [float(x.rstrip("%").replace(",", "")) for x in got[1:]]
    step = 0.01 if r[col["Kind"]] == "Subscription" else 0.1
    if not r[col["Name"]].startswith(got[0].strip()):
        bad.append("PDF row %r is not the sheet's %r" % (got[0], r[col["Name"]]))
    want = [r[col[h]] for h in ["Start", "End", "Change"] + PARTS]
    if any(abs(a - b) > step / 2 + 1e-9 for a, b in zip(f, want)):
        bad.append("PDF row %s: %r, sheet %r" % (got[0], f, want))
    if abs(sum(f[3:]) - f[2]) > 6 * step / 2 + 1e-9:
        bad.append("PDF row %s: printed parts do not add up" % got[0])
# compliance: the PDF's standards against the workbook's Compliance sheet
comp = collections.defaultdict(lambda: collections.Counter())
for r in wb["Compliance"].iter_rows(min_row=2, values_only=True):
    c = comp[r[0]]
    c["controls"] += 1
    c[r[2]] += 1
    if r[3]:
        c["t0 " + r[3]] += 1
        c["t0"] += 1
    c["ap"] += r[4]
    c["af"] += r[5]
if not comp:
    bad.append("no compliance rows")
flat = re.sub(r"[ \t]+", " ", text[text.index("\nCompliance\n"):])
for std, c in comp.items():
    cell = lambda k: ("%d (%s%d)" % (c[k], "+" if c[k] > c["t0 " + k] else "", c[k] - c["t0 " + k])
                      if c["t0"] else "%d" % c[k])
    want = "%d %s %s %s %.2f%%" % (c["controls"], cell("Passed"), cell("Failed"), cell("Skipped"),
                                   100.0 * c["ap"] / (c["ap"] + c["af"]))
    # a long name wraps in its cell: its first line holds its start, then the figures
    if not re.search(r"\n%s\S* %s" % (re.escape(std.split()[0][:16]), re.escape(want)), flat):
        bad.append("PDF compliance row %r %r not found" % (std, want))
print("\n".join(bad) if bad else "all agree (%d movers, %d printed)" % (known, len(printed)))
EOF
)
	check_contains "$1: movers and compliance agree" "$got" "all agree"
	case $got in *"all agree"*) ;; *) printf '%s\n' "$got" | head -20;; esac
}
check_pack samples "$TMP/s" "$S"
check_pack "estate-gen 12/480" "$TMP/g" "$TMP/e12"
summary
