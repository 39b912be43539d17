"""What the Python bench scripts share with the shell ones (bench/lib.sh):
their loopback ports, port(n) being BASE_PORT + n when BASE_PORT (or PORT)
is set in the environment, otherwise a port free at the moment of asking;
and note(), a row of the table `make bench` prints at the end."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))), 'tests', 'integration'))
from harness import free_port  # noqa: E402


def port(n):
    base = os.environ.get('BASE_PORT') or os.environ.get('PORT')
    return int(base) + n if base else free_port()


def listen(n):
    """rodzina serve's arguments to listen on port(n)."""
    return ['--listen', f'127.0.0.1:{port(n)}']


def note(bench, target, rate, p99, ratio, reference):
    """A rate measured beside its reference (nginx serving the same bytes,
    or bare SQLite) in the same run, for bench/all's summary (appended to
    the file BENCH_SUMMARY names; nothing when it is not set)."""
    path = os.environ.get('BENCH_SUMMARY')
    if path:
        with open(path, 'a') as f:
            f.write(f'{bench}\t{target}\t{rate:.0f}\t{p99:.2f}\t'
                    f'{ratio:.2f}\t{reference}\n')
