#!/usr/bin/env python3
"""Integration tests of monitoring (issue 7) against the real server and
CLI: realisation entry by an implementer limited to its units' tasks (by id),
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
    # Units by number: the implementer unit the plans name, the
    # organisation of the first demo grant of the 2021 competition.
    unit = q(db, "SELECT id FROM org_unit WHERE region = '04' AND"
             " kind = 'implementer' AND name = ?", UNIT)[0][0]
    ngo_unit = q(db, "SELECT organisation_id FROM reg_grant_award"
                 " WHERE id = 1")[0][0]
    p = subprocess.run([binary, 'user', 'add', 'realizator', '--role', 'implementer',
                        '--region', '04', '--unit', str(unit), '--db', db],
                       input='dobre-haslo-2024!\n', capture_output=True,
                       text=True)
    if p.returncode != 0:
        print(f'FAIL setup: implementer: {p.stderr}')
        return 1
    p = subprocess.run([binary, 'user', 'add', 'ngo', '--role', 'grantee',
                        '--region', '04', '--unit', str(ngo_unit), '--db', db],
                       input='dobre-haslo-2024!\n', capture_output=True,
                       text=True)
    if p.returncode != 0:
        print(f'FAIL setup: grantee: {p.stderr}')
        return 1
    add_user(binary, db, 'koord12', 'coordinator', region='12')
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

    def grantee_reports_its_own_grants_only():
        own, other = 1, 2  # demo awards of the 2021 competition (grant 1)
        check(q(db, "SELECT grant_id, initiatives FROM reg_grant_award "
                "WHERE id IN (1, 2) ORDER BY id") == [(1, 5), (1, 4)],
              'demo awards')
        c = Client(srv)
        check(c.login('ngo')[0] == 303, 'login')
        st, _, html = c.request('GET', '/moje-dotacje')
        check(st == 200 and 'Grupy wsparcia' in html, st)
        check('Poradnictwo prawne' not in html and 'Bezpieczny Dom' not in
              html, "another organisation's grant is listed")
        st, _, html = c.request('GET', f'/moje-dotacje/{own}')
        check(st == 200 and 'name="initiatives"' in html and 'value="5"' in
              html, st)
        a0 = q(db, "SELECT count(*) FROM audit WHERE action = "
               "'grant.report'")[0][0]
        before = q(db, "SELECT * FROM reg_grant_award ORDER BY id")
        # Another organisation's grant: 404 to read and to report.
        st, _, _ = c.request('GET', f'/moje-dotacje/{other}')
        check(st == 404, st)
        st, _, _ = c.request('POST', f'/moje-dotacje/{other}',
                             {'csrf': c.csrf('/moje-dotacje'),
                              'initiatives': '99', 'beneficiaries': '999'})
        check(st == 404, st)
        # The coordinator's pages of the competition are not the grantee's.
        st, _, _ = c.request('GET', '/rejestry/konkursy/1/dotacje')
        check(st == 403, st)
        st, _, body = c.request('GET', '/api/registers/konkursy/1')
        check(st == 200 and 'awards' not in json.loads(body), st)
        # All or nothing: one bad field, nothing stored, the field named.
        st, _, html = c.request('POST', f'/moje-dotacje/{own}',
                                {'csrf': c.csrf('/moje-dotacje'),
                                 'initiatives': '7', 'beneficiaries': '-3'})
        check(st == 400 and '„Beneficjenci ostateczni”: „-3”' in html, st)
        check('„Inicjatywy”' not in html, 'a good field is reported bad')
        check(q(db, "SELECT * FROM reg_grant_award ORDER BY id") == before,
              'a rejected or foreign report changed data')
        check(q(db, "SELECT count(*) FROM audit WHERE action = "
                "'grant.report'")[0][0] == a0, 'audit without a change')
        st, h, _ = c.request('POST', f'/moje-dotacje/{own}',
                             {'csrf': c.csrf('/moje-dotacje'),
                              'initiatives': '7', 'beneficiaries': '300',
                              'note': 'Sprawozdanie końcowe'})
        check(st == 303 and h['location'] == '/moje-dotacje', st)
        row = q(db, "SELECT initiatives, beneficiaries, report_note, "
                "reported_by FROM reg_grant_award WHERE id = ?", own)
        check(row == [(7, 300, 'Sprawozdanie końcowe', 'ngo')], row)
        audit = q(db, "SELECT account, entity, entity_id, before, after "
                  "FROM audit WHERE action = 'grant.report' ORDER BY id")
        check(len(audit) == a0 + 1, 'one audit row')
        check(audit[-1][:3] == ('ngo', 'reg_grant_award', str(own)),
              audit[-1])
        check(json.loads(audit[-1][3])['initiatives'] == 5 and
              json.loads(audit[-1][4])['initiatives'] == 7, 'before/after')
        check(q(db, "SELECT initiatives FROM reg_grant_award WHERE id = ?",
                other) == [(4,)], 'other award untouched')
        # The coordinator sees the figures and their sum (7 + 4 + 3).
        k = Client(srv)
        k.login('koord')
        st, _, html = k.request('GET', '/rejestry/konkursy/1/dotacje')
        check(st == 200 and 'Sprawozdanie końcowe' in html and
              'złożone przez ngo' in html, st)
        check(re.search(r'Suma sprawozdań \(3/3\)</th><td class="num">'
                        r'48 500,00</td><td class="num">14</td>'
                        r'<td class="num">680</td>', html), 'sums')
        st, _, body = k.request('GET', '/api/registers/konkursy/1')
        aw = {w['id']: w for w in json.loads(body)['awards']}
        check(aw[own]['initiatives'] == 7 and aw[own]['reported_by'] ==
              'ngo' and len(aw) == 3, aw)
        # The computed indicator "grant initiatives" follows the reports.
        st, _, _ = k.request('POST', f'/monitoring/plany/{plan}/powiazania',
                             {'csrf': k.csrf('/monitoring'), 'pos': '29',
                              'metric': 'grants', 'filter': 'initiatives',
                              'task': '3.6'})
        check(st == 303, st)
        st, _, body = k.request('GET', f'/api/monitoring/plans/{plan}/report')
        i29 = json.loads(body)['indicators'][29]
        check(i29['computed'] and i29['realisation'] == 14, i29)
        k.request('POST', f'/monitoring/plany/{plan}/powiazania',
                  {'csrf': k.csrf('/monitoring'), 'pos': '29',
                   'metric': 'grants', 'filter': 'beneficiaries',
                   'task': '3.6'})
        st, _, body = k.request('GET', f'/api/monitoring/plans/{plan}/report')
        i29 = json.loads(body)['indicators'][29]
        check(i29['realisation'] == 680, i29)
        # The coordinator adds an award (all or nothing) and deletes it.
        n0 = q(db, "SELECT count(*) FROM reg_grant_award")[0][0]
        st, _, html = k.request('POST', '/rejestry/konkursy/1/dotacje',
                                {'csrf': k.csrf('/rejestry'),
                                 'organisation': ' ', 'amount': 'dużo'})
        check(st == 400 and '„Organizacja”: wymagane' in html and
              '„Kwota dotacji (zł)”: „dużo”' in html, st)
        st, _, _ = k.request('POST', '/rejestry/konkursy/1/dotacje',
                             {'csrf': k.csrf('/rejestry'),
                              'organisation': 'Fundacja Pomocy Rodzinie '
                              '„Przystań” — filia w Chełmnie',
                              'project': 'Telefon zaufania',
                              'amount': '1 000,50'})
        check(st == 303, st)
        new = q(db, "SELECT id, amount_grosze, initiatives FROM "
                "reg_grant_award WHERE organisation LIKE '%filia w Chełmnie'")
        check(len(new) == 1 and new[0][1:] == (100050, None), new)
        # Its name contains the NGO's, but it is another organisation
        # (issue 11): not listed, 404 to read.
        st, _, html = c.request('GET', '/moje-dotacje')
        check('Telefon zaufania' not in html, 'a longer name is the NGO\'s')
        check(c.request('GET', f'/moje-dotacje/{new[0][0]}')[0] == 404,
              'a longer name is readable')
        k12 = Client(srv)
        k12.login('koord12')
        st, _, _ = k12.request('GET', '/rejestry/konkursy/1/dotacje')
        check(st == 404, f'another region: {st}')
        st, _, _ = k12.request('POST', f'/rejestry/konkursy/1/dotacje/'
                               f'{new[0][0]}/usun',
                               {'csrf': k12.csrf('/rejestry'),
                                'confirm': '1'})
        check(st == 404, f'another region deletes: {st}')
        st, _, _ = k.request('POST', f'/rejestry/konkursy/1/dotacje/'
                             f'{new[0][0]}/usun',
                             {'csrf': k.csrf('/rejestry'), 'confirm': '1'})
        check(st == 303, st)
        check(q(db, "SELECT count(*) FROM reg_grant_award")[0][0] == n0,
              'deleted')
        check(q(db, "SELECT count(*) FROM audit WHERE action IN "
                "('grant.award', 'grant.award_delete') AND account = "
                "'koord'")[0][0] == 2, 'award audit rows')

    def registers_json_api():
        c = Client(srv)
        st, h, body = c.request('GET', '/api/registers/szkolenia?rok=2021')
        check(st == 200 and h['content-type'].startswith('application/json'),
              st)
        r = json.loads(body)
        n = q(db, "SELECT count(*) FROM reg_event WHERE "
              "substr(date_from, 1, 4) = '2021'")[0][0]
        check(r['count'] == n == len(r['records']) and r['year'] == 2021,
              (r['count'], n))
        ev = {e['id']: e for e in r['records']}
        for eid, team, police, kind in q(
                db, "SELECT id, p_team, p_police, kind FROM reg_event "
                "WHERE substr(date_from, 1, 4) = '2021'"):
            check(ev[eid]['p_team'] == team and ev[eid]['p_police'] == police
                  and ev[eid]['kind'] == kind, ev[eid])
        check(any(e['kind_label'] == 'szkolenie' for e in r['records']),
              'labels')
        st, _, body = c.request('GET', '/api/registers/konkursy/1')
        g = json.loads(body)['record']
        row = q(db, "SELECT year, call, budget_grosze, awards FROM reg_grant "
                "WHERE id = 1")[0]
        check((g['year'], g['call'], g['budget_grosze'], g['awards']) == row,
              g)
        for slug, table in (('adopcje', 'reg_adoption'),
                            ('publikacje', 'reg_publication')):
            st, _, body = c.request('GET', f'/api/registers/{slug}')
            check(st == 200 and json.loads(body)['count'] ==
                  q(db, f"SELECT count(*) FROM {table}")[0][0], slug)
        st, _, body = c.request('GET', '/api/registers/szkolenia?rok=20x')
        check(st == 400 and 'error' in json.loads(body), st)
        st, _, body = c.request('GET', '/api/registers/nieznany')
        check(st == 404 and json.loads(body)['error']['code'], st)
        # An account of another region sees none of region 04's records.
        k12 = Client(srv)
        k12.login('koord12')
        st, _, body = k12.request('GET', '/api/registers/konkursy')
        check(st == 200 and json.loads(body)['count'] == 0 and
              json.loads(body)['region'] == '12', body[:200])
        st, _, _ = k12.request('GET', '/api/registers/konkursy/1')
        check(st == 404, st)
        st, _, html = c.request('GET', '/rejestry/adopcje')
        check('href="/api/registers/adopcje"' in html, 'JSON link')

    for fn in (pages_answer_with_real_content,
               implementer_enters_only_its_units_tasks,
               approval_and_return_are_audited,
               report_totals_equal_stored_entries,
               registers_form_csv_and_import,
               cli_pdf_is_readable_polish_and_xlsx_has_formulas,
               grantee_reports_its_own_grants_only,
               registers_json_api):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
