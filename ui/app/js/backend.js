//! The single module that talks to the Rust side. Every call goes through
//! Tauri's IPC `invoke`; failures come back as `{code, message}` and are
//! normalized by `toError` so views can show them as they are.

function tauri() {
  const t = globalThis.window && window.__TAURI__;
  if (!t || !t.core) {
    throw toError({ code: 'internal', message: 'Claimdesk must run inside its desktop shell (the Tauri bridge is missing).' });
  }
  return t;
}

/** Any thrown value as `{code, message}`. */
export function toError(e) {
  if (e && typeof e === 'object' && typeof e.code === 'string' && typeof e.message === 'string') {
    return { code: e.code, message: e.message };
  }
  if (typeof e === 'string') return { code: 'internal', message: e };
  if (e && typeof e.message === 'string') return { code: 'internal', message: e.message };
  return { code: 'internal', message: 'Something went wrong, and no reason was given.' };
}

async function call(cmd, args) {
  try {
    return await tauri().core.invoke(cmd, args);
  } catch (e) {
    throw toError(e);
  }
}

export const info = () => call('app_info');
export const uiReady = (marks) => call('ui_ready', { marks });
export const listArticles = (query, limit, verdict) => call('list_articles', { query: query || null, verdict: verdict || null, limit: limit ?? null });
export const addText = ({ title, text, published, article }) =>
  call('add_text', { title: title || null, text, published: published || null, article: article ?? null });
export const addSample = () => call('add_sample');
/** Reads files: bulk files are stored; others come back `staged`, waiting for `confirmImport`. */
export const importFiles = (paths) => call('import_files', { paths });
/** Fetches a page; it comes back staged, waiting for `confirmImport`. */
export const importUrl = (url) => call('import_url', { url });
/** Stores staged articles with the dates the checker confirmed: `items` = [{id, published}]. */
export const confirmImport = (items, article) => call('confirm_import', { items, article: article ?? null });
export const discardImport = (ids) => call('discard_import', { ids });
/** Writes the corrected claims as gold for the evaluation scripts: NAME.gold.json at `path`, NAME.txt beside it. */
export const exportGold = (article, path) => call('export_gold', { article, path });
/** The team desk: its state (no network), a sync now, joining and leaving. */
export const teamStatus = () => call('team_status');
export const syncNow = () => call('sync_now');
export const joinTeam = (url, password) => call('join_team', { url, password: password || null });
export const leaveTeam = () => call('leave_team');
/** Calls `fn(view)` after every sync (the shell's `team-sync` events). */
export function onTeamSync(fn) {
  return tauri().event.listen('team-sync', (e) => fn(e.payload));
}
/** Opens a source's http(s) address in the system browser. */
export const openSource = (url) => call('open_source', { url });
export const detectPublished = (text) => call('detect_published', { text });
export const openArticle = (article, revision) => call('open_article', { article, revision: revision ?? null });
export const reviewClaim = (claim, status, note, sources, reviewer) =>
  call('review_claim', { claim, status, note: note ?? null, sources: sources ?? null, reviewer: reviewer || null });
export const claimHistory = (claim) => call('claim_history', { claim });
export const claimFields = () => call('claim_fields');
export const addClaim = (article, kind, start, end, fields, by) => call('add_claim', { article, kind, start, end, fields, by: by || null });
export const editClaim = (claim, start, end, fields, by) =>
  call('edit_claim', { claim, start: start ?? null, end: end ?? null, fields, by: by || null });
export const dismissClaim = (claim, reason, by) => call('dismiss_claim', { claim, reason: reason || null, by: by || null });
export const restoreClaim = (claim, by) => call('restore_claim', { claim, by: by || null });
export const claimCorrections = (claim) => call('claim_corrections', { claim });
export const setPublished = (article, published) => call('set_published', { article, published: published || null });
export const compareRevisions = (article, old, newer) => call('compare_revisions', { article, old, new: newer });
export const previewReport = (article, format, publishing) => call('preview_report', { article, format, publishing: publishing ?? null });
export const exportReport = (article, format, path, publishing) => call('export_report', { article, format, path, publishing: publishing ?? null });
export const listPeople = (query) => call('list_people', { query: query || null });
export const personPage = (person) => call('person_page', { person });
export const claimMatches = (claim) => call('claim_matches', { claim });
export const copyVerdict = (claim, from, reviewer) => call('copy_verdict', { claim, from, reviewer: reviewer || null });
export const listConflicts = ({ person, article, dismissed } = {}) =>
  call('list_conflicts', { person: person || null, article: article ?? null, dismissed: dismissed ?? null });
export const dismissConflict = (conflict, note, reviewer) =>
  call('dismiss_conflict', { conflict, note, reviewer: reviewer || null });

/**
 * The native open dialog, shown by the shell (which keeps the database
 * closed meanwhile); resolves to a list of paths (empty if cancelled).
 * Only paths chosen here or dropped on the window can be imported.
 */
export const pickFiles = () => call('pick_files');

/** The native save dialog; resolves to a path or null if cancelled. Only a path chosen here can be exported to. */
export const pickSavePath = (name, extension) => call('pick_save_path', { name, extension });

/** Calls `fn(progress)` for every progress event; resolves to an unlisten function. */
export function onProgress(fn) {
  return tauri().event.listen('progress', (e) => fn(e.payload));
}

/** Calls `fn(paths)` when files are dropped on the window, `fn(null, over)` while dragging. */
export async function onDrop(fn) {
  const ev = tauri().event;
  const offs = await Promise.all([
    ev.listen('tauri://drag-drop', (e) => fn((e.payload && e.payload.paths) || [], false)),
    ev.listen('tauri://drag-enter', () => fn(null, true)),
    ev.listen('tauri://drag-leave', () => fn(null, false)),
  ]);
  return () => offs.forEach((off) => off());
}
