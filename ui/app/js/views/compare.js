//! Compare view: two revisions side by side or inline, word-level changes,
//! changed claims with their verdicts, and jumping between changes.

import { h, replace } from '../dom.js';
import { numberChanges, sides, sortPairs, verdictNote } from '../changes.js';
import { summary, STATUS_LABEL } from '../claims.js';

function runs(list, current) {
  return list.map((r) => {
    if (r.op === 'equal') return r.text;
    const tag = r.op === 'insert' ? 'ins' : 'del';
    return h(tag, { class: ['change', r.change === current ? 'current' : null], data: { change: r.change }, text: r.text });
  });
}

function claimLine(c) {
  return h('div', { class: 'pair-claim' },
    h('span', { class: ['kind-badge', `k-${c.kind}`], text: c.kind }),
    h('span', { text: summary(c) }),
    h('span', { class: ['status-badge', `s-${c.status}`], text: STATUS_LABEL[c.status] || c.status }));
}

function pairItem(p, ctx, articleId, newRev) {
  const c = p.new || p.old;
  const note = verdictNote(p);
  return h('li', {
    class: ['pair', `change-${p.change}`],
    data: { change: p.change },
    on: { click: () => p.new && ctx.go('claim', p.new.id, { article: articleId, rev: newRev }) },
  },
  h('div', { class: 'pair-head' }, h('span', { class: ['change-badge', `change-${p.change}`], text: p.change }), claimLine(c)),
  p.fields.length
    ? h('table', { class: 'field-changes' }, p.fields.map((f) =>
        h('tr', {}, h('th', { text: f.field }), h('td', {}, h('del', { text: f.old ?? '—' })), h('td', {}, h('ins', { text: f.new ?? '—' })))))
    : null,
  note ? h('p', { class: ['verdict-note', p.new && p.new.status === 'needs_recheck' ? 'flag' : null], text: note }) : null);
}

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, null);
  const revs = view.revisions;
  if (revs.length < 2) {
    replace(root, h('div', { class: 'empty' },
      h('h2', { text: 'Only one revision' }),
      h('p', { text: `“${view.title}” has a single revision. Load a newer version of it (same title) to compare.` }),
      h('button', { type: 'button', text: 'Back to the article', on: { click: () => ctx.go('article', view.id) } })));
    return {};
  }
  const mem = (ctx.memory.compare ||= { mode: 'side' });
  const newId = Number(route.params.new) || revs[revs.length - 1].id;
  const newIdx = revs.findIndex((r) => r.id === newId);
  const oldId = Number(route.params.old) || revs[Math.max(0, newIdx - 1)].id;
  const cmp = await ctx.backend.compareRevisions(view.id, oldId, newId);
  const { runs: numbered, count } = numberChanges(cmp.words);
  let current = count ? 0 : null;

  const pick = (name, value) =>
    h('select', { 'aria-label': name, on: { change: (e) => ctx.go('compare', view.id, { old: name === 'Old revision' ? e.target.value : oldId, new: name === 'New revision' ? e.target.value : newId }, true) } },
      revs.map((r) => h('option', { value: String(r.id), selected: r.id === value, text: `Revision ${r.number}` })));
  const position = h('span', { class: 'muted', id: 'change-position' });
  const modeBtn = h('button', { type: 'button', title: 'Side by side or inline (m)' });
  const body = h('div', { class: 'diff' });
  const pairs = sortPairs(cmp.claims);
  const changed = pairs.filter((p) => p.change !== 'unchanged');
  const kept = pairs.length - changed.length;

  function draw() {
    modeBtn.textContent = mem.mode === 'side' ? 'Inline' : 'Side by side';
    if (mem.mode === 'side') {
      const { left, right } = sides(numbered);
      replace(body,
        h('div', { class: 'diff-side' },
          h('div', { class: 'pane' }, h('h3', { text: `Revision ${cmp.old.number}` }), h('div', { class: 'diff-text' }, runs(left, current))),
          h('div', { class: 'pane' }, h('h3', { text: `Revision ${cmp.new.number}` }), h('div', { class: 'diff-text' }, runs(right, current)))));
    } else {
      replace(body, h('div', { class: 'pane' }, h('div', { class: 'diff-text' }, runs(numbered, current))));
    }
    position.textContent = count ? `Change ${current + 1} of ${count}` : 'The texts are the same';
  }

  function jump(delta) {
    if (!count) return;
    current = Math.max(0, Math.min(count - 1, current + delta));
    for (const el of body.querySelectorAll('.change')) el.classList.toggle('current', Number(el.dataset.change) === current);
    position.textContent = `Change ${current + 1} of ${count}`;
    const el = body.querySelector(`.change[data-change="${current}"]`);
    if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  modeBtn.addEventListener('click', () => {
    mem.mode = mem.mode === 'side' ? 'inline' : 'side';
    draw();
  });

  replace(root,
    h('section', { class: 'compare-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id) } }),
        h('div', { class: 'grow' }),
        pick('Old revision', oldId), h('span', { class: 'muted', text: '→' }), pick('New revision', newId),
        modeBtn,
        h('button', { type: 'button', text: '↑ Previous', title: 'Previous change (k)', on: { click: () => jump(-1) } }),
        h('button', { type: 'button', text: '↓ Next', title: 'Next change (j)', on: { click: () => jump(1) } }),
        position),
      h('div', { class: 'split' },
        body,
        h('aside', { class: 'pane claims-pane', 'aria-label': 'Changed claims' },
          h('div', { class: 'pane-head' }, h('h2', { text: 'Claims' }), h('span', { class: 'muted', text: `${changed.length} changed · ${kept} unchanged` })),
          h('ol', { class: 'pairs', id: 'claim-pairs' }, pairs.map((p) => pairItem(p, ctx, view.id, cmp.new.id)))))));
  draw();
  root.focus();

  return {
    onAction(action) {
      if (action === 'next' || action === 'prev') {
        jump(action === 'next' ? 1 : -1);
        return true;
      }
      if (action === 'mode') {
        modeBtn.click();
        return true;
      }
      return false;
    },
  };
}
