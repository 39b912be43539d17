#!/bin/bash
# Benchmark of the locality search (issue 15) beside nginx: /api/places
# over the whole SIMC register (about 99 000 localities, 2 477 gminas and
# the postal codes), run by bench/run with its method (a static file of the
# same size as the fixed query's answer, wrk -t2 -c64, targets taking
# turns, median of 3 runs): the fixed query "grebocin" and the varied
# queries of bench/places_queries.lua, a fifth of them misspelt.
#   bench/places.sh BUILD_DIR       (release build: make, then bench/places.sh build)
# Writes bench/results/places.md. The goal is the TERYT one of
# shared/PERFORMANCE.md: at least half of nginx's rate, p99 under 5 ms.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
API=/api/places QUERY=grebocin EXPECT=0415042 \
    QUERIES="$here/places_queries.lua" \
    TITLE="Locality search (/api/places, whole SIMC register)" \
    OUT=places.md exec "$here/run" "$@"
