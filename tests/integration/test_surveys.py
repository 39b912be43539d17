#!/usr/bin/env python3
"""Integration tests of surveys (issue 18) against the real server: a
training-needs survey with every kind of question sent to 5 institutions
of the directory, 3 answers (one link refused a second time, a wrong
answer refused whole), the response rate and the results equal to hand
counts, the CSV and XLSX exports read back, the open link, the survey
beside the trainings' calendar, and who may do what.
Usage: test_surveys.py BINARY"""
import csv
import io
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user

QUESTIONS = [
    ('single', 'Najpilniejszy temat szkolenia',
     ['przemoc domowa', 'praca z rodziną', 'superwizja']),
    ('multiple', 'Dogodne formy', ['stacjonarnie', 'online', 'wyjazdowo']),
    ('scale', 'Jak oceniasz dostępność szkoleń?', []),
    ('number', 'Ilu pracowników potrzebuje szkolenia?', []),
    ('text', 'Uwagi', []),
]
# What the three institutions answer, by question.
ANSWERS = [
    {'a1': '2', 'a2_1': '1', 'a2_2': '1', 'a3': '4', 'a4': '12',
     'a5': 'Więcej warsztatów'},
    {'a1': '2', 'a2_2': '1', 'a3': '2', 'a4': '3', 'a5': '=SUM(A1:A2)'},
    {'a1': '1', 'a2_2': '1', 'a2_3': '1', 'a3': '4', 'a4': '0',
     'a5': 'Brak uwag'},
]


def q(db, query, *args):
    return sql(db, query, args)


def form_csrf(html):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    check(m, 'no csrf field')
    return m.group(1)


def xlsx_rows(data):
    """The first sheet's cells as rows of text (shared strings resolved)."""
    ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
    z = zipfile.ZipFile(io.BytesIO(data))
    shared = [''.join(t.text or '' for t in si.iter(f'{{{ns["m"]}}}t'))
              for si in ET.fromstring(z.read('xl/sharedStrings.xml'))
              .findall('m:si', ns)]
    rows = []
    sheet = ET.fromstring(z.read('xl/worksheets/sheet1.xml'))
    for row in sheet.iter(f'{{{ns["m"]}}}row'):
        cells = []
        for c in row.findall('m:c', ns):
            v = c.find('m:v', ns)
            text = '' if v is None else v.text
            if c.get('t') == 's':
                text = shared[int(text)]
            cells.append(text)
        rows.append(cells)
    return rows


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('anal', 'analyst')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    orgs = [r[0] for r in q(db, "SELECT id FROM dir_org WHERE region = '04'"
                            " AND example = 0 ORDER BY id LIMIT 5")]
    # Start from no surveys (the demo has one): the counts are this test's.
    for table in ('survey_answer', 'survey_response', 'survey_recipient',
                  'survey_question', 'survey'):
        q(db, f'DELETE FROM {table}')
    srv = Server(binary, db)
    t = Runner('surveys')
    office = Client(srv)
    office.login('koord')
    state = {}

    def post(path, fields, page):
        return office.request('POST', path,
                              dict(fields, csrf=office.csrf(page)))

    def bad_survey_is_refused_and_names_the_question():
        st, _, body = post('/ankiety', {
            'tytul': '', 'cel': 'training_needs', 'q1_kind': 'single',
            'q1_text': 'Temat?', 'q1_o1': 'jeden', 'q2_kind': 'bogus',
            'q2_text': 'X'}, '/ankiety/nowa')
        check(st == 400, f'status {st}')
        for part in ('Tytuł ankiety:', 'Pytanie 1: pytanie wyboru',
                     'Pytanie 2: wybierz rodzaj'):
            check(part in body, f'no message: {part}')
        check(q(db, 'SELECT count(*) FROM survey')[0][0] == 0, 'stored')

    def office_builds_a_survey_with_every_kind_of_question():
        fields = {'tytul': 'Potrzeby szkoleniowe 2025', 'cel': 'training_needs',
                  'otwarty': '1'}
        for k, (kind, text, opts) in enumerate(QUESTIONS, 1):
            fields[f'q{k}_kind'] = kind
            fields[f'q{k}_text'] = text
            for i, o in enumerate(opts, 1):
                fields[f'q{k}_o{i}'] = o
        st, h, body = post('/ankiety', fields, '/ankiety/nowa')
        check(st in (302, 303), f'create: {st} {body[:300]}')
        state['id'] = int(h['location'].rsplit('/', 1)[1])
        kinds = [r[0] for r in q(db, 'SELECT kind FROM survey_question'
                                 ' WHERE survey_id = ? ORDER BY pos',
                                 state['id'])]
        check(kinds == [k for k, _, _ in QUESTIONS], f'questions: {kinds}')

    def sent_to_five_institutions_each_with_its_link():
        sid = state['id']
        fields = {f'org_{o}': '1' for o in orgs}
        st, _, body = post(f'/ankiety/{sid}/wyslij', fields, f'/ankiety/{sid}')
        check(st == 200 and 'Dodano instytucji: 5.' in body, f'send: {st}')
        links = q(db, 'SELECT token, dir_org FROM survey_recipient WHERE'
                  ' survey_id = ? ORDER BY id', sid)
        check(len(links) == 5 and sorted(r[1] for r in links) == sorted(orgs),
              f'recipients: {links}')
        for token, _ in links:
            check(f'/ankiety/odpowiedz/{token}' in body, 'link not shown')
        state['links'] = [r[0] for r in links]
        # sending again adds nobody and keeps the links
        st, _, body = post(f'/ankiety/{sid}/wyslij', fields, f'/ankiety/{sid}')
        check('Dodano instytucji: 0.' in body, 'sent twice')
        # an institution of another region is refused, nothing added
        other = q(db, "SELECT id FROM dir_org WHERE region <> '04'"
                  " LIMIT 1")
        if other:
            st, _, _ = post(f'/ankiety/{sid}/wyslij',
                            {f'org_{other[0][0]}': '1'}, f'/ankiety/{sid}')
            check(st == 400, f'other region: {st}')

    def three_institutions_answer_once_each():
        for token, fields in zip(state['links'], ANSWERS):
            c = Client(srv)
            st, _, html = c.request('GET', f'/ankiety/odpowiedz/{token}')
            check(st == 200 and 'Najpilniejszy temat' in html, f'form: {st}')
            st, _, body = c.request('POST', f'/ankiety/odpowiedz/{token}',
                                    dict(fields, csrf=form_csrf(html)))
            check(st == 200 and 'zapisane' in body, f'answer: {st}')
        c = Client(srv)
        token = state['links'][0]
        st, _, html = c.request('GET', f'/ankiety/odpowiedz/{token}')
        check(st == 200 and 'zapisane' in html and '<form' not in html[
            html.index('<main'):], 'an answered link still shows the form')
        st, _, body = c.request('POST', f'/ankiety/odpowiedz/{token}',
                                dict(ANSWERS[1], csrf=c.csrf('/login')))
        check(st == 409 and 'już odpowiedziała' in body, f'twice: {st}')
        # a wrong answer is refused whole and names the questions
        token = state['links'][3]
        st, _, html = c.request('GET', f'/ankiety/odpowiedz/{token}')
        st, _, body = c.request('POST', f'/ankiety/odpowiedz/{token}', {
            'csrf': form_csrf(html), 'a1': '7', 'a3': '9', 'a4': '-1',
            'a5': ''})
        check(st == 400, f'wrong: {st}')
        for part in ('Pytanie 1:', 'Pytanie 2:', 'Pytanie 3:', 'Pytanie 4:',
                     'Pytanie 5:'):
            check(part in body, f'no message: {part}')
        check(q(db, 'SELECT count(*) FROM survey_response')[0][0] == 3 and
              q(db, 'SELECT count(*) FROM survey_answer')[0][0] == 17,
              'stored answers')

    def results_equal_hand_counts():
        sid = state['id']
        st, _, html = office.request('GET', f'/ankiety/{sid}')
        check(st == 200, f'results: {st}')
        check('Odpowiedziało 3 z 5 instytucji (60,0 %)' in html,
              'response rate')

        def table(caption):
            i = html.index(f'<caption>{caption}</caption>')
            body = html[i:html.index('</table>', i)]
            return {m[0]: int(m[1]) for m in re.findall(
                r'<tr><th scope="row">(.*?)</th><td class="num">(\d+)</td>',
                body)}

        check(table('Najpilniejszy temat szkolenia') ==
              {'przemoc domowa': 1, 'praca z rodziną': 2, 'superwizja': 0},
              'single')
        check(table('Dogodne formy') ==
              {'stacjonarnie': 1, 'online': 3, 'wyjazdowo': 1}, 'multiple')
        check(table('Jak oceniasz dostępność szkoleń?') ==
              {'1': 0, '2': 1, '3': 0, '4': 2, '5': 0}, 'scale')
        # 12 + 3 + 0 = 15, mean 5,0
        check('Średnia 5,0, najmniej 0, najwięcej 12.' in html, 'number')
        check('Więcej warsztatów' in html and 'Brak uwag' in html, 'texts')
        check(html.count('<svg class="sv-chart"') == 3, 'charts')

    def csv_and_xlsx_read_back():
        sid = state['id']
        st, h, body = office.request('GET', f'/ankiety/{sid}/wyniki.csv')
        check(st == 200 and h['content-type'].startswith('text/csv'),
              f'csv: {st}')
        rows = list(csv.reader(io.StringIO(body.lstrip('\ufeff')),
                               delimiter=';'))
        check(rows[0][3:] == [t for _, t, _ in QUESTIONS], f'head {rows[0]}')
        check(len(rows) == 4, f'rows: {len(rows)}')
        got = [r[3:] for r in rows[1:]]
        check(got[0] == ['praca z rodziną', 'stacjonarnie; online', '4', '12',
                         'Więcej warsztatów'], f'row 1: {got[0]}')
        # a text that looks like a formula is guarded
        check(got[1][4] == "'=SUM(A1:A2)", f'guard: {got[1][4]}')
        check(sorted(r[2] for r in rows[1:]) == sorted(
            x[0] for x in q(db, 'SELECT name FROM survey_recipient WHERE'
                            ' answered_at IS NOT NULL')), 'institutions')
        st, _, _ = office.request('GET', f'/ankiety/{sid}/wyniki.xlsx')
        check(st == 200, f'xlsx: {st}')
        data = srv.request('GET', f'/ankiety/{sid}/wyniki.xlsx', headers={
            'Cookie': '; '.join(f'{k}={v}' for k, v in
                                office.cookies.items())})[2]
        x = xlsx_rows(data)
        check(x[0][3:] == [t for _, t, _ in QUESTIONS], f'xlsx head {x[0]}')
        check(len(x) == 4 and x[1][3] == 'praca z rodziną' and
              x[1][6] == '12' and x[2][7] == "'=SUM(A1:A2)" and
              x[3][5] == '4', f'xlsx rows {x[1:]}')

    def open_link_takes_any_number_of_answers():
        sid = state['id']
        token = q(db, 'SELECT open_token FROM survey WHERE id = ?', sid)[0][0]
        for _ in range(2):
            c = Client(srv)
            st, _, html = c.request('GET', f'/ankiety/odpowiedz/{token}')
            st, _, body = c.request('POST', f'/ankiety/odpowiedz/{token}',
                                    dict(ANSWERS[2], csrf=form_csrf(html)))
            check(st == 200 and 'zapisane' in body, f'open: {st}')
        st, _, html = office.request('GET', f'/ankiety/{sid}')
        check('Odpowiedziało 3 z 5 instytucji (60,0 %); odpowiedzi razem'
              ' (z linkiem otwartym): 5.' in html, 'rate with the open link')

    def calendar_shows_the_training_needs_survey():
        st, _, html = office.request('GET', '/szkolenia')
        check(st == 200 and f'/ankiety/{state["id"]}' in html and
              'odpowiedziało 3 z 5 instytucji' in html, 'not beside')
        st, _, html = Client(srv).request('GET', '/szkolenia')
        check(f'/ankiety/{state["id"]}' not in html, 'shown to the public')

    def who_may_do_what():
        anal = Client(srv)
        anal.login('anal')
        st, _, _ = anal.request('GET', f'/ankiety/{state["id"]}')
        check(st == 200, f'analyst reads: {st}')
        st, _, _ = anal.request('GET', '/ankiety/nowa')
        check(st == 403, f'analyst creates: {st}')
        st, h, _ = Client(srv).request('GET', f'/ankiety/{state["id"]}')
        check(st in (302, 303) and '/login' in h['location'], f'public: {st}')
        st, _, _ = Client(srv).request('GET', '/ankiety/odpowiedz/' + '0' * 64)
        check(st == 404, f'bad link: {st}')
        add_user(binary, db, 'koord12', 'coordinator', region='12')
        c = Client(srv)
        c.login('koord12')
        st, _, _ = c.request('GET', f'/ankiety/{state["id"]}')
        check(st == 404, f'another region: {st}')
        check(q(db, "SELECT count(*) FROM audit WHERE action IN"
                " ('survey.create', 'survey.send') AND account = 'koord'"
                )[0][0] == 3, 'audit')

    for fn in (bad_survey_is_refused_and_names_the_question,
               office_builds_a_survey_with_every_kind_of_question,
               sent_to_five_institutions_each_with_its_link,
               three_institutions_answer_once_each,
               results_equal_hand_counts,
               csv_and_xlsx_read_back,
               open_link_takes_any_number_of_answers,
               calendar_shows_the_training_needs_survey,
               who_may_do_what):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
