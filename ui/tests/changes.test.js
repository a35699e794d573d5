//! Numbering diff changes, the two sides, and claim-pair ordering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numberChanges, sides, sortPairs, verdictNote } from '../app/js/changes.js';

test('a delete followed by an insert is one change', () => {
  const words = [
    { op: 'equal', text: 'The vote is on ' },
    { op: 'delete', text: 'Monday' },
    { op: 'insert', text: 'Tuesday' },
    { op: 'equal', text: ' at noon' },
    { op: 'insert', text: ' sharp' },
  ];
  const { runs, count } = numberChanges(words);
  assert.equal(count, 2);
  assert.deepEqual(runs.map((r) => r.change), [null, 0, 0, null, 1]);
  const { left, right } = sides(runs);
  assert.equal(left.map((r) => r.text).join(''), 'The vote is on Monday at noon');
  assert.equal(right.map((r) => r.text).join(''), 'The vote is on Tuesday at noon sharp');
  assert.equal(numberChanges([{ op: 'equal', text: 'same' }]).count, 0);
});

test('changed claims come first and verdict notes say what happened', () => {
  const pairs = [{ change: 'unchanged' }, { change: 'added' }, { change: 'changed' }, { change: 'removed' }];
  assert.deepEqual(sortPairs(pairs).map((p) => p.change), ['changed', 'removed', 'added', 'unchanged']);
  assert.equal(verdictNote({ old: { status: 'verified' }, new: { status: 'verified' } }), 'verified — verdict kept');
  assert.equal(verdictNote({ old: { status: 'verified' }, new: { status: 'needs_recheck' } }), 'was verified, now needs recheck');
  assert.equal(verdictNote({ old: { status: 'unreviewed' }, new: { status: 'unreviewed' } }), null);
  assert.equal(verdictNote({ old: { status: 'false' }, new: null }), 'was false; the claim is gone');
});
