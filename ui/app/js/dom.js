//! The only way the UI makes DOM: elements from createElement, text from
//! text nodes. There is no innerHTML anywhere, so article text, claims and
//! notes can never become markup or script. Inline `on*` attributes are
//! refused; listeners are attached as functions.

const PROPS = new Set(['value', 'checked', 'disabled', 'hidden', 'selected', 'tabIndex', 'open']);

function appendAll(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'object' && c.nodeType ? c : document.createTextNode(String(c)));
  }
}

/**
 * `h('button', {class: 'primary', on: {click}}, 'Save')`. Props: `class`
 * (string or array), `text`, `on` (listeners), `data` (dataset), DOM
 * properties (value, checked, disabled, hidden, ...), other attributes.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (/^on/i.test(k) && k !== 'on') throw new Error(`inline handler attribute ${k} refused`);
    if (k === 'class') el.className = Array.isArray(v) ? v.filter(Boolean).join(' ') : String(v);
    else if (k === 'text') el.textContent = String(v);
    else if (k === 'on') for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
    else if (k === 'data') for (const [dk, dv] of Object.entries(v)) el.dataset[dk] = String(dv);
    else if (PROPS.has(k)) el[k] = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  appendAll(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  appendAll(el, children);
  return el;
}

/** Whether keyboard focus is in a place that takes text. */
export function isTyping(target) {
  if (!target || !target.tagName) return false;
  const t = target.tagName.toLowerCase();
  return t === 'textarea' || t === 'select' || (t === 'input' && !['button', 'checkbox', 'radio'].includes(target.type)) || target.isContentEditable === true;
}
