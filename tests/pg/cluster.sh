#!/bin/sh
# A private PostgreSQL cluster for the tests and benchmarks, in a folder of
# its own, on a free loopback port, run by an unprivileged account:
#   tests/pg/cluster.sh start DIR   initdb (once) and start; prints the DSN
#                                   of its superuser database
#   tests/pg/cluster.sh stop DIR    stop it (the folder stays)
#   tests/pg/cluster.sh dsn DIR     print the DSN of a running cluster
# Debian's packages (postgresql, libpq-dev) provide the programs.
set -eu
cmd=${1:?usage: cluster.sh start|stop|dsn DIR}
dir=${2:?usage: cluster.sh start|stop|dsn DIR}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "cluster.sh: PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 1; }

# initdb and postgres refuse to run as root: run them as nobody then.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

case $cmd in
start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
        as_owner "$bin/initdb" -D "$dir/data" -U rodzina -A trust -E UTF8 \
            --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    # Already running (a second start): its DSN as it is.
    if [ -f "$dir/port" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        echo "postgresql://rodzina@127.0.0.1:$(cat "$dir/port")/postgres"
        exit 0
    fi
    port=$(free_port)
    echo "$port" >"$dir/port"
    # fsync stays on: the crash test counts on acknowledged writes.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -k $dir/data \
            -c max_connections=200 -c shared_buffers=128MB" start >/dev/null ||
        { tail -n 20 "$dir/server.log" >&2; exit 1; }
    echo "postgresql://rodzina@127.0.0.1:$port/postgres"
    ;;
stop)
    [ -f "$dir/data/postmaster.pid" ] &&
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
dsn)
    echo "postgresql://rodzina@127.0.0.1:$(cat "$dir/port")/postgres"
    ;;
*)
    echo "cluster.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
