#!/usr/bin/env python3
"""Integration tests of plans on the web and through the API: the task
edit form (validation, all-or-nothing, one audit row per change, findings
recomputed), the JSON API's figures for the seeds, and the upload API.
Usage: test_plan_web.py BINARY"""
import http.client
import json
import os
import re
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import ROOT, Client, add_user, multipart


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    srv = Server(binary, db)
    t = Runner('plan_web')

    def q(query, *args):
        return sql(db, query, args)

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
        # The demo holds this very document: refused unless allowed.
        n = q('SELECT count(*) FROM plan')[0][0]
        body, ct = multipart({}, {'file': ('plan2024.txt', seed)})
        st, _, out = c.request('POST', '/api/plans', raw=body,
                               content_type=ct,
                               headers={'X-CSRF-Token': token})
        check(st == 409 and '"conflict"' in out, (st, out[:200]))
        check(q('SELECT count(*) FROM plan')[0][0] == n, 'no duplicate')
        body, ct = multipart({'allow_duplicate': '1'},
                             {'file': ('plan2024.txt', seed)})
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

    # --- finishing a plan in the browser (issue 12) ---------------------

    def audits(action):
        return q('SELECT count(*) FROM audit WHERE action = ?', action)[0][0]

    def version(pid):
        return q('SELECT version FROM plan WHERE id = ?', pid)[0][0]

    def new_draft(c, title):
        st, h, _ = c.request('POST', '/plany/nowy', {
            'csrf': c.csrf('/plany/nowy'), 'title': title, 'year': '2026',
            'programme': 'Program ' + title, 'from': '2025', 'to': '2027',
            'goals': '1 Cel pierwszy'})
        check(st == 303, st)
        return int(h['location'].rsplit('/', 1)[1])

    def post(c, path, form, status=303):
        """POST form with a fresh token; one audit row per accepted change."""
        n = q('SELECT count(*) FROM audit')[0][0]
        st, h, html = c.request('POST', path,
                                dict(form, csrf=c.csrf('/plany')))
        check(st == status, (path, st, html[-600:]))
        grew = q('SELECT count(*) FROM audit')[0][0] - n
        check(grew == (1 if status == 303 else 0), (path, 'audit rows', grew))
        return h, html

    def every_item_form_adds_edits_and_removes():
        c = Client(srv)
        c.login('koord')
        pid = new_draft(c, 'Plan budowany w przeglądarce')
        base = f'/plany/{pid}/struktura'
        st, _, html = c.request('GET', base)
        check(st == 200 and 'Dodaj działanie' in html, st)
        v = version(pid)
        post(c, base + '/cel/nowy', {'code': '2', 'title': 'Cel drugi'})
        check(version(pid) > v, 'version bumped')
        check(audits('plan.goal.add') >= 1, 'goal audited')
        post(c, base + '/dzialanie/nowy',
             {'goal': '1', 'code': '2.1', 'title': 'Działanie 2.1'})
        post(c, base + '/zadanie/nowy', {'goal': '1', 'action': '0',
                                         'number': '2.1.1',
                                         'description': 'Szkolenia kadr'})
        post(c, base + '/wiersz/nowy', {
            'task': '0', 'term': 'II-XI', 'implementers': 'ROPS',
            'total': '10 000,00', 'a_own': '10 000,00'})
        post(c, base + '/wiersz/nowy', {
            'task': '0', 'term': 'IX-XII', 'implementers': 'ROPS',
            'total': '5 000,00', 'a_eu': '5 000,00'})
        post(c, base + '/wskaznik/nowy', {
            'task': '0', 'parent': '', 'name': 'liczba szkoleń',
            'unit': 'szkoleń', 'year': '4', 'multi': '12'})
        post(c, base + '/wskaznik/nowy', {
            'task': '0', 'parent': '', 'name': 'liczba uczestników',
            'unit': 'osób', 'year': '80', 'multi': '240'})
        post(c, base + '/wskaznik/nowy', {
            'task': '0', 'parent': '1', 'name': 'w tym kobiet',
            'unit': 'osób', 'year': '50', 'multi': '150'})
        p = json.loads(c.request('GET', f'/api/plans/{pid}')[2])
        check([g['code'] for g in p['goals']] == ['1', '2'], p['goals'])
        check(len(p['actions']) == 1 and len(p['tasks']) == 1, p['tasks'])
        lines = q('SELECT pos, task, total_grosze FROM plan_line WHERE '
                  'plan_id = ? ORDER BY pos', pid)
        check(lines == [(0, 0, 1000000), (1, 0, 500000)], lines)
        check(q('SELECT l.pos, a.source, a.grosze FROM plan_amount a JOIN '
                'plan_line l ON l.id = a.line_id WHERE l.plan_id = ? '
                'ORDER BY l.pos', pid) ==
              [(0, 'own', 1000000), (1, 'eu', 500000)], 'two sources')
        inds = q('SELECT pos, parent, name FROM plan_indicator WHERE '
                 'plan_id = ? ORDER BY pos', pid)
        check(inds == [(0, None, 'liczba szkoleń'),
                       (1, None, 'liczba uczestników'),
                       (2, 1, 'w tym kobiet')], inds)
        check(q('SELECT total_grosze FROM plan WHERE id = ?', pid)[0][0] ==
              1500000, 'plan total')
        # A wrong value: 400, every typed value kept, the message at the
        # field with aria-invalid, nothing written.
        v = version(pid)
        _, html = post(c, base + '/wiersz/0', {
            'term': 'III-X', 'implementers': 'ROPS Toruń',
            'total': '12 tys.', 'a_own': '10 000,00', 'a_other': 'abc'},
            status=400)
        check('value="12 tys."' in html and 'value="abc"' in html and
              'value="ROPS Toruń"' in html and 'value="III-X"' in html,
              'typed values kept')
        check(re.search(r'id="f-total-error">[^<]*12 tys', html) and
              re.search(r'name="total"[^>]*aria-invalid="true"', html) and
              re.search(r'name="a_other"[^>]*aria-invalid="true"', html),
              'errors at the fields')
        check(version(pid) == v, 'nothing written')
        _, html = post(c, base + '/wskaznik/nowy', {
            'task': '0', 'parent': '', 'name': '', 'unit': 'osób',
            'year': 'dużo', 'multi': '3'}, status=400)
        check('value="dużo"' in html and 'value="osób"' in html and
              re.search(r'name="name"[^>]*aria-invalid', html), 'kept')
        # Edits of each kind.
        post(c, base + '/wiersz/0', {
            'term': 'III-X', 'implementers': 'ROPS', 'total': '12 000,00',
            'a_own': '12 000,00'})
        post(c, base + '/wskaznik/0', {'name': 'liczba szkoleń',
                                       'unit': 'szkoleń', 'year': '5',
                                       'multi': '12'})
        post(c, base + '/cel/1', {'code': '2', 'title': 'Cel drugi (zm.)'})
        post(c, base + '/dzialanie/0',
             {'goal': '1', 'code': '2.1', 'title': 'Działanie 2.1 (zm.)'})
        post(c, base + '/zadanie/0', {'goal': '1', 'action': '0',
                                      'number': '2.1.1',
                                      'description': 'Szkolenia (zm.)'})
        check(q('SELECT total_grosze FROM plan_line WHERE plan_id = ? AND '
                'pos = 0', pid) == [(1200000,)], 'line edited')
        rows = q("SELECT before, after FROM audit WHERE action = "
                 "'plan.line.update' AND entity_id = ?", str(pid))
        check(len(rows) == 1 and
              json.loads(rows[0][0])['total_grosze'] == 1000000 and
              json.loads(rows[0][1])['total_grosze'] == 1200000, rows)
        # Goal 2 has an action: it stays until that is gone.
        post(c, base + '/cel/1/usun', {}, status=409)
        # Removing the parent indicator takes its breakdown with it.
        post(c, base + '/wskaznik/1/usun', {})
        check(q('SELECT name FROM plan_indicator WHERE plan_id = ?', pid) ==
              [('liczba szkoleń',)], 'breakdown removed with its parent')
        post(c, base + '/wiersz/1/usun', {})
        post(c, base + '/zadanie/0/usun', {})
        check(q('SELECT count(*) FROM plan_line WHERE plan_id = ?', pid) ==
              [(0,)] and q('SELECT count(*) FROM plan_indicator WHERE '
                           'plan_id = ?', pid) == [(0,)], 'task removed')
        post(c, base + '/dzialanie/0/usun', {})
        post(c, base + '/cel/1/usun', {})
        check(q('SELECT code FROM plan_goal WHERE plan_id = ?', pid) ==
              [('1',)], 'goal removed')
        check(c.request('GET', base + '/cel/5')[0] == 404, 'no such item')
        check(c.request('GET', base + '/nic/0')[0] == 404, 'no such kind')

    def a_form_from_before_another_change_is_refused():
        c = Client(srv)
        c.login('koord')
        pid = new_draft(c, 'Plan dwóch redaktorów')
        base = f'/plany/{pid}/struktura'
        post(c, base + '/cel/nowy', {'code': '2', 'title': 'Cel drugi'})
        # Validation of a goal keeps what was typed, too.
        _, html = post(c, base + '/cel/nowy', {'code': '3', 'title': ''},
                       status=400)
        check('value="3"' in html and
              re.search(r'name="title"[^>]*aria-invalid="true"', html),
              'goal form keeps the code, marks the title')
        html = c.request('GET', base + '/cel/1')[2]
        old = re.search(r'name="wersja" value="(\d+)"', html).group(1)
        # Someone removes goal 1: goal 2 is now at position 0, and the
        # old form for position 1 must not land anywhere.
        post(c, base + '/cel/0/usun', {})
        v = version(pid)
        post(c, base + '/cel/1', {'wersja': old, 'code': '2',
                                  'title': 'zmiana'}, status=404)
        _, html = post(c, base + '/cel/0', {'wersja': old, 'code': '2',
                                            'title': 'zmiana'}, status=409)
        check('zmienił się w międzyczasie' in html, 'says why')
        post(c, base + '/cel/0/usun', {'wersja': old}, status=409)
        check(version(pid) == v and
              q('SELECT title FROM plan_goal WHERE plan_id = ?', pid) ==
              [('Cel drugi',)], 'nothing changed')
        post(c, base + '/cel/0', {'wersja': str(v), 'code': '2',
                                  'title': 'Cel drugi (zm.)'})

    def other_region_gets_404_and_csrf_is_required():
        add_user(binary, db, 'koord12', 'coordinator', region='12')
        c = Client(srv)
        c.login('koord12')
        for path in ('/plany/1/struktura', '/plany/1/struktura/cel/0',
                     '/plany/1/struktura/wiersz/nowy?zadanie=0'):
            check(c.request('GET', path)[0] == 404, path)
        v = version(1)
        for path, form in (('/plany/1/struktura/cel/0',
                            {'code': 'X', 'title': 'obcy'}),
                           ('/plany/1/struktura/cel/nowy',
                            {'code': 'X', 'title': 'obcy'}),
                           ('/plany/1/struktura/zadanie/0/usun', {}),
                           ('/plany/1/usun', {}),
                           ('/plany/1/archiwum', {'archived': '1'})):
            post(c, path, form, status=404)
        check(version(1) == v, 'nothing changed')
        k = Client(srv)
        k.login('koord')
        k.csrf('/plany')
        for path in ('/plany/1/struktura/cel/0', '/plany/1/usun'):
            st, _, _ = k.request('POST', path, {'code': 'X', 'title': 'y'})
            check(st == 403, (path, st))
        check(version(1) == v, 'nothing changed without the token')

    def items_with_realisation(pid):
        """Each realisation row with the line or indicator it points at."""
        return sorted(q(
            "SELECT r.kind, r.source, r.period, r.value, coalesce("
            " (SELECT l.term_text || '|' || l.total_grosze || '|' || t.number"
            "  FROM plan_line l JOIN plan_task t ON t.plan_id = l.plan_id"
            "  AND t.pos = l.task WHERE l.plan_id = r.plan_id AND"
            "  l.pos = r.pos AND r.kind = 'line'),"
            " (SELECT i.name || '|' || coalesce(i.year_text, '') FROM"
            "  plan_indicator i WHERE i.plan_id = r.plan_id AND"
            "  i.pos = r.pos AND r.kind = 'indicator'))"
            " FROM realisation r WHERE r.plan_id = ?", pid) + q(
            "SELECT 'narrative', '', n.period, n.text, t.number FROM"
            " task_narrative n JOIN plan_task t ON t.plan_id = n.plan_id"
            " AND t.pos = n.task WHERE n.plan_id = ?", pid) + q(
            "SELECT 'computed', c.metric, c.filter, c.task, i.name FROM"
            " computed_indicator c JOIN plan_indicator i ON i.plan_id ="
            " c.plan_id AND i.pos = c.pos WHERE c.plan_id = ?", pid))

    def realisation_follows_its_item_and_is_never_lost():
        c = Client(srv)
        c.login('koord')
        pid = 1
        task = 0
        lines = q('SELECT pos, term_text, total_grosze FROM plan_line WHERE '
                  'plan_id = ? AND task = ? ORDER BY pos', pid, task)
        last = q('SELECT max(pos) FROM plan_line WHERE plan_id = ?', pid)[0][0]
        inds = q('SELECT pos, name FROM plan_indicator WHERE plan_id = ? '
                 'ORDER BY pos', pid)
        # Approved realisation on the last line and the last indicator,
        # and a narrative of the last task.
        ntasks = q('SELECT count(*) FROM plan_task WHERE plan_id = ?',
                   pid)[0][0]
        q("INSERT INTO realisation(plan_id, kind, pos, source, period, value,"
          " status, entered_at, approved_value) VALUES (?, 'line', ?, 'own',"
          " '2031', 777, 'approved', '2031-12-01', 777)", pid, last)
        q("INSERT INTO realisation(plan_id, kind, pos, period, value, status,"
          " entered_at, approved_value) VALUES (?, 'indicator', ?, '2031', 5,"
          " 'approved', '2031-12-01', 5)", pid, inds[-1][0])
        q("INSERT INTO task_narrative(plan_id, task, period, text, entered_at)"
          " VALUES (?, ?, '2031', 'opis', '2031-12-01')", pid, ntasks - 1)
        # Every row of realisation, narrative and computed indicator of
        # the plan, with the item it belongs to, must stay the same.
        held = items_with_realisation(pid)
        last_line = q('SELECT term_text, total_grosze FROM plan_line WHERE '
                      'plan_id = ? AND pos = ?', pid, last)[0]
        # A line added in the middle (to task 0) moves every later line.
        post(c, f'/plany/{pid}/struktura/wiersz/nowy',
             {'task': str(task), 'term': 'I-XII', 'total': '1,00',
              'a_own': '1,00'})
        real = q("SELECT pos FROM realisation WHERE plan_id = ? AND "
                 "kind = 'line' AND period = '2031'", pid)
        check(real == [(last + 1,)], real)
        check(items_with_realisation(pid) == held, 'every row moved along')
        check(q('SELECT term_text, total_grosze FROM plan_line WHERE '
                'plan_id = ? AND pos = ?', pid, last + 1)[0] == last_line,
              'realisation points at the same line')
        # An indicator added to task 0 moves the later indicators too.
        post(c, f'/plany/{pid}/struktura/wskaznik/nowy',
             {'task': '0', 'parent': '', 'name': 'nowy wskaźnik',
              'year': '1'})
        real = q("SELECT r.pos, i.name FROM realisation r JOIN "
                 "plan_indicator i ON i.plan_id = r.plan_id AND "
                 "i.pos = r.pos WHERE r.plan_id = ? AND r.kind = "
                 "'indicator' AND r.period = '2031'", pid)
        check(real == [(inds[-1][0] + 1, inds[-1][1])], real)
        # Removing what has realisation is refused; nothing changes.
        v = version(pid)
        post(c, f'/plany/{pid}/struktura/wiersz/{last + 1}/usun', {},
             status=409)
        post(c, f'/plany/{pid}/struktura/wskaznik/{inds[-1][0] + 1}/usun',
             {}, status=409)
        _, html = post(c, f'/plany/{pid}/struktura/zadanie/{ntasks - 1}/usun',
                       {}, status=409)
        check('role="alert"' in html, 'the reason is shown')
        check(version(pid) == v, 'refused removals changed nothing')
        # Removing the line added above moves them back.
        post(c, f'/plany/{pid}/struktura/wiersz/{len(lines)}/usun', {})
        check(q("SELECT pos FROM realisation WHERE plan_id = ? AND "
                "kind = 'line' AND period = '2031'", pid) == [(last,)],
              'moved back')
        check(q("SELECT task FROM task_narrative WHERE plan_id = ? AND "
                "period = '2031'", pid) == [(ntasks - 1,)], 'narrative kept')
        check(items_with_realisation(pid) == held, 'all rows back in place')

    def draft_is_deleted_published_or_realised_only_archived():
        c = Client(srv)
        c.login('koord')
        pid = new_draft(c, 'Plan do usunięcia')
        post(c, f'/plany/{pid}/usun', {})
        check(q('SELECT count(*) FROM plan WHERE id = ?', pid) == [(0,)],
              'draft deleted')
        check(c.request('GET', f'/plany/{pid}/struktura')[0] == 404, 'gone')
        # Plan 1 has realisation (seeded above or by the demo).
        _, html = post(c, '/plany/1/usun', {}, status=409)
        check('zarchiwizować' in html, 'says to archive')
        pid = new_draft(c, 'Plan opublikowany')
        post(c, f'/plany/{pid}/publikacja', {'published': '1'})
        post(c, f'/plany/{pid}/usun', {}, status=409)
        check(q('SELECT count(*) FROM plan WHERE id = ?', pid) == [(1,)],
              'published plan kept')
        post(c, f'/plany/{pid}/archiwum', {'archived': '1'})
        html = c.request('GET', '/plany')[2]
        check(f'href="/plany/{pid}"' not in html, 'archived hidden')
        html = c.request('GET', '/plany?archiwalne=1')[2]
        check(f'href="/plany/{pid}"' in html and '(archiwum)' in html,
              'archived shown with the filter')
        check(Client(srv).request('GET', f'/plany/{pid}')[0] == 200,
              'an archived plan keeps its page')
        post(c, f'/plany/{pid}/archiwum', {'archived': '0'})
        check(f'href="/plany/{pid}"' in c.request('GET', '/plany')[2],
              'back on the list')

    def same_document_twice_asks_first():
        c = Client(srv)
        c.login('koord')
        seed = open(os.path.join(ROOT, 'data/seeds/'
                                 '001_bcc9bc9c7ab7a335.txt'), 'rb').read()
        n = q('SELECT count(*) FROM plan')[0][0]
        body, ct = multipart({'csrf': c.csrf('/plany/wczytaj')},
                             {'file': ('plan.txt', seed)})
        st, _, html = c.request('POST', '/plany/wczytaj', raw=body,
                                content_type=ct)
        check(st == 200 and 'name="duplicate"' in html and
              'Taki sam dokument wczytano już' in html, st)
        action = re.search(r'action="(/plany/wczytaj/\d+)"', html).group(1)
        st, _, html = c.request('POST', action, {
            'csrf': c.csrf('/plany'), 'action': 'confirm'})
        check(st == 409, st)
        check(q('SELECT count(*) FROM plan')[0][0] == n, 'nothing stored')
        st, h, _ = c.request('POST', action, {
            'csrf': c.csrf('/plany'), 'action': 'confirm', 'duplicate': '1'})
        check(st == 303, st)
        check(q('SELECT count(*) FROM plan')[0][0] == n + 1, 'confirmed')
        # A document not seen before has no warning.
        other = seed.replace(b'2021', b'2022')
        body, ct = multipart({'csrf': c.csrf('/plany/wczytaj')},
                             {'file': ('inny.txt', other)})
        html = c.request('POST', '/plany/wczytaj', raw=body,
                         content_type=ct)[2]
        check('name="duplicate"' not in html, 'no warning for a new one')
        # The CLI refuses it unless --allow-duplicate.
        path = os.path.join(ROOT, 'data/seeds/003_721fd9f0453d5207.txt')
        out = subprocess.run([binary, 'import', 'plan', path, '--db', db,
                              '--region', '12'],
                             capture_output=True, text=True)
        check(out.returncode == 1 and '--allow-duplicate' in out.stderr,
              (out.returncode, out.stderr[-300:]))
        check(q('SELECT count(*) FROM plan')[0][0] == n + 1, 'refused')
        out = subprocess.run([binary, 'import', 'plan', path, '--db', db,
                              '--region', '12', '--allow-duplicate'],
                             capture_output=True, text=True)
        check(out.returncode == 0, out.stderr[-300:])
        check(q('SELECT count(*) FROM plan')[0][0] == n + 2, 'allowed')


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
    # Issue 12 after the rest: they change plan 1 and add plans.
    for fn in (every_item_form_adds_edits_and_removes,
               a_form_from_before_another_change_is_refused,
               other_region_gets_404_and_csrf_is_required,
               realisation_follows_its_item_and_is_never_lost,
               draft_is_deleted_published_or_realised_only_archived,
               same_document_twice_asks_first):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
