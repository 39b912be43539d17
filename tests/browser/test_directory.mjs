#!/usr/bin/env node
// Browser tests of the services directory (issue 5): a resident types
// where they live, picks the gmina from the suggestions and sees the
// adoption centre's branch and the helpline; the same without JavaScript;
// the quick exit; no request leaves the site; axe-core finds no WCAG 2.1 AA
// violation on the search and result pages.
//
//   node tests/browser/test_directory.mjs BUILD/rodzina
//
// Prints `ok NAME` / `FAIL NAME: why` and ends with
// `directory: N passed, N failed`; exits 1 on failure. Screenshots go to
// tests/browser/screenshots/directory-*.png.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  run, shot, startServer, stopServer, test, watch,
  axeViolations,
} from './lib.mjs';

async function main() {
  const binArg = process.argv[2];
  if (!binArg) {
    console.error('usage: node test_directory.mjs PATH/TO/rodzina');
    process.exit(2);
  }
  const bin = path.resolve(binArg);
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-dir-browser-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];

  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    server = startServer(bin, db, tmp);
    const port = await server.port;
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    await ctx.addInitScript(CSP_PROBE);
    watch(ctx, problems);
    const foreign = [];
    ctx.on('request', (req) => {
      if (!req.url().startsWith(base)) foreign.push(req.url());
    });
    const page = await ctx.newPage();

    await test('resident types "torun", picks Toruń, sees the adoption branch and the helpline', async () => {
      await page.goto(`${base}/uslugi`);
      await page.locator('#miejsce').pressSequentially('torun', { delay: 40 });
      const option = page.locator('ul.suggest li[role="option"]', { hasText: 'Toruń' }).first();
      await option.waitFor({ state: 'visible' });
      await option.click();
      const code = await page.locator('input[name="gmina"]').inputValue();
      check(code === '0463011', `hidden gmina is "${code}"`);
      await Promise.all([page.waitForURL(/\/uslugi\?/), page.locator('form.dir-search button[type="submit"]').click()]);
      const main = await page.locator('main').innerText();
      check(/gminy\s+Toruń/.test(main), 'no "Pomoc dla mieszkańców gminy Toruń"');
      check(main.includes('W Twojej gminie') && main.includes('Dla całego województwa'), 'groups missing');
      check(main.includes('Kujawsko-Pomorski Ośrodek Adopcyjny — oddział w Jaksicach'), 'no Jaksice branch');
      check(main.includes('800 154 030'), 'no helpline number');
      const tel = await page.locator('a[href="tel:800154030"]').count();
      check(tel >= 1, 'helpline number is not a tel: link');
      const h2 = await page.locator('main h2').allInnerTexts();
      check(h2.indexOf('W Twojej gminie') < h2.indexOf('Dla całego województwa'), `order ${h2}`);
      await shot(page, 'directory-torun');
    });

    await test('"Jaksice" (a village in four gminas) offers each with its gmina; the right one finds the branch', async () => {
      await page.goto(`${base}/uslugi`);
      await page.locator('#miejsce').fill('Jaksice');
      await Promise.all([page.waitForURL(/miejsce=Jaksice/), page.locator('#miejsce').press('Enter')]);
      const choice = page.locator('main a', { hasText: 'Jaksice — gmina Inowrocław, powiat inowrocławski' });
      check(await choice.count() === 1, 'no choice of Jaksice near Inowrocław');
      await Promise.all([page.waitForURL(/gmina=0407042/), choice.click()]);
      const main = await page.locator('main').innerText();
      check(main.includes('oddział w Jaksicach'), 'branch not found');
      const crisis = await page.locator('#pomoc-teraz').count();
      check(crisis === 1, 'no crisis lines');
      await shot(page, 'directory-jaksice');
    });

    let serviceUrl = null;
    await test('a result has a stable page, a printable card and the quick exit', async () => {
      await page.goto(`${base}/uslugi?gmina=0407042&kategoria=adopcja`);
      const link = page.locator('main h3 a', { hasText: 'oddział w Jaksicach' }).first();
      serviceUrl = await link.getAttribute('href');
      check(/^\/uslugi\/usluga\/\d+$/.test(serviceUrl), `href ${serviceUrl}`);
      await link.click();
      await page.waitForURL(`${base}${serviceUrl}`);
      check((await page.locator('main h1').innerText()).includes('Jaksicach'), 'h1');
      const exit = page.locator('p.quick-exit a');
      check(await exit.count() === 1, 'no quick exit');
      check(/^https:\/\//.test(await exit.getAttribute('href')), 'quick exit href');
      await page.goto(`${base}${serviceUrl}/druk`);
      check(await page.locator('article.print-card').count() === 1, 'no print card');
      await page.emulateMedia({ media: 'print' });
      check(!(await page.locator('p.quick-exit').isVisible()), 'quick exit printed');
      await shot(page, 'directory-print');
      await page.emulateMedia({ media: 'screen' });
    });

    await test('quick exit is the first thing after the menu, reachable by keyboard', async () => {
      await page.goto(`${base}/uslugi`);
      const first = await page.evaluate(() => {
        const main = document.querySelector('main');
        const f = main.querySelector('a, button, input, select, textarea');
        return f && f.closest('p') ? f.closest('p').className : '';
      });
      check(first === 'quick-exit', `first control in main is in .${first}`);
      await page.locator('p.quick-exit a').focus();
      const focused = await page.evaluate(() => document.activeElement.textContent);
      check(/Szybkie wyjście/.test(focused), focused);
    });

    await test('no request left the site and no console error', async () => {
      check(foreign.length === 0, `third-party requests: ${foreign.join(', ')}`);
      const mine = problems.filter((p) => p.url.includes('/uslugi'));
      check(mine.length === 0, mine.map((p) => `${p.url}: ${p.what}`).join('; '));
    });
    await ctx.close();

    await test('search works without JavaScript', async () => {
      const nojs = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false });
      nojs.setDefaultTimeout(TIMEOUT);
      const p = await nojs.newPage();
      await p.goto(`${base}/uslugi`);
      await p.locator('#miejsce').fill('torun');
      await Promise.all([p.waitForURL(/miejsce=torun/), p.locator('form.dir-search button[type="submit"]').click()]);
      const main = await p.locator('main').innerText();
      check(main.includes('oddział w Jaksicach') && main.includes('800 154 030'), 'results without JS');
      await shot(p, 'directory-nojs');
      await nojs.close();
    });

    // Issue 15: małopolskie is the public lists. A village of Brzesko and the
    // page of a register row "do weryfikacji", with its source, at 320 px.
    const brzesko = await (await fetch(`${base}/api/services?gmina=1202023&limit=100`)).json();
    const toVerify = brzesko.results.find((r) => r.organization.verify.startsWith('do weryfikacji'));
    await test('małopolskie: real institutions with source and marker reflow at 320 px', async () => {
      check(toVerify, 'a register row to verify in Brzesko');
      const narrow = await browser.newContext({ locale: 'pl-PL', viewport: { width: 320, height: 800 } });
      const p = await narrow.newPage();
      for (const u of ['/uslugi?miejsce=Okocim', toVerify.url]) {
        await p.goto(`${base}${u}`);
        const main = await p.locator('main').innerText();
        check(main.includes('Źródło danych'), `${u}: no source`);
        const w = await p.evaluate(() => document.documentElement.scrollWidth);
        check(w <= 320, `${u}: ${w} px wide at 320`);
      }
      check((await p.locator('.notice.verify').innerText()).includes('do weryfikacji'), 'marker');
      await shot(p, 'directory-verify-320');
      await narrow.close();
    });

    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    axeCtx.setDefaultTimeout(TIMEOUT);
    const axePage = await axeCtx.newPage();
    const axeRun = async () => {
      return axeViolations(axePage);
    };
    const pages = ['/uslugi', '/uslugi?miejsce=torun', '/uslugi?miejsce=nowa', '/uslugi?miejsce=Przysiek',
      '/uslugi?gmina=0463011&q=osrodek+interwencji', serviceUrl || '/uslugi/usluga/1',
      `${serviceUrl || '/uslugi/usluga/1'}/druk`, '/uslugi/instytucja/2', '/uslugi?miejsce=Okocim',
      ...(toVerify ? [toVerify.url, `/uslugi/instytucja/${toVerify.organization.id}`] : [])];
    for (const u of pages) {
      await test(`axe ${AXE_TAGS.join('/')} ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeRun();
        check(v.length === 0, `${v.length} violation(s):\n${v.join('\n')}`);
      });
    }
    await test('axe /uslugi with suggestions open', async () => {
      await axePage.goto(`${base}/uslugi`);
      await axePage.locator('#miejsce').pressSequentially('torun', { delay: 40 });
      await axePage.locator('ul.suggest li[role="option"]').first().waitFor({ state: 'visible' });
      await axePage.keyboard.press('ArrowDown');
      const v = await axeRun();
      check(v.length === 0, `${v.length} violation(s):\n${v.join('\n')}`);
    });
    await axeCtx.close();

    await test('access log carries no query string', async () => {
      const leaks = server.stderr.split('\n').filter((l) => /torun|jaksice|miejsce=/i.test(l));
      check(leaks.length === 0, `log lines with the query: ${leaks.join(' | ')}`);
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e && e.message ? e.message : e}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`directory: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
