#!/usr/bin/env python3
"""Integration tests of issue 15, the real institutions: the demo's
directory of małopolskie (12) and śląskie (24) is the public lists of
data/instytucje read through the directory's import; a resident of a
małopolskie gmina or village sees real institutions with their source; a
śląskie gmina has its OPS; every row of the lists is in the directory or
reported in pominiete.csv; "do weryfikacji" rows are marked on their pages
and in the API; no demo service is left without a contact or the text
saying where to ask instead, and kujawsko-pomorskie's example institutions
carry example contact data marked as such. A coordinator who checked an
institution clears its note from the service's edit form (audited); the
form saved without that box keeps it.
Usage: test_directory_lists.py BINARY"""
import csv
import json
import os
import sys
import urllib.parse

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
LISTS = os.path.join(ROOT, 'data', 'instytucje')
NO_CONTACT = 'brak danych kontaktowych tej usługi — zapytaj'
VIOLENCE_SERVICE = 'Pomoc osobom doznającym przemocy domowej'


def q(s):
    return urllib.parse.quote(s)


def rows(name):
    with open(os.path.join(LISTS, name), encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter=';'))


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    srv = Server(binary, db)
    t = Runner('directory_lists')

    def api(path):
        st, h, body = srv.get(path)
        check(st == 200, f'{path}: {st}')
        return json.loads(body)

    def page(path):
        st, _, body = srv.get(path)
        check(st == 200, f'{path}: {st}')
        return body.decode()

    def every_row_is_imported_or_reported():
        left = rows('pominiete.csv')
        for region, prefixes in (('12', ('mp-ops-', 'mp-pcpr-',
                                         'mp-przemoc-')),
                                 ('24', ('sl-ops-',))):
            kat = rows(f'katalog_{region}.csv')
            keys = {r['org_key'] for r in kat}
            check(all(k.startswith(prefixes) for k in keys), keys)
            # Every gmina was taken by its code and is in the region.
            check(all(r['gmina'][:2] == region and len(r['gmina']) == 7
                      for r in kat), f'{region}: gmina codes')
            seed = 1 if region == '12' else 0  # the ROPS of seed 003
            n = sql_one(db, 'SELECT count(*) FROM dir_org WHERE region = ?',
                        (region,))
            check(n == len(keys) + seed, f'{region}: {n} != {len(keys)}')
            n = sql_one(db, 'SELECT count(*) FROM dir_org WHERE region = ?'
                        " AND source = ''", (region,))
            check(n == 0, f'{region}: {n} institutions without source')
            n = sql_one(db, 'SELECT count(*) FROM dir_org WHERE region = ?'
                        ' AND example = 1', (region,))
            check(n == 0, f'{region}: {n} example institutions')
        # Each source row: an institution, a service of its OPS, or a
        # reported row.
        kat = rows('katalog_12.csv') + rows('katalog_24.csv')
        for src, prefix in (('ops_malopolskie.csv', 'mp-ops-'),
                            ('ops_slaskie.csv', 'sl-ops-'),
                            ('pcpr_malopolskie.csv', 'mp-pcpr-'),
                            ('przemoc_wsparcie_malopolskie_2024.csv',
                             'mp-przemoc-')):
            n_src = len(rows(src))
            orgs = {r['org_key'] for r in kat if r['org_key'].startswith(
                prefix)}
            merged = 0
            if prefix == 'mp-przemoc-':
                merged = sum(1 for r in kat
                             if r['org_key'].startswith('mp-ops-') and
                             r['service_name'] == VIOLENCE_SERVICE)
            n_left = sum(1 for r in left if r['plik'] == src)
            check(len(orgs) + merged + n_left == n_src,
                  f'{src}: {len(orgs)} + {merged} + {n_left} != {n_src}')
            for r in left:
                check(r['powod'], f'{r}: no reason')

    def malopolska_resident_sees_real_institutions():
        # A village of gmina Brzesko, found by the locality search.
        res = api(f'/api/places?q={q("Okocim")}')['results']
        hit = [r for r in res if r['name'] == 'Okocim' and
               r['woj'] == 'małopolskie']
        check(hit and hit[0]['gmina_name'] == 'Brzesko', res[:3])
        gmina = hit[0]['gmina']
        html = page(f'/uslugi?miejsce={q("Okocim")}')
        check('gminy <strong>Brzesko</strong>' in html, 'Okocim → Brzesko')
        check('Powiatowe Centrum Pomocy Rodzinie w Brzesku' in html,
              'the PCPR of powiat brzeski')
        check('Źródło danych' in html and
              'Rejestr Jednostek Pomocy Społecznej' in html, 'source shown')
        check('dane przykładowe' not in html.split('class="result"', 1)[1],
              'no example institution among the results')
        # The crisis lines are małopolskie's, not kujawsko-pomorskie's.
        check('12 421 92 82' in html and '800 154 030' not in html,
              'region 12 lines')
        data = api(f'/api/services?gmina={gmina}')
        orgs = [r['organization'] for r in data['results']]
        check(any(o['kind'] == 'ops' and 'Brzesk' in o['name'] for o in orgs),
              [o['name'] for o in orgs])
        for r in data['results']:
            check(not r['example'], f'{r["name"]}: example')
            check(r['organization']['source'], f'{r["name"]}: no source')
        # The violence register's hours and forms of help reach the page.
        sid = sql_one(db, 'SELECT s.id FROM dir_service s JOIN dir_org o'
                      " ON o.id = s.org_id WHERE o.name = ?"
                      " AND s.category = 'kryzys'",
                      ('Ośrodek Interwencji Kryzysowej w Krakowie',))
        if sid is None:  # named by the register with its address
            sid = sql_one(db, 'SELECT s.id FROM dir_service s JOIN dir_org o'
                          " ON o.id = s.org_id WHERE o.region = '12'"
                          " AND o.kind = 'oik' AND o.hours = 'całodobowo'"
                          ' ORDER BY s.id LIMIT 1')
        html = page(f'/uslugi/usluga/{sid}')
        check('Formy pomocy:' in html and 'całodobowo' in html, 'OIK page')
        check('stan na 1.02.2024' in html, 'register source on the page')

    def slaskie_gmina_has_its_ops():
        data = api('/api/services?gmina=2401011')
        names = [r['organization']['name'] for r in data['results']]
        check('Miejski Ośrodek Pomocy Społecznej w Będzinie' in names, names)
        r = data['results'][names.index(
            'Miejski Ośrodek Pomocy Społecznej w Będzinie')]
        check(r['phone'] == '32 296 21 31', r['phone'])
        check('Śląskiego Urzędu Wojewódzkiego' in r['organization']['source'],
              r['organization']['source'])
        # Every gmina of śląskie has an OPS serving it.
        n = sql_one(db, "SELECT count(*) FROM gmina g WHERE g.teryt LIKE '24%'"
                    ' AND NOT EXISTS (SELECT 1 FROM dir_area a'
                    " WHERE a.level = 'gmina' AND a.code = g.teryt)")
        check(n == 0, f'{n} gminas of śląskie without an OPS')

    def to_verify_rows_are_marked():
        got = sql(db, 'SELECT s.id, o.verify FROM dir_service s'
                  ' JOIN dir_org o ON o.id = s.org_id'
                  " WHERE o.verify LIKE 'do weryfikacji%' ORDER BY s.id")
        check(len(got) >= 20, f'{len(got)} services to verify')
        sid, note = got[0]
        html = page(f'/uslugi/usluga/{sid}')
        check('class="notice verify"' in html and note in html, 'page marker')
        v = api(f'/api/services/{sid}')
        v = v.get('service', v)
        check(v['organization']['verify'] == note, v['organization'])
        gmina = sql_one(db, 'SELECT o.gmina FROM dir_service s JOIN dir_org o'
                        ' ON o.id = s.org_id WHERE s.id = ?', (sid,))
        html = page(f'/uslugi?gmina={gmina}&limit=100')
        check('<span class="example">do weryfikacji</span>' in html,
              'badge in the results')
        # A row that needs nothing checked has no marker.
        sid = sql_one(db, 'SELECT s.id FROM dir_service s JOIN dir_org o'
                      " ON o.id = s.org_id WHERE o.verify = ''"
                      " AND o.region = '12' ORDER BY s.id LIMIT 1")
        check('notice verify' not in page(f'/uslugi/usluga/{sid}'), sid)

    def verify_note_cleared_from_the_service_form():
        sid, org, note, name, cat, gmina = sql(
            db, 'SELECT s.id, o.id, o.verify, s.name, s.category, o.gmina'
            ' FROM dir_service s JOIN dir_org o ON o.id = s.org_id'
            " WHERE o.verify <> '' AND o.region = '12'"
            ' ORDER BY s.id LIMIT 1')[0]
        rc, err = add_user(binary, db, 'koord12', 'coordinator', region='12')
        check(rc == 0, err)
        rc, err = add_user(binary, db, 'koord04', 'coordinator', region='04')
        check(rc == 0, err)
        path = f'/uslugi/zarzadzanie/usluga/{sid}'
        form = {'service_name': name, 'category': cat, 't_wszyscy': '1',
                'coverage': f'gmina:{gmina}'}
        other = Client(srv)
        check(other.login('koord04')[0] == 303, 'login 04')
        st, _, _ = other.request('POST', path, {
            **form, 'csrf': other.csrf('/uslugi/zarzadzanie'),
            'zweryfikowano': '1'})
        check(st == 403, f'another region: {st}')
        c = Client(srv)
        check(c.login('koord12')[0] == 303, 'login 12')
        st, _, html = c.request('GET', path)
        check(st == 200 and note in html and 'name="zweryfikowano"' in html,
              'the form shows the note and the box')
        # saved without the box: the note stays
        st, _, _ = c.request('POST', path, {**form, 'csrf': c.csrf(path)})
        check(st == 303, st)
        check(sql_one(db, 'SELECT verify FROM dir_org WHERE id = ?',
                      (org,)) == note, 'kept')
        st, _, _ = c.request('POST', path, {**form, 'csrf': c.csrf(path),
                                            'zweryfikowano': '1'})
        check(st == 303, st)
        check(sql_one(db, 'SELECT verify FROM dir_org WHERE id = ?',
                      (org,)) == '', 'cleared')
        rows = sql(db, 'SELECT account, before, after FROM audit'
                   " WHERE action = 'directory.org.verify'"
                   ' AND entity_id = ?', (str(org),))
        check(len(rows) == 1, rows)
        who, before, after = rows[0]
        check(who == 'koord12' and json.loads(before)['verify'] == note and
              json.loads(after)['verify'] == '', rows[0])
        check('notice verify' not in page(f'/uslugi/usluga/{sid}'),
              'the public page has no marker')
        v = api(f'/api/services/{sid}')
        v = v.get('service', v)
        check(v['organization']['verify'] == '', v['organization'])
        st, _, html = c.request('GET', path)
        check('name="zweryfikowano"' not in html, 'no box once cleared')

    def no_service_without_contact_or_where_to_ask():
        bare = sql(db, 'SELECT s.id FROM dir_service s JOIN dir_org o'
                   " ON o.id = s.org_id WHERE s.phone = '' AND o.phone = ''"
                   " AND o.email = '' AND o.web = '' ORDER BY s.id")
        total = sql_one(db, 'SELECT count(*) FROM dir_service')
        check(len(bare) < total // 20, f'{len(bare)} of {total} bare')
        for (sid,) in bare:
            check(NO_CONTACT in page(f'/uslugi/usluga/{sid}'),
                  f'service {sid}: neither contact nor where to ask')

    def kujawsko_pomorskie_examples_have_example_contact():
        n = sql_one(db, "SELECT count(*) FROM dir_org WHERE region = '04'"
                    " AND example = 1 AND (phone = '' OR email = ''"
                    " OR hours = '')")
        check(n == 0, f'{n} example institutions without contact')
        data = api('/api/services?gmina=0415042')
        ex = [r for r in data['results'] if r['example']]
        check(ex, 'Lubicz has example services')
        for r in ex:
            check(r['phone'] and r['organization']['email'].endswith(
                '@example.org'), r)
        sid = ex[0]['id']
        html = page(f'/uslugi/usluga/{sid}')
        check('To są dane przykładowe' in html and 'href="tel:' in html,
              'example marked on the page, with its number')

    try:
        for fn in (every_row_is_imported_or_reported,
                   malopolska_resident_sees_real_institutions,
                   slaskie_gmina_has_its_ops, to_verify_rows_are_marked,
                   verify_note_cleared_from_the_service_form,
                   no_service_without_contact_or_where_to_ask,
                   kujawsko_pomorskie_examples_have_example_contact):
            t.run(fn)
    finally:  # the server and the databases go even when a test crashes
        srv.stop()
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
