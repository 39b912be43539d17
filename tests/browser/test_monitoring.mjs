#!/usr/bin/env node
// Browser tests of monitoring (issue 7): a coordinator enters a value in
// the realisation form, approves it in the queue, reads the dashboard and
// the report with its SVG charts; an NGO (grantee) reports its grant; a
// long plan's realisation form is shown a page of tasks at a time (issue
// 21); the pages pass axe-core WCAG 2.1 AA and work without JavaScript.
//
//   node tests/browser/test_monitoring.mjs BUILD/rodzina

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  run, shot, slug, startServer, stopServer, test, watch,
  axeViolations,
} from './lib.mjs';

const PASSWORD = 'haslo-koordynatora-2024';

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-monitoring-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'koord', '--role', 'coordinator',
      '--region', '04', '--db', db], { input: `${PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    // The grantee belongs to the organisation of the first demo grant, by number.
    const units = spawnSync(bin, ['user', 'units', '--region', '04', '--kind', 'organisation',
      '--db', db], { encoding: 'utf8' });
    const org = (units.stdout || '').split('\n')
      .find((l) => l.includes('Fundacja Pomocy Rodzinie „Przystań” w Toruniu'));
    if (units.status !== 0 || !org) throw new Error(`user units: ${units.stderr}${units.stdout}`);
    const ngo = spawnSync(bin, ['user', 'add', 'ngo', '--role', 'grantee', '--region', '04',
      '--unit', org.trim().split(/\s+/)[0], '--db', db], { input: `${PASSWORD}\n` });
    if (ngo.status !== 0) throw new Error(`user add ngo: ${ngo.stderr}`);
    // A generated plan of 120 tasks: its realisation form has 3 pages.
    const gen = spawnSync('python3', [path.join(path.dirname(new URL(import.meta.url).pathname),
      '..', '..', 'bench', 'gen_plan.py'), '120'], { encoding: 'utf8' });
    if (gen.status !== 0) throw new Error(`gen_plan: ${gen.stderr}`);
    fs.writeFileSync(path.join(tmp, 'long.txt'), gen.stdout);
    const imp = spawnSync(bin, ['import', 'plan', path.join(tmp, 'long.txt'), '--db', db,
      '--region', '04'], { encoding: 'utf8' });
    if (imp.status !== 0) throw new Error(`import: ${imp.stderr}`);
    const LONG = imp.stdout.trim().split('\n').pop();
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // No JavaScript at all: every page must work as plain HTML forms.
    const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await test('public monitoring and registers pages', async () => {
      let r = await page.goto(`${base}/monitoring`);
      check(r.status() === 200, `status ${r.status()}`);
      check(await page.locator('h1').innerText() === 'Monitorowanie', 'h1');
      r = await page.goto(`${base}/rejestry/szkolenia`);
      check(r.status() === 200, `status ${r.status()}`);
      check(await page.locator('table tbody tr').count() >= 5, 'demo events listed');
    });

    await test('coordinator enters a value and approves it', async () => {
      await page.goto(`${base}/login`);
      await page.fill('input[name="login"]', 'koord');
      await page.fill('input[name="password"]', PASSWORD);
      await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
      await page.goto(`${base}/monitoring/plany/1/realizacja`);
      // Indicator 21 (task 2.4, meetings): the demo entered the year.
      const row = page.locator('#w-i21');
      await row.locator('input[name="value"]').fill('4');
      await row.locator('input[name="note"]').fill('spotkania w Toruniu');
      await Promise.all([page.waitForNavigation(), row.locator('button[type="submit"]').click()]);
      check(/\/monitoring\/wpisy\/\d+$/.test(page.url()), page.url());
      check((await page.locator('main').innerText()).includes('wprowadzony'), 'status entered');
      await page.fill('#f-comment', '');
      await Promise.all([page.waitForNavigation(),
        page.click('button[name="decision"][value="approve"]')]);
      const text = await page.locator('main').innerText();
      check(text.includes('zatwierdzony') && text.includes('zatwierdzenie'), 'approved with history');
      await shot(page, 'monitoring-entry');
    });

    await test('a long plan\'s realisation form is shown by pages', async () => {
      await page.goto(`${base}/monitoring/plany/${LONG}/realizacja`);
      check(await page.locator('section.mon-task').count() === 50, 'first page: 50 tasks');
      check(await page.locator('nav.pager').first().locator('a').count() === 3, 'three pages');
      await Promise.all([page.waitForNavigation(),
        page.locator('nav.pager').first().locator('a').nth(2).click()]);
      check(page.url().endsWith('?strona=3'), page.url());
      check(await page.locator('section.mon-task').count() === 20, 'last page: 20 tasks');
      check(await page.locator('nav.pager a[aria-current="page"]').count() === 2, 'current page marked');
      check(await page.locator('#zadanie-101').count() === 1, 'task 101 on page 3');
    });

    await test('dashboard shows goal progress, attention list and latest changes', async () => {
      await page.goto(`${base}/monitoring/plany/1`);
      check(await page.locator('svg[role="img"]').count() >= 1, 'svg chart');
      check(await page.locator('meter').count() === 3, 'three goals');
      const latest = await page.locator('table', { hasText: 'Kiedy' }).innerText();
      check(latest.includes('koord'), 'latest change by koord');
      await shot(page, 'monitoring-dashboard');
    });

    await test('report page: indicators, budget and charts', async () => {
      await page.goto(`${base}/monitoring/plany/1/raport`);
      const text = await page.locator('main').innerText();
      check(text.includes('Sprawozdanie z realizacji za rok 2021'), 'title');
      check(text.includes('dane demonstracyjne'), 'demo marked');
      check(await page.locator('figure.mon-chart svg').count() === 2, 'two charts');
      check(await page.locator('table.mon-report tbody tr').count() > 30, 'indicator rows');
      await shot(page, 'monitoring-report');
    });

    await test('coordinator sees the awards of a competition', async () => {
      await page.goto(`${base}/rejestry/konkursy`);
      // The 2021 competition (record 1) has the demo's three awards.
      await Promise.all([page.waitForNavigation(),
        page.locator('a[href="/rejestry/konkursy/1/dotacje"]').click()]);
      check(page.url().endsWith('/rejestry/konkursy/1/dotacje'), page.url());
      const foot = await page.locator('tfoot').innerText();
      check(foot.includes('48 500,00') && foot.includes('640'), `sums: ${foot}`);
    });

    // The grantee, in its own browser context (no JavaScript either).
    const gctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 } });
    gctx.setDefaultTimeout(TIMEOUT);
    watch(gctx, problems);
    const gpage = await gctx.newPage();
    await test('grantee reports its grant and sees only its own', async () => {
      await gpage.goto(`${base}/login`);
      await gpage.fill('input[name="login"]', 'ngo');
      await gpage.fill('input[name="password"]', PASSWORD);
      await Promise.all([gpage.waitForNavigation(), gpage.click('button[type="submit"]')]);
      await gpage.goto(`${base}/moje-dotacje`);
      const rows = gpage.locator('table tbody tr');
      check(await rows.count() === 1, `own awards: ${await rows.count()}`);
      await Promise.all([gpage.waitForNavigation(), rows.first().locator('a').click()]);
      await gpage.getByLabel('Beneficjenci ostateczni').fill('dużo');
      await Promise.all([gpage.waitForNavigation(), gpage.click('text=Zapisz sprawozdanie')]);
      check((await gpage.locator('[role="alert"]').innerText()).includes('Beneficjenci ostateczni'),
        'error names the field');
      await gpage.getByLabel('Inicjatywy').fill('6');
      await gpage.getByLabel('Beneficjenci ostateczni').fill('275');
      await Promise.all([gpage.waitForNavigation(), gpage.click('text=Zapisz sprawozdanie')]);
      check(gpage.url().endsWith('/moje-dotacje'), gpage.url());
      const text = await rows.first().innerText();
      check(text.includes('275') && text.includes('złożone przez ngo'), text);
      await shot(gpage, 'monitoring-grantee');
      const r = await gpage.goto(`${base}/moje-dotacje/2`);
      check(r.status() === 404, `another organisation's grant: ${r.status()}`);
    });
    // The rejected report (400) and the foreign grant (404) were asked for.
    for (let i = problems.length - 1; i >= 0; i--) {
      const p = problems[i];
      if ((p.url.endsWith('/moje-dotacje/1') && p.what.includes('status of 400')) ||
          (p.url.endsWith('/moje-dotacje/2') && p.what.includes('status of 404'))) {
        problems.splice(i, 1);
      }
    }
    const gstate = await gctx.storageState();
    await gctx.close();

    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const state = await ctx.storageState();
    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL', storageState: state });
    axeCtx.setDefaultTimeout(TIMEOUT);
    await axeCtx.addInitScript(CSP_PROBE);
    const axePage = await axeCtx.newPage();
    for (const u of ['/monitoring', '/monitoring/plany/1', '/monitoring/plany/3', '/monitoring/plany/1/raport',
      '/monitoring/plany/1/realizacja', '/monitoring/zatwierdzanie', '/rejestry',
      '/rejestry/szkolenia', '/rejestry/konkursy/nowy', '/rejestry/konkursy/1/dotacje',
      `/monitoring/plany/${LONG}/realizacja?strona=2`]) {
      await test(`axe ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeViolations(axePage);
        check(v.length === 0, v.join('\n'));
      });
    }
    // The project card's monitoring page and the report with its adoption
    // section, as people see them at 1280 and 320 px (no sideways scroll).
    for (const u of ['/monitoring/plany/3', '/monitoring/plany/1/raport',
      `/monitoring/plany/${LONG}/realizacja?strona=2`]) {
      for (const width of [1280, 320]) {
        await test(`${u} at ${width} px`, async () => {
          await axePage.setViewportSize({ width, height: 900 });
          await axePage.goto(`${base}${u}`);
          await axePage.screenshot({ path: path.join(SHOTS, `monitoring-${slug(u)}-${width}.png`), fullPage: false });
          const over = await axePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          check(over <= 0, `${u} scrolls sideways by ${over} px at ${width}`);
        });
      }
    }
    await axePage.setViewportSize({ width: 1280, height: 900 });
    await axeCtx.close();
    const gaxeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL', storageState: gstate });
    gaxeCtx.setDefaultTimeout(TIMEOUT);
    await gaxeCtx.addInitScript(CSP_PROBE);
    const gaxePage = await gaxeCtx.newPage();
    for (const u of ['/moje-dotacje', '/moje-dotacje/1']) {
      await test(`axe grantee ${u}`, async () => {
        await gaxePage.goto(`${base}${u}`);
        const v = await axeViolations(gaxePage);
        check(v.length === 0, v.join('\n'));
      });
    }
    await gaxeCtx.close();

    await test('no console errors', async () => {
      check(problems.length === 0, problems.map((p) => `${p.url}: ${p.what}`).join('\n'));
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`monitoring: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
