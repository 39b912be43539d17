// Trainings (issue 18) in a browser without JavaScript: the coordinator
// announces an event; a professional finds it in the calendar, signs up,
// confirms by the link of the e-mail (read from the outbox), and cancels by
// the same link; a second one signs up and gets the seat; the organiser
// marks attendance and issues certificates; the attendance list and the
// certificates are read back with pdftotext; the organiser writes an online
// knowledge test and a participant takes it before and after from their
// own link; axe finds no WCAG 2.1 AA
// violation on the pages, which reflow at 320 px.
//   node tests/browser/test_training.mjs BUILD/rodzina
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

import {
  CHROMIUM, CHROMIUM_ARGS, CSP_PROBE, SHOTS, TIMEOUT, check, counts,
  run, shot, startServer, stopServer, test, watch, axeViolations,
} from './lib.mjs';

const PASSWORD = 'haslo-koordynatora-2024';

function sqlite(db, query) {
  const p = spawnSync('sqlite3', [db, query], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`sqlite3: ${p.stderr}`);
  return p.stdout.trim();
}

// The person's own link from the first e-mail the outbox holds for them.
function linkOf(db, email) {
  const body = sqlite(db, `SELECT body FROM mail_outbox WHERE recipient = '${email}' ORDER BY id LIMIT 1`);
  const m = /\/szkolenia\/zgloszenie\/[0-9a-f]{64}/.exec(body);
  if (!m) throw new Error(`no link in the e-mail to ${email}: ${body}`);
  return m[0];
}

async function submit(page, locator) {
  const [resp] = await Promise.all([page.waitForNavigation(), locator.click()]);
  return resp;
}

function pdfText(data) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-pdf-'));
  const f = path.join(tmp, 'x.pdf');
  fs.writeFileSync(f, data);
  const p = spawnSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
  fs.rmSync(tmp, { recursive: true, force: true });
  if (p.status !== 0) throw new Error(`pdftotext: ${p.stderr}`);
  return p.stdout.split(/\s+/).join(' ');
}

async function signUp(page, base, id, name, email, org) {
  await page.goto(`${base}/szkolenia`);
  await submit(page, page.locator(`a[href="/szkolenia/${id}"]`));
  await page.locator('#f-imie').fill(name);
  await page.locator('#f-email').fill(email);
  await page.locator('#f-nazwa').fill(org);
  await page.locator('#f-rodzaj').selectOption('ops');
  await page.locator('#f-gmina').selectOption('0463011');
  await page.locator('#f-grupa').selectOption('team');
  await page.locator('#f-zgoda').check();
  const resp = await submit(page, page.locator('main form button[type="submit"]'));
  check(resp.status() === 200, `sign-up: ${resp.status()}`);
  check((await page.locator('main').innerText()).includes('Sprawdź pocztę'), 'sent page');
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-training-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'koord', '--role', 'coordinator', '--region', '04',
      '--db', db], { input: `${PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    const project = sqlite(db, "SELECT id FROM plan WHERE kind = 'project'");
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
    const octx = await context(), pctx = await context();
    const office = await octx.newPage(), person = await pctx.newPage();
    let id = null, cert = null;

    await test('coordinator announces an event', async () => {
      await office.goto(`${base}/login`);
      await office.locator('#f-login').fill('koord');
      await office.locator('#f-password').fill(PASSWORD);
      await submit(office, office.locator('main form button'));
      await office.goto(`${base}/szkolenia/nowe`);
      await office.locator('#f-tytul').fill('Praca z rodziną w kryzysie');
      await office.locator('#f-od').fill('2031-04-14');
      await office.locator('#f-do').fill('2031-04-15');
      await office.locator('#f-gmina').selectOption('0463011');
      await office.locator('#f-miejsca').fill('1');
      await office.locator('#g-team').check();
      await office.locator('#f-plan').selectOption(project);
      await submit(office, office.locator('main form button[type="submit"]'));
      const m = /\/szkolenia\/(\d+)$/.exec(office.url());
      check(m, `landed on ${office.url()}`);
      id = m[1];
    });

    await test('a professional signs up, confirms and cancels by the link', async () => {
      await signUp(person, base, id, 'Anna Nowak', 'anna@ops.torun.pl', 'MOPR w Toruniu');
      await shot(person, 'training-sent-1280');
      await person.goto(`${base}${linkOf(db, 'anna@ops.torun.pl')}`);
      check((await person.locator('main').innerText()).includes('niepotwierdzone'), 'unconfirmed');
      await submit(person, person.locator('button', { hasText: 'Potwierdź zgłoszenie' }));
      check((await person.locator('main').innerText()).includes('masz miejsce'), 'confirmed');
      await shot(person, 'training-own-1280');
      await submit(person, person.locator('button', { hasText: 'Wycofaj zgłoszenie' }));
      check((await person.locator('main').innerText()).includes('wycofane'), 'cancelled');
      check(sqlite(db, "SELECT status FROM training_signup WHERE email = 'anna@ops.torun.pl'") ===
        'cancelled', 'stored as cancelled');
    });

    await test('a second professional takes the freed seat', async () => {
      const p2 = await pctx.newPage();
      await signUp(p2, base, id, 'Bartosz Lis', 'bartosz@gops.pl', 'GOPS Lubicz');
      await p2.goto(`${base}${linkOf(db, 'bartosz@gops.pl')}`);
      await submit(p2, p2.locator('button', { hasText: 'Potwierdź zgłoszenie' }));
      check((await p2.locator('main').innerText()).includes('masz miejsce'), 'seat');
      await p2.close();
    });

    await test('the organiser marks attendance and issues certificates', async () => {
      await office.goto(`${base}/szkolenia/${id}/uczestnicy`);
      const sid = sqlite(db, "SELECT id FROM training_signup WHERE email = 'bartosz@gops.pl'");
      await office.locator(`#p-0-${sid}`).check();
      await submit(office, office.locator('form', { has: office.locator(`#p-0-${sid}`) })
        .locator('button'));
      check((await office.locator('main').innerText()).includes('Zapisano obecność'), 'saved');
      check(await office.locator(`#p-0-${sid}`).isChecked(), 'kept checked');
      check(!(await office.locator(`#p-1-${sid}`).isChecked()), 'second day untouched');
      await submit(office, office.locator('button', { hasText: 'Wystaw zaświadczenia' }));
      check((await office.locator('main').innerText()).includes('Wystawiono zaświadczeń: 1'),
        'issued');
      await shot(office, 'training-participants-1280');
      cert = sqlite(db, `SELECT number FROM training_certificate WHERE signup_id = ${sid}`);
    });

    await test('attendance list and certificate read back with pdftotext', async () => {
      let r = await octx.request.get(`${base}/szkolenia/${id}/obecnosc.pdf`);
      check(r.status() === 200, `attendance pdf ${r.status()}`);
      let text = pdfText(await r.body());
      for (const w of ['Lista obecności', 'Praca z rodziną w kryzysie', '2031-04-14', '2031-04-15',
        'Bartosz Lis', 'GOPS Lubicz', 'Podpis']) {
        check(text.includes(w), `attendance: ${w} not in ${text.slice(0, 300)}`);
      }
      check(!text.includes('Anna Nowak'), 'a cancelled person on the list');
      r = await octx.request.get(`${base}/szkolenia/${id}/zaswiadczenia.pdf`);
      text = pdfText(await r.body());
      for (const w of ['Zaświadczenie', 'Bartosz Lis', cert, `/zaswiadczenia/${cert}`]) {
        check(text.includes(w), `certificate: ${w} not in ${text.slice(0, 300)}`);
      }
      await person.goto(`${base}/zaswiadczenia/${cert}`);
      check((await person.locator('main').innerText()).includes('Bartosz Lis'), 'verified');
    });

    let survey = null;
    await test('the office builds a training-needs survey and an institution answers', async () => {
      await office.goto(`${base}/ankiety/nowa`);
      await office.locator('#f-tytul').fill('Potrzeby szkoleniowe 2032');
      await office.locator('#f-otwarty').check();
      await office.locator('#q1-kind').selectOption('single');
      await office.locator('#f-q1_text').fill('Najpilniejszy temat');
      await office.locator('#f-q1_o1').fill('przemoc domowa');
      await office.locator('#f-q1_o2').fill('praca z rodziną');
      await office.locator('#q2-kind').selectOption('scale');
      await office.locator('#f-q2_text').fill('Ocena dotychczasowych szkoleń');
      await submit(office, office.locator('main form button[type="submit"]'));
      const m = /\/ankiety\/(\d+)$/.exec(office.url());
      check(m, `landed on ${office.url()}`);
      survey = m[1];
      const org = sqlite(db, "SELECT id FROM dir_org WHERE region = '04' AND example = 0 ORDER BY id LIMIT 1");
      await office.locator(`#o-${org}`).check();
      await submit(office, office.locator('button', { hasText: 'Utwórz linki' }));
      const token = sqlite(db, `SELECT token FROM survey_recipient WHERE survey_id = ${survey}`);
      await person.goto(`${base}/ankiety/odpowiedz/${token}`);
      await person.locator('#a1-2').check();
      await person.locator('#a2-4').check();
      await submit(person, person.locator('main form button[type="submit"]'));
      check((await person.locator('main').innerText()).includes('zapisane'), 'answered');
      await office.goto(`${base}/ankiety/${survey}`);
      check((await office.locator('main').innerText()).includes('Odpowiedziało 1 z 1 instytucji'),
        'rate');
      await shot(office, 'survey-results-1280');
    });

    // The online knowledge test on a one-day event today: open before it
    // (until its first day) and after it (from its last day).
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Warsaw' })
      .format(new Date());
    let quiz = null;
    await test('the organiser writes the knowledge test', async () => {
      await office.goto(`${base}/szkolenia/nowe`);
      await office.locator('#f-tytul').fill('Niebieska Karta w praktyce');
      await office.locator('#f-od').fill(today);
      await office.locator('#f-do').fill(today);
      await office.locator('#f-gmina').selectOption('0463011');
      await office.locator('#f-miejsca').fill('5');
      await office.locator('#g-team').check();
      await office.locator('#f-plan').selectOption(project);
      await submit(office, office.locator('main form button[type="submit"]'));
      quiz = /\/szkolenia\/(\d+)$/.exec(office.url())[1];
      await office.goto(`${base}/szkolenia/${quiz}/uczestnicy`);
      await submit(office, office.locator('a', { hasText: 'Pytania testu wiedzy online' }));
      await office.locator('#q1-kind').selectOption('single');
      await office.locator('#f-q1_text').fill('Kto może wszcząć procedurę Niebieskiej Karty?');
      await office.locator('#f-q1_o1').fill('Tylko sąd rodzinny');
      await office.locator('#f-q1_o2').fill('Pracownik socjalny, policjant, nauczyciel');
      await office.locator('#q1-r2').check();
      await office.locator('#q2-kind').selectOption('multiple');
      await office.locator('#f-q2_text').fill('Które formy przemocy zna ustawa?');
      await office.locator('#f-q2_o1').fill('ekonomiczna');
      await office.locator('#f-q2_o2').fill('meteorologiczna');
      await office.locator('#f-q2_o3').fill('cyberprzemoc');
      await office.locator('#q2-r1').check();
      await office.locator('#q2-r3').check();
      await submit(office, office.locator('main form button[type="submit"]'));
      check((await office.locator('main').innerText()).includes('Zapisano pytania testu.'), 'saved');
      check(sqlite(db, `SELECT group_concat(correct) FROM training_question WHERE training_id = ${quiz}`) ===
        '2,5', 'right answers stored');
      await shot(office, 'training-quiz-edit-1280');
    });

    await test('a participant takes the test before and after without JavaScript', async () => {
      await signUp(person, base, quiz, 'Celina Wiśniewska', 'celina@mopr.pl', 'MOPR w Toruniu');
      await person.goto(`${base}${linkOf(db, 'celina@mopr.pl')}`);
      await submit(person, person.locator('button', { hasText: 'Potwierdź zgłoszenie' }));
      await submit(person, person.locator('a', { hasText: 'Rozwiąż test wiedzy przed szkoleniem' }));
      check((await person.locator('h1').innerText()).includes('przed szkoleniem'), 'before page');
      await shot(person, 'training-quiz-take-1280');
      await person.locator('#a1-1').check();
      await person.locator('#a2-1').check();
      await person.locator('#a2-3').check();
      await submit(person, person.locator('main form button[type="submit"]'));
      check((await person.locator('main').innerText()).includes('przed szkoleniem: 1 z 2'),
        'score before');
      await person.goto(`${base}${linkOf(db, 'celina@mopr.pl')}`);
      await submit(person, person.locator('a', { hasText: 'Rozwiąż test wiedzy po szkoleniu' }));
      await person.locator('#a1-2').check();
      await person.locator('#a2-1').check();
      await person.locator('#a2-3').check();
      await submit(person, person.locator('main form button[type="submit"]'));
      check((await person.locator('main').innerText()).includes('po szkoleniu: 2 z 2'), 'score after');
      check(sqlite(db, "SELECT group_concat(x.phase || '=' || x.score) FROM training_quiz x JOIN " +
        "training_signup s ON s.id = x.signup_id WHERE s.email = 'celina@mopr.pl'")
        .split(',').sort().join(',') === 'after=2,before=1', 'stored scores');
      await person.goto(`${base}${linkOf(db, 'celina@mopr.pl')}`);
      check((await person.locator('main').innerText()).includes('przed 1, po 2 (z 2)'), 'own page');
      // one more participant whose test before is still open, for axe
      await signUp(person, base, quiz, 'Dorota Lis', 'dorota@gops.pl', 'GOPS Lubicz');
      await person.goto(`${base}${linkOf(db, 'dorota@gops.pl')}`);
      await submit(person, person.locator('button', { hasText: 'Potwierdź zgłoszenie' }));
    });

    const actx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL',
      storageState: await octx.storageState() });
    actx.setDefaultTimeout(TIMEOUT);
    await actx.addInitScript(CSP_PROBE);
    const apage = await actx.newPage();
    const own = linkOf(db, 'bartosz@gops.pl');
    for (const u of ['/szkolenia', `/szkolenia/${id}`, own, `/szkolenia/${id}/uczestnicy`,
      '/szkolenia/nowe', `/zaswiadczenia/${cert}`, `/monitoring/plany/${project}`, '/lpdi',
      '/ankiety', '/ankiety/nowa', `/ankiety/${survey}`, `/szkolenia/${quiz}/pytania`,
      `${linkOf(db, 'dorota@gops.pl')}/test`, linkOf(db, 'celina@mopr.pl'),
      `/ankiety/odpowiedz/${sqlite(db, `SELECT open_token FROM survey WHERE id = ${survey}`)}`]) {
      await test(`axe ${u.replace(/[0-9a-f]{64}/, 'TOKEN')}`, async () => {
        await apage.setViewportSize({ width: 1280, height: 900 });
        await apage.goto(`${base}${u}`);
        const v = await axeViolations(apage);
        check(v.length === 0, v.join('; '));
        await apage.setViewportSize({ width: 320, height: 900 });
        await apage.goto(`${base}${u}`);
        const over = await apage.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth);
        check(over <= 0, `scrolls sideways by ${over} px at 320 px`);
      });
    }
    await apage.setViewportSize({ width: 320, height: 900 });
    await apage.goto(`${base}/szkolenia/${id}`);
    await shot(apage, 'training-event-320');
    await apage.goto(`${base}/szkolenia/${id}/uczestnicy`);
    await shot(apage, 'training-participants-320');
    await apage.goto(`${base}${linkOf(db, 'dorota@gops.pl')}/test`);
    await shot(apage, 'training-quiz-take-320');
    await apage.goto(`${base}/szkolenia/${quiz}/pytania`);
    await shot(apage, 'training-quiz-edit-320');
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
  console.log(`training: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed === 0 ? 0 : 1);
}

main();
