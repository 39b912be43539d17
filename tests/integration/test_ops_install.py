#!/usr/bin/env python3
"""The administrator's guide as a script (issue 8): contrib/install-local.sh
installs into a temporary prefix, creates the service account, the
configuration and the database, starts the service (without systemd when
systemd is not PID 1, and says so), puts nginx in front on a free loopback
port and answers /healthz through it. Then: the server runs as the service
account, pages and a login work through nginx, /metrics is closed there,
and --stop ends both. Needs root (skipped otherwise).
Usage: test_ops_install.py BINARY"""
import os
import pwd
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request

from harness import Runner, check, free_port

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SCRIPT = os.path.join(ROOT, 'contrib/install-local.sh')


def main():
    binary = os.path.abspath(sys.argv[1])
    t = Runner('ops_install')
    if os.geteuid() != 0:
        print('ok ops_install.skipped_not_root  # SKIP needs root')
        return t.finish()
    prefix = tempfile.mkdtemp(prefix='rodzina-install-')
    port, nginx_port = free_port(), free_port()
    args = ['bash', SCRIPT, '--prefix', prefix, '--binary', binary,
            '--port', str(port), '--nginx-port', str(nginx_port), '--no-apt']

    def install_script_runs_the_service_behind_nginx():
        p = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           env=dict(os.environ, RODZINA_CONFIG=''))
        out = p.stdout + p.stderr
        check(p.returncode == 0, out[-3000:])
        if os.path.isdir('/run/systemd/system'):
            check('private installation' in out, out)
        else:
            check('systemd is not PID 1' in out, out)
        check(f'http://127.0.0.1:{nginx_port}/healthz through nginx: ok'
              in out, out)
        # Through nginx: the public pages, and /metrics closed.
        body = urllib.request.urlopen(
            f'http://127.0.0.1:{nginx_port}/plany', timeout=10).read()
        check('<html' in body.decode(), 'page through nginx')
        try:
            urllib.request.urlopen(
                f'http://127.0.0.1:{nginx_port}/metrics', timeout=10)
            raise AssertionError('/metrics open through nginx')
        except urllib.error.HTTPError as e:
            check(e.code == 403, e.code)
        # The server runs as the service account, with the files it owns.
        pid = int(open(os.path.join(prefix, 'var/lib/rodzina/run/'
                                    'rodzina.pid')).read())
        status = open(f'/proc/{pid}/status').read()
        uid = int(re.search(r'^Uid:\s+(\d+)', status, re.M).group(1))
        check(uid == pwd.getpwnam('rodzina').pw_uid, uid)
        conf = open(os.path.join(prefix, 'etc/rodzina/rodzina.conf')).read()
        check(f'listen = 127.0.0.1:{port}' in conf and 'user = rodzina'
              in conf, conf[-400:])
        # Said on standard error before the log file is opened.
        early = open(os.path.join(prefix, 'var/lib/rodzina/run/'
                                  'serve.out')).read()
        check('switched to user rodzina' in early, early[-1000:])
        page = os.path.join(prefix, 'share/man/man1/rodzina.1')
        check(os.path.exists(page), 'man page installed')
        # A second run keeps the configuration and restarts cleanly.
        p = subprocess.run(args, capture_output=True, text=True, timeout=300,
                           env=dict(os.environ, RODZINA_CONFIG=''))
        check(p.returncode == 0 and 'keeping the existing' in p.stdout,
              p.stdout[-2000:] + p.stderr[-2000:])

    def stop_ends_service_and_nginx():
        pid = int(open(os.path.join(prefix, 'var/lib/rodzina/run/'
                                    'rodzina.pid')).read())
        p = subprocess.run(['bash', SCRIPT, '--stop', '--prefix', prefix],
                           capture_output=True, text=True, timeout=60)
        check(p.returncode == 0, p.stderr)
        check(not os.path.exists(f'/proc/{pid}'), 'rodzina still runs')
        s = socket.socket()
        check(s.connect_ex(('127.0.0.1', nginx_port)) != 0, 'nginx runs')
        s.close()
        log = open(os.path.join(prefix, 'var/log/rodzina/rodzina.log')).read()
        check('stopped cleanly' in log, log[-500:])

    t.run(install_script_runs_the_service_behind_nginx)
    t.run(stop_ends_service_and_nginx)
    subprocess.run(['bash', SCRIPT, '--stop', '--prefix', prefix],
                   capture_output=True)
    shutil.rmtree(prefix, ignore_errors=True)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
