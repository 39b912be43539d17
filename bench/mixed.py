#!/usr/bin/env python3
"""Mixed load benchmark (issue 21): short requests beside long ones.

Short: a region's helpline statistics for a year (whole months: the
summary only, about 3 ms). Long: the country's statistics by month over
six years (2019-2024: every gmina's months, about 230 ms over the
summary). Of CONNECTIONS wrk connections, one in eight asks the long one
back to back and the rest the short one, at once (two wrk processes); the
short requests are also timed alone. Each target runs RUNS times for
DURATION after a WARMUP, taking turns; the median run (by the short
requests' p99) is reported.

Data: `rodzina init`, an administrator, CONTACTS generated contacts
(bench/helpline_gen.py: every gmina, 2019-2024; 1 000 000 fill almost every
gmina's month, so the country's summary is as large as with 10 000 000).
With BEFORE=OLD_BUILD_DIR the same loads run on that binary too (same
database, served beside).

Usage: bench/mixed.py BUILD_DIR     (a release build)
Env: PORT (the server; default a free port), BEFORE_PORT (PORT + 1),
     BEFORE, CONTACTS (1000000), DB (a database made before by the same
     steps, kept: the generator takes a minute or more), RUNS (3),
     DURATION (8s), WARMUP (2s), CONNECTIONS (64), THREADS (the server's
     workers; default one per CPU). Writes bench/results/mixed.md."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from realisation import binaries, cookie_lua, session  # noqa: E402
from scaling import wrk  # noqa: E402
from harness import Server  # noqa: E402
from test_auth import add_user  # noqa: E402

CONTACTS = int(os.environ.get('CONTACTS', 1_000_000))
RUNS = int(os.environ.get('RUNS', 3))
DURATION = os.environ.get('DURATION', '8s')
WARMUP = os.environ.get('WARMUP', '2s')
CONNECTIONS = int(os.environ.get('CONNECTIONS', 64))
SHORT = '/api/helpline/stats?woj=04&od=2024-01-01&do=2024-12-31'
LONG = '/api/helpline/stats?woj=&od=2019-01-01&do=2024-12-31'


def log(msg):
    print(f'bench: {msg}', file=sys.stderr, flush=True)


def mixed(port, short_lua, long_lua):
    """The short and the long load at once: their wrk results."""
    nlong = max(1, CONNECTIONS // 8)
    args = ['wrk', '-t1', '--latency', f'-d{DURATION}']
    url = f'http://127.0.0.1:{port}/'
    with tempfile.TemporaryFile('w+') as lo:
        p = subprocess.Popen(args + [f'-c{nlong}', '--timeout', '30s', '-s',
                                     long_lua, url], stdout=lo, text=True)
        short = wrk(port, short_lua, {}, CONNECTIONS - nlong, DURATION)
        p.wait()
        lo.seek(0)
        out = lo.read()
    rate = float(re.search(r'Requests/sec:\s+([\d.]+)', out).group(1))
    m = re.search(r'\s99%\s+([\d.]+)(us|ms|s)\b', out)
    p99 = float(m.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[m.group(2)]
    return short, {'rate': rate, 'p99': p99}


def main():
    binary, before, port, bport = binaries('mixed.py')
    threads = os.environ.get('THREADS')
    extra = ['--threads', threads] if threads else []
    tmp = tempfile.mkdtemp(prefix='rodzina-mixed-')
    servers = []
    load = open('/proc/loadavg').read().split()[:3]
    try:
        db = os.environ.get('DB') or os.path.join(tmp, 'm.db')
        if not os.path.exists(db):
            subprocess.run([binary, 'init', '--db', db], check=True,
                           stdout=subprocess.DEVNULL)
            t0 = time.time()
            subprocess.run([sys.executable, os.path.join(
                HERE, 'helpline_gen.py'), db, str(CONTACTS)], check=True,
                stdout=subprocess.DEVNULL)
            log(f'{CONTACTS} contacts in {time.time() - t0:.0f} s')
        add_user(binary, db, 'koord', 'administrator')
        targets = {}
        for name, b, p in (('after', binary, port), ('before', before,
                                                     bport)):
            if b is None:
                continue
            srv = Server(b, db, ['--listen', f'127.0.0.1:{p}'] + extra)
            servers.append(srv)
            c, cookie = session(srv)
            times = []
            for path in (SHORT, LONG):
                st, _, body = c.request('GET', path)
                assert st == 200, (path, st)
                t0 = time.perf_counter()
                c.request('GET', path)
                times.append((time.perf_counter() - t0) * 1000)
            targets[name] = (p, cookie_lua(tmp, f'{name}-s.lua', cookie,
                                           [SHORT]),
                             cookie_lua(tmp, f'{name}-l.lua', cookie,
                                        [LONG]), times)
            log(f'{name}: one short request {times[0]:.1f} ms, one long '
                f'{times[1]:.1f} ms')
        for name, (p, s_lua, l_lua, _) in targets.items():
            wrk(p, s_lua, {}, CONNECTIONS, WARMUP)
        res = {name: {'alone': [], 'mixed': []} for name in targets}
        for i in range(RUNS):
            for name, (p, s_lua, l_lua, _) in targets.items():
                alone = wrk(p, s_lua, {}, CONNECTIONS, DURATION)
                short, long_ = mixed(p, s_lua, l_lua)
                res[name]['alone'].append(alone)
                res[name]['mixed'].append((short, long_))
                log(f'run {i + 1} {name}: short alone {alone["rate"]:.0f} '
                    f'req/s p99 {alone["p99"]:.2f} ms; mixed: short '
                    f'{short["rate"]:.0f} req/s p50 {short["p50"]:.2f} ms '
                    f'p99 {short["p99"]:.2f} ms, long {long_["rate"]:.1f} '
                    f'req/s p99 {long_["p99"]:.0f} ms')
        report(res, targets, load)
    finally:
        for s in servers:
            s.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def report(res, targets, load):
    lines = [
        f'# Mixed load (issue 21): '
        f'{time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}', '',
        f'Load average before the run: {" ".join(load)}; {os.cpu_count()} '
        f'CPUs. {CONNECTIONS} connections: alone, all ask the short request; '
        f'mixed, {max(1, CONNECTIONS // 8)} ask the long one back to back '
        f'and the others the short one, at once. wrk --latency '
        f'-d{DURATION}, {RUNS} runs after a {WARMUP} warm-up, the median run '
        f'by the short p99.', '',
        f'Short: `{SHORT}`; long: `{LONG}`.', '',
        '| server | one short alone | one long alone | short alone req/s '
        '| p99 | mixed: short req/s | p50 | p99 | long req/s | long p99 | '
        'short p99 of each run |',
        '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | '
        '---: | --- |']
    for name, r in res.items():
        alone = sorted(r['alone'], key=lambda x: x['p99'])[len(r['alone'])
                                                            // 2]
        short, long_ = sorted(r['mixed'], key=lambda x: x[0]['p99'])[
            len(r['mixed']) // 2]
        one = targets[name][3]
        lines.append(
            f'| {name} | {one[0]:.1f} ms | {one[1]:.0f} ms | '
            f'{alone["rate"]:.0f} | {alone["p99"]:.2f} ms | '
            f'{short["rate"]:.0f} | {short["p50"]:.2f} ms | '
            f'{short["p99"]:.2f} ms | {long_["rate"]:.1f} | '
            f'{long_["p99"]:.0f} ms | ' +
            ' / '.join(f'{x[0]["p99"]:.2f}' for x in r['mixed']) + ' |')
    text = '\n'.join(lines) + '\n'
    os.makedirs(os.path.join(HERE, 'results'), exist_ok=True)
    with open(os.path.join(HERE, 'results', 'mixed.md'), 'w') as f:
        f.write(text)
    print(text)


if __name__ == '__main__':
    main()
