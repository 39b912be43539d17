#!/usr/bin/env python3
"""Integration tests of the helpline statistics' figures over the
summaries at every grain (issue 21): contacts of two regions from November
2022 to February 2025, and the statistics of ranges of whole years, whole
months across a year's end, whole years with partial years and partial
months at the ends, days of one month, in a region and in the country,
give the figures of the contacts counted here in SQL (total, minutes, by
month, channel, caller, form, harmed person, referral type, gmina and
powiat), asked once and again (the answer the process keeps); and still
do after contacts are moved to another month, year, gmina or region and
deleted (the summaries' triggers; the register's version, so no answer
kept from before is served).
Usage: test_helpline_figures.py BINARY"""
import json
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

N = 12000
RANGES = (
    ('', '2023-01-01', '2023-12-31'),  # a whole year, the country
    ('02', '2023-01-01', '2024-12-31'),  # two whole years, a region
    ('', '2022-11-01', '2025-02-28'),  # whole months, years between
    ('02', '2022-11-15', '2025-01-10'),  # partial months and years
    ('04', '2023-03-01', '2024-06-30'),  # months across a year's end
    ('', '2024-02-10', '2024-02-20'),  # days of one month
    ('04', '2023-12-05', '2024-01-28'),  # two partial months
    ('', '2023-12-01', '2024-11-30'),  # twelve months, no whole year
)


def same_figures(c, db, woj, od, do):
    """The statistics of woj ('' the country) from od to do, asked of the
    server twice (the second the answer it keeps), are the figures of the
    contacts counted here in SQL: total, minutes, by month, channel,
    caller, form, harmed person, referral type, gmina (named) and
    powiat."""
    st, _, body = c.request('GET', f'/api/helpline/stats?woj={woj}'
                            f'&od={od}&do={do}')
    check(st == 200, (woj, od, do, st))
    # Asked again: the answer the process keeps, the same.
    st2, _, again = c.request('GET', f'/api/helpline/stats?woj={woj}'
                              f'&od={od}&do={do}')
    check(st2 == 200 and again == body, (woj, od, do, 'kept answer'))
    s = json.loads(body)
    where = (" WHERE at >= ? AND at < ? || 'T99'" +
             (" AND region = ?" if woj else ''))
    args = (od, do) + ((woj,) if woj else ())
    total, minutes = sql(db, "SELECT count(*), coalesce(sum(minutes), 0)"
                         " FROM helpline_contact" + where, args)[0]
    check(total > 0, (woj, od, do))
    check((s['total'], s['minutes']) == (total, minutes),
          (woj, od, do, s['total'], total, s['minutes'], minutes))
    months = dict(sql(db, "SELECT substr(at, 1, 7), count(*) FROM"
                      " helpline_contact" + where +
                      " GROUP BY substr(at, 1, 7)", args))
    check({x['month']: x['n'] for x in s['by_month'] if x['n']} ==
          months, (woj, od, do, 'by month'))
    for key, col, n in (('by_channel', 'channel', 7),
                        ('by_caller', 'caller', 4)):
        want = dict(sql(db, f"SELECT {col}, count(*) FROM"
                        " helpline_contact" + where +
                        f" GROUP BY {col}", args))
        check([x['n'] for x in s[key]] ==
              [want.get(k, 0) for k in range(1, n + 1)],
              (woj, od, do, key))
    for key, col, n in (('by_form', 'forms', 6),
                        ('by_harmed', 'harmed', 5),
                        ('by_referral', 'referrals', 8)):
        want = [sql_one(db, "SELECT count(*) FROM helpline_contact" +
                        where + f" AND {col} % {2 << k} >= {1 << k}",
                        args) for k in range(n)]
        check([x['n'] for x in s[key]] == want, (woj, od, do, key))
    gminas = dict(sql(db, "SELECT coalesce(gmina, ''), count(*) FROM"
                      " helpline_contact" + where +
                      " GROUP BY coalesce(gmina, '')", args))
    check({x['teryt'] or '': x['n'] for x in s['by_gmina']} == gminas,
          (woj, od, do, 'by gmina'))
    powiats = dict(sql(db, "SELECT substr(gmina, 1, 4), count(*) FROM"
                       " helpline_contact" + where +
                       " AND gmina IS NOT NULL"
                       " GROUP BY substr(gmina, 1, 4)", args))
    check({x['code']: x['n'] for x in s['by_powiat']} == powiats,
          (woj, od, do, 'by powiat'))
    check(all(x['name'] for x in s['by_gmina'] if x['teryt']),
          (woj, od, do, 'gmina names'))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary, demo=False)
    add_user(binary, db, 'admin', 'administrator')
    # N contacts over 28 months (days 1-28), alternately in the first 30
    # gminas of regions 02 and 04, one in 11 without a gmina, over the
    # channels, callers, forms, harmed persons and referral types.
    sql(db, "INSERT INTO helpline_contact(region, at, channel, caller, gmina,"
        " forms, harmed, referrals, minutes, created_at)"
        " WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
        "  WHERE i < ?)"
        " SELECT substr(g.teryt, 1, 2),"
        "  CAST(2022 + (10 + n.i % 28) / 12 AS TEXT) || '-'"
        "  || substr(CAST(101 + (10 + n.i % 28) % 12 AS TEXT), 2) || '-'"
        "  || substr(CAST(101 + (n.i / 28) % 28 AS TEXT), 2) || 'T'"
        "  || substr(CAST(100 + n.i % 24 AS TEXT), 2) || ':00',"
        "  1 + n.i % 7, 1 + n.i % 4,"
        "  CASE WHEN n.i % 11 = 0 THEN NULL ELSE g.teryt END, n.i % 64,"
        "  n.i % 32, n.i % 256, 1 + n.i % 60, '2025-03-01T00:00:00Z'"
        " FROM n JOIN (SELECT teryt, ROW_NUMBER() OVER (PARTITION BY"
        "  substr(teryt, 1, 2) ORDER BY teryt) - 1 AS k FROM gmina"
        "  WHERE substr(teryt, 1, 2) IN ('02', '04')) g"
        " ON g.k = (n.i / 2) % 30 AND substr(g.teryt, 1, 2) ="
        "  CASE WHEN n.i % 2 = 0 THEN '02' ELSE '04' END", (N,))
    check(sql_one(db, "SELECT count(*) FROM helpline_contact") == N, 'rows')
    srv = Server(binary, db)
    t = Runner('helpline_figures')
    c = Client(srv)
    check(c.login('admin')[0] == 303, 'login')

    def every_range_gives_the_figures_of_the_contacts():
        for woj, od, do in RANGES:
            same_figures(c, db, woj, od, do)

    def figures_follow_moved_and_deleted_contacts():
        # To another year and month, another gmina of the other region,
        # no gmina; then a delete of a month's part.
        sql(db, "UPDATE helpline_contact SET at = '2024-07-15T10:00'"
            " WHERE id % 17 = 0")
        sql(db, "UPDATE helpline_contact SET region = '04', gmina ="
            " (SELECT min(teryt) FROM gmina WHERE teryt LIKE '04%')"
            " WHERE id % 19 = 0 AND region = '02'")
        sql(db, "UPDATE helpline_contact SET gmina = NULL, channel = 3,"
            " forms = 5 WHERE id % 23 = 0")
        sql(db, "DELETE FROM helpline_contact WHERE id % 13 = 0"
            " AND at < '2023-06'")
        for woj, od, do in RANGES:
            same_figures(c, db, woj, od, do)
        same_figures(c, db, '04', '2024-07-01', '2024-07-31')

    t.run(every_range_gives_the_figures_of_the_contacts)
    t.run(figures_follow_moved_and_deleted_contacts)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
