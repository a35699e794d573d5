//! Pure helpers for the archive views (person pages, conflicts, matches):
//! what the shell sends, ordered and worded for the screen. No DOM here.

import { summary } from './claims.js';
import { routeHash } from './route.js';

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
 * article and claim. Each entry: { when, section, label, item }.
 */
export function personTimeline(page) {
  const out = [];
  for (const [key, section] of SECTIONS) {
    for (const item of (page && page[key]) || []) {
      out.push({ when: item.sort_date || null, section, label: summary(item.fields || {}), item });
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
