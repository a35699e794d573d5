//! The analysed article the claim rules share: segments, people, dates, and
//! the small grammar helpers every rule needs (clause bounds, the subject
//! before a verb, the people after it, title phrases, negation and
//! hypothesis, the date and place of a clause).

use super::coref::{self, Coref};
use super::lexicon;
use super::segment::{Doc, Seg, SegKind, Tk};
use super::timex::Timex;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A person found at some tokens: the entity and the token range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Who {
    pub entity: usize,
    pub start: usize,
    pub end: usize,
}

/// A title phrase: "the former chief of staff of Ukraine's armed forces".
#[derive(Debug, Clone, PartialEq)]
pub struct TitleNp {
    pub start: usize,
    pub end: usize,
    /// One or more titles ("chairman and chief executive" gives two).
    pub roles: Vec<String>,
    pub org: Option<String>,
}

pub struct Ctx<'a> {
    pub doc: Doc<'a>,
    pub coref: Coref,
    pub timexes: Vec<Timex>,
    pub published: Option<NaiveDate>,
    /// Lower-case title (and its head word) → the entity that holds it, for
    /// "the president" and the like.
    /// Each holder comes with the canonical place of the role's
    /// organization, if it is one ("French President" → France).
    pub role_index: HashMap<String, Vec<(usize, Option<&'static str>)>>,
    /// The role claims the index pass found (`role::index_pass`).
    pub roles: Vec<crate::model::Claim>,
    /// Indexes into `timexes`, by start offset (then index), so the dates of
    /// a sentence are found by binary search, not by scanning every date of
    /// the article for each verb.
    timex_by_start: Vec<usize>,
    /// Indexes of malformed dates (start after end), normally none.
    timex_malformed: Vec<usize>,
}

fn is_det(w: &str) -> bool {
    matches!(w, "a" | "an" | "the")
}

fn is_poss_pronoun(w: &str) -> bool {
    matches!(w, "his" | "her" | "their" | "its")
}

impl<'a> Ctx<'a> {
    pub fn new(text: &'a str, published: Option<NaiveDate>, timexes: Vec<Timex>) -> Self {
        let doc = super::segment::segment(text);
        let coref = coref::resolve(&doc);
        let mut timex_by_start: Vec<usize> = (0..timexes.len()).collect();
        timex_by_start.sort_by_key(|&i| (timexes[i].start, i));
        let timex_malformed = (0..timexes.len())
            .filter(|&i| timexes[i].start > timexes[i].end)
            .collect();
        Ctx {
            doc,
            coref,
            timexes,
            published,
            role_index: HashMap::new(),
            roles: Vec::new(),
            timex_by_start,
            timex_malformed,
        }
    }

    /// The temporal expressions starting in bytes `[lo, hi]`, by start,
    /// with their index in `timexes`.
    pub fn timexes_starting_in(
        &self,
        lo: usize,
        hi: usize,
    ) -> impl Iterator<Item = (usize, &Timex)> {
        let from = self
            .timex_by_start
            .partition_point(|&i| self.timexes.get(i).is_some_and(|t| t.start < lo));
        self.timex_by_start[from..]
            .iter()
            .filter_map(|&i| Some((i, self.timexes.get(i)?)))
            .take_while(move |(_, t)| t.start <= hi)
    }

    /// Segments the claim rules read (no datelines or credits).
    pub fn claim_segs(&self) -> impl Iterator<Item = (usize, &Seg)> {
        self.doc
            .segs
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.kind, SegKind::Body | SegKind::Headline))
    }

    pub fn lc(&self, i: usize) -> &str {
        self.doc.lc(i)
    }

    /// A title as the tokens `[a, b)` write it, abbreviations written out
    /// ("Lt. Gov." → "Lieutenant Governor").
    pub fn title_phrase(&self, a: usize, b: usize) -> String {
        let words: Vec<String> = (a..b)
            .map(|i| {
                let w = self.lc(i);
                let full = lexicon::title_word(w);
                if full == w {
                    return self.doc.s(i).to_string();
                }
                let mut c = full.chars();
                match c.next() {
                    Some(f) if self.doc.is_cap(i) => f.to_uppercase().chain(c).collect(),
                    _ => full.to_string(),
                }
            })
            .collect();
        words.join(" ")
    }

    /// Byte span of tokens `[a, b)`.
    pub fn bytes(&self, a: usize, b: usize) -> (usize, usize) {
        let t = &self.doc.tokens;
        match (t.get(a), b.checked_sub(1).and_then(|e| t.get(e))) {
            (Some(x), Some(y)) if y.end >= x.start => (x.start, y.end),
            _ => (0, 0),
        }
    }

    /// The text of tokens `[a, b)`, with runs of white space made single
    /// spaces (wire text wraps lines inside phrases).
    pub fn phrase(&self, a: usize, b: usize) -> String {
        self.doc
            .span(a, b)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn boundary(&self, i: usize) -> bool {
        let s = self.doc.s(i);
        matches!(s, ";" | ":" | "--" | "\u{2014}" | "\u{2013}" | "(" | ")")
            || (s == "-" && self.doc.tokens.get(i).is_some_and(|t| t.kind == Tk::Punct))
            || matches!(
                self.lc(i),
                "but" | "while" | "whereas" | "although" | "though" | "because"
            )
    }

    /// First token of the clause holding `i`.
    pub fn clause_start(&self, i: usize, seg: &Seg) -> usize {
        let mut k = i;
        while k > seg.tok_start {
            if self.boundary(k - 1) {
                return k;
            }
            k -= 1;
        }
        seg.tok_start
    }

    /// End (exclusive) of the clause holding `i`.
    pub fn clause_end(&self, i: usize, seg: &Seg) -> usize {
        let mut k = i + 1;
        while k < seg.tok_end {
            if self.boundary(k)
                || (self.doc.s(k) == ","
                    && matches!(
                        self.lc(k + 1),
                        "which" | "who" | "as" | "after" | "before" | "when"
                    ))
            {
                return k;
            }
            k += 1;
        }
        seg.tok_end
    }

    /// The person a definite description ending at `i` refers to ("the
    /// president", "the US first lady"), and where it starts.
    pub fn definite_ending_at(&self, i: usize, floor: usize) -> Option<Who> {
        let head = self.lc(i);
        if !lexicon::is_title_head(head) {
            return None;
        }
        let mut k = i;
        let mut n = 0;
        while k > floor && n < 5 {
            let w = self.lc(k - 1);
            // "the US President and British prime minister": a shared "the".
            let shared = w == "and"
                && k >= floor + 2
                && lexicon::is_title_head(self.lc(k - 2))
                && self.def_phrase_start(k - 2, floor).is_some();
            if w == "the" || shared {
                // The whole title as written, or its head.
                let title: Vec<&str> = (k..=i)
                    .map(|j| self.lc(j))
                    .filter(|w| lexicon::place(w).is_none())
                    .collect();
                let full = title.join(" ");
                // "the US President" is not the French one.
                let place = (k..=i).find_map(|j| lexicon::place(self.lc(j)));
                let holders = self
                    .role_index
                    .get(&full)
                    .or_else(|| self.role_index.get(head))?;
                let e = holders
                    .iter()
                    .rev()
                    .find(|(_, org)| place.is_none() || org.is_none() || *org == place)
                    .map(|(e, _)| e)?;
                return Some(Who {
                    entity: *e,
                    start: if shared { k } else { k - 1 },
                    end: i + 1,
                });
            }
            if lexicon::is_title_word(w)
                || lexicon::place(w).is_some()
                || lexicon::is_title_modifier(w)
            {
                k -= 1;
                n += 1;
            } else {
                return None;
            }
        }
        None
    }

    /// Start of a definite title phrase ("the US President") ending at `i`.
    fn def_phrase_start(&self, i: usize, floor: usize) -> Option<usize> {
        let mut k = i;
        while k > floor && i - k < 5 {
            let w = self.lc(k - 1);
            if w == "the" {
                return Some(k - 1);
            }
            if !(lexicon::is_title_word(w)
                || lexicon::place(w).is_some()
                || lexicon::is_title_modifier(w))
            {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// A person (name, resolved pronoun or definite description) ending at
    /// token `i` (inclusive). Possessives do not count.
    pub fn person_ending_at(&self, i: usize, floor: usize) -> Option<Who> {
        if let Some(m) = self.coref.at(i) {
            if m.end == i + 1
                && !m.possessive
                && (!m.pronoun || matches!(self.lc(i), "he" | "she" | "him" | "her"))
            {
                return Some(Who {
                    entity: m.entity,
                    start: m.start,
                    end: m.end,
                });
            }
            return None;
        }
        self.definite_ending_at(i, floor)
    }

    /// The subject of the verb at `v`: the person right before it (adverbs
    /// and auxiliaries aside, or across an appositive), with the people
    /// coordinated with it ("A, B and C resigned").
    pub fn subject_before(&self, v: usize, seg: &Seg) -> Vec<Who> {
        let floor = self.clause_start(v, seg);
        let mut k = v;
        while k > floor
            && (lexicon::is_verb_filler(self.lc(k - 1)) || self.lc(k - 1).ends_with("ly"))
        {
            k -= 1;
        }
        // "X -- who resigned": a dash closes the clause before "who".
        if k == floor + 1
            && self.lc(floor) == "who"
            && floor >= seg.tok_start + 2
            && matches!(self.doc.s(floor - 1), "--" | "\u{2014}" | "\u{2013}")
        {
            return self
                .person_ending_at(floor - 2, seg.tok_start)
                .into_iter()
                .collect();
        }
        if k == floor {
            return Vec::new();
        }
        // "X, who resigned": the antecedent of the relative pronoun.
        if self.lc(k - 1) == "who"
            && k >= floor + 3
            && matches!(self.doc.s(k - 2), "," | "--" | "\u{2014}" | "\u{2013}")
        {
            return self.person_ending_at(k - 3, floor).into_iter().collect();
        }
        // "X was forced to resign", "X is due to travel": the subject of
        // the governing verb (demands and refusals are `blocked`).
        if matches!(self.lc(k - 1), "to" | "into")
            && k >= floor + 2
            && self.doc.kind(k - 2) == Some(Tk::Word)
        {
            return self.subject_before(k - 2, seg);
        }
        // ", visiting ...": a participle takes the main clause's subject.
        if self.lc(v).ends_with("ing") && k == v && self.doc.kind(k - 1) != Some(Tk::Word) {
            let si = self
                .doc
                .segs
                .partition_point(|s| s.tok_start <= v)
                .saturating_sub(1);
            return self
                .coref
                .in_seg(si)
                .find(|m| m.start < v && !m.possessive)
                .map(|m| Who {
                    entity: m.entity,
                    start: m.start,
                    end: m.end,
                })
                .into_iter()
                .collect();
        }
        let mut first = self.person_ending_at(k - 1, floor);
        // "King Ivo of Valmora abdicated": past "of PLACE" to the name.
        if first.is_none() && self.doc.is_cap(k - 1) {
            let mut j = k - 1;
            while j > floor && self.doc.is_cap(j - 1) && j + 4 > k {
                j -= 1;
            }
            if j > floor + 1 && self.lc(j - 1) == "of" {
                first = self.person_ending_at(j - 2, floor);
            }
        }
        // "A inspected the terminal and met B": a second verb shares the
        // first one's subject.
        if first.is_none() && self.lc(k - 1) == "and" {
            let lo = k.saturating_sub(12).max(floor);
            for j in (lo..k - 1).rev() {
                let w = self.lc(j);
                let verb_like = self.doc.kind(j) == Some(Tk::Word)
                    && !self.doc.is_cap(j)
                    && (w.ends_with("ed")
                        || self
                            .doc
                            .has(j, lexicon::flag::ATTEND | lexicon::flag::DISMISS));
                if verb_like {
                    let people = self.subject_before(j, seg);
                    if !people.is_empty() {
                        return people;
                    }
                }
            }
        }
        // "The two officials attended": the people just named.
        if first.is_none() {
            let group = self.plural_before(k - 1, seg);
            if group.len() >= 2 {
                return group;
            }
        }
        if first.is_none() && self.doc.s(k - 1) == "," {
            // Across an appositive: "Grossman, 34, who had been ..., stole".
            let mut j = k - 1;
            let lim = j.saturating_sub(30).max(floor);
            while j > lim {
                j -= 1;
                if let Some(m) = self.coref.at(j)
                    && !m.pronoun
                    && self.doc.s(m.end) == ","
                    && m.end == j + 1
                {
                    // The appositive must open right after the name. A
                    // name inside the appositive ("X, deputy assistant to
                    // President Y, said") is not the subject: keep going
                    // back to the earliest such name.
                    if let Some(w) = self.person_ending_at(j, floor) {
                        first = Some(w);
                    }
                }
            }
        }
        let Some(first) = first else {
            return Vec::new();
        };
        let mut out = vec![first];
        self.coordinated_before(first.start, floor, &mut out);
        // "Ana Pelk, Ivo Lund meet": a bare verb after one name tells of
        // a plural subject listed with commas, as headlines write it.
        let w = self.lc(v);
        let bare = lexicon::triggers(w, lexicon::Kind::Attendance).any(|t| !t.noun && t.lemma == w);
        if out.len() == 1
            && bare
            && k == v
            && first.start >= floor + 2
            && self.doc.s(first.start - 1) == ","
            && let Some(p) = self.person_ending_at(first.start - 2, floor)
            && p.entity != first.entity
        {
            out.insert(0, p);
        }
        out
    }

    /// People coordinated before `start`: "A, B and C".
    fn coordinated_before(&self, start: usize, floor: usize, out: &mut Vec<Who>) {
        let mut s = start;
        let mut first = true;
        loop {
            // Skip a title phrase before the name ("Trump's son-in-law").
            let mut k = s;
            let mut skipped = 0;
            while k > floor && skipped < 5 {
                let w = self.lc(k - 1);
                if w == "and" || w == "," {
                    break;
                }
                let m = self.coref.at(k - 1);
                if lexicon::is_title_word(w)
                    || w == "'s"
                    || m.is_some_and(|m| m.possessive)
                    || lexicon::is_title_modifier(w)
                    || is_det(w)
                {
                    k -= 1;
                    skipped += 1;
                } else {
                    break;
                }
            }
            // The connector nearest the head is "and": "A, B and C".
            let conn = if k > floor { self.lc(k - 1) } else { "" };
            if k <= floor + 1 || !(conn == "and" || (conn == "," && !first)) {
                return;
            }
            first = false;
            match self.person_ending_at(k - 2, floor) {
                Some(w) if !out.iter().any(|o| o.entity == w.entity) => {
                    out.insert(0, w);
                    s = w.start;
                }
                _ => return,
            }
        }
    }

    /// The people right after `i` (from token `i` on): a name or pronoun,
    /// possibly after a title phrase ("his chief of staff, Andriy Yermak"),
    /// and those coordinated with it, appositives skipped.
    pub fn people_from(&self, i: usize, end: usize) -> Vec<(Who, Option<TitleNp>)> {
        let mut out = Vec::new();
        let mut k = i;
        while let Some((who, np)) = self.person_from(k, end) {
            let mut j = who.end;
            // Skip "(r.)" and an appositive ", the chief of staff of X,".
            if self.doc.s(j) == "(" && self.doc.s(j + 2) == ")" {
                j += 3;
            }
            if self.doc.s(j) == ","
                && let Some(ap) = self.post_title(j + 1, end)
            {
                j = ap.end;
            }
            if !out
                .iter()
                .any(|(o, _): &(Who, Option<TitleNp>)| o.entity == who.entity)
            {
                out.push((who, np));
            }
            if self.doc.s(j) == "," {
                j += 1;
            }
            if self.lc(j) == "and" {
                j += 1;
            }
            if j == who.end || j >= end {
                break;
            }
            // A pronoun after "and" opens a new clause ("..., and he said").
            if self.coref.at(j).is_some_and(|m| m.pronoun && !m.possessive) {
                break;
            }
            k = j;
        }
        out
    }

    /// One person starting at `i`, possibly after a title phrase.
    pub fn person_from(&self, i: usize, end: usize) -> Option<(Who, Option<TitleNp>)> {
        if i >= end {
            return None;
        }
        if let Some(m) = self.coref.at(i)
            && m.start == i
            && !(m.pronoun && m.possessive)
        {
            if m.possessive && !m.pronoun {
                // "Trump's son-in-law Jared Kushner": the person is after.
                let np = self.pre_chain_after(m.end + 1, end);
                return np;
            }
            return Some((
                Who {
                    entity: m.entity,
                    start: m.start,
                    end: m.end,
                },
                None,
            ));
        }
        self.pre_chain_after(i, end)
            .or_else(|| self.possessive_title_at(i, end).map(|w| (w, None)))
    }

    /// "Valmora's leader", "the country's president": a place's title with
    /// no name after it, resolved to the one the article gave that title
    /// for that place (`role_index`).
    fn possessive_title_at(&self, i: usize, end: usize) -> Option<Who> {
        let mut p = i;
        while p < end && p < i + 3 && self.doc.is_cap(p) {
            p += 1;
        }
        if p == i || self.lc(p) != "'s" {
            return None;
        }
        let words: Vec<&str> = (i..p).map(|k| self.lc(k)).collect();
        let place = lexicon::place(&words.join(" "))?;
        let mut h = p + 1;
        while h < end && h < p + 4 && !lexicon::is_title_head(self.lc(h)) {
            if !self.is_modifier(h) || self.doc.is_cap(h) {
                return None;
            }
            h += 1;
        }
        let head = self.lc(h);
        if h >= end || !lexicon::is_title_head(head) || self.doc.is_cap(h + 1) {
            return None;
        }
        let holders = self.role_index.get(lexicon::title_word(head))?;
        let (e, _) = holders.iter().rev().find(|(_, org)| *org == Some(place))?;
        Some(Who {
            entity: *e,
            start: i,
            end: h + 1,
        })
    }

    /// "[the|his|X's] [former] [Org] TITLE[,] Name" starting at `i`.
    fn pre_chain_after(&self, i: usize, end: usize) -> Option<(Who, Option<TitleNp>)> {
        let lim = (i + 12).min(end);
        for j in i..lim {
            if let Some(m) = self.coref.at(j)
                && !m.pronoun
                && !m.possessive
                && m.start == j
            {
                // "Reagan confidant Paul Laxalt", "Pelk adviser Ivo Lund": a
                // name before a title or person noun modifies it; the
                // person is the name after.
                let mut h = m.end;
                while h < lim.min(m.end + 3)
                    && self.doc.kind(h) == Some(Tk::Word)
                    && !self.doc.is_cap(h)
                {
                    h += 1;
                }
                // (The noun test, a lemma look-up, only once a name follows.)
                if h > m.end
                    && let Some(n) = self.coref.at(h).filter(|n| !n.pronoun && n.start == h)
                    && (m.end..h).all(|t| {
                        let w = self.lc(t);
                        lexicon::is_title_word(w) || crate::lexical::words::is_mainly_person_noun(w)
                    })
                {
                    return Some((
                        Who {
                            entity: n.entity,
                            start: n.start,
                            end: n.end,
                        },
                        None,
                    ));
                }
                if j == i {
                    return None;
                }
                let np = self
                    .post_title(i, j)
                    .or_else(|| self.post_title(i, j.saturating_sub(1)));
                // Between must be title material only.
                let ok = (i..j).all(|t| {
                    let w = self.lc(t);
                    !matches!(w, "." | ";" | ":" | "who" | "which" | "that")
                        && !lexicon::is_speech_verb(w)
                });
                if !ok {
                    return None;
                }
                // "congressional leaders Ana Pelk and Ivo Lund": a plural
                // title shared by the names after it.
                let plural_title = j - i <= 5 && {
                    let h = self.lc(j - 1);
                    h.len() > 3
                        && h.ends_with('s')
                        && lexicon::is_title_head(&h[..h.len() - 1])
                        && (i..j - 1).all(|t| {
                            self.doc.is_cap(t) || self.is_modifier(t) || is_det(self.lc(t))
                        })
                };
                let titled = plural_title || (j - i <= 9 && self.pre_title(j, i).is_some());
                // "his counterpart, Petra Haldane".
                let related = j - i <= 4
                    && matches!(self.lc(i), "his" | "her" | "their")
                    && self.doc.s(j - 1) == ","
                    && (i + 1..j - 1).all(|t| self.doc.kind(t) == Some(Tk::Word));
                if np.is_some()
                    || titled
                    || related
                    || (i..j)
                        .all(|t| self.doc.is_cap(t) || self.lc(t) == "'s" || is_det(self.lc(t)))
                {
                    return Some((
                        Who {
                            entity: m.entity,
                            start: m.start,
                            end: m.end,
                        },
                        np,
                    ));
                }
                return None;
            }
            if j > i + 1
                && let Some(d) = self.definite_ending_at(j, i)
                && d.start == i
            {
                return Some((d, None));
            }
        }
        None
    }

    /// The longest title from the lexicon starting at token `i`; its end.
    pub fn title_at(&self, i: usize) -> Option<usize> {
        if !lexicon::is_title_start(self.lc(i)) {
            return None;
        }
        let mut best = None;
        let mut key = String::with_capacity(48);
        for n in 1..=7 {
            let j = i + n - 1;
            if j >= self.doc.tokens.len() || self.doc.kind(j) != Some(Tk::Word) {
                break;
            }
            if n > 1 {
                key.push(' ');
            }
            key.push_str(lexicon::title_word(self.lc(j)));
            if lexicon::is_title(&key) {
                best = Some(j + 1);
            }
        }
        best
    }

    /// A short all-capitals word: "UK", "UKIP", "GOP" (not "WATCHED").
    pub fn is_acronym(&self, i: usize) -> bool {
        self.doc.is_allcaps(i) && self.doc.s(i).len() <= 5
    }

    pub(crate) fn is_modifier(&self, i: usize) -> bool {
        let w = self.lc(i);
        self.doc.kind(i) == Some(Tk::Word)
            && ((lexicon::is_title_modifier(w)
                && (!self.doc.is_cap(i) || lexicon::is_title_word(w)))
                || (lexicon::is_title_word(w) && !lexicon::is_stopword(w))
                || (lexicon::is_org_word(w) && !self.doc.is_cap(i))
                || (!self.doc.is_cap(i)
                    && w.len() > 4
                    && (w.ends_with("al")
                        || w.ends_with("ial")
                        || w.ends_with("ive")
                        || w.ends_with("ary"))))
    }

    /// The title phrase that ends right before token `end` ("former London
    /// mayor" before "Boris Johnson"), with titles coordinated before it
    /// ("British designer and former Spice Girls member").
    pub fn pre_title(&self, end: usize, floor: usize) -> Option<TitleNp> {
        let mut roles = Vec::new();
        let mut org = None;
        let mut e = end;
        let mut start;
        // Where the title nearest the name starts, and its organization.
        let mut first: Option<(usize, Option<String>)> = None;
        loop {
            if e == 0 || !lexicon::is_title_head(self.lc(e - 1)) {
                return None;
            }
            let lo = e.saturating_sub(7).max(floor);
            let j = (lo..e).find(|&j| self.title_at(j) == Some(e))?;
            // Title words written in lower case or as a capitalized title.
            let mut k = j;
            while k > floor && self.is_modifier(k - 1) && self.lc(k - 1) != "former" {
                k -= 1;
            }
            let mut role_start = k;
            let mut role_start_override = None;
            let mut former = false;
            let mut this_org = None;
            if k > floor {
                let w = self.lc(k - 1);
                if w == "'s" && k >= floor + 2 {
                    let p = k - 2;
                    if let Some(m) = self.coref.at(p) {
                        this_org = Some(self.coref.name(m.entity).to_string());
                        k = m.start;
                    } else {
                        let mut s = p + 1;
                        while s > floor && self.doc.is_cap(s - 1) {
                            s -= 1;
                        }
                        if s <= p {
                            this_org = Some(self.org_name(s, p + 1));
                            k = s;
                        }
                    }
                } else if is_poss_pronoun(w) {
                    if let Some(m) = self.coref.at(k - 1) {
                        this_org = Some(self.coref.name(m.entity).to_string());
                    }
                    k -= 1;
                } else if self.doc.is_cap(k - 1) || self.is_acronym(k - 1) {
                    let mut s = k;
                    while s > floor
                        && (self.doc.is_cap(s - 1) || self.is_acronym(s - 1))
                        && !matches!(
                            self.lc(s - 1),
                            "former" | "then" | "acting" | "outgoing" | "incoming"
                        )
                        && self.coref.at(s - 1).is_none()
                        && (!lexicon::is_stopword(self.lc(s - 1)) || self.is_acronym(s - 1))
                    {
                        s -= 1;
                    }
                    if s < k {
                        // "Estonian Harbour Minister": the place is the
                        // organization, the words after it are the title's.
                        let place_end = (s + 1..k).rev().find(|&p| {
                            let words: Vec<&str> = (s..p).map(|t| self.doc.s(t)).collect();
                            lexicon::place(self.lc(s)).is_some() && p == s + 1
                                || super::gazetteer::is_place(&words)
                        });
                        // "CNN Chief Medical Correspondent", "Presiding
                        // Officer": from a role modifier or a participle
                        // on, the capitalised words are the title's.
                        let title_from = (s..k).find(|&t| {
                            let w = self.lc(t);
                            (lexicon::is_title_modifier(w) || (w.ends_with("ing") && w.len() > 5))
                                && lexicon::place(w).is_none()
                                && !self.is_acronym(t)
                        });
                        let org_end = place_end.or(title_from).unwrap_or(k);
                        if org_end > s {
                            this_org = Some(self.org_name(s, org_end));
                        }
                        if org_end < k {
                            role_start_override = Some(org_end);
                        }
                        k = s;
                    }
                }
            }
            if k > floor && self.lc(k - 1) == "former" {
                former = true;
                k -= 1;
            }
            if let Some(r) = role_start_override {
                role_start = r;
            }
            let mut role = self.title_phrase(role_start, e);
            if former {
                role = format!("former {role}");
            }
            roles.insert(0, role);
            if org.is_none() {
                org = this_org;
            }
            start = k;
            if first.is_none() {
                first = Some((k, org.clone()));
            }
            if k > floor + 1
                && matches!(self.lc(k - 1), "and")
                && self.title_head_before(k - 1, floor)
            {
                e = k - 1;
                continue;
            }
            break;
        }
        // "The Queen and US President Ana Pelk": a definite title before
        // "and" is a person of its own, not a second title of the name.
        if roles.len() > 1
            && start > 0
            && self.lc(start - 1) == "the"
            && let (Some((k, first_org)), Some(last)) = (first, roles.pop())
        {
            return Some(TitleNp {
                start: k,
                end,
                roles: vec![last],
                org: first_org,
            });
        }
        Some(TitleNp {
            start,
            end,
            roles,
            org,
        })
    }

    fn title_head_before(&self, e: usize, floor: usize) -> bool {
        e > floor && lexicon::is_title_head(self.lc(e - 1))
    }

    /// A title phrase starting at `i` and ending at or before `end`:
    /// "[a|the|his|X's] [former] [mods] TITLE [and TITLE] [of|for|at ORG]".
    pub fn post_title(&self, i: usize, end: usize) -> Option<TitleNp> {
        let mut k = i;
        let mut org = None;
        let w = self.lc(k);
        if is_det(w) {
            k += 1;
            // "the organization's director": the possessor is the org.
            if let Some(p) = (k + 1..(k + 4).min(end)).find(|&t| self.lc(t) == "'s")
                && (k..p).all(|t| {
                    self.doc.kind(t) == Some(Tk::Word)
                        && self.coref.at(t).is_none()
                        && !lexicon::is_stopword(self.lc(t))
                        && self.title_at(t).is_none()
                })
            {
                org = Some(self.org_name(k, p));
                k = p + 1;
            }
        } else if is_poss_pronoun(w) {
            if let Some(m) = self.coref.at(k) {
                org = Some(self.coref.name(m.entity).to_string());
            }
            k += 1;
        } else if let Some(m) = self.coref.at(k)
            && m.possessive
            && !m.pronoun
            && m.start == k
        {
            org = Some(self.coref.name(m.entity).to_string());
            k = m.end + 1;
        } else if self.doc.is_cap(k) || self.doc.is_allcaps(k) {
            // "Ukraine's security council secretary", "U.S. Attorney".
            let mut s = k;
            while s < end
                && (self.doc.is_cap(s) || self.doc.is_allcaps(s))
                && self.title_at(s).is_none()
            {
                s += 1;
            }
            if s > k && s < end {
                if self.lc(s) == "'s" {
                    org = Some(self.org_name(k, s));
                    k = s + 1;
                } else if (k..s)
                    .all(|t| lexicon::place(self.lc(t)).is_some() || self.doc.is_allcaps(t))
                {
                    org = Some(self.org_name(k, s));
                    k = s;
                }
            }
        }
        let mut former = false;
        if self.lc(k) == "former" {
            former = true;
            k += 1;
        }
        let mut roles = Vec::new();
        let mut j = k;
        loop {
            // Up to three modifiers before the title.
            let mut t = None;
            for m in j..(j + 4).min(end) {
                if let Some(te) = self.title_at(m)
                    && te <= end
                {
                    t = Some((m, te));
                    break;
                }
                let w = self.lc(m);
                if self.doc.kind(m) != Some(Tk::Word)
                    || lexicon::is_stopword(w)
                    || self.coref.at(m).is_some()
                {
                    break;
                }
                if self.doc.is_cap(m) && !lexicon::is_place_word(w) && !self.is_modifier(m) {
                    break;
                }
            }
            let Some((_, te)) = t else { break };
            // Extend over further title words ("chief executive officer").
            let mut te = te;
            while te < end
                && self.title_at(te).is_some_and(|x| x <= end)
                && !matches!(self.lc(te), "and" | "of")
            {
                te = self.title_at(te).unwrap_or(te + 1);
            }
            let mut rs = j;
            while rs + 1 < te
                && (self.lc(rs).ends_with("ly")
                    || matches!(
                        self.lc(rs),
                        "becomes"
                            | "became"
                            | "become"
                            | "remains"
                            | "remained"
                            | "serves"
                            | "served"
                            | "now"
                            | "also"
                            | "still"
                            | "is"
                            | "was"
                    ))
            {
                rs += 1;
            }
            let mut role = self.title_phrase(rs, te);
            if former && roles.is_empty() {
                role = format!("former {role}");
            }
            roles.push(role);
            j = te;
            if self.lc(j) == "and" && j + 1 < end {
                let save = j;
                j += 1;
                if self.lc(j) == "former" {
                    j += 1;
                }
                let next =
                    (j..(j + 4).min(end)).find_map(|m| self.title_at(m).filter(|&x| x <= end));
                if next.is_some() {
                    continue;
                }
                j = save;
            }
            break;
        }
        if roles.is_empty() {
            return None;
        }
        let mut stop = j;
        if j < end && matches!(self.lc(j), "of" | "for" | "at" | "in" | "to") {
            let prep = self.lc(j).to_string();
            let mut s = j + 1;
            if is_det(self.lc(s)) {
                s += 1;
            }
            let mut e = s;
            while e < end && e < s + 12 {
                let w = self.doc.s(e);
                if self.inner_at(s, e, end) {
                    e += 1;
                    continue;
                }
                if matches!(w, "," | "." | ";" | ":" | "(" | ")" | "\"")
                    || self.boundary(e)
                    || matches!(self.lc(e), "who" | "which" | "that" | "since" | "until")
                    || (matches!(self.lc(e), "and" | "to" | "for" | "of")
                        && !self.doc.is_cap(e + 1))
                    || matches!(
                        self.lc(e),
                        "on" | "in"
                            | "at"
                            | "after"
                            | "before"
                            | "during"
                            | "with"
                            | "last"
                            | "this"
                            | "next"
                            | "from"
                            | "by"
                            | "until"
                            | "effective"
                    )
                {
                    break;
                }
                if lexicon::is_speech_verb(self.lc(e)) {
                    break;
                }
                e += 1;
            }
            let useful = prep != "in"
                || (s..e).any(|t| {
                    lexicon::place(self.lc(t)).is_some()
                        || (self.doc.is_cap(t) && !lexicon::is_stopword(self.lc(t)))
                });
            // "Secretary for Harbours", "Minister for Trade": a remit
            // written as a name belongs to the title.
            let remit = prep == "for"
                && s == j + 1
                && self.doc.is_cap(s)
                && roles.len() == 1
                && (s..e).all(|t| self.doc.is_cap(t) || matches!(self.lc(t), "and" | "of"));
            if e > s && useful && remit {
                if let Some(r) = roles.last_mut() {
                    *r = format!("{r} for {}", self.phrase(s, e));
                }
                stop = e;
            } else if e > s && useful {
                // "BankAmerica's vice president for communications": the
                // possessor is the organization, the phrase is the remit;
                // "at" names the employer ("Africa director at the Centre").
                if prep != "to" && (org.is_none() || prep == "at") {
                    org = Some(self.org_name(s, e));
                }
                stop = e;
            }
        }
        Some(TitleNp {
            start: i,
            end: stop,
            roles,
            org,
        })
    }

    /// Whether "at" at `e` joins two parts of one organization's name
    /// ("the Centre for Tidal Studies at Brenner University"): capitalised
    /// words on both sides, and an organization word ("University",
    /// "Institute") in the capitalised run after it.
    fn inner_at(&self, s: usize, e: usize, end: usize) -> bool {
        if self.lc(e) != "at" || e == s || !self.doc.is_cap(e - 1) {
            return false;
        }
        let mut k = e + 1;
        if self.lc(k) == "the" {
            k += 1;
        }
        let run = (k..end.min(k + 5)).take_while(|&t| self.doc.is_cap(t));
        let mut any = false;
        for t in run {
            if lexicon::is_org_word(self.lc(t)) {
                any = true;
            }
        }
        any
    }

    /// An organization's name from tokens `[a, b)`: a person's name when a
    /// person is named there, a place's canonical name for an adjective,
    /// without Reuters ticker brackets.
    pub fn org_name(&self, a: usize, b: usize) -> String {
        if let Some(m) = (a..b).find_map(|t| self.coref.at(t).filter(|m| !m.pronoun)) {
            return self.coref.name(m.entity).to_string();
        }
        if b == a + 1
            && let Some(p) = lexicon::place(self.lc(a))
        {
            let s = self.doc.s(a);
            if s.chars().all(|c| c.is_uppercase() || c == '.') {
                return s.to_string();
            }
            return p.to_string();
        }
        let text = self.phrase(a, b);
        text.trim_matches(|c: char| c == '<' || c == '>' || c.is_whitespace())
            .replace(['<', '>'], "")
    }

    /// Whether the event or act at `v` is negated, hypothetical, asked
    /// about or merely demanded ("did not", "refused to", "if", "called on
    /// him to", "may").
    pub fn blocked(&self, v: usize, seg: &Seg) -> bool {
        let floor = self.clause_start(v, seg);
        let lo = v.saturating_sub(8).max(floor);
        for k in lo..v {
            // A name is no cue: "Prime Minister Ana May met ...".
            if self.coref.at(k).is_some() {
                continue;
            }
            let w = self.lc(k);
            let near = v - k <= 4;
            // "would have had to resign": what did not happen.
            if matches!(w, "would" | "'d") && self.lc(k + 1) == "have" {
                return true;
            }
            if near && lexicon::is_cue(w, lexicon::Cue::Negation) {
                return true;
            }
            if lexicon::is_cue(w, lexicon::Cue::Hypothesis) {
                return true;
            }
            if lexicon::is_cue(w, lexicon::Cue::HypothesisTo)
                && matches!(self.lc(k + 1), "to" | "in")
            {
                return true;
            }
        }
        // A question.
        let last = seg.tok_end.saturating_sub(1);
        if self.doc.s(last) == "?"
            || (self.doc.kind(last) == Some(Tk::Quote) && self.doc.s(last.saturating_sub(1)) == "?")
        {
            return true;
        }
        false
    }

    /// Whether the clause of `v` speaks of the future ("will visit", "is
    /// due to", "next week").
    pub fn future(&self, v: usize, seg: &Seg) -> bool {
        let floor = self.clause_start(v, seg);
        let end = self.clause_end(v, seg);
        let lo = v.saturating_sub(6).max(floor);
        let before = (lo..v).any(|k| lexicon::is_cue(self.lc(k), lexicon::Cue::Future));
        // "visits Dunhollow later" is ahead; "later attended" is not.
        let w = self.lc(v);
        let past = w.ends_with("ed")
            || lexicon::triggers(w, lexicon::Kind::Attendance)
                .chain(lexicon::triggers(w, lexicon::Kind::Dismissal))
                .any(|t| !t.noun && t.lemma != w && !w.ends_with('s') && !w.ends_with("ing"));
        let after =
            !past && (floor..end).any(|k| lexicon::is_cue(self.lc(k), lexicon::Cue::FutureAfter));
        let dated_future = match (self.date_near(v, seg), self.published) {
            (Some(d), Some(p)) => NaiveDate::parse_from_str(d.get(..10).unwrap_or(""), "%Y-%m-%d")
                .is_ok_and(|x| x > p),
            _ => false,
        };
        before || after || dated_future
    }

    /// The TimeML value of the date nearest `v` in its clause (else its
    /// sentence).
    pub fn date_near(&self, v: usize, seg: &Seg) -> Option<String> {
        let tok = self.doc.tokens.get(v)?;
        let (cs, ce) = {
            let a = self.clause_start(v, seg);
            let b = self.clause_end(v, seg);
            self.bytes(a, b)
        };
        let in_seg = |t: &Timex| t.end <= seg.end && !t.value.ends_with("_REF");
        let dist = |t: &Timex| t.start.abs_diff(tok.start);
        // The nearest; of equally near ones, the first in `timexes` order.
        // (A date starting past the segment's end cannot end inside it.)
        let pick = |f: &dyn Fn(&Timex) -> bool| {
            self.timexes_starting_in(seg.start, seg.end.max(seg.start))
                .filter(|(_, t)| in_seg(t) && t.start <= t.end)
                .chain(
                    // Malformed spans (start after end) are not in start
                    // order's reach; there are normally none.
                    self.timex_malformed
                        .iter()
                        .filter_map(|&i| Some((i, self.timexes.get(i)?)))
                        .filter(|(_, t)| t.start >= seg.start && in_seg(t)),
                )
                .filter(|(_, t)| f(t))
                .filter(|(_, t)| t.timex_type != crate::model::TimexType::Duration)
                .min_by_key(|(i, t)| (dist(t), *i))
                .map(|(_, t)| t.value.clone())
        };
        pick(&|t: &Timex| t.start >= cs && t.end <= ce).or_else(|| pick(&|_| true))
    }

    /// A place after `v` in its clause: "in Geneva", "to Moscow", "at
    /// Chequers", "in Hallandale Beach, Florida".
    pub fn place_after(&self, v: usize, seg: &Seg) -> Option<String> {
        let end = self.clause_end(v, seg);
        let mut k = v + 1;
        while k + 1 < end {
            if matches!(self.lc(k), "in" | "at" | "to")
                && let Some(p) = self.open_place_at(k + 1, end)
            {
                return Some(p);
            }
            k += 1;
        }
        None
    }

    /// A place name starting at `i` where the syntax wants a place ("visit
    /// to X", "arrived in X", "met in X"): any capitalised run that is not
    /// a person, an organization, an event or a date.
    pub fn open_place_at(&self, i: usize, end: usize) -> Option<String> {
        self.place_run(i, end, true)
    }

    fn place_run(&self, i: usize, end: usize, open: bool) -> Option<String> {
        let mut s = i;
        if self.lc(s) == "the" {
            s += 1;
        }
        let mut e = s;
        while e < end
            && (self.doc.is_cap(e)
                || self.doc.is_allcaps(e)
                || self.doc.s(e).ends_with('.') && self.doc.is_cap(e))
        {
            if self.coref.at(e).is_some()
                || (lexicon::is_stopword(self.lc(e)) && !self.doc.is_allcaps(e))
            {
                break;
            }
            e += 1;
        }
        if e == s {
            return None;
        }
        let name: Vec<&str> = (s..e).map(|t| self.lc(t)).collect();
        let written: Vec<&str> = (s..e).map(|t| self.doc.s(t)).collect();
        let listed = lexicon::place(&name.join(" ")).is_some()
            || name.iter().any(|w| lexicon::place(w).is_some())
            || super::gazetteer::is_place(&written)
            || name.last().is_some_and(|w| lexicon::is_place_suffix(w));
        let dated = self
            .doc
            .tokens
            .get(s)
            .is_some_and(|t| self.timexes_starting_in(t.start, t.start).next().is_some());
        let open_ok = open
            && !dated
            && !name.iter().any(|w| {
                lexicon::is_org_word(w)
                    || lexicon::is_title_word(w)
                    || lexicon::is_honorific(w)
                    || crate::lexical::vocab::lookup(w).is_some()
            });
        if !(listed || open_ok) || name.iter().any(|w| lexicon::is_event(w)) {
            return None;
        }
        // "the English countryside": a demonym names no place.
        if let [w] = name.as_slice()
            && lexicon::place(w).is_some_and(|p| !p.eq_ignore_ascii_case(w))
            && !self.doc.is_allcaps(s)
            && !self.doc.s(s).contains('.')
        {
            return None;
        }
        // "Hallandale Beach, Florida".
        if self.doc.s(e) == ","
            && e + 1 < end
            && self.doc.is_cap(e + 1)
            && (lexicon::place(self.lc(e + 1)).is_some()
                || super::gazetteer::is_place(&[self.doc.s(e + 1)]))
        {
            e += 2;
        }
        Some(self.phrase(s, e))
    }

    /// The group of people a plural anaphor ("they", "these men") ending at
    /// `i` refers to: the last coordination of two or more people before.
    pub fn plural_before(&self, i: usize, seg: &Seg) -> Vec<Who> {
        let w = self.lc(i);
        // "they", "the officials", "the two leaders", "both ministers".
        let plural_person = w.len() > 3
            && w.ends_with('s')
            && (lexicon::is_title_word(&w[..w.len() - 1])
                || crate::lexical::words::is_person_noun(w));
        if !lexicon::is_plural_anaphor(w) && !plural_person {
            return Vec::new();
        }
        // "the two officials": past a number word to the determiner.
        let mut d = i.saturating_sub(1);
        let count = match self.lc(d) {
            "two" => Some(2),
            "three" => Some(3),
            "four" => Some(4),
            "both" => Some(2),
            _ => None,
        };
        if matches!(self.lc(d), "two" | "three" | "four") {
            d = d.saturating_sub(1);
        }
        if w != "they" && !matches!(self.lc(d), "these" | "the" | "both" | "those" | "all") {
            return Vec::new();
        }
        // The claim's words are the anaphor's ("the two officials"), not
        // the earlier names.
        let here = |mut g: Vec<Who>| -> Vec<Who> {
            for x in &mut g {
                x.start = if w == "they" { i } else { d };
                x.end = i + 1;
            }
            g
        };
        let _ = seg;
        // Walk back over mentions to the latest "A, B and C" list.
        let ms = &self.coref.mentions;
        let mut idx = ms.partition_point(|m| m.start < i.saturating_sub(1));
        while idx > 0 {
            idx -= 1;
            let m = ms[idx];
            if m.pronoun {
                continue;
            }
            let Some(seg_m) = self.doc.segs.get(m.seg) else {
                break;
            };
            let mut group = vec![Who {
                entity: m.entity,
                start: m.start,
                end: m.end,
            }];
            self.coordinated_before(m.start, seg_m.tok_start, &mut group);
            if group.len() >= 2 {
                return here(group);
            }
            if self.doc.segs.get(m.seg).is_some_and(|s| s.tok_end + 60 < i) {
                break;
            }
        }
        here(self.people_of_recent_sentence(i, count))
    }

    /// The distinct people named in the nearest sentence (this one up to
    /// `i`, or one of the two before) that names two or more: "Ana Pelk
    /// met Ivo Lund. The two officials later ...". With a number ("the two
    /// officials", "both"), the sentence must name exactly that many.
    fn people_of_recent_sentence(&self, i: usize, count: Option<usize>) -> Vec<Who> {
        let si = self
            .doc
            .segs
            .partition_point(|s| s.tok_start <= i)
            .saturating_sub(1);
        for s in (si.saturating_sub(4)..=si).rev() {
            let mut group: Vec<Who> = Vec::new();
            for m in self.coref.in_seg(s) {
                if m.pronoun || m.start >= i.saturating_sub(1) {
                    continue;
                }
                if !group.iter().any(|g| g.entity == m.entity) {
                    group.push(Who {
                        entity: m.entity,
                        start: m.start,
                        end: m.end,
                    });
                }
            }
            if group.len() >= 2 {
                return match count {
                    Some(n) if n != group.len() => Vec::new(),
                    _ => group,
                };
            }
        }
        Vec::new()
    }

    pub fn name(&self, e: usize) -> String {
        self.coref.name(e).to_string()
    }

    pub fn seg_kind(&self, si: usize) -> SegKind {
        self.doc
            .segs
            .get(si)
            .map(|s| s.kind)
            .unwrap_or(SegKind::Body)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `date_near` as first written: every date of the article scanned.
    fn reference_date_near(ctx: &Ctx, v: usize, seg: &Seg) -> Option<String> {
        let tok = ctx.doc.tokens.get(v)?;
        let (cs, ce) = ctx.bytes(ctx.clause_start(v, seg), ctx.clause_end(v, seg));
        let in_seg =
            |t: &&Timex| t.start >= seg.start && t.end <= seg.end && !t.value.ends_with("_REF");
        let pick = |f: &dyn Fn(&Timex) -> bool| {
            ctx.timexes
                .iter()
                .filter(in_seg)
                .filter(|t| f(t))
                .filter(|t| t.timex_type != crate::model::TimexType::Duration)
                .min_by_key(|t| t.start.abs_diff(tok.start))
                .map(|t| t.value.clone())
        };
        pick(&|t: &Timex| t.start >= cs && t.end <= ce).or_else(|| pick(&|_| true))
    }

    #[test]
    fn dates_near_a_word_are_found_as_a_scan_finds_them() {
        let texts = [
            "On Monday Ana Pelk said she met Ivo Lund on Tuesday, and on 3 March 2024 they \
             signed; by Friday, for two weeks, talks went on. Today they rest. \
             Next year, in May, or on May 5, they meet; yesterday and tomorrow too.",
            "No dates here at all.",
        ];
        let published = NaiveDate::from_ymd_opt(2024, 3, 1);
        for text in texts {
            let ctx = Ctx::new(
                text,
                published,
                crate::extract::timex::find(text, published),
            );
            for seg in &ctx.doc.segs {
                for v in seg.tok_start..seg.tok_end {
                    assert_eq!(
                        ctx.date_near(v, seg),
                        reference_date_near(&ctx, v, seg),
                        "token {v} of {text:?}"
                    );
                }
            }
        }
    }
}
