#!/bin/sh
# No banned function in the C sources (tests/tools/banned.sh: sprintf,
# vsprintf, strcpy, strcat, strncpy, strtok, strtok_r, atoi, atol, atoll,
# gets, cJSON_GetErrorPtr), and the checker itself catches a planted call, names it FILE:LINE,
# and lets comments, strings and look-alike names through.
. "$TESTS_DIR/sh/lib.sh"
cd "$TESTS_DIR/.." || exit 1
B="sh tests/tools/banned.sh"

out=$($B 2>&1); rc=$?
check_eq "no banned call in the tree" "$rc" 0
check_eq "no banned call listed" "$out" ""
files=$($B --list)
check_contains "checks tests/check.h" "$files" "tests/check.h"
for d in src include tests/unit tests/tools tests/bench tests/fuzz; do
	n=$(find "$d" -type f -name '*.[ch]' | wc -l | tr -d ' ')
	check_eq "checks the $n C files of $d" "$(printf '%s\n' "$files" | grep -c "^$d/")" "$n"
	[ "$n" -gt 0 ] || fail "$d has no C file"
done

mkdir -p "$TMP/tree/sub"
P="$TMP/tree/sub/planted.c"
cat >"$P" <<'C'
#include <string.h>
static void f(char *d, const char *s) { strcpy(d, s); }
int g(const char *s) { return atoi (s); }
/* sprintf(buf, "x") in a comment */
const char *t = "strcat(a, b) \" strcat(";
char q = '"'; int k = atol(t);
void h(char *b) { snprintf(b, 1, "x"); my_strcpy(b); fgets(b, 1, 0); strtok_rx(b); x.atoix(1); }
void i(char *s) { char *save; strtok_r(s, ",", &save); gets(s); }
/* starts here
   strncpy(a, b, 1)
 */ sprintf(b, "x"); // vsprintf(b)
int j = sizeof strtok; char c = '\''; int m = atoll(t);
C
out=$($B "$TMP/tree" 2>&1); rc=$?
check_eq "planted calls: exit" "$rc" 1
check_eq "planted calls: FILE:LINE and name of each, nothing else" "$(printf '%s\n' "$out" | cut -d' ' -f1-2)" \
"$P:2: strcpy()
$P:3: atoi()
$P:6: atol()
$P:8: strtok_r()
$P:8: gets()
$P:11: sprintf()
$P:12: atoll()"
check_contains "the line is shown" "$out" "$P:2: strcpy() is banned: static void f(char *d, const char *s) { strcpy(d, s); }"
for name in sprintf vsprintf strcpy strcat strncpy strtok strtok_r atoi atol atoll gets cJSON_GetErrorPtr; do
	printf 'void x(void)\n{\n\t(void)%s(a, b);\n}\n' "$name" >"$TMP/one.c"
	check_eq "$name is caught" "$($B "$TMP/one.c")" "$TMP/one.c:3: $name() is banned: 	(void)$name(a, b);"
done
$B "$TMP/no-such-file.c" >/dev/null 2>&1
check_eq "a missing path is an error" $? 2
summary
