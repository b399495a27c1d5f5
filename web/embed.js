// Embedding on the förbund's website.
//
// - With `?inbaddad` in the address the page is in embed mode: no page
//   header, a small "Öppna i helskärm" link, and the page's height posted to
//   the parent window whenever it changes, as
//   `{ type: 'budgetsimulatorn:height', height: <CSS px> }`, so the host's
//   iframe can grow with the content.
// - "Bädda in på er webbplats" (in the footer) shows a ready <iframe>
//   snippet for the scenario on screen, with the 10-line listener for that
//   message.
(() => {
  const EMBED_KEY = 'inbaddad';
  const pageUrl = (embedded) => {
    const url = new URL(window.location.href);
    url.search = '';
    if (embedded) url.searchParams.set(EMBED_KEY, '');
    return url.href.replace(`${EMBED_KEY}=`, EMBED_KEY);
  };

  if (new URLSearchParams(window.location.search).has(EMBED_KEY)) {
    document.documentElement.classList.add('embedded');
    // Added once the app has started, since Yew empties <body> when it
    // mounts. Trunk sets window.wasmBindings in the same step as it fires
    // TrunkApplicationStarted, and this script may run before or after that
    // (deferred scripts wait for their download; the app may start meanwhile).
    const addLink = () => {
      const link = document.createElement('a');
      link.className = 'embed-fullscreen';
      link.textContent = 'Öppna i helskärm';
      link.target = '_blank';
      link.rel = 'noopener';
      link.href = pageUrl(false);
      // The scenario changes while the page is used: link to the one on screen.
      const refresh = () => (link.href = pageUrl(false));
      link.addEventListener('pointerdown', refresh);
      link.addEventListener('focus', refresh);
      document.body.prepend(link);
    };
    // The app mounts into <body> once its data is read (after the module
    // starts): the link goes in front of it then.
    const whenMounted = () => {
      if (document.querySelector('.app')) return addLink();
      const watch = new MutationObserver(() => {
        if (document.querySelector('.app')) {
          watch.disconnect();
          addLink();
        }
      });
      watch.observe(document.body, { childList: true });
    };
    if (window.wasmBindings) whenMounted();
    else window.addEventListener('TrunkApplicationStarted', whenMounted, { once: true });
    if (window.parent !== window) {
      let last = 0;
      const post = () => {
        const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
        if (height !== last) {
          last = height;
          window.parent.postMessage({ type: 'budgetsimulatorn:height', height }, '*');
        }
      };
      new ResizeObserver(post).observe(document.documentElement);
    }
  }

  const snippet = (src) =>
    [
      `<iframe id="budgetsimulatorn" src="${src}"`,
      `  title="${document.title}"`,
      '  loading="lazy" style="width: 100%; height: 900px; border: 0"></iframe>',
      '<script>',
      "  window.addEventListener('message', function (event) {",
      "    var frame = document.getElementById('budgetsimulatorn');",
      "    if (event.source === frame.contentWindow && event.data &&",
      "        event.data.type === 'budgetsimulatorn:height') {",
      "      frame.style.height = event.data.height + 'px';",
      '    }',
      '  });',
      '</script>',
    ].join('\n');
  document.addEventListener(
    'toggle',
    (event) => {
      if (event.target.id !== 'embed-details' || !event.target.open) return;
      const code = document.getElementById('embed-snippet');
      if (code) code.textContent = snippet(pageUrl(true));
    },
    true,
  );
})();
