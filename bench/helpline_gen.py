#!/usr/bin/env python3
"""Fill a database made by `rodzina init` with N generated helpline contacts
(default 10 000 000) over six years (2019-2024) and every gmina of the
country, in one transaction: through Python's sqlite3, or for a PostgreSQL
DSN (postgresql://...) as one COPY through psql. The table's triggers keep
the monthly summary exactly as the program's own inserts do.
Usage: helpline_gen.py DB [N]"""
import csv
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

COLUMNS = ('region, at, channel, caller, gmina, forms, harmed, help,'
           ' referrals, minutes')
PSQL = next((p for p in ('/usr/lib/postgresql/15/bin/psql',
                         shutil.which('psql')) if p and os.path.exists(p)),
            'psql')


def psql(db, *args, **kw):
    return subprocess.run([PSQL, '-X', '-q', '-A', '-t', '-v',
                           'ON_ERROR_STOP=1', '-d', db] + list(args),
                          check=True, text=True, **kw)


def load_pg(db, gen):
    """gen(gminas) yields the rows; COPY is one transaction, and the
    monthly summary's trigger runs for every row as for an INSERT."""
    gminas = psql(db, '-c', 'SELECT teryt FROM gmina ORDER BY teryt',
                  capture_output=True).stdout.split()
    copy = subprocess.Popen([PSQL, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d',
                             db, '-c', f'COPY helpline_contact({COLUMNS})'
                             ' FROM STDIN (FORMAT csv)'],
                            stdin=subprocess.PIPE, text=True)
    csv.writer(copy.stdin).writerows(gen(gminas))
    copy.stdin.close()
    if copy.wait() != 0:
        sys.exit('helpline_gen.py: COPY failed')
    psql(db, '-c', 'ANALYZE')


def main():
    db, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10_000_000
    rnd = random.Random(6)
    t0 = time.time()

    def rows(gminas):
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

    if db.startswith(('postgresql://', 'postgres://')):
        load_pg(db, rows)
        print(f'inserted {n} contacts in {time.time() - t0:.1f} s')
        return
    con = sqlite3.connect(db)
    con.execute('PRAGMA journal_mode = WAL')
    con.execute('PRAGMA synchronous = OFF')
    con.execute('PRAGMA cache_size = -400000')
    gminas = [r[0] for r in con.execute('SELECT teryt FROM gmina'
                                        ' ORDER BY teryt')]
    con.execute('BEGIN')
    con.executemany(f'INSERT INTO helpline_contact({COLUMNS})'
                    ' VALUES (?,?,?,?,?,?,?,?,?,?)', rows(gminas))
    con.execute('COMMIT')
    print(f'inserted {n} contacts in {time.time() - t0:.1f} s')
    con.execute('ANALYZE')
    con.close()


if __name__ == '__main__':
    main()
