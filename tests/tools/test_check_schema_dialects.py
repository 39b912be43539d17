#!/usr/bin/env python3
"""Self-test of check_schema_dialects.py: the migrations of this tree pass,
and a copy of them with one PostgreSQL migration broken fails the check,
naming the table and column (a missing column, a missing table, a missing
twin, NOT NULL-ness, type family, a migration that does not apply). One
PostgreSQL server serves every case ($RODZINA_TEST_PG or a private one).
Prints `ok NAME` or `not ok NAME: why` per case.
Usage: test_check_schema_dialects.py [BUILD]  (BUILD unused)"""
import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_schema_dialects as checker  # noqa: E402

PG = 'src/%s/migrations/pg/%s'
CASES = [
    # name, module, file, text to replace, replacement, expected line
    ('missing_column', 'ops', '0040_ops_backup.sql',
     '    file       TEXT NOT NULL,           -- absolute path of the copy\n',
     '', 'FAIL schema_dialects.table.ops_backup: column file missing in '
     'PostgreSQL'),
    # A table no later migration names (0038's triggers name task_narrative).
    ('missing_table', 'monitoring', '0036_reporting_periods.sql',
     'CREATE TABLE reporting_period (', 'CREATE TABLE reporting_story (',
     'FAIL schema_dialects.table.reporting_period: missing in PostgreSQL'),
    ('extra_column', 'region', '0002_regions.sql',
     '    enabled BIGINT', '    extra TEXT,\n    enabled BIGINT',
     'FAIL schema_dialects.table.region: column extra missing in SQLite'),
    ('not_null', 'ops', '0040_ops_backup.sql',
     'bytes      BIGINT NOT NULL', 'bytes      BIGINT',
     'FAIL schema_dialects.table.ops_backup: column bytes is NOT NULL in '
     'SQLite only'),
    ('type_family', 'ops', '0040_ops_backup.sql',
     'schema_version BIGINT', 'schema_version TEXT',
     'FAIL schema_dialects.table.ops_backup: column schema_version is '
     'integer in SQLite, text in PostgreSQL'),
    ('does_not_apply', 'plan', '0007_plan_version.sql',
     'ADD COLUMN version', 'ADD COLUMN nosuch version',
     'FAIL schema_dialects.pg.0007_plan_version: '),
    ('missing_twin', 'plan', '0007_plan_version.sql', None, None,
     'FAIL schema_dialects.twins: no twin: 0007_plan_version.sql'),
]


def copy_tree(dst):
    src = checker.TOP
    for p in glob.glob(os.path.join(src, 'src', '*', 'migrations', '**',
                                    '*.sql'), recursive=True):
        q = os.path.join(dst, os.path.relpath(p, src))
        os.makedirs(os.path.dirname(q), exist_ok=True)
        shutil.copy(p, q)


def run(root):
    p = subprocess.run([sys.executable, checker.__file__, '--root', root],
                       capture_output=True, text=True)
    return p.returncode, p.stdout


def main():
    failed = 0

    def report(name, why):
        nonlocal failed
        if why:
            failed += 1
            print('not ok %s: %s' % (name, why))
        else:
            print('ok ' + name)

    try:
        server = checker.pg_server()
        dsn = server.__enter__()
    except RuntimeError as e:
        print('not ok schema_dialects_selftest: %s' % e)
        return 1
    os.environ['RODZINA_TEST_PG'] = dsn
    try:
        with tempfile.TemporaryDirectory() as tmp:
            copy_tree(tmp)
            rc, out = run(tmp)
            report('schema_dialects_selftest.clean',
                   None if rc == 0 and 'FAIL' not in out else out[-600:])
            for name, mod, f, old, new, expect in CASES:
                path = os.path.join(tmp, PG % (mod, f))
                with open(path, encoding='utf-8') as fh:
                    orig = fh.read()
                if old is None:
                    os.remove(path)
                else:
                    assert old in orig, (name, old)
                    with open(path, 'w', encoding='utf-8') as fh:
                        fh.write(orig.replace(old, new))
                rc, out = run(tmp)
                hit = any(line.startswith(expect) for line in out.splitlines())
                report('schema_dialects_selftest.' + name,
                       None if rc == 1 and hit else
                       'expected %r, got:\n%s' % (expect, out[-800:]))
                with open(path, 'w', encoding='utf-8') as fh:
                    fh.write(orig)
    finally:
        server.__exit__(None, None, None)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
