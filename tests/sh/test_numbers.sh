#!/bin/sh
# Numbers that agree (DESIGN.md "Numbers: one definition each"): on a small
# hand-made estate whose figures are worked out below, the score leaves out
# the subscription missing from the latest export, the trend says where
# coverage is partial, the teams' shares add up to the overall at T0 and T1,
# the league ranks percentage points with Unassigned unranked, and periods
# the data does not cover are refused with nothing written.  Then, on the
# samples, every number of the PDF's summary, league and team pages and of
# the workbook's Summary and Teams sheets agrees with `posture score` and
# `posture diff`, and the overall equals Defender's exported scores combined.
. "$TESTS_DIR/sh/lib.sh"
PY=/usr/bin/python3
E="$TMP/estate"
mkdir -p "$E"

# Three subscriptions, one control (Apply system updates, max 6 points).
# 09-30: Alpha a1 H a2 U (3 of 6), Beta b1 H b2 H (6 of 6), Gamma c1..c4 U (0).
# 10-31: Alpha a1 H a2 H (a2 remediated), Beta b1 H b2 U (b2 regressed);
#        Gamma is missing from the export: out of scope.
# Exported weights 2, 2 and 4.
"$PY" - "$E" <<'EOF'
import sys
out = sys.argv[1]
subs = {"A": ("aaaaaaaa-0000-4000-8000-000000000001", "Alpha"), "B": ("bbbbbbbb-0000-4000-8000-000000000002", "Beta"),
        "C": ("cccccccc-0000-4000-8000-000000000003", "Gamma")}
head = ["exportedTimestamp", "subscriptionId", "subscriptionName", "resourceGroup", "resourceType", "resourceName",
        "resourceId", "recommendationId", "recommendationName", "recommendationDisplayName", "description",
        "remediationSteps", "severity", "state", "notApplicableReason", "firstEvaluationDate", "statusChangeDate",
        "controls", "azurePortalRecommendationLink", "nativeCloudAccountId"]
KEY = "4ab6e3c5-74dd-8b35-9ab9-f61b30875b27"
CTL = '{"Apply system updates": "61702b76-1fab-41f2-bcbc-50b7870dcf38"}'
def q(v): return '"' + v.replace('"', '""') + '"'
def portal(day, rows):
    with open("%s/AzureSecurityCenterRecommendations_%sT00_00_00Z.csv" % (out, day), "w", encoding="utf-8") as f:
        f.write("\ufeff" + ",".join(q(h) for h in head) + "\n")
        for s, vm, state in rows:
            sid, name = subs[s]
            rid = "/subscriptions/%s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/%s" % (sid, vm)
            f.write(",".join(q(v) for v in [day + "T00:00:00Z", sid, name, "rg", "virtualmachines", vm, rid,
                    rid + "/providers/Microsoft.Security/assessments/" + KEY, KEY, "System updates", "", "", "High",
                    state, "", "2026-09-01T00:00:00Z", day + "T00:00:00Z", CTL, "", ""]) + "\n")
portal("2026-09-30", [("A", "vm-a1", "Healthy"), ("A", "vm-a2", "Unhealthy"), ("B", "vm-b1", "Healthy"),
                      ("B", "vm-b2", "Healthy")] + [("C", "vm-c%d" % i, "Unhealthy") for i in range(1, 5)])
portal("2026-10-31", [("A", "vm-a1", "Healthy"), ("A", "vm-a2", "Healthy"), ("B", "vm-b1", "Healthy"),
                      ("B", "vm-b2", "Unhealthy")])
with open(out + "/SecureScores_2026-10-31T00_00_00Z.csv", "w") as f:
    f.write("TenantId,TimeGenerated,SecureScoresSubscriptionId,DisplayName,CurrentScore,MaxScore,PercentageScore,"
            "Weight,IsSnapshot\n")
    for day, s, cur, pct, w in [("2026-09-30", "A", 3, 0.5, 2), ("2026-09-30", "B", 6, 1, 2),
                                ("2026-09-30", "C", 0, 0, 4), ("2026-10-31", "A", 6, 1, 2),
                                ("2026-10-31", "B", 3, 0.5, 2)]:
        f.write("t,%sT00:00:00Z,%s,ASC score,%s,6,%s,%s,true\n" % (day, subs[s][0], cur, pct, w))
EOF
printf 'team "Apps" name = vm-a*\nteam "Data" name = vm-b*\n' >"$TMP/teams.conf"

# ---- the score model ----
"$POSTURE" score --period 2026-10 --teams "$TMP/teams.conf" --format json "$E" >"$TMP/score.json" 2>"$TMP/score.err"
check_eq "score exit" $? 0
got=$("$PY" - "$TMP/score.json" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
ov = {r["time"]: r for r in d["series"] if r["scope"] == "overall"}
t0, t1 = ov[d["t0"]], ov[d["t1"]]
print("T1 %.2f %s %d of %d" % (100 * t1["value"], t1["source"], t1["subscriptions_in_scope"], t1["subscriptions_total"]))
print("T0 %.2f %d of %d" % (100 * t0["value"], t0["subscriptions_in_scope"], t0["subscriptions_total"]))
subs = sorted(r["subscription_name"] for r in d["series"] if r["time"] == d["t1"] and r["scope"] == "subscription")
print("T1 subscriptions", subs)
teams = {t["team"]: t for t in d["teams"]}
for k in ("share_pct_t0", "share_pct_t1"):
    print(k, ", ".join("%s %.2f" % (n, teams[n][k]) for n in ("Apps", "Data", "Unassigned")),
          "sum %.2f" % sum(t[k] for t in d["teams"]))
print("held", ", ".join("%s %.2f" % (n, teams[n]["points_held_t1"]) for n in ("Apps", "Data", "Unassigned")))
for l in d["league"]:
    print("league", l["rank"], l["team"], "%.2f" % l["percentage_points"], "%.2f" % l["points"], l["fixes"])
EOF
)
check_eq "score model" "$got" "T1 75.00 exported 2 of 3
T0 37.50 3 of 3
T1 subscriptions ['Alpha', 'Beta']
share_pct_t0 Apps 12.50, Data 25.00, Unassigned 0.00 sum 37.50
share_pct_t1 Apps 50.00, Data 25.00, Unassigned 0.00 sum 75.00
held Apps 6.00, Data 3.00, Unassigned 0.00
league 1 Apps 25.00 3.00 1
league 2 Data -25.00 -3.00 0
league None Unassigned 0.00 0.00 0"
# Worked by hand.  T1: Gamma is out of scope (missing from the 10-31
# export), so the overall is (2 x 100% + 2 x 50%) / 4 = 75%, not Gamma's 0%
# mixed in.  T0 (10-01): all three, (2 x 50% + 2 x 100% + 4 x 0%) / 8 = 37.5%.
# Shares at T1: Apps holds both of Alpha's resources: 100 x 2/4 x 100% = 50;
# Data holds b1 of Beta's two: 100 x 2/4 x 50% = 25.  League: a2's fix wins
# Alpha 3 of its 6 points, 100 x 2/4 x 3/6 = 25 pp; b2 loses Beta as much.

# the trend: the month of September ends with all three, October with two of three (drawn hollow)
got=$("$PY" -c 'import json, sys
d = json.load(open(sys.argv[1]))
for r in d["series"]:
    if r["scope"] == "overall" and r["time"] in ("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"):
        print(r["time"][:10], r["subscriptions_in_scope"], r["subscriptions_total"])' "$TMP/score.json")
check_eq "trend coverage" "$got" "2026-10-01 3 3
2026-11-01 2 3"
"$POSTURE" report --period 2026-10 --teams "$TMP/teams.conf" --out "$TMP/pack" --generated-at 2026-11-02T00:00:00Z \
	"$E" >/dev/null 2>&1
check_eq "report exit" $? 0
text=$(pdftotext -layout "$TMP/pack/posture-review-2026-10.pdf" - 2>/dev/null)
check_contains "summary: the score" "$text" "The overall secure score is 75.00%"
check_contains "summary: the scope" "$(printf '%s' "$text" | tr -s ' \n' '  ')" \
	"It covers 2 of 3 subscriptions: Gamma (missing from the export since 2026-10-31) is left out of every figure."
check_contains "trend: partial coverage footnote" "$(printf '%s' "$text" | tr -s ' \n' '  ')" \
	"Hollow points: part of the estate was missing from the export"
check_contains "quality: Gamma out of scope" "$text" "out of scope"
# Movers, worked by hand: a2's fix moves Alpha's control by its 6 points over
# its 2 resources, 3 of Alpha's 6 points = +50 pp of Alpha's score, all of
# its change; b2's regression Beta's by -50; Gamma left the export.  The
# control: 9 points at both ends (3 + 6 + 0, then 6 + 3), the fix +3, the
# regression -3, Gamma's 0 points counted at the start only: scope 0.
check_eq "movers: the parts of each change" "$(printf '%s\n' "$text" | sed -n '/^Movers$/,/^Each finding/p' |
	grep -E '^(Alpha|Beta|Gamma|Apply system updates) ' | tr -s ' ')" \
"Alpha 50.00% 100.00% +50.00 +50.00 0.00 0.00 0.00 0.00
Beta 100.00% 50.00% -50.00 0.00 -50.00 0.00 0.00 0.00
Gamma 0.00% left n/a
Apply system updates 9.0 9.0 0.0 +3.0 -3.0 0.0 0.0 0.0"
"$POSTURE" diff --period 2026-10 --teams "$TMP/teams.conf" --format json "$E" >"$TMP/diff.json" 2>/dev/null
check_eq "diff: Gamma's findings are out_of_scope, not fixed" \
	"$("$PY" -c 'import json, sys; c = json.load(open(sys.argv[1]))["counts"]
print(c["remediated"], c["regressed"], c["out_of_scope"], c["resource_deleted"])' "$TMP/diff.json")" "1 1 4 0"

# ---- honest periods: refusals, each with its message, exit 65 and nothing written ----
refused() { # WHAT EXPECTED-MESSAGE COMMAND...
	what=$1 msg=$2; shift 2
	rm -rf "$TMP/none"
	"$@" >"$TMP/ref.out" 2>"$TMP/ref.err"
	check_eq "$what: exit" $? 65
	check_eq "$what: message" "$(cat "$TMP/ref.err")" "posture: $msg"
	check_eq "$what: nothing written" "$(cat "$TMP/ref.out"; ls "$TMP/none" 2>/dev/null)" ""
}
refused "report after the data" "no data for 2027-03: the inputs span 2026-09-30 .. 2026-10-31" \
	"$POSTURE" report --period 2027-03 --out "$TMP/none" "$E"
refused "report before the data" "no data for 2025-01: the inputs span 2026-09-30 .. 2026-10-31" \
	"$POSTURE" report --period 2025-01 --out "$TMP/none" "$E"
refused "score after the data" "no data for 2027-03: the inputs span 2026-09-30 .. 2026-10-31" \
	"$POSTURE" score --period 2027-03 "$E"
mkdir -p "$TMP/empty"
refused "no input at all" "no data: no dated record was read from the inputs" \
	"$POSTURE" report --out "$TMP/none" "$TMP/empty"
mkdir -p "$TMP/one"
cp "$E/AzureSecurityCenterRecommendations_2026-10-31T00_00_00Z.csv" "$TMP/one/"
head -n 1 "$E/AzureSecurityCenterRecommendations_2026-10-31T00_00_00Z.csv" \
	>"$TMP/one/AzureSecurityCenterRecommendations_2026-10-31T00_00_00Z-empty.csv"
refused "diff of one snapshot time" "one snapshot time, 2026-10-31T00:00:00Z: nothing to compare" \
	"$POSTURE" diff "$TMP/one"
refused "diff of the first month" \
	"no data at or before the start of the period, 2026-09-01T00:00:00Z: the first record is of 2026-09-30: nothing to compare with" \
	"$POSTURE" diff --period 2026-09 "$E"
# the first month as a pack: the state at T1, everything still open, no change classes
"$POSTURE" report --period 2026-09 --out "$TMP/first" "$E" >/dev/null 2>"$TMP/first.err"
check_eq "first month: report exit" $? 0
check_contains "first month: said" "$(cat "$TMP/first.err")" "posture: warning: first_month: first month: no earlier export"
"$POSTURE" diff --allow-partial --period 2026-09 --teams "$TMP/teams.conf" --format json "$E" >"$TMP/first.json" \
	2>/dev/null
check_eq "first month --allow-partial: no change classes" "$("$PY" -c 'import json, sys
d = json.load(open(sys.argv[1])); c = d["counts"]
print(sum(v for k, v in c.items() if k != "still_open"), c["still_open"], sorted(w["code"] for w in d["warnings"]))' "$TMP/first.json")" \
	"0 5 ['first_month', 'partial_period']"
"$POSTURE" report --allow-partial --period 2027-03 --out "$TMP/partial" "$E" >/dev/null 2>&1
check_eq "--allow-partial: rendered" $? 0
check_contains "--allow-partial: on page 1" \
	"$(pdftotext -l 1 "$TMP/partial/posture-review-2027-03.pdf" - 2>/dev/null | tr -s ' \n' '  ')" \
	"· no data for 2027-03: the inputs span 2026-09-30 .. 2026-10-31 (--allow-partial: shown anyway)"

# ---- the samples: every number agrees ----
S="$TESTS_DIR/../samples"
"$POSTURE" report --period 2026-10 --goals "$S/.goals.conf" --out "$TMP/s" --generated-at 2026-11-01T00:00:00Z "$S" \
	>/dev/null 2>&1
check_eq "samples report exit" $? 0
"$POSTURE" score --period 2026-10 --format json "$S" >"$TMP/s.json" 2>/dev/null
"$POSTURE" diff --period 2026-10 --format json "$S" >"$TMP/sd.json" 2>/dev/null
pdftotext -layout "$TMP/s/posture-review-2026-10.pdf" "$TMP/s.txt"
pdftotext -layout -l 1 "$TMP/s/posture-review-2026-10.pdf" "$TMP/s1.txt"
got=$("$PY" - "$TMP/s.txt" "$TMP/s/posture-review-2026-10.xlsx" "$TMP/s.json" "$TMP/sd.json" "$S" "$TMP/s1.txt" <<'EOF'
import glob, gzip, json, re, sys
import openpyxl
text = open(sys.argv[1], encoding="utf-8").read()
flat = re.sub(r"\s+", " ", text)
wb = openpyxl.load_workbook(sys.argv[2], read_only=True)
score = json.load(open(sys.argv[3]))
diff = json.load(open(sys.argv[4]))
bad = []
def same(what, a, b):
    if a != b:
        bad.append("%s: %r != %r" % (what, a, b))
t1 = [r for r in score["series"] if r["scope"] == "overall" and r["time"] == score["t1"]][0]
shown = "%.2f" % (100 * t1["value"])
# Defender's exported scores of the 10-31 snapshot, combined by its rule over
# the subscriptions of that export (an independent reading of the raw file)
num = den = 0.0
for path in glob.glob(sys.argv[5] + "/estate/ce/2026-10/snapshot-2026-10-31.ndjson.gz"):
    for line in gzip.open(path, "rt", encoding="utf-8"):
        ev = json.loads(line)
        if ev.get("type", "").lower() == "microsoft.security/securescores":
            p = ev["properties"]
            num += p["weight"] * p["score"]["percentage"]
            den += p["weight"]
same("Defender's overall", "%.2f" % (100 * num / den), shown)
same("PDF summary score", re.search(r"The overall secure score is ([0-9.]+)%", flat).group(1), shown)
summ = {r[0]: r[1] for r in wb["Summary"].iter_rows(values_only=True) if r and r[0]}
same("workbook score", "%.2f" % summ["Secure score (%)"], shown)
same("workbook verified fixes", summ["Verified fixes"], diff["counts"]["remediated"])
same("workbook open at the end", summ["Open findings at the end"], diff["reconciliation"]["unhealthy_to"])
# page 1, the month at a glance: score, verified fixes of the closures,
# open and overdue High/Critical of all open and overdue (counted here from
# the diff's findings)
page1 = open(sys.argv[6], encoding="utf-8").read()
flat1 = re.sub(r"\s+", " ", page1)
hc = ("High", "Critical")
open_hc = sum(1 for f in diff["findings"] if f["status_to"] == "Unhealthy" and f["severity"] in hc)
overdue_hc = sum(1 for f in diff["findings"] if f["overdue"] and f["severity"] in hc)
m = re.search(r"^ *([0-9.]+)% +([0-9,]+) +([0-9,]+) +([0-9,]+) *\n *Secure score +Verified fixes", page1, re.M)
if not m:
    bad.append("page 1 key figures not found")
else:
    same("page 1: score", m.group(1), shown)
    same("page 1: verified fixes", int(m.group(2).replace(",", "")), diff["counts"]["remediated"])
    same("page 1: open High/Critical", int(m.group(3).replace(",", "")), open_hc)
    same("page 1: overdue High/Critical", int(m.group(4).replace(",", "")), overdue_hc)
for what, n in (("findings closed", diff["reconciliation"]["closed"]), ("open findings", diff["reconciliation"]["unhealthy_to"]),
                ("overdue findings", diff["reconciliation"]["overdue"])):
    if ("of {:,} {}".format(n, what)) not in flat1:
        bad.append("page 1: 'of %d %s' not found" % (n, what))
# league: the PDF rows, the workbook's Teams sheet and the score's league
league = {l["team"]: l for l in score["league"]}
shares = {t["team"]: t["share_pct_t1"] for t in score["teams"]}
same("shares add up", "%.2f" % sum(shares.values()), shown)
rows = list(wb["Teams"].iter_rows(values_only=True))
head = rows[0]
for r in rows[1:]:
    t = dict(zip(head, r))
    same("Teams sheet won " + t["Team"], "%.2f" % t["Won (pp)"], "%.2f" % league[t["Team"]]["percentage_points"])
    same("Teams sheet share " + t["Team"], "%.2f" % t["Share of the score (pp)"], "%.2f" % shares[t["Team"]])
    rank = league[t["Team"]]["rank"]
    same("Teams sheet rank " + t["Team"], t["Rank"], rank)
    name = t["Team"]
    # a long name wraps in its cell: its first line holds its first words, then the figures
    first = r" +".join(re.escape(w) for w in name.split()[:3])
    m = re.search(r"^ *%s +%s[^\n]*? +([+-]?[0-9.]+) +([0-9.]+) " % (rank if rank else "\u2013", first), text,
                  re.M)
    if m:
        same("PDF league won " + name, m.group(1).lstrip("+"), ("%.2f" % league[t["Team"]]["percentage_points"]).lstrip("+"))
        same("PDF league share " + name, m.group(2), "%.2f" % shares[t["Team"]])
    else:
        bad.append("PDF league row of %s not found" % name)
# the team pages, in league order: position, share, won, to gain
pages = re.findall(r"^ *(#[0-9]+|not ranked) +([0-9.]+) +([+-]?[0-9.]+) +([0-9.]+) *\n *League position", text, re.M)
ranked = sorted((l for l in score["league"] if l["rank"]), key=lambda l: l["rank"])
same("team pages", len(pages), len(ranked))
for (pos, share, won, _), l in zip(pages, ranked):
    same("team page of " + l["team"], (pos, share, won.lstrip("+")),
         ("#%d" % l["rank"], "%.2f" % shares[l["team"]], ("%.2f" % l["percentage_points"]).lstrip("+")))
# the subscriptions' scores at both ends, from the score series
sub_at = {(r["subscription_name"], r["time"]): "%.2f%%" % (100 * r["value"]) for r in score["series"]
          if r["scope"] == "subscription"}
# page 1's movers: start and end as the series has them, the change their difference
movers = list(re.finditer(r"^ *(\S+) +([0-9.]+%|n/a) +([0-9.]+%|n/a|out of scope) +([+-]?[0-9.]+|n/a) +[0-9a-z]", page1, re.M))
same("page 1: three movers", len(movers), 3)
for m in movers:
    name, start, end = m.group(1), m.group(2), m.group(3)
    same("page 1 mover %s start" % name, start, sub_at.get((name, score["t0"]), "n/a"))
    same("page 1 mover %s end" % name, end, sub_at.get((name, score["t1"]), "out of scope" if end == "out of scope" else "n/a"))
    if start != "n/a" and end not in ("n/a", "out of scope"):
        same("page 1 mover %s change" % name, "%+.2f" % (float(end[:-1]) - float(start[:-1])), m.group(4))
# the Data quality page: the subscriptions with a problem, their scores at both ends
dq = text[text.find("Subscriptions with a problem"):]
m = re.search(r"([0-9]+) subscriptions are in the data, ([0-9]+) in scope at the end", dq)
if not m:
    bad.append("Data quality: subscription counts not found")
else:
    same("Data quality: in scope at the end", (int(m.group(1)), int(m.group(2))), (t1["subscriptions_total"], t1["subscriptions_in_scope"]))
rows = re.findall(r"^ *(\S+) +[0-9a-f-]{36} .*?([0-9.]+%|n/a) +(out of scope|[0-9.]+%|n/a) *$", dq[:3000], re.M)
if not rows:
    bad.append("Data quality: no subscription row read")
for name, before, now in rows:
    same("Data quality %s before" % name, before, sub_at.get((name, score["t0"]), "n/a"))
    same("Data quality %s now" % name, now, sub_at.get((name, score["t1"]), "out of scope"))
print("\n".join(bad) if bad else "all agree")
EOF
)
check_eq "samples: every number agrees" "$got" "all agree"
summary
