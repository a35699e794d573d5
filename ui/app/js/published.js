//! Publication dates on import, in words: what the confirmation dialog and
//! the paste dialog say about a detected date and where it came from. Pure
//! functions, so `node --test` covers them.

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `YYYY-MM-DD` as a calendar day, or null when it is not one. */
export function parseDay(text) {
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text || '');
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCFullYear() !== y || day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d) return null;
  return day;
}

/** "2026-03-12" → "Thu 12 Mar 2026"; '' for an empty field; null when it is no date. */
export function dayWords(text) {
  if (!text || !text.trim()) return '';
  const day = parseDay(text);
  if (!day) return null;
  return `${WEEKDAYS[day.getUTCDay()]} ${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/**
 * What the dialog says beside one article's date field: the words of the
 * date typed, where the detected date came from, and whether to look
 * twice. `staged` is the shell's `Staged`; `typed` the field's text.
 */
export function dateNote(staged, typed) {
  const words = dayWords(typed);
  if (words === null) return { words: '', note: 'Type the date as YYYY-MM-DD, for example 2026-03-12.', guess: true, invalid: true };
  if (words === '') return { words: '', note: 'No publication date: dates such as “on Monday” stay unresolved.', guess: true, invalid: false };
  if (staged.published && typed.trim() === staged.published) {
    return { words, note: `Found ${staged.date_source_words}.`, guess: staged.guess, invalid: false };
  }
  if (!staged.published && typed.trim() === staged.suggested) {
    return { words, note: 'Not found in the article: today’s date, a guess. Type the real date if you know it.', guess: true, invalid: false };
  }
  return { words, note: 'As you typed it.', guess: false, invalid: false };
}

/** The paste dialog's hint for the text typed so far (`detected` is `detect_published`'s answer). */
export function pasteHint(detected) {
  if (!detected) return '';
  if (!detected.published) return 'No date found in the text: type it, or dates such as “on Monday” stay unresolved.';
  const words = dayWords(detected.published);
  const guess = detected.guess ? ' Check it.' : '';
  return `Found ${detected.date_source_words}: ${words}. Used unless you type another.${guess}`;
}
