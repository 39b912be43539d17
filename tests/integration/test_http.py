#!/usr/bin/env python3
"""Integration tests of `rodzina serve`: pages, JSON API, errors, headers,
static assets, limits, malformed requests, the access log and a clean stop.
Usage: test_http.py BINARY"""
import json
import signal
import socket
import sys
import time

from harness import Runner, Server, check, cleanup, make_db

SECURITY_HEADERS = ('content-security-policy', 'x-content-type-options',
                    'referrer-policy')


def security_headers_ok(h, what):
    for k in SECURITY_HEADERS:
        check(k in h, f'{what}: missing {k}')
    check("frame-ancestors 'none'" in h['content-security-policy'], what)
    check("'unsafe-inline'" not in h['content-security-policy'], what)
    check(h['x-content-type-options'] == 'nosniff', what)


def main():
    binary = sys.argv[1]
    d, db = make_db(binary)
    srv = Server(binary, db)
    t = Runner('http')

    def home_page_is_polish_with_navigation():
        st, h, body = srv.get('/')
        html = body.decode()
        check(st == 200, st)
        check('<html lang="pl">' in html, 'lang')
        for href in ('/plany', '/monitoring', '/niebieska-linia', '/uslugi',
                     '/rejestry', '/uzytkownicy', '/teryt'):
            check(f'href="{href}"' in html, href)
        check('Województwo kujawsko-pomorskie' in html, 'demo region')
        check('<script>' not in html, 'inline script')
        security_headers_ok(h, '/')

    def teryt_counts_are_shown():
        st, _, body = srv.get('/teryt')
        html = body.decode()
        check(st == 200, st)
        check('16 województw, 380 powiatów, 2477 gmin' in html, 'summary')
        check(html.count('<tr><td>') == 16, 'rows')
        st, _, body = srv.get('/api/teryt/wojewodztwa')
        woj = {w['code']: w for w in json.loads(body)}
        check(len(woj) == 16, len(woj))
        check(woj['04']['gminy'] == 144 and woj['04']['powiaty'] == 23,
              woj['04'])
        check(sum(w['gminy'] for w in woj.values()) == 2477, 'sum')

    def teryt_browsing_woj_powiat_gmina():
        st, _, body = srv.get('/teryt/04')
        check(st == 200 and 'href="/teryt/04/63"' in body.decode(), st)
        st, _, body = srv.get('/teryt/04/63')
        check(st == 200 and '0463011' in body.decode(), st)
        st, _, body = srv.get('/api/teryt/powiaty?woj=04')
        check(len(json.loads(body)) == 23, 'powiaty')
        st, _, body = srv.get('/api/teryt/gminy?powiat=0463')
        check([g['name'] for g in json.loads(body)] == ['Toruń'], body)
        check(srv.get('/teryt/99')[0] == 404, 'unknown woj')
        check(srv.get('/teryt/04/99')[0] == 404, 'unknown powiat')
        check(srv.get('/teryt/x%3Cy')[0] == 404, 'bad code')

    def autocomplete_finds_without_diacritics():
        cases = {'lodz': ('1061011', 'Łódź'), 'torun': ('0463011', 'Toruń'),
                 'wloclawek': ('0464011', 'Włocławek'),
                 'TORUŃ': ('0463011', 'Toruń')}
        for q, (code, name) in cases.items():
            st, h, body = srv.get('/api/teryt/gminy?q=' +
                                  __import__('urllib.parse').parse.quote(q))
            check(st == 200, st)
            check(h['content-type'].startswith('application/json'), h)
            found = [(g['teryt'], g['name']) for g in json.loads(body)]
            check((code, name) in found, f'{q}: {found}')
            check(found[0] == (code, name), f'{q} ranked: {found}')

    def search_page_works_without_javascript():
        st, _, body = srv.get('/teryt/szukaj?q=torun')
        html = body.decode()
        check(st == 200 and 'Toruń' in html and '0463011' in html, st)
        st, _, body = srv.get('/teryt/szukaj?q=%3Cscript%3Ealert(1)')
        html = body.decode()
        check('<script>alert' not in html, 'escaped')
        check('&lt;script&gt;alert(1)' in html, 'shown inert')

    def errors_404_html_and_json():
        st, h, body = srv.get('/nie-ma-takiej')
        check(st == 404 and 'Nie ma takiej strony.' in body.decode(), st)
        security_headers_ok(h, '404')
        st, h, body = srv.get('/api/nie-ma')
        e = json.loads(body)
        check(st == 404 and e['error']['code'] == 'not_found', body)
        check(h['content-type'].startswith('application/json'), h)

    def error_400_on_bad_parameters():
        st, _, body = srv.get('/api/teryt/gminy?powiat=abc')
        check(st == 400 and json.loads(body)['error']['code'] ==
              'bad_request', body)
        st, _, body = srv.get('/api/teryt/gminy?q=to&limit=9999')
        check(st == 400 and 'limit' in json.loads(body)['error']['message'],
              body)
        st, _, body = srv.get('/api/teryt/gminy')
        check(st == 400, st)

    def error_405_with_allow():
        st, h, body = srv.request('POST', '/teryt', body=b'x=1')
        check(st == 405 and h.get('allow') == 'GET, HEAD', (st, h))
        check('Ta metoda nie jest dozwolona' in body.decode(), 'polish')
        st, _, body = srv.request('DELETE', '/api/teryt/gminy')
        check(st == 405 and json.loads(body)['error']['code'] ==
              'method_not_allowed', body)

    def error_405_names_the_methods_the_path_allows():
        # The Allow header and the message come from the route table.
        st, h, body = srv.get('/logout')
        check(st == 405 and h.get('allow') == 'POST', (st, h))
        check('Dozwolone metody: POST.' in body.decode(), 'page')
        st, h, body = srv.request('POST', '/teryt/04', body=b'x=1')
        check(st == 405 and h.get('allow') == 'GET, HEAD', (st, h))
        check('Dozwolone metody: GET, HEAD.' in body.decode(), 'page')
        st, h, body = srv.request('PUT', '/plany/nowy', body=b'x=1')
        check(st == 405 and h.get('allow') == 'GET, HEAD, POST', (st, h))
        st, h, body = srv.request('DELETE', '/api/plans')
        check(st == 405 and h.get('allow') == 'GET, HEAD, POST', (st, h))
        err = json.loads(body)['error']
        check(err['code'] == 'method_not_allowed' and
              err['message'].endswith('Dozwolone metody: GET, HEAD, POST.'),
              err)

    def error_413_on_oversized_body():
        # Refused from its Content-Length alone, before any body byte.
        out = srv.raw(b'POST /api/regions HTTP/1.1\r\nHost: x\r\n'
                      b'Content-Length: ' + str(26 * 1024 * 1024).encode() +
                      b'\r\n\r\n')
        check(out.startswith(b'HTTP/1.1 413'), out[:80])
        body = out.split(b'\r\n\r\n', 1)[1]
        check(json.loads(body)['error']['code'] == 'payload_too_large', body)

    def oversized_headers_refused():
        hdr = b'GET / HTTP/1.1\r\nHost: x\r\nX-Big: ' + b'a' * 100000 + \
            b'\r\n\r\n'
        out = srv.raw(hdr)
        check(out.startswith(b'HTTP/1.1 4') or out == b'', out[:80])
        check(srv.get('/')[0] == 200, 'still serving')

    def malformed_request_gets_400_and_server_keeps_serving():
        for bad in (b'GET / HTTP/1.1\r\nHost x\r\n\r\n',
                    b'GET / HTTP/1.1\r\n\r\n',  # no Host
                    b'GET /\r\n\r\n',
                    b'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc'
                    b'\r\n\r\n',
                    b'POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: '
                    b'chunked\r\n\r\nzz\r\n'):
            out = srv.raw(bad)
            check(out.startswith(b'HTTP/1.1 400'), (bad, out[:80]))
        # Not even a request line: the connection is closed, nothing else.
        srv.raw(b'\x00\xff GARBAGE\r\n\r\n')
        check(srv.get('/api/teryt/gminy?q=lodz')[0] == 200, 'still serving')

    def static_assets_have_etag_and_revalidate():
        st, h, body = srv.get('/static/style.css')
        check(st == 200 and h['content-type'].startswith('text/css'), h)
        check('max-age' in h['cache-control'] and h.get('etag'), h)
        security_headers_ok(h, 'static')
        st, h2, body = srv.get('/static/style.css',
                               headers={'If-None-Match': h['etag']})
        check(st == 304 and body == b'', st)
        check(srv.get('/static/nope.css')[0] == 404, 'missing asset')
        check(srv.get('/static/../meson.build')[0] == 404, 'traversal')

    def keep_alive_is_not_closed():
        s = socket.create_connection(('127.0.0.1', srv.port), timeout=5)
        req = b'GET /api/teryt/gminy?q=torun HTTP/1.1\r\nHost: x\r\n\r\n'
        s.sendall(req)
        first = s.recv(65536)
        check(b'Connection: close' not in first, first[:300])
        s.sendall(req)
        second = s.recv(65536)
        check(second.startswith(b'HTTP/1.1 200'), second[:40])
        s.close()

    def access_log_line_without_query_string():
        srv.get('/api/teryt/gminy?q=wloclawek')
        log = srv.log()
        lines = [ln for ln in log.splitlines()
                 if ' access GET /api/teryt/gminy ' in ln]
        check(lines, 'no access line')
        # Each line starts with its UTC time stamp (issue 20).
        check(any(__import__('re').fullmatch(
            r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ access GET /api/teryt/gminy '
            r'200 \d+ \d+us', ln) for ln in lines), lines[-1])
        check('wloclawek' not in log and 'q=' not in log,
              'query string in log')

    tests = [home_page_is_polish_with_navigation, teryt_counts_are_shown,
             teryt_browsing_woj_powiat_gmina,
             autocomplete_finds_without_diacritics,
             search_page_works_without_javascript,
             errors_404_html_and_json, error_400_on_bad_parameters,
             error_405_with_allow,
             error_405_names_the_methods_the_path_allows,
             error_413_on_oversized_body,
             oversized_headers_refused,
             malformed_request_gets_400_and_server_keeps_serving,
             static_assets_have_etag_and_revalidate,
             keep_alive_is_not_closed, access_log_line_without_query_string]
    for fn in tests:
        t.run(fn)

    def sigterm_finishes_in_flight_request_and_stops_cleanly():
        # A request whose body is still arriving when SIGTERM comes.
        s = socket.create_connection(('127.0.0.1', srv.port), timeout=10)
        s.sendall(b'POST /teryt HTTP/1.1\r\nHost: x\r\n'
                  b'Content-Length: 10\r\n\r\n12345')
        time.sleep(0.3)
        srv.proc.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        s.sendall(b'67890')
        resp = s.recv(65536)
        s.close()
        check(resp.startswith(b'HTTP/1.1 405'), resp[:60])
        rc = srv.proc.wait(15)
        srv.thread.join(5)
        check(rc == 0, f'exit {rc}')
        check('serve: stopped cleanly' in srv.log(), 'clean stop')

    def access_log_loses_no_line_on_a_clean_stop():
        # The access lines are written in batches off the request path
        # (issue 15): a stop right after many requests writes every one.
        import http.client
        s2 = Server(binary, db)
        c = http.client.HTTPConnection('127.0.0.1', s2.port, timeout=10)
        for i in range(500):
            c.request('GET', f'/healthz?n={i}')
            r = c.getresponse()
            r.read()
            check(r.status == 200, r.status)
        c.close()
        rc = s2.stop()
        log = '\n'.join(s2.lines)
        check(rc == 0, f'exit {rc}')
        n = log.count(' access GET /healthz 200 ')
        check(n == 500, f'{n} access lines of 500')
        check(log.rindex(' access GET /healthz ') <
              log.index('serve: stopped cleanly'), 'lines before the stop')

    t.run(access_log_loses_no_line_on_a_clean_stop)
    t.run(sigterm_finishes_in_flight_request_and_stops_cleanly)
    if srv.proc.poll() is None:
        srv.proc.kill()
    cleanup(d)
    return t.finish()


if __name__ == '__main__':
    sys.exit(main())
