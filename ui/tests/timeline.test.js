//! TimeML values to calendar ranges, and the axis layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimex, layout, formatRange, claimDate } from '../app/js/timeline.js';

const day = (s) => Date.parse(`${s}T00:00:00Z`);

test('TimeML values become ranges of days', () => {
  const check = (value, from, to, precision) => {
    const r = parseTimex(value);
    assert.deepEqual(r, from === null ? null : { from: day(from), to: day(to), precision }, value);
  };
  check('2025-03-14', '2025-03-14', '2025-03-15', 'day');
  check('2025-03-14T18:00', '2025-03-14', '2025-03-15', 'day');
  check('2025-03', '2025-03-01', '2025-04-01', 'month');
  check('2025-12', '2025-12-01', '2026-01-01', 'month');
  check('2025-Q2', '2025-04-01', '2025-07-01', 'quarter');
  check('2024', '2024-01-01', '2025-01-01', 'year');
  check('2025-W01', '2024-12-30', '2025-01-06', 'week');
  check('P3Y', null);
  check('XXXX-11-30', null);
  check('PRESENT_REF', null);
  check('2025-13', null);
  check(undefined, null);
});

test('layout sorts dated claims and keeps them on the axis', () => {
  const claims = [
    { id: 1, kind: 'date', value: '2025-04-02', timex_type: 'DATE', start: 50 },
    { id: 2, kind: 'date', value: 'P2Y', timex_type: 'DURATION', start: 10 },
    { id: 3, kind: 'dismissal', date: '2025-03-13', start: 30 },
    { id: 4, kind: 'role', start: 0 },
  ];
  const { items, ticks } = layout(claims);
  assert.deepEqual(items.map((i) => i.claim.id), [3, 1]);
  for (const it of items) assert.ok(it.left >= 0 && it.left + it.width <= 1, JSON.stringify(it));
  assert.ok(items[0].left < items[1].left);
  assert.ok(ticks.length >= 2, 'a three-week span gets day or week ticks');
  assert.equal(layout([]).items.length, 0);
  assert.equal(claimDate(claims[1]), null, 'durations have no calendar position');
});

test('ranges read as words', () => {
  assert.equal(formatRange(parseTimex('2025-03-14')), '14 Mar 2025');
  assert.equal(formatRange(parseTimex('2025-03')), 'Mar 2025');
  assert.equal(formatRange(parseTimex('2025-Q3')), 'Q3 2025');
});
