#!/bin/bash
# The cost of a directory edit for the search (issue 14): on a database of
# SERVICES generated services, the time of the first search after one edit
# of one service, against a search of an unchanged directory.
#
#   bench/directory_edit.sh BUILD_DIR     (a release build: make, then build)
#
# Starts `rodzina serve` on a loopback port, searches once (the first
# build of the index), then EDITS times: renames one service with sqlite3
# (its triggers log it as the forms' writes do) and times the next
# /api/services request with curl, then one more request of the unchanged
# directory. Prints every time and the medians. Env: BASE_PORT or PORT (the
# server's port; default: a free one), SERVICES (100000),
# EDITS (9).
set -euo pipefail

. "$(dirname "$0")/lib.sh"
bench_binary directory_edit "$@"
SERVICES=${SERVICES:-100000}
EDITS=${EDITS:-9}

tmp=$(mktemp -d /tmp/rodzina-editbench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

start=$(date +%s.%N)
RODZINA_DEMO_SERVICES=$SERVICES "$bin" init --db "$tmp/dir.db" --demo \
    >/dev/null 2>"$tmp/init.log"
gen_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}')
port=$(bench_port 0)
"$bin" serve --db "$tmp/dir.db" --listen "127.0.0.1:$port" 2>"$tmp/serve.log" &
trap 'kill -TERM $! 2>/dev/null; wait; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do
    grep -q listening "$tmp/serve.log" && break
    sleep 0.1
done
url="http://127.0.0.1:$port/api/services?gmina=0463011&q=pomoc"
seconds() { curl -s -o /dev/null -w '%{time_total}' "$url"; }
first=$(seconds)
nsvc=$(sqlite3 "$tmp/dir.db" 'SELECT count(*) FROM dir_service')
sid=$(sqlite3 "$tmp/dir.db" "SELECT s.id FROM dir_service s JOIN dir_area a
    ON a.service_id = s.id WHERE a.code = '0463011' LIMIT 1")
edited=()
steady=()
for i in $(seq "$EDITS"); do
    sqlite3 "$tmp/dir.db" "UPDATE dir_service SET name = 'Pomoc $i'
        WHERE id = $sid"
    edited+=("$(seconds)")
    steady+=("$(seconds)")
done
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1}
    END {printf "%.1f", 1000 * v[int((NR + 1) / 2)]}'; }
ms() { printf '%s\n' "$@" | awk '{printf "%s%.1f", (NR > 1 ? " " : ""), 1000 * $1}'; }
echo "services: $nsvc (init --demo ${gen_s} s); first search (whole build): $(ms "$first") ms"
echo "first search after one edit, ms: $(ms "${edited[@]}"); median $(median "${edited[@]}")"
echo "search of the unchanged directory, ms: $(ms "${steady[@]}"); median $(median "${steady[@]}")"
