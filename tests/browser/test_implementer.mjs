// The implementer's reporting loop (issue 12), keyboard only and without
// JavaScript: the implementer logs in, sees on /moje-zadania what is due,
// enters a wrong value and gets it back as typed with the message at the
// field, corrects it (a value far above the plan, confirmed with a reason);
// the coordinator sees the flag and returns the entry with a comment; the
// implementer sees the comment and enters a plausible value; the
// coordinator approves it, and only then does the annual report change.
// Every interaction is focus + typing + Enter: no mouse.
//   node tests/browser/test_implementer.mjs BUILD/rodzina
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

const PASSWORD = 'haslo-realizatora-2024';
const PLAN = 2; // the demo's 2024 plan of the family-support programme

// Type into a field reached by focus, as a keyboard user would.
async function typeInto(page, selector, text) {
  await page.locator(selector).focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

// Press Enter on a focused control and wait for the page it loads.
async function enterOn(page, locator) {
  await locator.focus();
  const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return resp;
}

async function login(page, base, login) {
  await page.goto(`${base}/login`);
  await typeInto(page, '#f-login', login);
  await typeInto(page, '#f-password', PASSWORD);
  await enterOn(page, page.locator('#f-password'));
  check(!page.url().includes('/login'), `${login} logged in: ${page.url()}`);
}

async function spent(page, base) {
  const r = await page.goto(`${base}/api/monitoring/plans/${PLAN}/report`);
  check(r.status() === 200, `report ${r.status()}`);
  return JSON.parse(await page.locator('body').innerText()).budget;
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-implementer-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const units = spawnSync(bin, ['user', 'units', '--region', '04', '--kind', 'implementer',
      '--db', db], { encoding: 'utf8' });
    const unit = (units.stdout || '').split('\n')
      .find((l) => / Departament Spraw Społecznych i Zdrowia$/.test(l));
    if (!unit) throw new Error(`no unit of plan ${PLAN}: ${units.stdout}`);
    for (const [login, role, extra] of [['koord', 'coordinator', []],
      ['realizator', 'implementer', ['--unit', unit.trim().split(/\s+/)[0]]]]) {
      const add = spawnSync(bin, ['user', 'add', login, '--role', role, '--region', '04',
        ...extra, '--db', db], { input: `${PASSWORD}\n` });
      if (add.status !== 0) throw new Error(`user add ${login}: ${add.stderr}`);
    }
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const context = async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 } });
      ctx.setDefaultTimeout(TIMEOUT);
      watch(ctx, problems);
      return ctx;
    };
    const ictx = await context(), cctx = await context();
    const impl = await ictx.newPage(), coord = await cctx.newPage();
    let before = null, entryId = null;

    await test('coordinator sets a due date that has passed', async () => {
      await login(coord, base, 'koord');
      await coord.goto(`${base}/monitoring/plany/${PLAN}`);
      await coord.locator('#p-2024-due').fill('2024-04-20');
      await enterOn(coord, coord.locator('#p-2024-due ~ button[value="due"]'));
      check((await coord.locator('#kalendarz + div').innerText()).includes('2024-04-20'),
        'due date shown');
      before = await spent(coord, base);
    });

    await test('implementer sees what is due on Moje zadania', async () => {
      await login(impl, base, 'realizator');
      await impl.goto(`${base}/moje-zadania`);
      const text = await impl.locator('main').innerText();
      check(/do uzupełnienia: [1-9]/.test(text), 'items due counted');
      check(text.includes('po terminie'), 'overdue marked');
      await impl.screenshot({ path: path.join(SHOTS, 'implementer-moje-zadania-1280.png') });
    });

    await test('a wrong value comes back as typed, with the message at the field', async () => {
      await enterOn(impl, impl.locator('a', { hasText: 'Wprowadź lub popraw' }).first());
      const value = impl.locator('input[id^="wart-l"]').first();
      await value.focus();
      await impl.keyboard.type('dwanaście tysięcy');
      const resp = await enterOn(impl, value);
      check(resp.status() === 400, `status ${resp.status()}`);
      check(await impl.locator('#f-value').inputValue() === 'dwanaście tysięcy', 'value kept');
      check(await impl.locator('#f-value').getAttribute('aria-invalid') === 'true', 'aria-invalid');
      const err = await impl.locator('#f-value-error').innerText();
      check(err.includes('Wartość'), `message at the field: ${err}`);
    });

    await test('a value far above the plan needs a reason, then is saved', async () => {
      await typeInto(impl, '#f-value', '9 999 999,00');
      let resp = await enterOn(impl, impl.locator('#f-value'));
      check(resp.status() === 409, `status ${resp.status()}`);
      check((await impl.locator('#f-value-error').innerText()).includes('przekracza plan'),
        'the flag at the field');
      check(await impl.locator('#f-value').inputValue() === '9 999 999,00', 'value kept');
      await typeInto(impl, '#f-reason', 'Zakup wyposażenia dla trzech ośrodków');
      resp = await enterOn(impl, impl.locator('#f-reason'));
      check(/\/monitoring\/wpisy\/\d+$/.test(impl.url()), impl.url());
      entryId = impl.url().split('/').pop();
    });

    await test('coordinator sees the flag and returns the entry with a comment', async () => {
      await coord.goto(`${base}/monitoring/zatwierdzanie`);
      const row = coord.locator('tr', { has: coord.locator(`a[href="/monitoring/wpisy/${entryId}"]`) });
      const text = await row.innerText();
      check(text.includes('przekracza plan') && text.includes('Zakup wyposażenia'), text);
      await typeInto(coord, `#k-${entryId}`, 'Kwota wygląda na roczną, a nie kwartalną');
      await enterOn(coord, row.locator('button[value="return"]'));
      check(coord.url().endsWith('/monitoring/zatwierdzanie'), coord.url());
    });

    await test('implementer sees the comment and enters a plausible value', async () => {
      await impl.goto(`${base}/moje-zadania`);
      const text = await impl.locator('main').innerText();
      check(text.includes('zwrócone do poprawy') &&
        text.includes('Kwota wygląda na roczną, a nie kwartalną'), 'the comment');
      await impl.goto(`${base}/monitoring/wpisy/${entryId}`);
      await impl.goto(`${base}/monitoring/plany/${PLAN}/realizacja`);
      const value = impl.locator('input[id^="wart-l"]').first();
      await value.focus();
      await impl.keyboard.type('1 000,00');
      await enterOn(impl, value);
      check(impl.url().endsWith(`/monitoring/wpisy/${entryId}`), impl.url());
      await impl.screenshot({ path: path.join(SHOTS, 'implementer-entry-1280.png') });
    });

    await test('the report changes only once the coordinator approves', async () => {
      const pendingNow = await spent(coord, base);
      check(pendingNow.spent_grosze === before.spent_grosze, 'a pending value counted');
      // pending_grosze is the total with the pending values approved; the
      // demo's grant calls may have some pending already.
      const pendingBefore = before.pending_grosze ?? before.spent_grosze;
      check(pendingNow.pending_grosze === pendingBefore + 100000,
        `pending shown beside: ${before.pending_grosze} -> ${pendingNow.pending_grosze}`);
      await coord.goto(`${base}/monitoring/zatwierdzanie`);
      const row = coord.locator('tr', { has: coord.locator(`a[href="/monitoring/wpisy/${entryId}"]`) });
      await enterOn(coord, row.locator('button[value="approve"]'));
      const after = await spent(coord, base);
      check(after.spent_grosze === before.spent_grosze + 100000,
        `${before.spent_grosze} -> ${after.spent_grosze}`);
      check(after.pending_grosze === (before.pending_grosze === null ? null
        : before.pending_grosze + 100000),
      `only what was pending before: ${before.pending_grosze} -> ${after.pending_grosze}`);
    });

    // Accessibility of the implementer's pages, and reflow at 320 px.
    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const actx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
      storageState: await ictx.storageState() });
    actx.setDefaultTimeout(TIMEOUT);
    await actx.addInitScript(CSP_PROBE);
    const apage = await actx.newPage();
    for (const u of ['/moje-zadania', `/monitoring/plany/${PLAN}/realizacja`, `/monitoring/wpisy/${entryId}`]) {
      await test(`axe ${u}`, async () => {
        await apage.goto(`${base}${u}`);
        const v = await axeViolations(apage);
        check(v.length === 0, v.join('; '));
      });
    }
    await test('Moje zadania reflows at 320 px', async () => {
      await apage.setViewportSize({ width: 320, height: 900 });
      await apage.goto(`${base}/moje-zadania`);
      await apage.screenshot({ path: path.join(SHOTS, 'implementer-moje-zadania-320.png') });
      const over = await apage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(over <= 0, `scrolls sideways by ${over} px`);
    });
    await test('no console errors', async () => {
      // The refused entries answer 400 and 409 on purpose, and chromium
      // logs every such document load; a JSON document viewed in the tab
      // makes chromium ask for /favicon.ico. Anything else is a problem.
      const rest = problems.filter((p) => !(/status of (400|409)/.test(p.what) &&
        pathOf(p.url) === '/monitoring/wpisy') && !p.what.includes('/favicon.ico'));
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
  console.log(`implementer: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
