// Every width the board, the presidium and the members use (issue 13): at
// 1024×768, 1366×768 at 125 % zoom (1093 CSS px), 1280×720, 1366×768 and
// 1920×1080, in normal and meeting mode, for three and for ten plan years,
// no figure is cut off and the page never scrolls sideways; on a 390 px
// phone with every section open neither, the result line stays in view
// beside the controls and chart text is at least 12 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { useServedApp, watchProblems } from './support.mjs';

const app = useServedApp();

/** Figures whose text is wider than their box, and the page's sideways scroll. */
const clipping = (page) =>
  page.evaluate(() => {
    const clipped = [];
    for (const el of document.querySelectorAll('.card [data-metric], .year-table [data-metric], .result-line__year')) {
      if (el.scrollWidth > el.clientWidth + 1) clipped.push(`${el.getAttribute('data-metric') ?? el.textContent}: ${el.scrollWidth} > ${el.clientWidth}`);
      // Nor may it stick out of its card.
      const card = el.closest('.card');
      if (card) {
        const a = el.getBoundingClientRect();
        const b = card.getBoundingClientRect();
        if (a.right > b.right + 1 || a.left < b.left - 1) clipped.push(`${el.getAttribute('data-metric')} outside its card`);
      }
    }
    return { clipped, sideways: document.documentElement.scrollWidth - window.innerWidth };
  });

/** The smallest rendered font size of the charts' text, CSS px. */
const smallestChartText = (page) =>
  page.evaluate(() => {
    let smallest = Infinity;
    for (const svg of document.querySelectorAll('svg.chart__svg')) {
      const box = svg.getBoundingClientRect();
      if (!box.width) continue;
      const scale = box.width / svg.viewBox.baseVal.width;
      for (const text of svg.querySelectorAll('text')) {
        smallest = Math.min(smallest, parseFloat(getComputedStyle(text).fontSize) * scale);
      }
    }
    return smallest;
  });

const SIZES = [
  [1024, 768],
  [1093, 615],
  [1280, 720],
  [1366, 768],
  [1920, 1080],
];

test('no figure is cut off and nothing scrolls sideways at any projector or laptop width, in normal and meeting mode', async () => {
  // One page per scenario and mode, resized through every width (a resize
  // lays the page out anew, as a new window would).
  const context = await app.browser.newContext();
  for (const fragment of ['f2026=80', 'f2026=80&till=2034', 'f2026=80&f2027=70&s2027=60&growth=3']) {
    for (const meeting of [false, true]) {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.setViewportSize({ width: SIZES[0][0], height: SIZES[0][1] });
      await page.goto(`${app.server.url}#${fragment}${meeting ? '&meeting=1' : ''}`);
      await page.locator('[data-metric^="closing-"]').first().waitFor();
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const { clipped, sideways } = await clipping(page);
        const where = `${width}×${height} ${meeting ? 'meeting' : 'normal'} #${fragment}`;
        assert.deepEqual(clipped, [], where);
        assert.ok(sideways <= 0, `${where}: the page scrolls sideways by ${sideways}px`);
        assert.ok((await smallestChartText(page)) >= 12, `${where}: chart text below 12 px`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    }
  }
  await context.close();
});

test('on a 1024 px projector the budget table shows every year of the plan period without scrolling; wider, its cells keep "kr"', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  const frame = page.locator('.table-wrap[aria-label="Budgettabell"]');
  const fit = () => frame.evaluate((el) => ({ inner: el.clientWidth, needed: el.scrollWidth }));
  const narrow = await fit();
  assert.ok(narrow.needed <= narrow.inner, `2024–2027 need ${narrow.needed}px of ${narrow.inner}px`);
  // Only the repeated unit is dropped: the figure and its hook stay.
  const cell = page.locator('table.budget td[data-metric="closing-2027"]');
  const plain = async (read) => (await read()).replace(/\s/g, ' ');
  assert.equal(await plain(() => cell.innerText()), '−2 148 317');
  assert.equal(await plain(() => cell.textContent()), '−2 148 317 kr', 'read out and copied with its unit');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await plain(() => cell.innerText()), '−2 148 317 kr');
  await context.close();
});

test("on a phone with every section open nothing scrolls the page sideways, and the result line is beside the controls", async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${app.server.url}#f2026=80&till=2030&member=fagersta`);
  await page.locator('[data-metric="closing-2030"]').first().waitFor();
  // The data set editor open on a copy, then every fold open (the members'
  // full table, the per-team levels, the follow-up, the risk panel).
  await page.getByRole('button', { name: 'Byt, ändra eller importera' }).click();
  await page.getByRole('button', { name: 'Ny kopia av det som används' }).click();
  await page.getByRole('button', { name: 'Redigera dataunderlaget' }).click();
  // And a budget file's preview, with its long line names and wide tables
  // (it once widened the page to 756 px).
  await page.locator('#budget-import-file').setInputFiles(fileURLToPath(new URL('../fixtures/import/vasteras_2021_tkr.csv', import.meta.url)));
  await page.locator('#import-title').waitFor();
  await page.evaluate(() => document.querySelectorAll('details:not(.menu)').forEach((d) => (d.open = true)));
  await page.waitForTimeout(300);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(sideways <= 0, `the page scrolls sideways by ${sideways}px`);
  // A phone widens its layout viewport to fit content that is too wide
  // (zoomed out, so scrollWidth equals innerWidth): the width must stay 390.
  assert.equal(await page.evaluate(() => window.innerWidth), 390);
  // Wide tables scroll inside their frames instead.
  const frames = await page.evaluate(() =>
    [...document.querySelectorAll('.table-wrap, .overrides__scroll, .chart-frame')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).length,
  );
  assert.equal(frames, 0, 'no frame sticks out of the screen');
  assert.ok((await smallestChartText(page)) >= 12, 'chart text at least 12 px');
  // The per-team level grid fits its panel.
  const grid = await page.evaluate(() => {
    const el = document.querySelector('.overrides__scroll');
    return el ? el.getBoundingClientRect().right <= el.closest('aside').getBoundingClientRect().right + 1 : true;
  });
  assert.ok(grid, 'the per-team grid fits its panel');
  // With the 2026 slider on screen, the result line shows the figures too.
  await page.locator('#f2026').scrollIntoViewIfNeeded();
  const line = page.locator('.result-line');
  const box = await line.boundingBox();
  assert.ok(box && box.y + box.height <= 844 && box.y >= 0, 'the result line is in view');
  assert.match(await line.innerText(), /2026/);
  const { clipped } = await clipping(page);
  assert.deepEqual(clipped, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('meeting mode on a phone keeps one column: nothing is squeezed or scrolls sideways', async () => {
  const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(`${app.server.url}#f2026=80&f2027=80&meeting=1`);
  await page.locator('[data-metric="topup-total-2026"]').first().waitFor();
  await page.waitForTimeout(300);
  const { width, scroll } = await page.evaluate(() => ({ width: window.innerWidth, scroll: document.documentElement.scrollWidth }));
  assert.equal(width, 390, 'the layout viewport was widened for content');
  assert.ok(scroll <= 390, `the page scrolls sideways to ${scroll}px`);
  const { clipped } = await clipping(page);
  assert.deepEqual(clipped, []);
  // Entered from far down the page, the meeting view shows from its top,
  // with the button that leaves it in sight.
  await page.getByRole('button', { name: 'Lämna mötesläget' }).click();
  const toggle = page.getByRole('button', { name: 'Mötesläge' });
  await toggle.scrollIntoViewIfNeeded();
  assert.ok((await page.evaluate(() => scrollY)) > 300, 'the button sits far down the page');
  await toggle.click();
  await page.getByRole('button', { name: 'Lämna mötesläget' }).waitFor();
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.deepEqual(problems, []);
  await context.close();
});
