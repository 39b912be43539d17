#!/usr/bin/env bash
# A 20-second libFuzzer run of the HTTP form parser (tests/fuzz/run_http.sh)
# in the build folder given as $1; the ten-minute run is bench/fuzz.sh.
# Prints `ok fuzz_http_form` or `FAIL fuzz_http_form: why` and the crash's
# log.
set -u
B=${1:-build-test}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$B/fuzz-http"
case "$out" in /*) ;; *) out="$top/$out" ;; esac
log=$(mktemp)
if FUZZ_OUT="$out" bash "$top/tests/fuzz/run_http.sh" 20 >"$log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" |
           grep -o '[0-9]*$')
    echo "ok fuzz_http_form (${runs:-?} inputs in 20 s)"
    rm -f "$log"
    exit 0
fi
echo "FAIL fuzz_http_form: see the crash input in $out"
grep -E 'ERROR|SUMMARY|runtime error|crash-|leak-|timeout-|oom-|fuzz:' "$log" |
    head -n 20
rm -f "$log"
exit 1
