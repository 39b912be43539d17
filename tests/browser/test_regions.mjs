// The administrators' regions page and the role-less account form (issue
// 15) in a real browser: the administrator saves a region's settings with
// the keyboard, the saved helpline shows on the home page as a tel: link,
// an account without a role is refused with the message at the field, and
// axe finds no WCAG 2.1 AA violation on /regiony (blank, with an error and
// saved), /uzytkownicy with the role error, and the home page; /regiony
// reflows at 320 px.
//   node tests/browser/test_regions.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  AXE_JS, AXE_TAGS, CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  pathOf, run, startServer, stopServer, test, watch,
  axeViolations,
} from './lib.mjs';

const PASSWORD = 'haslo-administratora-2024';

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-regions-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'admin', '--role', 'administrator', '--db', db],
      { input: `${PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ locale: 'pl-PL', viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    await ctx.addInitScript(CSP_PROBE);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await test('administrator logs in and finds Regiony in the menu', async () => {
      await page.goto(`${base}/login`);
      await page.getByLabel('Login').fill('admin');
      await page.getByLabel('Hasło').fill(PASSWORD);
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      check(!page.url().includes('/login'), `still on ${page.url()}`);
      const hrefs = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      for (const h of ['/regiony', '/audyt', '/uzytkownicy'])
        check(hrefs.includes(h), `menu ${JSON.stringify(hrefs)} lacks ${h}`);
    });

    await test('a region saved with the keyboard shows its line on the home page', async () => {
      await page.goto(`${base}/regiony`);
      await page.locator('#f-woj').focus();
      await page.locator('#f-woj').selectOption('24');
      await page.locator('#f-office').fill('Regionalny Ośrodek Polityki Społecznej w Katowicach');
      await page.locator('#f-lines').fill('Telefon przykładowy | 32 000 00 00 | codziennie 8:00–20:00');
      await page.locator('#f-office').focus();
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      check(new URL(page.url()).searchParams.get('zapisano') === '1', `landed on ${page.url()}`);
      check((await page.locator('[role="status"]').innerText()).length > 0, 'no notice');
      await page.goto(`${base}/`);
      check(await page.locator('a[href="tel:320000000"]').count() === 1, 'home lacks the new line');
      check(await page.locator('a[href="tel:800154030"]').count() === 1, 'home lacks 04\'s line');
    });

    await test('an account without a role is refused at the field', async () => {
      await page.goto(`${base}/uzytkownicy`);
      check(await page.locator('#f-role').inputValue() === '', 'a role is preselected');
      check(await page.locator('#f-role[required]').count() === 1, 'role not required');
    });

    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const actx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
      storageState: await ctx.storageState() });
    actx.setDefaultTimeout(TIMEOUT);
    const apage = await actx.newPage();
    const axe = async () => {
      return axeViolations(apage);
    };
    for (const u of ['/regiony', '/regiony?woj=04', '/']) {
      await test(`axe ${u}`, async () => {
        await apage.goto(`${base}${u}`);
        const v = await axe();
        check(v.length === 0, v.join('; '));
      });
    }
    await test('axe /regiony with an error', async () => {
      await apage.goto(`${base}/regiony`);
      await apage.locator('#f-woj').selectOption('12');
      await apage.locator('#f-lines').fill('bez numeru');
      await Promise.all([apage.waitForNavigation(), apage.locator('#f-lines').evaluate((e) => e.form.submit())]);
      check(await apage.locator('[role="alert"]').count() === 1, 'no error shown');
      const v = await axe();
      check(v.length === 0, v.join('; '));
    });
    await test('axe /uzytkownicy with the role error at the field', async () => {
      await apage.goto(`${base}/uzytkownicy`);
      await apage.locator('#f-login').fill('bezroli');
      await apage.locator('#f-password').fill(PASSWORD);
      // the browser would stop a missing required choice: send the form as
      // a client without that check would
      await Promise.all([apage.waitForNavigation(), apage.locator('#f-role').evaluate((e) => e.form.submit())]);
      check(await apage.locator('#f-role[aria-invalid="true"]').count() === 1, 'no error at the role');
      const v = await axe();
      check(v.length === 0, v.join('; '));
    });
    await test('/regiony reflows at 320 px', async () => {
      await apage.setViewportSize({ width: 320, height: 900 });
      await apage.goto(`${base}/regiony`);
      await apage.screenshot({ path: path.join(SHOTS, 'regions-320.png') });
      const over = await apage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(over <= 0, `scrolls sideways by ${over} px`);
    });
    await test('no console errors', async () => {
      const rest = problems.filter((p) => !p.what.includes('/favicon.ico') &&
        !(/status of 400/.test(p.what) && ['/regiony', '/uzytkownicy'].includes(pathOf(p.url))));
      check(rest.length === 0, rest.map((p) => `${p.url}: ${p.what}`).join('\n'));
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`regions: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
