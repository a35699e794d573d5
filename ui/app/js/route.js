//! Pure routing: the location hash names the view and its subject, so Back
//! and Forward work and every view can be reached directly.

const VIEWS = ['library', 'article', 'claim', 'compare', 'timeline', 'export', 'person', 'conflicts'];

/**
 * Parses `#/view/id?key=value`. Unknown views fall back to the library; ids
 * must be positive integers (`#/conflicts` has none; `#/person?name=...`
 * names its person).
 */
export function parseRoute(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [view, id] = path.split('/');
  const params = Object.fromEntries(new URLSearchParams(query));
  const n = Number(id);
  if (!VIEWS.includes(view) || view === 'library') {
    return { view: 'library', id: null, params };
  }
  // The archive's views: the conflicts list, and a person named by `name`.
  if (view === 'conflicts') return { view, id: null, params };
  if (view === 'person') {
    return params.name && params.name.trim() ? { view, id: null, params } : { view: 'library', id: null, params: {} };
  }
  if (!Number.isInteger(n) || n <= 0) return { view: 'library', id: null, params: {} };
  return { view, id: n, params };
}

/** The hash for a view. */
export function routeHash(view, id, params) {
  let h = `#/${view}`;
  if (id != null) h += `/${id}`;
  const q = new URLSearchParams(params || {}).toString();
  return q ? `${h}?${q}` : h;
}
