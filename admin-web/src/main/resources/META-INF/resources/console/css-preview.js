// Settings: sends the CSS being typed to the preview frame, which applies it to the real chat client.
(function () {
  var frame = document.getElementById('css-preview');
  if (!frame) return;
  var sources = document.querySelectorAll('textarea.css-source');
  function value(id) {
    var area = document.getElementById('settings:' + id);
    return area ? area.value : '';
  }
  var timer = null;
  function send() {
    clearTimeout(timer);
    timer = setTimeout(function () {
      frame.contentWindow.postMessage({chatCss: value('chatCss'), wallCss: value('wallCss')}, location.origin);
    }, 150);
  }
  sources.forEach(function (area) { area.addEventListener('input', send); });
  frame.addEventListener('load', send);
})();
