#!/usr/bin/env python3
"""Integration test of the grant organisations' personal data (issue 17),
on either engine: the purpose and retention are stated where the data are
typed and shown; an organisation's own account sees its representatives
and erases them while no offer of it was submitted (not another
organisation's, not without confirming), the audit log keeping only a
count; once an offer is submitted the erasure is refused, saying until
when and why; `rodzina purge` removes the representatives of organisations
whose proceedings ended more than five full years ago and keeps those with
a grant not settled yet.
Usage: test_grant_privacy.py BINARY"""
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user
from test_grants import call_form, offer_fields, register_confirmed

PASSWORD = 'bardzo-dobre-haslo-1'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    plan = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND "
                   "year = 2024")
    srv = Server(binary, db)
    t = Runner('grant_privacy')
    state = {}

    def persons(oid):
        return sql(db, 'SELECT name FROM grant_org_person WHERE org_id = ?'
                   ' ORDER BY pos', (oid,))

    def purpose_and_retention_are_stated():
        st, _, html = Client(srv).request('GET', '/organizacje/rejestracja')
        check(st == 200 and 'w celu prowadzenia otwartych konkursów ofert'
              in html and 'do końca piątego roku' in html, st)
        state['a'] = register_confirmed(srv, db, 'pierwsza',
                                        'Fundacja Pierwsza', '0000700001')
        state['b'] = register_confirmed(srv, db, 'druga',
                                        'Fundacja Druga', '0000700002')
        c = Client(srv)
        c.login('pierwsza', PASSWORD)
        st, _, html = c.request('GET', '/moja-organizacja')
        check(st == 200 and 'Anna Nowak' in html and 'Jan Kowalski' in html
              and 'Dane osobowe' in html and
              f'/moja-organizacja/{state["a"]}/dane-osobowe' in html, st)
        check(not any('Nowak' in (r[0] or '') + (r[1] or '') for r in sql(
            db, "SELECT before, after FROM audit WHERE entity = 'grant_org'")),
            'the audit log names no representative')

    def own_account_erases_while_no_offer_was_submitted():
        a, b = state['a'], state['b']
        other = Client(srv)
        other.login('druga', PASSWORD)
        st, _, _ = other.request('POST', f'/moja-organizacja/{a}/dane-osobowe',
                                 {'csrf': other.csrf('/moja-organizacja'),
                                  'confirm': '1'})
        check(st == 404, f"another organisation's: {st}")
        c = Client(srv)
        c.login('pierwsza', PASSWORD)
        st, _, _ = c.request('POST', f'/moja-organizacja/{a}/dane-osobowe',
                             {'csrf': c.csrf('/moja-organizacja')})
        check(st == 400 and len(persons(a)) == 2, f'unconfirmed: {st}')
        st, h, _ = c.request('POST', f'/moja-organizacja/{a}/dane-osobowe',
                             {'csrf': c.csrf('/moja-organizacja'),
                              'confirm': '1'})
        check(st == 303 and h['location'] == '/moja-organizacja', st)
        check(persons(a) == [] and len(persons(b)) == 2, persons(a))
        check(sql(db, "SELECT after FROM audit WHERE action ="
                  " 'grant_org.erase'") == [('{"erased": 2}',)],
              'audited with the count only')

    def erasure_is_refused_once_an_offer_was_submitted():
        b = state['b']
        office = Client(srv)
        office.login('koord')
        st, h, _ = office.request('POST', '/nabory', call_form(
            office.csrf('/nabory/nowy'), plan, title='Nabór prywatności'))
        cid = int(h['location'].rsplit('/', 1)[1])
        office.request('POST', f'/nabory/{cid}/publikacja',
                       {'csrf': office.csrf('/nabory')})
        c = Client(srv)
        c.login('druga', PASSWORD)
        st, h, _ = c.request('POST', f'/nabory/{cid}/oferty', offer_fields(
            c.csrf(f'/nabory/{cid}/oferta')))
        oid = int(h['location'].rsplit('/', 1)[1])
        st, _, _ = c.request('POST', f'/oferty/{oid}/zlozenie',
                             {'csrf': c.csrf('/moje-oferty')})
        check(st == 303, f'submitted: {st}')
        year = int(sql_one(db, 'SELECT submitted_at FROM grant_offer'
                           ' WHERE id = ?', (oid,))[:4])
        st, _, html = c.request('POST', f'/moja-organizacja/{b}/dane-osobowe',
                                {'csrf': c.csrf('/moja-organizacja'),
                                 'confirm': '1'})
        check(st == 409 and f'do 31.12.{year + 5}' in html and
              'dokumentach postępowania' in html, st)
        check(len(persons(b)) == 2, 'kept')
        state['offer'] = oid

    def purge_removes_what_is_past_its_retention():
        # the organisations' proceedings moved back in time: b's ended in
        # 2015, the demo's long ago too but with a grant not settled
        sql(db, "UPDATE grant_org SET created_at = '2015-01-10T10:00:00Z',"
            " decided_at = '2015-01-11T10:00:00Z'")
        sql(db, "UPDATE grant_offer SET created_at = '2015-02-01T10:00:00Z',"
            " updated_at = '2015-02-01T10:00:00Z', submitted_at = CASE WHEN"
            " submitted_at IS NULL THEN NULL ELSE '2015-02-01T10:00:00Z' END")
        sql(db, "UPDATE grant_agreement SET created_at ="
            " '2015-04-01T10:00:00Z'")
        sql(db, "UPDATE grant_report SET submitted_at ="
            " '2015-06-01T10:00:00Z', decided_at = CASE WHEN decided_at IS"
            " NULL THEN NULL ELSE '2015-06-01T10:00:00Z' END")
        unsettled = sql(db, "SELECT DISTINCT f.org_id FROM grant_agreement g"
                        " JOIN grant_offer f ON f.id = g.offer_id WHERE"
                        " g.status <> 'settled'")
        check(unsettled, 'the demo has a grant not settled')
        before = sql_one(db, 'SELECT count(*) FROM grant_org_person')
        keep = sql_one(db, 'SELECT count(*) FROM grant_org_person WHERE'
                       ' org_id IN (SELECT f.org_id FROM grant_agreement g'
                       " JOIN grant_offer f ON f.id = g.offer_id WHERE"
                       " g.status <> 'settled')")
        p = subprocess.run([binary, 'purge', '--db', db], capture_output=True,
                           text=True)
        check(p.returncode == 0, p.stderr)
        line = [x for x in p.stdout.splitlines() if 'representatives' in x]
        check(line == [f"purge: {before - keep} grant organisations' "
                       "representatives past their retention deleted"],
              p.stdout)
        check(persons(state['b']) == [], 'the ended proceedings: purged')
        for (org,) in unsettled:
            check(persons(org), f'organisation {org}: a grant not settled')
        check(sql_one(db, "SELECT count(*) FROM audit WHERE action ="
                      " 'grant_org.purge'") == 1, 'audited')

    for fn in (purpose_and_retention_are_stated,
               own_account_erases_while_no_offer_was_submitted,
               erasure_is_refused_once_an_offer_was_submitted,
               purge_removes_what_is_past_its_retention):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
