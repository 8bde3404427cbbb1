#!/bin/sh
# make install honours PREFIX and DESTDIR: binary, templates and man page,
# built in a folder of its own (the shared $BUILD, which the other suites
# test, is left as it is); make uninstall removes only what install put
# there, keeping an edited template and any file of the user's.
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
	# every exit code, in the man page as in README's "Exit codes:" line
	man_codes=$(printf '%s\n' "$out" | sed -n '/^EXIT STATUS/,/^[A-Z]/s/^       \([0-9][0-9]*\) .*/\1/p' | tr '\n' ' ')
	check_eq "man page exit codes" "$man_codes" "0 1 64 65 66 71 73 74 "
	check_contains "71 in the man page" "$out" "71     Out of memory."
	readme_codes=$(sed -n '/^Exit codes:/,/^$/p' "$top/README.md" | tr '\n' ' ' |
		sed 's/^Exit codes: //; s/\. .*//' | tr ';' '\n' | sed 's/^ *\([0-9]*\) .*/\1 /' | tr -d '\n')
	check_eq "README exit codes" "$readme_codes" "$man_codes"
else
	fail "man is absent (man-db is a test package: make test-deps)"
fi

# An edited template and a file of the user's stay, with the folder.
echo 'team "Mine" type=*' >>"$D/teams.conf"
cp "$D/teams.conf" "$TMP/edited.conf"
echo "# mine" >"$D/local.conf"
mk uninstall
check_eq "make uninstall exit" $? 0
[ ! -e "$R/bin/posture" ]; check_eq "uninstall removes the binary" $? 0
[ ! -e "$R/share/man/man1/posture.1" ]; check_eq "uninstall removes the man page" $? 0
[ ! -e "$D/goals.conf" ] && [ ! -e "$D/report.conf" ]; check_eq "uninstall removes the shipped templates" $? 0
cmp -s "$D/teams.conf" "$TMP/edited.conf"; check_eq "the edited template is kept as it is" $? 0
[ -f "$D/local.conf" ]; check_eq "the user's file is kept" $? 0
check_eq "one line says the edited template is kept" "$(grep -c 'kept.*teams.conf' "$TMP/log")" 1
check_contains "kept message" "$(cat "$TMP/log")" "posture: kept $D/teams.conf: it differs from the shipped templates/teams.conf"
check_contains "folder kept message" "$(cat "$TMP/log")" "posture: kept $D: not empty"

# Once they are gone, uninstall removes the empty folder; installing and
# uninstalling again leaves nothing and keeps nothing.
rm "$D/teams.conf" "$D/local.conf"
mk uninstall
check_eq "uninstall again exit" $? 0
[ ! -e "$D" ]; check_eq "the empty data folder is removed" $? 0
mk install && mk uninstall
check_eq "install, uninstall exit" $? 0
check_eq "nothing kept" "$(grep -c kept "$TMP/log")" 0
check_eq "nothing left but folders" "$(find "$TMP/root" -type f -o -type l)" ""
[ ! -e "$D" ]; check_eq "no data folder" $? 0
check_eq "still nothing in the shared build folder rebuilt" "$(find "$shared" -newer "$TMP/stamp" | head -5)" ""
summary
