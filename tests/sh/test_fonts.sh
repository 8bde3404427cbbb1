#!/bin/sh
# Scripts in the PDF (issue 15): Chinese and Japanese through the embedded
# Droid Sans Fallback, Korean through Nanum Gothic, Hebrew drawn right to
# left, Arabic shaped (joined) then drawn right to left; what no font here draws (Thai, emoji) is the marker U+FFFD, and the
# name is listed (pdf_script warning, data quality); a pack without such
# names embeds DejaVu Sans only.
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
G="--period 2026-10 --generated-at 2026-11-01T00:00:00Z"
printf 'team "数据平台 チーム 팀 Платформа"\n\ttype = microsoft.web/*\nteam "צוות רשת ไทย 😀"\n\ttype = *\n' >"$TMP/teams.conf"
"$POSTURE" report $G --teams "$TMP/teams.conf" --out "$TMP/o" "$S" >/dev/null 2>"$TMP/e"
check_eq "report: exit" "$?" 0
check_contains "the name the PDF cannot draw: a warning (and in the data quality section)" "$(cat "$TMP/e")" \
	"posture: warning: pdf_script: team \"צוות רשת ไทย 😀\": the PDF cannot draw its script as written (shown as the marker U+FFFD)"
pdf="$TMP/o/posture-review-2026-10.pdf"
fonts=$(pdffonts "$pdf" 2>&1)
check_contains "Droid Sans Fallback embedded" "$fonts" "DroidSansFallback"
check_contains "Nanum Gothic embedded" "$fonts" "NanumGothic"
text=$(pdftotext "$pdf" - 2>/dev/null)
check_contains "Chinese, Japanese, Korean and Cyrillic drawn (and extractable)" "$text" "数据平台 チーム 팀 Платформа"
check_contains "Hebrew drawn" "$text" "צוות"
check_contains "Thai and emoji: the marker" "$text" "$(printf '\357\277\275')"
check_contains "data quality lists the name" "$text" "the PDF cannot draw its script as written"
check_eq "qpdf --check" "$(qpdf --check "$pdf" >/dev/null 2>&1; echo $?)" 0
"$POSTURE" report -q $G --teams "$TMP/teams.conf" --out "$TMP/o2" "$S" 2>/dev/null
check_files_eq "byte-identical twice" "$TMP/o2/posture-review-2026-10.pdf" "$pdf"
# Arabic is shaped (arabic.h): in the content the letters of "فريق السلام"
# are their joined forms in visual order (meem isolated, lam-alef final,
# seen medial, lam initial, alef isolated, space, qaf final, yeh initial,
# reh final, feh initial), and text copied out is the name as written.
printf 'team "فريق السلام"\n\ttype = *\n' >"$TMP/ar.conf"
"$POSTURE" report $G --teams "$TMP/ar.conf" --out "$TMP/ar" "$S" >/dev/null 2>"$TMP/e"
check_eq "Arabic: exit" "$?" 0
case $(cat "$TMP/e") in *pdf_script*) fail "Arabic: a pdf_script warning, but it is drawn as written";; *) pass;; esac
pdf="$TMP/ar/posture-review-2026-10.pdf"
check_contains "Arabic: pdftotext gives the letters as written" "$(pdftotext "$pdf" - 2>/dev/null)" "فريق السلام"
qpdf --qdf --object-streams=disable "$pdf" "$TMP/ar.qdf" 2>/dev/null
check_eq "Arabic: the joined forms drawn" "$(grep -a -c 'fee1fefcfeb4fedffe8d0020fed6fef3feaefed3' "$TMP/ar.qdf")" \
	"$(pdftotext "$pdf" - 2>/dev/null | grep -c 'فريق السلام')"
check_contains "Arabic: the ToUnicode map gives lam-alef back as two letters" "$(grep -a '<FEFC>' "$TMP/ar.qdf")" \
	"<FEFC> <06270644>"
printf 'team "فريق گروه َ"\n\ttype = *\n' >"$TMP/ar2.conf"
"$POSTURE" report $G --teams "$TMP/ar2.conf" --out "$TMP/ar2" "$S" >/dev/null 2>"$TMP/e"
check_contains "Arabic with a haraka: still listed (marks are not placed)" "$(cat "$TMP/e")" \
	"pdf_script: team \"فريق گروه َ\": the PDF cannot draw its script as written (marks and letters beyond"
"$POSTURE" report -q $G --out "$TMP/plain" "$S" 2>/dev/null
check_eq "no such names: DejaVu Sans only" "$(pdffonts "$TMP/plain/posture-review-2026-10.pdf" | tail -n +3 | wc -l)" 2
summary
