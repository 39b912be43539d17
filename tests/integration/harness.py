"""Shared helpers for the integration tests: a demo database, a real
`rodzina serve` on a free loopback port, plain HTTP over sockets, SQL on the
test database, and a tiny test runner that prints `ok NAME` /
`FAIL NAME: why` and a summary.

With RODZINA_TEST_PG set to a cluster's superuser DSN (tests/run-all starts
one), every database is a fresh PostgreSQL database of that cluster instead
of a SQLite file, and the suites are named `pg_NAME`."""
import fcntl
import http.client
import itertools
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse


class Server:
    """rodzina serve on 127.0.0.1:0; stderr is collected for log checks."""

    def __init__(self, binary, db, args=()):
        self.binary, self.db = binary, db
        self.proc = subprocess.Popen(
            [binary, 'serve', '--db', db, '--listen', '127.0.0.1:0'] +
            list(args),
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        self.lines = []
        self.port = None
        ready = threading.Event()

        def reader():
            for raw in self.proc.stderr:
                line = raw.decode('utf-8', 'replace').rstrip('\n')
                self.lines.append(line)
                m = re.search(r'listening on http://127\.0\.0\.1:(\d+)/', line)
                if m:
                    self.port = int(m.group(1))
                    ready.set()
            ready.set()

        self.thread = threading.Thread(target=reader, daemon=True)
        self.thread.start()
        if not ready.wait(20) or self.port is None:
            self.proc.kill()
            raise RuntimeError('server did not start: ' + '\n'.join(self.lines))

    def log(self):
        time.sleep(0.05)  # the access line is written after the response
        return '\n'.join(self.lines)

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection('127.0.0.1', self.port, timeout=10)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def get(self, path, headers=None):
        return self.request('GET', path, headers=headers)

    def raw(self, data, read_timeout=5):
        s = socket.create_connection(('127.0.0.1', self.port), timeout=read_timeout)
        s.sendall(data)
        out = b''
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except socket.timeout:
            pass
        s.close()
        return out

    def stop(self, sig=signal.SIGTERM, timeout=15):
        self.proc.send_signal(sig)
        rc = self.proc.wait(timeout)
        self.thread.join(5)
        return rc


PG = os.environ.get('RODZINA_TEST_PG', '')
PSQL = next((p for p in ('/usr/lib/postgresql/15/bin/psql',
                         shutil.which('psql')) if p and os.path.exists(p)),
            'psql')
_made = {}  # temporary folder -> PostgreSQL databases made for it
_serial = itertools.count()


def _dsn(name):
    """The cluster's DSN with its database replaced by name."""
    return urllib.parse.urlsplit(PG)._replace(path='/' + name).geturl()


def _init(binary, db, demo):
    args = [binary, 'init', '--db', db] + (['--demo'] if demo else [])
    p = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        raise RuntimeError(f'{" ".join(args)}: exit {p.returncode}: '
                           f'{p.stderr[-500:]}')


def _template(binary, demo):
    """A database initialised once per cluster and binary, copied by
    CREATE DATABASE ... TEMPLATE: init --demo is slow on PostgreSQL. The lock
    and stamp files live in the cluster's folder (RODZINA_TEST_PG_DIR)."""
    name = 'rodzina_tpl_' + ('demo' if demo else 'empty')
    folder = os.environ.get('RODZINA_TEST_PG_DIR') or tempfile.gettempdir()
    tag = re.sub(r'\W', '_', PG)
    st = os.stat(binary)
    stamp = f'{os.path.abspath(binary)} {st.st_size} {st.st_mtime_ns}'
    path = os.path.join(folder, f'{name}-{tag}')
    with open(path + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        have = open(path).read() if os.path.exists(path) else ''
        if have != stamp or not sql_one(
                PG, 'SELECT count(*) FROM pg_database WHERE datname = ?',
                (name,)):
            sql(PG, f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
            sql(PG, f'CREATE DATABASE {name}')
            _init(binary, _dsn(name), demo)
            with open(path, 'w') as f:
                f.write(stamp)
    return name


def new_db(d, name, binary=None, demo=False):
    """A database of its own for a test: a file d/name.db, or on PostgreSQL
    the DSN of a new database dropped by cleanup(d). Initialised by
    `rodzina init` when binary is given, else left empty."""
    if not PG:
        db = os.path.join(d, name + '.db')
        if binary:
            _init(binary, db, demo)
        return db
    _made.setdefault(d, [])
    pgname = f'rt_{os.getpid()}_{next(_serial)}'
    tpl = f' TEMPLATE {_template(binary, demo)}' if binary else ''
    sql(PG, f'CREATE DATABASE {pgname}{tpl}')
    _made[d].append(pgname)
    return _dsn(pgname)


def sqlite_demo(d, name, binary):
    """A SQLite demo database d/name.db whatever the pass: the twin a
    PostgreSQL test compares its answers with."""
    db = os.path.join(d, name + '.db')
    _init(binary, db, True)
    return db


def free_port():
    """A loopback port free at the moment of asking."""
    s = socket.socket()
    s.bind(('127.0.0.1', 0))
    port = s.getsockname()[1]
    s.close()
    return port


def make_db(binary, demo=True):
    d = tempfile.mkdtemp(prefix='rodzina-it-')
    return d, new_db(d, 'test', binary, demo)


class SqlError(Exception):
    """A statement the database refused (sqlite3 or psql's message)."""


def _literal(v):
    if v is None:
        return 'NULL'
    if isinstance(v, (bool, int, float)):
        return str(int(v) if isinstance(v, bool) else v)
    if isinstance(v, bytes):
        return f"'\\x{v.hex()}'::bytea"
    if '\0' in str(v):
        raise ValueError('PostgreSQL text cannot hold NUL')
    return "'" + str(v).replace("'", "''") + "'"


def _bind(query, params):
    """Each ? outside quotes and comments becomes its parameter as a quoted
    literal: psql has no binding, and a value never becomes SQL text."""
    out, values, i = [], list(params), 0
    while i < len(query):
        ch = query[i]
        if ch in '\'"':
            j = query.index(ch, i + 1)
            while query[j + 1:j + 2] == ch:  # a doubled quote
                j = query.index(ch, j + 2)
            out.append(query[i:j + 1])
            i = j + 1
            continue
        if query.startswith('--', i):
            j = query.find('\n', i)
            j = len(query) if j < 0 else j
            out.append(query[i:j])
            i = j
            continue
        if ch == '?' and not values:
            raise ValueError('fewer parameters than ? in ' + query)
        out.append(_literal(values.pop(0)) if ch == '?' else ch)
        i += 1
    if values:
        raise ValueError('more parameters than ? in ' + query)
    return ''.join(out)


def sql(db, query, params=()):
    """Runs one statement (placeholders `?`) on the test database, commits,
    and returns its rows as a list of tuples, as sqlite3's fetchall would.
    On PostgreSQL psql returns the rows as JSON, so integers come back as
    int, text as str, NULL as None, booleans as True/False (== 1/0),
    numeric as int or float and json columns parsed; timestamps and bytea
    come back as their text. Write the SQL in the spelling both dialects accept (coalesce,
    single-quoted strings, CASE WHEN). Raises SqlError when refused."""
    if not db.startswith('postgresql://'):
        con = sqlite3.connect(db)
        con.execute('PRAGMA foreign_keys = ON')  # as the server and PG do
        try:
            with con:
                return con.execute(query, params).fetchall()
        except sqlite3.DatabaseError as e:
            raise SqlError(str(e)) from e
        finally:
            con.close()
    stmt = _bind(query.strip().rstrip(';'), params)
    rows = re.match(r'(?is)\s*(select|with|values|table)\b', stmt) or \
        re.search(r'(?i)\breturning\b', stmt)
    if rows:  # each row as a JSON array of its values, in column order
        stmt = (f'WITH q AS ({stmt}) SELECT coalesce(json_agg((SELECT '
                f"json_agg(value) FROM json_each(row_to_json(q)))), '[]') "
                f'FROM q')
    p = subprocess.run([PSQL, '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
                        '-d', db, '-c', stmt], capture_output=True, text=True,
                       env=dict(os.environ, PGCLIENTENCODING='UTF8'))
    if p.returncode != 0:
        raise SqlError(p.stderr.strip())
    if not rows:
        return []
    return [tuple(r) for r in json.loads(p.stdout)]


def sql_one(db, query, params=()):
    """The first column of the first row, or None without rows."""
    r = sql(db, query, params)
    return r[0][0] if r else None


def sqlite_only(reason):
    """Marks a test about the SQLite file itself (WAL, file copies,
    permissions): on PostgreSQL the Runner reports it as skipped."""
    def mark(fn):
        fn.sqlite_only = reason
        return fn
    return mark


class Runner:
    def __init__(self, suite):
        self.suite = ('pg_' if PG else '') + suite
        self.passed, self.failed, self.skipped = 0, 0, 0

    def run(self, fn, *args):
        name = fn.__name__
        if PG and getattr(fn, 'sqlite_only', None):
            self.skip(name, fn.sqlite_only)
            return
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - report every failure
            self.failed += 1
            print(f'FAIL {self.suite}.{name}: {e!r}')
            traceback.print_exc(limit=3, file=sys.stdout)
        else:
            self.passed += 1
            print(f'ok {self.suite}.{name}')

    def skip(self, name, reason):
        """A test that does not apply here, counted and visible."""
        self.skipped += 1
        print(f'ok {self.suite}.{name} # SKIP {reason}')

    def finish(self):
        print(f'{self.suite}: {self.passed} passed, {self.failed} failed'
              + (f', {self.skipped} skipped' if self.skipped else ''))
        return 1 if self.failed else 0


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def cleanup(d):
    """Removes the folder and drops the databases made for it."""
    for name in _made.pop(d, []):
        sql(PG, f'DROP DATABASE IF EXISTS {name} WITH (FORCE)')
    shutil.rmtree(d, ignore_errors=True)
