#!/usr/bin/env python3
"""Self-test of check_source.py: a small clean tree passes every rule, and
for each rule the same tree with one violating file fails it, naming the
place. Every rule the checker lists has at least one such case. Prints `ok
NAME` or `not ok NAME: why` per case. Usage: test_check_source.py [BUILD]"""
import os
import shutil
import subprocess
import sys
import tempfile

CHECKER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                       'check_source.py')

HANDLER = '''#include "notes.h"
#include "notes/strings_pl.h"

/* A comment may say "Zażółć" or db_query(r->db, Q_NOTES_ALL). */

/*
** ROUTE: GET /notatki
** CAP: CAP_PUBLIC
** PARAMS: none
*/
int
page_notes(struct req *r)
{
    html_printf(&r->out, "<h1>%s</h1><p>%d</p>\\n", T_NOTES_TITLE,
                notes_count(r));
    return 0;
}
'''

# One module, notes, and a little infrastructure, breaking no rule.
CLEAN = {
    'src/modules.def': '/* The domain modules. */\nMODULE(notes)\n',
    'src/meson.build': 'foreach m : modules  # from modules.def\n'
                       '  subdir(m)\nendforeach\n',
    'src/main.c': '#include "cli/cli.h"\n\nint\nmain(void)\n{\n'
                  '    return cli_run();\n}\n',
    'src/cli/cli.h': 'int cli_run(void);\n',
    'src/cli/cli.c': '#include "cli.h"\n#include "http/http.h"\n\nint\n'
                     'cli_run(void)\n{\n    return req_id();\n}\n',
    'src/core/buf.h': 'int buf_len(void);\n',
    'src/core/buf.c': '#include "buf.h"\n\nint\nbuf_len(void)\n{\n'
                      '    return 0;\n}\n',
    'src/http/http.h': '#include "core/buf.h"\nint req_id(void);\n',
    'src/http/request.c': '#include "http.h"\n\nint\nreq_id(void)\n{\n'
                          '    return buf_len();\n}\n',
    'src/html/html.h': '#include "http/http.h"\n',
    'src/db/db.c': 'int\ndb_begin(void)\n{\n'
                   '    return db_exec(0, "BEGIN");\n}\n',
    'src/notes/routes.inc':
        '    ROUTE("GET", "/notatki", page_notes, CAP_PUBLIC)\n',
    'src/notes/queries.def':
        'Q(Q_NOTES_ALL, "SELECT count(*) FROM note")\n',
    'src/notes/strings_pl.h': '#define T_NOTES_TITLE "Notatki zespołu"\n',
    'src/notes/migrations/0100_notes.sql':
        'CREATE TABLE note(id INTEGER PRIMARY KEY, body TEXT);\n',
    'src/notes/meson.build':
        "notes_sources = files('notes_store.c', 'notes_pages.c')\n",
    'src/notes/notes.h': '#include "http/http.h"\n'
                         'int notes_count(struct req *r);\n',
    'src/notes/notes_store.c': '#include "notes.h"\n\nint\n'
                               'notes_count(struct req *r)\n{\n'
                               '    return db_one_int(db_query(r->db, '
                               'Q_NOTES_ALL));\n}\n',
    'src/notes/notes_pages.c': HANDLER,
    # Includes the header that declares notes_store.c's functions, and
    # calls one: no circle, as a header depends on no .c file.
    'src/notes/notes.c': '#include "notes.h"\n\nint\n'
                         'notes_total(struct req *r)\n{\n'
                         '    return notes_count(r);\n}\n',
    'src/notes/notes_demo.c': 'static const char *demo[] = '
                              '{"Notatka pokazowa: źródło"};\n',
}


def page(body):
    """notes_pages.c with one more line in the handler."""
    return HANDLER.replace('    return 0;\n', body + '    return 0;\n')


# (case, rule, files changed (None removes one), text the FAIL line holds)
CASES = [
    ('route header without PARAMS', 'route headers',
     {'src/notes/notes_pages.c': HANDLER.replace('** PARAMS: none\n', '')},
     'page_notes: no PARAMS line'),
    ('sprintf', 'sprintf',
     {'src/notes/notes_pages.c': page('    sprintf(b, "%d", 1);\n')},
     'notes_pages.c:16 sprintf'),
    ('sqlite3 call outside src/db', 'sqlite3 only',
     {'src/notes/notes_store.c': 'int\nf(void)\n{\n'
                                 '    return sqlite3_changes(0);\n}\n'},
     'notes_store.c: sqlite3_* outside src/db'),
    ('SQL text in a C file', 'SQL only in queries.def',
     {'src/notes/notes_store.c': 'const char *q = "SELECT 1";\n'},
     'src/notes/notes_store.c:1'),
    ('html_raw_trusted without a comment', 'html_raw_trusted',
     {'src/notes/notes_pages.c': page('    html_raw_trusted(&r->out, s);\n')},
     'notes_pages.c:16'),
    ('XLSX text past the guard', 'XLSX',
     {'src/notes/notes_export.c': 'void\nf(void)\n{\n'
                                  '    worksheet_write_string(w, 0, 0, s, 0);'
                                  '\n}\n'},
     'notes_export.c:4 worksheet_write_string'),
    ('%n in an html_printf format', 'html_printf formats',
     {'src/notes/notes_pages.c': page('    html_printf(&r->out, "<p>%.80s%n", s, &n);\n')},
     'notes_pages.c:16 %n (unsupported)'),
    ('width on %s through a string macro', 'html_printf formats',
     {'src/notes/strings_pl.h': '#define T_NOTES_TITLE "Notatki zespołu %-8s"\n',
      'src/notes/notes_pages.c': page('    html_printf(&r->out, T_NOTES_TITLE, s);\n')},
     'notes_pages.c:16 %-8s (unsupported)'),
    ('db_query in a page', 'SQL runs only in store',
     {'src/notes/notes_pages.c':
      page('    db_done(db_query(r->db, Q_NOTES_ALL));\n')},
     'notes_pages.c:16 db_query'),
    ('transaction in a CLI command', 'SQL runs only in store',
     {'src/cli/cmd_notes.c': 'int\ncmd_notes(void)\n{\n'
                             '    return db_begin(0);\n}\n'},
     'src/cli/cmd_notes.c:4 db_begin'),
    ('module header included by http', 'infrastructure',
     {'src/http/routes.c': '#include "notes/notes.h"\n'},
     'src/http/routes.c:1 notes/'),
    ('module function called by cli', 'infrastructure',
     {'src/cli/cli.c': CLEAN['src/cli/cli.c'].replace('req_id()',
                                                      'notes_count(0)')},
     'src/cli/cli.c:7 notes_count'),
    ('module named in src/meson.build', 'infrastructure',
     {'src/meson.build': "foreach m : ['notes']\n  subdir(m)\nendforeach\n"},
     "src/meson.build:1 'notes'"),
    ('module found without modules.def', 'infrastructure',
     {'src/modules.def': None,
      'src/html/html.h': '#include "notes/strings_pl.h"\n'},
     'src/html/html.h:1 notes/'),
    ('headers including each other', 'include circle',
     {'src/http/http.h': '#include "html/html.h"\n'},
     'html/html.h -> http/http.h -> html/html.h'),
    ('call back up from a lower layer', 'include circle',
     {'src/core/buf.c': CLEAN['src/core/buf.c'].replace('return 0',
                                                        'return req_id()')},
     'core/buf.c -> http/request.c -> core/buf.c'),
    ('Polish letter in a page', 'Polish literal',
     {'src/notes/notes_pages.c':
      page('    html_printf(&r->out, "<p>Zapisano notatkę.</p>");\n')},
     'notes_pages.c:16 "<p>Zapisano notatkę.</p>"'),
    ('Polish words without diacritics', 'Polish literal',
     {'src/notes/notes_store.c': 'const char *e = "Plik jest pusty.";\n'},
     'notes_store.c:1 "Plik jest pusty."'),
    ('module without strings_pl.h', 'shape',
     {'src/notes/strings_pl.h': None},
     'src/notes: no strings_pl.h'),
    ('module with queries but no store', 'shape',
     {'src/notes/notes_store.c': None,
      'src/notes/notes_db.c': CLEAN['src/notes/notes_store.c']},
     'src/notes: queries but no *store*.c'),
    ('module with queries but no migrations', 'shape',
     {'src/notes/migrations/0100_notes.sql': None},
     'src/notes: queries but no migrations/'),
    ('folder missing from modules.def', 'shape',
     {'src/extra/extra.c': 'int extra;\n'},
     'src/extra: not in src/modules.def'),
    ('module listed but absent', 'shape',
     {'src/modules.def': 'MODULE(notes)\nMODULE(gone)\n'},
     'src/gone: no such folder'),
]


def make_tree(changes):
    root = tempfile.mkdtemp(prefix='check_source.')
    files = dict(CLEAN)
    files.update(changes)
    for rel, text in files.items():
        if text is None:
            continue
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
    return root


def check(root, *args):
    p = subprocess.run([sys.executable, CHECKER, '--root', root, *args],
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


def main():
    failed = 0

    def say(ok, name, why=''):
        nonlocal failed
        failed += not ok
        print(f'ok {name}' if ok else f'not ok {name}: {why}')

    rc, out = check(CHECKER, '--list')
    rules = [line.replace(' (pending)', '') for line in out.splitlines()]
    for name in rules:
        say(any(r.lower() in name.lower() for _, r, _, _ in CASES),
            f'rule "{name}" has a violating case', 'none in CASES')

    root = make_tree({})
    rc, out = check(root, '--all')
    shutil.rmtree(root)
    say(rc == 0 and out.count('\nok ') + out.startswith('ok ') == len(rules),
        'the clean tree passes every rule', out.strip())

    for name, rule, changes, fragment in CASES:
        root = make_tree(changes)
        rc, out = check(root, '--rule', rule, '--verbose')
        shutil.rmtree(root)
        say(rc == 1 and out.startswith('FAIL ') and fragment in out,
            f'{name} fails "{rule}"', f'exit {rc}, wanted {fragment!r} '
            f'in: {out.strip()}')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
