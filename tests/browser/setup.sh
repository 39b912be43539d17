#!/bin/sh
# Installs what the browser tests need, only what is missing: Debian's
# chromium (apt-get, when root) and the npm packages of package.json.
# Quiet when everything is already there. Usage: tests/browser/setup.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)

if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing chromium"
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null
    else
        echo "setup: chromium is missing; run as root: apt-get install chromium" >&2
        exit 1
    fi
fi

if ! command -v npm >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        echo "setup: installing nodejs and npm"
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm >/dev/null
    else
        echo "setup: npm is missing; run as root: apt-get install nodejs npm" >&2
        exit 1
    fi
fi

if [ ! -f "$here/node_modules/playwright-core/package.json" ] ||
   [ ! -f "$here/node_modules/axe-core/axe.min.js" ]; then
    echo "setup: installing npm packages in tests/browser"
    cd "$here"
    if [ -f package-lock.json ]; then
        npm ci --no-audit --no-fund --loglevel=error >/dev/null
    else
        npm install --no-audit --no-fund --loglevel=error >/dev/null
    fi
fi
