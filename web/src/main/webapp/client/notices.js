// Sentences for what the server tells us in codes: why we were ejected, why a show ended, why a room
// could not be entered, why a socket closed, what became of a payment. Unknown values get a generic sentence
// (an unknown payment status none).

const PAYMENT_STATUSES = ['PENDING', 'COMPLETED', 'DECLINED', 'REFUNDED', 'REVERSED'];
const SHOW_REASONS = ['USER_LEFT', 'PERFORMER_ENDED', 'CREDITS_EXHAUSTED', 'DISCONNECTED', 'SERVER_RESTART', 'MODERATOR'];

export function showEndedText(app, reason) {
  return SHOW_REASONS.includes(reason) ? app.t('show.ended.' + reason) : app.t('show.ended.other');
}

export function ejectedText(app, ejected) {
  const {t, fmt} = app;
  const message = ejected.message || '';
  switch (ejected.reason) {
    case 'ejected':
      if (/private/i.test(message)) return t('ejected.private');
      if (/offline/i.test(message)) return t('ejected.performerOffline');
      return t('ejected.other', {message});
    case 'offline':
      return t('ejected.offline');
    case 'kicked':
      return message ? t('ejected.kicked', {reason: message}) : t('ejected.kickedNoReason');
    case 'banned': {
      const until = /\(until ([^)]+)\)\s*$/.exec(message);
      const reason = until ? message.slice(0, until.index).trim() : message;
      return until ? t('ejected.bannedUntil', {until: fmt.dateTime(until[1]), reason}) : t('ejected.banned', {reason});
    }
    default:
      return t('ejected.other', {message});
  }
}

export function joinErrorText(app, message) {
  const {t} = app;
  const text = message || '';
  if (/private show/i.test(text)) return t('join.busy');
  if (/offline/i.test(text)) return t('join.offline');
  if (/banned/i.test(text)) return t('join.banned', {message: text});
  return text ? t('join.other', {message: text}) : t('join.unknown');
}

export function closeText(app, code, reason) {
  const {t} = app;
  if (code === 1008) return t('closed.flood');
  if (code === 4000) return t('ejected.private');
  if (code === 4001) return t('ejected.kickedNoReason');
  if (code === 4002) return t('ejected.banned', {reason: reason || ''});
  return t('closed.other', {code, reason: reason || ''});
}

/** A socket's payment message {order, status, credits} as a sentence; null for a status we do not know. */
export function paymentText(app, payment) {
  if (!payment || !PAYMENT_STATUSES.includes(payment.status)) return null;
  const credits = Math.trunc(Number(payment.credits) || 0);
  return app.t('payment.notice.' + payment.status, {credits: app.fmt.credits(credits), count: credits});
}
