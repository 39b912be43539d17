#!/usr/bin/env python3
"""Fill a database made by `rodzina init` with N generated helpline contacts
(default 10 000 000) over six years (2019-2024) and every gmina of the
country, in one transaction: through Python's sqlite3 for a file, through
psql's COPY for a postgresql:// DSN (the same rows from the same seed). The
table's triggers keep the monthly summary exactly as the program's own
inserts do, on either engine. With --csv FILE the same rows are written
instead as a CSV for `rodzina helpline import` (the contact export's
columns, codes where the export has them, the labels of the help given;
the gminas are read from DB), so the import and this generator load the
same contacts (bench/helpline_load.py).
Usage: helpline_gen.py DB [N] [--csv FILE]"""
import glob
import os
import random
import re
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


def gminas_of(db):
    if db.startswith(('postgresql://', 'postgres://')):
        return subprocess.run([psql(), '-X', '-q', '-A', '-t', '-d', db, '-c',
                               'SELECT teryt FROM gmina ORDER BY teryt'],
                              check=True, capture_output=True,
                              text=True).stdout.split()
    con = sqlite3.connect(db)
    out = [r[0] for r in con.execute('SELECT teryt FROM gmina ORDER BY teryt')]
    con.close()
    return out


CODES = {
    'channel': ('free_line', 'office_line', 'email', 'legal_duty',
                'psychological', 'representation', 'professional'),
    'caller': ('victim', 'witness', 'perpetrator', 'professional'),
    'forms': ('physical', 'psychological', 'sexual', 'economic', 'neglect',
              'cyber'),
    'harmed': ('child', 'woman', 'man', 'older', 'disabled'),
    'referrals': ('social_welfare', 'pcpr', 'crisis_centre', 'team',
                  'police', 'prosecutor_court', 'health', 'ngo'),
}


def help_labels():
    """The labels of the help given (they have no codes), as the program
    has them."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..',
                        'src', 'helpline', 'strings_pl.h')
    with open(path, encoding='utf-8') as f:
        found = dict(re.findall(r'#define T_HL_HE(\d) "([^"]*)"', f.read()))
    return tuple(found[str(k)] for k in range(1, 7))


def main_csv(db, n, path):
    helps = help_labels()

    def names(words, bits):
        return '"' + '; '.join(w for k, w in enumerate(words)
                               if bits >> k & 1) + '"'

    t0 = time.time()
    with open(path, 'w', encoding='utf-8', newline='') as f:
        f.write('wojewodztwo;data_godzina;kanal;kto_sie_zglasza;gmina_teryt;'
                'formy_przemocy;kogo_dotyczy;udzielona_pomoc;skierowania;'
                'minuty\r\n')
        buf = []
        for (woj, at, ch, cr, g, forms, harmed, hlp, refs,
             minutes) in rows(gminas_of(db), n):
            buf.append(f'{woj};{at};{CODES["channel"][ch - 1]};'
                       f'{CODES["caller"][cr - 1]};{g or ""};'
                       f'{names(CODES["forms"], forms)};'
                       f'{names(CODES["harmed"], harmed)};'
                       f'{names(helps, hlp)};'
                       f'{names(CODES["referrals"], refs)};{minutes}\r\n')
            if len(buf) == 10000:
                f.write(''.join(buf))
                buf = []
        f.write(''.join(buf))
    print(f'wrote {n} contacts to {path} in {time.time() - t0:.1f} s')


def main():
    args = sys.argv[1:]
    csv_path = None
    if '--csv' in args:
        k = args.index('--csv')
        csv_path = args[k + 1]
        del args[k:k + 2]
    db, n = args[0], int(args[1]) if len(args) > 1 else 10_000_000
    if csv_path is not None:
        main_csv(db, n, csv_path)
        return
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
