//! Within-article coreference: which mentions are the same person.
//!
//! Full names become entities; a later surname or given name alone
//! ("Umerov", "Boris") joins the entity it names, the most recently
//! mentioned one when several share it; transliteration variants
//! ("Zelensky"/"Zelenskyy", "Andriy"/"Andrii") share a key. He/she/him/her
//! go to the compatible person in focus: the subject of the previous
//! sentence when the pronoun opens its sentence, else the nearest person
//! before it. Each entity is reported by its fullest name in the article.

use super::lexicon::Gender;
use super::mentions::{self, Strength};
use super::segment::{Doc, SegKind};
use aho_corasick::AhoCorasick;
use std::collections::{HashMap, HashSet};

/// One person of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Fullest name the article gives.
    pub name: String,
    name_len: usize,
    given: Option<String>,
    surname: String,
    pub gender: Gender,
}

/// One mention of a person: a name or a resolved pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub seg: usize,
    pub entity: usize,
    pub possessive: bool,
    pub pronoun: bool,
}

impl Mention {
    /// A mention one token long: a lone surname, initials or a pronoun.
    fn word(i: usize, seg: usize, entity: usize, possessive: bool, pronoun: bool) -> Mention {
        Mention {
            start: i,
            end: i + 1,
            seg,
            entity,
            possessive,
            pronoun,
        }
    }
}

/// The people of an article and where they are mentioned.
#[derive(Debug, Clone, Default)]
pub struct Coref {
    pub entities: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Token index → mention index + 1 (0: none).
    at: Vec<u32>,
    /// Mention indexes grouped by segment, in mention order: those of
    /// segment `s` are `by_seg[seg_start[s]..seg_start[s + 1]]`.
    by_seg: Vec<u32>,
    seg_start: Vec<u32>,
}

impl Coref {
    /// The mention covering token `i`.
    pub fn at(&self, i: usize) -> Option<&Mention> {
        match self.at.get(i).copied() {
            Some(m) if m > 0 => self.mentions.get(m as usize - 1),
            _ => None,
        }
    }

    /// The mentions in segment `si`, in mention order (what filtering
    /// [`Coref::mentions`] by `seg` gives, without scanning them all).
    pub fn in_seg(&self, si: usize) -> impl Iterator<Item = &Mention> {
        let a = self.seg_start.get(si).copied().unwrap_or(0) as usize;
        let b = self.seg_start.get(si + 1).copied().unwrap_or(0) as usize;
        self.by_seg
            .get(a..b)
            .unwrap_or(&[])
            .iter()
            .filter_map(|&m| self.mentions.get(m as usize))
    }

    pub fn name(&self, e: usize) -> &str {
        self.entities.get(e).map(|x| x.name.as_str()).unwrap_or("")
    }
}

/// A comparison key for a name word: accents folded, lower case, "y" read
/// as "i", doubled letters collapsed ("Zelenskyy" = "Zelensky").
pub fn key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut last = '\0';
    for c in word.chars() {
        let c = fold(c).to_ascii_lowercase();
        if !c.is_ascii_alphanumeric() {
            continue;
        }
        let c = if c == 'y' { 'i' } else { c };
        if c != last {
            out.push(c);
        }
        last = c;
    }
    out
}

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' | 'ş' => 's',
        'Š' | 'Ś' | 'Ş' => 'S',
        'ž' | 'ź' | 'ż' => 'z',
        'Ž' | 'Ź' | 'Ż' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ğ' => 'g',
        'ř' => 'r',
        other => other,
    }
}

fn name_parts(doc: &Doc, a: usize, b: usize) -> (Option<String>, String, usize) {
    let words: Vec<&str> = (a..b)
        .map(|i| doc.s(i))
        .filter(|w| !matches!(*w, "Jr." | "Sr." | "II" | "III" | "IV"))
        .collect();
    // "al-Assad" is found again as "Assad": the particle is not keyed.
    let surname = words
        .last()
        .map(|w| match w.split_once('-') {
            Some((p, rest)) if super::mentions::is_particle(&p.to_ascii_lowercase()) => key(rest),
            _ => key(w),
        })
        .unwrap_or_default();
    let given = (words.len() > 1)
        .then(|| words[0])
        .filter(|w| !(w.len() == 2 && w.ends_with('.')))
        .filter(|w| !super::mentions::is_particle(&w.to_ascii_lowercase()))
        .map(key);
    (given, surname, b - a)
}

/// Whether `token` is a personal pronoun, and its gender.
pub fn pronoun_gender(lc: &str) -> Option<Gender> {
    match lc {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Entity indexes by name key, in the order the entities were created, so
/// that matching a name looks only at the entities that share its key
/// rather than at every person of the article.
#[derive(Default)]
struct NameIndex(HashMap<String, Vec<usize>>);

impl NameIndex {
    fn add(&mut self, key: &str, entity: usize) {
        self.0.entry(key.to_string()).or_default().push(entity);
    }

    fn get(&self, key: &str) -> &[usize] {
        self.0.get(key).map_or(&[], Vec::as_slice)
    }
}

/// The first entity (in creation order) a full name belongs to: same
/// surname key, and given names that agree or are unknown on one side.
fn full_name_entity(
    entities: &[Entity],
    by_surname: &NameIndex,
    given: &Option<String>,
    surname: &str,
) -> Option<usize> {
    by_surname.get(surname).iter().copied().find(|&i| {
        entities.get(i).is_some_and(|e| {
            e.surname == surname && (e.given.is_none() || given.is_none() || e.given == *given)
        })
    })
}

/// Up to this many words, [`repeated_in`] searches the text once per word.
const FEW_WORDS: usize = 8;

/// The words among `words` that occur at least twice in `text` (as
/// substrings, counted without overlap, as `str::matches` counts them),
/// found in one pass over the text whatever the number of words.
fn repeated_in<'w>(text: &str, words: &[&'w str]) -> HashSet<&'w str> {
    let mut out = HashSet::new();
    // A few words are searched one by one (building an automaton costs
    // more); many in one pass.
    if words.len() <= FEW_WORDS {
        return words
            .iter()
            .copied()
            .filter(|w| text.matches(*w).take(2).count() >= 2)
            .collect();
    }
    let Ok(ac) = AhoCorasick::new(words) else {
        // Cannot happen for words of a text; fall back to one search each.
        return words
            .iter()
            .copied()
            .filter(|w| text.matches(*w).take(2).count() >= 2)
            .collect();
    };
    let mut last_end = vec![0usize; words.len()];
    let mut count = vec![0u8; words.len()];
    for m in ac.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        // For one word, matches come in order of their start: counting those
        // that start at or after the previous counted one's end is exactly
        // the leftmost non-overlapping count.
        if count[p] < 2 && (count[p] == 0 || m.start() >= last_end[p]) {
            count[p] += 1;
            last_end[p] = m.end();
            if count[p] == 2 {
                out.insert(words[p]);
            }
        }
    }
    out
}

/// Resolves the people of `doc`.
pub fn resolve(doc: &Doc) -> Coref {
    let runs = mentions::find(doc);
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_surname = NameIndex::default();
    // Full names first, so a headline's "Johnson" finds "Boris Johnson".
    for r in runs.iter().filter(|r| r.strength == Strength::Full) {
        let (given, surname, len) = name_parts(doc, r.start, r.end);
        let found = full_name_entity(&entities, &by_surname, &given, &surname);
        let name = doc
            .span(r.start, r.end)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match found {
            Some(i) => {
                let e = &mut entities[i];
                if len > e.name_len {
                    e.name = name;
                    e.name_len = len;
                }
                if e.given.is_none() {
                    e.given = given;
                }
                if e.gender == Gender::Unknown {
                    e.gender = r.gender;
                }
            }
            None => {
                by_surname.add(&surname, entities.len());
                entities.push(Entity {
                    name,
                    name_len: len,
                    given,
                    surname,
                    gender: r.gender,
                });
            }
        }
    }
    // Given names are settled once the full names are read.
    let mut by_given = NameIndex::default();
    for (i, e) in entities.iter().enumerate() {
        if let Some(g) = &e.given {
            by_given.add(g, i);
        }
    }
    // Lone titled words that the article names again ("President Vance").
    let mut titled: Vec<&str> = runs
        .iter()
        .filter(|r| r.strength == Strength::Titled)
        .map(|r| doc.s(r.start))
        .filter(|w| !w.is_empty())
        .collect();
    titled.sort_unstable();
    titled.dedup();
    let named_again = repeated_in(doc.text, &titled);
    let mut last_seen: Vec<usize> = vec![0; entities.len()];
    let mut mentions: Vec<Mention> = Vec::new();
    // People the article also calls by their given name alone ("Melania
    // said", the only Melania named): when relatives share a surname, news
    // style names the other ones so, and the bare surname is the one never
    // called so.
    let given_alone: HashSet<usize> = runs
        .iter()
        .filter(|r| r.strength == Strength::Bare)
        .map(|r| key(doc.s(r.start)))
        .filter(|k| by_surname.get(k).is_empty() && by_given.get(k).len() == 1)
        .flat_map(|k| by_given.get(&k).to_vec())
        .collect();
    let match_single = |by_surname: &NameIndex, last_seen: &[usize], w: &str| -> Option<usize> {
        let k = key(w);
        // A bare surname is the first person of that name the article
        // introduced (the main one), past those it calls by their given
        // name; a bare given name the latest in focus (the last of those
        // last seen latest).
        let same = by_surname.get(&k);
        same.iter()
            .find(|e| !given_alone.contains(e))
            .or(same.first())
            .copied()
            .or_else(|| {
                by_given
                    .get(&k)
                    .iter()
                    .copied()
                    .max_by_key(|&i| last_seen.get(i).copied().unwrap_or(0))
            })
    };
    for r in &runs {
        let entity = match r.strength {
            Strength::Full => {
                let (given, surname, _) = name_parts(doc, r.start, r.end);
                full_name_entity(&entities, &by_surname, &given, &surname)
            }
            Strength::Titled | Strength::Bare => {
                match match_single(&by_surname, &last_seen, doc.s(r.start)) {
                    Some(e) => Some(e),
                    None if r.strength == Strength::Titled && {
                        // A lone titled word is a person if it is a given
                        // name or the article names it again.
                        let w = doc.s(r.start);
                        crate::extract::lexicon::given_name(doc.lc(r.start)).is_some()
                            || named_again.contains(w)
                            // "King Ivo of Valmora".
                            || (doc.lc(r.end) == "of" && doc.is_cap(r.end + 1))
                    } =>
                    {
                        by_surname.add(&key(doc.s(r.start)), entities.len());
                        entities.push(Entity {
                            name: doc.s(r.start).to_string(),
                            name_len: 1,
                            given: None,
                            surname: key(doc.s(r.start)),
                            gender: r.gender,
                        });
                        last_seen.push(0);
                        Some(entities.len() - 1)
                    }
                    None => None,
                }
            }
        };
        if let Some(e) = entity {
            if let Some(l) = last_seen.get_mut(e) {
                *l = r.start;
            }
            mentions.push(Mention {
                start: r.start,
                end: r.end,
                seg: r.seg,
                entity: e,
                possessive: r.possessive,
                pronoun: false,
            });
        }
    }
    // Capitalized function words that are surnames ("May") mid-sentence.
    let stop_surnames = entities.iter().any(|e| {
        e.name
            .rsplit(' ')
            .next()
            .is_some_and(|w| super::lexicon::is_stopword(&w.to_ascii_lowercase()))
    });
    let mut is_covered = vec![false; doc.tokens.len()];
    for m in &mentions {
        for c in is_covered.iter_mut().take(m.end).skip(m.start) {
            *c = true;
        }
    }
    // The first entity whose name ends in a word, by that word (ASCII case
    // folded, as the comparison was).
    let mut by_last_word: HashMap<String, usize> = HashMap::new();
    for (i, e) in entities.iter().enumerate().filter(|_| stop_surnames) {
        if let Some(w) = e.name.rsplit(' ').next() {
            by_last_word.entry(w.to_ascii_lowercase()).or_insert(i);
        }
    }
    for (si, seg) in doc.segs.iter().enumerate().filter(|_| stop_surnames) {
        if matches!(seg.kind, SegKind::Credit | SegKind::Dateline) {
            continue;
        }
        for i in seg.tok_start + 1..seg.tok_end {
            if doc.is_cap(i)
                && doc.has(i, super::lexicon::flag::STOP)
                && !is_covered.get(i).copied().unwrap_or(true)
                && doc.kind(i + 1) != Some(super::segment::Tk::Num)
            {
                // The very word, not a variant ("More" is not "Moore").
                if let Some(&e) = by_last_word.get(&doc.s(i).to_ascii_lowercase()) {
                    mentions.push(Mention::word(i, si, e, doc.lc(i + 1) == "'s", false));
                }
            }
        }
    }
    acronym_mentions(doc, &entities, &mut is_covered, &mut mentions);
    mentions.sort_by_key(|m| m.start);
    resolve_pronouns(doc, &mut entities, &mut mentions);
    description_mentions(doc, &mut mentions);
    let mut at = vec![0u32; doc.tokens.len()];
    for (mi, m) in mentions.iter().enumerate() {
        for slot in at.iter_mut().take(m.end).skip(m.start) {
            *slot = mi as u32 + 1;
        }
    }
    let (by_seg, seg_start) = group_by_seg(&mentions, doc.segs.len());
    Coref {
        entities,
        mentions,
        at,
        by_seg,
        seg_start,
    }
}

/// A description opening a sentence ("The veteran regulator, who ...",
/// "The 56-year-old party secretary won"): "The", one to three modifiers
/// and a singular person noun or title, with no name after it, refers to
/// the subject of the nearest earlier sentence that names someone, when
/// that person is not named in the sentence itself. A bare "The president"
/// is left to the titles the article gave (`Ctx::definite_ending_at`).
fn description_mentions(doc: &Doc, mentions: &mut Vec<Mention>) {
    use crate::lexical::words::is_mainly_person_noun;
    let is_head = |w: &str| {
        let plural = w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && (is_mainly_person_noun(&w[..w.len() - 1])
                || super::lexicon::is_title_head(&w[..w.len() - 1]));
        !plural && (is_mainly_person_noun(w) || super::lexicon::is_title_head(w))
    };
    let mut added = Vec::new();
    for (si, seg) in doc.segs.iter().enumerate() {
        if seg.kind != SegKind::Body || doc.s(seg.tok_start) != "The" {
            continue;
        }
        let a = seg.tok_start;
        // The noun phrase's words, up to a comma, a function word or a
        // verb; one of them names a kind of person.
        let mut e = a + 1;
        while e < (a + 6).min(seg.tok_end) {
            let w = doc.lc(e);
            if doc.kind(e) != Some(super::segment::Tk::Word)
                || doc.is_cap(e)
                || super::lexicon::is_stopword(w)
                || (e > a + 1 && (w.ends_with("ed") || doc.has(e, super::lexicon::flag::SPEECH)))
            {
                break;
            }
            e += 1;
        }
        if e == a + 1 || !(a + 1..e).any(|j| is_head(doc.lc(j))) {
            continue;
        }
        // "The mayor", "the former minister": a title alone may be anyone
        // the article gave it to; `Ctx::definite_ending_at` decides.
        if (a + 1..e).all(|j| {
            let w = doc.lc(j);
            super::lexicon::is_title_word(w) || super::lexicon::is_title_modifier(w)
        }) {
            continue;
        }
        let h = e - 1;
        // (Mentions are in text order: each look-up is a binary search,
        // so the pass stays linear in the article.)
        let named_in =
            mentions.partition_point(|m| m.start < a)..mentions.partition_point(|m| m.start <= h);
        if doc.is_cap(h + 1) || doc.lc(h + 1) == "'s" || !named_in.is_empty() {
            continue;
        }
        // The subject of the nearest earlier sentence with people.
        let before = mentions.partition_point(|m| m.seg < si);
        let Some(prev_seg) = mentions[..before].last().map(|m| m.seg) else {
            continue;
        };
        if si - prev_seg > 2 {
            continue;
        }
        let prev_from = mentions.partition_point(|m| m.seg < prev_seg);
        let Some(subject) = mentions[prev_from..before].iter().find(|m| !m.possessive) else {
            continue;
        };
        let here_to = mentions.partition_point(|m| m.seg <= si);
        let named_here = mentions[before..here_to]
            .iter()
            .any(|m| m.entity == subject.entity);
        if named_here {
            continue;
        }
        added.push(Mention {
            start: a,
            end: h + 1,
            seg: si,
            entity: subject.entity,
            possessive: false,
            pronoun: false,
        });
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// A person's initials used as a name ("AKK" after "Anna Kramp-Karl"): an
/// all-capitals word of three to five letters that spells the initials of
/// exactly one person's name (each part of a double-barrelled name counts;
/// particles such as "bin" may be left out), and is no place.
fn acronym_mentions(
    doc: &Doc,
    entities: &[Entity],
    covered: &mut [bool],
    mentions: &mut Vec<Mention>,
) {
    let initials = |name: &str, particles: bool| -> String {
        name.split([' ', '-'])
            .filter(|w| !w.is_empty())
            .filter(|w| particles || !super::lexicon::is_name_particle(&w.to_lowercase()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase)
            .collect()
    };
    // Initials → the people they spell (each person once; only full names).
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (e, ent) in entities
        .iter()
        .enumerate()
        .filter(|(_, x)| x.name.contains(' '))
    {
        for k in [initials(&ent.name, true), initials(&ent.name, false)] {
            let v = index.entry(k).or_default();
            if !v.contains(&e) {
                v.push(e);
            }
        }
    }
    for (si, seg) in doc.segs.iter().enumerate() {
        if matches!(seg.kind, SegKind::Credit | SegKind::Dateline) {
            continue;
        }
        for i in seg.tok_start..seg.tok_end {
            let w = doc.s(i);
            if !(3..=5).contains(&w.len())
                || !doc.is_allcaps(i)
                || covered.get(i).copied().unwrap_or(true)
                || super::lexicon::place(doc.lc(i)).is_some()
            {
                continue;
            }
            if let Some([e]) = index.get(w).map(Vec::as_slice) {
                if let Some(c) = covered.get_mut(i) {
                    *c = true;
                }
                mentions.push(Mention::word(i, si, *e, doc.lc(i + 1) == "'s", false));
            }
        }
    }
}

/// Mention indexes grouped by segment (a counting sort, stable), and where
/// each segment's group starts; mentions of no segment are left out.
fn group_by_seg(mentions: &[Mention], segs: usize) -> (Vec<u32>, Vec<u32>) {
    let mut start = vec![0u32; segs + 1];
    for m in mentions.iter().filter(|m| m.seg < segs) {
        start[m.seg + 1] += 1;
    }
    for s in 0..segs {
        start[s + 1] += start[s];
    }
    let mut fill = start.clone();
    let mut by_seg = vec![0u32; start[segs] as usize];
    for (mi, m) in mentions.iter().enumerate().filter(|(_, m)| m.seg < segs) {
        by_seg[fill[m.seg] as usize] = mi as u32;
        fill[m.seg] += 1;
    }
    (by_seg, start)
}

fn compatible(e: &Entity, g: Gender) -> bool {
    e.gender == Gender::Unknown || e.gender == g
}

fn resolve_pronouns(doc: &Doc, entities: &mut [Entity], mentions: &mut Vec<Mention>) {
    let names = std::mem::take(mentions);
    let mut out: Vec<Mention> = Vec::with_capacity(names.len() * 2);
    // Tokens inside quotation marks: a pronoun in the narrative ("he
    // said") does not refer to someone named only inside a quotation.
    let mut quoted = vec![false; doc.tokens.len()];
    for q in &doc.quotes {
        let para_end = doc.paras.get(q.para).map(|p| p.1).unwrap_or(0);
        let mut j = q.open + 1;
        while j < doc.tokens.len() && Some(j) != q.close && doc.tokens[j].end <= para_end {
            quoted[j] = true;
            j += 1;
        }
    }
    let is_q = |m: &Mention| quoted.get(m.start).copied().unwrap_or(false);
    let mut next_name = 0;
    for (si, seg) in doc.segs.iter().enumerate() {
        if matches!(seg.kind, SegKind::Credit | SegKind::Dateline) {
            while names.get(next_name).is_some_and(|m| m.seg <= si) {
                out.push(names[next_name]);
                next_name += 1;
            }
            continue;
        }
        let seg_first = out.len();
        for i in seg.tok_start..seg.tok_end {
            while names.get(next_name).is_some_and(|m| m.start <= i) {
                out.push(names[next_name]);
                next_name += 1;
            }
            if !doc.has(i, super::lexicon::flag::PRONOUN) {
                continue;
            }
            let Some(g) = pronoun_gender(doc.lc(i)) else {
                continue;
            };
            // "The spokesman said he believed ...": after the speech verb
            // of an unnamed speaker, the pronoun is that speaker.
            if narrative_after_unnamed_speaker(doc, seg.tok_start, i, &out[seg_first..]) {
                continue;
            }
            // "Before he arrived in Dunhollow, Ivo Lund had ...": a pronoun
            // in a fronted clause names the subject after its comma.
            let mut pick = cataphora(doc, seg.tok_start, i, &names[next_name..])
                .filter(|&e| entities.get(e).is_some_and(|x| compatible(x, g)));
            let narrative = !quoted.get(i).copied().unwrap_or(false);
            // Mentions a pronoun may take: in the narrative, not quoted ones.
            let usable = |m: &&Mention| !narrative || !is_q(m);
            let opens = !out[seg_first..].iter().any(|m| usable(&m));
            if opens && pick.is_none() {
                // The subject of the nearest earlier sentence with people.
                let mut s = si;
                while pick.is_none() && s > 0 && si - s < 3 {
                    s -= 1;
                    let in_seg: Vec<&Mention> = out
                        .iter()
                        .rev()
                        .take_while(|m| m.seg >= s)
                        .filter(|m| m.seg == s)
                        .filter(usable)
                        .collect();
                    if in_seg.is_empty() {
                        continue;
                    }
                    pick = in_seg
                        .iter()
                        .rev()
                        .filter(|m| !m.possessive)
                        .chain(in_seg.iter().rev())
                        .find(|m| entities.get(m.entity).is_some_and(|e| compatible(e, g)))
                        .map(|m| m.entity);
                    break;
                }
            }
            let possessive =
                matches!(doc.lc(i), "his" | "hers") || (doc.lc(i) == "her" && next_is_noun(doc, i));
            if pick.is_none() && !possessive {
                // Within a sentence, a subject or object pronoun prefers the
                // sentence's subject ("Umerov said he ...").
                pick = out[seg_first..]
                    .iter()
                    .filter(usable)
                    .find(|m| !m.possessive)
                    .filter(|m| entities.get(m.entity).is_some_and(|e| compatible(e, g)))
                    .map(|m| m.entity);
            }
            if pick.is_none() && possessive {
                // "X is expected, as proposed by Minister Y, to ... during
                // his visit": a name after "by", "with", "to"... is an
                // object; the possessive goes to the sentence's subject.
                let ok = |m: &&Mention| {
                    usable(m) && entities.get(m.entity).is_some_and(|e| compatible(e, g))
                };
                let subject = out[seg_first..]
                    .iter()
                    .find(|m| !m.possessive && !m.pronoun);
                let near = out[seg_first..].iter().rev().find(ok);
                if let (Some(sub), Some(near)) = (subject, near)
                    && sub.entity != near.entity
                    && ok(&sub)
                    && first_word_of(doc, seg.tok_start, sub.start) == seg.tok_start
                    && after_preposition(doc, near.start, seg.tok_start)
                {
                    pick = Some(sub.entity);
                }
            }
            if pick.is_none() {
                pick = out
                    .iter()
                    .rev()
                    .take_while(|m| si.saturating_sub(m.seg) <= 3)
                    .filter(usable)
                    .find(|m| entities.get(m.entity).is_some_and(|e| compatible(e, g)))
                    .map(|m| m.entity);
            }
            if let Some(e) = pick {
                if let Some(ent) = entities.get_mut(e)
                    && ent.gender == Gender::Unknown
                {
                    ent.gender = g;
                }
                out.push(Mention::word(i, si, e, possessive, true));
            }
        }
    }
    out.extend(names.into_iter().skip(next_name));
    *mentions = out;
}

/// The person a pronoun in a fronted subordinate clause refers to: the
/// sentence opens with a subordinator ("Before he arrived ..., Ivo Lund
/// had"), the pronoun comes before the clause's comma, and a name follows
/// that comma (past a title). `later` are the name mentions after `i`.
fn cataphora(doc: &Doc, start: usize, i: usize, later: &[Mention]) -> Option<usize> {
    if !super::lexicon::is_subordinator(doc.lc(start)) {
        return None;
    }
    let comma = (i + 1..(i + 25).min(doc.tokens.len())).find(|&k| doc.s(k) == ",")?;
    if (start + 1..i).any(|k| doc.s(k) == ",") {
        return None;
    }
    let m = later
        .iter()
        .take_while(|m| m.start <= comma + 5)
        .find(|m| m.start > comma && !m.pronoun)?;
    // Only titles (or nothing) between the comma and the name.
    let titled = (comma + 1..m.start).all(|k| {
        let w = doc.lc(k);
        super::lexicon::is_title_word(w) || super::lexicon::place(w).is_some() || w == "the"
    });
    (titled && !m.possessive && m.start <= comma + 5).then_some(m.entity)
}

/// Whether the pronoun at `i` follows the speech verb of a speaker named
/// by description only ("The spokesman said he ...", "A spokeswoman told
/// reporters she ..."): the sentence opens with an article, names nobody
/// before the verb, and the pronoun comes right after the verb (or its
/// "that", or its one-word object).
fn narrative_after_unnamed_speaker(doc: &Doc, start: usize, i: usize, named: &[Mention]) -> bool {
    if !matches!(doc.lc(start), "the" | "a" | "an") || i < start + 3 {
        return false;
    }
    let lo = i.saturating_sub(4).max(start + 1);
    let Some(v) = (lo..i)
        .rev()
        .find(|&k| doc.has(k, super::lexicon::flag::SPEECH))
    else {
        return false;
    };
    let between_ok = (v + 1..i).all(|k| {
        matches!(doc.lc(k), "that" | "reporters" | "journalists" | "it")
            || doc.kind(k) != Some(super::segment::Tk::Word)
    });
    between_ok && !named.iter().any(|m| m.start < v)
}

/// The first token of the name-and-title run ending at `start` (back over
/// capitalised words and title words), not before `floor`.
fn first_word_of(doc: &Doc, floor: usize, start: usize) -> usize {
    let mut k = start;
    while k > floor && {
        let w = doc.lc(k - 1);
        doc.is_cap(k - 1) || super::lexicon::is_title_word(w) || w == "the"
    } {
        k -= 1;
    }
    k
}

/// Whether the name starting at `start`, with its title, comes right after
/// a preposition ("proposed by Minister Y", "talks with Y").
fn after_preposition(doc: &Doc, start: usize, floor: usize) -> bool {
    let mut k = start;
    while k > floor && {
        let w = doc.lc(k - 1);
        doc.is_cap(k - 1) || super::lexicon::is_title_word(w) || w == "the"
    } {
        k -= 1;
    }
    k > floor && matches!(doc.lc(k - 1), "by" | "with" | "to" | "for" | "from" | "of")
}

/// "her" followed by a noun is possessive ("her party"), not an object.
fn next_is_noun(doc: &Doc, i: usize) -> bool {
    doc.kind(i + 1) == Some(super::segment::Tk::Word) && !super::lexicon::is_stopword(doc.lc(i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::segment::segment;

    /// Each expected pair is (mention text, entity name).
    fn check(input: &str, expected: &[(&str, &str)]) {
        let doc = segment(input);
        let c = resolve(&doc);
        let got: Vec<(String, String)> = c
            .mentions
            .iter()
            .map(|m| {
                (
                    doc.span(m.start, m.end).to_string(),
                    c.name(m.entity).to_string(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want, "input: {input:?}");
    }

    #[test]
    fn surnames_pronouns_and_variants_join_the_full_name() {
        check(
            "Halvorsen arrived. Minister Olena Halvorsen met Petro Dyachenkoo. She said he agreed. Later Dyachenko left.",
            &[
                ("Halvorsen", "Olena Halvorsen"),
                ("Olena Halvorsen", "Olena Halvorsen"),
                ("Petro Dyachenkoo", "Petro Dyachenkoo"),
                ("She", "Olena Halvorsen"),
                ("he", "Petro Dyachenkoo"),
                ("Dyachenko", "Petro Dyachenkoo"),
            ],
        );
        assert_eq!(key("Zelenskyy"), key("Zelensky"));
        assert_eq!(key("Andriy"), key("Andrii"));
    }

    #[test]
    fn possessives_after_an_agent_go_to_the_subject() {
        check(
            "Ivo Lund is expected to back the plan, first proposed by Minister Karl Brandt, during his visit.",
            &[
                ("Ivo Lund", "Ivo Lund"),
                ("Karl Brandt", "Karl Brandt"),
                ("his", "Ivo Lund"),
            ],
        );
        check(
            "Ivo Lund met Karl Brandt and his wife.",
            &[
                ("Ivo Lund", "Ivo Lund"),
                ("Karl Brandt", "Karl Brandt"),
                ("his", "Karl Brandt"),
            ],
        );
    }

    #[test]
    fn names_match_the_first_or_latest_entity_of_their_key() {
        // Shared surnames and given names: a bare surname is the first
        // person of that name, a bare given name the latest in focus, a
        // titled word named again becomes a person of its own.
        check(
            "Ana Pelk met Ivo Pelk. Later Ana Kessar arrived. Pelk spoke. Ana left. \
             Mayor Torvin opened the hall. Torvin smiled.",
            &[
                ("Ana Pelk", "Ana Pelk"),
                ("Ivo Pelk", "Ivo Pelk"),
                ("Ana Kessar", "Ana Kessar"),
                ("Pelk", "Ana Pelk"),
                ("Ana", "Ana Pelk"),
                ("Torvin", "Torvin"),
                ("Torvin", "Torvin"),
            ],
        );
    }

    #[test]
    fn repeated_words_are_counted_as_str_matches_counts_them() {
        // (text, words, those occurring twice without overlap)
        let cases: &[(&str, &[&str], &[&str])] = &[
            ("Vance met Vance", &["Vance"], &["Vance"]),
            ("Vance met Lind", &["Lind", "Vance"], &[]),
            ("aaa", &["aa"], &[]),
            ("aaaa", &["aa"], &["aa"]),
            ("Kim met Kimball", &["Kim", "Kimball"], &["Kim"]),
            ("Ana saw Anana", &["Ana", "ana"], &["Ana"]),
            ("", &["x"], &[]),
            ("x", &[], &[]),
        ];
        for (text, words, want) in cases {
            let got = repeated_in(text, words);
            let mut got: Vec<&str> = got.into_iter().collect();
            got.sort_unstable();
            assert_eq!(&got, want, "{text:?}");
        }
        // Generated texts over a small alphabet, against `str::matches`,
        // with few words (one search each) and many (one automaton).
        let words = [
            "ab", "aba", "b", "bab", "abab", "c", "ca", "bc", "cab", "aa", "bb",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..300 {
            let text: String = (0..12)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    ['a', 'b', 'c'][(x % 3) as usize]
                })
                .collect();
            for words in [&words[..3], &words[..]] {
                let got = repeated_in(&text, words);
                for w in words {
                    let want = text.matches(w).take(2).count() >= 2;
                    assert_eq!(got.contains(w), want, "{w:?} in {text:?}");
                }
            }
        }
    }

    #[test]
    fn mentions_by_segment_are_the_filtered_mentions() {
        let text =
            "Ana Pelk met Ivo Lund. He said she left. Pelk and Lund argued.\n\nAna Pelk spoke.";
        let doc = segment(text);
        let c = resolve(&doc);
        for si in 0..doc.segs.len() + 2 {
            let want: Vec<&Mention> = c.mentions.iter().filter(|m| m.seg == si).collect();
            let got: Vec<&Mention> = c.in_seg(si).collect();
            assert_eq!(got, want, "segment {si}");
        }
    }

    #[test]
    fn a_sentence_opening_pronoun_takes_the_previous_subject() {
        check(
            "Mark Odell praised Ruth Kane's rival Tom Bayer. He left early.",
            &[
                ("Mark Odell", "Mark Odell"),
                ("Ruth Kane", "Ruth Kane"),
                ("Tom Bayer", "Tom Bayer"),
                ("He", "Mark Odell"),
            ],
        );
    }
}
