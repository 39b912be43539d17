#!/usr/bin/env python3
"""Turn the public lists of institutions into the directory's import files.

Usage: make_katalog.py SRC_DIR TERYT_DIR OUT_DIR
SRC_DIR holds the lists of data/instytucje/ (ops_malopolskie.csv,
pcpr_malopolskie.csv, przemoc_wsparcie_malopolskie_2024.csv,
ops_slaskie.csv: see data/README.md); TERYT_DIR holds gminy_2024-01-01.csv
and kody_pocztowe_kp_mp.csv. Writes OUT_DIR/katalog_12.csv and
katalog_24.csv in the columns of the directory's CSV import
(src/directory/dir_io.c, the same file `/uslugi/import` takes) and
OUT_DIR/pominiete.csv, the rows left out and why, and prints a summary.

A row's gmina is taken by code only, never by a name:
1. its gmina_teryt7;
2. else, when its powiat is a city with powiat rights, the one gmina of that
   powiat (gminy_2024-01-01.csv);
3. else the one candidate of its postal code (kody_pocztowe_kp_mp.csv) in its
   powiat (powiat_teryt4).
A row none of these resolves, or without a name, is left out and listed in
pominiete.csv. A row of the domestic-violence register that is an OPS or CUS
of a gmina whose centre the OPS list has once becomes a second service of
that centre instead of a second institution. Opening hours are written in
the directory's form ("pn-pt 7:30-15:30") only when the text reads
unambiguously as days followed by times; otherwise the source's text goes
into the description. Phone cells keep their numbers (fax numbers dropped),
the text of the source goes into the description when it says more.
"""
import csv
import os
import re
import sys
import unicodedata

SRC, TERYT, OUT = sys.argv[1], sys.argv[2], sys.argv[3]

HEADER = ['org_key', 'region', 'kind', 'org_name', 'org_description',
          'street', 'postcode', 'city', 'gmina', 'lat', 'lon', 'org_phone',
          'org_email', 'org_web', 'org_hours', 'source', 'verify',
          'service_name', 'service_description', 'category', 'targets',
          'service_phone', 'service_hours', 'coverage']

KRS = 'github.com/Kaczor4444/kompas-seniora'
SOURCES = {
    'rjps': 'Rejestr Jednostek Pomocy Społecznej (RJPS, MRPiPS), eksport '
            'z 6.03.2026; za: ' + KRS,
    'mir': 'mir.org.pl (dane kontaktowe wymagają weryfikacji); za: ' + KRS,
    'slaskie': 'Wykaz ośrodków pomocy społecznej Śląskiego Urzędu '
               'Wojewódzkiego w Katowicach (www.katowice.uw.gov.pl/download/'
               '441); za: ' + KRS,
    'przemoc': 'Baza instytucji udzielających pomocy i wsparcia osobom '
               'uwikłanym w przemoc domową, Małopolski Urząd Wojewódzki w '
               'Krakowie, stan na 1.02.2024 (strona %s); za: ' + KRS,
}

KINDS = {'OPS': 'ops', 'GOPS': 'ops', 'MOPS': 'ops', 'MGOPS': 'ops',
         'MOPR': 'ops', 'CUS': 'cus', 'PCPR': 'pcpr', 'OIK': 'oik',
         'SOW': 'oik', 'organizacja pozarządowa': 'ngo',
         'punkt konsultacyjny / informacyjny': 'punkt'}


def fold(s):
    s = s.lower().replace('ł', 'l')
    return ''.join(c for c in unicodedata.normalize('NFD', s)
                   if unicodedata.category(c) != 'Mn')


def read(path, sep=';'):
    with open(path, encoding='utf-8', newline='') as f:
        return list(csv.DictReader(f, delimiter=sep))


gminy = read(os.path.join(TERYT, 'gminy_2024-01-01.csv'), ',')
gmina_codes = {g['teryt7'] for g in gminy}
of_powiat = {}
for g in gminy:
    of_powiat.setdefault(g['pow_kod'], []).append(g['teryt7'])
postal = {}
with open(os.path.join(TERYT, 'kody_pocztowe_kp_mp.csv'), encoding='utf-8',
          newline='') as f:
    for r in csv.DictReader(f):
        postal.setdefault(r['kod_pocztowy'], set()).update(
            r['teryt7_kandydaci'].split('|'))


def resolve(r):
    """(gmina code, how) or (None, why)."""
    code, pow4 = r['gmina_teryt7'], r['powiat_teryt4']
    if code:
        return (code, 'kod') if code in gmina_codes else (None, 'nieznany kod')
    if len(pow4) != 4:
        return None, 'brak kodu gminy i kodu powiatu (%s)' % (
            r['uwagi'] or 'gmina spoza TERYT 2024')
    if pow4[2:] >= '61' and len(of_powiat.get(pow4, [])) == 1:
        return of_powiat[pow4][0], 'powiat'
    cand = sorted(c for c in postal.get(r['kod'], ()) if c.startswith(pow4))
    if len(cand) == 1:
        return cand[0], 'kod pocztowy'
    if cand:
        return None, 'kod pocztowy %s wskazuje %d gminy powiatu (%s)' % (
            r['kod'], len(cand), ', '.join(cand))
    return None, 'brak kodu gminy, a kod pocztowy %s nie wskazuje gminy' % (
        r['kod'] or '(pusty)')


# --- hours ----------------------------------------------------------------

DAYS = [('poniedzial', 0), ('pon', 0), ('pn', 0), ('wtor', 1), ('wt', 1),
        ('srod', 2), ('sr', 2), ('czwart', 3), ('czw', 3), ('cz', 3),
        ('piat', 4), ('pt', 4), ('sobot', 5), ('sob', 5), ('sb', 5),
        ('niedziel', 6), ('ndz', 6), ('nd', 6)]
CODES = ['pn', 'wt', 'śr', 'cz', 'pt', 'sb', 'nd']
TIME = r'(\d{1,2})(?:[.:](\d{2}))?'
RANGE = re.compile(TIME + r'\s*(?:-|–|do)\s*' + TIME)
FILLER = {'od', 'do', 'godz', 'w', 'godzinach', 'i', 'oraz'}


def day_of(word):
    for prefix, d in DAYS:
        if word.startswith(prefix) and len(word) <= len(prefix) + 6:
            return d
    return None


def hours(text):
    """The directory's form of text, or '' when it does not read clearly."""
    t = fold(text).strip()
    if t in ('calodobowo', 'calodobowo przez 7 dni w tygodniu'):
        return 'całodobowo'
    rules, days, pending_range = [], [], False
    pos = 0
    t = t.replace('|', ';')
    while pos < len(t):
        m = RANGE.match(t, pos)
        if m:
            if not days:
                return ''
            h1, m1, h2, m2 = (int(x or 0) for x in m.groups())
            if h1 > 23 or h2 > 24 or m1 > 59 or m2 > 59 or h2 * 60 + m2 <= h1 * 60 + m1:
                return ''
            rules.append((tuple(days), '%d:%02d-%d:%02d' % (h1, m1, h2, m2)))
            pending_range = True
            pos = m.end()
            continue
        w = re.match(r'[a-z]+', t[pos:])
        if w:
            word = w.group(0)
            d = day_of(word)
            if d is not None:
                if pending_range:
                    days, pending_range = [], False
                # "pn-pt", "od poniedziałku do piątku": a range of days
                if days and re.search(r'(-|\bdo)\s*$', t[:pos]) and \
                        days[-1] < d:
                    days.extend(range(days[-1] + 1, d + 1))
                else:
                    days.append(d)
            elif word not in FILLER:
                return ''
            pos += len(word)
            continue
        if t[pos] in ' .,:;-–\t':
            pos += 1
            continue
        return ''
    if not rules or (days and not pending_range):
        return ''
    out = []
    for ds, span in rules:
        ds = sorted(set(ds))
        if len(ds) > 2 and ds == list(range(ds[0], ds[-1] + 1)):
            spec = '%s-%s' % (CODES[ds[0]], CODES[ds[-1]])
        else:
            spec = ', '.join(CODES[d] for d in ds)
        out.append('%s %s' % (spec, span))
    return '; '.join(out)


# --- contact ----------------------------------------------------------------

def phones(text):
    """Numbers of a phone cell as '14 611 28 92; 503 389 447', without fax
    numbers: a number right after "fax" (not "tel/fax") or before "(fax)"."""
    out = []
    for m in re.finditer(r'\(?\d[\d \-()/]{5,}\d', text):
        digits = re.sub(r'\D', '', m.group(0))
        before = fold(text[max(0, m.start() - 14):m.start()])
        after = fold(text[m.end():m.end() + 8])
        if len(digits) == 11 and digits.startswith('48'):
            digits = digits[2:]
        if len(digits) == 10 and digits.startswith('0'):
            digits = digits[1:]
        if len(digits) % 9 != 0:
            continue
        chunks = [digits[i:i + 9] for i in range(0, len(digits), 9)]
        label = re.search(r'([a-z./ ]*?)fax\W*$', before)
        # "tel/fax", "tel./fax", "tel.fax": both; "fax", "tel. fax": a fax
        if label and not re.search(r'tel\.?/$|tel\.$|telefon/$',
                                   label.group(1)):
            chunks = chunks[1:]  # the first is the fax
        if re.match(r'\s*\(fax\)', after):
            chunks = chunks[:-1]  # the last is the fax
        for d in chunks:
            if d[0] in '4567' and d[:2] not in ('12', '13', '14', '15', '16', '17', '18'):
                n = '%s %s %s' % (d[:3], d[3:6], d[6:])  # mobile
            else:
                n = '%s %s %s %s' % (d[:2], d[2:5], d[5:7], d[7:])
            if n not in out:
                out.append(n)
    return '; '.join(out)


def email(text):
    m = re.search(r'[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+', text)
    return m.group(0) if m else ''


def web(text):
    t = text.strip().split()[0] if text.strip() else ''
    if not t or '.' not in t:
        return ''
    return t if t.startswith(('http://', 'https://')) else 'https://' + t


def postcode(text):
    return text if re.fullmatch(r'\d\d-\d\d\d', text) else ''


def coord(text, lo, hi):
    try:
        v = float(text)
    except ValueError:
        return ''
    return text if lo <= v <= hi else ''


def said(label, raw, kept):
    """' Label: raw.' when the source's text says more than what is kept."""
    raw = ' '.join(raw.split())
    if not raw or raw == kept or raw == '-':
        return ''
    return ' %s: %s.' % (label, raw.rstrip('.,; '))


def cut(text, n):
    return text if len(text) <= n else text[:n - 1].rstrip() + '…'


# --- rows ---------------------------------------------------------------

out = {'12': [], '24': []}
left = []
stats = {}


def emit(org, service):
    row = dict(org)
    row.update(service)
    out[org['region']].append(row)


def org_of(key, r, gmina, kind, source, verify, description=''):
    hrs = hours(r['godziny_pracy']) if not r['godziny_pracy'].startswith("'") else ''
    ph = phones(r['telefon'])
    desc = description
    if not r['godziny_pracy'].startswith("'"):
        desc += said('Godziny pracy według źródła', r['godziny_pracy'], hrs)
    desc += said('Telefon według źródła', r['telefon'], ph)
    name = ' '.join(r['nazwa'].split())
    if len(name) > 200:
        # Two names run together in the source table (see its "uwagi").
        desc = 'Pełna nazwa według źródła: %s. %s' % (name, desc)
        name = cut(name, 200)
    return {
        'org_key': key, 'region': gmina[:2], 'kind': kind,
        'org_name': name,
        'org_description': cut(desc.strip(), 4000),
        'street': r['ulica'], 'postcode': postcode(r['kod']),
        'city': r['miejscowosc'], 'gmina': gmina,
        'lat': coord(r.get('lat', ''), 49.0, 55.0) if coord(r.get('lon', ''), 14.0, 24.2) else '',
        'lon': coord(r.get('lon', ''), 14.0, 24.2) if coord(r.get('lat', ''), 49.0, 55.0) else '',
        'org_phone': ph, 'org_email': email(r['email']), 'org_web': web(r['www']),
        'org_hours': hrs, 'source': source, 'verify': verify,
    }


def service(name, description, category, targets, coverage, phone='', hrs=''):
    return {'service_name': name, 'service_description': cut(description.strip(), 4000),
            'category': category, 'targets': targets, 'service_phone': phone,
            'service_hours': hrs, 'coverage': coverage}


def leave(file, line, r, why):
    left.append({'plik': file, 'wiersz': line, 'nazwa': r['nazwa'],
                 'miejscowosc': r['miejscowosc'], 'powiat_teryt4': r['powiat_teryt4'],
                 'powod': why})


ops_of_gmina = {}


def ops_list(file, prefix, src_of):
    rows = read(os.path.join(SRC, file))
    for line, r in enumerate(rows, start=2):
        gmina, how = resolve(r)
        if gmina is None:
            leave(file, line, r, how)
            continue
        src, verify = src_of(r)
        o = org_of('%s%d' % (prefix, line), r, gmina, KINDS.get(r['rodzaj'], 'ops'),
                   src, verify)
        emit(o, service('Pomoc społeczna i praca socjalna',
                        'Świadczenia i usługi pomocy społecznej, praca socjalna, '
                        'wsparcie rodzin w trudnej sytuacji, informacja o '
                        'prawach i uprawnieniach.',
                        'pomoc', 'wszyscy,rodziny', 'gmina:' + gmina))
        ops_of_gmina.setdefault(gmina, []).append(o)
        stats[file] = stats.get(file, 0) + 1


def malopolskie_source(r):
    if 'mir.org.pl' in r['zrodlo']:
        return SOURCES['mir'], 'dane kontaktowe z mir.org.pl, nie z rejestru RJPS'
    return SOURCES['rjps'], ''


ops_list('ops_malopolskie.csv', 'mp-ops-', malopolskie_source)
ops_list('ops_slaskie.csv', 'sl-ops-', lambda r: (SOURCES['slaskie'], ''))

for line, r in enumerate(read(os.path.join(SRC, 'pcpr_malopolskie.csv')), start=2):
    gmina, how = resolve(r)
    if gmina is None:
        leave('pcpr_malopolskie.csv', line, r, how)
        continue
    tasks = r['godziny_pracy'].strip("'").split("','") if r['godziny_pracy'].startswith("'") else []
    o = org_of('mp-pcpr-%d' % line, r, gmina, 'pcpr', SOURCES['rjps'], '')
    emit(o, service('Wsparcie rodziny, piecza zastępcza, rehabilitacja społeczna',
                    ('Zadania według RJPS: ' + '; '.join(tasks) + '.') if tasks else '',
                    'piecza', 'rodziny,dzieci,niepelnosprawni',
                    'powiat:' + r['powiat_teryt4']))
    stats['pcpr_malopolskie.csv'] = stats.get('pcpr_malopolskie.csv', 0) + 1

merged = 0
for line, r in enumerate(read(os.path.join(SRC, 'przemoc_wsparcie_malopolskie_2024.csv')), start=2):
    file = 'przemoc_wsparcie_malopolskie_2024.csv'
    if not r['nazwa'].strip():
        leave(file, line, r, 'brak nazwy instytucji')
        continue
    gmina, how = resolve(r)
    if gmina is None:
        leave(file, line, r, how)
        continue
    kind = KINDS.get(r['rodzaj'], 'inne')
    name = fold(r['nazwa'])
    if 'pomocy prawnej' in name:
        kind, category = 'prawna', 'prawna'
    else:
        category = 'kryzys' if kind == 'oik' else 'przemoc'
    page = re.search(r'strona PDF (\d+)', r['zrodlo'])
    src = SOURCES['przemoc'] % (page.group(1) if page else '?')
    verify = r['uwagi'] if 'weryfik' in r['uwagi'] else ''
    coverage = ('powiat:' + r['powiat_teryt4'] if r['zasieg'] == 'powiat'
                else 'gmina:' + gmina)
    desc = ''
    if r['forma_pomocy'].strip(' ,-'):
        desc += 'Formy pomocy: %s.' % r['forma_pomocy'].strip(' ,.')
    if r['specjalisci'].strip(' ,-'):
        desc += ' Specjaliści: %s.' % r['specjalisci'].strip(' ,.')
    hrs = hours(r['godziny_pracy'])
    twin = ops_of_gmina.get(gmina, [])
    if kind in ('ops', 'cus') and len(twin) == 1 and not verify:
        # The centre of the OPS list: its violence help is one more service.
        o = twin[0]
        ph = phones(r['telefon'])
        desc += said('Godziny pracy według źródła', r['godziny_pracy'], hrs)
        desc += ' Źródło opisu: ' + src + '.'
        emit(o, service('Pomoc osobom doznającym przemocy domowej', desc, category,
                        'przemoc', coverage, ph if ph != o['org_phone'] else '',
                        hrs if hrs != o['org_hours'] else ''))
        merged += 1
        continue
    o = org_of('mp-przemoc-%d' % line, r, gmina, kind, src, verify)
    emit(o, service('Pomoc osobom doznającym przemocy domowej', desc, category,
                    'przemoc', coverage))
    stats[file] = stats.get(file, 0) + 1

for region, rows in out.items():
    with open(os.path.join(OUT, 'katalog_%s.csv' % region), 'w', encoding='utf-8',
              newline='') as f:
        w = csv.DictWriter(f, HEADER, delimiter=';', lineterminator='\n')
        w.writeheader()
        w.writerows(rows)
with open(os.path.join(OUT, 'pominiete.csv'), 'w', encoding='utf-8', newline='') as f:
    w = csv.DictWriter(f, ['plik', 'wiersz', 'nazwa', 'miejscowosc', 'powiat_teryt4',
                           'powod'], delimiter=';', lineterminator='\n')
    w.writeheader()
    w.writerows(left)
for file, n in sorted(stats.items()):
    print('%s: %d institutions' % (file, n))
print('violence-register rows added as a service of their OPS: %d' % merged)
print('rows left out (pominiete.csv): %d' % len(left))
print('rows "do weryfikacji": %d' % sum(
    1 for rows in out.values() for r in rows if r['verify']))
for region, rows in out.items():
    print('katalog_%s.csv: %d rows, %d with hours read' % (
        region, len(rows), sum(1 for r in rows if r['org_hours'])))
