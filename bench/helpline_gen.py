#!/usr/bin/env python3
"""Fill a database made by `rodzina init` with N generated helpline contacts
(default 10 000 000) over six years (2019-2024) and every gmina of the
country, in one transaction: through Python's sqlite3 for a file, through
psql's COPY for a postgresql:// DSN (the same rows from the same seed). The
table's triggers keep the monthly summary exactly as the program's own
inserts do, on either engine.
Usage: helpline_gen.py DB [N]"""
import glob
import random
import sqlite3
import subprocess
import sys
import time

COLUMNS = ('region, at, channel, caller, gmina, forms, harmed, help, '
           'referrals, minutes')


def psql():
    found = sorted(glob.glob('/usr/lib/postgresql/*/bin/psql'))
    return found[-1] if found else 'psql'


def rows(gminas, n):
    rnd = random.Random(6)
    for i in range(n):
        g = gminas[rnd.randrange(len(gminas))]
        day = rnd.randrange(6 * 365)
        y = 2019 + day // 365
        doy = day % 365
        m = min(12, 1 + doy * 12 // 365)
        d = 1 + doy % 28
        yield (g[:2], f'{y}-{m:02d}-{d:02d}T{rnd.randrange(24):02d}:'
               f'{rnd.randrange(60):02d}', 1 + rnd.randrange(7),
               1 + rnd.randrange(4), g if rnd.randrange(10) else None,
               rnd.randrange(1, 64), 1 << rnd.randrange(5),
               rnd.randrange(64), rnd.randrange(256),
               5 + rnd.randrange(50))


def main_pg(dsn, n):
    out = subprocess.run([psql(), '-X', '-q', '-A', '-t', '-d', dsn, '-c',
                          'SELECT teryt FROM gmina ORDER BY teryt'],
                         check=True, capture_output=True, text=True).stdout
    gminas = out.split()
    t0 = time.time()
    p = subprocess.Popen([psql(), '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d',
                          dsn, '-c', f'COPY helpline_contact({COLUMNS}) '
                          'FROM STDIN'], stdin=subprocess.PIPE)
    buf = []
    for r in rows(gminas, n):
        buf.append('\t'.join('\\N' if v is None else str(v) for v in r))
        if len(buf) == 10000:
            p.stdin.write(('\n'.join(buf) + '\n').encode())
            buf = []
    if buf:
        p.stdin.write(('\n'.join(buf) + '\n').encode())
    p.stdin.close()
    if p.wait() != 0:
        sys.exit('helpline_gen: COPY failed')
    print(f'inserted {n} contacts in {time.time() - t0:.1f} s')
    subprocess.run([psql(), '-X', '-q', '-d', dsn, '-c', 'ANALYZE'],
                   check=True)


def main():
    db, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    if db.startswith(('postgresql://', 'postgres://')):
        main_pg(db, n)
        return
    con = sqlite3.connect(db)
    con.execute('PRAGMA journal_mode = WAL')
    con.execute('PRAGMA synchronous = OFF')
    con.execute('PRAGMA cache_size = -400000')
    gminas = [r[0] for r in con.execute('SELECT teryt FROM gmina ORDER BY teryt')]
    t0 = time.time()

    con.execute('BEGIN')
    con.executemany(f'INSERT INTO helpline_contact({COLUMNS})'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?)', rows(gminas, n))
    con.execute('COMMIT')
    print(f'inserted {n} contacts in {time.time() - t0:.1f} s')
    con.execute('ANALYZE')
    con.close()


if __name__ == '__main__':
    main()
