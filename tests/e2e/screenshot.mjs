// Takes the README's screenshots of the release bundle in headless Chromium:
// a workshop scenario at projector size, a comparison of three proposals,
// Fagersta's own view at 80 %, meeting mode on a 1366×768 projector, and the phone layout.
import { serveDist, launchChromium } from './support.mjs';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const out = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');
mkdirSync(out, { recursive: true });
const server = await serveDist();
const browser = await launchChromium();
try {
  const shots = [
    { name: 'projector.png', viewport: { width: 1920, height: 1080 }, fragment: 'f2026=80&f2027=80&s2027=70', fullPage: false },
    { name: 'laptop.png', viewport: { width: 1366, height: 768 }, fragment: '', fullPage: true },
    {
      name: 'comparison.png',
      viewport: { width: 1366, height: 768 },
      fragment:
        'f2026=80&f2027=80&cmp1=&cmp1.name=Nul%C3%A4ge&cmp2=f2026%3D80%26f2027%3D80&cmp2.name=Presidiets%20f%C3%B6rslag' +
        '&cmp3=f2026%3D70%26f2027%3D70%26s2026%3D60%26s2027%3D60&cmp3.name=M%C3%A5let%2060%2F40',
      element: '.comparison',
    },
    { name: 'member.png', viewport: { width: 1366, height: 768 }, fragment: 'f2026=80&member=fagersta', element: '.member-view' },
    { name: 'meeting.png', viewport: { width: 1366, height: 768 }, fragment: 'f2026=80&f2027=80&meeting=1', fullPage: false },
    { name: 'phone.png', viewport: { width: 390, height: 844 }, fragment: 'f2026=85', fullPage: false },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport });
    await page.goto(server.url + (shot.fragment ? `#${shot.fragment}` : ''));
    await page.locator('[data-metric="closing-2027"]').first().waitFor();
    if (shot.element) {
      await page.locator(shot.element).screenshot({ path: join(out, shot.name) });
    } else {
      await page.screenshot({ path: join(out, shot.name), fullPage: shot.fullPage });
    }
    await page.close();
    console.log(join(out, shot.name));
  }
} finally {
  await browser.close();
  await server.close();
}
