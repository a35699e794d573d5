//! The team indicator's words and when new work redraws the view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { syncLabel, mayRefresh } from '../app/js/team.js';

test('the sync indicator says where the desk stands', () => {
  const check = (view, state, text) => {
    const l = syncLabel(view);
    assert.equal(l.state, state, JSON.stringify(view));
    assert.match(l.text, text, JSON.stringify(view));
  };
  check(null, 'none', /Team/);
  check({ joined: false }, 'none', /Team/);
  check({ joined: true, state: 'synced', pending: 0, conflicts: [] }, 'synced', /^Synced$/);
  check({ joined: true, state: 'pending', pending: 3, conflicts: [] }, 'pending', /3 to send/);
  check({ joined: true, state: 'offline', pending: 2, conflicts: [] }, 'offline', /Offline · 2 pending/);
  check({ joined: true, state: 'offline', pending: 0, conflicts: [] }, 'offline', /^Offline$/);
  check({ joined: true, state: 'offline', pending: 2, conflicts: [{}, {}] }, 'conflict', /2 conflicts/);
});

test('new work redraws the view, not while typing', () => {
  assert.equal(mayRefresh({ pulled: 2 }, false), true);
  assert.equal(mayRefresh({ pulled: 2 }, true), false);
  assert.equal(mayRefresh({ pulled: 0 }, false), false);
  assert.equal(mayRefresh(null, false), false);
});
