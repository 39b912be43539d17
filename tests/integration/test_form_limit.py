#!/usr/bin/env python3
"""Integration tests of the limit on public forms (issues 17, 18, 19)
against the real server, on SQLite or PostgreSQL: sign-ups to a training,
organisations' and professionals' registrations are limited per client
address and target and per address over all forms, as configured; the
refusal is a 429 with Retry-After and a Polish message, and changes
nothing; other addresses and the login are not affected; a place frees
when the hour has passed; with the default limits a person who signs up,
mistypes and registers is never refused.
Usage: test_form_limit.py BINARY"""
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import PASSWORD, Client, add_user
from test_grants import org_form
from test_training import TORUN, Office, form_csrf

LIMIT_MESSAGE = 'zbyt wiele zgłoszeń'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    project = sql_one(db, "SELECT id FROM plan WHERE kind = 'project'")
    t = Runner('form_limit')
    state = {'n': 0}

    def sign_up(srv, tid, source=None, email=None, **over):
        c = Client(srv, source=source)
        st, _, html = c.request('GET', f'/szkolenia/{tid}')
        check(st == 200, f'event page: {st}')
        state['n'] += 1
        fields = {'csrf': form_csrf(html), 'imie': f'Osoba {state["n"]}',
                  'email': email or f'osoba{state["n"]}@ops.example.pl',
                  'instytucja': 0, 'nazwa': 'OPS', 'rodzaj': 'ops',
                  'gmina': TORUN, 'grupa': 'team', 'zgoda': '1'}
        fields.update(over)
        return c.request('POST', f'/szkolenia/{tid}/zapis', fields)

    def counts():
        return (sql_one(db, 'SELECT count(*) FROM training_signup'),
                sql_one(db, 'SELECT count(*) FROM mail_outbox'),
                sql_one(db, 'SELECT count(*) FROM grant_org'),
                sql_one(db, 'SELECT count(*) FROM professional'))

    def refused(resp, what):
        st, h, body = resp
        check(st == 429, f'{what}: {st}, not 429')
        wait = int(h.get('retry-after', '0'))
        check(0 < wait <= 3600, f'{what}: Retry-After {h.get("retry-after")}')
        m = re.search(r'Spróbuj ponownie za (\d+) min', body)
        check(LIMIT_MESSAGE in body and m and
              int(m.group(1)) == (wait + 59) // 60, f'{what}: {body[:600]}')

    # Small limits, from the command line, for the test.
    srv = Server(binary, db, ['--form-limit-per-target', '3',
                              '--form-limit-per-address', '5'])

    def per_target_limit_refuses_and_changes_nothing():
        tid = Office(srv).create('Warsztat', project, capacity=50)
        state['tid'] = tid
        for i in range(3):
            st, _, body = sign_up(srv, tid)
            check(st == 200 and 'Sprawdź pocztę' in body, f'sign-up {i}: {st}')
        before = counts()
        refused(sign_up(srv, tid), 'the 4th sign-up to one training')
        check(counts() == before, 'a refused sign-up changed something')
        # Another client address is not limited by this one.
        st, _, _ = sign_up(srv, tid, source='127.0.0.2')
        check(st == 200, f'another address: {st}')

    def per_address_limit_counts_every_form():
        # 127.0.0.1 has 4 submissions (3 + 1 refused, not counted): one
        # more to another form reaches 5; the 6th to a third form is
        # refused although that form saw none from it.
        c = Client(srv)
        st, _, _ = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja')))
        check(st == 200, f'organisation: {st}')
        tid2 = Office(srv).create('Konferencja', project, capacity=50)
        st, _, _ = sign_up(srv, tid2)
        check(st == 200, f'another training: {st}')
        before = counts()
        c = Client(srv)
        refused(c.request('POST', '/forum/rejestracja', {
            'csrf': c.csrf('/forum/rejestracja'), 'name': 'Olga Wrona',
            'email': 'olga@pcpr.example.pl', 'institution': 'PCPR',
            'gmina': 'Toruń', 'grp': 'ops', 'login': 'owrona',
            'password': PASSWORD}), "a professional's registration")
        c = Client(srv)
        refused(c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja'), krs='0000777777', nip='',
            name='Stowarzyszenie Trzecie', login='inna',
            email='inna@example.org')),
            "an organisation's registration")
        check(counts() == before, 'a refused registration changed something')

    def login_is_not_a_form_and_forms_are_not_logins():
        c = Client(srv)
        st, _, _ = c.login('koord')
        check(st == 303, f'login from a limited address: {st}')
        check(sql_one(db, "SELECT count(*) FROM login_failure WHERE scope ="
                      " 'login'") == 0, 'submissions counted as failures')

    def a_place_frees_after_the_hour():
        # An hour later (the rows moved back in time) the address may again.
        sql(db, "UPDATE login_failure SET at = at - 3600 WHERE scope = 'form'")
        st, _, _ = sign_up(srv, state['tid'])
        check(st == 200, f'after the hour: {st}')

    for fn in (per_target_limit_refuses_and_changes_nothing,
               per_address_limit_counts_every_form,
               login_is_not_a_form_and_forms_are_not_logins,
               a_place_frees_after_the_hour):
        t.run(fn)
    srv.stop()

    # The default limits: a person's ordinary use never meets them.
    srv = Server(binary, db)

    def a_normal_user_is_never_refused():
        tid = Office(srv).create('Szkolenie', project, capacity=50)
        codes = []
        for over in ({'email': 'zly-adres'}, {'imie': ''}, {}):
            codes.append(sign_up(srv, tid, source='127.0.0.3',
                                 email=over.pop('email', None), **over)[0])
        c = Client(srv, source='127.0.0.3')
        codes.append(c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja'), krs='0000777777', nip='',
            name='Stowarzyszenie Trzecie', login='trzecia',
            email='trzecia@example.org'))[0])
        c = Client(srv, source='127.0.0.3')
        codes.append(c.request('POST', '/forum/rejestracja', {
            'csrf': c.csrf('/forum/rejestracja'), 'name': 'Ewa Lis',
            'email': 'ewa@pcpr.example.pl', 'institution': 'PCPR',
            'gmina': 'Toruń', 'grp': 'ops', 'login': 'elis',
            'password': PASSWORD})[0])
        check(codes == [400, 400, 200, 200, 303], f'statuses: {codes}')
        # An office signing up a whole team to one training.
        for i in range(15):
            st, _, _ = sign_up(srv, tid, source='127.0.0.4')
            check(st == 200, f'colleague {i}: {st}')

    t.run(a_normal_user_is_never_refused)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
