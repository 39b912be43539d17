#!/usr/bin/env python3
"""Integration tests of the monitoring loop's pages read from the plan
cache (issue 21): on the demo plans and on a generated plan of 300 tasks
with entries, the annual report the server gives (its JSON API, the
report page's JSON and the dashboard, asked twice: loaded into the cache,
then read from it) has the figures of the report the CLI builds from the
store (`rodzina report annual --format json`); the report's HTML and the
dashboard are the same page when read again; a new entry changes the
cached plan's report as the store's; the monitoring page of the project
card and of the programme (progress over years) is the same read again,
and the list of adopted reports names the plan.
Usage: test_monitoring_cache.py BINARY"""
import json
import os
import re
import subprocess
import sys
import tempfile

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user

HERE = os.path.dirname(os.path.abspath(__file__))
TASKS = 300


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'admin', 'administrator')
    text = subprocess.run([sys.executable, os.path.join(
        HERE, '..', '..', 'bench', 'gen_plan.py'), str(TASKS)],
        capture_output=True, text=True, check=True).stdout
    path = os.path.join(tempfile.mkdtemp(dir=d), 'plan.txt')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(text)
    p = subprocess.run([binary, 'import', 'plan', path, '--db', db,
                        '--region', '04'], capture_output=True, text=True)
    check(p.returncode == 0, p.stderr)
    big = int(p.stdout.strip().split('\n')[-1])
    # Entries of every indicator (approved, pending, returned) and of the
    # planned amounts.
    sql(db, "INSERT INTO realisation(plan_id, kind, pos, source, period,"
        " value, status, entered_by, entered_at, approved_value)"
        " SELECT plan_id, 'indicator', pos, '',"
        " '2025-Q' || CAST(pos % 4 + 1 AS TEXT), pos * 11,"
        " CASE WHEN pos % 5 = 0 THEN 'returned'"
        "  WHEN pos % 3 = 0 THEN 'entered' ELSE 'approved' END,"
        " 'test', '2025-04-01T10:00:00Z',"
        " CASE WHEN pos % 3 = 0 THEN NULL ELSE pos * 10 END"
        " FROM plan_indicator WHERE plan_id = ?", (big,))
    sql(db, "INSERT INTO realisation(plan_id, kind, pos, source, period,"
        " value, status, entered_by, entered_at, approved_value)"
        " SELECT l.plan_id, 'line', l.pos, a.source, '2025', a.grosze / 3,"
        " 'approved', 'test', '2025-04-01T10:00:00Z', a.grosze / 3"
        " FROM plan_line l JOIN plan_amount a ON a.line_id = l.id"
        " WHERE l.plan_id = ? AND a.kind = 3 AND a.grosze <> 0", (big,))
    yearly = [r[0] for r in sql(db, "SELECT id FROM plan WHERE kind ="
                                " 'yearly' ORDER BY id")]
    others = [r[0] for r in sql(db, "SELECT id FROM plan WHERE kind <>"
                                " 'yearly' ORDER BY id")]
    check(big in yearly and len(yearly) >= 3 and len(others) >= 2,
          (yearly, others))
    srv = Server(binary, db)
    t = Runner('monitoring_cache')
    c = Client(srv)
    check(c.login('admin')[0] == 303, 'login')

    def from_store(plan):
        """The report the CLI builds from the store, as JSON."""
        p = subprocess.run([binary, 'report', 'annual', '--plan', str(plan),
                            '--format', 'json', '--db', db],
                           capture_output=True, text=True)
        check(p.returncode == 0, (plan, p.stderr))
        return json.loads(p.stdout)

    def page(path):
        st, _, body = c.request('GET', path)
        check(st == 200, (path, st))
        # Each answer has its own CSRF token.
        return re.sub(r'name="csrf" value="[^"]*"', '', body)

    def reports_from_the_cache_have_the_figures_of_the_store():
        for plan in yearly:
            want = from_store(plan)
            check(want['entries'] > 0 or plan != big, (plan, want))
            for k in range(2):  # loaded into the cache, then read from it
                for path in (f'/api/monitoring/plans/{plan}/report',
                             f'/monitoring/plany/{plan}/raport'
                             '?format=json'):
                    st, _, body = c.request('GET', path)
                    check(st == 200, (path, st))
                    check(json.loads(body) == want, (path, k))

    def pages_read_again_are_the_same():
        for plan in yearly:
            for path in (f'/monitoring/plany/{plan}',
                         f'/monitoring/plany/{plan}/raport'):
                first = page(path)
                check(first == page(path), path)
        for plan in others:
            path = f'/monitoring/plany/{plan}'
            first = page(path)
            check('<h1>' in first and first == page(path), path)
        st, _, body = c.request('GET', f'/sprawozdania/{big}')
        check(st == 200 and 'rok 2025' in body, (st, body[:300]))

    def a_new_entry_changes_the_cached_plans_report():
        before = from_store(big)
        sql(db, "INSERT INTO realisation(plan_id, kind, pos, source,"
            " period, value, status, entered_by, entered_at,"
            " approved_value) VALUES (?, 'indicator', 1, '', '2025-Q4',"
            " 5000, 'approved', 'test', '2025-05-01T10:00:00Z', 5000)",
            (big,))
        want = from_store(big)
        check(want != before, 'the entry changes the report')
        st, _, body = c.request('GET', f'/api/monitoring/plans/{big}'
                                '/report')
        check(st == 200 and json.loads(body) == want, st)

    t.run(reports_from_the_cache_have_the_figures_of_the_store)
    t.run(pages_read_again_are_the_same)
    t.run(a_new_entry_changes_the_cached_plans_report)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
