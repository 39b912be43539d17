#!/usr/bin/env python3
"""Issue 14: the same searches give the same ids in the same order on
SQLite and PostgreSQL. In the PostgreSQL pass (RODZINA_TEST_PG) a server
runs on a PostgreSQL demo database and another on a SQLite demo file made
the same way (`rodzina init --demo`); directory searches (words typed with
and without Polish letters and in upper case, a gmina, a category or target,
a locality) and the TERYT autocomplete and place search are asked of both,
and their ids compared in order. On SQLite alone it is a visible skip.
Usage: test_search_same.py BINARY"""
import json
import re
import sys
import urllib.parse

from harness import (PG, Runner, Server, check, cleanup, make_db,
                     sqlite_demo)

WORDS = ('Włocławek', 'wloclawek', 'WŁOCŁAWEK', 'Łysomice', 'lysomice',
         'ŁYSOMICE', 'Golub-Dobrzyń', 'golub dobrzyn', 'Chełmno', 'CHELMNO',
         'ośrodek interwencji', 'OSRODEK INTERWENCJI', 'adopc',
         'pomoc rodzin', 'telefon zaufania', 'toruń pomoc', 'p')
LOCALITIES = ('Łasin', 'lasin', 'Ciechocinek', 'JABŁONOWO POMORSKIE',
              'Białe Błota', 'biale blota', 'Inowrocław', 'unislaw')
# Włocławek (city and rural), Łysomice, Golub-Dobrzyń, Chełmno, Toruń.
GMINAS = ('0464011', '0418132', '0415062', '0405011', '0404011', '0463011')
FILTERS = ('category=adopcja', 'category=przemoc', 'category=telefon',
           'target=rodziny', 'target=przemoc', 'category=prawna&q=porad',
           'category=rodzina&target=dzieci',
           'category=adopcja&target=kandydaci')
PREFIXES = ('wlo', 'Włoc', 'WŁOCŁAWEK', 'ŁYS', 'lysom', 'golub',
            'Golub-Dobrzyń', 'chełm', 'CHELMNO', 'Łasin', 'grebocin', '87-1')


def q(s):
    return urllib.parse.quote(s)


def ids(srv, path):
    """The ids a search answers, in order: services by id, gminas by
    TERYT, places by kind, name and gmina."""
    st, _, body = srv.get(path)
    check(st == 200, f'{path}: {st} on {srv.db.split("/")[-1]}')
    j = json.loads(body)
    if isinstance(j, list):
        return [g['teryt'] for g in j]
    if path.startswith('/api/places'):
        return [(p['kind'], p['name'], p['gmina']) for p in j['results']]
    return [s['id'] for s in j['results']]


def page_ids(srv, path):
    """The services a search page links to, in order."""
    st, _, body = srv.get(path)
    check(st == 200, f'{path}: {st}')
    return re.findall(r'href="/uslugi/usluga/(\d+)"', body.decode())


def main():
    binary = sys.argv[1]
    t = Runner('search_same')
    if not PG:
        t.skip('same_ids_on_both_engines',
               'compares with PostgreSQL: runs in the pg pass')
        return t.finish()
    d, pg = make_db(binary)
    lite = sqlite_demo(d, 'same', binary)
    a, b = Server(binary, lite), Server(binary, pg)

    def same(paths, read=ids, allow_empty=()):
        bad = []
        for p in paths:
            x, y = read(a, p), read(b, p)
            if x != y:
                bad.append(f'{p}: sqlite {x[:8]} pg {y[:8]}')
            elif not x and p not in allow_empty:
                bad.append(f'{p}: nothing found on either')
        check(not bad, '; '.join(bad))

    def directory_words():
        same([f'/api/services?q={q(w)}&limit=100' for w in WORDS] +
             [f'/api/services?q={q(w)}&open=1&limit=100' for w in WORDS[:3]])

    def directory_localities():
        same([f'/api/services?q={q(w)}&limit=100' for w in LOCALITIES])

    def directory_gminas():
        same([f'/api/services?gmina={g}&limit=100' for g in GMINAS] +
             [f'/api/services?gmina={g}&q={q(w)}&limit=100'
              for g, w in (('0464011', 'WŁOCŁAWEK'), ('0415062', 'pomoc'),
                           ('0404011', 'chełm'), ('0463011', 'łódzka'))] +
             [f'/api/services?gmina=0463011&level=region&offset=5&limit=7'],
             allow_empty=('/api/services?gmina=0463011&q=%C5%82%C3%B3dzka'
                          '&limit=100',))

    def directory_filters():
        same([f'/api/services?{f}&limit=100' for f in FILTERS] +
             [f'/api/services?gmina=0405011&{f}&limit=100' for f in FILTERS],
             allow_empty=('/api/services?gmina=0405011&category=adopcja'
                          '&limit=100',))

    def directory_pages():
        same([f'/uslugi?q={q(w)}' for w in ('Włocławek', 'ŁYSOMICE')] +
             ['/uslugi?gmina=0405011', '/uslugi?kategoria=adopcja'],
             read=page_ids)

    def teryt_autocomplete():
        same([f'/api/teryt/gminy?q={q(p)}' for p in PREFIXES] +
             [f'/api/teryt/gminy?q={q(p)}&woj=22' for p in PREFIXES[:4]] +
             ['/api/teryt/gminy?powiat=0418'])

    def places():
        same([f'/api/places?q={q(p)}' for p in PREFIXES + LOCALITIES])

    try:
        for fn in (directory_words, directory_localities, directory_gminas,
                   directory_filters, directory_pages, teryt_autocomplete,
                   places):
            t.run(fn)
    finally:
        a.stop()
        b.stop()
        cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
