#!/bin/bash
# Benchmark of accounts (issue 4): what one login costs (one argon2id hash,
# libsodium's "interactive" limits: 2 passes over 64 MiB), and the latency
# of pages for a logged-in user at 64 connections.
#
#   bench/auth.sh BUILD_DIR
#
# Creates a demo database with a coordinator in a temporary folder, serves
# it on port BASE_PORT (or PORT; default: a free one), logs in 21 times in a row with curl (median time of
# the POST /login), then runs wrk -t2 -c64 for 8 s (after a 2 s warm-up)
# with the session cookie against /plany and /plany/1. Prints the figures.
set -euo pipefail
bin=$(cd "$1" && pwd)/rodzina
tmp=$(mktemp -d /tmp/rodzina-auth.XXXXXX)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
db=$tmp/b.db
"$bin" init --db "$db" --demo >/dev/null 2>&1
echo 'haslo-do-pomiaru-2024' |
    "$bin" user add koord --role coordinator --region 04 --db "$db" >/dev/null
: >"$tmp/log"
. "$(dirname "$0")/lib.sh"
"$bin" serve --db "$db" --listen "127.0.0.1:$(bench_port 0)" 2>"$tmp/log" >/dev/null &
pid=$!
for _ in $(seq 50); do
    port=$(sed -n 's/.*listening on http:\/\/127.0.0.1:\([0-9]*\)\/.*/\1/p' \
        "$tmp/log")
    [ -n "$port" ] && break
    sleep 0.1
done
base=http://127.0.0.1:$port
jar=$tmp/jar
times=()
for _ in $(seq 21); do
    rm -f "$jar"
    token=$(curl -s -c "$jar" -b "$jar" "$base/login" |
        sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
    t=$(curl -s -o /dev/null -w '%{time_total}' -c "$jar" -b "$jar" \
        -d "csrf=$token&login=koord&password=haslo-do-pomiaru-2024&next=/" \
        "$base/login")
    times+=("$t")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n '11p')
cookie=$(awk '$6 == "rodzina_session" {print $7}' "$jar")
echo "login (POST /login, one argon2id verify): median ${median}s of 21"
for path in /plany /plany/1; do
    wrk -t2 -c64 -d2s -H "Cookie: rodzina_session=$cookie" "$base$path" \
        >/dev/null
    out=$(wrk -t2 -c64 -d8s --latency -H "Cookie: rodzina_session=$cookie" \
        "$base$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    non2xx=$(echo "$out" | awk '/Non-2xx/ {print $5}')
    echo "logged-in GET $path: ${rps} req/s, p50 ${p50}, p99 ${p99}," \
        "non-2xx ${non2xx:-0}"
done
