#!/bin/sh
# make install honours PREFIX and DESTDIR: binary, templates and man page,
# built in a folder of its own (the shared $BUILD, which the other suites
# test, is left as it is).
. "$TESTS_DIR/sh/lib.sh"
top=$(cd "$TESTS_DIR/.." && pwd)
shared="$top/${BUILD:-build}"
R="$TMP/root/opt/pst"
D="$R/share/posture"
# mk TARGET: make TARGET for /opt/pst under $TMP/root, objects in $TMP/build
mk() { make -s -C "$top" "$1" BUILD="$TMP/build" PREFIX=/opt/pst DESTDIR="$TMP/root" >"$TMP/log" 2>&1; }
[ -x "$shared/posture" ]; check_eq "the shared binary exists ($shared/posture)" $? 0
before=$(cksum <"$shared/posture")
touch "$TMP/stamp"

mk install
check_eq "make install exit" $? 0
[ -x "$R/bin/posture" ]; check_eq "binary installed" $? 0
[ -f "$R/share/man/man1/posture.1" ]; check_eq "man page installed" $? 0
for f in "$top"/templates/*; do
	cmp -s "$f" "$D/$(basename "$f")"; check_eq "template $(basename "$f") installed" $? 0
done
out=$("$R/bin/posture" --version); check_contains "installed binary runs" "$out" "posture "
[ -x "$TMP/build/posture" ]; check_eq "built in its own folder" $? 0
check_eq "the shared binary is the same" "$(cksum <"$shared/posture")" "$before"
check_eq "nothing in the shared build folder rebuilt" "$(find "$shared" -newer "$TMP/stamp" | head -5)" ""
if command -v man >/dev/null 2>&1; then
	out=$(MANWIDTH=80 man -l "$R/share/man/man1/posture.1" 2>&1)
	check_contains "man page renders" "$out" "EXIT STATUS"
else
	fail "man is absent (man-db is a test package: make test-deps)"
fi

mk uninstall
[ ! -e "$R/bin/posture" ]; check_eq "uninstall removes the binary" $? 0
check_eq "still nothing in the shared build folder rebuilt" "$(find "$shared" -newer "$TMP/stamp" | head -5)" ""
summary
