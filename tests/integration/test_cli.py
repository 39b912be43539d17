#!/usr/bin/env python3
"""Integration tests of the rodzina command line: help, version, usage
errors (one line, exit 2), init on a new, an existing and a too-new
database. Usage: test_cli.py BINARY"""
import os
import subprocess
import sys

from harness import PG, Runner, check, cleanup, make_db, sql, sql_one, sqlite_only


def run(binary, *args, stdin=None):
    p = subprocess.run([binary, *args], capture_output=True, text=True,
                       input=stdin, timeout=60)
    return p.returncode, p.stdout, p.stderr


def main():
    b = sys.argv[1]
    t = Runner('cli')

    def help_and_version():
        rc, out, _ = run(b, '--help')
        check(rc == 0 and 'usage: rodzina COMMAND' in out, out)
        for cmd in ('init', 'serve'):
            check(f'  {cmd} ' in out, cmd)
        rc, out, _ = run(b, '--version')
        check(rc == 0 and out.startswith('rodzina '), out)
        for cmd in ('init', 'serve'):
            rc, out, _ = run(b, cmd, '--help')
            check(rc == 0 and out.startswith(f'usage: rodzina {cmd}'), out)

    def usage_errors_are_one_line_and_exit_2():
        cases = [(), ('frobnicate',), ('init', '--nope'),
                 ('init', '--db'), ('serve', '--threads', 'x'),
                 ('serve', 'extra'), ('init', '--demo=1')]
        for args in cases:
            rc, out, err = run(b, *args)
            check(rc == 2, f'{args}: exit {rc}')
            check(len(err.strip().splitlines()) == 1, f'{args}: {err!r}')
            check(err.startswith('rodzina'), err)

    def init_creates_and_is_repeatable():
        d, db = make_db(b, demo=False)
        try:
            rc, out, err = run(b, 'init', '--db', db, '--demo')
            check(rc == 0, err)
            check('16 voivodeships, 380 powiats, 2477 gminas' in out, out)
            rc, out, err = run(b, 'init', '--db', db, '--demo')
            check(rc == 0, err)
            n = sql_one(db, 'SELECT count(*) FROM gmina')
            r = sql_one(db, 'SELECT count(*) FROM region')
            check(n == 2477 and r == 2, (n, r))
            if not PG:  # the file's journal; PostgreSQL keeps its own
                mode = sql_one(db, 'PRAGMA journal_mode')
                check(mode == 'wal', mode)
        finally:
            cleanup(d)

    @sqlite_only('the schema version is the file\'s PRAGMA user_version')
    def newer_database_is_refused():
        d, db = make_db(b, demo=False)
        try:
            sql(db, 'PRAGMA user_version = 999')
            for cmd in ('init', 'serve'):
                rc, out, err = run(b, cmd, '--db', db)
                check(rc == 1, f'{cmd}: exit {rc}')
                check('newer than this program' in err, err)
        finally:
            cleanup(d)

    def serve_refuses_bad_listen_address():
        d, db = make_db(b, demo=False)
        try:
            rc, _, err = run(b, 'serve', '--db', db, '--listen', 'nowhere')
            check(rc == 1 and 'bad listen address' in err, err)
        finally:
            cleanup(d)

    for fn in (help_and_version, usage_errors_are_one_line_and_exit_2,
               init_creates_and_is_repeatable, newer_database_is_refused,
               serve_refuses_bad_listen_address):
        t.run(fn)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
