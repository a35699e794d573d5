//! Timeline view: the dated claims of an article on a time axis, with a
//! chronological list below. Layout comes from the pure `timeline.js`.

import { h, replace } from '../dom.js';
import { layout, formatRange } from '../timeline.js';
import { summary, STATUS_LABEL } from '../claims.js';

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, route.params.rev ? Number(route.params.rev) : null);
  const { items, ticks } = layout(view.claims);
  let selected = 0;
  const open = (c) => ctx.go('claim', c.id, { article: view.id, rev: view.revision.number });

  const axis = h('div', { class: 'axis', id: 'timeline-axis' });
  for (const t of ticks) {
    const el = h('div', { class: 'tick' }, h('span', { text: t.label }));
    el.style.left = `${(t.at * 100).toFixed(3)}%`;
    axis.append(el);
  }
  // Stack markers that would overlap into lanes.
  const laneEnds = [];
  items.forEach((it, i) => {
    // Lanes by the span a marker takes, as fractions of the axis.
    const from = it.left > 0.8 ? it.left + it.width - 0.12 : it.left;
    let lane = laneEnds.findIndex((end) => end < from - 0.002);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = from + Math.max(it.width, 0.12);
    const el = h('button', {
      type: 'button',
      class: ['marker', `k-${it.claim.kind}`, `s-${it.claim.status}`],
      data: { index: i },
      title: `${formatRange(it.range)} — ${summary(it.claim)}`,
      on: { click: () => select(i) , dblclick: () => open(it.claim) },
    }, h('span', { text: formatRange(it.range) }));
    if (it.left > 0.8) {
      // Near the right end: hang the label leftwards from the range's end.
      el.style.left = `${((it.left + it.width) * 100).toFixed(3)}%`;
      el.style.transform = 'translateX(-100%)';
    } else {
      el.style.left = `${(it.left * 100).toFixed(3)}%`;
    }
    el.style.minWidth = `${Math.max(it.width * 100, 0.6).toFixed(3)}%`;
    el.style.top = `${2.2 + lane * 2}rem`;
    axis.append(el);
  });
  axis.style.height = `${4 + Math.max(1, laneEnds.length) * 2}rem`;

  const list = h('ol', { class: 'timeline-list' },
    items.map((it, i) => h('li', { data: { index: i }, on: { click: () => select(i), dblclick: () => open(it.claim) } },
      h('span', { class: 'when', text: formatRange(it.range) }),
      h('span', { class: ['kind-badge', `k-${it.claim.kind}`], text: it.claim.kind }),
      h('span', { class: 'what' }, h('strong', { text: it.claim.text }), h('small', { class: 'muted', text: summary(it.claim) })),
      h('span', { class: ['status-badge', `s-${it.claim.status}`], text: STATUS_LABEL[it.claim.status] }))));

  function select(i) {
    selected = i;
    for (const el of root.querySelectorAll('[data-index]')) el.classList.toggle('selected', Number(el.dataset.index) === i);
    const li = list.querySelector(`[data-index="${i}"]`);
    if (li) li.scrollIntoView({ block: 'nearest' });
  }

  const undated = view.claims.length - items.length;
  replace(root,
    h('section', { class: 'timeline-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id) } }),
        h('div', { class: 'grow' }),
        h('span', { class: 'muted', text: `${items.length} dated claim${items.length === 1 ? '' : 's'}${undated ? ` · ${undated} without a calendar date` : ''}` })),
      items.length
        ? [h('div', { class: 'pane axis-pane' }, axis), list]
        : h('div', { class: 'empty' }, h('h2', { text: 'No dated claims' }), h('p', { text: 'None of the claims in this revision has a calendar date to place on a timeline.' }))));
  if (items.length) select(0);
  root.focus();

  return {
    onAction(action) {
      if (!items.length) return false;
      if (action === 'next' || action === 'prev') {
        select(Math.max(0, Math.min(items.length - 1, selected + (action === 'next' ? 1 : -1))));
        return true;
      }
      if (action === 'open') {
        open(items[selected].claim);
        return true;
      }
      return false;
    },
  };
}
