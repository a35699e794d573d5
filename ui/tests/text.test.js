//! Byte-offset mapping and span segmentation of the article view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byteToIndex, segments, claimSpans } from '../app/js/text.js';

test('byte offsets map to string indices across multi-byte characters', () => {
  // "é" is 2 bytes, "—" 3 bytes, "😀" 4 bytes and 2 UTF-16 units.
  const text = 'é—😀a';
  const at = byteToIndex(text);
  const check = (byte, want) => assert.equal(at(byte), want, `byte ${byte}`);
  check(0, 0);
  check(2, 1);
  check(5, 2);
  check(9, 4);
  check(10, 5);
  check(99, 5);
  check(-1, 0);
  check(3, 1); // inside "—": snaps to its start
});

test('claim spans in byte offsets land on the right words', () => {
  const text = 'Zoë Ruiz, the mayor, spoke on 3 März.';
  const enc = new TextEncoder();
  const byteOf = (s) => enc.encode(text.slice(0, text.indexOf(s))).length;
  const claims = [{ id: 1, start: byteOf('3 März'), end: byteOf('3 März') + enc.encode('3 März').length }];
  const [span] = claimSpans(text, claims);
  assert.equal(text.slice(span.start, span.end), '3 März');
});

test('segments cover the text and list nested spans shortest first', () => {
  const check = (text, spans, want) => {
    const segs = segments(text, spans);
    assert.equal(segs.map((s) => s.text).join(''), text);
    assert.deepEqual(segs.map((s) => [s.text, s.ids]), want);
  };
  check('abcdef', [], [['abcdef', []]]);
  check('abcdef', [{ id: 1, start: 1, end: 3 }], [['a', []], ['bc', [1]], ['def', []]]);
  check('abcdef', [{ id: 1, start: 0, end: 6 }, { id: 2, start: 2, end: 4 }], [['ab', [1]], ['cd', [2, 1]], ['ef', [1]]]);
  check('abcdef', [{ id: 1, start: 1, end: 4 }, { id: 2, start: 3, end: 5 }], [['a', []], ['bc', [1]], ['d', [2, 1]], ['e', [2]], ['f', []]]);
  // Empty, inverted and out-of-range spans do not break the cut.
  check('abc', [{ id: 1, start: 2, end: 2 }, { id: 2, start: 3, end: 1 }, { id: 3, start: 2, end: 99 }], [['ab', []], ['c', [3]]]);
});

test('search snippets split into hits and plain text', async () => {
  const { snippetParts } = await import('../app/js/text.js');
  assert.deepEqual(snippetParts('the [harbour] board [met]'), [
    { text: 'the ', hit: false },
    { text: 'harbour', hit: true },
    { text: ' board ', hit: false },
    { text: 'met', hit: true },
  ]);
  assert.deepEqual(snippetParts('no hits'), [{ text: 'no hits', hit: false }]);
  assert.deepEqual(snippetParts('odd [bracket'), [{ text: 'odd [bracket', hit: false }]);
  assert.deepEqual(snippetParts(''), []);
});
