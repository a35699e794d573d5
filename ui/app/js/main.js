//! Starts the UI: routing between views, the keyboard, theme, progress bar,
//! drag and drop and messages. Views live in `views/`, the backend in
//! `backend.js`; this module only wires them together.

import * as backend from './backend.js';
import { h, replace, isTyping } from './dom.js';
import { resolveKey, HELP } from './keys.js';
import { parseRoute, routeHash } from './route.js';
import { syncLabel, mayRefresh } from './team.js';
import * as library from './views/library.js';

/**
 * The views by route name. The library is the first screen and comes with
 * this module; the others (and the modules only they use) load on first
 * use, so start-up fetches and parses only what the first paint needs.
 * After the first paint they are fetched in the background (`preload`).
 */
const VIEWS = {
  library: () => Promise.resolve(library),
  article: () => import('./views/article.js'),
  claim: () => import('./views/claim.js'),
  compare: () => import('./views/compare.js'),
  timeline: () => import('./views/timeline.js'),
  export: () => import('./views/export.js'),
  person: () => import('./views/person.js'),
  conflicts: () => import('./views/conflicts.js'),
};
const loadDialog = () => import('./views/load.js');
const confirmDialog = () => import('./views/confirm.js');

/** Fetches the views not needed yet, once the first view is on screen. */
function preload() {
  for (const load of [...Object.values(VIEWS), loadDialog, confirmDialog]) load().catch(() => {});
}

/** The app's facts (`app_info`); asked for at start-up, awaited only by views other than the library. */
let infoReady = Promise.resolve();

const root = document.getElementById('view');
let current = null;
let route = parseRoute(location.hash);

/**
 * Shows a message; `action` ({ label, run }) adds a button (Undo) and keeps
 * the message up long enough to use it.
 */
function toast(message, kind = 'info', action = null) {
  const box = document.getElementById('toasts');
  const close = h('button', { class: 'icon', type: 'button', 'aria-label': 'Dismiss', text: '×' });
  const act = action ? h('button', { class: 'link toast-action', type: 'button', text: action.label }) : null;
  const el = h('div', { class: ['toast', kind], role: kind === 'error' ? 'alert' : 'status' }, h('span', { text: message }), act, close);
  close.addEventListener('click', () => el.remove());
  if (act) {
    act.addEventListener('click', () => {
      el.remove();
      action.run();
    });
  }
  box.append(el);
  if (kind !== 'error') setTimeout(() => el.remove(), action ? 8000 : 3000);
  while (box.children.length > 3) box.firstElementChild.remove();
}

const ctx = {
  backend,
  info: null,
  /** What each view remembers between visits (selection, filters, mode). */
  memory: {},
  go(view, id, params, replaceEntry = false) {
    const hash = routeHash(view, id, params);
    if (replaceEntry) {
      history.replaceState(null, '', hash);
      show();
    } else if (location.hash === hash) {
      show();
    } else {
      location.hash = hash;
    }
  },
  toast,
  fail(err) {
    const e = backend.toError(err);
    toast(e.message, 'error');
  },
  /** Called after loading articles: go to the new one. */
  loaded(added) {
    if (added && added.article_id) ctx.go('article', added.article_id);
    else ctx.go('library');
  },
  load: async (target) => (await loadDialog()).openLoadDialog(ctx, target),
  refresh: () => show(),
};

function setNav(view, id, params) {
  for (const a of document.querySelectorAll('#nav [data-nav]')) {
    const v = a.dataset.nav;
    a.classList.toggle('active', v === view);
    const art = view === 'claim' ? Number(params.article) : id;
    if (v === 'library' || v === 'conflicts') continue;
    if (v === 'claim') {
      a.classList.toggle('disabled', view !== 'claim');
      if (view === 'claim') a.setAttribute('href', location.hash);
      else a.removeAttribute('href');
      continue;
    }
    if (art && view !== 'library') {
      a.setAttribute('href', routeHash(v, art));
      a.classList.remove('disabled');
    } else {
      a.removeAttribute('href');
      a.classList.add('disabled');
    }
  }
}

async function show() {
  route = parseRoute(location.hash);
  // An error belongs to the view it happened in: it does not follow the
  // user to the next one (messages with an action, like Undo, stay).
  for (const t of document.querySelectorAll('#toasts .toast.error')) t.remove();
  if (current && current.dispose) current.dispose();
  current = null;
  setNav(route.view, route.id, route.params);
  root.dataset.view = route.view;
  replace(root, h('p', { class: 'muted pad', text: 'Loading…' }));
  const mine = {};
  current = mine;
  try {
    const [view] = await Promise.all([VIEWS[route.view](), route.view === 'library' ? null : infoReady]);
    if (current !== mine) return;
    const c = await view.mount(root, ctx, route);
    if (current === mine) current = c || {};
  } catch (e) {
    const err = backend.toError(e);
    replace(
      root,
      h('div', { class: 'empty' },
        h('h2', { text: 'This view could not be opened' }),
        h('p', { text: err.message }),
        h('button', { type: 'button', text: 'Back to the library', on: { click: () => ctx.go('library') } })),
    );
  }
}

function applyTheme(theme) {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

function toggleTheme() {
  const dark = document.documentElement.dataset.theme
    ? document.documentElement.dataset.theme === 'dark'
    : matchMedia('(prefers-color-scheme: dark)').matches;
  const next = dark ? 'light' : 'dark';
  localStorage.setItem('claimdesk.theme', next);
  applyTheme(next);
}

let helpDialog = null;
function showHelp() {
  if (helpDialog && helpDialog.open) {
    helpDialog.close();
    return;
  }
  helpDialog = h('dialog', { class: 'help' },
    h('h2', { text: 'Keyboard' }),
    h('table', {}, HELP.map(([k, what]) => h('tr', {}, h('th', {}, h('kbd', { text: k })), h('td', { text: what })))),
    h('form', { method: 'dialog' }, h('button', { text: 'Close' })));
  helpDialog.addEventListener('close', () => helpDialog.remove());
  document.body.append(helpDialog);
  helpDialog.showModal();
}

document.addEventListener('keydown', (ev) => {
  if (document.querySelector('dialog[open]')) return;
  const action = resolveKey(
    { key: ev.key, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, altKey: ev.altKey, typing: isTyping(ev.target) },
    route.view,
  );
  if (!action) return;
  if (current && current.onAction && current.onAction(action) === true) {
    ev.preventDefault();
    return;
  }
  switch (action) {
    case 'blur':
      ev.target.blur();
      break;
    case 'help':
      showHelp();
      break;
    case 'library':
      ctx.go('library');
      break;
    case 'search':
      ctx.go('library', null, { focus: 'search' });
      break;
    case 'load':
      ctx.load();
      break;
    case 'theme':
      toggleTheme();
      break;
    case 'back':
      if (route.view !== 'library') history.back();
      break;
    default:
      return;
  }
  ev.preventDefault();
});

function setupProgress() {
  const box = document.getElementById('progress');
  const bar = box.querySelector('progress');
  const label = box.querySelector('.progress-label');
  backend
    .onProgress((p) => {
      const finished = p.done >= p.total;
      box.hidden = finished;
      bar.max = Math.max(1, p.total);
      bar.value = p.done;
      label.textContent = finished ? '' : `${p.job} ${p.done + 1}/${p.total}: ${p.label}`;
    })
    .catch(() => {});
}

function setupDrop() {
  const hint = document.getElementById('drop-hint');
  backend
    .onDrop(async (paths, over) => {
      hint.hidden = !over;
      if (!paths || paths.length === 0) return;
      try {
        const out = await backend.importFiles(paths);
        const { finishImport } = await confirmDialog();
        await finishImport(ctx, out);
      } catch (e) {
        ctx.fail(e);
      }
    })
    .catch(() => {});
}

/**
 * The team desk's indicator in the header: synced, offline with what
 * waits, or conflicting verdicts; a click opens the team panel. When a
 * sync brings others' work, the view is drawn again (drafts are kept),
 * unless the checker is typing: then a message offers it.
 */
function setupTeam() {
  const btn = document.getElementById('sync-btn');
  let panel = null;
  const draw = (view) => {
    const l = syncLabel(view);
    btn.hidden = false;
    btn.textContent = l.text;
    btn.title = l.title;
    btn.dataset.state = l.state;
  };
  btn.addEventListener('click', async () => {
    try {
      const view = await backend.teamStatus();
      const { openTeamPanel } = await import('./views/team.js');
      panel = openTeamPanel(ctx, view, draw);
    } catch (e) {
      ctx.fail(e);
    }
  });
  backend.teamStatus().then(draw).catch(() => {});
  backend
    .onTeamSync((view) => {
      draw(view);
      if (panel && document.getElementById('team-dialog')) panel.update(view);
      if (!view || !(view.pulled > 0)) return;
      if (mayRefresh(view, isTyping(document.activeElement))) show();
      else toast('New work from the team.', 'info', { label: 'Show', run: () => show() });
    })
    .catch(() => {});
}

async function start() {
  const startedAt = performance.now();
  applyTheme(localStorage.getItem('claimdesk.theme'));
  document.getElementById('theme-btn').addEventListener('click', toggleTheme);
  document.getElementById('help-btn').addEventListener('click', showHelp);
  document.getElementById('load-btn').addEventListener('click', () => ctx.load());
  // Dropped files are handled natively; keep the webview from navigating to them.
  for (const t of ['dragover', 'drop']) document.addEventListener(t, (e) => e.preventDefault());
  window.addEventListener('hashchange', show);
  // Not awaited: the first view does not need it (see `show`).
  infoReady = backend
    .info()
    .then((info) => {
      ctx.info = info;
    })
    .catch((e) => ctx.fail(e));
  setupProgress();
  setupDrop();
  setupTeam();
  await show();
  const viewBuiltAt = performance.now();
  document.documentElement.dataset.ready = 'true';
  // After the first frame is on screen (two animation frames), for the startup figure.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const marks = [
        ['page response', nav ? nav.responseEnd : 0],
        ['DOM interactive', nav ? nav.domInteractive : 0],
        ['script start', startedAt],
        ['first view built', viewBuiltAt],
        // Marks the views set on the way (performance.mark).
        ...performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
      ];
      backend.uiReady({ origin: performance.timeOrigin, marks }).catch(() => {});
      setTimeout(preload, 0);
    }),
  );
}

start();
