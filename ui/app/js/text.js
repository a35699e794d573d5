//! Pure text helpers for the article view: mapping the core's UTF-8 byte
//! offsets to JavaScript string indices, and cutting a text into segments
//! covered by the same set of claim spans (spans may nest or overlap).

/**
 * Returns a function mapping a UTF-8 byte offset of `text` to the UTF-16
 * index JavaScript strings use. Offsets inside a character snap to its start;
 * offsets past the end map to `text.length`.
 */
export function byteToIndex(text) {
  const bytes = [];
  const idx = [];
  let b = 0;
  let i = 0;
  for (const ch of text) {
    bytes.push(b);
    idx.push(i);
    const cp = ch.codePointAt(0);
    b += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  bytes.push(b);
  idx.push(i);
  return (offset) => {
    if (!(offset > 0)) return 0;
    if (offset >= b) return i;
    let lo = 0;
    let hi = bytes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bytes[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return idx[lo];
  };
}

/**
 * Cuts `text` into consecutive segments. `spans` are `{id, start, end}` in
 * string indices. Each segment is `{start, end, text, ids}` where `ids` lists
 * the spans covering it, shortest span first. Empty or inverted spans are
 * ignored; spans are clamped to the text.
 */
export function segments(text, spans) {
  const len = text.length;
  const clean = spans
    .map((s) => ({ id: s.id, start: Math.max(0, Math.min(len, s.start)), end: Math.max(0, Math.min(len, s.end)) }))
    .filter((s) => s.end > s.start);
  const cuts = new Set([0, len]);
  for (const s of clean) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const covering = clean
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => x.end - x.start - (y.end - y.start));
    out.push({ start: a, end: b, text: text.slice(a, b), ids: covering.map((s) => s.id) });
  }
  return out;
}

/** The spans of `claims` (core byte offsets) in string indices of `text`. */
export function claimSpans(text, claims) {
  const at = byteToIndex(text);
  return claims.map((c) => ({ id: c.id, start: at(c.start), end: at(c.end) }));
}

/**
 * Splits a search snippet whose matching words are marked `[like this]`
 * into `{text, hit}` parts, so the view can highlight hits without markup.
 * Unbalanced brackets are kept as text.
 */
export function snippetParts(snippet) {
  const out = [];
  const re = /\[([^\[\]]*)\]/g;
  let last = 0;
  let m;
  while ((m = re.exec(snippet)) !== null) {
    if (m.index > last) out.push({ text: snippet.slice(last, m.index), hit: false });
    if (m[1]) out.push({ text: m[1], hit: true });
    last = re.lastIndex;
  }
  if (last < snippet.length) out.push({ text: snippet.slice(last), hit: false });
  return out;
}
