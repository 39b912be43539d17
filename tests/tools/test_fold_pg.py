#!/usr/bin/env python3
"""PostgreSQL's fold() (migration 0001's twin) returns what the program's
str_fold() returns, on every name of data/teryt/ (units, localities, postal
towns) and on a list of tricky strings. The C side is BUILD/tests/fold_lines.
PostgreSQL: $RODZINA_TEST_PG or a private cluster (see
check_schema_dialects.py). Prints `ok NAME` or `not ok NAME: why`.
Usage: test_fold_pg.py [BUILD]  (default build-test)"""
import csv
import glob
import gzip
import io
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_schema_dialects as checker  # noqa: E402

TRICKY = [
    'ł Ł ż Ż ź Ź ś Ś ć Ć ń Ń ó Ó ę Ę ą Ą', 'ß ẞ é É ü Ü æ Æ œ Œ ø Ø þ Þ ð Ð',
    '„cudzysłów” «francuski» ‹x› "ascii" \'apostrof\' ’s',
    'pół–pół — myślnik ‐ ‑ ‒ … • ‰ ′ ″ ⁄ ⁊', 'dwie  spacje   i\ttab',
    '  spacje wokół  ', '...kropki...', '-- myślniki --', '', ' ', '!!!',
    'ul. 3 Maja 12a/4', '0401011 g0401011 p0401 w04', '½ ¼ ² ³ µ ° ± × ÷',
    'Київ', 'Москва Ёлка', 'Αθήνα ΑΘΉΝΑ', '東京', 'עברית', 'العربية',
    'emoji 😀 tu', 'x\u00a0nbsp\u00a0y', 'soft\u00adhyphen', 'zero\u200bwidth',
    'e\u0301 combining', 'Ǆ ǅ ǆ ſ ĸ ŉ Ŀ ŀ Ĳ ĳ', 'ÀÁÂÃÄÅ àáâãäåÿ',
    'Ǎ ǎ Ș ș Ț ț Ơ ơ ƒ', '℃ ™ № ℮', 'a\u2070b\u206fc\u2000d', 'ABC xyz 789',
    '\u0080\u009f\u00bf\u00c0\u00d7\u00f7\u017f\u0180',
    'Brzęczyszczykiewicz Chrząszczyrzewoszyce', 'Łęknica–Żary (gm.)',
]


def teryt_names():
    names = set()
    for path in glob.glob(os.path.join(checker.TOP, 'data', 'teryt', '*.csv*')):
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8') as f:
            text = f.read()
        delim = ';' if text.split('\n', 1)[0].count(';') else ','
        for row in csv.reader(io.StringIO(text), delimiter=delim):
            names.update(c for c in row if any(ch.isalpha() for ch in c))
    return sorted(names)


def pg_fold(dsn, lines):
    data = io.StringIO()
    w = csv.writer(data, lineterminator='\n')
    for i, s in enumerate(lines):
        w.writerow([i, s])
    script = ('CREATE TEMP TABLE t (n bigint, s text);\n'
              'COPY t FROM STDIN WITH (FORMAT csv);\n' + data.getvalue() +
              '\\.\nSELECT fold(s) FROM t ORDER BY n;\n')
    ok, out = checker.psql(dsn, path='-', stdin=script)
    if not ok:
        raise RuntimeError(out)
    return out.split('\n')[:len(lines)]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else 'build-test'
    helper = os.path.join(build, 'tests', 'fold_lines')
    if not os.access(helper, os.X_OK):
        print('not ok fold_pg: no %s (build with tests enabled)' % helper)
        return 1
    cases = {'teryt': teryt_names(), 'tricky': TRICKY}
    failed = 0
    try:
        with checker.pg_server() as server, \
                checker.fresh_db(server, 'fold_pg_%d' % os.getpid()) as dsn:
            ok, err = checker.psql(dsn, path=os.path.join(
                checker.TOP, 'src', 'teryt', 'migrations', 'pg',
                '0001_teryt.sql'))
            if not ok:
                raise RuntimeError(err)
            for name, lines in cases.items():
                c = subprocess.run([helper], input='\n'.join(lines) + '\n',
                                   capture_output=True, text=True,
                                   check=True).stdout.split('\n')[:len(lines)]
                p = pg_fold(dsn, lines)
                bad = [(s, a, b) for s, a, b in zip(lines, c, p) if a != b]
                if bad or len(p) != len(lines):
                    failed += 1
                    print('not ok fold_pg.%s: %d of %d differ, e.g. %r: C %r, '
                          'PostgreSQL %r' % ((name, len(bad), len(lines)) +
                                             (bad[0] if bad else ('', '', ''))))
                else:
                    print('ok fold_pg.%s (%d strings)' % (name, len(lines)))
    except RuntimeError as e:
        print('not ok fold_pg: %s' % e)
        return 1
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
