// The sign-in view: username + password (sign in or register), or a nickname to enter as a guest.
import {h, setText} from './dom.js';
import {apiErrorText} from './ui.js';

export function signinView(app, {next = null, error = null, reason = null} = {}) {
  const t = app.t;
  const performerPage = app.config.kind === 'performer';
  const problem = h('p', {class: 'ppv-form-error', role: 'alert', hidden: !error}, error || '');
  const username = h('input', {name: 'username', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false', maxlength: 32});
  const password = h('input', {name: 'password', type: 'password', autocomplete: 'current-password', maxlength: 128});
  const nickname = h('input', {name: 'nickname', autocomplete: 'nickname', autocapitalize: 'none', maxlength: 24,
    onkeydown: (e) => { if (e.key === 'Enter') { e.preventDefault(); guest(); } }});
  const buttons = [];

  function fail(text) {
    problem.hidden = false;
    setText(problem, text);
  }

  async function run(action) {
    problem.hidden = true;
    buttons.forEach((b) => (b.disabled = true));
    try {
      const signedIn = await action();
      app.session.set(signedIn);
      if (next) app.show(next.view, next.params);
      else app.show(performerPage ? 'performer' : 'wall');
    } catch (e) {
      fail(apiErrorText(app, e));
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  }

  function credentials() {
    const u = username.value.trim();
    if (!/^[A-Za-z0-9._-]{3,32}$/.test(u)) {
      fail(t('signin.usernameRule'));
      username.focus();
      return null;
    }
    if (!password.value) {
      fail(t('signin.passwordMissing'));
      password.focus();
      return null;
    }
    return [u, password.value];
  }

  function signIn() {
    const c = credentials();
    if (c) run(() => app.api.signIn(...c));
  }

  function register() {
    const c = credentials();
    if (!c) return;
    if (c[1].length < 8) {
      fail(t('signin.passwordRule'));
      return;
    }
    run(() => app.api.register(...c));
  }

  function guest() {
    const n = nickname.value.trim();
    if (!/^[A-Za-z0-9._-]{2,24}$/.test(n)) {
      fail(t('signin.nicknameRule'));
      nickname.focus();
      return;
    }
    run(() => app.api.guest(n));
  }

  const signinButton = h('button', {type: 'submit', class: 'ppv-button', dataset: {action: 'signin'}}, t('signin.signin'));
  buttons.push(signinButton);
  const registerButton = performerPage ? null
    : h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'register'}, onclick: register}, t('signin.register'));
  if (registerButton) buttons.push(registerButton);
  const guestButton = performerPage ? null
    : h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'guest'}, onclick: guest}, t('signin.guest'));
  if (guestButton) buttons.push(guestButton);

  const form = h('form', {class: 'ppv-signin', novalidate: true, onsubmit: (e) => { e.preventDefault(); signIn(); }},
    h('h2', {class: 'ppv-title'}, performerPage ? t('signin.performerTitle') : t('signin.title')),
    reason ? h('p', {class: 'ppv-hint'}, reason) : null,
    problem,
    h('label', {class: 'ppv-field'}, h('span', null, t('signin.username')), username),
    h('label', {class: 'ppv-field'}, h('span', null, t('signin.password')), password),
    h('div', {class: 'ppv-actions'}, signinButton, registerButton),
    performerPage ? null : h('p', {class: 'ppv-hint'}, t('signin.registerHint')),
    performerPage ? null : h('fieldset', {class: 'ppv-guest'},
      h('legend', null, t('signin.guestTitle')),
      h('label', {class: 'ppv-field'}, h('span', null, t('signin.nickname')), nickname),
      h('div', {class: 'ppv-actions'}, guestButton)),
    performerPage ? null : h('div', {class: 'ppv-actions'},
      h('button', {type: 'button', class: 'ppv-link', dataset: {action: 'back'}, onclick: () => app.show('wall')}, t('room.back'))));

  setTimeout(() => username.focus(), 0);
  return {el: h('section', {class: 'ppv-signin-view'}, form)};
}
