// Service worker: keeps Budgetsimulatorn usable without a network after the
// first visit (board meetings happen in rooms with poor Wi-Fi).
//
// It caches the app's own files and nothing else (the Excel module only once
// it has been asked for): the lists and the version
// below are written by tools/post-build.mjs after each Trunk build, from
// the hashed file names in the bundle. A new bundle means a new version: it
// installs beside the old one and waits until the page asks it to take over
// (the page offers "Ladda om"); on activation every older cache is deleted.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
// Fetched only when asked for (the Excel export): cached the first time.
const ON_DEMAND = __ON_DEMAND__;
const CACHE = `budgetsimulatorn-${VERSION}`;

const scoped = (path) => new URL(path, self.registration.scope).href;
const OWN_FILES = new Set(ASSETS.map(scoped));
const LATER_FILES = new Set(ON_DEMAND.map(scoped));
const PAGE = scoped('index.html');
const DEPLOYED = scoped('dataunderlag.json');

self.addEventListener('install', (event) => {
  // From the server, not the browser's HTTP cache: some names (the on-demand
  // modules) carry no content hash, and an old copy must not join a new version.
  const fresh = [...OWN_FILES].map((url) => new Request(url, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('budgetsimulatorn-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skipWaiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  url.search = '';
  // The app's page is its scope's root (the scenario is in the fragment),
  // cached once, as index.html.
  const own = url.href === self.registration.scope ? PAGE : url.href;
  if (LATER_FILES.has(own)) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        cache.match(own).then(
          (hit) =>
            hit ??
            fetch(request).then((response) => {
              if (response.ok) cache.put(own, response.clone());
              return response;
            }),
        ),
      ),
    );
    return;
  }
  // The deployer's data set may be replaced without a new build: from the
  // network when there is one (and kept for offline use), else the copy.
  if (own === DEPLOYED) {
    event.respondWith(
      caches.open(CACHE).then((cache) =>
        fetch(request, { cache: 'no-cache' })
          .then((response) => {
            if (response.ok) cache.put(own, response.clone());
            return response;
          })
          .catch(() => cache.match(own).then((hit) => hit ?? Response.error())),
      ),
    );
    return;
  }
  // Only the app's own files; every other request goes to the network as usual.
  if (!OWN_FILES.has(own)) return;
  event.respondWith(caches.match(own).then((hit) => hit ?? fetch(request)));
});
