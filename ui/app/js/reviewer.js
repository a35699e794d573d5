//! Who gives the verdicts: the name the checker types once in the app,
//! kept in the page's local storage and sent with every verdict (the shell
//! records the account name when there is none).

const KEY = 'claimdesk.reviewer';

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch {
    return null;
  }
}

/** The checker's name ('' when not given). */
export function reviewerName() {
  try {
    return (storage() && storage().getItem(KEY)) || '';
  } catch {
    return '';
  }
}

/** Keeps the checker's name; an empty one forgets it. */
export function setReviewerName(name) {
  const s = storage();
  if (!s) return;
  try {
    const n = String(name || '').trim();
    if (n) s.setItem(KEY, n);
    else s.removeItem(KEY);
  } catch {
    // Not kept: the account name is recorded instead.
  }
}
