#!/usr/bin/env python3
"""Issue 11, finding 7: the directory's CSV import runs in linear time and
never holds up a shutdown. 100 000 rows whose every parent key is looked
up are checked in seconds (a scan per key took minutes); 20 000 rows
are imported within the client's 20 s; a 1 000 000-row import is stopped
by SIGTERM: the server exits within 2 s and the database holds none of
the file's rows (all or nothing).
Usage: test_directory_import.py BINARY"""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

from harness import Runner, check, cleanup, make_db, sql_one
from test_auth import Client, add_user, multipart

HEADER = 'org_key,region,kind,org_name,gmina,service_name,category,coverage\n'


def rows_csv(n, marker, services=True):
    """n institutions of region 04, named marker-N, one service each."""
    out = [HEADER]
    for i in range(1, n + 1):
        svc = f',Porady {i},informacja,gmina:0463011' if services else ',,,'
        out.append(f'o{i},04,ops,{marker}-{i},0463011{svc}\n')
    return ''.join(out).encode()


def orphans_csv(n):
    """n institutions whose parent is not in the file: every key looked up
    (a scan of all the rows per row before), nothing written."""
    out = ['org_key,parent_key,region,kind,org_name,gmina\n']
    for i in range(1, n + 1):
        out.append(f'o{i},brak,04,ops,Sierota {i},0463011\n')
    return ''.join(out).encode()


class BigServer:
    """rodzina serve with extra flags (harness.Server takes none)."""

    def __init__(self, binary, db, extra):
        self.proc = subprocess.Popen(
            [binary, 'serve', '--db', db, '--listen', '127.0.0.1:0'] + extra,
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        self.lines, self.port = [], None
        ready = threading.Event()

        def reader():
            for raw in self.proc.stderr:
                line = raw.decode('utf-8', 'replace').rstrip('\n')
                self.lines.append(line)
                m = re.search(r'listening on http://127\.0\.0\.1:(\d+)/', line)
                if m:
                    self.port = int(m.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=reader, daemon=True).start()
        if not ready.wait(20) or self.port is None:
            self.proc.kill()
            raise RuntimeError('server did not start: ' + '\n'.join(self.lines))

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()

    def cpu_seconds(self):
        with open(f'/proc/{self.proc.pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')


def srv_get(srv, path):
    c = http.client.HTTPConnection('127.0.0.1', srv.port, timeout=60)
    c.request('GET', path)
    r = c.getresponse()
    body = r.read().decode()
    c.close()
    return r.status, r.getheaders(), body


def count_marked(db, marker):
    return sql_one(db, 'SELECT count(*) FROM dir_org WHERE name LIKE ?',
                   (marker + '-%',))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator', region='04')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    t = Runner('directory_import')

    def hundred_thousand_keys_checked_in_linear_time():
        srv = BigServer(binary, db, ['--body-limit', '64M'])
        try:
            c = Client(srv)
            check(c.login('koord')[0] == 303, 'login')
            token = c.csrf('/uslugi/zarzadzanie')
            body, ctype = multipart({'csrf': token},
                                    {'file': ('k.csv', orphans_csv(100000))})
            start = time.monotonic()
            st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                    raw=body, content_type=ctype)
            secs = time.monotonic() - start
            check(st == 400 and 'nadrzędnej „brak”' in html, st)
            # the page lists the first 1000 and says there are more
            check(html.count('nadrzędnej „brak”') == 1000,
                  html.count('nadrzędnej „brak”'))
            check('pokazano pierwsze 1000' in html, 'no line for the rest')
            # a scan per key was 1.5e10 comparisons: minutes under ASan
            check(secs < 40, f'{secs:.1f} s for 100 000 rows')
            print(f'# 100 000 keys checked in {secs:.1f} s')
        finally:
            srv.stop()

    def twenty_thousand_rows_imported():
        srv = BigServer(binary, db, ['--body-limit', '64M'])
        try:
            c = Client(srv)
            check(c.login('koord')[0] == 303, 'login')
            token = c.csrf('/uslugi/zarzadzanie')
            body, ctype = multipart({'csrf': token},
                                    {'file': ('k.csv',
                                              rows_csv(20000, 'Liniowy'))})
            start = time.monotonic()
            st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                    raw=body, content_type=ctype)
            secs = time.monotonic() - start
            check(st == 200 and 'Wczytano katalog' in html,
                  f'{st}: {html[-400:]}')
            # the issue measured 3 s (release build) before the fix
            check(secs < 20, f'{secs:.1f} s for 20 000 rows')
            check(count_marked(db, 'Liniowy') == 20000, 'all rows stored')
            # the areas and search rows written a thousand at a time: each
            # service has its own
            for what, join in (('areas', 'dir_area x ON x.service_id'),
                               ('search rows', 'dir_fts x ON x.rowid')):
                n = sql_one(db, 'SELECT count(*) FROM dir_service s'
                            f' JOIN {join} = s.id'
                            ' JOIN dir_org o ON o.id = s.org_id'
                            ' WHERE o.name LIKE ?', ('Liniowy-%',))
                check(n == 20000, f'{n} {what}')
            print(f'# 20 000 rows imported in {secs:.1f} s')
            # the index built anew over 20 000 distinct names answers (its
            # string pool grew under a slot it held: a use after free that
            # dropped the first search after such an import)
            st, _, body = srv_get(srv, '/api/services?gmina=0463011&q=liniowy'
                                  '&limit=5')
            check(st == 200 and json.loads(body)['total']['gmina'] == 20000,
                  f'{st}: {body[:300]}')
        finally:
            srv.stop()

    def sigterm_stops_a_million_row_import_within_2_s():
        marker = 'Milion'
        body, ctype = None, None
        srv = BigServer(binary, db, ['--body-limit', '256M'])
        try:
            c = Client(srv)
            check(c.login('koord')[0] == 303, 'login')
            token = c.csrf('/uslugi/zarzadzanie')
            body, ctype = multipart({'csrf': token},
                                    {'file': ('k.csv',
                                              rows_csv(1000000, marker))})
            head = (f'POST /uslugi/zarzadzanie/import HTTP/1.1\r\n'
                    f'Host: 127.0.0.1\r\nContent-Type: {ctype}\r\n'
                    f'Content-Length: {len(body)}\r\n'
                    f'Cookie: ' + '; '.join(f'{k}={v}' for k, v in
                                            c.cookies.items()) +
                    '\r\n\r\n').encode()
            s = socket.create_connection(('127.0.0.1', srv.port), timeout=60)
            s.sendall(head + body)
            # busy: the whole body is in and the import has used CPU
            cpu0 = srv.cpu_seconds()
            deadline = time.monotonic() + 60
            while srv.cpu_seconds() - cpu0 < 2.0:
                check(time.monotonic() < deadline, 'server never got busy')
                check(srv.proc.poll() is None, 'server died')
                time.sleep(0.05)
            check(count_marked(db, marker) == 0, 'nothing committed yet')
            start = time.monotonic()
            srv.proc.send_signal(signal.SIGTERM)
            try:
                rc = srv.proc.wait(10)
            except subprocess.TimeoutExpired:
                rc = None
            secs = time.monotonic() - start
            s.close()
            check(rc is not None, 'still running 10 s after SIGTERM')
            check(secs < 2.0, f'exited {secs:.2f} s after SIGTERM')
            check(rc == 0, f'exit status {rc}')
            check(count_marked(db, marker) == 0, 'rows of the file stored')
            print(f'# stopped {secs:.2f} s after SIGTERM')
        finally:
            if srv.proc.poll() is None:
                srv.proc.kill()
                srv.proc.wait()

    for fn in (hundred_thousand_keys_checked_in_linear_time,
               twenty_thousand_rows_imported,
               sigterm_stops_a_million_row_import_within_2_s):
        t.run(fn)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
