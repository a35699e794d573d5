//! The load dialog: files (native open dialog), pasted text, or a web
//! address. Drag and drop is wired in main.js and ends in the same place.

import { h } from '../dom.js';
import { pasteHint } from '../published.js';
import { finishImport } from './confirm.js';

/**
 * Opens the dialog. With `target = {article, title}`, whatever is loaded
 * becomes the next revision of that article.
 */
export function openLoadDialog(ctx, target = null) {
  const into = target ? target.article : null;
  if (document.getElementById('load-dialog')) return;
  const status = h('p', { class: 'dialog-status', role: 'status' });
  const busy = (on, msg = '') => {
    for (const b of dialog.querySelectorAll('button')) b.disabled = on;
    status.textContent = msg;
    status.classList.remove('error');
  };
  const failed = (e) => {
    busy(false);
    const err = ctx.backend.toError(e);
    status.textContent = err.message;
    status.classList.add('error');
  };
  const done = (added) => {
    dialog.close();
    const n = (k, one, many) => `${k} ${k === 1 ? one : many}`;
    const carried = added.kept || added.rechecked ? ` ${n(added.kept, 'verdict', 'verdicts')} kept, ${added.rechecked} to re-check.` : '';
    ctx.toast(added.unchanged ? `“${added.title}” is unchanged: the text is the same as its latest revision.` : `Loaded “${added.title}”: revision ${added.revision}, ${added.claims} claims.${carried}`);
    ctx.loaded(added);
  };

  const chooseBtn = h('button', { type: 'button', class: 'primary', text: 'Choose files…' });
  chooseBtn.addEventListener('click', async () => {
    try {
      const paths = await ctx.backend.pickFiles();
      if (!paths.length) return;
      busy(true, `Reading ${paths.length} file${paths.length > 1 ? 's' : ''}…`);
      const out = await ctx.backend.importFiles(paths);
      const bad = out.filter((o) => o.error);
      if (bad.length && !out.some((o) => o.staged || o.documents)) {
        busy(false);
        status.textContent = bad.map((o) => o.error.message).join('\n');
        status.classList.add('error');
        return;
      }
      dialog.close();
      await finishImport(ctx, out, into);
    } catch (e) {
      failed(e);
    }
  });

  const title = h('input', { id: 'paste-title', type: 'text', placeholder: 'Title (default: the first line)', hidden: !!target });
  // Typed, not picked: a date field that only a calendar widget fills is
  // slow to correct; the shell refuses anything but YYYY-MM-DD, saying so.
  const published = h('input', { id: 'paste-published', type: 'text', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', autocomplete: 'off', size: 11 });
  const publishedLabel = h('label', { for: 'paste-published', class: 'inline-label', text: 'Published' });
  const text = h('textarea', { id: 'paste-text', rows: 10, placeholder: 'Paste the article text here' });
  // What the text itself says about its date, while the field is empty.
  const hint = h('p', { id: 'paste-date-hint', class: 'muted small', 'aria-live': 'polite' });
  let hintTimer = null;
  const updateHint = () => {
    clearTimeout(hintTimer);
    if (published.value.trim() || !text.value.trim()) {
      hint.textContent = '';
      return;
    }
    hintTimer = setTimeout(async () => {
      try {
        hint.textContent = pasteHint(await ctx.backend.detectPublished(text.value.slice(0, 4000)));
      } catch {
        hint.textContent = '';
      }
    }, 250);
  };
  text.addEventListener('input', updateHint);
  published.addEventListener('input', updateHint);
  const addBtn = h('button', { id: 'paste-add', type: 'button', class: 'primary', text: 'Add article' });
  addBtn.addEventListener('click', async () => {
    busy(true, 'Reading the article…');
    try {
      done(await ctx.backend.addText({ title: title.value, text: text.value, published: published.value, article: into }));
    } catch (e) {
      failed(e);
    }
  });

  const url = h('input', { id: 'url-input', type: 'url', placeholder: 'https://…' });
  const fetchBtn = h('button', { type: 'button', class: 'primary', text: 'Fetch' });
  fetchBtn.addEventListener('click', async () => {
    busy(true, 'Fetching…');
    try {
      const staged = await ctx.backend.importUrl(url.value);
      dialog.close();
      await finishImport(ctx, [{ staged }], into);
    } catch (e) {
      failed(e);
    }
  });

  const dialog = h('dialog', { id: 'load-dialog', class: 'load-dialog' },
    h('h2', { id: 'load-heading', text: target ? `New revision of “${target.title}”` : 'Load an article' }),
    h('section', {}, h('h3', { text: 'From files' }), h('p', { class: 'muted', text: 'Text, Markdown, HTML, Word (.docx) or JSON Lines bulk files; you can also drop them on the window. You confirm each publication date before the claims are made. A file whose title is already in the library becomes its next revision.' }), chooseBtn),
    h('section', {}, h('h3', { text: 'Paste text' }), h('div', { class: 'row' }, title, publishedLabel, published), text, hint, h('div', { class: 'row' }, addBtn)),
    h('section', {}, h('h3', { text: 'From a web address' }), h('div', { class: 'row' }, url, fetchBtn)),
    status,
    h('form', { method: 'dialog', class: 'row end' }, h('button', { text: 'Close' })));
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  text.focus();
}
