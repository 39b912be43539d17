#!/usr/bin/env python3
"""bench/gen_plan.py N [SEED]: write to standard output a yearly plan in the
tab-separated layout of seed 001 with N tasks: a title, the header over two
rows, 3 goals, tasks numbered as actions ("2.417"), budget lines by source
(own, subsidy, other) of which one task in five has a second line, one
indicator per task and a "w tym" breakdown of three rows for one task in
four, and the declared total row, correct, at the end. Numbers are written
as the documents write them ("12.000", "1.200"). Deterministic for a SEED."""
import random
import sys

MONTHS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
          'XII']


def thousands(v):
    return f'{v:,}'.replace(',', '.')


def main():
    n = int(sys.argv[1])
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 3)
    out = sys.stdout
    w = lambda *cells: out.write('\t'.join(str(c) for c in cells) + '\n')
    w('Harmonogram rzeczowo-finansowy „Wojewódzkiego programu wspierania '
      'rodziny dla województwa kujawsko-pomorskiego na lata 2021-2026” na '
      'rok 2025')
    w('')
    w('Lp.', 'kierunek interwencji/działania', 'Wartość działania [PLN]', '',
      '', '', 'Termin realizacji (miesiąc)', 'Realizatorzy', 'Rezultaty', '',
      '')
    w('', '', 'ogólna', 'środki własne', 'dotacja', 'inne', '', '',
      'wskaźnik', 'Plan 2025', 'Plan 2021 - 2026')
    per_goal = [n // 3 + (1 if g < n % 3 else 0) for g in range(3)]
    tot = own_t = sub_t = oth_t = 0
    for g in range(3):
        w(f'{g + 1}.', f'Cel {g + 1}: wzmocnienie rodzin i systemu wsparcia '
          f'w obszarze {g + 1}', '', '', '', '', '', '', '', '', '')
        for k in range(per_goal[g]):
            nlines = 2 if rnd.random() < 0.2 else 1
            for line in range(nlines):
                own = rnd.randrange(0, 40) * 500
                sub = rnd.randrange(0, 10) * 1000 if rnd.random() < 0.3 else 0
                oth = rnd.randrange(0, 20) * 1000 if rnd.random() < 0.4 else 0
                total = own + sub + oth
                tot, own_t, sub_t, oth_t = (tot + total, own_t + own,
                                            sub_t + sub, oth_t + oth)
                m1 = rnd.randrange(0, 6)
                m2 = rnd.randrange(m1, 12)
                year = rnd.randrange(10, 400)
                money = [thousands(v) if v else '-'
                         for v in (total, own, sub, oth)]
                first = ([f'{g + 1}.{k + 1}', f'Zadanie {g + 1}.{k + 1}: '
                          'szkolenia, konferencje i kampanie dla rodzin '
                          'oraz kadr pomocy społecznej']
                         if line == 0 else ['', ''])
                impl = ('j.w.' if line and rnd.random() < 0.5 else
                        'Departament Spraw Społecznych / Regionalny Ośrodek '
                        'Polityki Społecznej')
                w(*first, *money, f'{MONTHS[m1]}-{MONTHS[m2]}', impl,
                  f'liczba osób objętych wsparciem ({line + 1})',
                  thousands(year), thousands(year * 6))
            if rnd.random() < 0.25:
                parts = [year // 3, year // 3, year - 2 * (year // 3)]
                for i, part in enumerate(parts):
                    w('', '', '', '', '', '', '', '',
                      f'· grupa zawodowa {i + 1}', part, part * 6)
    w('Łączna wartość realizacji programu w roku 2025', '', thousands(tot),
      thousands(own_t), thousands(sub_t), thousands(oth_t), '', '', '', '',
      '')


if __name__ == '__main__':
    main()
