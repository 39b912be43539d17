#!/usr/bin/env python3
"""Self-test of the integration harness's SQL helpers (harness.sql,
sql_one, new_db, cleanup): the same statements on a SQLite file and on a
PostgreSQL database give the same rows, parameters stay values, refusals
raise SqlError. Uses RODZINA_TEST_PG when set, else starts a private
cluster with tests/pg/cluster.sh. Usage: test_harness_sql.py [BUILD]"""
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
CLUSTER = os.path.join(TOP, 'tests', 'pg', 'cluster.sh')

# Values that would break SQL built by pasting them in.
TRICKY = ["it's", '?', '-- not a comment', '"quoted"', 'zażółć ŁĄKA',
          "'); DROP TABLE t; --", 'back\\slash', 'tab\tand\nline']


def main():
    own = None
    if not os.environ.get('RODZINA_TEST_PG'):
        own = tempfile.mkdtemp(prefix='rodzina-pg-selftest-')
        os.chmod(own, 0o711)  # the server may run as nobody
        p = subprocess.run(['sh', CLUSTER, 'start', own + '/pg'],
                           capture_output=True, text=True)
        if p.returncode != 0:
            print('FAIL harness_sql: cluster did not start\n' + p.stderr)
            return 1
        os.environ['RODZINA_TEST_PG'] = p.stdout.strip()
    sys.path.insert(0, os.path.join(TOP, 'tests', 'integration'))
    import harness
    from harness import SqlError, check, sql, sql_one
    t = harness.Runner('harness_sql')
    d = tempfile.mkdtemp(prefix='rodzina-sql-')
    pg = harness.new_db(d, 'selftest')
    lite = os.path.join(d, 'selftest.db')
    both = (lite, pg)

    def same_rows_on_both_backends():
        for db in both:
            sql(db, 'CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n BIGINT,'
                ' x REAL)')
            for i, v in enumerate(TRICKY):
                sql(db, 'INSERT INTO t (id, v, n, x) VALUES (?, ?, ?, ?)',
                    (i + 1, v, i * 1000000007, i + 0.5))
            sql(db, 'INSERT INTO t (id, v, n, x) VALUES (?, ?, ?, ?)',
                (99, None, None, None))
        rows = [sql(db, "SELECT id, v, n, x, '?' FROM t ORDER BY id")
                for db in both]
        check(rows[0] == rows[1], rows)
        check([r[1] for r in rows[1][:-1]] == TRICKY, rows[1])
        check(rows[1][-1] == (99, None, None, None, '?'), rows[1][-1])
        for db in both:
            check(sql_one(db, 'SELECT count(*) FROM t WHERE v LIKE ?',
                          ('%DROP TABLE%',)) == 1, db)
            check(sql_one(db, 'SELECT v FROM t WHERE id = ?', (0,)) is None,
                  'no row is None')
            check(sql(db, "UPDATE t SET v = 'x' WHERE id = ?", (99,)) == [],
                  'a write returns no rows')
            check(sql(db, 'DELETE FROM t WHERE id = ? RETURNING id',
                      (99,)) == [(99,)], 'RETURNING gives its rows')

    def refusals_raise_sql_error():
        for db in both:
            for query, params in (('SELECT nope FROM t', ()),
                                  ('INSERT INTO t (id) VALUES (?)', (1,))):
                try:
                    sql(db, query, params)
                except SqlError:
                    pass
                else:
                    raise AssertionError(f'{db}: {query} was accepted')
        for params in ((), (1, 2)):
            try:
                sql(pg, 'SELECT ?', params)
            except ValueError:
                pass
            else:
                raise AssertionError(f'{len(params)} values for one ?')

    def cleanup_drops_the_databases_it_made():
        name = pg.rsplit('/', 1)[1]
        query = 'SELECT count(*) FROM pg_database WHERE datname = ?'
        check(sql_one(harness.PG, query, (name,)) == 1, 'made')
        harness.cleanup(d)
        check(sql_one(harness.PG, query, (name,)) == 0, 'dropped')
        check(not os.path.exists(d), 'folder left')

    for fn in (same_rows_on_both_backends, refusals_raise_sql_error,
               cleanup_drops_the_databases_it_made):
        t.run(fn)
    if own:
        subprocess.run(['sh', CLUSTER, 'stop', own + '/pg'],
                       capture_output=True)
        subprocess.run(['rm', '-rf', own])
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
