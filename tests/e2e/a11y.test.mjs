// Publishing checks in headless Chromium: the whole simulator used with the
// keyboard alone, the layout at 200 % zoom, and the page under its own
// Content-Security-Policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, metric, watchProblems, axeViolations } from './support.mjs';

const app = useServedApp();

/** Presses Tab until `done()` holds, checking at every stop that focus is
 * on an element (never <body>) and visibly marked. */
async function tabUntil(page, done, what, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      // A number field draws its ring on its box (it holds the unit too).
      const ringed = el.closest('.number-input__box') ?? el;
      const style = getComputedStyle(ringed);
      return {
        tag: el.tagName,
        id: el.id,
        text: (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 60),
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    assert.notEqual(focus.tag, 'BODY', `focus fell to <body> while looking for ${what}`);
    assert.ok(focus.visible, `focus on ${focus.tag}#${focus.id} "${focus.text}" has no visible ring`);
    if (await done(focus)) return focus;
  }
  throw new Error(`${what} not reached in ${limit} tabs`);
}

test('keyboard only: set 2026 to 80 %, apply the 2027 balancing level, open the sources, hear the result', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(app.server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();

  await tabUntil(page, (f) => f.id === 'f2026', 'the 2026 funding slider');
  // 100 → 80 in steps of 0,5.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowLeft');
  assert.equal(await page.inputValue('#f2026'), '80');
  assert.equal(await metric(page, 'result-2026'), '675478');

  // 2027 at 100 % after 2026 at 80 %: the level for a zero result is 85,0 %.
  const apply = await tabUntil(page, (f) => f.text.startsWith('Använd') && f.text.endsWith('2027'), 'the 2027 apply button');
  assert.equal(apply.text, 'Använd 85,0\u00a0% som finansieringsnivå 2027');
  await page.keyboard.press('Enter');
  assert.equal(await page.inputValue('#f2027'), '85');
  // 2027 at 85 %: result −547 kr, closing 2 584 405 − 547 = 2 583 858 kr.
  assert.equal(await metric(page, 'closing-2027'), '2583858');

  await tabUntil(page, (f) => f.tag === 'SUMMARY' && f.text.startsWith('Källa per budgetrad'), 'the sources');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('details:has(> summary:text("Källa per budgetrad"))').getAttribute('open'), '');
  const live = await page.locator('[data-testid="live-region"]').textContent();
  assert.equal(live, 'Utgående eget kapital 2027: 2\u00a0583\u00a0858\u00a0kr');

  // The tool row's menu opens with Enter and closes with Esc, focus back on its button.
  const menu = page.locator('#export-menu');
  await menu.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('open'), '');
  await page.keyboard.press('Escape');
  assert.equal(await menu.getAttribute('open'), null);
  assert.equal(await page.evaluate(() => document.activeElement.closest('#export-menu') !== null), true);
  await page.close();
});

test('the skip link moves to the results and keeps the scenario; a jump in the address does too', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
  await page.goto(`${app.server.url}#f2026=80&member=fagersta`);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Hoppa till resultaten');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'resultat');
  // 80 % in 2026: result 675 478 kr, as before the jump.
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.equal(new URL(page.url()).hash, '#f2026=80&member=fagersta');
  // The same jump made in the address (no script on the link, or typed):
  // the scenario stays and the address gets it back.
  await page.evaluate(() => { location.hash = 'resultat'; });
  await page.waitForFunction(() => location.hash === '#f2026=80&member=fagersta');
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.equal(await page.inputValue('#member-pick'), 'fagersta');
  await page.close();
});

test('200 % zoom (1280 px wide, 640 CSS px): nothing scrolls sideways', async () => {
  // 200 % zoom at 1280 px is a 640 CSS px viewport at device scale 2.
  const context = await app.browser.newContext({ viewport: { width: 640, height: 800 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const fragment of ['', 'f2026=80&cmp1=&cmp2=f2026%3D80', 'f2026=80&meeting=1']) {
    await page.goto(`${app.server.url}#${fragment}`);
    await page.reload();
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `#${fragment}: page scrolls sideways by ${overflow}px`);
  }
  await context.close();
});

test('the bundle runs under its strict Content-Security-Policy without a violation', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.server.url });
  const page = await context.newPage();
  const problems = watchProblems(page);
  const response = await page.goto(app.server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.ok(response.ok());
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  // Exercise what touches the browser's edges: storage, a download, a file
  // read, the clipboard, the address.
  await page.fill('#f2026-tal', '80');
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('CSP');
  await page.keyboard.press('Enter');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Exportera scenarier' }).click()]);
  await page.locator('#import-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await page.locator('[data-testid="import-error"]').waitFor();
  await page.getByRole('button', { name: 'Kopiera länk till scenariot' }).click();
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.getByRole('button', { name: 'Mötesläge' }).click();
  await page.keyboard.press('Escape');
  await page.waitForURL(/f2026=80/);
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.deepEqual(problems, []);
  await context.close();
});

test("the accessibility statement is linked from every view and follows DIGG's model", async () => {
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = watchProblems(page);
  for (const fragment of ['', 'meeting=1']) {
    await page.goto(`${app.server.url}#${fragment}`);
    await page.reload();
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count(), 1, `#${fragment}`);
  }
  await page.getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await page.waitForURL(/tillganglighet\.html$/);
  assert.equal(await page.getAttribute('html', 'lang'), 'sv');
  const headings = await page.locator('h1, h2').allTextContents();
  assert.deepEqual(headings, [
    'Tillgänglighetsredogörelse för Budgetsimulatorn',
    'Hur tillgänglig är webbtjänsten?',
    'Vad kan du göra om du inte kan använda delar av webbtjänsten?',
    'Rapportera brister i webbtjänstens tillgänglighet',
    'Tillsyn',
    'Teknisk information om webbtjänstens tillgänglighet',
    'Hur vi testat webbtjänsten',
  ]);
  const text = await page.locator('main').textContent();
  assert.match(text, /delvis förenlig/);
  assert.match(text, /Myndigheten för digital förvaltning \(Digg\)/);
  // The data set leaves the contact empty by default, and the page says so.
  assert.match(await page.getByTestId('statement-contact').textContent(), /^Kontaktuppgift saknas ännu/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: 'Tillbaka till Budgetsimulatorn' }).click();
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});
