//! Claims placed by the core (`when`) to ranges, and the axis layout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { claimRange, layout, formatRange } from '../app/js/timeline.js';

const day = (s) => Date.parse(`${s}T00:00:00Z`);
const when = (start, end, precision, wording) => ({ start, end, precision, wording });

test('the core placement becomes a range of days, end exclusive', () => {
  const check = (w, from, to) => {
    const r = claimRange(w === undefined ? {} : { when: w });
    assert.deepEqual(r, from === null ? null : { from: day(from), to: day(to), precision: w.precision, wording: w.wording }, JSON.stringify(w));
  };
  check(when('2025-03-14', '2025-03-14', 'day', 'Fri 14 Mar 2025'), '2025-03-14', '2025-03-15');
  check(when('2025-12-01', '2025-12-31', 'month', 'December 2025'), '2025-12-01', '2026-01-01');
  check(when('2024-12-30', '2025-01-05', 'week', 'week 1 of 2025'), '2024-12-30', '2025-01-06');
  check(when('2026-01-01', '2026-06-30', 'half', 'the first half of 2026'), '2026-01-01', '2026-07-01');
  check(when('2026-06-01', '2026-08-31', 'season', 'summer 2026'), '2026-06-01', '2026-09-01');
  check(when('2024-01-01', '2024-12-31', 'year', '2024'), '2024-01-01', '2025-01-01');
  // Nothing placed, or a malformed placement: no range, never a throw.
  check(undefined, null);
  check(null, null);
  check(when('2025-03-14', '2025-03-13', 'day', 'x'), null);
  check(when('14/03/2025', '2025-03-14', 'day', 'x'), null);
  check(when(undefined, undefined, 'day', 'x'), null);
  assert.equal(claimRange(null), null);
});

test('layout sorts dated claims and keeps them on the axis', () => {
  const claims = [
    { id: 1, kind: 'date', value: '2025-04-02', timex_type: 'DATE', start: 50, when: when('2025-04-02', '2025-04-02', 'day', 'Wed 2 Apr 2025') },
    { id: 2, kind: 'date', value: 'P2Y', timex_type: 'DURATION', start: 10 },
    { id: 3, kind: 'dismissal', date: '2025-03-13', start: 30, when: when('2025-03-13', '2025-03-13', 'day', 'Thu 13 Mar 2025') },
    { id: 4, kind: 'role', start: 0 },
  ];
  const { items, ticks } = layout(claims);
  assert.deepEqual(items.map((i) => i.claim.id), [3, 1]);
  for (const it of items) assert.ok(it.left >= 0 && it.left + it.width <= 1, JSON.stringify(it));
  assert.ok(items[0].left < items[1].left);
  assert.ok(ticks.length >= 2, 'a three-week span gets day or week ticks');
  assert.equal(layout([]).items.length, 0);
});

test('ranges read as the core worded them', () => {
  for (const w of ['Fri 14 Mar 2025', 'week 12 of 2026', 'the first half of 2026', 'summer 2026']) {
    assert.equal(formatRange(claimRange({ when: when('2025-03-14', '2025-03-14', 'day', w) })), w);
  }
});
