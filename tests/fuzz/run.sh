#!/usr/bin/env bash
# tests/fuzz/run.sh SECONDS: build the libFuzzer target of the plan reader
# with clang (-fsanitize=fuzzer,address,undefined) from the sources it
# needs, then fuzz for SECONDS on a corpus seeded from data/seeds,
# tests/fixtures/plans and tests/fuzz/seeds_plan (formula sheets). The corpus grows in $FUZZ_OUT/corpus (default
# build-bench/fuzz/, ignored by git) and is kept between runs; a crashing input is written there
# as crash-* (or leak-*, timeout-*). Exit status 0 when the run was clean.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$top/build-bench/fuzz}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$cc" ]; then
    echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
fi
mkdir -p "$out/corpus" "$out/seeds"
cp "$top"/data/seeds/* "$top"/tests/fuzz/seeds_plan/* "$out/seeds/"
for f in "$top"/tests/fixtures/plans/*; do
    case "$f" in *.py | *.json) ;; *) cp "$f" "$out/seeds/" ;; esac
done
src="$top/src"
# shellcheck disable=SC2046
"$cc" -std=c17 -g -O1 -D_GNU_SOURCE -I "$src" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$top/tests/fuzz/fuzz_plan_read.c" \
    "$src"/plan/plan_read*.c "$src/plan/plan_model.c" \
    "$src/plan/plan_num.c" "$src/plan/plan_check.c" \
    "$src/plan/plan_json.c" "$src/plan/plan_xlsx.c" \
    "$src/plan/plan_office.c" "$src/plan/plan_ods.c" \
    "$src/plan/plan_docx.c" \
    "$src/core/arena.c" "$src/core/buf.c" "$src/core/str.c" \
    "$src/core/json.c" "$src/core/log.c" "$src/core/csv.c" \
    $(pkg-config --cflags --libs libzip expat libxxhash) \
    -o "$out/fuzz_plan_read"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec "$out/fuzz_plan_read" "$out/corpus" "$out/seeds" \
    -max_total_time="$secs" -max_len=131072 -timeout=10 -rss_limit_mb=512 \
    -print_final_stats=1 -artifact_prefix="$out/"
