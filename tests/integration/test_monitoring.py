#!/usr/bin/env python3
"""Integration tests of monitoring (issue 7) against the real server and
CLI: realisation entry by an implementer limited to its unit's tasks,
approval and return with audit rows, the report's totals against the
stored entries, registers (form, CSV export and all-or-nothing import),
and the PDF of the demo's 2021 report read back with pdftotext.
Usage: test_monitoring.py BINARY"""
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

from harness import Runner, Server, check, cleanup, make_db
from test_auth import Client, add_user, multipart

UNIT = 'Konsultanci Kujawsko-Pomorskiej Niebieskiej Linii'


def q(db, sql, *args):
    con = sqlite3.connect(db)
    r = con.execute(sql, args).fetchall()
    con.close()
    return r


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('anal', 'analyst')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    p = subprocess.run([binary, 'user', 'add', 'realizator', '--role', 'implementer',
                        '--region', '04', '--unit', UNIT, '--db', db],
                       input='dobre-haslo-2024!\n', capture_output=True,
                       text=True)
    if p.returncode != 0:
        print(f'FAIL setup: implementer: {p.stderr}')
        return 1
    plan = q(db, "SELECT id FROM plan WHERE year = 2021")[0][0]
    srv = Server(binary, db)
    t = Runner('monitoring')

    def pages_answer_with_real_content():
        c = Client(srv)
        st, _, html = c.request('GET', '/monitoring')
        check(st == 200 and 'Plany roczne' in html, st)
        st, _, html = c.request('GET', '/rejestry')
        check(st == 200 and 'Szkolenia i wydarzenia' in html, st)
        c.login('anal')
        st, _, html = c.request('GET', f'/monitoring/plany/{plan}')
        check(st == 200 and '<svg' in html and 'Ostatnie zmiany' in html, st)
        st, _, html = c.request('GET', f'/monitoring/plany/{plan}/raport')
        check(st == 200 and 'dane demonstracyjne' in html, st)
        check('ZAGROŻONY' in html, 'an indicator at risk is marked')

    def implementer_enters_only_its_units_tasks():
        c = Client(srv)
        check(c.login('realizator')[0] == 303, 'login')
        # Indicator 13 is task 1.10, whose implementers name the unit.
        form = {'csrf': c.csrf('/monitoring'), 'plan': plan,
                'kind': 'indicator', 'pos': 13, 'source': '',
                'period': '2021-Q4', 'value': '3', 'note': 'test'}
        before = q(db, "SELECT count(*) FROM realisation")[0][0]
        st, h, _ = c.request('POST', '/monitoring/wpisy', form)
        # The demo entered the year for this item: a quarter is refused.
        check(st == 400, st)
        form['period'] = '2021'
        form['value'] = '21'
        st, h, _ = c.request('POST', '/monitoring/wpisy', form)
        check(st == 303 and '/monitoring/wpisy/' in h['location'], st)
        row = q(db, "SELECT value, status, entered_by FROM realisation "
                "WHERE plan_id = ? AND kind = 'indicator' AND pos = 13",
                plan)
        check(row == [(21, 'entered', 'realizator')], row)
        # Indicator 9 is task 1.4 (the department): 403, nothing written.
        form.update(pos=9, value='7')
        st, _, html = c.request('POST', '/monitoring/wpisy', form)
        check(st == 403 and 'nie jest przypisane do Twojej' in html, st)
        check(q(db, "SELECT count(*) FROM realisation")[0][0] == before,
              'a row was added')
        st, _, html = c.request('GET', f'/monitoring/plany/{plan}/realizacja')
        check(st == 200 and html.count('name="value"') >= 1, st)

    def approval_and_return_are_audited():
        c = Client(srv)
        c.login('koord')
        pending = q(db, "SELECT id FROM realisation WHERE plan_id = ? AND "
                    "status = 'entered' ORDER BY id", plan)
        check(len(pending) >= 2, pending)
        a0 = q(db, "SELECT count(*) FROM audit WHERE action = "
               "'realisation.approve'")[0][0]
        r0 = q(db, "SELECT count(*) FROM audit WHERE action = "
               "'realisation.return'")[0][0]
        st, _, html = c.request('GET', '/monitoring/zatwierdzanie')
        check(st == 200 and 'Zatwierdź' in html, st)
        st, _, _ = c.request('POST', f'/monitoring/wpisy/{pending[0][0]}/'
                             'decyzja', {'csrf': c.csrf('/monitoring'),
                                         'decision': 'approve'})
        check(st == 303, st)
        st, _, html = c.request('POST', f'/monitoring/wpisy/{pending[1][0]}/'
                                'decyzja', {'csrf': c.csrf('/monitoring'),
                                            'decision': 'return'})
        check(st == 400 and 'Komentarz' in html, 'return needs a comment')
        st, _, _ = c.request('POST', f'/monitoring/wpisy/{pending[1][0]}/'
                             'decyzja', {'csrf': c.csrf('/monitoring'),
                                         'decision': 'return',
                                         'comment': 'Brak faktur'})
        check(st == 303, st)
        check(q(db, "SELECT count(*) FROM audit WHERE action = "
                "'realisation.approve'")[0][0] == a0 + 1, 'approve row')
        check(q(db, "SELECT count(*) FROM audit WHERE action = "
                "'realisation.return'")[0][0] == r0 + 1, 'return row')
        st, _, html = c.request('GET', f'/monitoring/wpisy/{pending[1][0]}')
        check('Brak faktur' in html and 'zwrot do poprawy' in html, 'history')

    def report_totals_equal_stored_entries():
        c = Client(srv)
        c.login('anal')
        st, _, body = c.request('GET', f'/api/monitoring/plans/{plan}/report')
        check(st == 200, st)
        r = json.loads(body)
        ind = q(db, "SELECT coalesce(sum(value), 0) FROM realisation WHERE "
                "plan_id = ? AND kind = 'indicator' AND status <> "
                "'returned'", plan)[0][0]
        spent = q(db, "SELECT coalesce(sum(value), 0) FROM realisation "
                  "WHERE plan_id = ? AND kind = 'line' AND status <> "
                  "'returned'", plan)[0][0]
        check(r['indicator_entries_sum'] == ind, (r['indicator_entries_sum'],
                                                  ind))
        check(r['budget']['spent_grosze'] == spent,
              (r['budget']['spent_grosze'], spent))
        check(r['budget']['planned_grosze'] == 50000000, 'planned 500 000')
        by = {s['source']: s['spent_grosze'] for s in r['budget']['by_source']}
        for src, v in q(db, "SELECT source, sum(value) FROM realisation "
                        "WHERE plan_id = ? AND kind = 'line' AND status <> "
                        "'returned' GROUP BY source", plan):
            check(by[src] == v, (src, by[src], v))
        # The helpline's 2 136 contacts of 2021 feed indicator 26.
        i26 = r['indicators'][26]
        check(i26['computed'] and i26['realisation'] == 2136, i26)
        check(r['demo_entries'] > 0, 'demo entries marked')

    def registers_form_csv_and_import():
        c = Client(srv)
        c.login('koord')
        n0 = q(db, "SELECT count(*) FROM reg_event")[0][0]
        form = {'csrf': c.csrf('/rejestry/szkolenia/nowy'), 'kind':
                'workshop', 'title': 'Warsztaty „Łódź” <b>', 'date_from':
                '2021-04-10', 'date_to': '', 'gmina': '0463011', 'task':
                '1.2', 'p_police': '4', 'p_social': '3'}
        st, h, _ = c.request('POST', '/rejestry/szkolenia', form)
        check(st == 303, st)
        check(q(db, "SELECT count(*) FROM reg_event")[0][0] == n0 + 1, 'row')
        form['gmina'] = '1261011'  # Kraków: another voivodeship
        st, _, html = c.request('POST', '/rejestry/szkolenia', form)
        check(st == 400 and 'Gmina (kod TERYT)' in html, st)
        st, h, csv = c.request('GET', '/rejestry/szkolenia/csv?rok=2021')
        check(st == 200 and h['content-type'].startswith('text/csv'), st)
        check('Warsztaty „Łódź” <b>' in csv, 'exported')
        bad = ('kind;title;date_from;p_police\n'
               'training;Dobre;2021-01-05;1\n'
               'lecture;Złe;2021-13-01;-2\n').encode()
        body, ct = multipart({'csrf': c.csrf('/rejestry/szkolenia')},
                             {'file': ('zle.csv', bad)})
        st, _, html = c.request('POST', '/rejestry/szkolenia/import',
                                raw=body, content_type=ct)
        check(st == 400 and 'Wiersz 3' in html, st)
        check(q(db, "SELECT count(*) FROM reg_event")[0][0] == n0 + 1,
              'nothing imported')
        body, ct = multipart({'csrf': c.csrf('/rejestry/szkolenia')},
                             {'file': ('dobre.csv', csv.encode())})
        st, _, html = c.request('POST', '/rejestry/szkolenia/import',
                                raw=body, content_type=ct)
        check(st == 200 and 'Wczytano' in html, st)
        check(q(db, "SELECT count(*) FROM audit WHERE action = "
                "'register.insert'")[0][0] >= 1, 'audited')

    def cli_pdf_is_readable_polish_and_xlsx_has_formulas():
        out = tempfile.mkdtemp(prefix='rodzina-report-')
        pdf = os.path.join(out, 'r.pdf')
        subprocess.run([binary, 'report', 'annual', '--plan', str(plan),
                        '--format', 'pdf', '-o', pdf, '--db', db],
                       check=True, capture_output=True)
        text = subprocess.run(['pdftotext', '-layout', pdf, '-'],
                              capture_output=True, text=True,
                              check=True).stdout
        for s in ('Sprawozdanie z realizacji za rok 2021',
                  'kujawsko-pomorskie', 'dane demonstracyjne',
                  'Wskaźniki zagrożone', 'Postęp realizacji celów',
                  'środki własne', 'Strona 2'):
            check(s in text, f'{s!r} not in the PDF text')
        # Headers repeat on every page of the indicator table.
        check(text.count('Realiz.') >= 2, 'repeated header')
        subprocess.run(['pdftoppm', '-png', '-r', '50', '-f', '1', '-l', '1',
                        pdf, os.path.join(out, 'p')], check=True)
        check(os.path.getsize(os.path.join(out, 'p-1.png')) > 5000, 'png')
        xlsx = os.path.join(out, 'r.xlsx')
        subprocess.run([binary, 'report', 'annual', '--plan', str(plan),
                        '--format', 'xlsx', '-o', xlsx, '--db', db],
                       check=True, capture_output=True)
        z = zipfile.ZipFile(xlsx)
        sheets = ''.join(z.read(n).decode() for n in z.namelist()
                         if n.startswith('xl/worksheets/sheet'))
        check('<f>SUM(' in sheets and 'SUMIF(' in sheets, 'formulas')
        p = subprocess.run([binary, 'report', 'annual', '--plan', '3',
                            '--format', 'json', '--db', db],
                           capture_output=True, text=True)
        check(p.returncode == 1 and 'no yearly plan' in p.stderr, p.stderr)
        cleanup(out)

    for fn in (pages_answer_with_real_content,
               implementer_enters_only_its_units_tasks,
               approval_and_return_are_audited,
               report_totals_equal_stored_entries,
               registers_form_csv_and_import,
               cli_pdf_is_readable_polish_and_xlsx_has_formulas):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
