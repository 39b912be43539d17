#!/usr/bin/env python3
"""Bulk loads (issue 21): the two imports of the product beside a bare
SQLite insert loop of the same rows, measured in the same run.

Helpline: CONTACTS past contacts (every gmina, 2015-2018, codes of the
contact export's columns) as a CSV file, stored by `rodzina helpline
import FILE.csv` (read, every row checked, inserted in one transaction,
the monthly summaries rebuilt at the end); the references: Python's
sqlite3 inserting the same rows into helpline_contact in one transaction
with the summary triggers left alone (helpline_bulk, as the import does,
so: the rows and their indexes) and with them firing per row (what a
loader that inserts contact by contact pays).

Directory: SERVICES institutions with one service each, covering their
gmina, uploaded to /uslugi/zarzadzanie/import (read, checked, stored and
the search index rebuilt); the reference: the same institutions, services
and coverage rows inserted by Python's sqlite3 in one transaction.

With PG=1 the directory upload is timed again on PostgreSQL, in a private
cluster (tests/pg/cluster.sh), each run into a fresh copy (CREATE DATABASE
... TEMPLATE) of one `rodzina init` database; its rate is set beside the
same bare SQLite reference.

Each into a fresh copy of one `rodzina init` database; RUNS runs, the
median. Prints a table and writes bench/results/imports-latest.md.

Usage: bench/imports.py BUILD_DIR      (a release build)
Env: BASE_PORT or PORT (the server's port; default: a free one), RUNS (3),
     CONTACTS (200000), SERVICES (20000), PG (1: the PostgreSQL run too)
"""
import glob
import os
import random
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
from scaling import machine, save_report  # noqa: E402
from test_auth import Client, add_user, multipart  # noqa: E402

RUNS = int(os.environ.get('RUNS', 3))
CONTACTS = int(os.environ.get('CONTACTS', 200000))
SERVICES = int(os.environ.get('SERVICES', 20000))
PG = os.environ.get('PG') == '1'
CHANNELS = ('free_line', 'office_line', 'email', 'legal_duty',
            'psychological', 'representation', 'professional')
CALLERS = ('victim', 'witness', 'perpetrator', 'professional')
FORMS = ('physical', 'psychological', 'sexual', 'economic', 'neglect',
         'cyber')
INSERT = ('INSERT INTO helpline_contact(region, at, channel, caller, gmina,'
          ' forms, harmed, help, referrals, minutes) VALUES (?, ?, ?, ?, ?,'
          ' ?, ?, ?, ?, ?)')


def contacts(gminas, n):
    """n contacts: the CSV text and the same rows for sqlite3."""
    rnd = random.Random(21)
    lines = ['wojewodztwo;data_godzina;kanal;kto_sie_zglasza;gmina_teryt;'
             'formy_przemocy;minuty']
    rows = []
    for _ in range(n):
        g = gminas[rnd.randrange(len(gminas))]
        at = (f'{2015 + rnd.randrange(4)}-{1 + rnd.randrange(12):02d}-'
              f'{1 + rnd.randrange(28):02d}T{rnd.randrange(24):02d}:'
              f'{rnd.randrange(60):02d}')
        ch, cr = 1 + rnd.randrange(7), 1 + rnd.randrange(4)
        forms = 1 + rnd.randrange(63)
        minutes = 5 + rnd.randrange(50)
        names = '; '.join(FORMS[k] for k in range(6) if forms >> k & 1)
        lines.append(f'{g[:2]};{at};{CHANNELS[ch - 1]};{CALLERS[cr - 1]};'
                     f'{g};"{names}";{minutes}')
        rows.append((g[:2], at, ch, cr, g, forms, 0, 0, 0, minutes))
    return '\r\n'.join(lines) + '\r\n', rows


def services(gminas, n):
    """n institutions of region 04 with a service each: the CSV bytes."""
    g04 = [g for g in gminas if g.startswith('04')]
    out = ['org_key,region,kind,org_name,gmina,service_name,category,'
           'coverage\n']
    for i in range(1, n + 1):
        g = g04[i % len(g04)]
        out.append(f'o{i},04,ops,Instytucja {i},{g},Porady {i},informacja,'
                   f'gmina:{g}\n')
    return ''.join(out).encode()


def bare_contacts(db, rows, bulk):
    con = sqlite3.connect(db, isolation_level=None)
    con.execute('PRAGMA journal_mode = WAL')
    con.execute('PRAGMA synchronous = FULL')
    t0 = time.perf_counter()
    con.execute('BEGIN IMMEDIATE')
    if bulk:
        con.execute('INSERT INTO helpline_bulk(id) VALUES (1)')
    con.executemany(INSERT, rows)
    if bulk:
        con.execute('DELETE FROM helpline_bulk')
    con.execute('COMMIT')
    secs = time.perf_counter() - t0
    con.close()
    return secs


def bare_services(db, n, gminas):
    g04 = [g for g in gminas if g.startswith('04')]
    con = sqlite3.connect(db, isolation_level=None)
    con.execute('PRAGMA journal_mode = WAL')
    con.execute('PRAGMA synchronous = FULL')
    t0 = time.perf_counter()
    con.execute('BEGIN IMMEDIATE')
    for i in range(1, n + 1):
        g = g04[i % len(g04)]
        org = con.execute("INSERT INTO dir_org(region, kind, name, gmina)"
                          " VALUES ('04', 'ops', ?, ?)",
                          (f'Instytucja {i}', g)).lastrowid
        svc = con.execute("INSERT INTO dir_service(org_id, name, category)"
                          " VALUES (?, ?, 'informacja')",
                          (org, f'Porady {i}')).lastrowid
        con.execute("INSERT INTO dir_area(service_id, level, code)"
                    " VALUES (?, 'gmina', ?)", (svc, g))
    con.execute('COMMIT')
    secs = time.perf_counter() - t0
    con.close()
    return secs


def upload(binary, db, svc_csv, n):
    """Seconds the directory upload of svc_csv to a server on db took."""
    srv = Server(binary, db, listen(n) + ['--body-limit', '64M'])
    try:
        c = Client(srv)
        assert c.login('koord')[0] == 303
        token = c.csrf('/uslugi/zarzadzanie')
        body, ctype = multipart({'csrf': token}, {'file': ('k.csv', svc_csv)})
        t0 = time.perf_counter()
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                raw=body, content_type=ctype)
        secs = time.perf_counter() - t0
        assert st == 200, (st, html[-300:])
        return secs
    finally:
        srv.stop()


class Cluster:
    """A private PostgreSQL cluster with one `rodzina init` database
    (template) and a fresh copy of it per run."""

    def __init__(self, binary, folder):
        self.folder, self.n = folder, 0
        self.base = subprocess.run(
            [os.path.join(ROOT, 'tests/pg/cluster.sh'), 'start', folder],
            check=True, capture_output=True, text=True).stdout.strip()
        self.psql = sorted(glob.glob('/usr/lib/postgresql/*/bin/psql'))[-1]
        self.sql('CREATE DATABASE imports_tpl')
        tpl = self.dsn('imports_tpl')
        subprocess.run([binary, 'init', '--db', tpl], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add_user(binary, tpl, 'koord', 'administrator')

    def dsn(self, name):
        return self.base.rsplit('/', 1)[0] + '/' + name

    def sql(self, stmt):
        subprocess.run([self.psql, '-X', '-q', '-d', self.base, '-c', stmt],
                       check=True)

    def fresh(self):
        self.n += 1
        self.sql(f'CREATE DATABASE imports_{self.n} TEMPLATE imports_tpl')
        return self.dsn(f'imports_{self.n}')

    def stop(self):
        subprocess.run([os.path.join(ROOT, 'tests/pg/cluster.sh'), 'stop',
                        self.folder], stderr=subprocess.DEVNULL)


def main():
    build = sys.argv[1]
    binary = os.path.join(build, 'rodzina')
    tmp = tempfile.mkdtemp(prefix='rodzina-imports-')
    pg = None
    try:
        base = os.path.join(tmp, 'base.db')
        subprocess.run([binary, 'init', '--db', base], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add_user(binary, base, 'koord', 'administrator')
        con = sqlite3.connect(base)
        gminas = [r[0] for r in con.execute('SELECT teryt FROM gmina')]
        con.close()
        text, rows = contacts(gminas, CONTACTS)
        csv_path = os.path.join(tmp, 'kontakty.csv')
        with open(csv_path, 'w', encoding='utf-8', newline='') as f:
            f.write(text)
        svc_csv = services(gminas, SERVICES)
        res = {k: [] for k in ('import', 'bare', 'triggers', 'dir',
                               'dir_bare', 'dir_pg')}
        if PG:
            os.chmod(tmp, 0o755)  # the cluster's socket folder is inside
            pg = Cluster(binary, os.path.join(tmp, 'pg'))

        def fresh(name):
            path = os.path.join(tmp, name)
            shutil.copy(base, path)
            return path

        for i in range(RUNS):
            db = fresh('hl.db')
            t0 = time.perf_counter()
            p = subprocess.run([binary, 'helpline', 'import', csv_path,
                                '--db', db], capture_output=True, text=True)
            res['import'].append(time.perf_counter() - t0)
            assert p.returncode == 0, p.stderr
            res['bare'].append(bare_contacts(fresh('bare.db'), rows, True))
            if CONTACTS <= 200000:
                res['triggers'].append(bare_contacts(fresh('trig.db'), rows,
                                                     False))
            res['dir'].append(upload(binary, fresh('dir.db'), svc_csv, 0))
            if pg:
                res['dir_pg'].append(upload(binary, pg.fresh(), svc_csv, 1))
            res['dir_bare'].append(bare_services(fresh('dirb.db'), SERVICES,
                                                 gminas))
            print(f'run {i + 1}: ' + ', '.join(
                f'{k} {v[-1]:.2f} s' for k, v in res.items() if v),
                file=sys.stderr)
        med = {k: statistics.median(v) for k, v in res.items() if v}
        report(med)
    finally:
        if pg:
            pg.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def report(med):
    hl, bare = CONTACTS / med['import'], CONTACTS / med['bare']
    dr, db_ = SERVICES / med['dir'], SERVICES / med['dir_bare']
    lines = [f'# Bulk loads (issue 21), {machine()}', '',
             f'Median of {RUNS} runs, each into a fresh copy of one `rodzina'
             f' init` database (SQLite, WAL, synchronous=FULL).', '',
             '| load | rows | seconds | rows/s | bare SQLite rows/s | ratio |',
             '| --- | ---: | ---: | ---: | ---: | ---: |',
             f'| `rodzina helpline import` | {CONTACTS} | '
             f'{med["import"]:.2f} | {hl:.0f} | {bare:.0f} | '
             f'{hl / bare:.2f} |']
    if 'triggers' in med:
        lines.append(f'| bare sqlite3, summary triggers per row | {CONTACTS}'
                     f' | {med["triggers"]:.2f} | '
                     f'{CONTACTS / med["triggers"]:.0f} | {bare:.0f} | '
                     f'{CONTACTS / med["triggers"] / bare:.2f} |')
    lines.append(f'| directory upload `/uslugi/zarzadzanie/import` | '
                 f'{SERVICES} | {med["dir"]:.2f} | {dr:.0f} | {db_:.0f} | '
                 f'{dr / db_:.2f} |')
    if 'dir_pg' in med:
        pr = SERVICES / med['dir_pg']
        lines.append(f'| the same upload on PostgreSQL | {SERVICES} | '
                     f'{med["dir_pg"]:.2f} | {pr:.0f} | {db_:.0f} | '
                     f'{pr / db_:.2f} |')
    note('imports', 'helpline import', hl, 0, hl / bare, 'bare SQLite')
    note('imports', 'directory import', dr, 0, dr / db_, 'bare SQLite')
    save_report('imports-latest.md', lines)


if __name__ == '__main__':
    main()
