#!/usr/bin/env python3
"""Integration tests of the directory's search index refreshed from the
change log (issue 14): two servers on one database see each other's edits
at the next request, an edit of one service makes each read that service
again and nothing else (their /metrics counters), and a renamed category
or a server left far behind by the log reads the whole directory.
Usage: test_directory_index.py BINARY"""
import json
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user


def counters(srv):
    """(whole builds, services read again) of srv's directory index."""
    _, _, body = srv.get('/metrics')
    text = body.decode()
    b = re.search(r'^rodzina_directory_index_rebuilds_total (\d+)$', text,
                  re.M)
    r = re.search(r'^rodzina_directory_index_rows_applied_total (\d+)$',
                  text, re.M)
    check(b and r, text[-600:])
    return int(b.group(1)), int(r.group(1))


def search(srv, q, extra=''):
    st, _, body = srv.get(f'/api/services?gmina=0463011&q={q}&limit=100'
                          f'{extra}')
    check(st == 200, st)
    return json.loads(body)['results']


def names(srv, q):
    return sorted(s['name'] for s in search(srv, q))


def moved(srv, before, builds, rows):
    """The counters of srv moved by exactly builds and rows."""
    now = counters(srv)
    check(now == (before[0] + builds, before[1] + rows),
          f'before {before}, now {now}: expected +{builds} builds, '
          f'+{rows} services')
    return now


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    _, err = add_user(binary, db, 'koord', 'coordinator', region='04')
    a, b = Server(binary, db), Server(binary, db)
    t = Runner('directory_index')
    state = {}

    def both_build_once_then_follow_each_other():
        for srv in (a, b):
            search(srv, 'pomoc')
        state['a'], state['b'] = counters(a), counters(b)
        check(state['a'][0] >= 1 and state['b'][0] >= 1, state)
        ca = Client(a)
        check(ca.login('koord')[0] == 303, f'login on a: {err}')
        token = ca.csrf('/uslugi/zarzadzanie/instytucja')
        st, h, _ = ca.request('POST', '/uslugi/zarzadzanie/instytucja', {
            'csrf': token, 'org_name': 'Fundacja Qqdwa', 'kind': 'ngo',
            'gmina': '0463011', 'city': 'Toruń'})
        check(st == 303, st)
        org = h['location'].rsplit('/', 1)[1]
        st, h, _ = ca.request('POST', '/uslugi/zarzadzanie/usluga', {
            'csrf': token, 'instytucja': org, 'service_name': 'Qqdwa porady',
            'category': 'pomoc', 't_wszyscy': '1',
            'coverage': 'gmina:0463011'})
        check(st == 303, st)
        sid = re.search(r'/uslugi/usluga/(\d+)$', h['location'])
        check(sid, h['location'])
        state['sid'] = sid.group(1)
        # Written through a, read through b at its next request.
        check(names(b, 'qqdwa') == ['Qqdwa porady'], names(b, 'qqdwa'))
        state['b'] = moved(b, state['b'], 0, 1)
        check(names(a, 'qqdwa') == ['Qqdwa porady'], 'a sees its own')
        state['a'] = moved(a, state['a'], 0, 1)

    def one_service_edited_through_b_is_one_row_for_a():
        cb = Client(b)
        check(cb.login('koord')[0] == 303, 'login on b')
        token = cb.csrf(f'/uslugi/zarzadzanie/usluga/{state["sid"]}')
        st, _, _ = cb.request(
            'POST', f'/uslugi/zarzadzanie/usluga/{state["sid"]}', {
                'csrf': token, 'service_name': 'Qqdwa porady rodzinne',
                'category': 'rodzina', 't_rodziny': '1',
                'coverage': 'gmina:0463011 powiat:0463'})
        check(st == 303, st)
        found = search(a, 'qqdwa')
        check([s['name'] for s in found] == ['Qqdwa porady rodzinne'], found)
        check(found[0]['category'] == 'rodzina', found[0])
        state['a'] = moved(a, state['a'], 0, 1)
        check(names(b, 'rodzinne') != [] and
              'Qqdwa porady rodzinne' in names(b, 'qqdwa'), 'b sees it')
        state['b'] = moved(b, state['b'], 0, 1)
        # Nothing changed since: no work at all.
        names(a, 'pomoc')
        state['a'] = moved(a, state['a'], 0, 0)

    def category_renamed_reads_everything():
        sql(db, "UPDATE dir_category SET name = 'Qqkategoria'"
            " WHERE code = 'rodzina'")
        found = search(b, 'qqdwa')
        check(found and found[0]['category_name'] == 'Qqkategoria', found)
        state['b'] = moved(b, state['b'], 1, 0)
        check(search(a, 'qqkategoria') != [], 'a finds the new name')
        state['a'] = moved(a, state['a'], 1, 0)

    def far_behind_reads_everything():
        # More rows than an index reads from the log: whole again.
        sql(db, 'INSERT INTO dir_change(service_id) SELECT id FROM'
            ' dir_service, (SELECT 1 UNION SELECT 2 UNION SELECT 3'
            ' UNION SELECT 4 UNION SELECT 5 UNION SELECT 6'
            ' UNION SELECT 7 UNION SELECT 8 UNION SELECT 9'
            ' UNION SELECT 10 UNION SELECT 11 UNION SELECT 12'
            ' UNION SELECT 13 UNION SELECT 14 UNION SELECT 15'
            ' UNION SELECT 16 UNION SELECT 17) AS n')
        rows = sql_one(db, 'SELECT count(*) FROM dir_change')
        check(rows > 20000, rows)
        check(names(a, 'qqdwa') == ['Qqdwa porady rodzinne'], 'still found')
        state['a'] = moved(a, state['a'], 1, 0)

    try:
        for fn in (both_build_once_then_follow_each_other,
                   one_service_edited_through_b_is_one_row_for_a,
                   category_renamed_reads_everything,
                   far_behind_reads_everything):
            t.run(fn)
    finally:
        for srv in (a, b):
            srv.stop()
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
