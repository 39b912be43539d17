// The professionals' zone (issue 19) in a real browser with JavaScript
// off: a professional registers, a moderator confirms the account and
// opens a category, the professional posts a thread and a reply with an
// attachment, a reader reports the reply and the moderator hides it, all
// by plain form posts; then, with JavaScript on, the XSS corpus of a post
// runs nothing (no dialog, no script element, no handler, no javascript:
// link); axe finds no WCAG 2.1 AA violation on the zone's pages, and the
// thread page reflows at 320 px.
//   node tests/browser/test_zone.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, axeViolations, check, counts,
  pathOf, run, shot, startServer, stopServer, test, watch,
} from './lib.mjs';

const PASSWORD = 'haslo-specjalisty-2024';
const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[klik](javascript:alert(1))',
  '[x](https://a.pl/"onmouseover="alert(1))',
  'https://a.pl/<svg/onload=alert(1)>',
  '> <iframe src=javascript:alert(1)>',
  '- **<b onclick=alert(1)>x</b>**',
  '*<a href="javascript:alert(1)">em</a>*',
];
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64)]);

function addUser(bin, db, login, role) {
  const p = spawnSync(bin, ['user', 'add', login, '--role', role, '--region', '04', '--db', db],
    { input: `${PASSWORD}\n` });
  if (p.status !== 0) throw new Error(`user add ${login}: ${p.stderr}`);
}

async function login(page, base, who) {
  await page.goto(`${base}/login`);
  await page.getByLabel('Login').fill(who);
  await page.getByLabel('Hasło').fill(PASSWORD);
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  check(!page.url().includes('/login'), `${who} still on ${page.url()}`);
}

async function submit(page, locator) {
  await Promise.all([page.waitForNavigation(), page.locator(locator).click()]);
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-zone-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  const ids = {};
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    addUser(bin, db, 'koord', 'coordinator');
    addUser(bin, db, 'czytelnik', 'implementer');
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    const noJs = async () => {
      const c = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 } });
      c.setDefaultTimeout(TIMEOUT);
      watch(c, problems);
      return c.newPage();
    };
    const pro = await noJs();
    const mod = await noJs();
    const reader = await noJs();

    await test('a professional registers without JavaScript', async () => {
      await pro.goto(`${base}/forum/rejestracja`);
      await pro.getByLabel('Imię i nazwisko').fill('Anna Nowak');
      await pro.getByLabel('Adres e-mail').fill('anna@ops.example.pl');
      await pro.getByLabel('Instytucja').fill('MOPS w Bydgoszczy');
      await pro.getByLabel(/Gmina instytucji/).fill('0461011');
      await pro.getByLabel('Grupa zawodowa').selectOption('ops');
      await pro.getByLabel('Login').fill('anowak');
      await pro.getByLabel(/Hasło/).fill(PASSWORD);
      await submit(pro, 'button[type=submit]:has-text("Zarejestruj")');
      check(pro.url().includes('gotowe=1'), `landed on ${pro.url()}`);
      await shot(pro, 'zone-registered');
    });

    await test('the moderator confirms the account and opens a category', async () => {
      await login(mod, base, 'koord');
      await mod.goto(`${base}/forum/moderacja`);
      check((await mod.content()).includes('Anna Nowak'), 'registration not listed');
      await submit(mod, 'button[aria-label="Zatwierdź anowak"]');
      await mod.getByLabel('Nazwa kategorii').fill('Pytania o procedurę NK');
      await mod.getByLabel('Opis').fill('Pytania i doświadczenia');
      await submit(mod, 'button:has-text("Dodaj kategorię")');
      ids.cat = mod.url().split('/').pop();
      check(/^\d+$/.test(ids.cat), `category page ${mod.url()}`);
    });

    await test('the professional posts a thread and a reply with an attachment', async () => {
      await login(pro, base, 'anowak');
      await pro.goto(`${base}/forum/kategoria/${ids.cat}`);
      await pro.getByLabel('Tytuł').fill('Współpraca z policją');
      await pro.getByLabel('Treść').fill('Jak *wy* to robicie?\n\n- dyżury\n- wspólne wizyty');
      await submit(pro, 'button:has-text("Dodaj wątek")');
      ids.thread = pro.url().split('/').pop();
      check(/^\d+$/.test(ids.thread), `thread page ${pro.url()}`);
      await pro.getByLabel('Treść').fill('Odpowiedź ze skanem');
      await pro.locator('#f-file').setInputFiles({ name: 'skan.png', mimeType: 'image/png', buffer: PNG });
      await submit(pro, 'button:has-text("Odpowiedz")');
      const html = await pro.content();
      check(html.includes('Odpowiedź ze skanem') && html.includes('skan.png'), 'reply or file missing');
      check(await pro.locator('.post-body em').count() >= 1, 'markup not rendered');
      await shot(pro, 'zone-thread');
    });

    await test('a reader reports the reply and the moderator hides it', async () => {
      await login(reader, base, 'czytelnik');
      await reader.goto(`${base}/forum/watek/${ids.thread}`);
      const reply = reader.locator('article').nth(1);
      await reply.getByLabel('Powód zgłoszenia').fill('dane osobowe');
      await Promise.all([reader.waitForNavigation(), reply.getByRole('button', { name: 'Zgłoś' }).click()]);
      check(reader.url().includes('zgloszono=1'), `report landed on ${reader.url()}`);
      await mod.goto(`${base}/forum/moderacja`);
      check((await mod.content()).includes('dane osobowe'), 'report not on the moderation page');
      await mod.goto(`${base}/forum/watek/${ids.thread}`);
      const target = mod.locator('article').nth(1);
      await target.getByLabel('Powód ukrycia').fill('dane osobowe dziecka');
      await Promise.all([mod.waitForNavigation(), target.getByRole('button', { name: 'Ukryj wpis' }).click()]);
      await reader.goto(`${base}/forum/watek/${ids.thread}`);
      check(!(await reader.content()).includes('Odpowiedź ze skanem'), 'hidden post still shown');
      await mod.goto(`${base}/forum/watek/${ids.thread}`);
      check((await mod.content()).includes('dane osobowe dziecka'), 'moderator lacks the reason');
      await shot(mod, 'zone-thread-moderator');
    });

    await test('the XSS corpus runs nothing in chromium with JavaScript on', async () => {
      await pro.goto(`${base}/forum/kategoria/${ids.cat}`);
      await pro.getByLabel('Tytuł').fill('<script>alert(1)</script>');
      await pro.getByLabel('Treść').fill(XSS.join('\n\n'));
      await submit(pro, 'button:has-text("Dodaj wątek")');
      ids.xss = pro.url();
      const ctx = await browser.newContext({ locale: 'pl-PL',
        storageState: await pro.context().storageState() });
      const page = await ctx.newPage();
      let dialogs = 0;
      page.on('dialog', (d) => { dialogs++; d.dismiss(); });
      await page.addInitScript('window.__ran = 0; window.alert = function () { window.__ran++; };');
      await page.goto(ids.xss);
      await page.locator('.post-body a').first().hover().catch(() => {});
      await page.waitForTimeout(300);
      const bad = await page.evaluate(() => {
        const main = document.querySelector('main');
        const out = [];
        if (main.querySelector('script, img, iframe, svg, object, embed')) out.push('element');
        for (const el of main.querySelectorAll('*'))
          for (const a of el.attributes) if (/^on/i.test(a.name)) out.push(`${el.tagName} ${a.name}`);
        for (const a of main.querySelectorAll('a[href]'))
          if (/^\s*javascript:/i.test(a.getAttribute('href'))) out.push(`href ${a.getAttribute('href')}`);
        return out.concat(window.__ran ? [`alert ran ${window.__ran}`] : []);
      });
      check(dialogs === 0, `${dialogs} dialogs`);
      check(bad.length === 0, bad.join('; '));
      await ctx.close();
    });

    const actx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
      storageState: await mod.context().storageState() });
    actx.setDefaultTimeout(TIMEOUT);
    await actx.addInitScript(CSP_PROBE);
    const apage = await actx.newPage();
    for (const u of ['/forum', () => `/forum/kategoria/${ids.cat}`, () => `/forum/watek/${ids.thread}`,
      '/forum/moderacja', '/forum/szukaj?q=policja', '/forum/nieprzeczytane', '/forum/konto',
      '/dobre-praktyki', '/dobre-praktyki/nowa', '/dobre-praktyki/1', '/materialy', '/materialy/1',
      '/materialy/nowy']) {
      const at = typeof u === 'function' ? u : () => u;
      await test(`axe ${at()}`, async () => {
        await apage.goto(`${base}${at()}`);
        const v = await axeViolations(apage);
        check(v.length === 0, v.join('; '));
      });
    }
    await test('axe /forum/rejestracja with an error', async () => {
      const pctx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL' });
      const p = await pctx.newPage();
      await p.goto(`${base}/forum/rejestracja`);
      await p.getByLabel('Imię i nazwisko').fill('X');
      await Promise.all([p.waitForNavigation(), p.locator('#f-name').evaluate((e) => e.form.submit())]);
      check(await p.locator('[role="alert"]').count() === 1, 'no error shown');
      const v = await axeViolations(p);
      check(v.length === 0, v.join('; '));
      await pctx.close();
    });
    await test('a public visitor finds the demo guide and downloads it', async () => {
      const pctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false });
      const p = await pctx.newPage();
      await p.goto(`${base}/materialy`);
      await Promise.all([p.waitForNavigation(), p.getByRole('link', { name: /Poradnik: procedura/ }).click()]);
      const [dl] = await Promise.all([p.waitForEvent('download'),
        p.getByRole('link', { name: /Pobierz wersję 1/ }).click()]);
      check(dl.suggestedFilename() === 'poradnik-nk.pdf', `downloaded ${dl.suggestedFilename()}`);
      await p.goto(`${base}/materialy/1`);
      check((await p.content()).includes('<dd>1</dd>'), 'the download is not counted');
      await shot(p, 'zone-material');
      await pctx.close();
    });
    await test('the thread page reflows at 320 px', async () => {
      await apage.setViewportSize({ width: 320, height: 900 });
      await apage.goto(`${base}/forum/watek/${ids.thread}`);
      await shot(apage, 'zone-thread-320');
      const over = await apage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      check(over <= 0, `scrolls sideways by ${over} px`);
    });
    await test('no console errors', async () => {
      const rest = problems.filter((p) => !p.what.includes('/favicon.ico') &&
        !(/status of 40[09]/.test(p.what) && pathOf(p.url).startsWith('/forum')));
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
  console.log(`zone: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
