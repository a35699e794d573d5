//! Pure timeline layout: turns TimeML values of dated claims into day ranges
//! and places them on a horizontal axis with readable ticks.

const DAY = 86400000;

function utc(y, m, d) {
  return Date.UTC(y, m - 1, d);
}

/**
 * The span of days a TimeML value covers, as `{from, to, precision}` (ms
 * since epoch, UTC, `to` exclusive), or null for values without a calendar
 * position (durations, sets, `XXXX-..`, `PRESENT_REF`).
 */
export function parseTimex(value) {
  if (typeof value !== 'string') return null;
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value))) {
    const from = utc(+m[1], +m[2], +m[3]);
    if (Number.isNaN(from) || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31) return null;
    return { from, to: from + DAY, precision: 'day' };
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(value))) {
    // ISO week: week 1 holds 4 January.
    const jan4 = utc(+m[1], 1, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY;
    const from = monday + (+m[2] - 1) * 7 * DAY;
    return { from, to: from + 7 * DAY, precision: 'week' };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(value)) && +m[2] >= 1 && +m[2] <= 12) {
    return { from: utc(+m[1], +m[2], 1), to: utc(+m[1], +m[2] + 1, 1), precision: 'month' };
  }
  if ((m = /^(\d{4})-Q([1-4])$/.exec(value))) {
    const q = +m[2];
    return { from: utc(+m[1], 3 * q - 2, 1), to: utc(+m[1], 3 * q + 1, 1), precision: 'quarter' };
  }
  if ((m = /^(\d{4})$/.exec(value))) {
    return { from: utc(+m[1], 1, 1), to: utc(+m[1] + 1, 1, 1), precision: 'year' };
  }
  return null;
}

/** The TimeML value a claim is dated by: a date claim's value, else its `date` field. */
export function claimDate(c) {
  if (c.kind === 'date') return c.timex_type === 'DATE' || c.timex_type === 'TIME' ? c.value : null;
  return c.date || null;
}

/**
 * Places dated claims on an axis: `{items, ticks, from, to}` where each item
 * is `{claim, range, left, width}` (fractions 0..1 of the axis), sorted by
 * date, and ticks are `{at, label}`. Undated claims are left out.
 */
export function layout(claims) {
  const items = [];
  for (const c of claims) {
    const range = parseTimex(claimDate(c));
    if (range) items.push({ claim: c, range });
  }
  items.sort((a, b) => a.range.from - b.range.from || a.claim.start - b.claim.start);
  if (items.length === 0) return { items, ticks: [], from: null, to: null };
  let from = Math.min(...items.map((i) => i.range.from));
  let to = Math.max(...items.map((i) => i.range.to));
  const pad = Math.max(DAY, (to - from) * 0.04);
  from -= pad;
  to += pad;
  const span = to - from;
  for (const it of items) {
    it.left = (it.range.from - from) / span;
    it.width = Math.max((it.range.to - it.range.from) / span, 0);
  }
  return { items, ticks: ticks(from, to), from, to };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Tick marks at days, months or years, whichever gives 2 to ~12 ticks. */
export function ticks(from, to) {
  const span = to - from;
  const out = [];
  const push = (t, label) => {
    if (t >= from && t <= to) out.push({ at: (t - from) / span, label });
  };
  const d0 = new Date(from);
  if (span <= 45 * DAY) {
    const step = span <= 14 * DAY ? 1 : 7;
    for (let t = utc(d0.getUTCFullYear(), d0.getUTCMonth() + 1, d0.getUTCDate()); t <= to; t += step * DAY) {
      const d = new Date(t);
      push(t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`);
    }
  } else if (span <= 3 * 366 * DAY) {
    const months = span / (30 * DAY);
    const step = months <= 12 ? 1 : 3;
    for (let y = d0.getUTCFullYear(), m = d0.getUTCMonth() + 1; utc(y, m, 1) <= to; m += step) {
      const t = utc(y, m, 1);
      const d = new Date(t);
      push(t, d.getUTCMonth() === 0 ? `${d.getUTCFullYear()}` : `${MONTHS[d.getUTCMonth()]}`);
    }
  } else {
    const years = span / (365 * DAY);
    const step = Math.max(1, Math.ceil(years / 10));
    for (let y = d0.getUTCFullYear(); utc(y, 1, 1) <= to; y += step) push(utc(y, 1, 1), `${y}`);
  }
  return out;
}

/** A date range in words, e.g. "14 Mar 2025" or "Mar 2025". */
export function formatRange(r) {
  const d = new Date(r.from);
  const y = d.getUTCFullYear();
  const mo = MONTHS[d.getUTCMonth()];
  switch (r.precision) {
    case 'day':
      return `${d.getUTCDate()} ${mo} ${y}`;
    case 'week':
      return `week of ${d.getUTCDate()} ${mo} ${y}`;
    case 'month':
      return `${mo} ${y}`;
    case 'quarter':
      return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${y}`;
    default:
      return `${y}`;
  }
}
