#!/usr/bin/env bash
# Helpline statistics benchmark (issue 6): a database made by `rodzina
# init`, 10 000 000 generated contacts over 2019-2024 and every gmina of
# the country (bench/helpline_gen.py), then warm timings of the statistics
# and the SQLite query plans (bench/helpline_stats.py).
#   bench/helpline.sh BUILD_DIR [N] [DB]
set -eu
B=${1:-build}
N=${2:-10000000}
DB=${3:-/tmp/rodzina-helpline-bench.db}
here=$(cd "$(dirname "$0")" && pwd)
if [ ! -s "$DB" ]; then
    rm -f "$DB" "$DB-wal" "$DB-shm"
    "$B/rodzina" init --db "$DB" >/dev/null
    python3 "$here/helpline_gen.py" "$DB" "$N"
fi
ls -l "$DB"
python3 "$here/helpline_stats.py" "$B/rodzina" "$DB"
