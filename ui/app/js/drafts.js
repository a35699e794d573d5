//! Drafts of a claim's note and sources, kept as the checker types so that
//! nothing typed is lost: not by leaving the claim, pressing Esc, changing
//! view or closing the app. A draft lives in the page's local storage,
//! per database and claim, until the verdict that carries it is saved.
//! Pure functions over a `Storage`-like object (getItem, setItem,
//! removeItem), so they are tested without a browser.

const PREFIX = 'claimdesk.draft';

/** The page's local storage, or a stand-in that keeps nothing when the webview refuses it. */
export function localStore() {
  try {
    if (globalThis.localStorage) return globalThis.localStorage;
  } catch {
    // Storage refused by the webview: fall through.
  }
  return { getItem: () => null, setItem: () => {}, removeItem: () => {} };
}

/** The storage key of claim `claimId`'s draft in database `database`. */
export function draftKey(database, claimId) {
  return `${PREFIX}:${database || ''}:${claimId}`;
}

/** The draft kept for a claim, or null: `{ note, sources, at }`. */
export function loadDraft(storage, database, claimId) {
  try {
    const raw = storage.getItem(draftKey(database, claimId));
    if (!raw) return null;
    const d = JSON.parse(raw);
    if (typeof d.note !== 'string' || typeof d.sources !== 'string') return null;
    return d;
  } catch {
    return null;
  }
}

/**
 * Keeps what is typed for a claim. A draft equal to what is saved is no
 * draft: it is removed. Returns whether a draft is now kept.
 */
export function keepDraft(storage, database, claimId, typed, saved, now = new Date()) {
  const key = draftKey(database, claimId);
  if (!isDirty(typed, saved)) {
    storage.removeItem(key);
    return false;
  }
  try {
    storage.setItem(key, JSON.stringify({ note: typed.note, sources: typed.sources, at: now.toISOString() }));
    return true;
  } catch {
    // A full storage keeps the text in the page at least; the caller says so.
    return false;
  }
}

/** Forgets a claim's draft (its verdict was saved). */
export function dropDraft(storage, database, claimId) {
  storage.removeItem(draftKey(database, claimId));
}

/** Whether what is typed differs from what is saved (`{ note, sources }`, sources one per line). */
export function isDirty(typed, saved) {
  const norm = (s) => String(s || '').replace(/\r\n/g, '\n').trim();
  const lines = (s) => norm(s).split('\n').map((l) => l.trim()).filter(Boolean).join('\n');
  return norm(typed.note) !== norm(saved.note) || lines(typed.sources) !== lines(saved.sources);
}

/** Whether a key event saves (Ctrl+Enter, or Cmd+Enter on a Mac). */
export function isSaveKey(ev) {
  return ev.key === 'Enter' && Boolean(ev.ctrlKey || ev.metaKey) && !ev.altKey;
}
