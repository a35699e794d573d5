//! Pure helpers for the compare view: which rows are stops for "next
//! change", what each side of a row shows, and claim pairs ordered so the
//! ones needing attention come first.

/** Indices of the rows that changed in any way (the "next change" stops). */
export function changeStops(rows) {
  const out = [];
  rows.forEach((r, i) => {
    if (r.status !== 'unchanged') out.push(i);
  });
  return out;
}

/**
 * The runs each side of a row shows: old text (equal + deleted words), new
 * text (equal + inserted). Rows without a word diff show their whole text,
 * marked deleted or inserted when it exists on one side only.
 */
export function rowSides(row) {
  if (row.words && row.words.length) {
    return {
      left: row.words.filter((w) => w.op !== 'insert'),
      right: row.words.filter((w) => w.op !== 'delete'),
    };
  }
  const side = (text, op) => (text ? [{ op, text }] : []);
  if (row.status === 'added') return { left: [], right: side(row.new, 'insert') };
  if (row.status === 'removed') return { left: side(row.old, 'delete'), right: [] };
  return { left: side(row.old, 'equal'), right: side(row.new, 'equal') };
}

/** The runs of a row in one column: the word diff, or the whole text. */
export function rowInline(row) {
  if (row.words && row.words.length) return row.words;
  const { left, right } = rowSides(row);
  return row.status === 'removed' ? left : right.length ? right : left;
}

const ORDER = { changed: 0, removed: 1, added: 2, unchanged: 3 };

/** Claim pairs, changed first, then removed, added, unchanged. */
export function sortPairs(pairs) {
  return [...pairs].sort((a, b) => (ORDER[a.change] ?? 9) - (ORDER[b.change] ?? 9));
}

const words = (s) => s.replace('_', ' ');

/** What happened to the verdict of a claim pair, in words, or null. */
export function verdictNote(pair) {
  const before = pair.old && pair.old.status;
  const after = pair.new && pair.new.status;
  if (!before || before === 'unreviewed') return null;
  if (!pair.new) return `was ${words(before)}; the claim is gone`;
  if (after === before) return `${words(after)} — verdict kept`;
  return `was ${words(before)}, now ${words(after)}`;
}
