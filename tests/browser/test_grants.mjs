// Grants (issue 17) in the browser, without JavaScript: the coordinator
// writes and publishes a call through its form; an organisation registers,
// confirms its e-mail and, once the office confirms it, fills the offer
// form section by section, saves the draft (the checks come back naming
// the fields), corrects it and submits it, getting its receipt number; the
// office passes it formally and appoints a committee member, who declares
// no conflict of interest and scores each criterion with a justification.
// axe-core finds no WCAG 2.1 AA violation on those pages; the offer form
// and the list reflow at 320 px.
//   node tests/browser/test_grants.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, axeViolations, check, counts,
  pathOf, run, startServer, stopServer, test, watch,
} from './lib.mjs';

const PASSWORD = 'haslo-testowe-2024';

function sql(db, query) {
  const p = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`sqlite3: ${p.stderr}`);
  return p.stdout.trim();
}

async function login(page, base, login, password = PASSWORD) {
  await page.goto(`${base}/login`);
  await page.fill('#f-login', login);
  await page.fill('#f-password', password);
  await Promise.all([page.waitForNavigation(), page.press('#f-password', 'Enter')]);
  check(!page.url().includes('/login'), `${login} logged in: ${page.url()}`);
}

async function submitWith(page, button) {
  const [resp] = await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
  return resp;
}

async function fillAll(page, fields) {
  for (const [name, value] of Object.entries(fields)) {
    await page.fill(`[name="${name}"]`, value);
  }
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-grants-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  const visited = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    for (const [login, role] of [['koord', 'coordinator'], ['czlonek', 'analyst']]) {
      const add = spawnSync(bin, ['user', 'add', login, '--role', role, '--region', '04',
        '--db', db], { input: `${PASSWORD}\n` });
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
    const office = await (await context()).newPage();
    const ngo = await (await context()).newPage();
    const member = await (await context()).newPage();
    let call = null, offer = null;

    await test('the coordinator writes and publishes a call', async () => {
      await login(office, base, 'koord');
      await office.goto(`${base}/nabory/nowy`);
      await fillAll(office, {
        title: 'Wspieranie rodzin 2030', area1_name: 'Profilaktyka',
        area1_budget: '600 000,00', max_grant: '50 000,00', min_own: '10',
        until_date: '2030-02-15', until_time: '15:30', results_by: '2030-03-31',
        task_from: '2030-04-01', task_to: '2030-12-31',
        formal1: 'Oferta złożona w terminie', merit1: 'Jakość projektu', merit1_max: '10',
        merit2: 'Kalkulacja kosztów', merit2_max: '5',
      });
      await submitWith(office, 'button:has-text("Zapisz szkic")');
      check(/\/nabory\/\d+$/.test(office.url()), office.url());
      call = office.url().split('/').pop();
      await submitWith(office, 'button:has-text("Opublikuj nabór")');
      check((await office.locator('main').innerText()).includes('przyjmowanie ofert'), 'open');
      visited.push(`/nabory/${call}`, '/nabory');
    });

    await test('an organisation registers and is confirmed', async () => {
      await ngo.goto(`${base}/organizacje/rejestracja`);
      await fillAll(ngo, {
        name: 'Fundacja Rodzina Razem', krs: '0000123456', nip: '5261040828',
        address: 'ul. Szeroka 1, 87-100 Toruń', gmina: 'Toruń',
        email: 'biuro@razem.example.org', person1: 'Anna Nowak',
        function1: 'prezes zarządu', login: 'razem', password: PASSWORD,
      });
      const resp = await submitWith(ngo, 'button:has-text("Zarejestruj")');
      check(resp.status() === 200, `status ${resp.status()}`);
      const body = sql(db, "SELECT body FROM mail_outbox WHERE kind = 'grant.org' AND recipient = "
        + "'biuro@razem.example.org' ORDER BY id LIMIT 1");
      const link = body.match(/\/organizacje\/potwierdzenie\?token=[0-9a-f]{64}/)[0];
      await ngo.goto(`${base}${link}`);
      check((await ngo.locator('main').innerText()).includes('potwierdzony'), 'e-mail');
      const org = sql(db, "SELECT id FROM grant_org WHERE krs = '0000123456'");
      await office.goto(`${base}/organizacje/${org}`);
      await submitWith(office, 'button[value="confirm"]');
      check((await office.locator('main').innerText()).includes('zatwierdzona'), 'confirmed');
      visited.push('/organizacje/rejestracja');
    });

    await test('the organisation saves a draft and sees the checks at the fields', async () => {
      await login(ngo, base, 'razem');
      await ngo.goto(`${base}/nabory/${call}`);
      await Promise.all([ngo.waitForNavigation(), ngo.locator('a:has-text("Złóż ofertę")').click()]);
      await fillAll(ngo, {
        title: 'Szkoła dla rodziców', place: 'Toruń',
        description: 'Warsztaty umiejętności wychowawczych.',
        date_from: '2030-05-01', date_to: '2030-11-30',
        action1: 'Warsztaty', action1_from: '2030-05-01', action1_to: '2030-11-30',
        result1: 'liczba rodzin', result1_target: '40',
        cost1_name: 'Trener', cost1_total: '30 000,00', cost1_grant: '29 000,00',
        cost1_own: '500,00', requested: '29 000,00',
      });
      await ngo.check('#f-declaration1');
      await ngo.check('#f-declaration2');
      await ngo.check('#f-declaration3');
      await submitWith(ngo, 'button:has-text("Zapisz wersję roboczą")');
      check(/\/oferty\/\d+$/.test(ngo.url()), ngo.url());
      offer = ngo.url().split('/').pop();
      const text = await ngo.locator('.errors').innerText();
      check(text.includes('Koszt 1 – koszt całkowity: 30 000,00 zł to nie suma'), text);
      check(text.includes('Wkład własny: wkład własny to 1,6%'), text);
      check(text.includes('Oświadczenie 4'), text);
      check(await ngo.locator('#f-cost1_total').getAttribute('aria-invalid') === 'true',
        'the field is marked');
      await ngo.screenshot({ path: path.join(SHOTS, 'grants-offer-1280.png'), fullPage: true });
      visited.push(`/oferty/${offer}`, `/nabory/${call}/oferta`);
    });

    await test('the corrected offer is submitted with a receipt number', async () => {
      await fillAll(ngo, { cost1_own: '1 000,00', cost1_nonfin: '2 500,00',
        cost1_total: '32 500,00' });
      await ngo.check('#f-declaration4');
      await submitWith(ngo, 'button:has-text("Złóż ofertę")');
      const text = await ngo.locator('main').innerText();
      check(text.includes(`NAB-${call}/0001`), text.slice(0, 400));
      check(await ngo.locator('a:has-text("Oferta w PDF")').count() === 1, 'PDF link');
    });

    await test('the office passes it and appoints a committee member', async () => {
      await office.goto(`${base}/oferty/${offer}/formalna`);
      await office.check('#f-met1');
      await submitWith(office, 'button[value="passed"]');
      await office.fill('#f-login', 'czlonek');
      await submitWith(office, 'button:has-text("Powołaj do komisji")');
      check((await office.locator('main').innerText()).includes('czlonek'), 'member listed');
      sql(db, `UPDATE grant_call SET offers_until = '2021-01-01T10:00:00Z' WHERE id = ${call}`);
      visited.push(`/nabory/${call}/ocena`);
    });

    await test('a committee member declares and scores each criterion', async () => {
      await login(member, base, 'czlonek');
      await member.goto(`${base}/ocena`);
      await submitWith(member, 'button:has-text("Składam oświadczenie")');
      await Promise.all([member.waitForNavigation(),
        member.locator(`a[href="/ocena/oferty/${offer}"]`).click()]);
      await fillAll(member, { points1: '12', justification1: 'Dobrze opisane działania',
        points2: '4', justification2: 'Koszty realne' });
      let resp = await submitWith(member, 'button:has-text("Zapisz ocenę")');
      check(resp.status() === 400, `status ${resp.status()}`);
      check((await member.locator('.errors').innerText())
        .includes('„12” nie jest liczbą punktów od 0 do 10'), 'points checked');
      await member.fill('[name="points1"]', '9');
      resp = await submitWith(member, 'button:has-text("Zapisz ocenę")');
      check(member.url().endsWith('/ocena'), member.url());
      check((await member.locator('main').innerText()).includes('oceniono'), 'scored');
      const n = sql(db, `SELECT count(*) FROM grant_score WHERE offer_id = ${offer}`);
      check(n === '2', `scores stored: ${n}`);
      visited.push('/ocena', `/ocena/oferty/${offer}`);
    });

    // Accessibility of the pages used above, each as the one who used it.
    for (const [page, paths] of [[office, ['/nabory', `/nabory/${call}`, `/nabory/${call}/ocena`,
      `/oferty/${offer}/formalna`, '/nabory/nowy']],
    [ngo, ['/organizacje/rejestracja', `/oferty/${offer}`, '/moje-oferty']],
    [member, ['/ocena', `/ocena/oferty/${offer}`]]]) {
      const actx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
        storageState: await page.context().storageState() });
      actx.setDefaultTimeout(TIMEOUT);
      await actx.addInitScript(CSP_PROBE);
      const apage = await actx.newPage();
      for (const u of paths) {
        await test(`axe ${u}`, async () => {
          const r = await apage.goto(`${base}${u}`);
          check(r.status() === 200, `status ${r.status()}`);
          const v = await axeViolations(apage);
          check(v.length === 0, v.join('; '));
        });
      }
      await actx.close();
    }
    await test('the call list and the offer form reflow at 320 px', async () => {
      const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
        viewport: { width: 320, height: 900 },
        storageState: await office.context().storageState() });
      const p = await ctx.newPage();
      for (const u of ['/nabory', `/nabory/${call}`, '/nabory/nowy']) {
        await p.goto(`${base}${u}`);
        const over = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(over <= 0, `${u} scrolls sideways by ${over} px`);
      }
      await p.screenshot({ path: path.join(SHOTS, 'grants-call-form-320.png'), fullPage: true });
      await ctx.close();
    });
    await test('no console errors', async () => {
      // The refused forms answer 400 on purpose and chromium logs the load.
      const rest = problems.filter((p) => !(/status of 400/.test(p.what) &&
        ['/ocena/oferty/' + offer].includes(pathOf(p.url))) && !p.what.includes('/favicon.ico'));
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
  console.log(`grants: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
