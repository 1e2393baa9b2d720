// What staff (moderators, admins) and performers can do to a person in a room: kick, ban, mute.
// Kick and ban ask for confirmation; the server checks every permission.
import {h} from './dom.js';
import {openDialog} from './ui.js';

const BAN_CHOICES = [60, 1440, 10080];
const MUTE_CHOICES = [10, 60];

function reasonField(t) {
  return h('input', {name: 'reason', maxlength: 200, autocomplete: 'off', placeholder: t('staff.reasonPlaceholder')});
}

export async function moderate(app, send, action, person) {
  const {t} = app;
  const name = person.name;
  if (action === 'kick') {
    const reason = reasonField(t);
    const result = await openDialog(app, {
      title: t('staff.kickTitle', {name}), danger: true, confirmLabel: t('staff.kick'),
      body: [h('label', {class: 'ppv-field'}, h('span', null, t('staff.reason')), reason)],
      collect: () => ({reason: reason.value.trim()}),
    });
    if (result) send({type: 'kick', userId: person.id, ...(result.reason ? {reason: result.reason} : {})});
  } else if (action === 'ban') {
    const choice = h('select', {name: 'minutes'},
      BAN_CHOICES.map((m) => h('option', {value: m}, t('staff.ban.' + m))),
      h('option', {value: 'custom'}, t('staff.ban.custom')));
    const custom = h('input', {name: 'custom-minutes', type: 'number', min: 1, max: 525600, step: 1, inputmode: 'numeric', hidden: true});
    const customLabel = h('label', {class: 'ppv-field', hidden: true}, h('span', null, t('staff.minutes')), custom);
    choice.addEventListener('change', () => {
      customLabel.hidden = custom.hidden = choice.value !== 'custom';
    });
    const reason = reasonField(t);
    const result = await openDialog(app, {
      title: t('staff.banTitle', {name}), danger: true, confirmLabel: t('staff.ban'),
      body: [
        h('label', {class: 'ppv-field'}, h('span', null, t('staff.duration')), choice),
        customLabel,
        h('label', {class: 'ppv-field'}, h('span', null, t('staff.reason')), reason),
      ],
      collect: () => {
        const minutes = choice.value === 'custom' ? Number(custom.value) : Number(choice.value);
        if (!Number.isInteger(minutes) || minutes < 1 || minutes > 525600) throw new Error(t('staff.minutesRule'));
        return {minutes, reason: reason.value.trim()};
      },
    });
    if (result) send({type: 'ban', userId: person.id, minutes: result.minutes, ...(result.reason ? {reason: result.reason} : {})});
  } else if (action === 'mute') {
    const choice = h('select', {name: 'minutes'}, MUTE_CHOICES.map((m) => h('option', {value: m}, t('staff.mute.' + m))));
    const result = await openDialog(app, {
      title: t('staff.muteTitle', {name}), confirmLabel: t('staff.mute'),
      body: [h('label', {class: 'ppv-field'}, h('span', null, t('staff.duration')), choice)],
      collect: () => ({minutes: Number(choice.value)}),
    });
    if (result) send({type: 'mute', userId: person.id, minutes: result.minutes});
  }
}

/** The sentence for a `moderation` message, shown in the chat. */
export function moderationText(app, m, nameOf) {
  const {t, fmt} = app;
  const name = nameOf(m.userId) || '#' + m.userId;
  const until = m.until ? fmt.dateTime(m.until) : '';
  const reason = m.reason || '';
  if (m.action === 'kick') return t('moderation.kick', {name, reason});
  if (m.action === 'ban') return t('moderation.ban', {name, reason, until});
  if (m.action === 'mute') return t('moderation.mute', {name, until});
  return t('moderation.other', {name});
}
