// End-to-end tests of "Hur säkert är det?" (issue 15) in headless Chromium:
// the chair's flow (the presidium's proposal, 2,5 % growth ± 1,5, the risk
// in 2028, the drivers, the reasons, the printed document), the panel's
// figures in the link reopened identically in a fresh profile, typing while
// a run goes on (the field answers at once, the run starts again, input
// latency stays within the page's budget), the board's reasons through save,
// reload, export/import, the comparison and the PDF, and axe on the new
// views. The 2028 figures are worked natively in tests/export_risk.rs
// (the same seed gives the same figures, in any chunks).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, metric, axeViolations, watchProblems, menuItem, assertPrintedUnscaled, scratchDir } from './support.mjs';

const app = useServedApp();

async function fresh(fragment = '', viewport = { width: 1366, height: 900 }) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator('[data-metric^="closing-"]').first().waitFor();
  return { context, page, problems };
}

const panel = (page) => page.locator('[data-testid="risk-panel"]');

async function openPanel(page) {
  const toggle = page.locator('.risk__toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Waits for the run under way (or about to start) to give its report. */
async function settled(page, timeout = 30_000) {
  await page.locator('[data-testid="risk-panel"][data-state="done"]').waitFor({ timeout });
}

/**
 * After a change: waits for the new run to start, then to finish. Whether
 * the panel left "done" is recorded by an observer set up before the
 * change, so a run that starts and ends between two polls is not missed.
 */
async function rerun(page, change) {
  await page.evaluate(() => {
    const panel = document.querySelector('[data-testid="risk-panel"]');
    window.riskRunStarted = false;
    new MutationObserver((_, observer) => {
      if (panel.dataset.state !== 'done') {
        window.riskRunStarted = true;
        observer.disconnect();
      }
    }).observe(panel, { attributes: true, attributeFilter: ['data-state'] });
  });
  await change();
  await page.waitForFunction(() => window.riskRunStarted);
  await settled(page);
}

const riskMetrics = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-metric^="risk-"]')) out[el.dataset.metric] = el.dataset.value;
    return out;
  });

const pdfText = async (page, prefix) => {
  await page.evaluate(() => { window.print = () => {}; });
  await menuItem(page, 'Skriv ut beslutsunderlag');
  await page.locator('#print-root h1').waitFor({ state: 'attached' });
  const dir = scratchDir(prefix);
  const pdf = join(dir, 'beslutsunderlag.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  assertPrintedUnscaled(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  // Words as one line: a sentence may wrap anywhere on paper.
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/[\s\u00a0\u202f]+/g, ' ');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  return { pages, text, dir };
};

test("the chair's flow: the presidium's proposal, growth 2,5 % ± 1,5, the risk in 2028, the drivers, the reasons and the document", async () => {
  const { context, page, problems } = await fresh();
  await page.locator('[data-preset="presidiet80"]').click();
  await page.locator('#till').selectOption('2030');
  await page.fill('#growth-tal', '2,5');
  // Folded at start; opening it starts a run, which needs the worker.
  assert.equal(await page.locator('#risk-body').count(), 0);
  await openPanel(page);
  await settled(page);
  const cold = Number(await panel(page).getAttribute('data-run-ms'));
  console.log(`risk: 10 000 draws 2025–2030, first run (the worker fetched and started): ${cold} ms`);
  await rerun(page, () => page.fill('#risk-growth', '1,5'));
  await page.waitForURL((url) => url.hash.includes('risk.growth=1.5'));
  assert.equal(new URL(page.url()).hash, '#till=2030&growth=2.5&f2026=80&f2027=80&risk.growth=1.5');
  // 2028 as worked natively (N = 10 000, seed 1): nearest-rank percentiles.
  assert.equal(await metric(page, 'risk-negative-2028'), '0.5');
  assert.equal(await metric(page, 'risk-p10-2028'), '571165');
  assert.equal(await metric(page, 'risk-p50-2028'), '1150928');
  assert.equal(await metric(page, 'risk-p90-2028'), '1726285');
  assert.equal(await metric(page, 'risk-own-2028'), await metric(page, 'closing-2028'), "the scenario's own line is the page's figure");
  const sentence = await page.locator('[data-testid="risk-sentence"]').textContent();
  assert.equal(sentence.replace(/\u00a0/g, ' '), 'Med dessa antaganden är risken 97,9 % att det egna kapitalet är negativt 2030. Risken finns från 2028 (0,5 %).');
  assert.equal(await metric(page, 'risk-band-2028'), 'inom');
  assert.equal(await metric(page, 'risk-band-2030'), 'under');
  // The team level of 2027 moves 2030's equity; the share is not steered, so it moves nothing.
  const drivers = await page.locator('tr[data-driver]').evaluateAll((rows) => rows.map((r) => r.dataset.driver));
  assert.ok(drivers.includes('funding-2027'));
  assert.ok(!drivers.some((d) => d.startsWith('share')), drivers.join());
  assert.ok(Number(await metric(page, 'risk-driver-funding-2027-down')) > 0, 'a lower 2027 level leaves more equity');
  await page.getByText('Andel individinsatser har ingen stapel').waitFor();
  const ms = Number(await panel(page).getAttribute('data-run-ms'));
  console.log(`risk: 10 000 draws 2025–2030, request to report in Chromium (worker warm): ${ms} ms`);
  // The budget (under 1 s) is measured by .ci/bench, not asserted here.

  await page.fill('#motivation', 'Teamen behålls på 80 %; kommunerna skjuter till resten.');
  const { pages, text, dir } = await pdfText(page, 'beslutsunderlag-risk-');
  console.log(`decision document with the risk, 2025–2030: ${pages} pages, in ${dir}`);
  assert.ok(pages <= 6, `${pages} pages`);
  for (const expected of [
    'Hur säkert är det?',
    'Med dessa antaganden är risken 97,9 % att det egna kapitalet är negativt 2030.',
    'Beräknat med 10 000 dragningar: kostnadsökningen ±1,5 procentenheter',
    '571 165 kr',
    'Vad påverkar mest?',
    'Finansieringsnivå 2027 ±5 procentenheter',
    'Resultatets förändring 2025–2030',
    'Motivering',
    'Teamen behålls på 80 %; kommunerna skjuter till resten.',
  ]) {
    assert.ok(text.includes(expected), `the PDF says "${expected}"`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test("the panel's figures in the link reopen identically in a fresh profile", async () => {
  const first = await fresh('f2026=80&f2027=80&s2027=70');
  await openPanel(first.page);
  await settled(first.page);
  await rerun(first.page, () => first.page.fill('#risk-rev', '2,5'));
  await rerun(first.page, () => first.page.fill('#risk-seed', '42'));
  await rerun(first.page, () => first.page.fill('#risk-floor', '500 000'));
  await first.page.waitForURL((url) => url.hash.includes('risk.floor=500000'));
  const link = first.page.url();
  assert.ok(link.endsWith('#f2026=80&f2027=80&s2027=70&risk.rev=2.5&risk.seed=42&risk.floor=500000'), link);
  const figures = await riskMetrics(first.page);
  assert.equal(figures['risk-band-2025'], 'inom');
  // A share is steered: its bar is there.
  assert.ok('risk-driver-share-2027-down' in figures);
  await first.context.close();

  // A link that carries settings opens the panel by itself.
  const second = await fresh(link.split('#')[1]);
  await settled(second.page);
  assert.equal(await second.page.locator('.risk__toggle').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await riskMetrics(second.page), figures);
  assert.equal(await second.page.inputValue('#risk-seed'), '42');
  assert.equal((await second.page.inputValue('#risk-floor')).replace(/\u00a0/g, ' '), '500 000');
  // A bad value in a link is named like any other and the rest applies.
  await second.page.goto(`${app.server.url}#f2026=80&risk.n=50&risk.growth=2`);
  const notice = second.page.locator('[data-testid="url-notice"]');
  await notice.waitFor();
  assert.match((await notice.textContent()).replace(/\u00a0/g, ' '), /”risk\.n=50”: 50 ligger utanför det tillåtna intervallet 1 000 till 100 000\./);
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('typing while a run goes on: the field answers at once, the run starts again, input stays fast', async () => {
  // 100 000 draws: a run long enough to type into.
  const { context, page, problems } = await fresh('f2026=80&f2027=80&till=2030&growth=2.5&risk.n=100000');
  await page.locator('[data-testid="risk-panel"][data-state="running"]').waitFor();
  await page.locator('[data-testid="risk-progress"]').waitFor();
  // A scenario field: its text and the figures change at once, mid-run.
  await page.locator('#f2027-tal').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('75');
  assert.equal(await page.inputValue('#f2027-tal'), '75');
  assert.equal(await panel(page).getAttribute('data-state'), 'running');
  // The run of 80 % is dropped; the new one reports the page's own 2027.
  await settled(page, 60_000);
  assert.equal(await metric(page, 'risk-own-2027'), await metric(page, 'closing-2027'));
  assert.ok(page.url().includes('f2027=75'));

  // Input latency with runs going: 20 slider moves 200 ms apart, so each
  // move cancels the run under way and the next one starts after the
  // debounce (150 ms) (the worker busy, its chunks arriving on the page's thread).
  const samples = await page.evaluate(async () => {
    const slider = document.querySelector('#f2026');
    const figure = document.querySelector('[data-metric="result-2026"]');
    const results = document.querySelector('#resultat');
    const pause = (ms) => new Promise((ok) => setTimeout(ok, ms));
    const out = [];
    for (let i = 0; i < 20; i++) {
      const before = figure.getAttribute('data-value');
      const updated = new Promise((ok) => {
        const observer = new MutationObserver(() => {
          if (figure.getAttribute('data-value') !== before) {
            observer.disconnect();
            ok(performance.now());
          }
        });
        observer.observe(results, { subtree: true, attributes: true, characterData: true, childList: true });
      });
      const start = performance.now();
      slider.value = String(70 + (i % 20) * 0.5);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      out.push((await updated) - start);
      await pause(200);
    }
    return out;
  });
  samples.sort((a, b) => a - b);
  const p95 = samples[Math.round((samples.length - 1) * 0.95)];
  console.log(`risk: slider input → updated DOM with runs going, 20 moves: p50 ${samples[10].toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
  // A run on the page's thread would hold a move for the whole run (hundreds
  // of ms); the bound leaves room for a loaded machine running other tests.
  // The budget itself (p95 ≤ 8 ms) is the benchmark's, tests/e2e/latency.mjs.
  assert.ok(p95 <= 150, `p95 ${p95} ms`);
  // Typing into the risk panel's own field mid-run: shown at once, refused text kept with its reason.
  await page.locator('[data-testid="risk-panel"][data-state="running"]').waitFor();
  await page.fill('#risk-n', '500');
  assert.equal(await page.inputValue('#risk-n'), '500');
  assert.match((await page.locator('#risk-n-fel').textContent()).replace(/\u00a0/g, ' '), /500 ligger utanför det tillåtna intervallet 1 000 till 100 000/);
  await page.fill('#risk-n', '2 000');
  await settled(page);
  assert.ok(page.url().includes('risk.n=2000'));
  // Folded mid-run: the run is dropped and no longer said to be running;
  // opened again, it runs to its report.
  await page.fill('#risk-n', '100 000');
  await page.locator('[data-testid="risk-panel"][data-state="running"]').waitFor();
  await page.locator('.risk__toggle').click();
  await page.locator('[data-testid="risk-panel"][data-state="idle"]').waitFor();
  await page.locator('.risk__toggle').click();
  await settled(page, 60_000);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the board's reasons survive save, reload, export and import, ride in the comparison and are printed", async () => {
  const reasons = 'Teamen behålls & följs upp.\n\nKommunerna i väst skjuter till – ”så långt det går”.';
  const first = await fresh('f2026=80&f2027=80');
  const { page } = first;
  await page.fill('#motivation', reasons);
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Med skäl');
  await page.keyboard.press('Enter');
  await page.getByText('Öppet: ”Med skäl”').waitFor();
  // A new visit without the link: the saved scenario brings its reasons.
  await page.goto(app.server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.equal(await page.inputValue('#motivation'), '');
  await page.getByRole('button', { name: 'Öppna Med skäl' }).click();
  assert.equal(await page.inputValue('#motivation'), reasons);
  // A bad import changes nothing, the reasons on the page included.
  await page.locator('#import-file').setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"format":') });
  await page.locator('[data-testid="import-error"]').waitFor();
  assert.equal(await page.inputValue('#motivation'), reasons);
  // In the comparison, the column keeps them (and the link carries them).
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.waitForURL((url) => url.hash.includes('cmp1.why='));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera scenarier' }).click()]);
  const file = readFileSync(await download.path(), 'utf8');
  assert.equal(JSON.parse(file).scenarios[0].motivation, reasons);
  const { text } = await pdfText(page, 'beslutsunderlag-motivering-');
  assert.ok(text.includes('Motivering'));
  assert.ok(text.includes('Teamen behålls & följs upp.'), 'the reasons are printed');
  assert.ok(text.includes('Kommunerna i väst skjuter till – ”så långt det går”.'));
  await first.context.close();

  const second = await fresh();
  await second.page.getByRole('button', { name: 'Sparade scenarier (0)' }).click();
  await second.page.locator('#import-file').setInputFiles({ name: 'scenarier.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await second.page.getByRole('button', { name: 'Öppna Med skäl' }).click();
  assert.equal(await second.page.inputValue('#motivation'), reasons);
  await second.page.waitForURL((url) => url.hash.includes('why='));
  // An unreadable store: the page says so, keeps a backup that holds the reasons, and the link still carries them.
  await second.page.evaluate(() => localStorage.setItem('budgetsimulatorn.scenarier', '{"format":"budgetsimulatorn-scenarier","version":2,"scenarios":[{"uid":"x","motivation":"Sparat skäl"'));
  await second.page.reload();
  await second.page.locator('[data-testid="storage-notice"]').waitFor();
  assert.equal(await second.page.inputValue('#motivation'), reasons);
  const backups = await second.page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('budgetsimulatorn.oläsbart.')).map((k) => localStorage.getItem(k)));
  assert.ok(backups.some((b) => b.includes('Sparat skäl')), 'the unreadable text is kept');
  assert.deepEqual([...first.problems, ...second.problems], []);
  await second.context.close();
});

test('the risk panel has no WCAG 2.1 A/AA violations (axe-core), folded, with results and with a refused value', async () => {
  const { context, page, problems } = await fresh('f2026=80&f2027=80&s2027=70&till=2030', { width: 1366, height: 768 });
  assert.deepEqual(await axeViolations(page), [], 'folded');
  await openPanel(page);
  await settled(page);
  assert.deepEqual(await axeViolations(page, '[data-testid="risk-panel"]'), [], 'with results');
  await page.fill('#risk-growth', '9');
  await page.locator('#risk-growth[aria-invalid="true"]').waitFor();
  assert.deepEqual(await axeViolations(page, '[data-testid="risk-panel"]'), [], 'with a refused value');
  // Keyboard: the toggle and the fields are reached by Tab, with a visible focus.
  await page.locator('.risk__toggle').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.risk__toggle').getAttribute('aria-expanded'), 'false');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'risk-growth');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement.closest('.number-input__box')).outlineStyle);
  assert.equal(outline, 'solid', 'the focused field is outlined');
  // On a phone nothing scrolls the page sideways.
  for (const [width, height] of [[390, 844], [1024, 768], [1920, 1080]]) {
    await page.setViewportSize({ width, height });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, `${width}×${height}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
