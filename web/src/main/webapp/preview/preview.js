// The console's CSS preview: the site's real chat, with the CSS the admin is typing applied as it changes.
// Only the console's own page (same origin, the parent frame) may send CSS; it is set as text, never HTML.
(function () {
  var site = new URLSearchParams(location.search).get('site');
  if (!/^[0-9]+$/.test(site || '')) {
    document.body.textContent = 'No site to preview.';
    return;
  }
  var loader = document.createElement('script');
  loader.src = '/embed/' + site + '/user.js';
  document.body.appendChild(loader);

  var latest = null;
  function styleFor(shadow, kind, css) {
    var style = shadow.querySelector('style.ppv-' + kind + '-css');
    if (!style) {
      style = document.createElement('style');
      style.className = 'ppv-' + kind + '-css';
    }
    style.textContent = css || '';
    return style;
  }
  function apply() {
    var host = document.querySelector('.ppv-embed');
    var shadow = host && host.shadowRoot;
    var link = shadow && shadow.querySelector('link[rel="stylesheet"]');
    if (!latest || !link) return false;
    // the webmaster's CSS comes after the client's own, wall first, as the client mounts it
    link.after(styleFor(shadow, 'wall', latest.wallCss), styleFor(shadow, 'chat', latest.chatCss));
    return true;
  }
  window.addEventListener('message', function (event) {
    if (event.origin !== location.origin || event.source !== window.parent) return;
    var data = event.data || {};
    latest = {chatCss: String(data.chatCss || ''), wallCss: String(data.wallCss || '')};
    if (!apply()) {
      var tries = 0;
      var timer = setInterval(function () {
        if (apply() || ++tries > 80) clearInterval(timer);
      }, 250);
    }
  });
})();
