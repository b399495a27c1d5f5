// Trunk post_build hook: writes sw.js into the staging directory from
// web/sw.js, with the list of the bundle's own files and a version derived
// from their contents (so every new bundle is a new service worker).
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? '.';
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');

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
const sw = template.replace("'__VERSION__'", JSON.stringify(version)).replace('__ASSETS__', JSON.stringify(['./', ...own]));
await writeFile(join(staging, 'sw.js'), sw);
console.log(`sw.js: version ${version}, ${own.length + 1} files`);
