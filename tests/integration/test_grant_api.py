#!/usr/bin/env python3
"""Integration test of the grants' JSON API for every step (issue 17), on
either engine: the forms' twins under /api/ take the same fields with the
session and the X-CSRF-Token header as POST /api/plans does, refuse the
public (401) and a missing token (403) writing nothing, answer a bad form
with 400 and its messages (the offer's with their fields), and run a call
through: create, publish, an organisation registers and is confirmed, an
offer saved and submitted, formal evaluation, a committee member declares
and scores, the decision, the agreement, a report and its acceptance;
each change audited as made through the API.
Usage: test_grant_api.py BINARY"""
import json
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user
from test_grants import call_form, offer_fields, org_form

PASSWORD = 'bardzo-dobre-haslo-1'


def post(c, path, fields, token):
    """POST fields to path as the JSON API is used: the token in the
    X-CSRF-Token header; the status and the parsed answer."""
    st, _, body = c.request('POST', path, fields,
                            headers={'X-CSRF-Token': token})
    try:
        return st, json.loads(body)
    except ValueError:
        return st, body


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('anal', 'analyst')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    plan = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND "
                   "year = 2024")
    srv = Server(binary, db)
    t = Runner('grant_api')
    state = {}
    office = Client(srv)
    office.login('koord')
    token = office.csrf('/nabory')

    def public_and_missing_token_are_refused():
        n = sql_one(db, 'SELECT count(*) FROM grant_call')
        st, _ = post(Client(srv), '/api/calls', call_form('', plan), '')
        check(st == 401, f'public: {st}')
        st, _, _ = office.request('POST', '/api/calls', call_form('', plan))
        check(st == 403, f'no token: {st}')
        check(sql_one(db, 'SELECT count(*) FROM grant_call') == n, 'written')

    def the_office_creates_and_publishes_a_call():
        n = sql_one(db, 'SELECT count(*) FROM grant_call')
        st, out = post(office, '/api/calls',
                       call_form('', plan, task='99', max_grant='abc'), token)
        check(st == 400 and isinstance(out, dict), (st, out))
        msgs = ' '.join(e['message'] for e in out['errors'])
        check('plan nie ma zadania o numerze „99”' in msgs and
              'Najwyższa dotacja' in msgs, msgs)
        check(sql_one(db, 'SELECT count(*) FROM grant_call') == n, 'written')
        st, out = post(office, '/api/calls', call_form('', plan), token)
        check(st == 200 and re.fullmatch(r'/nabory/\d+', out['location']),
              (st, out))
        cid = int(out['location'].rsplit('/', 1)[1])
        st, out = post(office, f'/api/calls/{cid}/publish', {}, token)
        check(st == 200 and out['location'] == f'/nabory/{cid}', (st, out))
        st, out = post(office, f'/api/calls/{cid}/publish', {}, token)
        check(st == 409 and 'error' in out, (st, out))
        state['call'] = cid

    def an_organisation_registers_and_is_confirmed():
        pub = Client(srv)
        ptoken = pub.csrf('/organizacje/rejestracja')
        st, out = post(pub, '/api/organisations',
                       org_form('', krs='12345', login='apiorg'), ptoken)
        check(st == 400 and any('Numer KRS' in e['message']
                                for e in out['errors']), (st, out))
        st, out = post(pub, '/api/organisations', org_form(
            '', login='apiorg', email='api@example.org'), ptoken)
        check(st == 200 and re.fullmatch(r'/organizacje/\d+',
                                         out['location']), (st, out))
        oid = int(out['location'].rsplit('/', 1)[1])
        body = sql_one(db, 'SELECT body FROM mail_outbox WHERE recipient = ?',
                       ('api@example.org',))
        link = re.search(r'/organizacje/potwierdzenie\?token=[0-9a-f]{64}',
                         body).group(0)
        check(Client(srv).request('GET', link)[0] == 200, 'e-mail')
        st, out = post(office, f'/api/organisations/{oid}/decision',
                       {'decision': 'confirm'}, token)
        check(st == 200, (st, out))
        check(sql_one(db, 'SELECT status FROM grant_org WHERE id = ?',
                      (oid,)) == 'confirmed', 'confirmed')

    def the_organisation_saves_and_submits_an_offer():
        cid = state['call']
        ngo = Client(srv)
        check(ngo.login('apiorg', PASSWORD)[0] == 303, 'login')
        ntoken = ngo.csrf('/moje-oferty')
        n = sql_one(db, 'SELECT count(*) FROM grant_offer')
        st, out = post(ngo, f'/api/calls/{cid}/offers',
                       offer_fields('', cost1_total='abc'), ntoken)
        check(st == 400 and any(
            e['field'] == 'cost1_total' and
            e['message'].startswith('Koszt 1 – koszt całkowity: „abc”')
            for e in out['errors']), (st, out))
        check(sql_one(db, 'SELECT count(*) FROM grant_offer') == n, 'saved')
        st, out = post(ngo, f'/api/calls/{cid}/offers', offer_fields(''),
                       ntoken)
        check(st == 200 and re.fullmatch(r'/oferty/\d+', out['location']),
              (st, out))
        oid = int(out['location'].rsplit('/', 1)[1])
        st, out = post(ngo, f'/api/offers/{oid}/submit', {}, ntoken)
        check(st == 200, (st, out))
        check(sql(db, 'SELECT status, receipt FROM grant_offer WHERE id = ?',
                  (oid,)) == [('submitted', f'NAB-{cid}/0001')], 'receipt')
        state['offer'], state['ngo'], state['ntoken'] = oid, ngo, ntoken

    def evaluation_decision_agreement_report():
        cid, oid = state['call'], state['offer']
        sql(db, "UPDATE grant_call SET offers_until = '2020-01-01T10:00:00Z'"
            " WHERE id = ?", (cid,))
        st, out = post(office, f'/api/offers/{oid}/formal', {
            'met1': '1', 'met2': '1', 'outcome': 'passed'}, token)
        check(st == 200, (st, out))
        st, out = post(office, f'/api/calls/{cid}/committee',
                       {'login': 'anal'}, token)
        check(st == 200, (st, out))
        member = Client(srv)
        member.login('anal')
        mtoken = member.csrf('/ocena')
        st, out = post(member, f'/api/calls/{cid}/declaration', {}, mtoken)
        check(st == 200, (st, out))
        scores = {'points1': '9', 'points2': '8', 'points3': '4',
                  'justification1': 'Realne.', 'justification2': 'Dobrze.',
                  'justification3': 'Wkład wykazany.'}
        st, out = post(member, f'/api/offers/{oid}/scores',
                       dict(scores, points1='11'), mtoken)
        check(st == 400 and out['errors'], (st, out))
        st, out = post(member, f'/api/offers/{oid}/scores', scores, mtoken)
        check(st == 200, (st, out))
        st, out = post(office, f'/api/calls/{cid}/results',
                       {f'amount{oid}': '29 000,00'}, token)
        check(st == 200, (st, out))
        st, _, body = Client(srv).request('GET', f'/api/calls/{cid}')
        funded = [(o['id'], o['awarded_grosze'], o['points_x100'])
                  for o in json.loads(body)['offers']]
        check(funded == [(oid, 2900000, 2100)], funded)
        st, out = post(office, f'/api/offers/{oid}/agreement', {
            'number': 'DS-API.1', 'signed_on': '2030-04-01',
            'paid': '29 000,00'}, token)
        check(st == 200, (st, out))
        ngo, ntoken = state['ngo'], state['ntoken']
        st, out = post(ngo, f'/api/offers/{oid}/reports', {
            'kind': 'final', 'initiatives': '2', 'beneficiaries': '40',
            'spent1_grant': '27 000,00', 'spent2_grant': '2 000,00'}, ntoken)
        check(st == 200, (st, out))
        rid = sql_one(db, 'SELECT max(id) FROM grant_report WHERE'
                      ' offer_id = ?', (oid,))
        st, out = post(office, f'/api/grant-reports/{rid}/decision',
                       {'decision': 'accept'}, token)
        check(st == 200, (st, out))
        check(sql(db, 'SELECT status, returned_grosze FROM grant_agreement'
                  ' WHERE offer_id = ?', (oid,)) == [('settled', 0)],
              'settled')
        for action in ('grant_call.create', 'grant_call.publish',
                       'grant_org.register', 'grant_org.confirm',
                       'grant_offer.create', 'grant_offer.submit',
                       'grant_offer.formal', 'grant_call.member',
                       'grant_call.declaration', 'grant_offer.score',
                       'grant_call.results', 'grant_offer.agreement',
                       'grant_report.submit', 'grant_report.accept'):
            check(sql_one(db, "SELECT count(*) FROM audit WHERE action = ?"
                          " AND via = 'api'", (action,)) >= 1,
                  f'{action} not audited as made through the API')

    for fn in (public_and_missing_token_are_refused,
               the_office_creates_and_publishes_a_call,
               an_organisation_registers_and_is_confirmed,
               the_organisation_saves_and_submits_an_offer,
               evaluation_decision_agreement_report):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
