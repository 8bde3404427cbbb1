#!/bin/sh
# Output paths (issue 15): temporary names that cannot be predicted and are
# opened O_EXCL | O_NOFOLLOW (a planted link is never written through),
# --out "" refused, long team names capped with a hash, the split set
# (packs + index.csv) complete or absent, stale temporary files of killed
# runs removed, and a full or read-only disk reported as one message naming
# the file and strerror (74 for I/O, 73 for cannot create), nothing printed
# by the libraries and nothing left behind.
. "$TESTS_DIR/sh/lib.sh"
S="$TESTS_DIR/../samples"
G="--period 2026-10 --generated-at 2026-11-01T00:00:00Z"

# ---- --out "" ----
"$POSTURE" report -q $G --out "" "$S" >"$TMP/o" 2>"$TMP/e"
check_eq "--out '': exit 64" "$?" 64
check_contains "--out '': message" "$(cat "$TMP/e")" "--out: an empty folder name"

# ---- a link planted at the old predictable temporary name (.NAME.tmp-PID) ----
mkdir -p "$TMP/shared"; echo precious >"$TMP/victim"
# shellcheck disable=SC2016
sh -c 'for n in posture-review-2026-10.pdf posture-review-2026-10.xlsx; do ln -s "$1" "$2/.$n.tmp-$$"; done
	exec "$3" report -q --period 2026-10 --generated-at 2026-11-01T00:00:00Z --out "$2" "$4"' \
	sh "$TMP/victim" "$TMP/shared" "$POSTURE" "$S" 2>"$TMP/e"
check_eq "planted links: exit" "$?" 0
check_eq "planted links: the link's target untouched" "$(cat "$TMP/victim")" precious
check_eq "planted links: the PDF is a regular file" "$(test -f "$TMP/shared/posture-review-2026-10.pdf" && \
	! test -L "$TMP/shared/posture-review-2026-10.pdf" && echo yes)" yes
# a link at the final name is replaced, never followed
rm -rf "$TMP/shared"; mkdir -p "$TMP/shared"; ln -s "$TMP/victim" "$TMP/shared/posture-review-2026-10.pdf"
"$POSTURE" report -q $G --out "$TMP/shared" "$S" 2>"$TMP/e"
check_eq "link at the final name: target untouched" "$(cat "$TMP/victim")" precious
check_eq "link at the final name: replaced by the PDF" "$(test -L "$TMP/shared/posture-review-2026-10.pdf" || echo file)" file

# ---- stale temporary files of a killed run (a pid that is not running) ----
dead=4000000; while kill -0 "$dead" 2>/dev/null; do dead=$((dead + 1)); done
mkdir -p "$TMP/stale/.posture-tmp-$dead-AbCdEf/x"; : >"$TMP/stale/.posture-tmp-$dead-AbCdEf/x/part.pdf"
: >"$TMP/stale/.posture-review-2026-10.pdf.tmp-$dead"; : >"$TMP/stale/.keep.tmp-$$"
"$POSTURE" report -q $G --out "$TMP/stale" "$S" 2>"$TMP/e"
check_eq "stale: exit" "$?" 0
check_eq "stale: what killed runs left is removed, a live run's file kept" "$(ls -A "$TMP/stale" | tr '\n' ' ')" \
	".keep.tmp-$$ posture-review-2026-10.pdf posture-review-2026-10.xlsx sources.sha256 "

# ---- a 220-character team name in --split-by-team ----
long=$(printf 'Platform%.0s' $(seq 1 27))x
printf 'team "%s"\n\ttype = *\n' "$long" >"$TMP/long.conf"
"$POSTURE" report -q $G --teams "$TMP/long.conf" --split-by-team --out "$TMP/long" "$S" 2>"$TMP/e"
check_eq "long team name: exit" "$?" 0
dir=$(cd "$TMP/long" && ls -d Platform*)
check_eq "long team name: the folder name is capped at 64 bytes" "${#dir}" 64
check_eq "long team name: a hash suffix" "$(printf '%s' "$dir" | grep -cE '^(Platform)+[a-zA-Z]*-[0-9a-f]{8}$')" 1
check_eq "long team name: the index names the pack" "$(cut -d, -f2 "$TMP/long/index.csv" | tail -n 1)" \
	"$dir/posture-review-2026-10-$dir.pdf"
check_eq "long team name: no temporary folder left" "$(ls -A "$TMP/long" | grep -c tmp)" 0
# a second run replaces the set in place
"$POSTURE" report -q $G --teams "$TMP/long.conf" --split-by-team --out "$TMP/long" "$S" 2>"$TMP/e"
check_eq "split again: exit" "$?" 0
check_eq "split again: the same set" "$(ls -A "$TMP/long" | tr '\n' ' ')" \
	"$dir index.csv posture-review-2026-10.pdf posture-review-2026-10.xlsx sources.sha256 "

# ---- full and read-only disks (a small tmpfs; needs root) ----
if [ "$(id -u)" != 0 ] || ! mkdir -p "$TMP/full" || ! mount -t tmpfs -o size=200k tmpfs "$TMP/full" 2>/dev/null; then
	skip "disk full: cannot mount a small tmpfs (not root?)"
else
	"$POSTURE" report -q $G --out "$TMP/full/o" "$S" >"$TMP/o" 2>"$TMP/e"
	check_eq "disk full in the PDF: exit 74" "$?" 74
	check_eq "disk full in the PDF: one message" "$(cat "$TMP/e")" \
		"posture: $TMP/full/o/posture-review-2026-10.pdf: write error: No space left on device"
	check_eq "disk full in the PDF: nothing left" "$(ls -A "$TMP/full/o" | wc -l)" 0
	umount "$TMP/full"; mount -t tmpfs -o size=270k tmpfs "$TMP/full"
	"$POSTURE" report -q $G --out "$TMP/full/o" "$S" >"$TMP/o" 2>"$TMP/e"
	check_eq "disk full in the workbook: exit 74" "$?" 74
	check_eq "disk full in the workbook: one message, no [ERROR] lines" "$(cat "$TMP/e")" \
		"posture: $TMP/full/o/posture-review-2026-10.xlsx: cannot write the workbook: No space left on device"
	check_eq "disk full in the workbook: no PDF without its workbook" "$(ls -A "$TMP/full/o" | wc -l)" 0
	umount "$TMP/full"; mount -t tmpfs -o size=1m tmpfs "$TMP/full"
	"$POSTURE" report -q $G --split-by-team --out "$TMP/full/o" "$S" >"$TMP/o" 2>"$TMP/e"
	check_eq "disk full in the split set: exit 74" "$?" 74
	check_eq "disk full in the split set: the main pack, no index, nothing temporary" \
		"$(ls -A "$TMP/full/o" | tr '\n' ' ')" "posture-review-2026-10.pdf posture-review-2026-10.xlsx sources.sha256 "
	mkdir "$TMP/full/ro"; mount -o remount,ro "$TMP/full"
	"$POSTURE" report -q $G --out "$TMP/full/ro" "$S" >"$TMP/o" 2>"$TMP/e"
	check_eq "read-only folder: exit 73" "$?" 73
	check_eq "read-only folder: one message" "$(cat "$TMP/e")" \
		"posture: $TMP/full/ro: cannot create a temporary folder: Read-only file system"
	umount "$TMP/full"
fi
summary
