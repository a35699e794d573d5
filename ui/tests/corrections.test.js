//! The pure parts of corrections.js: selections as UTF-8 byte spans, the
//! fields a new claim starts with, what an edit changes, list marks and
//! the wording of correction events.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectionSpan, prefill, changedFields, filledFields, correctionMark, splitDismissed, describeChange, eventTitle, utf8Length } from '../app/js/corrections.js';

test('a selection becomes a byte span without its outer spaces', () => {
  const text = 'Zoë Lind said “we will” on Friday.';
  const cases = [
    // [from, to, expected]
    [0, 8, { start: 0, end: 9, text: 'Zoë Lind' }],
    [8, 0, { start: 0, end: 9, text: 'Zoë Lind' }],
    [3, 9, { start: 5, end: 9, text: 'Lind' }],
    [14, 23, { start: 15, end: 28, text: '“we will”' }],
    [8, 9, null],
    [5, 5, null],
  ];
  for (const [from, to, want] of cases) {
    assert.deepEqual(selectionSpan(text, from, to), want, `${from}-${to}`);
  }
  assert.equal(utf8Length('“é😀'), 3 + 2 + 4);
});

test('a new claim starts from the selected text', () => {
  const cases = [
    ['quote', '“We will build it.”', { speaker: '', quote: 'We will build it.' }],
    ['role', ' Ada  Quell ', { person: 'Ada Quell', role: '', org: '' }],
    ['dismissal', 'Bo Lind', { person: 'Bo Lind', role: '', by: '', date: '', how: 'other' }],
    ['attendance', 'Bo Lind', { person: 'Bo Lind', event: '', place: '', date: '', planned: 'false' }],
    ['date', 'on Friday', { value: '', timex_type: 'DATE' }],
  ];
  for (const [kind, selected, want] of cases) assert.deepEqual(prefill(kind, selected), want, kind);
});

test('an edit sends only the fields that changed', () => {
  const c = { kind: 'quote', speaker: 'Ada Quell', quote: 'We will' };
  const names = ['speaker', 'quote'];
  const cases = [
    [{ speaker: 'Ada Quell', quote: 'We will' }, []],
    [{ speaker: ' Bo Lind ', quote: 'We will' }, [['speaker', 'Bo Lind']]],
    [{ speaker: 'Ada Quell', quote: '' }, [['quote', '']]],
  ];
  for (const [values, want] of cases) assert.deepEqual(changedFields(c, names, values), want);
  assert.deepEqual(filledFields(['person', 'role', 'org'], { person: 'Ada', role: ' mayor ', org: '' }), [['person', 'Ada'], ['role', 'mayor']]);
});

test('claims are marked added, corrected or dismissed', () => {
  const cases = [
    [{}, null],
    [{ added: true }, 'added'],
    [{ edited: true }, 'edited'],
    [{ edited: true, dismissed: true }, 'dismissed'],
  ];
  for (const [c, want] of cases) assert.equal(correctionMark(c)?.mark ?? null, want);
  const { live, dismissed } = splitDismissed([{ id: 1 }, { id: 2, dismissed: true }]);
  assert.deepEqual([live.map((c) => c.id), dismissed.map((c) => c.id)], [[1], [2]]);
});

test('a correction event says what it changed', () => {
  const before = { kind: 'quote', start: 10, end: 17, text: 'We will', speaker: 'Ada Quell', quote: 'We will' };
  const cases = [
    [{ action: 'edit', origin: 'manual', before, after: { ...before, speaker: 'Bo Lind' } }, 'Corrected', ['speaker: Ada Quell → Bo Lind']],
    [{ action: 'edit', origin: 'carried', before, after: { ...before, start: 12, end: 19 } }, 'Corrected (kept from the revision before)', ['span “We will” → “We will”']],
    [{ action: 'add', origin: 'manual', before: null, after: before }, 'Added', ['span “We will”', 'speaker: Ada Quell', 'quote: We will']],
    [{ action: 'dismiss', origin: 'manual', before, after: { ...before, dismissed: true } }, 'Dismissed as not a claim', []],
  ];
  for (const [e, title, lines] of cases) {
    assert.equal(eventTitle(e), title);
    assert.deepEqual(describeChange(e), lines);
  }
});
