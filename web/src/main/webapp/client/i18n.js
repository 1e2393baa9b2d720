// Every UI string comes from a message table (messages/<lang>.js), looked up by key.
import en from './messages/en.js';
import de from './messages/de.js';

export const TABLES = {en, de};

/**
 * The language: the host's data-lang if the webmaster forced one, else the first of the browser's
 * languages whose primary subtag the site offers, else the site's default; always one we have a table for.
 */
export function pickLanguage(config, host) {
  const offered = (config.languages && config.languages.length ? config.languages : [config.language || 'en'])
    .map((l) => primary(l));
  const usable = (l) => l && TABLES[l];
  const forced = primary(host && host.dataset ? host.dataset.lang : null);
  if (usable(forced)) return forced;
  for (const l of navigator.languages || [navigator.language]) {
    const p = primary(l);
    if (offered.includes(p) && usable(p)) return p;
  }
  const fallback = primary(config.language);
  return usable(fallback) ? fallback : 'en';
}

function primary(tag) {
  return tag ? String(tag).toLowerCase().split(/[-_]/)[0] : null;
}

/**
 * t('tip.sent', {credits: '50'}) — {name} placeholders are replaced by the params as text.
 * A message may be an object of plural forms ({one, other}) chosen by params.count.
 */
export function createI18n(lang) {
  const table = TABLES[lang] || en;
  const plurals = new Intl.PluralRules(lang);
  function t(key, params = {}) {
    let message = table[key] ?? en[key];
    if (message == null) return key;
    if (typeof message === 'object') {
      const form = plurals.select(Number(params.count) || 0);
      message = message[form] ?? message.other;
    }
    return message.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  }
  return {lang, t};
}
