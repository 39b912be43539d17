#!/usr/bin/env python3
"""Issue 20, errors people and screen readers can find: every form the
crawl reaches (as an administrator, a coordinator, a helpline consultant
and the public) is sent back with its fields emptied (the bad value), and
in every answer each item of the error summary that names a field the
house way ("Label: what", "Pole „Label”: what", "pole „name”: what"; the
label of a control or the legend of its fieldset) links to that field,
which has aria-invalid="true" and the item's id in aria-describedby.
Forms that delete, send or upload are not sent. The helpline's duty and
agreement forms and the administrator's password form name every wrong
field, keep what was typed and change nothing.
Usage: test_form_errors.py BINARY"""
import html as htmllib
import re
import sys

from harness import Runner, Server, check, cleanup, make_db, sql_one
from test_auth import Client, add_user
from test_local_time import crawl

STARTS = ['/', '/rejestry', '/rejestry/szkolenia/nowy', '/rejestry/adopcje/nowy',
          '/rejestry/konkursy/nowy', '/rejestry/publikacje/nowy',
          '/uslugi/zarzadzanie', '/uslugi/zarzadzanie/instytucja',
          '/nabory', '/nabory/nowy', '/monitoring/plany/1',
          '/monitoring/plany/1/realizacja', '/plany/1', '/plany/nowy',
          '/plany/1/edycja', '/plany/1/nowe-zadanie', '/szkolenia',
          '/szkolenia/nowe', '/lpdi', '/niebieska-linia',
          '/niebieska-linia/kontakty/nowy', '/niebieska-linia/dyzury',
          '/niebieska-linia/porozumienia', '/regiony', '/uzytkownicy',
          '/forum/moderacja', '/dobre-praktyki/nowa', '/materialy/nowy',
          '/login']
FORM = re.compile(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>',
                  re.S)
CONTROL = re.compile(r'<(input|select|textarea)\b([^>]*)>', re.S)
ATTR = re.compile(r'([\w-]+)="([^"]*)"')
# Forms whose sending changes what the others need, or needs a file.
SKIP = re.compile(r'/usun|/logout|/blokada|/publikacja|/archiwum|/wyslij|'
                  r'/decyzja|/przyjecie|/import|/wczytaj|/powiazania')
SUMMARY = re.compile(r'<div class="errors" role="alert">(.*?)</div>', re.S)
ITEM = re.compile(r'<li(?: id="([^"]+)")?>(.*?)</li>', re.S)
TAGS = re.compile(r'<[^>]*>')


def named(item):
    """The name an error message gives its field, or None."""
    m = re.match(r'[Pp]ole „([^”]+)”:', item)
    if m:
        return m.group(1)
    m = re.match(r'([^:<]{1,120}):', item)
    return m.group(1) if m else None


def fits(text, name):
    return text == name or (text.startswith(name) and
                            text[len(name)] in ' (,:')


def fields_named(page, name):
    """Ids of the controls a name names: by their <label for> text, by
    their id f-NAME, or every control of the fieldset of that legend."""
    ids = [i for i, text in re.findall(r'<label for="([^"]+)">(.*?)</label>',
                                       page, re.S)
           if fits(TAGS.sub('', text).strip(), name)]
    if re.search(rf'<(input|select|textarea) [^>]*id="f-{re.escape(name)}"',
                 page):
        ids.append(f'f-{name}')
    for legend, body in re.findall(r'<legend>(.*?)</legend>(.*?)</fieldset>',
                                   page, re.S):
        if fits(TAGS.sub('', legend).strip(), name):
            ids += [dict(ATTR.findall(a)).get('id') for _, a in
                    CONTROL.findall(body) if 'type="hidden"' not in a]
    return [i for i in ids if i]


def bad_values(inner):
    """The form's fields: hidden ones as they are, the others empty."""
    fields, visible = {}, 0
    for tag, attrs in CONTROL.findall(inner):
        a = dict(ATTR.findall(attrs))
        name, kind = a.get('name'), a.get('type', 'text')
        if not name or kind in ('checkbox', 'radio', 'submit', 'button'):
            continue
        if kind == 'file':
            return None, 0
        if kind == 'hidden':
            fields[name] = htmllib.unescape(a.get('value', ''))
        else:
            fields[name] = ''
            visible += 1
    return fields, visible


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role in (('admin', 'administrator'), ('koord', 'coordinator'),
                        ('konsultant', 'consultant')):
        add_user(binary, db, login, role)
    srv = Server(binary, db)
    t = Runner('form_errors')

    def every_form_ties_its_errors_to_fields():
        forms = {}
        for who in ('admin', 'koord', 'konsultant', None):
            c = Client(srv)
            if who:
                check(c.login(who)[0] == 303, f'login {who}')

            def grab(path, page):
                for action, inner in FORM.findall(page):
                    action = htmllib.unescape(action)
                    key = (who, re.sub(r'/\d+', '/N', action))
                    if not SKIP.search(action) and key not in forms:
                        forms[key] = (c, path, action)
                return []
            crawl(c, STARTS, grab)
        sent = summaries = linked = 0
        unnamed = []
        for (who, key), (c, path, action) in sorted(
                forms.items(), key=lambda x: (str(x[0][0]), x[0][1])):
            st, _, page = c.request('GET', path)
            inner = [i for a, i in FORM.findall(page)
                     if htmllib.unescape(a) == action]
            if st != 200 or not inner:
                continue
            fields, visible = bad_values(inner[0])
            if not fields or not visible:
                continue
            st, _, out = c.request('POST', action, fields)
            sent += 1
            check('aria-invalid=&quot;' not in out, (action, 'escaped'))
            for summary in SUMMARY.findall(out):
                summaries += 1
                for item_id, item in ITEM.findall(summary):
                    text = htmllib.unescape(TAGS.sub('', item))
                    name = named(text)
                    want = fields_named(out, name) if name else []
                    if not want:
                        unnamed.append((who, key, text[:60]))
                        continue
                    link = re.match(r'<a href="#([^"]+)">', item)
                    check(item_id and link and link.group(1) in want,
                          (who, key, text, item_id, want))
                    tag = re.search(r'<(?:input|select|textarea) [^>]*id="'
                                    + re.escape(link.group(1)) + '"[^>]*>',
                                    out).group(0)
                    check('aria-invalid="true"' in tag and re.search(
                        r'aria-describedby="[^"]*\b' + item_id + r'\b', tag),
                        (who, key, text, tag))
                    linked += 1
        print(f'# {sent} forms sent, {summaries} error summaries, {linked} '
              f'items tied to their fields; naming no field: {unnamed}')
        check(sent >= 30 and summaries >= 25 and linked >= 70,
              (sent, summaries, linked))
        # Forms that once said only "fill in ..." name their fields now.
        named_now = ('/niebieska-linia/dyzury', '/niebieska-linia/porozumienia',
                     '/uzytkownicy/haslo')
        check(not [u for u in unnamed if u[1] in named_now], unnamed)

    def named_by_label_quote_name_and_legend():
        """One form of each way of naming, field by field."""
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        cases = (
            # "Label: ..."
            ('/nabory/nowy', '/nabory', {'title': '', 'max_grant': ''},
             {'f-title', 'f-max_grant'}),
            # "Pole „Label”: ..."
            ('/rejestry/szkolenia/nowy', '/rejestry/szkolenia',
             {'kind': '', 'title': '', 'date_from': 'x'},
             {'f-kind', 'f-title', 'f-date_from'}),
            # "pole „name”: ..."
            ('/uslugi/zarzadzanie/instytucja', '/uslugi/zarzadzanie/'
             'instytucja', {'org_name': '', 'kind': 'ops', 'region': '04',
                            'gmina': '0463011'}, {'f-org_name'}),
        )
        for path, action, values, want in cases:
            _, _, page = c.request('GET', path)
            inner = [i for a, i in FORM.findall(page)
                     if htmllib.unescape(a) == action][0]
            fields, _ = bad_values(inner)
            for k, v in list(fields.items()):
                if k != 'csrf' and k not in values and v == '':
                    fields.pop(k)
            fields.update(values)
            st, _, out = c.request('POST', action, fields)
            check(st == 400, (action, st))
            invalid = set(re.findall(r'<(?:input|select|textarea) id="([^"]+)"'
                                     r'[^>]*aria-invalid="true"', out))
            check(want <= invalid, (action, want, invalid))
            for f in want:
                check(f'<a href="#{f}">' in out, (action, f))

    def marked(out):
        """Ids of the controls marked invalid, each linked from an item of
        the summary whose id it is described by."""
        ids = set()
        for tag in re.findall(r'<(?:input|select|textarea) [^>]*'
                              r'aria-invalid="true"[^>]*>', out):
            i = re.search(r' id="([^"]+)"', tag).group(1)
            item = re.search(r'aria-describedby="[^"]*\b(field-error-\d+)',
                             tag)
            check(item and re.search(rf'<li id="{item.group(1)}"><a href='
                                     rf'"#{i}">', out), (i, tag))
            ids.add(i)
        return ids

    def items(out):
        return [htmllib.unescape(TAGS.sub('', i)) for _, i in
                ITEM.findall(''.join(SUMMARY.findall(out)))]

    def helpline_forms_name_each_wrong_field_and_keep_the_rest():
        c = Client(srv)
        check(c.login('koord')[0] == 303, 'login')
        token = c.csrf('/niebieska-linia/dyzury')
        duties = sql_one(db, 'SELECT count(*) FROM helpline_duty')
        audits = sql_one(db, 'SELECT count(*) FROM audit')
        st, _, out = c.request('POST', '/niebieska-linia/dyzury', {
            'csrf': token, 'woj': '04', 'kind': '', 'specialist': '99',
            'city': '', 'place': '', 'day': '2026-13-01', 'start': '7',
            'finish': ''})
        check(st == 400, st)
        check(marked(out) == {'f-kind', 'f-sp', 'f-city', 'f-place',
                              'f-day', 'f-start', 'f-finish'}, marked(out))
        check(items(out)[0] == 'Rodzaj: wybierz rodzaj dyżuru z listy.',
              items(out))
        check('value="2026-13-01"' in out and 'value="7"' in out, 'kept')
        # One field wrong: only it is marked, the others keep their values.
        st, _, out = c.request('POST', '/niebieska-linia/dyzury', {
            'csrf': token, 'woj': '04', 'kind': '2', 'specialist': '1',
            'city': 'Bydgoszcz', 'place': 'ul. Długa 1', 'day': '2026-03-02',
            'start': '18:00', 'finish': '17:00'})
        check(st == 400 and marked(out) == {'f-finish'}, (st, marked(out)))
        check(items(out) == ['Do godziny: dyżur musi kończyć się później, '
                             'niż się zaczyna (pole „Od godziny”).'],
              items(out))
        check('<option value="2" selected>' in out and
              'value="Bydgoszcz"' in out and 'value="18:00"' in out, 'kept')
        check(sql_one(db, 'SELECT count(*) FROM helpline_duty') == duties and
              sql_one(db, 'SELECT count(*) FROM audit') == audits,
              'a refused duty changed something')
        # The agreement of a gmina: a gmina of another region, bad dates.
        st, _, out = c.request('POST', '/niebieska-linia/porozumienia', {
            'csrf': token, 'woj': '04', 'gmina': '1261011',
            'since': '2021-02-30', 'until': 'wczoraj'})
        check(st == 400 and marked(out) == {'f-ag', 'f-since', 'f-until'},
              (st, marked(out)))
        check([i.split(':')[0] for i in items(out)] == ['Gmina', 'Od', 'Do'],
              items(out))
        st, _, out = c.request('POST', '/niebieska-linia/porozumienia', {
            'csrf': token, 'woj': '04', 'gmina': '0463011',
            'since': '2021-05-01', 'until': '2021-04-30'})
        check(st == 400 and marked(out) == {'f-until'}, (st, marked(out)))
        check('<option value="0463011" selected>' in out and
              'value="2021-05-01"' in out, 'kept')
        check(sql_one(db, 'SELECT count(*) FROM audit') == audits,
              'a refused agreement changed something')

    def password_form_names_each_wrong_field():
        c = Client(srv)
        check(c.login('admin')[0] == 303, 'login')
        token = c.csrf('/uzytkownicy')
        st, _, out = c.request('POST', '/uzytkownicy/haslo', {
            'csrf': token, 'pw_login': 'nikt-taki', 'pw_password': 'krotkie'})
        check(st == 400 and marked(out) == {'f-pw_login', 'f-pw_password'},
              (st, marked(out)))
        check(items(out) == ['Login: nie ma konta o takim loginie.',
                             'Nowe hasło: Hasło musi mieć co najmniej 12 '
                             'znaków.'], items(out))
        check(re.search(r'<input [^>]*name="pw_login" [^>]*'
                        r'value="nikt-taki"', out), 'login not kept')
        check('value="krotkie"' not in out, 'password shown again')
        # The add form's Login of the same page stays unmarked.
        check('f-login' not in marked(out), 'add form marked')
        st, _, out = c.request('POST', '/uzytkownicy/haslo', {
            'csrf': token, 'pw_login': 'koord', 'pw_password': 'koord'})
        check(st == 400 and marked(out) == {'f-pw_password'},
              (st, marked(out)))
        check(sql_one(db, "SELECT count(*) FROM audit WHERE action ="
                      " 'account.password'") == 0, 'a password was set')

    for fn in (every_form_ties_its_errors_to_fields,
               named_by_label_quote_name_and_legend,
               helpline_forms_name_each_wrong_field_and_keep_the_rest,
               password_form_names_each_wrong_field):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
