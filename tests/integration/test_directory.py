#!/usr/bin/env python3
"""Integration tests of the services directory (issue 5) against the real
server: the public search without JavaScript, the quick exit on every
public page, the region's information line for services with no contact,
confidential addresses, the JSON API, the HSDS zip, and the
coordinators' forms (CSRF, audit row, region check) and CSV import.
Usage: test_directory.py BINARY"""
import io
import json
import re
import subprocess
import sys
import time
import zipfile

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user, audit_rows, multipart

EXIT = 'Szybkie wyjście'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role, region in (('koord', 'coordinator', '04'),
                                ('koord12', 'coordinator', '12'),
                                ('analityk', 'analyst', '04')):
        rc, err = add_user(binary, db, login, role, region=region)
        if rc != 0:
            print(f'FAIL setup: {err}')
            return 1
    rc, err = add_user(binary, db, 'admin', 'administrator')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    srv = Server(binary, db)
    t = Runner('directory')

    def search_by_town_without_javascript():
        st, _, body = srv.get('/uslugi?miejsce=torun')
        html = body.decode()
        check(st == 200, st)
        check('gminy <strong>Toruń</strong>' in html, 'gmina resolved')
        for heading in ('W Twojej gminie', 'Dla całego województwa'):
            check(heading in html, heading)
        check('Kujawsko-Pomorski Ośrodek Adopcyjny — oddział w Jaksicach'
              in html, 'branch listed')
        check('800 154 030' in html and 'href="tel:800154030"' in html,
              'helpline number as a tel: link')
        # gmina before region in the page.
        check(html.index('W Twojej gminie') <
              html.index('Dla całego województwa'), 'order')
        # Not a gmina but a village (issue 15): every Jaksice is offered
        # with its gmina, and the one near Inowrocław lists the branch.
        st, _, body = srv.get('/uslugi?miejsce=Jaksice')
        html = body.decode()
        check('Jaksice — gmina Inowrocław, powiat inowrocławski' in html,
              'Jaksice with its gmina')
        st, _, body = srv.get('/uslugi?gmina=0407042')
        check('oddział w Jaksicach' in body.decode(), 'branch near Jaksice')
        # A name in no register is still searched as text.
        st, _, body = srv.get('/uslugi?miejsce=Qwxyzowo')
        check('Nie znaleziono gminy o nazwie' in body.decode(), 'as text')
        # Ambiguous names offer a choice of places (two gminas Rypin).
        st, _, body = srv.get('/uslugi?miejsce=rypin')
        check('Której miejscowości szukasz?' in body.decode(),
              'choice offered')

    def services_without_contact_show_their_regions_line():
        """A result with no phone, e-mail or web page of its own shows the
        information line of its region (read once per region and page)."""
        for woj, line in (('04', '52 100 00 04'), ('12', '12 100 00 12')):
            p = subprocess.run([binary, 'region', 'add', woj, '--db', db,
                                '--info-line', line], capture_output=True,
                               text=True)
            check(p.returncode == 0, p.stderr)
        # Kraków's institutions come from the public lists, all with a
        # contact (issue 15): take it from those seated there, as a list
        # that lacks it would.
        sql(db, "UPDATE dir_service SET phone = '' WHERE org_id IN (SELECT"
            " id FROM dir_org WHERE gmina = '1261011')")
        sql(db, "UPDATE dir_org SET phone = '', email = '', web = '' WHERE"
            " gmina = '1261011'")
        for gmina, tel, other in (('0463011', '521000004', '121000012'),
                                  ('1261011', '121000012', '521000004')):
            # The index takes the changed rows in within a second.
            for _ in range(50):
                st, _, body = srv.get(f'/uslugi?gmina={gmina}')
                html = body.decode()
                missing = html.count('brak danych kontaktowych tej usługi')
                if missing > 1:
                    break
                time.sleep(0.1)
            shown = html.count('informacja w województwie: <a href="tel:'
                               f'{tel}"')
            check(st == 200 and missing > 1 and shown == missing,
                  f'{gmina}: {missing} without contact, {shown} lines')
            check(f'tel:{other}' not in html, f'{gmina}: another line')
        st, _, body = srv.get('/uslugi/usluga/1')
        check('brak danych kontaktowych' in body.decode() and
              'informacja w województwie: <a href="tel:521000004"'
              in body.decode(), 'service page lacks the line')

    def quick_exit_on_every_public_page():
        for p in ('/uslugi', '/uslugi?gmina=0463011', '/uslugi/usluga/1',
                  '/uslugi/usluga/1/druk', '/uslugi/instytucja/1'):
            st, h, body = srv.get(p)
            html = body.decode()
            check(st == 200, f'{p}: {st}')
            check(EXIT in html, f'{p}: no quick exit')
            m = re.search(r'<p class="quick-exit"><a href="(https://[^"]+)"'
                          r' rel="noreferrer', html)
            check(m, f'{p}: quick exit is not a plain link')
            # Nothing is loaded from another site: only our own assets.
            for tag in re.findall(r'<(?:script|link|img)[^>]+>', html):
                check('http' not in tag, f'{p}: third-party load {tag}')

    def confidential_address_never_public():
        row = sql(db, "SELECT o.id, o.street, s.id FROM dir_org o JOIN "
                  "dir_service s ON s.org_id = o.id WHERE "
                  "o.confidential = 1 LIMIT 1")[0]
        sql(db, "UPDATE dir_org SET street = 'ul. Tajna 7', lat = "
            "'53.1', lon = '18.6' WHERE id = ?", (row[0],))
        for p in (f'/uslugi/usluga/{row[2]}', f'/uslugi/instytucja/{row[0]}',
                  f'/api/services/{row[2]}', '/uslugi/hsds.zip'):
            st, _, body = srv.get(p)
            check(st == 200, f'{p}: {st}')
            data = body
            if p.endswith('.zip'):
                z = zipfile.ZipFile(io.BytesIO(body))
                data = b''.join(z.read(n) for n in z.namelist())
            check('ul. Tajna 7'.encode() not in data, f'{p} shows address')
            check(b'openstreetmap' not in data, f'{p} shows a map link')
        st, _, body = srv.get(f'/uslugi/usluga/{row[2]}')
        check('Adres poufny' in body.decode(), 'says it is confidential')

    def api_services_json():
        st, h, body = srv.get('/api/services?gmina=0407042&q=adopc')
        check(st == 200 and h['content-type'].startswith('application/json'),
              st)
        doc = json.loads(body)
        names = [r['name'] for r in doc['results']]
        branch = [r for r in doc['results'] if 'Jaksicach' in r['name']]
        check(branch and branch[0]['level'] == 'region', names)
        check(branch[0]['location']['gmina'] == '0407042', branch)
        levels = [r['level'] for r in doc['results']]
        check(levels == sorted(levels, key=['gmina', 'powiat',
                                            'region'].index), levels)
        st, _, body = srv.get('/api/services?gmina=0463011&category=telefon')
        doc = json.loads(body)
        nl = [r for r in doc['results'] if r['phone'] == '800 154 030']
        check(nl and nl[0]['hours'] == 'codziennie 17:00-21:00', doc)
        check(nl[0]['open_now'] in (True, False), 'open_now computed')
        st, _, body = srv.get('/api/services?gmina=12')
        check(st == 400 and json.loads(body)['error']['code'] ==
              'bad_request', st)

    def paging_of_a_level():
        # The API: each level's total, and one level paged by offset.
        st, _, body = srv.get('/api/services?gmina=0463011&limit=100')
        doc = json.loads(body)
        total = doc['total']
        check(doc['count'] == sum(total.values()) and total['region'] > 2,
              total)
        region = [r['id'] for r in doc['results'] if r['level'] == 'region']
        st, _, body = srv.get('/api/services?gmina=0463011&level=region'
                              '&offset=1&limit=2')
        page = json.loads(body)
        check(st == 200 and page['total'] == total, page.get('total'))
        check([r['id'] for r in page['results']] == region[1:3],
              'region page 2')
        st, _, body = srv.get('/api/services?gmina=0463011&offset=-1')
        check(st == 400, f'bad offset: {st}')
        # The page: one group from an offset, with links back.
        n = total['region']
        st, _, body = srv.get(f'/uslugi?gmina=0463011&poziom=region&od={n - 2}')
        html = body.decode()
        check(st == 200 and 'Dla całego województwa' in html and
              'W Twojej gminie' not in html, st)
        check(html.count('class="result"') == 2, 'two results')
        check(f'Pokazano {n - 1}–{n} z {n}.' in html, 'paging line')
        check('Poprzednie wyniki' in html and
              'Wszystkie grupy wyników' in html, 'links back')

    def coordinator_edits_with_csrf_and_audit():
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        before = audit_rows(db, 'directory.org.create')
        form = {'org_name': 'Fundacja Testowa', 'kind': 'ngo',
                'gmina': '0463011', 'city': 'Toruń',
                'org_hours': 'pn-pt 9:00-17:00'}
        st, _, _ = c.request('POST', '/uslugi/zarzadzanie/instytucja', form)
        check(st == 403, f'without csrf: {st}')
        token = c.csrf('/uslugi/zarzadzanie/instytucja')
        st, h, _ = c.request('POST', '/uslugi/zarzadzanie/instytucja',
                             dict(form, csrf=token))
        check(st == 303, st)
        org = h['location'].rsplit('/', 1)[1]
        check(audit_rows(db, 'directory.org.create') == before + 1, 'audit')
        # A bad field is named, in Polish, and nothing is written.
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/instytucja',
                                dict(form, csrf=token, gmina='1261011',
                                     org_hours='pn-pt 9-99'))
        check(st == 400 and 'nie leży w województwie' in html and
              'Niezrozumiałe godziny' in html, st)
        st, h, _ = c.request('POST', '/uslugi/zarzadzanie/usluga', {
            'csrf': token, 'instytucja': org,
            'service_name': 'Grupa wsparcia Łódźka', 'category': 'przemoc',
            't_przemoc': '1', 'coverage': 'gmina:0463011',
            'service_hours': 'pt-sb 20:00-2:00'})
        check(st == 303, st)
        st, _, body = srv.get('/uslugi?gmina=0463011&q=lodzka')
        check('Grupa wsparcia Łódźka' in body.decode(), 'found folded')
        # Another region's coordinator may not change it.
        c12 = Client(srv)
        c12.login('koord12')
        st, _, _ = c12.request('POST', f'/uslugi/zarzadzanie/instytucja/{org}',
                               dict(form, csrf=c12.csrf('/uslugi')))
        check(st == 403, f'other region: {st}')
        # Delete needs the confirmation.
        st, _, _ = c.request('POST',
                             f'/uslugi/zarzadzanie/instytucja/{org}/usun',
                             {'csrf': token})
        check(st == 400, st)
        st, _, _ = c.request('POST',
                             f'/uslugi/zarzadzanie/instytucja/{org}/usun',
                             {'csrf': token, 'potwierdzam': '1'})
        check(st == 303 and audit_rows(db, 'directory.org.delete') == 1, st)
        st, _, body = srv.get('/uslugi?gmina=0463011&q=lodzka')
        check('Grupa wsparcia Łódźka' not in body.decode(), 'gone from index')

    def csv_export_and_import_all_or_nothing():
        c = Client(srv)
        c.login('koord')
        st, h, csv = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        # Excel-friendly: a BOM and ';' (issue 20).
        check(st == 200 and csv.startswith('\ufefforg_key;parent_key;region'),
              st)
        check(';12;' not in csv.split('\n', 2)[1], 'own region only')
        token = c.csrf('/uslugi/zarzadzanie')
        # the demo reads the public lists of regions 12 and 24 through the
        # same import (issue 15): count this import's row alone
        before = audit_rows(db, 'directory.import')
        bad = csv.replace('0463011', '0463999', 1)
        body, ctype = multipart({'csrf': token},
                                {'file': ('k.csv', bad.encode())})
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                raw=body, content_type=ctype)
        check(st == 400 and 'wiersz 2, kolumna „gmina”' in html, st)
        body, ctype = multipart({'csrf': token},
                                {'file': ('k.csv', csv.encode())})
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                raw=body, content_type=ctype)
        check(st == 200 and 'Wczytano katalog' in html, st)
        check(audit_rows(db, 'directory.import') == before + 1,
              'one audit row')
        st, _, again = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        check(again == csv, 'round trip through the web')

    def branch_link_across_regions_is_refused():
        # Issue 11: a region-12 coordinator attached its institution to a
        # region-04 one, which then listed it on its public page.
        org04 = sql_one(db, "SELECT id FROM dir_org WHERE region = '04'"
                        " ORDER BY id LIMIT 1")
        c12 = Client(srv)
        check(c12.login('koord12')[0] == 303, 'login')
        token = c12.csrf('/uslugi/zarzadzanie/instytucja')
        before = audit_rows(db, 'directory.org.link_refused')
        form = {'csrf': token, 'org_name': 'Oddział Zamiejscowy Krakowski',
                'kind': 'oddzial', 'gmina': '1261011', 'city': 'Kraków',
                'parent': str(org04)}
        st, _, html = c12.request('POST', '/uslugi/zarzadzanie/instytucja',
                                  form)
        check(st == 400, st)
        check(f'Instytucja nadrzędna nr {org04} należy do województwa 04'
              in html, 'message names the parent and its region')
        check(audit_rows(db, 'directory.org.link_refused') == before + 1,
              'refusal audited')
        n = sql_one(db, "SELECT count(*) FROM dir_org WHERE name ="
                    " 'Oddział Zamiejscowy Krakowski'")
        check(n == 0, 'nothing stored')
        # Stored without a parent, then linked on edit: refused the same.
        st, h, _ = c12.request('POST', '/uslugi/zarzadzanie/instytucja',
                               dict(form, parent=''))
        check(st == 303, st)
        mine = h['location'].rsplit('/', 1)[1]
        st, _, html = c12.request(
            'POST', f'/uslugi/zarzadzanie/instytucja/{mine}', form)
        check(st == 400 and 'należy do województwa 04' in html, st)
        check(audit_rows(db, 'directory.org.link_refused') == before + 2,
              'second refusal audited')
        st, _, body = srv.get(f'/uslugi/instytucja/{org04}')
        check(st == 200 and 'Oddział Zamiejscowy Krakowski' not in
              body.decode(), 'not on region 04 page')
        # A link stored before the check is not shown either way.
        sql(db, 'UPDATE dir_org SET parent_id = ? WHERE id = ?',
            (org04, int(mine)))
        st, _, body = srv.get(f'/uslugi/instytucja/{org04}')
        check(st == 200 and 'Oddział Zamiejscowy Krakowski' not in
              body.decode(), 'old link not on region 04 page')
        st, _, body = srv.get(f'/uslugi/instytucja/{mine}')
        check(st == 200 and f'/uslugi/instytucja/{org04}"' not in
              body.decode(), 'no parent link to region 04')
        # Nor may its services cover region 04 (its search pages).
        svc = {'csrf': token, 'instytucja': mine,
               'service_name': 'Poradnia zamiejscowa', 'category': 'przemoc',
               't_przemoc': '1', 'coverage': 'gmina:0463011',
               'service_hours': 'pn-pt 9:00-17:00'}
        st, _, html = c12.request('POST', '/uslugi/zarzadzanie/usluga', svc)
        check(st == 400 and 'Obszar „gmina:0463011” leży poza '
              'województwem instytucji (12)' in html, st)
        st, _, body = srv.get('/uslugi?gmina=0463011&q=zamiejscowa')
        check('Poradnia zamiejscowa' not in body.decode(), 'listed in 04')
        st, _, _ = c12.request('POST', '/uslugi/zarzadzanie/usluga',
                               dict(svc, coverage='gmina:1261011'))
        check(st == 303, st)

    def analyst_cannot_edit():
        c = Client(srv)
        c.login('analityk')
        st, _, _ = c.request('GET', '/uslugi/zarzadzanie')
        check(st == 403, st)

    def public_answers_reused_until_data_changes():
        # Issue 21: the public search's answer is kept for the minute and
        # reused, never across a change of the data, never for a session.
        def cache(result):
            text = srv.get('/metrics')[2].decode()
            m = re.search(r'rodzina_http_answer_cache_total\{result="'
                          + result + r'"\} (\d+)', text)
            check(m, f'/metrics has the answer cache: {text[-600:]}')
            return int(m.group(1))

        url = '/uslugi?gmina=0463011&q=zegarmistrz'
        api = '/api/services?gmina=0463011&q=zegarmistrz'
        st, h1, first = srv.get(url)
        hits = cache('hit')
        st2, h2, second = srv.get(url)
        check(st == st2 == 200 and first == second and
              h1['etag'] == h2['etag'], 'the same answer twice')
        check(cache('hit') == hits + 1, 'the second one reused')
        check(json.loads(srv.get(api)[2])['count'] == 0, 'nothing yet')
        # A coordinator's change shows at once to the public.
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        token = c.csrf('/uslugi/zarzadzanie/instytucja')
        st, h, _ = c.request('POST', '/uslugi/zarzadzanie/instytucja', {
            'csrf': token, 'org_name': 'Pracownia Zegarmistrz',
            'kind': 'ngo', 'gmina': '0463011', 'city': 'Toruń'})
        check(st == 303, st)
        org = h['location'].rsplit('/', 1)[1]
        st, _, _ = c.request('POST', '/uslugi/zarzadzanie/usluga', {
            'csrf': token, 'instytucja': org,
            'service_name': 'Poradnia Zegarmistrz', 'category': 'przemoc',
            't_przemoc': '1',
            'coverage': 'gmina:0463011'})
        check(st == 303, st)
        check('Poradnia Zegarmistrz' in srv.get(url)[2].decode(),
              'the new service shown at once')
        check(json.loads(srv.get(api)[2])['count'] == 1, 'and in the API')
        # A change by another process (here SQL) shows once the index has
        # it, not a minute later.
        sql(db, "UPDATE dir_service SET name = 'Poradnia Zegarmistrza' "
                "WHERE name = 'Poradnia Zegarmistrz'")
        for _ in range(100):
            if 'Poradnia Zegarmistrza' in srv.get(url)[2].decode():
                break
            time.sleep(0.05)
        check('Poradnia Zegarmistrza' in srv.get(url)[2].decode(),
              'a change from outside shown')
        # So does a change of another module's data shown on the page (a
        # region's helpline) made through a form.
        kurl = '/uslugi?gmina=1261011&q=zegarmistrz'
        check('129998877' not in srv.get(kurl)[2].decode(), 'not yet')
        a = Client(srv)
        check(a.login('admin')[0] == 303, 'admin login')
        st, _, _ = a.request('POST', '/regiony', {
            'csrf': a.csrf('/regiony'), 'woj': '12',
            'office': 'Regionalny Ośrodek Polityki Społecznej w Krakowie',
            'address': 'ul. Piastowska 32, 30-070 Kraków',
            'lines': 'Telefon Zegarmistrz | 12 999 88 77 | całodobowo\n',
            'info_line': '12 422 06 36', 'bip': ''})
        check(st == 303, f'region saved: {st}')
        check('href="tel:129998877"' in srv.get(kurl)[2].decode(),
              'the new line shown at once')
        # A session never gets the public's answer, nor the public its.
        mine = c.request('GET', url)[2]
        check('Poradnia Zegarmistrza' in mine and
              '/uslugi/zarzadzanie' in mine, 'the coordinator sees their page')
        check('/uslugi/zarzadzanie' not in srv.get(url)[2].decode(),
              'the public never sees the coordinator\'s page')

    for fn in (search_by_town_without_javascript,
               services_without_contact_show_their_regions_line,
               quick_exit_on_every_public_page,
               confidential_address_never_public, api_services_json,
               paging_of_a_level,
               coordinator_edits_with_csrf_and_audit,
               csv_export_and_import_all_or_nothing,
               branch_link_across_regions_is_refused, analyst_cannot_edit,
               public_answers_reused_until_data_changes):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
