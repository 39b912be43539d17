#!/usr/bin/env python3
"""The online knowledge test of a training (issue 18) against the real
server: the organiser writes questions with their right answers (bad ones
refused, naming the question, nothing stored), participants take the test
before and after from their own links, the scores are computed; the
questions stay fixed once anyone has taken it; the test before closes when
the event begins and the one after opens on its last day; seed 004's
"persons who raised their qualifications" counts the online scores first,
the points typed from a paper test only for those without both online
tests, each person once, equal to hand counts; the project page states the
rule; the participants' page and export mark which test counts; erasing
a sign-up erases its tests.
Usage: test_training_quiz.py BINARY"""
import csv
import datetime
import io
import json
import re
import sys
import zoneinfo

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user
from test_training import (Office, form_csrf, ids, own_post,
                           signed_and_confirmed)

TODAY = datetime.datetime.now(
    zoneinfo.ZoneInfo('Europe/Warsaw')).date().isoformat()

# The test: 1. single B; 2. multiple A and C; 3. single "Tak".
QUESTIONS = {
    'q1_kind': 'single', 'q1_text': 'Kto wszczyna procedurę Niebieskiej Karty?',
    'q1_o1': 'Tylko sąd', 'q1_o2': 'Przedstawiciel jednej ze służb',
    'q1_o3': 'Tylko osoba doznająca przemocy', 'q1_r2': '1',
    'q2_kind': 'multiple', 'q2_text': 'Kto wchodzi w skład zespołu'
    ' interdyscyplinarnego?',
    'q2_o1': 'Pracownik socjalny', 'q2_o2': 'Notariusz',
    'q2_o3': 'Policjant', 'q2_o4': 'Komornik', 'q2_r1': '1', 'q2_r3': '1',
    'q3_kind': 'single', 'q3_text': 'Czy przemoc ekonomiczna jest przemocą'
    ' domową?', 'q3_o1': 'Tak', 'q3_o2': 'Nie', 'q3_r1': '1',
}
RIGHT = {'a1': '2', 'a2_1': '1', 'a2_3': '1', 'a3': '1'}
ONE_RIGHT = {'a1': '1', 'a2_1': '1', 'a3': '1'}      # 1 of 3
NONE_RIGHT = {'a1': '3', 'a2_2': '1', 'a3': '2'}     # 0 of 3
TWO_RIGHT = {'a1': '2', 'a2_1': '1', 'a3': '1'}      # 2 of 3


def q(db, query, *args):
    return sql(db, query, args)


def take(srv, token, answers):
    """Open the person's test page and send answers: status and page."""
    c = Client(srv)
    st, _, html = c.request('GET', f'/szkolenia/zgloszenie/{token}/test')
    check(st == 200, f'test page: {st}')
    return c.request('POST', f'/szkolenia/zgloszenie/{token}/test',
                     dict(answers, csrf=form_csrf(html)))


def own_csrf(c, token):
    """The form token of client c from the person's own page (a closed
    test's page has no form)."""
    _, _, html = c.request('GET', f'/szkolenia/zgloszenie/{token}')
    return form_csrf(html)


def scores(db, email):
    return dict(q(db, 'SELECT x.phase, x.score FROM training_quiz x JOIN'
                  ' training_signup s ON s.id = x.signup_id WHERE'
                  ' s.email_folded = ?', email))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('real', 'implementer')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    project = q(db, "SELECT id FROM plan WHERE kind = 'project'")[0][0]
    for table in ('training_signup', 'training', 'training_institution'):
        q(db, f'DELETE FROM {table}')
    srv = Server(binary, db)
    t = Runner('training_quiz')
    office = Office(srv)
    state = {}

    def bad_questions_are_refused_naming_the_question():
        tid = office.create('Procedura Niebieskiej Karty — warsztat', project,
                            capacity=10, groups=('team', 'social', 'police'),
                            date_from=TODAY, date_to=TODAY)
        state['a'] = tid
        st, _, html = office.c.request('GET', f'/szkolenia/{tid}/pytania')
        check(st == 200 and 'Pytanie 6' in html, f'form: {st}')
        st, _, body = office.post(f'/szkolenia/{tid}/pytania', {
            'q1_kind': 'single', 'q1_text': 'Dwie poprawne?', 'q1_o1': 'A',
            'q1_o2': 'B', 'q1_r1': '1', 'q1_r2': '1',
            'q2_kind': 'multiple', 'q2_text': 'Żadnej poprawnej?',
            'q2_o1': 'A', 'q2_o2': 'B',
            'q3_kind': 'text', 'q3_text': 'Otwarte?',
            'q4_kind': 'single', 'q4_text': 'Jedna odpowiedź?', 'q4_o1': 'A',
            'q4_r1': '1',
            'q5_kind': 'single', 'q5_text': 'Poprawna pusta?', 'q5_o1': 'A',
            'q5_o2': 'B', 'q5_r3': '1'})
        check(st == 400, f'status {st}')
        for part in ('Pytanie 1:', 'Pytanie 2:', 'Pytanie 3:', 'Pytanie 4:',
                     'Pytanie 5:'):
            check(part in body, f'no message about {part}')
        check(q(db, 'SELECT count(*) FROM training_question')[0][0] == 0,
              'bad questions stored')
        # the implementer has no right to the organiser's pages
        c = Client(srv)
        c.login('real')
        st, _, _ = c.request('GET', f'/szkolenia/{tid}/pytania')
        check(st == 403, f'implementer: {st}')

    def organiser_writes_the_questions():
        tid = state['a']
        st, _, body = office.post(f'/szkolenia/{tid}/pytania', QUESTIONS)
        check(st == 200 and 'Zapisano pytania testu.' in body,
              f'save: {st} {body[:300]}')
        rows = q(db, 'SELECT pos, kind, correct FROM training_question'
                 ' WHERE training_id = ? ORDER BY pos', tid)
        check([tuple(r) for r in rows] ==
              [(1, 'single', 2), (2, 'multiple', 5), (3, 'single', 1)],
              f'questions: {rows}')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.quiz' AND account = 'koord'")[0][0] == 1,
              'not audited')
        st, _, html = office.c.request('GET', f'/szkolenia/{tid}/uczestnicy')
        check('Pytań w teście online: 3.' in html, 'participants page')

    def participants_take_the_test_before_and_after():
        tid = state['a']
        people = [('Anna Nowak', 'anna@ops.pl', 'team'),
                  ('Bogdan Kowal', 'bogdan@kmp.pl', 'police'),
                  ('Damian Zięba', 'damian@pcpr.pl', 'social'),
                  ('Ewa Lis', 'ewa@ops.pl', 'social'),
                  ('Filip Kos', 'filip@ops.pl', 'team')]
        for name, email, group in people:
            state[email] = signed_and_confirmed(
                srv, db, tid, name, email, group, org='MOPR Toruń',
                kind='ops')
        anna = state['anna@ops.pl']
        st, _, html = Client(srv).request('GET',
                                          f'/szkolenia/zgloszenie/{anna}')
        check('Rozwiąż test wiedzy przed szkoleniem' in html,
              'no link to the test before on the own page')
        # every question must be answered; nothing stored until then
        st, _, html = take(srv, anna, {'a1': '2', 'a3': '1'})
        check(st == 400 and 'Pytanie 2:' in html and 'Pytanie 1:' not in html,
              f'unanswered: {st}')
        check(scores(db, 'anna@ops.pl') == {}, 'stored a partial test')
        # the radio buttons and boxes keep what was chosen
        check(re.search(r'name="a1" value="2" checked', html),
              'the chosen option was lost')
        st, _, html = take(srv, anna, ONE_RIGHT)
        check(st == 200 and 'przed szkoleniem: 1 z 3' in html,
              f'before: {st} {html[-600:]}')
        st, _, html = take(srv, anna, RIGHT)
        check(st == 200 and 'po szkoleniu: 3 z 3' in html, f'after: {st}')
        check(scores(db, 'anna@ops.pl') == {'before': 1, 'after': 3},
              f'anna: {scores(db, "anna@ops.pl")}')
        # a third time is refused, nothing changes
        c = Client(srv)
        _, _, html = c.request('GET', f'/szkolenia/zgloszenie/{anna}/test')
        check('nie jest teraz otwarty' in html and '<form' not in html,
              'closed test shown as open')
        st, _, _ = c.request('POST', f'/szkolenia/zgloszenie/{anna}/test',
                             dict(RIGHT, csrf=own_csrf(c, anna)))
        check(st == 409, f'third: {st}')
        check(scores(db, 'anna@ops.pl') == {'before': 1, 'after': 3},
              'changed by a third test')
        _, _, html = Client(srv).request('GET',
                                         f'/szkolenia/zgloszenie/{anna}')
        check('przed 1, po 3 (z 3)' in html, 'own page lacks the scores')
        # Bogdan 2 -> 2; Ewa 2 -> 0 online (her paper points below do not
        # count); Filip takes only the test before; Damian none online
        for email, b, a in (('bogdan@kmp.pl', TWO_RIGHT, TWO_RIGHT),
                            ('ewa@ops.pl', TWO_RIGHT, NONE_RIGHT)):
            check(take(srv, state[email], b)[0] == 200, f'{email} before')
            check(take(srv, state[email], a)[0] == 200, f'{email} after')
        check(take(srv, state['filip@ops.pl'], ONE_RIGHT)[0] == 200, 'filip')
        check(scores(db, 'ewa@ops.pl') == {'before': 2, 'after': 0},
              f'ewa: {scores(db, "ewa@ops.pl")}')
        rows = q(db, "SELECT coalesce(after, '') FROM audit WHERE action ="
                 " 'training.quiz_take' AND via = 'web'")
        check(len(rows) == 7 and not any('@' in r[0] or 'Nowak' in r[0]
                                         for r in rows),
              f'audit of the tests: {rows}')

    def questions_stay_once_taken():
        tid = state['a']
        changed = dict(QUESTIONS, q1_r1='1')
        del changed['q1_r2']
        st, _, body = office.post(f'/szkolenia/{tid}/pytania', changed)
        check(st == 409 and 'Test już rozwiązywano' in body, f'{st}')
        check(q(db, 'SELECT correct FROM training_question WHERE'
                ' training_id = ? AND pos = 1', tid)[0][0] == 2, 'changed')

    def before_closes_when_the_event_begins_after_opens_on_its_last_day():
        later = office.create('Superwizja w przyszłości', project, capacity=5,
                              groups=('team',), date_from='2031-05-05',
                              date_to='2031-05-06')
        st, _, _ = office.post(f'/szkolenia/{later}/pytania', QUESTIONS)
        check(st == 200, f'questions: {st}')
        tok = signed_and_confirmed(srv, db, later, 'Gosia Test', 'g@a.pl',
                                   'team', org='GOPS Lubicz', kind='ops')
        state['gosia'] = tok
        check(take(srv, tok, ONE_RIGHT)[0] == 200, 'before')
        _, _, html = Client(srv).request('GET', f'/szkolenia/zgloszenie/{tok}')
        check('będzie dostępny od 2031-05-06' in html, 'no date of the after')
        c = Client(srv)
        st, _, _ = c.request('POST', f'/szkolenia/zgloszenie/{tok}/test',
                             dict(RIGHT, csrf=own_csrf(c, tok)))
        check(st == 409 and scores(db, 'g@a.pl') == {'before': 1},
              f'after taken before the last day: {st}')
        # someone who did not take the test before the event began
        tok2 = signed_and_confirmed(srv, db, later, 'Henryk Test', 'h@a.pl',
                                    'team', org='GOPS Lubicz', kind='ops')
        q(db, "UPDATE training SET date_from = '2020-01-02', date_to ="
          " '2031-05-06' WHERE id = ?", later)
        _, _, html = Client(srv).request('GET',
                                         f'/szkolenia/zgloszenie/{tok2}')
        check('już się zaczęło' in html, 'missed test not said')
        c = Client(srv)
        st, _, _ = c.request('POST', f'/szkolenia/zgloszenie/{tok2}/test',
                             dict(RIGHT, csrf=own_csrf(c, tok2)))
        check(st == 409 and scores(db, 'h@a.pl') == {}, f'missed: {st}')

    def raised_qualifications_count_online_first_each_person_once():
        tid = state['a']
        s = ids(db, tid)
        office.attend(tid, TODAY, list(s.values()))
        # paper points: Damian 3 -> 8 (counts: no online test), Ewa 2 -> 9
        # (does not: her online test says 2 -> 0)
        st, _, body = office.post(f'/szkolenia/{tid}/test', {
            'max': '10', f'b_{s["damian@pcpr.pl"]}': '3',
            f'a_{s["damian@pcpr.pl"]}': '8', f'b_{s["ewa@ops.pl"]}': '2',
            f'a_{s["ewa@ops.pl"]}': '9'})
        check(st == 200, f'paper: {st}')
        # Anna again at a second event, raised on paper there: still once
        b = office.create('Konferencja', project, capacity=5,
                          groups=('team',), date_from='2031-09-01',
                          date_to='2031-09-01')
        signed_and_confirmed(srv, db, b, 'Anna Nowak', 'Anna@OPS.pl', 'team',
                             org='MOPR Toruń', kind='ops')
        sb = ids(db, b)
        office.attend(b, '2031-09-01', [sb['anna@ops.pl']])
        st, _, _ = office.post(f'/szkolenia/{b}/test', {
            'max': '10', f'b_{sb["anna@ops.pl"]}': '1',
            f'a_{sb["anna@ops.pl"]}': '5'})
        check(st == 200, f'paper b: {st}')
        got = json.loads(Client(srv).request(
            'GET', f'/api/projects/{project}/indicators')[2])
        ind = [x for x in got['indicators'] if x['measure'] == 'qualified']
        check(len(ind) == 1, f'qualified indicators: {ind}')
        x = ind[0]
        # hand count: Anna (online 1 -> 3; once though raised twice),
        # Damian (paper 3 -> 8); not Bogdan 2 -> 2, Ewa online 2 -> 0,
        # Filip (before only, no paper)
        check(x['value'] == 2 and x['figure'] == 2 and
              x['source'] == 'counted', f'qualified: {x}')
        check('Z testu online: 1, z testu papierowego: 1.' in
              x['how_counted'], f'how: {x["how_counted"]}')
        persons = [y for y in got['indicators'] if y['measure'] == 'persons']
        check(persons[0]['value'] == 5, f'persons: {persons[0]}')
        # the organiser's JSON says the same per sign-up
        st, _, body = office.c.request('GET', f'/api/trainings/{tid}/quiz')
        check(st == 200, f'quiz api: {st}')
        api = json.loads(body)
        check([x['right'] for x in api['questions']] == [[2], [1, 3], [1]],
              f'right answers: {api["questions"]}')
        by = {x['signup_id']: x for x in api['results']}
        want = {'anna@ops.pl': ('online', 1, 3, True),
                'damian@pcpr.pl': ('paper', 3, 8, True),
                'ewa@ops.pl': ('online', 2, 0, False),
                'bogdan@kmp.pl': ('online', 2, 2, False),
                'filip@ops.pl': (None, None, None, False)}
        for email, w in want.items():
            x = by[s[email]]
            check((x['counted_source'], x['counted_before'],
                   x['counted_after'], x['raised']) == w, f'{email}: {x}')
        check(by[s['filip@ops.pl']].get('online_before') == 1 and
              'online_after' not in by[s['filip@ops.pl']],
              f'filip: {by[s["filip@ops.pl"]]}')
        st, _, _ = Client(srv).request('GET', f'/api/trainings/{tid}/quiz')
        check(st in (401, 302, 303), f'public: {st}')

    def project_page_states_the_rule():
        st, _, html = office.c.request('GET', f'/monitoring/plany/{project}')
        check(st == 200 and 'Liczy się test online' in html and
              'test papierowy' in html, f'rule not stated: {st}')

    def participants_page_marks_online_and_paper():
        tid = state['a']
        st, _, html = office.c.request('GET', f'/szkolenia/{tid}/uczestnicy')
        rows = dict(re.findall(r'<td>([^<]+)</td><td>MOPR Toruń</td>.*?'
                               r'<td>([^<]*)</td></tr>', html))
        check(rows['Anna Nowak'] == '1 z 3 → 3 z 3', f'anna: {rows}')
        check(rows['Damian Zięba'] == 'papierowy: 3 → 8 z 10',
              f'damian: {rows}')
        check(rows['Ewa Lis'] == '2 z 3 → 0 z 3', f'ewa: {rows}')
        check(rows['Filip Kos'] == '1 z 3 → –', f'filip: {rows}')
        check('Test papierowy: punkty wpisane ręcznie' in html,
              'paper fallback not marked')
        # the export for the EU project's monitoring carries the test that
        # counts, and says which
        st, _, body = office.c.request('GET',
                                       f'/szkolenia/{tid}/uczestnicy.csv')
        check(st == 200, f'export: {st}')
        rows = list(csv.DictReader(io.StringIO(body.lstrip('\ufeff')),
                                   delimiter=';'))
        got = {r['email']: (r['test_before'], r['test_after'],
                            r['test_max'], r['test_source']) for r in rows}
        check(got['anna@ops.pl'] == ('1', '3', '3', 'online') and
              got['damian@pcpr.pl'] == ('3', '8', '10', 'paper') and
              got['ewa@ops.pl'] == ('2', '0', '3', 'online') and
              got['filip@ops.pl'] == ('', '', '', ''), f'export: {got}')

    def erasing_a_sign_up_erases_its_tests():
        before = q(db, 'SELECT count(*) FROM training_quiz')[0][0]
        # Gosia was present at no day: nothing to keep for the settlement
        st, _, body = own_post(srv, state['gosia'], 'usun')
        check(st == 200 and 'usunięte' in body, f'erase: {st}')
        check(q(db, 'SELECT count(*) FROM training_quiz')[0][0] ==
              before - 1, 'the test stayed')

    for fn in (bad_questions_are_refused_naming_the_question,
               organiser_writes_the_questions,
               participants_take_the_test_before_and_after,
               questions_stay_once_taken,
               before_closes_when_the_event_begins_after_opens_on_its_last_day,
               raised_qualifications_count_online_first_each_person_once,
               project_page_states_the_rule,
               participants_page_marks_online_and_paper,
               erasing_a_sign_up_erases_its_tests):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
