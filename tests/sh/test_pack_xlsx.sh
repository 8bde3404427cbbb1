# test_pack_xlsx.sh: reads the review workbooks written by test_pack_xlsx
# back with openpyxl (Debian's /usr/bin/python3) and checks them against the
# fixture: sheets and order, headers, frozen bold header rows, autofilters,
# row counts, charts, the Changes rows against the findings written as
# `posture diff --format csv`, the per-team form, hyperlinks, dates,
# continuation sheets, determinism, and 200,000 findings in constant memory.
. "$TESTS_DIR/sh/lib.sh"
WRITER="$(dirname "$POSTURE")/tests/test_pack_xlsx"
PY=/usr/bin/python3

if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
	fail "/usr/bin/python3 has no openpyxl (python3-openpyxl is a test package: make test-deps)"
	summary; exit
fi
"$WRITER" --write "$TMP" 2>"$TMP/err"
check_eq "workbooks written" "$?" 0
check_files_eq "the same review gives the same bytes" "$TMP/all-again.xlsx" "$TMP/all.xlsx"
check_eq "no temporary file left" "$(ls -A "$TMP" | grep -c '\.tmp-')" 0

# The checker prints "CHECK<TAB>what<TAB>got<TAB>expected" lines.
cat >"$TMP/check.py" <<'EOF'
import csv, datetime, re, sys, zipfile
import openpyxl

SHEETS = ["Summary", "Teams", "Changes", "Open items", "Controls", "Alerts", "Compliance", "Data quality",
          "Subscriptions", "Sources"]
CHANGES = ["Class", "Class code", "Resource ID", "Assessment key", "Recommendation", "Severity", "Subscription ID",
           "Subscription", "Resource group", "Resource type", "Status before", "Cause before", "Status after",
           "Cause after", "Age (days)", "First seen", "Due date", "Overdue", "Owner", "Portal link", "Team",
           "Resource", "Control", "Due from"]
OPEN = ["Team", "Severity", "Recommendation", "Resource", "Resource group", "Subscription", "Class",
        "Age (days)", "Due date", "Overdue", "Owner", "Portal link", "Resource ID", "Assessment key"]
HEADERS = {
    "Teams": ["Rank", "Team", "Open critical", "Open high", "Open medium", "Open low", "Verified fixes",
              "Regressions", "Insecure new resources", "Overdue", "Won (pp)", "Share of the score (pp)",
              "To gain (pp)", "Score points won", "Score points held", "Score points to gain", "Goal (%)",
              "Goal due"],
    "Controls": ["Control", "Control ID", "Max", "Points now", "Points last month", "Potential gain", "Healthy",
                 "Unhealthy", "Not applicable", "Top team"],
    "Alerts": ["Time", "Severity", "Alert", "Status", "Tactics", "Team", "Resource ID", "Entity", "Alert ID"],
    "Compliance": ["Standard", "Control", "State", "State at the start", "Passed", "Failed", "Skipped"],
    "Data quality": ["Kind", "Of this kind", "Message", "File", "Line", "Record", "Code"],
    "Subscriptions": ["Subscription", "Id", "In scope at the end", "Missing since", "Score before (%)",
                      "Score now (%)", "Weight", "Warnings naming it", "Score checks differing", "Problem",
                      "Has a problem"],
    "Sources": ["File", "Format", "Size (bytes)", "SHA-256", "assessment", "sub_assessment", "assessment_metadata",
                "governance_assignment", "secure_score", "score_control", "control_definition", "alert",
                "compliance", "exemption", "attack_path", "Records", "Rejected", "Failed", "Error"],
}
CUT = "\u2026 [cut]"


def check(what, got, expected):
    print("CHECK\t%s\t%s\t%s" % (what, str(got).replace("\t", " "), str(expected).replace("\t", " ")))


def base(title):
    return re.sub(r" \(\d+\)$", "", title)


def tables(wb):
    """Rows (values) of each table over its continuation sheets, and the sheets."""
    rows, sheets = {}, {}
    for ws in wb:
        if ws.title == "Summary":
            continue
        b = base(ws.title)
        sheets.setdefault(b, []).append(ws)
        rows.setdefault(b, []).extend(ws.iter_rows(min_row=2, values_only=True))
    return rows, sheets


def facts(path):
    got = {}
    for line in open(path, encoding="utf-8"):
        form, sheet, n = line.rstrip("\n").split("|")
        got[(form, sheet)] = int(n)
    return got


def csv_value(v):
    if v[:1] == "'" and v[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return v[1:]
    return v


def cell_text(v, header):
    """A cell of Changes as `posture diff --format csv` writes it."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def compare_changes(label, rows, csv_path):
    with open(csv_path, encoding="utf-8", newline="") as fp:
        want = list(csv.reader(fp))
    check(label + ": rows as diff csv", len(rows), len(want) - 1)
    bad = []
    for i, (row, exp) in enumerate(zip(rows, want[1:])):
        # the class label first, for people; the code beside it, then the diff CSV's columns
        got = [cell_text(v, CHANGES[k + 1]) for k, v in enumerate(row[1:20])]
        exp = [csv_value(v) for v in exp]
        if got != exp[:19]:
            bad.append("row %d: %s" % (i + 2, [(CHANGES[k + 1], g, e) for k, (g, e) in enumerate(zip(got, exp)) if g != e][:2]))
        if not row[0] or row[0] == row[1] or "_" in str(row[0]):
            bad.append("row %d: class label %r for %r" % (i + 2, row[0], row[1]))
    check(label + ": every row matches diff csv", bad[:1], [])


def link(c):
    h = c.hyperlink
    if h is None:
        return None
    return h.target + ("#" + h.location if h.location else "")


def table_shape(wb):
    for ws in wb:
        if ws.title == "Summary":
            continue
        last = openpyxl.utils.get_column_letter(ws.max_column)
        check(ws.title + ": frozen header", ws.freeze_panes, "A2")
        check(ws.title + ": autofilter", ws.auto_filter.ref, "A1:%s%d" % (last, ws.max_row))
        check(ws.title + ": bold header", all(c.font.b for c in ws[1]), True)


def counts(label, wb, want, form):
    rows, _ = tables(wb)
    for sheet in SHEETS[1:]:
        check("%s: %s rows" % (label, sheet), len(rows.get(sheet, [])), want[(form, sheet)])


def summary_facts(ws):
    return [r for r in ws.iter_rows(values_only=True) if r[0] != "Team" or r[1] == "Critical"]


def check_all(d):
    wb = openpyxl.load_workbook(d + "/all.xlsx")
    want = facts(d + "/facts.txt")
    check("sheets in order", "|".join(wb.sheetnames), "|".join(SHEETS))
    check("properties", (wb.properties.creator, wb.properties.title, wb.properties.created.isoformat()),
          ("posture", "Security posture review, October 2026", "2026-11-02T06:00:00"))
    table_shape(wb)
    counts("all", wb, want, "all")
    check("Changes header", [c.value for c in wb["Changes"][1]], CHANGES)
    check("Open items header", [c.value for c in wb["Open items"][1]], OPEN)
    for sheet, header in HEADERS.items():
        check(sheet + " header", [c.value for c in wb[sheet][1]][:len(header)], header)
    check("Controls: a gain column per team", sorted(c.value for c in wb["Controls"][1][10:]),
          sorted("Gain: " + r[1] for r in wb["Teams"].iter_rows(min_row=2, values_only=True)))
    s = wb["Summary"]
    kinds = sorted(type(c).__name__ for c in s._charts)
    check("Summary charts", kinds, ["BarChart", "LineChart"])
    lines = [c for c in s._charts if type(c).__name__ == "LineChart"][0]
    check("line chart series (score, goal)", len(lines.series), 2)
    bars = [c for c in s._charts if type(c).__name__ == "BarChart"][0]
    check("team chart: stacked by severity", (bars.grouping, len(bars.series)), ("stacked", 4))
    # horizontal bars (team names level), first team of the league on top (x_axis: openpyxl's catAx)
    check("team chart: horizontal bars, categories top down", (bars.type, bars.x_axis.scaling.orientation),
          ("bar", "maxMin"))
    keys = {r[0]: r[1] for r in s.iter_rows(min_row=3, max_col=2, values_only=True) if r[0]}
    check("key figure: a real date", (isinstance(keys["To"], datetime.datetime), keys["To"].date().isoformat()),
          (True, "2026-10-31"))
    check("key figure: score a number", isinstance(keys["Secure score (%)"], float), True)
    check("key figures reconcile", keys["Open findings at the start"] - keys["Closed"] + keys["Opened"],
          keys["Open findings at the end"])
    check("open findings = Open items rows", keys["Open findings at the end"], want[("all", "Open items")])
    rows, _ = tables(wb)
    compare_changes("all", rows["Changes"], d + "/diff.csv")
    ch = wb["Changes"]
    check("Changes: every link a hyperlink", sum(1 for r in ch.iter_rows(min_row=2, min_col=20, max_col=20)
                                                 if link(r[0]) == r[0].value),
          ch.max_row - 1)
    due = [r[0] for r in ch.iter_rows(min_row=2, min_col=17, max_col=17) if r[0].value is not None]
    check("Changes: due dates are dates", (len(due) > 0, all(c.is_date and c.number_format == "yyyy-mm-dd" for c in due)),
          (True, True))
    check("Changes: ages are numbers", all(isinstance(r[14], int) for r in rows["Changes"] if r[14] is not None), True)
    owner = [r[0] for r in ch.iter_rows(min_row=2, min_col=19, max_col=19) if (r[0].value or "").startswith("=")]
    check("formula-looking text stays text", [(c.data_type, c.value[:10]) for c in owner], [("s", "=HYPERLINK")])
    dq = wb["Data quality"]["C2"].value
    check("long text cut with a marker", (len(dq), dq.endswith(CUT)), (32767, True))
    oi = wb["Open items"]
    cf = sorted((rule.type, rule.formula[0]) for r in oi.conditional_formatting for rule in r.rules)
    check("Open items: overdue and severity formats", cf,
          [("cellIs", '"Critical"'), ("cellIs", '"High"'), ("cellIs", '"Low"'), ("cellIs", '"Medium"'), ("expression", "$J2=TRUE")])
    check("Open items: all open (class labels)", {r[6] for r in rows["Open items"]} <= {"Still open", "Regressed",
          "Created insecure", "Newly assessed", "Exemptions ended", "Became applicable"}, True)
    check("Open items: overdue flags are booleans", {type(r[9]).__name__ for r in rows["Open items"]}, {"bool"})
    al = [r[0] for r in wb["Alerts"].iter_rows(min_row=2, max_col=1)]
    check("Alerts: times are dates", all(c.is_date and c.number_format == "yyyy-mm-dd hh:mm" for c in al), True)
    scores = [v for r in rows["Controls"] for v in r[2:6]] + [r[10] for r in rows["Teams"]]
    check("scores are numbers", all(type(v) in (int, float) for v in scores), True)
    check("Teams in league order", [r[0] for r in rows["Teams"]], list(range(1, len(rows["Teams"]) + 1)))
    return wb


def check_team(d, full, team):
    wb = openpyxl.load_workbook(d + "/team-%d.xlsx" % team)
    want = facts(d + "/facts.txt")
    check("team %d: sheets" % team, "|".join(wb.sheetnames), "|".join(SHEETS))
    table_shape(wb)
    counts("team %d" % team, wb, want, str(team))
    rows, _ = tables(wb)
    name = rows["Teams"][0][1]
    check("team %d: Changes only its rows" % team, {r[20] for r in rows["Changes"]}, {name})
    check("team %d: Open items only its rows" % team, {r[0] for r in rows["Open items"]}, {name})
    check("team %d: Alerts only its rows" % team, {r[5] for r in rows["Alerts"]} <= {name}, True)
    # Controls: the team's open findings and gain, then the organisation's figures labelled; no team named
    check("team %d: Controls header" % team, [c.value for c in wb["Controls"][1]],
          ["Control", "Control ID", "Team's open findings", "Team's potential gain"] +
          ["Organisation: " + h for h in ("max", "points now", "points last month", "potential gain", "healthy",
                                          "unhealthy", "not applicable")])
    check("team %d: Controls' gains add up to its points to gain" % team,
          round(sum(r[3] for r in rows["Controls"]), 6), round(rows["Teams"][0][15], 6))
    fc = {r[1]: r for r in full["Controls"].iter_rows(min_row=2, values_only=True)}
    col = [c.value for c in full["Controls"][1]].index("Gain: " + name)
    check("team %d: Controls' gain is the whole workbook's for the team" % team,
          all(abs(r[3] - fc[r[1]][col]) < 1e-9 and r[4:11] == fc[r[1]][2:9] for r in rows["Controls"]), True)
    # (that its open findings add up to its open items is checked on a built review: test_team_pack)
    check("team %d: Compliance labelled the organisation's" % team, [c.value for c in wb["Compliance"][1]],
          HEADERS["Compliance"][:2] + ["Organisation: " + h[0].lower() + h[1:] for h in HEADERS["Compliance"][2:]])
    check("team %d: Compliance rows the whole workbook's" % team,
          rows["Compliance"], list(full["Compliance"].iter_rows(min_row=2, values_only=True)))
    # the team's own figures; the organisation's score only labelled; no other team charted
    sf = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
    ff = {r[0]: r[1] for r in full["Summary"].iter_rows(values_only=True) if r and r[0]}
    check("team %d: the organisation's score, labelled" % team, sf.get("Organisation's secure score (%)"),
          ff["Secure score (%)"])
    check("team %d: no unlabelled organisation figure" % team, "Open findings at the end" in sf, False)
    # the trend is the organisation's: its data column and chart title say so
    cells = {c for r in wb["Summary"].iter_rows(values_only=True) for c in r if isinstance(c, str)}
    check("team %d: the trend's data labelled the organisation's" % team,
          ("Secure score (%)" in cells, "Organisation's secure score (%)" in cells), (False, True))
    charts = [zipfile.ZipFile(d + "/team-%d.xlsx" % team).read(n).decode()
              for n in zipfile.ZipFile(d + "/team-%d.xlsx" % team).namelist() if n.startswith("xl/charts/chart")]
    check("team %d: the trend chart titled the organisation's" % team,
          sum("<a:t>Organisation&apos;s secure score</a:t>" in x or
              "<a:t>Organisation's secure score</a:t>" in x for x in charts), 1)
    check("team %d: its own verified fixes" % team, sf.get("Team's verified fixes"),
          sum(1 for r in rows["Changes"] if r[1] == "remediated"))
    everyone = {r[1] for r in full["Teams"].iter_rows(min_row=2, values_only=True) if r and r[1]}
    check("team %d: no other team in its Summary" % team, sorted(k for k in sf if k in everyone - {name}), [])
    check("team %d: names the team" % team, [r[1] for r in wb["Summary"].iter_rows(values_only=True) if r[0] == "Team"][:1],
          [name])
    if team == 1:
        compare_changes("team 1", rows["Changes"], d + "/diff-team-1.csv")


def check_rows(d, full):
    wb = openpyxl.load_workbook(d + "/rows.xlsx")
    rows, sheets = tables(wb)
    want, _ = tables(full)
    check("100 rows a sheet: sheets", [ws.title for ws in sheets["Changes"]],
          ["Changes"] + ["Changes (%d)" % i for i in range(2, 7)])
    check("continuation sheets follow their table", wb.sheetnames[2:9],
          ["Changes"] + ["Changes (%d)" % i for i in range(2, 7)] + ["Open items"])
    check("continued rows equal the single sheet's", rows["Changes"] == want["Changes"], True)
    check("continued Open items", (len(sheets["Open items"]), rows["Open items"] == want["Open items"]), (4, True))
    check("header repeated", {tuple(c.value for c in ws[1]) for ws in sheets["Changes"]}, {tuple(CHANGES)})
    check("rows per sheet", [ws.max_row - 1 for ws in sheets["Changes"]], [100] * 6)
    table_shape(wb)
    links = [sum(1 for r in ws.iter_rows(min_row=2, min_col=20, max_col=20) if r[0].hyperlink is not None)
             for ws in sheets["Changes"]]
    check("40 links a sheet, the rest as text", links, [40] * 6)
    last = sheets["Changes"][0]["T101"]
    check("past the link limit: the url as text", (last.hyperlink, last.value.startswith("https://")), (None, True))


def sheet_xml(z):
    """Sheet name -> its XML part, from the workbook and its relationships."""
    wbx = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    target = dict(re.findall(r'Id="(rId\d+)"[^>]*Target="([^"]+)"', rels))
    target.update({a: b for b, a in re.findall(r'Target="([^"]+)"[^>]*Id="(rId\d+)"', rels)})
    return {n: "xl/" + target[r] for n, r in re.findall(r'<sheet name="([^"]+)" sheetId="\d+" r:id="(rId\d+)"', wbx)}


def count_rows(z, part):
    """The <row> elements of a sheet, read in chunks (a tag may span two)."""
    n, tail = 0, b""
    with z.open(part) as fp:
        for chunk in iter(lambda: fp.read(1 << 20), b""):
            data = tail + chunk
            n += data.count(b"<row ")
            tail = data[-4:]
    return n


def check_big(d):
    want = facts(d + "/big-facts.txt")
    z = zipfile.ZipFile(d + "/big.xlsx")
    parts = sheet_xml(z)
    check("big: sheets", "|".join(parts), "|".join(SHEETS).replace("&", "&amp;"))
    for sheet in SHEETS[1:]:
        n = count_rows(z, parts[sheet])
        check("big: %s rows" % sheet, n - 1, want[("all", sheet)])
    with z.open(parts["Changes"]) as fp:
        head = fp.read(1 << 16)
    check("big: constant memory (inline strings)", b't="inlineStr"' in head, True)
    check("big: no shared strings table", "xl/sharedStrings.xml" in z.namelist(), False)
    check("big: charts", sorted(n for n in z.namelist() if n.startswith("xl/charts/")),
          ["xl/charts/chart1.xml", "xl/charts/chart2.xml"])
    with z.open(parts["Changes"]) as fp:
        xml = fp.read().decode()
    check("big: frozen, filtered", ('state="frozen"' in xml, '<autoFilter ref="A1:X200001"/>' in xml), (True, True))
    check("big: links capped", xml.count("<hyperlink "), 10000)


if sys.argv[1] == "--big":
    check_big(sys.argv[2])
else:
    full = check_all(sys.argv[1])
    for t in range(4):
        check_team(sys.argv[1], full, t)
    check_rows(sys.argv[1], full)
EOF
run_checks() {
	while IFS="	" read -r tag what got expected; do
		if [ "$tag" = CHECK ]; then check_eq "$what" "$got" "$expected"; else fail "checker: $tag $what $got"; fi
	done
}
"$PY" "$TMP/check.py" "$TMP" >"$TMP/checks" 2>&1
check_eq "checker ran" "$?" 0
run_checks <"$TMP/checks"

# Print setup: every sheet A4 landscape, one page wide, header row repeated.
print_setup() { "$PY" -c '
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
sheets = sorted(n for n in z.namelist() if re.match(r"xl/worksheets/sheet[0-9]+[.]xml$", n))
ok = 0
for n in sheets:
    x = z.read(n).decode()
    setup = re.search(r"<pageSetup [^>]*>", x)
    s = setup.group(0) if setup else ""
    if all(a in s for a in (chr(32) + "paperSize=\"9\"", "fitToHeight=\"0\"", "orientation=\"landscape\"")) \
            and "<pageSetUpPr fitToPage=\"1\"/>" in x:
        ok += 1
titles = len(re.findall(r"_xlnm[.]Print_Titles\" localSheetId=\"[0-9]+\">[^<]*![$]1:[$]1<",
                        z.read("xl/workbook.xml").decode()))
print(len(sheets), ok, titles)' "$1"; }
check_eq "every sheet landscape, fit to one page wide, titles repeated" "$(print_setup "$TMP/all.xlsx")" "10 10 10"
check_eq "team workbook print setup" "$(print_setup "$TMP/team-1.xlsx" | awk '$1 == $2 && $2 == $3 && $1 > 0 {print "ok"}')" ok

# 200,000 findings: constant memory (inline strings), every row written.
mkdir -p "$TMP/big"
"$WRITER" --write "$TMP/big" --big 200000 2>"$TMP/big-err"
check_eq "big workbook written" "$?" 0
"$PY" "$TMP/check.py" --big "$TMP/big" >"$TMP/big-checks" 2>&1
check_eq "big checker ran" "$?" 0
run_checks <"$TMP/big-checks"
summary
