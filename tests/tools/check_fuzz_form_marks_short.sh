#!/usr/bin/env bash
# A 20-second libFuzzer run of the error summaries' marking
# (tests/fuzz/run_form_marks.sh,
# issue 20) in the build folder given as $1; the ten-minute run is
# bench/fuzz.sh.
# Prints `ok fuzz_form_marks` or `FAIL fuzz_form_marks: why` and the crash's
# log.
set -u
B=${1:-build-test}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$B/fuzz-form-marks"
case "$out" in /*) ;; *) out="$top/$out" ;; esac
log=$(mktemp)
if FUZZ_OUT="$out" bash "$top/tests/fuzz/run_form_marks.sh" 20 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
           grep -o '[0-9]*$')
    echo "ok fuzz_form_marks (${runs:-?} inputs in 20 s)"
    rm -f "$log"
    exit 0
fi
echo "FAIL fuzz_form_marks: see the crash input in $out"
grep -E 'ERROR|SUMMARY|runtime error|crash-|leak-|timeout-|oom-|fuzz:' "$log" |
    head -n 20
rm -f "$log"
exit 1
