#!/usr/bin/env python3
"""Issue 20: the directory's Open Referral HSDS 3.0 export. The whole demo
export validated against the specification's own schema files
(tests/fixtures/hsds/, with their licence) by tests/tools/hsds_validate.py
(jsonschema; Table Schema types and keys): 0 errors; a deliberately broken
export fails; UUIDs stay the same across exports and across the
directory CSV's export and import; confidential locations have no
address.
Usage: test_hsds.py BINARY"""
import csv
import io
import json
import os
import sys
import zipfile

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user, multipart

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'tools'))
from hsds_validate import validate_zip  # noqa: E402


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

    for fn in (demo_export_validates_with_no_error, broken_exports_fail,
               uuids_stable_across_exports_and_import,
               confidential_location_without_address):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
