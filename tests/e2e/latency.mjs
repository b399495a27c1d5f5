// Benchmark (not a test): in-page latency from a slider's input event to the
// updated figures in the DOM, over 200 moves of the 2026 funding slider in
// headless Chromium, with every section rendered: a comparison of four
// scenarios open and a saved scenario open (so each move is also autosaved).
// Prints p50 / p95 / max in milliseconds.
import { serveDist, launchChromium } from './support.mjs';

const MOVES = Number(process.env.MOVES ?? 200);
const server = await serveDist();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const comparison = [
    ['', 'Nuläge'],
    ['f2026=80&f2027=80', 'Presidiets förslag'],
    ['s2026=77&s2027=77', 'Motförslaget'],
    ['f2026=70&f2027=70&s2026=60&s2027=60', 'Målet 60/40'],
  ]
    .map(([link, name], i) => `cmp${i + 1}=${encodeURIComponent(link)}&cmp${i + 1}.name=${encodeURIComponent(name)}`)
    .join('&');
  await page.goto(`${server.url}#${comparison}`);
  await page.locator('[data-metric="compare-4-closing-2027"]').first().waitFor();
  await page.getByRole('button', { name: 'Spara scenario' }).click();
  await page.getByLabel('Namn på scenariot').fill('Mätning');
  await page.keyboard.press('Enter');
  await page.getByText('Öppet: ”Mätning”').waitFor();
  const samples = await page.evaluate(async (moves) => {
    const slider = document.querySelector('#f2026');
    const figure = document.querySelector('[data-metric="result-2026"]');
    const results = document.querySelector('#resultat');
    const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const out = [];
    let previous = figure.getAttribute('data-value');
    for (let i = 0; i < moves; i++) {
      // 60 %, 60.5 %, …: every move is a new value, so every move re-renders.
      const value = String(60 + (i % 80) * 0.5);
      const updated = new Promise((ok, fail) => {
        const timer = setTimeout(() => fail(new Error(`no update for ${value}`)), 2000);
        const observer = new MutationObserver(() => {
          if (figure.getAttribute('data-value') !== previous) {
            observer.disconnect();
            clearTimeout(timer);
            ok(performance.now());
          }
        });
        observer.observe(results, { subtree: true, attributes: true, characterData: true, childList: true });
      });
      const start = performance.now();
      slider.value = value;
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const end = await updated;
      previous = figure.getAttribute('data-value');
      out.push(end - start);
      await nextFrame();
    }
    return out;
  }, MOVES);
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.round((samples.length - 1) * q)];
  console.log(
    `latency: slider input → updated DOM over ${samples.length} moves: ` +
      `p50 ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, max ${samples.at(-1).toFixed(2)} ms`,
  );
} finally {
  await browser.close();
  await server.close();
}
