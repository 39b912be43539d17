#!/usr/bin/env python3
"""Integration tests of grants (issue 17) against the real server, on
either engine: the office writes a call (areas, amounts, criteria, a
deadline in Warsaw time, a task of the 2024 plan), a bad form answers 400
naming each field and writes nothing, a draft is the office's own (404 to
the public, to the API and to another region), publishing is audited and
freezes the call, and the published call is on /nabory, /nabory/ID, the
Atom feed and /api/calls with its status, areas, amounts and dates.
Usage: test_grants.py BINARY"""
import http.client
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

DEMO_KRS = '00099%'  # the demo organisations' KRS numbers (grant_demo.c)


def audit_rows(db, action):
    """The audit rows of action this test's requests made (the demo's,
    made by init --demo, came through the CLI)."""
    return sql_one(db, "SELECT count(*) FROM audit WHERE action = ? AND"
                   " via <> 'cli'", (action,))

ATOM = '{http://www.w3.org/2005/Atom}'


def pdftotext(srv, client, path):
    """The text of the PDF at path, as pdftotext reads it."""
    c = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=20)
    c.request('GET', path, headers={'Cookie': '; '.join(
        f'{k}={v}' for k, v in client.cookies.items())})
    data = c.getresponse().read()
    c.close()
    check(data.startswith(b'%PDF'), data[:20])
    p = subprocess.run(['pdftotext', '-layout', '-', '-'], input=data,
                       capture_output=True)
    check(p.returncode == 0, p.stderr)
    return p.stdout.decode('utf-8')


def call_form(csrf, plan, **over):
    f = {'csrf': csrf, 'kind': 'grant',
         'title': 'Wspieranie rodziny i pieczy zastępczej 2030',
         'description': 'Zadania z programu „Rodzina jest najważniejsza”.',
         'plan': plan, 'task': '6',
         'area1_name': 'Profilaktyka i wsparcie rodzin',
         'area1_budget': '600 000,00',
         'area2_name': 'Rodzinne formy pieczy zastępczej',
         'area2_budget': '500.000',
         'max_grant': '50 000,00', 'min_own': '10',
         'until_date': '2030-02-15', 'until_time': '15:30',
         'results_by': '2030-03-31', 'correction_days': '7',
         'task_from': '2030-04-01', 'task_to': '2030-12-31',
         'formal1': 'Oferta złożona w terminie',
         'formal2': 'Organizacja prowadzi działalność statutową w obszarze',
         'merit1': 'Możliwość realizacji zadania', 'merit1_max': '10',
         'merit2': 'Kalkulacja kosztów', 'merit2_max': '10',
         'merit3': 'Wkład własny i wolontariat', 'merit3_max': '5'}
    f.update(over)
    return f


def org_form(csrf, **over):
    f = {'csrf': csrf, 'name': 'Fundacja Dobrze Być Razem',
         'krs': '0000123456', 'nip': '526-104-08-28',
         'address': 'ul. Szeroka 1, 87-100 Toruń', 'gmina': 'Toruń',
         'email': 'biuro@razem.example.org',
         'person1': 'Anna Nowak', 'function1': 'prezes zarządu',
         'person2': 'Jan Kowalski', 'function2': 'członek zarządu',
         'login': 'razem', 'password': 'bardzo-dobre-haslo-1'}
    f.update(over)
    return f


def offer_fields(csrf, **over):
    f = {'csrf': csrf, 'area': '1', 'title': 'Szkoła dla rodziców',
         'place': 'Toruń, ul. Szeroka 1',
         'description': 'Warsztaty umiejętności wychowawczych.',
         'date_from': '2030-05-01', 'date_to': '2030-11-30',
         'action1': 'Rekrutacja uczestników', 'action1_from': '2030-05-01',
         'action1_to': '2030-05-31',
         'action2': 'Warsztaty', 'action2_from': '2030-06-01',
         'action2_to': '2030-11-30',
         'result1': 'liczba rodzin objętych wsparciem',
         'result1_target': '40',
         'result2': 'liczba warsztatów', 'result2_target': '12',
         'cost1_kind': 'action', 'cost1_name': 'Wynagrodzenie trenera',
         'cost1_total': '30 000,00', 'cost1_grant': '27 000,00',
         'cost1_own': '1 000,00', 'cost1_nonfin': '2 000,00',
         'cost2_kind': 'admin', 'cost2_name': 'Obsługa księgowa',
         'cost2_total': '3 000,00', 'cost2_grant': '2 000,00',
         'cost2_own': '1 000,00', 'cost2_nonfin': '',
         'requested': '29 000,00',
         'declaration1': '1', 'declaration2': '1', 'declaration3': '1',
         'declaration4': '1'}
    f.update(over)
    return {k: v for k, v in f.items() if v is not None}


def register_confirmed(srv, db, login, name, krs):
    """An organisation registered, its e-mail and the office's
    confirmation done: its grantee can log in."""
    c = Client(srv)
    st, _, _ = c.request('POST', '/organizacje/rejestracja', org_form(
        c.csrf('/organizacje/rejestracja'), name=name, krs=krs, nip='',
        email=f'{login}@example.org', login=login))
    check(st == 200, f'register {login}: {st}')
    oid, body = sql(db, "SELECT o.id, m.body FROM grant_org o JOIN mail_outbox"
                    " m ON m.recipient = o.email WHERE o.krs = ?", (krs,))[0]
    token = re.search(r'token=([0-9a-f]{64})', body).group(1)
    check(Client(srv).request('GET', '/organizacje/potwierdzenie?token=' +
                              token)[0] == 200, 'email')
    office = Client(srv)
    office.login('koord')
    st, _, _ = office.request('POST', f'/organizacje/{oid}/decyzja', {
        'csrf': office.csrf('/organizacje'), 'decision': 'confirm'})
    check(st == 303, f'confirm {login}: {st}')
    return oid


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, region in (('koord', '04'), ('koord12', '12')):
        rc, err = add_user(binary, db, login, 'coordinator', region=region)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    add_user(binary, db, 'ngo', 'grantee')
    for login, role in (('impl', 'implementer'), ('anal', 'analyst'),
                        ('anal2', 'analyst')):
        add_user(binary, db, login, role)
    plan = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND "
                   "year = 2024")
    # the demo's grants (grant_demo.c): what the test's counts start from
    demo = {table: sql_one(db, f'SELECT count(*) FROM {table}')
            for table in ('grant_call', 'grant_org', 'grant_offer')}
    demo_calls = [i for (i,) in sql(db, "SELECT id FROM grant_call WHERE"
                                    " status <> 'draft' ORDER BY id")]
    srv = Server(binary, db)
    t = Runner('grants')
    state = {}

    def demo_is_a_whole_grants_picture():
        """init --demo: the 2024 plan's task 7 call finished, task 6 open,
        the Stalowy Anioł contest open, the figures in the programme."""
        st, _, body = Client(srv).request('GET', '/api/calls')
        calls = {c['task']: c for c in json.loads(body)}
        check(st == 200 and sorted(calls) == ['13', '6', '7'], sorted(calls))
        done, open_, award = calls['7'], calls['6'], calls['13']
        check(done['status'] == 'results' and
              done['offers_until'] == '2024-02-15T14:30:00Z', done)
        st, _, body = Client(srv).request('GET', f"/api/calls/{done['id']}")
        funded = sorted((o['awarded_grosze'], o['title'][:10])
                        for o in json.loads(body)['offers'])
        check(funded == [(0, 'Mama, tata'), (6000000, 'Tata na me'),
                         (8000000, 'Szkoła dla')], funded)
        check(open_['status'] == 'open' and [a['budget_grosze'] for a in
              open_['areas']] == [30000000, 30000000, 20000000, 30000000],
              open_)
        check(award['kind'] == 'award' and 'Stalowy Anioł' in award['title']
              and award['status'] == 'open', award)
        st, _, html = Client(srv).request('GET',
                                          f"/nabory/{done['id']}/wyniki")
        check(st == 200 and 'Przystań' in html and '80 000,00' in html and
              'dane demonstracyjne' in html, st)
        check(sql(db, "SELECT o.status, a.status, a.returned_grosze FROM"
                  " grant_offer o JOIN grant_agreement a ON a.offer_id = o.id"
                  " WHERE o.call_id = ? ORDER BY o.id", (done['id'],)) ==
              [('submitted', 'settled', 0), ('submitted', 'signed', 0)],
              'agreements: one settled after its accepted report')
        check(sql(db, "SELECT r.kind, r.status FROM grant_report r JOIN"
                  " grant_offer o ON o.id = r.offer_id WHERE o.call_id = ?"
                  " ORDER BY r.id", (done['id'],)) ==
              [('final', 'accepted'), ('partial', 'submitted')], 'reports')
        check(sql(db, "SELECT status FROM grant_offer WHERE call_id = ?"
                  " ORDER BY id", (open_['id'],)) ==
              [('submitted',), ('draft',)], 'offers at two stages')
        office = Client(srv)
        office.login('koord')
        st, _, body = office.request('GET',
                                     f'/api/monitoring/plans/{plan}/report')
        rep = json.loads(body)
        task7 = {i['name']: i.get('realisation')
                 for i in rep['indicators'] if i['task'] == '7'}
        check(sorted(v for v in task7.values() if v is not None) == [6, 140],
              task7)
        line = next(t for t in rep['tasks'] if t['number'] == '7')
        check(line.get('pending_grosze') == 14000000, line)

    def bad_form_names_each_field_and_writes_nothing():
        c = Client(srv)
        c.login('koord')
        form = call_form(c.csrf('/nabory/nowy'), plan, max_grant='700 000',
                         min_own='12,55', area2_budget='pół miliona',
                         until_time='25:00', merit2_max='0', task='99')
        st, _, html = c.request('POST', '/nabory', form)
        check(st == 400, st)
        for text in ('Obszar 2 – kwota: „pół miliona”',
                     'Minimalny wkład własny (%): „12,55”',
                     'Oferty do – godzina (czas polski): „25:00”',
                     'Kryterium merytoryczne 2 – punkty: „0”'):
            check(text in html, f'no message {text!r}')
        # the form keeps what was typed
        check('value="pół miliona"' in html, 'typed value kept')
        form = call_form(c.csrf('/nabory/nowy'), plan, task='99')
        st, _, html = c.request('POST', '/nabory', form)
        check(st == 400 and 'plan nie ma zadania o numerze „99”' in html, st)
        check(sql_one(db, 'SELECT count(*) FROM grant_call') ==
              demo['grant_call'], 'a call was written')
        check(sql_one(db, "SELECT count(*) FROM audit WHERE action LIKE "
                      "'grant_call.%' AND via <> 'cli'") == 0,
              'audited a refusal')

    def draft_is_the_offices_own():
        c = Client(srv)
        c.login('koord')
        st, h, _ = c.request('POST', '/nabory',
                             call_form(c.csrf('/nabory/nowy'), plan))
        check(st == 303, st)
        cid = int(re.search(r'/nabory/(\d+)$', h['location']).group(1))
        state['id'] = cid
        row = sql(db, 'SELECT status, amount_grosze, max_grant_grosze, '
                  'min_own_permille, offers_until, results_by, task, '
                  'plan_id FROM grant_call WHERE id = ?', (cid,))
        check(row == [('draft', 110000000, 5000000, 100,
                       '2030-02-15T14:30:00Z', '2030-03-31', '6', plan)],
              row)
        check(sql_one(db, 'SELECT count(*) FROM grant_criterion WHERE '
                      'call_id = ?', (cid,)) == 5, 'criteria')
        st, _, html = c.request('GET', f'/nabory/{cid}')
        check(st == 200 and 'szkic' in html and 'Opublikuj' in html, st)
        check('15.02.2030 15:30 (czas polski)' in html, 'Warsaw time')
        check('1 100 000,00 zł' in html, 'amount')
        for who in (None, 'koord12', 'ngo'):
            o = Client(srv)
            if who:
                o.login(who)
            st, _, _ = o.request('GET', f'/nabory/{cid}')
            check(st == 404, f'{who} sees the draft: {st}')
            st, _, _ = o.request('GET', f'/api/calls/{cid}')
            check(st == 404, f'{who} reads the draft: {st}')
            st, _, body = o.request('GET', '/api/calls')
            check(st == 200 and sorted(c['id'] for c in json.loads(body))
                  == demo_calls, body[:200])
        o = Client(srv)
        o.login('koord12')
        st, _, _ = o.request('POST', f'/nabory/{cid}/publikacja',
                             {'csrf': o.csrf('/nabory')})
        check(st == 404, st)
        st, _, _ = o.request('POST', f'/nabory/{cid}', call_form(
            o.csrf('/nabory'), plan, title='Przejęty'))
        check(st == 404, st)
        # the office changes its draft whole
        st, _, _ = c.request('POST', f'/nabory/{cid}', call_form(
            c.csrf('/nabory'), plan, merit3='', merit3_max=''))
        check(st == 303, st)
        check(sql_one(db, 'SELECT count(*) FROM grant_criterion WHERE '
                      'call_id = ?', (cid,)) == 4, 'criteria replaced')
        st, _, html = c.request('GET', f'/nabory/{cid}/edycja')
        check(st == 200 and 'value="15:30"' in html and
              'value="2030-02-15"' in html, 'the form shows Warsaw time')
        check(audit_rows(db, 'grant_call.create') == 1 and
              audit_rows(db, 'grant_call.update') == 1, 'audited')

    def published_call_is_public_in_pages_feed_and_api():
        cid = state['id']
        c = Client(srv)
        c.login('koord')
        st, _, _ = c.request('POST', f'/nabory/{cid}/publikacja',
                             {'csrf': c.csrf('/nabory')})
        check(st == 303, st)
        check(audit_rows(db, 'grant_call.publish') == 1, 'audited')
        # frozen once published
        st, _, _ = c.request('POST', f'/nabory/{cid}',
                             call_form(c.csrf('/nabory'), plan))
        check(st == 409, st)
        st, _, _ = c.request('POST', f'/nabory/{cid}/publikacja',
                             {'csrf': c.csrf('/nabory')})
        check(st == 409, st)
        pub = Client(srv)
        st, _, html = pub.request('GET', '/nabory')
        check(st == 200 and f'href="/nabory/{cid}"' in html, st)
        check('Trwa przyjmowanie ofert' in html, 'grouped by phase')
        st, _, html = pub.request('GET', f'/nabory/{cid}')
        check(st == 200 and 'przyjmowanie ofert' in html, st)
        check('Profilaktyka i wsparcie rodzin' in html and
              '600 000,00 zł' in html and 'Kalkulacja kosztów' in html,
              'areas and criteria')
        st, _, body = pub.request('GET', '/api/calls')
        calls = json.loads(body)
        check(st == 200 and sorted(c['id'] for c in calls) ==
              sorted(demo_calls + [cid]), body[:300])
        call = next(c for c in calls if c['id'] == cid)
        check(call['status'] == 'open' and call['amount_grosze'] == 110000000
              and call['offers_until'] == '2030-02-15T14:30:00Z' and
              call['results_by'] == '2030-03-31', call)
        check([a['budget_grosze'] for a in call['areas']] ==
              [60000000, 50000000], call['areas'])
        st, _, body = pub.request('GET', f'/api/calls/{cid}')
        one = json.loads(body)
        check(st == 200 and one['task'] == '6' and
              [k['max_points'] for k in one['criteria']
               if k['stage'] == 'merit'] == [10, 10], one)
        st, h, body = pub.request('GET', '/nabory.atom')
        check(st == 200 and h['content-type'].startswith(
            'application/atom+xml'), (st, h.get('content-type')))
        feed = ET.fromstring(body.encode())
        entries = feed.findall(ATOM + 'entry')
        check(len(entries) == len(demo_calls) + 1, body[:300])
        entries = [e for e in entries
                   if e.find(ATOM + 'id').text.endswith(f'/nabory/{cid}')]
        check(len(entries) == 1, body[:300])
        check(entries[0].find(ATOM + 'title').text.startswith(
            'Wspieranie rodziny'), 'entry title')
        check(entries[0].find(ATOM + 'id').text.endswith(f'/nabory/{cid}'),
              'entry id')
        check('15.02.2030 15:30' in entries[0].find(ATOM + 'summary').text,
              'deadline in the summary')
        text = pdftotext(srv, pub, f'/nabory/{cid}/ogloszenie.pdf')
        for want in ('Wspieranie rodziny i pieczy zastępczej 2030',
                     '15.02.2030 15:30 (czas polski)', '1 100 000,00 zł',
                     'Rodzinne formy pieczy zastępczej', 'Kalkulacja kosztów',
                     '10 maks. pkt'):
            check(want in text, f'announcement PDF lacks {want!r}')

    def past_deadline_is_evaluation():
        cid = state['id']
        sql(db, "UPDATE grant_call SET offers_until = "
            "'2020-01-01T10:00:00Z' WHERE id = ?", (cid,))
        st, _, body = Client(srv).request('GET', f'/api/calls/{cid}')
        check(json.loads(body)['status'] == 'evaluation', body[:200])
        st, _, html = Client(srv).request('GET', '/nabory')
        check('Oferty w ocenie' in html and f'/nabory/{cid}"' in html, st)

    def hostile_text_is_escaped():
        c = Client(srv)
        c.login('koord')
        st, h, _ = c.request('POST', '/nabory', call_form(
            c.csrf('/nabory/nowy'), plan, title='<script>alert(1)</script>',
            area1_name='"&<b>'))
        check(st == 303, st)
        st, _, html = c.request('GET', h['location'])
        check('<script>alert(1)' not in html and
              '&lt;script&gt;alert(1)&lt;/script&gt;' in html, 'escaped')

    def registration_checks_each_field_and_writes_nothing():
        c = Client(srv)
        accounts = sql_one(db, 'SELECT count(*) FROM account')
        st, _, html = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja'), krs='12345',
            nip='526-104-08-27', email='biuro@razem', gmina='Chełmno',
            function2='', password='krótkie'))
        check(st == 400, st)
        for text in ('Numer KRS: „12345” nie jest numerem KRS',
                     'NIP: „526-104-08-27” nie jest poprawnym numerem NIP',
                     'Adres e-mail: „biuro@razem” nie jest adresem',
                     'jest kilka gmin „Chełmno” – podaj siedmiocyfrowy kod',
                     'Osoba reprezentująca 2 – funkcja: pole jest wymagane',
                     'Hasło (co najmniej 12 znaków):'):
            check(text in html, f'no message {text!r}')
        st, _, html = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja'), login='koord'))
        check(st == 400 and 'ten login jest już zajęty' in html, st)
        check(sql_one(db, 'SELECT count(*) FROM grant_org') ==
              demo['grant_org'], 'written')
        check(sql_one(db, 'SELECT count(*) FROM account') == accounts,
              'an account was made')

    def organisation_registers_confirms_and_sees_only_itself():
        c = Client(srv)
        st, _, html = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja')))
        check(st == 200 and 'biuro@razem.example.org' in html, st)
        org = sql(db, "SELECT id, region, gmina, nip, status FROM grant_org"
                  " WHERE krs NOT LIKE ?", (DEMO_KRS,))
        check(len(org) == 1 and org[0][1:] ==
              ('04', '0463011', '5261040828', 'pending'), org)
        oid = org[0][0]
        body = sql_one(db, "SELECT body FROM mail_outbox WHERE recipient = ?",
                       ('biuro@razem.example.org',))
        m = re.search(r'/organizacje/potwierdzenie\?token=([0-9a-f]{64})',
                      body or '')
        check(m, body)
        token = m.group(1)
        check(sql_one(db, 'SELECT count(*) FROM grant_org WHERE '
                      'email_token = ?', (token,)) == 0,
              'the token itself is stored')
        # the account exists but is disabled until the office confirms
        check(Client(srv).login('razem', 'bardzo-dobre-haslo-1')[0] != 303,
              'a pending organisation logs in')
        office = Client(srv)
        office.login('koord')
        st, _, _ = office.request('POST', f'/organizacje/{oid}/decyzja', {
            'csrf': office.csrf('/organizacje'), 'decision': 'confirm'})
        check(st == 409, f'confirmed before the e-mail: {st}')
        st, _, html = Client(srv).request(
            'GET', f'/organizacje/potwierdzenie?token={token}')
        check(st == 200 and 'potwierdzony' in html, st)
        st, _, _ = Client(srv).request(
            'GET', f'/organizacje/potwierdzenie?token={token}')
        check(st == 404, f'a used link works again: {st}')
        other = Client(srv)
        other.login('koord12')
        st, _, _ = other.request('POST', f'/organizacje/{oid}/decyzja', {
            'csrf': other.csrf('/organizacje'), 'decision': 'confirm'})
        check(st == 404, f'another region decides: {st}')
        st, _, html = office.request('GET', '/organizacje')
        check(st == 200 and 'Fundacja Dobrze Być Razem' in html, st)
        st, _, _ = office.request('POST', f'/organizacje/{oid}/decyzja', {
            'csrf': office.csrf('/organizacje'), 'decision': 'confirm'})
        check(st == 303, st)
        check(sql_one(db, 'SELECT status FROM grant_org WHERE id = ?',
                      (oid,)) == 'confirmed', 'status')
        for action in ('grant_org.register', 'grant_org.email',
                       'grant_org.confirm'):
            check(audit_rows(db, action) == 1, f'{action} not audited')
        check(sql_one(db, "SELECT count(*) FROM mail_outbox WHERE body LIKE "
                      "'%zatwierdzona%' AND recipient = ?",
                      ('biuro@razem.example.org',)) == 1, 'decision mailed')
        ngo = Client(srv)
        check(ngo.login('razem', 'bardzo-dobre-haslo-1')[0] == 303, 'login')
        st, _, html = ngo.request('GET', '/moja-organizacja')
        check(st == 200 and 'Anna Nowak' in html and '0000123456' in html,
              st)
        st, _, body = ngo.request('GET', f'/api/organisations/{oid}')
        check(st == 200 and json.loads(body)['krs'] == '0000123456', st)
        # a second organisation: the first one's people cannot see it
        c2 = Client(srv)
        st, _, _ = c2.request('POST', '/organizacje/rejestracja', org_form(
            c2.csrf('/organizacje/rejestracja'),
            name='Stowarzyszenie Ojcowie Razem', krs='0000654321', nip='',
            gmina='0404011', email='ojcowie@example.org', login='ojcowie'))
        check(st == 200, st)
        oid2 = sql_one(db, "SELECT id FROM grant_org WHERE krs = "
                       "'0000654321'")
        check(ngo.request('GET', f'/organizacje/{oid2}')[0] == 404,
              "a grantee sees another organisation")
        check(ngo.request('GET', f'/api/organisations/{oid2}')[0] == 404,
              "a grantee reads another organisation")
        st, _, _ = office.request('POST', f'/organizacje/{oid2}/decyzja', {
            'csrf': office.csrf('/organizacje'), 'decision': 'refuse'})
        check(st == 400, f'refused without a reason: {st}')
        st, _, _ = office.request('POST', f'/organizacje/{oid2}/decyzja', {
            'csrf': office.csrf('/organizacje'), 'decision': 'refuse',
            'reason': 'Brak statutu w KRS'})
        check(st == 303, st)
        state['org'], state['org2'] = oid, oid2

    def open_call():
        c = Client(srv)
        c.login('koord')
        st, h, _ = c.request('POST', '/nabory', call_form(
            c.csrf('/nabory/nowy'), plan, title='Szkoła dla rodziców 2030'))
        cid = int(re.search(r'(\d+)$', h['location']).group(1))
        st, _, _ = c.request('POST', f'/nabory/{cid}/publikacja',
                             {'csrf': c.csrf('/nabory')})
        check(st == 303, st)
        return cid

    def offer_checks_name_the_field_and_submit_once():
        cid = open_call()
        state['call2'] = cid
        ngo = Client(srv)
        ngo.login('razem', 'bardzo-dobre-haslo-1')
        st, _, html = ngo.request('GET', f'/nabory/{cid}/oferta')
        check(st == 200 and 'V. Kalkulacja przewidywanych kosztów' in html,
              st)
        csrf = ngo.csrf(f'/nabory/{cid}/oferta')
        # a field not in its form: nothing is saved
        st, _, html = ngo.request('POST', f'/nabory/{cid}/oferty',
                                  offer_fields(csrf, cost1_total='abc'))
        check(st == 400 and 'Koszt 1 – koszt całkowity: „abc”' in html, st)
        check(sql_one(db, 'SELECT count(*) FROM grant_offer') ==
              demo['grant_offer'], 'saved')
        # a draft with every kind of mistake is saved and its findings
        # are shown as typed
        bad = offer_fields(
            csrf, date_from='2030-03-01', action1_from='2030-03-01',
            cost1_total='31 000,00',            # not the sum of its parts
            cost1_grant='54 000,00', cost1_total_='',
            requested='56 000,00',              # above the largest grant
            cost1_own='0', cost1_nonfin='0', cost2_own='0',
            declaration4=None)
        bad['cost1_total'] = '54 000,00'
        bad['cost2_grant'] = '2 000,00'
        bad['cost2_total'] = '3 000,00'
        bad.pop('cost1_total_')
        st, h, _ = ngo.request('POST', f'/nabory/{cid}/oferty', bad)
        check(st == 303, st)
        oid = int(re.search(r'/oferty/(\d+)$', h['location']).group(1))
        state['offer'] = oid
        st, _, html = ngo.request('GET', f'/oferty/{oid}')
        expected = (
            'Termin realizacji od: 2030-03-01 to przed początkiem okresu '
            'realizacji zadań w naborze (2030-04-01)',
            'Koszt 2 – koszt całkowity: 3 000,00 zł to nie suma dotacji i '
            'wkładu własnego (2 000,00 zł)',
            'Wnioskowana kwota dotacji: 56 000,00 zł to więcej niż najwyższa'
            ' dotacja w naborze (50 000,00 zł)',
            'Wkład własny: wkład własny to 0%',
            'Oświadczenie 4: oświadczenie trzeba zaakceptować')
        for text in expected:
            check(text in html, f'no finding {text!r}')
        check('aria-invalid="true"' in html, 'fields marked')
        st, _, html = ngo.request('POST', f'/oferty/{oid}/zlozenie',
                                  {'csrf': ngo.csrf(f'/oferty/{oid}')})
        check(st == 400 and 'Oferty nie złożono' in html, st)
        for text in expected:
            check(text in html, f'submit: no finding {text!r}')
        check(sql_one(db, 'SELECT status FROM grant_offer WHERE id = ?',
                      (oid,)) == 'draft', 'submitted with findings')
        # the office does not see a draft
        office = Client(srv)
        office.login('koord')
        check(office.request('GET', f'/oferty/{oid}')[0] == 404,
              'the office reads a draft')
        # corrected as the form shows and submitted in one go
        st, h, _ = ngo.request('POST', f'/oferty/{oid}/zlozenie',
                               offer_fields(ngo.csrf(f'/oferty/{oid}')))
        check(st == 303, st)
        row = sql(db, 'SELECT status, receipt, requested_grosze FROM '
                  'grant_offer WHERE id = ?', (oid,))
        check(row == [('submitted', f'NAB-{cid}/0001', 2900000)], row)
        check(audit_rows(db, 'grant_offer.submit') == 1, 'audited')
        st, _, _ = ngo.request('POST', f'/oferty/{oid}/zlozenie',
                               {'csrf': ngo.csrf(f'/oferty/{oid}')})
        check(st == 409, f'submitted twice: {st}')
        st, _, _ = ngo.request('POST', f'/oferty/{oid}',
                               offer_fields(ngo.csrf(f'/oferty/{oid}')))
        check(st == 409, f'changed after submission: {st}')
        st, h, pdf = ngo.request('GET', f'/oferty/{oid}/pdf')
        check(st == 200 and h['content-type'] == 'application/pdf', st)
        text = pdftotext(srv, ngo, f'/oferty/{oid}/pdf')
        for want in (f'NAB-{cid}/0001', 'Fundacja Dobrze Być Razem',
                     'Szkoła dla rodziców', 'Wynagrodzenie trenera',
                     '33 000,00', 'V. Kalkulacja przewidywanych kosztów',
                     'liczba rodzin objętych wsparciem'):
            check(want in text, f'PDF lacks {want!r}')
        st, _, html = office.request('GET', f'/nabory/{cid}/oferty')
        check(st == 200 and f'NAB-{cid}/0001' in html, st)
        st, _, body = office.request('GET', f'/api/offers/{oid}')
        check(st == 200 and json.loads(body)['receipt'] == f'NAB-{cid}/0001',
              st)

    def another_organisation_and_region_see_no_offer():
        oid = state['offer']
        register_confirmed(srv, db, 'trzecia', 'Stowarzyszenie Trzecie',
                           '0000777777')
        other = Client(srv)
        check(other.login('trzecia', 'bardzo-dobre-haslo-1')[0] == 303,
              'login')
        for path in (f'/oferty/{oid}', f'/oferty/{oid}/pdf',
                     f'/api/offers/{oid}'):
            st, _, _ = other.request('GET', path)
            check(st == 404, f'another organisation: {path} {st}')
        st, _, _ = other.request('POST', f'/oferty/{oid}/zlozenie',
                                 {'csrf': other.csrf('/moje-oferty')})
        check(st == 404, st)
        k12 = Client(srv)
        k12.login('koord12')
        for path in (f'/oferty/{oid}', f'/nabory/{state["call2"]}/oferty'):
            check(k12.request('GET', path)[0] == 404,
                  f'another region: {path}')
        st, _, html = other.request('GET', '/moje-oferty')
        check(st == 200 and 'Szkoła dla rodziców' not in html, st)

    def late_offer_is_refused():
        cid = state['call2']
        ngo = Client(srv)
        ngo.login('trzecia', 'bardzo-dobre-haslo-1')
        st, h, _ = ngo.request('POST', f'/nabory/{cid}/oferty', offer_fields(
            ngo.csrf(f'/nabory/{cid}/oferta'), title='Spóźniona oferta'))
        check(st == 303, st)
        oid = int(re.search(r'(\d+)$', h['location']).group(1))
        sql(db, "UPDATE grant_call SET offers_until = "
            "'2021-01-01T10:00:00Z' WHERE id = ?", (cid,))
        st, _, html = ngo.request('POST', f'/oferty/{oid}/zlozenie', {
            'csrf': ngo.csrf('/moje-oferty')})
        check(st == 409 and 'Termin składania ofert minął 01.01.2021 11:00'
              in html, st)
        check(sql_one(db, 'SELECT status FROM grant_offer WHERE id = ?',
                      (oid,)) == 'draft', 'late offer accepted')

    def submit_offer(login, cid, **over):
        ngo = Client(srv)
        ngo.login(login, 'bardzo-dobre-haslo-1')
        st, h, _ = ngo.request('POST', f'/nabory/{cid}/oferty', offer_fields(
            ngo.csrf(f'/nabory/{cid}/oferta'), **over))
        check(st == 303, f'{login} draft: {st}')
        oid = int(re.search(r'(\d+)$', h['location']).group(1))
        st, _, _ = ngo.request('POST', f'/oferty/{oid}/zlozenie',
                               {'csrf': ngo.csrf('/moje-oferty')})
        return ngo, oid, st

    def whole_cycle_committee_of_three_to_results():
        cid = open_call()
        office = Client(srv)
        office.login('koord')
        # two organisations, three offers: one is late
        razem, o1, st = submit_offer('razem', cid, title='Rodzinne soboty')
        check(st == 303, st)
        trzecia, o2, st = submit_offer(
            'trzecia', cid, title='Ojcowie w akcji', requested='24 000,00',
            cost1_grant='22 000,00', cost1_total='25 000,00')
        check(st == 303, st)
        _, o3, _ = submit_offer('razem', cid, title='Spóźniona',
                                declaration4=None)
        sql(db, "UPDATE grant_call SET offers_until = "
            "'2021-01-01T10:00:00Z' WHERE id = ?", (cid,))
        st, _, _ = razem.request('POST', f'/oferty/{o3}/zlozenie', offer_fields(
            razem.csrf('/moje-oferty'), title='Spóźniona'))
        check(st == 409, f'late offer: {st}')
        # committee of three; a member of another call
        for login in ('koord', 'impl', 'anal'):
            st, _, _ = office.request('POST', f'/nabory/{cid}/komisja', {
                'csrf': office.csrf('/nabory'), 'login': login})
            check(st == 303, f'member {login}: {st}')
        st, _, _ = office.request('POST', f'/nabory/{cid}/komisja', {
            'csrf': office.csrf('/nabory'), 'login': 'ngo'})
        check(st == 400, f'a grantee on the committee: {st}')
        st, _, _ = office.request('POST', f'/nabory/{state["call2"]}/komisja',
                                  {'csrf': office.csrf('/nabory'),
                                   'login': 'anal2'})
        check(st == 303, st)
        # formal: o1 passes, o2 has a defect its organisation corrects
        st, _, _ = office.request('POST', f'/oferty/{o1}/formalna', {
            'csrf': office.csrf('/nabory'), 'met1': '1', 'met2': '1',
            'outcome': 'passed'})
        check(st == 303, f'formal o1: {st}')
        st, _, html = office.request('POST', f'/oferty/{o2}/formalna', {
            'csrf': office.csrf('/nabory'), 'met1': '1', 'outcome': 'defect'})
        check(st == 400 and 'wymaga uzasadnienia' in html, st)
        st, _, _ = office.request('POST', f'/oferty/{o2}/formalna', {
            'csrf': office.csrf('/nabory'), 'met1': '1',
            'reason2': 'Brak wskazania działalności statutowej',
            'outcome': 'defect'})
        check(st == 303, st)
        st, _, html = trzecia.request('GET', f'/oferty/{o2}')
        check(st == 200 and 'Uzupełnij braki formalne' in html, st)
        st, _, _ = trzecia.request('POST', f'/oferty/{o2}/korekta',
                                   offer_fields(
                                       trzecia.csrf('/moje-oferty'),
                                       title='Ojcowie w akcji (poprawiona)',
                                       requested='24 000,00',
                                       cost1_grant='22 000,00',
                                       cost1_total='25 000,00'))
        check(st == 303, f'correction: {st}')
        check(audit_rows(db, 'grant_offer.correct') == 1, 'audited')
        st, _, _ = trzecia.request('POST', f'/oferty/{o2}/korekta',
                                   offer_fields(trzecia.csrf('/moje-oferty')))
        check(st == 409, f'corrected twice: {st}')
        st, _, _ = office.request('POST', f'/oferty/{o2}/formalna', {
            'csrf': office.csrf('/nabory'), 'met1': '1', 'met2': '1',
            'outcome': 'passed'})
        check(st == 303, st)
        # members: declaration first, then only their call's offers
        members = {}
        for login in ('koord', 'impl', 'anal', 'anal2'):
            m = Client(srv)
            m.login(login)
            members[login] = m
        st, _, html = members['impl'].request('GET', '/ocena')
        check(st == 200 and 'Składam oświadczenie' in html, st)
        check(members['impl'].request('GET', f'/ocena/oferty/{o1}')[0] ==
              404, 'scored before the declaration')
        for login in ('koord', 'impl', 'anal'):
            m = members[login]
            st, _, _ = m.request('POST', f'/ocena/{cid}/oswiadczenie',
                                 {'csrf': m.csrf('/ocena')})
            check(st == 303, st)
        m = members['anal2']
        m.request('POST', f'/ocena/{state["call2"]}/oswiadczenie',
                  {'csrf': m.csrf('/ocena')})
        for path in (f'/ocena/oferty/{o1}', f'/oferty/{o1}',
                     f'/api/offers/{o1}'):
            check(m.request('GET', path)[0] == 404,
                  f"another call's member reads {path}")
        points = {'koord': ((9, 8, 5), (6, 5, 3)),
                  'impl': ((8, 8, 4), (7, 6, 2)),
                  'anal': ((10, 9, 5), (5, 5, 4))}
        for login, (p1, p2) in points.items():
            m = members[login]
            for oid, pts in ((o1, p1), (o2, p2)):
                f = {'csrf': m.csrf('/ocena')}
                for i, v in enumerate(pts):
                    f[f'points{i + 1}'] = str(v)
                    f[f'justification{i + 1}'] = f'Uzasadnienie {login} {i}'
                st, _, _ = m.request('POST', f'/ocena/oferty/{oid}', f)
                check(st == 303, f'{login} scores {oid}: {st}')
            if login == 'koord':
                # the others have not scored yet: another member's form
                # shows none of koord's scores
                st, _, html = members['impl'].request(
                    'GET', f'/ocena/oferty/{o1}')
                check(st == 200 and 'Uzasadnienie koord' not in html,
                      "another member's scores shown")
        m = members['anal']
        st, _, html = m.request('POST', f'/ocena/oferty/{o1}', {
            'csrf': m.csrf('/ocena'), 'points1': '11', 'points2': '5',
            'points3': '5', 'justification1': 'x', 'justification2': '',
            'justification3': 'z'})
        check(st == 400 and '„11” nie jest liczbą punktów od 0 do 10' in html
              and 'Kalkulacja kosztów: ocena wymaga uzasadnienia' in html, st)
        st, _, html = members['impl'].request('GET', f'/ocena/oferty/{o1}')
        check('Uzasadnienie impl 0' in html and 'Uzasadnienie anal' not in
              html, 'a member sees its own scores only')
        # ranking: o1 (22+20+24)/3 = 22,00; o2 (14+15+14)/3 = 14,33
        st, _, html = office.request('GET', f'/nabory/{cid}/ocena')
        check(st == 200 and '22,00' in html and '14,33' in html, st)
        check(html.index('Rodzinne soboty') < html.index('Ojcowie w akcji'),
              'ranked')
        st, _, html = office.request('POST', f'/nabory/{cid}/wyniki', {
            'csrf': office.csrf('/nabory'), f'amount{o1}': '29 000,00',
            f'amount{o2}': '30 000,00'})
        check(st == 400 and 'więcej, niż oferta wnioskuje' in html, st)
        check(sql_one(db, 'SELECT status FROM grant_call WHERE id = ?',
                      (cid,)) == 'published', 'published with errors')
        st, _, _ = office.request('POST', f'/nabory/{cid}/wyniki', {
            'csrf': office.csrf('/nabory'), f'amount{o1}': '29 000,00',
            f'amount{o2}': '20 000,00'})
        check(st == 303, st)
        st, _, html = Client(srv).request('GET', f'/nabory/{cid}/wyniki')
        check(st == 200 and '29 000,00 zł' in html and '20 000,00 zł' in
              html, st)
        st, _, body = Client(srv).request('GET', f'/api/calls/{cid}')
        call = json.loads(body)
        check(call['status'] == 'results', call['status'])
        got = {o['receipt']: (o['awarded_grosze'], o['points_x100'])
               for o in call['offers'] if o['funded']}
        check(got == {f'NAB-{cid}/0001': (2900000, 2200),
                      f'NAB-{cid}/0002': (2000000, 1433)}, got)
        text = pdftotext(srv, Client(srv), f'/nabory/{cid}/wyniki.pdf')
        for want in ('Oferty, które otrzymały dotację', 'Rodzinne soboty',
                     '29 000,00', 'Stowarzyszenie Trzecie', '14,33'):
            check(want in text, f'results PDF lacks {want!r}')
        check(audit_rows(db, 'grant_call.results') == 1, 'audited')
        # the register of competitions knows the call from its results on
        reg = sql(db, 'SELECT offers, awards, awarded_grosze, initiatives '
                  'FROM reg_grant WHERE id = (SELECT register_id FROM '
                  'grant_call WHERE id = ?)', (cid,))
        check(reg == [(2, 2, 4900000, 0)], reg)
        state['call3'], state['o1'], state['o2'] = cid, o1, o2

    def award_contest_on_the_same_machinery():
        # seed 002 row 13: the "Stalowy Anioł" award, with its own criteria
        office = Client(srv)
        office.login('koord')
        st, h, _ = office.request('POST', '/nabory', call_form(
            office.csrf('/nabory/nowy'), plan, kind='award', task='',
            title='Nagroda „Stalowy Anioł” 2030',
            area1_name='Nagroda dla osoby wspierającej rodziny',
            area1_budget='20 000,00', area2_name='', area2_budget='',
            max_grant='10 000,00', min_own='0',
            formal1='Zgłoszenie zawiera zgodę kandydata', formal2='',
            merit1='Wkład w pomoc rodzinom', merit1_max='20',
            merit2='Trwałość i innowacyjność działań', merit2_max='10',
            merit3='', merit3_max=''))
        check(st == 303, st)
        cid = int(re.search(r'(\d+)$', h['location']).group(1))
        office.request('POST', f'/nabory/{cid}/publikacja',
                       {'csrf': office.csrf('/nabory')})
        ngo = Client(srv)
        ngo.login('razem', 'bardzo-dobre-haslo-1')
        # an entry: the nomination, no schedule, results or costs
        entry = {'csrf': ngo.csrf(f'/nabory/{cid}/oferta'), 'area': '1',
                 'title': 'Zgłoszenie: Maria Kowalska',
                 'place': 'Toruń, Ośrodek Adopcyjny',
                 'description': 'Od 20 lat przygotowuje rodziny do adopcji.',
                 'declaration1': '1', 'declaration2': '1',
                 'declaration3': '1', 'declaration4': '1'}
        st, h, _ = ngo.request('POST', f'/nabory/{cid}/oferty', entry)
        check(st == 303, st)
        oid = int(re.search(r'(\d+)$', h['location']).group(1))
        st, _, _ = ngo.request('POST', f'/oferty/{oid}/zlozenie',
                               {'csrf': ngo.csrf('/moje-oferty')})
        check(st == 303, f'entry submitted: {st}')
        sql(db, "UPDATE grant_call SET offers_until = "
            "'2021-01-01T10:00:00Z' WHERE id = ?", (cid,))
        office.request('POST', f'/oferty/{oid}/formalna', {
            'csrf': office.csrf('/nabory'), 'met1': '1',
            'outcome': 'passed'})
        office.request('POST', f'/nabory/{cid}/komisja', {
            'csrf': office.csrf('/nabory'), 'login': 'anal'})
        jury = Client(srv)
        jury.login('anal')
        jury.request('POST', f'/ocena/{cid}/oswiadczenie',
                     {'csrf': jury.csrf('/ocena')})
        st, _, html = jury.request('GET', f'/ocena/oferty/{oid}')
        check(st == 200 and 'Wkład w pomoc rodzinom – punkty (0–20)' in html
              and 'Kalkulacja kosztów' not in html, 'the award criteria')
        st, _, _ = jury.request('POST', f'/ocena/oferty/{oid}', {
            'csrf': jury.csrf('/ocena'), 'points1': '18',
            'justification1': 'Wieloletnia praca', 'points2': '7',
            'justification2': 'Nowe formy wsparcia'})
        check(st == 303, st)
        st, _, html = office.request('POST', f'/nabory/{cid}/wyniki', {
            'csrf': office.csrf('/nabory'), f'amount{oid}': '12 000,00'})
        check(st == 400 and 'więcej niż nagroda w konkursie (10 000,00 zł)'
              in html, st)
        st, _, _ = office.request('POST', f'/nabory/{cid}/wyniki', {
            'csrf': office.csrf('/nabory'), f'amount{oid}': '10 000,00'})
        check(st == 303, st)
        call = json.loads(Client(srv).request('GET', f'/api/calls/{cid}')[2])
        check(call['kind'] == 'award' and call['status'] == 'results', call)
        check([(o['title'], o['awarded_grosze'], o['points_x100'])
               for o in call['offers']] ==
              [('Zgłoszenie: Maria Kowalska', 1000000, 2500)], call['offers'])
        st, _, html = Client(srv).request('GET', f'/nabory/{cid}/wyniki')
        check(st == 200 and 'Maria Kowalska' in html, st)

    def report_figures(c):
        st, _, body = c.request('GET',
                                f'/api/monitoring/plans/{plan}/report')
        check(st == 200, st)
        return json.loads(body)

    def agreements_reports_and_the_programme():
        cid, o1, o2 = state['call3'], state['o1'], state['o2']
        office = Client(srv)
        office.login('koord')
        rep = report_figures(office)
        task6 = next(t for t in rep['tasks'] if t['number'] == '6')
        inds = [i for i in rep['indicators'] if i['task'] == '6']
        ini = next(i for i in inds if 'inicjatyw' in i['name'])
        ben = next(i for i in inds if 'beneficj' in i['name'])
        for ind, flt in ((ini, 'initiatives'), (ben, 'beneficiaries')):
            st, _, _ = office.request(
                'POST', f'/monitoring/plany/{plan}/powiazania', {
                    'csrf': office.csrf('/nabory'), 'pos': ind['pos'],
                    'metric': 'grants', 'filter': flt, 'task': '6'})
            check(st == 303, f'bind {flt}: {st}')
        rep = report_figures(office)
        base = {i['pos']: i.get('realisation', 0) or 0
                for i in rep['indicators']}
        pending0 = task6.get('pending_grosze') or task6['spent_grosze']
        # agreements: the grant paid
        st, _, html = office.request('POST', f'/oferty/{o1}/umowa', {
            'csrf': office.csrf('/nabory'), 'number': 'DS-I.524.1.2030',
            'signed_on': '2030-04-10', 'paid': '30 000,00'})
        check(st == 400 and 'więcej niż przyznana dotacja' in html, st)
        # o2 got 20 000,00 of the 29 000,00 asked: its agreement holds an
        # updated cost estimate, checked field by field
        st, _, html = office.request('GET', f'/oferty/{o2}')
        check(st == 200 and 'Zaktualizowany kosztorys' in html and
              'value="Wynagrodzenie trenera"' in html, 'the estimate form')
        signing = {'csrf': office.csrf('/nabory'), 'number': 'DS-I.524.2.2030',
                   'signed_on': '2030-04-10', 'paid': '20 000,00'}
        estimate = {'cost1_kind': 'action',
                    'cost1_name': 'Wynagrodzenie trenera',
                    'cost1_total': '20 000,00', 'cost1_grant': '18 000,00',
                    'cost1_own': '1 000,00', 'cost1_nonfin': '1 000,00',
                    'cost2_kind': 'admin', 'cost2_name': 'Obsługa księgowa',
                    'cost2_total': '3 000,00', 'cost2_grant': '2 000,00',
                    'cost2_own': '1 000,00'}
        for bad, want in (
                ({}, 'Zaktualizowany kosztorys: dotacja jest niższa od '
                     'wnioskowanej'),
                ({'cost1_grant': '23 000,00', 'cost1_own': '',
                  'cost1_nonfin': ''},
                 'pozycje z dotacji dają razem 25 000,00 zł, a przyznana '
                 'dotacja to 20 000,00 zł'),
                ({'cost1_total': '21 000,00'}, 'Koszt 1 – koszt całkowity'),
                ({'cost1_grant': '18 000,00', 'cost1_own': '',
                  'cost1_nonfin': '', 'cost1_total': '18 000,00',
                  'cost2_own': '', 'cost2_total': '2 000,00'},
                 'Wkład własny'),
                ({'cost1_total': 'dużo'}, 'Koszt 1 – koszt całkowity: „dużo”')):
            form = dict(signing, **(dict(estimate, **bad) if bad else {}))
            st, _, html = office.request('POST', f'/oferty/{o2}/umowa', form)
            check(st == 400 and want in html, f'{bad}: {st} {want!r}')
        check(sql(db, 'SELECT count(*) FROM grant_agreement WHERE'
                  ' offer_id = ?', (o2,)) == [(0,)], 'nothing signed')
        for oid, paid, more in ((o1, '29 000,00', {}),
                                (o2, '20 000,00', estimate)):
            st, _, _ = office.request('POST', f'/oferty/{oid}/umowa', dict({
                'csrf': office.csrf('/nabory'),
                'number': f'DS-I.524.{oid}.2030', 'signed_on': '2030-04-10',
                'paid': paid}, **more))
            check(st == 303, f'agreement {oid}: {st}')
        check(sql(db, 'SELECT offer_id, pos, total, grant_part, own_fin,'
                  ' own_nonfin FROM grant_agreement_cost WHERE offer_id IN'
                  ' (?, ?) ORDER BY offer_id, pos', (o1, o2)) == [(o2, 1, 2000000, 1800000, 100000, 100000),
                              (o2, 2, 300000, 200000, 100000, 0)],
              'the estimate of o2 only (o1 got what it asked)')
        st, _, html = office.request('GET', f'/oferty/{o2}')
        check(st == 200 and '<caption>Zaktualizowany kosztorys</caption>' in
              html and re.search(r'1\. Wynagrodzenie trenera</th><td class='
                                 r'"num">20 000,00 zł</td><td class="num">'
                                 r'18 000,00 zł</td>', html), 'shown')
        st, _, html = office.request('GET', f'/oferty/{o1}')
        check(st == 200 and 'Zaktualizowany kosztorys' not in html, 'o1')
        reg = sql(db, 'SELECT offers, awards, awarded_grosze, task, year '
                  'FROM reg_grant WHERE id = (SELECT register_id FROM '
                  'grant_call WHERE id = ?)', (cid,))
        check(reg == [(2, 2, 4900000, '6', 2024)], reg)
        # reports: returned once, then accepted; the final one settles
        razem = Client(srv)
        razem.login('razem', 'bardzo-dobre-haslo-1')
        final = {'csrf': razem.csrf('/moje-oferty'), 'kind': 'final',
                 'initiatives': '3', 'beneficiaries': '120',
                 'note': 'Zrealizowano 12 warsztatów',
                 'spent1_grant': '26 000,00', 'spent1_own': '3 000,00',
                 'spent2_grant': '2 000,00', 'spent2_own': '1 000,00'}
        st, _, html = razem.request('POST', f'/oferty/{o1}/sprawozdania',
                                    dict(final, spent1_grant='28 000,00'))
        check(st == 400 and 'więcej, niż przekazano (29 000,00 zł)' in html,
              st)
        st, _, _ = razem.request('POST', f'/oferty/{o1}/sprawozdania', final)
        check(st == 303, st)
        rid = sql_one(db, 'SELECT max(id) FROM grant_report WHERE '
                      'offer_id = ?', (o1,))
        st, _, _ = office.request('POST', f'/sprawozdania-dotacji/{rid}/'
                                  'decyzja', {'csrf': office.csrf('/nabory'),
                                              'decision': 'return'})
        check(st == 400, f'returned without a comment: {st}')
        st, _, _ = office.request('POST', f'/sprawozdania-dotacji/{rid}/'
                                  'decyzja', {'csrf': office.csrf('/nabory'),
                                              'decision': 'return',
                                              'comment': 'Brak listy obecności'})
        check(st == 303, st)
        st, _, html = razem.request('GET', f'/oferty/{o1}')
        check('Brak listy obecności' in html, 'the comment shown')
        st, _, _ = razem.request('POST', f'/oferty/{o1}/sprawozdania', final)
        rid = sql_one(db, 'SELECT max(id) FROM grant_report WHERE '
                      'offer_id = ?', (o1,))
        st, _, _ = office.request('POST', f'/sprawozdania-dotacji/{rid}/'
                                  'decyzja', {'csrf': office.csrf('/nabory'),
                                              'decision': 'accept'})
        check(st == 303, st)
        check(sql(db, 'SELECT status, returned_grosze FROM grant_agreement '
                  'WHERE offer_id = ?', (o1,)) == [('settled', 100000)],
              'settled: 1 000,00 zł returned')
        st, _, _ = razem.request('POST', f'/oferty/{o1}/sprawozdania',
                                 dict(final, csrf=razem.csrf('/moje-oferty')))
        check(st == 409, f'a report after settlement: {st}')
        trzecia = Client(srv)
        trzecia.login('trzecia', 'bardzo-dobre-haslo-1')
        check(trzecia.request('POST', f'/oferty/{o1}/sprawozdania', dict(
            final, csrf=trzecia.csrf('/moje-oferty')))[0] == 404,
            "a report of another organisation's grant")
        st, _, _ = trzecia.request('POST', f'/oferty/{o2}/sprawozdania', {
            'csrf': trzecia.csrf('/moje-oferty'), 'kind': 'partial',
            'initiatives': '2', 'beneficiaries': '50',
            'spent1_grant': '10 000,00'})
        check(st == 303, st)
        # cost execution by line of the updated estimate
        st, _, html = trzecia.request('GET', f'/oferty/{o2}')
        executed = html.split('<caption>Wykonanie kosztorysu', 1)[-1]
        row = re.search(r'<tr><th scope="row">1\. Wynagrodzenie trenera</th>'
                        r'(.*?)</tr>', executed)
        check(row and re.findall(r'<td class="num">([^<]*)</td>',
                                 row.group(1)) ==
              ['18 000,00 zł', '10 000,00 zł', '0,00 zł', '8 000,00 zł'],
              row and row.group(1))
        rid = sql_one(db, 'SELECT max(id) FROM grant_report WHERE '
                      'offer_id = ?', (o2,))
        office.request('POST', f'/sprawozdania-dotacji/{rid}/decyzja', {
            'csrf': office.csrf('/nabory'), 'decision': 'accept'})
        for action in ('grant_offer.agreement', 'grant_report.submit',
                       'grant_report.accept', 'grant_report.return'):
            check(audit_rows(db, action) >= 1, f'{action} not audited')
        # the programme: computed indicators and the task's budget line
        rep = report_figures(office)
        now = {i['pos']: i.get('realisation', 0) or 0
               for i in rep['indicators']}
        check(now[ini['pos']] - base[ini['pos']] == 5,
              (base[ini['pos']], now[ini['pos']]))
        check(now[ben['pos']] - base[ben['pos']] == 170,
              (base[ben['pos']], now[ben['pos']]))
        task6 = next(t for t in rep['tasks'] if t['number'] == '6')
        check((task6.get('pending_grosze') or 0) - pending0 == 4800000,
              (pending0, task6))
        row = sql(db, "SELECT value, status FROM realisation WHERE plan_id = ?"
                  " AND kind = 'line' AND note LIKE ?", (plan, f'%nr {cid},%'))
        check(row == [(4800000, 'entered')], row)

    for fn in (demo_is_a_whole_grants_picture,
               bad_form_names_each_field_and_writes_nothing,
               draft_is_the_offices_own,
               published_call_is_public_in_pages_feed_and_api,
               past_deadline_is_evaluation, hostile_text_is_escaped,
               registration_checks_each_field_and_writes_nothing,
               organisation_registers_confirms_and_sees_only_itself,
               offer_checks_name_the_field_and_submit_once,
               another_organisation_and_region_see_no_offer,
               late_offer_is_refused,
               whole_cycle_committee_of_three_to_results,
               award_contest_on_the_same_machinery,
               agreements_reports_and_the_programme):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
