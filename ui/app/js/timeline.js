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
 * Places dated claims on an axis: `{items, ticks, from, to, before, after}`
 * where each item is `{claim, range, left, width}` (fractions 0..1 of the
 * axis), sorted by date, and ticks are `{at, label}`. Undated claims are
 * left out. With `window` (`{from, to}`, ms), the axis shows that period
 * only: `before` and `after` count the items outside it, which get no
 * place (`left` null).
 */
export function layout(claims, window = null) {
  const items = [];
  for (const c of claims) {
    const range = claimRange(c);
    if (range) items.push({ claim: c, range });
  }
  items.sort((a, b) => a.range.from - b.range.from || a.claim.start - b.claim.start);
  if (items.length === 0) return { items, ticks: [], from: null, to: null, before: 0, after: 0 };
  const shown = window ? items.filter((i) => i.range.to > window.from && i.range.from < window.to) : items;
  let from = window ? window.from : Math.min(...shown.map((i) => i.range.from));
  let to = window ? window.to : Math.max(...shown.map((i) => i.range.to));
  const pad = Math.max(DAY, (to - from) * 0.04);
  from -= pad;
  to += pad;
  const span = to - from;
  let before = 0;
  let after = 0;
  for (const it of items) {
    if (window && it.range.to <= window.from) before++;
    if (window && it.range.from >= window.to) after++;
    if (window && (it.range.to <= window.from || it.range.from >= window.to)) {
      it.left = null;
      it.width = null;
      continue;
    }
    const a = Math.max(it.range.from, from);
    const b = Math.min(it.range.to, to);
    it.left = (a - from) / span;
    it.width = Math.max((b - a) / span, 0);
  }
  return { items, ticks: ticks(from, to), from, to, before, after };
}

/**
 * The article's own period: the days around its publication date that
 * hold its near dates (within `reach` days), as `{from, to}` (ms), or null
 * when that would not narrow the axis (everything is near anyway, or fewer
 * than two claims are near). Far dates ("since 2019") then stay off the
 * axis until the checker shows every date.
 */
export function articlePeriod(items, published, reach = 60) {
  const p = dayMs(published);
  if (Number.isNaN(p) || items.length === 0) return null;
  const near = items.filter((i) => i.range.to > p - reach * DAY && i.range.from < p + reach * DAY);
  if (near.length < 2 || near.length === items.length) return null;
  const from = Math.min(p, ...near.map((i) => i.range.from));
  const to = Math.max(p + DAY, ...near.map((i) => i.range.to));
  return { from, to };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** At most this many ticks on an axis. */
const MAX_TICKS = 10;

/**
 * Tick marks on calendar boundaries, at the finest step that gives at most
 * ten: days (1 or 2), weeks (Mondays), months (1, 2, 3 or 6: quarters and
 * halves start in January), or years (1, 2, 5, 10, … on round years). A
 * label names the larger unit where it changes: "Mon 9 Mar", "Jan 2026",
 * "2026".
 */
export function ticks(from, to) {
  const span = to - from;
  if (!(span > 0)) return [];
  const days = span / DAY;
  const d0 = new Date(from);
  const y0 = d0.getUTCFullYear();
  const out = [];
  const push = (t, label) => {
    if (t >= from && t <= to) out.push({ at: (t - from) / span, label });
  };
  const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  for (const step of [1, 2]) {
    if (days / step <= MAX_TICKS) {
      for (let t = utc(y0, d0.getUTCMonth() + 1, d0.getUTCDate()); t <= to; t += step * DAY) {
        const d = new Date(t);
        push(t, `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`);
      }
      return out;
    }
  }
  for (const weeks of [1, 2]) {
    if (days / (7 * weeks) <= MAX_TICKS) {
      // From the Monday on or before the start.
      let t = utc(y0, d0.getUTCMonth() + 1, d0.getUTCDate());
      t -= ((new Date(t).getUTCDay() + 6) % 7) * DAY;
      let year = null;
      for (; t <= to; t += 7 * weeks * DAY) {
        const d = new Date(t);
        const shown = t >= from && t <= to;
        // The year on the first tick and where it changes.
        const y = d.getUTCFullYear() !== year && shown ? ` ${d.getUTCFullYear()}` : '';
        if (shown) year = d.getUTCFullYear();
        push(t, `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${y}`);
      }
      return out;
    }
  }
  const months = days / 30.44;
  for (const step of [1, 2, 3, 6]) {
    if (months / step <= MAX_TICKS) {
      for (let y = y0, m = Math.floor(d0.getUTCMonth() / step) * step + 1; utc(y, m, 1) <= to; m += step) {
        if (m > 12) {
          y += 1;
          m -= 12;
        }
        push(utc(y, m, 1), m === 1 ? `Jan ${y}` : MONTHS[m - 1]);
      }
      // A span inside one year names it once.
      if (out.length && !out.some((t) => /\d{4}/.test(t.label))) out[0].label = `${out[0].label} ${new Date(from + (out[0].at * span)).getUTCFullYear()}`;
      return out;
    }
  }
  const years = days / 365.25;
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((s) => years / s <= MAX_TICKS) || 1000;
  for (let y = Math.ceil(y0 / step) * step; utc(y, 1, 1) <= to; y += step) push(utc(y, 1, 1), `${y}`);
  return out;
}

/** The last word of a name: what a headline calls a person. */
export function surname(name) {
  const w = String(name || '').trim().split(/\s+/);
  return w[w.length - 1] || '';
}

const HOW = { dismissed: 'dismissed', resigned: 'resigned', suspended: 'suspended', other: 'left' };

/** What happened, in a few words ("Okafor resigned"), for a dated event claim; null for other kinds. */
export function eventWords(c) {
  if (c.kind === 'dismissal') return `${surname(c.person)} ${HOW[c.how] || 'left'}${c.role ? ` as ${c.role}` : ''}`;
  if (c.kind === 'attendance') return `${surname(c.person)}${c.planned ? ' plans' : ''}: ${c.event}${c.place && !String(c.event).includes(c.place) ? `, ${c.place}` : ''}`;
  return null;
}

/** Whether date claim `c` dates event claim `o`: same sentence, same days. */
function dateOfEvent(c, o) {
  return o !== c && o.sentence === c.sentence && !!eventWords(o) && !!o.when && !!c.when && o.when.start === c.when.start && o.when.end === c.when.end;
}

/**
 * What a timeline marker says: for an event, what happened; for a date,
 * the event of its sentence at that date if there is one, else the words
 * before the date in its sentence ("led the authority since 2019").
 * `sentenceOf(claim)` gives the claim's sentence text (or '').
 */
export function markerLabel(item, claims, sentenceOf) {
  const c = item.claim;
  const own = eventWords(c);
  if (own) return own;
  const event = claims.find((o) => dateOfEvent(c, o));
  if (event) return eventWords(event);
  const sentence = String(sentenceOf(c) || '');
  const at = sentence.indexOf(c.text);
  const lead = (at > 0 ? sentence.slice(0, at) : '').trim().split(/\s+/).filter(Boolean).slice(-4).join(' ');
  return lead ? `…${lead} ${c.text}` : c.text;
}

/**
 * Items for the axis: a date claim whose sentence holds an event claim of
 * the same days is left out, since the event's marker says the same and more.
 */
export function axisItems(items) {
  return items.filter(({ claim: c }) => c.kind !== 'date' || !items.some(({ claim: o }) => dateOfEvent(c, o)));
}

/** A claim's range in words, as the core worded it ("week 12 of 2026"). */
export function formatRange(r) {
  return r.wording;
}
