#!/usr/bin/env python3
"""Validate an Open Referral HSDS 3.0 tabular data package (a zip of CSV
files and datapackage.json) against the specification's own schema files,
kept with their licence in tests/fixtures/hsds/ (HSDS 3.0.0, CC BY-SA 4.0,
openreferral/specification):

- datapackage.json: the Data Package profile and version, and every
  resource's Table Schema equal to the specification's (fields in order,
  types, formats, required/unique/enum constraints, primary key; foreign
  keys among the specification's);
- every CSV: its header, every cell cast by its Table Schema type (the
  default formats of Frictionless' Table Schema: number, integer, date
  YYYY-MM-DD, time HH:MM:SS, datetime ISO 8601), and each row validated
  with the jsonschema package twice: against the specification's JSON
  Schema of the tabular form (schema/compiled/tabular.json) and against
  the Table Schema's constraints converted to JSON Schema (required,
  enum, format uuid/email/uri);
- the table constraints JSON Schema cannot state: unique fields, primary
  and foreign keys.

Python has no Table Schema validator in Debian (frictionless is not
packaged), hence the conversion. Usage: hsds_validate.py FILE.zip; prints
one line per error and exits 1 when there is any."""
import csv
import datetime
import io
import json
import os
import re
import sys
import zipfile

try:
    import jsonschema
except ImportError:  # Debian's python3-jsonschema beside another python
    sys.path.append('/usr/lib/python3/dist-packages')
    import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, '..', 'fixtures', 'hsds')
MAX_ERRORS = 10000  # then one line says there are more


def load_spec():
    with open(os.path.join(FIXTURES, 'datapackage.json'),
              encoding='utf-8') as f:
        spec = json.load(f)
    with open(os.path.join(FIXTURES, 'tabular.json'), encoding='utf-8') as f:
        tabular = json.load(f)
    return spec, tabular


def _time(s):
    if not re.fullmatch(r'\d\d:\d\d:\d\d', s):
        raise ValueError('not HH:MM:SS')
    datetime.time.fromisoformat(s)
    return s


def _date(s):
    if not re.fullmatch(r'\d{4}-\d\d-\d\d', s):
        raise ValueError('not YYYY-MM-DD')
    datetime.date.fromisoformat(s)
    return s


def _datetime(s):
    if not re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?'
                        r'(Z|[+-]\d\d:\d\d)', s):
        raise ValueError('not an ISO 8601 date and time with offset')
    datetime.datetime.fromisoformat(s.replace('Z', '+00:00'))
    return s


def _number(s):
    if not re.fullmatch(r'[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?', s):
        raise ValueError('not a number')
    return float(s)


def _integer(s):
    if not re.fullmatch(r'[+-]?\d+', s):
        raise ValueError('not an integer')
    return int(s)


def _boolean(s):
    if s in ('true', 'True', 'TRUE', '1'):
        return True
    if s in ('false', 'False', 'FALSE', '0'):
        return False
    raise ValueError('not a boolean')


CAST = {'string': str, 'number': _number, 'integer': _integer,
        'boolean': _boolean, 'date': _date, 'time': _time,
        'datetime': _datetime}
JSON_TYPE = {'number': 'number', 'integer': 'integer', 'boolean': 'boolean'}


def table_schema_as_json_schema(schema):
    """A resource's Table Schema as the JSON Schema of one row."""
    props, required = {}, []
    for f in schema['fields']:
        p = {'type': JSON_TYPE.get(f['type'], 'string')}
        c = f.get('constraints', {})
        if f.get('format') in ('uuid', 'email', 'uri'):
            p['format'] = f['format']
        if 'enum' in c:
            p['enum'] = c['enum']
        props[f['name']] = p
        if c.get('required'):
            required.append(f['name'])
    return {'type': 'object', 'properties': props, 'required': required,
            'additionalProperties': False}


def _fields(schema):
    out = []
    for f in schema['fields']:
        c = f.get('constraints', {})
        out.append((f['name'], f['type'], f.get('format'),
                    bool(c.get('required')), bool(c.get('unique')),
                    tuple(c.get('enum', ()))))
    return out


def check_package(pkg, spec):
    errors = []
    if pkg.get('profile') != 'tabular-data-package':
        errors.append(f'datapackage.json: profile {pkg.get("profile")!r}')
    if pkg.get('version') != spec['version']:
        errors.append(f'datapackage.json: version {pkg.get("version")!r}, '
                      f'the specification is {spec["version"]}')
    by_name = {r['name']: r for r in spec['resources']}
    for r in pkg.get('resources', []):
        s = by_name.get(r.get('name'))
        where = f'datapackage.json: resource {r.get("name")!r}'
        if s is None:
            errors.append(f'{where}: not an HSDS 3.0 resource')
            continue
        if r.get('path') != s['path']:
            errors.append(f'{where}: path {r.get("path")!r}, HSDS has '
                          f'{s["path"]!r}')
        if r.get('profile') != 'tabular-data-resource':
            errors.append(f'{where}: profile {r.get("profile")!r}')
        schema = r.get('schema', {})
        mine, theirs = _fields(schema), _fields(s['schema'])
        if mine != theirs:
            diff = [f'{a} != {b}' for a, b in zip(mine, theirs) if a != b]
            errors.append(f'{where}: fields differ from HSDS 3.0: '
                          f'{diff[:3] or (len(mine), len(theirs))}')
        if schema.get('primaryKey') != s['schema'].get('primaryKey'):
            errors.append(f'{where}: primaryKey {schema.get("primaryKey")!r}')
        allowed = {json.dumps(k, sort_keys=True)
                   for k in s['schema'].get('foreignKeys', [])}
        for k in schema.get('foreignKeys', []):
            if json.dumps(k, sort_keys=True) not in allowed:
                errors.append(f'{where}: foreign key {k} is not HSDS 3.0')
    return errors


def validate_zip(data):
    """The list of errors of the package in data (bytes)."""
    spec, tabular = load_spec()
    errors = []
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        return [f'not a zip: {e}']
    names = set(z.namelist())
    if 'datapackage.json' not in names:
        return ['no datapackage.json']
    pkg = json.loads(z.read('datapackage.json').decode('utf-8'))
    errors += check_package(pkg, spec)
    spec_res = {r['name']: r for r in spec['resources']}
    paths = {r['path'] for r in pkg.get('resources', [])}
    for n in sorted(names - paths - {'datapackage.json'}):
        errors.append(f'{n}: a file the package does not describe')
    checker = jsonschema.FormatChecker()
    tables = {}
    for r in pkg.get('resources', []):
        s = spec_res.get(r['name'])
        if s is None or r['path'] not in names:
            if s is not None:
                errors.append(f'{r["path"]}: missing from the zip')
            continue
        schema = s['schema']
        fields = schema['fields']
        row_schema = table_schema_as_json_schema(schema)
        spec_item = tabular['properties'][r['name']]['items']
        v_spec = jsonschema.Draft7Validator(spec_item, format_checker=checker)
        v_table = jsonschema.Draft7Validator(row_schema,
                                             format_checker=checker)
        text = z.read(r['path']).decode('utf-8')
        rows = list(csv.reader(io.StringIO(text, newline='')))
        path = r['path']
        if not rows or rows[0] != [f['name'] for f in fields]:
            errors.append(f'{path}: header {rows[0] if rows else []} is not '
                          f'the HSDS 3.0 fields')
            continue
        objs = []
        for line, cells in enumerate(rows[1:], start=2):
            if len(cells) != len(fields):
                errors.append(f'{path}:{line}: {len(cells)} cells')
                continue
            obj = {}
            for f, v in zip(fields, cells):
                if v == '':
                    continue
                try:
                    obj[f['name']] = CAST[f['type']](v)
                except ValueError as e:
                    errors.append(f'{path}:{line}: {f["name"]}={v!r}: '
                                  f'{f["type"]}: {e}')
                    obj[f['name']] = v
            for v in (v_spec, v_table):
                for e in v.iter_errors(obj):
                    at = '.'.join(str(p) for p in e.absolute_path)
                    errors.append(f'{path}:{line}: {at or "row"}: '
                                  f'{e.message}')
            objs.append((line, obj))
        tables[r['name']] = (path, objs, schema)
        if len(errors) > MAX_ERRORS:
            break
    # Table constraints: unique fields, primary and foreign keys.
    ids = {}
    for name, (path, objs, schema) in tables.items():
        for f in schema['fields']:
            if not f.get('constraints', {}).get('unique') and \
                    f['name'] != schema.get('primaryKey'):
                continue
            seen = {}
            for line, o in objs:
                v = o.get(f['name'])
                if v is None:
                    continue
                if v in seen:
                    errors.append(f'{path}:{line}: {f["name"]} {v!r} '
                                  f'repeats line {seen[v]}')
                seen[v] = line
            if f['name'] == schema.get('primaryKey'):
                ids[name] = set(seen)
    for name, (path, objs, _) in tables.items():
        r = next(x for x in pkg['resources'] if x['name'] == name)
        for k in r.get('schema', {}).get('foreignKeys', []):
            target = ids.get(k['reference']['resource'])
            if target is None:
                errors.append(f'{path}: foreign key to '
                              f'{k["reference"]["resource"]}, not in the zip')
                continue
            for line, o in objs:
                v = o.get(k['fields'])
                if v is not None and v not in target:
                    errors.append(f'{path}:{line}: {k["fields"]} {v!r} is '
                                  f'no {k["reference"]["resource"]}')
    if len(errors) > MAX_ERRORS:
        errors = errors[:MAX_ERRORS] + [f'... {len(errors)} errors in all']
    return errors


def main():
    with open(sys.argv[1], 'rb') as f:
        errors = validate_zip(f.read())
    for e in errors:
        print(e)
    print(f'{len(errors)} errors')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
