//! Pure helpers for the archive views (person pages, conflicts, matches):
//! what the shell sends, ordered and worded for the screen. No DOM here.

import { summary } from './claims.js';
import { routeHash } from './route.js';
import { dayWords } from './published.js';

/** Each contradiction rule in plain words. */
export const RULE_LABEL = {
  exclusive_role: 'Two holders of a one-holder post',
  role_after_departure: 'Role after a departure',
  dates_disagree: 'Dates disagree',
  two_places: 'Two places at once',
  quote_speakers: 'One quote, two speakers',
};

/** The label of a rule ('' unknown rules read as they are). */
export function ruleLabel(rule) {
  return RULE_LABEL[rule] || String(rule || '');
}

const SECTIONS = [
  ['roles', 'role'],
  ['departures', 'departure'],
  ['attendances', 'attendance'],
  ['quotes', 'quote'],
];

/**
 * A person page's items on one timeline: every role, departure,
 * attendance and quote, by the day it is placed on (undated last), then by
 * article and claim. Each entry: { when, words, section, label, item }:
 * `words` is the date in plain words.
 */
export function personTimeline(page) {
  const out = [];
  for (const [key, section] of SECTIONS) {
    for (const item of (page && page[key]) || []) {
      const fields = { ...(item.fields || {}), date_words: item.date_words };
      out.push({ when: item.sort_date || null, words: item.date_words || dayWords(item.sort_date) || null, section, label: summary(fields), item });
    }
  }
  out.sort((a, b) => {
    if (a.when !== b.when) {
      if (a.when === null) return 1;
      if (b.when === null) return -1;
      return a.when < b.when ? -1 : 1;
    }
    return a.item.article_id - b.item.article_id || a.item.claim_id - b.item.claim_id;
  });
  return out;
}

/** Matches first, then suggestions, each best first, as the core sends them. */
export function matchGroups(list) {
  const all = Array.isArray(list) ? list : [];
  return {
    matches: all.filter((m) => m.level === 'match'),
    suggestions: all.filter((m) => m.level === 'suggestion'),
  };
}

/** The people a conflict names ("A / B" → ["A", "B"]). */
export function conflictPeople(conflict) {
  return String((conflict && conflict.person) || '')
    .split(' / ')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The hash of a person's page. */
export function personHash(name) {
  return routeHash('person', null, { name });
}

/**
 * Where the article names the people its claims are about: every
 * occurrence of a claim's person or speaker by full name, and by surname
 * alone when no other person of the article shares it. Returns spans in
 * string indices, `{id, start, end, name}` with ids `p0`, `p1`, … (so they
 * can sit beside claim spans), first to last, never overlapping.
 */
export function personMentions(text, claims) {
  const names = [...new Set(claims.map((c) => c.person || c.speaker).filter((n) => n && /\s/.test(n.trim())))];
  const surnames = new Map();
  for (const n of names) {
    const last = n.trim().split(/\s+/).pop();
    surnames.set(last, surnames.has(last) ? null : n);
  }
  const found = [];
  const isWordChar = (ch) => !!ch && /[\p{L}\p{N}'’-]/u.test(ch);
  const scan = (needle, name) => {
    if (!needle || needle.length < 3) return;
    for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) {
      if (isWordChar(text[at - 1]) || isWordChar(text[at + needle.length])) continue;
      found.push({ start: at, end: at + needle.length, name });
    }
  };
  for (const n of names) scan(n.trim(), n);
  for (const [last, n] of surnames) if (n && /^\p{Lu}/u.test(last)) scan(last, n);
  // Longest first where they overlap (a full name over its surname).
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  for (const f of found) {
    if (out.length && f.start < out[out.length - 1].end) continue;
    out.push({ id: `p${out.length}`, ...f });
  }
  return out;
}
