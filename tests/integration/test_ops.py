#!/usr/bin/env python3
"""Integration tests of running Rodzina for real (issue 8): configuration
(file, environment, flags, refusal with file and line), /healthz, /metrics
and who may read it, the administrators' /system page, backup of a live
database under write load, restore, check-db, SIGHUP log reopening,
privilege drop after binding, and systemd readiness (sd_notify).
Usage: test_ops.py BINARY"""
import os
import pwd
import re
import shutil
import signal
import socket
import sqlite3
import sys
import tempfile
import threading
import time

from harness import PG, Runner, check, cleanup, make_db, sql_one, sqlite_only
from ops_common import (SEED, Client, Serve, add_user, logged_in, rodzina,
                        upload_plan)


def main():
    binary = os.path.abspath(sys.argv[1])
    d, db = make_db(binary)
    for login, role in (('admin', 'administrator'), ('koord', 'coordinator'),
                        ('anal', 'analyst')):
        rc, err = add_user(binary, db, login, role)
        if rc != 0:
            print(f'FAIL setup: user {login}: {err}')
            return 1
    srv = Serve(binary, db)
    t = Runner('ops')
    seed = open(SEED, 'rb').read()

    def config_precedence_flag_env_file_and_masking():
        conf = os.path.join(d, 'a.conf')
        with open(conf, 'w') as f:
            f.write('[rodzina]\n# the file\nthreads = 3\nlisten = '
                    '127.0.0.1:9100\ndb = /srv/x.db\n'
                    'metrics_token = sekret-sekret-sekret-1\n')
        rc, out, err = rodzina(binary, 'config', '--config', conf,
                               '--listen', '127.0.0.1:9300',
                               env={'RODZINA_THREADS': '7',
                                    'RODZINA_LISTEN': '127.0.0.1:9200'})
        check(rc == 0, err)
        check(f'# from {conf}:5\ndb = /srv/x.db\n' in out, out)
        check('# from env RODZINA_THREADS\nthreads = 7\n' in out, out)
        check('# from flag --listen\nlisten = 127.0.0.1:9300\n' in out, out)
        check('# from default\nlog_level = info\n' in out, out)
        check('sekret' not in out and 'metrics_token = ********' in out,
              'secret masked')
        # RODZINA_CONFIG names the file when --config is absent.
        rc, out, _ = rodzina(binary, 'config', env={'RODZINA_CONFIG': conf})
        check(rc == 0 and 'threads = 3' in out, out)
        rc, out, _ = rodzina(binary, 'config', '--template')
        check(rc == 0 and '#body_limit = 25M' in out and
              'RODZINA_METRICS_TOKEN' in out, out)
        # config takes every flag serve takes (one table), and only serve
        # lacks --template.
        rc, out, err = rodzina(binary, 'config', '--max-connections', '50',
                               '--max-connections-per-address', '0',
                               '--header-timeout', '5')
        check(rc == 0 and '# from flag --max-connections\n'
              'max_connections = 50\n' in out and
              'header_timeout = 5\n' in out, (rc, out, err))
        rc, _, err = rodzina(binary, 'serve', '--template')
        check(rc == 2 and "unknown option '--template'" in err, (rc, err))

    def wrong_key_or_value_stops_serve_with_file_and_line():
        conf = os.path.join(d, 'bad.conf')
        for text, reason in (
                ('db = x.db\nthreds = 4\n', ":2: unknown key 'threds'"),
                ('\nlisten = 8080\n', ":2: listen = '8080': bad listen "
                                      'address: must be IPv4:PORT'),
                ('log_level = loud\n', ":1: log_level = 'loud'")):
            with open(conf, 'w') as f:
                f.write(text)
            rc, _, err = rodzina(binary, 'serve', '--config', conf)
            check(rc == 1 and f'rodzina serve: {conf}{reason}' in err,
                  (rc, err))
        rc, _, err = rodzina(binary, 'serve', '--db', db,
                             env={'RODZINA_BODY_LIMIT': 'huge'})
        check(rc == 1 and "environment RODZINA_BODY_LIMIT = 'huge'" in err,
              err)
        rc, _, err = rodzina(binary, 'serve', '--config',
                             os.path.join(d, 'absent.conf'))
        check(rc == 1 and 'absent.conf: No such file' in err, err)

    def healthz_is_public_and_says_only_ok():
        st, h, body = srv.get('/healthz')
        check(st == 200 and body == b'ok\n', (st, body))
        check(h['content-type'].startswith('text/plain'), h)
        check(h.get('cache-control') == 'no-store', h)
        st, _, body = srv.request('HEAD', '/healthz')
        check(st == 200, st)

    def metrics_count_requests_by_route_and_status():
        for _ in range(3):
            srv.get('/plany')
        srv.get('/no/such/page')
        # A request is counted when its response is complete, after the
        # client has it: wait until the last one shows.
        for _ in range(50):
            st, h, body = srv.get('/metrics')
            text = body.decode()
            if re.search(r'route="unmatched",status="404"\} [1-9]', text) \
                    and re.search(r'route="/plany",status="200"\} [3-9]',
                                  text):
                break
            time.sleep(0.02)
        check(st == 200 and h['content-type'].startswith(
            'text/plain; version=0.0.4'), (st, h))
        m = re.search(r'rodzina_http_requests_total\{method="GET",'
                      r'route="/plany",status="200"\} (\d+)', text)
        check(m and int(m.group(1)) >= 3, text[:2000])
        check(re.search(r'route="unmatched",status="404"\} [1-9]', text),
              'unmatched 404 counted')
        buckets = [int(v) for v in re.findall(
            r'rodzina_http_request_duration_seconds_bucket\{le="[^"]+"\} '
            r'(\d+)', text)]
        check(len(buckets) == 15 and buckets == sorted(buckets), buckets)
        count = int(re.search(
            r'rodzina_http_request_duration_seconds_count (\d+)',
            text).group(1))
        check(count == buckets[-1] and count >= 4, count)
        size = int(re.search(r'rodzina_db_bytes (\d+)', text).group(1))
        check(size == os.path.getsize(db) or size > 1000000, size)
        check(re.search(r'rodzina_sessions_open \d+', text), 'sessions')
        check(re.search(r'rodzina_schema_version \d+', text), 'schema')
        # Every sample line is NAME{labels} VALUE or NAME VALUE.
        for line in text.splitlines():
            check(line.startswith('#') or re.match(
                r'^[a-z_]+(\{[^}]*\})? [0-9.e+-]+$', line), line)

    def metrics_open_sessions_follow_logins():
        def sessions():
            body = srv.get('/metrics')[2].decode()
            return int(re.search(r'rodzina_sessions_open (\d+)',
                                 body).group(1))
        before = sessions()
        logged_in(srv, 'anal')
        logged_in(srv, 'anal')
        check(sessions() == before + 2, (before, sessions()))

    def metrics_refuse_proxied_public_and_non_admins():
        proxied = {'X-Forwarded-For': '203.0.113.9'}
        st, _, _ = srv.get('/metrics', headers=proxied)
        check(st == 401, f'proxied public: {st}')
        koord = logged_in(srv, 'koord')
        st, _, _ = koord.request('GET', '/metrics', headers=proxied)
        check(st == 403, f'proxied coordinator: {st}')
        admin = logged_in(srv, 'admin')
        st, _, body = admin.request('GET', '/metrics', headers=proxied)
        check(st == 200 and 'rodzina_http_requests_total' in body, st)

    def metrics_token_and_admin_only_mode():
        token = 'token-for-prometheus-0123456789'
        s2 = Serve(binary, db, env={'RODZINA_METRICS_TOKEN': token,
                                    'RODZINA_METRICS_ALLOW': 'admin'})
        try:
            st, _, _ = s2.get('/metrics')
            check(st == 401, f'loopback in admin mode: {st}')
            st, _, _ = s2.get('/metrics', headers={
                'Authorization': 'Bearer ' + token[:-1] + 'x'})
            check(st == 401, f'wrong token: {st}')
            st, _, body = s2.get('/metrics', headers={
                'Authorization': 'Bearer ' + token,
                'X-Forwarded-For': '198.51.100.1'})
            check(st == 200 and b'rodzina_db_bytes' in body, st)
        finally:
            s2.stop()

    @sqlite_only('backup copies the SQLite file')
    def system_page_shows_last_backup_to_admins_only():
        backup = os.path.join(d, 'kopia-1.db')
        rc, out, err = rodzina(binary, 'backup', backup, '--db', db)
        check(rc == 0 and 'integrity ok' in out, err)
        size = os.path.getsize(backup)
        admin = logged_in(srv, 'admin')
        st, _, html = admin.request('GET', '/system')
        check(st == 200, st)
        check('Ostatnia kopia zapasowa' in html and backup in html, html)
        m = re.search(r'id="ostatnia-kopia">[^<]*<strong>(\d{4}-\d\d-\d\d '
                      r'\d\d:\d\d UTC)</strong>, ([0-9,]+ [KMG]?B)', html)
        check(m, 'time and size shown')
        shown = float(m.group(2).split()[0].replace(',', '.'))
        unit = {'B': 1, 'KB': 1024, 'MB': 1024 ** 2}[m.group(2).split()[1]]
        check(abs(shown * unit - size) <= 0.06 * unit, (m.group(2), size))
        check('<caption>' in html and 'scope="col"' in html, 'table a11y')
        st, _, _ = logged_in(srv, 'koord').request('GET', '/system')
        check(st == 403, st)
        body = srv.get('/metrics')[2].decode()
        check(f'rodzina_backup_last_bytes {size}' in body, 'metric')
        n = sql_one(db, "SELECT count(*) FROM audit WHERE action = "
                    "'backup.create' AND entity_id = ?", (backup,))
        check(n == 1, 'backup audited once')

    @sqlite_only('backup and restore copy the SQLite file')
    def backup_under_write_load_holds_every_earlier_write():
        koord = logged_in(srv, 'koord')
        acked = []           # (time acknowledged, plan id)
        lock = threading.Lock()
        stop = threading.Event()
        errors = []

        def writer():
            c = Client(srv)
            c.cookies = dict(koord.cookies)
            while not stop.is_set():
                try:
                    st, pid = upload_plan(c, seed)
                except Exception as e:  # noqa: BLE001
                    errors.append(repr(e))
                    continue
                if st != 201:
                    errors.append(st)
                    continue
                with lock:
                    acked.append((time.time(), pid))

        threads = [threading.Thread(target=writer) for _ in range(3)]
        for th in threads:
            th.start()
        time.sleep(1.5)
        began = time.time()
        with lock:
            before = [pid for _, pid in acked]
        backup = os.path.join(d, 'pod-obciazeniem.db')
        rc, out, err = rodzina(binary, 'backup', backup, '--db', db)
        time.sleep(0.5)
        stop.set()
        for th in threads:
            th.join(30)
        check(rc == 0, err)
        check(not errors, errors[:5])
        check(len(before) >= 2, f'only {len(before)} writes before')
        after = [pid for at, pid in acked if at > began]
        # Restore the copy elsewhere: check-db passes and every write
        # acknowledged before the backup began is in it.
        other = os.path.join(d, 'przywrocona.db')
        rc, out, err = rodzina(binary, 'restore', backup, '--db', other)
        check(rc == 0, err)
        rc, out, err = rodzina(binary, 'check-db', '--db', other)
        check(rc == 0 and 'integrity ok, foreign keys ok' in out, out + err)
        con = sqlite3.connect(other)
        have = {r[0] for r in con.execute('SELECT id FROM plan')}
        tasks = dict(con.execute('SELECT plan_id, count(*) FROM plan_task '
                                 'GROUP BY plan_id'))
        con.close()
        missing = [p for p in before if p not in have]
        check(not missing, f'acknowledged before the backup, missing: '
                           f'{missing}')
        full = tasks[before[0]]
        check(all(tasks.get(p) == full for p in have if p in before + after),
              'every copied plan is whole')
        print(f'# backup under load: {len(before)} writes before, '
              f'{len(after)} during/after; copy holds {len(have)} plans')

    @sqlite_only('restore replaces the SQLite file')
    def restore_checks_the_file_then_replaces_atomically():
        # Stop the shared server: restore replaces the database under it.
        srv.stop()
        work = os.path.join(d, 'restore.db')
        shutil.copy(db, work)
        for suffix in ('-wal', '-shm'):
            if os.path.exists(db + suffix):
                shutil.copy(db + suffix, work + suffix)
        backup = os.path.join(d, 'przed-zmiana.db')
        rc, _, err = rodzina(binary, 'backup', backup, '--db', work)
        check(rc == 0, err)
        rc, err = add_user(binary, work, 'po-kopii', 'analyst')
        check(rc == 0, err)
        # A damaged file is refused and nothing changes.
        bad = os.path.join(d, 'uszkodzona.db')
        data = bytearray(open(backup, 'rb').read())
        for off in range(4096 * 3, min(len(data), 4096 * 40), 4096):
            data[off + 100:off + 400] = b'\xa5' * 300
        open(bad, 'wb').write(bytes(data))
        rc, _, err = rodzina(binary, 'restore', bad, '--db', work)
        check(rc == 1 and 'nothing changed' in err, (rc, err))
        junk = os.path.join(d, 'nie-baza.db')
        open(junk, 'wb').write(b'plain text, not a database' * 100)
        rc, _, err = rodzina(binary, 'restore', junk, '--db', work)
        check(rc == 1 and 'nothing changed' in err, (rc, err))
        con = sqlite3.connect(work)
        check(con.execute("SELECT count(*) FROM account WHERE login = "
                          "'po-kopii'").fetchone()[0] == 1, 'unchanged')
        con.close()
        # A newer schema than this program's is refused.
        newer = os.path.join(d, 'nowsza.db')
        shutil.copy(backup, newer)
        con = sqlite3.connect(newer)
        con.execute('PRAGMA user_version = 9999')
        con.close()
        rc, _, err = rodzina(binary, 'restore', newer, '--db', work)
        check(rc == 1 and 'schema version 9999' in err, err)
        # The good backup: the later account is gone, a safety copy holds it.
        rc, out, err = rodzina(binary, 'restore', backup, '--db', work)
        check(rc == 0 and 'restored' in out, err)
        con = sqlite3.connect(work)
        check(con.execute("SELECT count(*) FROM account WHERE login = "
                          "'po-kopii'").fetchone()[0] == 0, 'restored')
        check(con.execute("SELECT count(*) FROM audit WHERE action = "
                          "'db.restore'").fetchone()[0] == 1, 'audited')
        con.close()
        con = sqlite3.connect(work + '.before-restore')
        check(con.execute("SELECT count(*) FROM account WHERE login = "
                          "'po-kopii'").fetchone()[0] == 1, 'safety copy')
        con.close()
        rc, out, _ = rodzina(binary, 'check-db', '--db', work)
        check(rc == 0, out)

    @sqlite_only('a broken reference needs SQLite with foreign keys off')
    def check_db_finds_broken_references():
        work = os.path.join(d, 'fk.db')
        rc, _, err = rodzina(binary, 'backup', work, '--db', db)
        check(rc == 0, err)
        con = sqlite3.connect(work)
        con.execute('PRAGMA foreign_keys = OFF')
        con.execute("INSERT INTO session(token_hash, account_id, csrf, "
                    "created_at, seen_at) VALUES ('x', 987654, 'y', 0, 0)")
        con.commit()
        con.close()
        rc, out, _ = rodzina(binary, 'check-db', '--db', work)
        check(rc == 1 and 'foreign key: session row' in out and
              'PROBLEMS FOUND' in out, out)

    def sighup_reopens_the_log_file():
        log = os.path.join(d, 'rodzina.log')
        s2 = Serve(binary, db, args=['--log-file', log], log_file=log)
        try:
            s2.get('/healthz')
            time.sleep(0.1)
            os.rename(log, log + '.1')       # what logrotate does
            s2.proc.send_signal(signal.SIGHUP)
            for _ in range(100):
                if os.path.exists(log):
                    break
                time.sleep(0.05)
            s2.get('/plany')
            time.sleep(0.2)
            new = open(log).read()
            old = open(log + '.1').read()
            check('access GET /healthz 200' in old, old[-500:])
            check('SIGHUP, log file reopened' in new and
                  'access GET /plany 200' in new, new)
            check('access GET /plany' not in old, 'old file still written')
        finally:
            rc = s2.stop()
        check(rc == 0 and 'stopped cleanly' in open(log).read(), rc)

    def root_switches_to_the_configured_user_after_binding():
        if os.geteuid() != 0:
            print('# not root: privilege drop not exercised')
            return
        nobody = pwd.getpwnam('nobody')
        share = tempfile.mkdtemp(prefix='rodzina-drop-')
        os.chmod(share, 0o777)
        mydb = db  # on PostgreSQL there is no file to hand over
        if not PG:
            mydb = os.path.join(share, 'drop.db')
            rc, _, err = rodzina(binary, 'backup', mydb, '--db', db)
            check(rc == 0, err)
            os.chown(mydb, nobody.pw_uid, nobody.pw_gid)
        # Port 0 as root, then uid nobody: binding came first.
        s2 = Serve(binary, mydb, args=['--user', 'nobody'])
        try:
            status = open(f'/proc/{s2.proc.pid}/status').read()
            uids = re.search(r'^Uid:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)',
                             status, re.M).groups()
            check(all(int(u) == nobody.pw_uid for u in uids), uids)
            gids = re.search(r'^Gid:\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)',
                             status, re.M).groups()
            check(all(int(g) == nobody.pw_gid for g in gids), gids)
            check('switched to user nobody' in s2.log(), s2.log())
            # It can still write its database: a login is a write.
            c = Client(s2)
            check(c.login('anal')[0] == 303, 'login as nobody')
        finally:
            s2.stop()
            shutil.rmtree(share, ignore_errors=True)
        rc, _, err = rodzina(binary, 'serve', '--db', db, '--user',
                             'no-such-account-x')
        check(rc == 2 and "--user 'no-such-account-x': no such user" in err,
              (rc, err))

    def systemd_readiness_is_notified():
        sock_path = os.path.join(d, 'notify.sock')
        s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        s.bind(sock_path)
        s.settimeout(20)
        s2 = Serve(binary, db, env={'NOTIFY_SOCKET': sock_path}, wait=False)
        try:
            msg = s.recv(256).decode()
            check(msg == 'READY=1', msg)
            s2.wait_ready()
            check(s2.get('/healthz')[0] == 200, 'serving when ready')
        finally:
            s2.stop()
        msg = s.recv(256).decode()
        check(msg == 'STOPPING=1', msg)
        s.close()

    for fn in (config_precedence_flag_env_file_and_masking,
               wrong_key_or_value_stops_serve_with_file_and_line,
               healthz_is_public_and_says_only_ok,
               metrics_count_requests_by_route_and_status,
               metrics_open_sessions_follow_logins,
               metrics_refuse_proxied_public_and_non_admins,
               metrics_token_and_admin_only_mode,
               system_page_shows_last_backup_to_admins_only,
               backup_under_write_load_holds_every_earlier_write,
               check_db_finds_broken_references,
               sighup_reopens_the_log_file,
               root_switches_to_the_configured_user_after_binding,
               systemd_readiness_is_notified,
               restore_checks_the_file_then_replaces_atomically):
        t.run(fn)
    if srv.proc.poll() is None:
        srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
