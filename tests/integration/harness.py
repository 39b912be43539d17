"""Shared helpers for the integration tests: a demo database, a real
`rodzina serve` on a free loopback port, plain HTTP over sockets, and a
tiny test runner that prints `ok NAME` / `FAIL NAME: why` and a summary."""
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback


class Server:
    """rodzina serve on 127.0.0.1:0; stderr is collected for log checks."""

    def __init__(self, binary, db, args=()):
        self.binary, self.db = binary, db
        self.proc = subprocess.Popen(
            [binary, 'serve', '--db', db, '--listen', '127.0.0.1:0'] +
            list(args),
            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL)
        self.lines = []
        self.port = None
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

        self.thread = threading.Thread(target=reader, daemon=True)
        self.thread.start()
        if not ready.wait(20) or self.port is None:
            self.proc.kill()
            raise RuntimeError('server did not start: ' + '\n'.join(self.lines))

    def log(self):
        time.sleep(0.05)  # the access line is written after the response
        return '\n'.join(self.lines)

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection('127.0.0.1', self.port, timeout=10)
        c.request(method, path, body=body, headers=headers or {})
        r = c.getresponse()
        data = r.read()
        c.close()
        return r.status, dict((k.lower(), v) for k, v in r.getheaders()), data

    def get(self, path, headers=None):
        return self.request('GET', path, headers=headers)

    def raw(self, data, read_timeout=5):
        s = socket.create_connection(('127.0.0.1', self.port), timeout=read_timeout)
        s.sendall(data)
        out = b''
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                out += chunk
        except socket.timeout:
            pass
        s.close()
        return out

    def stop(self, sig=signal.SIGTERM, timeout=15):
        self.proc.send_signal(sig)
        rc = self.proc.wait(timeout)
        self.thread.join(5)
        return rc


def make_db(binary, demo=True):
    d = tempfile.mkdtemp(prefix='rodzina-it-')
    db = os.path.join(d, 'test.db')
    args = [binary, 'init', '--db', db] + (['--demo'] if demo else [])
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return d, db


class Runner:
    def __init__(self, suite):
        self.suite, self.passed, self.failed = suite, 0, 0

    def run(self, fn, *args):
        name = fn.__name__
        try:
            fn(*args)
        except Exception as e:  # noqa: BLE001 - report every failure
            self.failed += 1
            print(f'FAIL {self.suite}.{name}: {e!r}')
            traceback.print_exc(limit=3, file=sys.stdout)
        else:
            self.passed += 1
            print(f'ok {self.suite}.{name}')

    def finish(self):
        print(f'{self.suite}: {self.passed} passed, {self.failed} failed')
        return 1 if self.failed else 0


def check(cond, message):
    if not cond:
        raise AssertionError(message)


def cleanup(d):
    shutil.rmtree(d, ignore_errors=True)
