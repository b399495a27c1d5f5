// Benchmark (not a test; run by .ci/bench, or alone with
// `DIST_DIR=dist node tests/e2e/latency.mjs`): in-page latency from a
// slider's input event to the updated DOM, p50 / p95 / max over MOVES (200)
// moves of the 2026 funding slider in headless Chromium, with every section
// of the page rendered, in five cases:
//
//   default      SFV's page as it opens (2025–2027)
//   till2034     the plan period extended to 2034 (`till=2034`)
//   cpu4         the default page on a 4× throttled CPU (CDP
//                Emulation.setCPUThrottlingRate, rate 4)
//   risk         the default page with "Hur säkert är det?" open, moves
//                100–400 ms apart so that runs start and are cancelled
//                (the draws run in the documents worker, their chunks and
//                progress come back to the page's thread between moves)
//   big          a data set of 200 lines over ten years (tools/bench/
//                dataset200.mjs), served as the deployer's dataunderlag.json
//
// "Every section rendered", in each case: a member picked (Fagersta: its
// own view, memo sentences), a comparison of two columns (Nuläge and
// Presidiets förslag), a saved scenario open (so every move is also
// autosaved to localStorage), and every folded part of the page opened
// (the scenario panel's folds, the members table "Visa alla …", the
// staffing cards, the follow-up table, the sources). The script prints
// what it found open, so a section that no longer opens shows.
//
// What is timed: from just before `dispatchEvent(new Event('input'))` on the
// slider to the MutationObserver callback that first sees the figure
// `[data-metric="result-2026"]` carry its new value. The event handler runs
// synchronously in the dispatch; Yew renders in a microtask right after it
// (its scheduler drains every queued render, effects included, in that one
// pass); the observer's callback is a microtask queued by the first DOM
// mutation, so it runs after that pass: the figure is the page's whole
// re-render, not just the first changed node. Not included: style, layout
// and paint (the next frame), and any wait in the browser's input queue
// behind other tasks (a synthetic event is dispatched at once). Each move
// waits for a frame before the next, and every move is a new value, so
// every move re-renders.
import { serveDist, launchChromium } from './support.mjs';
import { dataset200, exportFile } from '../../tools/bench/dataset200.mjs';

const MOVES = Number(process.env.MOVES ?? 200);
// PROFILE=1: also a CPU profile of the moves: self time per move by part
// (our code, Yew, allocation, the DOM, …) and the functions with the most
// (PROFILE_TOP, 30). Function names need a copy of dist/ whose app wasm
// keeps its name section: `wasm-bindgen --target web --keep-debug` on
// cargo's release wasm, then `wasm-opt -Oz -g` into that copy's
// `budgetsimulatorn-…_bg.wasm`, served with DIST_DIR.
const PROFILE = !!process.env.PROFILE;
const ONLY = process.env.CASES?.split(',');

const CASES = [
  { id: 'default', label: 'default page (2025–2027)', target: 4 },
  { id: 'till2034', label: 'till=2034 (2025–2034)', till: 2034, target: 8 },
  { id: 'cpu4', label: 'default page, 4× slower CPU', cpu: 4, target: 16 },
  { id: 'risk', label: 'default page, "Hur säkert är det?" open', risk: true, target: 4 },
  { id: 'big', label: '200 lines × 10 years (2025–2034)', big: true, target: 16 },
];

const enc = encodeURIComponent;

function fragmentFor(c) {
  const till = c.till ? `till=${c.till}` : '';
  const join = (...parts) => parts.filter(Boolean).join('&');
  const columns = [
    [till, 'Nuläge'],
    [join(till, 'f2026=80&f2027=80'), 'Presidiets förslag'],
  ];
  return join(
    till,
    'member=fagersta',
    ...columns.map(([link, name], i) => `cmp${i + 1}=${enc(link)}&cmp${i + 1}.name=${enc(name)}`),
  );
}

/** Opens the case's page with every section rendered; returns what is open. */
async function prepare(page, c) {
  await page.goto(`${server.url}#${fragmentFor(c)}`);
  await page.locator('[data-metric^="compare-2-closing-"]').first().waitFor();
  if (c.big) {
    const header = await page.locator('.site-header__data').innerText();
    if (!header.includes('Provdata: 200 rader')) throw new Error(`the 200-line data set was not used: ${header}`);
  }
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Mätning');
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="saving-to"]').waitFor();
  // Open every folded part of the page (not the tool row's menu).
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('main details')) d.open = true;
  });
  if (c.risk) {
    await page.locator('.risk__toggle').click();
    await page.locator('[data-testid="risk-panel"][data-state="done"]').waitFor({ timeout: 60_000 });
  }
  return page.evaluate(() => {
    const open = (sel) => !!document.querySelector(sel);
    const years = [...document.querySelectorAll('[data-metric^="closing-"]')]
      .map((e) => Number(e.dataset.metric.slice('closing-'.length)))
      .filter(Number.isFinite);
    const parts = [
      open('[data-testid="member-view"]') && 'member view (Fagersta)',
      `comparison (${document.querySelectorAll('[data-metric^="compare-"][data-metric*="-closing-"]').length / new Set(years).size | 0} columns)`,
      open('[data-testid="saving-to"]') && 'saved scenario open (autosave)',
      open('#members-details[open]') && 'members table',
      open('#staffing-details[open]') && 'staffing',
      open('.followup-section details[open], #followup-title') && 'follow-up',
      open('[data-testid="risk-panel"][data-state="done"]') && 'risk panel (run done)',
      `${document.querySelectorAll('main details[open]').length}/${document.querySelectorAll('main details').length} folds open`,
      `${document.querySelectorAll('table.budget tr.line').length} budget lines`,
      `years ${Math.min(...years)}–${Math.max(...years)}`,
    ];
    return parts.filter(Boolean).join(', ');
  });
}

/** The moves, timed in the page (see the top of the file). */
function measure(page, moves, gaps) {
  return page.evaluate(
    async ({ moves, gaps }) => {
      const slider = document.querySelector('#f2026');
      const figure = document.querySelector('[data-metric="result-2026"]');
      const results = document.querySelector('#resultat');
      const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
      const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
      const out = [];
      let previous = figure.getAttribute('data-value');
      for (let i = 0; i < moves; i++) {
        // 60 %, 60.5 %, …: every move is a new value, so every move re-renders.
        const value = String(60 + (i % 80) * 0.5);
        const updated = new Promise((ok, fail) => {
          const timer = setTimeout(() => fail(new Error(`no update for ${value}`)), 5000);
          const observer = new MutationObserver(() => {
            if (figure.getAttribute('data-value') !== previous) {
              observer.disconnect();
              clearTimeout(timer);
              ok(performance.now());
            }
          });
          observer.observe(results, { subtree: true, attributes: true, characterData: true, childList: true });
        });
        const start = performance.now();
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        const end = await updated;
        previous = figure.getAttribute('data-value');
        out.push(end - start);
        await nextFrame();
        // With the risk panel open: 100–400 ms between moves, so runs start
        // (after their 150 ms rest) and are under way when the next move lands.
        if (gaps) await pause(100 + ((i * 53) % 300));
      }
      return out;
    },
    { moves, gaps },
  );
}

async function startProfile(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  return cdp;
}

/** The functions with the most self time over the moves, in ms and %. */
async function printProfile(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  const dt = new Map(profile.nodes.map((n) => [n.id, 0]));
  profile.samples.forEach((id, i) => dt.set(id, dt.get(id) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  for (const n of profile.nodes) {
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
    self.set(name, (self.get(name) ?? 0) + dt.get(n.id));
  }
  const total = [...self.entries()].filter(([n]) => n !== '(idle)').reduce((a, [, v]) => a + v, 0);
  const groups = [
    ['our core', /^budgetsimulatorn::core::/], ['our state', /^budgetsimulatorn::state::/],
    ['our UI', /budgetsimulatorn::ui::/], ['our exports', /budgetsimulatorn::export::/],
    ['yew', /yew::/], ['allocation', /dlmalloc|alloc::|RawVec|drop_in_place|memcpy|memmove|memset/],
    ['formatting', /core\[[^\]]*\]::fmt|fmt::/], ['rust_decimal', /rust_decimal/],
    ['JS glue and DOM', /^__wbg|^[a-z][A-Za-z]*$|wasm-to-js|js-to-wasm|^\(anonymous\)|decode|^get |^set /],
  ];
  const byGroup = new Map();
  for (const [name, us] of self) {
    if (['(idle)', '(program)'].includes(name)) continue;
    const g = groups.find(([, re]) => re.test(name))?.[0] ?? 'other';
    byGroup.set(g, (byGroup.get(g) ?? 0) + us);
  }
  const moves = MOVES;
  console.log('    per move, by part: ' + [...byGroup.entries()].sort((a, b) => b[1] - a[1]).map(([g, us]) => `${g} ${(us / 1000 / moves).toFixed(2)}`).join(', ') + ' ms');
  for (const [name, us] of [...self.entries()].filter(([n]) => n !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 30))) {
    console.log(`    ${(us / 1000).toFixed(1).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name.slice(0, 110)}`);
  }
}

const server = await serveDist();
const browser = await launchChromium();
const big = exportFile(dataset200());
try {
  console.log(`latency: slider input → updated DOM, ${MOVES} moves each, every section rendered (headless Chromium, 1366×768):`);
  for (const c of CASES) {
    if (ONLY && !ONLY.includes(c.id)) continue;
    if (c.big) server.override('/dataunderlag.json', big);
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    try {
      const open = await prepare(page, c);
      if (c.cpu) {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.cpu });
      }
      const profiler = PROFILE ? await startProfile(context, page) : null;
      const samples = (await measure(page, MOVES, !!c.risk)).sort((a, b) => a - b);
      if (profiler) await printProfile(profiler);
      const at = (q) => samples[Math.round((samples.length - 1) * q)];
      const p95 = at(0.95);
      console.log(
        `  ${c.label.padEnd(42)} p50 ${at(0.5).toFixed(2).padStart(6)} ms  p95 ${p95.toFixed(2).padStart(6)} ms  ` +
          `max ${samples.at(-1).toFixed(1).padStart(6)} ms   target p95 ≤ ${c.target} ms: ${p95 <= c.target ? 'met' : 'MISSED'}`,
      );
      console.log(`    open: ${open}`);
      if (errors.length) console.log(`    page errors: ${errors.join(' | ')}`);
    } catch (e) {
      console.log(`  ${c.label.padEnd(42)} FAILED: ${e.message.split('\n')[0]}`);
      process.exitCode = 1;
    } finally {
      await context.close();
      if (c.big) server.override('/dataunderlag.json');
    }
  }
} finally {
  await browser.close();
  await server.close();
}
