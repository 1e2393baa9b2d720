// Credit packages and buying them with PayPal.
//
// openPackages(app, {next}) lists what the site sells; a package's button calls buyPackage(app, pkg, sheet).
// That opens the popup at once (still inside the click, so popup blockers let it through), asks the server
// for an order with nothing but the package id, sends the popup to PayPal's approval page and waits in the
// dialog (.ppv-payment, data-status = the order's status). The outcome comes from the server's return page
// (a postMessage {type: 'ppv-paypal', order, status} from the popup, taken only from the server's origin and
// for our order) and from reading the order every 3 s; either way only the server's answer counts.
import {h, replace, setText} from './dom.js';
import {apiErrorText, openDialog} from './ui.js';

const POPUP_NAME = 'ppv-paypal';
const POPUP_FEATURES = 'popup,width=480,height=680';
const POLL_MS = 3000;
const WATCH_MS = 500; // how often we look whether the popup was closed
const GIVE_UP_MS = 20 * 60 * 1000;
const FAILED = ['DECLINED', 'CANCELLED', 'FAILED'];
const UNAPPROVED = ['STARTING', 'CREATING', 'CREATED']; // nothing approved at PayPal yet (CREATING: the server is still asking PayPal)

const purchases = new WeakMap(); // app -> the purchase being waited for (one at a time)
const told = new WeakMap(); // app -> Set of 'order:STATUS' the user has been told about

/** The packages dialog; next is where a guest comes back to after signing in. Resolves when it closes. */
export function openPackages(app, options) {
  return packagesDialog(app, options).done;
}

/**
 * Starts buying pkg: guests are asked to sign in first. Call it from the click itself (the popup opens
 * right away); sheet is the packages dialog it runs in (a new one if none).
 */
export function buyPackage(app, pkg, sheet = null) {
  const user = app.session.user;
  if (!user || user.role === 'GUEST') {
    askToSignIn(app, sheet || packagesDialog(app));
    return null;
  }
  const popup = openPopup(app); // first of all, while the browser still counts this as the user's click
  const previous = purchases.get(app);
  if (previous) previous.stop();
  const purchase = startPurchase(app, pkg, sheet || packagesDialog(app), popup, user.userId);
  purchases.set(app, purchase);
  return purchase;
}

/**
 * A socket's payment message ({order, status, credits}): true when the purchase dialog deals with it or
 * the user has been told already, so the caller shows nothing.
 */
export function paymentUpdate(app, message) {
  if (!message || !message.order) return false;
  const purchase = purchases.get(app);
  if (purchase && purchase.waiting && purchase.order === message.order) {
    purchase.check();
    return true;
  }
  return !remember(app, message.order, message.status);
}

function packagesDialog(app, {next = null} = {}) {
  const {t, fmt} = app;
  const slot = h('div', {class: 'ppv-payment-slot'});
  const hint = h('p', {class: 'ppv-hint'}, t('packages.hint'));
  const list = h('ul', {class: 'ppv-packages'}, h('li', {class: 'ppv-state'}, t('packages.loading')));
  const sheet = {
    next,
    isOpen: true,
    close: () => {},
    /** Shows a payment state (or nothing) at the top, with the packages below it or without them. */
    show(el, withPackages) {
      replace(slot, el);
      hint.hidden = !withPackages;
      list.hidden = !withPackages;
    },
    packages() {
      sheet.show(null, true);
    },
  };
  app.api.packages().then((packages) => {
    if (!packages || !packages.length) {
      replace(list, h('li', {class: 'ppv-state'}, t('packages.none')));
      return;
    }
    replace(list, packages.map((pkg) => h('li', {class: 'ppv-package', dataset: {packageId: pkg.id}},
      h('button', {type: 'button', class: 'ppv-button ppv-package-buy', dataset: {action: 'buy-package', packageId: pkg.id},
        onclick: () => buyPackage(app, pkg, sheet)},
        h('span', {class: 'ppv-package-credits'}, t('packages.credits', {credits: fmt.credits(pkg.credits), count: pkg.credits})),
        h('span', {class: 'ppv-package-price'}, fmt.money(pkg.price, pkg.currency || app.config.currency)),
        pkg.description ? h('span', {class: 'ppv-package-description'}, pkg.description) : null))));
  }).catch((e) => {
    replace(list, h('li', {class: 'ppv-state'}, e.status === 404 ? t('packages.none') : t('packages.error', {error: apiErrorText(app, e)})));
  });
  sheet.done = openDialog(app, {title: t('packages.title'), body: [slot, hint, list],
    confirmLabel: t('dialog.close'), cancelLabel: t('dialog.cancel'), onOpen: (close) => { sheet.close = close; }})
    .then((value) => {
      sheet.isOpen = false;
      return value;
    });
  return sheet;
}

function askToSignIn(app, sheet) {
  const t = app.t;
  sheet.show(h('div', {class: 'ppv-payment-signin', role: 'status'},
    h('p', null, t('payment.signinFirst')),
    h('div', {class: 'ppv-actions'},
      h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'signin-to-buy'},
        onclick: () => {
          sheet.close(null);
          app.show('signin', {next: sheet.next, reason: t('payment.signinReason')});
        }}, t('payment.signin')))), true);
}

/** One purchase: its order, the popup (null when blocked), and the wait for the outcome. */
function startPurchase(app, pkg, sheet, popup, userId) {
  const {t, fmt, config} = app;
  const origin = serverOrigin(config.base);
  const state = {
    order: null, approveUrl: null, status: 'STARTING', outcome: null, text: null,
    credits: pkg.credits, price: pkg.price, currency: pkg.currency || config.currency,
    popup, popupGone: false, inTab: false, since: Date.now(),
    reading: false, again: false, approvedSeen: false, captureAsked: false,
  };
  let active = true; // still waiting for the outcome
  let pollTimer = null;
  let watchTimer = null;

  const summary = h('p', {class: 'ppv-payment-package'});
  const text = h('p', {class: 'ppv-payment-text'});
  const continueLink = h('a', {class: 'ppv-button ppv-payment-continue', target: '_blank', rel: 'noopener',
    dataset: {action: 'continue-paypal'}, hidden: true, onclick: continued}, t('payment.continue'));
  const cancel = h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'cancel-payment'},
    onclick: cancelled}, t('payment.cancel'));
  const el = h('div', {class: 'ppv-payment', role: 'status', 'aria-live': 'polite', dataset: {packageId: pkg.id}},
    summary, text, h('div', {class: 'ppv-actions'}, continueLink, cancel));

  const purchase = {
    get order() { return state.order; },
    get waiting() { return active; },
    check,
    stop,
  };

  window.addEventListener('message', onMessage);
  sheet.show(el, false);
  render();
  sheet.done.then(stop); // closing the dialog gives up waiting
  app.api.createOrder(pkg.id).then(created).catch(notCreated);
  return purchase;

  // ---- the order
  function created(o) {
    if (!active) return;
    const url = o && typeof o.order === 'string' && o.order ? paypalUrl(o.approveUrl) : null;
    if (!url) throw new Error('no order in the answer');
    state.order = o.order;
    state.approveUrl = url;
    continueLink.href = url;
    take(o);
    if (!sendPopup(state.popup, url)) state.popup = null; // blocked, or closed meanwhile: the link instead
    render();
    schedule();
    if (state.popup) watchTimer = setInterval(watchPopup, WATCH_MS);
  }

  function notCreated(e) {
    if (!active) return;
    closePopup();
    if (!state.order) state.status = 'ERROR';
    settle('error', t('payment.startError', {error: apiErrorText(app, e)}), true);
  }

  /** Takes what the server says: status, credits and price (never our own figures). */
  function take(o) {
    if (typeof o.status === 'string') state.status = o.status;
    if (o.credits != null) state.credits = o.credits;
    if (o.price != null) state.price = o.price;
    if (o.currency) state.currency = o.currency;
  }

  // ---- waiting: reads every 3 s, on a message from the popup, and once when the popup closes
  function schedule() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(tick, POLL_MS);
  }

  function tick() {
    if (!active) return;
    if (!app.session.user || app.session.user.userId !== userId) { // signed out, or someone else now
      stop();
      sheet.close(null);
      return;
    }
    if (Date.now() - state.since > GIVE_UP_MS) {
      settle('unfinished', t('payment.stale'), true);
      return;
    }
    check();
    schedule();
  }

  function watchPopup() {
    if (!state.popup || !state.popup.closed) return;
    clearInterval(watchTimer);
    state.popupGone = true;
    check();
  }

  function onMessage(event) {
    const data = event.data;
    if (event.origin !== origin || !data || typeof data !== 'object' || data.type !== 'ppv-paypal') return;
    if (!state.order || data.order !== state.order) return;
    check(); // the message only says when to look: the order as the server reads it counts
  }

  async function check() {
    if (!active || !state.order) return;
    if (state.reading) {
      state.again = true;
      return;
    }
    state.reading = true;
    const afterClose = state.popupGone; // only a read begun after the popup closed may call it unfinished
    try {
      const o = await app.api.order(state.order);
      if (active) apply(o, afterClose);
    } catch (e) {
      if (active) readFailed(e);
    } finally {
      state.reading = false;
      if (state.again && active) {
        state.again = false;
        check();
      }
    }
  }

  function apply(o, afterClose) {
    if (!o || (o.order && o.order !== state.order)) return;
    take(o);
    const status = state.status;
    const credits = {credits: fmt.credits(state.credits), count: state.credits};
    if (status === 'COMPLETED') {
      completed(credits);
    } else if (status === 'PENDING') {
      settle('pending', t('payment.pending', credits), false);
    } else if (FAILED.includes(status)) {
      settle(status.toLowerCase(), t('payment.' + status.toLowerCase()), true);
    } else if (UNAPPROVED.includes(status) && afterClose) {
      settle('unfinished', t('payment.unfinished'), true);
    } else {
      if (status === 'APPROVED') {
        // the server captures by itself; if that lingers, or the popup went before it could, we ask it to
        if ((afterClose || state.approvedSeen) && !state.captureAsked) capture();
        state.approvedSeen = true;
      }
      render();
    }
  }

  function capture() {
    state.captureAsked = true;
    app.api.captureOrder(state.order)
      .then((o) => active && apply(o, state.popupGone))
      .catch(() => { /* the next read tells */ });
  }

  function readFailed(e) {
    const status = e ? e.status : undefined;
    if (status === undefined || status === 0 || status === 429 || status >= 500) return; // the next read tries again
    settle('error', t('payment.checkError', {error: apiErrorText(app, e)}), true);
  }

  // ---- outcomes
  function completed(credits) {
    settle('completed', t('payment.completed', credits), false);
    const item = app.toast(t('payment.completed', credits), 'info');
    if (item) {
      item.dataset.payment = state.status;
      item.dataset.order = state.order;
    }
    refreshBalance(app);
    sheet.close(true);
  }

  function settle(outcome, message, withPackages) {
    finish();
    state.outcome = outcome;
    state.text = message;
    if (state.order && outcome !== 'error' && outcome !== 'unfinished') remember(app, state.order, state.status);
    render();
    if (sheet.isOpen) sheet.show(el, withPackages);
  }

  function finish() {
    active = false;
    clearTimeout(pollTimer);
    clearInterval(watchTimer);
    window.removeEventListener('message', onMessage);
    if (purchases.get(app) === purchase) purchases.delete(app);
  }

  /** Gives up waiting (the dialog closed, a new purchase, cancel): a popup still at PayPal goes too. */
  function stop() {
    if (!active) return;
    finish();
    if (UNAPPROVED.includes(state.status)) closePopup();
  }

  function cancelled() {
    stop();
    sheet.packages();
  }

  /** The "Continue to PayPal" link: opens PayPal in a tab (rel=noopener: no message comes back, we read). */
  function continued() {
    state.inTab = true;
    state.since = Date.now();
    if (active || state.outcome !== 'unfinished') {
      render();
      return;
    }
    const previous = purchases.get(app);
    if (previous) previous.stop();
    active = true;
    state.outcome = null;
    state.text = null;
    state.popup = null;
    state.popupGone = false;
    purchases.set(app, purchase);
    window.addEventListener('message', onMessage);
    sheet.show(el, false);
    render();
    schedule();
  }

  function closePopup() {
    try {
      if (state.popup && !state.popup.closed) state.popup.close();
    } catch {
      /* gone already */
    }
  }

  // ---- rendering
  function render() {
    el.dataset.status = state.status;
    if (state.order) el.dataset.order = state.order;
    if (state.outcome) el.dataset.outcome = state.outcome;
    else delete el.dataset.outcome;
    setText(summary, t('payment.summary', {credits: fmt.credits(state.credits), count: state.credits,
      price: fmt.money(state.price, state.currency)}));
    setText(text, state.text || waitingText());
    continueLink.hidden = !state.approveUrl || !(state.outcome === 'unfinished' || (active && !state.popup));
    cancel.hidden = !active;
  }

  function waitingText() {
    if (!state.order) return t('payment.starting');
    if (state.status === 'APPROVED') return t('payment.approved');
    if (state.popup) return t('payment.waiting');
    return state.inTab ? t('payment.waitingTab') : t('payment.blocked');
  }
}

/** The popup, opened empty at once and told to wait; null when the browser blocked it. */
function openPopup(app) {
  let popup = null;
  try {
    popup = window.open('', POPUP_NAME, POPUP_FEATURES);
  } catch {
    return null;
  }
  if (!popup || popup.closed) return null;
  try {
    const doc = popup.document;
    doc.title = app.t('payment.starting');
    doc.body.replaceChildren(h('p', {style: 'font: 16px system-ui, sans-serif; margin: 48px 16px; text-align: center'},
      app.t('payment.starting')));
  } catch {
    /* the window of an earlier purchase, at PayPal now: another origin, nothing to write into */
  }
  return popup;
}

function sendPopup(popup, url) {
  if (!popup || popup.closed) return false;
  try {
    popup.location.href = url;
    popup.focus();
    return true;
  } catch {
    return false;
  }
}

/** PayPal's approval page: only an http(s) address is followed. */
function paypalUrl(raw) {
  try {
    const url = new URL(String(raw));
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function serverOrigin(base) {
  try {
    return new URL(base || '/', window.location.href).origin;
  } catch {
    return null;
  }
}

async function refreshBalance(app) {
  try {
    const me = await app.api.me();
    if (me && me.credits != null) app.setBalance(me);
  } catch {
    /* the balance message brings it */
  }
}

/** Notes that the user was told about order's status; false if they had been already. */
function remember(app, order, status) {
  let seen = told.get(app);
  if (!seen) told.set(app, (seen = new Set()));
  const key = `${order}:${status}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}
