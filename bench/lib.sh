# Sourced by the bench scripts. bench_port N prints the N-th loopback port a
# script uses (0 for rodzina, then nginx and any others, in the order its
# header says): BASE_PORT + N when BASE_PORT (or PORT) is set, so that a run
# beside other work on a shared machine stays on the ports it was given;
# otherwise a port free at the moment of asking.
bench_port() {
    local base=${BASE_PORT:-${PORT:-}}
    if [ -n "$base" ]; then
        echo $((base + $1))
    else
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
    fi
}

# bench_note BENCH TARGET REQ_S P99_MS RATIO REFERENCE: one row of the table
# `make bench` prints at the end (bench/all): a rate measured beside its
# reference (nginx serving the same bytes, or bare SQLite) in the same run.
# A no-op unless BENCH_SUMMARY names the file to append to.
bench_note() {
    [ -n "${BENCH_SUMMARY:-}" ] || return 0
    printf '%s\t%s\t%.0f\t%.2f\t%.2f\t%s\n' "$@" >>"$BENCH_SUMMARY"
}

# The steps bench/directory.sh and bench/forum.sh share: a page or API of
# rodzina measured with wrk beside nginx serving a static file of its size.
# They use the caller's globals: tmp (the run's folder), bin (rodzina),
# rz_pid/rz_port/rz and ng_pid/ng (set here), THREADS, CONNECTIONS, RUNS,
# WARMUP, DURATION, the array targets and a function wrk_target NAME
# DURATION [WRK FLAGS] that runs wrk on one target.

# bench_binary NAME "$@": the one argument BUILD_DIR into bin (its
# rodzina), else the usage of bench/NAME.sh and exit.
bench_binary() {
    local name=$1
    shift
    if [ $# -ne 1 ]; then
        echo "usage: bench/$name.sh BUILD_DIR" >&2
        exit 2
    fi
    bin=$(cd "$1" 2>/dev/null && pwd)/rodzina
    [ -x "$bin" ] || { echo "bench: no executable $1/rodzina" >&2; exit 2; }
}

# bench_wrk_setup NAME "$@": bench_binary; the wrk defaults (RUNS 3,
# DURATION 8s, WARMUP 2s, THREADS 2, CONNECTIONS 64) where the environment
# sets none; then bench_tools.
bench_wrk_setup() {
    bench_binary "$@"
    RUNS=${RUNS:-3}
    DURATION=${DURATION:-8s}
    WARMUP=${WARMUP:-2s}
    THREADS=${THREADS:-2}
    CONNECTIONS=${CONNECTIONS:-64}
    bench_tools
}

# bench_tools: install nginx-light, wrk, curl and sqlite3 when missing (as
# root), else say what to install and exit.
bench_tools() {
    local missing=()
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
}

# bench_cleanup: stop rodzina and nginx, remove $tmp (the EXIT trap).
bench_cleanup() {
    if [ -n "${rz_pid:-}" ] && kill -0 "$rz_pid" 2>/dev/null; then
        kill -TERM "$rz_pid" 2>/dev/null || true
        wait "$rz_pid" 2>/dev/null || true
    fi
    if [ -n "${ng_pid:-}" ] && kill -0 "$ng_pid" 2>/dev/null; then
        kill -QUIT "$ng_pid" 2>/dev/null || true
        wait "$ng_pid" 2>/dev/null || true
    fi
    rm -rf "$tmp"
}

# bench_serve DB PORT: rodzina serve on DB at 127.0.0.1:PORT (0: a free
# one), waited for; sets rz_pid, rz_port and rz (its URL).
bench_serve() {
    "$bin" serve --db "$1" --listen "127.0.0.1:$2" 2>"$tmp/serve.log" &
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
}

# bench_nginx PORT TYPE FILE: nginx serving $tmp/www as TYPE on PORT,
# waited for until it serves FILE; sets ng_pid and ng (its URL).
bench_nginx() {
    cat >"$tmp/nginx/nginx.conf" <<NGINX
worker_processes 1;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
    sendfile on;
    tcp_nopush on;
    default_type $2;
    access_log off;
    client_body_temp_path $tmp/nginx/body;
    proxy_temp_path $tmp/nginx/proxy;
    fastcgi_temp_path $tmp/nginx/fastcgi;
    uwsgi_temp_path $tmp/nginx/uwsgi;
    scgi_temp_path $tmp/nginx/scgi;
    server { listen 127.0.0.1:$1; root $tmp/www; }
}
NGINX
    "$NGINX" -p "$tmp/nginx" -c "$tmp/nginx/nginx.conf" -g 'daemon off;' 2>"$tmp/nginx/stderr.log" &
    ng_pid=$!
    ng=http://127.0.0.1:$1
    for _ in $(seq 100); do
        curl -sf -o /dev/null "$ng/$3" && break
        sleep 0.1
    done
}

# bench_to_ms 1.5ms|250us|1.2s: wrk's latency in milliseconds.
bench_to_ms() {
    awk -v v="$1" 'BEGIN {
        if (v ~ /us$/) { sub(/us$/, "", v); printf "%.3f", v / 1000 }
        else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.3f", v }
        else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.3f", v * 1000 }
        else printf "%s", v }'
}

# bench_runs: a warm-up of each target, then RUNS runs of DURATION with the
# targets taking turns; the median run's req/s, p50 and p99 into RPS, P50
# and P99, every run's req/s into RUNS_RPS, non-2xx and socket errors into
# ERRS (arrays by target); then rodzina's resident memory (rss_kb, its
# peak hwm_kb) and rodzina stopped.
bench_runs() {
    local t i out rps p50 p99 errs
    declare -gA RPS P50 P99 RUNS_RPS ERRS
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
            p50=$(bench_to_ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")
            p99=$(bench_to_ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")
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
}

# bench_ratio TARGET: its median req/s over nginx-static's.
bench_ratio() {
    awk -v a="${RPS[$1]}" -v b="${RPS[nginx-static]}" 'BEGIN {printf "%.2f", a / b}'
}

# bench_table GOAL: the results of bench_runs as the Markdown the results
# files hold: the wrk line, a row a target (the caller's describe TARGET
# and verdict TARGET; the goal column headed GOAL) and rodzina's memory.
bench_table() {
    local t r g
    echo "wrk \`-t$THREADS -c$CONNECTIONS -d$DURATION --latency\`, $RUNS runs each after a $WARMUP warm-up, targets taking turns; median run."
    echo
    echo "| target | req/s | p50 | p99 | ratio to nginx | $1 | runs (req/s) | errors |"
    echo "| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |"
    for t in "${targets[@]}"; do
        if [ "$t" = nginx-static ]; then r=1.00; g='—'; else r=$(bench_ratio "$t"); g=$(verdict "$t"); fi
        printf '| %s | %.0f | %.2f ms | %.2f ms | %s | %s | %s | %s |\n' "$(describe "$t")" \
            "${RPS[$t]}" "${P50[$t]}" "${P99[$t]}" "$r" "$g" "${RUNS_RPS[$t]}" "${ERRS[$t]}"
    done
    echo
    echo "- rodzina resident memory after the runs ${rss_kb} kB, peak ${hwm_kb} kB"
}

# bench_machine: the results files' last line.
bench_machine() {
    echo "- machine: $(nproc) x $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo), $(uname -sr)"
}
