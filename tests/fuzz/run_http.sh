#!/usr/bin/env bash
# tests/fuzz/run_http.sh SECONDS: build the libFuzzer target of the HTTP
# form parser (tests/fuzz/fuzz_http_form.c: Content-Type and boundary,
# URL-encoded and multipart bodies) with clang, then fuzz for SECONDS on a
# corpus seeded from tests/fuzz/seeds_http. The corpus grows in
# $FUZZ_OUT/corpus (default build-bench/fuzz-http/, ignored by git) and is
# kept between runs; a crashing input is written there as crash-* (or
# leak-*, timeout-*, oom-*). Exit status 0 when the run was clean.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$top/build-bench/fuzz-http}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$cc" ]; then
    echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
fi
mkdir -p "$out/corpus" "$out/seeds"
cp "$top"/tests/fuzz/seeds_http/* "$out/seeds/"
src="$top/src"
"$cc" -std=c17 -g -O1 -D_GNU_SOURCE -I "$src" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$top/tests/fuzz/fuzz_http_form.c" "$src/http/form.c" \
    "$src/core/arena.c" "$src/core/buf.c" "$src/core/str.c" "$src/core/log.c" \
    $(pkg-config --libs libxxhash) \
    -o "$out/fuzz_http_form"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec "$out/fuzz_http_form" "$out/corpus" "$out/seeds" \
    -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=512 \
    -print_final_stats=1 -artifact_prefix="$out/"
