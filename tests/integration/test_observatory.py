#!/usr/bin/env python3
"""Issue 20: the regional observatory. For every indicator and both
levels: the map's value of every gmina equals the table's (for powiats,
every gmina shows its powiat's), each value lies in the legend class the
map fills it with and the legend's classes cover every value; counts and
rates agree with the registers and the population; the CSV (BOM, ';')
and JSON give the same figures; sorting is by links; each figure links
to how it is computed. Grants (funded offers, sums awarded: by the gmina
of the place of realisation, else the organisation's) and the LPDI
register (yes or no of every gmina and powiat, the share with its
denominator) equal counts made by hand from the rows the test writes.
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
# a yes / no indicator (kind "flag"): one value column, "tak" or "nie"
FLAG_ROW = re.compile(r'<tr data-unit="(\d+)"><td>\d+</td><th scope="row">'
                      r'([^<]*)</th><td class="num obs-shown">(tak|nie)</td>'
                      r'<td>([^<]*)</td></tr>')
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


# Grant offers the test writes: (place, organisation, call, awarded grosze,
# date_from). Organisation 1 is in Toruń, 2 in Chełmno (0404011); call 1
# has its results published, 2 is still open, 3 is an award contest.
OFFERS = (
    ('Ciechocinek', 1, 1, 1000000, '2025-03-01'),        # Ciechocinek
    ('Toruń, ul. Szeroka 1', 2, 1, 250050, '2025-04-01'),  # Toruń
    ('Grudziądz', 2, 1, 300000, ''),       # two gminas: Chełmno; 2025
    ('gdzieś w regionie', 1, 1, 0, '2025-01-01'),  # not funded
    ('Ciechocinek', 1, 2, 500, '2025-01-01'),      # no results yet
    ('Ciechocinek', 1, 3, 700, '2025-01-01'),      # an award, not a grant
    ('87-100', 2, 1, 100, '2024-12-01'),           # postcode: Toruń, 2024
)
# ... counted by hand: year -> gmina -> (offers, grosze)
FUNDED = {2025: {'0401021': (1, 1000000), '0463011': (1, 250050),
                 '0404011': (1, 300000)},
          2024: {'0463011': (1, 100)}}


def add_grants(db):
    # The demo's grant calls go first: the hand counts are of these alone.
    for table in ('grant_report_cost', 'grant_report', 'grant_agreement_cost',
                  'grant_agreement', 'grant_score', 'grant_formal',
                  'grant_offer_result', 'grant_offer_cost',
                  'grant_offer_action', 'grant_offer', 'grant_member',
                  'grant_criterion', 'grant_call_area', 'grant_call',
                  'grant_org_person', 'grant_org'):
        sql(db, f'DELETE FROM {table}')
    now = '2025-06-01T10:00:00Z'
    for i, (name, gmina) in enumerate((('Fundacja A', '0463011'),
                                       ('Stowarzyszenie B', '0404011')), 1):
        sql(db, "INSERT INTO org_unit(id, region, kind, name, folded) VALUES"
            " (?, '04', 'organisation', ?, ?)", (9000 + i, name, name.lower()))
        sql(db, "INSERT INTO grant_org(id, region, unit_id, name, krs,"
            " address, gmina, email, status, created_at) VALUES (?, '04', ?,"
            " ?, ?, 'ul. Prosta 1', ?, 'a@example.org', 'confirmed', ?)",
            (i, 9000 + i, name, f'000000000{i}', gmina, now))
    for i, (kind, status) in enumerate((('grant', 'results'),
                                        ('grant', 'published'),
                                        ('award', 'results')), 1):
        sql(db, "INSERT INTO grant_call(id, region, kind, title,"
            " amount_grosze, max_grant_grosze, min_own_permille,"
            " offers_until, results_by, status, results_at, created_at,"
            " updated_at) VALUES (?, '04', ?, ?, 5000000, 5000000, 0,"
            " '2025-02-01', '2025-05-31', ?, ?, ?, ?)",
            (i, kind, f'Nabór {i}', status,
             now if status == 'results' else None, now, now))
    for i, (place, org, call, grosze, start) in enumerate(OFFERS, 1):
        sql(db, "INSERT INTO grant_offer(id, call_id, org_id, area_pos,"
            " title, place, date_from, status, awarded_grosze, created_at,"
            " updated_at) VALUES (?, ?, ?, 1, 'Zadanie', ?, ?, 'submitted',"
            " ?, ?, ?)", (i, call, org, place, start, grosze, now, now))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_grants(db)
    # one more entry of the LPDI register, not adopted
    sql(db, "INSERT INTO training_lpdi(region, unit, adopted, updated_at)"
        " VALUES ('04', '0401021', 0, '2026-01-01T00:00:00Z')")
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

    def kind(code):
        return json.loads(srv.get(f'/api/observatory?wskaznik={code}')[2])[
            'indicator']['kind']

    def flag_map_equals_table(q, text, level):
        """A yes / no map: every row says tak or nie, its class is the
        legend's of that word, every gmina of the map shows its row's."""
        rows = FLAG_ROW.findall(text)
        legend = {int(k): (fill, rng) for k, fill, rng in LEGEND.findall(text)}
        paths = FILL.findall(text)
        check(rows and paths, (q, len(rows), len(paths)))
        check(legend[0][1] == 'nie' and legend[1][1] == 'tak' and
              len(legend) == 2 and legend[0][0] != legend[1][0], legend)
        fill = {rng: f for f, rng in legend.values()}
        by_key = {}
        for unit, name, shown, rng in rows:
            check(rng == shown, (q, name, shown, rng))
            by_key[unit if level == 'gmina' else name] = shown
        for f, title in paths:
            m = re.match(r'.* \((\d{7})\): (.*)$' if level == 'gmina' else
                         r'.* \(powiat (.*)\): (.*)$', title)
            check(m and by_key.get(m.group(1)) == m.group(2), (q, title))
            check(fill[m.group(2)] == f, (q, title, f))
        return rows

    def map_equals_table_and_legend_covers():
        check(len(codes) >= 7, codes)
        for code in codes:
            for level in ('gmina', 'powiat'):
                q = f'wskaznik={code}&poziom={level}'
                text = page(q)
                if kind(code) == 'flag':
                    flag_map_equals_table(q, text, level)
                    continue
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

    def grants_equal_hand_counts():
        pops = {}
        for year, want in FUNDED.items():
            for code, pos in (('dofinansowane-oferty', 0),
                              ('kwota-dotacji', 1)):
                q = f'wskaznik={code}&rok={year}'
                doc = json.loads(srv.get(f'/api/observatory?{q}')[2])
                got = {u['code']: u['count'] for u in doc['units']
                       if u['count']}
                check(got == {g: v[pos] for g, v in want.items()},
                      (q, got))
                for u in doc['units']:
                    pops[u['code']] = u.get('population')
                    if u['count'] and u.get('population'):
                        # per 10 000 residents: offers x 100, grosze
                        scale = 1000000 if pos == 0 else 10000
                        check(u['per_10000_x100'] ==
                              (u['count'] * scale + u['population'] // 2)
                              // u['population'], u)
                check(doc['indicator']['kind'] ==
                      ('count', 'money')[pos], doc['indicator'])
                # the page's table: the same figures ("10 000,00" zł)
                table = {unit: number(count) for unit, _, count, _, _
                         in ROW.findall(page(q))}
                check({k: v for k, v in table.items() if v} ==
                      {g: v[pos] for g, v in want.items()}, (q, table))
                # powiats: sums of their gminas
                doc = json.loads(srv.get(f'/api/observatory?{q}'
                                         '&poziom=powiat')[2])
                got = {u['code']: u['count'] for u in doc['units']
                       if u['count']}
                sums = {}
                for g, v in want.items():
                    sums[g[:4]] = sums.get(g[:4], 0) + v[pos]
                check(got == sums, (q, 'powiat', got))
        # the years offered: those of funded offers only
        check(json.loads(srv.get('/api/observatory?wskaznik=kwota-dotacji')
                         [2])['years'] == [2024, 2025], 'years')
        # the CSV says zł with grosze as a Polish Excel reads them
        st, _, body = srv.get('/obserwatorium/dane.csv?wskaznik=kwota-'
                              'dotacji&rok=2025')
        rows = {r[0]: r for r in csv.reader(
            io.StringIO(body.decode('utf-8-sig')), delimiter=';')}
        check(rows['0401021'][3] == '10000,00' and
              rows['0463011'][3] == '2500,50', rows['0463011'])
        text = htmllib.unescape(srv.get('/obserwatorium/metodologia')[2]
                                .decode())
        check('siedziby organizacji' in text and 'miejsca realizacji' in
              text, 'the method says which gmina')

    def lpdi_equals_hand_counts():
        adopted = {r[0] for r in sql(db, "SELECT unit FROM training_lpdi"
                                     " WHERE region = '04' AND adopted = 1")}
        gminas = {u for u in adopted if len(u) == 7}
        # a powiat's own plan; a city with powiat rights (TERYT powiat
        # 61-99) is its gmina
        powiats = {u for u in adopted if len(u) == 4} | {
            u[:4] for u in gminas if int(u[2:4]) >= 61}
        check(len(gminas) >= 2 and len(powiats) >= 2, (gminas, powiats))
        n_gminas = sql_one(db, "SELECT count(*) FROM gmina g JOIN powiat p"
                           " ON p.code = g.powiat WHERE p.woj = '04'")
        n_powiats = sql_one(db, "SELECT count(*) FROM powiat WHERE"
                            " woj = '04'")
        for level, want, n in (('gmina', gminas, n_gminas),
                               ('powiat', powiats, n_powiats)):
            q = f'wskaznik=plany-deinstytucjonalizacji&poziom={level}'
            doc = json.loads(srv.get(f'/api/observatory?{q}')[2])
            yes = {u['code'] for u in doc['units'] if u['count'] == 1}
            check(yes == want, (level, yes, want))
            check(doc['share'] == {'yes': len(want), 'of': n} and
                  len(doc['units']) == n, (level, doc['share']))
            text = page(q)
            rows = {u: v for u, _, v, _ in FLAG_ROW.findall(text)}
            check({u for u, v in rows.items() if v == 'tak'} == want and
                  len(rows) == n, (level, 'table'))
            pct = (len(want) * 10000 + n // 2) // n
            share = f'{len(want)} z {n} ({pct // 100},{pct % 100:02d} %)'
            lead = re.search(r'<p class="obs-share">([^<]*)</p>', text)
            check(lead and lead.group(1).endswith(f': {share}.'),
                  (lead and lead.group(1), share))
            series = text.split('id="obs-series"')[1]
            check(f'<td class="num">{share}</td>' in series and
                  f'<td class="num">{len(want)}</td>' in series,
                  (level, 'series'))
        # not adopted and not recorded alike: "nie"
        doc = json.loads(srv.get('/api/observatory?wskaznik='
                                 'plany-deinstytucjonalizacji')[2])
        check([u['count'] for u in doc['units'] if u['code'] == '0401021']
              == [0], 'not adopted')

    for fn in (map_equals_table_and_legend_covers,
               grants_equal_hand_counts, lpdi_equals_hand_counts,
               figures_agree_with_registers, csv_and_json_same_as_page,
               sorting_by_links_and_series, method_page_and_errors):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
