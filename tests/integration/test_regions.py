#!/usr/bin/env python3
"""Integration tests of regions as configuration and of starting for real
(issue 15): `rodzina region add/list`, the administrators' page /regiony
(capability, CSRF, audit), the crisis lines read from each region's
settings and the national data (home page, directory's "no results"), and
README.md's "Starting for real" commands run exactly as written on a fresh
database, then seed 001 imported over the web by the new coordinator.
Usage: test_regions.py BINARY"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile

from harness import (Runner, Server, check, cleanup, make_db, sql, sql_one,
                     sqlite_only)
from test_auth import PASSWORD, Client, add_user, audit_rows, multipart

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SEED1 = os.path.join(ROOT, 'data/seeds/001_bcc9bc9c7ab7a335.txt')


def readme_commands():
    """The commands of README.md's "Starting for real" block, as argv."""
    text = open(os.path.join(ROOT, 'README.md'), encoding='utf-8').read()
    m = re.search(r'#+ Starting for real\n.*?```sh\n(.*?)```', text, re.S)
    check(m, 'README.md has no "Starting for real" block')
    return [shlex.split(line) for line in m.group(1).splitlines()
            if line.strip() and not line.startswith('#')]


def run(binary, args, stdin=None, cwd=None):
    p = subprocess.run([binary] + args, input=stdin, capture_output=True,
                       text=True, cwd=cwd, timeout=120)
    return p.returncode, p.stdout, p.stderr


def upload(c, data, region=None):
    """POST /plany/wczytaj as the client c; returns (status, body)."""
    token = c.csrf('/plany/wczytaj')
    fields = {'csrf': token}
    if region is not None:
        fields['region'] = region
    body, ctype = multipart(fields, {'file': ('001.txt', data)})
    st, _, html = c.request('POST', '/plany/wczytaj', raw=body,
                            content_type=ctype)
    return st, html


def main():
    binary = os.path.abspath(sys.argv[1])
    t = Runner('regions')

    @sqlite_only("README's commands as written make a SQLite file")
    def readme_start_for_real_then_web_import_by_the_coordinator():
        cmds = readme_commands()
        check(len(cmds) == 4, f'README shows {len(cmds)} commands, not 4')
        check([c[1] for c in cmds] == ['init', 'region', 'user', 'import'],
              f'README commands: {[c[1] for c in cmds]}')
        check('--demo' not in cmds[0], 'init in README uses --demo')
        d = tempfile.mkdtemp(prefix='rodzina-it-')
        try:
            # Relative paths of the README are the repository's: copy the
            # data it names into the temporary folder, run from there.
            os.symlink(os.path.join(ROOT, 'data'), os.path.join(d, 'data'))
            login = None
            for argv in cmds:
                check(argv[0].endswith('rodzina'), f'not rodzina: {argv}')
                stdin = PASSWORD + '\n' if argv[1:3] == ['user', 'add'] \
                    else None
                if argv[1:3] == ['user', 'add']:
                    login = argv[3]
                rc, out, err = run(binary, argv[1:], stdin=stdin, cwd=d)
                check(rc == 0, f'{" ".join(argv)}: rc {rc}: {err[-500:]}')
            db = os.path.join(d, 'rodzina.db')
            check(os.path.exists(db), 'README commands made no rodzina.db')
            rc, out, _ = run(binary, ['region', 'list', '--db', db])
            check(rc == 0 and out.startswith('04 kujawsko-pomorskie'), out)
            srv = Server(binary, db)
            try:
                c = Client(srv)
                st, _, _ = c.login(login)
                check(st == 303, f'login {login}: {st}')
                st, html = upload(c, open(SEED1, 'rb').read())
                check(st == 200, f'upload of seed 001: {st} {html[-400:]}')
                m = re.search(r'action="(/plany/wczytaj/\d+)"', html)
                check(m, 'no confirm form after the upload')
                st, h, _ = c.request('POST', m.group(1), {
                    'csrf': c.csrf('/plany'), 'action': 'confirm'})
                check(st == 303 and re.match(r'/plany/\d+$',
                                             h.get('location', '')),
                      f'confirm: {st} {h.get("location")}')
                st, _, html = c.request('GET', h['location'])
                check(st == 200, f'plan page: {st}')
                n = sql_one(db, "SELECT count(*) FROM plan WHERE region ="
                            " '04'")
                check(n == 2, f'{n} plans of region 04, expected 2')
            finally:
                srv.stop()
        finally:
            cleanup(d)

    def empty_instance_refuses_uploads_cleanly_and_shows_national_lines():
        d, db = make_db(binary, demo=False)
        try:
            rc, err = add_user(binary, db, 'admin', 'administrator')
            check(rc == 0, err)
            rc, _, err = run(binary, ['region', 'list', '--db', db])
            check(rc == 0 and _ == '', f'regions of an empty instance: {_!r}')
            srv = Server(binary, db)
            try:
                c = Client(srv)
                c.login('admin')
                # before issue 15: a foreign-key failure and a 500
                st, html = upload(c, open(SEED1, 'rb').read(), region='04')
                check(st == 422 and 'region add' in html,
                      f'upload to a region not served: {st}')
                st, _, html = srv.get('/')
                html = html.decode()
                check(st == 200, st)
                check('800 154 030' not in html,
                      'an empty instance names a region\'s helpline')
                for tel in ('tel:112', 'tel:800120002', 'tel:116123',
                            'tel:116111'):
                    check(f'href="{tel}"' in html, f'home lacks {tel}')
                st, _, html = srv.get('/uslugi?gmina=0463011')
                html = html.decode()
                check(st == 200 and 'href="tel:800120002"' in html
                      and '800 154 030' not in html,
                      f'directory of an empty instance: {st}')
                st, _, html = srv.get('/niebieska-linia')
                html = html.decode()
                check(st == 200 and 'href="tel:800120002"' in html
                      and '800 154 030' not in html,
                      f'helpline page of an empty instance: {st}')
            finally:
                srv.stop()
        finally:
            cleanup(d)

    def region_cli_adds_updates_and_lists():
        d, db = make_db(binary, demo=False)
        try:
            rc, out, err = run(binary, ['region', 'add', '99', '--db', db])
            check(rc != 0, 'region 99 accepted')
            rc, out, err = run(binary, [
                'region', 'add', '12', '--db', db, '--name', 'ROPS Kraków',
                '--helpline', 'Linia A | 12 000 00 01 | całodobowo',
                '--helpline', 'Linia B | 12 000 00 02 | pn–pt 8:00–16:00'])
            check(rc == 0, err)
            rc, out, err = run(binary, ['region', 'add', '04', '--db', db])
            check(rc == 0, err)
            rc, out, _ = run(binary, ['region', 'list', '--db', db])
            check(out.splitlines() == ['04 kujawsko-pomorskie',
                                       '12 małopolskie'], repr(out))
            # add of an existing region changes what is given, keeps the rest
            rc, out, err = run(binary, ['region', 'add', '12', '--db', db,
                                        '--bip', 'https://bip.example.pl'])
            check(rc == 0, err)
            rc, out, _ = run(binary, ['region', 'show', '12', '--db', db])
            check('centre: ROPS Kraków' in out and
                  'BIP: https://bip.example.pl' in out and
                  out.count('helpline:') == 2, out)
            rc, out, err = run(binary, ['region', 'add', '12', '--db', db,
                                        '--bip', 'javascript:alert(1)'])
            check(rc != 0, 'a javascript: BIP accepted')
            rows = sql(db, "SELECT open_from, open_to FROM region_line WHERE"
                       " woj = '12' ORDER BY pos")
            check(rows == [(0, 1440), (480, 960)], rows)
            check(audit_rows(db, 'region.add') == 2 and
                  audit_rows(db, 'region.update') == 1, 'audit rows')
        finally:
            cleanup(d)

    def admin_page_adds_a_region_with_csrf_and_audit():
        d, db = make_db(binary, demo=False)
        try:
            add_user(binary, db, 'admin', 'administrator')
            run(binary, ['region', 'add', '04', '--db', db])
            add_user(binary, db, 'koord', 'coordinator')
            srv = Server(binary, db)
            try:
                c = Client(srv)
                c.login('admin')
                st, _, html = c.request('GET', '/regiony')
                check(st == 200 and '<select id="f-woj" name="woj" required>'
                      in html and '<option value="">' in html, st)
                form = {'woj': '12', 'office': 'ROPS <Kraków>',
                        'address': 'ul. Przykładowa 1',
                        'lines': 'Telefon X | 12 111 22 33 | całodobowo\n',
                        'info_line': '12 000 00 00', 'bip': ''}
                st, _, _ = c.request('POST', '/regiony', form)
                check(st == 403, f'POST without CSRF: {st}')
                st, _, html = c.request('POST', '/regiony', dict(
                    form, lines='no phone here', csrf=c.csrf('/regiony')))
                check(st == 400 and 'role="alert"' in html,
                      f'bad line: {st}')
                st, h, _ = c.request('POST', '/regiony',
                                     dict(form, csrf=c.csrf('/regiony')))
                check(st == 303, f'save: {st}')
                st, _, html = c.request('GET', h['location'])
                check(st == 200 and 'ROPS &lt;Kraków&gt;' in html and
                      '12 111 22 33' in html, 'saved region not shown')
                check(audit_rows(db, 'region.add') == 2, 'no audit row')
                st, _, home = c.request('GET', '/')
                check('href="tel:121112233"' in home, 'home lacks 12\'s line')
                st, _, html = c.request(
                    'GET', '/uslugi?gmina=1261011&q=zzzzqqq')
                check(st == 200 and 'href="tel:121112233"' in html,
                      f'directory of 12 lacks its line: {st}')
                k = Client(srv)
                k.login('koord')
                st, _, _ = k.request('GET', '/regiony')
                check(st == 403, f'coordinator on /regiony: {st}')
                # a coordinator of the region added on the web can now exist
                rc, err = add_user(binary, db, 'koord12', 'coordinator',
                                      region='12')
                check(rc == 0, err)
            finally:
                srv.stop()
        finally:
            cleanup(d)

    def demo_lines_come_from_each_regions_settings():
        d, db = make_db(binary)
        try:
            srv = Server(binary, db)
            try:
                st, _, home = srv.get('/')
                home = home.decode()
                check('href="tel:800154030"' in home and
                      'href="tel:124219282"' in home, 'demo home lines')
                # An account of a region is shown its region's lines.
                add_user(binary, db, 'koord12', 'coordinator', region='12')
                c = Client(srv)
                check(c.login('koord12')[0] == 303, 'login')
                home = c.request('GET', '/')[2]
                check('href="tel:124219282"' in home and
                      'href="tel:800154030"' not in home and
                      'href="tel:800120002"' in home,
                      'a coordinator of 12 sees 12\'s and the national lines')
                # a gmina of małopolskie: its lines, not kujawsko-pomorskie's
                st, _, html = srv.get('/uslugi?gmina=1261011&q=zzzzqqq')
                html = html.decode()
                check(st == 200 and 'href="tel:124219282"' in html and
                      'href="tel:800154030"' not in html,
                      'region 12 directory shows the wrong lines')
                st, _, html = srv.get('/uslugi?gmina=0463011&q=zzzzqqq')
                html = html.decode()
                check('href="tel:800154030"' in html and
                      'href="tel:124219282"' not in html,
                      'region 04 directory shows the wrong lines')
                # the helpline's page and API read the region's first line
                st, _, html = srv.get('/niebieska-linia?woj=12')
                html = html.decode()
                check(st == 200 and 'Linia 12 421 92 82 jest teraz czynna'
                      in html and '800 154 030' not in html,
                      'helpline page of 12')
                st, _, body = srv.get('/api/helpline/duties?woj=12')
                doc = json.loads(body)
                check((doc['phone'], doc['hours'], doc['open_now']) ==
                      ('12 421 92 82', '00:00-24:00', True), doc)
                st, _, body = srv.get('/api/helpline/duties?woj=04')
                doc = json.loads(body)
                check((doc['phone'], doc['hours']) ==
                      ('800 154 030', '17:00-21:00'), doc)
            finally:
                srv.stop()
        finally:
            cleanup(d)

    for fn in (readme_start_for_real_then_web_import_by_the_coordinator,
               empty_instance_refuses_uploads_cleanly_and_shows_national_lines,
               region_cli_adds_updates_and_lists,
               admin_page_adds_a_region_with_csrf_and_audit,
               demo_lines_come_from_each_regions_settings):
        t.run(fn)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
