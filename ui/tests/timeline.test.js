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

test('ticks fall on calendar boundaries, at most ten', async () => {
  const { ticks } = await import('../app/js/timeline.js');
  const check = (from, to, first, count) => {
    const t = ticks(day(from), day(to));
    assert.ok(t.length >= 2 && t.length <= 10, `${from}..${to}: ${t.length}`);
    assert.equal(t[0].label, first, `${from}..${to}`);
    if (count) assert.equal(t.length, count, `${from}..${to}`);
    for (let i = 1; i < t.length; i++) assert.ok(t[i].at > t[i - 1].at);
  };
  check('2026-03-09', '2026-03-15', 'Mon 9 Mar', 7);
  check('2026-03-04', '2026-04-20', '9 Mar 2026'); // weeks from Mondays, with the year once
  check('2025-10-15', '2026-04-10', 'Nov'); // months, the year where it changes
  check('2019-01-01', '2026-12-31', '2019');
  check('1900-06-01', '2026-01-01', '1920'); // round years, every 20
  assert.deepEqual(ticks(day('2026-01-01'), day('2026-01-01')), []);
});

test('markers say what happened', async () => {
  const { markerLabel, axisItems, layout } = await import('../app/js/timeline.js');
  const w = when('2026-03-09', '2026-03-09', 'day', 'Mon 9 Mar 2026');
  const claims = [
    { id: 1, kind: 'dismissal', person: 'Mira Solberg', how: 'resigned', role: 'chair', sentence: 0, start: 0, text: 'Mira Solberg resigned', when: w },
    { id: 2, kind: 'date', sentence: 0, start: 30, text: 'Monday', when: w },
    { id: 3, kind: 'date', sentence: 1, start: 60, text: '2019', when: when('2019-01-01', '2019-12-31', 'year', '2019') },
    { id: 4, kind: 'attendance', person: 'Oskar Lindqvist', event: 'visit to Kestrel Bay', place: 'Kestrel Bay', planned: true, sentence: 2, start: 90, text: 'will visit', when: w },
  ];
  const sentences = ['Mira Solberg resigned as chair on Monday.', 'She had led the port authority since 2019.', 'Oskar Lindqvist will visit Kestrel Bay.'];
  const { items } = layout(claims);
  const label = (id) => markerLabel(items.find((i) => i.claim.id === id), claims, (c) => sentences[c.sentence]);
  assert.equal(label(1), 'Solberg resigned as chair');
  assert.equal(label(2), 'Solberg resigned as chair', 'a date says the event of its sentence');
  assert.equal(label(3), '…the port authority since 2019');
  assert.equal(label(4), 'Lindqvist plans: visit to Kestrel Bay');
  assert.deepEqual(axisItems(items).map((i) => i.claim.id).sort(), [1, 3, 4], 'the date of an event is not drawn twice');
});

test('the axis opens on the article’s own period', async () => {
  const { articlePeriod, layout } = await import('../app/js/timeline.js');
  const mk = (id, s, e) => ({ id, kind: 'date', start: id, when: when(s, e, 'day', s) });
  const claims = [mk(1, '2019-01-01', '2019-12-31'), mk(2, '2026-03-09', '2026-03-09'), mk(3, '2026-03-20', '2026-03-20')];
  const period = articlePeriod(layout(claims).items, '2026-03-12');
  assert.deepEqual(period, { from: day('2026-03-09'), to: day('2026-03-21') });
  const zoomed = layout(claims, period);
  assert.equal(zoomed.before, 1);
  assert.equal(zoomed.items.find((i) => i.claim.id === 1).left, null);
  assert.equal(articlePeriod(layout(claims.slice(1)).items, '2026-03-12'), null, 'nothing far: no zoom needed');
  assert.equal(articlePeriod(layout(claims).items, null), null);
});
