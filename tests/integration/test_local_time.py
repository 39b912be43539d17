#!/usr/bin/env python3
"""Times on pages are Polish local time (issue 20): a crawl of the site as
the public, an administrator, a coordinator and an implementer finds no
stored UTC time ("2026-12-03T13:05:09Z") in any HTML page; the JSON API
keeps ISO 8601. Usage: test_local_time.py BINARY"""
import re
import subprocess
import sys
import urllib.parse

from harness import Runner, Server, check, cleanup, make_db
from test_auth import Client, add_user

UTC_TIME = re.compile(r'\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?Z')
LINK = re.compile(r'href="(/[^"#]*)"')
# Downloads and actions are not pages to read.
SKIP = re.compile(r'^/(static/|logout)|/eksport/|\.csv$|\.zip$|format=(pdf|'
                  r'xlsx|csv|json)|^/api/')
LIMIT = 400


def crawl(c, starts, inspect=None):
    """Pages reachable from starts (at most LIMIT): their count, and what
    inspect(path, html) finds in them (UTC times when None)."""
    seen, queue, pages = set(), list(starts), 0
    found = []
    while queue and pages < LIMIT:
        path = queue.pop(0)
        if path in seen or SKIP.search(path):
            continue
        seen.add(path)
        st, h, body = c.request('GET', path)
        if st != 200 or not h.get('content-type', '').startswith('text/html'):
            continue
        pages += 1
        if inspect is not None:
            found += inspect(path, body)
        else:
            found += [(path, m.group(0)) for m in UTC_TIME.finditer(body)]
        for link in LINK.findall(body):
            link = urllib.parse.unquote(link.replace('&amp;', '&'))
            # One page of each list is enough: drop paging and filters.
            link = link.split('?')[0] if '?' in link and pages > 50 else link
            if link not in seen:
                queue.append(link)
    return pages, found


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'admin', 'administrator')
    add_user(binary, db, 'koord', 'coordinator')
    units = subprocess.run([binary, 'user', 'units', '--region', '04',
                            '--kind', 'implementer', '--db', db],
                           capture_output=True, text=True).stdout
    unit = next(line.split()[0] for line in units.splitlines()
                if 'Konsultanci Kujawsko-Pomorskiej' in line)
    subprocess.run([binary, 'user', 'add', 'realizator', '--role',
                    'implementer', '--region', '04', '--unit', unit, '--db',
                    db], input='dobre-haslo-2024!\n', text=True, check=True)
    srv = Server(binary, db)
    t = Runner('local_time')

    def times_are_shown_in_polish_local_time():
        coord = Client(srv)
        check(coord.login('koord')[0] == 303, 'login')
        # Fresh times of every kind: an entry, a decision, a narrative,
        # audit rows, an adopted report.
        st, h, _ = coord.request('POST', '/monitoring/wpisy', {
            'csrf': coord.csrf('/monitoring'), 'plan': 1, 'kind': 'indicator',
            'pos': 13, 'source': '', 'period': '2021', 'value': '15',
            'note': ''})
        check(st == 303, st)
        total = 0
        for who in (None, 'admin', 'koord', 'realizator'):
            c = Client(srv)
            if who:
                check(c.login(who)[0] == 303, f'login {who}')
            pages, found = crawl(c, ['/', '/monitoring',
                                     '/monitoring/zatwierdzanie', '/audyt',
                                     '/system', '/moje-zadania',
                                     '/monitoring/plany/1',
                                     '/monitoring/wpisy/1'])
            total += pages
            check(not found, f'{who or "public"}: UTC times shown: '
                  f'{found[:5]}')
        check(total > 100, f'only {total} pages crawled')
        # The API keeps ISO 8601.
        st, _, body = coord.request('GET', '/api/monitoring/plans/1/report')
        check(st == 200 and re.search(r'"issued_on":"\d{4}-\d\d-\d\d"', body),
              'ISO date in the API')

    t.run(times_are_shown_in_polish_local_time)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
