#!/usr/bin/env bash
# A 20-second libFuzzer run of warsaw_local (tests/fuzz/run_warsaw.sh,
# issue 19) in the build folder given as $1 (tests/tools/fuzz_short.sh).
exec bash "$(dirname "$0")/fuzz_short.sh" fuzz_warsaw run_warsaw.sh fuzz-warsaw "${1:-build-test}"
