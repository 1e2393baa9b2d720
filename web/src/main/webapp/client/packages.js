// Credit packages and buying them with PayPal.
//
// openPackages(app, {next}) lists what the site sells; a package's button calls buyPackage(app, pkg, sheet).
// That opens the popup at once (still inside the click, so popup blockers let it through), asks the server
// for an order with nothing but the package id, sends the popup to PayPal's approval page and waits in the
// dialog (.ppv-payment, data-status = the order's status). The outcome comes from the server's return page
// (a postMessage {type: 'ppv-paypal', order, status} from the popup, taken only from the server's origin and
// for our order) and from reading the order every 3 s; either way only the server's answer counts.
// A popup closed while the order is still CREATED may have been approved just before (PayPal's webhook then
// makes the server capture it): we read on for GRACE_MS before calling it not finished. Giving up (cancel,
// closing the dialog, another purchase) asks the server to cancel the order; it does so only while nothing is
// approved, and its answer is what the user is told (an order that went through is told as such).
import {h, replace, setText} from './dom.js';
import {apiErrorText, openDialog} from './ui.js';

const POPUP_PREFIX = 'ppv-paypal-'; // + a suffix per purchase: window.open never hands back an earlier popup
const POPUP_FEATURES = 'popup,width=480,height=680';
const POLL_MS = 3000;
const WATCH_MS = 500; // how often we look whether the popup was closed
const GRACE_MS = 60 * 1000; // after the popup closed with nothing approved yet: the webhook may still bring it
const GIVE_UP_MS = 20 * 60 * 1000;
const FAILED = ['DECLINED', 'CANCELLED', 'FAILED'];
const UNAPPROVED = ['STARTING', 'CREATING', 'CREATED']; // nothing approved at PayPal yet (CREATING: the server is still asking PayPal)

const purchases = new WeakMap(); // app -> the purchase being waited for (one at a time)
const told = new WeakMap(); // app -> Set of 'order:STATUS' the user has been told about
let popups = 0; // popups opened on this page, for their names

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
  if (previous) previous.stop({keep: popup}); // its order is cancelled if unapproved; never our new popup
  if (sheet && sheet.current && sheet.current !== previous) sheet.current.stop({keep: popup}); // one left "not finished"
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
    current: null, // the purchase shown in it last
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
    popup, popupGone: false, closedAt: 0, inTab: false, since: Date.now(), stale: false,
    reading: false, again: false, approvedSeen: false, captureAsked: false,
    stopped: false, cancelAsked: false, notCancelled: false,
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

  sheet.current = purchase;
  window.addEventListener('message', onMessage);
  sheet.show(el, false);
  render();
  sheet.done.then(() => stop()); // closing the dialog gives up waiting
  app.api.createOrder(pkg.id).then(created).catch(notCreated);
  return purchase;

  // ---- the order
  function created(o) {
    if (!active) {
      // given up before the answer came: the popup never reached PayPal, so nobody can approve it
      if (state.stopped && o && typeof o.order === 'string' && o.order && sameUser()) {
        app.api.cancelOrder(o.order).catch(() => {});
      }
      return;
    }
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

  function sameUser() {
    return !!app.session.user && app.session.user.userId === userId;
  }

  // ---- waiting: reads every 3 s, on a message from the popup, and once when the popup closes
  function schedule() {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(tick, POLL_MS);
  }

  function tick() {
    if (!active) return;
    if (!sameUser()) { // signed out, or someone else now: not theirs to cancel
      stop({ask: false});
      sheet.close(null);
      return;
    }
    if (Date.now() - state.since > GIVE_UP_MS) {
      state.stale = true;
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
    state.closedAt = Date.now();
    render(); // nothing approved yet as far as we know: "completes by itself if you approved it"
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
    // only a read begun after the popup closed may count it as closed, and only one begun after the grace
    // period may call it unfinished
    const afterClose = state.popupGone;
    const graceOver = afterClose && Date.now() - state.closedAt >= GRACE_MS;
    try {
      const o = await app.api.order(state.order);
      if (active) apply(o, afterClose, graceOver);
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

  function apply(o, afterClose, graceOver = false) {
    if (!o || (o.order && o.order !== state.order)) return;
    take(o);
    const status = state.status;
    const credits = {credits: fmt.credits(state.credits), count: state.credits};
    if (status === 'COMPLETED') {
      completed(credits);
    } else if (status === 'PENDING') {
      settle('pending', state.notCancelled ? t('payment.notCancelled.PENDING', credits) : t('payment.pending', credits), false);
    } else if (FAILED.includes(status)) {
      settle(status.toLowerCase(), t('payment.' + status.toLowerCase()), true);
    } else if (UNAPPROVED.includes(status) && graceOver) {
      settle('unfinished', t('payment.unfinished'), true);
    } else {
      // CREATED with the popup closed less than GRACE_MS ago: PayPal's webhook may still bring the approval
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
    const message = state.notCancelled ? t('payment.notCancelled.COMPLETED', credits) : t('payment.completed', credits);
    settle('completed', message, false);
    toastCompleted(message);
    sheet.close(true);
  }

  function toastCompleted(message) {
    const item = app.toast(message, 'info');
    if (item) {
      item.dataset.payment = 'COMPLETED';
      item.dataset.order = state.order;
    }
    refreshBalance(app);
  }

  function settle(outcome, message, withPackages) {
    finish();
    state.outcome = outcome;
    state.text = message;
    if (state.order && outcome !== 'error' && outcome !== 'unfinished') remember(app, state.order, state.status);
    render();
    if (sheet.isOpen && sheet.current === purchase) sheet.show(el, withPackages);
  }

  function finish() {
    active = false;
    clearTimeout(pollTimer);
    clearInterval(watchTimer);
    window.removeEventListener('message', onMessage);
    if (purchases.get(app) === purchase) purchases.delete(app);
  }

  /** Waits again (the "Continue" link after "not finished", or a cancel that came too late). */
  function resume() {
    const previous = purchases.get(app);
    if (previous && previous !== purchase) previous.stop();
    active = true;
    state.outcome = null;
    state.text = null;
    state.stale = false;
    state.stopped = false;
    purchases.set(app, purchase);
    sheet.current = purchase;
    window.addEventListener('message', onMessage);
    sheet.show(el, false);
    render();
    schedule();
  }

  /**
   * Gives up waiting (the dialog closed, another purchase, cancel): asks the server to cancel the order
   * (ask: false when the user changed) before a popup still at PayPal goes; keep is a popup never to close
   * (the new purchase's). An order left "not finished" (popup closed, still CREATED) is cancelled the same way.
   */
  function stop({keep = null, ask = true} = {}) {
    const unfinished = state.outcome === 'unfinished' && !state.stale && !state.stopped;
    if (!active && !unfinished) return;
    finish();
    state.stopped = true;
    if (ask) askCancel();
    if (UNAPPROVED.includes(state.status)) closePopup(keep);
  }

  /** Fire and forget: the server cancels only an order nothing was approved for; its answer is told. */
  function askCancel() {
    if (!state.order || state.cancelAsked || !sameUser()) return;
    if (!UNAPPROVED.includes(state.status) && state.status !== 'APPROVED') return; // settled already
    state.cancelAsked = true;
    app.api.cancelOrder(state.order).then(cancelAnswered, () => { /* the order stays as it is; news comes by socket */ });
  }

  function cancelAnswered(o) {
    if (active || !o || typeof o !== 'object' || (o.order && o.order !== state.order)) return;
    take(o);
    const status = state.status;
    // still in the dialog that showed this purchase, with no other purchase under way
    const here = sheet.isOpen && sheet.current === purchase && !purchases.get(app);
    if (FAILED.includes(status)) { // CANCELLED, as asked (or DECLINED/FAILED meanwhile): no credits
      if (here) settle(status.toLowerCase(), t('payment.' + status.toLowerCase()), true);
      return;
    }
    if (status !== 'APPROVED' && status !== 'PENDING' && status !== 'COMPLETED') { // still CREATED: nothing to add
      render();
      return;
    }
    state.notCancelled = true; // approved at PayPal before the cancel: it goes through, and we say so
    if (here) {
      if (status === 'APPROVED') resume(); // wait for the capture here, as if never cancelled
      apply(o, true);
      return;
    }
    render();
    const credits = {credits: fmt.credits(state.credits), count: state.credits};
    const message = t('payment.notCancelled.' + status, credits);
    if (status === 'COMPLETED') {
      if (remember(app, state.order, status)) toastCompleted(message);
    } else if (status === 'PENDING') {
      if (remember(app, state.order, status)) app.toast(message, 'info');
    } else {
      app.toast(message, 'info'); // the socket's payment message tells when it completes
    }
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
    state.popup = null;
    state.popupGone = false;
    state.closedAt = 0;
    resume();
  }

  function closePopup(keep = null) {
    try {
      if (state.popup && state.popup !== keep && !state.popup.closed) state.popup.close();
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
    cancel.hidden = !active || state.notCancelled;
  }

  function waitingText() {
    if (!state.order) return t('payment.starting');
    if (state.status === 'APPROVED') {
      return state.notCancelled
        ? t('payment.notCancelled.APPROVED', {credits: fmt.credits(state.credits), count: state.credits})
        : t('payment.approved');
    }
    if (state.popupGone) return t('payment.closedWaiting');
    if (state.popup) return t('payment.waiting');
    return state.inTab ? t('payment.waitingTab') : t('payment.blocked');
  }
}

/** The popup under a name of its own, opened empty at once and told to wait; null when the browser blocked it. */
function openPopup(app) {
  let popup = null;
  const name = `${POPUP_PREFIX}${++popups}-${Math.random().toString(36).slice(2, 10)}`;
  try {
    popup = window.open('', name, POPUP_FEATURES);
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
    /* not ours to write into: it stays blank until it goes to PayPal */
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
