#!/bin/sh
# Nothing is lost silently, however many records are rejected: with a file of
# 250 bad lines (past the 200 diagnostics a file keeps), one of 3 and a
# damaged gzip file whose report stands for the 17 records it folds, the
# PDF, the workbook, `posture inspect` and its JSON agree on the 270
# rejected: the workbook lists every rejected record the model keeps (the
# PDF's "and N more: see the workbook" counts only rows the workbook has),
# its 'Records rejected' column adds up to 270, and the 50 records counted
# but not kept are said per file, with `posture inspect --verbose`, which
# lists every one.  A report on the whole file is "whole file", not
# "element 0".
. "$TESTS_DIR/sh/lib.sh"
GEN="--generated-at 2026-11-01T00:00:00Z"
cd "$TESTS_DIR/.." || exit 1

IN="$TMP/in"
mkdir -p "$IN"
cp -R samples "$IN/"
i=1
while [ $i -le 250 ]; do printf '{"type": tru, "id": "x%d"}\n' $i; i=$((i + 1)); done >"$IN/bad-many.ndjson"
printf '{"type": tru}\n{"type": fals}\n{"type": nul}\n' >"$IN/bad-few.ndjson"
cp tests/bad/gzip-corrupt-garbage.csv.gz "$IN/damaged.csv.gz"

# ---- inspect: text and JSON ----
"$POSTURE" inspect "$IN" >"$TMP/inspect" 2>/dev/null
check_eq "inspect: exit" $? 0
check_contains "inspect: the total" "$(cat "$TMP/inspect")" "270 rejected"
check_contains "inspect: the records not kept are counted, and where every one is" "$(cat "$TMP/inspect")" \
	"... and 50 more rejected records, counted but not kept (the first 200 of a file are; --verbose lists every one)"
check_eq "inspect: 200 of bad-many listed" "$(grep -c 'bad-many.ndjson:[0-9]*: rejected' "$TMP/inspect")" 200
check_eq "inspect: no 'more' line for the folded gzip report" \
	"$(grep -A1 'damaged.csv.gz: rejected: gzip' "$TMP/inspect" | grep -c 'more')" 0
"$POSTURE" inspect --verbose "$IN/bad-many.ndjson" >"$TMP/verbose" 2>/dev/null
check_eq "inspect --verbose: every one of the 250 listed" "$(grep -c 'rejected: invalid JSON' "$TMP/verbose")" 250
check_eq "inspect --verbose: the last one is line 250" "$(grep -c 'bad-many.ndjson:250: rejected' "$TMP/verbose")" 1
check_eq "inspect --verbose: no 'more' line" "$(grep -c 'more rejected' "$TMP/verbose")" 0
"$POSTURE" inspect --format json "$IN" 2>/dev/null | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
ok = all(sum(x["records"] for x in f["rejected_records"]) + f["rejected_unlisted"] == f["rejected"]
         for f in d["files"] if "rejected" in f)
by = {f["path"].rsplit("/", 1)[-1]: f for f in d["files"]}
print(d["totals"]["rejected"], ok, by["bad-many.ndjson"]["rejected_unlisted"], len(by["bad-many.ndjson"]["rejected_records"]),
      by["damaged.csv.gz"]["rejected_records"][0]["records"], by["damaged.csv.gz"]["rejected_unlisted"])
' >"$TMP/json"
check_eq "inspect JSON: total, listed + unlisted = rejected per file, bad-many 50 unlisted of 200 listed, gzip 17 folded" \
	"$(cat "$TMP/json")" "270 True 50 200 17 0"

# ---- the pack ----
"$POSTURE" report -q --period 2026-10 --out "$TMP/out" $GEN "$IN" >/dev/null 2>&1
check_eq "report: exit" $? 0
PDF="$TMP/out/posture-review-2026-10.pdf"
XLSX="$TMP/out/posture-review-2026-10.xlsx"
pdftotext -layout "$PDF" - | sed -n '/^ *Rejected records and unusable files$/,$p' >"$TMP/section"
text=$(tr -s ' \n' '  ' <"$TMP/section")
check_contains "PDF: the total" "$(pdftotext "$PDF" - | tr -s ' \n' '  ')" "270 records were rejected."
more=$(sed -n 's/^ *and \([0-9]*\) more: see the workbook.*/\1/p' "$TMP/section" | head -n 1)
shown=$(grep -c -e '\.ndjson  *line [0-9]' -e 'damaged.csv.gz  *whole file' "$TMP/section")
check_contains "PDF: how many were counted but not kept, and in which file" "$text" \
	"Of the 270 rejected records, 220 are listed in the workbook's Data quality sheet; the other 50 were counted but not kept"
check_contains "PDF: the file and its count" "$text" "bad-many.ndjson (50 of 250)"
check_contains "PDF: where every one is listed" "$text" "posture inspect --verbose FILE lists every rejected record of a file."
/usr/bin/python3 - "$XLSX" "${more:-0}" "$shown" <<'PY' >"$TMP/sheet"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = list(wb["Data quality"].iter_rows(values_only=True))
head, rows = rows[0], rows[1:]
col = {h: i for i, h in enumerate(head)}
rej = [r for r in rows if r[col["Code"]] == "bad_record"]
unl = [r for r in rows if r[col["Code"]] == "rejected_unlisted"]
name = lambda r: r[col["File"]].rsplit("/", 1)[-1]
print("listed", len(rej))
print("pdf rows + more = listed", int(sys.argv[2]) + int(sys.argv[3]) == len(rej))
print("adds up", sum(r[col["Records rejected"]] for r in rej + unl))
print("kind count", {r[col["Of this kind"]] for r in rej + unl})
print("bad-many lines", sorted(r[col["Line"]] for r in rej if name(r) == "bad-many.ndjson") == list(range(1, 201)))
print("bad-few lines", sorted(r[col["Line"]] for r in rej if name(r) == "bad-few.ndjson"))
gz = [r for r in rej if name(r) == "damaged.csv.gz"]
print("gzip", len(gz), gz[0][col["Records rejected"]], gz[0][col["Line"]], gz[0][col["Record"]])
print("unlisted", [(name(r), r[col["Records rejected"]]) for r in unl])
print("where", all("posture inspect --verbose" in r[col["Message"]] for r in unl))
PY
check_eq "workbook: every kept rejected record listed (200 + 3 + 1)" "$(sed -n 's/^listed //p' "$TMP/sheet")" 204
check_eq "workbook: the PDF's rows and its 'and N more' are the workbook's rows" \
	"$(sed -n 's/^pdf rows + more = listed //p' "$TMP/sheet")" True
check_eq "workbook: 'Records rejected' adds up to the 270" "$(sed -n 's/^adds up //p' "$TMP/sheet")" 270
check_eq "workbook: 'Of this kind' is the 270" "$(sed -n 's/^kind count //p' "$TMP/sheet")" "{270}"
check_eq "workbook: lines 1..200 of bad-many" "$(sed -n 's/^bad-many lines //p' "$TMP/sheet")" True
check_eq "workbook: the 3 of bad-few" "$(sed -n 's/^bad-few lines //p' "$TMP/sheet")" "[1, 2, 3]"
check_eq "workbook: the gzip report once, for 17 records, no line or record (the whole file)" \
	"$(sed -n 's/^gzip //p' "$TMP/sheet")" "1 17 None None"
check_eq "workbook: the 50 not kept, by file" "$(sed -n 's/^unlisted //p' "$TMP/sheet")" "[('bad-many.ndjson', 50)]"
check_eq "workbook: the row says where they are" "$(sed -n 's/^where //p' "$TMP/sheet")" True

# ---- a report on the whole file: "whole file", not "element 0" ----
mkdir -p "$TMP/in2"
cp -R samples "$TMP/in2/"
cp tests/bad/gzip-corrupt-garbage.csv.gz "$TMP/in2/damaged.csv.gz"
"$POSTURE" report -q --period 2026-10 --out "$TMP/out2" $GEN "$TMP/in2" >/dev/null 2>&1
check_eq "report 2: exit" $? 0
pdftotext -layout "$TMP/out2/posture-review-2026-10.pdf" - | sed -n '/^ *Rejected records and unusable files$/,$p' \
	>"$TMP/section2"
check_eq "PDF: the gzip report is on the whole file" "$(grep -c 'damaged.csv.gz  *whole file  *gzip: offset' "$TMP/section2")" 1
check_eq "PDF: no 'element 0'" "$(grep -c 'element 0' "$TMP/section2")" 0
check_eq "PDF: one report stands for the 17: nothing more to see" "$(grep -c 'more: see the workbook' "$TMP/section2")" 0
check_eq "PDF: nothing said not kept" "$(grep -c 'counted but not kept' "$TMP/section2")" 0
summary
