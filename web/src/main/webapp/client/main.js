// Entry point: mount(host, config) renders the chat inside an open shadow root of the host element
// and switches between the views: signin, wall, room (visitors, users, staff) and performer.
import {h, replace} from './dom.js';
import {createI18n, pickLanguage} from './i18n.js';
import {createFormat} from './format.js';
import {ApiError, createApi} from './api.js';
import {Session} from './session.js';
import {balanceBadge, toast} from './ui.js';
import {signinView} from './signin.js';
import {wallView} from './wall.js';
import {roomView} from './room.js';
import {performerView} from './performer.js';

const VIEWS = {signin: signinView, wall: wallView, room: roomView, performer: performerView};

export function mount(host, config) {
  if (host.ppvApp) return host.ppvApp;
  config = {kind: 'user', languages: ['en'], language: 'en', currency: 'USD', ...config};
  config.base = String(config.base || '').replace(/\/+$/, '');
  const shadow = host.shadowRoot || host.attachShadow({mode: 'open'});
  const lang = pickLanguage(config, host);
  const {t} = createI18n(lang);
  const session = new Session(config.base, config.webmasterId);
  const api = createApi(config.base, config.webmasterId, () => session.token);
  session.start(api);

  const placeKey = `ppv.place.${config.base}.${config.webmasterId}`;
  const loginKey = `ppv.login.${config.base}.${config.webmasterId}`;
  const balanceListeners = new Set();
  const app = {
    config, host, shadow, lang, t, session, api,
    fmt: createFormat(lang, config.currency),
    balance: null,
    current: null,
    root: null,
    toasts: null,
    onBalance(fn) {
      balanceListeners.add(fn);
      return () => balanceListeners.delete(fn);
    },
    setBalance(balance) {
      app.balance = balance ? {credits: balance.credits, available: balance.available ?? balance.credits} : null;
      for (const fn of balanceListeners) fn(app.balance);
    },
    show(view, params = {}) {
      if (app.current && app.current.destroy) app.current.destroy();
      remember(view, params);
      app.root.dataset.view = view;
      app.current = VIEWS[view](app, params);
      replace(main, app.current.el);
      host.scrollIntoView && window.scrollY > host.offsetTop && host.scrollIntoView({block: 'start'});
    },
    toast: (text, kind) => toast(app, text, kind),
  };

  shadow.replaceChildren(...[
    h('link', {rel: 'stylesheet', href: new URL('./styles.css', import.meta.url).href}),
    // the webmaster's CSS comes after ours, so it wins; set as text, never parsed as HTML
    config.wallCss ? h('style', {class: 'ppv-wall-css', text: config.wallCss}) : null,
    config.chatCss ? h('style', {class: 'ppv-chat-css', text: config.chatCss}) : null,
  ].filter(Boolean));
  const main = h('main', {class: 'ppv-main'});
  app.toasts = h('div', {class: 'ppv-toasts', 'aria-live': 'assertive'});
  const header = h('header', {class: 'ppv-header'});
  app.root = h('div', {class: 'ppv', lang, dataset: {view: 'signin', kind: config.kind}}, header, main, app.toasts);
  shadow.append(app.root);

  const badge = balanceBadge(app);
  function renderHeader(user) {
    replace(header,
      h('span', {class: 'ppv-site'}, config.siteName || ''),
      user
        ? h('div', {class: 'ppv-user'},
            h('span', {class: 'ppv-username'}, user.username),
            h('span', {class: 'ppv-role', dataset: {role: user.role}}, t('role.' + user.role)),
            user.role === 'PERFORMER' ? null : badge,
            h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'signout'}, onclick: signOut}, t('header.signout')))
        : config.kind === 'user'
          ? h('div', {class: 'ppv-user'},
              h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'show-signin'},
                onclick: () => app.show('signin', {next: {view: 'wall'}})}, t('header.signin')))
          : null);
  }

  async function loadBalance() {
    if (!session.user) return app.setBalance(null);
    try {
      const me = await api.me();
      if (me && me.credits != null) app.setBalance(me);
    } catch {
      /* the balance arrives with the first balance or welcome message instead */
    }
  }

  function signOut() {
    session.clear();
    app.setBalance(null);
    app.show(config.kind === 'performer' ? 'signin' : 'wall');
  }

  let lastUserId = session.user ? session.user.userId : null;
  session.onChange((user) => {
    renderHeader(user);
    const id = user ? user.userId : null;
    if (id !== lastUserId) {
      lastUserId = id;
      loadBalance();
      if (!user && app.root.dataset.view !== 'signin' && app.root.dataset.view !== 'wall') {
        app.show(config.kind === 'performer' ? 'signin' : 'wall', {error: t('signin.expired')});
      }
    }
  });
  renderHeader(session.user);
  loadBalance();

  host.ppvDiagnostics = async () => {
    const view = app.current && app.current.diagnostics ? await app.current.diagnostics() : {};
    return {view: app.root.dataset.view, part: view.part ?? null, peers: view.peers ?? []};
  };
  host.ppvApp = app;

  if (config.login && !loginUsed(config.login)) signInFromHost(config.login).finally(start);
  else start();
  return app;

  function start() {
    const place = recall();
    if (config.kind === 'performer') app.show(session.user ? 'performer' : 'signin');
    else if (session.user && place && place.view === 'room') app.show('room', place.params);
    else if (config.performer) openPerformer(config.performer);
    else app.show('wall');
  }

  // A host page of one performer (the tag's data-performer): straight into that room; the wall when the
  // site has no such performer.
  async function openPerformer(id) {
    try {
      const performer = (await api.performers()).find((p) => String(p.id) === String(id));
      if (performer) return app.show('room', {performer});
    } catch {
      /* the wall says what is wrong */
    }
    return app.show('wall');
  }

  // Auto-login: the host site vouched for its user with a one-use token. A reload of the same page (the
  // same token) keeps the session it already gave; a refusal says why and leaves the visitor signed out.
  async function signInFromHost(login) {
    app.root.dataset.signingIn = 'host';
    // Whoever this tab was signed in as before, the host now vouches for someone: never go on as the other.
    session.clear();
    try {
      session.set(await api.hostSession(login));
      rememberLogin(login);
    } catch (e) {
      const reason = e instanceof ApiError && e.error ? e.error : t('error.network');
      app.toast(t('signin.hostFailed', {reason}));
      console.error('PPV Chat: sign-in from the host site refused:', reason);
    } finally {
      delete app.root.dataset.signingIn;
    }
  }

  function loginUsed(login) {
    try {
      return sessionStorage.getItem(loginKey) === login && session.user != null;
    } catch {
      return false;
    }
  }

  function rememberLogin(login) {
    try {
      sessionStorage.setItem(loginKey, login);
    } catch {
      /* storage unavailable: a reload signs in again with a new token */
    }
  }

  // The room a tab is in survives a reload, so that a private show's user gets back within the grace
  // (the wall would show the performer busy). Per tab, like the sign-in.
  function remember(view, params) {
    try {
      if (view === 'room') sessionStorage.setItem(placeKey, JSON.stringify({view, params: {performer: params.performer}}));
      else sessionStorage.removeItem(placeKey);
    } catch {
      /* storage unavailable: a reload starts at the wall */
    }
  }

  function recall() {
    try {
      return JSON.parse(sessionStorage.getItem(placeKey) || 'null');
    } catch {
      return null;
    }
  }
}
