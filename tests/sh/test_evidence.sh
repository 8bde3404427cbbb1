#!/bin/sh
# The pack at any scale (issue 12): the evidence appendix's manifest line is
# the SHA-256 of sources.sha256, which sha256sum reproduces from the files
# themselves (sorted `sha256  path` lines) and which is byte-identical run to
# run; the Sources sheet lists every file; warnings on standard error are
# three of each kind and a count unless --verbose; -q prints none.
. "$TESTS_DIR/sh/lib.sh"
GEN="--generated-at 2026-11-01T00:00:00Z"
cd "$TESTS_DIR/.." || exit 1

# ---- the manifest ----
"$POSTURE" report -q --out "$TMP/a" $GEN samples >/dev/null 2>&1
check_eq "report: exit" $? 0
M="$TMP/a/sources.sha256"
check_eq "sources.sha256 written beside the pack" "$([ -s "$M" ] && echo yes)" yes
hash=$(sha256sum "$M" | cut -d' ' -f1)
text=$(pdftotext "$TMP/a/posture-review-2026-10.pdf" - | tr -d ' \n')
check_contains "the PDF states the manifest hash (sha256sum of sources.sha256)" "$text" "SHA-256ofthelist$hash"
nfiles=$(wc -l <"$M" | tr -d ' ')
bytes=$(find samples -name '.*' -prune -o -type f -print | xargs cat | wc -c | tr -d ' ')
want=$(printf '%s' "$bytes" | sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|,\)/\1,\2\3/' -e 'ta')
check_contains "the PDF states the file count" "$text" "Input:${nfiles}files,"
find samples -name '.*' -prune -o -type f -exec sha256sum {} + | LC_ALL=C sort >"$TMP/expect.sha256"
check_files_eq "sources.sha256 is sha256sum of every input file, sorted" "$M" "$TMP/expect.sha256"
check_eq "sha256sum -c sources.sha256 passes" "$(sha256sum -c --quiet "$M" >/dev/null 2>&1 && echo ok)" ok
check_eq "the files are summed: $nfiles files, $bytes bytes" \
	"$(printf '%s' "$text" | grep -c "Input:${nfiles}files,${want}bytes")" 1
"$POSTURE" report -q --out "$TMP/b" $GEN samples >/dev/null 2>&1
check_eq "sources.sha256 byte-identical run to run" "$(cmp -s "$M" "$TMP/b/sources.sha256" && echo same)" same
/usr/bin/python3 - "$TMP/a/posture-review-2026-10.xlsx" "$nfiles" <<'PY' >"$TMP/sheet"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(sum(1 for _ in wb["Sources"].iter_rows(min_row=2)) == int(sys.argv[2]))
PY
check_eq "the Sources sheet lists every file" "$(cat "$TMP/sheet")" True
ls "$TMP/a" | grep -q '^\.' && fail "a temporary file is left beside the pack"
# split packs: one sources.sha256 at the top, named by the team PDFs
"$POSTURE" report -q --split-by-team --out "$TMP/s" $GEN samples >/dev/null 2>&1
check_eq "split: one sources.sha256, at the top" "$(cd "$TMP/s" && find . -name sources.sha256)" "./sources.sha256"
team=$(ls "$TMP/s"/*/*.pdf | head -n 1)
check_contains "a team pack names the list at the top" "$(pdftotext "$team" - | tr -d '\n')" \
	"beside the organisation's pack"
check_eq "a team pack: no folder table or largest files (the organisation's pack has them)" \
	"$(pdftotext "$team" - | grep -c -e '^By folder' -e 'largest files$')" 0
check_contains "a team pack states the same hash" "$(pdftotext "$team" - | tr -d ' \n')" "SHA-256ofthelist$hash"

# ---- warnings on standard error: three of each kind unless --verbose ----
{ i=1; while [ $i -le 5 ]; do printf 'team "Nobody %s"\n\tname = no-such-resource-%s\n' $i $i; i=$((i + 1)); done; } \
	>"$TMP/unused.conf"
"$POSTURE" report --teams "$TMP/unused.conf" --out "$TMP/w" $GEN samples >/dev/null 2>"$TMP/err"
check_eq "unused rules: 3 listed" "$(grep -c 'warning: unused_team_rule: .*matched no resource' "$TMP/err")" 3
check_contains "unused rules: the rest counted" "$(cat "$TMP/err")" \
	"posture: warning: unused_team_rule: and 2 more of this kind (5 in all; --verbose lists every one)"
check_eq "other kinds as they were" "$(grep -c 'warning: subscription_missing:' "$TMP/err")" 1
"$POSTURE" report --verbose --teams "$TMP/unused.conf" --out "$TMP/w" $GEN samples >/dev/null 2>"$TMP/err"
check_eq "--verbose: every one" "$(grep -c 'warning: unused_team_rule: .*matched no resource' "$TMP/err")" 5
check_eq "--verbose: no count line" "$(grep -c 'more of this kind' "$TMP/err")" 0
"$POSTURE" diff --format csv --period 2026-10 --teams "$TMP/unused.conf" samples >/dev/null 2>"$TMP/err"
check_eq "diff csv: 3 of the kind and a count" "$(grep -c 'unused_team_rule' "$TMP/err")" 4
"$POSTURE" diff --verbose --format csv --period 2026-10 --teams "$TMP/unused.conf" samples >/dev/null 2>"$TMP/err"
check_eq "diff csv --verbose: all five" "$(grep -c 'unused_team_rule' "$TMP/err")" 5
dq=$(pdftotext -layout "$TMP/w/posture-review-2026-10.pdf" - | sed -n '/^Data quality$/,/^Evidence appendix$/p')
check_contains "PDF: warnings by kind, with the count" "$(printf '%s' "$dq" | tr -s ' ')" "Team rule that matched 5"
check_eq "PDF: three examples of the kind" "$(printf '%s\n' "$dq" | grep -c 'rule for team "Nobody [0-9]"')" 3
check_contains "PDF: the rest in the workbook" "$(printf '%s' "$dq" | tr -d '\n' | tr -s ' ')" \
	"(and 2 more in the workbook's Data quality sheet)"
check_contains "PDF: the subscription with a problem" "$(printf '%s' "$dq" | tr -s ' ')" \
	"prod-payments d30febfd-5f3a-4ad8-b6b9-30e1ecc1f42a Out of scope at the end"
check_contains "PDF: how many subscriptions have one" "$(printf '%s' "$dq" | tr -s ' ')" \
	"4 subscriptions are in the data, 3 in scope at the end; 1 has a problem"
/usr/bin/python3 - "$TMP/w/posture-review-2026-10.xlsx" <<'PY' >"$TMP/dq"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = [r for r in wb["Data quality"].iter_rows(min_row=2, values_only=True)]
print(sum(1 for r in rows if r[6] == "unused_team_rule" and r[1] == 5))
subs = [r for r in wb["Subscriptions"].iter_rows(min_row=2, values_only=True)]
print(len(subs), [r[0] for r in subs if r[10]])
PY
check_eq "workbook: every warning of the kind, with its count" "$(sed -n 1p "$TMP/dq")" 5
check_eq "workbook: every subscription, the problem flagged" "$(sed -n 2p "$TMP/dq")" "4 ['prod-payments']"
"$POSTURE" report -q --teams "$TMP/unused.conf" --out "$TMP/w" $GEN samples >/dev/null 2>"$TMP/err"
check_eq "-q: nothing on stderr" "$(wc -c <"$TMP/err" | tr -d ' ')" 0
for c in report diff inspect score teams verify; do
	check_contains "$c --help names --verbose" "$("$POSTURE" $c --help)" "--verbose"
done
check_contains "man page names --verbose" "$(cat posture.1)" '\-\-verbose'
summary
