#!/usr/bin/env python3
"""Integration tests of the one outbox of e-mail (issues 17, 18, 19) against
the real server and `rodzina mail send`, on SQLite or PostgreSQL: a
training sign-up, an organisation's registration and a forum reply each
end as a message delivered through a stand-in for sendmail, to the right
recipient with a link that works; nothing is sent without --sendmail; a
message sendmail refuses is kept and tried again after its pause; one log
line per message with ids and no address, and no address in the server's
log; erasing a sign-up erases its messages; a forged Host header never
reaches a queued message (refused with 421 unless it is the server's own
address; with site_url set, links use it whatever the Host); the waiting
rows of the three old outboxes move into the one outbox; purge deletes
messages older than mail_keep_days (30 by default, from the flag, the
file or the environment) and keeps the younger ones.
Usage: test_mail.py BINARY"""
import datetime
import email
import email.header
import os
import re
import subprocess
import sys

from harness import (Runner, Server, SqlError, check, cleanup, make_db, sql,
                     sql_one)
from test_auth import PASSWORD, Client, add_user, audit_rows, multipart
from test_grants import org_form
from test_training import Office, form_csrf, own_post, sign_up

# An e-mail address (not the user@127.0.0.1 of a PostgreSQL DSN).
ADDRESS = re.compile(r'[\w.+-]+@[A-Za-z][\w-]*(\.[\w-]+)*\.[A-Za-z]{2,}')


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    add_user(binary, db, 'realizator', 'implementer')
    plan = sql_one(db, "SELECT id FROM plan WHERE kind = 'project'")
    # The demo's own messages are not this test's.
    sql(db, 'DELETE FROM mail_outbox')
    srv = Server(binary, db)
    t = Runner('mail')
    state = {'logs': ''}
    box = os.path.join(d, 'box')
    os.mkdir(box)
    fake = os.path.join(d, 'sendmail')
    refuse = os.path.join(d, 'refuse')
    with open(fake, 'w') as f:
        f.write('#!/bin/sh\n'
                '[ "$1 $2" = "-t -i" ] || exit 3\n'
                f'[ -e {refuse} ] && exit 75\n'
                f'n=$(ls {box} | wc -l)\n'
                f'cat > {box}/$(printf %04d "$n").eml\n')
    os.chmod(fake, 0o755)
    site = f'http://127.0.0.1:{srv.port}'

    def send(sendmail=True):
        args = [binary, 'mail', 'send', '--db', db]
        if sendmail:
            args += ['--sendmail', fake]
        p = subprocess.run(args, capture_output=True, text=True)
        state['logs'] += p.stdout + p.stderr
        return p.returncode, p.stdout, p.stderr

    def delivered():
        """The messages sendmail took so far: (to, subject, body)."""
        out = []
        for name in sorted(os.listdir(box)):
            with open(os.path.join(box, name), encoding='utf-8') as f:
                m = email.message_from_string(f.read())
            subject = str(email.header.make_header(
                email.header.decode_header(m['Subject'])))
            out.append((m['To'], subject, m.get_payload()))
        return out

    def last_to(address):
        got = [m for m in delivered() if m[0] == address]
        check(got, f'nothing delivered to {address}: {delivered()}')
        return got[-1]

    def training_sign_up_is_delivered_with_its_link():
        tid = Office(srv).create('Superwizja dla zespołów', plan,
                                 capacity=5, groups=('team',))
        state['tid'] = tid
        _, (st, _, body) = sign_up(srv, tid, 'Ewa Lis', 'ewa@mops.example.pl',
                                   'team', org='MOPS Toruń')
        check(st == 200 and 'Sprawdź pocztę' in body, f'sign-up: {st}')
        # Off unless configured: without --sendmail nothing goes.
        rc, out, _ = send(sendmail=False)
        check(rc == 0 and '1 message(s) waiting; nothing sent' in out, out)
        check(delivered() == [], 'sent without --sendmail')
        rc, out, err = send()
        check(rc == 0 and '1 message(s) sent, 0 failed' in out, out + err)
        to, subject, body = last_to('ewa@mops.example.pl')
        check(subject == 'Potwierdź zapis: Superwizja dla zespołów', subject)
        m = re.search(site + r'/szkolenia/zgloszenie/([0-9a-f]{64})', body)
        check(m, f'no confirmation link: {body!r}')
        state['token'] = m.group(1)
        # The link works: the seat is confirmed and that is mailed too.
        st, _, _ = own_post(srv, m.group(1), 'potwierdz')
        check(st == 200, f'confirm: {st}')
        check(sql_one(db, 'SELECT status FROM training_signup WHERE email ='
                      " 'ewa@mops.example.pl'") == 'confirmed', 'status')
        rc, out, _ = send()
        check('1 message(s) sent' in out, out)
        _, subject, body = last_to('ewa@mops.example.pl')
        check(subject.startswith('Masz miejsce') and m.group(1) in body,
              subject)
        # Sent once: another run has nothing.
        rc, out, _ = send()
        check(rc == 0 and '0 message(s) sent, 0 failed' in out, out)
        check(audit_rows(db, 'mail.send') == 2, 'runs that sent are audited')

    def organisation_registration_is_delivered_with_its_link():
        c = Client(srv)
        st, _, _ = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja')))
        check(st == 200, f'register: {st}')
        rc, out, err = send()
        check(rc == 0 and '1 message(s) sent' in out, out + err)
        _, subject, body = last_to('biuro@razem.example.org')
        check(subject == 'Potwierdź adres e-mail – rejestracja organizacji',
              subject)
        m = re.search(re.escape(site) +
                      r'(/organizacje/potwierdzenie\?token=[0-9a-f]{64})',
                      body)
        check(m, f'no link: {body!r}')
        st, _, html = Client(srv).request('GET', m.group(1))
        check(st == 200 and 'potwierdzony' in html, f'link: {st}')
        check(sql_one(db, 'SELECT count(*) FROM grant_org WHERE email ='
                      " 'biuro@razem.example.org' AND email_confirmed_at"
                      ' IS NOT NULL') == 1, 'address not confirmed')

    def forum_reply_is_delivered_with_its_link():
        c = Client(srv)
        st, _, _ = c.request('POST', '/forum/rejestracja', {
            'csrf': c.csrf('/forum/rejestracja'), 'name': 'Olga Wrona',
            'email': 'olga@pcpr.example.pl', 'institution': 'PCPR Toruń',
            'gmina': 'Toruń', 'grp': 'ops', 'login': 'owrona',
            'password': PASSWORD})
        check(st == 303, f'register: {st}')
        m = Client(srv)
        m.login('koord')
        acc = sql_one(db, "SELECT id FROM account WHERE login = 'owrona'")
        st, _, _ = m.request('POST', f'/forum/moderacja/konto/{acc}', {
            'csrf': m.csrf('/forum/moderacja'), 'decyzja': 'tak'})
        check(st == 303, f'confirm: {st}')
        st, h, _ = m.request('POST', '/forum/moderacja/kategoria', {
            'csrf': m.csrf('/forum/moderacja'), 'name': 'Superwizja',
            'description': 'Doświadczenia'})
        cat = int(h['location'].rsplit('/', 1)[1])
        p = Client(srv)
        check(p.login('owrona')[0] == 303, 'login')
        st, _, _ = p.request('POST', '/forum/konto', {
            'csrf': p.csrf('/forum/konto'), 'notify': '1'})
        check(st == 303, f'opt in: {st}')

        def post(c, path, body):
            raw, ctype = multipart({'csrf': c.csrf(path), 'body': body,
                                    'title': 'Grupy wsparcia'}, {})
            return c.request('POST', path, raw=raw, content_type=ctype)
        st, h, _ = post(p, f'/forum/kategoria/{cat}', 'Kto prowadzi grupy?')
        check(st == 303, f'thread: {st}')
        thread = int(h['location'].rsplit('/', 1)[1])
        r = Client(srv)
        r.login('realizator')
        st, h, _ = post(r, f'/forum/watek/{thread}', 'My, w czwartki.')
        check(st == 303, f'reply: {st}')
        reply = int(h['location'].rsplit('-', 1)[1])
        state['thread'], state['reply'], state['pro'] = thread, reply, acc
        rc, out, err = send()
        check(rc == 0 and '1 message(s) sent' in out, out + err)
        _, subject, body = last_to('olga@pcpr.example.pl')
        check(subject == 'Nowa odpowiedź w wątku: Grupy wsparcia', subject)
        link = f'{site}/forum/watek/{thread}#wpis-{reply}'
        check('My, w czwartki.' in body and link in body, body)
        st, _, html = p.request('GET', f'/forum/watek/{thread}')
        check(st == 200 and f'id="wpis-{reply}"' in html and
              'My, w czwartki.' in html, f'the link: {st}')

    def a_refused_message_is_kept_and_tried_again():
        _, (st, _, _) = sign_up(srv, state['tid'], 'Jan Kos',
                                'jan@gops.example.pl', 'team', org='GOPS')
        check(st == 200, f'sign-up: {st}')
        open(refuse, 'w').close()
        rc, out, err = send()
        check(rc == 1 and '0 message(s) sent, 1 failed' in out, out + err)
        row = sql(db, 'SELECT id, ref, state, attempts, last_error FROM'
                  " mail_outbox WHERE recipient = 'jan@gops.example.pl'")
        check(len(row) == 1 and row[0][2:] ==
              ('queued', 1, 'sendmail did not take it'), row)
        mid, ref = row[0][0], row[0][1]
        check(re.search(rf'mail {mid} \(training\.signup {ref}\): sendmail '
                        r'did not take it, try 1 of 8: kept for a later run',
                        err), err)
        # Not again before the pause.
        rc, out, _ = send()
        check('0 message(s) sent, 0 failed' in out, out)
        os.remove(refuse)
        sql(db, "UPDATE mail_outbox SET next_at = '2000-01-01T00:00:00Z'"
            ' WHERE id = ?', (mid,))
        rc, out, err = send()
        check(rc == 0 and '1 message(s) sent' in out, out + err)
        check(re.search(rf'mail {mid} \(training\.signup {ref}\): sent', err),
              err)
        check(sql_one(db, 'SELECT attempts FROM mail_outbox WHERE id = ?',
                      (mid,)) == 2, 'tries counted')
        last_to('jan@gops.example.pl')

    def outbox():
        return sql(db, 'SELECT id, body FROM mail_outbox ORDER BY id')

    def a_forged_host_never_reaches_a_queued_mail():
        evil = {'Host': 'evil.example.com'}
        before = outbox()
        check(re.search(r'site_url is not set: .* served only with Host '
                        rf'127\.0\.0\.1:{srv.port}, localhost:{srv.port} ',
                        srv.log()), 'no notice at start')
        # A training sign-up, as the public page sends it.
        c = Client(srv)
        _, _, page = c.request('GET', f'/szkolenia/{state["tid"]}')
        fields = {'csrf': form_csrf(page), 'imie': 'Iza Wilk',
                  'email': 'iza@mops.example.pl', 'instytucja': 0,
                  'nazwa': 'MOPS', 'rodzaj': 'ops', 'gmina': '0463011',
                  'grupa': 'team', 'zgoda': '1'}
        st, _, body = c.request('POST', f'/szkolenia/{state["tid"]}/zapis',
                                fields, headers=evil)
        check(st == 421 and 'nie zna adresu' in body, f'sign-up: {st}')
        check(sql_one(db, 'SELECT count(*) FROM training_signup WHERE email'
                      " = 'iza@mops.example.pl'") == 0, 'sign-up stored')
        # An organisation's registration.
        c = Client(srv)
        st, _, _ = c.request('POST', '/organizacje/rejestracja', org_form(
            c.csrf('/organizacje/rejestracja'), email='zly@host.example.org',
            login='zlyhost', name='Fundacja Zły Host'), headers=evil)
        check(st == 421, f'registration: {st}')
        check(sql_one(db, "SELECT count(*) FROM grant_org WHERE email ="
                      " 'zly@host.example.org'") == 0, 'registration stored')
        # A forum reply that would notify the thread's author.
        r = Client(srv)
        r.login('realizator')
        path = f'/forum/watek/{state["thread"]}'
        raw, ctype = multipart({'csrf': r.csrf(path),
                                'body': 'Odpowiedź ze złego adresu.'}, {})
        st, _, _ = r.request('POST', path, raw=raw, content_type=ctype,
                             headers=evil)
        check(st == 421, f'reply: {st}')
        check(sql_one(db, "SELECT count(*) FROM forum_post WHERE body ="
                      " 'Odpowiedź ze złego adresu.'") == 0, 'reply stored')
        # The own link's confirm, cancel and erase (which may free a seat).
        for what in ('potwierdz', 'rezygnacja', 'usun'):
            c = Client(srv)
            _, _, page = c.request('GET',
                                   f'/szkolenia/zgloszenie/{state["token"]}')
            st, _, _ = c.request(
                'POST', f'/szkolenia/zgloszenie/{state["token"]}/{what}',
                {'csrf': form_csrf(page)}, headers=evil)
            check(st == 421, f'{what}: {st}')
        check(sql_one(db, 'SELECT status FROM training_signup WHERE email ='
                      " 'ewa@mops.example.pl'") == 'confirmed', 'changed')
        # The JSON API answers the same, in its shape.
        c = Client(srv)
        token = c.csrf('/organizacje/rejestracja')
        st, _, body = c.request('POST', '/api/organisations', org_form(
            '', login='zlyapi', email='zly@api.example.org'),
            headers=dict(evil, **{'X-CSRF-Token': token}))
        check(st == 421 and '"misdirected_request"' in body, (st, body))
        # Near misses of the server's own address are refused too.
        for host in (f'127.0.0.1:{srv.port}.evil.example.com',
                     f'localhost:{srv.port + 1}', 'localhost',
                     f'evil.example.com:{srv.port}'):
            c = Client(srv)
            _, _, page = c.request('GET', f'/szkolenia/{state["tid"]}')
            fields['csrf'] = form_csrf(page)
            st, _, _ = c.request('POST', f'/szkolenia/{state["tid"]}/zapis',
                                 fields, headers={'Host': host})
            check(st == 421, f'{host}: {st}')
        check(outbox() == before, 'a message was queued')
        check('evil' not in ''.join(b for _, b in outbox()), 'evil link')
        check(re.search(r'Host evil\.example\.com is not this server',
                        srv.log()), 'refusal not logged')
        # The server's own names are its address: localhost with the port.
        c = Client(srv)
        _, _, page = c.request('GET', f'/szkolenia/{state["tid"]}')
        fields['csrf'] = form_csrf(page)
        st, _, _ = c.request('POST', f'/szkolenia/{state["tid"]}/zapis',
                             fields, headers={'Host': f'localhost:{srv.port}'})
        check(st == 200, f'localhost: {st}')
        body = sql_one(db, 'SELECT body FROM mail_outbox WHERE recipient ='
                       " 'iza@mops.example.pl'")
        check(f'http://localhost:{srv.port}/szkolenia/zgloszenie/' in body,
              body)
        # Not this test's to send: the later ones count what waits.
        sql(db, "DELETE FROM mail_outbox WHERE recipient ="
            " 'iza@mops.example.pl'")

    def site_url_makes_every_link_whatever_the_host():
        site2 = 'https://rodzina.example.pl'
        other = Server(binary, db, ['--site-url', site2])
        try:
            check('site_url is not set' not in other.log(), 'notice')
            c = Client(other)
            _, _, page = c.request('GET', f'/szkolenia/{state["tid"]}')
            st, _, _ = c.request(
                'POST', f'/szkolenia/{state["tid"]}/zapis', {
                    'csrf': form_csrf(page), 'imie': 'Ola Sowa',
                    'email': 'ola@gops.example.pl', 'instytucja': 0,
                    'nazwa': 'GOPS', 'rodzaj': 'ops', 'gmina': '0463011',
                    'grupa': 'team', 'zgoda': '1'},
                headers={'Host': 'evil.example.com'})
            check(st == 200, f'sign-up: {st}')
            body = sql_one(db, 'SELECT body FROM mail_outbox WHERE recipient'
                           " = 'ola@gops.example.pl'")
            check(f'{site2}/szkolenia/zgloszenie/' in body and
                  'evil' not in body, body)
            # The feed of grant calls takes it too.
            _, _, feed = Client(other).request(
                'GET', '/nabory.atom', headers={'Host': 'evil.example.com'})
            check(f'<id>{site2}/nabory</id>' in feed and 'evil' not in feed,
                  feed[:300])
        finally:
            other.stop()
            sql(db, "DELETE FROM mail_outbox WHERE recipient ="
                " 'ola@gops.example.pl'")
        # A malformed address stops the start with its origin.
        p = subprocess.run([binary, 'serve', '--db', db, '--site-url',
                            'https://rodzina.example.pl/a'],
                           capture_output=True, text=True)
        check(p.returncode == 2 and '--site-url' in p.stderr and
              'without a path' in p.stderr, (p.returncode, p.stderr))

    def no_address_in_any_log():
        found = [m.group(0) for m in ADDRESS.finditer(state['logs'] +
                                                      srv.log())]
        check(found == [], f'addresses in the logs: {found}')
        check('mail ' in state['logs'], 'no log lines at all')

    def erasing_a_sign_up_erases_its_messages():
        check(sql_one(db, 'SELECT count(*) FROM mail_outbox WHERE recipient ='
                      " 'ewa@mops.example.pl'") == 2, 'both kept until now')
        st, _, body = own_post(srv, state['token'], 'usun')
        check(st == 200 and 'usunięte' in body, f'erase: {st}')
        check(sql_one(db, 'SELECT count(*) FROM mail_outbox WHERE recipient ='
                      " 'ewa@mops.example.pl'") == 0, 'messages kept')

    def old_outboxes_move_into_the_one():
        # The database as the previous release left it: the three tables
        # with waiting (and sent) rows, the moves not applied.
        srv.stop()
        signup = sql_one(db, 'SELECT id FROM training_signup WHERE email ='
                         " 'jan@gops.example.pl'")
        org = sql_one(db, 'SELECT id FROM grant_org WHERE email ='
                      " 'biuro@razem.example.org'")
        sql(db, 'CREATE TABLE grant_mail (id BIGINT PRIMARY KEY,'
            ' region TEXT NOT NULL, to_addr TEXT NOT NULL, subject TEXT NOT'
            ' NULL, body TEXT NOT NULL, created_at TEXT NOT NULL,'
            ' sent_at TEXT)')
        sql(db, "INSERT INTO grant_mail VALUES (1, '04',"
            " 'biuro@razem.example.org', 'Stary temat', 'Stara treść',"
            " '2026-12-01T10:00:00Z', NULL), (2, '04', 'x@y.example.org',"
            " 'Wysłany', 'B', '2026-12-01T10:00:00Z', '2026-12-01T11:00:00Z')")
        sql(db, 'CREATE TABLE training_mail (id BIGINT PRIMARY KEY,'
            ' signup_id BIGINT, recipient TEXT NOT NULL, subject TEXT NOT'
            ' NULL, body TEXT NOT NULL, created_at TEXT NOT NULL)')
        sql(db, "INSERT INTO training_mail VALUES (1, ?,"
            " 'jan@gops.example.pl', 'Potwierdź zapis: X', 'link',"
            " '2026-12-02T10:00:00.123Z')", (signup,))
        sql(db, 'CREATE TABLE forum_mail (id BIGINT PRIMARY KEY,'
            ' account_id BIGINT NOT NULL, post_id BIGINT NOT NULL,'
            ' created_at TEXT NOT NULL, sent_at TEXT)')
        sql(db, "INSERT INTO forum_mail VALUES (1, ?, ?,"
            " '2026-12-03T10:00:00Z', NULL)",
            (state['pro'], state['reply']))
        sql(db, 'DELETE FROM schema_migration WHERE number IN'
            ' (117, 118, 119)')
        before = sql_one(db, 'SELECT count(*) FROM mail_outbox')
        rc, out, err = send(sendmail=False)  # opening applies them
        check(rc == 0, out + err)
        for table in ('grant_mail', 'training_mail', 'forum_mail'):
            try:
                sql(db, f'SELECT count(*) FROM {table}')
                check(False, f'{table} is still there')
            except SqlError:
                pass
        check(sql_one(db, 'SELECT count(*) FROM mail_outbox') == before + 3,
              'not every waiting row moved, or a sent one did')
        check(sql(db, "SELECT ref, recipient, subject, state FROM mail_outbox"
                  " WHERE kind = 'grant.org' AND body = 'Stara treść'") ==
              [(org, 'biuro@razem.example.org', 'Stary temat', 'queued')],
              'grant_mail row')
        check(sql(db, "SELECT ref, recipient FROM mail_outbox WHERE kind ="
                  " 'training.signup' AND subject = 'Potwierdź zapis: X'") ==
              [(signup, 'jan@gops.example.pl')], 'training_mail row')
        rows = sql(db, "SELECT ref, recipient, subject, body FROM mail_outbox"
                   " WHERE kind = 'forum.reply' AND state = 'queued'")
        check(len(rows) == 1 and rows[0][:3] ==
              (state['reply'], 'olga@pcpr.example.pl',
               'Nowa odpowiedź w wątku: Grupy wsparcia'), rows)
        check('My, w czwartki.' in rows[0][3] and
              f'/forum/watek/{state["thread"]}#wpis-{state["reply"]}'
              in rows[0][3], rows[0][3])
        rc, out, err = send()
        check(rc == 0 and '3 message(s) sent' in out, out + err)

    def purge_deletes_mail_older_than_thirty_days():
        total = sql_one(db, 'SELECT count(*) FROM mail_outbox')
        sql(db, "UPDATE mail_outbox SET created_at = '2026-01-01T00:00:00Z'"
            " WHERE kind = 'grant.org'")
        old = sql_one(db, "SELECT count(*) FROM mail_outbox"
                      " WHERE kind = 'grant.org'")
        p = subprocess.run([binary, 'purge', '--db', db], capture_output=True,
                           text=True)
        check(p.returncode == 0 and f'purge: {old} e-mail messages queued more'
              ' than 30 days ago deleted' in p.stdout, p.stdout + p.stderr)
        check(sql_one(db, 'SELECT count(*) FROM mail_outbox') == total - old,
              'the others are kept')
        check(audit_rows(db, 'mail.purge') == 1, 'purge audited')

    def purge_keeps_mail_for_the_configured_days():
        def ago(days):
            return (datetime.datetime.now(datetime.timezone.utc) -
                    datetime.timedelta(days=days)).strftime(
                        '%Y-%m-%dT%H:%M:%SZ')

        def purge(*args, env=None):
            return subprocess.run([binary, 'purge', '--db', db] + list(args),
                                  capture_output=True, text=True,
                                  env=dict(os.environ, RODZINA_CONFIG='',
                                           **(env or {})))
        ids = [r[0] for r in sql(db, 'SELECT id FROM mail_outbox'
                                 ' ORDER BY id')]
        check(len(ids) >= 3, ids)
        sql(db, 'UPDATE mail_outbox SET created_at = ?', (ago(0),))
        sql(db, 'UPDATE mail_outbox SET created_at = ? WHERE id = ?',
            (ago(10), ids[0]))
        sql(db, 'UPDATE mail_outbox SET created_at = ? WHERE id = ?',
            (ago(3), ids[1]))
        audits = audit_rows(db, 'mail.purge')
        # A week: the ten-day-old message goes, the three-day-old stays.
        p = purge('--mail-keep-days', '7')
        check(p.returncode == 0 and 'purge: 1 e-mail messages queued more'
              ' than 7 days ago deleted' in p.stdout, p.stdout + p.stderr)
        left = [r[0] for r in sql(db, 'SELECT id FROM mail_outbox'
                                  ' ORDER BY id')]
        check(left == ids[1:], (left, ids))
        # Two days, from the configuration file: the three-day-old goes.
        conf = os.path.join(d, 'keep.conf')
        with open(conf, 'w') as f:
            f.write('[rodzina]\nmail_keep_days = 2\n')
        p = purge('--config', conf)
        check(p.returncode == 0 and 'purge: 1 e-mail messages queued more'
              ' than 2 days ago deleted' in p.stdout, p.stdout + p.stderr)
        left = [r[0] for r in sql(db, 'SELECT id FROM mail_outbox'
                                  ' ORDER BY id')]
        check(left == ids[2:], (left, ids))
        check(audit_rows(db, 'mail.purge') == audits + 2, 'not audited')
        # A wrong value names where it came from and deletes nothing.
        for args, env, rc, where in (
                (('--mail-keep-days', '0'), None, 2, "--mail-keep-days '0'"),
                ((), {'RODZINA_MAIL_KEEP_DAYS': 'month'}, 1,
                 "environment RODZINA_MAIL_KEEP_DAYS = 'month'")):
            p = purge(*args, env=env)
            check(p.returncode == rc and where in p.stderr and
                  '1..3650' in p.stderr, (p.returncode, p.stderr))
        check(sql_one(db, 'SELECT count(*) FROM mail_outbox') == len(left),
              'deleted on a wrong value')

    for fn in (training_sign_up_is_delivered_with_its_link,
               organisation_registration_is_delivered_with_its_link,
               forum_reply_is_delivered_with_its_link,
               a_forged_host_never_reaches_a_queued_mail,
               site_url_makes_every_link_whatever_the_host,
               a_refused_message_is_kept_and_tried_again,
               no_address_in_any_log,
               erasing_a_sign_up_erases_its_messages,
               old_outboxes_move_into_the_one,
               purge_deletes_mail_older_than_thirty_days,
               purge_keeps_mail_for_the_configured_days):
        t.run(fn)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
