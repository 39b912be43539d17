#!/usr/bin/env python3
"""Scaling benchmark (issue 14): the same three loads on one SQLite server,
one PostgreSQL server and three PostgreSQL servers behind nginx, beside
nginx serving a static file, in one run, the targets taking turns.

Loads (wrk, --latency):
  search  - the directory search API with varied gminas, words and
            categories (bench/directory_queries.lua), SERVICES services;
  stats   - the helpline statistics API over CONTACTS contacts (2019-2024,
            every gmina): a region's year, a region's part-months, the
            country by month over six years, taking turns;
  write   - consultants saving contacts: POST /niebieska-linia/kontakty,
            WRITERS connections, each a logged-in consultant's session.

Data: `rodzina init --demo` with RODZINA_DEMO_SERVICES=SERVICES on each
engine, then bench/helpline_gen.py (the same rows on both). Before the
timings it checks that both engines give the same statistics answer.
PostgreSQL runs in a private cluster (tests/pg/cluster.sh) in the same
temporary folder. Writes bench/results/scaling-latest.md.

Usage: bench/scaling.py BUILD_DIR     (a release build: make, then build)
Env: CONTACTS (10000000), SERVICES (100000), RUNS (3), DURATION (8s),
     WARMUP (2s), CONNECTIONS (32), WRITERS (16), KEEP (1: keep the folder),
     SQLITE_SEED (a SQLite database made before by the same two steps with
     the same binary and counts, copied instead of building it again: the
     SQLite load of 10 000 000 contacts takes 5-13 minutes)
"""
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'integration'))
from harness import Server, free_port  # noqa: E402
from test_auth import Client, add_user  # noqa: E402

CONTACTS = int(os.environ.get('CONTACTS', 10_000_000))
SERVICES = int(os.environ.get('SERVICES', 100_000))
RUNS = int(os.environ.get('RUNS', 3))
DURATION = os.environ.get('DURATION', '8s')
WARMUP = os.environ.get('WARMUP', '2s')
CONNECTIONS = int(os.environ.get('CONNECTIONS', 32))
WRITERS = int(os.environ.get('WRITERS', 16))
NGINX = shutil.which('nginx') or '/usr/sbin/nginx'

STATS = ['/api/helpline/stats?woj=04&od=2024-01-01&do=2024-12-31',
         '/api/helpline/stats?woj=04&od=2024-01-15&do=2024-12-20',
         '/api/helpline/stats?woj=&od=2019-01-01&do=2024-12-31']


def log(msg):
    print(f'bench: {msg}', file=sys.stderr, flush=True)


def timed(args, env=None):
    t0 = time.time()
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.time() - t0


def nginx(tmp, name, body, port=None):
    """nginx in the foreground on port (None: a free one); body is the
    inside of its server block, plus an optional upstream before it."""
    d = os.path.join(tmp, name)
    os.makedirs(d, exist_ok=True)
    port = port or free_port()
    upstream, server = body
    conf = os.path.join(d, 'nginx.conf')
    with open(conf, 'w') as f:
        f.write(f"""worker_processes 1; daemon off;
pid {d}/nginx.pid; error_log {d}/error.log warn;
events {{ worker_connections 4096; }}
http {{
  sendfile on; tcp_nopush on; access_log off;
  default_type application/json;
  client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;
  fastcgi_temp_path {d}/fcgi; uwsgi_temp_path {d}/uwsgi;
  scgi_temp_path {d}/scgi;
  {upstream}
  server {{ listen 127.0.0.1:{port}; {server} }}
}}
""")
    proc = subprocess.Popen([NGINX, '-p', d, '-c', conf],
                            stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port), 1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(open(f'{d}/error.log').read())


def wrk(port, script, env, connections, duration):
    out = subprocess.run(
        ['wrk', '-t2', f'-c{connections}', f'-d{duration}', '--latency',
         '-s', script, f'http://127.0.0.1:{port}/'],
        env=dict(os.environ, **env), capture_output=True, text=True).stdout
    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))

    def ms(label):
        m = re.search(rf'\s{label}%\s+([\d.]+)(us|ms|s)\b', out)
        v = float(m.group(1))
        return v / 1000 if m.group(2) == 'us' else v * 1000 \
            if m.group(2) == 's' else v
    bad = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    errs = re.search(r'Socket errors: connect (\d+), read (\d+), write (\d+),'
                     r' timeout (\d+)', out)
    return {'rate': rate, 'p50': ms('50'), 'p99': ms('99'),
            'bad': int(bad.group(1)) if bad else 0,
            'errors': sum(map(int, errs.groups())) if errs else 0}


def write_lua(tmp, name, lines):
    p = os.path.join(tmp, name)
    with open(p, 'w') as f:
        f.write('\n'.join(lines) + '\n')
    return p


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: bench/scaling.py BUILD_DIR')
    binary = os.path.abspath(os.path.join(sys.argv[1], 'rodzina'))
    tmp = tempfile.mkdtemp(prefix='rodzina-scaling-')
    os.chmod(tmp, 0o755)
    procs, servers = [], []
    cluster = os.path.join(tmp, 'pg')
    try:
        base = subprocess.run([os.path.join(ROOT, 'tests/pg/cluster.sh'),
                               'start', cluster], check=True,
                              capture_output=True, text=True).stdout.strip()
        psql = sorted(__import__('glob').glob(
            '/usr/lib/postgresql/*/bin/psql'))[-1]
        subprocess.run([psql, '-X', '-q', '-d', base, '-c',
                        'CREATE DATABASE bench'], check=True)
        dsn = base.rsplit('/', 1)[0] + '/bench'
        sdb = os.path.join(tmp, 'bench.db')
        env = dict(os.environ, RODZINA_DEMO_SERVICES=str(SERVICES))
        load = {}
        seed = os.environ.get('SQLITE_SEED')
        for name, db in (('sqlite', sdb), ('postgresql', dsn)):
            if name == 'sqlite' and seed:
                log(f'sqlite: copying {seed}')
                shutil.copyfile(seed, sdb)
                load[name] = {'init': float('nan'), 'contacts': float('nan')}
                continue
            log(f'{name}: init --demo with {SERVICES} services')
            load[name] = {'init': timed([binary, 'init', '--db', db,
                                         '--demo'], env)}
            log(f'{name}: {CONTACTS} contacts')
            load[name]['contacts'] = timed(
                [sys.executable, os.path.join(HERE, 'helpline_gen.py'), db,
                 str(CONTACTS)])
        for db in (sdb, dsn):
            for login, role in (('benchadmin', 'administrator'),
                                ('kons', 'consultant')):
                rc, err = add_user(binary, db, login, role, region='04')
                if rc != 0:
                    raise RuntimeError(err)
        size = {'sqlite': os.path.getsize(sdb),
                'postgresql': int(subprocess.run(
                    [psql, '-X', '-A', '-t', '-d', dsn, '-c',
                     'SELECT pg_database_size(current_database())'],
                    capture_output=True, text=True).stdout)}

        s1 = Server(binary, sdb)
        p = [Server(binary, dsn) for _ in range(3)]
        servers += [s1] + p
        up = ''.join(f'server 127.0.0.1:{s.port};' for s in p)
        px, px_port = nginx(tmp, 'proxy', (
            f'upstream r {{ {up} keepalive 64; }}',
            'location / { proxy_pass http://r; proxy_http_version 1.1;'
            ' proxy_set_header Connection ""; }'))
        procs.append(px)

        # The same answers from both engines before any timing.
        same = {}
        for path in STATS:
            answers = []
            for s in (s1, p[0]):
                c = Client(s)
                c.login('benchadmin')
                st, _, body = c.request('GET', path)
                if st != 200:
                    raise RuntimeError(f'{path}: {st}')
                answers.append(body)
            same[path] = answers[0] == answers[1]
        search_path = '/api/services?gmina=0463011&q=pomoc'
        same[search_path] = s1.get(search_path)[2] == p[0].get(search_path)[2]
        log(f'same answers: {same}')

        # Static twin of a search answer for nginx.
        www = os.path.join(tmp, 'www')
        os.makedirs(www)
        with open(os.path.join(www, 'a.json'), 'wb') as f:
            f.write(s1.get(search_path)[2])
        os.chmod(www, 0o755)
        os.chmod(os.path.join(www, 'a.json'), 0o644)
        st_proc, st_port = nginx(tmp, 'static', ('', f'root {www};'))
        procs.append(st_proc)

        gm = subprocess.run(['sqlite3', sdb, 'SELECT teryt FROM gmina ORDER'
                             ' BY teryt'], capture_output=True,
                            text=True).stdout.split()
        gminas = write_lua(tmp, 'gminas.lua', ['return {'] + [
            f'"{g}",' for g in gm[::6]] + ['}'])
        static = write_lua(tmp, 'static.lua', ['wrk.path = "/a.json"'])
        targets = {'nginx static': (st_port, static, {}, CONNECTIONS)}
        sessions = {}
        for name, port, srv in (('sqlite 1', s1.port, s1),
                                ('postgresql 1', p[0].port, p[0]),
                                ('postgresql 3', px_port, p[0])):
            admin, kons = Client(srv), Client(srv)
            admin.login('benchadmin')
            kons.login('kons')
            sessions[name] = (admin, kons)
            cookie = '; '.join(f'{k}={v}' for k, v in admin.cookies.items())
            stats = write_lua(tmp, f'stats-{port}.lua', [
                'local paths = {' + ','.join(f'"{x}"' for x in STATS) + '}',
                'local i = 0',
                f'wrk.headers["Cookie"] = "{cookie}"',
                'request = function() i = i % #paths + 1',
                ' return wrk.format("GET", paths[i]) end'])
            token = kons.csrf('/niebieska-linia/kontakty/nowy')
            kcookie = '; '.join(f'{k}={v}' for k, v in kons.cookies.items())
            body = (f'csrf={token}&at=2025-03-04T10%3A15&channel=1&caller=2'
                    '&gmina=0463011&gmina_nazwa=Toru%C5%84&forma1=1'
                    '&dotkniety1=1&pomoc3=1&minuty=12')
            write = write_lua(tmp, f'write-{port}.lua', [
                'wrk.method = "POST"', f'wrk.body = "{body}"',
                'wrk.path = "/niebieska-linia/kontakty"',
                'wrk.headers["Content-Type"] = '
                '"application/x-www-form-urlencoded"',
                f'wrk.headers["Cookie"] = "{kcookie}"'])
            targets[f'{name}: search'] = (
                port, os.path.join(HERE, 'directory_queries.lua'),
                {'BENCH_GMINAS': gminas}, CONNECTIONS)
            targets[f'{name}: stats'] = (port, stats, {}, CONNECTIONS)
            targets[f'{name}: write'] = (port, write, {}, WRITERS)

        for name, (port, script, wenv, conns) in targets.items():
            wrk(port, script, wenv, conns, WARMUP)
        results = {name: [] for name in targets}
        for r in range(RUNS):
            for name, (port, script, wenv, conns) in targets.items():
                results[name].append(wrk(port, script, wenv, conns,
                                         DURATION))
                log(f'run {r + 1} {name}: {results[name][-1]}')
        report(results, load, size, same)
    finally:
        for s in servers:
            try:
                s.stop()
            except Exception:  # noqa: BLE001 - stop the rest anyway
                pass
        for pr in procs:
            pr.terminate()
            pr.wait(10)
        subprocess.run([os.path.join(ROOT, 'tests/pg/cluster.sh'), 'stop',
                        cluster], stderr=subprocess.DEVNULL)
        if os.environ.get('KEEP') != '1':
            shutil.rmtree(tmp, ignore_errors=True)


def report(results, load, size, same):
    ng = statistics.median(r['rate'] for r in results['nginx static'])
    lines = [f'# Scaling benchmark, {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}',
             '',
             f'{SERVICES} services, {CONTACTS} contacts; wrk -t2, '
             f'{CONNECTIONS} connections ({WRITERS} for writes), {RUNS} runs '
             f'of {DURATION}, targets taking turns; median run.',
             '',
             '| target | req/s | p50 ms | p99 ms | ratio to nginx | non-2xx/3xx | all runs req/s |',
             '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
    for name, runs in results.items():
        med = sorted(runs, key=lambda r: r['rate'])[len(runs) // 2]
        lines.append(
            f'| {name} | {med["rate"]:.0f} | {med["p50"]:.2f} | '
            f'{med["p99"]:.2f} | {med["rate"] / ng:.2f} | '
            f'{sum(r["bad"] + r["errors"] for r in runs)} | '
            + ' / '.join(f'{r["rate"]:.0f}' for r in runs) + ' |')
    lines += ['', '| engine | init --demo s | contacts load s | database MB |',
              '| --- | ---: | ---: | ---: |']
    for name in ('sqlite', 'postgresql'):
        lines.append(f'| {name} | {load[name]["init"]:.1f} | '
                     f'{load[name]["contacts"]:.1f} | '
                     f'{size[name] / 1e6:.0f} |')
    lines += ['', 'Same answer on both engines: ' + ', '.join(
        f'`{k}` {"yes" if v else "NO"}' for k, v in same.items()), '',
              f'Machine: {os.cpu_count()} CPUs, {platform.platform()}, '
              f'load average {os.getloadavg()[0]:.1f} at the end.']
    text = '\n'.join(lines) + '\n'
    os.makedirs(os.path.join(HERE, 'results'), exist_ok=True)
    with open(os.path.join(HERE, 'results', 'scaling-latest.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
