// Embedding: the snippet the page offers, pasted into a host page on
// 127.0.0.1, shows the scenario, links out to full screen, and the iframe
// grows with the content through the documented postMessage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, watchProblems, axeViolations } from './support.mjs';

const app = useServedApp();

test('the iframe snippet shows the scenario and resizes with the content', async () => {
  const page = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
  const problems = watchProblems(page);
  await page.goto(`${app.server.url}#f2026=80`);
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  await page.getByText('Bädda in på er webbplats').click();
  // The snippet is written when the disclosure's toggle event arrives.
  await page.locator('#embed-snippet', { hasText: '<iframe' }).waitFor();
  const snippet = await page.locator('#embed-snippet').textContent();
  assert.ok(snippet.includes(`src="${app.server.url}?inbaddad#f2026=80"`), snippet);
  assert.match(snippet, /title="Budgetsimulatorn – Samordningsförbundet Västmanland"/);
  assert.match(snippet, /loading="lazy"/);
  assert.ok(snippet.split('\n').filter((l) => !l.startsWith('<iframe') && !l.startsWith('  title') && !l.startsWith('  loading')).length <= 10);

  app.server.override('/host.html', `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Förbundets webbplats</title></head><body><h1>Budget</h1>${snippet}</body></html>`);
  try {
    const host = await app.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await host.goto(`${app.server.url}host.html`);
    const frame = host.frameLocator('#budgetsimulatorn');
    await frame.locator('[data-metric="closing-2027"]').first().waitFor();
    assert.equal(await frame.locator('[data-metric="result-2026"]').first().getAttribute('data-value'), '675478');
    assert.equal(await frame.locator('.site-header').isVisible(), false);
    const out = frame.getByRole('link', { name: 'Öppna i helskärm' });
    await out.focus();
    assert.equal(await out.getAttribute('href'), `${app.server.url}#f2026=80`);

    const frameHeight = () => host.evaluate(() => document.getElementById('budgetsimulatorn').getBoundingClientRect().height);
    await host.waitForFunction(() => document.getElementById('budgetsimulatorn').getBoundingClientRect().height > 1000);
    const before = await frameHeight();
    // Opening the members' table makes the page much taller.
    await frame.getByText('Visa alla 12 medlemmar per år').click();
    await host.waitForFunction((h) => document.getElementById('budgetsimulatorn').getBoundingClientRect().height > h + 100, before);
    assert.ok((await frameHeight()) > before);
    await host.close();
  } finally {
    app.server.override('/host.html');
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('embed mode has no WCAG 2.1 A/AA violations (axe-core)', async () => {
  const page = await app.browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${app.server.url}?inbaddad#f2026=80`);
  await page.getByRole('link', { name: 'Öppna i helskärm' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
