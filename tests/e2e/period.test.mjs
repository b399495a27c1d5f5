// End-to-end tests of the plan period (issue 12) in headless Chromium: the
// period extended to 2030 with figures per year, the comparison and the
// workbook at 2030, and compatibility: links, comparison links and saved
// scenarios recorded from the page as it was before the plan period
// (tests/e2e/legacy/, captured from commit 1908748) open with the same figures.
// Figures to 2030 are worked by hand in the comments (spec section 9: years
// after the data set's plan end carry the year before's inputs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, metric, watchProblems, menuItem, parseCsv, download, recalcBudget, asHook, assertPrintedUnscaled, scratchDir } from './support.mjs';

const app = useServedApp();
const legacy = (name) => readFileSync(new URL(`./legacy/${name}`, import.meta.url), 'utf8');

async function open(fragment, { viewport = { width: 1366, height: 900 }, year = 2027, storage } = {}) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  if (storage) await context.addInitScript((text) => localStorage.getItem('budgetsimulatorn.scenarier') ?? localStorage.setItem('budgetsimulatorn.scenarier', text), storage);
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator(`[data-metric="closing-${year}"]`).first().waitFor();
  return { context, page, problems };
}

const allMetrics = (page) =>
  page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll('[data-metric]')) {
      const k = el.getAttribute('data-metric');
      if (!(k in out)) out[k] = el.getAttribute('data-value');
    }
    return out;
  });

test('links and comparison links made before the plan period open with the same figures', async () => {
  // One profile, each link opened as a new visit (no storage is involved).
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  for (const { made, address, metrics } of JSON.parse(legacy('links.json'))) {
    const page = await context.newPage();
    const problems = watchProblems(page);
    await page.goto(`${app.server.url}#${address}`);
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    const now = await allMetrics(page);
    const differing = Object.entries(metrics)
      .filter(([k, v]) => now[k] !== v)
      .map(([k, v]) => `${k}: was ${v}, now ${now[k]}`);
    assert.deepEqual(differing, [], `${made} (#${address})`);
    assert.deepEqual(problems, [], made);
    await page.close();
  }
  await context.close();
});

test('the old page\'s link for the worked example gives the spec\'s figures', async () => {
  const { context, page } = await open('basis=budget&eq=1500000&rev2026=19100000&growth=2,5&f2026=80&f2027=75.5&f2026.team_fns=90&s2026=70&guide=15');
  const expected = {
    'result-2025': '-2028622', 'closing-2025': '-528622',
    'result-2026': '-170163', 'closing-2026': '-698785', 'topup-total-2026': '2602578',
    'result-2027': '389148', 'closing-2027': '-309637', 'topup-total-2027': '3480219',
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(await metric(page, name), value, name);
  await context.close();
});

test('saved scenarios stored and exported by the old page open unchanged', async () => {
  const stored = legacy('stored-scenarios.json');
  const { context, page, problems } = await open('', { storage: stored });
  // The panel is open at start when there are saved scenarios.
  const toggle = page.getByRole('button', { name: 'Sparade scenarier (2)' });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const links = JSON.parse(legacy('links.json'));
  for (const { name, link } of JSON.parse(stored).scenarios) {
    await page.getByRole('button', { name: `Öppna ${name}` }).click();
    await page.waitForURL((url) => url.hash.slice(1) === link);
    const recorded = links.find((l) => l.made === `saved scenario "${name}"`).metrics;
    for (const key of ['closing-2027', 'result-2026', 'topup-team_vasteras-2026', 'balancing-funding-2027']) {
      assert.equal(await metric(page, key), recorded[key], `${name}: ${key}`);
    }
  }
  // The export file of the old page imports into a fresh profile.
  const second = await open('');
  await second.page.getByRole('button', { name: 'Sparade scenarier (0)' }).click();
  await second.page.locator('#import-file').setInputFiles({ name: 'scenarier.json', mimeType: 'application/json', buffer: Buffer.from(legacy('exported-scenarios.json')) });
  await second.page.getByText('2 scenarier importerades').waitFor();
  assert.deepEqual(problems, []);
  await second.context.close();
  await context.close();
});

test('the presidium extends the period to 2030 and sees from which year equity passes the guideline', async () => {
  const { context, page, problems } = await open('');
  await page.locator('[data-preset="presidiet80"]').click();
  await page.locator('#till').selectOption('2030');
  await page.waitForURL(/till=2030/);
  await page.locator('[data-metric="closing-2030"]').first().waitFor();
  // 80 % from 2026 is carried to 2030; with no cost growth every year after
  // 2026 repeats 2026: result 675 478 kr.
  for (const year of [2026, 2027, 2028, 2029, 2030]) {
    assert.equal(await metric(page, `result-${year}`), '675478', `result ${year}`);
  }
  // 2 584 405 + 675 478 = 3 259 883 (2027), + 675 478 = 3 935 361 (2028) …
  assert.equal(await metric(page, 'closing-2027'), '3259883');
  assert.equal(await metric(page, 'closing-2028'), '3935361');
  assert.equal(await metric(page, 'closing-2030'), '5286317');
  // … over the guideline (20 % of 18 958 000 kr = 3 791 600 kr) from 2028.
  const notice = (year) => page.locator('article.card', { has: page.locator(`#card-${year}`) }).getByText('Notering: över riktvärdet');
  assert.equal(await notice(2027).count(), 0);
  for (const year of [2028, 2029, 2030]) assert.equal(await notice(year).count(), 1, `${year} over the guideline`);
  // Every view follows: table columns, chart, members.
  for (const year of [2028, 2029, 2030]) {
    assert.ok(await page.locator(`table.budget [data-metric="closing-${year}"]`).count(), `table ${year}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the comparison with "Målet 60/40" follows the period to 2030', async () => {
  const { context, page, problems } = await open('till=2030', { year: 2030 });
  const add = page.getByRole('button', { name: /Lägg till i jämförelsen/ });
  await page.locator('[data-preset="presidiet80"]').click();
  await add.click();
  await page.locator('[data-metric="compare-1-closing-2030"]').waitFor();
  await page.locator('[data-preset="mal6040"]').click();
  await page.waitForURL(/s2026=60/);
  await add.click();
  await page.locator('[data-metric="compare-2-closing-2030"]').waitFor({ timeout: 5000 });
  // 60/40 at 70 %: result −4 908 kr a year; 1 908 927 − 4 908 × 5 = 1 884 387.
  assert.equal(await metric(page, 'compare-1-closing-2030'), '5286317');
  assert.equal(await metric(page, 'compare-2-closing-2030'), '1884387');
  assert.equal(await metric(page, 'compare-2-result-2028'), '-4908');
  assert.equal(await metric(page, 'compare-2-topup-2030'), '4056150');
  await page.waitForURL(/cmp2=till%3D2030/);
  // The comparison link opens with the same period elsewhere.
  const other = await open(new URL(page.url()).hash.slice(1), { year: 2030 });
  assert.equal(await metric(other.page, 'compare-2-closing-2030'), '1884387');
  await other.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workbook at 2030, recalculated in LibreOffice, equals the page in every year', async () => {
  const { context, page, problems } = await open('f2026=80&f2027=80&growth=2,5&till=2030', { year: 2030 });
  const { name, bytes } = await download(page, () => menuItem(page, 'Ladda ner Excel med formler'));
  const dir = scratchDir('arbetsbok-2030-');
  const book = join(dir, name);
  writeFileSync(book, bytes);
  const { bytes: csv } = await download(page, () => menuItem(page, 'Ladda ner budgeten (CSV)'));
  const [header, ...records] = parseCsv(csv);
  const years = header.slice(2).map((title) => /\d{4}/.exec(title)[0]);
  assert.deepEqual(years, ['2024', '2025', '2026', '2027', '2028', '2029', '2030']);
  const keys = records.map(([, id]) => id);
  const rows = recalcBudget(book, keys, years.length);
  const differing = [];
  for (const [i, key] of keys.entries()) {
    for (const [y, year] of years.entries()) {
      const page_value = await metric(page, `${key}-${year}`);
      if (asHook(rows[i][y], key) !== page_value) differing.push(`${key}-${year}: sheet ${rows[i][y]}, page ${page_value}`);
    }
  }
  assert.deepEqual(differing, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the printed decision document for ten years has every year and stays within 6 A4 pages', async () => {
  const { context, page, problems } = await open('f2026=80&f2027=80&till=2034', { year: 2034 });
  await page.evaluate(() => { window.print = () => {}; });
  await menuItem(page, 'Skriv ut beslutsunderlag');
  await page.locator('#print-root h1').waitFor({ state: 'attached' });
  const dir = scratchDir('beslutsunderlag-2034-');
  const pdf = join(dir, 'beslutsunderlag.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  assertPrintedUnscaled(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 1 && pages <= 6, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/[\u00a0\u202f]/g, ' ');
  assert.ok(text.includes('Beslutsunderlag: budget 2025–2034'), 'the title names the period');
  // 2 584 405 + 675 478 × 8 = 7 988 229 kr closing equity 2034.
  assert.equal(await metric(page, 'closing-2034'), '7988229');
  assert.ok(text.includes('7 988 229 kr'), 'the last year\'s closing equity is in the document');
  for (let year = 2025; year <= 2034; year++) assert.ok(text.includes(String(year)), `${year} is in the document`);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
  console.log(`ten-year decision document: ${pages} pages, PNG pages in ${dir}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('meeting mode at 1366×768 with ten years shows the 2026 level and the last closing equity without scrolling', async () => {
  const { context, page, problems } = await open('f2026=80&till=2034&meeting=1', { viewport: { width: 1366, height: 768 }, year: 2034 });
  const inView = async (selector) => {
    const box = await page.locator(selector).first().boundingBox();
    return box && box.y >= 0 && box.y + box.height <= 768 && box.x >= 0 && box.x + box.width <= 1366;
  };
  assert.ok(await inView('#f2026'), 'the 2026 funding slider is visible');
  assert.ok(await inView('[data-metric="closing-2034"]'), 'closing equity 2034 is visible');
  assert.ok(await inView('[data-metric="topup-total-2034"]'), 'the members\' top-up 2034 is visible');
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
