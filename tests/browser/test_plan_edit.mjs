#!/usr/bin/env node
// Browser test of finishing a plan in the browser (issue 12): a coordinator
// builds a plan from nothing with the keyboard only and JavaScript off (a
// goal, an action, a task with two budget lines of two funding sources and
// three indicators, one a breakdown), meets a validation error that keeps
// what was typed, then the plan's XLSX export imported again with
// `rodzina import plan` gives the same plan, field by field. The new pages
// pass axe-core WCAG 2.1 AA and do not scroll sideways at 320 px.
//
//   node tests/browser/test_plan_edit.mjs BUILD/rodzina

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

// Type into a field reached by focus, as a keyboard user would.
async function type(page, selector, text) {
  await page.focus(selector);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.type(text);
}

// Press Enter on a field (submits its form) or a link, and wait for the page.
async function enter(page, selector) {
  await page.focus(selector);
  const [resp] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  return resp;
}

// What must survive export and import: all of the plan but where it came
// from (file name, format, source rows) and the findings about that file.
function strip(v) {
  if (Array.isArray(v)) return v.map(strip);
  if (v && typeof v === 'object') {
    const o = {};
    for (const k of Object.keys(v).sort()) if (k !== 'row') o[k] = strip(v[k]);
    return o;
  }
  return v;
}

function essence(p) {
  return strip({
    title: p.title, programme_title: p.programme_title, kind: p.kind, goals: p.goals,
    actions: p.actions, tasks: p.tasks, indicators: p.indicators, totals: p.totals,
  });
}

async function main() {
  const bin = path.resolve(process.argv[2] || '');
  fs.mkdirSync(SHOTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rodzina-planedit-'));
  const db = path.join(tmp, 'demo.db');
  let server = null, browser = null;
  const problems = [];
  try {
    await run(bin, ['init', '--db', db, '--demo'], { cwd: tmp });
    const add = spawnSync(bin, ['user', 'add', 'koord', '--role', 'coordinator',
      '--region', '04', '--db', db], { input: `${PASSWORD}\n` });
    if (add.status !== 0) throw new Error(`user add: ${add.stderr}`);
    server = startServer(bin, db, tmp);
    const base = `http://127.0.0.1:${await server.port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // No JavaScript at all: every page must work as plain HTML forms.
    const ctx = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled: false,
      viewport: { width: 1280, height: 900 } });
    ctx.setDefaultTimeout(TIMEOUT);
    watch(ctx, problems);
    const page = await ctx.newPage();
    let pid = 0, xlsx = null;
    const visited = new Set();
    const note = () => visited.add(page.url().replace(base, '').replace(/#.*$/, ''));

    await test('coordinator creates an empty plan with its first goal', async () => {
      await page.goto(`${base}/login`);
      await type(page, 'input[name="login"]', 'koord');
      await type(page, 'input[name="password"]', PASSWORD);
      await enter(page, 'input[name="password"]');
      await page.goto(`${base}/plany`);
      await enter(page, 'a[href="/plany/nowy"]');
      await type(page, '#f-title', 'Plan działań 2027 z przeglądarki');
      await type(page, '#f-year', '2027');
      await type(page, '#f-programme', 'Program wspierania rodziny 2026-2028');
      await type(page, '#f-from', '2026');
      await type(page, '#f-to', '2028');
      await type(page, '#f-goals', '1 Wzmacnianie rodzin');
      await enter(page, 'main button[type="submit"]');
      const m = /\/plany\/(\d+)$/.exec(page.url());
      check(m, `plan page after create: ${page.url()}`);
      pid = Number(m[1]);
      await enter(page, `a[href="/plany/${pid}/struktura"]`);
      note();
      check((await page.locator('h1').innerText()) === 'Struktura planu', 'structure page');
    });

    await test('a goal, an action and a task, each from its form', async () => {
      await enter(page, `a[href="/plany/${pid}/struktura/cel/nowy"]`);
      note();
      await type(page, '#f-code', '2');
      await type(page, '#f-title', 'Kadry systemu wspierania rodziny');
      await enter(page, '#f-title');
      check(page.url().includes(`/plany/${pid}/struktura`), page.url());
      await enter(page, `a[href="/plany/${pid}/struktura/dzialanie/nowy"]`);
      note();
      await page.selectOption('#f-goal', '1');
      await type(page, '#f-code', '2.1');
      await type(page, '#f-title', 'Szkolenia kadr');
      await enter(page, '#f-title');
      await enter(page, `a[href="/plany/${pid}/struktura/zadanie/nowy"]`);
      note();
      await page.selectOption('#f-goal', '1');
      await page.selectOption('#f-action', '0');
      await type(page, '#f-number', '2.1.1');
      await type(page, '#f-description', 'Szkolenia asystentów rodziny');
      await enter(page, '#f-description');
      const text = await page.locator('main').innerText();
      check(text.includes('Kadry systemu wspierania rodziny') && text.includes('Szkolenia kadr') &&
        text.includes('Zadanie 2.1.1'), text.slice(0, 400));
    });

    await test('two budget lines of two sources; a wrong amount is kept with its message', async () => {
      await enter(page, `a[href="/plany/${pid}/struktura/wiersz/nowy?zadanie=0"]`);
      note();
      await type(page, '#f-term', 'II-XI');
      await type(page, '#f-implementers', 'ROPS w Toruniu');
      await type(page, '#f-total', '12 tysięcy');
      await type(page, '#f-a_own', '12 000,00');
      const resp = await enter(page, '#f-a_own');
      check(resp.status() === 400, `status ${resp.status()}`);
      check(await page.inputValue('#f-total') === '12 tysięcy', 'typed total kept');
      check(await page.inputValue('#f-implementers') === 'ROPS w Toruniu', 'implementers kept');
      check(await page.inputValue('#f-a_own') === '12 000,00', 'own amount kept');
      check(await page.getAttribute('#f-total', 'aria-invalid') === 'true', 'aria-invalid');
      check((await page.locator('#f-total-error').innerText()).includes('12 tysięcy'),
        'message at the field');
      await shot(page, 'plan-edit-line-error');
      await type(page, '#f-total', '12 000,00');
      await enter(page, '#f-total');
      check(page.url().includes('/struktura'), page.url());
      await enter(page, `a[href="/plany/${pid}/struktura/wiersz/nowy?zadanie=0"]`);
      await type(page, '#f-term', 'IX-XII');
      await type(page, '#f-implementers', 'ROPS w Toruniu');
      await type(page, '#f-total', '30 000,00');
      await type(page, '#f-a_eu', '30 000,00');
      await enter(page, '#f-a_eu');
      const text = await page.locator('main').innerText();
      check(text.includes('12 000,00') && text.includes('30 000,00'), text.slice(0, 600));
    });

    await test('three indicators, one a breakdown of another', async () => {
      const addInd = async (name, unit, year, multi, parent) => {
        await enter(page, `a[href="/plany/${pid}/struktura/wskaznik/nowy?zadanie=0"]`);
        note();
        if (parent !== undefined) await page.selectOption('#f-parent', String(parent));
        await type(page, '#f-name', name);
        await type(page, '#f-unit', unit);
        await type(page, '#f-year', year);
        await type(page, '#f-multi', multi);
        await enter(page, '#f-multi');
        check(page.url().includes('/struktura'), `${name}: ${page.url()}`);
      };
      await addInd('liczba szkoleń', 'szkoleń', '4', '12');
      await addInd('liczba uczestników', 'osób', '80', '240');
      await addInd('w tym asystentów rodziny', 'osób', '30', '90', 1);
      const items = await page.locator('main li.breakdown').allInnerTexts();
      check(items.length === 1 && items[0].includes('w tym asystentów rodziny'), items.join('|'));
      // Each kind's edit form opens from the list too.
      await enter(page, `a[href="/plany/${pid}/struktura/wskaznik/2"]`);
      note();
      await enter(page, `a[href="/plany/${pid}/struktura"]`);
      await enter(page, `a[href="/plany/${pid}/struktura/wiersz/1"]`);
      note();
      await enter(page, `a[href="/plany/${pid}/struktura"]`);
    });

    await test('the XLSX export imported again gives the same plan', async () => {
      const api = await page.request.get(`${base}/api/plans/${pid}`);
      check(api.status() === 200, `api ${api.status()}`);
      const built = await api.json();
      check(built.goals.length === 2 && built.actions.length === 1 && built.tasks.length === 1,
        'built as asked');
      check(built.tasks[0].lines.length === 2 && built.indicators.length === 3,
        'two lines, three indicators');
      check(built.totals.total_grosze === 4200000, `total ${built.totals.total_grosze}`);
      const x = await page.request.get(`${base}/plany/${pid}/eksport/xlsx`);
      check(x.status() === 200, `xlsx ${x.status()}`);
      const file = path.join(tmp, 'plan.xlsx');
      fs.writeFileSync(file, await x.body());
      xlsx = file;
      const out = spawnSync(bin, ['import', 'plan', file, '--db', db, '--region', '04'],
        { encoding: 'utf8' });
      check(out.status === 0, `import: ${out.stderr}`);
      const again = Number(out.stdout.trim().split('\n').pop());
      check(again > pid, `new plan id ${again}`);
      const back = await (await page.request.get(`${base}/api/plans/${again}`)).json();
      const a = essence(built), b = essence(back);
      for (const k of Object.keys(a)) {
        check(JSON.stringify(a[k]) === JSON.stringify(b[k]),
          `${k} differs:\n  built    ${JSON.stringify(a[k])}\n  imported ${JSON.stringify(b[k])}`);
      }
    });

    const state = await ctx.storageState();
    await ctx.close();

    // axe, and both widths, on every new page, as the coordinator.
    const axeSource = fs.readFileSync(AXE_JS, 'utf8');
    const axeCtx = await browser.newContext({ bypassCSP: true, locale: 'pl-PL', storageState: state });
    axeCtx.setDefaultTimeout(TIMEOUT);
    await axeCtx.addInitScript(CSP_PROBE);
    watch(axeCtx, problems);
    const axePage = await axeCtx.newPage();
    for (const u of [...visited].sort()) {
      await test(`axe ${u}`, async () => {
        await axePage.goto(`${base}${u}`);
        const v = await axeViolations(axePage);
        check(v.length === 0, v.join('\n'));
      });
      for (const width of [1280, 320]) {
        await test(`${u} at ${width} px`, async () => {
          await axePage.setViewportSize({ width, height: 900 });
          await axePage.goto(`${base}${u}`);
          await axePage.screenshot({ path: path.join(SHOTS, `plan-edit-${slug(u)}-${width}.png`),
            fullPage: true });
          const over = await axePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          check(over <= 0, `${u} scrolls sideways by ${over} px at ${width}`);
        });
      }
      await axePage.setViewportSize({ width: 1280, height: 900 });
    }
    await test('the same file uploaded again is warned about and confirmed with a checkbox', async () => {
      check(xlsx, 'no export from the test above');
      await axePage.goto(`${base}/plany/wczytaj`);
      await axePage.setInputFiles('input[name="file"]', xlsx);
      await enter(axePage, 'main button[type="submit"]');
      const warn = await axePage.locator('#duplicate').innerText();
      check(warn.includes('Taki sam dokument wczytano już'), warn);
      const v = await axeViolations(axePage);
      check(v.length === 0, v.join('\n'));
      for (const width of [1280, 320]) {
        await axePage.setViewportSize({ width, height: 900 });
        await axePage.screenshot({ path: path.join(SHOTS, `plan-edit-duplicate-${width}.png`) });
        const over = await axePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        check(over <= 0, `preview scrolls sideways by ${over} px at ${width}`);
      }
      await axePage.setViewportSize({ width: 1280, height: 900 });
      await axePage.focus('#f-duplicate');
      await axePage.keyboard.press('Space');
      check(await axePage.isChecked('#f-duplicate'), 'checkbox ticked with the keyboard');
      await enter(axePage, 'button[name="action"][value="confirm"]');
      check(/\/plany\/\d+$/.test(axePage.url()), `stored: ${axePage.url()}`);
    });
    await axeCtx.close();

    await test('no console errors', async () => {
      // The refused line (400) was asked for on purpose.
      const left = problems.filter((p) => !(p.url.includes('/struktura/wiersz/nowy') &&
        p.what.includes('status of 400')));
      check(left.length === 0, left.map((p) => `${p.url}: ${p.what}`).join('\n'));
    });
  } catch (e) {
    counts.failed++;
    console.log(`FAIL setup: ${e.message}`);
  } finally {
    if (browser) await browser.close();
    if (server) await stopServer(server);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`plan_edit: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}

main();
