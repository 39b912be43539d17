#!/usr/bin/env bash
# A 20-second libFuzzer run of the contact CSV reader
# (tests/fuzz/run_helpline.sh, issue 21) in the build folder given as $1; the ten-minute run is
# bench/fuzz.sh.
# Prints `ok fuzz_helpline` or `FAIL fuzz_helpline: why` and the crash's
# log.
set -u
B=${1:-build-test}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$B/fuzz-helpline"
case "$out" in /*) ;; *) out="$top/$out" ;; esac
log=$(mktemp)
if FUZZ_OUT="$out" bash "$top/tests/fuzz/run_helpline.sh" 20 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
           grep -o '[0-9]*$')
    echo "ok fuzz_helpline (${runs:-?} inputs in 20 s)"
    rm -f "$log"
    exit 0
fi
echo "FAIL fuzz_helpline: see the crash input in $out"
grep -E 'ERROR|SUMMARY|runtime error|crash-|leak-|timeout-|oom-|fuzz:' "$log" |
    head -n 20
rm -f "$log"
exit 1
