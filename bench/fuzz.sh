#!/usr/bin/env bash
# bench/fuzz.sh [SECONDS]: the long libFuzzer runs of the plan reader,
# the HTTP form parser, the forum markup (issue 19), the error summaries'
# marking of html/form.c (issue 20), the contact CSV reader of
# `rodzina helpline import` (issue 21) and the reading of stored times as
# Warsaw's (core/warsaw.c, issue 19) (default 600 s = 10
# minutes each; issues 3 and 11 ask for a clean 10 minutes). The corpora
# and any crash-* input stay in build-bench/fuzz/, build-bench/fuzz-http/
# and build-bench/fuzz-markup/, the whole logs in build-bench/fuzz.log,
# fuzz-http.log and fuzz-markup.log. libFuzzer runs with
# -rss_limit_mb=512 (issue 11: a reader whose memory is not linear in its
# input fails the run). Not part of CI: the test suite runs 20 s of each
# (tests/tools/check_fuzz_short.sh, check_fuzz_http_short.sh,
# check_fuzz_markup_short.sh, check_fuzz_helpline_short.sh,
# check_fuzz_warsaw_short.sh).
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
secs=${1:-600}
mkdir -p "$top/build-bench"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run.sh" "$secs" >"$top/build-bench/fuzz.log" 2>&1
status=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz.log"
echo "fuzz: started $start, ${secs} s, exit status $status (log build-bench/fuzz.log)"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run_http.sh" "$secs" >"$top/build-bench/fuzz-http.log" 2>&1
status_http=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz-http.log"
echo "fuzz-http: started $start, ${secs} s, exit status $status_http (log build-bench/fuzz-http.log)"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run_markup.sh" "$secs" >"$top/build-bench/fuzz-markup.log" 2>&1
status_markup=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz-markup.log"
echo "fuzz-markup: started $start, ${secs} s, exit status $status_markup (log build-bench/fuzz-markup.log)"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run_form_marks.sh" "$secs" >"$top/build-bench/fuzz-form-marks.log" 2>&1
status_marks=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz-form-marks.log"
echo "fuzz-form-marks: started $start, ${secs} s, exit status $status_marks (log build-bench/fuzz-form-marks.log)"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run_helpline.sh" "$secs" >"$top/build-bench/fuzz-helpline.log" 2>&1
status_helpline=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz-helpline.log"
echo "fuzz-helpline: started $start, ${secs} s, exit status $status_helpline (log build-bench/fuzz-helpline.log)"
start=$(date -u +%Y-%m-%dT%H:%M:%SZ)
bash "$top/tests/fuzz/run_warsaw.sh" "$secs" >"$top/build-bench/fuzz-warsaw.log" 2>&1
status_warsaw=$?
grep -E '^(#[0-9]+ +DONE|stat::|==[0-9]+==ERROR|SUMMARY)' "$top/build-bench/fuzz-warsaw.log"
echo "fuzz-warsaw: started $start, ${secs} s, exit status $status_warsaw (log build-bench/fuzz-warsaw.log)"
[ "$status" -eq 0 ] && [ "$status_http" -eq 0 ] && [ "$status_markup" -eq 0 ] &&
    [ "$status_marks" -eq 0 ] && [ "$status_helpline" -eq 0 ] &&
    [ "$status_warsaw" -eq 0 ]
