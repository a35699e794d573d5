//! The date check on import: every article read from a file, a drop or a
//! web address waits here until the checker has seen its publication date
//! and where it came from (metadata, dateline, or a guess), and confirmed
//! or changed it. Claims are made only after that.

import { h } from '../dom.js';
import { dateNote } from '../published.js';

/**
 * Shows the dialog for `staged` (the shell's `Staged` list) and stores
 * what the checker confirms, as revisions of `into` if given. Resolves to
 * the outcomes of `confirm_import`, or null if cancelled.
 */
export function confirmDates(ctx, staged, into = null) {
  return new Promise((resolve) => {
    let settled = false;
    const status = h('p', { class: 'dialog-status', role: 'status' });
    const rows = staged.map((s, i) => {
      const input = h('input', {
        id: `confirm-date-${i}`,
        class: 'confirm-date',
        type: 'text',
        inputmode: 'numeric',
        placeholder: 'YYYY-MM-DD',
        autocomplete: 'off',
        size: 11,
        value: s.suggested || '',
        data: { staged: s.id },
      });
      const words = h('span', { class: 'confirm-words' });
      const note = h('span', { class: 'confirm-note' });
      const tag = h('span', { class: 'badge guess', text: 'guess' });
      const update = () => {
        const n = dateNote(s, input.value);
        words.textContent = n.words;
        note.textContent = n.note;
        tag.hidden = !n.guess || n.invalid;
        input.setAttribute('aria-invalid', String(n.invalid));
        row.classList.toggle('is-guess', n.guess && !n.invalid);
      };
      const row = h('li', { class: 'confirm-row' },
        h('div', { class: 'confirm-title', text: s.title || '(untitled)' }),
        s.source ? h('div', { class: 'muted small confirm-source', text: s.source }) : null,
        h('div', { class: 'row' },
          h('label', { for: input.id, class: 'inline-label', text: 'Published' }), input, words, tag),
        note);
      input.addEventListener('input', update);
      update();
      return { s, input, row };
    });
    const finish = (value) => {
      if (settled) return;
      settled = true;
      resolve(value);
      if (dialog.open) dialog.close();
    };
    const addBtn = h('button', { id: 'confirm-add', type: 'button', class: 'primary', text: staged.length > 1 ? `Add ${staged.length} articles` : 'Add article' });
    const cancelBtn = h('button', { id: 'confirm-cancel', type: 'button', text: 'Cancel' });
    addBtn.addEventListener('click', async () => {
      const bad = rows.find((r) => r.input.getAttribute('aria-invalid') === 'true');
      if (bad) {
        status.textContent = 'One date is not a date: type it as YYYY-MM-DD, or leave it empty.';
        status.classList.add('error');
        bad.input.focus();
        return;
      }
      addBtn.disabled = true;
      status.classList.remove('error');
      status.textContent = 'Reading the claims…';
      try {
        const items = rows.map((r) => ({ id: r.s.id, published: r.input.value.trim() || null }));
        finish(await ctx.backend.confirmImport(items, into));
      } catch (e) {
        addBtn.disabled = false;
        status.textContent = ctx.backend.toError(e).message;
        status.classList.add('error');
      }
    });
    const cancel = () => {
      ctx.backend.discardImport(staged.map((s) => s.id)).catch(() => {});
      finish(null);
    };
    cancelBtn.addEventListener('click', cancel);
    const dialog = h('dialog', { id: 'confirm-dialog', class: 'confirm-dialog', 'aria-labelledby': 'confirm-heading' },
      h('h2', { id: 'confirm-heading', text: 'When were they published?' }),
      h('p', { class: 'muted', text: 'Dates such as “on Monday” or “last year” are read against the publication date. Check it before the claims are made.' }),
      h('ol', { class: 'confirm-list' }, rows.map((r) => r.row)),
      status,
      h('div', { class: 'row end' }, cancelBtn, addBtn));
    // Esc closes a dialog: that is a cancel, and the staged articles go.
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      cancel();
    });
    dialog.addEventListener('close', () => dialog.remove());
    document.body.append(dialog);
    dialog.showModal();
    if (rows[0]) {
      rows[0].input.focus();
      rows[0].input.select();
    }
  });
}

/** Says what a confirmed import did, in one message. */
export function reportOutcomes(ctx, out) {
  const ok = out.filter((o) => o.loaded || o.documents);
  for (const o of out.filter((x) => x.error)) ctx.toast(o.error.message, 'error');
  if (ok.length === 1 && ok[0].loaded) {
    const added = ok[0].loaded;
    const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
    const carried = added.kept || added.rechecked ? ` ${n(added.kept, 'verdict', 'verdicts')} kept, ${added.rechecked} to re-check.` : '';
    ctx.toast(added.unchanged ? `“${added.title}” is unchanged: the text is the same as its latest revision.` : `Loaded “${added.title}”: revision ${added.revision}, ${added.claims} claims.${carried}`);
    ctx.loaded(added);
  } else if (ok.length) {
    ctx.toast(`Loaded ${ok.length} article${ok.length > 1 ? 's' : ''}.`);
    ctx.loaded(null);
  }
  return ok.length;
}

/**
 * Reads `outcomes` of `import_files`: bulk files are already stored; the
 * staged articles go through the date check. Resolves when all is done.
 */
export async function finishImport(ctx, outcomes, into = null) {
  const staged = outcomes.filter((o) => o.staged).map((o) => o.staged);
  const stored = outcomes.filter((o) => o.documents || o.error);
  let confirmed = [];
  if (staged.length) confirmed = (await confirmDates(ctx, staged, into)) || [];
  return reportOutcomes(ctx, [...stored, ...confirmed]);
}
