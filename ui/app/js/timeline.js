//! Pure timeline layout: places dated claims on a horizontal axis with
//! readable ticks. Each claim's days and wording come from the core (the
//! claim's `when`), so the app, reports and comparison agree on weeks,
//! halves and seasons.

const DAY = 86400000;

function utc(y, m, d) {
  return Date.UTC(y, m - 1, d);
}

/** A `YYYY-MM-DD` day as ms since epoch (UTC), or NaN. */
function dayMs(s) {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s) ? Date.parse(`${s}T00:00:00Z`) : NaN;
}

/**
 * The span of days a claim covers, as `{from, to, precision, wording}` (ms
 * since epoch, UTC, `to` exclusive), or null for a claim without a calendar
 * position. The core reads the TimeML value: the shell sends each dated
 * claim's `when` (`{start, end, precision, wording}`, days inclusive); this
 * module parses no TimeML.
 */
export function claimRange(c) {
  const w = c && c.when;
  if (!w) return null;
  const from = dayMs(w.start);
  const last = dayMs(w.end);
  if (Number.isNaN(from) || Number.isNaN(last) || last < from) return null;
  return { from, to: last + DAY, precision: w.precision, wording: String(w.wording ?? '') };
}

/**
 * Places dated claims on an axis: `{items, ticks, from, to}` where each item
 * is `{claim, range, left, width}` (fractions 0..1 of the axis), sorted by
 * date, and ticks are `{at, label}`. Undated claims are left out.
 */
export function layout(claims) {
  const items = [];
  for (const c of claims) {
    const range = claimRange(c);
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

/** A claim's range in words, as the core worded it ("week 12 of 2026"). */
export function formatRange(r) {
  return r.wording;
}
