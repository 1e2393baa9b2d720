// One place that turns numbers, money, durations and instants into text for the reader's language.

export function createFormat(lang, currency) {
  const number = new Intl.NumberFormat(lang, {maximumFractionDigits: 0});
  const time = new Intl.DateTimeFormat(lang, {hour: '2-digit', minute: '2-digit'});
  const dateTime = new Intl.DateTimeFormat(lang, {dateStyle: 'medium', timeStyle: 'short'});
  const moneyFormats = new Map();

  function money(amount, cur = currency) {
    const value = Number(amount);
    if (!Number.isFinite(value)) return String(amount ?? '');
    if (!moneyFormats.has(cur)) {
      try {
        moneyFormats.set(cur, new Intl.NumberFormat(lang, {style: 'currency', currency: cur || 'USD'}));
      } catch {
        moneyFormats.set(cur, {format: (v) => v.toFixed(2) + ' ' + (cur || '')});
      }
    }
    return moneyFormats.get(cur).format(value);
  }

  return {
    /** An integer count of credits, grouped for the language: 1,000 / 1.000. */
    credits: (n) => number.format(Math.trunc(Number(n) || 0)),
    number: (n) => number.format(Number(n) || 0),
    money,
    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    duration(totalSeconds) {
      const s = Math.max(0, Math.floor(Number(totalSeconds) || 0));
      const hours = Math.floor(s / 3600);
      const minutes = Math.floor((s % 3600) / 60);
      const seconds = String(s % 60).padStart(2, '0');
      return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${String(minutes).padStart(2, '0')}:${seconds}`;
    },
    time: (iso) => safeDate(iso, time),
    dateTime: (iso) => safeDate(iso, dateTime),
  };
}

function safeDate(iso, format) {
  const date = iso instanceof Date ? iso : new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : format.format(date);
}
