#!/bin/bash
# Benchmark of issue 7: the annual report of a generated plan of 10 000
# tasks (bench/gen_plan.py) with 100 000 realisation entries.
#
#   bench/monitoring.sh BUILD_DIR     (e.g. bench/monitoring.sh build)
#
# The plan is imported into a demo database; the entries are generated
# by bench/gen_entries.sh (four quarters for every indicator, then those
# of budget lines by source, up to ENTRIES), as the store would hold
# them. Then `rodzina report annual --plan ID --format F -o FILE` runs
# RUNS times per format (html, json, xlsx, pdf) and the median, min and
# max wall time are printed (date +%s%N, no shell in between). The times
# include opening the database, loading and checking the plan and
# building the report. Goals: html and json under 1 s, pdf under 3 s.
# Env: TASKS (10000), ENTRIES (100000), RUNS (5).
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
bench_binary monitoring "$@"
TASKS=${TASKS:-10000}
ENTRIES=${ENTRIES:-100000}
RUNS=${RUNS:-5}
for tool in sqlite3 python3; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }
done
tmp=$(mktemp -d /tmp/rodzina-monitoring-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

"$bin" init --db "$tmp/b.db" --demo >/dev/null 2>&1
python3 "$here/gen_plan.py" "$TASKS" >"$tmp/plan.txt"
id=$("$bin" import plan "$tmp/plan.txt" --db "$tmp/b.db" --region 04 \
     2>/dev/null | tail -n 1)
"$here/gen_entries.sh" "$tmp/b.db" "$id" "$ENTRIES"
n=$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM realisation WHERE plan_id = $id")
tasks=$(sqlite3 "$tmp/b.db" "SELECT count(*) FROM plan_task WHERE plan_id = $id")
echo "plan $id: $tasks tasks, $n realisation entries"

for f in json html xlsx pdf; do
    times=()
    for ((k = 0; k < RUNS; k++)); do
        t0=$(date +%s%N)
        "$bin" report annual --plan "$id" --format "$f" -o "$tmp/r.$f" \
            --db "$tmp/b.db" 2>/dev/null
        t1=$(date +%s%N)
        times+=($(( (t1 - t0) / 1000000 )))
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -n))
    size=$(stat -c %s "$tmp/r.$f")
    echo "report $f: median ${sorted[$((RUNS / 2))]} ms (min ${sorted[0]}," \
         "max ${sorted[$((RUNS - 1))]}; $RUNS runs; $size bytes)"
done
if command -v pdfinfo >/dev/null; then
    echo "pdf: $(pdfinfo "$tmp/r.pdf" | awk '/^Pages/ {print $2}') pages"
fi
