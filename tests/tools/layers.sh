#!/bin/sh
# layers.sh: every #include of src/ and include/posture/ goes down the layers
# of README's Development section, never up or sideways:
#
#   main -> cli, cmd;  cmd -> pipeline, render/*;  pipeline -> ingest, analysis/*
#   analysis/review -> analysis/score -> analysis/diff -> analysis/teams -> model
#   ingest -> model;  render/pdf, render/xlsx, render/text -> model;  model -> util
#   gen (estate-gen and the Avro capture writer) -> ingest (its Avro layer too)
#
# A header include/posture/X.h belongs to the folder named X, else to the
# folder of its sources src/**/X.c or X_*.c (header names match their
# sources: a header that belongs nowhere, or to two folders, fails too).
# A quoted include without "posture/" is a private header of the including
# folder and must resolve inside it.  Ends with "N passed, N failed".
#
#   layers.sh [--inner ROOT]   (--inner: check ROOT only, without the self-test)
self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
if [ "$1" = --inner ]; then
	cd "$2" || exit 1
	inner=1
else
	cd "$(dirname "$0")/../.." || exit 1
	inner=""
fi

# unit PATH: the layer of a file under src/
unit_of_src() {
	p=${1#src/}
	case $p in
	analysis/*/* | render/*/*) echo "$p" | cut -d/ -f1-2 ;;
	*/*) echo "${p%%/*}" ;;
	*) p=${p%.*}; echo "$p" ;;
	esac
}

# unit of include/posture/NAME.h ("" when none, "?" when ambiguous): the
# folder of src/**/NAME.c, else of src/**/NAME_*.c, else the folder NAME
# (src/cmd, whose files are named after the commands, is left out)
unit_of_header() {
	name=$1
	dirs=$(src_dirs -name "$name.c")
	[ -n "$dirs" ] || dirs=$(src_dirs -name "${name}_*.c")
	[ -n "$dirs" ] || dirs=$(find src -type d -name "$name" | sed 's|$|/x.c|')
	units=$(for d in $dirs; do unit_of_src "$d"; done | sort -u)
	case $(printf '%s\n' "$units" | grep -c .) in
	0) echo "" ;;
	1) echo "$units" ;;
	*) echo "?" ;;
	esac
}

# src_dirs FIND-ARGS: the files found, as DIR/x.c (one per folder)
src_dirs() {
	find src "$@" ! -path 'src/cmd/*' | while read -r f; do
		d=$(dirname "$f")
		if [ "$d" = src ]; then echo "$f"; else echo "$d/x.c"; fi
	done | sort -u
}

# allowed FROM TO: may a file of unit FROM include one of unit TO?
allowed() {
	[ "$1" = "$2" ] && return 0
	case "$1:$2" in
	*:util) return 0 ;;
	util:*) return 1 ;;
	*:model) return 0 ;;
	model:*) return 1 ;;
	ingest:*) return 1 ;;
	analysis/diff:analysis/teams) return 0 ;;
	analysis/score:analysis/diff | analysis/score:analysis/teams) return 0 ;;
	analysis/review:analysis/*) return 0 ;;
	analysis/*:*) return 1 ;;
	render/*:*) return 1 ;;
	pipeline:ingest | pipeline:analysis/*) return 0 ;;
	cli:render/text) return 0 ;;
	cmd:pipeline | cmd:render/* | cmd:cli) return 0 ;;
	main:cli | main:cmd) return 0 ;;
	gen:ingest) return 0 ;;
	esac
	return 1
}

T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
passed=0 failed=0
bad() { failed=$((failed + 1)); echo "FAIL $*"; }

# every public header belongs to exactly one folder
for h in include/posture/*.h; do
	n=$(basename "$h" .h)
	u=$(unit_of_header "$n")
	case $u in
	"") bad "$h: no src/**/$n.c, ${n}_*.c or folder $n: name it after its sources" ;;
	"?") bad "$h: sources named $n in two folders" ;;
	*) passed=$((passed + 1)); echo "$n $u" >>"$T/headers" ;;
	esac
done

check_file() { # FILE UNIT
	f=$1 from=$2
	grep -n '^#include "' "$f" | sed 's/^\([0-9]*\):#include "\([^"]*\)".*/\1 \2/' >"$T/inc"
	while read -r line inc; do
		case $inc in
		posture/*.h)
			n=${inc#posture/}; n=${n%.h}
			to=$(awk -v n="$n" '$1 == n { print $2 }' "$T/headers")
			[ -n "$to" ] || { bad "$f:$line: includes $inc, which belongs to no folder"; continue; } ;;
		*)
			r=$(realpath -m --relative-to=. "$(dirname "$f")/$inc")
			case $r in
			src/*) to=$(unit_of_src "$r") ;;
			*) bad "$f:$line: includes $inc outside src/"; continue ;;
			esac
			if [ "$to" != "$from" ] && ! { [ "$from" = gen ] && [ "$to" = ingest ]; }; then
				bad "$f:$line: private header $inc of $to included from $from"
				continue
			fi ;;
		esac
		if allowed "$from" "$to"; then
			passed=$((passed + 1))
		else
			bad "$f:$line: $from includes $inc ($to): against the layers"
		fi
	done <"$T/inc"
}

for f in $(find src -name '*.[ch]' | sort); do
	check_file "$f" "$(unit_of_src "$f")"
done
for h in include/posture/*.h; do
	n=$(basename "$h" .h)
	u=$(awk -v n="$n" '$1 == n { print $2 }' "$T/headers")
	[ -n "$u" ] && check_file "$h" "$u"
done

# the check itself catches an include against the order, and a private
# header reached across folders
if [ -z "$inner" ]; then
	F=$T/fake
	mkdir -p "$F/src/model" "$F/src/analysis/diff" "$F/src/render/pdf" "$F/include/posture"
	printf '#include "posture/diff.h"\n' >"$F/src/model/estate.c"
	printf '#include "diff_int.h"\n' >"$F/src/analysis/diff/diff.c"
	printf '#include "../../analysis/diff/diff_int.h"\n' >"$F/src/render/pdf/pack_pdf.c"
	: >"$F/src/analysis/diff/diff_int.h"
	: >"$F/include/posture/diff.h"
	sh "$self" --inner "$F" >"$T/self.out" 2>&1 && bad "self-test: a bad tree passed"
	for want in "src/model/estate.c:1: model includes posture/diff.h (analysis/diff): against the layers" \
		"src/render/pdf/pack_pdf.c:1: private header ../../analysis/diff/diff_int.h of analysis/diff"; do
		if grep -qF "$want" "$T/self.out"; then passed=$((passed + 1)); else bad "self-test: no '$want'"; fi
	done
fi
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
