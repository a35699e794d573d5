//! Pure helpers over claim lists: filtering by kind and status, counting,
//! moving the selection, and how claims and statuses are named on screen.

export const KINDS = ['date', 'role', 'dismissal', 'attendance', 'quote'];
export const STATUSES = ['unreviewed', 'verified', 'false', 'disputed', 'unverifiable', 'needs_recheck'];

export const STATUS_LABEL = {
  unreviewed: 'Unreviewed',
  verified: 'Verified',
  false: 'False',
  disputed: 'Disputed',
  unverifiable: 'Unverifiable',
  needs_recheck: 'Needs re-check',
};

/** Statuses that still need a fact-checker's attention. */
export function isToCheck(status) {
  return status === 'unreviewed' || status === 'needs_recheck';
}

/**
 * Claims whose kind is in `kinds` and whose status is in `statuses`; an empty
 * or missing set means "any".
 */
export function filterClaims(claims, { kinds, statuses } = {}) {
  const any = (set) => !set || set.size === 0;
  return claims.filter(
    (c) => (any(kinds) || kinds.has(c.kind)) && (any(statuses) || statuses.has(c.status)),
  );
}

/** How many claims have each value of `key` ('kind' or 'status'). */
export function countBy(claims, key) {
  const out = {};
  for (const c of claims) out[c[key]] = (out[c[key]] || 0) + 1;
  return out;
}

/**
 * The id of the claim `delta` steps from `currentId` in `list` (wrapping is
 * not done: the ends stay put). With no current claim, the first (delta > 0)
 * or last (delta < 0) one.
 */
export function step(list, currentId, delta) {
  if (list.length === 0) return null;
  const i = list.findIndex((c) => c.id === currentId);
  if (i < 0) return delta >= 0 ? list[0].id : list[list.length - 1].id;
  const j = Math.max(0, Math.min(list.length - 1, i + delta));
  return list[j].id;
}

/** A one-line summary of a claim's fields, e.g. "Ada Mensah — mayor (Port Ellis)". */
export function summary(c) {
  // Dates in plain words, as the core words them ("Fri 28 Nov 2025",
  // "autumn 2025", "3 years"); the TimeML value only when it has none.
  const when = c.date_words || c.date;
  switch (c.kind) {
    case 'date':
      return c.date_words || c.value || c.text;
    case 'role':
      return [c.person, '—', c.role, c.org ? `(${c.org})` : ''].filter(Boolean).join(' ');
    case 'dismissal':
      return [c.person, c.how, c.role ? `as ${c.role}` : '', when ? `on ${when}` : ''].filter(Boolean).join(' ');
    case 'attendance':
      return [c.person, c.planned ? 'to attend' : 'attended', c.event, c.place ? `at ${c.place}` : '', when ? `on ${when}` : '']
        .filter(Boolean)
        .join(' ');
    case 'quote':
      return `${c.speaker}: “${c.quote}”`;
    default:
      return c.text || '';
  }
}

/** The kind-specific fields of a claim as `[name, value]` pairs, for display. */
export function fields(c) {
  const names = {
    date: ['value', 'timex_type'],
    role: ['person', 'role', 'org'],
    dismissal: ['person', 'role', 'by', 'date', 'how'],
    attendance: ['person', 'event', 'place', 'date', 'planned'],
    quote: ['speaker', 'quote'],
  }[c.kind] || [];
  // A date field reads in words, its TimeML value after it.
  const shown = (n) => ((n === 'value' || n === 'date') && c.date_words ? `${c.date_words} (${c[n]})` : String(c[n]));
  return names.filter((n) => c[n] !== undefined && c[n] !== null && c[n] !== '').map((n) => [n, shown(n)]);
}

/** The TimeML value behind a claim's date, for a tooltip ('' when none). */
export function timemlTip(c) {
  const v = c.kind === 'date' ? c.value : c.date;
  return v ? `TimeML value: ${v}` : '';
}

/** The key that sets each status (see keys.js). */
export const STATUS_KEYS_BY_STATUS = {
  verified: 'v',
  false: 'x',
  disputed: 'd',
  unverifiable: 'u',
  needs_recheck: 'r',
  unreviewed: '0',
};

/** The sign each verdict shows in the text, most telling first. */
const VERDICT_SIGNS = [
  ['false', '✗'],
  ['disputed', '?'],
  ['needs_recheck', '↻'],
  ['unverifiable', '–'],
  ['verified', '✓'],
];

/**
 * The verdict to show where `claims` end in the text: the most telling
 * status among them (false before disputed before verified), as
 * `{status, sign}`; null when none is reviewed.
 */
export function verdictMark(claims) {
  for (const [status, sign] of VERDICT_SIGNS) {
    if (claims.some((c) => c.status === status)) return { status, sign };
  }
  return null;
}
