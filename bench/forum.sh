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
. "$here/lib.sh"
bench_wrk_setup forum "$@"
THREADS_FORUM=${THREADS_FORUM:-10000}
POSTS=${POSTS:-200000}
PASSWORD=haslo-do-pomiaru-forum-2026

tmp=$(mktemp -d /tmp/rodzina-forumbench.XXXXXX)
rz_pid=
ng_pid=
trap bench_cleanup EXIT
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

bench_serve "$tmp/forum.db" "${PORT:-0}"

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

bench_nginx "${NGINX_PORT:-$(free_port)}" text/html category.html

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

bench_runs

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
mkdir -p "$here/results"
{
    echo "# Forum benchmark: rodzina beside nginx"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/forum.sh\`: $nthreads threads, $nposts posts (generated in ${gen_s} s, database $db_mb MB);"
    bench_table "goal (p99 < 20 ms)"
    echo "- sanity: $found of $total sample searches found threads"
    bench_machine
} >"$here/results/forum-latest.md"
cat "$here/results/forum-latest.md"
