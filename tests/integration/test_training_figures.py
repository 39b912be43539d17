#!/usr/bin/env python3
"""The one rule of which figure an indicator shows (issue 18): the count
from the trainings' records where records exist, the approved values
entered by hand only where none exist (and then marked so). The project
page of seed 004's card, the annual report of seed 001's 2021 plan and the
indicators' API (/api/projects/ID/indicators) take it from one function,
so they show the same figure for every indicator of seed 004 and for seed
001's task 1.1 with its breakdown, hand entries beside the counts or not.
Usage: test_training_figures.py BINARY"""
import json
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user
from test_training import Office, ids, signed_and_confirmed

NOW = '2026-01-01T00:00:00Z'


def q(db, query, *args):
    return sql(db, query, args)


def enter(db, plan, pos, period, value):
    """An approved value entered by hand for indicator pos."""
    q(db, 'INSERT INTO realisation(plan_id, kind, pos, source, period, value,'
      " status, entered_by, entered_at, approved_value, approved_by,"
      " approved_at) VALUES (?, 'indicator', ?, '', ?, ?, 'approved',"
      " 'koord', ?, ?, 'koord', ?)", plan, pos, period, value, NOW, value,
      NOW)


def api(srv, plan):
    st, _, body = Client(srv).request('GET',
                                      f'/api/projects/{plan}/indicators')
    check(st == 200, f'indicators: {st}')
    return {x['pos']: x for x in json.loads(body)['indicators']}


def project_page(office, plan):
    """Indicator name -> (figure to date, the mark under it) of the card's
    progress table."""
    st, _, html = office.c.request('GET', f'/monitoring/plany/{plan}')
    check(st == 200, f'project page: {st}')
    table = html[html.index('mon-progress'):]
    table = table[:table.index('</table>')]
    got = {}
    for name, cells in re.findall(
            r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', table, flags=re.S):
        tds = re.findall(r'<td class="num">(.*?)</td>', cells, flags=re.S)
        to_date = tds[-2]
        figure = to_date.split('<br>')[0].replace('\u00a0', ' ')
        mark = re.findall(r'<span class="pending">(.*?)</span>', to_date)
        got[name] = (figure, mark[0] if mark else '')
    return got, html


def report(office, plan):
    st, _, body = office.c.request(
        'GET', f'/api/monitoring/plans/{plan}/report')
    check(st == 200, f'report: {st}')
    return {x['pos']: x for x in json.loads(body)['indicators']}


def thousands(n):
    return f'{n:,}'.replace(',', ' ') if n is not None else '–'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    project = q(db, "SELECT id FROM plan WHERE kind = 'project'")[0][0]
    plan2021 = q(db, "SELECT id FROM plan WHERE year = 2021")[0][0]
    for table in ('training_signup', 'training', 'training_institution',
                  'training_lpdi'):
        q(db, f'DELETE FROM {table}')
    q(db, 'DELETE FROM realisation WHERE plan_id = ?', project)
    # hand entries: persons supported and the LPDI share of the card, the
    # trained persons and two groups of 001's task 1.1
    enter(db, project, 0, '2024', 500)
    enter(db, project, 3, '2025', 20)
    for pos, v in ((1, 150), (2, 40), (5, 7)):
        q(db, "DELETE FROM realisation WHERE plan_id = ? AND kind ="
          " 'indicator' AND pos = ?", plan2021, pos)
        enter(db, plan2021, pos, '2021', v)
    srv = Server(binary, db)
    t = Runner('training_figures')
    office = Office(srv)
    names = {r[0]: r[1] for r in q(
        db, 'SELECT pos, name FROM plan_indicator WHERE plan_id = ?',
        project)}

    def same_on_page_and_api(want):
        page, html = project_page(office, project)
        got = api(srv, project)
        check(sorted(got) == [0, 1, 2, 3], f'card indicators: {sorted(got)}')
        for pos, (figure, source) in want.items():
            x = got[pos]
            check(x['figure'] == figure and x['source'] == source,
                  f'api {pos}: {x}')
            shown, mark = page[names[pos]]
            check(shown == thousands(figure),
                  f'page {pos}: {shown!r}, api {figure}')
            check(mark == {'counted': '(policzone z ewidencji)',
                           'entered': '(wpisane ręcznie)',
                           None: ''}[source], f'page {pos} mark: {mark!r}')
        return html

    def without_records_the_hand_entries_show_marked():
        html = same_on_page_and_api({0: (500, 'entered'), 1: (None, None),
                                     2: (None, None), 3: (20, 'entered')})
        check('Wpisany ręcznie' in html, 'no note on the entered figures')
        check('Tę samą regułę stosuje sprawozdanie roczne' in html,
              'the rule is not stated on the project page')

    def with_records_the_counts_win_everywhere():
        tid = office.create('Koordynacja usług — szkolenie', project,
                            capacity=5, groups=('team', 'social'),
                            date_from='2031-03-10', date_to='2031-03-10')
        for name, email, group, org, kind in (
                ('Anna Nowak', 'anna@ops.pl', 'team', 'MOPR Toruń', 'ops'),
                ('Bartosz Lis', 'bartek@pcpr.pl', 'social', 'PCPR Chełmno',
                 'pcpr'),
                ('Cezary Wrona', 'cezary@ops.pl', 'team', 'MOPR Toruń',
                 'ops')):
            signed_and_confirmed(srv, db, tid, name, email, group, org=org,
                                 kind=kind)
        s = ids(db, tid)
        office.attend(tid, '2031-03-10', [s['anna@ops.pl'],
                                          s['bartek@pcpr.pl']])
        st, _, _ = office.post(f'/szkolenia/{tid}/test', {
            'max': '10', f'b_{s["anna@ops.pl"]}': '4',
            f'a_{s["anna@ops.pl"]}': '9', f'b_{s["bartek@pcpr.pl"]}': '6',
            f'a_{s["bartek@pcpr.pl"]}': '6'})
        check(st == 200, f'test: {st}')
        fields = {'csrf': office.c.csrf('/lpdi'), 'jednostka': '0463011',
                  'przyjety': '1', 'data': '2024-06-30', 'uchwala': 'XII/1',
                  'link': ''}
        st, _, _ = office.c.request('POST', '/lpdi', fields)
        check(st == 200, f'lpdi: {st}')
        total = q(db, "SELECT count(*) FROM gmina WHERE teryt LIKE '04%'")[
            0][0] + q(db, "SELECT count(*) FROM powiat WHERE woj = '04' AND"
                      " kind = 'powiat'")[0][0]
        # hand counts: Anna and Bartosz present (Cezary absent); MOPR and
        # PCPR; Anna raised 4 -> 9, Bartosz 6 -> 6 did not; 1 plan of total.
        # The 500 and 20 typed by hand no longer show: records exist.
        same_on_page_and_api({0: (2, 'counted'), 1: (2, 'counted'),
                              2: (1, 'counted'),
                              3: (100 // total, 'counted')})

    def task_1_1_in_the_report_equals_the_api():
        rep = report(office, plan2021)
        got = api(srv, plan2021)
        # before any event serves task 1.1, the entered values are the
        # API's figures, marked so
        for pos, v in ((1, 150), (2, 40), (5, 7)):
            check(got[pos]['figure'] == v and
                  got[pos]['source'] == 'entered', f'api {pos}: {got[pos]}')
        c = office.create('Szkolenie dla zespołów interdyscyplinarnych',
                          plan2021, task='1.1', capacity=10,
                          groups=('team', 'police', 'probation'),
                          date_from='2031-06-01', date_to='2031-06-01')
        people = [('Gosia', 'g@a.pl', 'team'), ('Henryk', 'h@a.pl', 'team'),
                  ('Iza', 'i@a.pl', 'police'),
                  ('Jan', 'j@a.pl', 'probation'),
                  ('Kasia', 'k@a.pl', 'police')]
        for name, email, group in people:
            signed_and_confirmed(srv, db, c, name + ' Test', email, group,
                                 org='Urząd Gminy Lubicz', kind='gmina')
        s = ids(db, c)
        office.attend(c, '2031-06-01', [s[e] for _, e, _ in people
                                        if e != 'k@a.pl'])
        rep = report(office, plan2021)
        got = api(srv, plan2021)
        # hand counts: one event; Gosia, Henryk, Iza, Jan present
        want = {0: 1, 1: 4, 2: 2, 3: 0, 4: 0, 5: 1, 6: 1, 7: 0}
        for pos, n in want.items():
            check(got[pos]['task'] == '1.1', f'pos {pos}: {got[pos]}')
            check(got[pos]['figure'] == n and
                  got[pos]['source'] == 'counted', f'api {pos}: {got[pos]}')
            check(rep[pos]['realisation'] == n and rep[pos]['computed'],
                  f'report {pos}: {rep[pos]} (api {n})')
        check(sum(want[p] for p in range(2, 8)) == want[1],
              'breakdown does not sum to the total')

    for fn in (without_records_the_hand_entries_show_marked,
               with_records_the_counts_win_everywhere,
               task_1_1_in_the_report_equals_the_api):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
