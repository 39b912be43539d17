#!/usr/bin/env python3
"""Integration tests of `rodzina export plan` (issue 3) with the real
binary: the demo's seed 001 exported as XLSX, CSV and JSON; the XLSX read
by `check --json` (same totals as the seed: 500 000,00 zł) and imported
again (the new id alone on the last line); a missing plan and bad
arguments. Issue 11, finding 5: every CSV and XLSX the product writes,
found from the route table and the CLI's help, carries text that would
start a formula only guarded by a leading '.
Usage: test_export.py BINARY"""
import csv
import datetime
import http.client
import io
import json
import os
import re
import subprocess
import sys
import zipfile

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import ROOT, SAMPLE, Client, add_user, route_table

SEEDS = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..',
                     'data', 'seeds')


def run(binary, *args):
    p = subprocess.run([binary, *args], capture_output=True, timeout=120)
    return p.returncode, p.stdout.decode('utf-8'), p.stderr.decode('utf-8')


# What an implementer or a caller might type so that a spreadsheet runs it.
HOSTILE = ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx',
           '\rx']
TRIGGERS = ('=', '+', '-', '@', '\t', '\r')
# A number the writers put as it is (amounts, counts, coordinates).
NUMBER = re.compile(r'-?\d[\d ,.]*')
# Every export route must be found by the enumeration below; a new export
# is found too and then must carry hostile data (see export_cells).
KNOWN_EXPORTS = {
    '/audyt.csv', '/rejestry/:reg/csv', '/plany/:id/eksport/:format',
    '/uslugi/hsds.zip', '/uslugi/zarzadzanie/katalog.csv',
    '/niebieska-linia/kontakty.csv', '/niebieska-linia/kontakty.xlsx',
    '/niebieska-linia/statystyki.csv', '/niebieska-linia/statystyki.xlsx',
    '/monitoring/plany/:id/raport', '/obserwatorium/dane.csv'}
SPREADSHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml'


def plant_hostile_data(db, today):
    """Hostile text into every kind of record an export reads."""
    h = HOSTILE
    for plan in (1, 2):
        for i, v in enumerate(h):
            sql(db, 'UPDATE plan_task SET description = ? WHERE '
                'plan_id = ? AND pos = ?', (v, plan, i))
            sql(db, 'UPDATE plan_indicator SET name = ? WHERE '
                'plan_id = ? AND pos = ?', (v, plan, i))
    for table, cols in (('reg_event', ('title', 'place', 'organiser', 'note')),
                        ('reg_grant', ('call', 'note')),
                        ('reg_adoption', ('centre', 'note')),
                        ('reg_publication', ('title', 'note'))):
        ids = [r[0] for r in sql(db, f'SELECT id FROM {table}')]
        check(ids, f'no rows in {table}')
        for i, rid in enumerate(ids):
            for k, col in enumerate(cols):
                sql(db, f'UPDATE {table} SET {col} = ? WHERE id = ?',
                    (h[(i + k) % len(h)], rid))
    orgs = [r[0] for r in sql(
        db, "SELECT id FROM dir_org WHERE region = '04' AND confidential = 0 "
        "ORDER BY id LIMIT 6")]
    for i, oid in enumerate(orgs):
        sql(db, 'UPDATE dir_org SET name = ?, description = ?, phone = ? '
            'WHERE id = ?', (h[i], h[i - 1], '+48 52 000 00 0' + str(i), oid))
    svcs = [r[0] for r in sql(db, 'SELECT id FROM dir_service ORDER BY '
                              'id LIMIT 6')]
    for i, sid in enumerate(svcs):
        sql(db, 'UPDATE dir_service SET name = ?, description = ?, '
            'how_to_apply = ? WHERE id = ?', (h[i], h[i - 1], h[i - 2], sid))
    # the observatory's CSV names gminas (issue 20)
    sql(db, "UPDATE gmina SET name = ? WHERE teryt = '0401011'", (h[0],))
    for v in h:
        sql(db, "INSERT INTO audit(account, via, addr, action, entity, "
            "entity_id) VALUES (?, 'web', '127.0.0.1', ?, ?, ?)",
            (v, v, v, v))
    for i, v in enumerate(h):
        cid = sql_one(
            db, "INSERT INTO helpline_contact(region, at, channel, caller, "
            "referrals, minutes, note, created_by) VALUES ('04', ?, 1, 1, 1, "
            "5, ?, ?) RETURNING id", (f'{today}T10:0{i}', v, v))
        sql(db, "INSERT INTO helpline_referral(contact_id, org_id, "
            "region, at, org_name, org_kind) VALUES (?, ?, '04', ?, "
            "?, 'ops')", (cid, orgs[i], f'{today}T10:0{i}', v))
    # Trainings (issue 18): the demo's participants and their institutions;
    # surveys: the demo survey's questions and choices.
    rows = sql(db, 'SELECT id FROM training_signup ORDER BY id')
    check(rows, 'no training participants')
    for i, (sid,) in enumerate(rows):
        sql(db, 'UPDATE training_signup SET name = ? WHERE id = ?',
            (h[i % len(h)], sid))
    for i, (iid,) in enumerate(sql(db, 'SELECT id FROM training_institution'
                                       ' ORDER BY id')):
        sql(db, 'UPDATE training_institution SET name = ? WHERE id = ?',
            (h[(i + 1) % len(h)], iid))
    rows = sql(db, 'SELECT id FROM survey_question ORDER BY id')
    check(rows, 'no survey questions')
    for i, (qid,) in enumerate(rows):
        sql(db, 'UPDATE survey_question SET text = ?, options = ? WHERE id = ?',
            (h[i % len(h)], '\n'.join(h[:3]), qid))

def csv_cells(data):
    text = data.decode('utf-8-sig')
    head = text.split('\n', 1)[0]
    delim = ';' if head.count(';') > head.count(',') else ','
    for row in csv.reader(io.StringIO(text, newline=''), delimiter=delim):
        yield from row


def xlsx_cells(data):
    """Every text of a workbook: shared and inline strings (numbers and the
    formulas the product writes are not text)."""
    def unescape(x):
        x = re.sub(r'_x([0-9A-Fa-f]{4})_', lambda m: chr(int(m.group(1), 16)),
                   x)
        return (x.replace('&lt;', '<').replace('&gt;', '>')
                .replace('&quot;', '"').replace('&apos;', "'")
                .replace('&amp;', '&'))
    z = zipfile.ZipFile(io.BytesIO(data))
    for name in z.namelist():
        xml = z.read(name).decode('utf-8')
        if name == 'xl/sharedStrings.xml':
            for si in re.findall(r'<si>(.*?)</si>', xml, re.S):
                yield unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', si,
                                                  re.S)))
        elif name.startswith('xl/worksheets/'):
            for c in re.findall(r'<c [^>]*t="inlineStr"[^>]*>(.*?)</c>', xml,
                                re.S):
                yield unescape(''.join(re.findall(r'<t[^>]*>(.*?)</t>', c,
                                                  re.S)))


def export_cells(name, ctype, data):
    """The text cells of a CSV, an XLSX or a zip of CSV files; None when
    the bytes are none of these."""
    if ctype.startswith('text/csv') or name.endswith('.csv'):
        return list(csv_cells(data))
    if ctype.startswith(SPREADSHEET) or name.endswith('.xlsx'):
        return list(xlsx_cells(data))
    if ctype.startswith('application/zip') or name.endswith('.zip'):
        z = zipfile.ZipFile(io.BytesIO(data))
        cells = []
        for member in z.namelist():
            if member.endswith('.csv'):
                cells += list(csv_cells(z.read(member)))
        return cells
    return None


def cell_problems(what, cells):
    """No cell starts a formula; the hostile values are there, guarded."""
    bad = [c for c in cells if c.startswith(TRIGGERS) and
           not NUMBER.fullmatch(c)]
    if bad:
        return [f'{what}: cells start a formula: {bad[:4]}']
    if not any(c.startswith("'" + v) for v in HOSTILE for c in cells):
        return [f'{what}: none of the hostile values is in it; plant data '
                f'for this export in plant_hostile_data']
    return []


def csv_convention(what, ctype, data):
    """Issue 20: every CSV file the product writes for people opens in a
    Polish Excel: UTF-8 with a BOM and ';' between fields. (The CSV files
    inside hsds.zip follow the HSDS specification instead.)"""
    if not data or not (ctype.startswith('text/csv') or
                        what.split('?')[0].endswith('.csv') or
                        what.endswith('csv')):
        return []
    head = data.split(b'\n', 1)[0]
    if not data.startswith(b'\xef\xbb\xbf') or b';' not in head:
        return [f'{what}: not UTF-8 with BOM and ";": {head[:60]!r}']
    return []


def xlsx_convention(what, ctype, data):
    """Issue 20: every workbook has document properties (title, author or
    company at least where an institution issues it) and every sheet
    keeps its header in view (a frozen pane)."""
    if not (ctype.startswith(SPREADSHEET) or what.split('?')[0].endswith(
            '.xlsx')):
        return []
    z = zipfile.ZipFile(io.BytesIO(data))
    out = []
    core = z.read('docProps/core.xml').decode('utf-8')
    if not re.search(r'<dc:title>[^<]+</dc:title>', core):
        out.append(f'{what}: no title in the document properties')
    for name in z.namelist():
        if name.startswith('xl/worksheets/sheet'):
            sheet = z.read(name).decode('utf-8')
            if 'state="frozen"' not in sheet and '<c ' in sheet:
                out.append(f'{what}: {name} has no frozen header')
    return out


def handler_params():
    """PARAMS: line of every handler, by name: the values a route lists
    (name=a|b|c) are the variants the test requests."""
    out = {}
    for d, _, files in os.walk(os.path.join(ROOT, 'src')):
        for f in files:
            if f.endswith('.c'):
                text = open(os.path.join(d, f), encoding='utf-8').read()
                for m in re.finditer(r'PARAMS:(.*?)\*/\s*int\s*\n(\w+)\(',
                                     text, re.S):
                    out[m.group(2)] = m.group(1).replace('**', ' ')
    return out


def get(srv, cookies, path):
    c = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=60)
    c.request('GET', path, headers={'Cookie': '; '.join(
        f'{k}={v}' for k, v in cookies.items())})
    r = c.getresponse()
    data = r.read()
    headers = {k.lower(): v for k, v in r.getheaders()}
    c.close()
    return r.status, headers, data


def web_exports(srv, cookies, today):
    """(pattern, url, content type, bytes) of every GET route whose answer
    is a download, with each listed value of its parameters."""
    params = handler_params()
    lists = {}
    for spec in params.values():
        for name, vals in re.findall(r'(\w+)=(\w+(?:\|\w+)+)', spec):
            lists.setdefault(name, vals.split('|'))
    since = f'{int(today[:4]) - 1}-01-01'
    found = []
    for method, pattern, handler, cap in route_table():
        if method != 'GET':
            continue
        spec = params.get(handler, '')
        paths = [pattern]
        for name in re.findall(r':(\w+)', pattern):
            own = re.search(rf'\b{name}=(\w+(?:\|\w+)+)', spec)
            values = (own.group(1).split('|') if own else lists.get(name) or
                      [SAMPLE.get(':' + name, '1')])
            if name == 'id':
                values = ['1', '2']
            paths = [p.replace(':' + name, v) for p in paths for v in values]
        queries = ['']
        for name, vals in re.findall(r'\b(\w+)=(\w+(?:\|\w+)*)\b', spec):
            if f':{name}' in pattern or not ('|' in vals or vals == '1'):
                continue
            queries += [f'{name}={v}' for v in vals.split('|')]
        base = []
        if re.search(r'\bwoj\b', spec):
            base.append('woj=04')
        if re.search(r'\bod\b', spec):
            base.append(f'od={since}')
        for p in paths:
            for q in queries:
                query = '&'.join(base + ([q] if q else []))
                url = p + ('?' + query if query else '')
                st, h, data = get(srv, cookies, url)
                if 'attachment' in h.get('content-disposition', ''):
                    check(st == 200, f'{url}: {st}')
                    found.append((pattern, url, h.get('content-type', ''),
                                  data))
    return found


def cli_exports(binary, db, d):
    """(command, file) of every CLI command whose --format writes CSV or
    XLSX, found from the commands' help."""
    _, top, _ = run(binary, '--help')
    commands = re.findall(r'^  ([a-z-]+)\s', top, re.M)
    check('export' in commands, top)
    writers = {}
    for cmd in commands:
        _, usage, _ = run(binary, cmd, '--help')
        m = re.search(r'--format\s+([\w|]+)', usage)
        if m and {'csv', 'xlsx'} & set(m.group(1).split('|')):
            writers[cmd] = [f for f in m.group(1).split('|')
                            if f in ('csv', 'xlsx')]
    check(set(writers) == {'export', 'report'},
          f'CLI commands writing CSV/XLSX: {writers}; add the new one here')
    out = []
    for fmt in writers['export']:
        for plan in ('1', '2'):
            f = os.path.join(d, f'plan-{plan}.{fmt}')
            rc, _, err = run(binary, 'export', 'plan', plan, '--format', fmt,
                             '-o', f, '--db', db)
            check(rc == 0, err)
            out.append((f'export plan {plan} --format {fmt}', f))
    for fmt in writers['report']:
        f = os.path.join(d, f'report.{fmt}')
        rc, _, err = run(binary, 'report', 'annual', '--plan', '1', '--format',
                         fmt, '-o', f, '--db', db)
        check(rc == 0, err)
        out.append((f'report annual --format {fmt}', f))
    return out


def every_export_guards_formulas(binary):
    d, db = make_db(binary)
    today = datetime.date.today().isoformat()
    try:
        rc, err = add_user(binary, db, 'adm', 'administrator')
        check(rc == 0, err)
        plant_hostile_data(db, today)
        srv = Server(binary, db)
        try:
            c = Client(srv)
            check(c.login('adm')[0] == 303, 'login')
            found = web_exports(srv, c.cookies, today)
        finally:
            srv.stop()
        patterns = {p for p, _, _, _ in found}
        check(KNOWN_EXPORTS <= patterns,
              f'exports not found: {KNOWN_EXPORTS - patterns}')
        # a route named like a download that gave none needs parameters
        # this test does not know: list them in its handler's PARAMS
        download = re.compile(r'\.(csv|xlsx|zip)$|/(csv|xlsx)$|eksport|export')
        named = {p for m, p, _, _ in route_table()
                 if m == 'GET' and download.search(p)}
        check(named <= patterns, f'no download from {named - patterns}')
        checked, problems = 0, []
        for pattern, url, ctype, data in found:
            cells = export_cells(url.split('?')[0], ctype, data)
            if cells is None:  # PDF, JSON: no cells to guard
                check(not ctype.startswith(('text/csv', SPREADSHEET)), url)
                continue
            problems += cell_problems(url, cells)
            problems += csv_convention(url, ctype, data)
            problems += xlsx_convention(url, ctype, data)
            checked += 1
        for what, path in cli_exports(binary, db, d):
            data = open(path, 'rb').read()
            problems += cell_problems(what, export_cells(path, '', data))
            problems += csv_convention(what, '', data if path.endswith(
                '.csv') else b'')
            if path.endswith('.xlsx'):
                problems += xlsx_convention(what, SPREADSHEET, data)
            checked += 1
        check(not problems, '\n'.join(problems))
        # 4 registers, 2 plans x 2 formats, hsds, katalog, audit, helpline
        # contacts 2 x 2 (with notes) and statistics 2, 2 reports; the CLI:
        # 2 plans x 2 formats and 1 report
        check(checked >= 24, f'only {checked} exports checked')
    finally:
        cleanup(d)


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
        t.run(every_export_guards_formulas, b)
        t.run(xlsx_export_reads_and_imports_back)
        t.run(csv_and_json_exports)
        t.run(missing_plan_is_exit_1)
        t.run(usage_errors_are_exit_2)
    finally:
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
