#!/usr/bin/env bash
# A 20-second libFuzzer run of the HTTP form parser (tests/fuzz/run_http.sh)
# in the build folder given as $1 (tests/tools/fuzz_short.sh).
exec bash "$(dirname "$0")/fuzz_short.sh" fuzz_http_form run_http.sh fuzz-http "${1:-build-test}"
