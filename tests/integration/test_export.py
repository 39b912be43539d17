#!/usr/bin/env python3
"""Integration tests of `rodzina export plan` (issue 3) with the real
binary: the demo's seed 001 exported as XLSX, CSV and JSON; the XLSX read
by `check --json` (same totals as the seed: 500 000,00 zł) and imported
again (the new id alone on the last line); a missing plan and bad
arguments. Usage: test_export.py BINARY"""
import json
import os
import subprocess
import sys
import zipfile

from harness import Runner, check, cleanup, make_db

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                     'data', 'seeds')


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


def main():
    b = sys.argv[1]
    t = Runner('export')
    d, db = make_db(b)
    x = os.path.join(d, 'x.xlsx')

    def xlsx_export_reads_and_imports_back():
        rc, out, err = run(b, 'export', 'plan', '1', '--format', 'xlsx',
                           '-o', x, '--db', db)
        check(rc == 0, err)
        with zipfile.ZipFile(x) as z:
            names = z.namelist()
            sheet = z.read('xl/worksheets/sheet1.xml').decode('utf-8')
        check('xl/workbook.xml' in names, names)
        check('<f>SUM(C5:C43)</f><v>500000</v>' in sheet, 'total formula')
        rc, out, err = run(b, 'check', x, '--json')
        check(rc == 0, err)
        j = json.loads(out)
        check(j['totals']['total_grosze'] == 50000000, j['totals'])
        check(len(j['goals']) == 3 and len(j['actions']) == 25,
              (len(j['goals']), len(j['actions'])))
        rc, seed, _ = run(b, 'check', os.path.join(
            SEEDS, '001_bcc9bc9c7ab7a335.txt'), '--json')
        s = json.loads(seed)
        check(j['totals'] == s['totals'], (j['totals'], s['totals']))
        check(len(j['tasks']) == len(s['tasks']) and
              len(j['indicators']) == len(s['indicators']), 'counts')
        rc, out, err = run(b, 'import', 'plan', x, '--region', '04',
                           '--db', db)
        check(rc == 0, err)
        new_id = out.strip().splitlines()[-1]
        check(new_id.isdigit() and int(new_id) > 4, out)
        # the re-imported plan exports to the same CSV as the original
        rc1, a, _ = run(b, 'export', 'plan', '1', '--format', 'csv',
                        '--db', db)
        rc2, c, _ = run(b, 'export', 'plan', new_id, '--format', 'csv',
                        '--db', db)
        check(rc1 == 0 and rc2 == 0 and a == c, 'csv of copy differs')

    def csv_and_json_exports():
        out_csv = os.path.join(d, 'p2.csv')
        rc, out, err = run(b, 'export', 'plan', '2', '--format', 'csv',
                           '-o', out_csv, '--db', db)
        check(rc == 0 and out == '', err)
        data = open(out_csv, 'rb').read()
        check(data.startswith(b'\xef\xbb\xbf'), data[:10])
        text = data.decode('utf-8-sig')
        check(';SUMA;5 295 000,00;1 560 000,00;3 735 000,00;' in text,
              'SUMA row')
        rc, out, err = run(b, 'check', out_csv, '--json')
        j = json.loads(out)
        check(j['totals']['total_grosze'] == 529500000, j['totals'])
        rc, out, err = run(b, 'export', 'plan', '2', '--format', 'json',
                           '--db', db)
        check(rc == 0, err)
        j = json.loads(out)
        check(j['totals']['total_grosze'] == 529500000 and
              len(j['tasks']) == 18, j['totals'])

    def missing_plan_is_exit_1():
        rc, out, err = run(b, 'export', 'plan', '999', '--format', 'xlsx',
                           '-o', os.path.join(d, 'none.xlsx'), '--db', db)
        check(rc == 1, rc)
        check(err.strip() == f'rodzina export: no plan 999 in {db}', err)
        check(not os.path.exists(os.path.join(d, 'none.xlsx')), 'file made')

    def usage_errors_are_exit_2():
        for args in (('--format', 'pdf'), ('--format', 'XLSX'), (),
                     ('--nope',)):
            rc, out, err = run(b, 'export', 'plan', '1', *args, '--db', db)
            check(rc == 2, (args, rc))
            check(len(err.strip().splitlines()) == 1, err)
        rc, _, err = run(b, 'export', 'plan', 'abc', '--format', 'csv',
                         '--db', db)
        check(rc == 2, err)
        rc, _, err = run(b, 'export', 'report', '1', '--format', 'csv',
                         '--db', db)
        check(rc == 2, err)
        rc, out, _ = run(b, 'export', '--help')
        check(rc == 0 and out.startswith('usage: rodzina export plan'), out)

    try:
        t.run(xlsx_export_reads_and_imports_back)
        t.run(csv_and_json_exports)
        t.run(missing_plan_is_exit_1)
        t.run(usage_errors_are_exit_2)
    finally:
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
