#!/usr/bin/env bash
# A 20-second libFuzzer run of the plan reader (tests/fuzz/run.sh) in the
# build folder given as $1 (tests/tools/fuzz_short.sh).
exec bash "$(dirname "$0")/fuzz_short.sh" fuzz_plan_read run.sh fuzz "${1:-build-test}"
