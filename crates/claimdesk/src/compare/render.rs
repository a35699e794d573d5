//! A comparison as readable text: a summary line, every sentence in reading
//! order with its word diff, flagged statements marked with why, then the
//! claims that changed. Colour (ANSI) only when the caller asks for it; the
//! CLI asks when writing to a terminal and `NO_COLOR` is unset.

use super::ClaimChange;
use super::output::{Comparison, Reason, SentenceChange, SentenceStatus, Shape};
use super::runs::{RunKind, runs};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const DEL: &str = "\x1b[9;31m";
const INS: &str = "\x1b[4;32m";
const FLAG: &str = "\x1b[1;31m";
const SOFT: &str = "\x1b[33m";
const DIM: &str = "\x1b[2m";

struct Painter {
    color: bool,
}

impl Painter {
    fn paint(&self, out: &mut String, style: &str, s: &str) {
        if self.color && !s.is_empty() {
            out.push_str(style);
            out.push_str(s);
            out.push_str(RESET);
        } else {
            out.push_str(s);
        }
    }

    fn del(&self, out: &mut String, s: &str) {
        if self.color {
            self.paint(out, DEL, s);
        } else {
            let _ = write!(out, "[-{s}-]");
        }
    }

    fn ins(&self, out: &mut String, s: &str) {
        if self.color {
            self.paint(out, INS, s);
        } else {
            let _ = write!(out, "{{+{s}+}}");
        }
    }
}

fn marker(status: SentenceStatus) -> &'static str {
    match status {
        SentenceStatus::Unchanged => "  ",
        SentenceStatus::Cosmetic => ". ",
        SentenceStatus::Reworded => "~ ",
        SentenceStatus::Changed => "! ",
        SentenceStatus::Added => "+ ",
        SentenceStatus::Removed => "- ",
        SentenceStatus::Moved => "> ",
    }
}

fn reason_line(r: &Reason) -> String {
    r.line()
}

/// The word diff of one entry, inline, in the new text's spacing.
fn inline(p: &Painter, e: &SentenceChange, old: &str, new: &str, out: &mut String) {
    for r in runs(e, old, new) {
        match r.op {
            RunKind::Equal => out.push_str(&r.text),
            RunKind::Delete => p.del(out, &r.text),
            RunKind::Insert => p.ins(out, &r.text),
        }
    }
}

/// Where the entries of one merge or split end: entry `i` and those after
/// it that share its new sentences (merged) or its old sentences (split).
fn group_end(entries: &[SentenceChange], i: usize) -> usize {
    let first = &entries[i];
    let same = |e: &SentenceChange| match first.shape {
        Shape::Merged => e.shape == Shape::Merged && e.new_sentences == first.new_sentences,
        Shape::Split => e.shape == Shape::Split && e.old_sentences == first.old_sentences,
        Shape::Single => false,
    };
    let mut j = i + 1;
    while j < entries.len() && same(&entries[j]) {
        j += 1;
    }
    j
}

/// The text of `spans` (sentences of one side), in text order, each once:
/// neighbours as they stand, sentences far apart joined by ` … `.
fn joined(text: &str, mut spans: Vec<(usize, usize)>) -> String {
    spans.retain(|(s, e)| s < e);
    spans.sort_unstable();
    spans.dedup();
    let mut out = String::new();
    let mut last: Option<usize> = None;
    for (s, e) in spans {
        if let Some(l) = last {
            match text.get(l..s) {
                Some(between) if between.trim().is_empty() => out.push(' '),
                _ if s < l => continue,
                _ => out.push_str(" … "),
            }
        }
        out.push_str(text.get(s..e).unwrap_or("").trim());
        last = Some(e);
    }
    out
}

/// A merge or a split, whole: the old sentences, the new ones, the word
/// changes of every part and the reasons of all of them.
fn render_group(p: &Painter, group: &[SentenceChange], old: &str, new: &str, out: &mut String) {
    let status = group
        .iter()
        .map(|e| e.status)
        .max_by_key(|s| s.weight())
        .unwrap_or(SentenceStatus::Unchanged);
    let style = if status.is_flagged() { FLAG } else { SOFT };
    let old_spans: Vec<(usize, usize)> = group.iter().map(|e| (e.old_start, e.old_end)).collect();
    let new_spans: Vec<(usize, usize)> = group.iter().map(|e| (e.new_start, e.new_end)).collect();
    // Sentences on each side: the distinct ones the entries name (far
    // apart ones included, the ones between not).
    let span = |f: fn(&SentenceChange) -> [usize; 2]| {
        let mut seen: Vec<[usize; 2]> = group.iter().map(f).collect();
        seen.sort_unstable();
        seen.dedup();
        seen.iter()
            .map(|r| r[1].saturating_sub(r[0]))
            .sum::<usize>()
            .max(1)
    };
    let (from, to) = (span(|e| e.old_sentences), span(|e| e.new_sentences));
    let what = if group[0].shape == Shape::Split {
        "SPLIT"
    } else {
        "MERGED"
    };
    p.paint(out, style, marker(status));
    p.paint(
        out,
        style,
        &format!(
            "[{} · {what} {from} → {to}]",
            status.as_str().to_uppercase()
        ),
    );
    out.push('\n');
    let _ = writeln!(out, "      old: {}", joined(old, old_spans));
    let _ = writeln!(out, "      new: {}", joined(new, new_spans));
    for e in group.iter().filter(|e| !e.words.is_empty()) {
        out.push_str("      ");
        inline(p, e, old, new, out);
        out.push('\n');
    }
    let mut seen = Vec::new();
    for r in group.iter().flat_map(|e| &e.reasons) {
        let line = reason_line(r);
        if !seen.contains(&line) {
            let _ = writeln!(out, "      why: {line}");
            seen.push(line);
        }
    }
}

/// Renders a comparison of `old` → `new` (the texts it was made from).
pub fn render(cmp: &Comparison, old: &str, new: &str, color: bool) -> String {
    let p = Painter { color };
    let mut out = String::new();
    let _ = writeln!(out, "{}", cmp.summary().line());
    out.push('\n');
    let mut i = 0;
    while i < cmp.sentences.len() {
        let e = &cmp.sentences[i];
        if e.shape != Shape::Single && e.status != SentenceStatus::Unchanged {
            let end = group_end(&cmp.sentences, i);
            render_group(&p, &cmp.sentences[i..end], old, new, &mut out);
            i = end;
            continue;
        }
        i += 1;
        let style = match e.status {
            s if s.is_flagged() => FLAG,
            SentenceStatus::Unchanged => DIM,
            _ => SOFT,
        };
        p.paint(&mut out, style, marker(e.status));
        if e.status != SentenceStatus::Unchanged {
            let mut label = e.status.as_str().to_uppercase();
            if e.moved && e.status != SentenceStatus::Moved {
                label.push_str(" (moved)");
            }
            p.paint(&mut out, style, &format!("[{label}] "));
        }
        match e.status {
            SentenceStatus::Added => p.ins(&mut out, new.get(e.new_start..e.new_end).unwrap_or("")),
            SentenceStatus::Removed => {
                p.del(&mut out, old.get(e.old_start..e.old_end).unwrap_or(""))
            }
            SentenceStatus::Unchanged => {
                out.push_str(new.get(e.new_start..e.new_end).unwrap_or(""))
            }
            // Moved as it was: its text, and below, where it went.
            SentenceStatus::Moved if e.words.is_empty() => {
                out.push_str(new.get(e.new_start..e.new_end).unwrap_or(""))
            }
            _ => inline(&p, e, old, new, &mut out),
        }
        out.push('\n');
        if e.moved {
            let _ = writeln!(
                out,
                "      moved: sentence {} of the old version is now sentence {}",
                e.old_sentences[0] + 1,
                e.new_sentences[0] + 1
            );
        }
        for r in &e.reasons {
            let _ = writeln!(out, "      why: {}", reason_line(r));
        }
    }
    let changed: Vec<_> = cmp
        .claims
        .iter()
        .filter(|c| c.status != ClaimChange::Unchanged)
        .collect();
    if !changed.is_empty() {
        let _ = writeln!(out, "\nClaims that need a look:");
        for c in changed {
            let claim = c.new.as_ref().or(c.old.as_ref());
            let (kind, text) = claim.map_or(("?", ""), |c| (c.kind().as_str(), c.text.as_str()));
            let _ = write!(out, "  {:<8} {kind} {text:?}", c.status.as_str());
            for f in &c.fields {
                let _ = write!(
                    out,
                    "  {}: {} → {}",
                    f.field,
                    f.old.as_deref().unwrap_or("—"),
                    f.new.as_deref().unwrap_or("—")
                );
            }
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;

    fn check(old: &str, new: &str, want: &[&str]) {
        let cmp = compare(old, new, None);
        let text = render(&cmp, old, new, false);
        for w in want {
            assert!(text.contains(w), "{w:?} not in:\n{text}");
        }
        assert!(!text.contains('\x1b'), "colour without asking:\n{text}");
    }

    #[test]
    fn plain_text_marks_changes() {
        check(
            "The storm sank 3 boats. Ships waited.",
            "The storm sank 5 boats. Ships waited.",
            &[
                "! [CHANGED] The storm sank [-3-]{+5+} boats.",
                "why: number: 3 → 5",
                "\n  Ships waited.\n",
                "1 changed",
            ],
        );
        check(
            "Ships waited.",
            "Ships waited. A new sentence came.",
            &["+ [ADDED] {+A new sentence came.+}"],
        );
        check(
            "Ships waited. An old sentence went.",
            "Ships waited.",
            &["- [REMOVED] [-An old sentence went.-]"],
        );
        check(
            "The car stopped at once.",
            "The car stopped immediately.",
            &["~ [REWORDED] The car stopped [-at once-]{+immediately+}."],
        );
        check(
            "A boat sank. Ships waited. The port closed.",
            "Ships waited. The port closed. A boat sank.",
            &["moved: sentence 1 of the old version is now sentence 3"],
        );
    }

    #[test]
    fn deleted_words_keep_their_space() {
        check(
            "Ilse Varga defeated Tomas Brenner.",
            "Tomas Brenner defeated Ilse Varga.",
            &["Ilse Varga [-defeated Tomas Brenner-]."],
        );
    }

    #[test]
    fn merges_and_splits_show_whole_sentences() {
        check(
            "The port met on Monday. It approved the plan. Ships waited.",
            "The port met on Monday and approved the plan. Ships waited.",
            &[
                "MERGED 2 → 1]",
                "old: The port met on Monday. It approved the plan.",
                "new: The port met on Monday and approved the plan.",
                "[-It-] approved",
            ],
        );
        check(
            "The port met on Monday and approved the plan. Ships waited.",
            "The port met on Monday. It approved the plan. Ships waited.",
            &[
                "SPLIT 1 → 2]",
                "old: The port met on Monday and approved the plan.",
                "new: The port met on Monday. It approved the plan.",
                "Monday [-and-]{+. It+} approved",
            ],
        );
    }

    #[test]
    fn far_merges_and_splits_are_one_edit() {
        let a =
            "The port met on Monday. Rents rose in March. Ferries ran late. It approved the plan.";
        let b =
            "Rents rose in March. Ferries ran late. The port met on Monday and approved the plan.";
        check(
            a,
            b,
            &[
                "MERGED 2 → 1]",
                "old: The port met on Monday. … It approved the plan.",
                "new: The port met on Monday and approved the plan.",
            ],
        );
        check(
            b,
            a,
            &[
                "SPLIT 1 → 2]",
                "old: The port met on Monday and approved the plan.",
                "new: The port met on Monday. … It approved the plan.",
            ],
        );
        for (x, y) in [(a, b), (b, a)] {
            let text = render(&compare(x, y, None), x, y, false);
            assert!(
                !text.contains("[REMOVED]") && !text.contains("[ADDED]"),
                "{text}"
            );
        }
    }

    #[test]
    fn moved_sentences_show_their_text_and_numbers_are_whole() {
        check(
            "A boat sank. Ships waited. The port closed.",
            "Ships waited. The port closed. A boat sank.",
            &["[MOVED] A boat sank.\n"],
        );
        check(
            "The budget was 1,200,000 euros.",
            "The budget was 1,250,000 euros.",
            &[
                "[-1,200,000-]{+1,250,000+}",
                "why: number: 1,200,000 → 1,250,000",
            ],
        );
    }

    #[test]
    fn colour_only_when_asked() {
        let cmp = compare("A cat sat.", "A dog sat.", None);
        assert!(render(&cmp, "A cat sat.", "A dog sat.", true).contains("\x1b["));
    }
}
