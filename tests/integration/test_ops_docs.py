#!/usr/bin/env python3
"""The manual page (issue 8): docs/rodzina.1 is what docs/gen-man.py makes
from the built binary's own help text (`rodzina --help-all`), it renders
with man(1) without warnings, and it documents every command and every
configuration key. Usage: test_ops_docs.py BINARY"""
import os
import re
import subprocess
import sys

from harness import Runner, check

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
PAGE = os.path.join(ROOT, 'docs/rodzina.1')


def main():
    binary = os.path.abspath(sys.argv[1])
    t = Runner('ops_docs')

    def man_page_is_generated_from_the_help_text():
        fresh = subprocess.run(
            [sys.executable, os.path.join(ROOT, 'docs/gen-man.py'), binary],
            check=True, capture_output=True, text=True).stdout
        check(fresh == open(PAGE).read(),
              'docs/rodzina.1 differs from the help text of the binary: '
              'run docs/gen-man.py BUILD/rodzina > docs/rodzina.1')

    def man_renders_every_command_without_warnings():
        p = subprocess.run(['man', '--warnings', '-l', PAGE],
                           capture_output=True, text=True,
                           env=dict(os.environ, MANWIDTH='80',
                                    MANPAGER='cat', PAGER='cat'))
        check(p.returncode == 0 and not p.stderr.strip(), p.stderr)
        text = p.stdout
        listed = re.findall(r'^  (\S+)\s', subprocess.run(
            [binary, '--help'], capture_output=True,
            text=True).stdout, re.M)
        check(len(listed) >= 9, listed)
        for cmd in listed:
            check(re.search(rf'^   {re.escape(cmd)}$', text, re.M),
                  f'command {cmd} missing')
        for key in ('--body-limit', '--behind-tls-proxy', '--log-file',
                    '--metrics-token', 'RODZINA_CONFIG', 'SIGHUP',
                    '--no-safety-copy'):
            check(key in text, key)

    def admin_guide_and_changelog_cover_the_steps():
        guide = open(os.path.join(ROOT, 'docs/admin-guide.md')).read()
        for heading in ('## Install', '## Configure', '## Back up',
                        '## Restore', '## Upgrade'):
            check(heading in guide, heading)
        for ref in ('contrib/install-local.sh', 'contrib/rodzina.service',
                    'rodzina backup', 'rodzina restore', 'rodzina check-db'):
            check(ref in guide, ref)
        log = open(os.path.join(ROOT, 'docs/CHANGELOG.md')).read()
        check('rodzina backup' in log, 'changelog')

    for fn in (man_page_is_generated_from_the_help_text,
               man_renders_every_command_without_warnings,
               admin_guide_and_changelog_cover_the_steps):
        t.run(fn)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
