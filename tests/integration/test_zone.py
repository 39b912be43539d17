#!/usr/bin/env python3
"""Integration tests of the professionals' zone (issue 19) against the real
server, on SQLite or PostgreSQL: registration -> confirmation -> a thread
with a reply and an attachment -> a report -> hidden by a moderator
(audited) -> gone for everyone but moderators; a lying extension refused;
the markup inert against an XSS corpus; region isolation; search with
Polish folding; unread threads; the Atom feed; a good practice proposed,
accepted and found from its gmina's directory page; a material downloaded
three times counts toward its plan indicator; a meeting of specialists and
a consultation for professionals count toward theirs (tasks 2.4, 1.10).
Usage: test_zone.py BINARY"""
import json
import os
import re
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import PASSWORD, Client, add_user, audit_rows, multipart

PDF = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
PNG = b'\x89PNG\r\n\x1a\n' + b'\x00' * 32
XSS = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '[klik](javascript:alert(1))',
    '[x](https://a.pl/"onmouseover="alert(1))',
    'https://a.pl/<svg/onload=alert(1)>',
    '> <iframe src=javascript:alert(1)>',
    '- **<b onclick=alert(1)>x</b>**',
    '&lt;script&gt;alert(1)&lt;/script&gt;',
]


def post_multipart(c, path, fields, files, csrf_page):
    fields = dict(fields, csrf=c.csrf(csrf_page))
    body, ctype = multipart(fields, files)
    return c.request('POST', path, raw=body, content_type=ctype)


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    add_user(binary, db, 'koord', 'coordinator')
    add_user(binary, db, 'koord12', 'coordinator', region='12')
    add_user(binary, db, 'realizator', 'implementer')
    add_user(binary, db, 'kons', 'consultant')
    srv = Server(binary, db)
    t = Runner('zone')
    state = {}

    def registration_waits_for_a_moderator():
        # The demo's professional is registered and confirmed already.
        registered = audit_rows(db, 'zone.register')
        confirmed = audit_rows(db, 'zone.professional.confirm')
        c = Client(srv)
        form = {'name': 'Anna Nowak', 'email': 'anna@ops.example.pl',
                'institution': 'MOPS Bydgoszcz', 'gmina': 'Bydgoszcz',
                'grp': 'ops', 'login': 'anowak', 'password': PASSWORD}
        st, _, body = c.request('POST', '/forum/rejestracja',
                                dict(form, csrf=c.csrf('/forum/rejestracja'),
                                     email='zly-adres'))
        check(st == 400 and 'Adres e-mail' in body, f'bad e-mail: {st}')
        check(sql_one(db, "SELECT count(*) FROM account WHERE login = "
                      "'anowak'") == 0, 'nothing written on bad input')
        st, h, _ = c.request('POST', '/forum/rejestracja',
                             dict(form, csrf=c.csrf('/forum/rejestracja')))
        check(st == 303, f'register: {st}')
        st, _, _ = Client(srv).login('anowak')
        check(st != 303, 'a pending account cannot log in')
        check(audit_rows(db, 'zone.register') == registered + 1,
              'registration audited')
        m = Client(srv)
        m.login('koord')
        st, _, page = m.request('GET', '/forum/moderacja')
        check(st == 200 and 'Anna Nowak' in page, 'pending shown')
        acc = sql_one(db, "SELECT id FROM account WHERE login = 'anowak'")
        other = Client(srv)
        other.login('koord12')
        st, _, _ = other.request('POST', f'/forum/moderacja/konto/{acc}', {
            'csrf': other.csrf('/forum'), 'decyzja': 'tak'})
        check(st == 404, f'another region cannot confirm: {st}')
        st, _, _ = m.request('POST', f'/forum/moderacja/konto/{acc}', {
            'csrf': m.csrf('/forum/moderacja'), 'decyzja': 'tak'})
        check(st == 303, f'confirm: {st}')
        check(audit_rows(db, 'zone.professional.confirm') == confirmed + 1,
              'audited')
        p = Client(srv)
        st, _, _ = p.login('anowak')
        check(st == 303, f'confirmed account logs in: {st}')
        st, _, page = p.request('GET', '/forum/konto')
        check('MOPS Bydgoszcz' in page and 'zatwierdzone' in page,
              'own data shown')
        st, _, _ = p.request('GET', '/uzytkownicy')
        check(st == 403, 'a professional is no administrator')
        state['pro'], state['mod'] = p, m

    def thread_reply_attachment_report_hide():
        p, m = state['pro'], state['mod']
        st, h, _ = m.request('POST', '/forum/moderacja/kategoria', {
            'csrf': m.csrf('/forum/moderacja'), 'name': 'Niebieska Karta',
            'description': 'Procedura i jej praktyka'})
        check(st == 303, f'category: {st}')
        cat = int(h['location'].rsplit('/', 1)[1])
        state['cat'] = cat
        st, h, _ = post_multipart(
            p, f'/forum/kategoria/{cat}',
            {'title': 'Współpraca z policją', 'body': 'Jak *wy* to robicie?'},
            {'file': ('procedura.pdf', PDF)}, f'/forum/kategoria/{cat}')
        check(st == 303, f'thread: {st}')
        thread = int(h['location'].rsplit('/', 1)[1])
        state['thread'] = thread
        # A PNG named .pdf is refused, and nothing is written.
        posts = sql_one(db, 'SELECT count(*) FROM forum_post')
        st, _, body = post_multipart(
            p, f'/forum/watek/{thread}', {'body': 'obraz'},
            {'file': ('skan.pdf', PNG)}, f'/forum/watek/{thread}')
        check(st == 400 and 'rozszerzenie' in body, f'lying extension: {st}')
        st, _, body = post_multipart(
            p, f'/forum/watek/{thread}', {'body': 'strona'},
            {'file': ('strona.png', b'<html><script>alert(1)</script>')},
            f'/forum/watek/{thread}')
        check(st == 400 and 'PDF, PNG i JPEG' in body, f'html as png: {st}')
        check(sql_one(db, 'SELECT count(*) FROM forum_post') == posts,
              'refused posts not written')
        st, h, _ = post_multipart(
            p, f'/forum/watek/{thread}', {'body': 'Odpowiedź ze skanem'},
            {'file': ('skan.png', PNG)}, f'/forum/watek/{thread}')
        check(st == 303, f'reply: {st}')
        reply = int(h['location'].rsplit('-', 1)[1])
        fid = sql_one(db, 'SELECT id FROM forum_attachment WHERE post_id = ?',
                      (reply,))
        st, h, data = p.request('GET', f'/forum/zalacznik/{fid}')
        check(st == 200 and h['content-type'] == 'image/png', 'download')
        # A reader reports the reply; the moderator hides it.
        reader = Client(srv)
        reader.login('realizator')
        st, _, _ = reader.request('POST', f'/forum/wpis/{reply}/zgloszenie', {
            'csrf': reader.csrf('/forum'), 'reason': 'dane osobowe'})
        check(st == 303, f'report: {st}')
        check(audit_rows(db, 'forum.report') == 1, 'report audited')
        st, _, page = m.request('GET', '/forum/moderacja')
        check('dane osobowe' in page, 'report on the moderation page')
        st, _, _ = reader.request('POST', f'/forum/wpis/{reply}/ukrycie', {
            'csrf': reader.csrf('/forum'), 'reason': 'x'})
        check(st == 403, f'a reader cannot hide: {st}')
        st, _, _ = m.request('POST', f'/forum/wpis/{reply}/ukrycie', {
            'csrf': m.csrf('/forum'), 'reason': 'dane osobowe dziecka'})
        check(st == 303, f'hide: {st}')
        check(audit_rows(db, 'forum.post.hide') == 1, 'hide audited')
        for who in (p, reader):
            _, _, page = who.request('GET', f'/forum/watek/{thread}')
            check('Odpowiedź ze skanem' not in page, 'hidden for users')
            st, _, _ = who.request('GET', f'/forum/zalacznik/{fid}')
            check(st == 404, f'hidden attachment: {st}')
            _, _, js = who.request('GET', f'/api/forum/threads/{thread}')
            check('Odpowiedź ze skanem' not in js, 'hidden in the API')
        _, _, page = m.request('GET', f'/forum/watek/{thread}')
        check('Odpowiedź ze skanem' in page and 'dane osobowe dziecka' in page,
              'moderators still see it, with the reason')
        _, _, page = m.request('GET', '/forum/moderacja')
        check('dane osobowe</' not in page.split('Zgłoszone wpisy')[1]
              .split('</ul>')[0] if '<ul class="reports">' in page else True,
              'report closed')

    def moderation_lock_pin_move_audited():
        m, p = state['mod'], state['pro']
        thread = state['thread']
        for act in ('zamknij', 'przypnij'):
            st, _, _ = m.request('POST', f'/forum/watek/{thread}/moderacja', {
                'csrf': m.csrf('/forum'), 'czynnosc': act})
            check(st == 303, f'{act}: {st}')
        check(audit_rows(db, 'forum.thread.lock') == 1, 'lock audited')
        check(audit_rows(db, 'forum.thread.pin') == 1, 'pin audited')
        st, _, body = post_multipart(p, f'/forum/watek/{thread}',
                                     {'body': 'po zamknięciu'}, {},
                                     f'/forum/kategoria/{state["cat"]}')
        check(st == 409 and 'zamknięty' in body, f'locked: {st}')
        st, h, _ = m.request('POST', '/forum/moderacja/kategoria', {
            'csrf': m.csrf('/forum/moderacja'), 'name': 'Szkolenia'})
        cat2 = int(h['location'].rsplit('/', 1)[1])
        st, _, _ = m.request('POST', f'/forum/watek/{thread}/moderacja', {
            'csrf': m.csrf('/forum'), 'czynnosc': 'przenies',
            'kategoria': str(cat2)})
        check(st == 303, f'move: {st}')
        check(sql_one(db, 'SELECT category_id FROM forum_thread WHERE id = ?',
                      (thread,)) == cat2, 'moved')
        check(audit_rows(db, 'forum.thread.move') == 1, 'move audited')
        m.request('POST', f'/forum/watek/{thread}/moderacja', {
            'csrf': m.csrf('/forum'), 'czynnosc': 'otworz'})
        state['cat'] = cat2

    def markup_is_inert_against_xss():
        p = state['pro']
        st, h, _ = post_multipart(p, f'/forum/kategoria/{state["cat"]}',
                                  {'title': '<script>alert(1)</script>',
                                   'body': '\n\n'.join(XSS)}, {},
                                  f'/forum/kategoria/{state["cat"]}')
        check(st == 303, f'xss thread: {st}')
        state['xss'] = h['location']
        _, _, page = p.request('GET', h['location'])
        body = page.split('<main', 1)[1]
        check('<script' not in body, 'no script element')
        check(not re.search(r'<[a-z]+[^>]*\son[a-z]+=', body),
              'no event handler attribute')
        check('href="javascript' not in body.lower(), 'no javascript: link')
        check('<img' not in body and '<iframe' not in body
              and '<svg' not in body, 'no raw elements')
        check('&lt;script&gt;' in body, 'the text is shown escaped')

    def search_folds_polish_and_region_isolation():
        p = state['pro']
        _, _, page = p.request('GET', '/forum/szukaj?q=POLICJA')
        check('Współpraca z policją' in page, 'folded search finds it')
        _, _, page = p.request('GET', '/forum/szukaj?q=wspolpraca')
        check('Współpraca z policją' in page, 'without diacritics')
        _, _, page = p.request('GET', '/forum/szukaj?q=wsp%C3%B3%C5%82+pol')
        check('Współpraca z policją' in page, 'every word, as a prefix')
        _, _, page = p.request('GET', '/forum/szukaj?q=policja+kuratorzy')
        check('Znalezione wątki: 0' in page, 'a word no post holds')
        _, _, page = p.request('GET', '/forum/szukaj?q=%22%29+OR+%2A')
        check('Znalezione wątki: 0' in page, 'signs are not syntax')
        _, _, page = p.request('GET', '/forum/szukaj?q=skanem')
        check('Znalezione wątki: 0' in page, 'hidden posts are not searched')
        other = Client(srv)
        other.login('koord12')
        st, _, _ = other.request('GET', f'/forum/watek/{state["thread"]}')
        check(st == 404, f'another region: {st}')
        _, _, js = other.request('GET', '/api/forum')
        check(json.loads(js) == [], 'no categories of another region')

    def search_answers_follow_every_change():
        # The server keeps search answers while the forum's version stays
        # (migration 0097): every kind of write, by the program or straight
        # into the database, shows in the next search.
        m, p = state['mod'], state['pro']
        cat = state['cat']

        def found(words):
            _, _, page = p.request('GET', f'/forum/szukaj?q={words}')
            n = int(re.search(r'Znalezione wątki: (\d+)', page).group(1))
            return n, page

        check(found('arteterapia')[0] == 0, 'nothing yet')
        st, h, _ = post_multipart(
            p, f'/forum/kategoria/{cat}',
            {'title': 'Arteterapia w pieczy', 'body': 'Kto prowadzi arteterapię?'},
            {}, f'/forum/kategoria/{cat}')
        check(st == 303, f'thread: {st}')
        thread = int(h['location'].rsplit('/', 1)[1])
        n, page = found('arteterapia')
        check(n == 1 and 'Arteterapia w pieczy' in page, 'a new thread')
        check(found('arteterapia') == (n, page), 'the same answer again')
        row = re.compile(rf'/forum/watek/{thread}">[^\n]*?</td><td>[^<]*'
                         r'</td><td>(\d+)</td>')
        check(row.search(page).group(1) == '1', 'one post')
        st, h, _ = post_multipart(p, f'/forum/watek/{thread}',
                                  {'body': 'My: bajkoterapia w świetlicy'},
                                  {}, f'/forum/watek/{thread}')
        check(st == 303, f'reply: {st}')
        reply = int(h['location'].rsplit('-', 1)[1])
        n, page = found('arteterapia')
        check(row.search(page).group(1) == '2', 'the reply counted')
        check(found('bajkoterapia')[0] == 1, 'the reply searched')
        check('Arteterapia w pieczy</a> (' not in page, 'not pinned')
        st, _, _ = m.request('POST', f'/forum/watek/{thread}/moderacja', {
            'csrf': m.csrf('/forum'), 'czynnosc': 'przypnij'})
        check(st == 303, f'pin: {st}')
        check('Arteterapia w pieczy</a> (przypięty)' in
              found('arteterapia')[1], 'pinned')
        sql(db, "UPDATE forum_thread SET title = 'Arteterapia i muzyka'"
            ' WHERE id = ?', (thread,))
        check('Arteterapia i muzyka' in found('arteterapia')[1],
              'a write straight into the database')
        st, _, _ = m.request('POST', f'/forum/wpis/{reply}/ukrycie', {
            'csrf': m.csrf('/forum'), 'reason': 'poza tematem'})
        check(st == 303, f'hide: {st}')
        check(found('bajkoterapia')[0] == 0, 'a hidden reply')
        check(found('arteterapia')[0] == 1, 'its thread stays')

    def unread_threads_and_atom_feed():
        reader = Client(srv)
        reader.login('realizator')

        def unread_in_category():
            _, _, js = reader.request('GET', '/api/forum')
            return {c['id']: c['unread'] for c in json.loads(js)}[
                state['cat']]

        _, _, page = reader.request('GET', '/forum/nieprzeczytane')
        check('&lt;script&gt;alert(1)&lt;/script&gt;' in page, 'unread')
        before = unread_in_category()
        check(before >= 1, before)
        reader.request('GET', state['xss'])
        check(unread_in_category() == before - 1, 'the category counts it')
        _, _, page = reader.request('GET', '/forum/nieprzeczytane')
        check('&lt;script&gt;alert(1)&lt;/script&gt;' not in page,
              'read after viewing')
        st, h, feed = reader.request('GET',
                                     f'/forum/kategoria/{state["cat"]}/atom')
        check(st == 200 and 'atom+xml' in h['content-type']
              and '<feed' in feed and 'Współpraca z policją' in feed,
              f'atom: {st}')
        st, _, _ = Client(srv).request(
            'GET', f'/forum/kategoria/{state["cat"]}/atom')
        check(st in (303, 401), f'feed needs a login: {st}')

    def practice_proposed_accepted_found_from_directory():
        p, m = state['pro'], state['mod']
        form = {'title': 'Dyżury zespołu interdyscyplinarnego w szkołach',
                'gmina': '0461011', 'obszar': 'violence',
                'topic': 'Niebieska Karta', 'institutions': 'MOPS, szkoły',
                'problem': 'Późne zgłoszenia', 'actions': 'Dyżury co tydzień',
                'results': '30 porad', 'contact': 'mops@example.pl'}
        st, _, body = p.request('POST', '/dobre-praktyki/nowa',
                                dict(form, csrf=p.csrf('/forum'), obszar=''))
        check(st == 400 and 'Obszar' in body, f'area checked: {st}')
        st, _, body = post_multipart(p, '/dobre-praktyki/nowa', form,
                                     {'file': ('opis.pdf', PNG)},
                                     '/dobre-praktyki/nowa')
        check(st == 400 and 'rozszerzenie' in body, f'lying file: {st}')
        st, h, _ = post_multipart(p, '/dobre-praktyki/nowa', form,
                                  {'file': ('opis-praktyki.pdf', PDF)},
                                  '/dobre-praktyki/nowa')
        check(st == 303, f'propose: {st}')
        pid = int(h['location'].rsplit('/', 1)[1])
        fid = sql_one(db, 'SELECT id FROM practice_file WHERE practice_id = ?',
                      (pid,))
        st, _, _ = Client(srv).request('GET', f'/dobre-praktyki/{pid}')
        check(st == 404, 'not public before acceptance')
        st, _, _ = Client(srv).request('GET',
                                       f'/dobre-praktyki/zalacznik/{fid}')
        check(st == 404, 'nor its attachment')
        _, _, page = Client(srv).request('GET', '/uslugi?gmina=0461011')
        check(form['title'] not in page, 'not on the directory yet')
        accepted = audit_rows(db, 'practice.accept')
        st, _, _ = m.request('POST', f'/dobre-praktyki/{pid}/decyzja', {
            'csrf': m.csrf('/forum'), 'decyzja': 'tak'})
        check(st == 303, f'accept: {st}')
        check(audit_rows(db, 'practice.accept') == accepted + 1,
              'accept audited')
        pub = Client(srv)
        st, h, data = pub.request('GET', f'/dobre-praktyki/zalacznik/{fid}')
        check(st == 200 and h['content-type'] == 'application/pdf'
              and data.startswith('%PDF'), f'attachment: {st}')
        _, _, js = pub.request('GET', f'/api/practices/{pid}')
        check(json.loads(js)['files'][0]['filename'] == 'opis-praktyki.pdf',
              js)
        _, _, page = pub.request('GET', '/uslugi?gmina=0461011')
        check(form['title'] in page and f'/dobre-praktyki/{pid}' in page,
              "found from its gmina's directory page")
        _, _, page = pub.request('GET', '/dobre-praktyki?q=dyzury&obszar='
                                 'violence&gmina=0461011')
        check(form['title'] in page, 'search and filters')
        _, _, page = pub.request('GET', '/dobre-praktyki?obszar=adoption')
        check(form['title'] not in page, 'another area')
        _, _, js = pub.request('GET', '/api/practices?temat=Niebieska%20Karta')
        got = json.loads(js)
        check(pid in [x['id'] for x in got] and
              all(x['topic'] == 'Niebieska Karta' for x in got),
              'topic in the API')
        _, _, js = pub.request('GET', '/api/practices?temat=Adopcja')
        check(pid not in [x['id'] for x in json.loads(js)], 'another topic')

    def material_downloaded_three_times_counts():
        m, p = state['mod'], state['pro']
        materials = sql_one(db, 'SELECT count(*) FROM material')
        added = audit_rows(db, 'material.add')
        # A lying extension is refused for materials too.
        fields = {'title': 'Poradnik: procedura Niebieskiej Karty',
                  'kind': 'guide', 'audience': 'all', 'task': '1.8',
                  'public': '1', 'description': 'Dla zespołów'}
        st, _, body = post_multipart(m, '/materialy/nowy', fields,
                                     {'file': ('poradnik.png', PDF)},
                                     '/materialy/nowy')
        check(st == 400 and 'rozszerzenie' in body, f'lying name: {st}')
        check(sql_one(db, 'SELECT count(*) FROM material') == materials,
              'nothing written')
        st, h, _ = post_multipart(m, '/materialy/nowy', fields,
                                  {'file': ('poradnik.pdf', PDF)},
                                  '/materialy/nowy')
        check(st == 303, f'material: {st}')
        mid = int(h['location'].rsplit('/', 1)[1])
        check(audit_rows(db, 'material.add') == added + 1, 'audited')
        st, _, _ = post_multipart(m, f'/materialy/{mid}',
                                  {'note': 'poprawiony rozdział 2'},
                                  {'file': ('poradnik-v2.pdf', PDF + b'%v2')},
                                  f'/materialy/{mid}')
        check(st == 303, f'version 2: {st}')
        # A professionals-only material: the public is sent to the login.
        closed = dict(fields, title='Wzór notatki służbowej', kind='form',
                      task='')
        del closed['public']
        st, h, _ = post_multipart(m, '/materialy/nowy', closed,
                                  {'file': ('wzor.pdf', PDF)},
                                  '/materialy/nowy')
        cid = int(h['location'].rsplit('/', 1)[1])
        pub = Client(srv)
        _, _, page = pub.request('GET', '/materialy')
        check('Poradnik: procedura' in page and 'Wzór notatki' not in page,
              'public list')
        st, h, _ = pub.request('GET', f'/materialy/{cid}/pobierz')
        check(st == 303 and h['location'].startswith('/login'),
              f'closed material for the public: {st}')
        st, _, _ = pub.request('GET', f'/api/materials/{cid}')
        check(st == 401, f'closed material in the API: {st}')
        _, _, page = p.request('GET', '/materialy')
        check('Wzór notatki' in page, 'logged in sees it')
        # Three downloads: two of the newest version, one of version 1.
        for path in (f'/materialy/{mid}/pobierz',
                     f'/materialy/{mid}/pobierz?wersja=1'):
            st, h, data = pub.request('GET', path)
            check(st == 200 and h['content-type'] == 'application/pdf',
                  f'{path}: {st}')
        st, _, data = p.request('GET', f'/materialy/{mid}/pobierz')
        check(st == 200 and '%v2' in data, 'the newest version')
        _, _, js = pub.request('GET', f'/api/materials/{mid}')
        check(json.loads(js)['downloads'] == 3
              and json.loads(js)['version'] == 2, js)
        # Plan 1 is 2021's: the downloads are dated into it, as a year's
        # downloads are counted in its year.
        sql(db, "UPDATE material_download SET year = 2021,"
            " at = '2021-06-01T10:00:00Z' WHERE material_id = ?", (mid,))
        sql(db, "UPDATE material_version SET created_at ="
            " '2021-05-01T10:00:00Z' WHERE material_id = ?", (mid,))
        st, _, _ = m.request('POST', '/monitoring/plany/1/powiazania', {
            'csrf': m.csrf('/monitoring'), 'pos': '11',
            'metric': 'materials', 'filter': 'downloads', 'task': '1.8'})
        check(st == 303, f'bind: {st}')
        _, _, body = m.request('GET', '/api/monitoring/plans/1/report')
        i11 = json.loads(body)['indicators'][11]
        check(i11['computed'] and i11['realisation'] == 3, i11)
        m.request('POST', '/monitoring/plany/1/powiazania', {
            'csrf': m.csrf('/monitoring'), 'pos': '11',
            'metric': 'materials', 'filter': 'items', 'task': '1.8'})
        _, _, body = m.request('GET', '/api/monitoring/plans/1/report')
        i11 = json.loads(body)['indicators'][11]
        check(i11['realisation'] == 1, f'one guide made available: {i11}')

    def meetings_and_consultations_count_into_their_indicators():
        m = state['mod']

        def realisation(pos, metric, filt, task):
            st, _, _ = m.request('POST', '/monitoring/plany/1/powiazania', {
                'csrf': m.csrf('/monitoring'), 'pos': str(pos),
                'metric': metric, 'filter': filt, 'task': task})
            check(st == 303, f'bind {pos}: {st}')
            _, _, body = m.request('GET', '/api/monitoring/plans/1/report')
            ind = json.loads(body)['indicators'][pos]
            check(ind['computed'], ind)
            return ind['realisation']

        # Task 2.4: meetings of specialists, from the register of events.
        before = realisation(21, 'events', 'meeting', '2.4')
        st, _, _ = m.request('POST', '/rejestry/szkolenia', {
            'csrf': m.csrf('/rejestry/szkolenia/nowy'), 'kind': 'meeting',
            'title': 'Forum wymiany doświadczeń zespołów interdyscyplinarnych',
            'date_from': '2021-09-15', 'date_to': '', 'gmina': '0463011',
            'task': '2.4', 'p_team': '12', 'p_police': '3'})
        check(st == 303, f'meeting: {st}')
        check(realisation(21, 'events', 'meeting', '2.4') == before + 1,
              'the meeting counts')
        # Task 1.10: consultations for professionals (helpline channel 7).
        ch7 = sql_one(db, "SELECT coalesce(sum(ch7), 0) FROM helpline_month"
                      " WHERE region = '04' AND month LIKE '2021-%'")
        got = realisation(13, 'helpline_contacts', 'professionals', '')
        check(got == ch7, (got, ch7))
        c = Client(srv)
        c.login('kons')
        st, _, _ = c.request('POST', '/niebieska-linia/kontakty', {
            'csrf': c.csrf('/niebieska-linia/kontakty/nowy'),
            'at': '2021-11-05T18:15', 'channel': '7', 'caller': '2',
            'gmina': '0463011', 'gmina_nazwa': 'Toruń', 'forma1': '1',
            'dotkniety1': '1', 'pomoc3': '1', 'minuty': '30'})
        check(st == 303, f'consultation: {st}')
        check(realisation(13, 'helpline_contacts', 'professionals', '')
              == ch7 + 1, 'the consultation counts')
        all_contacts = realisation(13, 'helpline_contacts', '', '')
        check(all_contacts > ch7 + 1, 'without the filter: every contact')

    def reply_email_is_queued_and_sent_only_through_sendmail():
        p = state['pro']
        thread = state['thread']
        st, _, _ = p.request('POST', '/forum/konto', {
            'csrf': p.csrf('/forum/konto'), 'notify': '1'})
        check(st == 303, f'opt in: {st}')
        check(audit_rows(db, 'zone.notify') == 1, 'audited')
        # Her own reply queues nothing for her; another's reply does.
        post_multipart(p, f'/forum/watek/{thread}', {'body': 'moja'}, {},
                       f'/forum/watek/{thread}')
        check(sql_one(db, "SELECT count(*) FROM mail_outbox"
                      " WHERE kind = 'forum.reply'") == 0,
              'no e-mail about one\'s own reply')
        r = Client(srv)
        r.login('realizator')
        st, h, _ = post_multipart(r, f'/forum/watek/{thread}',
                                  {'body': 'U nas dyżury są we wtorki.'}, {},
                                  f'/forum/watek/{thread}')
        check(st == 303, f'reply: {st}')
        reply = int(h['location'].rsplit('-', 1)[1])
        check(sql_one(db, "SELECT count(*) FROM mail_outbox"
                      " WHERE kind = 'forum.reply'") == 1, 'queued')
        # The one outbox also holds the demo's trainings and organisations'
        # e-mail (test_mail.py sends those): only this reply's is left.
        sql(db, "DELETE FROM mail_outbox WHERE kind <> 'forum.reply'")
        # Off by default: without --sendmail nothing is sent.
        out = subprocess.run([binary, 'mail', 'send', '--db', db],
                             capture_output=True, text=True)
        check(out.returncode == 0 and '1 message(s) waiting' in out.stdout,
              out.stdout + out.stderr)
        # A stand-in for sendmail captures what would be sent.
        box = os.path.join(d, 'outbox.txt')
        fake = os.path.join(d, 'sendmail')
        with open(fake, 'w') as f:
            f.write(f'#!/bin/sh\n[ "$1 $2" = "-t -i" ] || exit 3\n'
                    f'cat >> {box}\n')
        os.chmod(fake, 0o755)
        out = subprocess.run([binary, 'mail', 'send', '--db', db,
                              '--sendmail', fake],
                             capture_output=True, text=True)
        check(out.returncode == 0 and '1 message(s) sent' in out.stdout,
              out.stdout + out.stderr)
        mail = open(box, encoding='utf-8').read()
        check(mail.startswith('To: anna@ops.example.pl\nSubject: =?UTF-8?Q?'),
              mail[:200])
        check('U nas dyżury są we wtorki.' in mail and
              f'http://127.0.0.1:{srv.port}/forum/watek/{thread}#wpis-{reply}'
              in mail, mail)
        check(audit_rows(db, 'mail.send') == 1, 'the run is audited')
        out = subprocess.run([binary, 'mail', 'send', '--db', db,
                              '--sendmail', fake], capture_output=True,
                             text=True)
        check('0 message(s) sent' in out.stdout, 'sent once')

    def a_professional_erases_own_data():
        p = state['pro']
        st, _, body = p.request('POST', '/forum/konto/usun', {
            'csrf': p.csrf('/forum/konto')})
        check(st == 400 and 'potwierdzenia' in body, f'unconfirmed: {st}')
        mine = ("SELECT count(*) FROM professional WHERE account_id = "
                "(SELECT id FROM account WHERE login = 'anowak')")
        check(sql_one(db, mine) == 1, 'kept')
        st, h, _ = p.request('POST', '/forum/konto/usun', {
            'csrf': p.csrf('/forum/konto'), 'confirm': '1'})
        check(st == 303, f'erase: {st}')
        check(sql_one(db, mine) == 0, 'erased')
        check(sql_one(db, "SELECT count(*) FROM audit WHERE after LIKE"
                      " '%anna@%' OR after LIKE '%Anna Nowak%'") == 0,
              'the audit keeps no erased data')
        check(audit_rows(db, 'zone.erase') == 1, 'audited')
        check(Client(srv).login('anowak')[0] != 303, 'the account is blocked')
        _, _, page = state['mod'].request('GET',
                                          f'/forum/watek/{state["thread"]}')
        check('Anna Nowak' not in page and 'anowak' in page,
              'posts stay, signed with the login')

    def demo_has_a_confirmed_professional_who_replied():
        # The demo shows the zone as its users see it: a professional of
        # Toruń, confirmed by the coordinator, with a reply in the thread.
        row = sql(db, "SELECT a.role, a.disabled, p.gmina, p.grp FROM account a"
                      " JOIN professional p ON p.account_id = a.id"
                      " WHERE a.login = 'demo-profesjonalista'")
        check(row == [('professional', 0, '0463011', 'ops')], row)
        check(sql_one(db, "SELECT count(*) FROM forum_post fp JOIN account a"
                      " ON a.id = fp.author_id"
                      " WHERE a.login = 'demo-profesjonalista'") == 1,
              'the reply')

    for fn in (demo_has_a_confirmed_professional_who_replied,
               registration_waits_for_a_moderator,
               thread_reply_attachment_report_hide,
               moderation_lock_pin_move_audited,
               markup_is_inert_against_xss,
               search_folds_polish_and_region_isolation,
               search_answers_follow_every_change,
               unread_threads_and_atom_feed,
               practice_proposed_accepted_found_from_directory,
               material_downloaded_three_times_counts,
               meetings_and_consultations_count_into_their_indicators,
               reply_email_is_queued_and_sent_only_through_sendmail,
               a_professional_erases_own_data):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
