#!/usr/bin/env python3
"""The PostgreSQL engine itself (issue 14), in the pg loop: a database that
sorts text by a locale is refused with the command that makes a right one;
a server that cannot be reached is one line that names no password;
a schema newer than the program is refused as on SQLite; a password in
the URI never reaches serve's log nor `rodzina config`; every catalogue
query prepares (serve logs no `store: query` failure). On SQLite each test
is reported as skipped: it is about the PostgreSQL engine.
Usage: test_pg_engine.py BINARY"""
import subprocess
import sys
import urllib.parse

from harness import PG, Runner, Server, check, cleanup, make_db, sql

NOT_PG = 'about the PostgreSQL engine'


def dsn_of(name, password=None):
    u = urllib.parse.urlsplit(PG)
    netloc = u.netloc
    if password:
        user, _, host = netloc.rpartition('@')
        netloc = f'{user}:{password}@{host}'
    return u._replace(netloc=netloc, path='/' + name).geturl()


def main():
    binary = sys.argv[1]
    t = Runner('postgresql_engine')
    if not PG:
        for name in ('a_locale_sorted_database_is_refused',
                     'an_unreachable_server_is_one_clear_line',
                     'a_newer_schema_is_refused',
                     'the_password_never_reaches_the_log',
                     'every_query_prepares'):
            t.skip(name, NOT_PG)
        return t.finish()
    d, db = make_db(binary)

    def a_locale_sorted_database_is_refused():
        sql(PG, 'DROP DATABASE IF EXISTS rt_icu_en WITH (FORCE)')
        sql(PG, "CREATE DATABASE rt_icu_en TEMPLATE template0 "
                "LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'")
        try:
            p = subprocess.run([binary, 'init', '--db', dsn_of('rt_icu_en')],
                               capture_output=True, text=True)
            check(p.returncode != 0, 'accepted')
            check("sorts text by the locale 'en-US'" in p.stderr and
                  '--locale=C.UTF-8' in p.stderr, p.stderr)
            check(sql(dsn_of('rt_icu_en'),
                      "SELECT count(*) FROM pg_tables WHERE schemaname = "
                      "'public'") == [(0,)], 'tables created')
        finally:
            sql(PG, 'DROP DATABASE IF EXISTS rt_icu_en WITH (FORCE)')

    def an_unreachable_server_is_one_clear_line():
        u = urllib.parse.urlsplit(PG)
        dead = u._replace(netloc='rodzina:Tajne-9@127.0.0.1:1').geturl()
        p = subprocess.run([binary, 'init', '--db', dead],
                           capture_output=True, text=True)
        check(p.returncode != 0, 'accepted')
        lines = p.stderr.strip().splitlines()
        check(len(lines) == 1 and 'cannot connect to PostgreSQL' in lines[0]
              and 'Tajne-9' not in p.stderr, p.stderr)

    def a_newer_schema_is_refused():
        sql(db, "INSERT INTO schema_migration(number, name) VALUES "
                "(9999, '9999_future.sql')")
        try:
            p = subprocess.run([binary, 'init', '--db', db],
                               capture_output=True, text=True)
            check(p.returncode != 0 and 'newer rodzina' in p.stderr,
                  p.stderr)
        finally:
            sql(db, 'DELETE FROM schema_migration WHERE number = 9999')

    def the_password_never_reaches_the_log():
        # The test cluster trusts loopback, so any password connects.
        name = urllib.parse.urlsplit(db).path.lstrip('/')
        secret = 'Tajne-Haslo-42'
        srv = Server(binary, dsn_of(name, secret))
        try:
            check(srv.get('/healthz')[0] == 200, 'health')
            log = srv.log()
            check(':***@' in log and secret not in log, log[-500:])
        finally:
            srv.stop()
        out = subprocess.run([binary, 'config', '--db',
                              dsn_of(name, secret)],
                             capture_output=True, text=True).stdout
        check(secret not in out and ':***@' in out, out)

    def every_query_prepares():
        srv = Server(binary, db)
        try:
            check(srv.get('/healthz')[0] == 200, 'health')
            log = srv.log()
            check('store: query' not in log, log[-2000:])
        finally:
            srv.stop()

    for fn in (a_locale_sorted_database_is_refused,
               an_unreachable_server_is_one_clear_line, a_newer_schema_is_refused,
               the_password_never_reaches_the_log, every_query_prepares):
        t.run(fn)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
