// Renders the performer wall from /api/webmasters/{id}/performers. Text goes in with textContent only.
(function () {
  'use strict';
  var params = new URLSearchParams(window.location.search);
  var webmaster = params.get('webmaster') || '1';
  var list = document.getElementById('wall');
  var state = document.getElementById('wall-state');

  function tile(performer) {
    var item = document.createElement('li');
    item.className = 'tile status-' + performer.status;
    item.dataset.performerId = String(performer.id);
    if (performer.photoUrl) {
      var img = document.createElement('img');
      img.src = performer.photoUrl;
      img.alt = performer.displayName;
      item.appendChild(img);
    }
    var name = document.createElement('strong');
    name.textContent = performer.displayName;
    item.appendChild(name);
    if (performer.headline) {
      var headline = document.createElement('span');
      headline.className = 'headline';
      headline.textContent = performer.headline;
      item.appendChild(headline);
    }
    var status = document.createElement('span');
    status.className = 'status';
    status.textContent = performer.status + ' · ' + performer.pricePerMinute + ' credits/min';
    item.appendChild(status);
    return item;
  }

  fetch('api/webmasters/' + encodeURIComponent(webmaster) + '/performers')
    .then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.error || response.statusText); }
        return body;
      });
    })
    .then(function (performers) {
      state.textContent = performers.length === 0 ? 'No performers yet.' : '';
      performers.forEach(function (p) { list.appendChild(tile(p)); });
    })
    .catch(function (error) {
      state.textContent = 'The wall could not be loaded: ' + error.message;
    });
})();
