//! Timeline view: the dated claims of an article on a time axis, with a
//! chronological list below. Markers say what happened ("Okafor resigned"),
//! not only when. The axis opens on the article's own period (the dates
//! near its publication) when far dates would squeeze it; one button shows
//! every date. Layout and wording come from the pure `timeline.js`.

import { h, replace } from '../dom.js';
import { layout, formatRange, articlePeriod, axisItems, markerLabel } from '../timeline.js';
import { summary, STATUS_LABEL } from '../claims.js';
import { byteToIndex } from '../text.js';

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, route.params.rev ? Number(route.params.rev) : null);
  const mem = (ctx.memory[`timeline:${view.id}`] ||= { zoom: 'article' });
  const at = byteToIndex(view.text);
  const sentenceOf = (c) => {
    const s = view.sentences[c.sentence];
    return s ? view.text.slice(at(s.start), at(s.end)) : '';
  };
  const all = layout(view.claims);
  const period = articlePeriod(all.items, view.revision.published);
  let selected = 0;
  const open = (c) => ctx.go('claim', c.id, { article: view.id, rev: view.revision.number });

  const axisPane = h('div', { class: 'pane axis-pane' });
  const zoomNote = h('span', { class: 'muted', id: 'timeline-outside' });
  const zoomBtns = period
    ? [
        ['article', 'Around publication'],
        ['all', 'All dates'],
      ].map(([z, label]) => h('button', {
        type: 'button',
        class: ['chip', 'mode-btn'],
        data: { zoom: z },
        'aria-pressed': String(mem.zoom === z),
        text: label,
        on: { click: () => { mem.zoom = z; drawAxis(); } },
      }))
    : [];

  function drawAxis() {
    const windowed = period && mem.zoom === 'article' ? period : null;
    const { items, ticks, before, after } = layout(view.claims, windowed);
    for (const b of zoomBtns) b.setAttribute('aria-pressed', String(b.dataset.zoom === mem.zoom));
    zoomNote.textContent = windowed && before + after
      ? `${[before ? `${before} earlier` : '', after ? `${after} later` : ''].filter(Boolean).join(', ')} off this view`
      : '';
    const axis = h('div', { class: 'axis', id: 'timeline-axis' });
    for (const t of ticks) {
      const el = h('div', { class: 'tick' }, h('span', { text: t.label }));
      el.style.left = `${(t.at * 100).toFixed(3)}%`;
      axis.append(el);
    }
    // Stack markers that would overlap into lanes.
    const laneEnds = [];
    const index = new Map(all.items.map((it, i) => [it.claim.id, i]));
    for (const it of axisItems(items)) {
      if (it.left === null) continue;
      const i = index.get(it.claim.id);
      const label = `${formatRange(it.range)} · ${markerLabel(it, view.claims, sentenceOf)}`;
      const room = Math.min(0.4, Math.max(0.14, label.length * 0.0065));
      const right = it.left > 1 - room;
      const from = right ? it.left + it.width - room : it.left;
      let lane = laneEnds.findIndex((end) => end < from - 0.002);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = from + Math.max(it.width, room);
      const el = h('button', {
        type: 'button',
        class: ['marker', `k-${it.claim.kind}`, `s-${it.claim.status}`],
        data: { index: i },
        title: `${formatRange(it.range)} — ${summary(it.claim)}`,
        on: { click: () => select(i), dblclick: () => open(it.claim) },
      }, h('span', { text: label }));
      if (right) {
        // Near the right end: hang the label leftwards from the range's end.
        el.style.left = `${((it.left + it.width) * 100).toFixed(3)}%`;
        el.style.transform = 'translateX(-100%)';
      } else {
        el.style.left = `${(it.left * 100).toFixed(3)}%`;
      }
      el.style.minWidth = `${Math.max(it.width * 100, 0.6).toFixed(3)}%`;
      el.style.top = `${2.2 + lane * 2}rem`;
      axis.append(el);
    }
    axis.style.height = `${4 + Math.max(1, laneEnds.length) * 2}rem`;
    replace(axisPane, axis);
    select(selected, false);
  }

  const list = h('ol', { class: 'timeline-list' },
    all.items.map((it, i) => h('li', { data: { index: i }, on: { click: () => select(i), dblclick: () => open(it.claim) } },
      h('span', { class: 'when', text: formatRange(it.range) }),
      h('span', { class: ['kind-badge', `k-${it.claim.kind}`], text: it.claim.kind }),
      h('span', { class: 'what' }, h('strong', { text: markerLabel(it, view.claims, sentenceOf) }), h('small', { class: 'muted', text: summary(it.claim) })),
      h('span', { class: ['status-badge', `s-${it.claim.status}`], text: STATUS_LABEL[it.claim.status] }))));

  function select(i, scroll = true) {
    selected = i;
    for (const el of root.querySelectorAll('[data-index]')) el.classList.toggle('selected', Number(el.dataset.index) === i);
    const li = list.querySelector(`[data-index="${i}"]`);
    if (li && scroll) li.scrollIntoView({ block: 'nearest' });
  }

  const undated = view.claims.length - all.items.length;
  replace(root,
    h('section', { class: 'timeline-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id) } }),
        h('div', { class: 'grow' }),
        zoomNote,
        zoomBtns.length ? h('div', { class: 'chips', role: 'group', 'aria-label': 'Zoom' }, zoomBtns) : null,
        h('span', { class: 'muted', text: `${all.items.length} dated claim${all.items.length === 1 ? '' : 's'}${undated ? ` · ${undated} without a calendar date` : ''}` })),
      all.items.length
        ? [axisPane, list]
        : h('div', { class: 'empty' }, h('h2', { text: 'No dated claims' }), h('p', { text: 'None of the claims in this revision has a calendar date to place on a timeline.' }))));
  if (all.items.length) drawAxis();
  if (all.items.length) select(0);
  root.focus();

  return {
    onAction(action) {
      if (!all.items.length) return false;
      if (action === 'next' || action === 'prev') {
        select(Math.max(0, Math.min(all.items.length - 1, selected + (action === 'next' ? 1 : -1))));
        return true;
      }
      if (action === 'open') {
        open(all.items[selected].claim);
        return true;
      }
      return false;
    },
  };
}
