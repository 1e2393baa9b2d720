// The performer wall: cards with photo (or initials), name, headline, price and a live status from the
// wall socket. An online card opens the performer's room.
import {h, replace, setText} from './dom.js';
import {ProtocolSocket} from './socket.js';
import {apiErrorText} from './ui.js';
import {paymentUpdate} from './packages.js';
import {paymentText} from './notices.js';

const STATUSES = ['ONLINE', 'BUSY', 'OFFLINE'];

export function wallView(app) {
  const {t, fmt, config} = app;
  const cards = new Map(); // performer id -> {performer, el, ...}
  const state = h('p', {class: 'ppv-state', role: 'status'}, t('wall.loading'));
  const grid = h('ul', {class: 'ppv-grid'});
  const liveNote = h('p', {class: 'ppv-wall-live', hidden: true});
  const el = h('section', {class: 'ppv-wall', 'aria-busy': 'true'},
    h('h2', {class: 'ppv-title'}, t('wall.title')), state, grid, liveNote);
  let socket = null;
  let destroyed = false;
  let reloadTimer = null;

  function initials(name) {
    return String(name || '?').trim().split(/\s+/).slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join('') || '?';
  }

  function avatar(performer) {
    const fallback = h('span', {class: 'ppv-initials', 'aria-hidden': 'true'}, initials(performer.displayName));
    if (!performer.photoUrl) return h('span', {class: 'ppv-avatar'}, fallback);
    const img = h('img', {class: 'ppv-avatar-img', alt: '', loading: 'lazy', decoding: 'async',
      src: /^https?:/.test(performer.photoUrl) ? performer.photoUrl : config.base + performer.photoUrl,
      onerror: () => img.replaceWith(fallback)});
    return h('span', {class: 'ppv-avatar'}, img);
  }

  function card(performer) {
    const status = h('span', {class: 'ppv-status'});
    const button = h('button', {type: 'button', class: 'ppv-card-enter', dataset: {action: 'enter'}, onclick: () => enter(performer.id)},
      avatar(performer),
      h('span', {class: 'ppv-card-body'},
        h('span', {class: 'ppv-name'}, performer.displayName),
        performer.headline ? h('span', {class: 'ppv-headline'}, performer.headline) : null,
        h('span', {class: 'ppv-price'}, t('wall.price', {credits: fmt.credits(performer.pricePerMinute), count: performer.pricePerMinute})),
        status));
    const item = h('li', {class: 'ppv-card', dataset: {performerId: performer.id}}, button);
    const entry = {performer, el: item, button, status};
    setStatus(entry, performer.status);
    return entry;
  }

  function setStatus(entry, raw) {
    const status = STATUSES.includes(String(raw).toUpperCase()) ? String(raw).toUpperCase() : 'OFFLINE';
    entry.performer.status = status;
    entry.el.dataset.status = status;
    entry.button.setAttribute('aria-disabled', status === 'ONLINE' ? 'false' : 'true');
    const name = entry.performer.displayName;
    entry.button.setAttribute('aria-label', t('wall.cardLabel.' + status, {name}));
    setText(entry.status, t('wall.status.' + status));
  }

  function enter(id) {
    const entry = cards.get(id);
    if (!entry) return;
    if (entry.performer.status !== 'ONLINE') {
      app.toast(t(entry.performer.status === 'BUSY' ? 'wall.busyNow' : 'wall.offlineNow', {name: entry.performer.displayName}), 'info');
      return;
    }
    const target = {view: 'room', params: {performer: entry.performer}};
    if (!app.session.user) app.show('signin', {next: target, reason: t('signin.toEnter', {name: entry.performer.displayName})});
    else app.show(target.view, target.params);
  }

  async function load() {
    el.setAttribute('aria-busy', 'true');
    try {
      const performers = await app.api.performers();
      if (destroyed) return;
      const keep = new Map();
      const items = (performers || []).map((p) => {
        const entry = card({...p});
        keep.set(p.id, entry);
        const old = cards.get(p.id);
        if (old && old.performer.status && statusSeen.has(p.id)) setStatus(entry, old.performer.status);
        return entry.el;
      });
      cards.clear();
      keep.forEach((v, k) => cards.set(k, v));
      replace(grid, items);
      state.hidden = items.length > 0;
      replace(state, items.length ? '' : t('wall.empty'));
    } catch (e) {
      if (destroyed) return;
      state.hidden = false;
      replace(state, t('wall.error', {error: apiErrorText(app, e)}), ' ',
        h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'retry'}, onclick: load}, t('wall.retry')));
    } finally {
      el.setAttribute('aria-busy', 'false');
    }
  }

  const statusSeen = new Set();
  function apply(performerId, status) {
    statusSeen.add(performerId);
    const entry = cards.get(performerId);
    if (entry) setStatus(entry, status);
    else {
      clearTimeout(reloadTimer); // a performer we do not know yet: read the list again
      reloadTimer = setTimeout(load, 500);
    }
  }

  function connect() {
    if (socket) socket.close();
    socket = new ProtocolSocket(ProtocolSocket.url(config.base, `/ws/webmasters/${encodeURIComponent(config.webmasterId)}/wall`),
      () => app.session.token);
    socket.on('wall', (m) => {
      liveNote.hidden = true;
      for (const p of m.performers || []) apply(p.performerId, p.status);
    });
    socket.on('status', (m) => apply(m.performerId, m.status));
    socket.on('balance', (m) => app.setBalance(m));
    socket.on('payment', (m) => {
      const text = paymentUpdate(app, m) ? null : paymentText(app, m);
      if (text) app.toast(text, m.status === 'PENDING' || m.status === 'COMPLETED' ? 'info' : 'error');
    });
    socket.on('reconnecting', () => {
      liveNote.hidden = false;
      setText(liveNote, t('wall.reconnecting'));
    });
    socket.connect();
  }

  let userId = app.session.user ? app.session.user.userId : null;
  const offSession = app.session.onChange((user) => { // someone else signed in (or out): a new wall socket
    const id = user ? user.userId : null;
    if (id !== userId) {
      userId = id;
      if (socket) connect();
    }
  });
  load().then(() => !destroyed && connect());

  return {
    el,
    destroy() {
      destroyed = true;
      offSession();
      clearTimeout(reloadTimer);
      if (socket) socket.close();
    },
    diagnostics: () => ({part: null, peers: []}),
  };
}
