//! Correcting the machine's claims in the app: the pure parts (a selection
//! as UTF-8 byte offsets, the fields a new claim starts with, which fields
//! an edit changes, how a claim is marked, what a correction event changed)
//! and the forms built on them (Edit claim, Not a claim, Add claim) and the
//! correction history. Every correction goes to the core, which keeps it as
//! an append-only event; nothing here changes a claim by itself.

import { h, replace } from './dom.js';
import { reviewerName, setReviewerName } from './reviewer.js';

/** The kinds a claim can be, in the order the chooser offers them. */
export const KIND_CHOICES = ['quote', 'role', 'dismissal', 'attendance', 'date'];

/** The fields of each kind as the core names them (the backend's `claim_fields` is the source; this is its fallback). */
export const FIELDS = {
  date: ['value', 'timex_type'],
  role: ['person', 'role', 'org'],
  dismissal: ['person', 'role', 'by', 'date', 'how'],
  attendance: ['person', 'event', 'place', 'date', 'planned'],
  quote: ['speaker', 'quote'],
};

/** Fields a form offers a choice for, with their values. */
export const CHOICES = {
  timex_type: ['DATE', 'TIME', 'DURATION', 'SET'],
  how: ['dismissed', 'resigned', 'suspended', 'other'],
  planned: ['false', 'true'],
};

/** The UTF-8 length of a string. */
export function utf8Length(s) {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0);
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/**
 * A selection of `text` from string index `from` to `to` as the core's
 * span: UTF-8 byte offsets with the spaces at either end left out. Null
 * when nothing but spaces is selected.
 */
export function selectionSpan(text, from, to) {
  let a = Math.max(0, Math.min(from, to));
  let b = Math.min(text.length, Math.max(from, to));
  while (a < b && /\s/.test(text[a])) a += 1;
  while (b > a && /\s/.test(text[b - 1])) b -= 1;
  if (a >= b) return null;
  const start = utf8Length(text.slice(0, a));
  const selected = text.slice(a, b);
  return { start, end: start + utf8Length(selected), text: selected };
}

const QUOTE_MARKS = /^["'“”‘’«»\s]+|["'“”‘’«»\s]+$/g;

/**
 * The fields a new claim of `kind` starts with, from the selected text: a
 * quote's words, or the person a role, dismissal or attendance is about.
 * A date's TimeML value is left for the checker to give.
 */
export function prefill(kind, selected) {
  const s = (selected || '').replace(/\s+/g, ' ').trim();
  switch (kind) {
    case 'quote':
      return { speaker: '', quote: s.replace(QUOTE_MARKS, '') };
    case 'role':
      return { person: s, role: '', org: '' };
    case 'dismissal':
      return { person: s, role: '', by: '', date: '', how: 'other' };
    case 'attendance':
      return { person: s, event: '', place: '', date: '', planned: 'false' };
    case 'date':
      return { value: '', timex_type: 'DATE' };
    default:
      return {};
  }
}

/** A claim's value of a field as a form shows it ('' when absent). */
export function fieldValue(c, name) {
  const v = c[name];
  return v === undefined || v === null ? '' : String(v);
}

/**
 * The `[name, value]` pairs of `values` (what the form holds) that differ
 * from the claim `c`: what an edit sends. Values are compared trimmed.
 */
export function changedFields(c, names, values) {
  const out = [];
  for (const n of names) {
    if (!(n in values)) continue;
    const now = String(values[n] ?? '').trim();
    if (now !== fieldValue(c, n).trim()) out.push([n, now]);
  }
  return out;
}

/** The non-empty `[name, value]` pairs of a new claim's form. */
export function filledFields(names, values) {
  return names.map((n) => [n, String(values[n] ?? '').trim()]).filter(([, v]) => v !== '');
}

/** How a claim is marked in lists: added by a checker, corrected, or dismissed. */
export function correctionMark(c) {
  if (c.dismissed) return { mark: 'dismissed', label: 'not a claim', title: c.dismiss_reason ? `Dismissed: ${c.dismiss_reason}` : 'Dismissed as not a claim' };
  if (c.added) return { mark: 'added', label: 'added', title: 'Added by a checker' };
  if (c.edited) return { mark: 'edited', label: 'corrected', title: 'Corrected by a checker; the machine’s version is in the history' };
  return null;
}

/** Claims split into those listed and those dismissed as not claims. */
export function splitDismissed(claims) {
  return { live: claims.filter((c) => !c.dismissed), dismissed: claims.filter((c) => c.dismissed) };
}

const ACTION_WORDS = { add: 'Added', edit: 'Corrected', dismiss: 'Dismissed as not a claim', restore: 'Restored as a claim' };

/** What a correction event changed, as lines: "speaker: Ada Moss → Bo Lind". */
export function describeChange(e) {
  const lines = [];
  const after = e.after || {};
  const before = e.before;
  const names = FIELDS[after.kind] || [];
  if (!before) {
    lines.push(`span “${after.text}”`);
    for (const n of names) if (fieldValue(after, n)) lines.push(`${n}: ${fieldValue(after, n)}`);
    return lines;
  }
  if (before.start !== after.start || before.end !== after.end) lines.push(`span “${before.text}” → “${after.text}”`);
  for (const n of names) {
    const a = fieldValue(before, n);
    const b = fieldValue(after, n);
    if (a !== b) lines.push(`${n}: ${a || '(none)'} → ${b || '(none)'}`);
  }
  return lines;
}

/** The heading of a correction event. */
export function eventTitle(e) {
  const carried = e.origin === 'carried' ? ' (kept from the revision before)' : e.origin === 'recheck' ? ' (carried over; the text changed)' : '';
  return `${ACTION_WORDS[e.action] || e.action}${carried}`;
}

// ---- The forms (DOM) ----

/**
 * Every correction records who made it: when the checker has not given a
 * name yet, a form asks for it (once; it is kept like the verdicts' name).
 */
function nameRow() {
  if (reviewerName()) return { row: null, keep: () => true };
  const input = h('input', { id: 'correction-by', type: 'text', autocomplete: 'name', placeholder: 'Recorded on every correction and verdict' });
  return {
    row: h('div', { class: 'form-row' }, h('label', { for: 'correction-by', text: 'your name' }), input),
    keep: () => {
      if (!input.value.trim()) {
        input.focus();
        return false;
      }
      setReviewerName(input.value);
      return true;
    },
  };
}

function fieldInput(id, name, value) {
  if (CHOICES[name]) {
    return h('select', { id, name }, CHOICES[name].map((o) => h('option', { value: o, selected: o === value, text: o })));
  }
  return h('input', { id, name, type: 'text', value, autocomplete: 'off', placeholder: name === 'value' || name === 'date' ? 'TimeML, e.g. 2026-03-12' : '' });
}

function fieldRows(prefix, names, values) {
  const inputs = {};
  const rows = names.map((n) => {
    const id = `${prefix}-${n}`;
    inputs[n] = fieldInput(id, n, values[n] ?? '');
    return h('div', { class: 'form-row' }, h('label', { for: id, text: n }), inputs[n]);
  });
  return { rows, read: () => Object.fromEntries(Object.entries(inputs).map(([n, el]) => [n, el.value])) };
}

/**
 * The "Edit claim" form: the fields of the claim's kind and its span (byte
 * offsets). `onSave({start, end, fields})` gets only what changed.
 */
export function editForm(c, names, { onSave, onCancel }) {
  const { rows, read } = fieldRows('edit', names, Object.fromEntries(names.map((n) => [n, fieldValue(c, n)])));
  const start = h('input', { id: 'edit-start', type: 'number', min: 0, value: String(c.start), size: 6 });
  const end = h('input', { id: 'edit-end', type: 'number', min: 0, value: String(c.end), size: 6, 'aria-label': 'span end' });
  const who = nameRow();
  const form = h('form', { id: 'edit-claim-form', class: 'correction-form' },
    h('h3', { text: 'Edit claim' }),
    rows,
    h('div', { class: 'form-row' }, h('label', { for: 'edit-start', text: 'span' }),
      h('span', {}, start, ' to ', end, h('small', { class: 'muted', text: ' byte offsets of the evidence' }))),
    who.row,
    h('div', { class: 'row' },
      h('button', { id: 'edit-save', type: 'submit', class: 'primary', text: 'Save correction' }),
      h('button', { type: 'button', class: 'link', text: 'Cancel', on: { click: onCancel } })));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!who.keep()) return;
    const s = Number(start.value);
    const e = Number(end.value);
    const spanChanged = s !== c.start || e !== c.end;
    onSave({ start: spanChanged ? s : null, end: spanChanged ? e : null, fields: changedFields(c, names, read()) });
  });
  return form;
}

/** The "Not a claim" form: an optional reason. */
export function dismissForm({ onDismiss, onCancel }) {
  const reason = h('input', { id: 'dismiss-reason', type: 'text', placeholder: 'Why it is not a claim (optional)', autocomplete: 'off' });
  const who = nameRow();
  const form = h('form', { id: 'dismiss-claim-form', class: 'correction-form' },
    h('h3', { text: 'Not a claim' }),
    h('div', { class: 'form-row' }, h('label', { for: 'dismiss-reason', text: 'reason' }), reason),
    who.row,
    h('div', { class: 'row' },
      h('button', { id: 'dismiss-save', type: 'submit', class: 'primary', text: 'Dismiss claim' }),
      h('button', { type: 'button', class: 'link', text: 'Cancel', on: { click: onCancel } })));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!who.keep()) return;
    onDismiss(reason.value);
  });
  setTimeout(() => reason.focus(), 0);
  return form;
}

/**
 * The "Add claim" form for a selection `{start, end, text}`: a kind
 * chooser and that kind's fields, prefilled from the selected text.
 * `onAdd({kind, fields})`.
 */
export function addForm(selection, fieldsByKind, { onAdd, onCancel }) {
  const box = h('div', { class: 'form-fields' });
  const kind = h('select', { id: 'add-kind', name: 'kind' }, KIND_CHOICES.map((k) => h('option', { value: k, text: k })));
  let read = () => ({});
  const drawFields = () => {
    const names = fieldsByKind[kind.value] || FIELDS[kind.value] || [];
    const made = fieldRows('add', names, prefill(kind.value, selection.text));
    read = () => filledFields(names, made.read());
    replace(box, made.rows);
  };
  kind.addEventListener('change', drawFields);
  drawFields();
  const who = nameRow();
  const form = h('form', { id: 'add-claim-form', class: 'correction-form' },
    h('h3', { text: 'Add claim' }),
    h('blockquote', { class: 'context', id: 'add-evidence', text: selection.text }),
    h('div', { class: 'form-row' }, h('label', { for: 'add-kind', text: 'kind' }), kind),
    box,
    who.row,
    h('div', { class: 'row' },
      h('button', { id: 'add-save', type: 'submit', class: 'primary', text: 'Add claim' }),
      h('button', { type: 'button', class: 'link', text: 'Cancel', on: { click: onCancel } })));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!who.keep()) return;
    onAdd({ kind: kind.value, fields: read() });
  });
  return form;
}

/** The correction events of a claim, newest first. */
export function historyItems(events) {
  return [...events].reverse().map((e) => h('li', { class: ['correction-event', `c-${e.action}`] },
    h('div', {},
      h('strong', { text: eventTitle(e) }),
      h('span', { class: 'muted', text: ` · revision ${e.revision}${e.by ? ` · ${e.by}` : ''} · ${e.at.replace('T', ' ').replace('Z', ' UTC')}` })),
    e.reason ? h('p', { text: e.reason }) : null,
    h('ul', { class: 'changes' }, describeChange(e).map((l) => h('li', { text: l })))));
}

/** The small mark beside a claim in lists (nothing when it is the machine's). */
export function markBadge(c) {
  const m = correctionMark(c);
  return m ? h('span', { class: ['correction-badge', `m-${m.mark}`], title: m.title, text: m.label }) : null;
}

/**
 * The string index range a DOM selection covers inside `container` (whose
 * text is the article's text, rendered as text nodes), or null when the
 * selection is empty or not inside it.
 */
export function selectionIn(container, sel) {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const r = sel.getRangeAt(0);
  if (!container.contains(r.startContainer) || !container.contains(r.endContainer)) return null;
  const pre = document.createRange();
  pre.selectNodeContents(container);
  pre.setEnd(r.startContainer, r.startOffset);
  const from = pre.toString().length;
  return { from, to: from + r.toString().length };
}
