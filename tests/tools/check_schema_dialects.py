#!/usr/bin/env python3
"""Both dialects of the schema define the same tables and columns (issue 14).

Every SQLite migration src/<module>/migrations/NNNN_name.sql has a
PostgreSQL twin src/<module>/migrations/pg/NNNN_name.sql and the other way
round. The SQLite ones are applied in number order to an in-memory database
(with stand-ins for the program's fold() and pl collation: the tables are
empty), the PostgreSQL ones in number order, each in one transaction as the
engine runs them, to a fresh database of a PostgreSQL server:
$RODZINA_TEST_PG (a server's DSN) when set, else a private cluster started
with tests/pg/cluster.sh in a temporary folder and stopped after.

Then per table: the same columns, the same NOT NULL-ness (a primary key
column counts as NOT NULL on both sides) and the same type family (integer,
text, real, blob). Allowed differences, each documented in the migration:
SQLite's FTS5 shadow tables and sqlite_* are not compared; a table read by
SQLite's implicit rowid has an explicit `rowid` column in PostgreSQL; the
FTS5 table's twin has a `tsv` column (its words, for the GIN index).

Prints `ok schema_dialects.NAME` or `FAIL schema_dialects.NAME: why` lines.
Usage: check_schema_dialects.py [--root DIR] [BUILD_DIR]  (BUILD_DIR unused)
"""
import argparse
import contextlib
import glob
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import urllib.parse

TOP = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
FTS5_SHADOWS = ('_data', '_idx', '_content', '_docsize', '_config')


def migrations(root, pg):
    """{file name: path} of one dialect's migrations."""
    sub = 'migrations/pg' if pg else 'migrations'
    return {os.path.basename(p): p
            for p in glob.glob(os.path.join(root, 'src', '*', sub, '*.sql'))}


def number_order(files):
    return sorted(files, key=lambda n: (int(n.split('_')[0]), n))


def family_sqlite(decl):
    """SQLite's affinity rules, as family names."""
    d = decl.upper()
    if 'INT' in d:
        return 'integer'
    if any(k in d for k in ('CHAR', 'CLOB', 'TEXT')):
        return 'text'
    if d == '' or 'BLOB' in d:
        return 'blob'
    if any(k in d for k in ('REAL', 'FLOA', 'DOUB')):
        return 'real'
    return 'numeric'


def family_pg(data_type):
    return {'bigint': 'integer', 'integer': 'integer', 'smallint': 'integer',
            'text': 'text', 'character varying': 'text',
            'real': 'real', 'double precision': 'real',
            'bytea': 'blob'}.get(data_type, data_type)


def fold_stand_in(s):
    # Enough to load the migrations, which fold no rows on an empty schema.
    return None if s is None else ' '.join(re.findall(r'[a-z0-9]+', s.lower()))


def sqlite_schema(root, out):
    """{table: {column: (family, notnull)}} and {table: 'fts5'|'rowid'|''}."""
    con = sqlite3.connect(':memory:')
    con.create_function('fold', 1, fold_stand_in, deterministic=True)
    con.create_collation('pl', lambda a, b: (a > b) - (a < b))
    files = migrations(root, False)
    for name in number_order(files):
        try:
            with open(files[name], encoding='utf-8') as f:
                con.executescript('BEGIN;' + f.read() + '\nCOMMIT;')
            out.append(('sqlite.' + name[:-4], None))
        except sqlite3.Error as e:
            out.append(('sqlite.' + name[:-4], str(e)))
            return None, None
    rows = con.execute("SELECT name, sql FROM sqlite_master WHERE type = "
                       "'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    sqls = dict(rows.fetchall())
    fts = [t for t, sql in sqls.items() if re.search(r'USING\s+fts5', sql or '',
                                                     re.I)]
    tables, kinds = {}, {}
    for t, sql in sqls.items():
        if any(t == v + s for v in fts for s in FTS5_SHADOWS):
            continue
        cols = {}
        for _, col, decl, notnull, _, pk in con.execute(
                'PRAGMA table_info("%s")' % t):
            fam = 'text' if t in fts else family_sqlite(decl)
            cols[col] = (fam, bool(notnull or pk))
        tables[t] = cols
        kinds[t] = ('fts5' if t in fts else
                    '' if re.search(r'WITHOUT\s+ROWID', sql, re.I) else 'rowid')
    return tables, kinds


def psql_bin():
    found = shutil.which('psql')
    if found:
        return found
    bins = sorted(glob.glob('/usr/lib/postgresql/*/bin/psql'))
    return bins[-1] if bins else None


def psql(dsn, sql=None, path=None, stdin=None):
    """Run psql on dsn (one transaction with -1); (ok, stdout or error)."""
    cmd = [psql_bin(), '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
           '-d', dsn]
    if sql is not None:
        cmd += ['-c', sql]
    if path is not None:
        cmd += ['-1', '-f', path]
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True)
    return p.returncode == 0, p.stdout if p.returncode == 0 else p.stderr


def with_db(dsn, db):
    u = urllib.parse.urlsplit(dsn)
    return urllib.parse.urlunsplit(u._replace(path='/' + db))


@contextlib.contextmanager
def pg_server():
    """The DSN of a PostgreSQL server: $RODZINA_TEST_PG or a private one.
    Raises RuntimeError with the reason when there is none."""
    if os.environ.get('RODZINA_TEST_PG'):
        yield os.environ['RODZINA_TEST_PG']
        return
    if psql_bin() is None:
        raise RuntimeError('PostgreSQL is not installed (make test installs '
                           'it; or set RODZINA_TEST_PG)')
    tmp = tempfile.mkdtemp(prefix='rodzina-pg-')
    cluster = os.path.join(TOP, 'tests', 'pg', 'cluster.sh')
    try:
        p = subprocess.run(['sh', cluster, 'start', tmp], capture_output=True,
                           text=True)
        if p.returncode != 0:
            raise RuntimeError('cannot start a cluster: ' + p.stderr.strip())
        try:
            yield p.stdout.strip()
        finally:
            subprocess.run(['sh', cluster, 'stop', tmp], capture_output=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def fresh_db(server, name):
    """A new empty database on the server, dropped after."""
    ok, err = psql(server, 'CREATE DATABASE %s' % name)
    if not ok:
        raise RuntimeError('CREATE DATABASE: ' + err.strip())
    try:
        yield with_db(server, name)
    finally:
        psql(server, 'DROP DATABASE IF EXISTS %s' % name)


def pg_schema(root, dsn, out):
    files = migrations(root, True)
    for name in number_order(files):
        ok, err = psql(dsn, path=files[name])
        out.append(('pg.' + name[:-4], None if ok else err.strip()))
        if not ok:
            return None
    ok, rows = psql(dsn, "SELECT c.table_name, c.column_name, c.data_type,"
                    " c.is_nullable FROM information_schema.columns c"
                    " JOIN information_schema.tables t USING (table_schema,"
                    " table_name) WHERE c.table_schema = 'public'"
                    " AND t.table_type = 'BASE TABLE'")
    if not ok:
        raise RuntimeError(rows)
    tables = {}
    for line in rows.splitlines():
        t, col, typ, nullable = line.split('|')
        tables.setdefault(t, {})[col] = (family_pg(typ), nullable == 'NO')
    return tables


def compare(lite, kinds, pg):
    """[(name, None or why)] per table of either side."""
    res = []
    for t in sorted(set(lite) | set(pg)):
        if t not in pg:
            res.append(('table.' + t, 'missing in PostgreSQL'))
            continue
        if t not in lite:
            res.append(('table.' + t, 'missing in SQLite'))
            continue
        extra_ok = {'rowid'} if kinds[t] in ('rowid', 'fts5') else set()
        if kinds[t] == 'fts5':
            extra_ok.add('tsv')
        why = []
        for c in lite[t]:
            if c not in pg[t]:
                why.append('column %s missing in PostgreSQL' % c)
            elif lite[t][c][0] != pg[t][c][0]:
                why.append('column %s is %s in SQLite, %s in PostgreSQL'
                           % (c, lite[t][c][0], pg[t][c][0]))
            elif lite[t][c][1] != pg[t][c][1]:
                why.append('column %s is NOT NULL in %s only' % (
                    c, 'SQLite' if lite[t][c][1] else 'PostgreSQL'))
        for c in pg[t]:
            if c not in lite[t] and c not in extra_ok:
                why.append('column %s missing in SQLite' % c)
        res.append(('table.' + t, '; '.join(why) or None))
    return res


def check(root):
    """[(name, None or why)] of the whole check."""
    res = []
    lite_files, pg_files = migrations(root, False), migrations(root, True)
    twins = [n for n in number_order(lite_files) if n not in pg_files]
    twins += ['pg/' + n for n in number_order(pg_files)
              if n not in lite_files]
    res.append(('twins', 'no twin: ' + ', '.join(twins) if twins else None))
    lite, kinds = sqlite_schema(root, res)
    try:
        with pg_server() as server, \
                fresh_db(server, 'schema_dialects_%d' % os.getpid()) as dsn:
            pg = pg_schema(root, dsn, res)
    except RuntimeError as e:
        res.append(('postgresql', str(e)))
        return res
    if lite is not None and pg is not None:
        res += compare(lite, kinds, pg)
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--root', default=TOP)
    ap.add_argument('build', nargs='?')
    args = ap.parse_args()
    failed = 0
    for name, why in check(args.root):
        if why is None:
            print('ok schema_dialects.' + name)
        else:
            print('FAIL schema_dialects.%s: %s' % (name, why))
            failed += 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
