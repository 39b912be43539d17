#!/usr/bin/env python3
"""Integration tests of long work beside short requests and of the
statistics' figures (issue 21): with a single worker thread (--threads 1,
so one long-work thread), two exports of a region's contacts take the
long-work thread and the country's statistics wait behind them (the
handler asks for a long-work thread), while short requests (the TERYT
autocomplete, a region's month of statistics) are answered at once; the
statistics of ranges whose partial months are read from the contacts or
as the month's summary less the days outside give the figures of the
contacts, counted here in SQL (test_helpline_figures.same_figures: total,
minutes, by month, channel, caller, form, harmed person, referral type,
gmina and powiat); and the server stops cleanly with long work queued.
Usage: test_long_work.py BINARY"""
import http.client
import json
import sys
import threading
import time

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user
from test_helpline_figures import same_figures

N = 40000
# The country over most of March: the month's summary less two days.
STATS = '/api/helpline/stats?woj=&od=2024-03-02&do=2024-03-30'
SHORT = '/api/teryt/gminy?q=torun'
# Long work by route: a region's contacts as CSV (about 37 000 rows).
LONG = '/niebieska-linia/kontakty.csv?woj=02&od=2024-02-01&do=2024-05-31'
# A region's whole month: the summary only, short work on a worker.
REGION = '/api/helpline/stats?woj=02&od=2024-03-01&do=2024-03-31'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'admin', 'administrator')
    # N contacts from February to May 2024 (days 1-28) over the hours,
    # channels, callers, forms and harmed persons, in 50 gminas of the
    # register, one in 13 without a gmina (the summary triggers keep
    # helpline_month).
    sql(db, "INSERT INTO helpline_contact(region, at, channel, caller, gmina,"
        " forms, harmed, minutes, created_at)"
        " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
        "  WHERE i < ?)"
        " SELECT substr(g.teryt, 1, 2), '2024-0' || CAST(2 + n.i % 4 AS TEXT)"
        "  || '-' || substr(CAST(101 + (n.i / 4) % 28 AS TEXT), 2)"
        "  || 'T' || substr(CAST(100 + n.i % 24 AS TEXT), 2) || ':00',"
        "  1 + n.i % 7, 1 + n.i % 4,"
        "  CASE WHEN n.i % 13 = 0 THEN NULL ELSE g.teryt END, n.i % 64,"
        "  n.i % 32, 1 + n.i % 60, '2024-06-01T00:00:00Z'"
        " FROM n JOIN (SELECT teryt, ROW_NUMBER() OVER (ORDER BY teryt)"
        "  - 1 AS k FROM gmina) g ON g.k = n.i % 50", (N,))
    srv = Server(binary, db, ['--threads', '1'])
    t = Runner('long_work')
    c = Client(srv)
    check(c.login('admin')[0] == 303, 'login')

    def short_requests_are_not_held_behind_long_ones():
        def timed(path, out, client):
            """Status and the time the answer began (its handler had
            finished by then), then its body read whole."""
            try:
                con = http.client.HTTPConnection('127.0.0.1', srv.port,
                                                 timeout=30)
                con.request('GET', path, headers={'Cookie': '; '.join(
                    f'{k}={v}' for k, v in client.cookies.items())})
                resp = con.getresponse()
                out.append((resp.status, time.perf_counter()))
                resp.read()
                con.close()
            except Exception as e:  # noqa: BLE001 (reported below)
                out.append((type(e).__name__, time.perf_counter()))

        c2 = Client(srv)
        c2.cookies = dict(c.cookies)
        t0 = time.perf_counter()
        c.request('GET', LONG)
        alone = time.perf_counter() - t0
        # Two exports take the one long-work thread; the country's
        # statistics (its handler asks for a long-work thread) wait, while
        # the short requests are answered at once by the one worker.
        exports, stats = [], []
        threads = [threading.Thread(target=timed, args=(LONG, exports, cl))
                   for cl in (c, c2)]
        start = time.perf_counter()
        for th in threads:
            th.start()
        time.sleep(min(0.1, alone / 4))
        c3 = Client(srv)
        c3.cookies = dict(c.cookies)
        threads.append(threading.Thread(target=timed,
                                        args=(STATS, stats, c3)))
        threads[-1].start()
        time.sleep(min(0.05, alone / 8))
        st, _, body = Client(srv).request('GET', SHORT)
        c4 = Client(srv)
        c4.cookies = dict(c.cookies)
        st2, _, body2 = c4.request('GET', REGION)
        short_end = time.perf_counter()
        for th in threads:
            th.join()
        check([x[0] for x in exports + stats] == [200, 200, 200],
              exports + stats)
        check(st == 200 and '0463011' in body, st)
        check(st2 == 200 and json.loads(body2)['total'] > 0, st2)
        first = min(x[1] for x in exports)
        check(short_end < first,
              f'short requests answered {short_end - start:.3f} s after the '
              f'exports began, the first export {first - start:.3f} s (one '
              f'alone {alone:.3f} s)')
        # Run on the free worker they would end at once; behind the exports
        # they end when one of these ends (with the answer's timing noise).
        check(stats[0][1] - start > alone / 2,
              f'country statistics ran on the worker: '
              f'{stats[0][1] - start:.3f} s, short {short_end - start:.3f} s, '
              f'exports {sorted(round(x[1] - start, 3) for x in exports)}')

    def statistics_give_the_figures_of_the_contacts():
        for woj, od, do in (
                ('', '2024-03-02', '2024-03-30'),  # summary less 2 days
                ('', '2024-02-20', '2024-05-05'),  # both ends read
                ('', '2024-02-03', '2024-04-27'),  # both: summary less
                ('02', '2024-03-05', '2024-04-20'),  # one region
                ('02', '2024-04-10', '2024-04-12')):  # three days
            same_figures(c, db, woj, od, do)

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

    t.run(short_requests_are_not_held_behind_long_ones)
    t.run(statistics_give_the_figures_of_the_contacts)
    t.run(stops_cleanly_with_long_work_queued)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
