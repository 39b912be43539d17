#!/usr/bin/env python3
"""Integration tests of `rodzina helpline import` (issue 21): the contact
export of the demo (with notes) imported into an empty database gives the
same export back (but the numbers, new ids) and the same statistics; the
same file imported again beside the contacts already stored doubles every
figure (also for a server that kept the answer from before) and the
monthly summaries equal a count over the contacts; a
Windows-1250 file with labels, codes and a spreadsheet's date form is
read; one audit row per import; a bad row (an unknown channel, a label,
a gmina or voivodeship not in the register, a date in the future, minutes
out of range, a missing column, an unclosed quote, a row with a cell too
many) is named by line and column and nothing is stored.
Usage: test_helpline_import.py BINARY"""
import json
import os
import subprocess
import sys

from harness import (Runner, Server, check, cleanup, make_db, new_db, sql,
                     sql_one)
from test_auth import Client, add_user

HEAD = ('nr;wojewodztwo;data_godzina;kanal;kto_sie_zglasza;gmina_teryt;'
        'gmina;powiat;formy_przemocy;kogo_dotyczy;udzielona_pomoc;'
        'skierowania;skierowania_katalog;minuty;zapisal')
GOOD = ('1;04;2020-03-05T18:10;Linia bezpłatna regionu;'
        'Osoba doznająca przemocy;0401011;;;"physical; psychological";woman;'
        ';;;25;jan')
STATS = '/api/helpline/stats?woj=04&od=2021-01-01&do=2021-12-31'
SUMMARY = ("SELECT region, month, gmina, n, minutes, ch1, ch2, ch3, ch4, ch5,"
           " ch6, ch7, cr1, cr2, cr3, cr4, fo1, fo2, fo3, fo4, fo5, fo6, hm1,"
           " hm2, hm3, hm4, hm5, re1, re2, re3, re4, re5, re6, re7, re8"
           " FROM helpline_month WHERE n <> 0 ORDER BY region, month, gmina")
RECOUNT = ("SELECT region, substr(at, 1, 7), coalesce(gmina, ''), count(*),"
           " sum(coalesce(minutes, 0))," +
           ','.join(f" sum(CASE WHEN channel = {i} THEN 1 ELSE 0 END)"
                    for i in range(1, 8)) + ',' +
           ','.join(f" sum(CASE WHEN caller = {i} THEN 1 ELSE 0 END)"
                    for i in range(1, 5)) + ',' +
           ','.join(f" sum(CASE WHEN forms % {2 << k} >= {1 << k} THEN 1"
                    " ELSE 0 END)" for k in range(6)) + ',' +
           ','.join(f" sum(CASE WHEN harmed % {2 << k} >= {1 << k} THEN 1"
                    " ELSE 0 END)" for k in range(5)) + ',' +
           ','.join(f" sum(CASE WHEN referrals % {2 << k} >= {1 << k} THEN"
                    " 1 ELSE 0 END)" for k in range(8)) +
           " FROM helpline_contact GROUP BY region, substr(at, 1, 7),"
           " coalesce(gmina, '') ORDER BY 1, 2, 3")


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    empty = new_db(d, 'empty', binary)
    add_user(binary, db, 'admin', 'administrator')
    add_user(binary, empty, 'admin', 'administrator')
    t = Runner('helpline_import')

    def run(target, path):
        return subprocess.run([binary, 'helpline', 'import', path, '--db',
                               target], capture_output=True, text=True)

    def write(name, text, encoding='utf-8'):
        path = os.path.join(d, name)
        with open(path, 'w', encoding=encoding, newline='') as f:
            f.write(text)
        return path

    srv = Server(binary, db)
    c = Client(srv)
    check(c.login('admin')[0] == 303, 'login')
    st, _, export = c.request('GET', '/niebieska-linia/kontakty.csv?woj=04'
                              '&od=2015-01-01&do=2030-12-31&notatki=1')
    check(st == 200 and export.count('\n') > 1000, st)
    _, _, stats = c.request('GET', STATS)
    srv.stop()
    exported = write('kontakty.csv', export)
    n = sql_one(db, 'SELECT count(*) FROM helpline_contact')

    def drop_numbers(text):
        """The export without its first column (the ids)."""
        return [line.split(';', 1)[1] for line in text.splitlines()[1:]]

    def the_export_read_back_gives_the_same_export_and_statistics():
        p = run(empty, exported)
        check(p.returncode == 0 and f'{n} contacts' in p.stdout,
              (p.returncode, p.stdout, p.stderr))
        s2 = Server(binary, empty)
        c2 = Client(s2)
        check(c2.login('admin')[0] == 303, 'login')
        st, _, again = c2.request('GET', '/niebieska-linia/kontakty.csv?'
                                  'woj=04&od=2015-01-01&do=2030-12-31'
                                  '&notatki=1')
        _, _, stats2 = c2.request('GET', STATS)
        s2.stop()
        check(st == 200, st)
        # The same contacts (those of one minute in any order).
        check(sorted(drop_numbers(again)) == sorted(drop_numbers(export)),
              'export')
        check(json.loads(stats2) == json.loads(stats), 'statistics')
        check(sql(empty, SUMMARY) == sql(empty, RECOUNT), 'summary')
        check(sql_one(empty, "SELECT count(*) FROM audit WHERE action ="
                      " 'helpline.import'") == 1, 'audit')

    def imported_beside_stored_contacts_doubles_the_figures():
        # A server asked before the import keeps that answer until the
        # register's version changes: the import changes it once.
        s3 = Server(binary, db)
        c3 = Client(s3)
        c3.login('admin')
        _, _, kept = c3.request('GET', STATS)
        check(json.loads(kept) == json.loads(stats), 'before')
        p = run(db, exported)
        check(p.returncode == 0, p.stderr)
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') == 2 * n,
              'count')
        check(sql(db, SUMMARY) == sql(db, RECOUNT), 'summary')
        _, _, body = c3.request('GET', STATS)
        s3.stop()
        before, after = json.loads(stats), json.loads(body)
        check(after['total'] == 2 * before['total'] and
              [x['n'] for x in after['by_gmina']] ==
              [2 * x['n'] for x in before['by_gmina']], 'doubled')

    def windows_1250_labels_codes_and_spreadsheet_dates_are_read():
        text = (HEAD + '\r\n' + GOOD + '\r\n' +
                '2;04;2020-04-01 09:05;office_line;professional;;;;;;;'
                '"police; ngo";;;\r\n\r\n')
        path = write('cp1250.csv', text, 'cp1250')
        count = sql_one(empty, 'SELECT count(*) FROM helpline_contact')
        p = run(empty, path)
        check(p.returncode == 0 and '2 contacts' in p.stdout,
              (p.stdout, p.stderr))
        rows = sql(empty, "SELECT at, channel, caller, gmina, forms, harmed,"
                   " referrals, minutes, created_by FROM helpline_contact"
                   " WHERE at < '2020-05' ORDER BY at")
        check(rows == [('2020-03-05T18:10', 1, 1, '0401011', 3, 2, 0, 25,
                        'jan'),
                       ('2020-04-01T09:05', 2, 4, None, 0, 0, 144, None,
                        None)], rows)
        check(sql_one(empty, 'SELECT count(*) FROM helpline_contact') ==
              count + 2, 'count')
        check(sql(empty, SUMMARY) == sql(empty, RECOUNT), 'summary')

    def a_bad_row_is_named_and_nothing_is_stored():
        count = sql_one(empty, 'SELECT count(*) FROM helpline_contact')
        audits = sql_one(empty, 'SELECT count(*) FROM audit')
        good = [HEAD, GOOD, GOOD, GOOD]
        cases = (
            (3, 'kanal', GOOD.replace('Linia bezpłatna regionu', 'radio')),
            (3, 'formy_przemocy', GOOD.replace('physical', 'fizyczna?')),
            (3, 'gmina_teryt', GOOD.replace('0401011', '0499999')),
            (3, 'wojewodztwo', GOOD.replace(';04;', ';99;')),
            (3, 'data_godzina', GOOD.replace('2020-03-05', '2099-03-05')),
            (3, 'data_godzina', GOOD.replace('2020-03-05', '2020-02-30')),
            (3, 'minuty', GOOD.replace(';25;', ';601;')),
            (3, None, GOOD + ';extra'),
            (3, None, GOOD.replace('jan', '"jan')),
        )
        for line, column, bad in cases:
            rows = good[:line - 1] + [bad] + good[line - 1:]
            path = write('bad.csv', '\n'.join(rows) + '\n')
            p = run(empty, path)
            where = f'{path}:{line}:' + (f' column {column}:' if column
                                         else '')
            check(p.returncode == 1 and where in p.stderr and
                  'nothing stored' in p.stderr, (bad, p.stderr))
        path = write('bad.csv', HEAD.replace('kanal;', '') + '\n')
        p = run(empty, path)
        check(p.returncode == 1 and 'kto_sie_zglasza' in p.stderr,
              p.stderr)
        check(sql_one(empty, 'SELECT count(*) FROM helpline_contact') ==
              count, 'nothing stored')
        check(sql_one(empty, 'SELECT count(*) FROM audit') == audits,
              'no audit row')

    t.run(the_export_read_back_gives_the_same_export_and_statistics)
    t.run(imported_beside_stored_contacts_doubles_the_figures)
    t.run(windows_1250_labels_codes_and_spreadsheet_dates_are_read)
    t.run(a_bad_row_is_named_and_nothing_is_stored)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
