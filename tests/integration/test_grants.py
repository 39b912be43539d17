#!/usr/bin/env python3
"""Integration tests of grants (issue 17) against the real server, on
either engine: the office writes a call (areas, amounts, criteria, a
deadline in Warsaw time, a task of the 2024 plan), a bad form answers 400
naming each field and writes nothing, a draft is the office's own (404 to
the public, to the API and to another region), publishing is audited and
freezes the call, and the published call is on /nabory, /nabory/ID, the
Atom feed and /api/calls with its status, areas, amounts and dates.
Usage: test_grants.py BINARY"""
import json
import re
import sys
import xml.etree.ElementTree as ET

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user, audit_rows

ATOM = '{http://www.w3.org/2005/Atom}'


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


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, region in (('koord', '04'), ('koord12', '12')):
        rc, err = add_user(binary, db, login, 'coordinator', region=region)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    add_user(binary, db, 'ngo', 'grantee')
    plan = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND "
                   "year = 2024")
    srv = Server(binary, db)
    t = Runner('grants')
    state = {}

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
        check(sql_one(db, 'SELECT count(*) FROM grant_call') == 0,
              'a call was written')
        check(sql_one(db, "SELECT count(*) FROM audit WHERE action LIKE "
                      "'grant_call.%'") == 0, 'audited a refusal')

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
            check(st == 200 and json.loads(body) == [], body[:200])
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
        check(st == 200 and len(calls) == 1, body[:300])
        call = calls[0]
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
        check(len(entries) == 1, body[:300])
        check(entries[0].find(ATOM + 'title').text.startswith(
            'Wspieranie rodziny'), 'entry title')
        check(entries[0].find(ATOM + 'id').text.endswith(f'/nabory/{cid}'),
              'entry id')
        check('15.02.2030 15:30' in entries[0].find(ATOM + 'summary').text,
              'deadline in the summary')

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
        check(sql_one(db, 'SELECT count(*) FROM grant_org') == 0, 'written')
        check(sql_one(db, 'SELECT count(*) FROM account') == accounts,
              'an account was made')

    def organisation_registers_confirms_and_sees_only_itself():
        c = Client(srv)
        st, _, html = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja')))
        check(st == 200 and 'biuro@razem.example.org' in html, st)
        org = sql(db, "SELECT id, region, gmina, nip, status FROM grant_org")
        check(len(org) == 1 and org[0][1:] ==
              ('04', '0463011', '5261040828', 'pending'), org)
        oid = org[0][0]
        body = sql_one(db, "SELECT body FROM grant_mail WHERE to_addr = ?",
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
        check(sql_one(db, "SELECT count(*) FROM grant_mail WHERE body LIKE "
                      "'%zatwierdzona%'") == 1, 'decision mailed')
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

    for fn in (bad_form_names_each_field_and_writes_nothing,
               draft_is_the_offices_own,
               published_call_is_public_in_pages_feed_and_api,
               past_deadline_is_evaluation, hostile_text_is_escaped,
               registration_checks_each_field_and_writes_nothing,
               organisation_registers_confirms_and_sees_only_itself):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
