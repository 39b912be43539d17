#!/usr/bin/env python3
"""A forum category's pages against a direct model of them (issue 19), on
SQLite or PostgreSQL: a category with threads written through the forms
(replies, a hidden reply, a thread whose only post is hidden, a pin by a
moderator) and in bulk (many sharing their newest post's time, some
pinned, times on both sides of the summer-time changes), read by two
accounts that have read different threads. Every page (the HTML rows and
the JSON beside it: first, middle, last, a window of its own size and an
offset past the end) must list what the model computes from the posts
themselves: the threads with a visible post, pinned first, newest visible
post first, ties by id descending; the visible posts counted; the time
in Warsaw; and the unread mark of the account reading.
Usage: test_zone_category.py BINARY"""
import html
import json
import re
import sys
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user, multipart

PAGE = 50                                   # ZONE_PAGE
WARSAW = ZoneInfo('Europe/Warsaw')
ROW = re.compile(r'<tr><td><a href="/forum/watek/(\d+)">(.*?)</a>(.*?)</td>'
                 r'<td>(.*?)</td><td>(\d+)</td><td>(.*?)</td></tr>')
# Newest-post times of the bulk threads: few, so that many tie; around
# both changes of summer time and the turn of a year.
TIMES = ['2026-03-29T00:59:00.000Z', '2026-03-29T01:00:00.000Z',
         '2026-10-25T00:59:59.000Z', '2026-10-25T01:00:00.000Z',
         '2026-12-31T23:30:00.500Z', '2025-07-01T12:05:00.000Z',
         '2026-01-15T06:00:00.000Z']
BULK = 119


def warsaw(utc):
    """The model of the page's time: a stored UTC time in Warsaw."""
    t = datetime.strptime(utc[:16], '%Y-%m-%dT%H:%M').replace(
        tzinfo=timezone.utc)
    return t.astimezone(WARSAW).strftime('%d.%m.%Y %H:%M')


def model(db, cat, account):
    """The category's threads as the page must list them for account,
    computed from the posts, not from the thread's stored counters."""
    threads = {r[0]: r for r in sql(
        db, 'SELECT t.id, t.title, t.pinned, t.locked, a.login'
            ' FROM forum_thread t JOIN account a ON a.id = t.author_id'
            ' WHERE t.category_id = ?', (cat,))}
    visible = {}
    for pid, tid, at in sql(
            db, 'SELECT p.id, p.thread_id, p.created_at FROM forum_post p'
                ' JOIN forum_thread t ON t.id = p.thread_id'
                ' WHERE t.category_id = ? AND p.hidden = 0', (cat,)):
        visible.setdefault(tid, []).append((pid, at))
    read = dict(sql(db, 'SELECT thread_id, post_id FROM forum_read'
                        ' WHERE account_id = ?', (account,)))
    rows = []
    for tid, posts in visible.items():
        _, title, pinned, locked, author = threads[tid]
        last_id = max(p[0] for p in posts)
        last_at = max(p[1] for p in posts)
        rows.append({'id': tid, 'title': title, 'author': author,
                     'posts': len(posts), 'last_post_at': last_at,
                     'pinned': bool(pinned), 'locked': bool(locked),
                     'unread': last_id > read.get(tid, 0)})
    rows.sort(key=lambda r: r['id'], reverse=True)
    rows.sort(key=lambda r: r['last_post_at'], reverse=True)
    rows.sort(key=lambda r: r['pinned'], reverse=True)
    return rows


def page_rows(body):
    """The thread rows of a category page, as the model's dicts."""
    out = []
    for tid, title, marks, author, posts, when in ROW.findall(body):
        out.append({'id': int(tid), 'title': html.unescape(title),
                    'author': html.unescape(author), 'posts': int(posts),
                    'when': when,
                    'unread': '<strong class="badge">nowe</strong>' in marks,
                    'pinned': '(przypięty)' in marks,
                    'locked': '(zamknięty)' in marks})
    return out


def as_page(rows):
    return [{'id': r['id'], 'title': r['title'], 'author': r['author'],
             'posts': r['posts'], 'when': warsaw(r['last_post_at']),
             'unread': r['unread'], 'pinned': r['pinned'],
             'locked': r['locked']} for r in rows]


def as_api(rows):
    return [{'id': r['id'], 'title': r['title'], 'author': r['author'],
             'posts': r['posts'], 'last_post_at': r['last_post_at'],
             'unread': r['unread'], 'pinned': r['pinned'],
             'locked': r['locked']} for r in rows]


def post_form(c, path, fields, csrf_page):
    body, ctype = multipart(dict(fields, csrf=c.csrf(csrf_page)), {})
    return c.request('POST', path, raw=body, content_type=ctype)


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('koord', 'coordinator'),
                        ('czytelnik1', 'implementer'),
                        ('czytelnik2', 'consultant')):
        add_user(binary, db, login, role)
    srv, t, state = Server(binary, db), Runner('zone_category'), {}

    def a_category_written_through_the_forms_and_in_bulk():
        m = Client(srv)
        m.login('koord')
        st, h, _ = m.request('POST', '/forum/moderacja/kategoria', {
            'csrf': m.csrf('/forum/moderacja'), 'name': 'Strony wątków',
            'description': 'Porządek i strony'})
        check(st == 303, f'category: {st}')
        cat = int(h['location'].rsplit('/', 1)[1])
        koord = sql(db, "SELECT id FROM account WHERE login = 'koord'")[0][0]
        made = []
        for i in range(6):
            st, h, _ = post_form(m, f'/forum/kategoria/{cat}',
                                 {'title': f'Wątek <{i}> & „cytat”',
                                  'body': f'Początek {i}'},
                                 f'/forum/kategoria/{cat}')
            check(st == 303, f'thread {i}: {st}')
            made.append(int(h['location'].rsplit('/', 1)[1]))
        for tid in made[:3]:
            st, _, _ = post_form(m, f'/forum/watek/{tid}', {'body': 'Dalej'},
                                 f'/forum/watek/{tid}')
            check(st == 303, f'reply: {st}')
        # The newest reply of made[0] hidden: one post less, and the thread
        # goes back to its first post's time; made[5]'s only post hidden:
        # the thread leaves the list.
        newest = sql(db, 'SELECT max(id) FROM forum_post WHERE thread_id = ?',
                     (made[0],))[0][0]
        only = sql(db, 'SELECT max(id) FROM forum_post WHERE thread_id = ?',
                   (made[5],))[0][0]
        for post in (newest, only):
            st, _, _ = m.request('POST', f'/forum/wpis/{post}/ukrycie', {
                'csrf': m.csrf('/forum'), 'reason': 'poza tematem'})
            check(st == 303, f'hide: {st}')
        for act in ('przypnij', 'zamknij'):
            st, _, _ = m.request('POST', f'/forum/watek/{made[4]}/moderacja',
                                 {'csrf': m.csrf('/forum'), 'czynnosc': act})
            check(st == 303, f'{act}: {st}')
        # Bulk threads as the demo loader and bench/forum_gen.py write them.
        values = ', '.join(
            f"({cat}, 'Masowy {i:03d}', {koord}, '{TIMES[i % 7]}',"
            f" '{TIMES[i % 7]}', {1 if i % 23 == 0 else 0})"
            for i in range(BULK))
        sql(db, 'INSERT INTO forum_thread(category_id, title, author_id,'
                ' created_at, last_post_at, pinned) VALUES ' + values)
        for k in range(2):
            sql(db, 'INSERT INTO forum_post(thread_id, author_id, body,'
                    ' folded, created_at, hidden) SELECT id, author_id,'
                    ' title, title, last_post_at, ? FROM forum_thread'
                    " WHERE category_id = ? AND title LIKE 'Masowy %'",
                (1 if k else 0, cat))
        sql(db, 'UPDATE forum_thread SET'
                ' posts = (SELECT count(*) FROM forum_post p'
                '  WHERE p.thread_id = forum_thread.id AND p.hidden = 0),'
                ' last_post_id = (SELECT max(p.id) FROM forum_post p'
                '  WHERE p.thread_id = forum_thread.id AND p.hidden = 0)'
                " WHERE category_id = ? AND title LIKE 'Masowy %'", (cat,))
        state.update(cat=cat, made=made, mod=m)
        check(len(model(db, cat, koord)) == BULK + 5, 'the model lists all')

    def readers_have_read_different_threads():
        cat, made = state['cat'], state['made']
        bulk = [r[0] for r in sql(
            db, "SELECT id FROM forum_thread WHERE title LIKE 'Masowy %'"
                ' ORDER BY id')]
        r1, r2 = Client(srv), Client(srv)
        r1.login('czytelnik1')
        r2.login('czytelnik2')
        for tid in made[:3] + bulk[::9]:
            st, _, _ = r1.request('GET', f'/forum/watek/{tid}')
            check(st == 200, f'read {tid}: {st}')
        for tid in bulk[1::5]:
            r2.request('GET', f'/forum/watek/{tid}')
        # A reply after reading: unread again for the one who read it.
        m = state['mod']
        st, _, _ = post_form(m, f'/forum/watek/{made[1]}', {'body': 'Nowe'},
                             f'/forum/watek/{made[1]}')
        check(st == 303, f'reply: {st}')
        state['readers'] = (r1, r2)
        check(sql(db, 'SELECT count(*) FROM forum_read')[0][0] > 20,
              'reads recorded')

    def every_page_is_the_model_for_each_reader():
        cat = state['cat']
        for who, login in zip(state['readers'] + (state['mod'],),
                              ('czytelnik1', 'czytelnik2', 'koord')):
            acc = sql(db, 'SELECT id FROM account WHERE login = ?',
                      (login,))[0][0]
            want = model(db, cat, acc)
            n = len(want)
            check(any(r['unread'] for r in want) and
                  not all(r['unread'] for r in want) or login == 'koord',
                  f'{login} has read some threads')
            windows = [(PAGE, 0), (PAGE, PAGE), (PAGE, 2 * PAGE),
                       (PAGE, n - 1), (17, 41), (200, 0)]
            for limit, offset in windows:
                q = (f'offset={offset}' if limit == PAGE
                     else f'limit={limit}&offset={offset}')
                part = want[offset:offset + limit]
                st, _, body = who.request('GET', f'/forum/kategoria/{cat}?{q}')
                check(st == 200, f'{login} {q}: {st}')
                got = page_rows(body)
                check(got == as_page(part),
                      f'{login} page {q}: {got[:2]} != {as_page(part)[:2]}')
                st, _, js = who.request('GET',
                                        f'/api/forum/categories/{cat}?{q}')
                check(st == 200, f'{login} api {q}: {st}')
                api = [{k: x[k] for k in ('id', 'title', 'author', 'posts',
                                          'last_post_at', 'unread', 'pinned',
                                          'locked')}
                       for x in json.loads(js)['threads']]
                check(api == as_api(part), f'{login} api {q}')
            check(len(want) - 2 * PAGE == len(
                page_rows(who.request('GET', f'/forum/kategoria/{cat}'
                                      f'?offset={2 * PAGE}')[2])),
                  'the last page holds the rest')
            st, _, body = who.request('GET',
                                      f'/forum/kategoria/{cat}?offset={n}')
            check(st == 200 and page_rows(body) == [] and
                  'W tej kategorii nie ma jeszcze wątków.' in body,
                  f'past the end: {st}')

    def the_model_sees_what_the_page_must_show():
        # The data covers every rule the pages are compared on.
        cat, made = state['cat'], state['made']
        koord = sql(db, "SELECT id FROM account WHERE login = 'koord'")[0][0]
        want = model(db, cat, koord)
        ids = [r['id'] for r in want]
        check(made[5] not in ids, 'a thread without a visible post is out')
        first = next(r for r in want if r['id'] == made[0])
        check(first['posts'] == 1, 'a hidden reply is not counted')
        pins = [r['pinned'] for r in want]
        check(pins == sorted(pins, reverse=True) and
              sum(pins) == 1 + len(range(0, BULK, 23)),
              'pinned threads first')
        ties = {}
        for r in want:
            ties.setdefault((r['pinned'], r['last_post_at']), []).append(
                r['id'])
        check(max(len(v) for v in ties.values()) > PAGE // 4,
              'many threads share their newest time')
        check(len(want) > 2 * PAGE and len(want) % PAGE != 0,
              'three pages, the last one partial')
        check(warsaw('2026-10-25T00:59:59.000Z') == '25.10.2026 02:59' and
              warsaw('2026-10-25T01:00:00.000Z') == '25.10.2026 02:00' and
              warsaw('2026-03-29T01:00:00.000Z') == '29.03.2026 03:00' and
              warsaw('2026-12-31T23:30:00.500Z') == '01.01.2027 00:30',
              'the model of Warsaw time')

    try:
        for fn in (a_category_written_through_the_forms_and_in_bulk,
                   readers_have_read_different_threads,
                   the_model_sees_what_the_page_must_show,
                   every_page_is_the_model_for_each_reader):
            t.run(fn)
        return t.finish()
    finally:
        srv.stop()
        cleanup(d)


if __name__ == '__main__':
    sys.exit(main())
