//! Pure helpers for the compare view: splitting a word diff into the two
//! sides, numbering the changes so the view can jump between them, and
//! sorting claim pairs so the ones needing attention come first.

/**
 * Numbers the non-equal runs of a word diff: returns the runs with a
 * `change` index (an insert right after a delete shares the delete's index,
 * since together they are one replacement) and the number of changes.
 */
export function numberChanges(words) {
  let n = -1;
  let prev = 'equal';
  const runs = words.map((w) => {
    if (w.op === 'equal') {
      prev = 'equal';
      return { ...w, change: null };
    }
    if (!(w.op === 'insert' && prev === 'delete')) n += 1;
    prev = w.op;
    return { ...w, change: n };
  });
  return { runs, count: n + 1 };
}

/** The runs each side shows: old text (equal + deleted), new text (equal + inserted). */
export function sides(runs) {
  return {
    left: runs.filter((r) => r.op !== 'insert'),
    right: runs.filter((r) => r.op !== 'delete'),
  };
}

const ORDER = { changed: 0, removed: 1, added: 2, unchanged: 3 };

/** Claim pairs, changed first, then removed, added, unchanged. */
export function sortPairs(pairs) {
  return [...pairs].sort((a, b) => (ORDER[a.change] ?? 9) - (ORDER[b.change] ?? 9));
}

/** What happened to the verdict of a claim pair, in words, or null. */
export function verdictNote(pair) {
  const before = pair.old && pair.old.status;
  const after = pair.new && pair.new.status;
  if (!before || before === 'unreviewed') return null;
  if (!pair.new) return `was ${before.replace('_', ' ')}; the claim is gone`;
  if (after === before) return `${after.replace('_', ' ')} — verdict kept`;
  return `was ${before.replace('_', ' ')}, now ${after.replace('_', ' ')}`;
}
