#!/bin/bash
# Benchmark of the services directory search (issue 5): 100 000 generated
# services over all 2 477 gminas, searched through /api/services and the
# /uslugi page with varied gminas, words and categories, beside nginx
# serving a static file of the API's typical size, in the same run.
#
#   bench/directory.sh BUILD_DIR      (a release build: make, then build)
#
# Same method as bench/run: wrk -t2 -c64 --latency, a warm-up, then RUNS
# runs of DURATION per target, the targets taking turns; the median run's
# req/s, p50 and p99; rodzina's resident memory. Writes
# bench/results/directory-latest.md. Env: SERVICES (100000), RUNS (3),
# DURATION (8s), WARMUP (2s), THREADS (2), CONNECTIONS (64); BASE_PORT (or
# PORT): rodzina listens there and nginx on the next port (default: free ones).
set -euo pipefail
trap 'echo "bench: failed at line $LINENO: $BASH_COMMAND" >&2' ERR

here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ]; then
    echo "usage: bench/directory.sh BUILD_DIR" >&2
    exit 2
fi
bin=$(cd "$1" 2>/dev/null && pwd)/rodzina
[ -x "$bin" ] || { echo "bench: no executable $1/rodzina" >&2; exit 2; }

SERVICES=${SERVICES:-100000}
RUNS=${RUNS:-3}
DURATION=${DURATION:-8s}
WARMUP=${WARMUP:-2s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}

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

tmp=$(mktemp -d /tmp/rodzina-dirbench.XXXXXX)
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

. "$here/lib.sh"

echo "bench: generating $SERVICES services over every gmina" >&2
start=$(date +%s.%N)
RODZINA_DEMO_SERVICES=$SERVICES "$bin" init --db "$tmp/dir.db" --demo >"$tmp/init.out" 2>"$tmp/init.log" || {
    echo "bench: init failed:" >&2; tail "$tmp/init.log" >&2; exit 1; }
gen_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
nsvc=$(sqlite3 "$tmp/dir.db" 'SELECT count(*) FROM dir_service')
ngm=$(sqlite3 "$tmp/dir.db" 'SELECT count(DISTINCT o.gmina) FROM dir_org o')
db_mb=$(du -m "$tmp/dir.db" | cut -f1)

# 400 gminas drawn from the whole country, as a Lua table for wrk.
{
    echo "return {"
    sqlite3 "$tmp/dir.db" "SELECT '\"' || teryt || '\",' FROM gmina ORDER BY random() LIMIT 400"
    echo "}"
} >"$tmp/gminas.lua"
export BENCH_GMINAS=$tmp/gminas.lua

"$bin" serve --db "$tmp/dir.db" --listen "127.0.0.1:$(bench_port 0)" 2>"$tmp/serve.log" &
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

# The static file: the API's answer for one gmina and word, same size.
mkdir -p "$tmp/www" "$tmp/nginx"
chmod 755 "$tmp" "$tmp/www"
api_bytes=$(curl -sf -o "$tmp/www/services.json" -w '%{size_download}' \
    "$rz/api/services?gmina=0463011&q=pomoc")
chmod 644 "$tmp/www/services.json"
grep -q '"results"' "$tmp/www/services.json" || { echo "bench: bad API answer" >&2; exit 1; }

ng_port=$(bench_port 1)
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    sendfile on;
    tcp_nopush on;
    default_type application/json;
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server { listen 127.0.0.1:$ng_port; root $tmp/www; }
}
EOF
"$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2>"$tmp/nginx/stderr.log" &
ng_pid=$!
ng=http://127.0.0.1:$ng_port
for _ in $(seq 100); do
    curl -sf -o /dev/null "$ng/services.json" && break
    sleep 0.1
done

# Sanity: the varied queries answer 200 and most find something.
found=0; total=0; bytes=0
while read -r g; do
    for q in pomoc przemoc "osrodek interwencji" asystent; do
        total=$((total + 1))
        out=$(curl -sf -G --data-urlencode "gmina=$g" --data-urlencode "q=$q" \
            "$rz/api/services") || { echo "bench: $g $q failed" >&2; exit 1; }
        bytes=$((bytes + ${#out}))
        grep -q '"count":0' <<<"$out" || found=$((found + 1))
    done
done < <(sqlite3 "$tmp/dir.db" "SELECT teryt FROM gmina ORDER BY random() LIMIT 25")
mean_bytes=$((bytes / total))

to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
        else printf "%s", v }'
}

declare -A URL PATHV RPS P50 P99 RUNS_RPS ERRS
declare -A NONCE
targets=(nginx-static api-varied page-varied page-uncached)
URL[nginx-static]=$ng/services.json
URL[api-varied]=$rz/;  PATHV[api-varied]=/api/services
URL[page-varied]=$rz/; PATHV[page-varied]=/uslugi
# The same pages, each URL its own: the answer cache never reuses one.
URL[page-uncached]=$rz/; PATHV[page-uncached]=/uslugi; NONCE[page-uncached]=1

wrk_target() {
    local name=$1 duration=$2
    shift 2
    if [ -n "${PATHV[$name]:-}" ]; then
        BENCH_PATH=${PATHV[$name]} BENCH_NONCE=${NONCE[$name]:-0} wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" \
            -s "$here/directory_queries.lua" "${URL[$name]}"
    else
        wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" "${URL[$name]}"
    fi
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
# Goals: the API >= 1/3 of nginx's rate (issue 5), the page >= 1/2 (issue
# 21), both p99 < 10 ms and < 100 MB resident; none for the uncached page
# (shown for what a search nobody made this minute costs).
verdict() {
    local min=0.333
    [ "$1" = page-varied ] && min=0.5
    [ "$1" = page-uncached ] && { echo "—"; return; }
    awk -v r="$(ratio "$1")" -v p="${P99[$1]}" -v m="$hwm_kb" -v min="$min" 'BEGIN {
        print (r >= min && p < 10 && m < 102400) ? "met" : "NOT met" }'
}
describe() {
    case $1 in
        nginx-static) echo "nginx, static file of $api_bytes bytes" ;;
        api-varied) echo "rodzina /api/services, varied (mean $mean_bytes bytes)" ;;
        page-varied) echo "rodzina /uslugi HTML page, varied" ;;
        page-uncached) echo "rodzina /uslugi HTML page, varied, every URL new (no answer reused)" ;;
    esac
}
cpu=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
mkdir -p "$here/results"
{
    echo "# Directory search benchmark: rodzina beside nginx"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/directory.sh\`: $nsvc services in $ngm gminas (generated in ${gen_s} s, database $db_mb MB);"
    echo "wrk \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, $RUNS runs each after a $WARMUP warm-up, targets taking turns; median run."
    echo
    echo "| target | req/s | p50 | p99 | ratio to nginx | goal | runs (req/s) | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |"
    for t in "${targets[@]}"; do
        if [ "$t" = nginx-static ]; then r=1.00; g='—'; else r=$(ratio "$t"); g=$(verdict "$t"); fi
        printf '| %s | %.0f | %.2f ms | %.2f ms | %s | %s | %s | %s |\n' "$(describe "$t")" \
            "${RPS[$t]}" "${P50[$t]}" "${P99[$t]}" "$r" "$g" "${RUNS_RPS[$t]}" "${ERRS[$t]}"
    done
    echo
    echo "- rodzina resident memory after the runs ${rss_kb} kB, peak ${hwm_kb} kB"
    echo "- sanity: $found of $total sample queries (25 random gminas x 4 words) found services"
    echo "- machine: $(nproc) x $cpu, $(uname -sr)"
} >"$here/results/directory-latest.md"
cat "$here/results/directory-latest.md"
for t in api-varied page-varied page-uncached; do
    bench_note "directory, $nsvc services" "$(describe "$t")" "${RPS[$t]}" "${P99[$t]}" "$(ratio "$t")" nginx
done
