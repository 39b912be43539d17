#!/usr/bin/env python3
"""Integration tests of the database files the server opens (issue 11,
finding 10): a WAL companion (-shm, -wal) or the database itself that the
server's account cannot write stops `rodzina serve` at start with a message
naming the file, instead of a server that maps the -shm read-only, fails
every write (or dies of SIGBUS). As root the server runs as `nobody` with
the files owned by root; otherwise the files are made mode 0444.
Usage: test_ops_store.py BINARY"""
import os
import pwd
import shutil
import subprocess
import sys
import tempfile

from harness import Runner, check, cleanup, make_db, sqlite_only
from ops_common import Serve, add_user, logged_in, rodzina


def main():
    binary = os.path.abspath(sys.argv[1])
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'anal', 'analyst')
    if rc != 0:
        print(f'FAIL setup: user anal: {err}')
        return 1
    t = Runner('ops_store')
    root = os.geteuid() == 0
    nobody = pwd.getpwnam('nobody') if root else None
    share = tempfile.mkdtemp(prefix='rodzina-store-')
    os.chmod(share, 0o777)
    mydb = os.path.join(share, 'store.db')
    args = ['--user', 'nobody'] if root else []

    def fresh_copy():
        for suffix in ('', '-wal', '-shm'):
            if os.path.exists(mydb + suffix):
                os.unlink(mydb + suffix)
        rc, _, err = rodzina(binary, 'backup', mydb, '--db', db)
        check(rc == 0, err)
        if root:
            os.chown(mydb, nobody.pw_uid, nobody.pw_gid)

    def not_writable(path):
        if not os.path.exists(path):
            open(path, 'wb').close()
        if root:
            os.chown(path, 0, 0)
        os.chmod(path, 0o444)

    def refused(name):
        """serve must stop by itself, status 1, naming the file."""
        e = dict(os.environ, RODZINA_CONFIG='')
        p = subprocess.Popen([binary, 'serve', '--db', mydb, '--listen',
                              '127.0.0.1:0'] + args, env=e, text=True,
                             stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
        try:
            _, err = p.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            p.kill()
            _, err = p.communicate()
            raise AssertionError('serve did not stop by itself: ' + err)
        rc = p.returncode
        check(rc == 1, (rc, err))
        check(name in err and 'writ' in err, err)
        check('listening on' not in err, err)
        check('SIGBUS' not in err and 'AddressSanitizer' not in err, err)

    @sqlite_only('a read-only SQLite -shm file')
    def read_only_shm_refuses_start():
        fresh_copy()
        not_writable(mydb + '-shm')
        refused(os.path.basename(mydb) + '-shm')

    @sqlite_only('a read-only SQLite -wal file')
    def read_only_wal_refuses_start():
        fresh_copy()
        not_writable(mydb + '-wal')
        refused(os.path.basename(mydb) + '-wal')

    @sqlite_only('a read-only SQLite file')
    def read_only_database_refuses_start():
        fresh_copy()
        not_writable(mydb)
        refused(mydb)

    @sqlite_only('SQLite files owned by the serving user')
    def writable_files_serve_and_write():
        fresh_copy()
        for suffix in ('-wal', '-shm'):
            open(mydb + suffix, 'wb').close()
            if root:
                os.chown(mydb + suffix, nobody.pw_uid, nobody.pw_gid)
        s = Serve(binary, mydb, args=args)
        try:
            c = logged_in(s, 'anal')  # a login is a write
            check(c.request('GET', '/plany')[0] == 200, 'serving')
        finally:
            rc = s.stop()
        check(rc == 0, rc)

    for fn in (read_only_shm_refuses_start, read_only_wal_refuses_start,
               read_only_database_refuses_start,
               writable_files_serve_and_write):
        t.run(fn)
    shutil.rmtree(share, ignore_errors=True)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
