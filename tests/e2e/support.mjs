// Shared helpers for the browser tests and the benchmark: a static file server
// for the release bundle on 127.0.0.1, Debian's Chromium driven by
// playwright-core (never a downloaded browser), and readers for the files the
// page offers (CSV, the workbook recalculated in LibreOffice).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import assert from 'node:assert/strict';
import { extname, join, normalize, resolve, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * A fresh folder for a test's files (a printed PDF, a workbook), removed
 * when the test file's run ends well; kept, for a look, when it fails.
 */
export function scratchDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', (code) => {
    if (code === 0 && !process.exitCode) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}
export const DIST = resolve(process.env.DIST_DIR ?? join(here, '..', '..', 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

/**
 * Serves DIST on 127.0.0.1 on a free port; resolves to { url, close, override }.
 * `override(path, body)` serves other content at a path (a "new deployment"
 * of one file, say) without touching DIST; `override(path)` undoes it.
 * With `{ gzip: true }` (the benchmark's weak-network case) every answer is
 * `Content-Encoding: gzip` at level 9 and never cached, as a förbund's web
 * server would send it on a first visit; the tests take the files plain.
 */
export async function serveDist({ gzip = false } = {}) {
  const overrides = new Map();
  const packed = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let body = overrides.get(path);
    if (body === undefined) {
      const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
      if (!file.startsWith(DIST)) {
        res.writeHead(403).end();
        return;
      }
      try {
        body = await readFile(file);
      } catch {
        res.writeHead(404).end('not found');
        return;
      }
    }
    const type = TYPES[extname(path === '/' ? 'index.html' : path)] ?? 'application/octet-stream';
    if (!gzip) {
      res.writeHead(200, { 'content-type': type });
      res.end(body);
      return;
    }
    const key = `${path}\u0000${body.length}`;
    if (!packed.has(key)) packed.set(key, gzipSync(body, { level: 9 }));
    const gz = packed.get(key);
    res.writeHead(200, {
      'content-type': type,
      'content-encoding': 'gzip',
      'content-length': gz.length,
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
    });
    res.end(gz);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => server.close(ok)),
    override: (path, body) => (body === undefined ? overrides.delete(path) : overrides.set(path, body)),
  };
}

/** Launches headless Chromium with the flags this machine needs as root. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** The `data-value` of a metric (first element carrying it). */
export async function metric(page, name) {
  return page.locator(`[data-metric="${name}"]`).first().getAttribute('data-value');
}

/**
 * The id of the focused element once it is `expected`, or whatever holds the
 * focus after 5 s. The page moves the focus in an effect after the render a
 * click causes, so reading it at once races the render on a loaded machine.
 */
export async function focusedId(page, expected) {
  const read = () => page.evaluate(() => document.activeElement?.id ?? '');
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, expected, { timeout: 5000 });
  } catch {
    // Fall through: the caller's assertion names what holds the focus.
  }
  return read();
}

/**
 * Registers the suite's set-up: the bundle served and Chromium launched once
 * for the file's tests, both closed at the end. Returns live getters.
 *
 * The service worker is blocked in the browser's new contexts and pages
 * unless `serviceWorkers: 'allow'`: only the offline tests need it, and in
 * every other test its install (fetching and caching the whole bundle in
 * each fresh profile) was a fifth of a page load's work.
 */
export function useServedApp({ serviceWorkers = 'block' } = {}) {
  const live = { server: undefined, browser: undefined };
  before(async () => {
    live.server = await serveDist();
    const browser = await launchChromium();
    const withDefault = (options = {}) => ({ serviceWorkers, ...options });
    live.browser = {
      newContext: (options) => browser.newContext(withDefault(options)),
      newPage: (options) => browser.newPage(withDefault(options)),
      close: () => browser.close(),
    };
  });
  after(async () => {
    await live.browser?.close();
    await live.server?.close();
  });
  return live;
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core on the page at the WCAG 2.1 A and AA tags and returns the
 * violations as short strings (rule, impact, the first offending element).
 * `region` (a CSS selector) checks only that part: a test checks the whole
 * page once, then only the part a step changed (a whole-page run costs
 * seconds on this machine; the rest of the page is as it was checked).
 */
export async function axeViolations(page, region) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await axeSource);
  const result = await page.evaluate(
    (include) => window.axe.run(include ?? document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
    region === undefined ? null : { include: [region] },
  );
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')} — ${v.nodes[0]?.failureSummary?.split('\n')[1]?.trim()}`,
  );
}

/**
 * Records the page's errors and every Content-Security-Policy violation
 * report (the bundle carries a strict CSP; any violation is a failure).
 * Returns the live list.
 */
export function watchProblems(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
  });
  page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return problems;
}

/**
 * Clicks an item of the tool row's menu "Dela, skriv ut, ladda ner" (opening
 * the menu first), e.g. `menuItem(page, 'Skriv ut beslutsunderlag')`.
 */
export async function menuItem(page, name) {
  const menu = page.locator('#export-menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator('summary').click();
  await menu.getByRole('button', { name }).click();
}

/** Splits a CSV file the page offered: BOM, `;`, CRLF, one header row. */
export function parseCsv(bytes) {
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  assert.equal(lines.pop(), '', 'ends with a line break');
  return lines.map((line) => line.split(';'));
}

/** The file a click downloads: its suggested name and its bytes. */
export async function download(page, click) {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/**
 * Recalculates the workbook's Budget sheet in LibreOffice (after setting
 * `sets`, e.g. `Antaganden!C2=0.75`) and returns its rows in the CSV's order:
 * for each of `keys` (the CSV's Id column) the values of `columns` year
 * columns (B onwards), group headings skipped.
 */
export function recalcBudget(book, keys, columns, sets = []) {
  const letters = [...'ABCDEFGHIJKLMNOP'].slice(0, columns + 1);
  const gets = [];
  for (let r = 2; r < 2 + keys.length + 3; r++) for (const c of letters) gets.push(`Budget!${c}${r}`);
  const args = ['tools/recalc.py', book, ...(sets.length ? ['--set', ...sets] : []), '--get', ...gets];
  const cells = JSON.parse(execFileSync('/usr/bin/python3', args, { encoding: 'utf8' }));
  const rows = [];
  for (let r = 2; rows.length < keys.length; r++) {
    if (cells[`Budget!B${r}`] === '' && cells[`Budget!D${r}`] === '') continue; // a group heading
    rows.push(letters.slice(1).map((c) => cells[`Budget!${c}${r}`]));
  }
  return rows;
}

/** A workbook cell as the page's hook writes it (kronor, one-decimal percent, none). */
export function asHook(value, key) {
  if (value === '' || value === 'nås inte') return 'none';
  return key.startsWith('share') || key === 'balancing-funding' ? (value * 100).toFixed(1) : String(Math.round(value));
}

/**
 * Fails when Chromium shrank the printed document to fit the sheet. Content
 * wider than A4 makes Chromium scale every page down, so the document would
 * fit its page budget only by printing its 8 pt tables smaller; the title
 * ("Beslutsunderlag: …", 17 pt) is about 163 pt wide unscaled on page 1.
 */
export function assertPrintedUnscaled(pdf) {
  const boxes = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
  const word = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>Beslutsunderlag:<\/word>/.exec(boxes);
  assert.ok(word, 'the title is on page 1');
  const width = Number(word[2]) - Number(word[1]);
  assert.ok(width > 155, `the title is ${width.toFixed(1)} pt wide: the pages were shrunk to fit`);
}
