// End-to-end tests of the workshop features in headless Chromium: presets,
// undo/redo, saved scenarios (storage, corruption, import/export), the
// side-by-side comparison and its link, and meeting mode. Figures are the
// spec's, worked by hand in tests/model_workspace.rs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useServedApp, metric, axeViolations, watchProblems, focusedId } from './support.mjs';

const app = useServedApp();

/** A fresh browser profile (its own storage) with a page open at `fragment`. */
async function fresh(fragment = '', viewport = { width: 1366, height: 768 }) {
  const context = await app.browser.newContext({ viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const page = await context.newPage();
  const errors = watchProblems(page);
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  return { context, page, errors };
}

async function reload(page) {
  await page.reload();
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
}

const PRESETS = {
  // id: [fragment, result 2026, balancing level 2026]
  nulage: ['', '-2028622', '85.0'],
  presidiet80: ['f2026=80&f2027=80', '675478', '85.0'],
  balans85: ['f2026=85&f2027=85', '-547', '85.0'],
  motforslag7723: ['s2026=77&s2027=77', '-1671781', '90.5'],
  mal6040: ['f2026=70&f2027=70&s2026=60&s2027=60', '-4908', '70.0'],
};

test('each preset applies its scenario, shows its source and puts its link in the address', async () => {
  const { context, page, errors } = await fresh('growth=2');
  for (const [id, [fragment, result, balancing]] of Object.entries(PRESETS)) {
    const button = page.locator(`[data-preset="${id}"]`);
    await button.click();
    assert.equal(await metric(page, 'result-2026'), result, id);
    assert.equal(await metric(page, 'balancing-funding-2026'), balancing, id);
    assert.equal(await button.getAttribute('aria-pressed'), 'true', id);
    await page.waitForFunction((f) => location.hash.replace(/^#/, '') === f, fragment);
    // The source is the button's description, and shows on hover.
    const sourceId = await button.getAttribute('aria-describedby');
    const source = page.locator(`#${sourceId}`);
    await button.hover();
    assert.ok(await source.isVisible(), `${id}: source visible on hover`);
    assert.match(await source.textContent(), /^Källa: ./);
  }
  // mal6040 is shown; one undo goes back to the preset before it.
  await page.getByRole('button', { name: 'Ångra' }).click();
  assert.equal(await metric(page, 'result-2026'), '-1671781');
  assert.deepEqual(errors, []);
  await context.close();
});

test('undo and redo by keyboard; a slider drag or a typed value is one step', async () => {
  const { context, page, errors } = await fresh();
  const slider = page.locator('#f2026');
  // On a loaded machine a key's render can land after the key's round
  // trip: wait for the value (briefly) rather than read too early.
  const settled = async (selector, want, message) => {
    await page.waitForFunction(([sel, v]) => document.querySelector(sel).value === v, [selector, want], { timeout: 2000 }).catch(() => {});
    assert.equal(await page.inputValue(selector), want, message);
  };
  await slider.focus();
  // Three key presses are three steps: 99.5, 99, 98.5.
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await settled('#f2026', '98.5');
  await page.keyboard.press('Control+z');
  await settled('#f2026', '99');
  await page.keyboard.press('Control+Shift+Z');
  await settled('#f2026', '98.5');
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await settled('#f2026', '98.5');

  // A drag: many input events, then one change event when released.
  await page.evaluate(() => {
    const s = document.querySelector('#f2026');
    for (let v = 98; v >= 80; v -= 0.5) {
      s.value = String(v);
      s.dispatchEvent(new Event('input', { bubbles: true }));
    }
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
  assert.equal(await metric(page, 'result-2026'), '675478');
  await slider.focus();
  await page.keyboard.press('Control+z');
  await settled('#f2026', '98.5', 'the whole drag is one step');

  // Typing "75" into the number field is one step, and Ctrl+Z inside a text
  // field is the field's own (the scenario is not undone from there).
  await page.locator('#f2027-tal').fill('');
  await page.locator('#f2027-tal').pressSequentially('75');
  // On a loaded machine the last key's render can land after the key's
  // round trip: wait for it (briefly) rather than read too early.
  await page.waitForFunction(() => document.querySelector('#f2027').value === '75', null, { timeout: 2000 }).catch(() => {});
  assert.equal(await page.inputValue('#f2027'), '75');
  await page.locator('[data-preset="nulage"]').focus();
  await page.keyboard.press('Control+z');
  await settled('#f2027', '100');
  assert.equal(await page.inputValue('#f2026'), '98.5');
  await page.getByRole('button', { name: 'Gör om' }).click();
  assert.equal(await page.inputValue('#f2027'), '75');
  assert.deepEqual(errors, []);
  await context.close();
});

test('save, reload, find and open a saved scenario; changes autosave', async () => {
  const { context, page, errors } = await fresh('f2026=80&f2027=80&s2027=70');
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Variant C');
  await page.getByLabel('Namn på scenariot').press('Enter');
  await page.getByText('Öppet: ”Variant C”').waitFor();
  // Focus went back to the button, not to <body>.
  assert.equal(await focusedId(page, 'save-start'), 'save-start');

  // Next day: a new visit without the link.
  await page.goto(app.server.url);
  await reload(page);
  assert.equal(await metric(page, 'result-2026'), '-2028622');
  const item = page.locator('.saved__item', { hasText: 'Variant C' });
  await item.waitFor();
  assert.match(await item.textContent(), /80\u00a0% 2026–27, individ 70\u00a0% 2027/);
  await page.getByRole('button', { name: 'Öppna Variant C' }).click();
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.equal(await metric(page, 'share-individ-2027'), '70.0');

  // While it is open, a change is saved to it, even when the page is left
  // at once on a slow CPU: Yew then runs effects a task after the render
  // (its scheduler yields after 16 ms), and leaving must still write what
  // was rendered (before, 7 of 8 such reloads lost the change).
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 12 });
  await page.fill('#f2027-tal', '85');
  await page.reload();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.match(await page.locator('.saved__item', { hasText: 'Variant C' }).textContent(), /80\u00a0% 2026, 85\u00a0% 2027/);

  // Delete asks first, and can be undone from the notice.
  await page.getByRole('button', { name: 'Ta bort Variant C' }).click();
  await page.getByRole('button', { name: 'Ja, ta bort' }).click();
  assert.equal(await page.locator('.saved__item').count(), 0);
  const focused = () => page.evaluate(() => document.activeElement.id);
  assert.equal(await focused(), 'saved-title', 'focus stays in the panel, not on <body>');
  await page.getByRole('button', { name: 'Ångra borttagningen' }).click();
  assert.equal(await page.locator('.saved__item', { hasText: 'Variant C' }).count(), 1);
  assert.equal(await focused(), 'saved-title');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"Spara som nytt" after changes: the changes go to the new one, the original stays as it was', async () => {
  const { context, page, errors } = await fresh('f2026=80&f2027=80');
  const saveAs = async (button, name) => {
    await page.getByRole('button', { name: button }).click();
    await page.getByLabel('Namn på scenariot').fill(name);
    await page.getByLabel('Namn på scenariot').press('Enter');
    await page.getByText(`Öppet: ”${name}”`).waitFor();
  };
  await saveAs('Spara scenario', 'Presidiet 80');
  await page.fill('#f2026-tal', '85');
  await page.fill('#f2027-tal', '85');
  await saveAs('Spara som nytt', 'Alternativ 85');
  const summary = (name) => page.locator('.saved__item', { hasText: name }).textContent();
  assert.match(await summary('Presidiet 80'), /80\u00a0% 2026–27/);
  assert.match(await summary('Alternativ 85'), /85\u00a0% 2026–27/);
  // The share menu says which scenario its document and files are of.
  await page.locator('#export-menu > summary').click();
  assert.equal(await page.locator('#export-menu .menu__hint').textContent(), 'Gäller det öppna scenariot ”Alternativ 85”.');
  await page.locator('#export-menu > summary').click();
  await page.getByRole('button', { name: 'Öppna Presidiet 80' }).click();
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.deepEqual(errors, []);
  await context.close();
});

test('two tabs of one browser never lose each other\'s saved scenarios', async () => {
  const { context, page: first, errors } = await fresh('f2026=80');
  const second = await context.newPage();
  await second.goto(`${app.server.url}#s2027=70`);
  await second.locator('[data-metric="closing-2027"]').first().waitFor();
  const save = async (page, name) => {
    await page.getByRole('button', { name: 'Spara scenario' }).click();
    await page.getByLabel('Namn på scenariot').fill(name);
    await page.getByLabel('Namn på scenariot').press('Enter');
    await page.getByText(`Öppet: ”${name}”`).waitFor();
  };
  await save(first, 'Från flik 1');
  // The other tab follows (the storage event) and saves its own beside it.
  await second.getByRole('button', { name: 'Sparade scenarier (1)' }).waitFor();
  await save(second, 'Från flik 2');
  await second.locator('.saved__item', { hasText: 'Från flik 1' }).waitFor();
  await first.locator('.saved__item', { hasText: 'Från flik 2' }).waitFor();
  // An autosave in the first tab keeps the second tab's scenario.
  await first.fill('#f2027-tal', '85');
  await first.waitForTimeout(300);
  const names = await second.evaluate(() => JSON.parse(localStorage.getItem('budgetsimulatorn.scenarier')).scenarios.map((s) => s.name).sort());
  assert.deepEqual(names, ['Från flik 1', 'Från flik 2']);
  await second.reload();
  await second.locator('.saved__item', { hasText: 'Från flik 1' }).waitFor();
  assert.equal(await second.locator('.saved__item').count(), 2);
  assert.deepEqual(errors, []);
  await context.close();
});

test('unreadable stored data: the page starts with the defaults, says so and keeps a backup', async () => {
  const { context, page, errors } = await fresh();
  const broken = '{"format":"budgetsimulatorn-scenarier","version":1,"scenarios":[{"name":';
  await page.evaluate((text) => localStorage.setItem('budgetsimulatorn.scenarier', text), broken);
  await reload(page);
  const notice = page.locator('[data-testid="storage-notice"]');
  await notice.waitFor();
  const text = await notice.textContent();
  assert.match(text, /De sparade scenarierna kunde inte läsas: Innehållet är inte giltig JSON\./);
  assert.match(text, /Sidan startade med standardvärdena/);
  assert.equal(await metric(page, 'closing-2027'), '-2148317');
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('budgetsimulatorn.oläsbart.'))
      .map((k) => localStorage.getItem(k)),
  );
  assert.deepEqual(backups, [broken]);
  assert.ok(text.includes('budgetsimulatorn.oläsbart.'), 'the notice names the backup key');

  // A stored document from a newer version is kept too, not overwritten.
  await page.evaluate(() =>
    localStorage.setItem('budgetsimulatorn.scenarier', '{"format":"budgetsimulatorn-scenarier","version":7,"scenarios":[]}'),
  );
  await reload(page);
  assert.match(await page.locator('[data-testid="storage-notice"]').textContent(), /nyare version .* \(format 7\)/);
  // The page still works and saving works again.
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Efter felet');
  await page.keyboard.press('Enter');
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('budgetsimulatorn.scenarier')));
  assert.deepEqual(stored.scenarios.map((s) => s.name), ['Efter felet']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad file to import gives a Swedish reason and changes nothing', async () => {
  const { context, page, errors } = await fresh();
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Finns redan');
  await page.keyboard.press('Enter');
  const before = await page.evaluate(() => localStorage.getItem('budgetsimulatorn.scenarier'));
  const doc = (body) => JSON.stringify({ format: 'budgetsimulatorn-scenarier', ...body });
  const cases = [
    ['inte-json.json', 'hej { då', /Filen ”inte-json.json” kunde inte importeras: Innehållet är inte giltig JSON\. Inget har ändrats\./],
    ['annat.json', JSON.stringify({ hello: 1 }), /inte en scenariofil från Budgetsimulatorn/],
    ['ny.json', doc({ version: 3, scenarios: [] }), /nyare version av Budgetsimulatorn \(format 3\)/],
    [
      'utanfor.json',
      doc({ version: 1, scenarios: [{ name: 'A', saved: '2026-11-20T10:00', link: 'f2026=80' }, { name: 'B', saved: '2026-11-20T10:00', link: 'f2026=150' }] }),
      /Scenario 2 \(”B”\) har värden som inte kan användas: ”f2026=150”: 150\u00a0% ligger utanför/,
    ],
    ['stor.json', 'x'.repeat(10_000_000), /Filen är för stor \(10000 kB\)/],
  ];
  for (const [name, content, message] of cases) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    const error = page.locator('[data-testid="import-error"]');
    await error.waitFor();
    assert.match(await error.textContent(), message, name);
    assert.equal(await page.evaluate(() => localStorage.getItem('budgetsimulatorn.scenarier')), before, name);
    assert.equal(await page.locator('.saved__item').count(), 1, name);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('export, then import in a fresh browser profile', async () => {
  const first = await fresh('f2026=75&f2027=75');
  const { page } = first;
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Låg nivå');
  await page.keyboard.press('Enter');
  await page.locator('[data-preset="mal6040"]').click();
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Målet');
  await page.keyboard.press('Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exportera scenarier' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^budgetsimulatorn-scenarier-\d{4}-\d{2}-\d{2}\.json$/);
  const content = await readFile(await download.path(), 'utf8');
  assert.deepEqual(JSON.parse(content).scenarios.map((s) => [s.name, s.link]), [
    ['Låg nivå', 'f2026=75&f2027=75'],
    ['Målet', 'f2026=70&f2027=70&s2026=60&s2027=60'],
  ]);
  await first.context.close();

  const second = await fresh();
  await second.page.getByRole('button', { name: 'Sparade scenarier (0)' }).click();
  await second.page.locator('#import-file').setInputFiles({ name: 'scenarier.json', mimeType: 'application/json', buffer: Buffer.from(content) });
  await second.page.getByText('2 scenarier importerades').waitFor();
  await second.page.getByRole('button', { name: 'Öppna Målet' }).click();
  assert.equal(await metric(second.page, 'result-2026'), '-4908');
  // Importing again adds with suffixes and overwrites nothing.
  await second.page.locator('#import-file').setInputFiles({ name: 'scenarier.json', mimeType: 'application/json', buffer: Buffer.from(content) });
  await second.page.getByText('”Låg nivå (2)”, ”Målet (2)”').waitFor();
  assert.equal(await second.page.locator('.saved__item').count(), 4);
  assert.deepEqual([...first.errors, ...second.errors], []);
  await second.context.close();
});

test('a comparison of two presets, its differences, and its link in a fresh profile', async () => {
  const { context, page, errors } = await fresh();
  const add = page.getByRole('button', { name: /Lägg till i jämförelsen/ });
  await page.locator('[data-preset="nulage"]').click();
  await add.click();
  await page.locator('[data-preset="presidiet80"]').click();
  await add.click();
  const expected = {
    'compare-1-result-2026': '-2028622',
    'compare-2-result-2026': '675478',
    'compare-2-diff-result-2026': '2704100',
    'compare-2-diff-closing-2026': '2704100',
    'compare-2-diff-closing-2027': '5408200',
    'compare-2-topup-2026': '2704100',
    'compare-2-diff-topup-2026': '2704100',
    'compare-1-topup-2026': '0',
    'compare-2-diff-result-2025': '0',
    'compare-1-closing-2027': '-2148317',
    'compare-2-closing-2027': '3259883',
    'compare-2-share-individ-2026': '71.3',
    'compare-1-balancing-funding-2026': '85.0',
  };
  for (const [name, value] of Object.entries(expected)) assert.equal(await metric(page, name), value, name);
  // The sign is text, not colour alone; so is a negative closing equity.
  assert.match(await page.locator('[data-metric="compare-2-diff-result-2026"]').textContent(), /^\+2\u00a0704\u00a0100\u00a0kr \(mer än basen\)$/);
  const closingCell = (k, y) => page.locator(`td:has(> [data-metric="compare-${k}-closing-${y}"])`);
  assert.match(await closingCell(1, 2027).textContent(), /^−2\u00a0148\u00a0317\u00a0kr \(negativt\)/);
  assert.doesNotMatch(await closingCell(2, 2027).textContent(), /negativt|riktvärdet/);
  // The chart has a line per scenario and a table twin.
  assert.equal(await page.locator('.comparison .series polyline').count(), 2);
  assert.match(await page.locator('.comparison table caption', { hasText: 'per år och scenario' }).textContent(), /scenario/);

  await page.waitForURL(/cmp2=/);
  await page.getByRole('button', { name: 'Kopiera länk till jämförelsen' }).click();
  await page.getByText('Länken är kopierad. Klistra in den i ett mejl för att dela jämförelsen.').waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, page.url());

  // Another computer: nothing saved there, the link alone shows the comparison.
  const other = await fresh(new URL(link).hash.slice(1));
  for (const [name, value] of Object.entries(expected)) assert.equal(await metric(other.page, name), value, `other: ${name}`);
  assert.match(await other.page.locator('.compare thead').textContent(), /Presidiets förslag: 80 % från 2026/);

  // Make the second the base: the differences turn around.
  await other.page.getByRole('button', { name: 'Gör till bas: Presidiets förslag: 80 % från 2026' }).click();
  assert.equal(await metric(other.page, 'compare-2-diff-result-2026'), '-2704100');
  // Open a column as the current scenario; remove one.
  await other.page.getByRole('button', { name: /Öppna ”Nuläge.*” som aktuellt scenario/ }).click();
  assert.equal(await metric(other.page, 'result-2026'), '-2028622');
  await other.page.getByRole('button', { name: /Ta bort ”Nuläge.*” ur jämförelsen/ }).click();
  assert.equal(await other.page.locator('[data-metric="compare-2-result-2026"]').count(), 0);
  assert.equal(await focusedId(other.page, 'comparison-title'), 'comparison-title');

  // A fifth scenario is refused.
  for (const id of ['balans85', 'motforslag7723', 'mal6040']) {
    await page.locator(`[data-preset="${id}"]`).click();
    await add.click();
  }
  // The decided first year's controls are folded away, but still there.
  await page.locator('.decided-year summary').first().click();
  await page.fill('#f2025-tal', '90');
  await add.click();
  await page.getByText('Jämförelsen rymmer högst 4 scenarier.').waitFor();
  assert.equal(await page.locator('[data-metric^="compare-4-result-2025"]').count(), 1);
  assert.deepEqual([...errors, ...other.errors], []);
  await other.context.close();
  await context.close();
});

test('a broken comparison link shows what it could read and names the rest', async () => {
  const { context, page, errors } = await fresh('cmp1=f2026%3D80&cmp2=f2026%3Dabc%26s2027%3D70&cmp9=x');
  const notice = await page.locator('[data-testid="url-notice"]').textContent();
  assert.ok(notice.includes('Jämförelsens scenario 2, ”f2026=abc”: ”abc” är inte ett tal.'), notice);
  assert.ok(notice.includes('”cmp9=x”: jämförelsen rymmer högst 4 scenarier'), notice);
  assert.equal(await metric(page, 'compare-1-result-2026'), '675478');
  assert.equal(await metric(page, 'compare-2-share-individ-2027'), '70.0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('meeting mode fits a 1366×768 projector, is in the link, and Esc leaves it', async () => {
  const { context, page, errors } = await fresh('f2026=80');
  await page.getByRole('button', { name: 'Mötesläge' }).click();
  await page.waitForURL(/meeting=1/);
  const inView = async (selector) => {
    const box = await page.locator(selector).first().boundingBox();
    return box && box.y >= 0 && box.y + box.height <= 768 && box.x >= 0 && box.x + box.width <= 1366;
  };
  assert.ok(await inView('#f2026'), 'the 2026 funding slider is visible');
  assert.ok(await inView('[data-metric="closing-2027"]'), 'closing equity 2027 is visible');
  // Each card says how far it is from the base: 80 % in 2026 (2027 stays
  // at 100 %) keeps 2 704 100 kr that year, so 2027 closes that much above Nuläge.
  assert.equal(await metric(page, 'closing-diff-2027'), '2704100');
  assert.ok(await inView('[data-metric="closing-diff-2027"]'), 'the difference is visible');
  // The decisions, the proposal buttons, the headline and the chart; no detail tables.
  assert.equal(await page.locator('table.budget').count(), 0);
  assert.equal(await page.locator('#growth').count(), 0);
  assert.ok((await page.locator('[data-preset]').count()) >= 3, 'the proposal buttons are offered in the meeting');
  assert.ok(await page.locator('#s2026-styr').isVisible());
  const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.app')).fontSize));
  assert.ok(fontSize >= 19, `large type (${fontSize}px)`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scroll (${overflow}px)`);

  // The link opens in meeting mode elsewhere.
  const other = await fresh(new URL(page.url()).hash.slice(1));
  assert.equal(await other.page.locator('table.budget').count(), 0);
  await other.context.close();

  // Esc in a number field leaves the field, keeping what was typed; the
  // next Esc leaves meeting mode.
  await page.locator('#f2026-tal').fill('82');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#f2026-tal').inputValue(), '82');
  assert.equal(await page.inputValue('#f2026'), '82');
  assert.equal(await page.locator('table.budget').count(), 0, 'still in meeting mode');
  await page.keyboard.press('Escape');
  await page.getByRole('region', { name: 'Budgettabell' }).waitFor();
  await page.waitForURL((url) => !url.hash.includes('meeting'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the workshop views have no WCAG 2.1 A/AA violations (axe-core)', async () => {
  const { context, page, errors } = await fresh('f2026=80&f2027=80&s2027=70');
  // The whole page in every layout; the saved panel's own states in the panel only.
  const check = async (view, region) => assert.deepEqual(await axeViolations(page, region), [], view);
  await check('presets and tools');
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await check('naming a scenario', '#saved-panel');
  await page.getByLabel('Namn på scenariot').fill('Variant A');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Byt namn på Variant A' }).click();
  await check('saved list with rename form', '#saved-panel');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Ta bort Variant A' }).click();
  await check('delete confirmation', '#saved-panel');
  await page.getByRole('button', { name: 'Ja, ta bort' }).click();
  await check('deleted notice', '#saved-panel');
  await page.locator('#import-file').setInputFiles({ name: 'fel.json', mimeType: 'application/json', buffer: Buffer.from('nej') });
  await page.locator('[data-testid="import-error"]').waitFor();
  await check('import error', '#saved-panel');
  const add = page.getByRole('button', { name: /Lägg till i jämförelsen/ });
  await add.click();
  await page.locator('[data-preset="mal6040"]').click();
  await add.click();
  await check('comparison');
  await page.emulateMedia({ media: 'print' });
  await check('print media, with the comparison');
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Mötesläge' }).click();
  await check('meeting mode');
  await page.goto(`${app.server.url}#f2026=abc&cmp1=f2026%3Dx`);
  await page.reload();
  await page.locator('[data-testid="url-notice"]').waitFor();
  await check('broken link notice');
  assert.deepEqual(errors, []);
  await context.close();
});
