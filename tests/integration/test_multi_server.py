#!/usr/bin/env python3
"""Several stateless servers on one database (issue 14): three `rodzina
serve` processes behind nginx (an `upstream` of the three, round robin).
A write made through one server is read through the other two at once:
a session (login), a plan edit, a directory edit and a helpline contact;
and nginx spreads one client's requests over all three. It runs on the
engine of the suite: a SQLite file in the first loop, PostgreSQL in the
pg loop (the deployment this is for).
Usage: test_multi_server.py BINARY"""
import os
import re
import shutil
import socket
import subprocess
import sys
import time

from harness import Runner, Server, check, cleanup, free_port, make_db
from test_auth import Client, add_user

NGINX = shutil.which('nginx') or '/usr/sbin/nginx'


class Port:
    """Something a Client can talk to: a server, or nginx, by port."""

    def __init__(self, port):
        self.port = port


def start_nginx(d, ports):
    """nginx in the foreground as this user, proxying to ports."""
    conf = os.path.join(d, 'nginx.conf')
    port = free_port()
    servers = ''.join(f'server 127.0.0.1:{p};' for p in ports)
    tmp = os.path.join(d, 'nginx-tmp')
    os.makedirs(tmp, exist_ok=True)
    with open(conf, 'w') as f:
        f.write(f"""daemon off; master_process off; worker_processes 1;
pid {d}/nginx.pid; error_log {d}/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  upstream rodzina {{ {servers} keepalive 8; }}
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://rodzina;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
""")
    proc = subprocess.Popen([NGINX, '-c', conf, '-e',
                             os.path.join(d, 'nginx-error.log')],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(100):
        try:
            socket.create_connection(('127.0.0.1', port), timeout=1).close()
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError('nginx did not start: ' +
                       open(os.path.join(d, 'nginx-error.log')).read())


def token_of(html):
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', html)
    check(m, 'no csrf field')
    return m.group(1)


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'), ('kons', 'consultant')):
        rc, err = add_user(binary, db, login, role, region='04')
        if rc != 0:
            print(f'FAIL setup: {login}: {err}')
            return 1
    servers = [Server(binary, db) for _ in range(3)]
    nginx, nport = start_nginx(d, [s.port for s in servers])
    front = Port(nport)
    a, b, c = servers
    t = Runner('multi_server')

    def nginx_spreads_requests_over_the_three():
        seen = set()
        cl = Client(front)
        for _ in range(9):
            st, h, _ = cl.request('GET', '/healthz')
            check(st == 200, st)
            seen.add(h.get('x-upstream'))
        check(seen == {f'127.0.0.1:{s.port}' for s in servers}, seen)

    def session_made_on_one_is_valid_on_the_others():
        cl = Client(a)
        check(cl.login('koord')[0] == 303, 'login on a')
        for s in (b, c, front):
            other = Client(s)
            other.cookies = dict(cl.cookies)
            st, _, html = other.request('GET', '/plany')
            check(st == 200 and 'Wyloguj' in html, f'{s.port}: {st}')
        # Logging out on one ends the session on all at once: the old
        # cookie, replayed, is refused by the others.
        old = dict(cl.cookies)
        st, _, _ = cl.request('POST', '/logout', {'csrf': cl.csrf('/plany')})
        check(st == 303, st)
        for s in (b, c):
            other = Client(s)
            other.cookies = dict(old)
            st, _, html = other.request('GET', '/plany')
            check('Wyloguj' not in html, f'{s.port} still logged in')

    def plan_edit_on_one_is_read_on_the_others():
        ca = Client(a)
        ca.login('koord')
        # The other servers read (and cache) the plan before the edit.
        for s in (b, c):
            other = Client(s)
            other.cookies = dict(ca.cookies)
            page = other.request('GET', '/plany/1/zadania/0')[2]
            check('value="12 000,00"' in page, f'{s.port}: before')
        html = ca.request('GET', '/plany/1/zadania/0')[2]
        st, _, _ = ca.request('POST', '/plany/1/zadania/0', {
            'csrf': token_of(html), 'l0_own': '13.579',
            'l0_total': '113 579,00'})
        check(st == 303, st)
        for s in (b, c):
            other = Client(s)
            other.cookies = dict(ca.cookies)
            page = other.request('GET', '/plany/1/zadania/0')[2]
            check('value="13 579,00"' in page, f'{s.port}: old amount')

    def directory_edit_on_one_is_found_on_the_others():
        for s in servers:  # every index built before the edit
            check(s.get('/uslugi?gmina=0463011&q=kolibry')[0] == 200, 'warm')
        ca = Client(a)
        ca.login('koord')
        token = ca.csrf('/uslugi/zarzadzanie/instytucja')
        st, h, _ = ca.request('POST', '/uslugi/zarzadzanie/instytucja', {
            'csrf': token, 'org_name': 'Fundacja Kolibry', 'kind': 'ngo',
            'gmina': '0463011', 'city': 'Toruń',
            'org_hours': 'pn-pt 9:00-17:00'})
        check(st == 303, st)
        org = h['location'].rsplit('/', 1)[1]
        st, _, _ = ca.request('POST', '/uslugi/zarzadzanie/usluga', {
            'csrf': token, 'instytucja': org,
            'service_name': 'Telefon zaufania Kolibry',
            'category': 'przemoc', 't_przemoc': '1',
            'coverage': 'gmina:0463011', 'service_hours': 'pn-pt 9:00-17:00'})
        check(st == 303, st)
        for s in (b, c):
            body = s.get('/uslugi?gmina=0463011&q=kolibry')[2].decode()
            check('Telefon zaufania Kolibry' in body, f'{s.port}: not found')
        st, _, _ = ca.request('POST',
                              f'/uslugi/zarzadzanie/instytucja/{org}/usun',
                              {'csrf': token, 'potwierdzam': '1'})
        check(st == 303, st)
        for s in (b, c):
            body = s.get('/uslugi?gmina=0463011&q=kolibry')[2].decode()
            check('Telefon zaufania Kolibry' not in body, f'{s.port}: kept')

    def helpline_contact_on_one_is_listed_on_the_others():
        ca = Client(a)
        check(ca.login('kons')[0] == 303, 'login')
        token = ca.csrf('/niebieska-linia/kontakty/nowy')
        st, h, _ = ca.request('POST', '/niebieska-linia/kontakty', {
            'csrf': token, 'at': '2024-05-07T10:05', 'channel': '1',
            'caller': '2', 'gmina': '0463011', 'gmina_nazwa': 'Toruń',
            'forma1': '1', 'dotkniety1': '1', 'pomoc3': '1', 'minuty': '12'})
        check(st == 303, st)
        cid = re.search(r'zapisano=(\d+)', h['location']).group(1)
        for s in (b, c):
            other = Client(s)
            other.cookies = dict(ca.cookies)
            st, _, html = other.request('GET', f'/niebieska-linia/kontakty/{cid}')
            check(st == 200 and '2024-05-07' in html, f'{s.port}: {st}')

    for fn in (nginx_spreads_requests_over_the_three,
               session_made_on_one_is_valid_on_the_others,
               plan_edit_on_one_is_read_on_the_others,
               directory_edit_on_one_is_found_on_the_others,
               helpline_contact_on_one_is_listed_on_the_others):
        t.run(fn)
    nginx.terminate()
    nginx.wait(10)
    for s in servers:
        s.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
