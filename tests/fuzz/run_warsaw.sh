#!/usr/bin/env bash
# tests/fuzz/run_warsaw.sh SECONDS: build the libFuzzer target of
# warsaw_local (core/warsaw.c, issue 19) with clang from the sources it
# needs, then fuzz for SECONDS (default 60) from two stored times; corpus
# and any crash-* in $FUZZ_OUT (default build-bench/fuzz-warsaw/). Exit
# status 0 when the run was clean.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$top/build-bench/fuzz-warsaw}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang || echo none)}
[ "$cc" != none ] || {
    echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
}
mkdir -p "$out/corpus"
printf '2026-12-03T13:05:09Z' >"$out/corpus/seed-stamp"
printf '2026-10-25T00:59:59.123Z' >"$out/corpus/seed-summer-end"
"$cc" -std=c17 -g -O1 -D_GNU_SOURCE -I "$top/src" -o "$out/fuzz_warsaw" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$top/tests/fuzz/fuzz_warsaw.c" "$top/src/core/warsaw.c" \
    "$top/src/core/arena.c" "$top/src/core/log.c"
ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    exec "$out/fuzz_warsaw" "$out/corpus" -max_total_time="${1:-60}" \
    -max_len=64 -timeout=10 -rss_limit_mb=512 -print_final_stats=1 \
    -artifact_prefix="$out/"
