// The list of people in a room (for the performer and staff): name, a live typing bubble (staff),
// and moderation buttons. Keyed by user id.
import {h, setText} from './dom.js';

export function createPeople(app, {actions = [], onAction = () => {}, title}) {
  const {t} = app;
  const people = new Map(); // id -> {person, el, typing, timer}
  const list = h('ul', {class: 'ppv-people'});
  const count = h('span', {class: 'ppv-people-count'});
  const empty = h('p', {class: 'ppv-people-empty'}, t('people.empty'));
  const el = h('section', {class: 'ppv-people-panel'}, h('h3', {class: 'ppv-people-title'}, title || t('people.title'), ' ', count), list, empty);

  function refresh() {
    setText(count, `(${people.size})`);
    empty.hidden = people.size > 0;
  }

  function add(person) {
    if (!person || person.id == null) return;
    const known = people.get(person.id);
    if (known) {
      known.person = person;
      setText(known.name, person.name);
      return;
    }
    const name = h('span', {class: 'ppv-name'}, person.name);
    const typing = h('span', {class: 'ppv-typing', hidden: true, 'aria-live': 'polite'});
    const buttons = actions.map((action) => h('button', {type: 'button', class: 'ppv-button ppv-small ppv-secondary',
      dataset: {action, userId: person.id}, 'aria-label': t('staff.' + action + 'Label', {name: person.name}),
      onclick: () => onAction(action, people.get(person.id).person)}, t('staff.' + action)));
    const el = h('li', {dataset: {userId: person.id, role: person.role}},
      h('span', {class: 'ppv-person'}, name, h('span', {class: 'ppv-role', dataset: {role: person.role}}, t('role.' + person.role)), typing),
      buttons.length ? h('span', {class: 'ppv-person-actions'}, buttons) : null);
    people.set(person.id, {person, el, name, typing, timer: null});
    list.append(el);
    refresh();
  }

  function remove(id) {
    const entry = people.get(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.el.remove();
    people.delete(id);
    refresh();
  }

  refresh();
  return {
    el,
    add,
    remove,
    has: (id) => people.has(id),
    set(list) {
      for (const id of [...people.keys()]) remove(id);
      (list || []).forEach(add);
    },
    keepOnly(id) {
      for (const other of [...people.keys()]) if (other !== id) remove(other);
    },
    /** A typing preview: the bubble shows the text; "" (or 15 s of silence) hides it. */
    typing(userId, text) {
      const entry = people.get(userId);
      if (!entry) return;
      clearTimeout(entry.timer);
      setText(entry.typing, text || '');
      entry.typing.hidden = !text;
      entry.el.classList.toggle('ppv-is-typing', !!text);
      if (text) entry.timer = setTimeout(() => this.typing(userId, ''), 15000);
    },
    clear() {
      for (const id of [...people.keys()]) remove(id);
    },
  };
}
