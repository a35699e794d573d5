//! Export view: pick a report format, give who publishes it (the article's
//! web address and the reviewing organisation, which ClaimReview needs),
//! see the report rendered as a reader will, or its source, and save it
//! where the user chooses in the native save dialog. Errors stay in this
//! view: they are shown beside the preview, not as messages that follow
//! the user elsewhere.

import { h, replace } from '../dom.js';
import { localStore } from '../drafts.js';

const LABEL = {
  md: 'Markdown report',
  html: 'HTML report (one printable file)',
  csv: 'CSV, one row per claim',
  json: 'JSON, everything, for other tools',
  claimreview: 'ClaimReview (schema.org JSON-LD) for reviewed claims; needs the article URL',
};

/** Where the organisation's name and home page are kept between sessions. */
const ORG_KEY = 'claimdesk.export.org';

/** A file name from a title: lowercase words joined by dashes. */
export function slug(title) {
  const s = String(title).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'report';
}

/** The rendered preview's address: the article and the publishing fields given. */
export function previewAddress(article, publishing) {
  const q = Object.entries(publishing)
    .filter(([, v]) => v && String(v).trim())
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v).trim())}`)
    .join('&');
  return `report://localhost/${encodeURIComponent(article)}${q ? `?${q}` : ''}`;
}

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, null);
  const formats = (ctx.info && ctx.info.report_formats) || [];
  const names = formats.map((f) => f.name);
  const mem = (ctx.memory.export ||= { format: names[0], mode: 'rendered', urls: {} });
  if (!names.includes(mem.format)) mem.format = names[0];
  const store = localStore();
  let org = {};
  try {
    org = JSON.parse((store && store.getItem(ORG_KEY)) || '{}') || {};
  } catch {
    org = {};
  }
  const fromWeb = /^https?:\/\//i.test(view.revision.source || '') ? view.revision.source : '';
  const articleUrl = h('input', { id: 'export-article-url', type: 'url', placeholder: 'https://… where the article is published', value: mem.urls[view.id] || fromWeb });
  const orgName = h('input', { id: 'export-org-name', type: 'text', placeholder: 'Standards Desk', value: org.name || '' });
  const orgUrl = h('input', { id: 'export-org-url', type: 'url', placeholder: 'https://… your organisation', value: org.url || '' });
  const publishing = () => ({ article_url: articleUrl.value.trim() || null, org_name: orgName.value.trim() || null, org_url: orgUrl.value.trim() || null });

  const status = h('p', { id: 'export-status', class: 'dialog-status', role: 'status' });
  const frame = h('iframe', { id: 'report-frame', class: 'report-frame', title: 'The report, rendered', sandbox: '', referrerpolicy: 'no-referrer' });
  const source = h('pre', { class: 'preview', id: 'report-preview' });
  const modeBtns = ['rendered', 'source'].map((m) => h('button', {
    type: 'button',
    class: ['chip', 'mode-btn'],
    data: { mode: m },
    'aria-pressed': String(mem.mode === m),
    text: m === 'rendered' ? 'As readers see it' : 'Source',
    on: { click: () => { mem.mode = m; drawPreview(); } },
  }));
  const saveBtn = h('button', { id: 'export-save', class: 'primary', type: 'button', text: 'Save…' });
  // The corrected claims as test data for the extractor: the evaluation's
  // gold format (NAME.gold.json, and NAME.txt beside it).
  const goldBtn = h('button', { id: 'export-gold', type: 'button', text: 'Save as gold…', title: 'The corrected claims in the evaluation scripts’ gold format, to score the extractor on your own archive' });
  goldBtn.addEventListener('click', async () => {
    clear();
    try {
      const path = await ctx.backend.pickSavePath(`${slug(view.title)}.gold.json`, 'json');
      if (!path) return;
      const written = await ctx.backend.exportGold(view.id, path);
      ctx.toast(`Saved ${written.join(' and ')}`);
    } catch (e) {
      problem(e);
    }
  });

  const problem = (e) => {
    status.textContent = ctx.backend.toError(e).message;
    status.classList.add('error');
  };
  const clear = () => {
    status.textContent = '';
    status.classList.remove('error');
  };

  let generation = 0;
  async function drawPreview() {
    const mine = ++generation;
    for (const b of modeBtns) b.setAttribute('aria-pressed', String(b.dataset.mode === mem.mode));
    clear();
    frame.hidden = mem.mode !== 'rendered';
    source.hidden = mem.mode !== 'source';
    if (mem.mode === 'rendered') {
      const address = previewAddress(view.id, publishing());
      if (frame.getAttribute('src') !== address) frame.setAttribute('src', address);
    }
    // The chosen format's text, also checked in rendered mode so that
    // ClaimReview's missing URL is said at once.
    source.textContent = 'Rendering…';
    try {
      const text = await ctx.backend.previewReport(view.id, mem.format, publishing());
      if (mine === generation) source.textContent = text;
    } catch (e) {
      if (mine !== generation) return;
      source.textContent = '';
      problem(e);
    }
  }

  let timer = null;
  const fieldsChanged = () => {
    mem.urls[view.id] = articleUrl.value;
    if (store) store.setItem(ORG_KEY, JSON.stringify({ name: orgName.value, url: orgUrl.value }));
    clearTimeout(timer);
    timer = setTimeout(drawPreview, 400);
  };
  for (const f of [articleUrl, orgName, orgUrl]) f.addEventListener('input', fieldsChanged);

  saveBtn.addEventListener('click', async () => {
    const ext = (formats.find((f) => f.name === mem.format) || { extension: 'txt' }).extension;
    clear();
    try {
      const path = await ctx.backend.pickSavePath(`${slug(view.title)}.${ext}`, ext);
      if (!path) return;
      const saved = await ctx.backend.exportReport(view.id, mem.format, path, publishing());
      ctx.toast(`Saved ${saved}`);
    } catch (e) {
      problem(e);
    }
  });

  const field = (input, label) => h('label', { class: 'field' }, h('span', { text: label }), input);
  replace(root,
    h('section', { class: 'export-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id) } })),
      h('div', { class: 'split export-split' },
        h('div', { class: 'pane' },
          h('h2', { text: 'Format' }),
          h('div', { class: 'formats', role: 'radiogroup' }, formats.map(({ name, extension }) =>
            h('label', { class: 'format' },
              h('input', { type: 'radio', name: 'format', value: name, checked: name === mem.format, on: { change: () => { mem.format = name; drawPreview(); } } }),
              h('span', {}, h('strong', { text: `${name} (.${extension})` }), h('small', { class: 'muted', text: LABEL[name] || '' }))))),
          h('h2', { text: 'Published by' }),
          field(articleUrl, 'Article URL'),
          field(orgName, 'Reviewing organisation'),
          field(orgUrl, 'Organisation URL'),
          h('div', { class: 'row' }, saveBtn, goldBtn)),
        h('div', { class: 'pane preview-pane' },
          h('div', { class: 'pane-head' }, h('h2', { text: 'Preview' }), h('div', { class: 'chips' }, modeBtns)),
          status,
          frame,
          source))));
  await drawPreview();
  root.focus();
  return { dispose: () => clearTimeout(timer) };
}
