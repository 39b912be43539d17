#!/usr/bin/env bash
# tests/fuzz/run_form_marks.sh SECONDS: build the libFuzzer target of the
# error summaries' marking (html/form.c, issue 20) with clang from the
# sources it needs, then fuzz for SECONDS; corpus and any crash-* in
# $FUZZ_OUT (default build-bench/fuzz-form-marks/). Exit status 0 when the
# run was clean.
set -eu
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-$top/build-bench/fuzz-form-marks}
cc=${CC_FUZZ:-$(command -v clang-14 || command -v clang || true)}
if [ -z "$cc" ]; then
    echo "fuzz: clang not found (apt-get install clang-14 libclang-rt-14-dev)" >&2
    exit 2
fi
mkdir -p "$out/corpus"
src="$top/src"
# a page with a summary and fields to start from
printf '%s' '<div class="errors" role="alert"><ul>
<li>Title: x</li>
<li>Pole „Year”: y</li>
<li>pole „org”: z</li>
<li>Term: t</li>
</ul></div>
<p><label for="f-title">Title (a)</label><input id="f-title" aria-describedby="h"></p>
<select id="f-org"></select><label for="f-y">Year</label><textarea id="f-y"></textarea>
<fieldset><legend>Term</legend><input id="a"><input type="hidden" id="b"></fieldset>' \
    >"$out/corpus/seed-page"
"$cc" -std=c17 -g -O1 -D_GNU_SOURCE -I "$src" \
    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    "$top/tests/fuzz/fuzz_form_marks.c" "$src/html/form.c" "$src/html/html.c" \
    "$src/core/arena.c" "$src/core/buf.c" "$src/core/str.c" \
    "$src/core/log.c" \
    $(pkg-config --libs libxxhash) \
    -o "$out/fuzz_form_marks"
export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
exec "$out/fuzz_form_marks" "$out/corpus" \
    -max_total_time="$secs" -max_len=40000 -timeout=10 -rss_limit_mb=512 \
    -print_final_stats=1 -artifact_prefix="$out/"
