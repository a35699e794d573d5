//! Export view: pick a report format, preview it, save it where the user
//! chooses in the native save dialog.

import { h, replace } from '../dom.js';

const EXT = { md: 'md', markdown: 'md', html: 'html', csv: 'csv', json: 'json', claimreview: 'json', 'claims-json': 'json' };
const LABEL = {
  md: 'Markdown report',
  markdown: 'Markdown report',
  html: 'HTML report',
  csv: 'CSV (one row per claim)',
  json: 'JSON',
  claimreview: 'ClaimReview (schema.org JSON-LD)',
  'claims-json': 'Claims JSON (the claims contract, with verdicts)',
};

/** A file name from a title: lowercase words joined by dashes. */
export function slug(title) {
  const s = String(title).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'report';
}

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, null);
  const formats = (ctx.info && ctx.info.report_formats) || [];
  const mem = (ctx.memory.export ||= { format: formats[0] });
  if (!formats.includes(mem.format)) mem.format = formats[0];
  const preview = h('pre', { class: 'preview', id: 'report-preview' });
  const saveBtn = h('button', { id: 'export-save', class: 'primary', type: 'button', text: 'Save…' });

  async function drawPreview() {
    preview.textContent = 'Rendering…';
    try {
      preview.textContent = await ctx.backend.previewReport(view.id, mem.format);
    } catch (e) {
      preview.textContent = '';
      ctx.fail(e);
    }
  }

  saveBtn.addEventListener('click', async () => {
    const ext = EXT[mem.format] || 'txt';
    try {
      const path = await ctx.backend.pickSavePath(`${slug(view.title)}.${ext}`, ext);
      if (!path) return;
      const saved = await ctx.backend.exportReport(view.id, mem.format, path);
      ctx.toast(`Saved ${saved}`);
    } catch (e) {
      ctx.fail(e);
    }
  });

  replace(root,
    h('section', { class: 'export-view' },
      h('div', { class: 'view-head' },
        h('button', { type: 'button', class: 'link', text: `← ${view.title}`, on: { click: () => ctx.go('article', view.id) } })),
      h('div', { class: 'split export-split' },
        h('div', { class: 'pane' },
          h('h2', { text: 'Format' }),
          h('div', { class: 'formats', role: 'radiogroup' }, formats.map((f) =>
            h('label', { class: 'format' },
              h('input', { type: 'radio', name: 'format', value: f, checked: f === mem.format, on: { change: () => { mem.format = f; drawPreview(); } } }),
              h('span', {}, h('strong', { text: f }), h('small', { class: 'muted', text: LABEL[f] || '' }))))),
          h('div', { class: 'row' }, saveBtn)),
        h('div', { class: 'pane' }, h('h2', { text: 'Preview' }), preview))));
  await drawPreview();
  root.focus();
  return {};
}
