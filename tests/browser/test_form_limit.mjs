// The limit on public forms (issues 17, 18, 19) in a browser without
// JavaScript: with a limit of two sign-ups to one training from an address
// (set through the environment, as an operator would), a person signs up
// twice and the third sign-up gets the page that says, in Polish, how long
// to wait (429, Retry-After); it changes nothing, axe finds no WCAG 2.1 AA
// violation on it and it reflows at 320 px.
//   node tests/browser/test_form_limit.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, SHOTS, TIMEOUT, check, counts,
  run, shot, startServer, stopServer, test, watch, axeViolations,
} from './lib.mjs';

function sqlite(db, query) {
  const p = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`sqlite3: ${p.stderr}`);
  return p.stdout.trim();
}

async function submit(page, locator) {
  const [resp] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return resp;
}

async function signUp(page, base, id, n) {
  await page.goto(`${base}/szkolenia/${id}`);
  await page.locator('#f-imie').fill(`Osoba ${n}`);
  await page.locator('#f-email').fill(`osoba${n}@ops.example.pl`);
  await page.locator('#f-nazwa').fill('OPS');
  await page.locator('#f-rodzaj').selectOption('ops');
  await page.locator('#f-gmina').selectOption('0463011');
  await page.locator('#f-grupa').selectOption({ index: 1 });
  await page.locator('#f-zgoda').check();
  return submit(page, page.locator('main form button[type="submit"]'));
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-limit-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    // The demo's training that takes sign-ups (a date to come).
    const id = sqlite(db, "SELECT id FROM training WHERE date_from > date('now')"
      + ' ORDER BY date_from LIMIT 1');
    check(id !== '', 'the demo has no training to come');
    process.env.RODZINA_FORM_LIMIT_PER_TARGET = '2';
    server = startServer(bin, db, tmp);
    delete process.env.RODZINA_FORM_LIMIT_PER_TARGET;
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    watch(ctx, problems);
    const page = await ctx.newPage();

    await test('two sign-ups pass, the third is refused with a clear message', async () => {
      for (const n of [1, 2]) {
        const resp = await signUp(page, base, id, n);
        check(resp.status() === 200, `sign-up ${n}: ${resp.status()}`);
      }
      const before = sqlite(db, 'SELECT count(*) FROM training_signup');
      const resp = await signUp(page, base, id, 3);
      check(resp.status() === 429, `third sign-up: ${resp.status()}`);
      const wait = Number(resp.headers()['retry-after']);
      check(wait > 0 && wait <= 3600, `Retry-After ${resp.headers()['retry-after']}`);
      const text = await page.locator('main').innerText();
      check(text.includes('zbyt wiele zgłoszeń') && /Spróbuj ponownie za \d+ min/.test(text),
        `message: ${text}`);
      check(sqlite(db, 'SELECT count(*) FROM training_signup') === before, 'a row was written');
      await shot(page, 'form-limit-1280');
    });

    await test('the refusal page: axe, reflow at 320 px', async () => {
      // axe needs script: a context of its own, still refused.
      const actx = await browser.newContext({ locale: 'pl-PL', bypassCSP: true,
        viewport: { width: 320, height: 900 } });
      actx.setDefaultTimeout(TIMEOUT);
      const apage = await actx.newPage();
      const resp = await signUp(apage, base, id, 4);
      check(resp.status() === 429, `fourth sign-up: ${resp.status()}`);
      const v = await axeViolations(apage);
      check(v.length === 0, v.join('; '));
      const over = await apage.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth);
      check(over <= 0, `scrolls sideways by ${over} px at 320 px`);
      await shot(apage, 'form-limit-320');
      await actx.close();
    });

    await test('no console errors', async () => {
      const real = problems.filter((p) => !/status of 429/.test(p.what));
      check(real.length === 0, real.map((p) => `${p.url}: ${p.what}`).join('\n'));
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`form_limit: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
