#!/usr/bin/env python3
"""The helpline's statistics are the same on SQLite and PostgreSQL (issue
14): the same contacts, saved through the form on a server of each engine,
give the same monthly summary (kept by each dialect's own triggers), the
same /api/helpline/stats answers for whole and partial months, one region
and the country, and the same CSV exports; again after contacts are moved
by an UPDATE and after a purge. Needs both engines: skipped unless
RODZINA_TEST_PG is set. Usage: test_helpline_engines.py BINARY"""
import json
import random
import subprocess
import sys

from harness import (PG, Runner, Server, check, cleanup, make_db, sql,
                     sqlite_demo)
from test_auth import Client, add_user

RANGES = ('od=2021-01-01&do=2021-12-31', 'od=2021-03-15&do=2021-07-19',
          'od=2023-01-01&do=2023-12-31', 'od=2023-02-10&do=2023-11-30',
          'od=2023-06-30&do=2023-06-30')
SUMMARY = 'SELECT * FROM helpline_month ORDER BY region, month, gmina'


def contacts(gminas):
    """Form fields of 120 contacts of 2023 in regions 04 and 12."""
    rnd = random.Random(14)
    out = []
    for i in range(120):
        region = '04' if i % 3 else '12'
        teryt, name = rnd.choice(gminas[region])
        f = {'at': f'2023-{rnd.randrange(1, 13):02d}-'
             f'{rnd.choice((1, 9, 15, 28, 30)) if i % 5 else 1:02d}T'
             f'{rnd.randrange(24):02d}:{rnd.randrange(60):02d}',
             'channel': str(rnd.randrange(1, 8)),
             'caller': str(rnd.randrange(1, 5)),
             'minuty': str(rnd.randrange(1, 90)) if i % 4 else ''}
        if i % 6:  # one in six does not say where the caller lives
            f.update(gmina=teryt, gmina_nazwa=name)
        for field, n in (('forma', 6), ('dotkniety', 5), ('pomoc', 6),
                         ('skierowanie', 8)):
            for k in range(1, n + 1):
                if rnd.randrange(3) == 0:
                    f[f'{field}{k}'] = '1'
        out.append((region, f.pop('at').replace('-02-30', '-02-28'), f))
    return out


def main():
    binary = sys.argv[1]
    t = Runner('helpline_engines')
    if not PG:
        t.skip('statistics_are_the_same_on_both_engines',
               'compares with PostgreSQL: set RODZINA_TEST_PG')
        return t.finish()
    d, pg = make_db(binary)
    lite = sqlite_demo(d, 'lite', binary)
    dbs = (lite, pg)
    for db in dbs:
        for login, role, region in (('kons04', 'consultant', '04'),
                                    ('kons12', 'consultant', '12'),
                                    ('adm', 'administrator', None)):
            rc, err = add_user(binary, db, login, role, region=region or '04')
            check(rc == 0, err)
    srvs = [Server(binary, db) for db in dbs]

    def answers():
        """What each server says: statistics, exports and the summary."""
        out = []
        for srv, db in zip(srvs, dbs):
            c = Client(srv)
            c.login('adm')
            got = {'summary': sql(db, SUMMARY)}
            for q in RANGES:
                for woj in ('', '&woj=04', '&woj=12'):
                    for path in ('/api/helpline/stats',
                                 '/niebieska-linia/statystyki.csv',
                                 '/api/helpline/contacts',
                                 '/niebieska-linia/kontakty.csv'):
                        st, _, body = c.request('GET', f'{path}?{q}{woj}')
                        check(st == 200, (path, q, woj, st))
                        got[path + q + woj] = (json.loads(body) if '/api/'
                                               in path else body)
            out.append(got)
        return out

    def same(what):
        lite_got, pg_got = answers()
        for k, a in lite_got.items():
            b = pg_got[k]
            if isinstance(a, list) and len(a) == len(b):  # the first row
                a, b = next(((x, y) for x, y in zip(a, b) if x != y), (a, b))
            check(a == b, f'{what}: {k}: SQLite {str(a)[:300]} '
                  f'PostgreSQL {str(b)[:300]}')
        return lite_got

    def statistics_are_the_same_on_both_engines():
        gminas = {w: sql(lite, 'SELECT teryt, name FROM gmina WHERE teryt '
                         'LIKE ? ORDER BY teryt LIMIT 12', (w + '%',))
                  for w in ('04', '12')}
        rows = contacts(gminas)
        for srv in srvs:
            c = {w: Client(srv) for w in ('04', '12')}
            for w in c:
                c[w].login('kons' + w)
            token = {w: c[w].csrf('/niebieska-linia/kontakty/nowy')
                     for w in c}
            for region, at, f in rows:
                st, _, body = c[region].request(
                    'POST', '/niebieska-linia/kontakty',
                    dict(f, csrf=token[region], at=at))
                check(st == 303, (at, f, st, body[:300]))
        got = same('saved')
        check(got['/api/helpline/stats' + RANGES[2]]['total'] == len(rows),
              'every contact counted')
        # The UPDATE trigger takes a contact out of its month and gmina
        # and counts it in the new ones.
        for db in dbs:
            sql(db, "UPDATE helpline_contact SET at = '2023-06-30T12:00',"
                " gmina = NULL, channel = 3, forms = 5, harmed = 2,"
                " referrals = 129, minutes = 7 WHERE at >= '2023-03-01'"
                " AND at < '2023-09-01' AND caller = 2")
            sql(db, "UPDATE helpline_contact SET region = '12', gmina ="
                " '1261011' WHERE at >= '2023-10-01' AND channel = 1")
        same('updated')
        for db in dbs:
            p = subprocess.run([binary, 'purge', '--before', '2023-05-01',
                                '--db', db], capture_output=True, text=True)
            check(p.returncode == 0, p.stderr)
        got = same('purged')
        check(got['/api/helpline/stats' + RANGES[0]]['total'] == 0,
              '2021 purged')

    t.run(statistics_are_the_same_on_both_engines)
    for srv in srvs:
        srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
