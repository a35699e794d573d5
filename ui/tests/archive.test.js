//! The archive views' pure helpers: a person's items on one timeline in
//! date order (undated last), matches before suggestions, the people a
//! conflict names, rules in plain words, and the person route.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personTimeline, matchGroups, conflictPeople, ruleLabel, personHash } from '../app/js/archive.js';
import { parseRoute } from '../app/js/route.js';

const item = (claim_id, article_id, sort_date, fields) => ({ claim_id, article_id, sort_date, kind: fields.kind, fields, verdict: 'unreviewed' });

function check(page, expected) {
  assert.deepEqual(personTimeline(page).map((e) => [e.when, e.section, e.label]), expected);
}

test('a person page on one timeline', () => {
  check({
    roles: [item(5, 2, '2021-06-01', { kind: 'role', person: 'Tomas Ekhart', role: 'chief executive', org: 'Brightwell' })],
    departures: [item(3, 1, '2021-01-04', { kind: 'dismissal', person: 'Tomas Ekhart', role: 'chief executive', how: 'resigned', date: '2021-01-04' })],
    attendances: [item(9, 4, null, { kind: 'attendance', person: 'Tomas Ekhart', event: 'trade fair', planned: false })],
    quotes: [item(7, 3, '2021-06-01', { kind: 'quote', speaker: 'Tomas Ekhart', quote: 'We will grow.' })],
  }, [
    ['2021-01-04', 'departure', 'Tomas Ekhart resigned as chief executive on 2021-01-04'],
    ['2021-06-01', 'role', 'Tomas Ekhart — chief executive (Brightwell)'],
    ['2021-06-01', 'quote', 'Tomas Ekhart: “We will grow.”'],
    [null, 'attendance', 'Tomas Ekhart attended trade fair'],
  ]);
  check({}, []);
});

test('matches come before suggestions', () => {
  const g = matchGroups([
    { claim_id: 1, level: 'match' },
    { claim_id: 2, level: 'suggestion' },
    { claim_id: 3, level: 'match' },
  ]);
  assert.deepEqual(g.matches.map((m) => m.claim_id), [1, 3]);
  assert.deepEqual(g.suggestions.map((m) => m.claim_id), [2]);
  assert.deepEqual(matchGroups(null), { matches: [], suggestions: [] });
});

test('conflicts name their people and rules in words', () => {
  for (const [person, want] of [
    ['Oskar Brandvik / Liesel Marrow', ['Oskar Brandvik', 'Liesel Marrow']],
    ['Tomas Ekhart', ['Tomas Ekhart']],
    ['', []],
  ]) {
    assert.deepEqual(conflictPeople({ person }), want);
  }
  assert.equal(ruleLabel('two_places'), 'Two places at once');
  assert.equal(ruleLabel('new_rule'), 'new_rule');
});

test('person and conflicts routes', () => {
  assert.deepEqual(parseRoute(personHash('Liesel Marrow')), { view: 'person', id: null, params: { name: 'Liesel Marrow' } });
  assert.deepEqual(parseRoute('#/person'), { view: 'library', id: null, params: {} });
  assert.deepEqual(parseRoute('#/conflicts?all=1'), { view: 'conflicts', id: null, params: { all: '1' } });
});

test('the person and conflicts views show what the shell sends, as text', async () => {
  const { installFakeDocument, allElements } = await import('./fake-dom.js');
  installFakeDocument();
  const person = await import('../app/js/views/person.js');
  const conflicts = await import('../app/js/views/conflicts.js');
  const hostile = '<img src=x onerror="window.pwned=1">';
  const page = {
    id: 'ekhart tomas', name: 'Tomas Ekhart', names: ['Tomas Ekhart', 'T. Ekhart'], claims: 2, articles: 2,
    roles: [{ ...item(5, 2, '2021-06-01', { kind: 'role', person: 'Tomas Ekhart', role: 'chief executive' }), article_title: hostile, published: '2021-06-01' }],
    departures: [{ ...item(3, 1, '2021-01-04', { kind: 'dismissal', person: 'Tomas Ekhart', how: 'resigned' }), article_title: 'Ekhart leaves', published: '2021-01-05' }],
    attendances: [], quotes: [],
  };
  const conflict = { id: 'role_after_departure:3', rule: 'role_after_departure', claim_ids: [3, 5], person: 'Tomas Ekhart', reason: 'Tomas Ekhart left the post of chief executive, but a later article calls them chief executive' };
  const went = [];
  const ctx = {
    backend: { personPage: async () => page, listConflicts: async () => [conflict] },
    go: (...a) => went.push(a),
  };
  const root = document.createElement('main');
  await person.mount(root, ctx, { params: { name: 'Tomas Ekhart' } });
  const text = root.textContent;
  assert.ok(text.includes('Tomas Ekhart') && text.includes('Role after a departure') && text.includes(hostile));
  assert.ok(text.indexOf('resigned') < text.indexOf('chief executive (') || text.indexOf('resigned') < text.lastIndexOf('chief executive'));
  assert.ok(allElements(root).every((el) => el.tagName !== 'IMG'), 'titles stay text');
  const root2 = document.createElement('main');
  await conflicts.mount(root2, ctx, { params: {} });
  assert.ok(root2.textContent.includes('role_after_departure:3'));
  const personButton = allElements(root2).find((el) => el.tagName === 'BUTTON' && el.textContent === 'Tomas Ekhart');
  personButton.listeners.click[0]();
  assert.deepEqual(went.at(-1), ['person', null, { name: 'Tomas Ekhart' }]);
});

test('an article marks its claims in conflict and links their people', async () => {
  const { installFakeDocument, allElements } = await import('./fake-dom.js');
  installFakeDocument();
  const { claimItem } = await import('../app/js/views/article.js');
  const c = { id: 5, kind: 'role', status: 'unreviewed', text: 'chair Oskar Brandvik', person: 'Oskar Brandvik', role: 'chair' };
  const opened = [];
  const conflicts = new Map([[5, ['Veltrax has one chair at a time']]]);
  const li = claimItem(c, () => {}, { conflicts, person: (n) => opened.push(n) });
  assert.ok(li.className.includes('in-conflict'));
  assert.ok(li.textContent.includes('⚠ 1'));
  const link = allElements(li).find((el) => el.tagName === 'BUTTON' && el.attributes['aria-label'] === 'Person page: Oskar Brandvik');
  link.listeners.click[0]({ stopPropagation() {} });
  assert.deepEqual(opened, ['Oskar Brandvik']);
  const plain = claimItem({ ...c, id: 6 }, () => {});
  assert.ok(!plain.className.includes('in-conflict'));
});

test('the people an article names, by full name and unshared surname', async () => {
  const { personMentions } = await import('../app/js/archive.js');
  const text = 'Mayor Ilse Marven met Oskar Lindqvist. Marven said the pier would open. Lindqvistson and Petra Lind disagreed; Lind left.';
  const claims = [
    { kind: 'role', person: 'Ilse Marven' },
    { kind: 'attendance', person: 'Oskar Lindqvist' },
    { kind: 'quote', speaker: 'Ilse Marven' },
    { kind: 'role', person: 'Petra Lind' },
    { kind: 'quote', speaker: 'Lind' }, // one word: no mention of its own
  ];
  const got = personMentions(text, claims).map((m) => [text.slice(m.start, m.end), m.name]);
  assert.deepEqual(got, [
    ['Ilse Marven', 'Ilse Marven'],
    ['Oskar Lindqvist', 'Oskar Lindqvist'],
    ['Marven', 'Ilse Marven'],
    ['Petra Lind', 'Petra Lind'],
    ['Lind', 'Petra Lind'],
  ]);
  assert.deepEqual(personMentions('No names here.', []), []);
});
