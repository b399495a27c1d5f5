// Benchmark (not a test; run by .ci/bench): what the page fetches at start
// and what it costs, the first slider over a weak network, the risk run and
// the budget import, in headless Chromium (Debian's, through
// tests/e2e/support.mjs). Parts, in order (or name some: `node
// tools/bench/page.mjs bundle weak`):
//
//   bundle  loads the page in a fresh profile and lists every request the
//           page makes until it is rendered and the network is idle; prints
//           the start files with raw and `gzip -9` bytes, the total against
//           the 220 KB target, the on-demand files, and any difference
//           between the start set as defined (below) and what was fetched
//   weak    first slider usable over 150 ms RTT, 1.6 Mbit/s each way, 4×
//           slower CPU, fresh profile, gzip from the server (serveDist's gzip)
//   risk    "Hur säkert är det?": 10 000 draws 2025–2030, from opening the
//           panel to the report on the page (worker cold), and again warm
//   import  a 200-line .xlsx budget (made with LibreOffice from a CSV) read
//           through "Importera budget": file chosen → preview shown
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serveDist, launchChromium } from '../../tests/e2e/support.mjs';

const parts = process.argv.slice(2);
const want = (p) => parts.length === 0 || parts.includes(p);
const KB = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const gzipSize = (file) => execFileSync('gzip', ['-9', '-n', '-c', file], { maxBuffer: 1 << 28 }).length;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/** Every file in dist/, as paths relative to it. */
function distFiles(dir = DIST, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.name.startsWith('.')
      ? []
      : e.isDirectory()
        ? distFiles(join(dir, e.name), `${prefix}${e.name}/`)
        : [`${prefix}${e.name}`],
  );
}

// The start set as defined (what index.html and the app fetch at start) and
// the files fetched only on demand.
const START = [
  [/^index\.html$/, 'the page'],
  [/^budgetsimulatorn-[0-9a-f]+_bg\.wasm$/, 'the app (wasm)'],
  [/^budgetsimulatorn-[0-9a-f]+\.js$/, 'its JS glue'],
  [/^(?!document\.css$).*\.css$/, 'styles'],
  [/^register-sw-[0-9a-f]+\.js$/, 'service-worker registration'],
  [/^embed-[0-9a-f]+\.js$/, 'embed mode'],
  [/^dataunderlag\.json$/, "the deployer's data set"],
];
const ON_DEMAND = [
  [/^worker/, 'documents, CSV, risk draws'],
  [/^excel/, 'the workbook'],
  [/^importer/, 'budget import'],
  [/^document\.css$/, 'print styles'],
  [/^sw\.js$/, 'the service worker'],
];
const kindOf = (list, name) => list.find(([re]) => re.test(name))?.[1];

async function bundle(browser) {
  const server = await serveDist();
  const context = await browser.newContext();
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(server.url).origin) fetched.push(url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
  });
  await page.goto(server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  await server.close();

  const files = distFiles();
  const glue = readFileSync(join(DIST, files.find((f) => /^budgetsimulatorn-[0-9a-f]+\.js$/.test(f))), 'utf8');
  const row = (name, note) => {
    const raw = statSync(join(DIST, name)).size;
    const gz = gzipSize(join(DIST, name));
    console.log(`  ${name.padEnd(48)} ${String(raw).padStart(8)} B raw ${String(gz).padStart(8)} B gzip   ${note}`);
    return { raw, gz };
  };
  console.log('bundle: what the page fetches at start (dist/, gzip -9; KB = 1000 B):');
  const start = [...new Set(fetched)];
  let raw = 0;
  let gz = 0;
  for (const name of start) {
    let note = kindOf(START, name) ?? 'NOT IN THE DEFINED START SET';
    if (name.startsWith('snippets/') && !glue.includes(name)) {
      note = 'STALE: not imported by the glue (Trunk copies every file in target/wasm-bindgen/release/snippets and modulepreloads it)';
    }
    const s = row(name, note);
    raw += s.raw;
    gz += s.gz;
  }
  const target = 220_000;
  console.log(
    `  ${'total at start'.padEnd(48)} ${String(raw).padStart(8)} B raw ${String(gz).padStart(8)} B gzip   ` +
      `${KB(gz)} against the target ≤ 220 KB gzip: ${gz <= target ? 'met' : `MISSED by ${KB(gz - target)}`}`,
  );
  const defined = files.filter((f) => kindOf(START, f));
  const missing = defined.filter((f) => !start.includes(f));
  console.log(
    `  check: the page's requests (in order): ${start.join(', ')}` +
      (missing.length ? `; defined but not fetched: ${missing.join(', ')}` : '; every file of the defined start set was fetched'),
  );
  console.log('bundle: on demand (not in the total):');
  for (const name of files.filter((f) => !start.includes(f) && kindOf(ON_DEMAND, f))) row(name, kindOf(ON_DEMAND, name));
  const other = files.filter((f) => !start.includes(f) && !kindOf(ON_DEMAND, f));
  if (other.length) console.log(`  other files, fetched only when a link to them is followed: ${other.join(', ')}`);
}

/** Records, in the page, when #f2026 appears and when its input first changes the 2026 result. */
function firstSliderProbe() {
  window.__firstSlider = new Promise((done) => {
    let present;
    const attempt = () => {
      const slider = document.querySelector('#f2026');
      const figure = document.querySelector('[data-metric="result-2026"]');
      if (!slider || !figure) return false;
      present ??= performance.now();
      const before = figure.getAttribute('data-value');
      const changed = new MutationObserver(() => {
        if (figure.isConnected && figure.getAttribute('data-value') !== before) {
          changed.disconnect();
          done({ present, usable: performance.now() });
        }
      });
      changed.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
      let value = 80;
      const move = () => {
        slider.value = String(value--);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      };
      move();
      // Not answered (not yet wired)? Try again with another value.
      const retry = setInterval(() => (figure.getAttribute('data-value') === before ? move() : clearInterval(retry)), 50);
      return true;
    };
    document.addEventListener('DOMContentLoaded', () => {
      if (attempt()) return;
      const watch = new MutationObserver(() => attempt() && watch.disconnect());
      watch.observe(document.body, { childList: true, subtree: true });
    });
  });
}

async function weak(browser) {
  const server = await serveDist({ gzip: true });
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addInitScript(firstSliderProbe);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: 1.6e6 / 8,
      uploadThroughput: 1.6e6 / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(server.url, { waitUntil: 'commit' });
    const t = await page.evaluate(() => window.__firstSlider);
    const bytes = await page.evaluate(() =>
      performance
        .getEntriesByType('navigation')
        .concat(performance.getEntriesByType('resource'))
        .reduce((s, e) => s + e.transferSize, 0),
    );
    runs.push({ ...t, bytes });
    await context.close();
  }
  await server.close();
  const usable = runs.map((r) => r.usable);
  console.log(
    `weak network: navigation start → first slider (#f2026) usable, 150 ms RTT, 1.6 Mbit/s down and up, 4× slower CPU, ` +
      `fresh profile, gzip: median ${(median(usable) / 1000).toFixed(2)} s ` +
      `(runs ${usable.map((u) => (u / 1000).toFixed(2)).join(', ')} s; slider present at ${(median(runs.map((r) => r.present)) / 1000).toFixed(2)} s; ` +
      `${KB(median(runs.map((r) => r.bytes)))} transferred by then)`,
  );
}

async function risk(browser) {
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}#till=2030&growth=2.5&f2026=80&f2027=80`);
  await page.locator('[data-metric="closing-2030"]').first().waitFor();
  // In the page: from the click (or the typed seed) to data-state="done".
  const timed = (start) =>
    page.evaluate((start) => {
      const panel = document.querySelector('[data-testid="risk-panel"]');
      return new Promise((ok) => {
        let began;
        const seen = new MutationObserver(() => {
          if (panel.dataset.state === 'done' && performance.now() > began) {
            seen.disconnect();
            ok({ ms: performance.now() - began, own: Number(panel.dataset.runMs) });
          }
        });
        seen.observe(panel, { attributes: true, attributeFilter: ['data-state'] });
        began = performance.now();
        if (start === 'open') document.querySelector('.risk__toggle').click();
        else {
          const seed = document.querySelector('#risk-seed');
          seed.value = start;
          seed.dispatchEvent(new Event('input', { bubbles: true }));
        }
      });
    }, start);
  const cold = await timed('open');
  const warm = [await timed('2'), await timed('3'), await timed('4')];
  const draws = await page.locator('[data-metric="risk-p50-2030"]').count();
  await context.close();
  await server.close();
  if (!draws) throw new Error('the risk report has no 2030 median');
  const w = median(warm.map((r) => r.ms));
  console.log(
    `risk in Chromium: 10 000 draws 2025–2030 (till=2030, growth 2.5 %, 80 % from 2026), click → report on the page: ` +
      `${cold.ms.toFixed(0)} ms with the worker cold (its module fetched and compiled; the page's own timing, request → report, ${cold.own} ms), ` +
      `warm (a new seed typed) median ${w.toFixed(0)} ms (request → report ${median(warm.map((r) => r.own))} ms); ` +
      `both include the page's 150 ms rest before a run starts; target < 1 s: ${Math.max(cold.ms, w) < 1000 ? 'met' : 'MISSED'}`,
  );
}

/** A 200-line budget file (the budget-file format of spec section 10) as .xlsx. */
function budgetWorkbook() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const head = ['Rad', 'Kategori', 'Team', 'Budget 2024', 'Budget 2025', 'Utfall jan–aug 2025', 'Prognos 2025', 'Utblick 2026'];
  const rows = [head.join(',')];
  for (let i = 0; i < 200; i++) {
    const [category, team] = i % 4 === 0 ? ['admin', 'nej'] : i % 4 === 3 ? ['struktur', 'nej'] : ['individ', i % 8 === 1 ? 'ja' : 'nej'];
    rows.push([`Insats ${i + 1}`, category, team, ...[0, 1, 2, 3, 4].map((c) => 100_000 + i * 1_000 + c * 7)].join(','));
  }
  rows.push(['Medel från medlemmarna', '', '', ...Array(5).fill(30_000_000)].join(','));
  rows.push(['Ingående eget kapital', '', '', 2_500_000, '', '', '', ''].join(','));
  const csv = join(dir, 'budget200.csv');
  writeFileSync(csv, rows.join('\n') + '\n');
  // Its own LibreOffice profile, so a test's running office is left alone.
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', '--outdir', dir, csv],
    { stdio: 'ignore', timeout: 120_000 },
  );
  return join(dir, 'budget200.xlsx');
}

async function importer(browser) {
  const file = budgetWorkbook();
  const server = await serveDist();
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await page.getByRole('button', { name: 'Byt, ändra eller importera' }).click();
  const once = async () => {
    const shown = page.evaluate(
      () =>
        new Promise((ok) => {
          let chosen;
          document.addEventListener('change', (e) => (e.target.id === 'budget-import-file' ? (chosen = performance.now()) : 0), { capture: true, once: true });
          const seen = new MutationObserver(() => {
            if (chosen !== undefined && document.querySelector('#import-title')) {
              seen.disconnect();
              ok(performance.now() - chosen);
            }
          });
          seen.observe(document.body, { childList: true, subtree: true });
        }),
    );
    await page.waitForTimeout(50);
    await page.locator('#budget-import-file').setInputFiles(file);
    const ms = await shown;
    const title = await page.locator('#import-title').innerText();
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.locator('#import-title').waitFor({ state: 'detached' });
    return { ms, title };
  };
  const cold = await once();
  const warm = [await once(), await once()];
  await context.close();
  await server.close();
  const size = statSync(file).size;
  const w = median(warm.map((r) => r.ms));
  console.log(
    `import: a 200-line .xlsx budget (5 figure columns, ${KB(size)}), file chosen → preview ("${cold.title}"): ` +
      `${cold.ms.toFixed(0)} ms with the importer cold (its module fetched and compiled), warm ${w.toFixed(0)} ms; ` +
      `target < 1 s: ${Math.max(cold.ms, w) < 1000 ? 'met' : 'MISSED'}`,
  );
}

const browser = await launchChromium();
try {
  for (const [name, run] of [['bundle', bundle], ['weak', weak], ['risk', risk], ['import', importer]]) {
    if (!want(name)) continue;
    try {
      await run(browser);
    } catch (e) {
      console.log(`${name}: FAILED: ${e.message.split('\n')[0]}`);
      process.exitCode = 1;
    }
  }
} finally {
  await browser.close();
}
