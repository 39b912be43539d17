#!/usr/bin/env python3
"""Integration tests of accounts, roles, sessions, CSRF, throttling and
the audit log (issue 4), against the real server.

The route table is read from each module's routes.inc, in the order of
src/modules.def; EXPECTED below states, for every route, the capability
the test expects. A route that is added to the
table without an entry here fails the test, and so does a route whose rule
differs. Then every route is requested as the public and as each role and
the answer is checked against CAPS, the allow-list of each capability.
Usage: test_auth.py BINARY"""
import http.client
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse

from harness import (PG, PSQL, Runner, Server, SqlError, check, cleanup,
                     make_db, sql, sql_one, sqlite_only)

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))

# Who holds each capability; written here independently of caps.c.
ROLES = ['administrator', 'coordinator', 'implementer', 'consultant',
         'analyst', 'grantee', 'professional']
CAPS = {
    'CAP_PUBLIC': {'public'} | set(ROLES),
    'CAP_LOGIN': set(ROLES),
    'CAP_PLAN_READ': {'administrator', 'coordinator', 'implementer',
                      'analyst'},
    'CAP_PLAN_EDIT': {'administrator', 'coordinator'},
    'CAP_USERS_ADMIN': {'administrator'},
    'CAP_AUDIT_READ': {'administrator'},
    'CAP_DIRECTORY_EDIT': {'administrator', 'coordinator'},
    'CAP_HELPLINE_LOG': {'consultant'},
    'CAP_HELPLINE_READ': {'administrator', 'coordinator', 'consultant',
                          'analyst'},
    'CAP_HELPLINE_NOTES': {'administrator', 'consultant'},
    'CAP_HELPLINE_MANAGE': {'administrator', 'coordinator', 'consultant'},
    'CAP_REALISATION_ENTER': {'coordinator', 'implementer'},
    'CAP_REALISATION_APPROVE': {'administrator', 'coordinator'},
    'CAP_REGISTER_EDIT': {'administrator', 'coordinator', 'implementer'},
    'CAP_GRANT_REPORT': {'grantee'},
    'CAP_REPORT_READ': {'administrator', 'coordinator', 'implementer',
                        'analyst'},
    'CAP_OPS': {'administrator'},
    'CAP_REGIONS_ADMIN': {'administrator'},
    'CAP_GRANT_MANAGE': {'administrator', 'coordinator'},
    'CAP_GRANT_SCORE': {'coordinator', 'implementer', 'analyst'},
    'CAP_PARTICIPANTS': {'administrator', 'coordinator'},
    'CAP_ZONE_MODERATE': {'administrator', 'coordinator'},
}

EXPECTED = {
    ('GET', '/'): 'CAP_PUBLIC',
    ('GET', '/api/regions'): 'CAP_PUBLIC',
    ('GET', '/teryt'): 'CAP_PUBLIC',
    ('GET', '/teryt/szukaj'): 'CAP_PUBLIC',
    ('GET', '/teryt/:woj'): 'CAP_PUBLIC',
    ('GET', '/teryt/:woj/:pow'): 'CAP_PUBLIC',
    ('GET', '/api/teryt/wojewodztwa'): 'CAP_PUBLIC',
    ('GET', '/api/teryt/powiaty'): 'CAP_PUBLIC',
    ('GET', '/api/teryt/gminy'): 'CAP_PUBLIC',
    ('GET', '/api/places'): 'CAP_PUBLIC',
    ('GET', '/plany'): 'CAP_PUBLIC',
    ('GET', '/plany/wczytaj'): 'CAP_PLAN_EDIT',
    ('GET', '/plany/nowy'): 'CAP_PLAN_EDIT',
    ('POST', '/plany/nowy'): 'CAP_PLAN_EDIT',
    ('POST', '/plany/wczytaj'): 'CAP_PLAN_EDIT',
    ('POST', '/plany/wczytaj/:id'): 'CAP_PLAN_EDIT',
    ('GET', '/plany/:id'): 'CAP_PUBLIC',
    ('POST', '/plany/:id/publikacja'): 'CAP_PLAN_EDIT',
    ('GET', '/plany/:id/zadania/:task'): 'CAP_PUBLIC',
    ('POST', '/plany/:id/zadania/:task'): 'CAP_PLAN_EDIT',
    ('GET', '/plany/:id/nowe-zadanie'): 'CAP_PLAN_EDIT',
    ('GET', '/plany/:id/eksport/:format'): 'CAP_PUBLIC',
    ('GET', '/plany/:id/edycja'): 'CAP_PLAN_EDIT',
    ('POST', '/plany/:id/edycja'): 'CAP_PLAN_EDIT',
    ('POST', '/plany/:id/nowe-zadanie'): 'CAP_PLAN_EDIT',
    ('GET', '/api/plans'): 'CAP_PUBLIC',
    ('POST', '/api/plans'): 'CAP_PLAN_EDIT',
    ('GET', '/api/plans/:id'): 'CAP_PUBLIC',
    ('GET', '/login'): 'CAP_PUBLIC',
    ('POST', '/login'): 'CAP_PUBLIC',
    ('POST', '/logout'): 'CAP_LOGIN',
    ('GET', '/uzytkownicy'): 'CAP_USERS_ADMIN',
    ('POST', '/uzytkownicy'): 'CAP_USERS_ADMIN',
    ('POST', '/uzytkownicy/blokada'): 'CAP_USERS_ADMIN',
    ('POST', '/uzytkownicy/haslo'): 'CAP_USERS_ADMIN',
    ('GET', '/api/users'): 'CAP_USERS_ADMIN',
    ('GET', '/audyt'): 'CAP_AUDIT_READ',
    ('GET', '/audyt.csv'): 'CAP_AUDIT_READ',
    ('GET', '/api/audit'): 'CAP_AUDIT_READ',
}

# Each module lists its routes in expected_routes/MODULE.txt, one
# "METHOD PATTERN CAP" per line, beside the core ones above.
for _f in sorted(os.listdir(os.path.join(ROOT, 'tests/integration/'
                                         'expected_routes'))):
    for _line in open(os.path.join(ROOT, 'tests/integration/'
                                   'expected_routes', _f)):
        _parts = _line.split()
        if len(_parts) == 3 and _parts[0] in ('GET', 'POST'):
            EXPECTED[(_parts[0], _parts[1])] = _parts[2]

# Values for path parameters when requesting a pattern; a module may add
# its own in expected_routes/MODULE.txt as "SAMPLE :name value".
SAMPLE = {':woj': '04', ':pow': '63', ':id': '1', ':task': '0',
          ':format': 'csv'}
for _f in sorted(os.listdir(os.path.join(ROOT, 'tests/integration/'
                                         'expected_routes'))):
    for _line in open(os.path.join(ROOT, 'tests/integration/'
                                   'expected_routes', _f)):
        _parts = _line.split()
        if len(_parts) == 3 and _parts[0] == 'SAMPLE':
            SAMPLE[_parts[1]] = _parts[2]
# A query string a route needs to answer at all: "QUERY /path ?a=b".
QUERY = {}
for _f in sorted(os.listdir(os.path.join(ROOT, 'tests/integration/'
                                         'expected_routes'))):
    for _line in open(os.path.join(ROOT, 'tests/integration/'
                                   'expected_routes', _f)):
        _parts = _line.split()
        if len(_parts) == 3 and _parts[0] == 'QUERY':
            QUERY[_parts[1]] = _parts[2]
PASSWORD = 'dobre-haslo-2024!'


def route_table():
    modules = re.findall(r'^MODULE\((\w+)\)',
                         open(os.path.join(ROOT, 'src/modules.def')).read(),
                         re.M)
    text = ''.join(open(os.path.join(ROOT, 'src', m, 'routes.inc')).read()
                   for m in modules)
    return re.findall(r'ROUTE(?:_UPLOAD|_LONG)?\("(\w+)",\s*"([^"]+)",\s*(\w+),\s*(\w+)\)',
                      text)


def add_user(binary, db, login, role, region='04', password=PASSWORD):
    args = [binary, 'user', 'add', login, '--role', role, '--db', db]
    if role != 'administrator':
        args += ['--region', region]
    p = subprocess.run(args, input=password + '\n', capture_output=True,
                       text=True)
    return p.returncode, p.stderr


class Client:
    """A browser-like client: keeps cookies, reads the CSRF token."""

    def __init__(self, srv, source=None):
        """source: a loopback address to connect from (127.0.0.2 ...), so
        that a test can be several clients."""
        self.srv, self.cookies, self.source = srv, {}, source

    def request(self, method, path, fields=None, headers=None, raw=None,
                content_type=None):
        c = http.client.HTTPConnection(
            '127.0.0.1', self.srv.port, timeout=20,
            source_address=(self.source, 0) if self.source else None)
        h = dict(headers or {})
        if self.cookies:
            h['Cookie'] = '; '.join(f'{k}={v}' for k, v in
                                    self.cookies.items())
        body = raw
        if fields is not None:
            body = urllib.parse.urlencode(fields).encode()
            h['Content-Type'] = 'application/x-www-form-urlencoded'
        if content_type:
            h['Content-Type'] = content_type
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == 'set-cookie':
                name, _, rest = v.partition('=')
                value = rest.split(';')[0]
                if 'Max-Age=0' in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), \
            data.decode('utf-8', 'replace')

    def csrf(self, path='/login'):
        _, _, html = self.request('GET', path)
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
        check(m, f'no csrf field on {path}')
        return m.group(1)

    def login(self, login, password=PASSWORD, next='/', headers=None):
        token = self.csrf('/login')
        return self.request('POST', '/login', {
            'csrf': token, 'login': login, 'password': password,
            'next': next}, headers=headers)


def multipart(fields, files):
    b = '----rodzinaTestBoundary'
    out = b''
    for k, v in fields.items():
        out += (f'--{b}\r\nContent-Disposition: form-data; name="{k}"'
                f'\r\n\r\n{v}\r\n').encode()
    for k, (name, data) in files.items():
        out += (f'--{b}\r\nContent-Disposition: form-data; name="{k}"; '
                f'filename="{name}"\r\nContent-Type: text/plain\r\n\r\n'
                ).encode() + data + b'\r\n'
    out += f'--{b}--\r\n'.encode()
    return out, f'multipart/form-data; boundary={b}'


def audit_rows(db, action):
    return sql_one(db, 'SELECT count(*) FROM audit WHERE action = ?',
                   (action,))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for role in ROLES:
        rc, err = add_user(binary, db, role, role)
        if rc != 0:
            print(f'FAIL setup: user {role}: {err}')
            return 1
    add_user(binary, db, 'coord12', 'coordinator', region='12')
    add_user(binary, db, 'analyst2', 'analyst')
    srv = Server(binary, db)
    t = Runner('auth')

    def every_route_has_the_expected_rule():
        table = route_table()
        check(len(table) >= 30, 'route table not parsed')
        for method, pattern, handler, cap in table:
            check(cap != 'CAP_NONE', f'{method} {pattern} has no rule')
            check((method, pattern) in EXPECTED,
                  f'{method} {pattern} ({handler}) is not in EXPECTED: '
                  f'add it with the capability it must need')
            check(EXPECTED[(method, pattern)] == cap,
                  f'{method} {pattern}: {cap}, expected '
                  f'{EXPECTED[(method, pattern)]}')
        missing = set(EXPECTED) - {(m, p) for m, p, _, _ in table}
        check(not missing, f'routes gone from the table: {missing}')

    def every_route_allows_and_denies_by_role():
        table = route_table()
        clients = {'public': Client(srv)}
        for role in ROLES:
            c = Client(srv)
            st, h, _ = c.login(role)
            check(st == 303, f'login {role}: {st}')
            clients[role] = c
        for method, pattern, handler, cap in table:
            path = pattern
            for k, v in SAMPLE.items():
                path = path.replace(k, v)
            if pattern in ('/api/teryt/gminy', '/api/places'):
                path += '?q=tor'
            if pattern == '/api/teryt/powiaty':
                path += '?woj=04'
            path += QUERY.get(pattern, '')
            for who, c in clients.items():
                if pattern in ('/logout', '/login') and method == 'POST':
                    continue  # would end or start the session under test
                fields = None
                if method == 'POST':
                    fields = {'csrf': c.csrf('/login') if who == 'public'
                              else c.csrf('/plany')}
                st, h, _ = c.request(method, path, fields)
                allowed = who in CAPS[cap]
                denied = st in (401, 403) or (
                    st == 303 and h.get('location', '').startswith(
                        '/login'))
                check(allowed != denied,
                      f'{who} {method} {path} ({cap}): {st} '
                      f'{h.get("location", "")}, expected '
                      f'{"allow" if allowed else "deny"}')
                if not allowed:
                    if who == 'public':
                        check(st in (303, 401), f'{path}: public got {st}')
                    else:
                        check(st == 403, f'{path}: {who} got {st}')

    def post_without_or_with_wrong_csrf_is_403_and_changes_nothing():
        c = Client(srv)
        c.login('administrator')
        before = sql_one(db, 'SELECT count(*) FROM account')
        form = {'login': 'intruz', 'password': PASSWORD, 'role': 'analyst',
                'region': '04'}
        st, _, body = c.request('POST', '/uzytkownicy', form)
        check(st == 403 and 'Formularz wygasł' in body, st)
        st, _, _ = c.request('POST', '/uzytkownicy',
                             dict(form, csrf='0' * 64))
        check(st == 403, st)
        other = Client(srv)  # a token from another session is no good
        other.login('coordinator')
        st, _, _ = c.request('POST', '/uzytkownicy',
                             dict(form, csrf=other.csrf('/plany')))
        check(st == 403, st)
        after = sql_one(db, 'SELECT count(*) FROM account')
        check(before == after, (before, after))
        check(audit_rows(db, 'csrf.rejected') >= 3, 'audited')
        # With the right token the same form works.
        st, h, _ = c.request('POST', '/uzytkownicy',
                             dict(form, csrf=c.csrf('/uzytkownicy')))
        check(st == 303, st)

    def session_is_dead_after_logout_and_timeouts():
        c = Client(srv)
        c.login('analyst')
        check(c.request('GET', '/plany')[0] == 200, 'logged in')
        token = c.cookies['rodzina_session']
        st, _, _ = c.request('POST', '/logout', {'csrf': c.csrf('/plany')})
        check(st == 303, st)
        c.cookies['rodzina_session'] = token  # replay the old cookie
        st, h, _ = c.request('GET', '/api/audit')
        check(st == 401, f'after logout: {st}')
        # Idle and absolute time-outs, by ageing the stored session.
        for column, age in (('seen_at', 31 * 60), ('created_at', 13 * 3600)):
            c = Client(srv)
            c.login('administrator')
            check(c.request('GET', '/api/audit')[0] == 200, 'fresh')
            sql(db, f'UPDATE session SET {column} = {column} - ?', (age,))
            st, _, _ = c.request('GET', '/api/audit')
            check(st == 401, f'{column} aged: {st}')

    def session_cookie_is_httponly_samesite_and_renewed():
        c = Client(srv)
        c.csrf('/login')
        st, h, _ = c.login('analyst')
        cookie = h['set-cookie']
        check('HttpOnly' in cookie and 'SameSite=Strict' in cookie, cookie)
        first = c.cookies['rodzina_session']
        c.login('analyst')
        check(c.cookies['rodzina_session'] != first, 'renewed on login')
        stored = [r[0] for r in sql(db, 'SELECT token_hash FROM session')]
        check(first not in stored and
              c.cookies['rodzina_session'] not in stored, 'token hashed')

    def plaintext_password_is_nowhere_in_the_database():
        data = b''
        if PG:  # the whole database as pg_dump writes it out
            data = subprocess.run([os.path.join(os.path.dirname(PSQL),
                                                'pg_dump'), '-d', db],
                                  capture_output=True).stdout
        for suffix in ('', '-wal'):
            if not PG and os.path.exists(db + suffix):
                data += open(db + suffix, 'rb').read()
        check(len(data) > 100000, 'database read')
        check(PASSWORD.encode() not in data, 'password found in file')
        check(b'$argon2id$' in data, 'argon2id hashes stored')

    def failed_logins_back_off_without_locking_out_the_owner():
        # Finding 6 of issue 11: five wrong guesses used to lock the right
        # password out for 15 minutes, from everywhere.
        guesser = Client(srv, '127.0.0.2')
        codes = [guesser.login('implementer', 'zle-haslo-zle-haslo')[0]
                 for _ in range(5)]
        check(codes == [401] * 5, codes)
        st, h, body = guesser.login('implementer')  # right, but too soon
        check(st == 429 and 'Zbyt wiele nieudanych prób' in body, st)
        wait = int(h.get('retry-after', '0'))
        check(1 <= wait <= 2, f'first back-off is 2 s, got {wait}')
        # The owner from another address is not locked out.
        st, _, _ = Client(srv, '127.0.0.3').login('implementer')
        check(st == 303, f'owner from a fresh address: {st}')
        # Nor from the guessing address once the back-off has run out.
        time.sleep(wait + 1.1)
        st, _, _ = guesser.login('implementer')
        check(st == 303, f'right password after the back-off: {st}')
        check(audit_rows(db, 'login.failed') >= 3, 'failures audited')
        check(audit_rows(db, 'login.throttled') >= 1, 'throttle audited')

    def failed_login_flood_grows_the_audit_log_slowly():
        # Finding 8: 4 000 failed logins made 4 000 audit rows in 2.3 s.
        c = Client(srv, '127.0.0.4')
        token = c.csrf('/login')
        codes = {}
        for i in range(400):
            st, _, _ = c.request('POST', '/login', {
                'csrf': token, 'login': f'nobody{i}',
                'password': 'zle-haslo-zle-haslo', 'next': '/'})
            codes[st] = codes.get(st, 0) + 1
        check(codes.get(429, 0) >= 300, f'flood throttled: {codes}')
        rows = sql_one(db, "SELECT count(*) FROM audit WHERE addr = ? AND"
                       " action LIKE 'login.%'", ('127.0.0.4',))
        last = (sql(db, "SELECT after FROM audit WHERE addr = ? AND"
                    " action = 'login.throttled' ORDER BY id DESC LIMIT 1",
                    ('127.0.0.4',)) or [None])[0]
        # 20 failures before the address backs off, a few more as it runs
        # out, and one throttle row per doubling (1, 2, 4 ... 256).
        check(rows <= 40, f'{rows} audit rows for 400 attempts')
        check(last is not None and '"attempts":' in last[0], last)
        # The account guessed at is not affected from its own address.
        st, _, _ = Client(srv, '127.0.0.5').login('grantee')
        check(st == 303, st)

    def client_address_comes_from_the_trusted_proxy_only():
        proxied = Server(binary, db, ['--behind-tls-proxy'])
        try:
            def failed_from(client, xff):
                client.login('proxytest', 'zle-haslo-zle-haslo',
                             headers={'X-Forwarded-For': xff})
                return sql_one(db, "SELECT addr FROM audit WHERE entity_id ="
                               " 'proxytest' ORDER BY id DESC LIMIT 1")

            # The proxy (127.0.0.1 by default) appends the peer it saw.
            got = failed_from(Client(proxied), '10.1.2.3, 203.0.113.9')
            check(got == '203.0.113.9', f'from the proxy: {got}')
            # Anyone else cannot choose their address by a header.
            got = failed_from(Client(proxied, '127.0.0.7'), '203.0.113.10')
            check(got == '127.0.0.7', f'from another peer: {got}')
            got = failed_from(Client(proxied), 'not-an-address')
            check(got == '127.0.0.1', f'a malformed header: {got}')
            # Guesses through the proxy do not block the owner behind it.
            for _ in range(6):
                Client(proxied).login('analyst', 'zle-haslo-zle-haslo',
                                      headers={'X-Forwarded-For':
                                               '203.0.113.20'})
            st, _, _ = Client(proxied).login(
                'analyst', headers={'X-Forwarded-For': '203.0.113.21'})
            check(st == 303, f'owner behind the proxy: {st}')
        finally:
            proxied.stop()

    @sqlite_only('PostgreSQL text cannot hold the invalid UTF-8 of old rows')
    def malformed_utf8_is_refused_and_the_audit_log_stays_json():
        # Finding 10: invalid UTF-8 was stored and made /api/audit invalid.
        c = Client(srv)
        check(c.login('administrator')[0] == 303, 'login')
        st, _, _ = c.request('GET', '/plany/%FF%FE')
        check(st == 400, f'malformed path: {st}')
        st, _, _ = c.request('POST', '/uzytkownicy/%FF%FE',
                             {'csrf': c.csrf('/plany')})
        check(st == 400, f'malformed path of a POST: {st}')
        # A row written before the fix (bytes stored as they came).
        sql(db, "INSERT INTO audit(via, addr, action, entity, entity_id)"
                " VALUES ('web', '127.0.0.1', 'access.denied', 'route',"
                " CAST(X'474554202FFFFE' AS TEXT))")
        conn = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=20)
        conn.request('GET', '/api/audit', headers={
            'Cookie': f'rodzina_session={c.cookies["rodzina_session"]}'})
        resp = conn.getresponse()
        raw = resp.read()
        conn.close()
        check(resp.status == 200, resp.status)
        doc = json.loads(raw.decode('utf-8'))  # strict: raises if invalid
        check('GET /\ufffd\ufffd' in json.dumps(doc, ensure_ascii=False),
              'the malformed row is shown with replacement characters')

    def audit_lists_page_and_say_their_total():
        # Issue 20: /api/audit stopped at 200 rows without saying so.
        c = Client(srv)
        c.login('administrator')
        total = sql_one(db, 'SELECT count(*) FROM audit')
        st, h, body = c.request('GET', '/api/audit?limit=50')
        check(st == 200 and len(json.loads(body)) == 50, st)
        got = int(h.get('x-total-count', '-1'))
        check(got >= total, (got, total))
        check('offset=50' in h.get('link', '') and 'rel="next"' in
              h.get('link', ''), h.get('link'))
        ids, offset = [], 0
        while True:
            st, h, body = c.request('GET', f'/api/audit?limit=1000&offset='
                                    f'{offset}')
            page = json.loads(body)
            ids += [x['id'] for x in page]
            if 'link' not in h:
                break
            offset += 1000
        check(len(ids) == len(set(ids)) and len(ids) >= total,
              (len(ids), total))
        st, _, html = c.request('GET', '/audyt')
        check(f'z {int(h.get("x-total-count"))}.' in html or 'Wpisy 1–' in
              html, 'the page says how many')
        check('starsze →' in html, 'a link to older rows')
        # Every list of the API says its length and pages (issue 20).
        for path, key in (('/api/plans', None), ('/api/registers/szkolenia',
                                                 'records'),
                          ('/api/helpline/contacts?od=2020-01-01', None),
                          ('/api/users', None)):
            sep = '&' if '?' in path else '?'
            st, h, body = c.request('GET', f'{path}{sep}limit=1')
            check(st == 200 and 'x-total-count' in h, (path, st))
            n = int(h['x-total-count'])
            got = json.loads(body)
            got = got[key] if key else got
            check(len(got) == min(1, n), (path, len(got), n))
            if n > 1:
                check('offset=1' in h.get('link', ''), (path, h.get('link')))
            st, _, _ = c.request('GET', f'{path}{sep}limit=0')
            check(st == 400, f'{path}: limit=0 gave {st}')
        # /api/users page by page: every account once (issue 20)
        logins, offset = [], 0
        while True:
            st, h, body = c.request('GET', f'/api/users?limit=2&offset='
                                    f'{offset}')
            logins += [u['login'] for u in json.loads(body)]
            if 'link' not in h:
                break
            offset += 2
        n = sql_one(db, 'SELECT count(*) FROM account')
        check(len(logins) == len(set(logins)) == n and n > 2,
              (len(logins), n))

    def next_after_login_is_a_local_path_only():
        for bad in ('/\t/evil.example', '//evil.example', '/\\evil',
                    'https://evil.example/', '/\n/evil', '/\x7f/x'):
            c = Client(srv, '127.0.0.6')
            st, h, _ = c.login('coordinator', next=bad)
            check(st == 303 and h.get('location') == '/',
                  f'{bad!r} -> {st} {h.get("location")}')
        st, h, _ = Client(srv, '127.0.0.6').login('coordinator',
                                                  next='/plany?x=1')
        check(st == 303 and h.get('location') == '/plany?x=1',
              h.get('location'))

    def disabled_account_cannot_log_in_and_loses_sessions():
        c = Client(srv)
        check(c.login('consultant')[0] == 303, 'login')
        admin = Client(srv)
        admin.login('administrator')
        st, _, _ = admin.request('POST', '/uzytkownicy/blokada', {
            'csrf': admin.csrf('/uzytkownicy'), 'login': 'consultant',
            'disabled': '1'})
        check(st == 303, st)
        # The old session is gone: the page offers a login, not a logout.
        html = c.request('GET', '/plany')[2]
        check('href="/login"' in html and 'action="/logout"' not in html,
              'session survived disabling')
        check(Client(srv).login('consultant')[0] == 401, 'disabled login')
        check(sql_one(db, "SELECT count(*) FROM audit WHERE action ="
                      " 'account.disable' AND entity_id = 'consultant'") == 1,
              'audited once')

    def administrator_sets_a_password_on_the_web():
        user = Client(srv)
        check(user.login('analyst2')[0] == 303, 'login')
        admin = Client(srv)
        admin.login('administrator')
        st, _, html = admin.request('POST', '/uzytkownicy/haslo', {
            'csrf': admin.csrf('/uzytkownicy'), 'pw_login': 'analyst2',
            'pw_password': 'analyst2'})
        check(st == 400 and 'co najmniej 12 znaków' in html, st)
        st, h, _ = admin.request('POST', '/uzytkownicy/haslo', {
            'csrf': admin.csrf('/uzytkownicy'), 'pw_login': 'analyst2',
            'pw_password': 'nowe-haslo-analityka'})
        check(st == 303, st)
        html = user.request('GET', '/plany')[2]
        check('action="/logout"' not in html, 'old session survived')
        check(Client(srv).login('analyst2')[0] == 401, 'old password works')
        check(Client(srv).login('analyst2', 'nowe-haslo-analityka')[0] ==
              303, 'new password refused')
        check(audit_rows(db, 'account.password') == 1, 'audited once')

    def audit_table_refuses_update_and_delete():
        for query in ("UPDATE audit SET action = 'x'", 'DELETE FROM audit'):
            try:
                sql(db, query)
            except SqlError as e:
                check('append-only' in str(e), str(e))
            else:
                raise AssertionError(f'{query} was allowed')

    def upload_check_then_confirm_leaves_one_audit_row():
        c = Client(srv)
        c.login('coordinator')
        seed = open(os.path.join(ROOT, 'data/seeds/'
                                 '001_bcc9bc9c7ab7a335.txt'), 'rb').read()
        before = audit_rows(db, 'plan.import')
        plans_before = sql_one(db, 'SELECT count(*) FROM plan')
        body, ct = multipart({'csrf': c.csrf('/plany/wczytaj')},
                             {'file': ('harmonogram.txt', seed)})
        st, _, html = c.request('POST', '/plany/wczytaj', raw=body,
                                content_type=ct)
        check(st == 200 and 'Zatwierdź i zapisz plan' in html, st)
        check('500 000,00' in html, 'preview shows the total')
        check(sql_one(db, 'SELECT count(*) FROM plan') == plans_before,
            'preview wrote a plan')
        action = re.search(r'action="(/plany/wczytaj/\d+)"', html).group(1)
        # The demo holds this document: confirmed with the checkbox.
        check('name="duplicate"' in html, 'duplicate asked about')
        st, h, _ = c.request('POST', action, {
            'csrf': c.csrf('/plany'), 'action': 'confirm', 'duplicate': '1'})
        check(st == 303 and re.match(r'/plany/\d+$', h['location']), st)
        check(audit_rows(db, 'plan.import') == before + 1, 'one row')
        # The same upload cannot be confirmed twice.
        st, _, _ = c.request('POST', action, {
            'csrf': c.csrf('/plany'), 'action': 'confirm', 'duplicate': '1'})
        check(st == 404, st)
        check(audit_rows(db, 'plan.import') == before + 1, 'still one')
        # Publishing is one change and one row.
        pid = h['location'].rsplit('/', 1)[1]
        st, _, _ = c.request('POST', f'/plany/{pid}/publikacja', {
            'csrf': c.csrf('/plany'), 'published': '1'})
        check(st == 303, st)
        check(audit_rows(db, 'plan.publish') >= 1, 'publish audited')

    def coordinator_cannot_touch_another_region():
        c = Client(srv)
        c.login('coord12')
        st, _, _ = c.request('POST', '/plany/1/publikacja', {
            'csrf': c.csrf('/plany'), 'published': '0'})
        check(st == 403, st)
        check(sql_one(db, 'SELECT published FROM plan WHERE id = 1') == 1,
            'unchanged')

    def unpublished_plans_are_hidden_from_the_public():
        sql(db, 'UPDATE plan SET published = 0 WHERE id = 2')
        pub = Client(srv)
        check(pub.request('GET', '/plany/2')[0] == 404, 'public sees it')
        check('"id":2,' not in pub.request('GET', '/api/plans')[2], 'list')
        ana = Client(srv)
        ana.login('analyst')
        check(ana.request('GET', '/plany/2')[0] == 200, 'analyst 04')
        other = Client(srv)
        other.login('coord12')
        check(other.request('GET', '/plany/2')[0] == 404, 'region 12')

    def hostile_text_is_shown_inert_and_sql_literal():
        c = Client(srv)
        c.login('coordinator')
        evil = ('Lp.\tDziałanie\togólna\tśrodki własne\tinne\tTermin\t'
                'Realizatorzy\twskaźnik\tPlan 2021\tPlan 2021 - 2026\n'
                '1.\tCel <script>alert(1)</script>\n'
                '1.1\t"><img src=x onerror=alert(2)> \'; DROP TABLE plan;--'
                '\t1.000\t1.000\t-\tI-XII\t<a href="javascript:alert(3)">x'
                '</a>\tliczba\t1\t2\n')
        body, ct = multipart({'csrf': c.csrf('/plany/wczytaj')},
                             {'file': ('zly.txt', evil.encode())})
        st, _, html = c.request('POST', '/plany/wczytaj', raw=body,
                                content_type=ct)
        check(st == 200, st)
        for raw in ('<script>alert(1)', '<img src=x', 'href="javascript:'):
            check(raw not in html, f'{raw} rendered raw')
        check('&lt;script&gt;alert(1)&lt;/script&gt;' in html, 'escaped')
        action = re.search(r'action="(/plany/wczytaj/\d+)"', html)
        check(action, 'confirm form')
        st, h, _ = c.request('POST', action.group(1), {
            'csrf': c.csrf('/plany'), 'action': 'confirm'})
        check(st == 303, st)
        st, _, html = c.request('GET', h['location'])
        check("'; DROP TABLE plan;--" in html.replace('&#39;', "'"),
              'SQL text shown literally')
        check('<script>alert' not in html and '<img src=x' not in html,
              'inert on the plan page')
        n = sql_one(db, 'SELECT count(*) FROM plan_task WHERE description'
                    ' LIKE ?', ("%'; DROP TABLE plan;--%",))
        check(n == 1, 'stored literally')

    for fn in (every_route_has_the_expected_rule,
               every_route_allows_and_denies_by_role,
               post_without_or_with_wrong_csrf_is_403_and_changes_nothing,
               session_is_dead_after_logout_and_timeouts,
               session_cookie_is_httponly_samesite_and_renewed,
               plaintext_password_is_nowhere_in_the_database,
               failed_logins_back_off_without_locking_out_the_owner,
               failed_login_flood_grows_the_audit_log_slowly,
               next_after_login_is_a_local_path_only,
               audit_lists_page_and_say_their_total,
               malformed_utf8_is_refused_and_the_audit_log_stays_json,
               client_address_comes_from_the_trusted_proxy_only,
               disabled_account_cannot_log_in_and_loses_sessions,
               administrator_sets_a_password_on_the_web,
               audit_table_refuses_update_and_delete,
               upload_check_then_confirm_leaves_one_audit_row,
               coordinator_cannot_touch_another_region,
               unpublished_plans_are_hidden_from_the_public,
               hostile_text_is_shown_inert_and_sql_literal):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
