#!/usr/bin/env python3
"""Integration test of migration 0075 (issue 17), on either engine: a
database holding the old register of competitions (the demo's 2021 and
2024 competitions, awards reported and not, an organisation known by its
unit and one by name only) is taken back to before the migration, the
plans' computed indicators and budget realisation are read, the migration
runs, and they read the same; every award is a funded offer with its
agreement and no amount awarded is lost; the old register's public and
JSON routes still answer; an accepted report of a moved grant changes the
indicators by exactly its figures (counted once, from the grants model).
Usage: test_grant_register.py BINARY"""
import json
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

# What migration 0075 adds, to take a database back to before it.
UNDO_0075 = (
    'ALTER TABLE grant_call DROP COLUMN reg_offers',
    'ALTER TABLE grant_call DROP COLUMN reg_awards',
    'ALTER TABLE grant_call DROP COLUMN reg_awarded_grosze',
    'ALTER TABLE grant_call DROP COLUMN reg_initiatives',
    'ALTER TABLE grant_call DROP COLUMN reg_beneficiaries',
    'ALTER TABLE grant_offer DROP COLUMN register_award',
    'DELETE FROM schema_migration WHERE number = 75')
SHORT = 'Stowarzyszenie Rodzin Zastępczych „Gniazdo”'
TEXT_ONLY = 'Fundacja bez konta w systemie'


def rodzina(binary, *args, input=None):
    return subprocess.run([binary] + list(args), capture_output=True,
                          text=True, input=input)


def figures(client, plans):
    """Per plan: its indicators and its tasks' budget, as the report
    gives them."""
    out = {}
    for p in plans:
        st, _, body = client.request('GET',
                                     f'/api/monitoring/plans/{p}/report')
        check(st == 200, f'report {p}: {st}')
        rep = json.loads(body)
        out[p] = {'indicators': rep['indicators'], 'tasks': rep['tasks']}
    return out


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    p2021 = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND"
                    " year = 2021")
    p2024 = sql_one(db, "SELECT id FROM plan WHERE region = '04' AND"
                    " year = 2024")
    # The old register as the monitoring module keeps it: the demo's
    # competitions (2021: three awards, all reported; 2024: typed totals),
    # and to the 2024 one an award reported by an organisation known by
    # its unit and one to an organisation known by name only.
    p = rodzina(binary, 'user', 'unit-add', SHORT, '--region', '04',
                '--kind', 'organisation', '--db', db)
    if p.returncode != 0:
        print(f'FAIL setup: unit: {p.stderr}')
        return 1
    unit = int(p.stdout)
    p = rodzina(binary, 'user', 'add', 'gniazdo', '--role', 'grantee',
                '--region', '04', '--unit', str(unit), '--db', db,
                input='dobre-haslo-2024!\n')
    if p.returncode != 0:
        print(f'FAIL setup: grantee: {p.stderr}')
        return 1
    g2024 = sql_one(db, "SELECT id FROM reg_grant WHERE year = 2024")
    sql(db, "INSERT INTO reg_grant_award(grant_id, organisation, project,"
        " amount_grosze, organisation_id, initiatives, beneficiaries,"
        " report_note, reported_by, reported_at) VALUES (?, ?,"
        " 'Wsparcie rodzin zastępczych', 2500000, ?, 7, 300, 'Zrealizowano',"
        " 'gniazdo', '2024-12-20T10:00:00Z')", (g2024, SHORT, unit))
    sql(db, "INSERT INTO reg_grant_award(grant_id, organisation, project,"
        " amount_grosze) VALUES (?, ?, 'Grupa wsparcia', 1200000)",
        (g2024, TEXT_ONLY))
    old_awards = sql(db, "SELECT id, grant_id, amount_grosze FROM"
                     " reg_grant_award ORDER BY id")
    kept = [i for (i,) in sql(db, "SELECT register_id FROM grant_call"
                              " WHERE register_id IS NOT NULL")]
    old_register = sql(db, "SELECT id, year, call, budget_grosze, offers,"
                       " awards, awarded_grosze, task FROM reg_grant"
                       " ORDER BY id")
    srv = Server(binary, db)
    office = Client(srv)
    office.login('koord')
    # the 2024 plan's task 6 indicators counted from the competitions
    rep = figures(office, [p2024])[p2024]
    for ind in [i for i in rep['indicators'] if i['task'] == '6']:
        flt = ('initiatives' if 'inicjatyw' in ind['name'] else
               'beneficiaries' if 'beneficj' in ind['name'] else None)
        if flt:
            st, _, _ = office.request(
                'POST', f'/monitoring/plany/{p2024}/powiazania', {
                    'csrf': office.csrf('/monitoring'), 'pos': ind['pos'],
                    'metric': 'grants', 'filter': flt, 'task': '6'})
            check(st == 303, f'bind {flt}: {st}')
    before = figures(office, [p2021, p2024])
    srv.stop()
    for stmt in UNDO_0075:
        sql(db, stmt)
    t = Runner('grant_register')

    def migration_applies():
        p = rodzina(binary, 'user', 'list', '--db', db)
        check(p.returncode == 0, p.stderr)
        check(sql_one(db, 'SELECT count(*) FROM schema_migration WHERE'
                      ' number = 75') == 1, 'migration 0075 recorded')

    t.run(migration_applies)
    srv = Server(binary, db)
    office = Client(srv)
    office.login('koord')

    def indicators_and_budget_are_the_same():
        after = figures(office, [p2021, p2024])
        for p in (p2021, p2024):
            for key in ('indicators', 'tasks'):
                check(after[p][key] == before[p][key],
                      f'plan {p} {key}: {before[p][key]} != {after[p][key]}')
        bound = [i for i in after[p2024]['indicators']
                 if i['task'] == '6' and i.get('realisation') is not None]
        check(len(bound) >= 2, bound)
        check(sorted(i['realisation'] for i in bound)[:2] == [7, 300],
              'the reported award, not the typed total, as before')

    def every_award_is_a_funded_offer_and_no_amount_is_lost():
        # every competition of the register not kept by a call already
        calls = sql(db, "SELECT register_id, status, reg_offers, reg_awards,"
                    " reg_awarded_grosze, task FROM grant_call"
                    " WHERE reg_offers IS NOT NULL ORDER BY register_id")
        check(calls == [(r[0], 'results', r[4], r[5], r[6], r[7])
                        for r in old_register if r[0] not in kept], calls)
        moved = sql(db, "SELECT f.register_award, c.register_id,"
                    " f.awarded_grosze, a.amount_grosze, a.paid_grosze"
                    " FROM grant_offer f JOIN grant_call c ON c.id ="
                    " f.call_id JOIN grant_agreement a ON a.offer_id = f.id"
                    " WHERE f.register_award IS NOT NULL"
                    " ORDER BY f.register_award")
        check([m[:3] for m in moved] == old_awards, (moved, old_awards))
        check(all(m[2] == m[3] == m[4] for m in moved), moved)
        check(sql_one(db, 'SELECT count(*) FROM reg_grant_award') == 0,
              'the moved awards left the old register')
        reports = sql(db, "SELECT f.register_award, r.initiatives,"
                      " r.beneficiaries, r.status FROM grant_report r JOIN"
                      " grant_offer f ON f.id = r.offer_id"
                      " WHERE f.register_award IS NOT NULL ORDER BY 1")
        check(len(reports) == 4 and reports[-1][1:] == (7, 300, 'accepted'),
              reports)
        units = sql(db, "SELECT u.name FROM grant_org o JOIN org_unit u ON"
                    " u.id = o.unit_id ORDER BY u.name")
        check(len(units) == 5 and (SHORT,) in units and (TEXT_ONLY,) in units,
              units)

    def old_and_new_public_routes_answer():
        anon = Client(srv)
        st, _, body = anon.request('GET', '/api/registers/konkursy')
        check(st == 200 and 'wspieranie rodziny 2024' in body, st)
        st, _, html = anon.request('GET', '/rejestry/konkursy')
        check(st == 200 and 'wspieranie rodziny 2024' in html, st)
        cid = sql_one(db, 'SELECT id FROM grant_call WHERE register_id = ?',
                      (g2024,))
        st, _, body = anon.request('GET', f'/api/calls/{cid}')
        check(st == 200, st)
        call = json.loads(body)
        funded = sorted((o['title'], o['awarded_grosze'])
                        for o in call['offers'])
        check(funded == [('Grupa wsparcia', 1200000),
                         ('Wsparcie rodzin zastępczych', 2500000)], funded)
        st, _, html = anon.request('GET', f'/nabory/{cid}/wyniki')
        check(st == 200 and TEXT_ONLY in html, st)

    def the_register_sends_changes_of_moved_competitions_to_the_call():
        cid = sql_one(db, 'SELECT id FROM grant_call WHERE register_id = ?',
                      (g2024,))
        st, h, _ = office.request('GET', f'/rejestry/konkursy/{g2024}/dotacje')
        check(st == 303 and h['location'] == f'/nabory/{cid}/oferty', st)
        st, h, _ = office.request('GET', f'/rejestry/konkursy/{g2024}')
        check(st == 303 and h['location'] == f'/nabory/{cid}', st)
        row = sql(db, 'SELECT * FROM reg_grant WHERE id = ?', (g2024,))
        csrf = office.csrf('/rejestry/konkursy')
        for path, form in (
                (f'/rejestry/konkursy/{g2024}/dotacje',
                 {'organisation': 'Fundacja Nowa', 'amount': '1 000,00'}),
                (f'/rejestry/konkursy/{g2024}/dotacje/1/usun',
                 {'confirm': '1'}),
                (f'/rejestry/konkursy/{g2024}',
                 {'year': '2024', 'call': 'Zmieniony', 'awards': '99'}),
                (f'/rejestry/konkursy/{g2024}/usun', {'confirm': '1'})):
            st, _, html = office.request('POST', path, dict(form, csrf=csrf))
            check(st == 409 and f'nabór nr {cid}' in html and
                  f'/nabory/{cid}' in html, f'{path}: {st}')
        check(sql(db, 'SELECT * FROM reg_grant WHERE id = ?', (g2024,)) ==
              row, 'the register row unchanged')
        check(sql_one(db, 'SELECT count(*) FROM reg_grant_award') == 0,
              'no award added beside the call')
        ngo = Client(srv)
        ngo.login('gniazdo', 'dobre-haslo-2024!')
        st, _, html = ngo.request('GET', '/moje-dotacje')
        check(st == 200 and 'href="/moje-oferty"' in html, st)

    def a_moved_grant_is_reported_once_in_the_new_model():
        base = figures(office, [p2024])[p2024]
        settled, oid, text_unit = sql(
            db, "SELECT max(CASE WHEN o.unit_id = ? THEN f.id END),"
            " max(CASE WHEN o.unit_id <> ? THEN f.id END),"
            " max(CASE WHEN o.unit_id <> ? THEN o.unit_id END)"
            " FROM grant_offer f JOIN grant_org o ON o.id = f.org_id"
            " JOIN grant_call c ON c.id = f.call_id WHERE c.register_id = ?",
            (unit, unit, unit, g2024))[0]
        p = rodzina(binary, 'user', 'add', 'bezkonta', '--role', 'grantee',
                    '--region', '04', '--unit', str(text_unit), '--db', db,
                    input='dobre-haslo-2024!\n')
        check(p.returncode == 0, p.stderr)
        gniazdo = Client(srv)
        gniazdo.login('gniazdo', 'dobre-haslo-2024!')
        st, _, html = gniazdo.request('GET', '/moje-oferty')
        check(st == 200 and 'Wsparcie rodzin zastępczych' in html, st)
        report = {'kind': 'final', 'initiatives': '3', 'beneficiaries': '80',
                  'spent1_grant': '12 000,00'}
        st, _, _ = gniazdo.request('POST', f'/oferty/{settled}/sprawozdania',
                                   dict(report,
                                        csrf=gniazdo.csrf('/moje-oferty')))
        check(st == 409, f'a report of a grant reported and settled: {st}')
        ngo = Client(srv)
        ngo.login('bezkonta', 'dobre-haslo-2024!')
        st, _, _ = ngo.request('POST', f'/oferty/{oid}/sprawozdania',
                               dict(report, csrf=ngo.csrf('/moje-oferty')))
        check(st == 303, f'report: {st}')
        rid = sql_one(db, 'SELECT max(id) FROM grant_report WHERE'
                      ' offer_id = ?', (oid,))
        st, _, _ = office.request('POST', f'/sprawozdania-dotacji/{rid}/'
                                  'decyzja', {'csrf': office.csrf('/nabory'),
                                              'decision': 'accept'})
        check(st == 303, f'accept: {st}')
        check(sql(db, 'SELECT status, paid_grosze, returned_grosze FROM'
                  ' grant_agreement WHERE offer_id = ?', (oid,)) ==
              [('settled', 1200000, 0)], 'settled, nothing returned')
        now = figures(office, [p2024])[p2024]
        delta = {i['pos']: (i.get('realisation') or 0) -
                 (j.get('realisation') or 0)
                 for i, j in zip(now['indicators'], base['indicators'])}
        changed = sorted(v for v in delta.values() if v)
        check(changed == [3, 80], delta)
        check(now['tasks'] == base['tasks'], 'the budget is untouched')
        check(sql(db, 'SELECT offers, awards, awarded_grosze, initiatives,'
                  ' beneficiaries FROM reg_grant WHERE id = ?', (g2024,)) ==
              [tuple(r[4:7]) + (10, 380) for r in old_register
               if r[0] == g2024], 'the register row, the call\'s summary')

    for fn in (indicators_and_budget_are_the_same,
               every_award_is_a_funded_offer_and_no_amount_is_lost,
               old_and_new_public_routes_answer,
               the_register_sends_changes_of_moved_competitions_to_the_call,
               a_moved_grant_is_reported_once_in_the_new_model):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
