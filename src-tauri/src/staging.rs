//! Articles read but not yet stored: each waits here until the checker has
//! seen its publication date, and where it came from, and confirmed or
//! changed it. Claims are made only then, so no relative date is ever
//! resolved against a date nobody looked at.
//!
//! Staged documents live in memory only, bounded in number and in bytes:
//! the oldest is let go when the bounds are passed (its file can simply be
//! loaded again; nothing the checker typed is in it).

use crate::error::{AppError, AppResult};
use claimdesk::load::{DateSource, Document};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Mutex;

/// At most this many documents wait at once.
const MAX_DOCUMENTS: usize = 64;
/// At most this much text waits at once, in bytes.
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// The waiting documents, by id (ids grow, so the smallest is the oldest).
#[derive(Default)]
pub struct Staging {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next: u64,
    docs: BTreeMap<u64, Document>,
}

/// What the confirmation dialog shows for one waiting document.
#[derive(Debug, Clone, Serialize)]
pub struct Staged {
    pub id: u64,
    pub title: String,
    /// The file path or web address.
    pub source: Option<String>,
    /// The detected date, YYYY-MM-DD.
    pub published: Option<String>,
    pub date_source: DateSource,
    /// Where the date came from, in plain words.
    pub date_source_words: &'static str,
    /// Whether the date is a guess the checker should look at.
    pub guess: bool,
    /// The date the dialog offers: the detected one, else today (a guess).
    pub suggested: String,
    pub chars: usize,
}

impl Staging {
    /// Keeps `doc` until it is confirmed or discarded.
    pub fn add(&self, doc: Document) -> AppResult<Staged> {
        let mut inner = self.lock()?;
        let id = inner.next;
        inner.next += 1;
        let view = describe(id, &doc);
        inner.docs.insert(id, doc);
        while inner.docs.len() > MAX_DOCUMENTS
            || inner.docs.values().map(|d| d.text.len()).sum::<usize>() > MAX_BYTES
        {
            match inner.docs.keys().next().copied() {
                Some(oldest) if oldest != id => {
                    inner.docs.remove(&oldest);
                }
                _ => break,
            }
        }
        Ok(view)
    }

    /// Takes the document `id` out, to be stored.
    pub fn take(&self, id: u64) -> AppResult<Document> {
        self.lock()?.docs.remove(&id).ok_or_else(|| {
            AppError::invalid(
                "That article is no longer waiting to be added (too many were opened since); load it again.",
            )
        })
    }

    /// Puts a document back (its storing failed), under the same id.
    pub fn put_back(&self, id: u64, doc: Document) {
        if let Ok(mut inner) = self.lock() {
            inner.docs.insert(id, doc);
        }
    }

    /// Lets the documents `ids` go (the dialog was cancelled).
    pub fn discard(&self, ids: &[u64]) -> AppResult<()> {
        let mut inner = self.lock()?;
        for id in ids {
            inner.docs.remove(id);
        }
        Ok(())
    }

    fn lock(&self) -> AppResult<std::sync::MutexGuard<'_, Inner>> {
        self.inner.lock().map_err(|_| {
            AppError::invalid("The articles waiting to be added were lost; load them again.")
        })
    }
}

fn describe(id: u64, doc: &Document) -> Staged {
    let today = chrono::Local::now().date_naive();
    Staged {
        id,
        title: doc.title.clone(),
        source: doc.source.clone(),
        published: doc.published.map(|d| d.to_string()),
        date_source: doc.date_source,
        date_source_words: doc.date_source.words(),
        guess: doc.date_source.is_guess(),
        suggested: doc.published.unwrap_or(today).to_string(),
        chars: doc.text.chars().count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimdesk::load::{Format, Overrides};

    fn doc(text: &str) -> Document {
        claimdesk::load::from_text(text.to_string(), &Overrides::default())
            .unwrap_or_else(|_| Document::new(text.to_string(), Format::Text))
    }

    #[test]
    fn waits_until_taken_and_says_where_the_date_came_from() {
        let s = Staging::default();
        let check = |text: &str, published: Option<&str>, source: DateSource, guess: bool| {
            let v = s.add(doc(text)).unwrap();
            assert_eq!(v.published.as_deref(), published, "{text}");
            assert_eq!((v.date_source, v.guess), (source, guess), "{text}");
            if let Some(p) = published {
                assert_eq!(v.suggested, p);
            }
            v.id
        };
        let a = check(
            "Pier reopens\n\nPORT ELLIS, 4 June 2025 - The pier reopened.",
            Some("2025-06-04"),
            DateSource::Dateline,
            false,
        );
        let b = check(
            "The pier reopened on Monday.",
            None,
            DateSource::Missing,
            true,
        );
        assert!(s.take(a).is_ok());
        assert!(s.take(a).is_err(), "taken once");
        s.discard(&[b]).unwrap();
        assert!(s.take(b).is_err(), "discarded");
    }

    #[test]
    fn the_oldest_goes_when_too_many_wait() {
        let s = Staging::default();
        let first = s.add(doc("The pier reopened.")).unwrap().id;
        for _ in 0..MAX_DOCUMENTS {
            s.add(doc("The pier reopened.")).unwrap();
        }
        assert!(s.take(first).is_err());
    }
}
