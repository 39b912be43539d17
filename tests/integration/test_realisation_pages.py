#!/usr/bin/env python3
"""Integration tests of the realisation page of a long plan (issue 21): a
generated plan of 450 tasks (bench/gen_plan.py) with entries of every
indicator and budget line is shown a page of at most 50 tasks at a time,
and the pages together give every figure the database holds — each item
once, with its planned value, and each entry once, in the row of its item,
with its period, value and state — as the unpaged page did. The page is
kept rendered: a change by the forms or straight in the database (another
process) shows at once, every reader gets their own CSRF token, and an
implementer sees the forms of its own tasks only, as its units are now.
Usage: test_realisation_pages.py BINARY"""
import os
import re
import subprocess
import sys
import tempfile

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import PASSWORD, Client, add_user

HERE = os.path.dirname(os.path.abspath(__file__))
UNIT = 'Konsultanci Kujawsko-Pomorskiej Niebieskiej Linii'
TASKS = 450
PAGE = 50
STATUS = {'entered': 'wprowadzony', 'approved': 'zatwierdzony',
          'returned': 'zwrócony'}


def thousands(v):
    s = f'{abs(v):,}'.replace(',', ' ')
    return ('-' if v < 0 else '') + s


def money(g):
    return f'{thousands(g // 100)},{g % 100:02d} zł'


def period_label(p):
    return f'{p[6]} kw. {p[:4]}' if len(p) == 7 else f'rok {p}'


def unescape(s):
    return (s.replace('&lt;', '<').replace('&gt;', '>')
            .replace('&quot;', '"').replace('&#39;', "'")
            .replace('&amp;', '&'))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    unit = sql(db, "SELECT id FROM org_unit WHERE region = '04' AND"
               " kind = 'implementer' AND name = ?", (UNIT,))[0][0]
    p = subprocess.run([binary, 'user', 'add', 'realizator', '--role',
                        'implementer', '--region', '04', '--unit', str(unit),
                        '--db', db], input=PASSWORD + '\n',
                       capture_output=True, text=True)
    if p.returncode != 0:
        print(f'FAIL setup: implementer: {p.stderr}')
        return 1
    text = subprocess.run([sys.executable, os.path.join(
        HERE, '..', '..', 'bench', 'gen_plan.py'), str(TASKS)],
        capture_output=True, text=True, check=True).stdout
    path = os.path.join(tempfile.mkdtemp(dir=d), 'plan.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    p = subprocess.run([binary, 'import', 'plan', path, '--db', db,
                        '--region', '04'], capture_output=True, text=True)
    if p.returncode != 0:
        print(f'FAIL setup: import: {p.stderr}')
        return 1
    plan = int(p.stdout.strip().split('\n')[-1])
    # Entries of every indicator (one quarter each; every third pending,
    # some of those with an approved value kept, every fifth returned with
    # a comment to escape) and of every planned amount (the year).
    sql(db, "INSERT INTO realisation(plan_id, kind, pos, source, period,"
        " value, status, comment, entered_by, entered_at, approved_value)"
        " SELECT plan_id, 'indicator', pos, '',"
        " '2025-Q' || CAST(pos % 4 + 1 AS TEXT), pos * 1001,"
        " CASE WHEN pos % 5 = 0 THEN 'returned'"
        "  WHEN pos % 3 = 0 THEN 'entered' ELSE 'approved' END,"
        " CASE WHEN pos % 5 = 0 THEN 'Brak <listy> & \"podpisu\"' END,"
        " 'test', '2025-04-01T10:00:00Z',"
        " CASE WHEN pos % 3 = 0 AND pos % 2 = 0 THEN NULL ELSE pos * 1000"
        " END FROM plan_indicator WHERE plan_id = ?", (plan,))
    sql(db, "INSERT INTO realisation(plan_id, kind, pos, source, period,"
        " value, status, entered_by, entered_at, approved_value)"
        " SELECT l.plan_id, 'line', l.pos, a.source, '2025', a.grosze / 3,"
        " 'approved', 'test', '2025-04-01T10:00:00Z', a.grosze / 3"
        " FROM plan_line l JOIN plan_amount a ON a.line_id = l.id"
        " WHERE l.plan_id = ? AND a.kind = 3 AND a.grosze <> 0", (plan,))
    # A second entry of the first three indicators: two in one row.
    sql(db, "INSERT INTO realisation(plan_id, kind, pos, source, period,"
        " value, status, entered_by, entered_at, approved_value)"
        " SELECT plan_id, 'indicator', pos, '', '2025-Q4', 7, 'approved',"
        " 'test', '2025-04-01T10:00:00Z', 7 FROM plan_indicator"
        " WHERE plan_id = ? AND pos < 3", (plan,))
    entries = sql(db, "SELECT id, kind, pos, source, period, value, status,"
                  " comment, approved_value FROM realisation"
                  " WHERE plan_id = ?", (plan,))
    indicators = dict(sql(db, "SELECT pos, year_value FROM plan_indicator"
                          " WHERE plan_id = ? AND task IS NOT NULL",
                          (plan,)))
    amounts = {(pos, src): g for pos, src, g in sql(
        db, "SELECT l.pos, a.source, a.grosze FROM plan_line l"
        " JOIN plan_amount a ON a.line_id = l.id WHERE l.plan_id = ?"
        " AND a.kind = 3 AND a.grosze <> 0", (plan,))}
    numbers = [r[0] for r in sql(db, "SELECT number FROM plan_task WHERE"
                                 " plan_id = ? ORDER BY pos", (plan,))]
    srv = Server(binary, db)
    t = Runner('realisation_pages')
    c = Client(srv)
    c.login('koord')
    base = f'/monitoring/plany/{plan}/realizacja'
    npages = (TASKS + PAGE - 1) // PAGE
    pages = []
    for k in range(1, npages + 1):
        st, _, html = c.request('GET', f'{base}?strona={k}')
        pages.append((st, html))

    def long_plan_is_paged_by_tasks():
        tasks = []
        for k, (st, html) in enumerate(pages):
            check(st == 200, (k, st))
            ids = [int(x) for x in re.findall(
                r'<section class="mon-task" id="zadanie-(\d+)"', html)]
            check(0 < len(ids) <= PAGE, (k, len(ids)))
            check('aria-current="page"' in html, 'pager marks the page')
            first, last = numbers[ids[0] - 1], numbers[ids[-1] - 1]
            check(f'aria-current="page">{first}–{last}</a>' in html,
                  (k, first, last))
            tasks += ids
        check(tasks == list(range(1, TASKS + 1)), 'each task once, in order')
        # A task's own link leads to its page.
        st, _, html = c.request('GET', f'{base}?zadanie=301')
        check(st == 200 and 'id="zadanie-301"' in html and
              'id="zadanie-1"' not in html, st)
        st, _, _ = c.request('GET', f'{base}?strona=0')
        check(st == 400, st)

    def pages_give_every_figure_once():
        rows = {}
        for _, html in pages:
            for m in re.finditer(r'<tr id="w-(i\d+|l\d+-\w+)">(.*?)</tr>',
                                 html, re.S):
                check(m.group(1) not in rows, f'row {m.group(1)} twice')
                rows[m.group(1)] = m.group(2)
        check(len(rows) == len(indicators) + len(amounts),
              (len(rows), len(indicators), len(amounts)))
        for pos, target in indicators.items():
            cell = re.search(r'<td class="num">([^<]*)</td>',
                             rows[f'i{pos}']).group(1)
            check(cell == thousands(target), (pos, cell, target))
        for (pos, src), g in amounts.items():
            cell = re.search(r'<td class="num">([^<]*)</td>',
                             rows[f'l{pos}-{src}']).group(1)
            check(cell == money(g), (pos, src, cell, g))
        seen = set()
        for (rid, kind, pos, src, period, value, status, comment,
             approved) in entries:
            row = rows['i%d' % pos if kind == 'indicator'
                       else f'l{pos}-{src}']
            fmt = money if kind == 'line' else thousands
            m = re.search(r'<a href="/monitoring/wpisy/%d">([^<]*)</a> '
                          r'\(([^)]*)\)((?:; zatwierdzona: [^<—]*[^<— ])?)'
                          r'((?: — [^<]*)?)' % rid, row)
            check(m is not None, f'entry {rid} not in the row of its item')
            check(unescape(m.group(1)) == f'{period_label(period)}: '
                  f'{fmt(value)}', (rid, m.group(1)))
            check(m.group(2) == STATUS[status], (rid, m.group(2)))
            if status != 'approved':
                want = fmt(approved) if approved is not None else \
                    'brak zatwierdzonej'
                check(m.group(3).strip() == f'; zatwierdzona: {want}',
                      (rid, m.group(3)))
            if comment is not None:
                check(unescape(m.group(4)) == f' — {comment}',
                      (rid, m.group(4)))
            seen.add(rid)
        every = set()
        for _, html in pages:
            every |= {int(x) for x in
                      re.findall(r'href="/monitoring/wpisy/(\d+)"', html)}
        check(every == seen and len(seen) == len(entries),
              (len(every), len(seen), len(entries)))
        # Markup is written as markup, never escaped into the text.
        check('</a> (wprowadzony)<br><a href=' in rows['i0'] or
              '<br><a href="/monitoring/wpisy/' in rows['i0'], rows['i0'])
        for _, html in pages:
            check('&lt;br' not in html and '&lt;th' not in html and
                  'class=&quot;' not in html, 'escaped markup')

    def short_plan_is_one_page():
        demo = sql(db, "SELECT id FROM plan WHERE year = 2021")[0][0]
        st, _, html = c.request('GET', f'/monitoring/plany/{demo}/realizacja')
        check(st == 200 and 'class="pager"' not in html, st)
        check(html.count('<section class="mon-task"') == 22, 'all 22 tasks')
        check('class="breakdown">w tym: ' in html, 'breakdown rows marked')

    def kept_page_follows_every_change():
        demo = sql(db, "SELECT id FROM plan WHERE year = 2021")[0][0]
        path = f'/monitoring/plany/{demo}/realizacja'
        st, _, first = c.request('GET', path)
        st2, _, again = c.request('GET', path)
        check(st == st2 == 200 and first == again, 'the same page twice')
        # Another reader: the same page with its own token in every form.
        other = Client(srv)
        other.login('koord')
        st, _, theirs = other.request('GET', path)
        mine_tokens = set(re.findall(r'name="csrf" value="([^"]*)"', first))
        their_tokens = set(re.findall(r'name="csrf" value="([^"]*)"',
                                      theirs))
        check(len(mine_tokens) == 1 and len(their_tokens) == 1 and
              mine_tokens != their_tokens, (mine_tokens, their_tokens))
        check('\x01' not in theirs, 'a token place left')
        # A value entered through the form shows at once.
        st, h, _ = c.request('POST', '/monitoring/wpisy', {
            'csrf': mine_tokens.pop(), 'plan': demo, 'kind': 'indicator',
            'pos': 13, 'source': '', 'period': '2021', 'value': '4321',
            'note': '', 'reason': 'sprawdzone'})
        check(st == 303, st)
        st, _, html = c.request('GET', path)
        rid = sql(db, "SELECT id FROM realisation WHERE plan_id = ? AND"
                  " kind = 'indicator' AND pos = 13", (demo,))[0][0]
        check(f'/monitoring/wpisy/{rid}">rok 2021: 4 321</a>' in html,
              'the new value')
        # So does one written by another process, straight in the store.
        sql(db, "UPDATE realisation SET value = 8765 WHERE id = ?", (rid,))
        st, _, html = c.request('GET', path)
        check(f'/monitoring/wpisy/{rid}">rok 2021: 8 765</a>' in html,
              'a change made outside the server')
        sql(db, "INSERT INTO task_narrative(plan_id, task, period, text,"
            " entered_by, entered_at) VALUES (?, 0, '2021', 'Opis <b>',"
            " 'x', '2021-12-31T00:00:00Z')", (demo,))
        st, _, html = c.request('GET', path)
        check('Opis &lt;b&gt;' in html, 'a narrative added outside')
        # An implementer: the forms of its own tasks only, not the
        # coordinator's page kept before.
        impl = Client(srv)
        impl.login('realizator')
        st, _, html = impl.request('GET', path)
        forms = html.count('name="kind"')
        check(st == 200 and 0 < forms < first.count('name="kind"'),
              (st, forms))
        check('id="wyliczane"' not in html, 'no binding form')
        # Its unit taken away (no change of the plan or its realisation):
        # no form any more, and the notice says why.
        sql(db, "DELETE FROM account_org_unit WHERE account_id ="
            " (SELECT id FROM account WHERE login = 'realizator')")
        st, _, html = impl.request('GET', path)
        check(st == 200 and 'name="kind"' not in html and
              'Żadne zadanie tego planu' in html, 'a stale page kept')

    t.run(long_plan_is_paged_by_tasks)
    t.run(pages_give_every_figure_once)
    t.run(short_plan_is_one_page)
    t.run(kept_page_follows_every_change)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
