// Shared by the browser test files: a tiny runner, the server and the
// browser set-up. Each test file imports what it needs.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const SHOTS = path.join(HERE, 'screenshots');
export const AXE_JS = path.join(HERE, 'node_modules', 'axe-core', 'axe.min.js');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const TIMEOUT = 10000;
export const NOT_BUILT_PATHS = new Set(['/monitoring', '/niebieska-linia', '/uslugi', '/rejestry']);

export const counts = { passed: 0, failed: 0 };

export async function test(name, fn) {
  try {
    await fn();
    counts.passed++;
    console.log(`ok ${name}`);
  } catch (e) {
    counts.failed++;
    const msg = (e && e.message ? e.message : String(e)).split('\n').join('\n    ');
    console.log(`FAIL ${name}: ${msg}`);
  }
}

export function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

export function slug(url) {
  const s = url.replace(/^https?:\/\/[^/]+/, '').replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return s || 'home';
}

export function pathOf(url) {
  try { return new URL(url).pathname; } catch { return ''; }
}

export function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.stderr.on('data', (d) => { out += d; });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(out)
      : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${out.trim()}`))));
  });
}

// Starts `rodzina serve` on port 0 and resolves with the port it logs.
export function startServer(bin, db, cwd) {
  const proc = spawn(bin, ['serve', '--db', db, '--listen', '127.0.0.1:0'],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const server = { proc, stderr: '', exit: null };
  server.exited = new Promise((resolve) => {
    proc.on('exit', (code, signal) => { server.exit = { code, signal }; resolve(server.exit); });
  });
  proc.stderr.on('data', (d) => { server.stderr += d; });
  server.port = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(
      `no "serve: listening" line within 10 s; stderr: ${server.stderr.trim()}`)), 10000);
    const look = () => {
      const m = /serve: listening on http:\/\/127\.0\.0\.1:(\d+)\//.exec(server.stderr);
      if (m) { clearTimeout(timer); resolve(Number(m[1])); }
    };
    proc.stderr.on('data', look);
    proc.on('error', (e) => { clearTimeout(timer); reject(e); });
    server.exited.then((x) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${x.code ?? x.signal}) before listening: ${server.stderr.trim()}`));
    });
  });
  return server;
}

export async function stopServer(server) {
  if (server.exit) return server.exit;
  server.proc.kill('SIGTERM');
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 10000));
  const x = await Promise.race([server.exited, timeout]);
  if (x) return x;
  server.proc.kill('SIGKILL');
  await server.exited;
  return { code: null, signal: 'SIGKILL (did not stop within 10 s of SIGTERM)' };
}

// Console errors, uncaught exceptions and CSP violations of every page of a
// context, keyed by the page's URL at the time.
export function watch(context, problems) {
  context.on('page', (page) => watchPage(page, problems));
}

export function watchPage(page, problems) {
  const note = (what) => problems.push({ url: page.url(), what });
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    // A part not built yet answers 501 on purpose, and chromium logs every
    // non-2xx document as a failed load: that line alone is expected (the
    // page's content is checked by the navigation test).
    const src = m.location().url || '';
    if (/status of 501/.test(text) && NOT_BUILT_PATHS.has(pathOf(src))) return;
    note(`console error: ${text}${src && src !== page.url() ? ` (${src})` : ''}`);
  });
  page.on('pageerror', (e) => note(`uncaught exception: ${e.message}`));
}

// Reports CSP violations on the console, where watchPage sees them (chromium
// logs most of them itself, this also catches report-only and eval cases).
export const CSP_PROBE = `document.addEventListener('securitypolicyviolation', function (e) {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline'));
});`;

export async function shot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}


// The WCAG 2.1 AA violations axe-core finds on the page, one line each
// (rule, impact, help and where); the page needs bypassCSP to take it.
let axeSource = null;
export async function axeViolations(page) {
  if (axeSource === null) axeSource = fs.readFileSync(AXE_JS, 'utf8');
  await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate((tags) => window.axe.run(document,
    { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
  return res.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes
    .map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
