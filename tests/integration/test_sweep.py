#!/usr/bin/env python3
"""Issue 20, numbers and forms as people read them: a crawl of the site as
the public and as an administrator finds no number of five or more digits
shown without Polish grouping in the text of any HTML page (TERYT codes,
which are names, and data shown verbatim in <code> are not numbers to
group); a register form sent back with errors marks each field a
message names with aria-invalid.
Usage: test_sweep.py BINARY"""
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user
from test_local_time import crawl

# Text of a page: no scripts, styles, <code> (data verbatim) or tags.
HIDDEN = re.compile(r'<(script|style|code)\b.*?</\1>|<[^>]*>', re.S)
# Five digits or more, not part of a word, date, time, code or decimal.
UNGROUPED = re.compile(r'(?<![\w\-/.,:+#&;])\d{5,}(?![\w\-/.,:])')
STARTS = ['/', '/obserwatorium', '/uslugi?miejsce=torun',
          '/niebieska-linia/statystyki?od=2021-01-01&do=2021-12-31',
          '/niebieska-linia/porozumienia', '/monitoring/plany/1', '/rejestry',
          '/rejestry/konkursy', '/plany/1', '/teryt', '/audyt', '/system']


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'admin', 'administrator')
    add_user(binary, db, 'koord', 'coordinator')
    codes = {r[0] for r in sql(db, 'SELECT teryt FROM gmina')}
    srv = Server(binary, db)
    t = Runner('sweep')

    def ungrouped(path, html):
        text = HIDDEN.sub(' ', html)
        return [(path, m.group(0), text[max(0, m.start() - 40):m.end()])
                for m in UNGROUPED.finditer(text)
                if not (len(m.group(0)) == 7 and m.group(0) in codes)]

    def no_ungrouped_numbers_in_pages():
        total = 0
        for who in (None, 'admin'):
            c = Client(srv)
            if who:
                check(c.login(who)[0] == 303, f'login {who}')
            pages, found = crawl(c, STARTS, ungrouped)
            total += pages
            check(not found, f'{who or "public"}: {len(found)} ungrouped: '
                  f'{found[:5]}')
        check(total > 300, f'only {total} pages crawled')
        # the rule finds what it should
        check(ungrouped('/x', '<p>Razem: 100000 zł</p>'), 'not found')
        check(not ungrouped('/x', '<p>Razem: 100 000 zł, 87-100, '
                            '2021-12-31, 0463011</p>'), 'false alarm')

    def register_form_marks_invalid_fields():
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        form = {'csrf': c.csrf('/rejestry/szkolenia/nowy'),
                'kind': 'workshop', 'title': 'Warsztaty', 'date_from':
                '2021-13-40', 'date_to': '', 'gmina': '1261011',
                'p_police': 'dużo'}
        st, _, html = c.request('POST', '/rejestry/szkolenia', form)
        check(st == 400, st)
        invalid = set(re.findall(r'<(?:input|select) id="f-(\w+)"[^>]*'
                                 r'aria-invalid="true"', html))
        check({'date_from', 'gmina', 'p_police'} <= invalid, invalid)
        check('title' not in invalid and 'kind' not in invalid, invalid)

    for fn in (no_ungrouped_numbers_in_pages,
               register_form_marks_invalid_fields):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
