// Registers the service worker (web/sw.js) so the app works offline after the
// first visit, and offers "Ny version finns – ladda om" when a newer version
// has been installed and is waiting. Reloading keeps the scenario: it is in
// the address, and saved scenarios are in the browser's storage.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (reloading) window.location.reload();
    });
    const offer = (worker) => {
      if (document.querySelector('[data-testid="update-notice"]')) return;
      const notice = document.createElement('div');
      notice.className = 'notice notice--info update-notice';
      notice.setAttribute('role', 'status');
      notice.dataset.testid = 'update-notice';
      const text = document.createElement('p');
      text.textContent = 'Ny version finns – ladda om för att använda den. Scenariot finns kvar i länken.';
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--small';
      button.textContent = 'Ladda om';
      button.addEventListener('click', () => {
        reloading = true;
        worker.postMessage('skipWaiting');
      });
      notice.append(text, button);
      document.body.prepend(notice);
    };
    navigator.serviceWorker
      .register('sw.js')
      .then((registration) => {
        if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
        registration.addEventListener('updatefound', () => {
          const worker = registration.installing;
          worker?.addEventListener('statechange', () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
          });
        });
      })
      .catch((error) => console.warn('Budgetsimulatorn: offline support is not available', error));
  });
}
