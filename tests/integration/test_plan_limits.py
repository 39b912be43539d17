#!/usr/bin/env python3
"""Issue 11, findings 2 and 10: the plan reader runs in memory linear in
its input, and the web upload keeps only previews that can be confirmed. `rodzina check` reads a 10 000-row CSV, 80 KB of ';', an XLSX
zip bomb and an XLSX whose one long shared string fills 100 000 cells,
each under a 256 MB limit: RLIMIT_AS for a plain build; an ASan build
reserves terabytes of address space, so there the peak resident set is
watched instead (and the process killed when it passes the limit).
Usage: test_plan_limits.py BINARY"""
import io
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import zipfile


from harness import Runner, Server, check, cleanup, make_db, sql
from test_auth import Client, add_user, multipart

LIMIT = 256 * 1024 * 1024
TIME_LIMIT = 60  # seconds; a noisy shared machine, an ASan build


def is_asan(binary):
    with open(binary, 'rb') as f:
        return b'__asan_init' in f.read()


def run_bounded(binary, args):
    """Run binary args under LIMIT; returns (rc, stdout, peak_bytes,
    seconds). rc is -9 when the watcher killed it for its memory."""
    asan = is_asan(binary)

    def limit():
        if not asan:
            resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))

    out = tempfile.TemporaryFile()
    start = time.monotonic()
    proc = subprocess.Popen([binary] + args, stdout=out,
                            stderr=subprocess.STDOUT, preexec_fn=limit)
    peak = 0
    while True:
        # wait4, not poll(): the child's own peak comes with its status
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            break
        try:
            with open(f'/proc/{proc.pid}/status') as f:
                for line in f:
                    if line.startswith('VmRSS:'):
                        peak = max(peak, int(line.split()[1]) * 1024)
        except OSError:
            pass
        if peak > LIMIT or time.monotonic() - start > TIME_LIMIT:
            os.kill(proc.pid, signal.SIGKILL)  # kill() would reap it
        time.sleep(0.005)
    proc.returncode = (-os.WTERMSIG(status) if os.WIFSIGNALED(status)
                       else os.WEXITSTATUS(status))
    seconds = time.monotonic() - start
    peak = max(peak, usage.ru_maxrss * 1024)
    out.seek(0)
    return proc.returncode, out.read().decode('utf-8', 'replace'), peak, \
        seconds


HEAD = ('Plan działań w zakresie realizacji programu na lata 2023-2028 na '
        'rok 2024\nLp.;Termin realizacji;Działanie w Programie;Realizator;'
        'Działanie;Planowane środki (w zł);Zamierzone rezultaty 2024 r.\n')


def xlsx(parts):
    """A workbook of the given parts over the minimal package."""
    base = {
        '[Content_Types].xml':
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"/>',
        '_rels/.rels':
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>',
        'xl/workbook.xml':
            '<?xml version="1.0"?><workbook xmlns="http://schemas.'
            'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships">'
            '<sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets>'
            '</workbook>',
        'xl/_rels/workbook.xml.rels':
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship '
            'Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
            'Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '</Relationships>',
    }
    base.update(parts)
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in base.items():
            z.writestr(name, data if isinstance(data, bytes)
                       else data.encode())
    return b.getvalue()


SST_HEAD = (b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats'
            b'.org/spreadsheetml/2006/main">')
SHEET_HEAD = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')


def main():
    binary = sys.argv[1]
    d = tempfile.mkdtemp(prefix='rodzina-limits-')
    t = Runner('plan_limits')

    def write(name, data):
        path = os.path.join(d, name)
        with open(path, 'wb') as f:
            f.write(data if isinstance(data, bytes) else data.encode())
        return path

    def ten_thousand_row_csv_checked_under_256_mb():
        rows = [HEAD]
        for i in range(1, 10001):
            rows.append(f'{i}.;styczeń - grudzień 2024 r.;1.{i}. Zadanie {i};'
                        f'OPS;opis {i};1 000,00;- 5 szkoleń\n')
        path = write('10k.csv', ''.join(rows))
        rc, out, peak, secs = run_bounded(binary, ['check', path])
        check(rc == 0, f'exit {rc} (peak {peak >> 20} MB, {secs:.1f} s): '
              f'{out[-300:]}')
        check(peak < LIMIT, f'peak {peak >> 20} MB')
        check('tasks 10000, budget lines 10000' in out, out[-300:])

    def eighty_kb_of_semicolons_refused_with_a_finding():
        path = write('semi.csv', ';' * (80 * 1024))
        rc, out, peak, secs = run_bounded(binary, ['check', path])
        check(rc == 1, f'exit {rc} (peak {peak >> 20} MB): {out[-300:]}')
        check(peak < LIMIT, f'peak {peak >> 20} MB')
        check('Wiersz 1 ma więcej niż 512 kolumn' in out, out[-300:])

    def xlsx_zip_bomb_refused_unread():
        # 120 MB of zeros in one shared string: ~120 KB zipped, below
        # PLAN_XLSX_MAX_PART, above the inflation budget (4 x 20 MB)
        sst = SST_HEAD + b'<si><t>' + b'0' * (120 << 20) + b'</t></si></sst>'
        sheet = SHEET_HEAD + ('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'
                              '</sheetData></worksheet>')
        data = xlsx({'xl/sharedStrings.xml': sst,
                     'xl/worksheets/sheet1.xml': sheet})
        del sst
        check(len(data) < 1 << 20, f'bomb is {len(data)} bytes')
        path = write('bomb.xlsx', data)
        rc, out, peak, secs = run_bounded(binary, ['check', path])
        check(rc == 1, f'exit {rc} (peak {peak >> 20} MB): {out[-300:]}')
        check(peak < 64 << 20, f'peak {peak >> 20} MB')
        check('po rozpakowaniu jest za duży' in out, out[-300:])

    def xlsx_one_long_string_in_many_cells_refused():
        # 1 MB of text shown by 100 000 cells: 100 GB if each were copied
        sst = SST_HEAD + b'<si><t>' + b'a' * (1 << 20) + b'</t></si></sst>'
        cells = ''.join(f'<row r="{i}"><c r="A{i}" t="s"><v>0</v></c></row>'
                        for i in range(1, 100001))
        data = xlsx({'xl/sharedStrings.xml': sst,
                     'xl/worksheets/sheet1.xml':
                         SHEET_HEAD + cells + '</sheetData></worksheet>'})
        path = write('many.xlsx', data)
        rc, out, peak, secs = run_bounded(binary, ['check', path])
        check(rc == 1, f'exit {rc} (peak {peak >> 20} MB): {out[-300:]}')
        check(peak < LIMIT, f'peak {peak >> 20} MB')
        check('za dużo tekstu' in out, out[-300:])

    def refused_upload_previews_are_not_kept():
        d2, db = make_db(binary)
        rc, err = add_user(binary, db, 'koord', 'coordinator', region='04')
        check(rc == 0, err)
        srv = Server(binary, db)
        try:
            c = Client(srv)
            check(c.login('koord')[0] == 303, 'login')

            def upload(name, data):
                body, ct = multipart({'csrf': c.csrf('/plany/wczytaj')},
                                     {'file': (name, data)})
                return c.request('POST', '/plany/wczytaj', raw=body,
                                 content_type=ct)

            def kept():
                return sql(db, 'SELECT count(*), coalesce(sum(length(data)),'
                           ' 0) FROM plan_upload')[0]

            bad_number = (HEAD + '1.;2024;1.1. A;OPS;opis;dużo;x\n').encode()
            refused = [('zla-liczba.csv', bad_number),
                       ('srednik.csv', b';' * (80 * 1024)),
                       ('pusty.txt', b' \n'),
                       ('bomba.xlsx', xlsx({'xl/sharedStrings.xml': SST_HEAD +
                                            b'<si><t>' + b'0' * (90 << 20) +
                                            b'</t></si></sst>'}))]
            for i in range(20):
                name, data = refused[i % len(refused)]
                st, _, html = upload(name, data)
                check(st == 422, f'{name}: {st}')
                check('/plany/wczytaj/' not in html, f'{name}: confirm form')
                check('Pliku nie można zapisać' in html, f'{name}: no reason')
            check(kept() == (0, 0), f'refused previews kept: {kept()}')
            good = (HEAD + '1.;2024;1.1. A;OPS;opis;1 000,00;x\n').encode()
            st, _, html = upload('dobry.csv', good)
            check(st == 200 and 'action="/plany/wczytaj/' in html, st)
            check(kept() == (1, len(good)), f'accepted preview: {kept()}')
        finally:
            srv.stop()
            cleanup(d2)

    for fn in (ten_thousand_row_csv_checked_under_256_mb,
               eighty_kb_of_semicolons_refused_with_a_finding,
               xlsx_zip_bomb_refused_unread,
               xlsx_one_long_string_in_many_cells_refused,
               refused_upload_previews_are_not_kept):
        t.run(fn)
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
