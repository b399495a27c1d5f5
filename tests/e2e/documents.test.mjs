// The ways out of the page, in headless Chromium: the printed decision
// document (to PDF with print media: page count, no controls, the settings and
// key figures in its text) and the CSV files (every figure equal to the page's
// hooks). Figures are the model's, worked in tests/export_documents.rs and
// tests/core_members.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useServedApp, metric, watchProblems, menuItem, parseCsv, download, recalcBudget, asHook, assertPrintedUnscaled, scratchDir } from './support.mjs';

const app = useServedApp();

async function open(fragment, options = {}) {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${app.server.url}#${fragment}`);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  return { context, page, problems };
}

test('the budget CSV holds every figure the page shows', async () => {
  const { context, page, problems } = await open('f2026=80&f2027=80&s2027=70');
  const { name, bytes } = await download(page, () => menuItem(page, 'Ladda ner budgeten (CSV)'));
  // The file says which scenario it is (its summary here, no name saved) and when.
  assert.match(name, /^budgetsimulatorn-80-2026-27-individ-70-2027-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header, ...records] = parseCsv(bytes);
  assert.deepEqual(header, ['Rad', 'Id', 'Budget 2024', '2025', '2026', '2027']);
  let compared = 0;
  for (const [label, id, ...values] of records) {
    // The row is labelled as on the page (the file's rows and the page's
    // table are written separately; this keeps their words together).
    const header = page.locator(`tr:has([data-metric="${id}-2024"]) th[scope="row"]`).first();
    assert.equal((await header.textContent()).trim(), label, id);
    for (const [i, year] of ['2024', '2025', '2026', '2027'].entries()) {
      const hook = await metric(page, `${id}-${year}`);
      // Kronor are integers in both; shares have a decimal comma in the file.
      const expected = hook === 'none' ? '' : hook.replace('.', ',');
      assert.equal(values[i], expected, `${label} ${year}`);
      compared++;
    }
  }
  // 6 admin/individ/struktur lines and more: every row of the page's table.
  assert.equal(compared, (await page.locator('table.budget >> nth=0').locator('[data-metric]').count()));
  assert.ok(records.some(([, id, , , v2026]) => id === 'result' && v2026 === '675478'));
  assert.deepEqual(problems, []);
  await context.close();
});

test('the members CSV equals the members table', async () => {
  const { context, page, problems } = await open('f2026=80');
  await page.getByText('Visa alla 12 medlemmar per år').click();
  const { name, bytes } = await download(page, () => menuItem(page, 'Ladda ner medlemstabellen (CSV)'));
  assert.match(name, /^budgetsimulatorn-medlemmar-/);
  const [header, ...records] = parseCsv(bytes);
  assert.equal(header.length, 15);
  assert.equal(records.length, 13, 'twelve members and the total');
  for (const [, id, ...values] of records.slice(0, 12)) {
    assert.equal(values[0], await metric(page, `member-${id}-contribution-2024`), id);
    for (const [y, year] of ['2025', '2026', '2027'].entries()) {
      for (const [k, what] of ['contribution', 'topup', 'total', 'change'].entries()) {
        assert.equal(values[1 + y * 4 + k], await metric(page, `member-${id}-${what}-${year}`), `${id} ${what} ${year}`);
      }
    }
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the decision document prints to at most 4 A4 pages with the settings and key figures', async () => {
  const { context, page, problems } = await open('f2026=80&f2027=80&member=fagersta');
  // The dialogue itself cannot be driven headless: record that it was asked for.
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed++; };
  });
  await menuItem(page, 'Skriv ut beslutsunderlag');
  await page.locator('#print-root h1').waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => window.printed), 1);
  // On screen nothing changes.
  assert.equal(await page.locator('#print-root').isVisible(), false);

  const dir = scratchDir('beslutsunderlag-');
  const pdf = join(dir, 'beslutsunderlag.pdf');
  writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  assertPrintedUnscaled(pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  assert.ok(pages >= 1 && pages <= 4, `${pages} pages`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\u00a0/g, ' ');
  for (const expected of [
    'Beslutsunderlag: budget 2025–2027',
    'Samordningsförbundet Västmanland',
    '2025: 100 %; 2026–27: 80 %',
    'Förslag till beslut',
    '675 478 kr', // result 2026
    'Teamens bemanning om ingen skjuter till',
    `${app.server.url}#f2026=80&f2027=80&member=fagersta`,
  ]) {
    assert.ok(text.includes(expected), `the PDF says "${expected}"`);
  }
  // Fagersta's row of the members' table (kronor without the unit on
  // paper): 2024 221 286; 2025 220 356 and no top-up; 2026 220 356 and its
  // top-up 189 366.
  assert.match(text, /Fagersta kommun\s+221 286\s+220 356\s+0\s+220 356\s+189 366/);
  for (const control of ['Spara scenario', 'Mötesläge', 'Ladda ner', 'Ångra']) {
    assert.ok(!text.includes(control), `no control "${control}" on paper`);
  }
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(dir, 'page')]);
  console.log(`decision document: ${pages} pages, PNG pages in ${dir}`);

  // After printing, the page prints as itself again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.locator('#print-root').innerHTML(), '');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the Excel workbook: fetched only when asked for, recalculated by LibreOffice to the page figures, and following a changed 2026 level', async () => {
  const { context, page, problems } = await open('');
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.waitForTimeout(300);
  assert.ok(!fetched.some((p) => p.includes('excel')), 'no Excel code at start');
  const started = Date.now();
  const { name, bytes } = await download(page, () => menuItem(page, 'Ladda ner Excel med formler'));
  const elapsed = Date.now() - started;
  console.log(`workbook: ${bytes.length} bytes, ${elapsed} ms from the click to the download (module fetch included)`);
  assert.match(name, /^budgetsimulatorn-full-finansiering-fordelning-som-budgeterat-\d{4}-\d{2}-\d{2}\.xlsx$/);
  assert.ok(fetched.some((p) => p.endsWith('/excel_bg.wasm')), 'the Excel module was fetched on the click');
  await page.getByText(/Filen ”budgetsimulatorn-.*\.xlsx” är nedladdad\./).waitFor();

  const dir = scratchDir('arbetsbok-');
  const book = join(dir, name);
  writeFileSync(book, bytes);
  // The page's rows in the sheet's order, from the CSV (it names each row).
  const { bytes: csv } = await download(page, () => menuItem(page, 'Ladda ner budgeten (CSV)'));
  const keys = parseCsv(csv).slice(1).map(([, id]) => id);
  let rows = recalcBudget(book, keys, 4);
  for (const [i, key] of keys.entries()) {
    for (const [y, year] of ['2024', '2025', '2026', '2027'].entries()) {
      assert.equal(asHook(rows[i][y], key), await metric(page, `${key}-${year}`), `${key} ${year}`);
    }
  }
  // The treasurer changes 2026 to 75 % in the sheet; the page at 75 %:
  rows = recalcBudget(book, keys, 4, ['Antaganden!C2=0.75']);
  await page.locator('#f2026-tal').fill('75');
  const result = keys.indexOf('result');
  assert.equal(asHook(rows[result][2], 'result'), await metric(page, 'result-2026'));
  assert.equal(await metric(page, 'result-2026'), String(Math.round(rows[result][2])));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a module that cannot be fetched is said in Swedish, the page keeps working, and a retry works', async () => {
  // No service worker: it would answer from its cache, past the blocked route.
  const { context, page } = await open('f2026=80', { serviceWorkers: 'block' });
  await page.route('**/worker*.js*', (route) => route.abort());
  await menuItem(page, 'Ladda ner budgeten (CSV)');
  const notice = page.getByText('Den här delen av sidan kunde inte hämtas');
  await notice.waitFor();
  await page.fill('#f2027-tal', '80');
  assert.equal(await metric(page, 'result-2027'), '675478', 'the page still computes');
  await page.unroute('**/worker*.js*');
  const { name } = await download(page, () => menuItem(page, 'Ladda ner budgeten (CSV)'));
  assert.match(name, /\.csv$/);
  await notice.waitFor({ state: 'detached' });
  await context.close();
});

test('an Excel download started just before meeting mode is switched on finishes without a false error', async () => {
  const { context, page, problems } = await open('f2026=80');
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await menuItem(page, 'Ladda ner Excel med formler');
      // Meeting mode on while the workbook is still being made.
      await page.getByRole('button', { name: 'Mötesläge' }).click();
    })(),
  ]);
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  await page.keyboard.press('Escape');
  await page.getByText(/Filen ”budgetsimulatorn-.*\.xlsx” är nedladdad\./).waitFor();
  assert.equal(await page.getByText(/Det gick inte/).count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the browser's own print of the page says where the decision document is", async () => {
  const { context, page, problems } = await open('f2026=80');
  const note = page.locator('.print-note');
  assert.equal(await note.isVisible(), false, 'not on screen');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await note.isVisible(), true, 'on paper');
  assert.match(await note.innerText(), /”Skriv ut beslutsunderlag”/);
  assert.deepEqual(problems, []);
  await context.close();
});
