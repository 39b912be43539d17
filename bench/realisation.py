#!/usr/bin/env python3
"""Realisation page benchmark (issue 21): the page implementers and the
coordinator work on, /monitoring/plany/ID/realizacja, beside nginx serving
the same bytes, in one run, the targets taking turns.

Data: `rodzina init --demo` (the 22-task plan of seed 001 with its demo
entries), a coordinator, and a generated plan of TASKS tasks
(bench/gen_plan.py) with ENTRIES entries (bench/gen_entries.sh).
Targets (wrk -t2 -cCONNECTIONS --latency, RUNS runs of DURATION after a
WARMUP, the median run reported):
  nginx static   - the demo plan's realisation page as a file;
  demo           - the demo plan's page, logged in as the coordinator;
  long plan      - the pages of the generated plan (50 tasks each), in a
                   random order (fixed seed);
  before: demo   - with BEFORE=OLD_BUILD_DIR, the same on that binary
                   (served beside, on the same database).
The long plan on the BEFORE binary is timed by one request alone (it
took seconds each). Also times the first request of the long plan (the
plan loaded into the cache) and each server's resident memory.

Usage: bench/realisation.py BUILD_DIR     (a release build)
Env: PORT (the server; default a free port), BEFORE_PORT (PORT + 1),
     NGINX_PORT (PORT + 2), BEFORE (an older build folder to compare),
     TASKS (10000), ENTRIES (100000), RUNS (3), DURATION (8s), WARMUP (2s),
     CONNECTIONS (64). Writes bench/results/realisation.md."""
import http.client
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from scaling import nginx, write_lua, wrk  # noqa: E402
from lib import note  # noqa: E402
from harness import Server, free_port  # noqa: E402
from test_auth import Client, add_user  # noqa: E402

TASKS = int(os.environ.get('TASKS', 10000))
ENTRIES = int(os.environ.get('ENTRIES', 100000))
RUNS = int(os.environ.get('RUNS', 3))
DURATION = os.environ.get('DURATION', '8s')
WARMUP = os.environ.get('WARMUP', '2s')
CONNECTIONS = int(os.environ.get('CONNECTIONS', 64))
PAGE = 50


def log(msg):
    print(f'bench: {msg}', file=sys.stderr, flush=True)


def rss_mb(pid):
    with open(f'/proc/{pid}/status') as f:
        kb = {ln.split(':')[0]: ln.split()[1:2] for ln in f}
    kb = {k: v[0] for k, v in kb.items() if v}
    return int(kb['VmRSS']) / 1024, int(kb['VmHWM']) / 1024


def cookie_lua(tmp, name, cookie, paths, shuffle=False):
    """A wrk script requesting paths in turn (shuffle: in a random order,
    the same each run) with the session cookie."""
    quoted = ', '.join(f'"{p}"' for p in paths)
    step = ('  i = math.random(#paths)' if shuffle
            else '  i = i % #paths + 1')
    return write_lua(tmp, name, [
        f'local paths = {{{quoted}}}', 'local i = 0', 'math.randomseed(21)',
        'request = function()', step,
        f'  return wrk.format("GET", paths[i], {{Cookie = "{cookie}"}})',
        'end'])


def session(srv):
    c = Client(srv)
    st = c.login('koord')[0]
    assert st == 303, st
    return c, 'rodzina_session=' + c.cookies['rodzina_session']


def single(c, path, n):
    """n requests one after another (a long time-out: the page before
    issue 21 took seconds): their times in ms and the body's size."""
    times = []
    for _ in range(n):
        con = http.client.HTTPConnection('127.0.0.1', c.srv.port, timeout=600)
        t0 = time.perf_counter()
        con.request('GET', path, headers={'Cookie': '; '.join(
            f'{k}={v}' for k, v in c.cookies.items())})
        resp = con.getresponse()
        body = resp.read()
        times.append((time.perf_counter() - t0) * 1000)
        con.close()
        assert resp.status == 200, (path, resp.status)
    return times, len(body)


def binaries(script):
    """From argv and the environment: the binary, the BEFORE binary (or
    None), the server's port (PORT) and the BEFORE server's (BEFORE_PORT,
    PORT + 1 by default)."""
    if len(sys.argv) != 2:
        sys.exit(f'usage: bench/{script} BUILD_DIR')
    binary = os.path.abspath(os.path.join(sys.argv[1], 'rodzina'))
    before = os.environ.get('BEFORE')
    before = os.path.abspath(os.path.join(before, 'rodzina')) if before \
        else None
    port = int(os.environ.get('PORT') or free_port())
    return binary, before, port, int(os.environ.get('BEFORE_PORT') or
                                     port + 1)


def main():
    binary, before, port, bport = binaries('realisation.py')
    nport = int(os.environ.get('NGINX_PORT') or port + 2)
    tmp = tempfile.mkdtemp(prefix='rodzina-realisation-')
    os.chmod(tmp, 0o755)
    procs, servers = [], []
    load = open('/proc/loadavg').read().split()[:3]
    try:
        db = os.path.join(tmp, 'b.db')
        subprocess.run([binary, 'init', '--demo', '--db', db], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add_user(binary, db, 'koord', 'coordinator')
        with open(os.path.join(tmp, 'plan.txt'), 'w') as f:
            subprocess.run([sys.executable, os.path.join(HERE, 'gen_plan.py'),
                            str(TASKS)], stdout=f, check=True)
        big = subprocess.run(
            [binary, 'import', 'plan', os.path.join(tmp, 'plan.txt'), '--db',
             db, '--region', '04'], capture_output=True, text=True,
            check=True).stdout.split()[-1]
        subprocess.run([os.path.join(HERE, 'gen_entries.sh'), db, big,
                        str(ENTRIES)], check=True)
        demo = subprocess.run(
            ['sqlite3', db, 'SELECT id FROM plan WHERE year = 2021'],
            capture_output=True, text=True, check=True).stdout.split()[0]
        nentries = subprocess.run(
            ['sqlite3', db, f'SELECT count(*) FROM realisation WHERE '
             f'plan_id = {big}'], capture_output=True, text=True,
            check=True).stdout.strip()
        log(f'long plan {big}: {TASKS} tasks, {nentries} entries')
        after = Server(binary, db, ['--listen', f'127.0.0.1:{port}'])
        servers.append(after)
        c, cookie = session(after)
        demo_path = f'/monitoring/plany/{demo}/realizacja'
        big_path = f'/monitoring/plany/{big}/realizacja'
        npages = (TASKS + PAGE - 1) // PAGE
        pages = [f'{big_path}?strona={k}' for k in range(1, npages + 1)]
        # The first request loads and checks the long plan into the cache.
        first, _ = single(c, pages[0], 1)
        alone, big_bytes = single(c, pages[0], 5)
        st, _, body = c.request('GET', demo_path)
        assert st == 200, st
        www = os.path.join(tmp, 'www')
        os.makedirs(www)
        with open(os.path.join(www, 'demo.html'), 'w') as f:
            f.write(body)
        os.chmod(www, 0o755)
        os.chmod(os.path.join(www, 'demo.html'), 0o644)
        demo_bytes = len(body.encode())
        ng, nport = nginx(tmp, 'static', ('', f'root {www};'), nport)
        procs.append(ng)
        targets = {
            'nginx static': (nport, write_lua(tmp, 'static.lua', [
                'request = function() return wrk.format("GET", '
                '"/demo.html") end'])),
            'demo': (port, cookie_lua(tmp, 'demo.lua', cookie, [demo_path])),
            'long plan': (port, cookie_lua(tmp, 'big.lua', cookie, pages,
                                          shuffle=True)),
        }
        old = {}
        if before:
            bsrv = Server(before, db, ['--listen', f'127.0.0.1:{bport}'])
            servers.append(bsrv)
            bc, bcookie = session(bsrv)
            targets['before: demo'] = (bport, cookie_lua(
                tmp, 'bdemo.lua', bcookie, [demo_path]))
            log('before: the long plan, one request')
            old['times'], old['bytes'] = single(bc, big_path, 1)
            old['rss'] = rss_mb(bsrv.proc.pid)
        for name, (p, script) in targets.items():
            log(f'{name}: warm-up {WARMUP}')
            wrk(p, script, {}, CONNECTIONS, WARMUP)
        results = {name: [] for name in targets}
        for i in range(RUNS):
            for name, (p, script) in targets.items():
                r = wrk(p, script, {}, CONNECTIONS, DURATION)
                results[name].append(r)
                log(f'run {i + 1} {name}: {r["rate"]:.0f} req/s, '
                    f'p50 {r["p50"]:.2f} ms, p99 {r["p99"]:.2f} ms, '
                    f'non-2xx {r["bad"]}, errors {r["errors"]}')
        rss = rss_mb(after.proc.pid)
        report(results, load, demo_bytes, big_bytes, first, alone, old, rss,
               TASKS, nentries, npages)
    finally:
        for s in servers:
            try:
                s.stop()
            except subprocess.TimeoutExpired:
                s.proc.kill()
                s.proc.wait()
        for p in procs:
            p.terminate()
            p.wait()
        shutil.rmtree(tmp, ignore_errors=True)


def report(results, load, demo_bytes, big_bytes, first, alone, old, rss,
           tasks, nentries, npages):
    def median_run(name):
        runs = sorted(results[name], key=lambda r: r['rate'])
        return runs[len(runs) // 2]
    ng = median_run('nginx static')['rate']
    lines = [
        f'# Realisation page (issue 21): '
        f'{time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}', '',
        f'Load average before the run: {" ".join(load)}; '
        f'{os.cpu_count()} CPUs. wrk -t2 -c{CONNECTIONS} -d{DURATION} '
        f'--latency, {RUNS} runs after a {WARMUP} warm-up, the targets '
        f'taking turns; the median run by req/s.', '',
        '| target | bytes | req/s | p50 ms | p99 ms | ratio to nginx | '
        'non-2xx | all runs req/s |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |']
    for name in results:
        r = median_run(name)
        size = big_bytes if name == 'long plan' else demo_bytes
        lines.append(
            f'| {name} | {size} | {r["rate"]:.0f} | {r["p50"]:.2f} | '
            f'{r["p99"]:.2f} | {r["rate"] / ng:.2f} | '
            f'{sum(x["bad"] + x["errors"] for x in results[name])} | '
            + ' / '.join(f'{x["rate"]:.0f}' for x in results[name]) + ' |')
        if name != 'nginx static':
            note('realisation', name, r['rate'], r['p99'], r['rate'] / ng,
                 'nginx')
    lines += ['', f'Long plan: {tasks} tasks, {nentries} entries, '
              f'{npages} pages; first request (plan loaded into the cache) '
              f'{first[0]:.0f} ms; then one request alone (page 1, '
              f'{big_bytes} bytes): median of 5 '
              f'{statistics.median(alone):.1f} ms.',
              f'Server resident memory after the runs: {rss[0]:.0f} MB '
              f'(peak {rss[1]:.0f} MB).']
    if old:
        lines.append(
            f'Before: the long plan unpaged ({old["bytes"]} bytes), one '
            f'request alone: {old["times"][0]:.0f} ms; '
            f'resident memory {old["rss"][0]:.0f} MB (peak '
            f'{old["rss"][1]:.0f} MB).')
    text = '\n'.join(lines) + '\n'
    os.makedirs(os.path.join(HERE, 'results'), exist_ok=True)
    with open(os.path.join(HERE, 'results', 'realisation.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
