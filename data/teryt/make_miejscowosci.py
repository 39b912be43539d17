#!/usr/bin/env python3
"""Derive data/teryt/miejscowosci_2020-01-01.csv.gz from the SIMC register.

Usage: make_miejscowosci.py SIMC_CSV [NEWER_REGIONAL_SIMC_CSV ...] OUT_GZ
Input: the national SIMC_Urzedowy file with the added GMINA_TERYT7_2024
column (see data/README.md), then any newer SIMC files of single
voivodeships in the same format. A locality of a newer file (by its SYM
identifier) replaces the national file's row of the same SYM: its new
name, kind or gmina win, and a new SYM is added; a SYM the newer file no
longer has (parts of towns GUS removed) stays from the national file,
since people still search by those names. A row of a newer file without a
2024 gmina (one of a gmina created after 2024: the program knows the 2024
gminas) keeps the 2024 gmina the national file gives its SYM.
Output, ';'-separated, sorted by gmina and name, one row per distinct
(gmina, name): gmina7;kind;name where kind is 1 for a town (RM 96), 2 for
an independent locality (village, colony, settlement...) and 3 for a part
of a town or village (RM 00, 99). Only what the locality search needs is
kept.
"""
import csv
import gzip
import sys


def read(path):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter=';', quoting=csv.QUOTE_NONE))


if len(sys.argv) < 3:
    sys.exit(__doc__)
national, newer, out = sys.argv[1], sys.argv[2:-1], sys.argv[-1]
rows = read(national)
for path in newer:
    fresh = read(path)
    gmina_of = {r['SYM']: r['GMINA_TERYT7_2024'] for r in rows}
    syms = {r['SYM'] for r in fresh}
    kept = [r for r in rows if r['SYM'] not in syms]
    for r in fresh:
        if len(r['GMINA_TERYT7_2024']) != 7:
            r = dict(r, GMINA_TERYT7_2024=gmina_of.get(r['SYM'], ''))
        kept.append(r)
    print(f'{path}: {len(fresh)} rows, {len(syms & set(gmina_of))} of them '
          f'replacing the national ones', file=sys.stderr)
    rows = kept
best = {}
for row in rows:
    gmina = row['GMINA_TERYT7_2024']
    if len(gmina) != 7:
        continue
    rm = row['RM']
    kind = 1 if rm == '96' else 3 if rm in ('00', '99') else 2
    key = (gmina, row['NAZWA'])
    if key not in best or kind < best[key]:
        best[key] = kind
rows = sorted(best.items())
with gzip.GzipFile(out, 'wb', compresslevel=9, mtime=0) as g:
    g.write(b'gmina7;kind;name\n')
    for (gmina, name), kind in rows:
        g.write(f'{gmina};{kind};{name}\n'.encode('utf-8'))
print(f'{len(rows)} rows', file=sys.stderr)
