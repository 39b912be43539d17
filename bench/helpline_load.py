#!/usr/bin/env python3
"""Bulk loads of the helpline at scale (issue 21): CONTACTS contacts
(default 10 000 000, six years, every gmina of the country) stored by
`rodzina helpline import FILE.csv` against the bare generator
(bench/helpline_gen.py: Python's sqlite3 inserting the same rows in one
transaction with the summary triggers firing, synchronous=OFF and a 400 MB
page cache), each into a fresh copy of one `rodzina init` database, time
and peak memory (/usr/bin/time -v) in the same run. The CSV holds the very
rows the generator inserts (helpline_gen.py --csv), so both databases must
end with the same monthly summaries: checked. Then PG_CONTACTS (default
200 000; 0: none) of the same kind on PostgreSQL, in a private cluster
(tests/pg/cluster.sh), against psql's COPY of the same rows. BEFORE names
a rodzina binary of an earlier commit, run beside on the same files (where
its 256 MB cap lets it). The load average is printed before and after.
Prints a table and writes bench/results/helpline-load-latest.md.

Usage: bench/helpline_load.py BUILD_DIR     (a release build)
Env: CONTACTS (10000000), PG_CONTACTS (200000), BEFORE (a binary)
"""
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from lib import note  # noqa: E402
from scaling import machine, save_report  # noqa: E402

CONTACTS = int(os.environ.get('CONTACTS', 10_000_000))
PG_CONTACTS = int(os.environ.get('PG_CONTACTS', 200_000))
BEFORE = os.environ.get('BEFORE')
GEN = os.path.join(HERE, 'helpline_gen.py')
SUMMARY = ('SELECT region, month, n, minutes, ch1, ch2, ch3, ch4, ch5, ch6,'
           ' ch7, cr1, cr2, cr3, cr4, fo1, fo2, fo3, fo4, fo5, fo6, hm1, hm2,'
           ' hm3, hm4, hm5, re1, re2, re3, re4, re5, re6, re7, re8'
           ' FROM helpline_month_region ORDER BY region, month')


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def timed(args):
    """Wall seconds and peak resident kB of a command (/usr/bin/time -v)."""
    p = subprocess.run(['/usr/bin/time', '-v'] + args, capture_output=True,
                       text=True)
    if p.returncode != 0:
        sys.exit(f'helpline_load: {args[0]} failed: {p.stderr[-2000:]}')
    wall = re.search(r'Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):'
                     r'([\d.]+)', p.stderr)
    secs = (int(wall.group(1) or 0) * 3600 + int(wall.group(2)) * 60 +
            float(wall.group(3)))
    rss = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)',
                        p.stderr).group(1))
    log(f'  {os.path.basename(args[0])} {" ".join(args[1:2])}: '
        f'{secs:.1f} s, {rss / 1024:.0f} MB')
    return secs, rss


def summary(db):
    if db.startswith('postgresql://'):
        psql = sorted(__import__('glob').glob(
            '/usr/lib/postgresql/*/bin/psql'))[-1]
        return subprocess.run([psql, '-X', '-q', '-A', '-t', '-d', db, '-c',
                               SUMMARY], check=True, capture_output=True,
                              text=True).stdout.splitlines()
    con = sqlite3.connect(db)
    try:
        return ['|'.join(str(v) for v in r) for r in con.execute(SUMMARY)]
    finally:
        con.close()


def load_sqlite(binary, tmp, rows):
    base = os.path.join(tmp, 'base.db')
    subprocess.run([binary, 'init', '--db', base], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    csv = os.path.join(tmp, 'kontakty.csv')
    subprocess.run([sys.executable, GEN, base, str(CONTACTS), '--csv', csv],
                   check=True, stdout=subprocess.DEVNULL)
    out = {'size': os.path.getsize(csv)}
    bare = os.path.join(tmp, 'bare.db')
    shutil.copy(base, bare)
    out['bare'] = timed([sys.executable, GEN, bare, str(CONTACTS)])
    ref = summary(bare)
    os.unlink(bare)
    for name, prog in (('import', binary), ('before', BEFORE)):
        if prog is None or (name == 'before' and out['size'] > 256 << 20):
            continue
        db = os.path.join(tmp, f'{name}.db')
        shutil.copy(base, db)
        out[name] = timed([prog, 'helpline', 'import', csv, '--db', db])
        if summary(db) != ref:
            sys.exit(f'helpline_load: {name} gives other summaries than '
                     'the generator')
        os.unlink(db)
        for ext in ('-wal', '-shm'):
            if os.path.exists(db + ext):
                os.unlink(db + ext)
    os.unlink(csv)
    rows.append(('SQLite', CONTACTS, out))


def load_pg(binary, tmp, rows):
    cluster = os.path.join(tmp, 'pg')
    dsn = subprocess.run([os.path.join(ROOT, 'tests', 'pg', 'cluster.sh'),
                          'start', cluster], check=True, capture_output=True,
                         text=True).stdout.split()[-1]
    psql = sorted(__import__('glob').glob(
        '/usr/lib/postgresql/*/bin/psql'))[-1]
    server = dsn.rsplit('/', 1)[0]

    def createdb(name, template='template0'):
        subprocess.run([psql, '-X', '-q', '-d', dsn, '-c',
                        f"CREATE DATABASE {name} TEMPLATE {template} "
                        "ENCODING 'UTF8' LOCALE 'C.UTF-8'"], check=True)
        return f'{server}/{name}'

    try:
        base = createdb('hl_base')
        subprocess.run([binary, 'init', '--db', base], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        csv = os.path.join(tmp, 'pg.csv')
        subprocess.run([sys.executable, GEN, base, str(PG_CONTACTS), '--csv',
                        csv], check=True, stdout=subprocess.DEVNULL)
        out = {'size': os.path.getsize(csv)}
        bare = createdb('hl_bare', 'hl_base')
        out['bare'] = timed([sys.executable, GEN, bare, str(PG_CONTACTS)])
        ref = summary(bare)
        for name, prog in (('import', binary), ('before', BEFORE)):
            if prog is None:
                continue
            db = createdb(f'hl_{name}', 'hl_base')
            out[name] = timed([prog, 'helpline', 'import', csv, '--db', db])
            if summary(db) != ref:
                sys.exit(f'helpline_load: {name} gives other summaries '
                         'than COPY on PostgreSQL')
        rows.append(('PostgreSQL', PG_CONTACTS, out))
    finally:
        subprocess.run([os.path.join(ROOT, 'tests', 'pg', 'cluster.sh'),
                        'stop', cluster], capture_output=True)


def main():
    binary = os.path.join(sys.argv[1], 'rodzina')
    tmp = tempfile.mkdtemp(prefix='rodzina-hlload-')
    os.chmod(tmp, 0o755)  # the cluster's account (nobody for root) enters
    rows = []
    load0 = os.getloadavg()
    try:
        if CONTACTS > 0:
            load_sqlite(binary, tmp, rows)
        if PG_CONTACTS > 0:
            load_pg(binary, tmp, rows)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load1 = os.getloadavg()
    lines = [f'# Helpline bulk loads (issue 21), {machine()}', '',
             f'Load average {load0[0]:.2f} before, {load1[0]:.2f} after.',
             'One run each, into fresh copies of one `rodzina init` '
             'database; peak memory is the maximum resident set.', '',
             '| engine | contacts | CSV | load | seconds | rows/s | peak MB '
             '| rate / bare |',
             '| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |']
    for engine, n, out in rows:
        bare_rate = n / out['bare'][0]
        for name, label in (('bare', 'bare generator (helpline_gen.py)'),
                            ('import', '`rodzina helpline import`'),
                            ('before', '`rodzina helpline import` before')):
            if name not in out:
                continue
            secs, rss = out[name]
            lines.append(f'| {engine} | {n} | {out["size"] >> 20} MB | '
                         f'{label} | {secs:.1f} | {n / secs:.0f} | '
                         f'{rss / 1024:.0f} | {n / secs / bare_rate:.2f} |')
        if engine == 'SQLite':
            rate = n / out['import'][0]
            note('helpline_load', f'helpline import {n}', rate, 0,
                 rate / bare_rate, 'bare generator')
    save_report('helpline-load-latest.md', lines)


if __name__ == '__main__':
    main()
