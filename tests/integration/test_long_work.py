#!/usr/bin/env python3
"""Integration tests of long work beside short requests (issue 21): with a
single worker thread (--threads 1), country-wide statistics over a partial
month of N contacts (read from the contacts, the slow path) run on the
long-work threads, so that short requests (the TERYT autocomplete, a
region's month of statistics) sent while three of them are in flight are
answered before any of them; their figures are those of the
contacts (counted here in SQL); and the server stops cleanly with long
work queued.
Usage: test_long_work.py BINARY"""
import json
import sys
import threading
import time

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

N = 40000
# Both ends partial: every contact of the range is read one by one.
STATS = '/api/helpline/stats?woj=&od=2024-03-02&do=2024-03-30'
SHORT = '/api/teryt/gminy?q=torun'
# A region's whole month: the summary only, short work on a worker.
REGION = '/api/helpline/stats?woj=02&od=2024-03-01&do=2024-03-31'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'admin', 'administrator')
    # N contacts in March 2024 over the days, hours, channels and callers,
    # in the gminas of the register (the summary triggers keep helpline_month).
    sql(db, "INSERT INTO helpline_contact(region, at, channel, caller, gmina,"
        " forms, harmed, created_at)"
        " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
        "  WHERE i < ?)"
        " SELECT substr(g.teryt, 1, 2), '2024-03-' || substr(CAST(101 + n.i % 31 AS TEXT), 2)"
        "  || 'T' || substr(CAST(100 + n.i % 24 AS TEXT), 2) || ':00',"
        "  1 + n.i % 7, 1 + n.i % 4, g.teryt, n.i % 64, n.i % 32,"
        "  '2024-04-01T00:00:00Z'"
        " FROM n JOIN (SELECT teryt, ROW_NUMBER() OVER (ORDER BY teryt)"
        "  - 1 AS k FROM gmina) g ON g.k = n.i % 50", (N,))
    srv = Server(binary, db, ['--threads', '1'])
    t = Runner('long_work')
    c = Client(srv)
    check(c.login('admin')[0] == 303, 'login')

    def short_request_is_not_held_behind_long_ones():
        st, _, body = c.request('GET', STATS)
        check(st == 200, st)
        t0 = time.perf_counter()
        c.request('GET', STATS)
        alone = time.perf_counter() - t0
        ends, errors = [], []

        def long_one():
            try:
                st, _, _ = c.request('GET', STATS)
                if st != 200:
                    errors.append(st)
            except Exception as e:  # noqa: BLE001 (reported below)
                errors.append(e)
            ends.append(time.perf_counter())

        threads = [threading.Thread(target=long_one) for _ in range(3)]
        start = time.perf_counter()
        for th in threads:
            th.start()
        time.sleep(min(0.05, alone / 4))
        st, _, body = Client(srv).request('GET', SHORT)
        st2, _, body2 = c.request('GET', REGION)
        short_end = time.perf_counter()
        for th in threads:
            th.join()
        check(not errors, errors)
        check(st == 200 and '0463011' in body, st)
        check(st2 == 200 and json.loads(body2)['total'] > 0, st2)
        check(len(ends) == 3 and short_end < min(ends),
              f'short request answered {short_end - start:.3f} s after the '
              f'long ones began, the first long one '
              f'{min(ends) - start:.3f} s (one alone {alone:.3f} s)')

    def statistics_count_the_contacts():
        st, _, body = c.request('GET', STATS)
        s = json.loads(body)
        want = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE"
                       " at >= '2024-03-02' AND at < '2024-03-31'")
        check(s['total'] == want and want > N * 0.9, (s['total'], want))
        by_gmina = dict(sql(db, "SELECT gmina, count(*) FROM helpline_contact"
                            " WHERE at >= '2024-03-02' AND at < '2024-03-31'"
                            " GROUP BY gmina"))
        got = {x['teryt']: x['n'] for x in s['by_gmina']}
        check(got == by_gmina, 'counts by gmina')

    def stops_cleanly_with_long_work_queued():
        answers = []

        def long_one():
            try:
                answers.append(c.request('GET', STATS)[0])
            except Exception as e:  # noqa: BLE001 (a closed connection)
                answers.append(type(e).__name__)

        threads = [threading.Thread(target=long_one) for _ in range(3)]
        for th in threads:
            th.start()
        time.sleep(0.1)
        rc = srv.stop()
        for th in threads:
            th.join()
        check(rc == 0 and 'serve: stopped cleanly' in srv.log(),
              (rc, srv.log()[-400:]))
        check(len(answers) == 3, answers)

    t.run(short_request_is_not_held_behind_long_ones)
    t.run(statistics_count_the_contacts)
    t.run(stops_cleanly_with_long_work_queued)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
