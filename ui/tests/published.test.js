//! The words of the import date check: a detected date and its source, a
//! guess, a typed date, a field that holds no date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayWords, dateNote, pasteHint } from '../app/js/published.js';

test('days in plain words', () => {
  const check = (text, want) => assert.equal(dayWords(text), want, text);
  check('2026-03-12', 'Thu 12 Mar 2026');
  check('1987-02-26', 'Thu 26 Feb 1987');
  check(' 2024-02-29 ', 'Thu 29 Feb 2024');
  check('', '');
  check('2023-02-29', null);
  check('12/03/2026', null);
});

const dateline = { published: '2026-03-12', suggested: '2026-03-12', date_source: 'dateline', date_source_words: 'from the dateline', guess: false };
const yearGuessed = { published: '2026-02-26', suggested: '2026-02-26', date_source: 'year_guessed', date_source_words: 'from a dateline without a year: the year is a guess', guess: true };
const missing = { published: null, suggested: '2026-11-29', date_source: 'missing', date_source_words: 'not found in the article', guess: true };

test('what the confirmation says beside each date', () => {
  const check = (staged, typed, want) => {
    const got = dateNote(staged, typed);
    assert.equal(got.guess, want.guess, typed);
    assert.equal(got.invalid, want.invalid ?? false, typed);
    assert.match(got.note, want.note, typed);
  };
  check(dateline, '2026-03-12', { guess: false, note: /from the dateline/ });
  check(yearGuessed, '2026-02-26', { guess: true, note: /year is a guess/ });
  check(yearGuessed, '1987-02-26', { guess: false, note: /As you typed/ });
  check(missing, '2026-11-29', { guess: true, note: /today.*guess/ });
  check(missing, '', { guess: true, note: /stay unresolved/ });
  check(dateline, '2026-13-01', { guess: true, invalid: true, note: /YYYY-MM-DD/ });
});

test('the paste dialog says what it found', () => {
  assert.match(pasteHint({ published: '2024-12-03', date_source_words: 'from the dateline', guess: false }), /from the dateline: Tue 3 Dec 2024/);
  assert.match(pasteHint({ published: '2026-02-26', date_source_words: 'from a dateline without a year: the year is a guess', guess: true }), /Check it/);
  assert.match(pasteHint({ published: null }), /No date found/);
  assert.equal(pasteHint(null), '');
});

test('library sources, short', async () => {
  const { sourceLabel } = await import('../app/js/views/library.js');
  const check = (source, want) => assert.equal(sourceLabel(source), want, String(source));
  check('https://www.example.org/news/2026/pier', 'example.org');
  check('/home/desk/articles/ferry.txt', 'ferry.txt');
  check('C:\\desk\\ferry.docx', 'ferry.docx');
  check('Claimdesk sample', 'Claimdesk sample');
  check(null, '—');
});
