//! Filtering, counting and stepping through claims; field summaries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterClaims, countBy, step, summary, fields, isToCheck, timemlTip } from '../app/js/claims.js';

const claims = [
  { id: 1, kind: 'date', status: 'unreviewed', text: 'Monday', value: '2025-03-10', timex_type: 'DATE' },
  { id: 2, kind: 'role', status: 'verified', text: 'Mayor Ada Moss', person: 'Ada Moss', role: 'mayor' },
  { id: 3, kind: 'quote', status: 'needs_recheck', text: '"We will"', speaker: 'Ada Moss', quote: 'We will' },
  { id: 4, kind: 'date', status: 'verified', text: 'in May', value: '2025-05', timex_type: 'DATE' },
];

test('filters by kind and status, empty sets meaning any', () => {
  const ids = (f) => filterClaims(claims, f).map((c) => c.id);
  assert.deepEqual(ids({}), [1, 2, 3, 4]);
  assert.deepEqual(ids({ kinds: new Set(['date']) }), [1, 4]);
  assert.deepEqual(ids({ statuses: new Set(['verified']) }), [2, 4]);
  assert.deepEqual(ids({ kinds: new Set(['date']), statuses: new Set(['verified']) }), [4]);
  assert.deepEqual(ids({ kinds: new Set(['attendance']) }), []);
});

test('counts by key', () => {
  assert.deepEqual(countBy(claims, 'kind'), { date: 2, role: 1, quote: 1 });
});

test('steps stay within the list', () => {
  assert.equal(step(claims, null, 1), 1);
  assert.equal(step(claims, null, -1), 4);
  assert.equal(step(claims, 2, 1), 3);
  assert.equal(step(claims, 4, 1), 4);
  assert.equal(step(claims, 1, -1), 1);
  assert.equal(step([], 1, 1), null);
});

test('summaries and fields read the kind-specific fields', () => {
  assert.equal(summary(claims[1]), 'Ada Moss — mayor');
  assert.equal(summary({ kind: 'attendance', person: 'Ed', event: 'the vote', planned: true, date: '2025-04-02' }), 'Ed to attend the vote on 2025-04-02');
  assert.deepEqual(fields(claims[1]), [['person', 'Ada Moss'], ['role', 'mayor']]);
  assert.ok(isToCheck('needs_recheck') && isToCheck('unreviewed') && !isToCheck('false'));
});

test('dates read in plain words, the TimeML value behind them', () => {
  const check = (c, wantSummary, wantTip) => {
    assert.equal(summary(c), wantSummary, JSON.stringify(c));
    assert.equal(timemlTip(c), wantTip, JSON.stringify(c));
  };
  check({ kind: 'date', text: 'Wednesday morning', value: '2026-03-11TMO', date_words: 'Wed 11 Mar 2026, morning' }, 'Wed 11 Mar 2026, morning', 'TimeML value: 2026-03-11TMO');
  check({ kind: 'date', text: 'last autumn', value: '2025-FA', date_words: 'autumn 2025' }, 'autumn 2025', 'TimeML value: 2025-FA');
  check({ kind: 'date', text: 'three years', value: 'P3Y', date_words: '3 years' }, '3 years', 'TimeML value: P3Y');
  check({ kind: 'date', text: 'Monday', value: '2026-03-09' }, '2026-03-09', 'TimeML value: 2026-03-09');
  check(
    { kind: 'dismissal', person: 'Ada Moss', how: 'resigned', date: '2026-03-09', date_words: 'Mon 9 Mar 2026' },
    'Ada Moss resigned on Mon 9 Mar 2026',
    'TimeML value: 2026-03-09',
  );
  check({ kind: 'role', person: 'Ada Moss', role: 'mayor' }, 'Ada Moss — mayor', '');
  assert.deepEqual(fields({ kind: 'date', value: '2025-FA', timex_type: 'DATE', date_words: 'autumn 2025' }), [
    ['value', 'autumn 2025 (2025-FA)'],
    ['timex_type', 'DATE'],
  ]);
});

test('the verdict a highlight shows: the most telling one ending there', async () => {
  const { verdictMark } = await import('../app/js/claims.js');
  const check = (statuses, want) => {
    const got = verdictMark(statuses.map((status) => ({ status })));
    assert.deepEqual(got && got.status, want, statuses.join(','));
  };
  check([], null);
  check(['unreviewed'], null);
  check(['verified'], 'verified');
  check(['verified', 'false'], 'false');
  check(['disputed', 'verified'], 'disputed');
  check(['needs_recheck', 'unverifiable'], 'needs_recheck');
});
