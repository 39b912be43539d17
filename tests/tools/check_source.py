#!/usr/bin/env python3
"""House rules of STYLE.md and the module shape of issue 13 that a compiler
cannot see, checked on src/: each handler's ROUTE:/CAP: header matches the
route table; no sprintf, strcpy, strcat or gets; sqlite3_* and sqlite3.h only
in src/db/db_sqlite.c (the SQLite engine behind the neutral store);
microhttpd.h only in src/http/; SQL text only in queries.def files and
migrations; every html_raw_trusted call has a comment saying why;
spreadsheet text only through core/xlsx_cell.c (the formula guard); html_printf
formats use only the conversions html.c formats; SQL runs
only in a module's store files; infrastructure names no domain module; no
include circle; no Polish literal outside strings_pl.h; every module has
the same parts. Prints `ok NAME` or `FAIL NAME: where` per rule.

Usage: check_source.py [--root DIR] [--rule NAME]... [--all] [--list]
       [--verbose] [BUILD_DIR]
Without --rule it runs every rule but those in PENDING; --rule takes a rule's
name or a unique part of it; --verbose prints every problem on its own line.
BUILD_DIR is accepted (tests/run-all passes it) and unused."""
import argparse
import os
import re
import sys

# Rules the code of main does not satisfy yet (issue 13 brings it there):
# they run only when named with --rule or with --all. Remove a name once
# main passes it; the list is empty when the issue is done.
PENDING = []

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SRC = os.path.join(ROOT, 'src')
failed = 0
verbose = False


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
        if verbose:
            print(f'FAIL {name}: {len(problems)} problems')
            for p in problems:
                print(f'    {p}')
            return
        print(f'FAIL {name}: ' + '; '.join(problems[:12]) +
              (f' (+{len(problems) - 12} more)' if len(problems) > 12 else ''))
    else:
        print(f'ok {name}')


RULES = {}  # name -> function returning the list of problems, in run order


def rule(name):
    def register(fn):
        RULES[name] = fn
        return fn
    return register


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'),
                  text, flags=re.S)


@rule('route headers match routes.c and routes.inc')
def route_headers_match_table():
    table = ''
    for rel, text in sources(('.c', '.inc')):
        if rel.endswith('routes.c') or rel.endswith('routes.inc'):
            table += text
    routes = re.findall(r'ROUTE(?:_UPLOAD|_LONG)?\("(\w+)",\s*"([^"]+)",\s*(\w+),\s*(\w+)\)',
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
    return problems


@rule('no sprintf, strcpy, strcat or gets')
def forbidden_calls():
    problems = []
    for rel, text in sources():
        code = strip_comments(text)
        for fn in ('sprintf', 'vsprintf', 'strcpy', 'strcat', 'gets'):
            for m in re.finditer(r'(?<![\w.])' + fn + r'\s*\(', code):
                line = code[:m.start()].count('\n') + 1
                problems.append(f'{rel}:{line} {fn}')
    return problems


@rule('sqlite3 only in src/db/db_sqlite.c, microhttpd only in src/http')
def layering():
    problems = []
    for rel, text in sources():
        code = strip_comments(text)
        if rel != 'src/db/db_sqlite.c' and re.search(
                r'\bsqlite3_\w+\s*\(|sqlite3\.h', code):
            problems.append(f'{rel}: sqlite3_* outside src/db/db_sqlite.c')
        if not rel.startswith('src/http/') and 'microhttpd.h' in code:
            problems.append(f'{rel}: microhttpd.h outside src/http')
    return problems


@rule('SQL only in queries.def files and migrations')
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
    return problems


@rule('every html_raw_trusted call says why')
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
    return problems


@rule('XLSX text only through core/xlsx_cell.c')
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
    return problems


# A conversion of a printf format: flags, width, precision, length, type.
CONVERSION = re.compile(r'%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?'
                        r'(hh|h|ll|l|j|z|t|L)?(.?)')
LITERAL = r'"(?:[^"\\\n]|\\.)*"'


def string_macros(files):
    """NAME -> text of every #define whose value is string literals."""
    macros = {}
    for text in files.values():
        code = strip_comments(text).replace('\\\n', ' ')
        for m in re.finditer(r'^#define\s+(\w+)\s+((?:' + LITERAL +
                             r'\s*)+)$', code, flags=re.M):
            macros[m.group(1)] = ''.join(
                s[1:-1] for s in re.findall(LITERAL, m.group(2)))
    return macros


def conversion_refused(m):
    """Why html_printf (src/html/html.c) cannot format this conversion,
    or None: %s takes only a precision, %c nothing, integers and floating
    point go through snprintf, and %n, %p, wide text and '*' are refused."""
    flags, width, prec, length, conv = m.groups()
    if '*' in (width, prec):
        return "'*'"
    if conv == '%':
        return None if not (flags or width or prec is not None or length) \
            else 'flags on %%'
    if conv == 's' and not (flags or width or length):
        return None
    if conv == 'c' and not (flags or width or prec is not None or length):
        return None
    if conv in 'diuoxX' and conv and length != 'L':
        return None
    if conv in 'fFeEgGaA' and conv and length in (None, 'l'):
        return None
    return 'unsupported'


@rule('html_printf formats use supported conversions')
def html_printf_conversions():
    files = {os.path.relpath(os.path.join(ROOT, rel), SRC): text
             for rel, text in sources()}
    problems = []
    macros = string_macros(files)
    for rel, text in sorted(files.items()):
        if rel.startswith('html/html.'):
            continue
        code = strip_comments(text)
        for call in re.finditer(r'\bhtml_printf\s*\(', code):
            # Skip the buffer argument, then join the format's pieces.
            depth, i = 0, call.end()
            while depth > 0 or code[i] != ',':
                depth += {'(': 1, ')': -1}.get(code[i], 0)
                i += 1
            fmt = ''
            for tok in re.finditer(LITERAL + r'|\w+|\S', code[i + 1:]):
                piece = tok.group(0)
                if piece in (',', ')'):
                    break
                fmt += piece[1:-1] if piece[0] == '"' else macros.get(piece,
                                                                      '')
            for m in CONVERSION.finditer(fmt):
                why = conversion_refused(m)
                if why:
                    line = code[:call.start()].count('\n') + 1
                    problems.append(f'src/{rel}:{line} {m.group(0)} ({why})')
    return problems


# The module shape of issue 13. Infrastructure is these folders of src/ plus
# src/main.c and src/meson.build; every other folder is a domain module.
INFRA_DIRS = ('core', 'db', 'http', 'html', 'cli')
INFRA_FILES = ('main.c', 'meson.build')
# C comments go, string and character literals stay (a "*/*" or "//" in a
# literal starts no comment); newlines are kept so line numbers hold.
C_TOKENS = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|'
                      r'/\*.*?\*/|//[^\n]*', re.S)
MESON_TOKENS = re.compile(r"'(?:\\.|[^'\\\n])*'|#[^\n]*")
STRING = re.compile(r'"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'')


def code_only(text, tokens=C_TOKENS):
    return tokens.sub(lambda m: m.group(0) if m.group(0)[0] in '"\''
                      else '\n' * m.group(0).count('\n'), text)


def line_at(text, pos):
    return text.count('\n', 0, pos) + 1


def is_store(rel):
    """A module's store files, the only ones that run its SQL, have
    "store" in their name (dir_store.c, plan_store.c, store.c)."""
    return 'store' in os.path.basename(rel)


def module_names():
    """The domain modules: src/modules.def (MODULE(name) lines) when it
    exists, else the folders with a routes.inc or a queries.def."""
    listed = os.path.join(SRC, 'modules.def')
    if os.path.isfile(listed):
        return re.findall(r'^[ \t]*MODULE\([ \t]*(\w+)',
                          code_only(open(listed, encoding='utf-8').read()),
                          flags=re.M)
    return [d for d in sorted(os.listdir(SRC))
            if d not in INFRA_DIRS and
            any(os.path.isfile(os.path.join(SRC, d, f))
                for f in ('routes.inc', 'queries.def'))]


@rule('SQL runs only in store files')
def sql_runs_only_in_stores():
    """Issue 13: a module's store is the only file that runs its SQL; pages,
    API, export, demo and CLI files call the store's functions. Any file may
    call db_transaction (db.h): it names no query and only makes the calls
    of stores' functions one change (the demo runner's). A call that names
    a query or a transaction is SQL; stepping a statement a store opened
    (db_step, db_one_row, db_col_*) is not."""
    problems = []
    pat = re.compile(r'\bdb_(query\w*|exec|list|get|begin|commit|rollback)\s*\(')
    for rel, text in sources(('.c', '.h', '.inc')):
        if rel.startswith('src/db/') or is_store(rel):
            continue
        code = code_only(text)
        calls = {}  # line -> the calls on it
        for m in pat.finditer(code):
            calls.setdefault(line_at(code, m.start()), []).append(
                'db_' + m.group(1))
        problems += [f'{rel}:{line} {", ".join(names)}'
                     for line, names in calls.items()]
    return problems


@rule('infrastructure names no domain module')
def infrastructure_names_no_module():
    """No #include "MODULE/...", no path into a module's folder, no
    identifier that starts with a module's name (plan_..., struct plan) and
    no string that is a module's name in core, db, http, html, cli,
    src/main.c and src/meson.build: adding a module touches one list."""
    names = module_names()
    if not names:
        return []
    alt = '|'.join(map(re.escape, names))
    pat = re.compile(rf'(?<![\w/])(?:{alt})(?:/|_\w+)|\bstruct\s+(?:{alt})\b'
                     rf'|(["\'])(?:{alt})\1')
    problems = []
    for d, dirs, files in os.walk(SRC):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            rel = os.path.relpath(p, SRC)
            if not (rel.split(os.sep)[0] in INFRA_DIRS or rel in INFRA_FILES):
                continue
            if f == 'meson.build':
                tokens = MESON_TOKENS
            elif f.endswith(('.c', '.h', '.inc', '.def')):
                tokens = C_TOKENS
            else:
                continue
            code = code_only(open(p, encoding='utf-8').read(), tokens)
            seen = {}  # a name once per file, at its first line
            for m in pat.finditer(code):
                where = seen.setdefault(m.group(0),
                                        [line_at(code, m.start()), 0])
                where[1] += 1
            problems += [f'src/{rel}:{line} {name}' +
                         (f' (x{n})' if n > 1 else '')
                         for name, (line, n) in seen.items()]
    return problems


def dependency_graph():
    """File of src/ -> files it depends on: those it includes (#include
    "..." resolved beside it, then in src/) and, for a .c file, the .c files
    that define a function it names. The second kind sees what includes
    alone do not: html/form.c calls req_csrf, declared in http/http.h but
    defined in http/router.c."""
    files = {os.path.relpath(os.path.join(ROOT, rel), SRC): code_only(text)
             for rel, text in sources(('.c', '.h', '.inc', '.def'))}
    defined = {}  # non-static function -> its file; STYLE.md puts the
    for rel, code in files.items():  # return type on the line above
        if rel.endswith('.c'):
            for m in re.finditer(r'^([^\n]*)\n([A-Za-z_]\w*)\(', code,
                                 flags=re.M):
                if not m.group(1).startswith(('static', '#')):
                    defined[m.group(2)] = rel
    graph = {}
    for rel, code in files.items():
        deps = graph.setdefault(rel, set())
        for inc in re.findall(r'^[ \t]*#[ \t]*include[ \t]*"([^"]+)"', code,
                              flags=re.M):
            for base in (os.path.dirname(rel), ''):
                target = os.path.normpath(os.path.join(base, inc))
                if target in files:
                    deps.add(target)
                    break
        if rel.endswith('.c'):
            for name in re.findall(r'\b[A-Za-z_]\w*\b',
                                   STRING.sub('""', code)):
                if name in defined:
                    deps.add(defined[name])
        deps.discard(rel)
    return graph


def strong_components(graph):
    """Tarjan's algorithm: the sets of files that reach each other."""
    index, low, stack, on, comps = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop()
                on.discard(w)
                comp.add(w)
                if w == v:
                    break
            comps.append(comp)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph)))
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return comps


def shortest_circle(graph, comp, start):
    """The shortest path from start back to itself inside comp (BFS)."""
    came = {start: None}
    todo = [start]
    while todo:
        v = todo.pop(0)
        for w in sorted(graph[v] & comp):
            if w == start:
                path = [v]
                while came[path[-1]] is not None:
                    path.append(came[path[-1]])
                return path[::-1]
            if w not in came:
                came[w] = v
                todo.append(w)
    return []


@rule('no include circle')
def no_include_circle():
    """Dependencies point one way (STYLE.md section 2): no file reaches
    itself through includes and calls. Names, for every file in a knot, the
    shortest circle through it."""
    graph = dependency_graph()
    circles = set()
    for comp in strong_components(graph):
        for start in sorted(comp) if len(comp) > 1 else ():
            path = shortest_circle(graph, comp, start)
            first = path.index(min(path))
            circles.add(tuple(path[first:] + path[:first]))
    return [' -> '.join(c + (c[0],)) for c in sorted(circles)]


# A Polish text: a Polish letter or the Polish opening quote, or a common
# Polish word without diacritics among two or more words ("Plik jest
# pusty.", "Plan na rok"); words are split at spaces, so a parameter name
# (name="rok") or a column (gmina_name) is no word.
POLISH_LETTER = re.compile('[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ„]')
POLISH_WORDS = {'nie', 'jest', 'brak', 'oraz', 'lub', 'albo', 'ani', 'dla',
                'przez', 'aby', 'na', 'ze', 'rok', 'lata', 'plik', 'pliku',
                'pole', 'wiersz', 'kolumna', 'zapisz', 'uwagi', 'podaj'}


def is_polish(literal):
    if POLISH_LETTER.search(literal):
        return True
    words = [w.strip('.,:;!?()"\\').lower()
             for w in literal[1:-1].replace('\\n', ' ').split()]
    return len(words) > 1 and any(w in POLISH_WORDS for w in words)


def is_demo_data(rel):
    """Demo data files have "demo" as a word of their name: demo.c,
    dir_demo.c, helpline_demo.c."""
    stem = os.path.splitext(os.path.basename(rel))[0]
    return 'demo' in stem.split('_')


@rule('no Polish literal outside strings_pl.h')
def no_polish_literal_outside_strings():
    """Every Polish text is a T_* constant of a strings_pl.h (a word that a
    reader recognises in input, a V_* one), so it is found, reviewed and
    translated in one place; demo data files are exempt, comments are not
    literals."""
    problems = []
    for rel, text in sources(('.c', '.h', '.inc', '.def')):
        if os.path.basename(rel) == 'strings_pl.h' or is_demo_data(rel):
            continue
        code = code_only(text)
        for m in STRING.finditer(code):
            s = m.group(0)
            if s[0] == '"' and is_polish(s):
                problems.append(f'{rel}:{line_at(code, m.start())} '
                                f'{s[:40]}')
    return problems


@rule('every module has the shape')
def every_module_has_the_shape():
    """Every domain module has routes.inc, queries.def, strings_pl.h and
    meson.build; one that has queries also owns tables and so has
    migrations/ and a store file. With src/modules.def, every folder of
    src/ is infrastructure or listed there."""
    problems = []
    names = module_names()
    if os.path.isfile(os.path.join(SRC, 'modules.def')):
        for d in sorted(os.listdir(SRC)):
            if os.path.isdir(os.path.join(SRC, d)) and \
                    d not in INFRA_DIRS and d not in names:
                problems.append(f'src/{d}: not in src/modules.def')
    for name in names:
        d = os.path.join(SRC, name)
        if not os.path.isdir(d):
            problems.append(f'src/{name}: no such folder')
            continue
        files = os.listdir(d)
        for part in ('routes.inc', 'queries.def', 'strings_pl.h',
                     'meson.build'):
            if part not in files:
                problems.append(f'src/{name}: no {part}')
        queries = os.path.join(d, 'queries.def')
        if not os.path.isfile(queries) or not re.search(
                r'^[ \t]*Q2?\(', code_only(open(queries,
                                                encoding='utf-8').read()),
                flags=re.M):
            continue
        migrations = os.path.join(d, 'migrations')
        if not os.path.isdir(migrations) or not any(
                f.endswith('.sql') for f in os.listdir(migrations)):
            problems.append(f'src/{name}: queries but no migrations/')
        if not any(is_store(f) and f.endswith('.c') for f in files):
            problems.append(f'src/{name}: queries but no *store*.c')
    return problems


def main():
    global ROOT, SRC, verbose
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('build_dir', nargs='?', help='unused')
    ap.add_argument('--root', default=ROOT, help='the tree to check')
    ap.add_argument('--rule', action='append', default=[],
                    help='run this rule (a name or a unique part of it)')
    ap.add_argument('--all', action='store_true',
                    help='run every rule, PENDING ones too')
    ap.add_argument('--list', action='store_true', help='list the rules')
    ap.add_argument('--verbose', action='store_true',
                    help='print every problem on its own line')
    args = ap.parse_args()
    unknown = [n for n in PENDING if n not in RULES]
    if unknown:
        print(f'check_source.py: PENDING names no rule: {unknown}',
              file=sys.stderr)
        return 2
    ROOT = os.path.abspath(args.root)
    SRC = os.path.join(ROOT, 'src')
    verbose = args.verbose
    if args.list:
        for name in RULES:
            print(name + (' (pending)' if name in PENDING else ''))
        return 0
    chosen = []
    for want in args.rule:
        found = [n for n in RULES if n == want] or \
            [n for n in RULES if want.lower() in n.lower()]
        if len(found) != 1:
            print(f'check_source.py: --rule {want!r} names '
                  f'{len(found)} rules; --list shows them', file=sys.stderr)
            return 2
        chosen += found
    if not chosen:
        chosen = [n for n in RULES if args.all or n not in PENDING]
    for name in chosen:
        report(name, RULES[name]())
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
