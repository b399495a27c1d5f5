import { launchChromium } from './support.mjs';
import { readFileSync } from 'node:fs';
const [,, out, ...files] = process.argv;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1800, height: 800 } });
const imgs = files.map(f => `<img src="data:image/png;base64,${readFileSync(f).toString('base64')}" style="width:${Math.floor(1780/Math.min(files.length,6))-6}px;border:1px solid #999;margin:2px">`).join('');
await page.setContent(`<body style="margin:0;background:#ccc">${imgs}</body>`);
await page.screenshot({ path: out, fullPage: true });
await browser.close();
