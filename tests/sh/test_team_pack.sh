#!/bin/sh
# A team's pack is the team's own (issue 12): on the samples, split per
# team, each team PDF names none of another team's resources, its page 1
# shows the team's verified fixes, open and overdue High/Critical counted
# here from `posture diff --format json`, the organisation's score only
# labelled as such; the whole pack's page 1 shows the organisation's.
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
"$POSTURE" report -q --period 2026-10 --goals "$S/.goals.conf" --split-by-team --out "$TMP/p" \
	--generated-at 2026-11-01T00:00:00Z "$S" >/dev/null 2>&1
check_eq "split report exit" $? 0
"$POSTURE" diff --period 2026-10 --format json "$S" >"$TMP/d.json" 2>/dev/null
n=0
for pdf in "$TMP"/p/*/*.pdf; do
	pdftotext -layout "$pdf" "$pdf.txt" 2>/dev/null && pdftotext -layout -l 1 "$pdf" "$pdf.p1" 2>/dev/null
	n=$((n + 1))
done
check_eq "one PDF per team" "$n" 9
got=$(python3 - "$TMP/d.json" "$TMP/p" <<'PYEOF'
import csv, json, os, re, sys
d = json.load(open(sys.argv[1]))
idx = list(csv.DictReader(open(os.path.join(sys.argv[2], "index.csv"), encoding="utf-8")))
bad = []
name = lambda rid: rid.rstrip("/").rsplit("/", 1)[-1]
hc = ("High", "Critical")
for row in idx:
    team = row["team"]
    pdf = os.path.join(sys.argv[2], row["pdf"]) if not os.path.isabs(row["pdf"]) else row["pdf"]
    text = open(pdf + ".txt", encoding="utf-8").read()
    p1 = open(pdf + ".p1", encoding="utf-8").read()
    mine = {name(f["resource_id"]) for f in d["findings"] if f["team"] == team}
    # subscription-level findings are named by the subscription id, which the
    # data-quality page lists for every pack (the inputs, not a team's resource)
    subs = {f["subscription_id"] for f in d["findings"]}
    others = {name(f["resource_id"]) for f in d["findings"] if f["team"] != team} - mine - subs
    for o in sorted(others):
        if re.search(r"(?<![\w.-])%s(?![\w.-])" % re.escape(o), text):
            bad.append("%s: names %s of another team" % (team, o))
    fixes = sum(1 for f in d["findings"] if f["team"] == team and f["class"] == "remediated")
    open_hc = sum(1 for f in d["findings"] if f["team"] == team and f["status_to"] == "Unhealthy" and f["severity"] in hc)
    over_hc = sum(1 for f in d["findings"] if f["team"] == team and f["overdue"] and f["severity"] in hc)
    m = re.search(r"^ *([0-9.]+) +([0-9,]+) +([0-9,]+) +([0-9,]+) *\n", p1, re.M)
    if not m:
        bad.append("%s: page 1 figures not found" % team)
        continue
    got = tuple(int(x.replace(",", "")) for x in m.groups()[1:])
    if got != (fixes, open_hc, over_hc):
        bad.append("%s: page 1 %r != %r" % (team, got, (fixes, open_hc, over_hc)))
    if "of the organisation's " not in re.sub(r"\s+", " ", p1):
        bad.append("%s: the organisation's score is not labelled on page 1" % team)
print("\n".join(bad) if bad else "all own")
PYEOF
)
check_eq "team packs hold their own figures and resources" "$got" "all own"

# ---- page budgets on a generated estate of 150 subscriptions (issue 12) ----
# The main pack at most 40 pages; a team's pack at most 12 (its sections
# flow on from page to page, its lists cut at 10 rows).
"$ESTATE_GEN" --out "$TMP/e150" --subscriptions 150 --resources 6000 >/dev/null 2>&1
check_eq "estate-gen 150/6000 exit" $? 0
"$POSTURE" report -q --split-by-team --generated-at 2026-11-15T00:00:00Z --out "$TMP/o150" "$TMP/e150" >/dev/null 2>&1
check_eq "150 subscriptions: report exit" $? 0
main=$(pdfinfo "$TMP/o150/posture-review-2026-10.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check_eq "150 subscriptions: the main pack within 40 pages ($main)" "$([ "${main:-99}" -le 40 ] && echo ok)" ok
over=0; teams=0
for f in "$TMP"/o150/*/*.pdf; do
	p=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
	teams=$((teams + 1)); [ "${p:-99}" -le 12 ] || { over=$((over + 1)); echo "over 12 pages: $f ($p)"; }
done
check_eq "150 subscriptions: team packs" "$teams" 9
check_eq "150 subscriptions: every team pack within 12 pages" "$over" 0
summary
