#!/usr/bin/env python3
"""Integration tests of plans on the web and through the API: the task
edit form (validation, all-or-nothing, one audit row per change, findings
recomputed), the JSON API's figures for the seeds, and the upload API.
Usage: test_plan_web.py BINARY"""
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db
from test_auth import ROOT, Client, add_user, multipart


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    srv = Server(binary, db)
    t = Runner('plan_web')

    def q(sql, *args):
        con = sqlite3.connect(db)
        try:
            return con.execute(sql, args).fetchall()
        finally:
            con.close()

    def api_reproduces_seed_figures():
        c = Client(srv)
        plans = json.loads(c.request('GET', '/api/plans')[2])
        by_year = {p['year']: p for p in plans if p['kind'] == 'yearly'}
        check(by_year[2021]['total_grosze'] == 50000000, by_year[2021])
        check(by_year[2024]['total_grosze'] == 529500000, by_year[2024])
        p1 = json.loads(c.request('GET', f'/api/plans/{by_year[2021]["id"]}'
                                  )[2])
        check(len(p1['goals']) == 3 and len(p1['actions']) == 25,
              (len(p1['goals']), len(p1['actions'])))
        check(p1['totals']['total_grosze'] == 50000000, p1['totals'])
        p2 = json.loads(c.request('GET', f'/api/plans/{by_year[2024]["id"]}'
                                  )[2])
        terms = [f for f in p2['findings'] if f['code'] == 'term_outside_year']
        check(len(terms) == 4, terms)
        html = c.request('GET', f'/plany/{by_year[2024]["id"]}')[2]
        check(html.count('class="has-findings"') == 4, 'findings beside rows')
        check('5 295 000,00' in html, 'plan total')

    def edit_task_changes_amounts_and_leaves_one_audit_row():
        c = Client(srv)
        c.login('koord')
        st, _, html = c.request('GET', '/plany/1/zadania/0')
        check(st == 200 and 'name="l0_own"' in html, st)
        check('value="12 000,00"' in html, 'current own amount shown')
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
        before = q("SELECT count(*) FROM audit WHERE action = "
                   "'plan.task.update'")[0][0]
        total = q('SELECT total_grosze FROM plan WHERE id = 1')[0][0]
        st, h, _ = c.request('POST', '/plany/1/zadania/0', {
            'csrf': token, 'l0_own': '13.000', 'l0_total': '113 000,00'})
        check(st == 303, st)
        rows = q("SELECT before, after FROM audit WHERE action = "
                 "'plan.task.update' ORDER BY id DESC")
        check(len(rows) == before + 1, 'one audit row')
        b, a = json.loads(rows[0][0]), json.loads(rows[0][1])
        check(b['lines'][0]['own'] == 1200000 and
              a['lines'][0]['own'] == 1300000, (b['lines'][0], a['lines'][0]))
        check(q('SELECT total_grosze FROM plan WHERE id = 1')[0][0] ==
              total + 100000, 'plan total recomputed')
        page = c.request('GET', '/plany/1')[2]
        new = total + 100000
        check(f'{new // 100:,}'.replace(',', ' ') + ',00' in page,
              'page total')
        # The declared total no longer matches: a finding, not a refusal.
        check('declared' in json.dumps(json.loads(
            c.request('GET', '/api/plans/1')[2])['findings']), 'finding')

    def bad_input_names_the_field_and_changes_nothing():
        c = Client(srv)
        c.login('koord')
        html = c.request('GET', '/plany/1/zadania/0')[2]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
        snapshot = q('SELECT * FROM plan_amount ORDER BY line_id, source')
        tasks = q('SELECT * FROM plan_task WHERE plan_id = 1')
        audit = q('SELECT count(*) FROM audit')[0][0]
        st, _, html = c.request('POST', '/plany/1/zadania/0', {
            'csrf': token, 'description': 'zmieniony opis', 'l0_own': '12x',
            'l0_term': 'brumaire', 'i0_year': 'dużo'})
        check(st == 400, st)
        check('„12x” nie jest kwotą' in html, 'money message')
        check('nie rozumiem' in html, 'term message')
        check('„dużo” nie jest liczbą' in html, 'target message')
        check('role="alert"' in html, 'announced')
        check(q('SELECT * FROM plan_amount ORDER BY line_id, source') ==
              snapshot, 'amounts changed')
        check(q('SELECT * FROM plan_task WHERE plan_id = 1') == tasks,
              'description written despite errors')
        check(q('SELECT count(*) FROM audit')[0][0] == audit, 'audit row')

    def upload_api_imports_or_refuses_with_findings():
        c = Client(srv)
        c.login('koord')
        token = c.csrf('/plany')
        seed = open(os.path.join(ROOT, 'data/seeds/'
                                 '002_8d4882d2d6e0411e.txt'), 'rb').read()
        body, ct = multipart({}, {'file': ('plan2024.txt', seed)})
        st, _, out = c.request('POST', '/api/plans', raw=body,
                               content_type=ct,
                               headers={'X-CSRF-Token': token})
        check(st == 201, (st, out[:200]))
        r = json.loads(out)
        check(r['plan']['totals']['total_grosze'] == 529500000, r['plan'])
        check(q('SELECT region FROM plan WHERE id = ?', r['id'])[0][0] ==
              '04', 'region from the account')
        n = q('SELECT count(*) FROM plan')[0][0]
        bad = seed.replace(b'15 000,00', b'15 OOO,OO', 1)
        body, ct = multipart({}, {'file': ('zly.txt', bad)})
        st, _, out = c.request('POST', '/api/plans', raw=body,
                               content_type=ct,
                               headers={'X-CSRF-Token': token})
        check(st == 422, (st, out[:200]))
        errs = [f for f in json.loads(out)['plan']['findings']
                if f['severity'] == 'error']
        check(errs and errs[0]['row'] > 0, errs)
        check(q('SELECT count(*) FROM plan')[0][0] == n, 'nothing stored')
        # Without the token the API refuses.
        st, _, _ = c.request('POST', '/api/plans', raw=body, content_type=ct)
        check(st == 403, st)

    def actions_without_tasks_are_shown_in_place():
        html = Client(srv).request('GET', '/plany/1')[2]
        rows = re.findall(r'<tr class="no-task"><th scope="row">([0-9.]+)'
                          r'</th>', html)
        check(rows == ['1.2', '1.5', '1.7'], rows)
        # In the document's order: 1.2 comes after 1.1 and before 1.3.
        check(html.index('>1.1<') < html.index('>1.2<') <
              html.index('>1.3<'), 'order')

    def long_plan_is_paged_with_goal_totals():
        c = Client(srv)
        c.login('koord')
        gen = subprocess.run([sys.executable, os.path.join(
            ROOT, 'bench/gen_plan.py'), '450'], capture_output=True,
            check=True).stdout
        body, ct = multipart({}, {'file': ('dlugi.txt', gen)})
        st, _, out = c.request('POST', '/api/plans', raw=body,
                               content_type=ct,
                               headers={'X-CSRF-Token': c.csrf('/plany')})
        check(st == 201, (st, out[:300]))
        pid = json.loads(out)['id']
        total = json.loads(out)['plan']['totals']['total_grosze']
        pages = []
        for n in (1, 2, 3):
            st, _, html = c.request('GET', f'/plany/{pid}?strona={n}')
            check(st == 200, st)
            pages.append(html)
        counts = [len(re.findall(r'<tr id="zadanie-\d+"', h)) for h in pages]
        check(counts == [200, 200, 50], counts)
        check(all('aria-current="page">%d<' % (i + 1) in h
                  for i, h in enumerate(pages)), 'pager marks the page')
        money = f'{total // 100:,}'.replace(',', ' ') + f',{total % 100:02d}'
        check(all(money in h for h in pages), f'plan total {money}')
        check(c.request('GET', f'/plany/{pid}?strona=0')[0] == 400, 'page 0')
        check(c.request('GET', f'/plany/{pid}?strona=x')[0] == 400, 'page x')

    def task_page_shows_indicators_and_form_only_to_editors():
        pub = Client(srv)
        st, _, html = pub.request('GET', '/plany/1/zadania/0')
        check(st == 200, st)
        check('liczba osób przeszkolonych' in html, 'indicator')
        check(html.count('w tym: ') == 6, 'six breakdown rows')
        check('<form method="post" action="/plany/1/zadania/0"' not in html,
              'the public got the edit form')
        plan = pub.request('GET', '/plany/1')[2]
        check('href="/plany/1/zadania/0"' in plan, 'task linked from plan')
        check('#edycja' not in plan, 'edit links for the public')
        ed = Client(srv)
        ed.login('koord')
        html = ed.request('GET', '/plany/1/zadania/0')[2]
        check('<form method="post" action="/plany/1/zadania/0"' in html,
              'no form for the coordinator')
        check('#edycja' in ed.request('GET', '/plany/1')[2], 'edit links')
        check(pub.request('GET', '/plany/1/zadania/999')[0] == 404, '999')

    def add_task_appends_it_with_its_line_and_indicator():
        c = Client(srv)
        c.login('koord')
        st, _, html = c.request('GET', '/plany/1/nowe-zadanie')
        check(st == 200, st)
        line = re.search(r'name="l(\d+)_own"', html).group(1)
        ind = re.search(r'name="i(\d+)_name"', html).group(1)
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
        total = q('SELECT total_grosze FROM plan WHERE id = 1')[0][0]
        adds = q("SELECT count(*) FROM audit WHERE action = 'plan.task.add'"
                 )[0][0]
        form = {'csrf': token, 'goal': '1', 'number': '2.8',
                'description': 'Spotkania sieci wsparcia w powiatach',
                f'l{line}_term': 'III-XI', f'l{line}_impl': 'ROPS',
                f'l{line}_own': '1.500', f'l{line}_total': '1 500,00',
                f'i{ind}_name': 'liczba spotkań', f'i{ind}_year': '3',
                f'i{ind}_multi': '18'}
        bad = dict(form, goal='9', **{f'l{line}_own': 'dużo'})
        st, _, html = c.request('POST', '/plany/1/nowe-zadanie', bad)
        check(st == 400 and 'wybierz cel' in html and '„dużo”' in html, st)
        check(q('SELECT total_grosze FROM plan WHERE id = 1')[0][0] == total,
              'a refused form changed the plan')
        st, h, _ = c.request('POST', '/plany/1/nowe-zadanie', form)
        check(st == 303, st)
        pos = int(h['location'].rsplit('/', 1)[1])
        row = q('SELECT number, goal, description FROM plan_task '
                'WHERE plan_id = 1 AND pos = ?', pos)[0]
        check(row == ('2.8', 1, 'Spotkania sieci wsparcia w powiatach'), row)
        check(q('SELECT total_grosze FROM plan WHERE id = 1')[0][0] ==
              total + 150000, 'plan total')
        check(q("SELECT count(*) FROM audit WHERE action = 'plan.task.add'"
                )[0][0] == adds + 1, 'one audit row')
        page = c.request('GET', h['location'])[2]
        check('liczba spotkań' in page and '1 500,00' in page, 'task page')
        api = json.loads(c.request('GET', '/api/plans/1')[2])
        check(any(t['number'] == '2.8' for t in api['tasks']), 'in the API')

    def download_links_give_the_plan_back():
        c = Client(srv)
        page = c.request('GET', '/plany/2')[2]
        check('href="/plany/2/eksport/xlsx"' in page, 'xlsx link')
        st, h, body = c.request('GET', '/plany/2/eksport/csv')
        check(st == 200 and h['content-type'].startswith('text/csv'), st)
        check('attachment; filename="plan-2.csv"' in
              h['content-disposition'], h)
        check('5 295 000,00' in body or '5295000' in body.replace(' ', ''),
              'total in the CSV')
        conn = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=20)
        conn.request('GET', '/plany/2/eksport/xlsx')
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        check(resp.status == 200 and data[:2] == b'PK', resp.status)
        tmp = os.path.join(d, 'plan2.xlsx')
        open(tmp, 'wb').write(data)
        out = subprocess.run([binary, 'check', tmp, '--json'],
                             capture_output=True, text=True)
        check(out.returncode == 0, out.stderr[-300:])
        check(json.loads(out.stdout)['totals']['total_grosze'] == 529500000,
              'the XLSX reads back with the same total')
        check(c.request('GET', '/plany/2/eksport/pdf')[0] == 404, 'pdf')

    def new_plan_from_the_form_then_a_task():
        c = Client(srv)
        c.login('koord')
        token = c.csrf('/plany/nowy')
        form = {'csrf': token, 'title': 'Plan działań 2026',
                'year': '2026', 'programme': 'Program testowy 2025-2027',
                'from': '2025', 'to': '2027',
                'goals': '1. Wsparcie rodzin\nA2 Kadry pomocy społecznej\n'}
        before = q('SELECT count(*) FROM plan')[0][0]
        st, _, html = c.request('POST', '/plany/nowy',
                                dict(form, year='2030', goals='bez kodu'))
        check(st == 400 and 'mieścić się w latach' in html, st)
        check(q('SELECT count(*) FROM plan')[0][0] == before, 'refused')
        st, h, _ = c.request('POST', '/plany/nowy', form)
        check(st == 303, st)
        pid = int(h['location'].rsplit('/', 1)[1])
        check(q('SELECT code, title FROM plan_goal WHERE plan_id = ? '
                'ORDER BY pos', pid) ==
              [('1', 'Wsparcie rodzin'), ('A2', 'Kadry pomocy społecznej')],
              'goals')
        check(q("SELECT count(*) FROM audit WHERE action = 'plan.create' "
                "AND entity_id = ?", str(pid))[0][0] == 1, 'audit row')
        html = c.request('GET', f'/plany/{pid}/nowe-zadanie')[2]
        line = re.search(r'name="l(\d+)_own"', html).group(1)
        ind = re.search(r'name="i(\d+)_name"', html).group(1)
        st, h, _ = c.request('POST', f'/plany/{pid}/nowe-zadanie', {
            'csrf': c.csrf('/plany'), 'goal': '0', 'number': '1',
            'description': 'Szkolenia', f'l{line}_own': '10 000,00',
            f'l{line}_term': 'II-XI', f'i{ind}_name': 'liczba szkoleń',
            f'i{ind}_year': '2', f'i{ind}_multi': '6'})
        check(st == 303, st)
        page = c.request('GET', f'/plany/{pid}')[2]
        check('Wsparcie rodzin' in page and '10 000,00' in page, 'page')

    def plan_title_years_and_goals_are_edited():
        c = Client(srv)
        c.login('koord')
        st, _, html = c.request('GET', '/plany/2/edycja')
        check(st == 200 and 'name="g0_code"' in html, st)
        goals = q('SELECT code, title FROM plan_goal WHERE plan_id = 2 '
                  'ORDER BY pos')
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', html).group(1)
        form = {'csrf': token, 'title': 'Plan działań 2024 (poprawiony)',
                'year': '2024', 'programme': 'Rodzina jest najważniejsza',
                'from': '2023', 'to': '2028', 'g0_code': '1',
                'g0_title': 'Nowa nazwa celu 1',
                'goals': '4. Cel dodany w trakcie roku'}
        st, _, html = c.request('POST', '/plany/2/edycja',
                                dict(form, year='2031', g0_title=''))
        check(st == 400 and 'mieścić się w latach' in html, st)
        check(q('SELECT code, title FROM plan_goal WHERE plan_id = 2 '
                'ORDER BY pos') == goals, 'refused form changed goals')
        st, h, _ = c.request('POST', '/plany/2/edycja', form)
        check(st == 303, st)
        now = q('SELECT code, title FROM plan_goal WHERE plan_id = 2 '
                'ORDER BY pos')
        check(now[0] == ('1', 'Nowa nazwa celu 1') and
              now[-1] == ('4', 'Cel dodany w trakcie roku') and
              len(now) == len(goals) + 1, now)
        rows = q("SELECT before, after FROM audit WHERE action = "
                 "'plan.update' AND entity_id = '2'")
        check(len(rows) == 1, rows)
        check(json.loads(rows[0][1])['title'] ==
              'Plan działań 2024 (poprawiony)', rows[0][1])
        page = Client(srv).request('GET', '/plany/2')[2]
        check('Plan działań 2024 (poprawiony)' in page and
              'Nowa nazwa celu 1' in page, 'page shows the change')

    for fn in (api_reproduces_seed_figures,
               plan_title_years_and_goals_are_edited,
               new_plan_from_the_form_then_a_task,
               download_links_give_the_plan_back,
               add_task_appends_it_with_its_line_and_indicator,
               task_page_shows_indicators_and_form_only_to_editors,
               actions_without_tasks_are_shown_in_place,
               long_plan_is_paged_with_goal_totals,
               edit_task_changes_amounts_and_leaves_one_audit_row,
               bad_input_names_the_field_and_changes_nothing,
               upload_api_imports_or_refuses_with_findings):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
