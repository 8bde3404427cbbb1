#!/bin/sh
# run.sh FUZZ_BUILD NAME: runs the libFuzzer harness FUZZ_BUILD/fuzz/fuzz_NAME
# (built by `make fuzz` from tests/fuzz/fuzz_NAME.c) for $FUZZ_SECONDS
# (default 60) on the working corpus FUZZ_BUILD/corpus/NAME: the seeds of
# tests/fuzz/corpus/NAME/, plus what tests/fuzz/fuzz_NAME.sh CORPUS copies
# when that script exists, plus what earlier runs found.  A crash, leak or
# broken promise leaves FUZZ_BUILD/crash-NAME-* (or leak-, timeout-) and
# fails; the log is FUZZ_BUILD/fuzz_NAME.log.  Run from the top of the tree.
set -eu
B=$1 NAME=$2 SECS=${FUZZ_SECONDS:-60}
BIN="$B/fuzz/fuzz_$NAME" C="$B/corpus/$NAME" LOG="$B/fuzz_$NAME.log"
mkdir -p "$C"
if [ -d "tests/fuzz/corpus/$NAME" ]; then cp "tests/fuzz/corpus/$NAME"/* "$C/"; fi
if [ -f "tests/fuzz/fuzz_$NAME.sh" ]; then sh "tests/fuzz/fuzz_$NAME.sh" "$C"; fi
seeds=$(ls "$C" | wc -l | tr -d ' ')
echo "fuzz_$NAME: $SECS s on $seeds inputs ($C)"
if "$BIN" -max_total_time="$SECS" -max_len=65536 -timeout=10 -print_final_stats=1 \
	-artifact_prefix="$B/" "$C" >"$LOG" 2>&1; then rc=0; else rc=$?; fi
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$LOG")
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$LOG")
cov=$(grep -E '^#[0-9]+' "$LOG" | tail -n 1 | sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p')
if [ "$rc" != 0 ]; then
	tail -n 40 "$LOG"
	echo "fuzz_$NAME: FAILED (exit $rc) after ${runs:-?} runs: see $LOG and $B/crash-* $B/leak-* $B/timeout-*"
	exit 1
fi
echo "fuzz_$NAME: ${runs:-?} runs in $SECS s (${speed:-?}/s), $cov, no crash"
