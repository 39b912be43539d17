#!/usr/bin/env python3
"""Derive data/teryt/miejscowosci_2020-01-01.csv.gz from the SIMC register.

Usage: make_miejscowosci.py SIMC_CSV OUT_GZ
Input: the national SIMC_Urzedowy file with the added GMINA_TERYT7_2024
column (see data/README.md). Output, ';'-separated, sorted by gmina and
name, one row per distinct (gmina, name): gmina7;kind;name where kind is
1 for a town (RM 96), 2 for an independent locality (village, colony,
settlement...) and 3 for a part of a town or village (RM 00, 99). Only
what the locality search needs is kept.
"""
import csv
import gzip
import sys

src, out = sys.argv[1], sys.argv[2]
best = {}
with open(src, encoding='utf-8', newline='') as f:
    for row in csv.DictReader(f, delimiter=';', quoting=csv.QUOTE_NONE):
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
