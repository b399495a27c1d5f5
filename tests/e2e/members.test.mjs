// End-to-end tests of the members' and staffing views in headless Chromium:
// the members table at a preset, switching who finds the top-ups, editing a
// team's staffing, a link with fte./part. keys, the member picker's sentence
// and its total in the comparison. Figures are worked by hand in
// tests/model_members.rs (contributions, FNS's top-up split, FNS staffing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServedApp, metric, axeViolations, watchProblems } from './support.mjs';

const app = useServedApp();

async function open(fragment = '') {
  const context = await app.browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(app.server.url + (fragment ? `#${fragment}` : ''));
  await page.locator('[data-metric="closing-2027"]').first().waitFor();
  return { context, page, problems };
}

test('the members table at the presidium preset, and switching who finds the top-ups', async () => {
  const { context, page, problems } = await open();
  await page.locator('[data-preset="presidiet80"]').click();
  // 2024: staten 50 % of 19 038 000; Fagersta's key share (see the model test).
  assert.equal(await metric(page, 'member-staten-contribution-2024'), '9519000');
  assert.equal(await metric(page, 'member-fagersta-contribution-2024'), '221286');
  // 2026 at 80 %: FNS's top-up 330 000 split by Fagersta, Norberg and
  // Skinnskatteberg by population; Fagersta's part is 189 366.
  assert.equal(await metric(page, 'member-fagersta-topup-2026'), '189366');
  assert.equal(await metric(page, 'member-fagersta-total-2026'), '409722');
  assert.equal(await metric(page, 'member-fagersta-change-2026'), '189366');
  assert.equal(await metric(page, 'member-fagersta-change-2025'), '0');
  // A change is written with its sign, as the cards write differences.
  assert.equal(await page.locator('[data-metric="member-fagersta-change-2026"]').first().textContent(), '+189\u00a0366\u00a0kr');
  assert.equal(await metric(page, 'member-staten-topup-2026'), '0');
  // The hooks are in the DOM while the table is still closed.
  assert.equal(await page.locator('#members-details').getAttribute('open'), null);

  await page.getByText('Visa alla 12 medlemmar per år').click();
  await page.getByLabel('Alla medlemmar, som medlen').check();
  // By the key, the state finds half of the teams' 2 704 100: 1 352 050.
  assert.equal(await metric(page, 'member-staten-topup-2026'), '1352050');
  await page.waitForFunction(() => location.hash.includes('topup=key'));
  await page.getByLabel('De kommuner teamet betjänar').check();
  assert.equal(await metric(page, 'member-staten-topup-2026'), '0');
  assert.deepEqual(problems, []);
  await context.close();
});

test("editing a team's FTE moves FTE kept and at risk", async () => {
  const { context, page, problems } = await open('f2026=80');
  // FNS: 3,5 FTE × 0,8 = 2,8 kept, 0,7 at risk; 50–55 participants → 40–44.
  assert.equal(await metric(page, 'team-team_fns-fte-kept-2026'), '2.8');
  assert.equal(await metric(page, 'team-team_fns-fte-risk-2026'), '0.7');
  assert.equal(await metric(page, 'team-team_fns-participants-kept-2026'), '40-44');
  assert.equal(await metric(page, 'team-team_fns-cost-per-fte-2026'), '471429');
  // Teamsamverkan Västra Mälardalen has no staffing in the sources.
  assert.equal(await metric(page, 'team-teamsamverkan_vm-fte-kept-2026'), 'none');

  await page.getByText(/^Visa de 6 teamen/).click();
  await page.fill('#fte-team_fns', '5');
  await page.press('#fte-team_fns', 'Tab');
  // 5 × 0,8 = 4,0 kept, 1,0 at risk; cost per FTE 1 650 000 / 5 = 330 000.
  assert.equal(await metric(page, 'team-team_fns-fte-kept-2026'), '4.0');
  assert.equal(await metric(page, 'team-team_fns-fte-risk-2026'), '1.0');
  assert.equal(await metric(page, 'team-team_fns-cost-per-fte-2026'), '330000');
  await page.waitForFunction(() => location.hash.includes('fte.team_fns=5'));

  await page.fill('#fte-team_fns', '-1');
  await page.press('#fte-team_fns', 'Tab');
  assert.match(await page.locator('.team-card:has(#fte-team_fns)').textContent(), /0|minst/);
  assert.equal(await metric(page, 'team-team_fns-fte-kept-2026'), '4.0', 'a bad value changes nothing');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a link with fte. and part. keys is restored, and a bad one is named', async () => {
  const { context, page, problems } = await open('f2026=80&fte.team_fns=5&part.team_fns=60-70&part.team_sala=9-x');
  // 60 × 0,8 = 48, 70 × 0,8 = 56.
  assert.equal(await metric(page, 'team-team_fns-participants-kept-2026'), '48-56');
  assert.equal(await metric(page, 'team-team_fns-fte-kept-2026'), '4.0');
  assert.equal(await page.inputValue('#fte-team_fns'), '5');
  assert.equal(await page.inputValue('#part-team_fns'), '60–70');
  // Sala keeps its sources' 25–30 → 20–24 at 80 %, and the bad key is named.
  assert.equal(await metric(page, 'team-team_sala-participants-kept-2026'), '20-24');
  assert.match(await page.locator('[role="status"], [role="alert"]').allTextContents().then((t) => t.join(' ')), /part\.team_sala/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("the Fagersta finance officer's question, the member in the link and in the comparison", async () => {
  const { context, page, problems } = await open();
  await page.getByLabel('Visa för medlem').selectOption('fagersta');
  await page.locator('#f2026').fill('80');
  const view = page.locator('[data-testid="member-view"]');
  await view.getByText('2026, med finansieringsnivå 80\u00a0%, behöver Fagersta kommun').waitFor();
  const text = await view.textContent();
  assert.ok(
    text.includes('2026, med finansieringsnivå 80\u00a0%, behöver Fagersta kommun, Norbergs kommun och Skinnskattebergs kommun tillsammans tillföra 330\u00a0000\u00a0kr för att behålla Samordningsteam FNS som i dag, varav Fagersta kommun står för 189\u00a0366\u00a0kr; tillför ingen av dem något, minskar teamet med 0,7 årsarbetare och cirka 10–11 deltagare.'),
    text,
  );
  await page.waitForFunction(() => location.hash.includes('member=fagersta'));

  // Compare 80 % with today's level: Fagersta pays 409 722 against 220 356.
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.locator('[data-preset="nulage"]').click();
  await page.getByRole('button', { name: /Lägg till i jämförelsen/ }).click();
  await page.locator('[data-metric="compare-2-member-total-2026"]').waitFor();
  assert.equal(await metric(page, 'compare-1-member-total-2026'), '409722');
  assert.equal(await metric(page, 'compare-2-member-total-2026'), '220356');

  // The link restores the member.
  const url = page.url();
  const second = await context.newPage();
  await second.goto(url);
  await second.locator('[data-testid="member-view"]').waitFor();
  assert.equal(await second.inputValue('#member-pick'), 'fagersta');
  // Wide, the member's figures are beside the controls: no jump link.
  assert.equal(await second.locator('.member-jump').isVisible(), false);

  // On a phone they come after every control: a link at the top jumps there.
  const phone = await app.browser.newContext({ viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await small.goto(url);
  const jump = small.getByRole('link', { name: 'Till siffrorna för Fagersta kommun ↓' });
  await jump.click();
  await small.waitForFunction(() => {
    const r = document.querySelector('#member-view').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight / 2;
  });
  // The jump keeps the scenario and the member (the address holds them).
  assert.equal(await small.inputValue('#member-pick'), 'fagersta');
  assert.ok(new URL(small.url()).hash.includes('member=fagersta'), small.url());
  await phone.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the members and staffing views have no WCAG 2.1 A/AA violations (axe-core)', async () => {
  const { context, page } = await open('f2026=80&member=sala');
  await page.getByText('Visa alla 12 medlemmar per år').click();
  await page.getByText(/^Visa de 6 teamen/).click();
  assert.deepEqual(await axeViolations(page), []);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await axeViolations(page), [], 'print media');
  await context.close();
});
