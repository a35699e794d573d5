//! Change stops, the two sides of a row, and claim-pair ordering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { changeStops, rowSides, rowInline, sortPairs, verdictNote } from '../app/js/changes.js';

const joined = (runs) => runs.map((r) => r.text).join('');

test('rows split into the old and the new side', () => {
  const row = {
    status: 'changed',
    old: 'The vote is on Monday at noon.',
    new: 'The vote is on Tuesday at noon.',
    words: [
      { op: 'equal', text: 'The vote is on ' },
      { op: 'delete', text: 'Monday' },
      { op: 'insert', text: 'Tuesday' },
      { op: 'equal', text: ' at noon.' },
    ],
  };
  const { left, right } = rowSides(row);
  assert.equal(joined(left), row.old);
  assert.equal(joined(right), row.new);
  assert.equal(rowInline(row).length, 4);

  const added = rowSides({ status: 'added', old: '', new: 'New line.', words: [] });
  assert.deepEqual(added, { left: [], right: [{ op: 'insert', text: 'New line.' }] });
  const removed = rowSides({ status: 'removed', old: 'Old line.', new: '', words: [] });
  assert.deepEqual(removed, { left: [{ op: 'delete', text: 'Old line.' }], right: [] });
  assert.deepEqual(rowInline({ status: 'removed', old: 'Old line.', new: '', words: [] }), [{ op: 'delete', text: 'Old line.' }]);
  const same = rowSides({ status: 'unchanged', old: 'Same.', new: 'Same.', words: [] });
  assert.equal(joined(same.left), 'Same.');
});

test('every row that changed is a stop', () => {
  const rows = [{ status: 'unchanged' }, { status: 'cosmetic' }, { status: 'unchanged' }, { status: 'added' }, { status: 'changed' }];
  assert.deepEqual(changeStops(rows), [1, 3, 4]);
  assert.deepEqual(changeStops([]), []);
});

test('changed claims come first and verdict notes say what happened', () => {
  const pairs = [{ change: 'unchanged' }, { change: 'added' }, { change: 'changed' }, { change: 'removed' }];
  assert.deepEqual(sortPairs(pairs).map((p) => p.change), ['changed', 'removed', 'added', 'unchanged']);
  assert.equal(verdictNote({ old: { status: 'verified' }, new: { status: 'verified' } }), 'verified — verdict kept');
  assert.equal(verdictNote({ old: { status: 'verified' }, new: { status: 'needs_recheck' } }), 'was verified, now needs recheck');
  assert.equal(verdictNote({ old: { status: 'unreviewed' }, new: { status: 'unreviewed' } }), null);
  assert.equal(verdictNote({ old: { status: 'false' }, new: null }), 'was false; the claim is gone');
});
