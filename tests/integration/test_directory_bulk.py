#!/usr/bin/env python3
"""Issue 21: the directory's CSV import writes in bulk (change triggers
quiet, one "read everything" row of the change log, rows many a statement)
and leaves the search as the same rows written one by one would.

- The demo's region 04, written service by service by the demo loader
  (each search row as a saved form writes it), exported and imported back:
  every search row, area and target row and every answer of the search
  (through the index of a server that was running, and the SQL search
  without a gmina) is what it was.
- A file that changes the region (rows left out, rows added with branches,
  target groups, several areas, Polish letters): a server that was running
  answers every search as a process started afterwards on the same database
  does, the new rows are found, and the search row of a new service (two
  target groups, three areas) is the one its form writes when saved as is.
- Keys and UUIDs of a file that another region's rows have are given new
  ones (found by one query for the whole file); those free are kept.
Usage: test_directory_bulk.py BINARY"""
import json
import sys

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user, multipart

QUERIES = ('', '&q=pomoc', '&q=porady', '&q=lodz', '&q=rodzina',
           '&category=pomoc', '&target=dzieci', '&q=zazolc')
WIDE = ('/api/services?q=pomoc&limit=100', '/api/services?q=zazolc&limit=100',
        '/api/services?category=przemoc&limit=100',
        '/api/services?target=dzieci&limit=100')


def rows_of(db):
    """Region 04's search rows, areas and targets, comparable as text."""
    where = ('IN (SELECT s.id FROM dir_service s JOIN dir_org o'
             " ON o.id = s.org_id WHERE o.region = '04')")
    return {
        'search': sql(db, 'SELECT rowid, area, facet, body, name FROM dir_fts'
                      f' WHERE rowid {where} ORDER BY rowid'),
        'areas': sql(db, 'SELECT service_id, level, code FROM dir_area'
                     f' WHERE service_id {where}'
                     ' ORDER BY service_id, level, code'),
        'targets': sql(db, 'SELECT service_id, target FROM dir_service_target'
                       f' WHERE service_id {where}'
                       ' ORDER BY service_id, target'),
        'orgs': sql(db, 'SELECT id, coalesce(parent_id, 0), name, uuid'
                    " FROM dir_org WHERE region = '04' ORDER BY id"),
    }


def answers(srv, gminas):
    """Every search of QUERIES in each gmina, and the WIDE ones."""
    out = {}
    for g in gminas:
        for q in QUERIES:
            url = f'/api/services?gmina={g}&limit=100{q}'
            st, _, body = srv.get(url)
            check(st == 200, f'{url}: {st}')
            out[url] = json.loads(body)
    for url in WIDE:
        st, _, body = srv.get(url)
        check(st == 200, f'{url}: {st}')
        out[url] = json.loads(body)
    found = sum(1 for v in out.values() if v['results'])
    check(found > len(out) // 2, f'{found} of {len(out)} searches find')
    return out


def same(a, b, what):
    diff = [k for k in a if a[k] != b.get(k)]
    check(not diff and a.keys() == b.keys(),
          f'{what}: {len(diff)} differ, first {diff[:1]}:'
          f' {str(a.get(diff[0]) if diff else "")[:300]} /'
          f' {str(b.get(diff[0]) if diff else "")[:300]}')


def upload(c, csv):
    token = c.csrf('/uslugi/zarzadzanie')
    body, ctype = multipart({'csrf': token}, {'file': ('k.csv', csv.encode())})
    st, _, html = c.request('POST', '/uslugi/zarzadzanie/import', raw=body,
                            content_type=ctype)
    check(st == 200 and 'Wczytano katalog' in html, f'{st}: {html[-400:]}')


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator', region='04')
    gminas = [r[0] for r in sql(db, "SELECT DISTINCT gmina FROM dir_org"
                                " WHERE region = '04' ORDER BY gmina")][:12]
    running = Server(binary, db)
    t = Runner('directory_bulk')
    c = Client(running)
    state = {}

    def round_trip_import_keeps_search_rows_and_answers():
        check(c.login('koord')[0] == 303, 'login')
        check(len(gminas) >= 5, gminas)
        before_rows, before = rows_of(db), answers(running, gminas)
        check(len(before_rows['search']) > 50, len(before_rows['search']))
        check(any(r[1] for r in before_rows['orgs']), 'no branch in the demo')
        st, _, csv = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        check(st == 200, st)
        state['csv'] = csv
        upload(c, csv)
        after_rows = rows_of(db)
        for k, was in before_rows.items():
            now = after_rows[k]
            first = next((x for x in zip(was, now) if x[0] != x[1]), None)
            check(now == was, f'{k}: {len(was)} rows before, {len(now)}'
                  f' after, first differing {first}')
        # the log says "read everything" once, not a row per service
        n = sql(db, 'SELECT count(*) FROM dir_change WHERE seq >'
                ' (SELECT max(seq) FROM dir_change WHERE service_id IS NULL)')
        check(n[0][0] == 0, f'{n[0][0]} rows logged after the import\'s own')
        same(before, answers(running, gminas), 'running server')

    def changed_region_answers_as_a_fresh_process():
        lines = state['csv'].lstrip('\ufeff').split('\r\n')
        head, body = lines[0], [x for x in lines[1:] if x]
        cols = head.split(';')
        kept = body[::2]  # every other row of the region left out

        def row(**v):
            return ';'.join(v.get(k, '') for k in cols)

        g = gminas[0]
        added = [
            row(org_key='n1', region='04', kind='ngo',
                org_name='Fundacja Zażółć Gęślą', gmina=g, city='Toruń',
                service_key='', service_name='Zażółć porady rodzinne',
                category='rodzina', targets='dzieci,rodziny',
                coverage=f'gmina:{g} powiat:{g[:4]} region:04'),
            row(org_key='n2', parent_key='n1', region='04', kind='oddzial',
                org_name='Oddział Zażółć', gmina=gminas[1], city='Łódź',
                service_name='Zażółć grupa wsparcia', category='przemoc',
                targets='przemoc', coverage=f'gmina:{gminas[1]}'),
        ]
        c2 = Client(running)
        check(c2.login('koord')[0] == 303, 'login')
        upload(c2, head + '\r\n' + '\r\n'.join(kept + added) + '\r\n')
        got = answers(running, gminas)
        fresh = Server(binary, db)
        try:
            same(answers(fresh, gminas), got, 'running and fresh process')
        finally:
            fresh.stop()
        names = {s['name'] for s in got['/api/services?q=zazolc&limit=100']
                 ['results']}
        check(names == {'Zażółć porady rodzinne', 'Zażółć grupa wsparcia'},
              names)
        parent = sql(db, 'SELECT p.name FROM dir_org o JOIN dir_org p'
                     " ON p.id = o.parent_id WHERE o.name = 'Oddział Zażółć'")
        check(parent == [('Fundacja Zażółć Gęślą',)], parent)
        sid, org = sql(db, 'SELECT id, org_id FROM dir_service'
                       " WHERE name = 'Zażółć porady rodzinne'")[0]
        fts = ('SELECT area, facet, body, name FROM dir_fts WHERE rowid = ?',
               (sid,))
        imported = sql(db, *fts)
        check('g' + g in imported[0][0] and 'tdzieci' in imported[0][1],
              imported)
        token = c2.csrf(f'/uslugi/zarzadzanie/usluga/{sid}')
        st, _, _ = c2.request('POST', f'/uslugi/zarzadzanie/usluga/{sid}', {
            'csrf': token, 'instytucja': str(org),
            'service_name': 'Zażółć porady rodzinne', 'category': 'rodzina',
            't_dzieci': '1', 't_rodziny': '1',
            'coverage': f'region:04 gmina:{g} powiat:{g[:4]}'})
        check(st == 303, st)
        check(sql(db, *fts) == imported,
              f'imported {imported}, saved {sql(db, *fts)}')

    def ids_and_uuids_of_another_region_stay_its_own():
        o12 = sql(db, "SELECT id, uuid FROM dir_org WHERE region = '12'"
                  ' ORDER BY id LIMIT 1')[0]
        s12 = sql(db, 'SELECT s.id, s.uuid FROM dir_service s JOIN dir_org o'
                  " ON o.id = s.org_id WHERE o.region = '12'"
                  ' ORDER BY s.id LIMIT 1')[0]
        region12 = ("SELECT o.id, o.uuid, o.name, s.id, s.uuid FROM dir_org o"
                    " LEFT JOIN dir_service s ON s.org_id = o.id"
                    " WHERE o.region = '12' ORDER BY o.id, s.id")
        before = sql(db, region12)
        free = 1 + sql(db, 'SELECT max(id) FROM dir_org')[0][0]
        fsvc = 1 + sql(db, 'SELECT max(id) FROM dir_service')[0][0]
        mine = '2f1e5a0c-1d2b-4c3d-9e8f-0a1b2c3d4e5f'
        g = gminas[0]
        csv = ('org_key,region,kind,org_name,gmina,service_key,service_name,'
               'category,coverage,org_uuid,service_uuid\r\n'
               f'o{o12[0]},04,ngo,Fundacja Obca,{g},s{s12[0]},Porady obce,'
               f'pomoc,gmina:{g},{o12[1].upper()},{s12[1]}\r\n'
               f'o{free},04,ngo,Fundacja Wolna,{g},s{fsvc},Porady wolne,'
               f'pomoc,gmina:{g},{mine},\r\n')
        c3 = Client(running)
        check(c3.login('koord')[0] == 303, 'login')
        upload(c3, csv)
        check(sql(db, region12) == before, 'region 12 changed')
        got = {r[2]: r for r in sql(
            db, 'SELECT o.id, o.uuid, o.name, s.id, s.uuid FROM dir_org o'
            " JOIN dir_service s ON s.org_id = o.id WHERE o.region = '04'")}
        check(set(got) == {'Fundacja Obca', 'Fundacja Wolna'}, got)
        alien, own = got['Fundacja Obca'], got['Fundacja Wolna']
        check(alien[0] not in (o12[0], free) and alien[1] != o12[1] and
              alien[3] not in (s12[0], fsvc) and alien[4] != s12[1], alien)
        check(own[0] == free and own[1] == mine and own[3] == fsvc, own)
        check(len(alien[1]) == 36 and len(alien[4]) == 36, alien)

    for fn in (round_trip_import_keeps_search_rows_and_answers,
               changed_region_answers_as_a_fresh_process,
               ids_and_uuids_of_another_region_stay_its_own):
        t.run(fn)
    running.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
