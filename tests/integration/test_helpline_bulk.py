#!/usr/bin/env python3
"""Integration tests of the bulk path of `rodzina helpline import` (issue
21), on either engine: a file of several reading windows (the reader holds
4 MB of text at a time, so a file of 10 000 000 contacts is read as this
one is; notes with quotes, separators and line breaks fall across the
windows' ends) stores exactly its rows, and the monthly summary and both
roll-ups equal a direct count over the contacts; a bad row in the last
window stores nothing; a file over the 8 GB cap and a row over 4 MB are
refused by name with nothing stored; an import killed with SIGKILL in the
middle of its inserts leaves nothing, and the next import runs.
Usage: test_helpline_bulk.py BINARY"""
import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta

from harness import Runner, check, cleanup, make_db, sql, sql_one
from test_helpline_import import RECOUNT, SUMMARY

CHANNELS = ('free_line', 'office_line', 'email', 'legal_duty',
            'psychological', 'representation', 'professional')
CALLERS = ('victim', 'witness', 'perpetrator', 'professional')
FORMS = ('physical', 'psychological', 'sexual', 'economic', 'neglect',
         'cyber')
HARMED = ('child', 'woman', 'man', 'older', 'disabled')
REFERRALS = ('social_welfare', 'pcpr', 'crisis_centre', 'team', 'police',
             'prosecutor_court', 'health', 'ngo')
START, FOUR_YEARS = datetime(2016, 1, 1), 4 * 365 * 24 * 60  # minutes
HEAD = ('wojewodztwo;data_godzina;kanal;kto_sie_zglasza;gmina_teryt;'
        'formy_przemocy;kogo_dotyczy;skierowania;minuty;zapisal;notatka')
COLUMNS = ('region, at, channel, caller, gmina, forms, harmed, help,'
           ' referrals, minutes, note, created_by')
ROLLUP_MONTH = ('SELECT region, month, n, minutes, ch1, ch7, cr4, fo6, hm5,'
                ' re8 FROM helpline_month_region WHERE n <> 0'
                ' ORDER BY 1, 2')
COUNT_MONTH = ('SELECT region, substr(at, 1, 7), count(*),'
               ' sum(coalesce(minutes, 0)),'
               ' sum(CASE WHEN channel = 1 THEN 1 ELSE 0 END),'
               ' sum(CASE WHEN channel = 7 THEN 1 ELSE 0 END),'
               ' sum(CASE WHEN caller = 4 THEN 1 ELSE 0 END),'
               ' sum(CASE WHEN forms >= 32 THEN 1 ELSE 0 END),'
               ' sum(CASE WHEN harmed >= 16 THEN 1 ELSE 0 END),'
               ' sum(CASE WHEN referrals >= 128 THEN 1 ELSE 0 END)'
               ' FROM helpline_contact GROUP BY region, substr(at, 1, 7)'
               ' ORDER BY 1, 2')
ROLLUP_YEAR = ('SELECT region, year, gmina, n FROM helpline_year_gmina'
               ' WHERE n <> 0 ORDER BY 1, 2, 3')
COUNT_YEAR = ("SELECT region, substr(at, 1, 4), coalesce(gmina, ''),"
              " count(*) FROM helpline_contact"
              " GROUP BY region, substr(at, 1, 4), coalesce(gmina, '')"
              " ORDER BY 1, 2, 3")


def cell(v):
    v = '' if v is None else str(v)
    if any(ch in v for ch in ';"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def line_of(lines, k):
    """The line of the file where lines[k] begins (quoted breaks count)."""
    return 1 + sum(x.count('\n') + 1 for x in lines[:k])


def names(words, bits):
    return '; '.join(w for k, w in enumerate(words) if bits >> k & 1)


def contacts(gminas, n, seed):
    """n contacts as CSV lines and as the rows the table must hold."""
    rnd = random.Random(seed)
    lines, rows = [HEAD], []
    for i in range(n):
        g = rnd.choice(gminas)
        at = (START + timedelta(minutes=rnd.randrange(FOUR_YEARS))).strftime(
            '%Y-%m-%dT%H:%M')
        bits = rnd.getrandbits(32)
        ch, cr = 1 + bits % 7, 1 + bits // 7 % 4
        forms, harmed, refs = bits >> 8 & 63, bits >> 14 & 31, bits >> 19 & 255
        minutes = None if i % 7 == 0 else 1 + rnd.randrange(600)
        gmina = None if i % 11 == 0 else g
        note = None
        if i % 3 == 0:
            note = (f'Rozmowa {i}; "cytat"\r\nciąg dalszy: ' +
                    'x' * rnd.randrange(300) + '.')
        by = None if i % 5 == 0 else f'konsultant{i % 17}'
        lines.append(';'.join(cell(v) for v in (
            g[:2], at, CHANNELS[ch - 1], CALLERS[cr - 1], gmina,
            names(FORMS, forms), names(HARMED, harmed),
            names(REFERRALS, refs), minutes, by, note)))
        rows.append((g[:2], at, ch, cr, gmina, forms, harmed, 0, refs,
                     minutes, note, by))
    return lines, rows


def main():
    binary = sys.argv[1]
    d, db = make_db(binary, demo=False)
    t = Runner('helpline_bulk')
    gminas = [r[0] for r in sql(db, 'SELECT teryt FROM gmina ORDER BY 1')]

    def run(path):
        return subprocess.run([binary, 'helpline', 'import', path, '--db',
                               db], capture_output=True, text=True)

    def write(name, lines):
        path = os.path.join(d, name)
        with open(path, 'w', encoding='utf-8', newline='') as f:
            f.write('\r\n'.join(lines) + '\r\n')
        return path

    def stored():
        return sorted(sql(db, f'SELECT {COLUMNS} FROM helpline_contact'),
                      key=repr)

    def figures_equal_a_count():
        check(sql(db, SUMMARY) == sql(db, RECOUNT), 'monthly summary')
        check(sql(db, ROLLUP_MONTH) == sql(db, COUNT_MONTH),
              'summary of regions')
        check(sql(db, ROLLUP_YEAR) == sql(db, COUNT_YEAR),
              'summary of years and gminas')
        check(sql_one(db, 'SELECT count(*) FROM helpline_bulk') == 0,
              'bulk mode left on')

    lines, rows = contacts(gminas, 45123, 21)  # 90 batches and 123
    big = write('kontakty.csv', lines)

    def a_file_of_several_windows_stores_its_rows_and_figures():
        size = os.path.getsize(big)
        check(size > 2 * 4 * 1024 * 1024, f'{size} bytes: not 3 windows')
        audits = sql_one(db, 'SELECT count(*) FROM audit')
        p = run(big)
        check(p.returncode == 0 and
              f'{len(rows)} contacts' in p.stdout, p.stderr)
        got, want = stored(), sorted(rows, key=repr)
        check(got == want, 'the rows of the file: ' + repr(next(
            ((a, b) for a, b in zip(got, want) if a != b), len(got))))
        check(sql_one(db, 'SELECT count(*) FROM helpline_referral') == 0,
              'no referral rows')
        figures_equal_a_count()
        check(sql_one(db, 'SELECT count(*) FROM audit') == audits + 1,
              'one audit row')
        check(f'"contacts":{len(rows)}' in sql_one(
            db, "SELECT after FROM audit WHERE action = 'helpline.import'"),
            'audit says how many')

    def a_bad_row_in_the_last_window_stores_nothing():
        before = sql_one(db, 'SELECT count(*) FROM helpline_contact')
        bad = lines + [lines[1].replace(';' + rows[0][1] + ';',
                                        ';2016-02-30T10:00;')]
        check(bad[-1] != lines[1], 'a bad date')
        path = write('bad.csv', bad)
        p = run(path)
        check(p.returncode == 1 and
              f'{path}:{line_of(bad, len(bad) - 1)}: column data_godzina:'
              in p.stderr and
              'nothing stored' in p.stderr, p.stderr)
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') == before,
              'nothing stored')
        figures_equal_a_count()

    def files_over_the_caps_are_refused_by_name():
        before = sql_one(db, 'SELECT count(*) FROM helpline_contact')
        huge = os.path.join(d, 'huge.csv')
        with open(huge, 'wb') as f:
            f.write((HEAD + '\n').encode())
            f.truncate((8 << 30) + 1)  # sparse: no disk used
        p = run(huge)
        check(p.returncode == 1 and '8 GB' in p.stderr and
              'nothing stored' in p.stderr, p.stderr)
        os.unlink(huge)
        long_row = lines[:3] + [lines[3].rsplit(';', 1)[0] + ';"' +
                                'y' * (4 << 20) + '"'] + lines[4:10]
        path = write('long.csv', long_row)
        p = run(path)
        check(p.returncode == 1 and
              f'{path}:{line_of(long_row, 3)}:' in p.stderr and
              '4 MB' in p.stderr, p.stderr)
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') == before,
              'nothing stored')

    def a_killed_import_leaves_nothing():
        before = sql_one(db, 'SELECT count(*) FROM helpline_contact')
        summary = sql(db, SUMMARY)
        more = write('more.csv', contacts(gminas, 150000, 6)[0])
        size = os.path.getsize(more)
        p = subprocess.Popen([binary, 'helpline', 'import', more, '--db', db],
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        read = 0
        deadline = time.time() + 120
        # the encoding pass reads the file once; a third of the second
        # read is a third of the rows inserted
        while read < size + size // 3 and p.poll() is None and \
                time.time() < deadline:
            time.sleep(0.02)
            try:
                with open(f'/proc/{p.pid}/io') as f:
                    read = int(f.read().split('rchar: ')[1].split()[0])
            except (OSError, IndexError):
                pass
        check(p.poll() is None, f'the import ended before the kill '
              f'(read {read} of {2 * size} bytes)')
        p.send_signal(signal.SIGKILL)
        p.wait()
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') == before,
              'nothing of the killed import stored')
        check(sql(db, SUMMARY) == summary, 'summary unchanged')
        figures_equal_a_count()
        small = write('small.csv', lines[:101])
        q = run(small)
        check(q.returncode == 0 and '100 contacts' in q.stdout, q.stderr)
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') ==
              before + 100, 'the next import stores')
        figures_equal_a_count()

    t.run(a_file_of_several_windows_stores_its_rows_and_figures)
    t.run(a_bad_row_in_the_last_window_stores_nothing)
    t.run(files_over_the_caps_are_refused_by_name)
    t.run(a_killed_import_leaves_nothing)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
