// Trunk post_build hook, in two steps (one script, since Trunk runs hooks of
// a stage in parallel and both steps touch the bundle):
//
// 1. The Content-Security-Policy, as a <meta> at the top of index.html. Trunk
//    starts the app with an inline module script whose text changes with
//    every build (it names the hashed files), so its sha256 is computed here;
//    no 'unsafe-inline' is needed.
// 2. The accessibility statement (tillganglighet.html), from
//    web/tillganglighet.html, with the förbund's name and contact from the
//    built-in data set (src/data/sfv.json), the publishing settings
//    (web/publishing.json: contact, date of assessment) and the hashed
//    stylesheet's name.
// 3. sw.js, from web/sw.js, with the list of the bundle's own files and a
//    version derived from their contents (so every new bundle is a new
//    service worker).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');

/** The policy, given the hashes of the inline scripts it must allow. */
export function contentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

const indexPath = join(staging, 'index.html');
let index = await readFile(indexPath, 'utf8');
const inline = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) =>
  createHash('sha256').update(m[1], 'utf8').digest('base64'),
);
const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(inline)}">`;
if (!/<meta charset=[^>]*>/i.test(index)) throw new Error('index.html has no <meta charset>: cannot place the CSP');
index = index.replace(/<meta charset=[^>]*>/i, (charset) => charset + meta);
await writeFile(indexPath, index);
console.log(`index.html: CSP with ${inline.length} inline script hash(es)`);

const escapeHtml = (text) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const data = JSON.parse(await readFile(join(source, 'src', 'data', 'sfv.json'), 'utf8'));
const publishing = JSON.parse(await readFile(join(source, 'web', 'publishing.json'), 'utf8'));
const organisation = escapeHtml(data.organisation);
const contact = publishing.accessibility_contact;
const stylesheet = (await readdir(staging)).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
if (!stylesheet) throw new Error('no hashed stylesheet in the staging directory');
const statement = (await readFile(join(source, 'web', 'tillganglighet.html'), 'utf8'))
  .replaceAll('{{ORGANISATION}}', organisation)
  .replaceAll('{{STYLESHEET}}', stylesheet)
  .replaceAll('{{ASSESSED}}', escapeHtml(publishing.accessibility_assessed ?? 'okänt datum'))
  .replaceAll(
    '{{CONTACT}}',
    contact
      ? `Kontakta oss: ${escapeHtml(contact)}.`
      : `Kontaktuppgift saknas ännu: förbundet har inte angett var synpunkter på tillgängligheten ska skickas. Kontakta ${organisation} på det sätt som anges på förbundets webbplats.`,
  );
await writeFile(join(staging, 'tillganglighet.html'), statement);

async function files(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else out.push(path);
  }
  return out;
}

const own = (await files(staging))
  .map((path) => relative(staging, path).split('\\').join('/'))
  .filter((name) => name !== 'sw.js' && !name.startsWith('.'))
  .sort();
const hash = createHash('sha256');
for (const name of own) {
  hash.update(name);
  hash.update(await readFile(join(staging, name)));
}
const version = hash.digest('hex').slice(0, 16);
const template = await readFile(join(source, 'web', 'sw.js'), 'utf8');
// The Excel module is fetched only when a workbook is asked for, so it is
// not precached; the worker caches it when it is first fetched.
const onDemand = (name) => /^(excel|importer)(_bg|_loader)?\.(js|wasm)$/.test(name);
const sw = template
  .replace("'__VERSION__'", JSON.stringify(version))
  .replace('__ASSETS__', JSON.stringify(own.filter((name) => !onDemand(name))))
  .replace('__ON_DEMAND__', JSON.stringify(own.filter(onDemand)));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`sw.js: version ${version}, ${own.filter((n) => !onDemand(n)).length} files precached, ${own.filter(onDemand).length} on demand`);
