#!/usr/bin/env node
// Browser tests of rodzina: Debian's chromium driven by playwright-core,
// accessibility checked with axe-core.
//
//   node tests/browser/run.mjs BUILD/rodzina
//
// Creates a demo database in a temporary folder, serves it on a free
// loopback port, runs the tests and stops the server with SIGTERM. Prints
// `ok NAME` or `FAIL NAME: reason` per test and ends with
// `browser: N passed, N failed`; exits 1 when anything failed.
// Screenshots go to tests/browser/screenshots/ (not committed).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  pathOf, run, shot, slug, startServer, stopServer, test, watch,
  axeViolations,
} from './lib.mjs';

// The public's menu (issue 15: a role sees only the pages it may open).
const NAV = ['/', '/plany', '/monitoring', '/niebieska-linia', '/uslugi', '/rejestry', '/szkolenia',
  '/teryt'];
const NOT_BUILT = 'Ta część systemu jeszcze nie działa';
const NOT_BUILT_PATHS = new Set(NAV.filter((h) => h !== '/' && h !== '/teryt'));
const COORD_PASSWORD = 'haslo-koordynatora-2024';
// A plan whose every text cell carries a script, an event handler or a
// javascript: link; none of them may run anywhere it is shown.
const HOSTILE_PLAN = [
  'Lp.\tDziałanie\togólna\tśrodki własne\tinne\tTermin\tRealizatorzy\twskaźnik\tPlan 2021\tPlan 2021 - 2026',
  '1.\tCel <script>alert("cel")</script>',
  '1.1\t"><img src=x onerror=alert("img")> zadanie\t1.000\t1.000\t-\tI-XII\t<a href="javascript:alert(\'a\')">realizator</a>\t<svg onload=alert("svg")>\t1\t2',
  '',
].join('\n');

async function main() {
  const binArg = process.argv[2];
  if (!binArg) {
    console.error('usage: node run.mjs PATH/TO/rodzina');
    process.exit(2);
  }
  const bin = path.resolve(binArg);
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-browser-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];

  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'koord', '--role', 'coordinator',
      '--region', '04', '--db', db], { input: `${COORD_PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    server = startServer(bin, db, tmp);
    const port = await server.port;
    const base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

    const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    await ctx.addInitScript(CSP_PROBE);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await test('home page opens in Polish with a title', async () => {
      const r = await page.goto(`${base}/`);
      check(r && r.status() === 200, `status ${r && r.status()}`);
      const lang = await page.getAttribute('html', 'lang');
      check(lang === 'pl', `html lang="${lang}", want "pl"`);
      const title = await page.title();
      check(/Rodzina/.test(title), `title "${title}" does not name Rodzina`);
      const h1 = await page.locator('h1').count();
      check(h1 === 1, `${h1} h1 elements`);
      await shot(page, 'home');
    });

    // The layout's menu: the nine parts in this order (a login link or
    // such may stand beside them).
    let navCount = NAV.length;
    await test('navigation has the 8 public parts', async () => {
      await page.goto(`${base}/`);
      const hrefs = await page.locator('header nav a').evaluateAll(
        (as) => as.map((a) => a.getAttribute('href')));
      const parts = hrefs.filter((h) => NAV.includes(h));
      check(JSON.stringify(parts) === JSON.stringify(NAV),
        `nav links ${JSON.stringify(hrefs)}, want ${JSON.stringify(NAV)} in this order`);
      navCount = hrefs.length;
    });

    // Following each link lands on the part (200), on a plain "not built
    // yet" page (501), or on the login page when the part needs an account.
    for (const href of NAV) {
      await test(`navigation link ${href}`, async () => {
        await page.goto(`${base}/`);
        const link = page.locator(`header nav a[href="${href}"]`);
        const [resp] = await Promise.all([
          page.waitForNavigation(),
          link.click(),
        ]);
        const status = resp ? resp.status() : 0;
        const landed = new URL(page.url());
        const login = landed.pathname === '/login';
        if (login) {
          check(landed.searchParams.get('next') === href,
            `redirected to ${landed.pathname}${landed.search}, want next=${href}`);
          check(await page.locator('main form input[type="password"]').count() === 1,
            'login page without a password field');
        } else {
          check(landed.pathname === href, `landed on ${page.url()}`);
        }
        check(status === 200 || status === 501, `status ${status}`);
        check(await page.getAttribute('html', 'lang') === 'pl', 'html lang is not pl');
        check((await page.title()).trim() !== '', 'empty title');
        const h1 = (await page.locator('main h1').allInnerTexts()).map((t) => t.trim());
        check(h1.length === 1 && h1[0] !== '', `main has ${h1.length} h1 (${JSON.stringify(h1)})`);
        const nav = await page.locator('header nav a').count();
        check(nav === navCount, `layout nav has ${nav} links, the home page ${navCount}`);
        if (!login) {
          const current = await page.locator('header nav a[aria-current="page"]').getAttribute('href');
          check(current === href, `aria-current on ${current}, want ${href}`);
        }
        check(await page.locator('footer').count() === 1, 'no footer');
        const text = await page.locator('main').innerText();
        if (status === 501) {
          check(text.includes(NOT_BUILT), `501 page does not say "${NOT_BUILT}"`);
        } else {
          check(!text.includes(NOT_BUILT), `200 page says "${NOT_BUILT}"`);
        }
        await shot(page, `nav-${slug(href)}`);
      });
    }

    await test('/teryt lists 16 voivodeships', async () => {
      const r = await page.goto(`${base}/teryt`);
      check(r.status() === 200, `status ${r.status()}`);
      const rows = await page.locator('main table tbody tr').count();
      check(rows === 16, `${rows} rows, want 16`);
      await shot(page, 'teryt');
    });

    await test('browse voivodeship → powiat → gmina', async () => {
      await page.goto(`${base}/teryt`);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'kujawsko-pomorskie' }).click()]);
      check(new URL(page.url()).pathname === '/teryt/04', `landed on ${page.url()}`);
      const powiats = await page.locator('main table tbody tr').count();
      check(powiats === 23, `${powiats} powiats in kujawsko-pomorskie, want 23`);
      await shot(page, 'teryt-04');
      await Promise.all([page.waitForNavigation(),
        page.locator('main table a[href="/teryt/04/63"]').click()]);
      const text = await page.locator('main').innerText();
      check(text.includes('0463011') && text.includes('Toruń'), 'Toruń 0463011 not on /teryt/04/63');
      await shot(page, 'teryt-04-63');
    });

    await test('autocomplete: type, choose with keyboard, submit', async () => {
      await page.goto(`${base}/teryt`);
      const q = page.locator('#q');
      await q.click();
      await q.pressSequentially('torun', { delay: 40 });
      const option = page.locator('ul.suggest li[role="option"]', { hasText: 'Toruń' });
      await option.first().waitFor({ state: 'visible' });
      check(await q.getAttribute('aria-expanded') === 'true', 'aria-expanded is not true with suggestions shown');
      await shot(page, 'autocomplete');
      await page.keyboard.press('ArrowDown');
      const first = page.locator('ul.suggest li[role="option"]').first();
      check(await first.getAttribute('aria-selected') === 'true', 'ArrowDown did not select the first option');
      check((await first.innerText()).startsWith('Toruń'), `first option is "${await first.innerText()}"`);
      check(await q.getAttribute('aria-activedescendant') === await first.getAttribute('id'),
        'aria-activedescendant does not point at the selected option');
      await page.keyboard.press('Enter');
      check(new URL(page.url()).pathname === '/teryt', 'Enter on an option submitted the form');
      const value = await q.inputValue();
      check(value === 'Toruń', `input holds "${value}" after choosing, want "Toruń"`);
      check(await page.locator('ul.suggest').isHidden(), 'suggestions still shown after choosing');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const url = new URL(page.url());
      check(url.pathname === '/teryt/szukaj', `submitted to ${url.pathname}`);
      check(url.searchParams.get('q') === 'Toruń', `q=${url.searchParams.get('q')}`);
      const items = await page.locator('main ul.results li').allInnerTexts();
      check(items.some((t) => t.includes('Toruń') && t.includes('0463011')),
        `results do not list Toruń 0463011: ${JSON.stringify(items)}`);
      await shot(page, 'search-torun');
    });

    await test('autocomplete: Polish letters not needed (lodz → Łódź)', async () => {
      await page.goto(`${base}/teryt`);
      await page.locator('#q').pressSequentially('lodz', { delay: 40 });
      await page.locator('ul.suggest li[role="option"]', { hasText: 'Łódź' }).first()
        .waitFor({ state: 'visible' });
    });

    await test('search works with JavaScript disabled', async () => {
      const nojs = await browser.newContext({ javaScriptEnabled: false, locale: 'pl-PL' });
      nojs.setDefaultTimeout(TIMEOUT);
      watch(nojs, problems);
      try {
        const p = await nojs.newPage();
        await p.goto(`${base}/teryt`);
        check(await p.locator('ul.suggest').count() === 0, 'suggestion list present without JavaScript');
        await p.locator('#q').fill('torun');
        await Promise.all([p.waitForNavigation(), p.locator('form.search button[type="submit"]').click()]);
        const url = new URL(p.url());
        check(url.pathname === '/teryt/szukaj', `submitted to ${url.pathname}`);
        const items = await p.locator('main ul.results li').allInnerTexts();
        check(items.some((t) => t.includes('Toruń') && t.includes('0463011')),
          `results do not list Toruń 0463011: ${JSON.stringify(items)}`);
        await shot(p, 'nojs-search-torun');
      } finally {
        await nojs.close();
      }
    });

    await test('phone width: pages fit without sideways scrolling', async () => {
      const phone = await browser.newContext({ viewport: { width: 360, height: 740 },
        deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'pl-PL' });
      phone.setDefaultTimeout(TIMEOUT);
      await phone.addInitScript(CSP_PROBE);
      watch(phone, problems);
      const bad = [];
      try {
        const p = await phone.newPage();
        for (const u of ['/', '/teryt', '/teryt/04', '/teryt/szukaj?q=torun']) {
          await p.goto(`${base}${u}`);
          const w = await p.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
          if (w[0] > w[1]) bad.push(`${u}: content ${w[0]} px wide in a ${w[1]} px window`);
          await shot(p, `phone-${slug(u)}`);
        }
      } finally {
        await phone.close();
      }
      check(bad.length === 0, bad.join('; '));
    });

    // axe-core is injected as an inline script, which the page's CSP rightly
    // forbids: this context alone bypasses CSP (and is not watched for CSP).
    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
    axeCtx.setDefaultTimeout(TIMEOUT);
    const axePage = await axeCtx.newPage();
    const axeRun = async () => {
      return axeViolations(axePage);
    };
    for (const u of ['/', '/teryt', '/teryt/szukaj?q=torun']) {
      await test(`axe ${AXE_TAGS.join('/')} ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeRun();
        check(v.length === 0, `${v.length} violation(s):\n${v.join('\n')}`);
      });
    }
    await test('axe /teryt with suggestions open', async () => {
      await axePage.goto(`${base}/teryt`);
      await axePage.locator('#q').pressSequentially('torun', { delay: 40 });
      await axePage.locator('ul.suggest li[role="option"]').first().waitFor({ state: 'visible' });
      await axePage.keyboard.press('ArrowDown');
      await axePage.locator('ul.suggest li[aria-selected="true"]').waitFor({ state: 'visible' });
      const v = await axeRun();
      check(v.length === 0, `${v.length} violation(s):\n${v.join('\n')}`);
    });
    await axeCtx.close();

    await test('hostile text in an uploaded plan is shown inert (no script runs)', async () => {
      const xctx = await browser.newContext({ locale: 'pl-PL' });
      xctx.setDefaultTimeout(TIMEOUT);
      await xctx.addInitScript(CSP_PROBE);
      watch(xctx, problems);
      const xp = await xctx.newPage();
      const dialogs = [];
      xp.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
      await xp.goto(`${base}/login`);
      await xp.getByLabel('Login').fill('koord');
      await xp.getByLabel('Hasło').fill(COORD_PASSWORD);
      await Promise.all([xp.waitForNavigation(), xp.getByRole('button', { name: 'Zaloguj się' }).click()]);
      check((await xp.content()).includes('Zalogowano:'), 'login failed');
      await xp.goto(`${base}/plany/wczytaj`);
      await xp.getByLabel('Plik planu').setInputFiles({
        name: 'zly-plan.txt', mimeType: 'text/plain', buffer: Buffer.from(HOSTILE_PLAN) });
      await Promise.all([xp.waitForNavigation(), xp.getByRole('button', { name: 'Sprawdź plik' }).click()]);
      const inert = async (where) => {
        check(await xp.locator('main script').count() === 0, `${where}: a script element in the page`);
        check(await xp.locator('img[onerror], svg[onload], a[href^="javascript:"]').count() === 0,
          `${where}: a live handler or javascript: link`);
        check((await xp.textContent('main')).includes('<script>alert("cel")</script>'),
          `${where}: the text is not shown as text`);
      };
      await inert('preview');
      await shot(xp, 'xss-preview');
      await Promise.all([xp.waitForNavigation(),
        xp.getByRole('button', { name: 'Zatwierdź i zapisz plan' }).click()]);
      check(/\/plany\/\d+$/.test(xp.url()), `not on the plan page: ${xp.url()}`);
      await inert('plan page');
      await shot(xp, 'xss-plan');
      check(dialogs.length === 0, `script ran: ${dialogs.join(', ')}`);
      await xctx.close();
    });

    await test('no console errors, uncaught exceptions or CSP violations', async () => {
      const lines = problems.map((p) => `${p.url}: ${p.what}`);
      check(lines.length === 0, lines.join('\n'));
    });

    await ctx.close();
    await browser.close();
    browser = null;

    await test('access log carries no query string', async () => {
      const leaks = server.stderr.split('\n').filter((l) => /[?&]q=|torun|lodz/i.test(l));
      check(leaks.length === 0, `log lines with the query: ${leaks.join(' | ')}`);
    });

    await test('server stops cleanly on SIGTERM', async () => {
      const x = await stopServer(server);
      check(x.code === 0, `exit ${x.code ?? x.signal}`);
      check(server.stderr.includes('serve: stopped cleanly'),
        `no "serve: stopped cleanly" in stderr; last lines: ${server.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e && e.message ? e.message : e}`);
  } finally {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  console.log(`browser: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
