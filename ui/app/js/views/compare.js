//! Compare view: two revisions side by side (aligned statement by statement)
//! or inline, word-level changes, flagged statements with the reasons the
//! comparison engine gives, changed claims with their verdicts, and jumping
//! between changes.

import { h, replace } from '../dom.js';
import { changeStops, rowSides, rowInline, sortPairs, verdictNote } from '../changes.js';
import { summary, STATUS_LABEL } from '../claims.js';

const STATUS_WORDS = {
  unchanged: '',
  cosmetic: 'cosmetic',
  reworded: 'reworded',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
  moved: 'moved',
};

function runs(list) {
  return list.map((r) => {
    if (r.op === 'equal') return r.text;
    return h(r.op === 'insert' ? 'ins' : 'del', { text: r.text });
  });
}

function reasons(row) {
  // Claim reasons repeat what the claims panel shows in full.
  const list = (row.reasons || []).filter((r) => r.kind !== 'claim');
  if (!list.length) return null;
  // The core puts every reason in words (`antonym: convicted → acquitted`,
  // `hedge removed: according to police`); the kind and values follow.
  return h('ul', { class: 'reasons' }, list.map((r) =>
    r.text ? h('li', { text: r.text }) : h('li', {},
      h('span', { class: 'reason-kind', text: r.kind }),
      r.old && r.old.length ? h('del', { text: r.old.join(', ') }) : null,
      r.old && r.old.length && r.new && r.new.length ? ' → ' : null,
      r.new && r.new.length ? h('ins', { text: r.new.join(', ') }) : null)));
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
      h('p', { text: `“${view.title}” has a single revision. Load a newer version of it (New revision… in the article view) to compare.` }),
      h('button', { type: 'button', text: 'Back to the article', on: { click: () => ctx.go('article', view.id) } })));
    return {};
  }
  const mem = (ctx.memory.compare ||= { mode: 'side' });
  const newN = Number(route.params.new) || revs[revs.length - 1].number;
  const oldN = Number(route.params.old) || Math.max(1, newN - 1);
  const cmp = await ctx.backend.compareRevisions(view.id, oldN, newN);
  const stops = changeStops(cmp.rows);
  let current = -1;

  const pick = (which, value) =>
    h('select', {
      'aria-label': which === 'old' ? 'Old revision' : 'New revision',
      on: { change: (e) => ctx.go('compare', view.id, { old: which === 'old' ? e.target.value : oldN, new: which === 'new' ? e.target.value : newN }, true) },
    }, revs.map((r) => h('option', { value: String(r.number), selected: r.number === value, text: `Revision ${r.number}` })));
  const position = h('span', { class: 'muted', id: 'change-position' });
  const modeBtn = h('button', { type: 'button', id: 'mode-btn', title: 'Side by side or inline (m)' });
  const body = h('div', { class: 'diff', id: 'diff' });
  const pairs = sortPairs(cmp.claims);
  const changedClaims = pairs.filter((p) => p.change !== 'unchanged');
  const s = cmp.summary;
  const flaggedCount = cmp.rows.filter((r) => r.flagged).length;

  function rowEl(row, i) {
    const cls = ['row', `st-${row.status}`, row.flagged ? 'flagged' : null, i === stops[current] ? 'current' : null];
    const tag = STATUS_WORDS[row.status] ? h('span', { class: ['row-status', `st-${row.status}`], text: `${STATUS_WORDS[row.status]}${row.moved && row.status !== 'moved' ? ', moved' : ''}` }) : null;
    if (mem.mode === 'side') {
      const { left, right } = rowSides(row);
      return h('div', { class: cls, data: { row: i } },
        h('div', { class: 'cell old' }, runs(left)),
        h('div', { class: 'cell new' }, tag, runs(right), reasons(row)));
    }
    return h('div', { class: [...cls, 'inline'], data: { row: i } }, h('div', { class: 'cell' }, tag, runs(rowInline(row)), reasons(row)));
  }

  function draw() {
    modeBtn.textContent = mem.mode === 'side' ? 'Inline' : 'Side by side';
    replace(body,
      mem.mode === 'side'
        ? h('div', { class: 'row head' }, h('div', { class: 'cell', text: `Revision ${cmp.old.number}` }), h('div', { class: 'cell', text: `Revision ${cmp.new.number}` }))
        : null,
      cmp.rows.map(rowEl));
    showPosition();
  }

  function showPosition() {
    position.textContent = stops.length
      ? current < 0 ? `${stops.length} changes` : `Change ${current + 1} of ${stops.length}`
      : 'No changes';
  }

  function jump(delta) {
    if (!stops.length) return;
    current = current < 0 ? (delta > 0 ? 0 : stops.length - 1) : Math.max(0, Math.min(stops.length - 1, current + delta));
    for (const el of body.querySelectorAll('.row.current')) el.classList.remove('current');
    const el = body.querySelector(`[data-row="${stops[current]}"]`);
    if (el) {
      el.classList.add('current');
      el.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
    showPosition();
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
        pick('old', oldN), h('span', { class: 'muted', text: '→' }), pick('new', newN),
        modeBtn,
        h('button', { type: 'button', text: '↑ Previous', title: 'Previous change (k)', on: { click: () => jump(-1) } }),
        h('button', { type: 'button', id: 'next-change', text: '↓ Next', title: 'Next change (j)', on: { click: () => jump(1) } }),
        position),
      h('p', { class: 'muted meta', id: 'compare-summary', text: `${flaggedCount} flagged statement${flaggedCount === 1 ? '' : 's'} (${s.changed} changed, ${s.added} added, ${s.removed} removed) · ${s.reworded} reworded · ${s.cosmetic} cosmetic · ${s.moved} moved · claims: ${s.claims_changed} changed, ${s.claims_added} added, ${s.claims_removed} removed, ${s.claims_unchanged} unchanged` }),
      h('div', { class: 'split' },
        h('div', { class: 'pane diff-pane' }, body),
        h('aside', { class: 'pane claims-pane', 'aria-label': 'Changed claims' },
          h('div', { class: 'pane-head' }, h('h2', { text: 'Claims' }), h('span', { class: 'muted', text: `${changedClaims.length} changed · ${pairs.length - changedClaims.length} unchanged` })),
          h('ol', { class: 'pairs', id: 'claim-pairs' }, pairs.map((p) => pairItem(p, ctx, view.id, cmp.new.number)))))));
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
