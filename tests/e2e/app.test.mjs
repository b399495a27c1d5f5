// End-to-end tests: the release bundle served on 127.0.0.1, used in headless
// Chromium the way a board member would (keyboard, links, broken links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, metric, watchProblems } from './support.mjs';

const app = useServedApp();

/** Opens the app at `fragment`, failing the test on any page error. */
async function open(fragment = '', viewport = { width: 1366, height: 768 }) {
  const page = await app.browser.newPage({ viewport });
  const errors = watchProblems(page);
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  return { page, errors };
}

test('(a) the default figures follow the spec', async () => {
  const { page, errors } = await open();
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  // Budget 2024 (VP 2024, section 7).
  assert.equal(await metric(page, 'admin-2024'), '2850000');
  assert.equal(await metric(page, 'individ-2024'), '13925000');
  assert.equal(await metric(page, 'struktur-2024'), '4208000');
  assert.equal(await metric(page, 'direct-2024'), '18133000');
  assert.equal(await metric(page, 'costs-2024'), '20983000');
  assert.equal(await metric(page, 'result-2024'), '-1945000');
  assert.equal(await metric(page, 'closing-2024'), '1918000');
  // 13.6 / 86.4 / 76.8 / 23.2 round to the source's 14 / 86 / 77 / 23.
  assert.equal(await metric(page, 'share-admin-2024'), '13.6');
  assert.equal(await metric(page, 'share-direct-2024'), '86.4');
  assert.equal(await metric(page, 'share-individ-2024'), '76.8');
  assert.equal(await metric(page, 'share-struktur-2024'), '23.2');
  // 2025 on the prognosis (default): costs 18 967 073, result −9 073.
  assert.equal(await metric(page, 'costs-2025'), '18967073');
  assert.equal(await metric(page, 'result-2025'), '-9073');
  assert.equal(await metric(page, 'closing-2025'), '1908927');
  // Worked check, section 4: 84.996… % → 85.0 %.
  assert.equal(await metric(page, 'balancing-funding-2026'), '85.0');
  assert.equal(await metric(page, 'closing-2027'), '-2148317');
  // Negative equity is an error-level warning on the 2026 and 2027 cards.
  assert.match(await page.locator('.card--error').first().textContent(), /negativt eget kapital/);
  assert.equal(await page.locator('.card--error').count(), 2);
  assert.equal(
    (await page.locator('[data-metric="result-2026"]').first().textContent()).trim(),
    '\u22122\u00a0028\u00a0622\u00a0kr',
  );
  // The budget 2025 column: total costs 20 986 622, result −2 028 622.
  await page.getByLabel('Budget 2025').check();
  assert.equal(await metric(page, 'costs-2025'), '20986622');
  assert.equal(await metric(page, 'result-2025'), '-2028622');
  // No horizontal scroll on a 1366 × 768 laptop.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('(b) the 2026 funding slider moves with the keyboard and the figures follow', async () => {
  const { page, errors } = await open();
  const slider = page.locator('#f2026');
  await slider.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await slider.inputValue(), '95');
  // Teams at 95 %: 5 795 000 + 1 634 000 + 1 567 500 + 1 187 500 + 1 187 500
  // + 1 472 975 = 12 844 475 (top-up 676 025). Costs 20 986 622 − 676 025 =
  // 20 310 597; result 18 958 000 − 20 310 597 = −1 352 597.
  assert.equal(await metric(page, 'result-2026'), '-1352597');
  // Closing 2026 = 1 908 927 − 1 352 597; 2027 = 556 330 − 2 028 622.
  assert.equal(await metric(page, 'closing-2026'), '556330');
  assert.equal(await metric(page, 'closing-2027'), '-1472292');
  assert.equal(await metric(page, 'topup-team_vasteras-2026'), '305000');
  assert.equal(await page.inputValue('#f2026-tal'), '95');
  const live = await page.locator('[data-testid="live-region"]').textContent();
  assert.match(live, /\u22121\u00a0472\u00a0292/);
  // The address is rewritten once the slider rests.
  await page.waitForURL(/#f2026=95$/, { timeout: 2000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('(c) a hand-written link is restored', async () => {
  const link = 'basis=budget&eq=1500000&rev2026=19100000&growth=2,5&f2026=80&f2026.team_fns=90&s2027=60&guide=15';
  const { page, errors } = await open(link);
  assert.equal(await page.getByLabel('Budget 2025').isChecked(), true);
  assert.equal(await page.inputValue('#eq'), '1\u00a0500\u00a0000');
  assert.equal(await page.inputValue('#rev2026'), '19\u00a0100\u00a0000');
  assert.equal(await page.inputValue('#growth'), '2.5');
  assert.equal(await page.inputValue('#f2026'), '80');
  assert.equal(await page.inputValue('#f2026-team_fns'), '90');
  assert.equal(await page.inputValue('#s2027'), '60');
  assert.equal(await page.inputValue('#guide'), '15');
  assert.equal(await metric(page, 'costs-2025'), '20986622');
  assert.equal(await metric(page, 'opening-2025'), '1500000');
  assert.equal(await metric(page, 'revenue-2026'), '19100000');
  // 19 100 000 × 15 % = 2 865 000.
  assert.equal(await metric(page, 'guideline-2026'), '2865000');
  // FNS: 1 650 000 × 1.025 = 1 691 250 at 90 % = 1 522 125; top-up 169 125.
  assert.equal(await metric(page, 'line-team_fns-2026'), '1522125');
  assert.equal(await metric(page, 'topup-team_fns-2026'), '169125');
  assert.equal(await metric(page, 'share-individ-2027'), '60.0');
  assert.equal(await page.locator('[data-testid="url-notice"]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload right after a change opens with the change, not the address from before it', async () => {
  // The address is written once a slider rests (150 ms); a reload in that
  // gap must still open what was on the screen. From a link and from a
  // plain address, and on a slow CPU, where rendering itself takes longer.
  for (const start of ['', 'growth=2,5']) {
    const { page, errors } = await open(start);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.fill('#f2026-tal', '80');
    await page.reload();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    assert.equal(await page.inputValue('#f2026'), '80', `reloaded from "${start}"`);
    assert.match(page.url(), /f2026=80/);
    if (start) assert.equal(await page.inputValue('#growth'), '2.5');
    // A link opened in the tab afterwards is that link, not the one left.
    await page.goto(app.server.url + '#f2027=90');
    await page.reload();
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    assert.equal(await page.inputValue('#f2026'), '100');
    assert.equal(await page.inputValue('#f2027'), '90');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('(d) a broken link names what it ignored and the page still works', async () => {
  const { page, errors } = await open('f2026=abc&f2027=150&zzz=1&s2026=70&f2026.team_x=5');
  const notice = page.locator('[data-testid="url-notice"]');
  await notice.waitFor();
  const text = await notice.textContent();
  for (const entry of ['f2026=abc', 'f2027=150', 'zzz=1', 'f2026.team_x=5']) {
    assert.ok(text.includes(`\u201d${entry}\u201d`), `${entry} named in: ${text}`);
  }
  // The valid entry applied; the broken ones left their defaults.
  assert.equal(await metric(page, 'share-individ-2026'), '70.0');
  assert.equal(await page.inputValue('#f2026'), '100');
  assert.equal(await page.inputValue('#f2027'), '100');
  // And the page still works.
  await page.fill('#f2027-tal', '80');
  // 2027 at 80 %: result −2 028 622 + 2 704 100 = 675 478.
  assert.equal(await metric(page, 'result-2027'), '675478');
  await page.getByRole('button', { name: 'Stäng meddelandet' }).click();
  assert.equal(await notice.count(), 0);

  const garbage = await open('%%%&&==&f2026.=&%E2%88');
  assert.equal(await metric(garbage.page, 'closing-2027'), '-2148317');
  assert.deepEqual([...errors, ...garbage.errors], []);
  await garbage.page.close();
  await page.close();
});

test('the 70/30 question: the balancing level with the individ share at 70 %', async () => {
  const { page, errors } = await open();
  await page.getByLabel('Bestäm andelen själv 2026').check();
  await page.fill('#s2026-tal', '70');
  assert.equal(await metric(page, 'balancing-funding-2026'), '82.0');
  await page.getByRole('button', { name: 'Använd 82,0\u00a0% som finansieringsnivå 2026' }).click();
  assert.equal(await page.inputValue('#f2026'), '82');
  const result = Number(await metric(page, 'result-2026'));
  assert.ok(Math.abs(result) < 20000, `result near zero, got ${result}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no sideways scrolling on a projector, a laptop or a phone', async () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    const { page, errors } = await open('f2026=85&s2027=70', viewport);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${viewport.width}px: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('"Kopiera länk" puts the link to the current scenario on the clipboard', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await page.fill('#f2027-tal', '77,5');
  // The board's reasons travel with the scenario (a reviewer's link lost them).
  await page.getByLabel('Motivering').fill('Balans 2027');
  await page.getByRole('button', { name: 'Kopiera länk till scenariot' }).click();
  await page.getByText('Länken är kopierad.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${app.server.url}#f2027=77.5&why=Balans%202027`);
  await context.close();
});
