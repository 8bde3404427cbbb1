#!/bin/sh
# make install honours PREFIX and DESTDIR: binary, templates and man page.
. "$TESTS_DIR/sh/lib.sh"
top=$(cd "$TESTS_DIR/.." && pwd)
make -s -C "$top" install BUILD="${BUILD:-build}" PREFIX=/opt/pst DESTDIR="$TMP/root" >"$TMP/log" 2>&1
check_eq "make install exit" $? 0
[ -x "$TMP/root/opt/pst/bin/posture" ]; check_eq "binary installed" $? 0
[ -f "$TMP/root/opt/pst/share/man/man1/posture.1" ]; check_eq "man page installed" $? 0
for f in "$top"/templates/*; do
	[ -f "$TMP/root/opt/pst/share/posture/$(basename "$f")" ]; check_eq "template $(basename "$f") installed" $? 0
done
out=$("$TMP/root/opt/pst/bin/posture" --version); check_contains "installed binary runs" "$out" "posture "
if command -v man >/dev/null 2>&1; then
	out=$(MANWIDTH=80 man -l "$TMP/root/opt/pst/share/man/man1/posture.1" 2>&1)
	check_contains "man page renders" "$out" "EXIT STATUS"
else
	fail "man is absent (man-db is a test package: make test-deps)"
fi
make -s -C "$top" uninstall PREFIX=/opt/pst DESTDIR="$TMP/root" >/dev/null 2>&1
[ ! -e "$TMP/root/opt/pst/bin/posture" ]; check_eq "uninstall removes the binary" $? 0
summary
