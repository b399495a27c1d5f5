// End-to-end tests of the person's own data sets (issue 14) in headless
// Chromium: a data set built by hand in the editor, budget files of other
// shapes than SFV's imported (CSV and .xlsx, tkr, outlook columns, an
// interim report), bad files refused, a link carrying its data set opened in
// a fresh profile, the deployer's dataunderlag.json, and axe on the new
// views. Figures are worked by hand in the comments from the fixtures
// (tests/fixtures/README.md says where they come from).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useServedApp, metric, watchProblems, axeViolations, focusedId } from './support.mjs';

const app = useServedApp();
const fixture = (name) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;

async function open(fragment = '', { year = 2027, context: given } = {}) {
  const context = given ?? (await app.browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true }));
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator(`[data-metric="closing-${year}"]`).first().waitFor();
  return { context, page, problems };
}

const openPanel = (page) => page.getByRole('button', { name: 'Byt, ändra eller importera' }).click();

/** Opens the panel, makes a new data set ("Nytt tomt …" or "Ny kopia …") and its editor. */
async function editNew(page, button) {
  await openPanel(page);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: 'Redigera dataunderlaget' }).click();
}

/** Reads a budget file through "Importera budget" and waits for the preview. */
async function preview(page, file) {
  await page.locator('#budget-import-file').setInputFiles(fixture(file));
  await page.locator('#import-title').waitFor();
}

test('a data set built by hand in the editor: the figures follow as one types, and a refused text stays with its reason', async () => {
  const { context, page, problems } = await open();
  await editNew(page, 'Nytt tomt dataunderlag');
  // One budget column (Budget 2025) and three lines of 0 kr.
  await page.locator('#data-name').fill('Mitt förbund 2025');
  await page.locator('#data-line-0-amount-0').fill('1 000 000');
  await page.locator('#data-line-1-amount-0').fill('6 000 000');
  await page.locator('#data-line-2-amount-0').fill('2 000 000');
  await page.locator('#data-revenue-0').fill('9 500 000');
  await page.locator('#data-opening').fill('1 000 000');
  // 9 500 000 − (1 000 000 + 6 000 000 + 2 000 000) = 500 000 kr a year
  // (revenue and costs carried to 2026–2027): 1 500 000, 2 000 000, 2 500 000.
  assert.equal(await metric(page, 'result-2025'), '500000');
  assert.equal(await metric(page, 'closing-2025'), '1500000');
  assert.equal(await metric(page, 'closing-2027'), '2500000');
  await page.locator('#data-line-0-amount-0').fill('12,5');
  assert.equal(await page.locator('#data-line-0-amount-0').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#data-line-0-amount-0-fel').textContent(), 'Ange hela kronor (”12,5” har decimaler).');
  assert.equal(await page.locator('#data-line-0-amount-0').inputValue(), '12,5');
  assert.equal(await metric(page, 'result-2025'), '500000', 'the refused text changed nothing');
  // Its own members: none at first (a placeholder organisation, not the
  // one in use), then the state, the region and two municipalities typed.
  assert.match(await page.locator('#data-organisation').inputValue(), /^Ert samordningsförbund$/);
  await page.getByRole('button', { name: /^Lägg till medlemmar/ }).click();
  assert.equal(await focusedId(page, 'data-member-1-name'), 'data-member-1-name', 'the focus is on the region’s name');
  await page.locator('#data-member-1-name').fill('Region Örebro län');
  await page.locator('#data-member-2-name').fill('Kumla kommun');
  await page.getByRole('button', { name: 'Ny kommun', exact: true }).click();
  assert.equal(await focusedId(page, 'data-member-3-name'), 'data-member-3-name');
  await page.locator('#data-member-3-name').fill('Hallsbergs kommun');
  await page.locator('#data-member-2-weight').fill('3');
  await page.locator('#data-member-3-weight').fill('2');
  // 9 500 000: staten 50 % 4 750 000, region 25 % 2 375 000, the rest
  // 2 375 000 by 3 : 2, Kumla 1 425 000 and Hallsberg 950 000.
  assert.equal(await metric(page, 'member-staten-contribution-2025'), '4750000');
  assert.equal(await metric(page, 'member-region-contribution-2025'), '2375000');
  assert.equal(await metric(page, 'member-ny_kommun-contribution-2025'), '1425000');
  assert.equal(await metric(page, 'member-ny_kommun_2-contribution-2025'), '950000');
  assert.match(await page.locator('section.members').textContent(), /Hallsbergs kommun/);
  await page.getByRole('button', { name: 'Ta bort Hallsbergs kommun' }).click();
  assert.equal(await metric(page, 'member-ny_kommun-contribution-2025'), '2375000', 'Kumla alone takes the municipal part');
  assert.equal(await focusedId(page, 'data-add-municipality'), 'data-add-municipality');
  // Stored at once: a reload keeps it (the link carries it too).
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.equal(await metric(page, 'closing-2027'), '2500000');
  assert.match(await page.locator('.site-header__data').innerText(), /Mitt förbund 2025/);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('budgetsimulatorn.dataunderlag')));
  assert.equal(stored.format, 'budgetsimulatorn-dataunderlag');
  assert.equal(stored.datasets[0].dataset.name, 'Mitt förbund 2025');
  // Coming back to the plain address opens the data set used last, and
  // says so; the built-in one chosen again is what the next visit opens.
  await page.waitForFunction(() => localStorage.getItem('budgetsimulatorn.senaste-dataunderlag') !== null);
  const again = await context.newPage();
  await again.goto(app.server.url);
  await again.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.equal(await metric(again, 'closing-2027'), '2500000');
  assert.match(await again.getByTestId('workspace-notice').innerText(), /Sidan visar ”Mitt förbund 2025”, det dataunderlag du använde senast/);
  await openPanel(again);
  await again.getByRole('button', { name: /^Använd .*Budget 2024/ }).click();
  await again.waitForFunction(() => localStorage.getItem('budgetsimulatorn.senaste-dataunderlag') === null);
  const third = await context.newPage();
  await third.goto(app.server.url);
  await third.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.doesNotMatch(await third.locator('.site-header__data').innerText(), /Mitt förbund/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a finance officer imports an Excel budget in tkr with three outlook years, answers the preview, sets 80 % from next year and mails the link', async () => {
  const { context, page, problems } = await open();
  await openPanel(page);
  const started = Date.now();
  await preview(page, 'vasteras_2021_utblick_2024_tkr.xlsx');
  // The preview gets the focus and is brought into view.
  await page.waitForFunction(() => document.activeElement?.id === 'import-title');
  console.log(`xlsx preview: ${Date.now() - started} ms from choosing the file (module fetch included)`);
  assert.equal(await page.locator('#import-unit-tkr').isChecked(), true, 'tkr preselected from the title');
  // The lines under "Insatser" have no category in the file: asked.
  const asked = page.locator('tr.import__asked select');
  assert.equal(await asked.count(), 8);
  for (let i = 0; i < 8; i++) {
    await page.locator('tr.import__asked select').first().selectOption(i < 2 ? 'individ' : 'struktur');
  }
  // Until a team is ticked, the preview says the level would change nothing.
  assert.equal(await page.getByTestId('import-no-teams').isVisible(), true);
  await page.getByLabel('Samordningsteam Västerås är ett samordningsteam').check();
  assert.equal(await page.getByTestId('import-no-teams').count(), 0);
  // Closing the data panel half way keeps the answers (the preview stays).
  await page.getByRole('button', { name: 'Stäng dataunderlaget' }).click();
  assert.equal(await page.locator('#import-title').isVisible(), false);
  await openPanel(page);
  assert.equal(await page.locator('#import-title').isVisible(), true, 'the preview is still there');
  assert.equal(await page.locator('tr.import__asked select').count(), 0, 'every asked category still answered');
  assert.equal(await page.getByLabel('Samordningsteam Västerås är ett samordningsteam').isChecked(), true);
  await page.locator('#import-name').fill('Västerås budget 2021');
  await page.locator('#import-organisation').fill('Samordningsförbundet Västerås');
  await page.getByRole('button', { name: 'Använd', exact: true }).click();
  await page.locator('[data-metric="closing-2024"]').first().waitFor();
  // The file's own totals, in kr: costs 2021 18 506 000, result −5 196 000;
  // 8 241 000 + (−5 196 000) = 3 045 000, the file's opening for 2022;
  // 2022: 11 979 000 − 14 217 000 = −2 238 000 → 807 000.
  assert.equal(await metric(page, 'result-2021'), '-5196000');
  assert.equal(await metric(page, 'closing-2021'), '3045000');
  assert.equal(await metric(page, 'closing-2022'), '807000');
  // 80 % from 2022: Västerås' team (7 923 000 kr in 2022) costs the förbund
  // 20 % less, 1 584 600 kr, which the members must find:
  // −2 238 000 + 1 584 600 = −653 400 kr.
  await page.locator('#f2022-tal').fill('80');
  assert.equal(await metric(page, 'result-2022'), '-653400');
  assert.equal(await metric(page, 'topup-total-2022'), '1584600');
  // The address written after the import carries the data set already:
  // wait for the one that has the 80 % as well.
  await page.waitForURL((url) => url.hash.includes('data=') && url.hash.includes('f2022=80'));
  const link = page.url();
  const figures = async (p) => Promise.all(['result-2022', 'closing-2023', 'closing-2024', 'topup-total-2023'].map((k) => metric(p, k)));
  const mine = await figures(page);
  // A colleague's computer: the same figures, and the data set offered to save.
  const colleague = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const other = await open(link.split('#')[1], { year: 2024, context: colleague });
  assert.deepEqual(await figures(other.page), mine);
  assert.match(await other.page.getByTestId('workspace-notice').innerText(), /Länken har ett eget dataunderlag, ”Västerås budget 2021”/);
  await other.page.getByRole('button', { name: 'Spara dataunderlaget' }).click();
  const saved = await other.page.evaluate(() => JSON.parse(localStorage.getItem('budgetsimulatorn.dataunderlag')));
  assert.equal(saved.datasets[0].dataset.name, 'Västerås budget 2021');
  assert.ok(link.length < 8000, `the link is ${link.length} characters`);
  assert.deepEqual(other.problems, []);
  await colleague.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("an interim report's CSV imports with its follow-up columns", async () => {
  const { context, page, problems } = await open();
  await openPanel(page);
  await preview(page, 'norra_vastmanland_delar_2023.csv');
  assert.equal(await page.locator('#import-flip').isChecked(), true, 'costs written negative');
  // The report has no opening equity: the preview asks for it.
  await page.locator('#import-opening').fill('1 000 000');
  assert.equal(await page.locator('#import-name').inputValue(), 'norra vastmanland delar 2023', 'named after the file');
  await page.locator('#import-organisation').fill('Norra Västmanlands samordningsförbund');
  // The report does not say kr or tkr: nothing is guessed, and "Använd" asks.
  assert.equal(await page.locator('#import-unit-kr').isChecked(), false);
  assert.equal(await page.locator('#import-unit-tkr').isChecked(), false);
  await page.getByRole('button', { name: 'Använd', exact: true }).click();
  assert.match(await page.getByTestId('import-refusals').innerText(), /Är beloppen i kr eller tkr\?/);
  await page.locator('#import-unit-kr').check();
  await page.getByRole('button', { name: 'Använd', exact: true }).click();
  await page.locator('.site-header__data', { hasText: 'norra vastmanland delar 2023' }).waitFor();
  await page.locator('.followup-section summary').click();
  // The report's net SUMMA row (prognosis 2023) is the result.
  const result = await metric(page, 'followup-result-prognosis');
  assert.equal(result, await metric(page, `result-2023`));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a refused first plan year is said beside the field, and the list shows the year still in use', async () => {
  const { context, page, problems } = await open();
  await editNew(page, 'Ny kopia av det som används');
  // Budget 2026 without its revenue: 2026 cannot be the first plan year yet.
  await page.locator('#data-new-column-year').selectOption('2026');
  await page.getByRole('button', { name: 'Lägg till kolumnen' }).click();
  await page.locator('#data-first-year').selectOption('2026');
  await page.getByText(/Ändringen gjordes inte: .*Budget 2026/).waitFor();
  await page.waitForFunction(() => document.querySelector('#data-first-year').value === '2025', null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.locator('#data-first-year').inputValue(), '2025', 'the list shows the first plan year in use');
  assert.equal(await metric(page, 'closing-2027'), '-2148317', "SFV's figures stay");
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad files are refused with a reason and change nothing', async () => {
  const { context, page, problems } = await open();
  await openPanel(page);
  for (const [file, reason] of [
    ['inte_en_tabell.pdf', /inte|kan inte/i],
    ['utan_rad.csv', /Rad/],
    ['tom.csv', /tom/i],
  ]) {
    await page.locator('#budget-import-file').setInputFiles(fixture(file));
    const error = page.getByTestId('budget-import-error');
    await error.waitFor();
    assert.match(await error.innerText(), reason, file);
  }
  // A figure that is not a number: the preview names it and offers no "Använd".
  await preview(page, 'inte_ett_tal.csv');
  assert.equal(await page.getByRole('button', { name: 'Använd', exact: true }).isDisabled(), true);
  assert.match(await page.locator('section.import [role="alert"]').first().innerText(), /12 3OO/);
  await page.getByRole('button', { name: 'Avbryt' }).click();
  // A data-set file that is not one.
  await page.locator('#data-import-file').setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"budgetsimulatorn-dataunderlag","version":1,"datasets":[{"dataset":{"id":"x"}}]}') });
  assert.match(await page.getByTestId('data-import-error').innerText(), /kunde inte importeras: .* Inget har ändrats\./);
  assert.equal(await metric(page, 'closing-2027'), '-2148317', "SFV's figures stay");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the deployer's dataunderlag.json sets the default; a bad one is said and the built-in one used", async () => {
  const own = JSON.parse(readFileSync(new URL('../../src/data/sfv.json', import.meta.url), 'utf8'));
  own.id = 'eget-forbund';
  own.name = 'Eget förbunds budget';
  own.opening_equity.amount = 2000000; // SFV's 3 863 000 kr − 1 863 000 kr
  app.server.override('/dataunderlag.json', JSON.stringify({ format: 'budgetsimulatorn-dataunderlag', version: 1, datasets: [{ dataset: own }] }));
  try {
    const { context, page, problems } = await open();
    assert.match(await page.locator('.site-header__data').innerText(), /Eget förbunds budget/);
    // SFV's closing 2027 (Nuläge), −2 148 317 kr, less the 1 863 000 kr:
    // −4 011 317 kr.
    assert.equal(await metric(page, 'closing-2027'), '-4011317');
    assert.deepEqual(problems, []);
    await context.close();
    app.server.override('/dataunderlag.json', '{"format":"något annat"}');
    const bad = await open();
    assert.match(await bad.page.getByTestId('storage-notice').innerText(), /Webbplatsens dataunderlag \(filen dataunderlag\.json\) kunde inte användas/);
    assert.equal(await metric(bad.page, 'closing-2027'), '-2148317');
    await bad.context.close();
  } finally {
    app.server.override('/dataunderlag.json');
  }
});

test('the data set views have no WCAG 2.1 A/AA violations (axe-core)', async () => {
  const { context, page } = await open();
  await openPanel(page);
  assert.deepEqual(await axeViolations(page), [], 'Dataunderlag');
  await page.getByRole('button', { name: 'Ny kopia av det som används' }).click();
  await page.getByRole('button', { name: 'Redigera dataunderlaget' }).click();
  // The editor checked once, with a refused field in it (the refusal adds
  // to the editor; nothing of it goes away).
  await page.locator('#data-line-0-amount-1').fill('x');
  assert.deepEqual(await axeViolations(page, '#data-panel'), [], 'the editor, with a refused field');
  await preview(page, 'vasteras_2021_tkr.csv');
  assert.deepEqual(await axeViolations(page, '#data-panel'), [], 'the import preview');
  await context.close();
});
