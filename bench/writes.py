#!/usr/bin/env python3
"""Saving helpline contacts (issue 21): WRITERS consultants at once posting
the contact form to one `rodzina serve` on SQLite (synchronous=FULL, WAL),
beside the bare SQLite ceiling measured in the same run: the same INSERT
into helpline_contact (its triggers keep the monthly summary) from Python's
sqlite3, one transaction and one fsync per contact, one connection, no
HTTP. Both write into copies of one database: `rodzina init --demo`, plus
CONTACTS generated past contacts (bench/helpline_gen.py) when CONTACTS > 0.

Each run: wrk -t2 -cWRITERS --latency for DURATION against the form, then
the bare loop for the same time; RUNS runs, the median reported. Prints a
table and writes bench/results/writes-latest.md.

Usage: bench/writes.py BUILD_DIR      (a release build)
Env: BASE_PORT or PORT (the server's port; default: a free one), RUNS (3), DURATION (8s),
     WARMUP (2s), WRITERS (16), CONTACTS (0), THREADS (server threads;
     default: one per CPU)
"""
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(ROOT, 'tests', 'integration'))
from harness import Server  # noqa: E402
from lib import listen, note  # noqa: E402
from scaling import machine, save_report, wrk, write_lua  # noqa: E402
from test_auth import Client, add_user  # noqa: E402

RUNS = int(os.environ.get('RUNS', 3))
DURATION = os.environ.get('DURATION', '8s')
WARMUP = os.environ.get('WARMUP', '2s')
WRITERS = int(os.environ.get('WRITERS', 16))
CONTACTS = int(os.environ.get('CONTACTS', 0))
THREADS = os.environ.get('THREADS')

INSERT = ('INSERT INTO helpline_contact(region, at, channel, caller, gmina,'
          ' forms, harmed, help, referrals, minutes)'
          " VALUES ('04', '2025-03-04T10:15', 1, 2, '0463011', 1, 1, 4, 0,"
          ' 12)')


def seconds(d):
    return float(d[:-1]) * (60 if d.endswith('m') else 1)


def bare(db, duration):
    """Contacts per second and p99 (ms) of one connection committing one
    contact per transaction for duration seconds."""
    con = sqlite3.connect(db, isolation_level=None)
    con.execute('PRAGMA journal_mode = WAL')
    con.execute('PRAGMA synchronous = FULL')
    lat, t0 = [], time.perf_counter()
    while time.perf_counter() - t0 < duration:
        t = time.perf_counter()
        con.execute('BEGIN IMMEDIATE')
        con.execute(INSERT)
        con.execute('COMMIT')
        lat.append(time.perf_counter() - t)
    con.close()
    lat.sort()
    return {'rate': len(lat) / (time.perf_counter() - t0),
            'p50': lat[len(lat) // 2] * 1000,
            'p99': lat[int(len(lat) * 0.99)] * 1000}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    binary = os.path.abspath(os.path.join(sys.argv[1], 'rodzina'))
    tmp = tempfile.mkdtemp(prefix='rodzina-writes-')
    db, bare_db = os.path.join(tmp, 'w.db'), os.path.join(tmp, 'bare.db')
    srv = None
    try:
        subprocess.run([binary, 'init', '--db', db, '--demo'], check=True,
                       stdout=subprocess.DEVNULL)
        if CONTACTS > 0:
            subprocess.run([sys.executable,
                            os.path.join(HERE, 'helpline_gen.py'), db,
                            str(CONTACTS)], check=True)
        rc, err = add_user(binary, db, 'kons', 'consultant', region='04')
        if rc != 0:
            raise RuntimeError(err)
        subprocess.run(['sqlite3', db, 'PRAGMA wal_checkpoint(TRUNCATE)'],
                       check=True, stdout=subprocess.DEVNULL)
        shutil.copyfile(db, bare_db)
        args = listen(0)
        if THREADS:
            args += ['--threads', THREADS]
        srv = Server(binary, db, args)
        kons = Client(srv)
        kons.login('kons')
        token = kons.csrf('/niebieska-linia/kontakty/nowy')
        cookie = '; '.join(f'{k}={v}' for k, v in kons.cookies.items())
        body = (f'csrf={token}&at=2025-03-04T10%3A15&channel=1&caller=2'
                '&gmina=0463011&gmina_nazwa=Toru%C5%84&forma1=1'
                '&dotkniety1=1&pomoc3=1&minuty=12')
        script = write_lua(tmp, 'write.lua', [
            'wrk.method = "POST"', f'wrk.body = "{body}"',
            'wrk.path = "/niebieska-linia/kontakty"',
            'wrk.headers["Content-Type"] = '
            '"application/x-www-form-urlencoded"',
            f'wrk.headers["Cookie"] = "{cookie}"'])
        before = int(subprocess.run(
            ['sqlite3', db, 'SELECT count(*) FROM helpline_contact'],
            capture_output=True, text=True, check=True).stdout)
        wrk(srv.port, script, {}, WRITERS, WARMUP)
        bare(bare_db, seconds(WARMUP))
        res = {'rodzina': [], 'bare': []}
        for r in range(RUNS):
            res['rodzina'].append(wrk(srv.port, script, {}, WRITERS,
                                      DURATION))
            res['bare'].append(bare(bare_db, seconds(DURATION)))
            print(f'bench: run {r + 1}: rodzina {res["rodzina"][-1]}, '
                  f'bare {res["bare"][-1]}', file=sys.stderr, flush=True)
        saved = int(subprocess.run(
            ['sqlite3', db, 'SELECT count(*) FROM helpline_contact'],
            capture_output=True, text=True, check=True).stdout) - before
        report(res, saved)
    finally:
        if srv is not None:
            srv.stop()
        if os.environ.get('KEEP') != '1':
            shutil.rmtree(tmp, ignore_errors=True)


def report(res, saved):
    ceiling = statistics.median(r['rate'] for r in res['bare'])
    lines = [f'# Saving helpline contacts, '
             f'{time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}', '',
             f'{WRITERS} writers (wrk -t2), {RUNS} runs of {DURATION}, '
             f'{CONTACTS} past contacts; median run; synchronous=FULL.', '',
             '| target | contacts/s | p50 ms | p99 ms | ratio to bare |'
             ' errors | all runs p99 ms |',
             '| --- | ---: | ---: | ---: | ---: | ---: | --- |']
    for name, runs in res.items():
        med = sorted(runs, key=lambda r: r['rate'])[len(runs) // 2]
        errs = sum(r.get('bad', 0) + r.get('errors', 0) for r in runs)
        if name == 'rodzina':
            note('writes', f'{WRITERS} consultants saving contacts',
                 med['rate'], med['p99'], med['rate'] / ceiling, 'bare SQLite')
        lines.append(f'| {name} | {med["rate"]:.0f} | {med["p50"]:.2f} | '
                     f'{med["p99"]:.2f} | {med["rate"] / ceiling:.2f} | '
                     f'{errs} | '
                     + ' / '.join(f'{r["p99"]:.1f}' for r in runs) + ' |')
    lines += ['', f'Contacts the server saved in the timed and warm-up runs:'
              f' {saved}.', '', machine()]
    save_report('writes-latest.md', lines)


if __name__ == '__main__':
    main()
