//! A small menu that lets the mouse reach every claim under one spot of
//! text, where highlights overlap: each claim is a button, with its kind
//! and what it says. Esc, a click elsewhere or a choice closes it.

import { h } from './dom.js';

let open = null;

/** Closes the menu if one is open. */
export function closeChooser() {
  if (open) open();
}

/**
 * Shows the menu under `anchor` for `items` (`{id, kind, label, detail}`),
 * and calls `onChoose(id)` with the one picked.
 */
export function chooseClaim(anchor, items, onChoose) {
  closeChooser();
  const menu = h('div', { class: 'chooser', role: 'menu', id: 'claim-chooser', 'aria-label': 'Claims here' },
    h('div', { class: 'chooser-head muted small', text: `${items.length} claims here` }),
    items.map((it) => h('button', {
      type: 'button',
      role: 'menuitem',
      class: ['chooser-item', `k-${it.kind}`],
      data: { id: it.id },
      on: { click: () => { close(); onChoose(it.id); } },
    },
    h('span', { class: ['kind-badge', `k-${it.kind}`], text: it.kind }),
    h('span', { class: 'chooser-text' }, h('span', { text: it.label }), it.detail ? h('small', { class: 'muted', text: it.detail }) : null))));
  const r = anchor.getBoundingClientRect();
  menu.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - 340))}px`;
  menu.style.top = `${r.bottom + 4}px`;
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const btns = [...menu.querySelectorAll('button')];
      const i = btns.indexOf(document.activeElement);
      btns[(i + (e.key === 'ArrowDown' ? 1 : btns.length - 1)) % btns.length].focus();
      e.preventDefault();
    }
  };
  const onDown = (e) => {
    if (!menu.contains(e.target)) close();
  };
  function close() {
    menu.remove();
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('mousedown', onDown, true);
    open = null;
  }
  document.addEventListener('keydown', onKey, true);
  document.addEventListener('mousedown', onDown, true);
  document.body.append(menu);
  open = close;
  const first = menu.querySelector('button');
  if (first) first.focus();
}
