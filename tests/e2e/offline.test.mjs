// Offline in the meeting room: after the first visit the app loads and
// computes with the network gone; the service worker caches only the app's
// own files; a new version is offered, not forced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useServedApp, metric, DIST } from './support.mjs';

const app = useServedApp({ serviceWorkers: 'allow' });

async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test('after the first visit the page works without a network', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${app.server.url}#f2027=80`);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await controlled(page);

  // Only the bundle's own files are cached, under one versioned cache.
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const entries = await (await caches.open(keys[0])).keys();
    return { keys, urls: entries.map((r) => new URL(r.url).pathname).sort() };
  });
  assert.equal(cached.keys.length, 1);
  assert.match(cached.keys[0], /^budgetsimulatorn-[0-9a-f]{16}$/);
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  const assets = JSON.parse(sw.match(/const ASSETS = (\[.*\]);/)[1]);
  assert.deepEqual(cached.urls, assets.map((a) => `/${a.replace(/^\.\//, '')}`).sort());

  await context.setOffline(true);
  await page.reload();
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  // The link still carries the scenario: 2027 at 80 % gives a result of 675 478 kr.
  assert.equal(await metric(page, 'result-2027'), '675478');
  await page.fill('#f2026-tal', '80');
  assert.equal(await metric(page, 'result-2026'), '675478');
  assert.equal(await metric(page, 'closing-2027'), '3259883');
  // The workshop's comparison works offline too: its module was precached.
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.locator('[data-preset="nulage"]').click();
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.locator('[data-metric="compare-2-result-2026"]').waitFor();
  assert.equal(await metric(page, 'compare-1-result-2026'), '675478');
  assert.equal(await metric(page, 'compare-2-result-2026'), '-2028622');
  assert.ok(!assets.some((a) => a.includes('excel')), 'the Excel module is not precached');
  await context.close();
});

test('a new version is offered with "Ladda om", and the old cache is removed', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(app.server.url);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await controlled(page);
  const before = await page.evaluate(() => caches.keys());

  // Deploy "a new version": a service worker with another version stamp.
  const original = await readFile(join(DIST, 'sw.js'), 'utf8');
  try {
    app.server.override('/sw.js', original.replace(/const VERSION = "([0-9a-f]+)";/, 'const VERSION = "0000000000000000";'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    const notice = page.locator('[data-testid="update-notice"]');
    await notice.waitFor();
    assert.match(await notice.textContent(), /Ny version finns – ladda om/);
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Ladda om' }).click()]);
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    const after = await page.evaluate(() => caches.keys());
    assert.deepEqual(after, ['budgetsimulatorn-0000000000000000']);
    assert.notDeepEqual(after, before);
  } finally {
    app.server.override('/sw.js');
  }
  await context.close();
});
