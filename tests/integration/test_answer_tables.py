#!/usr/bin/env python3
"""Integration test of the answers kept per process (issue 21): the five
users of core/cache.h (the public answers, the locality search, the forum
search, the helpline statistics and the rendered realisation pages) each
answer a question asked twice with the same page, the first time made
anew and kept, the second time from their table, as their counters in
/metrics say (rodzina_<table>_total{result="hit"|"miss"|"kept"}).
Usage: test_answer_tables.py BINARY"""
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql_one
from test_auth import Client, add_user

TABLES = ['rodzina_http_answer_cache', 'rodzina_teryt_places_cache',
          'rodzina_zone_search_cache', 'rodzina_helpline_stats_cache',
          'rodzina_monitoring_page_cache']


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    plan = sql_one(db, "SELECT min(id) FROM plan WHERE kind = 'yearly'"
                   " AND region = '04'")
    check(plan is not None, 'a yearly plan of region 04 in the demo')
    srv = Server(binary, db)
    t = Runner('answer_tables')

    def counters():
        text = srv.get('/metrics')[2].decode()
        out = {}
        for table in TABLES:
            for result in ('hit', 'miss', 'kept'):
                m = re.search(re.escape(table) + r'_total\{result="' +
                              result + r'"\} (\d+)', text)
                out[table, result] = int(m.group(1)) if m else 0
        return out

    def same_twice(table, get):
        """get() twice: the same page; the first made and kept, the
        second read from table."""
        before = counters()
        st1, first = get()
        middle = counters()
        st2, second = get()
        after = counters()
        check(st1 == st2 == 200, (table, st1, st2))
        # A session's pages carry their own CSRF token: the rest is equal.
        token = re.compile(r'name="csrf" value="[^"]*"|'
                           r'<meta name="csrf" content="[^"]*"')
        check(token.sub('', first) == token.sub('', second),
              f'{table}: the same page twice')
        check(middle[table, 'miss'] == before[table, 'miss'] + 1 and
              middle[table, 'kept'] == before[table, 'kept'] + 1 and
              middle[table, 'hit'] == before[table, 'hit'],
              f'{table}: made anew and kept: {before} {middle}')
        check(after[table, 'hit'] == middle[table, 'hit'] + 1 and
              after[table, 'miss'] == middle[table, 'miss'],
              f'{table}: read from the table: {middle} {after}')

    def public(path):
        def get():
            st, _, body = srv.get(path)
            return st, body.decode()
        return get

    c = Client(srv)

    def session(path):
        def get():
            st, _, body = c.request('GET', path)
            return st, body
        return get

    def every_table_answers_from_its_entries():
        check(c.login('koord')[0] == 303, 'login')
        same_twice('rodzina_http_answer_cache',
                   public('/uslugi?gmina=0463011&q=pomoc+tablic'))
        same_twice('rodzina_teryt_places_cache',
                   public('/api/places?q=grebocin&limit=7'))
        same_twice('rodzina_zone_search_cache',
                   session('/forum/szukaj?q=przemoc+tablic'))
        same_twice('rodzina_helpline_stats_cache',
                   session('/niebieska-linia/statystyki?od=2021-01-01'
                           '&do=2021-03-31'))
        same_twice('rodzina_monitoring_page_cache',
                   session(f'/monitoring/plany/{plan}/realizacja'))

    def metrics_name_every_table_once():
        text = srv.get('/metrics')[2].decode()
        for table in TABLES:
            check(text.count(f'# TYPE {table}_total counter\n') == 1 and
                  text.count(f'# TYPE {table}_bytes gauge\n') == 1,
                  f'{table} once in /metrics')
            m = re.search(re.escape(table) + r'_bytes (\d+)', text)
            check(m and int(m.group(1)) > 0, f'{table} holds its answers')

    t.run(every_table_answers_from_its_entries)
    t.run(metrics_name_every_table_once)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
