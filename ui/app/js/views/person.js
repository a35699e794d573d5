//! Person page: everything the archive says about one person — roles,
//! departures, attendances and quotes — on one timeline in date order, each
//! with its article and current verdict, and the conflicts about them.

import { dayWords } from '../published.js';
import { h, replace } from '../dom.js';
import { STATUS_LABEL } from '../claims.js';
import { personTimeline, ruleLabel } from '../archive.js';

export async function mount(root, ctx, route) {
  const page = await ctx.backend.personPage(route.params.name);
  const conflicts = await ctx.backend.listConflicts({ person: page.id }).catch(() => []);
  const entries = personTimeline(page);
  const openClaim = (item) => ctx.go('claim', item.claim_id, { article: item.article_id });

  const list = h('ol', { class: 'timeline-list person-timeline', id: 'person-timeline' },
    entries.map((e) => h('li', { data: { claim: e.item.claim_id } },
      h('span', { class: 'when', text: e.words || e.when || 'undated', title: e.item.date ? `TimeML value: ${e.item.date}` : '' }),
      h('span', { class: ['kind-badge', `k-${e.item.kind}`], text: e.section }),
      h('span', { class: 'what' },
        h('strong', { text: e.label }),
        h('button', {
          type: 'button',
          class: 'link',
          text: `${e.item.article_title}${e.item.published ? ` (${dayWords(e.item.published)})` : ''}`,
          on: { click: () => ctx.go('article', e.item.article_id) },
        })),
      h('button', {
        type: 'button',
        class: ['status-badge', `s-${e.item.verdict}`],
        title: 'Open the claim',
        text: STATUS_LABEL[e.item.verdict] || e.item.verdict,
        on: { click: () => openClaim(e.item) },
      }))));

  const others = page.names.filter((n) => n !== page.name);
  replace(root,
    h('section', { class: 'person-view' },
      h('div', { class: 'view-head' },
        h('h1', { text: page.name }),
        h('div', { class: 'grow' }),
        h('span', { class: 'muted', text: `${page.claims} claim${page.claims === 1 ? '' : 's'} in ${page.articles} article${page.articles === 1 ? '' : 's'}` })),
      others.length ? h('p', { class: 'muted', text: `Also written: ${others.join(', ')}` }) : null,
      conflicts.length
        ? h('div', { class: 'pane', id: 'person-conflicts' },
          h('h2', { text: `Conflicts (${conflicts.length})` }),
          h('ul', {}, conflicts.map((c) => h('li', {},
            h('strong', { text: ruleLabel(c.rule) }), ' — ', c.reason))))
        : null,
      entries.length ? list : h('div', { class: 'empty' }, h('p', { text: 'No roles, departures, attendances or quotes.' }))));
  root.focus();
  return {};
}
