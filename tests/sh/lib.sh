# lib.sh: helpers for shell tests.  Source it, call ok/check_*, end with summary.
# $POSTURE is the binary under test; $TESTS_DIR the tests folder.
# A check that cannot run because something it needs is truly absent (the
# shared real-data folder, say) calls skip "why": skips are counted, printed
# in the summary, and make the run fail under CI=true (tests/run.sh).
: "${POSTURE:?set by tests/run.sh}"
T_PASSED=0; T_FAILED=0; T_SKIPPED=0
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
REALDATA=""
for d in ../shared/realdata ../../shared/realdata; do [ -f "$d/SOURCES.md" ] && REALDATA=$(cd "$d" && pwd) && break; done
pass() { T_PASSED=$((T_PASSED + 1)); }
fail() { T_FAILED=$((T_FAILED + 1)); echo "FAIL $*"; }
# skip WHY: one check (or group of checks) not run; WHY names it and the reason
skip() { T_SKIPPED=$((T_SKIPPED + 1)); echo "SKIP $*"; }
# check_eq WHAT GOT EXPECTED
check_eq() { if [ "$2" = "$3" ]; then pass; else fail "$1: got '$2', expected '$3'"; fi; }
# check_contains WHAT TEXT NEEDLE
check_contains() { case $2 in *"$3"*) pass;; *) fail "$1: '$3' not found in: $(printf '%s' "$2" | head -c 400)";; esac; }
# check_files_eq WHAT GOT_FILE EXPECTED_FILE (prints a diff on failure)
check_files_eq() { if cmp -s "$2" "$3"; then pass; else fail "$1: $2 differs from $3"; diff -u "$3" "$2" | head -40 | sed 's/^/     /'; fi; }
summary() { echo "$T_PASSED passed, $T_FAILED failed, $T_SKIPPED skipped"; [ "$T_FAILED" = 0 ]; }
