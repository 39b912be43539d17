#!/usr/bin/env python3
"""House rules of STYLE.md that a compiler cannot see, checked on src/:
each handler's ROUTE:/CAP: header matches the route table; no sprintf,
strcpy, strcat or gets; sqlite3_* and sqlite3.h only in src/db/db_sqlite.c
(the SQLite engine behind the neutral store); microhttpd.h only in
src/http/; SQL text only in queries.def files and migrations; every
html_raw_trusted call has a comment saying why; spreadsheet text only
through core/xlsx_cell.c (the formula guard). Prints `ok NAME` or
`FAIL NAME: where` per rule. Usage: check_source.py [BUILD_DIR]"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SRC = os.path.join(ROOT, 'src')
failed = 0


def sources(ext=('.c', '.h')):
    for d, _, files in os.walk(SRC):
        for f in sorted(files):
            if f.endswith(ext):
                p = os.path.join(d, f)
                yield os.path.relpath(p, ROOT), open(p, encoding='utf-8').read()


def report(name, problems):
    global failed
    if problems:
        failed += 1
        print(f'FAIL {name}: ' + '; '.join(problems[:12]) +
              (f' (+{len(problems) - 12} more)' if len(problems) > 12 else ''))
    else:
        print(f'ok {name}')


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'),
                  text, flags=re.S)


def route_headers_match_table():
    table = ''
    for rel, text in sources(('.c', '.inc')):
        if rel.endswith('routes.c') or rel.endswith('routes.inc'):
            table += text
    routes = re.findall(r'ROUTE(?:_UPLOAD)?\("(\w+)",\s*"([^"]+)",\s*(\w+),\s*(\w+)\)',
                        table)
    headers = {}
    for rel, text in sources(('.c',)):
        for m in re.finditer(r'/\*((?:(?!\*/).)*?)\*/\s*int\s*\n(\w+)\(',
                             text, flags=re.S):
            headers.setdefault(m.group(2), []).append((rel, m.group(1)))
    problems = []
    for method, path, handler, cap in routes:
        found = headers.get(handler)
        if not found:
            problems.append(f'{handler}: no header comment')
            continue
        rel, h = found[0]
        routes_said = re.findall(r'ROUTE:\s*(.*?)(?:\n\*\*\s*CAP:|\Z)', h,
                                 flags=re.S)
        caps_said = re.findall(r'CAP:\s*(\w+)', h)
        said = ' '.join(routes_said).replace('**', ' ')
        if f'{method} ' not in said or path not in said.split() and \
                path not in re.split(r'[\s,]+', said):
            problems.append(f'{rel} {handler}: ROUTE header lacks '
                            f'"{method} {path}"')
        if cap not in caps_said:
            problems.append(f'{rel} {handler}: CAP header lacks {cap}')
        if 'PARAMS:' not in h:
            problems.append(f'{rel} {handler}: no PARAMS line')
    report('route headers match routes.c and routes.inc', problems)


def forbidden_calls():
    problems = []
    for rel, text in sources():
        code = strip_comments(text)
        for fn in ('sprintf', 'vsprintf', 'strcpy', 'strcat', 'gets'):
            for m in re.finditer(r'(?<![\w.])' + fn + r'\s*\(', code):
                line = code[:m.start()].count('\n') + 1
                problems.append(f'{rel}:{line} {fn}')
    report('no sprintf, strcpy, strcat or gets', problems)


def layering():
    problems = []
    for rel, text in sources():
        code = strip_comments(text)
        if rel != 'src/db/db_sqlite.c' and re.search(
                r'\bsqlite3_\w+\s*\(|sqlite3\.h', code):
            problems.append(f'{rel}: sqlite3_* outside src/db/db_sqlite.c')
        if not rel.startswith('src/http/') and 'microhttpd.h' in code:
            problems.append(f'{rel}: microhttpd.h outside src/http')
    report('sqlite3 only in src/db/db_sqlite.c, microhttpd only in src/http',
           problems)


def sql_only_in_catalogue():
    problems = []
    pat = re.compile(r'"\s*(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|'
                     r'CREATE TABLE|DROP TABLE)\b', re.I)
    for rel, text in sources():
        if rel.startswith('src/db/db') or rel.endswith('.def'):
            continue
        for m in pat.finditer(strip_comments(text)):
            line = text[:m.start()].count('\n') + 1
            problems.append(f'{rel}:{line}')
    report('SQL only in queries.def files and migrations', problems)


def raw_html_is_commented():
    problems = []
    for rel, text in sources(('.c',)):
        lines = text.split('\n')
        for i, line in enumerate(lines):
            if 'html_raw_trusted(' in line and not rel.endswith('html.c') \
                    and '#define' not in line:
                context = '\n'.join(lines[max(0, i - 3):i + 1])
                if '/*' not in context and '//' not in context:
                    problems.append(f'{rel}:{i + 1}')
    report('every html_raw_trusted call says why', problems)


def spreadsheet_text_is_guarded():
    """XLSX text cells go through xlsx_text/xlsx_merge_text, which apply
    the formula guard of core/csv.c (issue 11, finding 5)."""
    problems = []
    pat = re.compile(r'\bworksheet_(write_string|merge_range|'
                     r'write_rich_string)\s*\(')
    for rel, text in sources():
        if rel == 'src/core/xlsx_cell.c':
            continue
        code = strip_comments(text)
        for m in pat.finditer(code):
            line = code[:m.start()].count('\n') + 1
            problems.append(f'{rel}:{line} {m.group(0).rstrip("(")}')
    report('XLSX text only through core/xlsx_cell.c', problems)


route_headers_match_table()
forbidden_calls()
layering()
sql_only_in_catalogue()
raw_html_is_commented()
spreadsheet_text_is_guarded()
sys.exit(1 if failed else 0)
