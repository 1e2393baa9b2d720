// Shared pieces of the interface: toasts, modal dialogs, notices and the balance badge.
import {h, setText} from './dom.js';

/** A toast that goes away by itself: kind 'error' or 'info'. */
export function toast(app, text, kind = 'error') {
  const item = h('div', {class: 'ppv-toast', dataset: {kind}, role: kind === 'error' ? 'alert' : 'status'}, text);
  app.toasts.append(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 4000);
  return item;
}

/**
 * A modal dialog with a confirm and a cancel button. Resolves with collect() (or true) on confirm,
 * null on cancel or Escape. collect may throw an Error whose message is shown in the dialog.
 * onOpen(close) is called once it shows: close(value) closes it from code and resolves with value.
 */
export function openDialog(app, {title, body = [], confirmLabel, cancelLabel, collect, danger = false, onOpen}) {
  const t = app.t;
  return new Promise((resolve) => {
    const problem = h('p', {class: 'ppv-form-error', role: 'alert', hidden: true});
    const dialog = h('dialog', {class: 'ppv-dialog'},
      h('form', {class: 'ppv-dialog-form', method: 'dialog', onsubmit: (e) => { e.preventDefault(); confirm(); }},
        h('h2', {class: 'ppv-dialog-title'}, title),
        h('div', {class: 'ppv-dialog-body'}, body),
        problem,
        h('div', {class: 'ppv-dialog-actions'},
          h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'cancel'}, onclick: () => done(null)},
            cancelLabel || t('dialog.cancel')),
          h('button', {type: 'submit', class: 'ppv-button' + (danger ? ' ppv-danger' : ''), dataset: {action: 'confirm'}},
            confirmLabel || t('dialog.ok')))));
    let settled = false;
    function done(value) {
      if (settled) return;
      settled = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      resolve(value);
    }
    function confirm() {
      try {
        done(collect ? collect() : true);
      } catch (e) {
        problem.hidden = false;
        setText(problem, e.message);
      }
    }
    dialog.addEventListener('cancel', (e) => { e.preventDefault(); done(null); });
    app.root.append(dialog);
    if (dialog.showModal) dialog.showModal();
    else dialog.setAttribute('open', '');
    const first = dialog.querySelector('input, select, textarea');
    if (first) first.focus();
    if (onOpen) onOpen(done);
  });
}

/** A lasting message in a view: data-reason names what happened; optional action buttons. */
export function notice(app, container, reason, text, actions = []) {
  const existing = container.querySelector(`.ppv-notice[data-reason="${CSS.escape(reason)}"]`);
  if (existing) existing.remove();
  const item = h('div', {class: 'ppv-notice', dataset: {reason}, role: 'status'},
    h('p', {class: 'ppv-notice-text'}, text),
    h('div', {class: 'ppv-notice-actions'},
      actions,
      h('button', {type: 'button', class: 'ppv-link', dataset: {action: 'dismiss'}, onclick: () => item.remove()}, app.t('notice.dismiss'))));
  container.prepend(item);
  return item;
}

/** The balance badge: data-credits holds the integer, the text the formatted figure. */
export function balanceBadge(app) {
  const el = h('span', {class: 'ppv-balance', 'aria-live': 'polite'});
  const update = (balance) => {
    if (!balance || balance.credits == null) {
      el.hidden = true;
      el.removeAttribute('data-credits');
      return;
    }
    el.hidden = false;
    el.dataset.credits = String(Math.trunc(balance.credits));
    setText(el, app.t('balance.credits', {credits: app.fmt.credits(balance.credits), count: balance.credits}));
  };
  update(app.balance);
  app.onBalance(update);
  return el;
}

/** Says what went wrong with a REST call in a sentence. */
export function apiErrorText(app, error) {
  if (!error || error.status === undefined) return app.t('error.unexpected');
  if (error.status === 0) return app.t('error.network');
  if (error.error) return error.error;
  if (error.status === 429) return app.t('error.tooMany');
  if (error.status >= 500) return app.t('error.server');
  return app.t('error.status', {status: error.status});
}
