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
