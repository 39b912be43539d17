#!/usr/bin/env python3
"""Integration tests of trainings (issue 18) against the real server: an
event with three sign-ups (one on the waiting list, promoted after a
cancellation), confirmation links from the e-mail outbox, attendance,
knowledge tests and certificates (PDFs read back with pdftotext, the
public check of a number); the same person at two events counted once; the
indicators of the project card (seed 004) and of seed 001's task 1.1 with
its breakdown equal to hand counts; erasing by the person's own link.
Usage: test_training.py BINARY"""
import json
import re
import subprocess
import sys
import tempfile

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user

TORUN, BYDGOSZCZ = '0463011', '0461011'


def q(db, query, *args):
    return sql(db, query, args)


def form_csrf(html):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    check(m, 'no csrf field')
    return m.group(1)


class Office:
    """The coordinator's browser."""

    def __init__(self, srv):
        self.c = Client(srv)
        st, _, _ = self.c.login('koord')
        check(st in (302, 303), f'login: {st}')

    def create(self, title, plan, task='', capacity=2, groups=('team',),
               date_from='2031-03-10', date_to='2031-03-11'):
        token = self.c.csrf('/szkolenia/nowe')
        fields = {'csrf': token, 'tytul': title, 'rodzaj': 'training',
                  'od': date_from, 'do': date_to, 'gmina': TORUN,
                  'miejsce': 'ul. Szosa Chełmińska 30', 'miejsca': capacity,
                  'plan': plan, 'zadanie': task}
        for g in groups:
            fields['g_' + g] = '1'
        st, h, body = self.c.request('POST', '/szkolenia', fields)
        check(st == 303 or st == 302, f'create: {st} {body[:300]}')
        return int(h['location'].rsplit('/', 1)[1])

    def post(self, path, fields):
        token = self.c.csrf(path.rsplit('/', 1)[0] + '/uczestnicy'
                            if '/szkolenia/' in path else path)
        fields = dict(fields, csrf=token)
        return self.c.request('POST', path, fields)

    def attend(self, tid, day, signups):
        fields = {'dzien': day}
        for s in signups:
            fields[f'p_{s}'] = '1'
        st, _, body = self.post(f'/szkolenia/{tid}/obecnosc', fields)
        check(st == 200, f'attendance: {st} {body[:200]}')


def sign_up(srv, tid, name, email, group, org=None, org_id=0,
            kind='ops', gmina=TORUN, consent=True):
    """A professional's sign-up from the public page: the Client and the
    response."""
    c = Client(srv)
    st, _, html = c.request('GET', f'/szkolenia/{tid}')
    check(st == 200, f'event page: {st}')
    fields = {'csrf': form_csrf(html), 'imie': name, 'email': email,
              'instytucja': org_id, 'nazwa': org or '', 'rodzaj': kind,
              'gmina': gmina, 'grupa': group}
    if consent:
        fields['zgoda'] = '1'
    return c, c.request('POST', f'/szkolenia/{tid}/zapis', fields)


def link_of(db, email):
    """The person's own link from the last e-mail in the outbox."""
    rows = q(db, 'SELECT body FROM mail_outbox WHERE recipient = ?'
             ' ORDER BY id', email)
    check(rows, f'no e-mail to {email}')
    m = re.search(r'/szkolenia/zgloszenie/([0-9a-f]{64})', rows[0][0])
    check(m, f'no link in the e-mail: {rows[0][0]!r}')
    return m.group(1)


def own_post(srv, token, what):
    c = Client(srv)
    st, _, html = c.request('GET', f'/szkolenia/zgloszenie/{token}')
    check(st == 200, f'own page: {st}')
    return c.request('POST', f'/szkolenia/zgloszenie/{token}/{what}',
                     {'csrf': form_csrf(html)})


def status_of(db, email, tid):
    return q(db, 'SELECT status FROM training_signup WHERE email_folded = ?'
             ' AND training_id = ?', email.lower(), tid)[0][0]


def signed_and_confirmed(srv, db, tid, name, email, group, **kw):
    _, (st, _, body) = sign_up(srv, tid, name, email, group, **kw)
    check(st == 200 and 'Sprawdź pocztę' in body, f'sign-up: {st}')
    token = link_of(db, email)
    st, _, body = own_post(srv, token, 'potwierdz')
    check(st == 200, f'confirm: {st}')
    return token


def ids(db, tid):
    return {r[0]: r[1] for r in q(
        db, 'SELECT email_folded, id FROM training_signup'
        ' WHERE training_id = ?', tid)}


def pdftotext(data):
    with tempfile.NamedTemporaryFile(suffix='.pdf') as f:
        f.write(data)
        f.flush()
        p = subprocess.run(['pdftotext', '-layout', f.name, '-'],
                           capture_output=True, text=True)
        check(p.returncode == 0, f'pdftotext: {p.stderr}')
        return p.stdout


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('anal', 'analyst'),
                        ('real', 'implementer')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    project = q(db, "SELECT id FROM plan WHERE kind = 'project'")[0][0]
    plan2021 = q(db, "SELECT id FROM plan WHERE year = 2021")[0][0]
    rops = q(db, "SELECT id FROM dir_org WHERE kind = 'rops'"
             " AND region = '04'")[0][0]
    # Start from no trainings: the demo has a workshop, local plans and a
    # survey, and the hand counts below are of this test's records only.
    for table in ('training_signup', 'training', 'training_institution',
                  'training_lpdi'):
        q(db, f'DELETE FROM {table}')
    srv = Server(binary, db)
    t = Runner('training')
    office = Office(srv)
    state = {}

    def calendar_lists_an_event_and_the_api_says_the_same():
        tid = office.create('Przeciwdziałanie przemocy — warsztat', project,
                            capacity=2, groups=('team', 'police', 'social'))
        state['a'] = tid
        st, _, html = Client(srv).request('GET', '/szkolenia')
        check(st == 200 and 'Przeciwdziałanie przemocy' in html,
              'calendar lacks the event')
        st, _, body = Client(srv).request('GET', '/api/trainings')
        got = json.loads(body)
        ev = [x for x in got['trainings'] if x['id'] == tid][0]
        check(ev['capacity'] == 2 and ev['plan_id'] == project and
              ev['groups'] == ['team', 'police', 'social'] and
              ev['gmina'] == TORUN, f'api: {ev}')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.create' AND entity_id = ? AND account = 'koord'",
                str(tid))[0][0] == 1,
              'no audit row of the creation')

    def bad_event_is_refused_and_names_the_fields():
        token = office.c.csrf('/szkolenia/nowe')
        before = q(db, 'SELECT count(*) FROM training')[0][0]
        st, _, body = office.c.request('POST', '/szkolenia', {
            'csrf': token, 'tytul': '', 'rodzaj': 'training',
            'od': '2031-03-12', 'do': '2031-03-10', 'gmina': '1465011',
            'miejsca': '0', 'plan': plan2021, 'zadanie': '9.9'})
        check(st == 400, f'status {st}')
        for part in ('Tytuł:', 'Termin:', 'Gmina:', 'Liczba miejsc:',
                     'Dla kogo:', 'Numer zadania:'):
            check(part in body, f'no message about {part}')
        check(q(db, 'SELECT count(*) FROM training')[0][0] == before,
              'a bad event was stored')

    def sign_up_checks_every_field_and_stores_nothing_when_wrong():
        tid = state['a']
        _, (st, _, body) = sign_up(srv, tid, '', 'not-an-address', '',
                                   consent=False, kind='')
        check(st == 400, f'status {st}')
        for part in ('Imię i nazwisko:', 'Adres e-mail:', 'Instytucja:',
                     'Grupa zawodowa:', 'Zgoda:'):
            check(part in body, f'no message about {part}')
        check(q(db, 'SELECT count(*) FROM training_signup')[0][0] == 0,
              'a bad sign-up was stored')

    def three_sign_ups_fill_two_seats_and_a_waiting_list():
        tid = state['a']
        state['anna'] = signed_and_confirmed(
            srv, db, tid, 'Anna Nowak', 'anna@ops.torun.pl', 'team',
            org='Miejski Ośrodek Pomocy Rodzinie w Toruniu', kind='ops')
        state['bogdan'] = signed_and_confirmed(
            srv, db, tid, 'Bogdan Kowal', 'bogdan@policja.gov.pl', 'police',
            org='Komenda Miejska Policji w Toruniu', kind='police')
        state['celina'] = signed_and_confirmed(
            srv, db, tid, 'Celina Wiśniewska', 'celina@rops.pl', 'social',
            org_id=rops)
        check(status_of(db, 'anna@ops.torun.pl', tid) == 'confirmed' and
              status_of(db, 'bogdan@policja.gov.pl', tid) == 'confirmed' and
              status_of(db, 'celina@rops.pl', tid) == 'waiting',
              'seats not given in order of confirmation')
        subjects = [r[0] for r in q(
            db, 'SELECT subject FROM mail_outbox WHERE recipient = ?'
            ' ORDER BY id', 'celina@rops.pl')]
        check(len(subjects) == 2 and subjects[1].startswith('Lista rezerwowa'),
              f'e-mails to the waiting person: {subjects}')
        # the same address again is refused, nothing stored
        _, (st, _, body) = sign_up(srv, tid, 'Anna N.', 'ANNA@ops.torun.pl',
                                   'team', org='MOPR', kind='ops')
        check(st == 409 and 'już zgłoszenie' in body, f'duplicate: {st}')
        # the directory's institution was used by id, with its kind
        check(q(db, 'SELECT i.kind, i.dir_org FROM training_signup s JOIN'
                ' training_institution i ON i.id = s.institution_id'
                ' WHERE s.email = ?', 'celina@rops.pl')[0] == ('other', rops)
              or q(db, 'SELECT i.kind, i.dir_org FROM training_signup s JOIN'
                   ' training_institution i ON i.id = s.institution_id'
                   ' WHERE s.email = ?', 'celina@rops.pl')[0] ==
              ['other', rops], 'directory institution not linked by id')
        # no personal data in the audit log
        rows = q(db, "SELECT coalesce(after, '') FROM audit"
                 " WHERE action LIKE 'training.%'")
        check(rows and not any('@' in r[0] or 'Nowak' in r[0] for r in rows),
              'personal data in the audit log')

    def cancellation_by_own_link_promotes_the_waiting_person():
        tid = state['a']
        st, _, body = own_post(srv, state['bogdan'], 'rezygnacja')
        check(st == 200 and 'wycofane' in body, f'cancel: {st}')
        check(status_of(db, 'bogdan@policja.gov.pl', tid) == 'cancelled',
              'not cancelled')
        check(status_of(db, 'celina@rops.pl', tid) == 'confirmed',
              'the waiting person was not promoted')
        last = q(db, 'SELECT subject FROM mail_outbox WHERE recipient = ?'
                 ' ORDER BY id DESC', 'celina@rops.pl')[0][0]
        check(last.startswith('Masz miejsce'), f'no e-mail: {last}')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.promote'")[0][0] == 1, 'no audit of promotion')

    def attendance_tests_and_certificates():
        tid = state['a']
        s = ids(db, tid)
        anna, celina = s['anna@ops.torun.pl'], s['celina@rops.pl']
        office.attend(tid, '2031-03-10', [anna, celina])
        office.attend(tid, '2031-03-11', [anna, s['bogdan@policja.gov.pl']])
        days = dict(q(db, 'SELECT s.email_folded, count(*) FROM'
                      ' training_attendance a JOIN training_signup s ON'
                      ' s.id = a.signup_id GROUP BY s.email_folded'))
        check(days == {'anna@ops.torun.pl': 2, 'celina@rops.pl': 1},
              f'attendance (a cancelled person cannot be present): {days}')
        st, _, body = office.post(f'/szkolenia/{tid}/obecnosc',
                                  {'dzien': '2031-04-01'})
        check(st == 400 and 'Dzień:' in body, f'day outside: {st}')
        st, _, body = office.post(f'/szkolenia/{tid}/test', {
            'max': '10', f'b_{anna}': '3', f'a_{anna}': '8',
            f'b_{celina}': '5', f'a_{celina}': '5'})
        check(st == 200, f'test: {st} {body[:300]}')
        st, _, body = office.post(f'/szkolenia/{tid}/zaswiadczenia', {})
        check(st == 200 and 'Wystawiono zaświadczeń: 2' in body,
              f'certificates: {st}')
        numbers = dict(q(db, 'SELECT s.email_folded, c.number FROM'
                         ' training_certificate c JOIN training_signup s'
                         ' ON s.id = c.signup_id'))
        check(set(numbers) == {'anna@ops.torun.pl', 'celina@rops.pl'},
              f'certificates of: {numbers}')
        state['cert'] = numbers['anna@ops.torun.pl']
        st, _, html = Client(srv).request(
            'GET', '/zaswiadczenia/' + state['cert'])
        check(st == 200 and 'Anna Nowak' in html and 'prawdziwe' in html,
              f'verify: {st}')
        st, _, _ = Client(srv).request('GET', '/zaswiadczenia/SZK-2031-999')
        check(st == 404, f'unknown number: {st}')
        st, h, _ = office.c.request('GET', f'/szkolenia/{tid}/obecnosc.pdf')
        check(st == 200 and h['content-type'] == 'application/pdf',
              f'attendance pdf: {st}')
        st, h, _ = office.c.request('GET', f'/szkolenia/{tid}/uczestnicy.csv')
        check(st == 200 and 'anna@ops.torun.pl' in _ and
              'bogdan' not in _, 'export')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.export'")[0][0] == 1, 'export not audited')

    def pdfs_read_back_with_pdftotext():
        tid = state['a']
        for path, words in (
                (f'/szkolenia/{tid}/obecnosc.pdf',
                 ['Lista obecności', '2031-03-10', '2031-03-11', 'Anna Nowak',
                  'Celina Wiśniewska', 'Podpis']),
                (f'/szkolenia/{tid}/zaswiadczenia.pdf',
                 ['Zaświadczenie', 'Anna Nowak', 'Celina Wiśniewska',
                  state['cert'], '/zaswiadczenia/' + state['cert']])):
            st, _, data = srv.request('GET', path, headers={
                'Cookie': '; '.join(f'{k}={v}' for k, v in
                                    office.c.cookies.items())})
            check(st == 200, f'{path}: {st}')
            text = ' '.join(pdftotext(data).split())
            for w in words:
                check(w in text, f'{path}: {w!r} not in {text[:400]!r}')
            check('Bogdan' not in text, f'{path}: a cancelled person')

    def same_person_at_two_events_counts_once():
        b = office.create('Superwizja grupowa', project, capacity=5,
                          groups=('team',), date_from='2031-05-05',
                          date_to='2031-05-05')
        state['b'] = b
        signed_and_confirmed(srv, db, b, 'Anna Nowak', 'Anna@OPS.torun.pl',
                             'team',
                             org='Miejski Ośrodek Pomocy Rodzinie w Toruniu',
                             kind='ops')
        signed_and_confirmed(srv, db, b, 'Damian Zięba', 'damian@pcpr.pl',
                             'social', org='PCPR w Bydgoszczy', kind='pcpr',
                             gmina=BYDGOSZCZ)
        # an unconfirmed sign-up and an absent person do not count
        sign_up(srv, b, 'Ewa Lis', 'ewa@ngo.pl', 'other', org='Fundacja',
                kind='ngo')
        signed_and_confirmed(srv, db, b, 'Filip Kos', 'filip@ops.pl', 'team',
                             org='GOPS Lubicz', kind='ops')
        s = ids(db, b)
        office.attend(b, '2031-05-05', [s['anna@ops.torun.pl'],
                                        s['damian@pcpr.pl']])
        st, _, _ = office.post(f'/szkolenia/{b}/test', {
            'max': '20', f'b_{s["anna@ops.torun.pl"]}': '10',
            f'a_{s["anna@ops.torun.pl"]}': '18',
            f'b_{s["damian@pcpr.pl"]}': '9', f'a_{s["damian@pcpr.pl"]}': '15'})
        check(st == 200, f'test: {st}')
        st, _, body = Client(srv).request(
            'GET', f'/api/projects/{project}/indicators')
        check(st == 200, f'indicators: {st}')
        got = json.loads(body)
        ind = {x['pos']: x for x in got['indicators']}
        # hand counts: Anna (both events, once), Celina, Damian present
        check(ind[0]['target'] == 1100 and ind[0]['value'] == 3,
              f'persons: {ind[0]}')
        # MOPR Toruń (twice, once), ROPS, PCPR Bydgoszcz
        check(ind[1]['target'] == 200 and ind[1]['value'] == 3,
              f'institutions: {ind[1]}')
        # Anna 3->8 and 10->18 (once), Damian 9->15; Celina 5->5 not
        check(ind[2]['target'] == 1045 and ind[2]['value'] == 2,
              f'qualified: {ind[2]}')
        # the LPDI register is still empty: not counted yet
        check(ind[3]['target'] == 50 and ind[3]['value'] is None and
              ind[3]['measure'] == 'lpdi', f'LPDI: {ind[3]}')
        for x in ind.values():
            check(x['how_counted'], f'no how: {x}')
        check(got['institutions_by_kind'] == {'ops': 1, 'other': 1,
                                              'pcpr': 1},
              f'by kind: {got["institutions_by_kind"]}')

    def project_page_shows_the_counted_progress():
        st, _, html = office.c.request('GET', f'/monitoring/plany/{project}')
        check(st == 200, f'project page: {st}')
        table = html[html.index('mon-progress'):]
        table = table[:table.index('</table>')]
        rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table,
                          flags=re.S)
        got = {}
        for name, cells in rows:
            nums = re.findall(r'<td class="num">(.*?)(?:<br>|</td>)', cells)
            got[name[:4]] = (nums[0], nums[-2], nums[-1])
        # target, counted to date, % of the target
        check(got['1100'] == ('1 100', '3', '0,3'), f"persons: {got['1100']}")
        check(got['200 '] == ('200', '3', '1,5'), f"institutions: {got['200 ']}")
        check(got['1045'] == ('1 045', '2', '0,2'), f"qualified: {got['1045']}")
        check('policzone z ewidencji' in html and
              'Jak liczone są wskaźniki' in html, 'how counted not said')
        i = html.index('<caption>Instytucje objęte wsparciem według rodzaju')
        kinds = dict(re.findall(r'<tr><th scope="row">(.*?)</th><td class='
                                r'"num">(\d+)</td>', html[i:html.index(
                                    '</table>', i)]))
        check(kinds == {'inna instytucja': '1',
                        'ośrodek pomocy społecznej (OPS, MOPS, GOPS)': '1',
                        'powiatowe centrum pomocy rodzinie (PCPR)': '1'},
              f'by kind: {kinds}')

    def incomplete_data_does_not_count():
        # a record whose group was lost (e.g. an old import) is not counted
        b = state['b']
        q(db, "UPDATE training_signup SET pgroup = '' WHERE email_folded ="
          " 'damian@pcpr.pl'")
        got = json.loads(Client(srv).request(
            'GET', f'/api/projects/{project}/indicators')[2])
        ind = {x['pos']: x['value'] for x in got['indicators']}
        check(ind[0] == 2 and ind[1] == 2 and ind[2] == 1,
              f'incomplete counted: {ind}')
        q(db, "UPDATE training_signup SET pgroup = 'social' WHERE"
          " email_folded = 'damian@pcpr.pl' AND training_id = ?", b)

    def task_1_1_and_its_breakdown_equal_hand_counts():
        c = office.create('Szkolenie dla zespołów interdyscyplinarnych',
                          plan2021, task='1.1', capacity=10,
                          groups=('team', 'police', 'teachers'),
                          date_from='2031-06-01', date_to='2031-06-01')
        people = [('Gosia', 'g@a.pl', 'team'), ('Henryk', 'h@a.pl', 'team'),
                  ('Iza', 'i@a.pl', 'police'), ('Jan', 'j@a.pl', 'teachers'),
                  ('Kasia', 'k@a.pl', 'police')]
        for name, email, group in people:
            signed_and_confirmed(srv, db, c, name + ' Test', email, group,
                                 org='Urząd Gminy Lubicz', kind='gmina')
        s = ids(db, c)
        office.attend(c, '2031-06-01', [s[e] for _, e, _ in people
                                        if e != 'k@a.pl'])
        got = json.loads(Client(srv).request(
            'GET', f'/api/projects/{plan2021}/indicators')[2])
        by = {x['pos']: x for x in got['indicators'] if x['task'] == '1.1'}
        check(by[0]['measure'] == 'events' and by[0]['value'] == 1 and
              by[0]['target'] == 4, f'trainings: {by[0]}')
        check(by[1]['measure'] == 'persons' and by[1]['value'] == 4 and
              by[1]['target'] == 170, f'trained: {by[1]}')
        want = {2: ('team', 2), 3: ('gkrpa', 0), 4: ('teachers', 1),
                5: ('probation', 0), 6: ('police', 1), 7: ('social', 0)}
        for pos, (group, n) in want.items():
            check(by[pos]['measure'] == 'group' and
                  by[pos]['group'] == group and by[pos]['value'] == n,
                  f'breakdown {pos}: {by[pos]}')
        check(sum(by[p]['value'] for p in want) == by[1]['value'],
              'breakdown does not sum to the total')
        # the annual report of the 2021 plan takes the same counts
        st, _, body = office.c.request(
            'GET', f'/api/monitoring/plans/{plan2021}/report')
        check(st == 200, f'report: {st}')
        rep = {x['pos']: x for x in json.loads(body)['indicators']}
        # (in place of the demo's bindings to the hand-typed register)
        for pos, n in ((0, 1), (1, 4), (2, 2), (4, 1), (6, 1), (3, 0)):
            check(rep[pos]['computed'] and rep[pos]['realisation'] == n and
                  rep[pos]['metric'].startswith('ewidencja szkoleń'),
                  f'report {pos}: {rep[pos]}')
        # a task no event serves is not counted from the register
        other = [x for x in got['indicators'] if x['task'] == '3.1']
        check(other and all(x['value'] is None for x in other),
              f'task 3.1 counted: {other}')

    def rows_8_to_10_of_the_2024_plan_equal_hand_counts():
        plan2024 = q(db, 'SELECT id FROM plan WHERE year = 2024')[0][0]
        e = office.create('Kompetencje kadry wspierania rodziny', plan2024,
                          task='8', capacity=5, groups=('social',),
                          date_from='2031-09-01', date_to='2031-09-01')
        people = [('Ola', 'o@b.pl', 3, 7), ('Piotr', 'p@b.pl', 6, 6),
                  ('Rafał', 'r@b.pl', 2, 9)]
        for name, email, _, _ in people:
            signed_and_confirmed(srv, db, e, name + ' Test', email, 'social',
                                 org='MOPS Włocławek', kind='ops')
        s = ids(db, e)
        office.attend(e, '2031-09-01', [s['o@b.pl'], s['p@b.pl']])
        fields = {'max': '10'}
        for _, email, b, a in people:
            fields[f'b_{s[email]}'] = str(b)
            fields[f'a_{s[email]}'] = str(a)
        st, _, _ = office.post(f'/szkolenia/{e}/test', fields)
        check(st == 200, f'test: {st}')
        got = json.loads(Client(srv).request(
            'GET', f'/api/projects/{plan2024}/indicators')[2])
        by = {x['task']: [] for x in got['indicators']}
        for x in got['indicators']:
            by[x['task']].append(x)
        # row 8: Ola raised hers; Piotr did not; Rafał was absent
        check([(x['measure'], x['target'], x['value']) for x in by['8']] ==
              [('qualified', 80, 1), ('events', 1, 1)], f'row 8: {by["8"]}')
        # rows 9 and 10 are served by no event yet: not counted
        check(all(x['value'] is None for x in by['9'] + by['10']),
              f'rows 9-10: {by["9"] + by["10"]}')

    def erase_by_own_link_unless_needed_for_the_project():
        tid = state['a']
        st, _, body = own_post(srv, state['bogdan'], 'usun')
        check(st == 200 and 'usunięte' in body, f'erase: {st}')
        check(q(db, 'SELECT count(*) FROM training_signup WHERE'
                ' email_folded = ?', 'bogdan@policja.gov.pl')[0][0] == 0,
              'still stored')
        st, _, _ = Client(srv).request(
            'GET', f'/szkolenia/zgloszenie/{state["bogdan"]}')
        check(st == 404, f'link after erase: {st}')
        st, _, body = own_post(srv, state['anna'], 'usun')
        check(st == 409 and 'rozliczenia' in body, f'anna: {st}')
        check(status_of(db, 'anna@ops.torun.pl', tid) == 'confirmed',
              'anna was erased')

    def purge_removes_participants_after_their_retention():
        c = state['b']
        keep = q(db, 'SELECT count(*) FROM training_signup')[0][0]
        q(db, "UPDATE training_signup SET keep_until = '2020-12-31' WHERE"
          " email_folded = 'damian@pcpr.pl'")
        p = subprocess.run([binary, 'purge', '--db', db],
                           capture_output=True, text=True)
        check(p.returncode == 0 and '1 training participants' in p.stdout,
              p.stdout + p.stderr)
        check(q(db, 'SELECT count(*) FROM training_signup')[0][0] ==
              keep - 1, 'not exactly one removed')
        check(q(db, "SELECT count(*) FROM training_signup WHERE"
                " email_folded = 'damian@pcpr.pl'")[0][0] == 0 and
              q(db, 'SELECT count(*) FROM training_attendance a WHERE NOT'
                ' EXISTS (SELECT 1 FROM training_signup s WHERE'
                ' s.id = a.signup_id)')[0][0] == 0, 'left behind')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.purge'")[0][0] == 1, 'purge not audited')
        got = json.loads(Client(srv).request(
            'GET', f'/api/projects/{project}/indicators')[2])
        check(got['indicators'][0]['value'] == 2, 'count after purge')
        check(c > 0, 'event b')

    def lpdi_register_gives_the_fourth_indicator():
        token = office.c.csrf('/lpdi')
        st, _, body = office.c.request('POST', '/lpdi', {
            'csrf': token, 'jednostka': '0463011', 'przyjety': '1',
            'data': '', 'uchwala': '', 'link': 'javascript:alert(1)'})
        check(st == 400 and 'Data przyjęcia:' in body and 'Uchwała:' in body
              and 'Link do uchwały:' in body, f'bad: {st}')
        check(q(db, 'SELECT count(*) FROM training_lpdi')[0][0] == 0,
              'a bad row stored')
        for unit, adopted in (('0463011', '1'), ('0461011', '1'),
                              ('0415011', '1'), ('0415022', ''),
                              ('0415', '1')):
            fields = {'csrf': office.c.csrf('/lpdi'), 'jednostka': unit,
                      'data': '2024-06-30' if adopted else '',
                      'uchwala': f'XII/{unit}/2024' if adopted else '',
                      'link': 'https://bip.example.pl/uchwala'}
            if adopted:
                fields['przyjety'] = '1'
            st, _, body = office.c.request('POST', '/lpdi', fields)
            check(st == 200 and 'Zapisano.' in body, f'{unit}: {st}')
        # Toruń's powiat is the city itself: not a second local government
        st, _, body = office.c.request('POST', '/lpdi', {
            'csrf': office.c.csrf('/lpdi'), 'jednostka': '0463',
            'przyjety': '1', 'data': '2024-01-01', 'uchwala': 'X'})
        check(st == 400 and 'Jednostka:' in body, f'city powiat: {st}')
        gminas = q(db, "SELECT count(*) FROM gmina WHERE teryt LIKE '04%'")[0][0]
        powiats = q(db, "SELECT count(*) FROM powiat WHERE woj = '04' AND"
                    " kind = 'powiat'")[0][0]
        total = gminas + powiats
        got = json.loads(Client(srv).request('GET', '/api/lpdi')[2])
        check(got['adopted'] == 4 and got['local_governments'] == total,
              f'share: {got["adopted"]}/{got["local_governments"]}')
        st, _, html = Client(srv).request('GET', '/lpdi')
        check(st == 200 and f'Plan przyjęło 4 z {total}' in html and
              '<svg' in html and 'Toruń: plan przyjęty 2024-06-30' in html,
              'page: share, denominator or map missing')
        ind = json.loads(Client(srv).request(
            'GET', f'/api/projects/{project}/indicators')[2])['indicators'][3]
        check(ind['measure'] == 'lpdi' and ind['value'] == 4 * 100 // total
              and ind['target'] == 50 and f'4 z {total}' in ind['how_counted'],
              f'indicator 4: {ind}')
        check(q(db, "SELECT count(*) FROM audit WHERE action ="
                " 'training.lpdi' AND account = 'koord'")[0][0] == 5,
              'not audited')

    def participants_need_the_capability():
        tid = state['a']
        for login in ('anal', 'real'):
            c = Client(srv)
            c.login(login)
            st, _, _ = c.request('GET', f'/szkolenia/{tid}/uczestnicy')
            check(st == 403, f'{login}: {st}')
        st, h, _ = Client(srv).request('GET', f'/szkolenia/{tid}/uczestnicy')
        check(st in (302, 303) and '/login' in h.get('location', ''),
              f'public: {st}')
        add_user(binary, db, 'koord12', 'coordinator', region='12')
        c = Client(srv)
        c.login('koord12')
        st, _, _ = c.request('GET', f'/szkolenia/{tid}/uczestnicy')
        check(st == 404, f'another region: {st}')

    for fn in (calendar_lists_an_event_and_the_api_says_the_same,
               bad_event_is_refused_and_names_the_fields,
               sign_up_checks_every_field_and_stores_nothing_when_wrong,
               three_sign_ups_fill_two_seats_and_a_waiting_list,
               cancellation_by_own_link_promotes_the_waiting_person,
               attendance_tests_and_certificates,
               pdfs_read_back_with_pdftotext,
               same_person_at_two_events_counts_once,
               project_page_shows_the_counted_progress,
               incomplete_data_does_not_count,
               task_1_1_and_its_breakdown_equal_hand_counts,
               rows_8_to_10_of_the_2024_plan_equal_hand_counts,
               erase_by_own_link_unless_needed_for_the_project,
               purge_removes_participants_after_their_retention,
               lpdi_register_gives_the_fourth_indicator,
               participants_need_the_capability):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
