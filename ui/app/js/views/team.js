//! The team panel: where this desk syncs and how it stands (the outbox,
//! the last sync, why it failed), the claims whose verdicts conflict, and
//! joining or leaving a team. Opened from the sync indicator.

import { h, replace } from '../dom.js';
import { syncLabel } from '../team.js';

/** Opens the panel on `view` (the shell's `TeamView`); `onChange(view)` hears every new state. */
export function openTeamPanel(ctx, view, onChange) {
  if (document.getElementById('team-dialog')) return;
  const body = h('div', { id: 'team-body' });
  const status = h('p', { class: 'dialog-status', role: 'status' });
  const failed = (e) => {
    status.textContent = ctx.backend.toError(e).message;
    status.classList.add('error');
  };
  const busy = (msg) => {
    status.classList.remove('error');
    status.textContent = msg;
  };

  function draw(v) {
    view = v;
    onChange(v);
    if (!v.joined) {
      const url = h('input', { id: 'team-url', type: 'url', placeholder: 'postgres://you@hub.example.org/claimdesk', autocomplete: 'off' });
      const pw = h('input', { id: 'team-password', type: 'password', placeholder: 'Password (kept in your keyring)', autocomplete: 'off' });
      const join = h('button', { id: 'team-join', type: 'button', class: 'primary', text: 'Join' });
      join.addEventListener('click', async () => {
        busy('Joining…');
        try {
          draw(await ctx.backend.joinTeam(url.value, pw.value));
          busy('Joined; what this desk holds is being shared.');
        } catch (e) {
          failed(e);
        }
      });
      replace(body,
        h('p', { text: 'This desk is on its own. Join your newsroom’s hub to share articles, claims, verdicts and corrections with the team; you keep working offline, and changes are sent when the hub is back.' }),
        h('label', { for: 'team-url', text: 'Hub address (from your admin)' }), url,
        h('label', { for: 'team-password', text: 'Password' }), pw,
        h('div', { class: 'row' }, join));
      return;
    }
    const label = syncLabel(v);
    const sync = h('button', { id: 'team-sync-now', type: 'button', class: 'primary', text: 'Sync now' });
    sync.addEventListener('click', async () => {
      busy('Syncing…');
      try {
        const next = await ctx.backend.syncNow();
        draw(next);
        busy(next.pulled ? `Received ${next.pulled} change${next.pulled === 1 ? '' : 's'}.` : 'Up to date.');
      } catch (e) {
        failed(e);
      }
    });
    const leave = h('button', { id: 'team-leave', type: 'button', text: 'Leave the team' });
    leave.addEventListener('click', async () => {
      try {
        draw(await ctx.backend.leaveTeam());
        busy('Left: this desk no longer syncs. Its work stays here.');
      } catch (e) {
        failed(e);
      }
    });
    replace(body,
      h('dl', { class: 'fields' },
        h('dt', { text: 'Hub' }), h('dd', { text: v.url }),
        h('dt', { text: 'You are' }), h('dd', { text: v.user }),
        h('dt', { text: 'State' }), h('dd', { text: label.text, title: label.title }),
        h('dt', { text: 'Last sync' }), h('dd', { text: v.last_sync || 'not yet' }),
        v.last_error ? [h('dt', { text: 'Problem' }), h('dd', { class: 'error-text', text: v.last_error })] : null),
      h('h3', { text: 'Conflicting verdicts' }),
      v.conflicts.length
        ? h('ul', { class: 'team-conflicts', id: 'team-conflicts' }, v.conflicts.map((c) => h('li', {},
            h('button', { type: 'button', class: 'link', text: c.text, on: { click: () => { dialog.close(); ctx.go('claim', c.claim_id, { article: c.article_id }); } } }),
            h('small', { class: 'muted', text: ` ${c.verdicts.join(' · ')}` }))))
        : h('p', { class: 'muted', text: 'None: every claim’s verdicts know each other.' }),
      h('div', { class: 'row' }, sync, leave));
  }

  const dialog = h('dialog', { id: 'team-dialog', class: 'team-dialog', 'aria-labelledby': 'team-heading' },
    h('h2', { id: 'team-heading', text: 'Team desk' }),
    body,
    status,
    h('form', { method: 'dialog', class: 'row end' }, h('button', { text: 'Close' })));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  draw(view);
  dialog.showModal();
  return { update: (v) => draw(v) };
}
