#!/bin/sh
# Filesystem walking (issue 15): a symbolic link loop or a second name for
# a file is read once and listed as skipped (a warning); a pipe named on
# the command line is read as a stream, a pipe in a folder is skipped with a
# warning; --skip-bad lists an unreadable folder and goes on; control
# characters in file names are escaped in text output.
. "$TESTS_DIR/sh/lib.sh"
F="$TESTS_DIR/bad/ndjson-bom-lines.ndjson"
D=$TMP/d; mkdir -p "$D/sub"
cp "$F" "$D/a.ndjson"; ln -s . "$D/s"; ln -s .. "$D/sub/up"; ln -s s "$D/s2"; ln "$D/a.ndjson" "$D/hard.ndjson"
mkfifo "$D/fifo"
out=$(cd "$TMP" && "$POSTURE" inspect d 2>"$TMP/e"); code=$?
check_eq "loops: exit" "$code" 0
check_contains "loops: the records counted once" "$out" "total: 1 files (0 failed, 5 skipped), 0 rejected, 5 warnings, records 3: assessment 3"
check_contains "loops: the link to the folder itself" "$out" "d/s
  skipped       a folder already read (a symbolic link loop?): skipped"
check_contains "loops: the link up" "$out" "d/sub/up
  skipped       a folder already read (a symbolic link loop?): skipped"
check_contains "hard link: read once" "$out" "d/hard.ndjson
  skipped       the same file as one already read (another name or link): skipped"
check_contains "a pipe in a folder: skipped" "$out" "d/fifo
  skipped       a pipe in a folder: skipped (name it on the command line to read it)"
check_eq "nothing on stderr" "$(cat "$TMP/e")" ""
# two loops in one folder: linear, not exponential (it ends, and quickly)
ln -s . "$D/sub/t"; ln -s .. "$D/sub/u"
check_contains "two loops: ends" "$(cd "$TMP" && "$POSTURE" inspect d)" "records 3: assessment 3"

# ---- a pipe named on the command line is read as a stream ----
mkfifo "$TMP/pipe"; (cat "$F" >"$TMP/pipe" &)
out=$("$POSTURE" inspect "$TMP/pipe" 2>&1); code=$?
check_eq "named pipe: exit" "$code" 0
check_contains "named pipe: read" "$out" "records       3: assessment 3"
out=$(cat "$F" | "$POSTURE" inspect /dev/stdin 2>&1)
check_contains "standard input as /dev/stdin" "$out" "total: 1 files (0 failed), 0 rejected, 0 warnings, records 3: assessment 3"

# ---- an unreadable folder: fails, or is listed with --skip-bad ----
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	# the unprivileged user reads copies in $TMP (under /tmp): the checkout
	# may sit in a folder only root can enter (a clone in mktemp -d)
	chmod 755 "$TMP"; mkdir "$TMP/locked"; cp "$F" "$TMP/locked/"; chmod 000 "$TMP/locked"
	cp "$F" "$TMP/open.ndjson"; cp "$POSTURE" "$TMP/posture"; chmod 755 "$TMP/posture"; chmod 644 "$TMP/open.ndjson"
	run_as() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
	F=$TMP/open.ndjson; POSTURE=$TMP/posture
	run_as "$POSTURE" inspect "$TMP/locked" "$F" >"$TMP/o" 2>"$TMP/e"
	check_eq "unreadable folder: exit 66" "$?" 66
	check_contains "unreadable folder: message" "$(cat "$TMP/e")" "locked: cannot read folder: Permission denied"
	run_as "$POSTURE" inspect --skip-bad "$TMP/locked" "$F" >"$TMP/o" 2>"$TMP/e"
	check_eq "unreadable folder, --skip-bad: exit" "$?" 0
	check_contains "unreadable folder, --skip-bad: listed" "$(cat "$TMP/o")" "  FAILED        $TMP/locked: cannot read folder: Permission denied"
	check_contains "unreadable folder, --skip-bad: the rest read" "$(cat "$TMP/o")" "total: 2 files (1 failed), 0 rejected, 0 warnings, records 3"
	chmod 755 "$TMP/locked"
else
	skip "unreadable folder: needs root and setpriv to drop to an unprivileged user"
fi

# ---- control characters in file names are escaped ----
E=$TMP/esc; mkdir -p "$E"; cp "$F" "$E/$(printf 'evil\033[2J\nname.ndjson')"
out=$("$POSTURE" inspect "$E" 2>&1)
check_contains "escape sequence in a name: escaped" "$out" 'evil\x1B[2J\x0Aname.ndjson'
check_eq "escape sequence in a name: no ESC byte printed" "$(printf '%s' "$out" | tr -d -c '\033' | wc -c)" 0
printf 'x' >"$E/$(printf 'bad\033]0;t\007.json')"
"$POSTURE" inspect "$E/$(printf 'bad\033]0;t\007.json')" >/dev/null 2>"$TMP/e"
check_contains "error message: the name escaped" "$(cat "$TMP/e")" 'bad\x1B]0;t\x07.json'
summary
