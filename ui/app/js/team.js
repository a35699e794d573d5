//! The team desk's indicator in words: synced, offline with what waits,
//! conflicting verdicts. Pure, so `node --test` covers it.

const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

/**
 * The sync indicator for `view` (the shell's `TeamView`): `{state, text,
 * title}`. Conflicting verdicts come first, since someone must settle
 * them; then being offline; then what waits to be sent.
 */
export function syncLabel(view) {
  if (!view || !view.joined) return { state: 'none', text: 'Team…', title: 'Share this desk with a team (PostgreSQL)' };
  const n = (view.conflicts || []).length;
  if (n) return { state: 'conflict', text: `${plural(n, 'conflict', 'conflicts')}`, title: `${plural(n, 'claim has', 'claims have')} verdicts that do not know each other` };
  if (view.state === 'offline') {
    return { state: 'offline', text: view.pending ? `Offline · ${view.pending} pending` : 'Offline', title: view.last_error || 'The hub cannot be reached; work goes on here and is sent later' };
  }
  if (view.pending) return { state: 'pending', text: `${view.pending} to send`, title: 'Waiting for the next sync' };
  return { state: 'synced', text: 'Synced', title: view.last_sync ? `Last sync ${view.last_sync}` : 'Synced' };
}

/** Whether new work from the team should redraw the view now: not while the checker types. */
export function mayRefresh(view, typing) {
  return !!view && view.pulled > 0 && !typing;
}
