// The chat panel: lines (text or photo), a form that sends `chat` and debounced `typing` previews,
// and the photo picker. Every piece of user text is rendered as text.
import {h, setText} from './dom.js';
import {createPhotoQueue} from './photos.js';

const TYPING_EVERY_MS = 300;

export function createChat(app, {send, performerId, canRemove = () => false, onRemove = () => {}, sendTyping = true}) {
  const {t, fmt, config} = app;
  const ids = new Set();
  const lines = h('ol', {class: 'ppv-chat-lines', 'aria-live': 'polite', 'aria-label': t('chat.title')});
  const empty = h('p', {class: 'ppv-chat-empty'}, t('chat.empty'));
  const input = h('textarea', {name: 'chat', rows: 1, maxlength: 500, enterkeyhint: 'send', autocomplete: 'off',
    placeholder: t('chat.placeholder'), 'aria-label': t('chat.placeholder')});
  const submit = h('button', {type: 'submit', class: 'ppv-button', dataset: {action: 'send'}}, t('chat.send'));
  const uploadState = h('p', {class: 'ppv-upload-state', role: 'status', hidden: true});
  const photos = createPhotoQueue(app, performerId, (text) => {
    uploadState.hidden = !text;
    setText(uploadState, text || '');
  });
  const fileInput = h('input', {type: 'file', name: 'photo', accept: 'image/*', multiple: true, class: 'ppv-file',
    onchange: () => {
      photos.add([...fileInput.files]);
      fileInput.value = '';
    }});
  const form = h('form', {class: 'ppv-chat-form', onsubmit: (e) => { e.preventDefault(); sendLine(); }},
    input,
    h('label', {class: 'ppv-button ppv-secondary ppv-photo-button', title: t('chat.photo')},
      fileInput, h('span', {'aria-hidden': 'true'}, t('chat.photoShort')), h('span', {class: 'ppv-visually-hidden'}, t('chat.photo'))),
    submit);
  const el = h('section', {class: 'ppv-chat'}, h('h3', {class: 'ppv-chat-title'}, t('chat.title')), lines, empty, uploadState, form);

  // typing previews: at most one every 300 ms, the last text always goes out; "" after sending
  let lastTyping = '';
  let lastTypingAt = 0;
  let typingTimer = null;
  function typingNow() {
    clearTimeout(typingTimer);
    typingTimer = null;
    const text = input.value.slice(0, 500);
    if (text === lastTyping) return;
    lastTyping = text;
    lastTypingAt = Date.now();
    send({type: 'typing', text});
  }
  input.addEventListener('input', () => {
    if (!sendTyping) return;
    const wait = TYPING_EVERY_MS - (Date.now() - lastTypingAt);
    if (wait <= 0) typingNow();
    else if (!typingTimer) typingTimer = setTimeout(typingNow, wait);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  let lastSent = null;
  function sendLine() {
    const text = input.value.trim();
    if (!text) return;
    if (!send({type: 'chat', text})) {
      app.toast(t('room.notConnected'));
      return;
    }
    lastSent = text;
    input.value = '';
    clearTimeout(typingTimer);
    typingTimer = null;
    if (sendTyping && lastTyping !== '') {
      lastTyping = '';
      lastTypingAt = Date.now();
      send({type: 'typing', text: ''});
    }
    if (window.matchMedia && window.matchMedia('(pointer: coarse)').matches) input.blur(); // hide the phone keyboard
  }

  function nearBottom() {
    return lines.scrollHeight - lines.scrollTop - lines.clientHeight < 60;
  }

  function append(node) {
    const stick = nearBottom();
    lines.append(node);
    empty.hidden = true;
    while (lines.children.length > 300) lines.firstElementChild.remove();
    if (stick) lines.scrollTop = lines.scrollHeight;
  }

  function line(message) {
    const from = message.from || {};
    const mine = from.id === (app.session.user && app.session.user.userId);
    const content = [];
    if (message.photo && message.photo.url) {
      const url = /^https?:/.test(message.photo.url) ? message.photo.url : config.base + message.photo.url;
      content.push(h('img', {class: 'ppv-photo', src: url, loading: 'lazy', decoding: 'async',
        width: message.photo.width, height: message.photo.height, alt: t('chat.photoAlt', {name: from.name || ''})}));
    }
    if (message.text) content.push(h('span', {class: 'ppv-text'}, message.text));
    else if (!message.photo) content.push(h('span', {class: 'ppv-text'}, ''));
    const item = h('li', {
      class: 'ppv-chat-line' + (message.showId ? ' ppv-chat-private' : '') + (mine ? ' ppv-chat-mine' : ''),
      dataset: {id: message.id, role: from.role, showId: message.showId}},
      h('span', {class: 'ppv-time'}, fmt.time(message.at)), ' ',
      h('span', {class: 'ppv-from', dataset: {role: from.role}}, from.name || ''),
      message.showId ? h('span', {class: 'ppv-private-tag'}, t('chat.private')) : null, ' ',
      content);
    if (!message.showId && canRemove()) {
      item.append(h('button', {type: 'button', class: 'ppv-link ppv-remove', dataset: {action: 'remove-line'},
        'aria-label': t('staff.removeLine'), title: t('staff.removeLine'), onclick: () => onRemove(message)}, '✕'));
    }
    return item;
  }

  return {
    el,
    input,
    add(message) {
      if (!message.id || ids.has(message.id)) return;
      ids.add(message.id);
      append(line(message));
      if (lastSent && message.from && app.session.user && message.from.id === app.session.user.userId) lastSent = null;
    },
    remove(id) {
      for (const li of lines.querySelectorAll('.ppv-chat-line')) if (li.dataset.id === id) li.remove();
      empty.hidden = lines.children.length > 0;
    },
    /** A line from the room itself (tips, moderation, show changes): no sender, no id. */
    system(text) {
      append(h('li', {class: 'ppv-chat-system'}, h('span', {class: 'ppv-time'}, fmt.time(new Date())), ' ', h('span', {class: 'ppv-text'}, text)));
    },
    /** Puts back the text of a line the server refused, if nothing was typed since. */
    refused() {
      if (lastSent && !input.value) input.value = lastSent;
      lastSent = null;
    },
    setEnabled(on) {
      input.disabled = !on;
      submit.disabled = !on;
      fileInput.disabled = !on;
    },
    destroy() {
      clearTimeout(typingTimer);
      photos.stop();
    },
  };
}
