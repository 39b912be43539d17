#!/usr/bin/env python3
"""Integration tests of ownership by id (issue 11, finding 9). A database
is taken back to the old model (account_unit holding text, awards without
organisation id), filled with names that are substrings of one another,
then opened by the program, which applies migration 0032: what matches
exactly (folded) is linked, the rest is reported by `rodzina check-db`.
Over HTTP, the grantee of "Fundacja Pomocy Rodzinie" and the grantee of
"Fundacja Pomocy Rodzinie Wiejskiej w Chełmnie" each read and write only
their own award (404 for the other's); implementers of "Pracownicy
Departamentu Spraw Społecznych UM WKP" (task 1.4) and of a unit whose name
is a part of it enter only what is theirs. Units are chosen by id in the
CLI and on the administrators' page.
Usage: test_ownership.py BINARY"""
import os
import re
import sqlite3
import subprocess
import sys

from harness import (PG, Runner, Server, check, cleanup, make_db, sql,
                     sqlite_only)
from test_auth import Client, add_user

SHORT = 'Fundacja Pomocy Rodzinie'
LONG = 'Fundacja Pomocy Rodzinie Wiejskiej w Chełmnie'
DEPT = 'Pracownicy Departamentu Spraw Społecznych UM WKP'


def q(db, query, *args):
    return sql(db, query, args)


def to_old_model(db):
    """The schema and data as before migration 0032."""
    con = sqlite3.connect(db)
    con.executescript("""
        DROP TABLE task_unit;
        DROP TABLE account_org_unit;
        DROP TABLE ownership_unlinked;
        DROP INDEX reg_grant_award_organisation;
        ALTER TABLE reg_grant_award DROP COLUMN organisation_id;
        DROP TABLE org_unit;
        CREATE TABLE account_unit (
            account_id INTEGER NOT NULL REFERENCES account(id)
                ON DELETE CASCADE,
            unit       TEXT NOT NULL,
            PRIMARY KEY (account_id, unit)
        );
        DELETE FROM schema_migration WHERE number = 32;
    """)
    con.commit()
    con.close()


def old_model(binary, db):
    """The old model with the names of the docstring, then migration 0032
    applied to it. Returns the grant and the awards of SHORT and LONG."""
    to_old_model(db)
    con = sqlite3.connect(db)
    grant = con.execute(
        "INSERT INTO reg_grant(region, year, call) VALUES ('04', 2022,"
        " 'Konkurs nazw podobnych') RETURNING id").fetchone()[0]
    short_award = con.execute(
        "INSERT INTO reg_grant_award(grant_id, organisation, project)"
        " VALUES (?, ?, 'Projekt krótkiej nazwy') RETURNING id",
        (grant, SHORT)).fetchone()[0]
    long_award = con.execute(
        "INSERT INTO reg_grant_award(grant_id, organisation, project)"
        " VALUES (?, ?, 'Projekt długiej nazwy') RETURNING id",
        (grant, LONG)).fetchone()[0]
    for login, unit in (('fpr', SHORT),
                        ('fprw', 'FUNDACJA pomocy rodzinie — wiejskiej w '
                                 'Chelmnie'),
                        ('fp-x', 'Fundacja Pomocy'),
                        ('impl-dept', 'pracownicy departamentu spraw '
                                      'społecznych um wkp'),
                        ('impl-part', 'Departamentu Spraw Społecznych'),
                        ('koord', 'Departament')):
        con.execute("INSERT INTO account_unit(account_id, unit) SELECT id, ?"
                    " FROM account WHERE login = ?", (unit, login))
    con.commit()
    con.close()
    # Any writable open applies the missing migration.
    rc, out, err = rodzina(binary, 'user', 'list', '--db', db)
    if rc != 0:
        print(f'FAIL setup: migration: {err}')
        return None, None, None
    return grant, short_award, long_award


def new_model(binary, db):
    """On PostgreSQL, whose schema starts at the latest migration: what 0032
    makes of the old model (see the docstring), through the CLI and SQL.
    Returns the grant and the awards of SHORT and LONG."""
    grant = q(db, "INSERT INTO reg_grant(region, year, call) VALUES ('04',"
              " 2022, 'Konkurs nazw podobnych') RETURNING id")[0][0]
    awards = []
    for name, project in ((SHORT, 'Projekt krótkiej nazwy'),
                          (LONG, 'Projekt długiej nazwy')):
        _, out, _ = rodzina(binary, 'user', 'unit-add', name, '--region', '04',
                            '--kind', 'organisation', '--db', db)
        awards.append(q(db, "INSERT INTO reg_grant_award(grant_id,"
                        " organisation, project, organisation_id) VALUES"
                        " (?, ?, ?, ?) RETURNING id", grant, name, project,
                        int(out))[0][0])
    dept = [i for i, name in q(db, "SELECT id, name FROM org_unit WHERE"
                                   " region = '04' AND kind = 'implementer'")
            if name.lower() == DEPT.lower()]
    for login, unit in (('fpr', SHORT), ('fprw', LONG)):
        q(db, "INSERT INTO account_org_unit(account_id, unit_id) SELECT a.id,"
          " u.id FROM account a, org_unit u WHERE a.login = ? AND u.name = ?",
          login, unit)
    q(db, "INSERT INTO account_org_unit(account_id, unit_id) SELECT id, ?"
      " FROM account WHERE login = 'impl-dept'", dept[0])
    return grant, awards[0], awards[1]


def rodzina(binary, *args, input=None):
    p = subprocess.run([binary] + list(args), capture_output=True, text=True,
                       input=input, env=dict(os.environ, RODZINA_CONFIG=''))
    return p.returncode, p.stdout, p.stderr


def main():
    binary = os.path.abspath(sys.argv[1])
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('admin', 'administrator'),
                        ('fpr', 'grantee'), ('fprw', 'grantee'),
                        ('fp-x', 'grantee'), ('impl-dept', 'implementer'),
                        ('impl-part', 'implementer')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: user {login}: {err}')
            return 1
    if PG:
        grant, short_award, long_award = new_model(binary, db)
    else:
        grant, short_award, long_award = old_model(binary, db)
        if grant is None:
            return 1
    plan = q(db, "SELECT id FROM plan WHERE year = 2021 AND region = '04'")[0][0]
    srv = Server(binary, db)
    t = Runner('ownership')

    @sqlite_only('rewinds the SQLite schema to before migration 0032')
    def migration_links_exact_names_and_reports_the_rest():
        check(not q(db, "SELECT name FROM sqlite_master WHERE name ="
                    " 'account_unit'"), 'account_unit still there')
        links = dict(q(db, "SELECT a.login, u.name FROM account_org_unit au"
                       " JOIN account a ON a.id = au.account_id"
                       " JOIN org_unit u ON u.id = au.unit_id"))
        # The plan spells the unit "pracownicy ..." in one task.
        check(set(links) == {'fpr', 'fprw', 'impl-dept'} and
              links['fpr'] == SHORT and links['fprw'] == LONG and
              links['impl-dept'].lower() == DEPT.lower(), links)
        orgs = q(db, "SELECT w.id, u.name, u.kind, u.region FROM"
                 " reg_grant_award w JOIN org_unit u ON u.id ="
                 " w.organisation_id WHERE w.grant_id = ? ORDER BY w.id",
                 grant)
        check(orgs == [(short_award, SHORT, 'organisation', '04'),
                       (long_award, LONG, 'organisation', '04')], orgs)
        check(q(db, "SELECT count(*) FROM reg_grant_award WHERE"
                " organisation_id IS NULL") == [(0,)], 'an award unlinked')
        # Tasks 1.4 and 1.6 have different units, by exact name.
        units = dict(q(db, "SELECT t.number, group_concat(u.name, '|') FROM"
                       " task_unit tu JOIN plan_task t ON t.id = tu.task_id"
                       " JOIN org_unit u ON u.id = tu.unit_id"
                       " WHERE t.plan_id = ? AND t.number IN ('1.4', '1.6')"
                       " GROUP BY t.number", plan))
        check(units['1.4'].lower() == DEPT.lower(), units)
        check(units['1.6'].lower().startswith(DEPT.lower() + ' we '), units)
        rc, out, err = rodzina(binary, 'check-db', '--db', db)
        check(rc == 0 and 'integrity ok, foreign keys ok' in out, out + err)
        lines = [x for x in out.splitlines() if x.startswith('unlinked:')]
        check(len(lines) == 3, lines)
        check(any("account fp-x (region 04) 'Fundacja Pomocy'" in x and
                  'no organisation of region 04' in x for x in lines), lines)
        check(any("account impl-part (region 04) 'Departamentu Spraw "
                  "Społecznych'" in x and 'no implementer unit' in x
                  for x in lines), lines)
        check(any("account koord" in x and 'has no units' in x
                  for x in lines), lines)
        check('3 unlinked by the migration to ownership by id' in out, out)

    def grantee(login):
        c = Client(srv)
        check(c.login(login)[0] == 303, f'login {login}')
        return c

    def substring_grantees_read_and_write_only_their_own():
        for login, own, other in (('fpr', short_award, long_award),
                                  ('fprw', long_award, short_award)):
            c = grantee(login)
            st, _, html = c.request('GET', '/moje-dotacje')
            mine = 'krótkiej' if own == short_award else 'długiej'
            theirs = 'długiej' if own == short_award else 'krótkiej'
            check(st == 200 and f'Projekt {mine} nazwy' in html, st)
            check(f'Projekt {theirs} nazwy' not in html,
                  f'{login} lists the other award')
            check(c.request('GET', f'/moje-dotacje/{own}')[0] == 200, 'own')
            check(c.request('GET', f'/moje-dotacje/{other}')[0] == 404,
                  f'{login} reads the other award')
            before = q(db, "SELECT * FROM reg_grant_award WHERE id = ?",
                       other)
            st, _, _ = c.request('POST', f'/moje-dotacje/{other}',
                                 {'csrf': c.csrf('/moje-dotacje'),
                                  'initiatives': '99',
                                  'beneficiaries': '999'})
            check(st == 404, f'{login} writes the other award: {st}')
            check(q(db, "SELECT * FROM reg_grant_award WHERE id = ?",
                    other) == before, 'the other award changed')
            st, _, _ = c.request('POST', f'/moje-dotacje/{own}',
                                 {'csrf': c.csrf('/moje-dotacje'),
                                  'initiatives': '2', 'beneficiaries': '20',
                                  'note': login})
            check(st == 303, st)
            check(q(db, "SELECT reported_by FROM reg_grant_award WHERE"
                    " id = ?", own) == [(login,)], 'own report stored')
        # The substring-only account owns nothing now.
        c = grantee('fp-x')
        st, _, html = c.request('GET', '/moje-dotacje')
        check(st == 200 and 'Projekt' not in html, st)
        check(c.request('GET', f'/moje-dotacje/{short_award}')[0] == 404,
              'fp-x reads')

    def indicator_of(number):
        return q(db, "SELECT i.pos FROM plan_indicator i JOIN plan_task t ON"
                 " t.plan_id = i.plan_id AND t.pos = i.task WHERE"
                 " i.plan_id = ? AND t.number = ? ORDER BY i.pos LIMIT 1",
                 plan, number)[0][0]

    def period_for(pos):
        rows = q(db, "SELECT period FROM realisation WHERE plan_id = ? AND"
                 " kind = 'indicator' AND pos = ?", plan, pos)
        return '2021-Q4' if any(len(p) > 4 for (p,) in rows) else '2021'

    def substring_implementers_enter_only_their_tasks():
        i14, i16 = indicator_of('1.4'), indicator_of('1.6')
        for login, allowed in (('impl-dept', {i14}), ('impl-part', set())):
            c = Client(srv)
            check(c.login(login)[0] == 303, f'login {login}')
            for pos in (i14, i16):
                n0 = q(db, "SELECT count(*) FROM realisation_history")[0][0]
                st, _, html = c.request('POST', '/monitoring/wpisy', {
                    'csrf': c.csrf('/monitoring'), 'plan': plan,
                    'kind': 'indicator', 'pos': pos, 'source': '',
                    'period': period_for(pos), 'value': '4', 'note': login})
                n1 = q(db, "SELECT count(*) FROM realisation_history")[0][0]
                if pos in allowed:
                    check(st == 303 and n1 == n0 + 1, (login, pos, st))
                else:
                    check(st == 403 and 'nie jest przypisane do Twojej' in
                          html, (login, pos, st))
                    check(n1 == n0, f'{login} wrote task of indicator {pos}')

    def units_are_chosen_by_id():
        # CLI: a name is not a unit number; the list gives the numbers.
        rc, _, err = rodzina(binary, 'user', 'add', 'xx1', '--role',
                             'grantee', '--region', '04', '--unit', SHORT,
                             '--db', db, input='dobre-haslo-2024!\n')
        check(rc == 2 and 'a unit number' in err, (rc, err))
        rc, out, err = rodzina(binary, 'user', 'units', '--region', '04',
                               '--kind', 'organisation', '--db', db)
        m = re.search(r'^(\d+)\s+04\s+organisation\s+' + re.escape(LONG) +
                      '$', out, re.M)
        check(rc == 0 and m, out + err)
        long_id = m.group(1)
        impl_id = q(db, "SELECT id FROM org_unit WHERE kind = 'implementer'"
                    " LIMIT 1")[0][0]
        rc, _, err = rodzina(binary, 'user', 'add', 'xx2', '--role',
                             'grantee', '--region', '04', '--unit',
                             str(impl_id), '--db', db,
                             input='dobre-haslo-2024!\n')
        check(rc == 1 and 'nie jest organizacją' in err, (rc, err))
        rc, out, err = rodzina(binary, 'user', 'unit-add', 'fundacja pomocy '
                               'rodzinie', '--region', '04', '--kind',
                               'organisation', '--db', db)
        short_org = q(db, "SELECT organisation_id FROM reg_grant_award"
                      " WHERE id = ?", short_award)[0][0]
        check(rc == 0 and out.strip() == str(short_org), out + err)
        # The administrators' page lists units by number.
        c = Client(srv)
        check(c.login('admin')[0] == 303, 'admin login')
        st, _, html = c.request('GET', '/uzytkownicy')
        check(st == 200 and f'<option value="{long_id}">' in html, st)
        form = {'csrf': c.csrf('/uzytkownicy'), 'login': 'fprw2',
                'password': 'dobre-haslo-2024!', 'role': 'grantee',
                'region': '04', 'unit': str(impl_id)}
        st, _, html = c.request('POST', '/uzytkownicy', form)
        check(st == 400 and 'nie jest organizacją' in html, st)
        form['unit'] = long_id
        st, _, _ = c.request('POST', '/uzytkownicy', form)
        check(st == 303, st)
        n = grantee('fprw2')
        st, _, html = n.request('GET', '/moje-dotacje')
        check('Projekt długiej nazwy' in html and 'krótkiej' not in html,
              'the new account owns the long name only')

    for fn in (migration_links_exact_names_and_reports_the_rest,
               substring_grantees_read_and_write_only_their_own,
               substring_implementers_enter_only_their_tasks,
               units_are_chosen_by_id):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
