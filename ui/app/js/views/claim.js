//! Claim view: one claim with its sentence, fields, status buttons, note,
//! sources and review history. j / k move to the next or previous claim of
//! the same revision; status keys save at once, Ctrl+Enter saves the note.
//! What is typed in the note and sources is kept as a draft (`drafts.js`)
//! until a verdict carries it: leaving the claim, Esc or a restart loses
//! nothing.

import { h, replace } from '../dom.js';
import { shortTime } from './library.js';

const ORIGIN_WORDS = { carried: 'kept: the claim did not change', recheck: 'the claim changed in a new revision' };
import { segments, byteToIndex } from '../text.js';
import { STATUSES, STATUS_LABEL, STATUS_KEYS_BY_STATUS, fields, step } from '../claims.js';
import { loadDraft, keepDraft, dropDraft, isDirty, isSaveKey, localStore } from '../drafts.js';
import { reviewerName, setReviewerName } from '../reviewer.js';
import { editForm, dismissForm, historyItems, markBadge, FIELDS } from '../corrections.js';
import { matchGroups } from '../archive.js';

/** "2026-03-02T10:04:00.000Z" as local "10:04". */
function clock(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** The sentence holding the claim, with the claim's span marked. */
function context(view, c) {
  const s = view.sentences[c.sentence];
  const at = byteToIndex(view.text);
  const from = s ? at(s.start) : at(c.start);
  const to = s ? at(s.end) : at(c.end);
  const sentence = view.text.slice(from, to);
  const segs = segments(sentence, [{ id: c.id, start: at(c.start) - from, end: at(c.end) - from }]);
  return h('blockquote', { class: 'context' },
    segs.map((g) => (g.ids.length ? h('mark', { class: ['claim', `k-${c.kind}`], text: g.text }) : g.text)));
}

/** A source as a link that opens in the system browser, or as text when it is no web address. */
export function sourceLink(ctx, source) {
  if (!/^https?:\/\/\S+$/i.test(source)) return h('span', { text: source });
  return h('a', {
    href: source,
    class: 'source-link',
    title: 'Open in the browser',
    text: source,
    on: {
      click: (e) => {
        e.preventDefault();
        ctx.backend.openSource(source).catch((err) => ctx.fail(err));
      },
    },
  });
}

export async function mount(root, ctx, route) {
  const articleId = Number(route.params.article);
  if (!articleId) throw { code: 'invalid_input', message: 'This claim link does not say which article it belongs to.' };
  const rev = route.params.rev ? Number(route.params.rev) : null;
  const view = await ctx.backend.openArticle(articleId, rev);
  const c = view.claims.find((x) => x.id === route.id) || (view.dismissed || []).find((x) => x.id === route.id);
  if (!c) throw { code: 'not_found', message: `Claim ${route.id} is not part of this revision of “${view.title}”.` };
  const history = await ctx.backend.claimHistory(c.id).catch((e) => {
    ctx.fail(e);
    return [];
  });

  // A re-check starts from an empty note: the machine's reason is shown
  // beside it, never put in the checker's words. The sources of the last
  // verdict a person gave are offered again.
  const recheck = c.origin === 'recheck';
  const lastByPerson = [...history].reverse().find((e) => e.origin !== 'recheck');
  let baseline = recheck
    ? { note: '', sources: ((lastByPerson && lastByPerson.sources) || []).join('\n') }
    : { note: c.note || '', sources: (c.sources || []).join('\n') };
  const note = h('textarea', { id: 'claim-note', rows: 4, placeholder: 'What you checked, with whom, and what you found', value: baseline.note });
  const sources = h('textarea', { id: 'claim-sources', rows: 3, placeholder: 'One source per line: a URL or a reference without spaces', value: baseline.sources });
  const why = recheck && c.note ? h('p', { id: 'claim-recheck', class: 'recheck-reason', text: `Why it needs a re-check: ${c.note}` }) : null;
  // Who gives the verdicts: asked once, kept on this computer, recorded on each.
  const reviewerInput = h('input', {
    id: 'claim-reviewer',
    type: 'text',
    placeholder: 'Your name, recorded on every verdict',
    autocomplete: 'name',
    value: reviewerName(),
  });
  reviewerInput.addEventListener('change', () => setReviewerName(reviewerInput.value));
  const statusRow = h('div', { class: 'status-buttons', role: 'group', 'aria-label': 'Status' });
  const store = localStore();
  const db = ctx.info ? ctx.info.database : '';
  const savedNow = () => baseline;
  const typed = () => ({ note: note.value, sources: sources.value });
  const draftNote = h('p', { id: 'claim-draft', class: 'draft-note muted', hidden: true });
  const showDraft = (text) => {
    draftNote.textContent = text || '';
    draftNote.hidden = !text;
  };
  const kept = loadDraft(store, db, c.id);
  if (kept && isDirty(kept, savedNow())) {
    note.value = kept.note;
    sources.value = kept.sources;
    showDraft(`Your unsaved note from ${clock(kept.at)} is back. It is not a verdict until you save it.`);
  }
  // Every keystroke is kept; the note says so until a verdict carries it.
  const remember = () => {
    const dirty = isDirty(typed(), savedNow());
    const stored = keepDraft(store, db, c.id, typed(), savedNow());
    showDraft(dirty ? (stored ? 'Draft kept on this computer; not saved as a verdict yet (Ctrl+Enter saves).' : 'Not saved yet (Ctrl+Enter saves).') : '');
    return dirty;
  };
  for (const field of [note, sources]) {
    field.addEventListener('input', remember);
    field.addEventListener('keydown', (ev) => {
      if (isSaveKey(ev)) {
        ev.preventDefault();
        save(c.status);
      }
    });
  }
  const historyList = h('ol', { class: 'history', id: 'claim-history' });

  // Corrections: edit the claim, dismiss it as not a claim, or restore it
  // (current revision only). Each is an event in the claim's history.
  const latest = view.revision.number === view.revisions.length;
  const correctionBox = h('div', { id: 'correction-box' });
  const correctionList = h('ol', { class: 'history', id: 'claim-corrections' });
  const reopen = () => ctx.go('claim', c.id, { article: view.id, rev: view.revision.number }, true);
  const correct = async (fn, done) => {
    try {
      if (reviewerInput.value.trim()) setReviewerName(reviewerInput.value);
      await fn(reviewerName());
      ctx.toast(done);
      reopen();
    } catch (e) {
      ctx.fail(e);
    }
  };
  async function openEdit() {
    const byKind = (ctx.memory.claimFields ||= await ctx.backend.claimFields().catch(() => FIELDS));
    replace(correctionBox, editForm(c, byKind[c.kind] || FIELDS[c.kind] || [], {
      onCancel: () => replace(correctionBox),
      onSave: ({ start, end, fields: changed }) => correct((by) => ctx.backend.editClaim(c.id, start, end, changed, by), 'Claim corrected.'),
    }));
    const first = correctionBox.querySelector('input, select');
    if (first) first.focus();
  }
  const correctionButtons = latest
    ? h('div', { class: 'row correction-actions' },
        h('button', { id: 'edit-claim-btn', type: 'button', text: 'Edit claim', on: { click: openEdit } }),
        c.dismissed
          ? h('button', { id: 'restore-claim-btn', type: 'button', text: 'Restore as a claim', on: { click: () => correct((by) => ctx.backend.restoreClaim(c.id, by), 'Restored as a claim.') } })
          : h('button', { id: 'dismiss-claim-btn', type: 'button', text: 'Not a claim', on: { click: () => replace(correctionBox, dismissForm({
              onCancel: () => replace(correctionBox),
              onDismiss: (reason) => correct((by) => ctx.backend.dismissClaim(c.id, reason, by), 'Dismissed as not a claim.'),
            })) } }))
    : null;
  ctx.backend.claimCorrections(c.id).then((events) => {
    replace(correctionList, events.length ? historyItems(events) : h('li', { class: 'muted', text: 'As the machine found it.' }));
  }).catch((e) => ctx.fail(e));
  const mem = (ctx.memory[`article:${view.id}`] ||= { kinds: new Set(), statuses: new Set(), selected: null });
  mem.selected = c.id;

  function drawStatus() {
    replace(statusRow, STATUSES.map((s) =>
      h('button', {
        type: 'button',
        class: ['status-btn', `s-${s}`, c.status === s ? 'on' : null],
        'aria-pressed': c.status === s ? 'true' : 'false',
        data: { status: s },
        title: `${STATUS_LABEL[s]} (${STATUS_KEYS_BY_STATUS[s]})`,
        on: { click: () => save(s) },
      }, STATUS_LABEL[s], h('kbd', { text: STATUS_KEYS_BY_STATUS[s] }))));
  }

  function drawHistory(entries) {
    replace(historyList, entries.length
      ? [...entries].reverse().map((e) => h('li', {},
          h('div', {},
            h('span', { class: ['status-badge', `s-${e.status}`], text: STATUS_LABEL[e.status] || e.status }),
            h('span', { class: 'muted', text: ` ${shortTime(e.at)} · revision ${e.revision}${e.reviewer ? ` · ${e.reviewer}` : ''}${ORIGIN_WORDS[e.origin] ? ` · ${ORIGIN_WORDS[e.origin]}` : ''}` })),
          // A carried entry repeats the verdict before it: said once.
          e.note && e.origin !== 'carried' ? h('p', { text: e.note }) : null,
          e.sources && e.sources.length && e.origin !== 'carried' ? h('ul', { class: 'sources' }, e.sources.map((s) => h('li', {}, sourceLink(ctx, s)))) : null))
      : h('li', { class: 'muted', text: 'Not reviewed yet.' }));
  }

  async function save(status) {
    try {
      setReviewerName(reviewerInput.value);
      // A re-check's note is the machine's reason: undo never makes it a person's.
      const before = { status: c.status, note: c.origin === 'recheck' ? null : c.note, sources: c.sources };
      const updated = await ctx.backend.reviewClaim(c.id, status, note.value, sources.value.split('\n').map((s) => s.trim()).filter(Boolean), reviewerName());
      Object.assign(c, updated);
      baseline = { note: c.note || '', sources: (c.sources || []).join('\n') };
      if (why) why.remove();
      dropDraft(store, db, c.id);
      showDraft('');
      drawStatus();
      drawHistory(await ctx.backend.claimHistory(c.id));
      ctx.toast(`Saved: ${STATUS_LABEL[c.status].toLowerCase()}.`, 'info', {
        label: 'Undo',
        // Undo appends the verdict before as a new entry: nothing is deleted.
        run: async () => {
          const back = await ctx.backend.reviewClaim(c.id, before.status, before.note, before.sources, reviewerName());
          Object.assign(c, back);
          baseline = { note: c.note || '', sources: (c.sources || []).join('\n') };
          note.value = baseline.note;
          sources.value = baseline.sources;
          drawStatus();
          drawHistory(await ctx.backend.claimHistory(c.id));
          ctx.toast(`Undone: ${STATUS_LABEL[c.status].toLowerCase()} again.`);
        },
      });
    } catch (e) {
      ctx.fail(e);
    }
  }

  // Checked before: earlier claims of the same fact (their verdict can be
  // copied with one action, kept as a copy) and related ones.
  const who = c.person || c.speaker || null;
  const checked = h('div', { id: 'claim-matches' }, h('p', { class: 'muted', text: 'Looking in the archive…' }));
  function drawMatches(list) {
    const { matches, suggestions } = matchGroups(list);
    const row = (m) => h('li', { class: `match-${m.level}` },
      h('button', { type: 'button', class: 'link', text: m.text, on: { click: () => ctx.go('claim', m.claim_id, { article: m.article_id }) } }),
      h('small', { class: 'muted', text: ` ${m.article_title} · ${m.level} ${m.score.toFixed(2)} · ` }),
      h('span', { class: ['status-badge', `s-${m.verdict}`], text: STATUS_LABEL[m.verdict] || m.verdict }),
      m.level === 'match' && m.verdict !== 'unreviewed'
        ? h('button', {
          type: 'button',
          text: 'Copy this verdict',
          on: {
            click: async () => {
              try {
                await ctx.backend.copyVerdict(c.id, m.claim_id, reviewerInput.value);
                ctx.toast('Verdict copied; the history says where from.');
                ctx.refresh();
              } catch (e) {
                ctx.fail(e);
              }
            },
          },
        })
        : null);
    replace(checked,
      matches.length || suggestions.length ? null : h('p', { class: 'muted', text: 'No earlier claim states this.' }),
      matches.length ? [h('h3', { text: 'Same fact' }), h('ul', {}, matches.map(row))] : null,
      suggestions.length ? [h('h3', { text: 'Possibly related' }), h('ul', {}, suggestions.map(row))] : null);
  }

  const i = view.claims.indexOf(c);
  replace(
    root,
    h('section', { class: 'claim-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id, rev ? { rev } : undefined) } }),
        h('div', { class: 'grow' }),
        h('span', { class: 'muted', text: i < 0 ? 'Not a claim (dismissed)' : `Claim ${i + 1} of ${view.claims.length}` }),
      view.revision.number === view.revisions.length
        ? null
        : h('div', { class: 'banner old-revision', id: 'old-revision-banner', role: 'note' },
            h('strong', { text: `Revision ${view.revision.number} of ${view.revisions.length}: an older version.` }),
            ' Verdicts are recorded on the current revision; a verdict saved here is refused and your note stays as a draft. ',
            h('button', { type: 'button', class: 'link', text: `Open revision ${view.revisions.length}`, on: { click: () => ctx.go('article', view.id) } }))),
      h('div', { class: 'claim-card' },
        h('div', { class: 'claim-title' },
          h('span', { class: ['kind-badge', `k-${c.kind}`], text: c.kind }),
          markBadge(c),
          h('h1', { id: 'claim-text', text: c.text })),
        context(view, c),
        c.verdict_conflict ? h('p', { id: 'claim-verdict-conflict', class: 'recheck-reason', text: 'Conflicting verdicts: two checkers judged this claim without seeing each other (both are under History). A verdict saved now has seen both and settles it.' }) : null,
        c.dismissed ? h('p', { id: 'claim-dismissed', class: 'recheck-reason', text: `Dismissed as not a claim${c.dismiss_reason ? `: ${c.dismiss_reason}` : '.'}` }) : null,
        h('dl', { class: 'fields', id: 'claim-fields' }, fields(c).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
        correctionButtons,
        correctionBox,
        who ? h('button', { id: 'claim-person', type: 'button', class: 'link', text: `Everything the archive says about ${who}`, on: { click: () => ctx.go('person', null, { name: who }) } }) : null,
        h('h2', { text: 'Verdict' }),
        why,
        statusRow,
        h('label', { for: 'claim-reviewer', text: 'Reviewer' }), reviewerInput,
        h('label', { for: 'claim-note', text: 'Note' }), note,
        h('label', { for: 'claim-sources', text: 'Sources' }), sources,
        h('div', { class: 'row save-bar' },
          h('button', { id: 'claim-save', class: 'primary', type: 'button', text: 'Save note and sources', title: 'Ctrl+Enter', on: { click: () => save(c.status) } }),
          draftNote)),
      h('div', { class: 'claim-side' }, h('h2', { text: 'History' }), historyList, h('h2', { text: 'Corrections' }), correctionList, h('h2', { text: 'Checked before?' }), checked)),
  );
  ctx.backend.claimMatches(c.id).then(drawMatches, () => replace(checked, h('p', { class: 'muted', text: 'The archive could not be searched.' })));
  drawStatus();
  drawHistory(history);
  root.focus();

  const go = (delta) => {
    const id = step(view.claims, c.id, delta);
    if (id != null && id !== c.id) ctx.go('claim', id, { article: view.id, rev: view.revision.number }, true);
  };

  return {
    onAction(action) {
      if (action === 'next' || action === 'prev') {
        go(action === 'next' ? 1 : -1);
        return true;
      }
      if (action === 'note') {
        note.focus();
        return true;
      }
      if (action.startsWith('status:')) {
        save(action.slice(7));
        return true;
      }
      return false;
    },
    dispose() {
      // Leaving with words not yet in a verdict: they stay as the draft.
      if (remember()) ctx.toast(`Your note on “${c.text.slice(0, 40)}” is kept as a draft; it is not a verdict yet.`);
    },
  };
}
