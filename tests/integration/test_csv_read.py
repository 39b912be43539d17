#!/usr/bin/env python3
"""Issue 20: every CSV the product reads takes ';' and ',', UTF-8 (with or
without a BOM) and Windows-1250 (what a Polish Excel saves as "CSV"): the
directory import and the registers' import, through the one decoder of
core/csv.c. (The plan reader has its own handling, issue 16.) A file that
is neither is refused with a message, and nothing changes.
Usage: test_csv_read.py BINARY"""
import csv
import io
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user, multipart


def with_comma(text):
    """The same rows with ',' for ';' (quoting as the csv module does)."""
    rows = list(csv.reader(io.StringIO(text.lstrip('\ufeff'), newline=''),
                           delimiter=';'))
    out = io.StringIO(newline='')
    csv.writer(out, delimiter=',', lineterminator='\r\n').writerows(rows)
    return out.getvalue()


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator', region='04')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    srv = Server(binary, db)
    t = Runner('csv_read')
    c = Client(srv)

    def upload(path, page, name, data):
        body, ctype = multipart({'csrf': c.csrf(page)}, {'file': (name, data)})
        return c.request('POST', path, raw=body, content_type=ctype)

    def directory_import_any_encoding_and_separator():
        check(c.login('koord')[0] == 303, 'login')
        st, _, text = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        check(st == 200 and text.startswith('\ufeff'), st)
        # a name with every Polish letter, to see it come back whole
        org = sql_one(db, "SELECT id FROM dir_org WHERE region = '04' AND"
                      " confidential = 0 ORDER BY id LIMIT 1")
        polish = 'Zażółć gęślą jaźń ŁÓDŹ Ę Ś Ć Ń Ą'
        sql(db, 'UPDATE dir_org SET name = ? WHERE id = ?', (polish, org))
        st, _, text = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        before = sql(db, "SELECT name FROM dir_org WHERE region = '04'"
                     " ORDER BY id")
        for label, data in (
                ('UTF-8 with BOM, ;', text.encode('utf-8')),
                ('UTF-8 without BOM, ,', with_comma(text).encode('utf-8')),
                ('Windows-1250, ;', text.lstrip('\ufeff').encode('cp1250')),
                ('Windows-1250, ,', with_comma(text).encode('cp1250'))):
            st, _, html = upload('/uslugi/zarzadzanie/import',
                                 '/uslugi/zarzadzanie', 'k.csv', data)
            check(st == 200 and 'Wczytano katalog' in html, (label, st))
            after = sql(db, "SELECT name FROM dir_org WHERE region = '04'"
                        " ORDER BY id")
            check(after == before, f'{label}: names changed')
            check(sql_one(db, 'SELECT name FROM dir_org WHERE id = ?',
                          (org,)) == polish, label)
        # neither UTF-8 nor Windows-1250 (0x98 is undefined there)
        n = sql_one(db, 'SELECT count(*) FROM dir_org')
        bad = text.lstrip('\ufeff').encode('cp1250').replace(b';', b'\x98;',
                                                             1)
        st, _, html = upload('/uslugi/zarzadzanie/import',
                             '/uslugi/zarzadzanie', 'k.csv', bad)
        check(st == 400 and 'Windows-1250' in html, st)
        check(sql_one(db, 'SELECT count(*) FROM dir_org') == n, 'changed')

    def register_import_any_encoding_and_separator():
        n0 = sql_one(db, 'SELECT count(*) FROM reg_event')
        for i, (label, enc, sep) in enumerate((
                ('Windows-1250, ;', 'cp1250', ';'),
                ('Windows-1250, ,', 'cp1250', ','),
                ('UTF-8, ,', 'utf-8', ','))):
            title = f'Szkolenie „Łódź” żółć {i}'
            text = (f'kind{sep}title{sep}date_from{sep}gmina{sep}p_police\r\n'
                    f'training{sep}"{title}"{sep}2021-03-0{i + 1}{sep}'
                    f'0463011{sep}{i + 1}\r\n')
            st, _, html = upload('/rejestry/szkolenia/import',
                                 '/rejestry/szkolenia', 'r.csv',
                                 text.encode(enc))
            check(st == 200 and 'Wczytano' in html, (label, st))
            check(sql_one(db, 'SELECT count(*) FROM reg_event WHERE'
                          ' title = ?', (title,)) == 1, label)
        check(sql_one(db, 'SELECT count(*) FROM reg_event') == n0 + 3, 'rows')
        st, _, html = upload('/rejestry/szkolenia/import',
                             '/rejestry/szkolenia', 'r.csv',
                             b'kind;title\r\ntraining;a\x98\r\n')
        check(st == 400 and 'Windows-1250' in html, st)

    for fn in (directory_import_any_encoding_and_separator,
               register_import_any_encoding_and_separator):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
