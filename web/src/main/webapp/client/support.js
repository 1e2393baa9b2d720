// The performer's support panel: their own tickets to the site's team, a thread with its replies, and a form
// for a new ticket. Every text from the server goes into the page as text (h()), never as HTML.
import {h, replace, setText} from './dom.js';
import {apiErrorText} from './ui.js';

const SUBJECT_MAX = 200;
const MESSAGE_MAX = 10000;

export function createSupport(app) {
  const {t, fmt} = app;
  const state = {destroyed: false, busy: false};
  const body = h('div', {class: 'ppv-support-body'});
  const el = h('section', {class: 'ppv-support-panel', dataset: {view: 'list'}},
    h('h3', null, t('support.title')),
    body);

  function view(name, ...children) {
    el.dataset.view = name;
    replace(body, children);
  }

  // ---- the list
  async function list() {
    view('list', h('p', {class: 'ppv-hint', role: 'status'}, t('support.loading')));
    let page;
    try {
      page = await app.api.supportTickets();
    } catch (e) {
      if (state.destroyed) return;
      view('list',
        h('p', {class: 'ppv-form-error', role: 'alert'}, t('support.error', {error: apiErrorText(app, e)})),
        h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'retry'}, onclick: list}, t('wall.retry')));
      return;
    }
    if (state.destroyed) return;
    const newButton = h('button', {type: 'button', class: 'ppv-button', dataset: {action: 'new-ticket'}, onclick: compose}, t('support.new'));
    if (!page.tickets.length) {
      view('list', h('p', {class: 'ppv-hint'}, t('support.empty')), newButton);
      return;
    }
    view('list',
      h('p', {class: 'ppv-hint'}, t('support.counts', {open: fmt.number(page.open), answered: fmt.number(page.answered)})),
      h('ul', {class: 'ppv-support-tickets'}, page.tickets.map((ticket) =>
        h('li', {dataset: {ticketId: ticket.id, status: ticket.status}},
          h('button', {type: 'button', class: 'ppv-link ppv-support-subject', onclick: () => thread(ticket.id)}, ticket.subject),
          h('span', {class: 'ppv-support-status'}, t('support.status.' + ticket.status)),
          h('span', {class: 'ppv-hint'}, t('support.messages', {count: ticket.messages, n: fmt.number(ticket.messages)}), ' · ',
            t('support.lastActivity', {when: fmt.dateTime(ticket.lastActivity)}))))),
      newButton);
  }

  // ---- one ticket
  async function thread(id, loaded) {
    let data = loaded;
    if (!data) {
      view('thread', h('p', {class: 'ppv-hint', role: 'status'}, t('support.loading')));
      try {
        data = await app.api.supportTicket(id);
      } catch (e) {
        if (state.destroyed) return;
        view('thread', back(), h('p', {class: 'ppv-form-error', role: 'alert'}, apiErrorText(app, e)));
        return;
      }
    }
    if (state.destroyed) return;
    const closed = data.ticket.status === 'CLOSED';
    const problem = h('p', {class: 'ppv-form-error', role: 'alert', hidden: true});
    const text = h('textarea', {name: 'reply', rows: 3, maxlength: MESSAGE_MAX, placeholder: t('support.replyPlaceholder'), 'aria-label': t('support.reply')});
    const send = h('button', {type: 'submit', class: 'ppv-button', dataset: {action: 'reply'}}, t('support.reply'));
    const form = h('form', {class: 'ppv-support-reply', onsubmit: async (e) => {
      e.preventDefault();
      if (!text.value.trim()) return fail(problem, t('support.messageRule'));
      const answer = await submit(send, problem, () => app.api.replyTicket(data.ticket.id, text.value));
      if (answer) thread(answer.ticket.id, answer);
    }}, text, problem, send);
    view('thread',
      back(),
      h('h4', {class: 'ppv-support-title'}, data.ticket.subject),
      h('p', {class: 'ppv-hint'}, h('span', {class: 'ppv-support-status', dataset: {status: data.ticket.status}}, t('support.status.' + data.ticket.status))),
      h('ol', {class: 'ppv-support-thread'}, data.messages.map((m) =>
        h('li', {class: 'ppv-support-message', dataset: {mine: m.mine, staff: m.staff}},
          h('span', {class: 'ppv-name'}, m.mine ? t('support.you') : t('support.staff')), ' ',
          h('span', {class: 'ppv-time'}, fmt.dateTime(m.at)),
          h('p', {class: 'ppv-support-text'}, m.body)))),
      closed ? h('p', {class: 'ppv-hint'}, t('support.closedNote')) : form);
  }

  // ---- a new ticket
  function compose() {
    const problem = h('p', {class: 'ppv-form-error', role: 'alert', hidden: true});
    const subject = h('input', {name: 'subject', type: 'text', maxlength: SUBJECT_MAX, required: true});
    const message = h('textarea', {name: 'message', rows: 5, maxlength: MESSAGE_MAX, required: true});
    const send = h('button', {type: 'submit', class: 'ppv-button', dataset: {action: 'open-ticket'}}, t('support.open'));
    view('new', h('form', {class: 'ppv-support-new', onsubmit: async (e) => {
      e.preventDefault();
      if (!subject.value.trim()) return fail(problem, t('support.subjectRule'));
      if (!message.value.trim()) return fail(problem, t('support.messageRule'));
      const opened = await submit(send, problem, () => app.api.openTicket(subject.value, message.value));
      if (opened) thread(opened.ticket.id, opened);
    }},
    h('label', {class: 'ppv-field'}, h('span', null, t('support.subject')), subject),
    h('label', {class: 'ppv-field'}, h('span', null, t('support.message')), message),
    problem,
    h('div', {class: 'ppv-actions'},
      send,
      h('button', {type: 'button', class: 'ppv-button ppv-secondary', dataset: {action: 'cancel'}, onclick: list}, t('dialog.cancel')))));
    subject.focus();
  }

  function back() {
    return h('button', {type: 'button', class: 'ppv-link', dataset: {action: 'back'}, onclick: list}, t('support.back'));
  }

  function fail(problem, text) {
    problem.hidden = false;
    setText(problem, text);
  }

  /** Sends once at a time; the server's answer, or null with the reason shown. */
  async function submit(button, problem, call) {
    if (state.busy) return null;
    state.busy = true;
    button.disabled = true;
    problem.hidden = true;
    try {
      return await call();
    } catch (e) {
      if (!state.destroyed) fail(problem, t('support.failed', {error: apiErrorText(app, e)}));
      return null;
    } finally {
      state.busy = false;
      button.disabled = false;
    }
  }

  list();
  return {
    el,
    destroy() {
      state.destroyed = true;
    },
  };
}
