#!/bin/sh
# banned.sh [--list] [FILE|DIR...]: lists, as FILE:LINE, every call of a banned
# function in the C sources, and fails if there is one.  Banned (DESIGN.md,
# after curl): the unbounded or unchecked sprintf, vsprintf, strcpy, strcat,
# strncpy (no terminating NUL), qsort (NULL with n == 0 is undefined: use
# pst_sort), strtok and strtok_r (hidden state, edits its
# input), atoi, atol, atoll (no error report), gets, and cJSON_GetErrorPtr
# (one global for every thread: each parse in the reader pool writes it,
# so what it returns may be another thread's; the parse's return_parse_end
# is the caller's own).  Allowed: snprintf,
# vsnprintf and the project's own helpers; a line that says "banned.sh: allowed"
# (pst_sort's own qsort) is left out.  A call is the whole identifier
# followed by '(' (spaces allowed), in code: comments, strings and character
# literals are left out.  Without arguments it checks src/, include/ and the C
# files of tests/ (unit, tools, bench, fuzz and check.h); run from the top of
# the tree.  --list prints the files it would check.  Exit 0 clean, 1 found,
# 2 on a missing path.
BANNED='qsort|sprintf|vsprintf|strcpy|strcat|strncpy|strtok|strtok_r|atoi|atol|atoll|gets|cJSON_GetErrorPtr'
list=""
[ "${1:-}" = --list ] && { list=1; shift; }
[ $# -gt 0 ] || set -- src include tests/check.h tests/unit tests/tools tests/bench tests/fuzz
files=$(for p in "$@"; do
	if [ -d "$p" ]; then find "$p" -type f -name '*.[ch]'
	elif [ -f "$p" ]; then echo "$p"
	else echo "banned.sh: $p: no such file or folder" >&2; echo "//missing"; fi
done | sort)
case $files in *//missing*) exit 2;; esac
if [ -n "$list" ]; then printf '%s\n' "$files"; exit 0; fi
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
printf '%s\n' "$files" | while IFS= read -r f; do
	awk -v file="$f" -v banned="$BANNED" '
	BEGIN { incomment = 0; re = "(^|[^A-Za-z0-9_])(" banned ")[ \t]*\\(" }
	index($0, "banned.sh: allowed") { next }
	{
		line = $0; code = ""; i = 1; n = length(line)
		while (i <= n) {
			c = substr(line, i, 1); c2 = substr(line, i, 2)
			if (incomment) {
				if (c2 == "*/") { incomment = 0; i += 2 } else i++
				code = code " "; continue
			}
			if (c2 == "/*") { incomment = 1; i += 2; code = code "  "; continue }
			if (c2 == "//") break
			if (c == "\"" || c == "\047") {
				q = c; i++
				while (i <= n && substr(line, i, 1) != q) i += substr(line, i, 1) == "\\" ? 2 : 1
				i++; code = code q q; continue
			}
			code = code c; i++
		}
		while (match(code, re)) {
			name = substr(code, RSTART, RLENGTH); code = substr(code, RSTART + RLENGTH)
			sub(/^[^A-Za-z_]/, "", name); sub(/[ \t]*\($/, "", name)
			printf "%s:%d: %s() is banned: %s\n", file, FNR, name, line
		}
	}' "$f"
done | { found=$(cat); [ -z "$found" ] && exit 0; printf '%s\n' "$found"; exit 1; }
