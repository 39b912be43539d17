#!/usr/bin/env python3
"""Integration tests of Niebieska Linia (issue 6) against the real server:
the note of a contact never reaches the access log nor an export for a role
that may not see it (and an export with notes is audited); a consultant
cannot read another region's contacts; the public agreements API holds the
seed's counts; statistics and their CSV agree with the stored contacts; a
contact is referred to institutions of the services directory that serve its
gmina (others refused with a Polish message naming the field), the link is
stored, shown by name, exported and counted; purge deletes exactly the
contacts before the date, with their referrals, and nothing else.
Usage: test_helpline.py BINARY"""
import csv
import io
import json
import re
import subprocess
import sys

from harness import Runner, Server, check, cleanup, make_db, sql, sql_one
from test_auth import Client, add_user

NOTE = 'NOTATKA-POUFNA-7f3a Kowalska bije męża'


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    for login, role, region in (('kons', 'consultant', '04'),
                                ('kons12', 'consultant', '12'),
                                ('anal', 'analyst', '04'),
                                ('adm', 'administrator', None)):
        rc, err = add_user(binary, db, login, role, region=region or '04')
        if rc != 0:
            print(f'FAIL setup: {login}: {err}')
            return 1
    srv = Server(binary, db)
    t = Runner('helpline')
    state = {}

    def consultant_logs_a_contact_with_a_note():
        c = Client(srv)
        check(c.login('kons')[0] == 303, 'login')
        token = c.csrf('/niebieska-linia/kontakty/nowy')
        st, h, _ = c.request('POST', '/niebieska-linia/kontakty', {
            'csrf': token, 'at': '2024-05-06T18:15', 'channel': '1',
            'caller': '2', 'gmina': '0463011', 'gmina_nazwa': 'Toruń',
            'forma1': '1', 'forma2': '1', 'dotkniety1': '1', 'pomoc3': '1',
            'skierowanie5': '1', 'minuty': '25', 'notatka': NOTE})
        check(st == 303, f'status {st}')
        m = re.search(r'zapisano=(\d+)', h['location'])
        check(m, h['location'])
        state['id'] = int(m.group(1))
        row = sql(db, 'SELECT region, at, channel, caller, gmina, forms,'
                  ' harmed, help, referrals, minutes, note FROM '
                  'helpline_contact WHERE id = ?', (state['id'],))[0]
        audit = sql(db, "SELECT after FROM audit WHERE action = "
                    "'helpline.add' AND entity_id = ?", (str(state['id']),))
        check(row == ('04', '2024-05-06T18:15', 1, 2, '0463011', 3, 1, 4,
                      16, 25, NOTE), row)
        check(len(audit) == 1 and NOTE not in audit[0][0] and
              '"note":true' in audit[0][0], audit)
        # A bad gmina name is an error that keeps the form, writes nothing.
        st, _, body = c.request('POST', '/niebieska-linia/kontakty', {
            'csrf': token, 'at': '2024-05-06T18:20', 'channel': '1',
            'caller': '1', 'gmina': '', 'gmina_nazwa': 'Nieistniejąca'})
        check(st == 400 and 'Nie znaleziono takiej gminy' in body, st)

    def note_is_never_in_the_log_or_an_analyst_export():
        a = Client(srv)
        a.login('anal')
        st, _, body = a.request('GET', '/niebieska-linia/kontakty.csv'
                                '?od=2024-05-01&do=2024-05-31')
        check(st == 200 and '2024-05-06T18:15' in body, st)
        check(NOTE not in body and 'notatka' not in body, 'note exported')
        st, _, body = a.request('GET', '/niebieska-linia/kontakty.csv'
                                '?od=2024-05-01&do=2024-05-31&notatki=1')
        check(st == 403 and NOTE not in body, st)
        st, _, body = a.request('GET', '/niebieska-linia/kontakty.xlsx'
                                '?od=2024-05-01&do=2024-05-31')
        check(st == 200 and body.startswith('PK'), st)
        st, _, body = a.request('GET', f'/niebieska-linia/kontakty/'
                                f'{state["id"]}')
        check(st == 200 and NOTE not in body, st)
        st, _, body = a.request('GET', '/api/helpline/contacts'
                                '?od=2024-05-01&do=2024-05-31')
        check(st == 200 and NOTE not in body and
              '"has_note":true' in body, st)
        check(NOTE not in srv.log(), 'note in the server log')
        rows = sql(db, "SELECT coalesce(before, '') || coalesce(after, '')"
                   " FROM audit")
        check(all(NOTE not in r[0] for r in rows), 'note in the audit log')

    def consultant_exports_notes_and_it_is_audited():
        c = Client(srv)
        c.login('kons')
        before = sql_one(db, "SELECT count(*) FROM audit WHERE action = "
                         "'helpline.export_notes'")
        st, _, body = c.request('GET', '/niebieska-linia/kontakty.csv'
                                '?od=2024-05-01&do=2024-05-31&notatki=1')
        check(st == 200 and NOTE in body, st)
        after = sql_one(db, "SELECT count(*) FROM audit WHERE action = "
                        "'helpline.export_notes' AND account = 'kons'")
        check(after == before + 1, (before, after))
        check(NOTE not in srv.log(), 'note in the server log')

    def consultant_cannot_read_another_regions_contacts():
        c = Client(srv)
        c.login('kons12')
        st, _, body = c.request('GET', f'/niebieska-linia/kontakty/'
                                f'{state["id"]}')
        check(st == 403 and '2024-05-06T18:15' not in body, st)
        for path in ('/niebieska-linia/kontakty?woj=04',
                     '/niebieska-linia/kontakty.csv?woj=04',
                     '/api/helpline/contacts?woj=04',
                     '/niebieska-linia/statystyki?woj=04',
                     '/api/helpline/stats?woj=04'):
            st, _, body = c.request('GET', path)
            check(st == 403, f'{path}: {st}')
        # Its own list and export do not hold region 04's contact.
        st, _, body = c.request('GET', '/niebieska-linia/kontakty.csv'
                                '?od=2024-01-01&do=2024-12-31')
        check(st == 200 and '2024-05-06T18:15' not in body, st)
        st, _, body = c.request('GET', '/api/helpline/stats'
                                '?od=2021-01-01&do=2021-12-31')
        check(st == 200 and json.loads(body)['total'] == 0, body[:200])

    def agreements_api_has_the_seed_counts():
        st, h, body = Client(srv).request('GET', '/api/helpline/agreements'
                                          '?woj=04')
        check(st == 200, st)
        data = json.loads(body)
        g = data['gminas']
        check(len(g) == 144, len(g))
        for x in g:
            check(set(x) >= {'teryt', 'name', 'has_agreement', 'since',
                             'until'}, x)
        rural = [x for x in g if x['rodz'] != 1]
        urban = [x for x in g if x['rodz'] == 1]
        counts = (sum(x['has_agreement'] for x in rural),
                  sum(not x['has_agreement'] for x in rural),
                  sum(x['has_agreement'] for x in urban),
                  sum(not x['has_agreement'] for x in urban))
        check(counts == (115, 12, 15, 2), counts)
        st, _, html = Client(srv).request('GET', '/niebieska-linia/'
                                          'porozumienia?woj=04')
        check(st == 200 and html.count('<path ') >= 144, st)
        check(html.count('<title>') >= 145, 'a title per gmina')
        check(html.count('<tr><td>04') == 144, 'table beside the map')

    def public_page_says_whether_the_line_is_open():
        st, _, html = Client(srv).request('GET', '/niebieska-linia')
        check(st == 200 and 'id="linia-status"' in html, st)
        check('jest teraz czynna' in html or 'jest teraz nieczynna' in html,
              'no status')
        st, _, body = Client(srv).request('GET', '/api/helpline/duties')
        data = json.loads(body)
        check(st == 200 and isinstance(data['open_now'], bool), body[:100])
        check(len(data['duties']) >= 6, len(data['duties']))

    def statistics_equal_the_stored_contacts():
        a = Client(srv)
        a.login('anal')
        st, _, body = a.request('GET', '/api/helpline/stats'
                                '?od=2021-01-01&do=2021-12-31')
        check(st == 200, st)
        s = json.loads(body)
        total = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE "
                        "region = '04' AND at LIKE '2021-%'")
        by_ch = dict(sql(
            db, "SELECT channel, count(*) FROM helpline_contact WHERE region"
            " = '04' AND at >= '2021-03-15' AND at < '2021-07-20' GROUP BY 1"))
        mar = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE "
                      "region = '04' AND at LIKE '2021-03-%'")
        check(total == 2136 and s['total'] == total, (total, s['total']))
        check(sum(m['n'] for m in s['by_month']) == total, 'months')
        check(s['by_month'][2]['n'] == mar, 'March')
        st, _, body = a.request('GET', '/api/helpline/stats'
                                '?od=2021-03-15&do=2021-07-19')
        s = json.loads(body)
        got = {i + 1: x['n'] for i, x in enumerate(s['by_channel'])}
        check(all(got[k] == by_ch.get(k, 0) for k in got), (got, by_ch))
        st, _, body = a.request('GET', '/niebieska-linia/statystyki.csv'
                                '?od=2021-03-15&do=2021-07-19')
        # Excel-friendly: a BOM and ';' (issue 20).
        check(body.startswith('\ufeff'), 'BOM')
        rows = list(csv.reader(io.StringIO(body[1:]), delimiter=';'))
        check(rows[0] == ['wymiar', 'kod', 'nazwa', 'liczba'], rows[0])
        check(int(rows[1][3]) == sum(by_ch.values()), rows[1])
        st, _, html = a.request('GET', '/niebieska-linia/statystyki'
                                '?od=2021-01-01&do=2021-12-31')
        check(st == 200 and '2 136' in html and '<svg' in html, st)

    def serving(gmina, region):
        """The directory's coverage rule, written independently."""
        return {r[0] for r in sql(
            db, 
            "SELECT DISTINCT o.id FROM dir_org o JOIN dir_service s ON "
            "s.org_id = o.id JOIN dir_area a ON a.service_id = s.id "
            "WHERE o.region = ? AND ((a.level = 'gmina' AND a.code = ?) OR "
            "(a.level = 'powiat' AND a.code = ?) OR (a.level = 'region' AND "
            "a.code = ?))", (region, gmina, gmina[:4], gmina[:2]))}

    def contacts_are_referred_to_directory_institutions():
        c = Client(srv)
        c.login('kons')
        torun = serving('0463011', '04')
        other_region = sql_one(db, "SELECT id FROM dir_org WHERE region = "
                               "'12' ORDER BY id LIMIT 1")
        not_serving = [r[0] for r in sql(
            db, "SELECT id FROM dir_org WHERE region = '04' ORDER BY id")
            if r[0] not in torun][0]
        ncontacts = sql_one(db, 'SELECT count(*) FROM helpline_contact')
        check(len(torun) >= 2, torun)
        token = c.csrf('/niebieska-linia/kontakty/nowy')
        base = {'csrf': token, 'channel': '1', 'caller': '1',
                'gmina': '', 'gmina_nazwa': 'Toruń', 'skierowanie5': '1',
                'minuty': '10'}
        # Before the gmina is known the form only says how to list them.
        st, _, html = c.request('GET', '/niebieska-linia/kontakty/nowy')
        check(st == 200 and 'name="instytucja1"' not in html and
              'id="f-inst-show"' in html, st)
        # The second step: the same form again, with Toruń's institutions.
        st, _, html = c.request('POST', '/niebieska-linia/kontakty',
                                dict(base, krok='instytucje'))
        check(st == 200, st)
        shown = {int(x) for x in re.findall(
            r'name="instytucja\d+" value="(\d+)"', html)}
        check(shown == torun, (sorted(shown), sorted(torun)))
        check('value="0463011"' in html and 'skierowanie5" value="1" '
              'checked' in html, 'the form keeps what was typed')
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') ==
              ncontacts, 'step saved')
        # Another region's institution, or one not serving Toruń: refused.
        for bad in (other_region, not_serving):
            st, _, html = c.request('POST', '/niebieska-linia/kontakty',
                                    dict(base, at='2020-11-05T10:00',
                                         instytucja1=str(min(torun)),
                                         instytucja2=str(bad)))
            check(st == 400 and 'Pole „Skierowania do instytucji z '
                  'katalogu”' in html, (bad, st))
        # Without a gmina there is nothing to refer to.
        st, _, html = c.request('POST', '/niebieska-linia/kontakty',
                                dict(base, gmina_nazwa='',
                                     at='2020-11-05T10:00',
                                     instytucja1=str(min(torun))))
        check(st == 400 and 'najpierw podaj gminę' in html, st)
        check(sql_one(db, 'SELECT count(*) FROM helpline_contact') ==
              ncontacts, 'refused but saved')
        check(sql_one(db, 'SELECT count(*) FROM helpline_referral') == 0,
              'refused but linked')
        two = sorted(torun)[:2]
        ids = []
        for at, insts in (('2020-11-05T10:00', two),
                          ('2024-05-07T18:30', two[:1])):
            fields = dict(base, at=at)
            for k, i in enumerate(insts):
                fields[f'instytucja{k + 1}'] = str(i)
            st, h, _ = c.request('POST', '/niebieska-linia/kontakty', fields)
            check(st == 303, st)
            ids.append(int(re.search(r'zapisano=(\d+)',
                                     h['location']).group(1)))
        state['ref_ids'] = ids
        rows = sql(db, 'SELECT contact_id, org_id, region, at FROM '
                   'helpline_referral ORDER BY 1, 2')
        names = dict(sql(db, 'SELECT id, name FROM dir_org WHERE id IN '
                         '(?, ?)', two))
        audit = sql_one(db, "SELECT after FROM audit WHERE action = "
                        "'helpline.add' AND entity_id = ?", (str(ids[0]),))
        check(rows == [(ids[0], two[0], '04', '2020-11-05T10:00'),
                       (ids[0], two[1], '04', '2020-11-05T10:00'),
                       (ids[1], two[0], '04', '2024-05-07T18:30')], rows)
        check(f'"institutions":[{two[0]},{two[1]}]' in audit, audit)
        # The page names the institutions; nothing of the caller.
        st, _, html = c.request('GET', f'/niebieska-linia/kontakty/{ids[0]}')
        check(st == 200 and all(
            n.replace('"', '&quot;') in html for n in names.values()), st)
        # Statistics count referrals by type and by institution.
        for q in ('od=2020-11-01&do=2020-11-30', 'od=2020-11-05&do=2020-11-05'):
            st, _, body = c.request('GET', f'/api/helpline/stats?{q}')
            s = json.loads(body)
            check(s['total'] == 1 and s['institution_referrals'] == 2, q)
            check({x['id']: x['n'] for x in s['by_institution']} ==
                  {two[0]: 1, two[1]: 1}, s['by_institution'])
            check(sum(x['n'] for x in s['by_institution_kind']) == 2,
                  s['by_institution_kind'])
            check([x['n'] for x in s['by_referral']] ==
                  [0, 0, 0, 0, 1, 0, 0, 0], s['by_referral'])
        st, _, body = c.request('GET', '/niebieska-linia/statystyki.csv'
                                '?od=2020-11-01&do=2020-11-30')
        rows = [r for r in csv.reader(io.StringIO(body.lstrip('\ufeff')),
                                      delimiter=';')
                if r[0] == 'skierowanie_instytucja']
        check(sorted((int(r[1]), int(r[3])) for r in rows) ==
              [(two[0], 1), (two[1], 1)], rows)
        st, _, html = c.request('GET', '/niebieska-linia/statystyki'
                                '?od=2020-11-01&do=2020-11-30')
        check(st == 200 and 'aria-labelledby="s-10"' in html and
              f'(nr {two[0]})' in html, st)
        # The contacts export carries the institutions by name and id.
        st, _, body = c.request('GET', '/niebieska-linia/kontakty.csv'
                                '?od=2020-11-01&do=2020-11-30')
        rows = list(csv.DictReader(io.StringIO(body.lstrip('\ufeff')),
                                   delimiter=';'))
        want = '; '.join(f'{n} ({i})' for n, i in
                         sorted((names[i], i) for i in two))
        check(len(rows) == 1 and rows[0]['skierowania_katalog'] == want,
              rows)
        # The link survives the institution leaving the directory.
        sql(db, 'DELETE FROM dir_org WHERE id = ?', (two[1],))
        st, _, html = c.request('GET', f'/niebieska-linia/kontakty/{ids[0]}')
        check(names[two[1]].replace('"', '&quot;') in html, 'name kept')
        st, _, body = c.request('GET', '/api/helpline/stats'
                                '?od=2020-11-01&do=2020-11-30')
        check(json.loads(body)['institution_referrals'] == 2, body[:200])

    def purge_deletes_only_older_contacts():
        keep = sql(db, "SELECT * FROM helpline_contact WHERE at >= "
                   "'2021-07-01' ORDER BY id")
        other = [sql_one(db, f'SELECT count(*) FROM {tb}')
                 for tb in ('helpline_duty', 'helpline_agreement',
                            'account', 'plan')]
        old = sql_one(db, "SELECT count(*) FROM helpline_contact WHERE at < "
                      "'2021-07-01'")
        check(old > 0, 'fixture has old contacts')
        p = subprocess.run([binary, 'purge', '--before', '2021-07-01',
                            '--db', db], capture_output=True, text=True)
        check(p.returncode == 0 and f'{old} contacts' in p.stdout,
              p.stdout + p.stderr)
        check(sql_one(db, "SELECT count(*) FROM helpline_contact WHERE at < "
                      "'2021-07-01'") == 0, 'left')
        check(sql(db, "SELECT * FROM helpline_contact WHERE at >= "
                  "'2021-07-01' ORDER BY id") == keep, 'kept rows changed')
        check([sql_one(db, f'SELECT count(*) FROM {tb}')
               for tb in ('helpline_duty', 'helpline_agreement', 'account',
                          'plan')] == other, 'other tables changed')
        summary = sql_one(db, "SELECT coalesce(sum(n), 0) FROM "
                          "helpline_month WHERE month < '2021-07'")
        audit = sql_one(db, "SELECT count(*) FROM audit WHERE action = "
                        "'helpline.purge'")
        check(summary == 0 and audit == 1, (summary, audit))
        # Referral rows go with their contacts; later ones stay.
        refs = sql(db, 'SELECT contact_id FROM helpline_referral')
        check(refs == [(state['ref_ids'][1],)], refs)
        p = subprocess.run([binary, 'purge', '--before', '2021-13-01',
                            '--db', db], capture_output=True, text=True)
        check(p.returncode == 2, p.returncode)

    for fn in (consultant_logs_a_contact_with_a_note,
               note_is_never_in_the_log_or_an_analyst_export,
               consultant_exports_notes_and_it_is_audited,
               consultant_cannot_read_another_regions_contacts,
               agreements_api_has_the_seed_counts,
               public_page_says_whether_the_line_is_open,
               statistics_equal_the_stored_contacts,
               contacts_are_referred_to_directory_institutions,
               purge_deletes_only_older_contacts):
        t.run(fn)
    srv.stop()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
