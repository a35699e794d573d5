//! Conflicts list: the contradictions the rules find across the archive,
//! each with its rule, people, claims and the reason in plain words; a
//! conflict can be dismissed with a note (kept; `?all=1` shows them).

import { h, replace } from '../dom.js';
import { conflictPeople, ruleLabel } from '../archive.js';
import { reviewerName } from '../reviewer.js';

export async function mount(root, ctx, route) {
  const all = route.params.all === '1';
  const list = await ctx.backend.listConflicts({ dismissed: all });

  const row = (c) => {
    const note = h('input', { type: 'text', placeholder: 'Why dismiss it?', 'aria-label': 'Note' });
    const dismiss = h('button', {
      type: 'button',
      text: 'Dismiss',
      on: {
        click: async () => {
          try {
            await ctx.backend.dismissConflict(c.id, note.value, reviewerName());
            ctx.toast('Conflict dismissed; the note is kept.');
            ctx.refresh();
          } catch (e) {
            ctx.fail(e);
          }
        },
      },
    });
    return h('li', { class: 'conflict', data: { conflict: c.id } },
      h('div', {},
        h('strong', { text: ruleLabel(c.rule) }),
        ' — ',
        conflictPeople(c).map((p, i) => [i ? ' / ' : '', h('button', {
          type: 'button',
          class: 'link',
          text: p,
          on: { click: () => ctx.go('person', null, { name: p }) },
        })])),
      h('p', { text: c.reason }),
      h('small', { class: 'muted', text: `claims ${c.claim_ids.join(', ')} · ${c.id}` }),
      c.dismissed
        ? h('p', { class: 'muted', text: `Dismissed by ${c.dismissed.by} (${c.dismissed.at}): ${c.dismissed.note}` })
        : h('div', { class: 'row' }, note, dismiss));
  };

  replace(root,
    h('section', { class: 'conflicts-view' },
      h('div', { class: 'view-head' },
        h('h1', { text: 'Conflicts across the archive' }),
        h('div', { class: 'grow' }),
        h('button', {
          type: 'button',
          class: 'link',
          text: all ? 'Hide dismissed' : 'Show dismissed',
          on: { click: () => ctx.go('conflicts', null, all ? {} : { all: '1' }) },
        })),
      list.length
        ? h('ol', { class: 'conflict-list', id: 'conflict-list' }, list.map(row))
        : h('div', { class: 'empty' }, h('h2', { text: 'No conflicts' }), h('p', { text: 'No two claims in the archive disagree under the rules.' }))));
  root.focus();
  return {};
}
