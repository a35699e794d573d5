//! Drafts of notes and sources: kept per database and claim, dropped when
//! they equal what is saved, restored after a restart (a new page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftKey, loadDraft, keepDraft, dropDraft, isDirty, isSaveKey } from '../app/js/drafts.js';

/** A Storage with the methods the drafts use. */
function storage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    size: () => m.size,
  };
}

const saved = { note: 'Called the council.', sources: 'https://example.org/a' };

test('what differs from the saved verdict is kept, and read back', () => {
  const s = storage();
  const typed = { note: 'Called the council. The clerk confirmed the date.', sources: saved.sources };
  assert.equal(keepDraft(s, '/db/a.db', 7, typed, saved, new Date('2026-03-02T10:00:00Z')), true);
  const d = loadDraft(s, '/db/a.db', 7);
  assert.equal(d.note, typed.note);
  assert.equal(d.sources, typed.sources);
  assert.equal(d.at, '2026-03-02T10:00:00.000Z');
});

test('a draft equal to what is saved is no draft', () => {
  const s = storage();
  keepDraft(s, 'db', 7, { note: 'x', sources: '' }, saved);
  assert.equal(s.size(), 1);
  assert.equal(keepDraft(s, 'db', 7, { note: ' Called the council.\r\n', sources: 'https://example.org/a\n\n' }, saved), false);
  assert.equal(s.size(), 0);
});

test('drafts are per database and per claim', () => {
  const s = storage();
  keepDraft(s, 'one.db', 7, { note: 'first', sources: '' }, saved);
  keepDraft(s, 'two.db', 7, { note: 'second', sources: '' }, saved);
  keepDraft(s, 'one.db', 8, { note: 'third', sources: '' }, saved);
  assert.equal(loadDraft(s, 'one.db', 7).note, 'first');
  assert.equal(loadDraft(s, 'two.db', 7).note, 'second');
  assert.equal(loadDraft(s, 'one.db', 8).note, 'third');
  assert.notEqual(draftKey('one.db', 7), draftKey('two.db', 7));
  dropDraft(s, 'one.db', 7);
  assert.equal(loadDraft(s, 'one.db', 7), null);
  assert.equal(loadDraft(s, 'two.db', 7).note, 'second');
});

test('damaged or foreign entries read as no draft', () => {
  const s = storage();
  s.setItem(draftKey('db', 1), '{not json');
  s.setItem(draftKey('db', 2), JSON.stringify({ note: 3 }));
  assert.equal(loadDraft(s, 'db', 1), null);
  assert.equal(loadDraft(s, 'db', 2), null);
});

test('a full storage does not throw', () => {
  const s = storage();
  s.setItem = () => {
    throw new Error('QuotaExceededError');
  };
  assert.equal(keepDraft(s, 'db', 1, { note: 'typed', sources: '' }, saved), false);
});

test('dirty compares notes and source lists, not spacing', () => {
  const check = (typed, want) => assert.equal(isDirty(typed, saved), want, JSON.stringify(typed));
  check({ note: 'Called the council.', sources: 'https://example.org/a' }, false);
  check({ note: 'Called the council. ', sources: ' https://example.org/a \n' }, false);
  check({ note: 'Called the mayor.', sources: 'https://example.org/a' }, true);
  check({ note: 'Called the council.', sources: 'https://example.org/a\nhttps://example.org/b' }, true);
  check({ note: '', sources: '' }, true);
});

test('Ctrl+Enter and Cmd+Enter save; Enter alone does not', () => {
  assert.equal(isSaveKey({ key: 'Enter', ctrlKey: true }), true);
  assert.equal(isSaveKey({ key: 'Enter', metaKey: true }), true);
  assert.equal(isSaveKey({ key: 'Enter' }), false);
  assert.equal(isSaveKey({ key: 'Enter', ctrlKey: true, altKey: true }), false);
  assert.equal(isSaveKey({ key: 's', ctrlKey: true }), false);
});
