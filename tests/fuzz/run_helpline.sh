#!/usr/bin/env bash
# tests/fuzz/run_helpline.sh SECONDS: build the libFuzzer target of the
# contact CSV reader of `rodzina helpline import` (issue 21) with clang from
# the sources it needs, then fuzz for SECONDS; corpus and any crash-* in
# $FUZZ_OUT (default build-bench/fuzz-helpline/), seeded with
# tests/fuzz/seeds_helpline. Exit status 0 when the run was clean.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$top/build-bench/fuzz-helpline}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$cc" ]; then
    echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
fi
mkdir -p "$out/corpus"
cp -n "$top/tests/fuzz/seeds_helpline/"* "$out/corpus/" 2>/dev/null || true
src="$top/src"
"$cc" -std=c17 -g -O1 -D_GNU_SOURCE -I "$src" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$top/tests/fuzz/fuzz_helpline_csv.c" "$src/helpline/helpline_csv.c" \
    "$src/helpline/helpline_codes.c" "$src/core/csv.c" "$src/core/arena.c" \
    "$src/core/buf.c" "$src/core/str.c" "$src/core/log.c" \
    $(pkg-config --libs libxxhash) \
    -o "$out/fuzz_helpline_csv"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec "$out/fuzz_helpline_csv" "$out/corpus" \
    -max_total_time="$secs" -max_len=20000 -timeout=10 -rss_limit_mb=512 \
    -print_final_stats=1 -artifact_prefix="$out/"
