#!/usr/bin/env node
// Browser tests of Niebieska Linia (issue 6): a consultant logs a contact
// with the keyboard only (no click, no fill: keys), refers another to an
// institution of the services directory listed for its gmina, and sees
// both counted in the month's statistics; the public page, the agreements map and the
// statistics pass axe-core WCAG 2.1 AA, and so do the duty and agreement
// forms refused, with the wrong field named, linked and marked.
//
//   node tests/browser/test_helpline.mjs BUILD/rodzina

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  run, shot, startServer, stopServer, test, watch,
  axeViolations,
} from './lib.mjs';

const PASSWORD = 'haslo-konsultanta-2024';

async function total(page) {
  return Number((await page.locator('#hl-total').innerText()).replace(/\s/g, ''));
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-helpline-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'konsultantka', '--role', 'consultant',
      '--region', '04', '--db', db], { input: `${PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    await ctx.addInitScript(CSP_PROBE);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await test('public page says whether the line is open', async () => {
      const r = await page.goto(`${base}/niebieska-linia`);
      check(r.status() === 200, `status ${r.status()}`);
      const s = await page.locator('#linia-status').innerText();
      check(/jest teraz (czynna|nieczynna)/.test(s), s);
      check(await page.locator('table.hl-duties tbody tr').count() >= 6, 'duties listed');
    });

    await test('agreements map: a title per gmina and the table beside', async () => {
      await page.goto(`${base}/niebieska-linia/porozumienia?woj=04`);
      const paths = await page.locator('svg.hl-map path').count();
      check(paths >= 144, `${paths} paths`);
      check(await page.locator('svg.hl-map path > title').count() === paths, 'titles');
      check(await page.locator('#porozumienia tbody tr').count() === 144, 'table rows');
      await shot(page, 'helpline-agreements');
    });

    const now = new Date();
    // The month in Warsaw, as the server counts it.
    const ym = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw', year: 'numeric', month: '2-digit' })
      .format(now).slice(0, 7);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' }).format(now);
    const statsUrl = `${base}/niebieska-linia/statystyki?od=${ym}-01&do=${today}`;
    let before = 0;

    await test('consultant logs a contact with the keyboard only', async () => {
      await page.goto(`${base}/login?next=/niebieska-linia/statystyki`);
      await page.locator('input[name="login"]').focus();
      await page.keyboard.type('konsultantka');
      await page.keyboard.press('Tab');
      await page.keyboard.type(PASSWORD);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      await page.goto(statsUrl);
      before = await total(page);
      await page.goto(`${base}/niebieska-linia/kontakty/nowy`);
      const t0 = Date.now();
      // The channel list has the focus (autofocus): type to choose.
      // autofocus lands after the load event on a busy machine: wait for it (5 s), then check.
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-channel', null, { timeout: 5000 }).catch(() => {});
      check(await page.evaluate(() => document.activeElement.id) === 'f-channel', 'focus on channel');
      await page.keyboard.type('Linia');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Osoba d');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Toru', { delay: 50 });
      await page.locator('ul.suggest li[role="option"]').first().waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      await page.keyboard.type('12');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space'); // fizyczna
      await page.keyboard.press('Tab');
      await page.keyboard.press('Space'); // psychiczna
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Shift+Tab');
      check(await page.evaluate(() => document.activeElement.id) === 'f-minuty', 'back on minutes');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const took = Date.now() - t0;
      const saved = await page.locator('#zapisano').innerText();
      check(/Zapisano kontakt nr \d+/.test(saved), saved);
      check(took < 30000, `took ${took} ms`);
      const id = /nr (\d+)/.exec(saved)[1];
      await page.goto(`${base}/niebieska-linia/kontakty/${id}`);
      const text = await page.locator('main').innerText();
      check(text.includes('Linia bezpłatna'), 'channel');
      check(text.includes('Osoba doznająca przemocy'), 'caller');
      check(text.includes('Toruń') && text.includes('0463011'), 'gmina');
      check(text.includes('fizyczna, psychiczna'), 'forms');
      await shot(page, 'helpline-contact');
    });

    await test('consultant refers a contact to an institution of the directory, keyboard only', async () => {
      await page.goto(`${base}/niebieska-linia/kontakty/nowy`);
      // autofocus lands after the load event on a busy machine: wait for it (5 s), then check.
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'f-channel', null, { timeout: 5000 }).catch(() => {});
      check(await page.evaluate(() => document.activeElement.id) === 'f-channel', 'focus on channel');
      check(await page.locator('input[name^="instytucja"]').count() === 0, 'no list before the gmina');
      await page.keyboard.type('Linia');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Osoba d');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Toru', { delay: 50 });
      await page.locator('ul.suggest li[role="option"]').first().waitFor({ state: 'visible' });
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      // Tab on to the button that lists the gmina's institutions.
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate(() => document.activeElement.id) === 'f-inst-show') break;
        await page.keyboard.press('Tab');
      }
      check(await page.evaluate(() => document.activeElement.id) === 'f-inst-show', 'reached the button');
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const boxes = page.locator('#f-instytucje input[type="checkbox"]');
      check(await boxes.count() >= 2, `${await boxes.count()} institutions`);
      check(await page.locator('#f-gmina-q').inputValue() === 'Toruń', 'the form keeps the gmina');
      // The first institution has the focus: tick it, then save.
      check(await page.evaluate(() => document.activeElement.name) === 'instytucja1', 'focus on the list');
      const name = (await page.locator('#f-instytucje label').first().innerText()).split(',')[0].trim();
      await page.keyboard.press('Space');
      for (let i = 0; i < 60; i++) {
        if (await page.evaluate(() => document.activeElement.id) === 'f-save') break;
        await page.keyboard.press('Tab');
      }
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      const saved = await page.locator('#zapisano').innerText();
      check(/Zapisano kontakt nr \d+/.test(saved), saved);
      const id = /nr (\d+)/.exec(saved)[1];
      await page.goto(`${base}/niebieska-linia/kontakty/${id}`);
      const list = await page.locator('ul.hl-inst-list').innerText();
      check(list.includes(name), `${name} not in ${list}`);
      await page.goto(statsUrl);
      const row = page.locator('section[aria-labelledby="s-10"] tbody tr', { hasText: name });
      check((await row.count()) === 1, 'the institution in the statistics');
    });

    await test("the contact is in the month's statistics", async () => {
      await page.goto(statsUrl);
      const after = await total(page);
      check(after === before + 2, `total ${before} -> ${after}`);
      const row = page.locator('section[aria-labelledby="s-1"] tbody tr', { hasText: ym });
      check((await row.count()) === 1, 'month row');
      const n = Number((await row.locator('td').first().innerText()).replace(/\s/g, ''));
      check(n === after, `month ${ym}: ${n}, total ${after}`);
      const torun = page.locator('section[aria-labelledby="s-7"] tbody tr', { hasText: '0463011' });
      check((await torun.count()) === 1, 'Toruń row in the gmina table');
      check(await page.locator('svg.hl-map path').count() >= 144, 'map of gminas');
      await shot(page, 'helpline-stats');
    });

    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const state = await ctx.storageState();
    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL', storageState: state });
    axeCtx.setDefaultTimeout(TIMEOUT);
    const axePage = await axeCtx.newPage();
    for (const u of ['/niebieska-linia', '/niebieska-linia/porozumienia', '/niebieska-linia/kontakty/nowy',
      `/niebieska-linia/statystyki?od=2021-01-01&do=2021-12-31`, '/niebieska-linia/dyzury']) {
      await test(`axe ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeViolations(axePage);
        check(v.length === 0, v.join('\n'));
      });
    }
    // A refused form: each message names its field, links to it, and the
    // field is marked; the page still passes axe (issue 19's rests).
    const refused = async (path, action, fields, field) => {
      await axePage.goto(`${base}${path}`);
      for (const [id, value] of Object.entries(fields)) {
        await axePage.locator(`#${id}`).fill(value);
      }
      await Promise.all([axePage.waitForNavigation(),
        axePage.locator(`form[action="${action}"] button[type="submit"]`).click()]);
      check(await axePage.locator(`#${field}[aria-invalid="true"]`).count() === 1,
        `${field} not marked`);
      check(await axePage.locator(`.errors li a[href="#${field}"]`).count() === 1,
        `no link to ${field}`);
      const v = await axeViolations(axePage);
      check(v.length === 0, v.join('\n'));
    };
    await test('axe on a refused duty: the end time named and marked', async () => {
      await refused('/niebieska-linia/dyzury', '/niebieska-linia/dyzury', {
        'f-city': 'Toruń', 'f-place': 'ul. Szeroka 1', 'f-day': '2026-03-02',
        'f-start': '18:00', 'f-finish': '17:00' }, 'f-finish');
      check(await axePage.locator('#f-city').inputValue() === 'Toruń', 'city kept');
      await shot(axePage, 'helpline-duty-refused');
    });
    await test('axe on a refused agreement: the end date named and marked', async () => {
      await refused('/niebieska-linia/porozumienia?woj=04', '/niebieska-linia/porozumienia', {
        'f-since': '2021-05-01', 'f-until': '2021-04-30' }, 'f-until');
      check(await axePage.locator('#f-since').inputValue() === '2021-05-01', 'since kept');
    });
    await axeCtx.close();

    await test('no console errors or CSP violations', async () => {
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
  console.log(`helpline: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
