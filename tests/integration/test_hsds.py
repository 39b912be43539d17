#!/usr/bin/env python3
"""Issue 20: the directory's Open Referral HSDS 3.0 export. The whole demo
export validated against the specification's own schema files
(tests/fixtures/hsds/, with their licence) by tests/tools/hsds_validate.py
(jsonschema; Table Schema types and keys): 0 errors; a deliberately broken
export fails; UUIDs stay the same across exports and across the
directory CSV's export and import; confidential locations have no
address; the zip's bytes are a function of the data (entries dated by
the newest change), so If-None-Match gives 304.
Usage: test_hsds.py BINARY"""
import csv
import datetime
import io
import json
import os
import sys
import time
import zipfile
import zoneinfo

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user, multipart

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'tools'))
from hsds_validate import FIXTURES, jsonschema, validate_zip  # noqa: E402


def api_validators():
    """Validators of the HSDS API's answers from the specification: the
    Page of openapi.json with contents of service_list.json or
    service_at_location_list.json items."""
    def load(n):
        with open(os.path.join(FIXTURES, n), encoding='utf-8') as f:
            return json.load(f)
    page = load('openapi.json')['components']['schemas']['Page']
    out = {}
    for path, item in (('services', 'service_list.json'),
                       ('service_at_locations',
                        'service_at_location_list.json')):
        schema = {'allOf': [page], 'type': 'object',
                  'required': ['total_items', 'total_pages', 'page_number',
                               'size', 'first_page', 'last_page', 'empty',
                               'contents'],
                  'properties': {'contents': {'type': 'array',
                                              'items': load(item)}}}
        out[path] = jsonschema.Draft7Validator(
            schema, format_checker=jsonschema.FormatChecker())
    return out


def read_zip(data):
    z = zipfile.ZipFile(io.BytesIO(data))
    return {n: z.read(n).decode('utf-8') for n in z.namelist()}


def rows(files, name):
    return list(csv.DictReader(io.StringIO(files[name], newline='')))


def write_zip(files):
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as z:
        for n, text in files.items():
            z.writestr(n, text)
    return out.getvalue()


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    rc, err = add_user(binary, db, 'koord', 'coordinator', region='04')
    if rc != 0:
        print(f'FAIL setup: {err}')
        return 1
    srv = Server(binary, db)
    t = Runner('hsds')
    first = {}

    def demo_export_validates_with_no_error():
        st, h, body = srv.get('/uslugi/hsds.zip')
        check(st == 200 and h['content-type'] == 'application/zip', st)
        errors = validate_zip(body)
        check(errors == [], f'{len(errors)} errors: {errors[:5]}')
        files = read_zip(body)
        pkg = json.loads(files['datapackage.json'])
        check(pkg['profile'] == 'tabular-data-package' and
              pkg['version'] == '3.0.0', pkg.get('version'))
        services = rows(files, 'services.csv')
        n = sql_one(db, 'SELECT count(*) FROM dir_service')
        check(len(services) == n and n > 100, (len(services), n))
        first.update(files)

    def broken_exports_fail():
        st, _, body = srv.get('/uslugi/hsds.zip')
        files = read_zip(body)
        org = rows(files, 'organizations.csv')[0]['id']
        cases = {
            # an id that is no UUID (the 1.1 export's "org-1")
            'id not a UUID': ('organizations.csv',
                              lambda s: s.replace(org, 'org-1', 1)),
            # a required column empty
            'location_type empty': ('locations.csv',
                                    lambda s: s.replace(',physical,', ',,',
                                                        1)),
            # times as HH:MM, not the Table Schema's time
            'time HH:MM': ('schedules.csv',
                           lambda s: s.replace('17:00:00', '17:00', 1)),
            # a status outside the enum
            'status enum': ('services.csv',
                            lambda s: s.replace(',active,', ',open,', 1)),
        }
        for what, (name, change) in cases.items():
            broken = dict(files)
            broken[name] = change(files[name])
            check(broken[name] != files[name], f'{what}: nothing changed')
            errors = validate_zip(write_zip(broken))
            check(errors, f'{what}: no error found')
        # a file name HSDS 3.0 does not have, and a package without version
        broken = dict(files)
        broken['physical_addresses.csv'] = broken.pop('addresses.csv')
        check(validate_zip(write_zip(broken)), 'renamed file passes')
        pkg = json.loads(files['datapackage.json'])
        del pkg['version']
        broken = dict(files, **{'datapackage.json': json.dumps(pkg)})
        check(validate_zip(write_zip(broken)), 'no version passes')
        # a reference to no record
        broken = dict(files)
        broken['organizations.csv'] = files['organizations.csv'].replace(
            org, '00000000-0000-4000-8000-000000000000', 1)
        errors = validate_zip(write_zip(broken))
        check(any('is no organization' in e for e in errors), errors[:3])

    def uuids_stable_across_exports_and_import():
        st, _, body = srv.get('/uslugi/hsds.zip')
        again = read_zip(body)
        for name in ('organizations.csv', 'services.csv', 'locations.csv',
                     'service_at_location.csv', 'schedules.csv',
                     'taxonomy_terms.csv'):
            check([r['id'] for r in rows(again, name)] ==
                  [r['id'] for r in rows(first, name)], f'{name} ids moved')
        # The directory CSV carries the UUIDs, so an import of region 04's
        # export keeps them.
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        st, _, text = c.request('GET', '/uslugi/zarzadzanie/katalog.csv')
        check(st == 200 and 'org_uuid' in text.split('\n', 1)[0], st)
        token = c.csrf('/uslugi/zarzadzanie')
        body, ctype = multipart({'csrf': token},
                                {'file': ('k.csv', text.encode())})
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                raw=body, content_type=ctype)
        check(st == 200 and 'Wczytano katalog' in html, st)
        st, _, body = srv.get('/uslugi/hsds.zip')
        after = read_zip(body)
        for name in ('organizations.csv', 'services.csv'):
            check(sorted(r['id'] for r in rows(after, name)) ==
                  sorted(r['id'] for r in rows(first, name)),
                  f'{name}: ids changed by the import')
        check(validate_zip(body) == [], 'valid after the import')
        # A bad UUID in the file is a finding naming row and column.
        lines = text.split('\n')
        head = lines[0].lstrip('\ufeff').rstrip('\r').split(';')
        cells = lines[1].split(';')
        cells[head.index('org_uuid')] = 'nie-uuid'
        bad = '\n'.join([lines[0], ';'.join(cells)] + lines[2:])
        body, ctype = multipart({'csrf': token},
                                {'file': ('k.csv', bad.encode())})
        st, _, html = c.request('POST', '/uslugi/zarzadzanie/import',
                                raw=body, content_type=ctype)
        check(st == 400 and 'kolumna „org_uuid”' in html and
              'nie jest identyfikatorem UUID' in html, st)

    def confidential_location_without_address():
        org = sql_one(db, 'SELECT uuid FROM dir_org WHERE confidential = 1'
                      ' ORDER BY id LIMIT 1')
        check(org is not None, 'the demo has a confidential institution')
        st, _, body = srv.get('/uslugi/hsds.zip')
        files = read_zip(body)
        loc = [r for r in rows(files, 'locations.csv')
               if r['organization_id'] == org]
        check(len(loc) == 1 and loc[0]['latitude'] == '' and
              loc[0]['external_identifier'] == '', loc)
        check(not [a for a in rows(files, 'addresses.csv')
                   if a['location_id'] == loc[0]['id']], 'address given')

    validators = api_validators()

    def get_json(path):
        st, h, body = srv.get(path)
        return st, h, json.loads(body)

    def all_ids(path):
        """Every id of a list, page by page (pages that cover it once)."""
        ids, page = [], 1
        while True:
            sep = '&' if '?' in path else '?'
            st, h, doc = get_json(f'{path}{sep}per_page=100&page={page}')
            check(st == 200, (path, st, doc))
            errors = [e.message for e in
                      validators[path.split('?')[0][6:]].iter_errors(doc)]
            check(errors == [], (path, errors[:3]))
            check(h['x-total-count'] == str(doc['total_items']), h)
            ids += [c['id'] for c in doc['contents']]
            if doc['last_page']:
                check(len(ids) == doc['total_items'] and
                      len(set(ids)) == len(ids), (len(ids), doc))
                return ids
            page += 1

    def covering(teryt):
        """Services whose coverage meets a TERYT unit, from the tables."""
        return {r[0] for r in sql(
            db, "SELECT DISTINCT s.uuid FROM dir_service s JOIN dir_area a"
            " ON a.service_id = s.id WHERE a.code = ? OR a.code = ? OR"
            " a.code = ? OR a.code LIKE ?",
            (teryt[:2], teryt[:4], teryt, teryt + '%'))}

    def api_lists_page_and_filter():
        every = all_ids('/hsds/services')
        n = sql_one(db, 'SELECT count(*) FROM dir_service')
        check(len(every) == n, (len(every), n))
        # area by TERYT: a gmina, a powiat, a voivodeship
        for teryt in ('0463011', '0463', '12'):
            got = all_ids(f'/hsds/services?teryt={teryt}')
            check(set(got) == covering(teryt) and got, teryt)
        # a postcode: the services of its gmina (87-100 is Toruń's)
        check(set(all_ids('/hsds/services?postcode=87-100')) ==
              covering('0463011'), 'postcode 87-100')
        # text search, diacritics ignored; the same as the directory's
        got = all_ids('/hsds/services?search=osrodek%20adopcyjny')
        st, _, doc = get_json('/api/services?q=osrodek%20adopcyjny'
                              '&limit=100')
        uuid_of = dict(sql(db, 'SELECT id, uuid FROM dir_service'))
        check(got and len(got) < 100 and set(got) ==
              {uuid_of[r['id']] for r in doc['results']},
              (len(got), doc['count']))
        # a category as a taxonomy term of the package
        st, _, body = srv.get('/uslugi/hsds.zip')
        files = read_zip(body)
        term = [t for t in rows(files, 'taxonomy_terms.csv')
                if t['code'] == 'category:adopcja'][0]['id']
        got = set(all_ids(f'/hsds/services?taxonomy_term_id={term}'))
        want = {r[0] for r in sql(db, "SELECT uuid FROM dir_service"
                                  " WHERE category = 'adopcja'")}
        check(got >= want and want, (len(got), len(want)))
        # service_at_locations: one per service, with both parts
        sal = all_ids('/hsds/service_at_locations?teryt=0463011')
        check(len(sal) == len(covering('0463011')), len(sal))
        st, _, doc = get_json('/hsds/service_at_locations?per_page=500')
        ids = {r['id'] for r in rows(files, 'service_at_location.csv')}
        check(all(c['id'] in ids and c['service']['id'] == c['service_id']
                  for c in doc['contents']), 'same ids as the package')

    def api_confidential_and_errors():
        org = sql_one(db, 'SELECT uuid FROM dir_org WHERE confidential = 1'
                      ' ORDER BY id LIMIT 1')
        st, _, doc = get_json('/hsds/service_at_locations?organization_id='
                              + org)
        check(st == 200 and doc['contents'], doc)
        for c in doc['contents']:
            loc = c['location']
            check('latitude' not in loc and 'external_identifier' not in loc,
                  loc)
        for q, word in (('teryt=123', 'teryt'), ('postcode=87100', 'postcode'),
                        ('per_page=501', 'per_page'), ('page=0', 'page'),
                        ('taxonomy_term_id=x', 'taxonomy_term_id')):
            st, h, doc = get_json(f'/hsds/services?{q}')
            check(st == 400 and word in doc['error']['message'], (q, doc))
        st, _, doc = get_json('/hsds/services?teryt=0463011&page=999')
        check(st == 200 and doc['contents'] == [] and not doc['empty'], doc)

    def public_lists_have_etags():
        # Issue 20: ETag / If-None-Match (304) on public lists; never on a
        # session's own pages.
        for path in ('/hsds/services?teryt=0463011', '/api/services?q=adop',
                     '/api/observatory', '/api/plans', '/obserwatorium'):
            st, h, body = srv.get(path)
            tag = h.get('etag', '')
            check(st == 200 and tag.startswith('"') and len(body) > 0,
                  (path, st, tag))
            st, h2, body2 = srv.get(path, headers={'If-None-Match': tag})
            check(st == 304 and body2 == b'' and h2.get('etag') == tag,
                  (path, st, len(body2)))
            st, _, _ = srv.get(path, headers={
                'If-None-Match': '"0000000000000000", ' + tag})
            check(st == 304, (path, 'a list of tags', st))
            st, _, body3 = srv.get(path, headers={
                'If-None-Match': '"0000000000000000"'})
            check(st == 200 and len(body3) > 0, (path, 'another tag', st))
        # a change of the data changes the tag
        st, h, _ = srv.get('/hsds/services?teryt=0463011')
        sql(db, "UPDATE dir_service SET name = name || ' (zmiana)' WHERE id ="
            " (SELECT min(s.id) FROM dir_service s JOIN dir_area a ON"
            " a.service_id = s.id WHERE a.code = '04')")
        st, h2, _ = srv.get('/hsds/services?teryt=0463011',
                            headers={'If-None-Match': h['etag']})
        check(st == 200 and h2['etag'] != h['etag'], st)
        c = Client(srv)
        c.login('koord')
        st, h, _ = c.request('GET', '/uslugi/zarzadzanie')
        check(st == 200 and 'etag' not in h, 'a session page has an ETag')

    def zip_bytes_are_a_function_of_the_data():
        """The entries are dated by the directory's newest change (Warsaw
        time), not by the export: the same data, the same bytes, a 304."""
        def warsaw(stamp):
            t = datetime.datetime.strptime(stamp, '%Y-%m-%dT%H:%M:%SZ')
            t = t.replace(tzinfo=datetime.timezone.utc).astimezone(
                zoneinfo.ZoneInfo('Europe/Warsaw'))
            return (t.year, t.month, t.day, t.hour, t.minute,
                    t.second // 2 * 2)

        def dates(body):
            return {i.date_time
                    for i in zipfile.ZipFile(io.BytesIO(body)).infolist()}

        st, h, body = srv.get('/uslugi/hsds.zip')
        check(st == 200, st)
        newest = max(sql_one(db, 'SELECT max(updated_at) FROM dir_org'),
                     sql_one(db, 'SELECT max(updated_at) FROM dir_service'))
        check(dates(body) == {warsaw(newest)}, (dates(body), newest))
        time.sleep(2.1)  # a DOS time's step: an export time would show
        st, h2, body2 = srv.get('/uslugi/hsds.zip')
        check(st == 200 and body2 == body and h2['etag'] == h['etag'],
              'two exports of the same data differ')
        st, _, body3 = srv.get('/uslugi/hsds.zip',
                               headers={'If-None-Match': h['etag']})
        check(st == 304 and body3 == b'', ('If-None-Match', st))
        # a change (in summer time) dates the entries anew, a new ETag
        sql(db, "UPDATE dir_org SET name = name || ' (zmiana)',"
            " updated_at = '2030-07-01T10:00:00Z' WHERE id ="
            " (SELECT min(id) FROM dir_org)")
        st, h4, body4 = srv.get('/uslugi/hsds.zip',
                                headers={'If-None-Match': h['etag']})
        check(st == 200 and h4['etag'] != h['etag'], ('changed', st))
        check(dates(body4) == {(2030, 7, 1, 12, 0, 0)}, dates(body4))
        check(validate_zip(body4) == [], 'the changed export validates')

    for fn in (demo_export_validates_with_no_error, broken_exports_fail,
               public_lists_have_etags, zip_bytes_are_a_function_of_the_data,
               api_lists_page_and_filter, api_confidential_and_errors,
               uuids_stable_across_exports_and_import,
               confidential_location_without_address):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
