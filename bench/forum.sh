#!/bin/bash
# Benchmark of the professionals' forum (issue 19): 10 000 threads and
# 200 000 posts in 10 categories, a logged-in professional reading a
# category's page of threads (varied categories and pages) and searching
# (varied words), beside nginx serving a static file of the category
# page's size, in the same run.
#
#   bench/forum.sh BUILD_DIR      (a release build: make, then build)
#
# Same method as bench/directory.sh: wrk -t2 -c64 --latency, a warm-up,
# then RUNS runs of DURATION per target, the targets taking turns; the
# median run's req/s, p50 and p99; rodzina's resident memory. Goal (issue
# 19): p99 under 20 ms for both pages. Writes bench/results/forum-latest.md.
# Env: THREADS_FORUM (10000), POSTS (200000), RUNS (3), DURATION (8s),
# WARMUP (2s), THREADS (2), CONNECTIONS (64), PORT (rodzina's port; a free
# one by default), NGINX_PORT (likewise).
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
    echo "usage: bench/forum.sh BUILD_DIR" >&2
    exit 2
fi
bin=$(cd "$1" 2>/dev/null && pwd)/rodzina
[ -x "$bin" ] || { echo "bench: no executable $1/rodzina" >&2; exit 2; }

THREADS_FORUM=${THREADS_FORUM:-10000}
POSTS=${POSTS:-200000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-2s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PASSWORD=haslo-do-pomiaru-forum-2026

missing=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
            "${missing[@]}" >/dev/null
    else
        echo "bench: missing tools; run as root: apt-get install ${missing[*]}" >&2
        exit 1
    fi
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

tmp=$(mktemp -d /tmp/rodzina-forumbench.XXXXXX)
rz_pid=
ng_pid=
cleanup() {
    if [ -n "$rz_pid" ] && kill -0 "$rz_pid" 2>/dev/null; then
        kill -TERM "$rz_pid" 2>/dev/null || true
        wait "$rz_pid" 2>/dev/null || true
    fi
    if [ -n "$ng_pid" ] && kill -0 "$ng_pid" 2>/dev/null; then
        kill -QUIT "$ng_pid" 2>/dev/null || true
        wait "$ng_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

echo "bench: generating $THREADS_FORUM threads and $POSTS posts" >&2
start=$(date +%s.%N)
"$bin" init --db "$tmp/forum.db" --demo >"$tmp/init.out" 2>"$tmp/init.log" || {
    echo "bench: init failed:" >&2; tail "$tmp/init.log" >&2; exit 1; }
echo "$PASSWORD" | "$bin" user add pomiar --role professional --region 04 \
    --db "$tmp/forum.db" >/dev/null 2>&1
account=$(sqlite3 "$tmp/forum.db" "SELECT id FROM account WHERE login = 'pomiar'")
cats=$(python3 "$here/forum_gen.py" "$tmp/forum.db" "$account" "$THREADS_FORUM" "$POSTS")
gen_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
nthreads=$(sqlite3 "$tmp/forum.db" 'SELECT count(*) FROM forum_thread')
nposts=$(sqlite3 "$tmp/forum.db" 'SELECT count(*) FROM forum_post')
db_mb=$(du -m "$tmp/forum.db" | cut -f1)
per_cat=$((nthreads / $(wc -w <<<"$cats")))
pages=$(( (per_cat + 49) / 50 ))

"$bin" serve --db "$tmp/forum.db" --listen "127.0.0.1:${PORT:-0}" 2>"$tmp/serve.log" &
rz_pid=$!
rz_port=
for _ in $(seq 100); do
    rz_port=$(sed -n 's|.*serve: listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' \
        "$tmp/serve.log" | head -n1)
    [ -n "$rz_port" ] && break
    kill -0 "$rz_pid" 2>/dev/null || break
    sleep 0.1
done
[ -n "$rz_port" ] || { echo "bench: serve did not start" >&2; cat "$tmp/serve.log" >&2; exit 1; }
rz=http://127.0.0.1:$rz_port

# A session of the professional, as a browser gets it.
jar=$tmp/jar
token=$(curl -s -c "$jar" -b "$jar" "$rz/login" |
    sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$jar" -b "$jar" \
    -d "csrf=$token&login=pomiar&password=$PASSWORD&next=/" "$rz/login"
cookie=$(awk '$6 == "rodzina_session" {print $7}' "$jar")
[ -n "$cookie" ] || { echo "bench: login failed" >&2; exit 1; }
export BENCH_COOKIE=$cookie BENCH_CATS=$cats BENCH_PAGES=$pages

# The static file: a category's first page as rodzina renders it.
first_cat=${cats%% *}
mkdir -p "$tmp/www" "$tmp/nginx"
chmod 755 "$tmp" "$tmp/www"
page_bytes=$(curl -sf -b "rodzina_session=$cookie" -o "$tmp/www/category.html" \
    -w '%{size_download}' "$rz/forum/kategoria/$first_cat")
chmod 644 "$tmp/www/category.html"
rows=$(grep -c '<tr><td><a href="/forum/watek/' "$tmp/www/category.html" || true)
[ "$rows" -eq 50 ] || { echo "bench: category page lists $rows threads, not 50" >&2; exit 1; }

ng_port=${NGINX_PORT:-$(free_port)}
cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    sendfile on;
    tcp_nopush on;
    default_type text/html;
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server { listen 127.0.0.1:$ng_port; root $tmp/www; }
}
NGINX
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2>"$tmp/nginx/stderr.log" &
ng_pid=$!
ng=http://127.0.0.1:$ng_port
for _ in $(seq 100); do
    curl -sf -o /dev/null "$ng/category.html" && break
    sleep 0.1
done

# Sanity: every search word of the script finds threads.
found=0; total=0; sbytes=0
for q in przemoc "procedura niebieska" kurator "zesp inter" terap "mediacja senior"; do
    total=$((total + 1))
    out=$(curl -sf -G -b "rodzina_session=$cookie" --data-urlencode "q=$q" \
        "$rz/forum/szukaj") || { echo "bench: search $q failed" >&2; exit 1; }
    sbytes=$((sbytes + ${#out}))
    grep -q 'Znalezione wątki: 0' <<<"$out" || found=$((found + 1))
done
mean_search=$((sbytes / total))

to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
        else printf "%s", v }'
}

declare -A RPS P50 P99 RUNS_RPS ERRS
targets=(nginx-static category search)
wrk_target() {
    local name=$1 duration=$2
    shift 2
    case $name in
        nginx-static) wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" "$ng/category.html" ;;
        *) BENCH_MODE=$name wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" \
               -s "$here/forum_queries.lua" "$rz/" ;;
    esac
}

for t in "${targets[@]}"; do
    echo "bench: $t: warm-up $WARMUP" >&2
    wrk_target "$t" "$WARMUP" >/dev/null
    : >"$tmp/runs-$t"
    ERRS[$t]=0
done
for i in $(seq "$RUNS"); do
    for t in "${targets[@]}"; do
        out=$(wrk_target "$t" "$DURATION" --latency)
        rps=$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")
        p50=$(to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
        p99=$(to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
        errs=$(awk '/Non-2xx or 3xx responses:/ {n += $NF} /Socket errors:/ {
                   gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END {print n + 0}' <<<"$out")
        ERRS[$t]=$((ERRS[$t] + errs))
        printf '%s %s %s\n' "$rps" "$p50" "$p99" >>"$tmp/runs-$t"
        printf 'bench: run %d %-13s %9.0f req/s, p50 %s ms, p99 %s ms\n' "$i" "$t" "$rps" "$p50" "$p99" >&2
    done
done
for t in "${targets[@]}"; do
    read -r rps p50 p99 < <(sort -n -k1,1 "$tmp/runs-$t" | sed -n "$(( (RUNS + 1) / 2 ))p")
    RPS[$t]=$rps; P50[$t]=$p50; P99[$t]=$p99
    RUNS_RPS[$t]=$(awk '{printf "%s%.0f", (NR > 1 ? ", " : ""), $1}' "$tmp/runs-$t")
done
rss_kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$rz_pid/status")
hwm_kb=$(awk '/^VmHWM:/ {print $2}' "/proc/$rz_pid/status")
kill -TERM "$rz_pid"; wait "$rz_pid" || true; rz_pid=

ratio() { awk -v a="${RPS[$1]}" -v b="${RPS[nginx-static]}" 'BEGIN {printf "%.2f", a / b}'; }
verdict() {  # goal (issue 19): p99 under 20 ms
    awk -v p="${P99[$1]}" 'BEGIN { print (p < 20) ? "met" : "NOT met" }'
}
describe() {
    case $1 in
        nginx-static) echo "nginx, static file of $page_bytes bytes" ;;
        category) echo "rodzina /forum/kategoria/:id, $pages pages of 50 in each category" ;;
        search) echo "rodzina /forum/szukaj, 20 queries of 1-3 words (mean $mean_search bytes)" ;;
    esac
}
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mkdir -p "$here/results"
{
    echo "# Forum benchmark: rodzina beside nginx"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/forum.sh\`: $nthreads threads, $nposts posts (generated in ${gen_s} s, database $db_mb MB);"
    echo "wrk \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, $RUNS runs each after a $WARMUP warm-up, targets taking turns; median run."
    echo
    echo "| target | req/s | p50 | p99 | ratio to nginx | goal (p99 < 20 ms) | runs (req/s) | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |"
    for t in "${targets[@]}"; do
        if [ "$t" = nginx-static ]; then r=1.00; g='—'; else r=$(ratio "$t"); g=$(verdict "$t"); fi
        printf '| %s | %.0f | %.2f ms | %.2f ms | %s | %s | %s | %s |\n' "$(describe "$t")" \
            "${RPS[$t]}" "${P50[$t]}" "${P99[$t]}" "$r" "$g" "${RUNS_RPS[$t]}" "${ERRS[$t]}"
    done
    echo
    echo "- rodzina resident memory after the runs ${rss_kb} kB, peak ${hwm_kb} kB"
    echo "- sanity: $found of $total sample searches found threads"
    echo "- machine: $(nproc) x $cpu, $(uname -sr)"
} >"$here/results/forum-latest.md"
cat "$here/results/forum-latest.md"
