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
. "$here/lib.sh"
bench_wrk_setup directory "$@"
SERVICES=${SERVICES:-100000}

tmp=$(mktemp -d /tmp/rodzina-dirbench.XXXXXX)
rz_pid=
ng_pid=
trap bench_cleanup EXIT
trap 'exit 130' INT TERM


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

bench_serve "$tmp/dir.db" "$(bench_port 0)"

# The static file: the API's answer for one gmina and word, same size.
mkdir -p "$tmp/www" "$tmp/nginx"
chmod 755 "$tmp" "$tmp/www"
api_bytes=$(curl -sf -o "$tmp/www/services.json" -w '%{size_download}' \
    "$rz/api/services?gmina=0463011&q=pomoc")
chmod 644 "$tmp/www/services.json"
grep -q '"results"' "$tmp/www/services.json" || { echo "bench: bad API answer" >&2; exit 1; }

bench_nginx "$(bench_port 1)" application/json services.json

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

declare -A URL PATHV NONCE
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

bench_runs

# Goals: the API >= 1/3 of nginx's rate (issue 5), the page >= 1/2 (issue
# 21), both p99 < 10 ms and < 100 MB resident; none for the uncached page
# (shown for what a search nobody made this minute costs).
verdict() {
    local min=0.333
    [ "$1" = page-varied ] && min=0.5
    [ "$1" = page-uncached ] && { echo "—"; return; }
    awk -v r="$(bench_ratio "$1")" -v p="${P99[$1]}" -v m="$hwm_kb" -v min="$min" 'BEGIN {
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
mkdir -p "$here/results"
{
    echo "# Directory search benchmark: rodzina beside nginx"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/directory.sh\`: $nsvc services in $ngm gminas (generated in ${gen_s} s, database $db_mb MB);"
    bench_table "goal"
    echo "- sanity: $found of $total sample queries (25 random gminas x 4 words) found services"
    bench_machine
} >"$here/results/directory-latest.md"
cat "$here/results/directory-latest.md"
for t in api-varied page-varied page-uncached; do
    bench_note "directory, $nsvc services" "$(describe "$t")" "${RPS[$t]}" "${P99[$t]}" "$(bench_ratio "$t")" nginx
done
