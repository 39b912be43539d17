#!/usr/bin/env bash
# The 20-second libFuzzer runs of the suite, one target each:
#   tests/tools/fuzz_short.sh NAME RUNNER OUT [BUILD_DIR]
# runs tests/fuzz/RUNNER for 20 s with its corpus in BUILD_DIR/OUT
# (BUILD_DIR default build-test); the ten-minute runs are bench/fuzz.sh.
# Prints `ok NAME (N inputs in 20 s)`, or `FAIL NAME: ...` and the lines
# of the log that say why (exit 1). check_fuzz_short.sh,
# check_fuzz_http_short.sh and check_fuzz_markup_short.sh name the targets.
set -u
name=$1 runner=$2
B=${4:-build-test}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$B/$3"
case "$out" in /*) ;; *) out="$top/$out" ;; esac
log=$(mktemp)
if FUZZ_OUT="$out" bash "$top/tests/fuzz/$runner" 20 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
           grep -o '[0-9]*$')
    echo "ok $name (${runs:-?} inputs in 20 s)"
    rm -f "$log"
    exit 0
fi
echo "FAIL $name: see the crash input in $out"
grep -E 'ERROR|SUMMARY|runtime error|crash-|leak-|timeout-|oom-|fuzz:' "$log" |
    head -n 20
rm -f "$log"
exit 1
