#!/bin/bash
# Install Rodzina on this Debian machine and put nginx in front of it on
# loopback: the steps of docs/admin-guide.md, as one script. Run as root.
#
#   contrib/install-local.sh [--binary PATH] [--prefix DIR] [--port N]
#                            [--nginx-port N] [--user NAME] [--no-apt]
#   contrib/install-local.sh --stop [--prefix DIR]
#
# Without --prefix: a system installation (/usr/local/bin, /etc/rodzina,
# /var/lib/rodzina, /var/log/rodzina, the system's nginx). With --prefix DIR
# everything goes under DIR (DIR/bin, DIR/etc/rodzina, DIR/var/lib/rodzina,
# DIR/var/log/rodzina) and nginx runs as a private instance from DIR/nginx:
# that is how the test (tests/integration/test_ops_install.py) runs it.
#
# Steps: 1 Debian packages; 2 the binary (--binary, else `make` here);
# 3 the account; 4 files (binary, man page, guide, configuration);
# 5 the database; 6 the service: with systemd (PID 1) the unit
# contrib/rodzina.service, otherwise -- detected and said -- rodzina serve
# started as root in the background, dropping to the account after
# binding; 7 nginx on 127.0.0.1:NGINX_PORT; 8 /healthz through nginx.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
binary= prefix= port=8080 nginx_port=8088 user=rodzina apt=1 stop=0

while [ $# -gt 0 ]; do
    case $1 in
        --binary) binary=$2; shift 2 ;;
        --prefix) prefix=$2; shift 2 ;;
        --port) port=$2; shift 2 ;;
        --nginx-port) nginx_port=$2; shift 2 ;;
        --user) user=$2; shift 2 ;;
        --no-apt) apt=0; shift ;;
        --stop) stop=1; shift ;;
        -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install: unknown argument $1" >&2; exit 2 ;;
    esac
done

say() { echo "install: $*"; }
die() { echo "install: error: $*" >&2; exit 1; }

if [ -n "$prefix" ]; then
    mkdir -p "$prefix"
    prefix=$(cd "$prefix" && pwd)
    bindir=$prefix/bin etc=$prefix/etc/rodzina state=$prefix/var/lib/rodzina
    logdir=$prefix/var/log/rodzina share=$prefix/share
    private_nginx=1
else
    bindir=/usr/local/bin etc=/etc/rodzina state=/var/lib/rodzina
    logdir=/var/log/rodzina share=/usr/local/share
    private_nginx=0
fi
run=$state/run
ngdir=${prefix:-/var/lib/rodzina}/nginx

stop_pid() { # stop_pid FILE SIGNAL: end the process a pid file names
    local f=$1 sig=$2 pid
    [ -f "$f" ] || return 0
    pid=$(cat "$f")
    if kill -0 "$pid" 2>/dev/null; then
        kill "-$sig" "$pid" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -f "$f"
}

if [ "$stop" = 1 ]; then
    stop_pid "$ngdir/nginx.pid" QUIT
    stop_pid "$run/rodzina.pid" TERM
    say "stopped"
    exit 0
fi

[ "$(id -u)" = 0 ] || die "run as root (creates an account, installs files, starts services)"
[ -r /etc/debian_version ] || say "warning: not Debian; package names may differ"

# 1. Packages: the libraries the binary links and the tools used here.
if [ "$apt" = 1 ]; then
    pkgs="libmicrohttpd12 libsqlite3-0 libsodium23 libxlsxwriter1 libzip4
          libexpat1 nginx curl sqlite3 adduser"
    missing=
    for p in $pkgs; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
            grep -q 'install ok installed' || missing="$missing $p"
    done
    if [ -n "$missing" ]; then
        say "1. installing Debian packages:$missing"
        apt-get update -q
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
    else
        say "1. Debian packages present"
    fi
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || die "nginx is missing"
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

# 2. The binary.
if [ -z "$binary" ]; then
    say "2. building (make: release build in $top/build)"
    make -C "$top" all >/dev/null
    binary=$top/build/rodzina
else
    say "2. using the binary $binary"
fi
[ -x "$binary" ] || die "no executable $binary"

# 3. The account the service runs as: no login, no home of its own.
if ! id "$user" >/dev/null 2>&1; then
    say "3. creating the system account $user"
    useradd --system --user-group --home-dir /var/lib/rodzina --no-create-home \
        --shell /usr/sbin/nologin --comment "Rodzina service" "$user"
else
    say "3. account $user exists"
fi

# 4. Files. Folders on the way must be traversable by the account.
say "4. installing into $bindir, $etc, $state"
install -d -m 0755 "$bindir" "$etc" "$share/man/man1" "$share/doc/rodzina"
if [ -n "$prefix" ]; then
    chmod 0755 "$prefix" "$prefix/var" "$prefix/var/lib" 2>/dev/null || true
    install -d -m 0755 "$prefix/var" "$prefix/var/lib" "$prefix/var/log"
fi
install -m 0755 "$binary" "$bindir/rodzina"
install -m 0644 "$top/docs/rodzina.1" "$share/man/man1/rodzina.1"
install -m 0644 "$top/docs/admin-guide.md" "$share/doc/rodzina/admin-guide.md"
install -d -m 0750 -o "$user" -g "$user" "$state" "$state/backups" "$logdir"
install -d -m 0755 "$run"
conf=$etc/rodzina.conf
if [ ! -f "$conf" ]; then
    {
        "$bindir/rodzina" config --template
        cat <<EOF

# Written by contrib/install-local.sh
db = $state/rodzina.db
listen = 127.0.0.1:$port
user = $user
log_file = $logdir/rodzina.log
# nginx here speaks plain HTTP on loopback; set yes once TLS ends there.
behind_tls_proxy = no
# The address people reach the site by (nginx, step 7): every link in
# e-mail starts with it. Make it the public https:// name with TLS.
site_url = http://localhost:$nginx_port
EOF
    } >"$conf"
    chmod 0640 "$conf"
    chgrp "$user" "$conf"
    say "   wrote $conf"
else
    say "   keeping the existing $conf"
fi
"$bindir/rodzina" config --config "$conf" >/dev/null ||
    die "the configuration $conf is refused (see above)"

# 5. The database, created (or upgraded) by its owner.
say "5. database $state/rodzina.db (rodzina init, as $user)"
runuser -u "$user" -- "$bindir/rodzina" init --db "$state/rodzina.db" >/dev/null

# 6. The service.
if [ -d /run/systemd/system ] && [ "$private_nginx" = 0 ]; then
    say "6. systemd is PID 1: installing rodzina.service and starting it"
    sed -e "s|/usr/local/bin/rodzina|$bindir/rodzina|g" \
        -e "s|/etc/rodzina/rodzina.conf|$conf|g" \
        "$here/rodzina.service" >/etc/systemd/system/rodzina.service
    install -m 0644 "$here/rodzina-backup.service" "$here/rodzina-backup.timer" \
        /etc/systemd/system/
    systemctl daemon-reload
    systemctl enable --now rodzina.service rodzina-backup.timer
else
    if [ -d /run/systemd/system ]; then
        say "6. systemd runs, but --prefix asks for a private installation:"
    else
        say "6. systemd is not PID 1 (no /run/systemd/system; PID 1 is" \
            "$(cat /proc/1/comm 2>/dev/null || echo '?')):"
    fi
    say "   starting rodzina serve in the background as root; it switches to $user after binding"
    stop_pid "$run/rodzina.pid" TERM
    setsid "$bindir/rodzina" serve --config "$conf" </dev/null \
        >>"$run/serve.out" 2>&1 &
    echo $! >"$run/rodzina.pid"
fi
for _ in $(seq 150); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.2
done
curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" ||
    die "rodzina does not answer on 127.0.0.1:$port (see $logdir/rodzina.log, $run/serve.out)"
say "   rodzina answers on http://127.0.0.1:$port/"

# 7. nginx in front, on loopback.
site="$ngdir/rodzina-site.conf"
install -d -m 0755 "$ngdir"
cat >"$site" <<EOF
# Rodzina behind nginx on loopback (contrib/install-local.sh); for TLS see
# contrib/nginx-rodzina.conf.
server {
    listen 127.0.0.1:$nginx_port;
    server_name localhost;
    client_max_body_size 25m;
    location = /metrics { deny all; }
    location / {
        proxy_pass http://127.0.0.1:$port;
        proxy_http_version 1.1;
        proxy_set_header Connection "";
        proxy_set_header Host \$host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
    }
}
EOF
if [ "$private_nginx" = 1 ]; then
    say "7. nginx: private instance from $ngdir on 127.0.0.1:$nginx_port"
    cat >"$ngdir/nginx.conf" <<EOF
worker_processes 1;
pid $ngdir/nginx.pid;
error_log $ngdir/error.log warn;
events { worker_connections 256; }
http {
    access_log $ngdir/access.log;
    client_body_temp_path $ngdir/body;
    proxy_temp_path $ngdir/proxy;
    fastcgi_temp_path $ngdir/fastcgi;
    uwsgi_temp_path $ngdir/uwsgi;
    scgi_temp_path $ngdir/scgi;
    include $site;
}
EOF
    stop_pid "$ngdir/nginx.pid" QUIT
    "$NGINX" -t -p "$ngdir" -c "$ngdir/nginx.conf" >/dev/null 2>&1 ||
        die "nginx refuses $ngdir/nginx.conf: $("$NGINX" -t -p "$ngdir" -c "$ngdir/nginx.conf" 2>&1 | tail -n 2)"
    "$NGINX" -p "$ngdir" -c "$ngdir/nginx.conf"
else
    say "7. nginx: site /etc/nginx/sites-enabled/rodzina on 127.0.0.1:$nginx_port"
    cp "$site" /etc/nginx/sites-available/rodzina
    ln -sf /etc/nginx/sites-available/rodzina /etc/nginx/sites-enabled/rodzina
    "$NGINX" -t
    if [ -d /run/systemd/system ]; then
        systemctl reload-or-restart nginx
    elif [ -f /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
        "$NGINX" -s reload
    else
        "$NGINX"
    fi
fi

# 8. The check: /healthz through nginx.
answer=
for _ in $(seq 50); do
    answer=$(curl -sf "http://127.0.0.1:$nginx_port/healthz" || true)
    [ "$answer" = ok ] && break
    sleep 0.2
done
[ "$answer" = ok ] || die "/healthz through nginx (127.0.0.1:$nginx_port) did not answer ok"
say "8. http://127.0.0.1:$nginx_port/healthz through nginx: $answer"
say "done. Next: create the first administrator:"
say "   runuser -u $user -- $bindir/rodzina user add admin --role administrator --db $state/rodzina.db"
