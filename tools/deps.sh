#!/bin/sh
# make deps: the Debian packages that building, testing and benchmarking
# need. Installs the missing ones when run as root; otherwise prints the one
# apt-get line to run and fails. Node and npm count as present when the
# commands exist (a newer npm may have replaced Debian's).
set -eu
pkgs="build-essential meson ninja-build pkg-config python3
      libmicrohttpd-dev libsqlite3-dev libsodium-dev libxlsxwriter-dev
      libzip-dev libexpat1-dev libxxhash-dev
      libcairo2-dev libpango1.0-dev fonts-dejavu-core poppler-utils
      libcmocka-dev sqlite3 curl chromium wrk nginx python3-jsonschema
      postgresql libpq-dev
      clang-14 libclang-rt-14-dev clang-format hyperfine"
missing=""
for p in $pkgs; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
        grep -q 'install ok installed' || missing="$missing $p"
done
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "deps: installing$missing"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
        --no-install-recommends $missing
else
    echo "deps: missing Debian packages; run as root:"
    echo "  apt-get install$missing"
    exit 1
fi
