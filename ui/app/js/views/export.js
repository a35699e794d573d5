//! Export view: pick a report format, preview it, save it where the user
//! chooses in the native save dialog.

import { h, replace } from '../dom.js';

const LABEL = {
  md: 'Markdown report',
  html: 'HTML report (one printable file)',
  csv: 'CSV, one row per claim',
  json: 'JSON, everything, for other tools',
  claimreview: 'ClaimReview (schema.org JSON-LD) for reviewed claims; needs the article URL',
};

/** A file name from a title: lowercase words joined by dashes. */
export function slug(title) {
  const s = String(title).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'report';
}

export async function mount(root, ctx, route) {
  const view = await ctx.backend.openArticle(route.id, null);
  const formats = (ctx.info && ctx.info.report_formats) || [];
  const names = formats.map((f) => f.name);
  const mem = (ctx.memory.export ||= { format: names[0] });
  if (!names.includes(mem.format)) mem.format = names[0];
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
    const ext = (formats.find((f) => f.name === mem.format) || { extension: 'txt' }).extension;
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
          h('div', { class: 'formats', role: 'radiogroup' }, formats.map(({ name, extension }) =>
            h('label', { class: 'format' },
              h('input', { type: 'radio', name: 'format', value: name, checked: name === mem.format, on: { change: () => { mem.format = name; drawPreview(); } } }),
              h('span', {}, h('strong', { text: `${name} (.${extension})` }), h('small', { class: 'muted', text: LABEL[name] || '' }))))),
          h('div', { class: 'row' }, saveBtn)),
        h('div', { class: 'pane' }, h('h2', { text: 'Preview' }), preview))));
  await drawPreview();
  root.focus();
  return {};
}
