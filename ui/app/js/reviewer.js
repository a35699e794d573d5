//! Who gives the verdicts: the name the checker types once in the app,
//! kept in the page's local storage and sent with every verdict (the shell
//! records the account name when there is none).

import { localStore } from './drafts.js';

const KEY = 'claimdesk.reviewer';

/** The checker's name ('' when not given). */
export function reviewerName() {
  try {
    return localStore().getItem(KEY) || '';
  } catch {
    return '';
  }
}

/** Keeps the checker's name; an empty one forgets it. */
export function setReviewerName(name) {
  try {
    const n = String(name || '').trim();
    if (n) localStore().setItem(KEY, n);
    else localStore().removeItem(KEY);
  } catch {
    // Not kept: the account name is recorded instead.
  }
}
