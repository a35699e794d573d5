//! Pure keyboard map: which action a key press means in which view. The
//! views act on the action names; nothing here touches the DOM.

/** Status shortcuts, shared by the article and claim views. */
export const STATUS_KEYS = {
  v: 'verified',
  x: 'false',
  d: 'disputed',
  u: 'unverifiable',
  r: 'needs_recheck',
  0: 'unreviewed',
};

const GLOBAL = {
  '/': 'search',
  '?': 'help',
  g: 'library',
  o: 'load',
  t: 'theme',
  Escape: 'back',
};

const BY_VIEW = {
  library: { j: 'next', k: 'prev', ArrowDown: 'next', ArrowUp: 'prev', Enter: 'open' },
  article: { j: 'next', k: 'prev', ArrowDown: 'next', ArrowUp: 'prev', Enter: 'open', c: 'compare', l: 'timeline', e: 'export' },
  claim: { j: 'next', k: 'prev', n: 'note' },
  compare: { j: 'next', k: 'prev', n: 'next', p: 'prev', m: 'mode' },
  timeline: { j: 'next', k: 'prev', Enter: 'open' },
  export: {},
};

/**
 * The action for a key press, or null. `ev` has `key`, `ctrlKey`, `metaKey`,
 * `altKey` and `typing` (focus is in a text field: only Escape counts then).
 */
export function resolveKey(ev, view) {
  if (ev.ctrlKey || ev.metaKey || ev.altKey) return null;
  if (ev.typing) return ev.key === 'Escape' ? 'blur' : null;
  const own = BY_VIEW[view] || {};
  if (own[ev.key]) return own[ev.key];
  if ((view === 'article' || view === 'claim') && STATUS_KEYS[ev.key]) {
    return `status:${STATUS_KEYS[ev.key]}`;
  }
  return GLOBAL[ev.key] || null;
}

/** The list shown by the help overlay: [keys, what] pairs. */
export const HELP = [
  ['j / k', 'next / previous claim, article or change'],
  ['Enter', 'open the selected item'],
  ['v x d u r 0', 'mark verified, false, disputed, unverifiable, needs re-check, unreviewed'],
  ['n', 'edit the note (claim view) · next change (compare)'],
  ['c / l / e', 'compare, timeline, export (article view)'],
  ['m', 'side by side or inline (compare)'],
  ['/', 'search the library'],
  ['o', 'load an article'],
  ['g', 'library'],
  ['t', 'light or dark theme'],
  ['Esc', 'back'],
];
