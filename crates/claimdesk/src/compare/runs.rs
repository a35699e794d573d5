//! Word runs: one entry's word diff as runs of equal, deleted and inserted
//! text with the white space between words put back, ready to show. The
//! word ops cover words only; the spaces between them belong to no op, so
//! they are taken from the text here, once, for the text output and the
//! desktop app alike.

use super::output::{SentenceChange, WordOpKind};
use serde::{Deserialize, Serialize};

/// What a run of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RunKind {
    Equal,
    Delete,
    Insert,
}

/// A run of text of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordRun {
    pub op: RunKind,
    pub text: String,
}

#[derive(Default)]
struct Runs(Vec<WordRun>);

impl Runs {
    fn push(&mut self, op: RunKind, text: &str) {
        if text.is_empty() {
            return;
        }
        match self.0.last_mut() {
            Some(last) if last.op == op => last.text.push_str(text),
            _ => self.0.push(WordRun {
                op,
                text: text.to_string(),
            }),
        }
    }

    fn ends_with_space(&self) -> bool {
        self.0
            .last()
            .is_none_or(|r| r.text.ends_with(char::is_whitespace))
    }
}

/// The runs of `e`, an entry of a comparison of `old` → `new`, in the new
/// text's spacing: deleted and replaced words keep the space the old text
/// had around them (`Ilse Varga [defeated Tomas Brenner].`, `[It]
/// approved`). Empty when the entry has no word diff (unchanged, added,
/// removed, moved as it was).
pub fn runs(e: &SentenceChange, old: &str, new: &str) -> Vec<WordRun> {
    let mut out = Runs::default();
    let mut cur = e.new_start;
    let space_before = |at: usize| {
        old.get(..at)
            .is_some_and(|b| b.ends_with(char::is_whitespace))
    };
    for op in &e.words {
        let gap = new.get(cur..op.new_start.max(cur)).unwrap_or("");
        out.push(RunKind::Equal, gap);
        let o = old.get(op.old_start..op.old_end).unwrap_or("");
        let n = new.get(op.new_start..op.new_end).unwrap_or("");
        // Words taken out keep the space the old text had before them.
        if matches!(op.op, WordOpKind::Delete | WordOpKind::Replace)
            && space_before(op.old_start)
            && gap.is_empty()
            && !out.ends_with_space()
        {
            out.push(RunKind::Equal, " ");
        }
        match op.op {
            WordOpKind::Equal => out.push(RunKind::Equal, n),
            WordOpKind::Insert => out.push(RunKind::Insert, n),
            WordOpKind::Delete => {
                out.push(RunKind::Delete, o);
                let spaced_after = old
                    .get(op.old_end..)
                    .is_some_and(|a| a.starts_with(char::is_whitespace));
                let new_spaced = new
                    .get(op.new_start..)
                    .is_some_and(|a| a.starts_with(char::is_whitespace));
                if !gap.is_empty() || (spaced_after && !new_spaced) {
                    out.push(RunKind::Equal, " ");
                }
            }
            WordOpKind::Replace => {
                out.push(RunKind::Delete, o);
                out.push(RunKind::Insert, n);
            }
        }
        cur = cur.max(op.new_end);
    }
    if !e.words.is_empty() {
        out.push(RunKind::Equal, new.get(cur..e.new_end).unwrap_or(""));
    }
    out.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;

    /// The runs of the first entry that has any, as `=text`, `-text`,
    /// `+text` joined by `|`.
    fn check(old: &str, new: &str, want: &str) {
        let c = compare(old, new, None);
        let e = c
            .sentences
            .iter()
            .find(|e| !e.words.is_empty())
            .expect("an entry with a word diff");
        let got: Vec<String> = runs(e, old, new)
            .into_iter()
            .map(|r| {
                let sign = match r.op {
                    RunKind::Equal => '=',
                    RunKind::Delete => '-',
                    RunKind::Insert => '+',
                };
                format!("{sign}{}", r.text)
            })
            .collect();
        assert_eq!(got.join("|"), want, "{old:?} -> {new:?}");
    }

    #[test]
    fn runs_keep_the_spaces() {
        check(
            "The storm sank 3 boats.",
            "The storm sank 5 boats.",
            "=The storm sank |-3|+5|= boats.",
        );
        check(
            "Ilse Varga defeated Tomas Brenner.",
            "Tomas Brenner defeated Ilse Varga.",
            "+Tomas Brenner defeated|= Ilse Varga |-defeated Tomas Brenner|=.",
        );
        check(
            "The car stopped at once.",
            "The car stopped immediately.",
            "=The car stopped |-at once|+immediately|=.",
        );
        check(
            "The budget was 1,200,000 euros.",
            "The budget was 1,250,000 euros.",
            "=The budget was |-1,200,000|+1,250,000|= euros.",
        );
    }
}
