// A tiny element builder. Strings always become text (textContent / text nodes), never HTML.

const PROPERTIES = new Set(['value', 'checked', 'disabled', 'muted', 'autoplay', 'playsInline', 'srcObject', 'hidden', 'selected', 'multiple']);

/**
 * h('button', {class: 'ppv-button', dataset: {action: 'tip'}, onclick: fn}, 'Tip')
 * attrs: class, dataset (object), text, on<event> (function), known DOM properties, anything else as an attribute.
 * children: strings/numbers (text), nodes, arrays of them; null/undefined/false are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value == null || value === false) continue;
      if (key === 'innerHTML' || key === 'outerHTML') throw new Error('h(): HTML is not allowed');
      if (key === 'class') el.className = value;
      else if (key === 'dataset') {
        for (const [k, v] of Object.entries(value)) if (v != null) el.dataset[k] = String(v);
      } else if (key === 'text') el.textContent = String(value);
      else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
      else if (PROPERTIES.has(key)) el[key] = value;
      else el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children (text stays text). */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

export function setText(el, text) {
  el.textContent = text == null ? '' : String(text);
  return el;
}
