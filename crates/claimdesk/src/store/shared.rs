//! The shared sets: the one registry of every grow-only table a team
//! shares through its hub (issue 13). Each entry says which local table it
//! is, how a row gets its global key, which columns point at rows of other
//! shared sets (local ids on the way out become global keys, and back on
//! the way in), which columns stay local, when a row is ready to share and
//! how a pulled row is stored. `store/replica.rs` does the work for every
//! entry alike; sharing a new append-only event table is one entry here
//! (in dependency order: a set comes after the sets it points at) plus a
//! test.
//!
//! Registered: articles, revisions, claims, reviews, corrections (issue
//! 14), the archive's person decisions, conflict dismissals and copied
//! verdicts (issue 12), editors' locks.
//!
//! Global keys: an article is named by its URL or bulk id, else by the
//! SHA-256 of its first text; a revision by its article, the SHA-256 of its
//! text and its publication date (the date changes what the text's
//! relative dates mean, so a redated text is another revision); a claim by
//! its revision and its place (index, kind, span), so the claims every
//! replica extracts from a pulled revision are the same claims; an event
//! (a review, a correction, a decision) by the random `uid` it was written
//! with.

/// How a row of a shared set gets its global key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// The row's own unique column (an event's `uid`).
    Column(&'static str),
    /// URL, bulk id, or SHA-256 of the first text.
    Article,
    /// Article key, SHA-256 of the text, publication date.
    Revision,
    /// Revision key, index, kind, span.
    Claim,
}

/// How a pulled row becomes a local row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Import {
    /// Insert the sent columns as they are (after mapping references). A
    /// row whose key column already holds the key locally is that row.
    Rows,
    /// An article: the local one with the same URL or bulk id, else a new
    /// row.
    Article,
    /// A revision: stored through the store's own add (extraction, claims,
    /// verdicts carried over), never as a bare row.
    Revision,
}

/// How a column holds local ids of rows of another shared set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefForm {
    /// One id (or NULL).
    One,
    /// A JSON array of ids, as text.
    JsonArray,
    /// `PREFIX:ID-ID-…` (an archive conflict's name): sent as the JSON
    /// array `["PREFIX", key, key, …]`, rebuilt with the local ids in
    /// ascending order.
    PrefixedIds,
}

/// A column that holds local ids of rows of another shared set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ref {
    pub column: &'static str,
    pub set: &'static str,
    pub form: RefForm,
}

const fn col(column: &'static str, set: &'static str) -> Ref {
    Ref {
        column,
        set,
        form: RefForm::One,
    }
}

/// A JSON array of ids of `set` in `column`.
const fn json_ids(column: &'static str, set: &'static str) -> Ref {
    Ref {
        column,
        set,
        form: RefForm::JsonArray,
    }
}

/// `PREFIX:ID-ID` ids of `set` in `column`.
const fn prefixed_ids(column: &'static str, set: &'static str) -> Ref {
    Ref {
        column,
        set,
        form: RefForm::PrefixedIds,
    }
}

/// One shared set.
#[derive(Debug, Clone, Copy)]
pub struct SharedSet {
    /// The set's name on the hub.
    pub name: &'static str,
    /// The local table (its `id` column is the local id).
    pub table: &'static str,
    pub key: Key,
    pub refs: &'static [Ref],
    /// Columns never sent (besides `id`): local bookkeeping.
    pub local_only: &'static [&'static str],
    /// SQL condition on the row aliased `t`: it is shared at all (rows
    /// every replica derives for itself are not).
    pub shares: &'static str,
    /// SQL condition on the row aliased `t`: it may be shared now (rows of
    /// a bulk import still under way wait).
    pub ready: &'static str,
    pub import: Import,
    /// Rows are written on this replica and pushed; `false` for sets only
    /// written on the hub (editors' locks).
    pub pushed: bool,
    /// Run after a pulled row is inserted, with its new local id: derived
    /// data such as a full-text index.
    pub after_insert: Option<AfterInsert>,
    /// Run before a pulled row is inserted.
    pub before_insert: Option<BeforeInsert>,
}

/// A hook run before a pulled row is inserted, on its columns (local ids
/// already): to keep a local numbering unique.
pub type BeforeInsert = fn(
    &rusqlite::Connection,
    &mut Vec<(String, rusqlite::types::Value)>,
) -> Result<(), super::StoreError>;

/// A hook run after a pulled row is inserted.
pub type AfterInsert = fn(&rusqlite::Transaction, i64) -> Result<(), super::StoreError>;

const PUBLISHED_REVISION: &str =
    "NOT EXISTS (SELECT 1 FROM pending_revisions pend WHERE pend.revision_id = t.id)";
const PUBLISHED_CLAIM: &str =
    "NOT EXISTS (SELECT 1 FROM pending_revisions pend WHERE pend.revision_id = t.revision_id)";

/// Every shared set, in dependency order.
pub const SHARED_SETS: &[SharedSet] = &[
    SharedSet {
        name: "articles",
        table: "articles",
        key: Key::Article,
        refs: &[],
        local_only: &[],
        shares: "1",
        ready: "EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = t.id
                 AND NOT EXISTS (SELECT 1 FROM pending_revisions pend WHERE pend.revision_id = r.id))",
        import: Import::Article,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    SharedSet {
        name: "revisions",
        table: "revisions",
        key: Key::Revision,
        refs: &[col("article_id", "articles")],
        // Each replica numbers the revisions of an article as they arrive.
        local_only: &["number", "loaded_at"],
        shares: "1",
        ready: PUBLISHED_REVISION,
        import: Import::Revision,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    SharedSet {
        name: "claims",
        table: "claims",
        key: Key::Claim,
        refs: &[
            col("revision_id", "revisions"),
            col("previous_id", "claims"),
        ],
        local_only: &[],
        shares: "1",
        ready: PUBLISHED_CLAIM,
        import: Import::Rows,
        pushed: true,
        after_insert: Some(super::articles::index_claim),
        before_insert: Some(next_free_index),
    },
    SharedSet {
        name: "reviews",
        table: "reviews",
        key: Key::Column("uid"),
        refs: &[col("claim_id", "claims")],
        local_only: &[],
        shares: "1",
        ready: "NOT EXISTS (SELECT 1 FROM claims c JOIN pending_revisions pend ON pend.revision_id = c.revision_id
                 WHERE c.id = t.claim_id)",
        import: Import::Rows,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    // Claim corrections (add, edit, dismiss, restore). Only a checker's own
    // events are shared: the events carried to a new revision are derived
    // again by every replica that stores the revision.
    SharedSet {
        name: "corrections",
        table: "corrections",
        key: Key::Column("uid"),
        refs: &[col("claim_id", "claims")],
        local_only: &[],
        shares: "t.origin = 'manual'",
        ready: "NOT EXISTS (SELECT 1 FROM claims c
                 JOIN pending_revisions pend ON pend.revision_id = c.revision_id WHERE c.id = t.claim_id)",
        import: Import::Rows,
        pushed: true,
        after_insert: Some(super::corrections::index_correction),
        before_insert: None,
    },
    // The archive's decisions (issue 12). Person decisions name people by
    // their normalised keys (the same on every replica) and articles by id.
    SharedSet {
        name: "person_decisions",
        table: "person_decisions",
        key: Key::Column("uid"),
        refs: &[json_ids("articles", "articles")],
        local_only: &[],
        shares: "1",
        ready: "1",
        import: Import::Rows,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    // A dismissed contradiction is named by its rule and its claims (a
    // durable name; older dismissals named local claim ids).
    SharedSet {
        name: "conflict_dismissals",
        table: "conflict_dismissals",
        key: Key::Column("uid"),
        refs: &[
            prefixed_ids("conflict", "claims"),
            json_ids("claim_ids", "claims"),
        ],
        local_only: &[],
        shares: "1",
        ready: "1",
        import: Import::Rows,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    // Where a copied verdict came from; the verdict itself is a review.
    SharedSet {
        name: "copied_verdicts",
        table: "copied_verdicts",
        key: Key::Column("uid"),
        refs: &[
            col("review_id", "reviews"),
            col("claim_id", "claims"),
            col("from_claim", "claims"),
            col("from_review", "reviews"),
        ],
        local_only: &[],
        shares: "1",
        ready: "1",
        import: Import::Rows,
        pushed: true,
        after_insert: None,
        before_insert: None,
    },
    SharedSet {
        name: "article_locks",
        table: "article_locks",
        key: Key::Column("uid"),
        refs: &[col("article_id", "articles")],
        local_only: &[],
        shares: "1",
        ready: "1",
        import: Import::Rows,
        pushed: false,
        after_insert: None,
        before_insert: None,
    },
];

/// A checker's claim pulled into a revision where another claim holds its
/// index (two checkers added one each): it takes the next free index. Its
/// global key came with it, so nothing else changes.
fn next_free_index(
    conn: &rusqlite::Connection,
    cols: &mut Vec<(String, rusqlite::types::Value)>,
) -> Result<(), super::StoreError> {
    use rusqlite::types::Value;
    let get = |cols: &Vec<(String, Value)>, name: &str| {
        cols.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone())
    };
    let (Some(rev), Some(idx)) = (get(cols, "revision_id"), get(cols, "idx")) else {
        return Ok(());
    };
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM claims WHERE revision_id = ?1 AND idx = ?2)",
        [&rev, &idx],
        |r| r.get(0),
    )?;
    if taken {
        let next: i64 = conn.query_row(
            "SELECT coalesce(max(idx), -1) + 1 FROM claims WHERE revision_id = ?1",
            [&rev],
            |r| r.get(0),
        )?;
        for (n, v) in cols.iter_mut() {
            if n == "idx" {
                *v = Value::Integer(next);
            }
        }
    }
    Ok(())
}

/// The shared set named `name`.
pub fn shared_set(name: &str) -> Option<&'static SharedSet> {
    SHARED_SETS.iter().find(|s| s.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every reference points at a set listed before (or at the set
    /// itself), so pulling sets in order finds what rows point at.
    #[test]
    fn sets_come_after_what_they_point_at() {
        for (i, set) in SHARED_SETS.iter().enumerate() {
            for r in set.refs {
                let at = SHARED_SETS.iter().position(|s| s.name == r.set);
                assert!(
                    matches!(at, Some(j) if j <= i),
                    "{}.{} points at {} which is not listed before it",
                    set.name,
                    r.column,
                    r.set
                );
            }
        }
    }

    /// Every set names a real table, real columns, and a ready condition
    /// that SQLite accepts.
    #[test]
    fn sets_match_the_schema() {
        let store = crate::store::Store::open_in_memory().unwrap();
        for set in SHARED_SETS {
            let cols = store.table_columns(set.table).unwrap();
            assert!(!cols.is_empty(), "no table {}", set.table);
            assert!(cols.iter().any(|c| c == "id"), "{} has no id", set.table);
            let named = set
                .refs
                .iter()
                .map(|r| r.column)
                .chain(set.local_only.iter().copied())
                .chain(match set.key {
                    Key::Column(c) => Some(c),
                    _ => None,
                });
            for c in named {
                assert!(
                    cols.iter().any(|x| x == c),
                    "{}.{c} does not exist",
                    set.table
                );
            }
            store
                .conn
                .prepare(&format!(
                    "SELECT t.id FROM {} t WHERE ({}) AND ({})",
                    set.table, set.shares, set.ready
                ))
                .unwrap();
        }
    }
}
