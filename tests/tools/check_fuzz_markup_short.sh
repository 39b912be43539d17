#!/usr/bin/env bash
# A 20-second libFuzzer run of the forum markup (tests/fuzz/run_markup.sh,
# issue 19) in the build folder given as $1 (tests/tools/fuzz_short.sh).
exec bash "$(dirname "$0")/fuzz_short.sh" fuzz_markup run_markup.sh fuzz-markup "${1:-build-test}"
