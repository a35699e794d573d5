//! Article text is never markup: the DOM builder makes text nodes of every
//! string, refuses inline handler attributes, and the article renderer turns
//! hostile text into plain text nodes and <mark>s only. (The end-to-end test
//! proves the same in the real webview: nothing runs.)
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { installFakeDocument, allElements } from './fake-dom.js';

let h;
let renderText;
before(async () => {
  installFakeDocument();
  ({ h } = await import('../app/js/dom.js'));
  ({ renderText } = await import('../app/js/views/article.js'));
});

const HOSTILE = 'Mayor <script>window.pwned=1</script> met <img src=x onerror="window.pwned=2"> on 3 March 2025.';

test('strings become text nodes, never elements', () => {
  const el = h('p', {}, HOSTILE);
  assert.equal(el.childNodes.length, 1);
  assert.equal(el.childNodes[0].nodeType, 3);
  assert.equal(el.textContent, HOSTILE);
  assert.equal(allElements(el).length, 1);
});

test('inline handler attributes are refused', () => {
  assert.throws(() => h('img', { onerror: 'alert(1)' }), /refused/);
  assert.throws(() => h('div', { OnClick: 'x' }), /refused/);
});

test('hostile article text renders as text and marks only', () => {
  const enc = new TextEncoder();
  const at = HOSTILE.indexOf('3 March 2025');
  const start = enc.encode(HOSTILE.slice(0, at)).length;
  const claims = [
    { id: 7, kind: 'date', status: 'unreviewed', text: '3 March 2025', value: '2025-03-03', start, end: start + 12 },
    // A span covering the markup itself must not turn it into markup either.
    { id: 8, kind: 'quote', status: 'unreviewed', text: '<script>', speaker: 'x', quote: 'y', start: 6, end: 14 },
  ];
  const body = renderText(HOSTILE, claims, () => {});
  const tags = allElements(body).map((e) => e.tagName);
  assert.deepEqual([...new Set(tags)].sort(), ['DIV', 'MARK']);
  assert.equal(body.textContent, HOSTILE);
  const marks = allElements(body).filter((e) => e.tagName === 'MARK');
  assert.deepEqual(marks.map((m) => m.textContent), ['<script>', '3 March 2025']);
});
