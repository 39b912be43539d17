#!/usr/bin/env node
// Browser tests of the regional observatory (issue 20): every indicator's
// page at both levels passes axe-core WCAG 2.1 AA; the map's fill of every
// gmina is its table row's legend class and every value lies in its
// class (a yes / no indicator: its word); the form works without
// JavaScript; the page reflows at 320 px
// (no horizontal scroll of the page itself). Screenshots at 1280 and 320.
//
//   node tests/browser/test_observatory.mjs BUILD/rodzina

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  run, shot, startServer, stopServer, test, watch, axeViolations,
} from './lib.mjs';

function number(s) {
  const t = s.replace(/[\s\u00a0]/g, '');
  if (t.includes(',')) {
    const [a, b] = t.split(',');
    return Number(a) * 100 + Number(b);
  }
  return Number(t);
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-observatory-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 },
      javaScriptEnabled: false });
    ctx.setDefaultTimeout(TIMEOUT);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await page.goto(`${base}/obserwatorium`);
    const codes = await page.locator('#obs-w option').evaluateAll(
      (os) => os.map((o) => o.value));

    await test('the form chooses an indicator and a level without JavaScript', async () => {
      check(codes.length >= 7, `${codes.length} indicators`);
      await page.selectOption('#obs-w', 'kontakty-niebieska-linia');
      await page.selectOption('#obs-p', 'powiat');
      await Promise.all([page.waitForNavigation(), page.click('.obs-form button')]);
      check(page.url().includes('wskaznik=kontakty-niebieska-linia') &&
        page.url().includes('poziom=powiat'), page.url());
      check(await page.locator('table.obs-units tbody tr').count() >= 19, 'powiats listed');
      await shot(page, 'observatory-powiats-1280');
    });

    for (const code of codes) {
      for (const level of ['gmina', 'powiat']) {
        await test(`map ${code} ${level}: fills are the table's classes`, async () => {
          await page.goto(`${base}/obserwatorium?wskaznik=${code}&poziom=${level}`);
          const legend = await page.locator('ul.obs-legend li').evaluateAll((ls) => ls.map((l) => ({
            cls: Number(l.dataset.class), fill: l.querySelector('rect').getAttribute('fill'),
            range: l.textContent.trim() })));
          const rows = await page.locator('table.obs-units tbody tr').evaluateAll((rs) => rs.map((r) => ({
            unit: r.dataset.unit, name: r.querySelector('th').textContent,
            shown: r.querySelector('.obs-shown').textContent,
            cls: r.lastElementChild.textContent })));
          const fillOf = new Map(legend.map((l) => [l.range, l.fill]));
          const kind = (await (await page.request.get(
            `${base}/api/observatory?wskaznik=${code}`)).json()).indicator.kind;
          if (kind === 'flag') {
            // yes / no: the legend has both words, each row one of them
            check(legend.map((l) => l.range).join() === 'nie,tak', `legend ${legend.map((l) => l.range)}`);
          }
          for (const r of rows) {
            check(fillOf.has(r.cls), `${r.name}: class ${r.cls} not in the legend`);
            const v = number(r.shown);
            if (kind === 'flag') {
              check(r.shown === r.cls, `${r.name}: ${r.shown} in class ${r.cls}`);
            } else if (r.cls === '0') {
              check(v === 0, `${r.name}: ${r.shown} in class 0`);
            } else {
              const [lo, hi] = r.cls.split(' – ').map(number);
              check(v >= lo && v <= hi, `${r.name}: ${r.shown} outside ${r.cls}`);
            }
          }
          const paths = await page.locator('svg.hl-map path').evaluateAll((ps) => ps.map((p) => ({
            fill: p.getAttribute('fill'), title: p.querySelector('title').textContent })));
          check(paths.length >= 144, `${paths.length} gminas drawn`);
          const byKey = new Map(rows.map((r) => [level === 'gmina' ? r.unit : r.name, r]));
          for (const p of paths) {
            const m = level === 'gmina' ? p.title.match(/\((\d{7})\): (.*)$/)
              : p.title.match(/\(powiat (.*)\): (.*)$/);
            check(m, `title ${p.title}`);
            const r = byKey.get(m[1]);
            check(r && r.shown === m[2], `${p.title}: table says ${r && r.shown}`);
            check(fillOf.get(r.cls) === p.fill, `${p.title}: fill ${p.fill}, class ${r.cls}`);
          }
        });
      }
    }

    await test('reflows at 320 px', async () => {
      await page.setViewportSize({ width: 320, height: 800 });
      await page.goto(`${base}/obserwatorium?wskaznik=kontakty-niebieska-linia`);
      const over = await page.evaluate(() => document.documentElement.scrollWidth
        - document.documentElement.clientWidth);
      check(over <= 0, `page scrolls sideways by ${over} px`);
      await shot(page, 'observatory-gminas-320');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}/obserwatorium?wskaznik=kontakty-niebieska-linia`);
      await shot(page, 'observatory-gminas-1280');
    });

    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    axeCtx.setDefaultTimeout(TIMEOUT);
    const axePage = await axeCtx.newPage();
    const urls = ['/obserwatorium/metodologia'];
    for (const code of codes) {
      urls.push(`/obserwatorium?wskaznik=${code}`, `/obserwatorium?wskaznik=${code}&poziom=powiat`);
    }
    for (const u of urls) {
      await test(`axe ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeViolations(axePage);
        check(v.length === 0, v.join('\n'));
      });
    }
    await axeCtx.close();

    await test('no console errors or CSP violations', async () => {
      const jsCtx = await browser.newContext({ locale: 'pl-PL' });
      await jsCtx.addInitScript(CSP_PROBE);
      watch(jsCtx, problems);
      const p = await jsCtx.newPage();
      await p.goto(`${base}/obserwatorium`);
      await p.goto(`${base}/obserwatorium/metodologia`);
      await jsCtx.close();
      check(problems.length === 0, problems.map((x) => `${x.url}: ${x.what}`).join('\n'));
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`observatory: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
