//! Library view: every article with its revision count and the claims still
//! to check; full-text search; on an empty database, the sample article.

import { h, replace } from '../dom.js';
import { snippetParts } from '../text.js';
import { dayWords } from '../published.js';

/** Rows drawn at most; a search narrows larger libraries. */
const MAX_ROWS = 500;
/** Rows drawn first, more than a screenful: the rest follow once they are on screen. */
const FIRST_ROWS = 50;

/** "2025-03-14T09:30:12Z" as "2025-03-14 09:30". */
export function shortTime(rfc3339) {
  return String(rfc3339 || '').replace('T', ' ').replace(/:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?$/, '');
}

/** The verdict filter's choices: value (a status, '' for all) and label. */
const VERDICT_FILTERS = [
  ['', 'All articles'],
  ['false', 'With false claims'],
  ['disputed', 'With disputed claims'],
  ['needs_recheck', 'With claims to re-check'],
  ['unverifiable', 'With unverifiable claims'],
  ['verified', 'With verified claims'],
];

/** Where an article came from, short: a web site's host, a file's name. */
export function sourceLabel(source) {
  if (!source) return '—';
  const web = /^https?:\/\/([^/?#]+)/i.exec(source);
  if (web) return web[1].replace(/^www\./, '');
  const parts = source.split(/[\\/]/);
  return parts[parts.length - 1] || source;
}

export async function mount(root, ctx, route) {
  const mem = (ctx.memory.library ||= { query: '', verdict: '', selected: null });
  const search = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'Search text, claims, notes, sources  ( / )',
    'aria-label': 'Search the library',
    value: mem.query,
    autocomplete: 'off',
  });
  const count = h('span', { class: 'muted' });
  const verdict = h('select', { id: 'verdict-filter', 'aria-label': 'Filter by verdict', on: { change: (e) => { mem.verdict = e.target.value; refresh(); } } },
    VERDICT_FILTERS.map(([value, label]) => h('option', { value, selected: value === mem.verdict, text: label })));
  const list = h('div', { class: 'library-list', role: 'list' });
  replace(
    root,
    h('section', { class: 'library' },
      h('div', { class: 'view-head' }, h('h1', { text: 'Library' }), count, h('div', { class: 'grow' }), verdict, search),
      list),
  );

  let rows = [];
  let total = 0;
  let timer = null;

  function select(id, scroll = true) {
    mem.selected = id;
    for (const el of list.querySelectorAll('[data-article]')) {
      const on = Number(el.dataset.article) === id;
      el.classList.toggle('selected', on);
      if (on && scroll) el.scrollIntoView({ block: 'nearest' });
    }
  }

  function empty() {
    const label = (VERDICT_FILTERS.find(([v]) => v === mem.verdict) || [])[1];
    if (mem.query) return h('p', { class: 'muted pad', text: `No article${mem.verdict ? ` ${label.toLowerCase()}` : ''} contains “${mem.query}”.` });
    if (mem.verdict) return h('p', { class: 'muted pad', text: `No article ${label.toLowerCase()}.` });
    const sample = h('button', { id: 'sample-btn', class: 'primary', type: 'button', text: 'Open the sample article' });
    sample.addEventListener('click', async () => {
      sample.disabled = true;
      try {
        ctx.loaded(await ctx.backend.addSample());
      } catch (e) {
        ctx.fail(e);
        sample.disabled = false;
      }
    });
    return h('div', { class: 'empty', id: 'library-empty' },
      h('h2', { text: 'No articles yet' }),
      h('p', { text: 'Load a news article to list its checkable claims: dates, roles, resignations and dismissals, meetings, quotes.' }),
      h('p', { class: 'muted', text: 'Choose a file, drop text files on this window, paste text or give a web address.' }),
      h('div', { class: 'row' },
        sample,
        h('button', { type: 'button', text: 'Load article…', on: { click: () => ctx.load() } })));
  }

  /** Which refresh is current: a later one makes an earlier one's late rows moot. */
  let generation = 0;

  async function fetchRows(limit) {
    try {
      return await ctx.backend.listArticles(mem.query, limit, mem.verdict);
    } catch (e) {
      ctx.fail(e);
      return { rows: [], total: 0 };
    }
  }

  async function refresh() {
    const mine = ++generation;
    ({ rows, total } = await fetchRows(FIRST_ROWS));
    if (mine !== generation) return;
    draw();
    if (total > rows.length) {
      // The rest once the first rows are on screen (two frames), so a
      // large library opens as fast as a small one.
      requestAnimationFrame(() =>
        requestAnimationFrame(() =>
          setTimeout(async () => {
            if (mine !== generation) return;
            const more = await fetchRows(MAX_ROWS);
            if (mine !== generation) return;
            ({ rows, total } = more);
            draw();
          }, 0),
        ),
      );
    }
  }

  function draw() {
    count.textContent = mem.query || mem.verdict ? `${total} found` : `${total} article${total === 1 ? '' : 's'}`;
    if (rows.length === 0) {
      replace(list, empty());
      return;
    }
    const focused = document.activeElement?.closest?.('[data-article]')?.dataset.article;
    const top = list.scrollTop;
    replace(
      list,
      h('div', { class: 'library-row head', 'aria-hidden': 'true' },
        h('span', { text: 'Article' }), h('span', { text: 'Published' }), h('span', { text: 'Source' }), h('span', { text: 'Revisions' }), h('span', { text: 'Claims' }),
        h('span', { text: 'To check' }), h('span', { text: 'False' }), h('span', { text: 'Updated' })),
      rows.map((a) =>
        h('div', {
          class: 'library-row', role: 'listitem', tabIndex: 0, data: { article: a.id },
          on: { click: () => ctx.go('article', a.id), focus: () => select(a.id, false) },
        },
        h('span', { class: 'title' }, h('strong', { text: a.title }), a.snippet ? h('small', { class: 'snippet' }, snippetParts(a.snippet).map((p) => (p.hit ? h('mark', { class: 'hit', text: p.text }) : p.text))) : null),
        h('span', { class: 'pub', text: a.published ? dayWords(a.published) : '—', title: a.published || 'No publication date' }),
        h('span', { class: 'src muted', text: sourceLabel(a.source), title: a.source || '' }),
        h('span', { class: 'num', text: a.revisions }),
        h('span', { class: 'num', text: a.claims }),
        h('span', { class: ['num', a.to_check ? 'todo' : 'done'], text: a.to_check ? a.to_check : '✓' }),
        h('span', { class: ['num', a.false_claims ? 'false-count' : 'muted'], text: a.false_claims || '–' }),
        h('span', { class: 'muted', text: shortTime(a.loaded_at) }))),
      total > rows.length && rows.length >= MAX_ROWS
        ? h('p', { class: 'muted pad', text: mem.query
          ? `Showing the best ${rows.length} of ${total} articles found; refine the search to see the others.`
          : `Showing the newest ${rows.length} of ${total} articles; search to find the others.` })
        : null,
    );
    list.scrollTop = top;
    if (!rows.some((r) => r.id === mem.selected)) mem.selected = rows[0].id;
    select(mem.selected, false);
    if (focused) list.querySelector(`[data-article="${focused}"]`)?.focus({ preventScroll: true });
  }

  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      mem.query = search.value.trim();
      refresh();
    }, 150);
  });
  await refresh();
  if (route.params.focus === 'search') search.focus();
  else root.focus();

  return {
    onAction(action) {
      const i = rows.findIndex((r) => r.id === mem.selected);
      if (action === 'next' || action === 'prev') {
        const j = Math.max(0, Math.min(rows.length - 1, i + (action === 'next' ? 1 : -1)));
        if (rows[j]) select(rows[j].id);
        return true;
      }
      if (action === 'open' && rows[i]) {
        ctx.go('article', rows[i].id);
        return true;
      }
      if (action === 'search') {
        search.focus();
        search.select();
        return true;
      }
      return false;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
