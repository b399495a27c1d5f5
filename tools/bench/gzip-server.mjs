// A static server for the release bundle that answers with
// `Content-Encoding: gzip` (level 9), as a förbund's web server would, for
// the benchmark's weak-network case. tests/e2e/support.mjs serves files
// uncompressed, which is right for the tests but would make a throttled
// download three times longer than in real use. Same content types, same
// `override(path, body)` as support.mjs's serveDist; nothing is cached by the
// browser between runs (`Cache-Control: no-store`), every run is a first visit.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { DIST } from '../../tests/e2e/support.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.md': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

export async function serveGzip() {
  const overrides = new Map();
  const packed = new Map();
  /** Bytes sent per path (compressed), for the report. */
  const sent = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    let body = overrides.get(path);
    if (body === undefined) {
      const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
      if (!file.startsWith(DIST)) return res.writeHead(403).end();
      try {
        body = await readFile(file);
      } catch {
        return res.writeHead(404).end('not found');
      }
    }
    const key = `${path}\u0000${body.length}`;
    if (!packed.has(key)) packed.set(key, gzipSync(body, { level: 9 }));
    const gz = packed.get(key);
    sent.set(path, gz.length);
    res.writeHead(200, {
      'content-type': TYPES[extname(path === '/' ? 'index.html' : path)] ?? 'application/octet-stream',
      'content-encoding': 'gzip',
      'content-length': gz.length,
      'cache-control': 'no-store',
      vary: 'Accept-Encoding',
    });
    res.end(gz);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    sent,
    close: () => new Promise((ok) => server.close(ok)),
    override: (path, body) => (body === undefined ? overrides.delete(path) : overrides.set(path, Buffer.from(body))),
  };
}
