//! The keyboard map and the hash router.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveKey } from '../app/js/keys.js';
import { parseRoute, routeHash } from '../app/js/route.js';

test('keys resolve per view', () => {
  const k = (key, view, extra = {}) => resolveKey({ key, ...extra }, view);
  assert.equal(k('j', 'article'), 'next');
  assert.equal(k('k', 'claim'), 'prev');
  assert.equal(k('v', 'article'), 'status:verified');
  assert.equal(k('r', 'claim'), 'status:needs_recheck');
  assert.equal(k('x', 'library'), null, 'status keys only where a claim is selected');
  assert.equal(k('/', 'compare'), 'search');
  assert.equal(k('m', 'compare'), 'mode');
  assert.equal(k('v', 'article', { typing: true }), null, 'typing a note is not a shortcut');
  assert.equal(k('Escape', 'article', { typing: true }), 'blur');
  assert.equal(k('v', 'article', { ctrlKey: true }), null);
});

test('routes round-trip and bad ones fall back to the library', () => {
  const check = (hash, want) => assert.deepEqual(parseRoute(hash), want, hash);
  check('', { view: 'library', id: null, params: {} });
  check('#/article/12', { view: 'article', id: 12, params: {} });
  check('#/claim/3?article=12&rev=4', { view: 'claim', id: 3, params: { article: '12', rev: '4' } });
  check('#/article/abc', { view: 'library', id: null, params: {} });
  check('#/article/-1', { view: 'library', id: null, params: {} });
  check('#/nowhere/1', { view: 'library', id: null, params: {} });
  assert.equal(routeHash('compare', 5, { old: 1, new: 2 }), '#/compare/5?old=1&new=2');
  assert.deepEqual(parseRoute(routeHash('claim', 9, { article: 2 })), { view: 'claim', id: 9, params: { article: '2' } });
});
