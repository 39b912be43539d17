#!/bin/bash
# Benchmark of issue 3 with a generated plan of 10 000 tasks
# (bench/gen_plan.py): `rodzina check`, `rodzina import plan` into a copy
# of a demo database, and the public plan page /plany/ID under wrk.
#
#   bench/plan.sh BUILD_DIR        (e.g. bench/plan.sh build: release)
#
# check and import: hyperfine (3 warm-ups, 10 runs; the import's database
# is copied fresh before each run) when installed, else the median of 5
# runs timed with date +%s%N; both without a shell in between. The page: the plan is imported and published
# (UPDATE plan SET published = 1 through the sqlite3 shell: the page is
# public only then), `rodzina serve` on loopback port BASE_PORT (or PORT;
# default: a free one), wrk -t2 -c64
# --latency --timeout 30s for 8 s after 5 single requests (their median
# is the latency of one request alone). Goals: check and import under 1 s,
# the page's p99 under 50 ms. Env: TASKS (10000), DURATION (8s).
# Prints the figures and writes them with the machine to
# bench/results/plan.md (not committed).
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
    echo "usage: bench/plan.sh BUILD_DIR" >&2
    exit 2
fi
bin=$(cd "$1" 2>/dev/null && pwd)/rodzina
if [ ! -x "$bin" ]; then
    echo "bench: no executable $1/rodzina (build it first: make)" >&2
    exit 2
fi
TASKS=${TASKS:-10000}
DURATION=${DURATION:-8s}
for tool in wrk sqlite3 curl python3; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }
done

tmp=$(mktemp -d /tmp/rodzina-plan-bench.XXXXXX)
rz_pid=
cleanup() {
    if [ -n "$rz_pid" ] && kill -0 "$rz_pid" 2>/dev/null; then
        kill -TERM "$rz_pid" 2>/dev/null || true
        wait "$rz_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

load=$(cut -d' ' -f1-3 /proc/loadavg)
python3 "$here/gen_plan.py" "$TASKS" >"$tmp/plan.txt"
"$bin" init --db "$tmp/base.db" --demo >/dev/null 2>"$tmp/init.log"
size=$(wc -c <"$tmp/plan.txt")
summary=$("$bin" check "$tmp/plan.txt" | grep -E '^(goals|total|findings)')
echo "plan: $TASKS tasks, $size bytes"
echo "$summary"

# median and mean of a command's wall time in ms, 5 or 10 runs
time_it() { # time_it NAME PREPARE CMD
    local name=$1 prep=$2 cmd=$3
    if command -v hyperfine >/dev/null; then
        hyperfine -N --warmup 3 --runs 10 --prepare "$prep" \
            --export-json "$tmp/$name.json" "$cmd" >/dev/null 2>&1
        python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]
print("%.0f %.0f %.0f %.0f" % (r["median"]*1000, r["mean"]*1000, r["min"]*1000, r["max"]*1000))' \
            "$tmp/$name.json"
    else
        local t=()
        for _ in 1 2 3 4 5; do
            bash -c "$prep"
            local s e
            s=$(date +%s%N)
            bash -c "$cmd" >/dev/null 2>&1
            e=$(date +%s%N)
            t+=($(((e - s) / 1000000)))
        done
        printf '%s\n' "${t[@]}" | sort -n | awk '{a[NR]=$1; s+=$1}
            END {printf "%d %d %d %d\n", a[3], s/NR, a[1], a[NR]}'
    fi
}
tool=$(command -v hyperfine >/dev/null && echo "hyperfine, 10 runs" ||
       echo "date +%s%N, 5 runs")
read -r ck_med ck_mean ck_min ck_max < <(time_it check "true" \
    "$bin check $tmp/plan.txt")
read -r im_med im_mean im_min im_max < <(time_it import \
    "cp $tmp/base.db $tmp/run.db" \
    "$bin import plan $tmp/plan.txt --db $tmp/run.db --region 04")
echo "check:  median $ck_med ms (mean $ck_mean, min $ck_min, max $ck_max; $tool)"
echo "import: median $im_med ms (mean $im_mean, min $im_min, max $im_max; $tool)"

# --- the page ----------------------------------------------------------------
cp "$tmp/base.db" "$tmp/page.db"
id=$("$bin" import plan "$tmp/plan.txt" --db "$tmp/page.db" --region 04 \
     2>/dev/null | tail -n 1)
sqlite3 "$tmp/page.db" "UPDATE plan SET published = 1"
. "$(dirname "$0")/lib.sh"
"$bin" serve --db "$tmp/page.db" --listen "127.0.0.1:$(bench_port 0)" 2>"$tmp/serve.log" &
rz_pid=$!
port=
for _ in $(seq 1 100); do
    port=$(sed -n 's|.*serve: listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' \
           "$tmp/serve.log" | head -n1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "bench: serve did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
url=http://127.0.0.1:$port/plany/$id
read -r code bytes < <(curl -s -o /dev/null -w '%{http_code} %{size_download}\n' "$url")
[ "$code" = 200 ] || { echo "bench: $url answered $code" >&2; exit 1; }
# warm-up and the latency of one request alone: 5 sequential requests
one=$(for _ in 1 2 3 4 5; do
          curl -s -o /dev/null -w '%{time_total}\n' "$url"
      done | sort -n | sed -n 3p | awk '{printf "%.0f ms", $1 * 1000}')
# a long timeout: a slow page must show as latency, not as wrk's errors
wrk -t2 -c64 -d"$DURATION" --timeout 30s --latency "$url" >"$tmp/wrk.txt"
rps=$(awk '/^Requests\/sec/ {print $2}' "$tmp/wrk.txt")
p50=$(awk '$1 == "50%" {print $2}' "$tmp/wrk.txt")
p99=$(awk '$1 == "99%" {print $2}' "$tmp/wrk.txt")
errs=$(awk '/Non-2xx|Socket errors/' "$tmp/wrk.txt")
done_n=$(awk '/requests in/ {print $1}' "$tmp/wrk.txt")
if [ "${done_n:-0}" = 0 ]; then
    p50="-"; p99="none of the requests finished within $DURATION"
fi
echo "page /plany/$id: $bytes bytes, one request alone (median of 5) $one;"
echo "  under load: $done_n requests, $rps req/s, p50 $p50, p99 $p99${errs:+ ($errs)}"
threads=$(sed -n 's|.*(\([0-9]*\) threads.*|\1|p' "$tmp/serve.log" | head -n1)

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
mkdir -p "$here/results"
{
    echo "# Plans (issue 3): $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo
    echo "Machine: $(nproc) CPUs, $cpu; $(uname -sr); load average before" \
        "the run: $load"
    echo "Plan: $TASKS tasks, $size bytes; $summary" | tr '\n' ' '
    echo
    echo
    echo "| measure | figure | goal |"
    echo "| --- | ---: | --- |"
    echo "| rodzina check | median $ck_med ms (min $ck_min, max $ck_max) | < 1000 ms |"
    echo "| rodzina import plan | median $im_med ms (min $im_min, max $im_max) | < 1000 ms |"
    echo "| /plany/ID alone ($bytes bytes) | median of 5: $one | |"
    echo "| /plany/ID, 64 connections (serve ${threads:-?} threads) | $done_n requests, $rps req/s, p50 $p50, p99 $p99 | p99 < 50 ms |"
    echo
    echo "Timing: $tool; page: wrk -t2 -c64 -d$DURATION --timeout 30s --latency after 5 single requests."
} >"$here/results/plan.md"
echo "written: bench/results/plan.md"
