//! A comparison as readable text: a summary line, every sentence in reading
//! order with its word diff, flagged statements marked with why, then the
//! claims that changed. Colour (ANSI) only when the caller asks for it; the
//! CLI asks when writing to a terminal and `NO_COLOR` is unset.

use super::ClaimChange;
use super::output::{Comparison, Reason, SentenceChange, SentenceStatus, WordOpKind};
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
    let mut cur = e.new_start;
    for op in &e.words {
        let gap = new.get(cur..op.new_start.max(cur)).unwrap_or("");
        out.push_str(gap);
        let o = old.get(op.old_start..op.old_end).unwrap_or("");
        let n = new.get(op.new_start..op.new_end).unwrap_or("");
        match op.op {
            WordOpKind::Equal => out.push_str(n),
            WordOpKind::Insert => p.ins(out, n),
            WordOpKind::Delete => {
                // Keep the space the old text had before deleted words
                // (`Varga [-defeated Brenner-].`).
                let spaced = old
                    .get(..op.old_start)
                    .is_some_and(|b| b.ends_with(char::is_whitespace));
                if spaced
                    && gap.is_empty()
                    && !out.is_empty()
                    && !out.ends_with(char::is_whitespace)
                {
                    out.push(' ');
                }
                p.del(out, o);
                if !gap.is_empty() {
                    out.push(' ');
                }
            }
            WordOpKind::Replace => {
                p.del(out, o);
                p.ins(out, n);
            }
        }
        cur = cur.max(op.new_end);
    }
}

/// Renders a comparison of `old` → `new` (the texts it was made from).
pub fn render(cmp: &Comparison, old: &str, new: &str, color: bool) -> String {
    let p = Painter { color };
    let mut out = String::new();
    let _ = writeln!(out, "{}", cmp.summary().line());
    out.push('\n');
    for e in &cmp.sentences {
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
    fn colour_only_when_asked() {
        let cmp = compare("A cat sat.", "A dog sat.", None);
        assert!(render(&cmp, "A cat sat.", "A dog sat.", true).contains("\x1b["));
    }
}
