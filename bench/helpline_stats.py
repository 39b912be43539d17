#!/usr/bin/env python3
"""Time the helpline statistics on a big database (see helpline_gen.py):
one region and one year, the same with partial months at both ends, and
the country by month over six years; JSON API and HTML page, warm (one
request first, then the median of 7). Prints SQLite's query plan of each
catalogue query involved, read from src/helpline/queries.def.
Usage: helpline_stats.py BINARY DB"""
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', 'tests', 'integration'))
from harness import Server  # noqa: E402
from lib import listen  # noqa: E402
from test_auth import Client, add_user  # noqa: E402


def catalogue():
    text = open(os.path.join(HERE, '..', 'src', 'helpline',
                             'queries.def')).read()
    out = {}
    for m in re.finditer(r'Q\((Q_\w+),\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)',
                         text):
        out[m.group(1)] = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"',
                                             m.group(2)))
    return out


def plans(db):
    q = catalogue()
    con = sqlite3.connect(db)
    for name, args in (('Q_HELPLINE_MONTHS_REGION', ('04', '2024-01',
                                                     '2024-12')),
                       ('Q_HELPLINE_MONTHS_ALL', ('2019-01', '2024-12')),
                       ('Q_HELPLINE_GMINA_YEARS_REGION', ('04', '2024',
                                                          '2024')),
                       ('Q_HELPLINE_GMINA_YEARS_ALL', ('2019', '2024')),
                       ('Q_HELPLINE_RANGE_REGION', ('04', '2024-01-15',
                                                    '2024-02-01')),
                       ('Q_HELPLINE_YEAR_COUNT', ('04', '2024-01',
                                                  '2024-12'))):
        sql = re.sub(r'\$(\d+)', r'?\1', q[name])
        print(f'{name}:')
        for row in con.execute('EXPLAIN QUERY PLAN ' + sql, args):
            print(f'    {row[3]}')
    con.close()


def main():
    binary, db = sys.argv[1], sys.argv[2]
    add_user(binary, db, 'benchadmin', 'administrator')
    plans(db)
    srv = Server(binary, db, listen(0))
    c = Client(srv)
    c.login('benchadmin')
    cases = [
        ('region 04, 2024, JSON', '/api/helpline/stats?woj=04&od=2024-01-01'
         '&do=2024-12-31'),
        ('region 04, 2024-01-15..2024-12-20, JSON', '/api/helpline/stats?'
         'woj=04&od=2024-01-15&do=2024-12-20'),
        ('region 04, 2024, HTML page with map', '/niebieska-linia/'
         'statystyki?woj=04&od=2024-01-01&do=2024-12-31'),
        ('country by month 2019-2024, JSON', '/api/helpline/stats?woj=&'
         'od=2019-01-01&do=2024-12-31'),
        ('country, 2024-03-10..2024-09-20, JSON', '/api/helpline/stats?woj=&'
         'od=2024-03-10&do=2024-09-20'),
    ]
    for name, path in cases:
        st, _, body = c.request('GET', path)
        assert st == 200, (path, st)
        total = re.search(r'"total":(\d+)', body)
        times = []
        for _ in range(7):
            t0 = time.perf_counter()
            st, _, _ = c.request('GET', path)
            times.append((time.perf_counter() - t0) * 1000)
        print(f'{name}: median {statistics.median(times):.1f} ms, '
              f'min {min(times):.1f}, max {max(times):.1f}'
              f'{", total " + total.group(1) if total else ""}')
    srv.stop()


if __name__ == '__main__':
    main()
