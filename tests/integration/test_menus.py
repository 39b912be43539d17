#!/usr/bin/env python3
"""Roles and menus (issue 15): every role's main menu holds exactly the
pages it may open and that belong in a menu, and each of its links
answers 200 (not 403) for that role; a new account gets no role until one
is chosen (the web form's role list starts empty and is required, with
the error at the field; the CLI's `user add` requires --role).
Usage: test_menus.py BINARY"""
import re
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import PASSWORD, ROLES, Client, add_user

PUBLIC = {'/', '/plany', '/monitoring', '/niebieska-linia', '/uslugi',
          '/rejestry', '/teryt', '/obserwatorium', '/nabory',
          '/szkolenia', '/dobre-praktyki', '/materialy'}
# Every logged-in account has the professionals' forum (issue 19).
LOGGED_IN = PUBLIC | {'/forum'}
# The menu of each role, written here independently of layout.c.
MENU = {
    'public': PUBLIC,
    'administrator': LOGGED_IN | {'/uzytkownicy', '/regiony', '/audyt',
                                  '/system'},
    'coordinator': LOGGED_IN | {'/ocena'},
    'implementer': LOGGED_IN | {'/moje-zadania', '/ocena'},
    'consultant': LOGGED_IN,
    'analyst': LOGGED_IN | {'/ocena'},
    'grantee': LOGGED_IN | {'/moje-dotacje', '/moja-organizacja',
                            '/moje-oferty'},
    'professional': LOGGED_IN,
}
# Pages that belong in a menu but only for some roles: each must be in the
# menu of every role that can open it (checked by requesting it).
OWN_PAGES = ['/uzytkownicy', '/regiony', '/audyt', '/system',
             '/moje-dotacje', '/moja-organizacja', '/moje-oferty', '/ocena']


def menu_links(html):
    m = re.search(r'<nav aria-label="Menu główne"><ul>(.*?)</ul></nav>',
                  html, re.S)
    check(m, 'no main menu')
    return re.findall(r'<a href="([^"]+)"', m.group(1))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for role in ROLES:
        rc, err = add_user(binary, db, role, role)
        if rc != 0:
            print(f'FAIL setup: user {role}: {err}')
            return 1
    # the implementer and the grantee own units, as real ones do
    impl, org = ((sql(db, "SELECT id FROM org_unit WHERE kind = ? AND"
                      " region = '04' ORDER BY id LIMIT 1", (kind,)) or
                  [None])[0] for kind in ('implementer', 'organisation'))
    for login, unit in (('implementer2', impl), ('grantee2', org)):
        if unit is None:
            print(f'FAIL setup: the demo has no unit for {login}')
            return 1
        subprocess.run([binary, 'user', 'add', login, '--role', login[:-1],
                        '--region', '04', '--unit', str(unit[0]), '--db', db],
                       input=PASSWORD + '\n', capture_output=True, text=True,
                       check=True)
    srv = Server(binary, db)
    t = Runner('menus')

    def every_role_menu_is_exactly_its_pages_and_each_answers_200():
        who = [('public', None)] + [(r, r) for r in ROLES] + [
            ('implementer', 'implementer2'), ('grantee', 'grantee2')]
        for role, login in who:
            c = Client(srv)
            if login is not None:
                st, _, _ = c.login(login)
                check(st == 303, f'login {login}: {st}')
            st, _, html = c.request('GET', '/')
            links = menu_links(html)
            check(len(links) == len(set(links)), f'{role}: doubled {links}')
            check(set(links) == MENU[role],
                  f'{role}: menu {sorted(links)}, expected '
                  f'{sorted(MENU[role])}')
            for href in links:
                st, h, _ = c.request('GET', href)
                check(st == 200, f'{role} ({login}): menu link {href} '
                                 f'answers {st} {h.get("location", "")}')
            for href in OWN_PAGES:
                st, _, _ = c.request('GET', href)
                if st == 200:
                    check(href in links, f'{role} may open {href} but its '
                                         f'menu lacks it')

    def the_current_page_is_marked():
        c = Client(srv)
        c.login('administrator')
        st, _, html = c.request('GET', '/audyt')
        check('<a href="/audyt" aria-current="page">' in html,
              'audit not marked current')

    def a_new_account_has_no_role_until_one_is_chosen():
        c = Client(srv)
        c.login('administrator')
        st, _, html = c.request('GET', '/uzytkownicy')
        m = re.search(r'<select id="f-role" name="role" required>\s*'
                      r'<option value="">[^<]+</option>', html)
        check(m, 'role list does not start with an empty, required choice')
        check(' selected' not in html.split('id="f-role"')[1]
              .split('</select>')[0], 'a role is preselected')
        before = sql_one(db, 'SELECT count(*) FROM account')
        st, _, html = c.request('POST', '/uzytkownicy', {
            'csrf': c.csrf('/uzytkownicy'), 'login': 'bezroli',
            'password': PASSWORD, 'role': '', 'region': '04', 'unit': ''})
        check(st == 400, f'no role: {st}')
        check(re.search(r'id="f-role-error">[^<]+</span>\s*<select '
                        r'id="f-role" name="role" required '
                        r'aria-invalid="true" '
                        r'aria-describedby="f-role-error"', html),
              'the error is not at the role field')
        after = sql_one(db, 'SELECT count(*) FROM account')
        check(before == after, 'an account without a role was made')
        p = subprocess.run([binary, 'user', 'add', 'bezroli', '--region',
                            '04', '--db', db], input=PASSWORD + '\n',
                           capture_output=True, text=True)
        check(p.returncode != 0 and '--role' in p.stderr,
              f'CLI without --role: {p.returncode} {p.stderr}')

    try:
        for fn in (every_role_menu_is_exactly_its_pages_and_each_answers_200,
                   the_current_page_is_marked,
                   a_new_account_has_no_role_until_one_is_chosen):
            t.run(fn)
    finally:
        srv.stop()
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
