#!/bin/sh
# Progress on standard error (issue 12), with a pseudo-terminal: the phase,
# files and bytes read and a rate, redrawn in place at most 10 times a
# second and erased before anything else is printed; the team packs of
# --split-by-team counted; nothing with -q, nothing when standard error is
# not a terminal.  (The rate cap on a fake clock: tests/unit/test_progress.c.)
. "$TESTS_DIR/sh/lib.sh"
GEN="--generated-at 2026-11-01T00:00:00Z"
S="$TESTS_DIR/../samples"
PY=/usr/bin/python3
# pty OUT CMD...: runs CMD with standard error on a pty; OUT gets its bytes,
# standard output "EXIT SECONDS"
cat >"$TMP/on_pty.py" <<'PYEOF'
import os, pty, select, subprocess, sys, time
m, s = pty.openpty()
t0 = time.monotonic()
p = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=s)
os.close(s)
data = b""
while True:
    r, _, _ = select.select([m], [], [], 0.05)
    if r:
        try:
            chunk = os.read(m, 65536)
        except OSError:
            break
        if not chunk:
            break
        data += chunk
    elif p.poll() is not None:
        break
p.wait()
open(sys.argv[1], "wb").write(data)
print(p.returncode, "%.3f" % (time.monotonic() - t0))
PYEOF
# facts OUT SECONDS: draws, max allowed, whether the line is erased before the
# first warning and never redrawn after the end, a reading line seen
cat >"$TMP/facts.py" <<'PYEOF'
import re, sys
d = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
secs = float(sys.argv[2])
draws = len(re.findall(r"\rposture: [a-z ]+(?::[^\r\n\x1b]*)?\x1b\[K", d))
end = d.rfind("\r\x1b[K")
after = d[end + 4:] if end >= 0 else d
print("draws_ok", 1 <= draws <= int(secs * 10) + 2)
print("erased", end >= 0 and "\rposture: reading" not in after and "\rposture: writing" not in after)
print("warning_after_erase", after.startswith("posture: warning: ") or after == "")
print("reading_line", re.search(r"\rposture: reading: [0-9,]+ files?, [0-9.]+ MB, [0-9.]+ MB/s\x1b\[K", d) is not None)
print("team_steps", re.search(r"\rposture: writing team packs: [0-9]+ of [0-9]+\x1b\[K", d) is not None)
PYEOF
pty() { "$PY" "$TMP/on_pty.py" "$@"; }

set -- $(pty "$TMP/a.out" "$POSTURE" report --out "$TMP/a" $GEN "$S")
check_eq "report on a pty: exit" "$1" 0
"$PY" "$TMP/facts.py" "$TMP/a.out" "$2" >"$TMP/a.facts"
check_eq "at most 10 draws a second ($2 s)" "$(sed -n 's/^draws_ok //p' "$TMP/a.facts")" True
check_eq "a line with files, bytes and a rate" "$(sed -n 's/^reading_line //p' "$TMP/a.facts")" True
check_eq "erased at the end, never redrawn after" "$(sed -n 's/^erased //p' "$TMP/a.facts")" True
check_eq "the warnings start on a clean line" "$(sed -n 's/^warning_after_erase //p' "$TMP/a.facts")" True

set -- $(pty "$TMP/s.out" "$POSTURE" report --split-by-team --out "$TMP/s" $GEN "$S")
check_eq "split report on a pty: exit" "$1" 0
"$PY" "$TMP/facts.py" "$TMP/s.out" "$2" >"$TMP/s.facts"
check_eq "split: the team packs are counted" "$(sed -n 's/^team_steps //p' "$TMP/s.facts")" True
check_eq "split: at most 10 draws a second ($2 s)" "$(sed -n 's/^draws_ok //p' "$TMP/s.facts")" True
check_eq "split: erased at the end" "$(sed -n 's/^erased //p' "$TMP/s.facts")" True

set -- $(pty "$TMP/i.out" "$POSTURE" inspect "$S")
check_eq "inspect on a pty: exit" "$1" 0
"$PY" "$TMP/facts.py" "$TMP/i.out" "$2" >"$TMP/i.facts"
check_eq "inspect: a reading line, erased" "$(sed -n 's/^reading_line //p; s/^erased //p' "$TMP/i.facts" | tr '\n' ' ')" \
	"True True "

set -- $(pty "$TMP/q.out" "$POSTURE" report -q --out "$TMP/q" $GEN "$S")
check_eq "-q on a pty: exit" "$1" 0
check_eq "-q: nothing at all on the terminal" "$(wc -c <"$TMP/q.out" | tr -d ' ')" 0

"$POSTURE" report --out "$TMP/f" $GEN "$S" >/dev/null 2>"$TMP/f.err"
check_eq "not a terminal: no progress" "$(grep -c 'posture: reading' "$TMP/f.err")" 0
check_eq "not a terminal: no carriage return or escape" "$(tr -d -c '\r\033' <"$TMP/f.err" | wc -c | tr -d ' ')" 0
check_contains "not a terminal: the warnings still" "$(cat "$TMP/f.err")" "posture: warning: subscription_missing"
summary
