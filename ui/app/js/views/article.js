//! Article view: the text with claim spans highlighted by kind, and the
//! claims panel filtered by kind and status. Selecting a claim in the panel
//! scrolls to its span; clicking a span selects its claim in the panel.
//! Status keys review the selected claim without leaving the view.

import { reviewerName } from '../reviewer.js';
import { h, replace } from '../dom.js';
import { segments, claimSpans } from '../text.js';
import { shortTime } from './library.js';
import { KINDS, STATUSES, STATUS_LABEL, filterClaims, countBy, step, summary, isToCheck, timemlTip, verdictMark } from '../claims.js';
import { chooseClaim, closeChooser } from '../chooser.js';
import { personMentions } from '../archive.js';
import { markBadge, selectionIn, selectionSpan, addForm, FIELDS } from '../corrections.js';

/**
 * Builds the article text as text nodes and `<mark>`s (never HTML). Where
 * claims overlap, a click offers every claim there (`onPick(ids, 'choose',
 * mark)`); the mark that ends a claim carries its verdict (`data-verdict`).
 * The people the claims are about are links to their pages where the text
 * names them outside a claim (`onPick(name, 'person')`); inside a claim,
 * the claim's own person link leads there.
 */
export function renderText(text, claims, onPick) {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const spans = claimSpans(text, claims);
  const endOf = new Map(spans.map((s) => [s.id, s.end]));
  const people = personMentions(text, claims);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const segs = segments(text, [...spans, ...people]);
  const body = h('div', { class: 'article-text', id: 'article-text' });
  for (const s of segs) {
    const ids = s.ids.filter((id) => byId.has(id));
    const person = s.ids.map((id) => nameOf.get(id)).find(Boolean);
    if (ids.length === 0) {
      if (!person) {
        body.append(document.createTextNode(s.text));
        continue;
      }
      const link = h('span', { class: 'person-mention', role: 'link', tabIndex: 0, title: `Everything the archive says about ${person}`, data: { person }, text: s.text });
      link.addEventListener('click', () => onPick(person, 'person'));
      link.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') onPick(person, 'person');
      });
      body.append(link);
      continue;
    }
    const c = byId.get(ids[0]);
    const ends = ids.filter((id) => endOf.get(id) === s.end);
    const mark = h('mark', {
      class: ['claim', `k-${c.kind}`, `s-${c.status}`, ids.length > 1 ? 'multi' : null],
      data: { id: c.id, ids: ids.join(' '), ends: ends.join(' ') },
      title: ids.length > 1 ? `${ids.length} claims here: click to choose` : `${c.kind}: ${summary(c)}`,
      text: s.text,
    });
    setVerdict(mark, ends, byId);
    mark.addEventListener('click', () => (ids.length > 1 ? onPick(ids, 'choose', mark) : onPick(c.id, 'text')));
    body.append(mark);
  }
  return body;
}

function setVerdict(mark, ends, byId) {
  const v = verdictMark(ends.map((id) => byId.get(id)).filter(Boolean));
  if (v) {
    mark.dataset.verdict = v.status;
    mark.dataset.verdictSign = v.sign;
  } else {
    delete mark.dataset.verdict;
    delete mark.dataset.verdictSign;
  }
}

/** Puts each claim's verdict on the mark that ends it (a ✓, ✗ or ? after the text). */
export function markVerdicts(body, byId) {
  for (const m of body.querySelectorAll('mark[data-ends]')) {
    setVerdict(m, m.dataset.ends ? m.dataset.ends.split(' ').map(Number) : [], byId);
  }
}

/**
 * A claim in the article's list. `archive` (optional): `conflicts`, the
 * reasons of the archive's conflicts this claim is part of (marked), and
 * `person(name)`, which opens a person's page (the person is a link).
 */
export function claimItem(c, onPick, archive = {}) {
  const who = c.person || c.speaker;
  const reasons = (archive.conflicts && archive.conflicts.get(c.id)) || [];
  return h('li', {
    class: ['claim-item', `k-${c.kind}`, `s-${c.status}`, reasons.length ? 'in-conflict' : ''],
    data: { id: c.id },
    tabIndex: -1,
    on: { click: () => onPick(c.id, 'list'), dblclick: () => onPick(c.id, 'open') },
  },
  h('span', { class: ['kind-badge', `k-${c.kind}`], text: c.kind }),
  h('span', { class: 'claim-summary' }, h('span', { class: 'claim-text' }, markBadge(c), markBadge(c) ? ' ' : null, c.text), h('small', { class: 'muted', text: summary(c), title: timemlTip(c) })),
  // The person's page and the conflict mark share the status column, so
  // an item keeps its three columns and its height.
  h('span', { class: 'claim-end' },
    who && archive.person
      ? h('button', { type: 'button', class: 'link person-link', text: 'person', title: `Everything the archive says about ${who}`, 'aria-label': `Person page: ${who}`, on: { click: (ev) => { ev.stopPropagation(); archive.person(who); } } })
      : null,
    reasons.length ? h('span', { class: 'conflict-badge', title: reasons.join('\n'), text: `⚠ ${reasons.length}` }) : null,
    c.verdict_conflict ? h('span', { class: 'verdict-conflict', title: 'Two verdicts that do not know each other: open the claim to settle them', text: '⇄ conflict' }) : null,
    h('span', { class: ['status-badge', `s-${c.status}`], title: ORIGIN[c.origin] || '', text: `${STATUS_LABEL[c.status] || c.status}${c.origin === 'carried' ? ' ↻' : ''}` })));
}

const ORIGIN = {
  carried: 'Verdict kept from the previous revision: the claim did not change.',
  recheck: 'The claim changed in this revision: check it again.',
  manual: '',
};

export async function mount(root, ctx, route) {
  const t0 = performance.now();
  const rev = route.params.rev ? Number(route.params.rev) : null;
  const view = await ctx.backend.openArticle(route.id, rev);
  const mem = (ctx.memory[`article:${view.id}`] ||= { kinds: new Set(), statuses: new Set(), selected: null });
  let visible = [];
  // Claims dismissed as "not a claim" leave the text, lists and counts;
  // the "Not claims" filter lists them.
  const dismissed = view.dismissed || [];

  const byId = new Map(view.claims.map((c) => [c.id, c]));
  const pick = (id, from, anchor) => {
    if (from === 'open') ctx.go('claim', id, { article: view.id, rev: view.revision.number });
    else if (from === 'person') ctx.go('person', null, { name: id });
    else if (from === 'choose') {
      const items = id.map((x) => byId.get(x)).filter(Boolean).map((c) => ({ id: c.id, kind: c.kind, label: c.text, detail: summary(c) }));
      chooseClaim(anchor, items, (chosen) => select(chosen, 'text'));
    } else select(id, from);
  };
  const text = renderText(view.text, view.claims, pick);
  const list = h('ol', { class: 'claim-list', id: 'claim-list' });
  // Across the archive: people link to their pages; claims that are part
  // of a conflict are marked (filled in when the archive answers).
  const archive = { conflicts: new Map(), person: (name) => ctx.go('person', null, { name }) };
  const filters = h('div', { class: 'filters' });
  const counter = h('span', { class: 'muted' });

  const revSelect =
    view.revisions.length > 1
      ? h('select', { id: 'revision-select', 'aria-label': 'Revision', on: { change: (e) => ctx.go('article', view.id, { rev: e.target.value }) } },
          view.revisions.map((r) => h('option', { value: String(r.number), selected: r.number === view.revision.number, text: `Revision ${r.number} of ${view.revisions.length}` })))
      : h('span', { class: 'muted', text: `Revision 1 · ${shortTime(view.revision.loaded_at)}` });

  // The header's "to check" count follows every verdict.
  const toCheckCount = h('span', { id: 'to-check-count' });
  const countToCheck = () => {
    toCheckCount.textContent = `${view.claims.filter((c) => isToCheck(c.status)).length} to check`;
  };
  countToCheck();

  // The publication date that relative dates were resolved against, and a
  // way to correct it (on the latest revision): a new revision is stored
  // with the date, and the claims it moves go to re-check.
  const latest = view.revision.number === view.revisions.length;
  const published = h('span', { id: 'published' });
  function drawPublished() {
    const change = latest
      ? h('button', { id: 'published-btn', type: 'button', class: 'link', text: view.revision.published ? 'change' : 'set it', on: { click: editPublished } })
      : null;
    replace(published,
      h('span', { id: 'published-date', text: view.revision.published ? `published ${view.revision.published}` : 'no publication date' }),
      change ? ' ' : null, change);
  }
  function editPublished() {
    const input = h('input', { id: 'published-input', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', size: 11, value: view.revision.published || '' });
    const save = async () => {
      try {
        const done = await ctx.backend.setPublished(view.id, input.value);
        const a = done;
        ctx.toast(a.unchanged
          ? `Already dated ${input.value || 'without a date'}: nothing changed.`
          : `Publication date set to ${input.value || 'none'}: revision ${a.revision}, ${a.kept} verdict${a.kept === 1 ? '' : 's'} kept, ${a.rechecked} to re-check.`);
        if (!a.unchanged) ctx.go('article', view.id);
        else drawPublished();
      } catch (e) {
        ctx.fail(e);
      }
    };
    input.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter') save();
    });
    replace(published,
      h('label', { for: 'published-input', text: 'Published ' }), input, ' ',
      h('button', { id: 'published-save', type: 'button', class: 'primary', text: 'Save date', on: { click: save } }), ' ',
      h('button', { type: 'button', class: 'link', text: 'cancel', on: { click: drawPublished } }),
      h('span', { class: 'muted', text: ' Relative dates are resolved again; the claims they move go to re-check.' }));
    input.focus();
  }
  drawPublished();
  const current = view.revisions.length;
  const oldBanner = latest
    ? null
    : h('div', { class: 'banner old-revision', id: 'old-revision-banner', role: 'note' },
        h('strong', { text: `Revision ${view.revision.number} of ${current}: an older version.` }),
        ' Verdicts are recorded on the current revision, where unchanged claims keep them. ',
        h('button', { type: 'button', class: 'link', id: 'to-current', text: `Open revision ${current}`, on: { click: () => ctx.go('article', view.id) } }));

  // Select text in the article, then "Add claim": a claim the machine
  // missed, on the current revision only.
  const addBox = h('div', { id: 'add-claim-box' });
  const addButton = h('button', { id: 'add-claim-btn', type: 'button', disabled: true, title: latest ? 'Select the evidence in the text first' : 'Claims are added to the current revision', text: 'Add claim', on: { click: () => openAdd() } });
  let selection = null;
  text.addEventListener('mouseup', () => {
    const sel = selectionIn(text, window.getSelection());
    selection = sel ? selectionSpan(view.text, sel.from, sel.to) : null;
    addButton.disabled = !latest || !selection;
    addButton.textContent = selection ? 'Add claim from selection' : 'Add claim';
  });
  async function openAdd() {
    if (!selection) return;
    const chosen = selection;
    const fieldsByKind = (ctx.memory.claimFields ||= await ctx.backend.claimFields().catch(() => FIELDS));
    replace(addBox, addForm(chosen, fieldsByKind, {
      onCancel: () => replace(addBox),
      onAdd: async ({ kind, fields }) => {
        try {
          const made = await ctx.backend.addClaim(view.id, kind, chosen.start, chosen.end, fields, reviewerName());
          mem.selected = made.id;
          ctx.toast(`Added a ${kind} claim.`);
          ctx.go('article', view.id, undefined, true);
        } catch (e) {
          ctx.fail(e);
        }
      },
    }));
    const first = addBox.querySelector('input, select');
    if (first) first.focus();
  }

  replace(
    root,
    h('section', { class: 'article-view' },
      h('div', { class: 'view-head' },
        h('h1', { id: 'article-title', text: view.title, title: view.title }),
        h('div', { class: 'grow' }),
        revSelect,
        h('button', { id: 'new-revision', type: 'button', title: 'Load a newer version of this article', text: 'New revision…', on: { click: () => ctx.load({ article: view.id, title: view.title }) } }),
        h('button', { type: 'button', disabled: view.revisions.length < 2, title: 'Compare revisions (c)', text: 'Compare', on: { click: () => ctx.go('compare', view.id) } }),
        h('button', { type: 'button', title: 'Timeline (l)', text: 'Timeline', on: { click: () => ctx.go('timeline', view.id) } }),
        h('button', { type: 'button', title: 'Export a report (e)', text: 'Export', on: { click: () => ctx.go('export', view.id) } })),
      h('p', { class: 'muted meta' },
        `${view.claims.length} claims · `,
        toCheckCount,
        [view.revision.source ? `from ${view.revision.source}` : null, view.revisions.length > 1 ? `loaded ${shortTime(view.revision.loaded_at)}` : null].filter(Boolean).map((t) => ` · ${t}`).join(''),
        ' · ',
        published),
      oldBanner,
      h('div', { class: 'split' },
        h('div', { class: 'pane text-pane' }, text),
        h('aside', { class: 'pane claims-pane', 'aria-label': 'Claims' },
          h('div', { class: 'pane-head' }, h('h2', { text: 'Claims' }), counter, h('div', { class: 'grow' }), addButton),
          addBox,
          filters,
          list))),
  );

  function chip(label, set, value, n) {
    const on = set.has(value);
    return h('button', {
      type: 'button',
      class: ['chip', on ? 'on' : null, `chip-${value}`],
      'aria-pressed': on ? 'true' : 'false',
      data: { filter: value },
      on: {
        click: () => {
          if (set.has(value)) set.delete(value);
          else set.add(value);
          draw();
        },
      },
    }, label, h('span', { class: 'count', text: n || 0 }));
  }

  function draw() {
    countToCheck();
    const kc = countBy(view.claims, 'kind');
    const sc = countBy(view.claims, 'status');
    replace(
      filters,
      h('div', { class: 'chips', 'aria-label': 'Filter by kind' }, KINDS.map((k) => chip(k, mem.kinds, k, kc[k]))),
      h('div', { class: 'chips', 'aria-label': 'Filter by status' }, STATUSES.filter((s) => sc[s]).map((s) => chip(STATUS_LABEL[s], mem.statuses, s, sc[s])),
        dismissed.length ? h('button', {
          id: 'dismissed-filter',
          type: 'button',
          class: ['chip', mem.showDismissed ? 'on' : null],
          'aria-pressed': mem.showDismissed ? 'true' : 'false',
          title: 'Claims dismissed as not claims',
          on: { click: () => { mem.showDismissed = !mem.showDismissed; draw(); } },
        }, 'Not claims', h('span', { class: 'count', text: dismissed.length })) : null),
    );
    visible = mem.showDismissed && dismissed.length ? dismissed : filterClaims(view.claims, mem);
    counter.textContent = visible.length === view.claims.length ? `${view.claims.length}` : `${visible.length} of ${view.claims.length}`;
    replace(list, visible.length ? visible.map((c) => claimItem(c, pick, archive)) : h('li', { class: 'muted pad', text: view.claims.length ? 'No claim matches the filters.' : 'No checkable claims were found in this text.' }));
    if (mem.selected != null) select(mem.selected, null);
  }

  function select(id, from) {
    mem.selected = id;
    for (const el of root.querySelectorAll('.selected')) el.classList.remove('selected');
    const item = list.querySelector(`[data-id="${id}"]`);
    const marks = text.querySelectorAll(`mark[data-id="${id}"]`);
    if (item) item.classList.add('selected');
    marks.forEach((m) => m.classList.add('selected'));
    if (from !== 'list' && item) item.scrollIntoView({ block: 'nearest' });
    if (from !== 'text' && marks[0]) marks[0].scrollIntoView({ block: 'center', behavior: from ? 'smooth' : 'auto' });
  }

  async function setStatus(status) {
    const c = view.claims.find((x) => x.id === mem.selected);
    if (!c) {
      ctx.toast('Select a claim first (j / k).');
      return;
    }
    if (!latest) {
      ctx.toast(`This is an older revision: verdicts go on revision ${current}.`, 'info', { label: `Open revision ${current}`, run: () => ctx.go('article', view.id) });
      return;
    }
    try {
      await record(c, status, ownNote(c), c.sources);
      const before = previous;
      ctx.toast(`Marked ${STATUS_LABEL[c.status].toLowerCase()}.`, 'info', {
        label: 'Undo',
        // Undo appends the verdict before as a new entry: nothing is deleted.
        run: () => record(c, before.status, before.note, before.sources).catch((e) => ctx.fail(e)),
      });
    } catch (e) {
      ctx.fail(e);
    }
  }

  /** The claim's note as a person wrote it: a re-check's note is the machine's reason, never copied into a verdict. */
  function ownNote(c) {
    return c.origin === 'recheck' ? null : c.note;
  }

  let previous = null;
  async function record(c, status, note, sources) {
    previous = { status: c.status, note: ownNote(c), sources: c.sources };
    const updated = await ctx.backend.reviewClaim(c.id, status, note, sources, reviewerName());
    Object.assign(c, updated);
    for (const m of text.querySelectorAll(`mark[data-id="${c.id}"]`)) {
      m.className = m.className.replace(/\bs-\S+/, `s-${c.status}`);
    }
    markVerdicts(text, byId);
    draw();
  }

  draw();
  root.focus();
  ctx.backend.listConflicts({ article: view.id }).then((found) => {
    for (const c of found || []) {
      for (const id of c.claim_ids) {
        if (!archive.conflicts.has(id)) archive.conflicts.set(id, []);
        archive.conflicts.get(id).push(c.reason);
      }
    }
    if (archive.conflicts.size) draw();
  }, () => {});
  // Time from opening to the painted view, read by the end-to-end measurement.
  requestAnimationFrame(() => {
    window.__claimdeskPerf = { article: view.id, claims: view.claims.length, openMs: performance.now() - t0 };
  });

  return {
    dispose: closeChooser,
    onAction(action) {
      if (action === 'next' || action === 'prev') {
        const id = step(visible, mem.selected, action === 'next' ? 1 : -1);
        if (id != null) select(id, 'key');
        return true;
      }
      if (action === 'open') {
        if (mem.selected != null) ctx.go('claim', mem.selected, { article: view.id, rev: view.revision.number });
        return true;
      }
      if (action.startsWith('status:')) {
        setStatus(action.slice(7));
        return true;
      }
      if (action === 'compare' && view.revisions.length > 1) {
        ctx.go('compare', view.id);
        return true;
      }
      if (action === 'timeline' || action === 'export') {
        ctx.go(action, view.id);
        return true;
      }
      return false;
    },
  };
}
