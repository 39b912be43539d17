#!/usr/bin/env python3
"""Fills a Rodzina SQLite database with a forum for bench/forum.sh (issue
19): CATEGORIES categories of region 04, THREADS threads and POSTS posts
(spread evenly, the first post of a thread holding its title), written as
the program writes them: the text, its folded form (the same fold as
str_fold for the letters used here) and the search index forum_fts.
Authors are the given account. Usage:
  forum_gen.py DB ACCOUNT_ID [THREADS [POSTS [CATEGORIES]]]"""
import random
import sqlite3
import sys

WORDS = ('przemoc rodzina dziecko szkoła policja kurator zespół '
         'interdyscyplinarny procedura niebieska karta ośrodek pomoc '
         'społeczna konsultacja psycholog prawnik gmina powiat sąd '
         'asystent rodziny piecza zastępcza świetlica interwencja '
         'kryzysowa dyżur telefon zaufania pedagog wychowawca notatka '
         'wniosek spotkanie szkolenie superwizja grupa robocza plan '
         'pomocy diagnoza ryzyko bezpieczeństwo schronienie mieszkanie '
         'alimenty uzależnienie terapia mediacja senior opiekun').split()
FOLD = str.maketrans('ąćęłńóśźżĄĆĘŁŃÓŚŹŻ', 'acelnoszzACELNOSZZ')


def fold(s):
    return ' '.join(''.join(c if c.isalnum() else ' '
                            for c in s.translate(FOLD).lower()).split())


def main():
    db, account = sys.argv[1], int(sys.argv[2])
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 10000
    posts = int(sys.argv[4]) if len(sys.argv) > 4 else 200000
    ncat = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    rnd = random.Random(19)
    con = sqlite3.connect(db)
    con.execute('PRAGMA foreign_keys = ON')
    cur = con.cursor()
    cats = []
    for i in range(ncat):
        cur.execute('INSERT INTO forum_category(region, name, description,'
                    ' created_at) VALUES (?, ?, ?, ?) RETURNING id',
                    ('04', f'Kategoria {i + 1}: ' + ' '.join(
                        rnd.sample(WORDS, 2)), 'Opis kategorii',
                     '2025-01-01T00:00:00Z'))
        cats.append(cur.fetchone()[0])
    per = posts // threads
    rows_t, rows_p, rows_f = [], [], []
    post_id = (cur.execute('SELECT coalesce(max(id), 0) FROM forum_post')
               .fetchone()[0])
    thread_id = (cur.execute('SELECT coalesce(max(id), 0) FROM forum_thread')
                 .fetchone()[0])
    second = 0
    for t in range(threads):
        thread_id += 1
        title = ' '.join(rnd.sample(WORDS, 4)).capitalize()
        first_at = None
        for k in range(per):
            post_id += 1
            second += 1
            at = '2025-%02d-%02dT%02d:%02d:%02d.000Z' % (
                1 + second * 11 // posts, 1 + second % 28, second % 24,
                second % 60, (second * 7) % 60)
            first_at = first_at or at
            body = ' '.join(rnd.choice(WORDS) for _ in range(rnd.randint(
                12, 60)))
            folded = fold(f'{title} {body}' if k == 0 else body)
            rows_p.append((post_id, thread_id, account, body, folded, at))
            rows_f.append((post_id, folded))
        rows_t.append((thread_id, cats[t % ncat], title, account, first_at,
                       post_id, at, per))
    cur.executemany('INSERT INTO forum_thread(id, category_id, title,'
                    ' author_id, created_at, last_post_id, last_post_at,'
                    ' posts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', rows_t)
    cur.executemany('INSERT INTO forum_post(id, thread_id, author_id, body,'
                    ' folded, created_at) VALUES (?, ?, ?, ?, ?, ?)', rows_p)
    cur.executemany('INSERT INTO forum_fts(rowid, body) VALUES (?, ?)',
                    rows_f)
    con.commit()
    print(' '.join(str(c) for c in cats))


if __name__ == '__main__':
    main()
