#!/usr/bin/env python3
"""Issue 20: the regional observatory. For every indicator and both
levels: the map's value of every gmina equals the table's (for powiats,
every gmina shows its powiat's), each value lies in the legend class the
map fills it with and the legend's classes cover every value; counts and
rates agree with the registers and the population; the CSV (BOM, ';')
and JSON give the same figures; sorting is by links; each figure links
to how it is computed.
Usage: test_observatory.py BINARY"""
import csv
import html as htmllib
import io
import json
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one

FILL = re.compile(r'<path d="[^"]*" fill="(#[0-9a-f]{6})" stroke="#333333" '
                  r'stroke-width="0.6"><title>([^<]*)</title></path>')
LEGEND = re.compile(r'<li data-class="(\d)"><svg[^>]*><rect[^>]* fill="'
                    r'(#[0-9a-f]{6})"[^>]*/></svg> ([^<]*)</li>')
ROW = re.compile(r'<tr data-unit="(\d+)"><td>\d+</td><th scope="row">'
                 r'([^<]*)</th><td class="num">([^<]*)</td>(?:<td class="num">'
                 r'[^<]*</td>)?<td class="num obs-shown">([^<]*)</td>'
                 r'<td>([^<]*)</td></tr>')


def number(s):
    """'1 234,56' -> 123456 (x100), '12' -> 12 (a count)."""
    s = s.replace('\u00a0', '').replace(' ', '')
    if ',' in s:
        a, b = s.split(',')
        return int(a) * 100 + int(b)
    return int(s)


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    srv = Server(binary, db)
    t = Runner('observatory')

    st, _, body = srv.get('/api/observatory')
    codes = re.findall(r'<option value="([a-z0-9-]+)"',
                       srv.get('/obserwatorium')[2].decode())
    codes = [c for c in codes if c not in ('gmina', 'powiat')
             and not c.isdigit()]

    def page(q):
        st, _, body = srv.get(f'/obserwatorium?{q}')
        check(st == 200, (q, st))
        return htmllib.unescape(body.decode())

    def map_equals_table_and_legend_covers():
        check(len(codes) >= 4, codes)
        for code in codes:
            for level in ('gmina', 'powiat'):
                q = f'wskaznik={code}&poziom={level}'
                text = page(q)
                rows = ROW.findall(text)
                legend = {int(k): (fill, rng)
                          for k, fill, rng in LEGEND.findall(text)}
                paths = FILL.findall(text)
                check(rows and paths and legend, (q, len(rows), len(paths)))
                check(legend[0][1] == '0', legend)
                by_name = {}
                for unit, name, count, shown, rng in rows:
                    # gminas by code (two Aleksandrów Kujawski), powiats
                    # by name (the map's title names them)
                    by_name[unit if level == 'gmina' else name] = shown
                    value = number(shown)
                    # the unit's class is the legend's range holding it
                    k = [k for k, (f, r) in legend.items() if r == rng]
                    check(len(k) == 1, (q, rng, legend))
                    if value == 0:
                        check(k[0] == 0, (q, name, rng))
                    else:
                        lo, hi = (number(x) for x in rng.split(' – '))
                        check(lo <= value <= hi and k[0] > 0, (q, name))
                # ranges ascending and disjoint
                ranges = [tuple(number(x) for x in legend[k][1].split(' – '))
                          for k in sorted(legend) if k > 0]
                for a, b in zip(ranges, ranges[1:]):
                    check(a[1] < b[0], (q, ranges))
                # every gmina of the map: the table's value, the class fill
                fills = {unit if level == 'gmina' else name:
                         legend[[k for k, (f, r) in legend.items()
                                 if r == rng][0]][0]
                         for unit, name, count, shown, rng in rows}
                for fill, title in paths:
                    if level == 'gmina':
                        m = re.match(r'.* \((\d{7})\): (.*)$', title)
                        check(m, title)
                        name, shown = m.group(1), m.group(2)
                    else:
                        m = re.match(r'.* \(powiat (.*)\): (.*)$', title)
                        check(m, title)
                        name, shown = m.group(1), m.group(2)
                    check(by_name.get(name) == shown, (q, title))
                    check(fills[name] == fill, (q, title, fill))
                check(len(paths) == sql_one(
                    db, "SELECT count(*) FROM gmina g JOIN powiat p ON"
                    " p.code = g.powiat WHERE p.woj = '04'"), len(paths))

    def figures_agree_with_registers():
        # helpline contacts of 2021 in Toruń, and per 10 000 residents
        n = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE"
                    " gmina = '0463011' AND at LIKE '2021%'")
        st, _, body = srv.get('/api/observatory?wskaznik=kontakty-'
                              'niebieska-linia&rok=2021')
        doc = json.loads(body)
        torun = [u for u in doc['units'] if u['code'] == '0463011'][0]
        check(torun['count'] == n and n > 0, (torun, n))
        pop = torun['population']
        check(pop > 190000, pop)
        check(torun['per_10000_x100'] == (n * 1000000 + pop // 2) // pop,
              torun)
        check(doc['indicator']['method_url'].startswith(
            '/obserwatorium/metodologia#'), doc['indicator'])
        # agreements: counts, not per resident; a powiat's is its gminas'
        st, _, body = srv.get('/api/observatory?wskaznik=porozumienia-'
                              'niebieska-linia&poziom=powiat&rok=2021')
        doc = json.loads(body)
        check(all(u['per_10000_x100'] is None for u in doc['units']), doc)
        total = sum(u['count'] for u in doc['units'])
        agreed = sql_one(db, "SELECT count(*) FROM helpline_agreement WHERE"
                         " region = '04' AND since <= '2021-12-31' AND"
                         " (until IS NULL OR until >= '2021-01-01')")
        check(total == agreed and agreed > 100, (total, agreed))
        text = page('wskaznik=porozumienia-niebieska-linia')
        check('Legenda: liczba' in text and 'na 10 000' not in
              text.split('<table')[1], 'counts said so')

    def csv_and_json_same_as_page():
        q = 'wskaznik=kontakty-niebieska-linia&poziom=powiat&rok=2021'
        st, h, body = srv.get(f'/obserwatorium/dane.csv?{q}')
        check(st == 200 and body.startswith(b'\xef\xbb\xbf'), st)
        rows = list(csv.reader(io.StringIO(body.decode('utf-8-sig')),
                               delimiter=';'))
        check(rows[0][0] == 'Kod TERYT', rows[0])
        st, _, body = srv.get(f'/api/observatory?{q}')
        doc = json.loads(body)
        by_code = {u['code']: u for u in doc['units']}
        check(len(rows) - 1 == len(by_code) > 10, len(rows))
        for r in rows[1:]:
            u = by_code[r[0]]
            check(int(r[3]) == u['count'] and
                  number(r[5]) == u['per_10000_x100'], (r, u))
        table = {unit: number(shown) for unit, name, count, shown, rng
                 in ROW.findall(page(q))}
        check(table == {c: u['per_10000_x100'] for c, u in by_code.items()},
              'page and JSON differ')

    def sorting_by_links_and_series():
        text = page('wskaznik=kontakty-niebieska-linia&sort=wartosc'
                    '&kier=malej&rok=2021')
        values = [number(s) for _, _, _, s, _ in ROW.findall(text)]
        check(values == sorted(values, reverse=True), values[:5])
        check('aria-sort="descending"' in text, 'aria-sort')
        # the head of the sorted column links to the other direction
        check(re.search(r'sort=wartosc&amp;kier=rosn|sort=wartosc&kier=rosn',
                        srv.get('/obserwatorium?wskaznik=kontakty-niebieska'
                                '-linia&sort=wartosc&kier=malej')[2]
                        .decode()), 'reverse link')
        text = page('wskaznik=kontakty-niebieska-linia&sort=nazwa')
        names = [n for _, n, _, _, _ in ROW.findall(text)]
        check(names[0].startswith('Aleksandr'), names[:3])
        # time series: the region's total of each year
        n = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE"
                    " region = '04' AND gmina IS NOT NULL AND"
                    " at LIKE '2021%'")
        series = text.split('id="obs-series"')[1]
        m = re.search(r'>2021</a></th><td class="num">([^<]*)</td>', series)
        check(m and number(m.group(1)) == n, (m and m.group(1), n))

    def method_page_and_errors():
        text = htmllib.unescape(srv.get('/obserwatorium/metodologia')[2]
                                .decode())
        for code in codes:
            check(f'id="{code}"' in text, code)
        for q, st_want in (('wskaznik=nie-ma', 400), ('poziom=wies', 400),
                           ('sort=x', 400), ('rok=3000', 400)):
            st, _, _ = srv.get(f'/obserwatorium?{q}')
            check(st == st_want, (q, st))
        st, _, body = srv.get('/api/observatory?wskaznik=nie-ma')
        check(st == 400 and json.loads(body)['error']['code'] ==
              'bad_request', body)

    for fn in (map_equals_table_and_legend_covers,
               figures_agree_with_registers, csv_and_json_same_as_page,
               sorting_by_links_and_series, method_page_and_errors):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
