#!/bin/sh
# check_samples.sh [OUT]: regenerates the sample estate with estate-gen (its
# default options, as `make samples`) into OUT (default: a temporary folder,
# removed after) and fails, with a summary of the differences, when it is not
# byte for byte the committed $SAMPLES (default samples/estate).  Run from the
# top of the tree; $ESTATE_GEN defaults to ${BUILD:-build}/estate-gen.
# Exit 0 same, 1 different, 2 when estate-gen fails.
SAMPLES=${SAMPLES:-samples/estate}
ESTATE_GEN=${ESTATE_GEN:-${BUILD:-build}/estate-gen}
if [ -n "${1:-}" ]; then OUT=$1; rm -rf "$OUT"; tmp=""
else tmp=$(mktemp -d); OUT="$tmp/estate"; fi
trap '[ -n "$tmp" ] && rm -rf "$tmp"' EXIT
if ! "$ESTATE_GEN" --out "$OUT" >"$OUT.log" 2>&1; then
	echo "check_samples: $ESTATE_GEN --out $OUT failed:"; cat "$OUT.log"; rm -f "$OUT.log"; exit 2
fi
rm -f "$OUT.log"
diff -rq "$SAMPLES" "$OUT" >"$OUT.diff" 2>&1 && { rm -f "$OUT.diff"; exit 0; }
changed=$(grep -c '^Files .* differ$' "$OUT.diff")
gone=$(grep -c "^Only in $SAMPLES" "$OUT.diff")
new=$(grep -c "^Only in $OUT" "$OUT.diff")
echo "check_samples: $SAMPLES is not what $ESTATE_GEN makes now: $changed files differ," \
	"$gone only in $SAMPLES, $new only in the new estate (make samples regenerates it; review the diff):"
sed -e "s|$OUT|NEW|g" -e 's/^/  /' "$OUT.diff" | head -n 20
[ "$(wc -l <"$OUT.diff")" -gt 20 ] && echo "  ..."
rm -f "$OUT.diff"
exit 1
