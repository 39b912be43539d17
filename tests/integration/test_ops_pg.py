#!/usr/bin/env python3
"""Operations on PostgreSQL (issue 14): backup (pg_dump) while a server
writes and restore of it into another database, a damaged archive refused,
check-db finding a constraint NOT VALID and an invalid index, connection
loss (backends terminated between requests and mid-load: no acknowledged
write lost, /metrics counts the reconnects); and on either engine two
servers on one database sharing sessions and login throttling. The
PostgreSQL tests are skipped on SQLite. Usage: test_ops_pg.py BINARY"""
import os
import re
import subprocess
import sys
import threading
import time

from harness import PG, PSQL, Runner, check, cleanup, new_db, sql, sql_one
from ops_common import (SEED, Client, PlanWriters, Serve, add_accounts,
                        add_user, logged_in, ops_db, rodzina)


def pg_only(fn):
    fn.pg_only = True
    return fn


def main():
    binary = os.path.abspath(sys.argv[1])
    d, db = ops_db(binary)
    t = Runner('ops_pg')
    seed = open(SEED, 'rb').read()

    def kill_backends(wait=True):
        """Ends every session of the servers (application_name rodzina);
        with wait, returns once they are gone."""
        return sql(db, 'SELECT pg_terminate_backend(pid, ?) FROM '
                   "pg_stat_activity WHERE application_name = 'rodzina' AND "
                   'datname = current_database()', (5000 if wait else 0,))

    def metric(srv, name):
        body = logged_in(srv, 'admin').request('GET', '/metrics')[2]
        m = re.search(rf'^{name} (\d+)$', body, re.M)
        return int(m.group(1)) if m else None

    @pg_only
    def backup_while_a_server_writes_then_restore_elsewhere():
        srv = Serve(binary, db)
        writers = PlanWriters(srv, logged_in(srv, 'koord'), seed)
        try:
            time.sleep(1.5)
            before = writers.ids()
            backup = os.path.join(d, 'pod-obciazeniem.dump')
            rc, out, err = rodzina(binary, 'backup', backup, '--db', db)
            time.sleep(0.5)
        finally:
            writers.stop()
            srv.stop()
        check(rc == 0 and 'integrity ok' in out, out + err)
        check(not writers.errors, writers.errors[:5])
        check(len(before) >= 2, f'only {len(before)} writes before')
        check(sql_one(db, "SELECT count(*) FROM ops_backup WHERE file = ?",
                      (backup,)) == 1, 'backup recorded')
        other = new_db(d, 'restored')  # an empty database
        rc, out, err = rodzina(binary, 'restore', backup, '--db', other,
                               '--no-safety-copy')
        check(rc == 0 and 'restored' in out, out + err)
        rc, out, err = rodzina(binary, 'check-db', '--db', other)
        check(rc == 0 and 'integrity ok, foreign keys ok' in out, out + err)
        have = {r[0] for r in sql(other, 'SELECT id FROM plan')}
        missing = [p for p in before if p not in have]
        check(not missing, f'acknowledged before the backup, missing: '
                           f'{missing}')
        tasks = dict(sql(other, 'SELECT plan_id, count(*) FROM plan_task '
                                'GROUP BY plan_id'))
        copied = [pid for pid in writers.ids() if pid in have]
        check(len({tasks.get(p) for p in copied}) == 1,
              'every copied plan is whole')
        check(sql_one(other, "SELECT count(*) FROM audit WHERE action = "
                             "'db.restore'") == 1, 'restore audited')
        # The restored database serves: its sessions and accounts work.
        s2 = Serve(binary, other)
        try:
            check(logged_in(s2, 'anal').request('GET', '/')[0] == 200,
                  'restored database serves')
        finally:
            s2.stop()

    @pg_only
    def restore_refuses_a_bad_archive_then_replaces_the_content():
        work = new_db(d, 'work', binary, demo=True)
        check(add_user(binary, work, 'przed', 'analyst')[0] == 0, 'user')
        backup = os.path.join(d, 'przed-zmiana.dump')
        rc, _, err = rodzina(binary, 'backup', backup, '--db', work)
        check(rc == 0, err)
        check(add_user(binary, work, 'po-kopii', 'analyst')[0] == 0, 'user')
        data = open(backup, 'rb').read()
        for name, bad in (('obciete.dump', data[:len(data) // 2]),
                          ('nie-kopia.dump', b'plain text, not an archive')):
            path = os.path.join(d, name)
            open(path, 'wb').write(bad)
            rc, _, err = rodzina(binary, 'restore', path, '--db', work,
                                 '--no-safety-copy')
            check(rc == 1 and 'nothing changed' in err, (name, rc, err))
        check(sql_one(work, "SELECT count(*) FROM account WHERE login = "
                            "'po-kopii'") == 1, 'unchanged by a bad archive')
        rc, out, err = rodzina(binary, 'restore', backup, '--db', work)
        check(rc == 0 and 'restored' in out, out + err)
        logins = {r[0] for r in sql(work, 'SELECT login FROM account')}
        check('przed' in logins and 'po-kopii' not in logins, logins)
        # The safety copy holds what the restore replaced.
        safety = backup + '.before-restore'
        back = new_db(d, 'safety')
        rc, _, err = rodzina(binary, 'restore', safety, '--db', back,
                             '--no-safety-copy')
        check(rc == 0, err)
        check(sql_one(back, "SELECT count(*) FROM account WHERE login = "
                            "'po-kopii'") == 1, 'safety copy')

    @pg_only
    def check_db_finds_a_constraint_not_valid_and_an_invalid_index():
        work = new_db(d, 'checked', binary, demo=True)
        rc, out, _ = rodzina(binary, 'check-db', '--db', work)
        check(rc == 0 and 'integrity ok' in out, out)
        sql(work, 'ALTER TABLE session ADD CONSTRAINT session_seen_positive'
                  ' CHECK (seen_at > 0) NOT VALID')
        # A unique index built concurrently over duplicates stays invalid.
        p = subprocess.run([PSQL, '-X', '-q', '-d', work, '-c',
                            'CREATE UNIQUE INDEX CONCURRENTLY audit_via_once'
                            ' ON audit(via)'], capture_output=True, text=True)
        check(p.returncode != 0 and 'duplicated' in p.stderr, p.stderr)
        rc, out, _ = rodzina(binary, 'check-db', '--db', work)
        check(rc == 1 and 'PROBLEMS FOUND' in out, out)
        check('constraint session_seen_positive of session is not validated'
              in out, out)
        check('index audit_via_once is not valid' in out, out)

    @pg_only
    def lost_connections_are_reopened_and_no_acknowledged_write_is_lost():
        srv = Serve(binary, db, args=['--threads', '2'])
        admin = logged_in(srv, 'admin')
        token = admin.csrf('/uzytkownicy')
        try:
            before = metric(srv, 'rodzina_db_reconnects_total')
            # Between requests: every request after the loss succeeds.
            for i in range(5):
                check(kill_backends(), 'backends terminated')
                st, _, _ = admin.request('GET', '/uzytkownicy')
                check(st == 200, f'after loss {i}: {st}')
            after = metric(srv, 'rodzina_db_reconnects_total')
            check(after >= before + 5, (before, after))
            # Mid-load: writes fail cleanly or are acknowledged and kept.
            acked, statuses = [], {}
            lock, stop = threading.Lock(), threading.Event()

            def writer(k):
                def done(login, st):
                    with lock:
                        statuses[st] = statuses.get(st, 0) + 1
                        if st == 303:
                            acked.append(login)
                add_accounts(srv, admin, token, f'utrata-{k}', stop, done)

            threads = [threading.Thread(target=writer, args=(k,))
                       for k in range(3)]
            for th in threads:
                th.start()
            # Plan uploads: long transactions, cut in the middle too.
            plans = PlanWriters(srv, logged_in(srv, 'koord'), seed, n=2)
            for _ in range(6):
                time.sleep(0.3)
                kill_backends(wait=False)
            time.sleep(0.3)
            stop.set()
            plans.stop()
            for th in threads:
                th.join(30)
            check(set(statuses) <= {303, 500, 503},
                  (statuses, srv.proc.poll(), srv.log()[-3000:]))
            check(set(plans.errors) <= {500, 503}, plans.errors[:5])
            have = {r[0] for r in sql(db, 'SELECT id FROM plan')}
            lost = [p for p in plans.ids() if p not in have]
            check(plans.ids() and not lost, f'acknowledged plans: {lost}')
            tasks = {r[0] for r in sql(
                db, 'SELECT count(*) FROM plan_task WHERE plan_id IN (%s) '
                'GROUP BY plan_id' % ','.join(map(str, plans.ids())))}
            check(len(tasks) == 1, f'a partial plan: task counts {tasks}')
            check(statuses.get(303, 0) >= 3, statuses)
            # Once the loss is over, every request succeeds again.
            codes = [admin.request('GET', '/uzytkownicy')[0]
                     for _ in range(10)]
            check(codes == [200] * 10, codes)
            logins = {r[0] for r in sql(db, 'SELECT login FROM account')}
            lost = [x for x in acked if x not in logins]
            check(not lost, f'acknowledged accounts lost: {lost[:5]}')
            check('re-opened' in srv.log(), 'reconnect logged')
            print(f'# connection loss: accounts {statuses}, '
                  f'{len(plans.ids())} plans, failed {plans.errors}')
        finally:
            srv.stop()
        check(srv.proc.returncode == 0, 'stopped cleanly')

    def two_servers_share_sessions_and_login_throttling():
        a, b = Serve(binary, db), Serve(binary, db)
        try:
            admin = logged_in(a, 'admin')
            on_b = Client(b)
            on_b.cookies = dict(admin.cookies)
            st, _, _ = on_b.request('GET', '/system')
            check(st == 200, f'session of A on B: {st}')
            token = on_b.csrf('/uzytkownicy')
            st, _, _ = on_b.request('POST', '/logout', {'csrf': token})
            check(st == 303, f'logout on B: {st}')
            st, _, _ = Client(a).request('GET', '/system', headers={
                'Cookie': f"rodzina_session={admin.cookies['rodzina_session']}"
            })
            check(st in (302, 303), f'A after logout on B: {st}')
            # Failed logins through both count together.
            guessers = [Client(a, '127.0.0.12'), Client(b, '127.0.0.12')]
            codes = [guessers[i % 2].login('anal', 'zle-haslo-zle-haslo')[0]
                     for i in range(5)]
            check(codes == [401] * 5, codes)
            for g in guessers:
                st, _, _ = g.login('anal')  # right, but too soon
                check(st == 429, f'throttled on both: {st}')
        finally:
            a.stop()
            b.stop()

    for fn in (backup_while_a_server_writes_then_restore_elsewhere,
               restore_refuses_a_bad_archive_then_replaces_the_content,
               check_db_finds_a_constraint_not_valid_and_an_invalid_index,
               lost_connections_are_reopened_and_no_acknowledged_write_is_lost,
               two_servers_share_sessions_and_login_throttling):
        if not PG and getattr(fn, 'pg_only', False):
            t.skip(fn.__name__, 'PostgreSQL only')
        else:
            t.run(fn)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
