// Phones first (issue 15, WCAG 1.4.10): a breadth-first crawl of the public
// site and of each role's pages; no page scrolls sideways at 320 or 390 px
// (a wide table scrolls inside its own keyboard-reachable .wide region),
// axe finds no WCAG 2.1 AA violation at 1280 px, a few public pages reflow
// at 200 % zoom (a 640 px layout viewport), and the quick exit is on every
// page a person at risk may open, first in the content, a plain link that
// works without JavaScript. Screenshots at 320 px go to screenshots/.
//   node tests/browser/test_reflow.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT, check, counts, run, slug, startServer,
  stopServer, test, axeViolations,
} from './lib.mjs';

const PASSWORD = 'haslo-testowe-reflow-2024';
const WIDTHS = [320, 390];
const PAGE_CAP = 45; // pages per identity
const PER_PATTERN = 2; // pages of one path pattern (ids and queries folded)
// Files are not pages: exports, PDFs, feeds, attachments and downloads.
const SKIP = [/\/eksport\//, /\.(csv|xlsx|zip|pdf|atom)(\?|$)/, /\/(csv|pdf|atom)(\?|$)/,
  /\/pobierz(\?|$)/, /\/zalacznik\//, /[?&]format=/,
  /^\/api\//, /^\/static\//, /^\/logout/, /^\/login/];
// Pages a person at risk may open: the quick exit must lead each of them.
const AT_RISK = ['/', '/uslugi', '/uslugi?miejsce=Toru%C5%84', '/niebieska-linia'];
const EXIT_URL = 'https://www.google.pl/';

// The page's overflow at the current width: how far the document scrolls
// sideways and the widest elements outside a .wide region that cause it.
function measure() {
  const vw = window.innerWidth;
  const over = document.documentElement.scrollWidth - vw;
  if (over <= 0) return { over, culprits: [] };
  const name = (e) => e.tagName.toLowerCase() + (e.id ? `#${e.id}` : '') +
    (e.classList.length ? `.${[...e.classList].join('.')}` : '');
  const found = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (e.closest('.wide') && !e.classList.contains('wide')) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.right <= vw + 0.5) continue;
    // the deepest offender: none of its children overflow too
    const kids = [...e.children].some((c) => c.getBoundingClientRect().right > vw + 0.5 &&
      !(c.closest('.wide') && !c.classList.contains('wide')));
    if (kids) continue;
    let where = name(e);
    for (let p = e.parentElement, i = 0; p && p !== document.body && i < 3; p = p.parentElement, i++)
      where = `${name(p)} > ${where}`;
    found.push({ right: Math.round(r.right), where,
      text: (e.textContent || '').trim().slice(0, 40) });
  }
  found.sort((a, b) => b.right - a.right);
  return { over, culprits: found.slice(0, 3) };
}

// Every .wide region that actually scrolls must be reachable and named.
function wideProblems() {
  const out = [];
  for (const w of document.querySelectorAll('.wide')) {
    if (w.scrollWidth <= w.clientWidth) continue;
    const ok = w.getAttribute('tabindex') === '0' && w.getAttribute('role') === 'region' &&
      (w.hasAttribute('aria-label') || w.hasAttribute('aria-labelledby'));
    if (!ok) out.push(w.outerHTML.slice(0, 80));
  }
  return out;
}

// Same-origin GET links worth crawling, folded to a pattern key.
function linksOf(base) {
  return [...document.querySelectorAll('a[href]')].map((a) => a.href)
    .filter((h) => h.startsWith(base));
}

function patternOf(u) {
  const url = new URL(u);
  return url.pathname.replace(/\/\d+(?=\/|$)/g, '/:id');
}

async function login(page, base, loginName) {
  await page.goto(`${base}/login`);
  await page.fill('input[name="login"]', loginName);
  await page.fill('input[name="password"]', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('main button[type="submit"]')]);
  check(!page.url().includes('/login'), `${loginName} still on ${page.url()}`);
}

async function crawl(page, base, who, seen, failures) {
  const queue = ['/', ...await page.evaluate(() => [...document.querySelectorAll('header nav a')]
    .map((a) => new URL(a.href).pathname + new URL(a.href).search))];
  const queued = new Set(queue);
  const perPattern = new Map();
  let visited = 0;
  while (queue.length > 0 && visited < PAGE_CAP) {
    const u = queue.shift();
    const key = patternOf(base + u);
    const n = perPattern.get(key) || 0;
    if (n >= PER_PATTERN) continue;
    perPattern.set(key, n + 1);
    await page.setViewportSize({ width: 1280, height: 900 });
    let resp;
    try {
      resp = await page.goto(base + u);
    } catch (e) {
      failures.push(`${who} ${u}: ${e.message.split('\n')[0]}`);
      continue;
    }
    visited++;
    const status = resp ? resp.status() : 0;
    if (status >= 500) failures.push(`${who} ${u}: status ${status}`);
    if (!resp || !(resp.headers()['content-type'] || '').startsWith('text/html')) continue;
    for (const h of await page.evaluate(linksOf, base)) {
      const url = new URL(h);
      let rel = url.pathname + url.search;
      if (SKIP.some((re) => re.test(rel))) continue;
      // queries past the first few of a path would only page through lists
      if (url.search && (perPattern.get(patternOf(h)) || 0) >= 1) rel = url.pathname;
      if (!queued.has(rel)) { queued.add(rel); queue.push(rel); }
    }
    // axe once per page (the same URL of the public site is checked once)
    if (!seen.has(`${who === 'public' ? '' : who}${u}`) && !seen.has(u)) {
      seen.add(who === 'public' ? u : `${who}${u}`);
      const v = await axeViolations(page);
      for (const line of v) failures.push(`${who} ${u} axe: ${line}`);
    }
    for (const w of WIDTHS) {
      await page.setViewportSize({ width: w, height: 800 });
      const m = await page.evaluate(measure);
      if (m.over > 0)
        failures.push(`${who} ${u} at ${w} px scrolls ${m.over} px sideways: ${m.culprits
          .map((c) => `${c.where} (right ${c.right}) "${c.text}"`).join('; ')}`);
      const wide = await page.evaluate(wideProblems);
      for (const x of wide) failures.push(`${who} ${u} at ${w} px: .wide not keyboard-reachable: ${x}`);
    }
  }
  return visited;
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-reflow-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const started = Date.now();
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const unitOf = (kind, re) => {
      const out = spawnSync(bin, ['user', 'units', '--region', '04', '--kind', kind, '--db', db],
        { encoding: 'utf8' });
      const line = (out.stdout || '').split('\n').find((l) => re.test(l));
      if (out.status !== 0 || !line) throw new Error(`user units ${kind}: ${out.stderr}${out.stdout}`);
      return line.trim().split(/\s+/)[0];
    };
    const roles = [
      ['administrator', []],
      ['coordinator', []],
      ['implementer', ['--unit', unitOf('implementer', / Departament Spraw Społecznych i Zdrowia$/)]],
      ['consultant', []],
      ['analyst', []],
      ['grantee', ['--unit', unitOf('organisation', /Fundacja Pomocy Rodzinie „Przystań” w Toruniu/)]],
    ];
    for (const [role, extra] of roles) {
      const add = spawnSync(bin, ['user', 'add', `r-${role}`, '--role', role, '--region', '04',
        ...extra, '--db', db], { input: `${PASSWORD}\n` });
      if (add.status !== 0) throw new Error(`user add ${role}: ${add.stderr}`);
    }
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const seen = new Set();

    // REFLOW_WHO=public,grantee narrows the crawl while fixing pages
    const only = (process.env.REFLOW_WHO || '').split(',').filter(Boolean);
    for (const who of ['public', ...roles.map(([r]) => r)]) {
      if (only.length && !only.includes(who)) continue;
      await test(`${who}: no page scrolls sideways at 320 and 390 px, axe clean`, async () => {
        const ctx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
          viewport: { width: 1280, height: 900 } });
        ctx.setDefaultTimeout(TIMEOUT);
        try {
          const page = await ctx.newPage();
          if (who !== 'public') await login(page, base, `r-${who}`);
          else await page.goto(`${base}/`);
          const failures = [];
          const n = await crawl(page, base, who, seen, failures);
          check(n >= 5, `only ${n} pages crawled`);
          check(failures.length === 0, `${failures.length} problems on ${n} pages:\n${failures.join('\n')}`);
        } finally {
          await ctx.close();
        }
      });
    }

    await test('200 % zoom: public pages reflow in a 640 px layout', async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 640, height: 450 } });
      ctx.setDefaultTimeout(TIMEOUT);
      const page = await ctx.newPage();
      const bad = [];
      for (const u of ['/', '/uslugi?miejsce=Toru%C5%84', '/niebieska-linia', '/plany/1',
        '/monitoring', '/rejestry/szkolenia']) {
        const r = await page.goto(base + u);
        if (r.status() !== 200 || page.url() !== base + u) bad.push(`${u}: ${r.status()} at ${page.url()}`);
        const m = await page.evaluate(measure);
        if (m.over > 0) bad.push(`${u}: ${m.over} px, ${m.culprits.map((c) => c.where).join('; ')}`);
      }
      await ctx.close();
      check(bad.length === 0, bad.join('\n'));
    });

    await test('quick exit leads every page for people at risk, without JavaScript', async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
        viewport: { width: 320, height: 800 } });
      ctx.setDefaultTimeout(TIMEOUT);
      const page = await ctx.newPage();
      const bad = [];
      for (const u of AT_RISK) {
        const r = await page.goto(base + u);
        if (r.status() !== 200) { bad.push(`${u}: status ${r.status()}`); continue; }
        const exit = page.locator('main p.quick-exit a');
        if (await exit.count() !== 1) { bad.push(`${u}: no quick exit in main`); continue; }
        if (await exit.getAttribute('href') !== EXIT_URL) bad.push(`${u}: exit goes to ${await exit.getAttribute('href')}`);
        if (!(await exit.isVisible())) bad.push(`${u}: exit hidden`);
        // the first focusable element of the content, so a Tab or two finds it
        const first = await page.evaluate(() => {
          const f = document.querySelector('main').querySelector('a[href], button, input, select, textarea, [tabindex]');
          return f ? f.closest('.quick-exit') !== null : false;
        });
        if (!first) bad.push(`${u}: quick exit is not the first control of the content`);
        // on a phone it is in the first screen, not below the fold
        const box = await exit.boundingBox();
        if (!box || box.y > 800) bad.push(`${u}: exit at y=${box && box.y}`);
        if (u === '/' || u === '/niebieska-linia' || u.startsWith('/uslugi?'))
          await page.screenshot({ path: path.join(SHOTS, `reflow-320-${slug(u)}.png`), fullPage: true });
      }
      // a plain link: following it needs no script (routed, never leaves 127.0.0.0/8)
      await page.route('https://www.google.pl/**', (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<title>neutral</title>' }));
      await page.goto(`${base}/niebieska-linia`);
      await Promise.all([page.waitForURL(EXIT_URL), page.locator('main p.quick-exit a').click()]);
      check(await page.title() === 'neutral', `landed on ${page.url()}`);
      await ctx.close();
      check(bad.length === 0, bad.join('\n'));
    });

    await test('staff pages carry no quick exit', async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL' });
      const page = await ctx.newPage();
      for (const u of ['/plany', '/monitoring', '/rejestry', '/teryt']) {
        await page.goto(base + u);
        check(await page.locator('.quick-exit').count() === 0, `${u} has a quick exit`);
      }
      await ctx.close();
    });

    await test('screenshots at 320 px', async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 320, height: 800 } });
      const page = await ctx.newPage();
      // the monitoring report is the coordinator's
      await login(page, base, 'r-coordinator');
      for (const u of ['/plany/1', '/monitoring/plany/1/raport']) {
        const r = await page.goto(base + u);
        check(r.status() === 200 && page.url() === base + u, `${u}: ${r.status()} at ${page.url()}`);
        await page.screenshot({ path: path.join(SHOTS, `reflow-320-${slug(u)}.png`), fullPage: true });
      }
      await ctx.close();
    });
    await test('the whole run stays under 3 minutes', async () => {
      const s = (Date.now() - started) / 1000;
      check(s < 240, `took ${s} s`);
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`reflow: ${counts.passed} passed, ${counts.failed} failed (${Math.round((Date.now() - started) / 1000)} s)`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
