//! The database schema, as append-only migrations numbered by SQLite's
//! `user_version`. A migration, once released, is never edited: changes
//! come as a new migration at the end of the list.

use rusqlite_migration::{M, Migrations};

/// Version 1: articles, revisions, sentences, claims, the append-only
/// review history and full-text search.
const V1: &str = r#"
CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    url         TEXT UNIQUE,
    external_id TEXT UNIQUE,
    created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE revisions (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id),
    number       INTEGER NOT NULL CHECK (number >= 1),
    text         TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source       TEXT,
    source_kind  TEXT NOT NULL CHECK (source_kind IN ('file', 'url', 'jsonl', 'paste')),
    format       TEXT NOT NULL,
    encoding     TEXT,
    title        TEXT NOT NULL,
    byline       TEXT,
    published    TEXT,
    loaded_at    TEXT NOT NULL,
    UNIQUE (article_id, number)
) STRICT;

CREATE TABLE sentences (
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    idx         INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    PRIMARY KEY (revision_id, idx)
) STRICT, WITHOUT ROWID;

CREATE TABLE claims (
    id          INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES revisions(id),
    idx         INTEGER NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('date', 'role', 'dismissal', 'attendance', 'quote')),
    key         TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    sentence    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    fields      TEXT NOT NULL,
    -- the same claim in the revision before, when it carried over
    previous_id INTEGER REFERENCES claims(id),
    UNIQUE (revision_id, idx)
) STRICT;
CREATE INDEX claims_key ON claims (key);
CREATE INDEX claims_previous ON claims (previous_id);

CREATE TABLE reviews (
    id        INTEGER PRIMARY KEY,
    claim_id  INTEGER NOT NULL REFERENCES claims(id),
    status    TEXT NOT NULL CHECK (status IN ('unreviewed', 'verified', 'false', 'disputed', 'unverifiable', 'needs_recheck')),
    note      TEXT,
    sources   TEXT NOT NULL DEFAULT '[]',
    reviewer  TEXT,
    at        TEXT NOT NULL,
    -- 'manual', 'carried' (kept from an unchanged claim of the revision
    -- before) or 'recheck' (reset because the claim changed)
    origin    TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'carried', 'recheck'))
) STRICT;
CREATE INDEX reviews_claim ON reviews (claim_id, id);

-- The history is append-only: a verdict, once written, is never changed.
CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'the review history is append-only'); END;
CREATE TRIGGER reviews_append_only_delete BEFORE DELETE ON reviews
BEGIN SELECT RAISE(ABORT, 'the review history is append-only'); END;

CREATE VIRTUAL TABLE revisions_fts USING fts5(
    title, text, content = 'revisions', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE claims_fts USING fts5(
    text, fields, content = 'claims', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Version 2: indexes for the review desk's usual questions (claims of a
/// kind, revisions by content) once a database holds months of work.
const V2: &str = r#"
CREATE INDEX claims_revision_kind ON claims (revision_id, kind);
CREATE INDEX revisions_hash ON revisions (article_id, content_hash);
"#;

/// Version 3: bulk imports commit in bounded batches. A revision written
/// by an import still under way is listed in `pending_revisions` and is
/// invisible to every read until the import publishes it (one small
/// delete); the verdicts its claims will carry over wait in
/// `pending_carry`. An import killed midway is found by its lock file and
/// its rows are removed (see `store/import.rs`).
const V3: &str = r#"
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    -- the lock file's name: held (flock) while the import runs
    token       TEXT NOT NULL UNIQUE,
    started_at  TEXT NOT NULL,
    finished_at TEXT,
    outcome     TEXT CHECK (outcome IN ('published', 'abandoned'))
) STRICT;

CREATE TABLE pending_revisions (
    revision_id INTEGER PRIMARY KEY REFERENCES revisions(id),
    import_id   INTEGER NOT NULL REFERENCES imports(id)
) STRICT;
CREATE INDEX pending_revisions_import ON pending_revisions (import_id);

CREATE TABLE pending_carry (
    claim_id    INTEGER PRIMARY KEY REFERENCES claims(id),
    import_id   INTEGER NOT NULL REFERENCES imports(id),
    previous_id INTEGER NOT NULL REFERENCES claims(id),
    revision    INTEGER NOT NULL,
    -- NULL when the claim is unchanged; else what changed
    changed     TEXT
) STRICT;
CREATE INDEX pending_carry_import ON pending_carry (import_id);
"#;

/// Corrections: a checker's changes to the machine's claims, as
/// append-only events (add, edit, dismiss, restore). Each event keeps who
/// made it, when, the claim's state before and after (JSON: span, text,
/// fields, whether dismissed) and a globally unique `uid` (128 random bits,
/// hex) so that replicas can merge the table. The machine's claim rows are
/// never changed: a read takes a claim's latest event (see
/// `store/corrections.rs`). A claim added by a checker is a `claims` row of
/// its own, referenced by its `add` event. `corrections_fts` indexes the
/// corrected text and fields for search (rowid = `corrections.id`).
const CORRECTIONS: &str = r#"
CREATE TABLE corrections (
    id        INTEGER PRIMARY KEY,
    uid       TEXT NOT NULL UNIQUE CHECK (length(uid) = 32),
    claim_id  INTEGER NOT NULL REFERENCES claims(id),
    action    TEXT NOT NULL CHECK (action IN ('add', 'edit', 'dismiss', 'restore')),
    actor     TEXT,
    at        TEXT NOT NULL,
    reason    TEXT,
    before    TEXT,
    after     TEXT NOT NULL,
    -- 'manual', 'carried' (kept from the revision before, text unchanged)
    -- or 'recheck' (carried, but the claim's text changed)
    origin    TEXT NOT NULL DEFAULT 'manual' CHECK (origin IN ('manual', 'carried', 'recheck'))
) STRICT;
CREATE INDEX corrections_claim ON corrections (claim_id, id);

CREATE TRIGGER corrections_append_only_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;
CREATE TRIGGER corrections_append_only_delete BEFORE DELETE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections are append-only'); END;

CREATE VIRTUAL TABLE corrections_fts USING fts5(
    text, fields, tokenize = 'unicode61 remove_diacritics 2'
);
"#;

/// Across the archive (issue 12): each claim about a person indexed by the
/// person's normalised key (and a role's one-holder post), and the
/// decisions people take about the archive, each an append-only event
/// with a globally unique `uid` (so that replicas can exchange them):
/// person merge/split decisions, conflict dismissals and verdicts copied
/// from an earlier claim. `claim_people` is derived data, filled when
/// claims are written (and for older databases when the store opens).
const ARCHIVE: &str = r#"
CREATE TABLE claim_people (
    claim_id   INTEGER PRIMARY KEY REFERENCES claims(id),
    person_key TEXT NOT NULL,
    -- a role's one-holder post with its organisation ('chair@acme'), else NULL
    post_key   TEXT
) STRICT;
CREATE INDEX claim_people_person ON claim_people (person_key, claim_id);
CREATE INDEX claim_people_post ON claim_people (post_key, claim_id) WHERE post_key IS NOT NULL;

-- Claims written before this version still need their keys (see store/people.rs).
CREATE TABLE claim_people_backfill (done INTEGER NOT NULL) STRICT;

CREATE TABLE person_decisions (
    id      INTEGER PRIMARY KEY,
    uid     TEXT NOT NULL UNIQUE,
    -- same: key_a and key_b are one person; different: they are not
    -- (undoes a 'same'); split: key_a's claims in `articles` are the
    -- person key_b
    action  TEXT NOT NULL CHECK (action IN ('same', 'different', 'split')),
    key_a   TEXT NOT NULL,
    key_b   TEXT NOT NULL,
    articles TEXT NOT NULL DEFAULT '[]',
    by      TEXT NOT NULL,
    at      TEXT NOT NULL,
    note    TEXT
) STRICT;

CREATE TABLE conflict_dismissals (
    id        INTEGER PRIMARY KEY,
    uid       TEXT NOT NULL UNIQUE,
    conflict  TEXT NOT NULL,
    rule      TEXT NOT NULL,
    claim_ids TEXT NOT NULL,
    by        TEXT NOT NULL,
    at        TEXT NOT NULL,
    note      TEXT NOT NULL
) STRICT;
CREATE INDEX conflict_dismissals_conflict ON conflict_dismissals (conflict);

CREATE TABLE copied_verdicts (
    id          INTEGER PRIMARY KEY,
    uid         TEXT NOT NULL UNIQUE,
    -- the history entry the copy wrote
    review_id   INTEGER NOT NULL UNIQUE REFERENCES reviews(id),
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    from_claim  INTEGER NOT NULL REFERENCES claims(id),
    from_review INTEGER NOT NULL REFERENCES reviews(id),
    by          TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT
) STRICT;
CREATE INDEX copied_verdicts_claim ON copied_verdicts (claim_id);

CREATE TRIGGER person_decisions_append_only_update BEFORE UPDATE ON person_decisions
BEGIN SELECT RAISE(ABORT, 'person decisions are append-only'); END;
CREATE TRIGGER person_decisions_append_only_delete BEFORE DELETE ON person_decisions
BEGIN SELECT RAISE(ABORT, 'person decisions are append-only'); END;
CREATE TRIGGER conflict_dismissals_append_only_update BEFORE UPDATE ON conflict_dismissals
BEGIN SELECT RAISE(ABORT, 'conflict dismissals are append-only'); END;
CREATE TRIGGER conflict_dismissals_append_only_delete BEFORE DELETE ON conflict_dismissals
BEGIN SELECT RAISE(ABORT, 'conflict dismissals are append-only'); END;
CREATE TRIGGER copied_verdicts_append_only_update BEFORE UPDATE ON copied_verdicts
BEGIN SELECT RAISE(ABORT, 'copied verdicts are append-only'); END;
CREATE TRIGGER copied_verdicts_append_only_delete BEFORE DELETE ON copied_verdicts
BEGIN SELECT RAISE(ABORT, 'copied verdicts are append-only'); END;

-- How many claims hold each word: matches and quote candidates query
-- the rarest words of a claim only, so their cost does not grow with the
-- archive's common words.
CREATE VIRTUAL TABLE claims_fts_vocab USING fts5vocab(claims_fts, 'row');

INSERT INTO claim_people_backfill (done) VALUES (0);
"#;

/// The team desk (issue 13): this database as a replica of a PostgreSQL
/// hub. Every review gets a globally unique `uid` (a UUIDv7 made by the
/// client; older reviews get a random one here) and `seen`, the uids of the
/// claim's verdicts its author had seen (the heads of the claim's history
/// then), so that two verdicts that do not know each other show as a
/// conflict. `sync_ids` maps local row ids of every shared set (see
/// `store/shared.rs`) to global keys; its rows with `pushed = 0` are the
/// outbox. `sync_state` keeps, per shared set, the hub's `server_seq` read
/// so far and the local rows already given a global key. `team` is the hub
/// this replica joined (the URL without any password). `article_locks` are
/// editors' locks, pulled from the hub.
const SYNC: &str = r#"
ALTER TABLE reviews ADD COLUMN uid TEXT;
ALTER TABLE reviews ADD COLUMN seen TEXT NOT NULL DEFAULT '[]';
DROP TRIGGER reviews_append_only_update;
UPDATE reviews SET uid = lower(hex(randomblob(16)));
UPDATE reviews SET seen = coalesce(
    (SELECT json_array(p.uid) FROM reviews p
     WHERE p.claim_id = reviews.claim_id AND p.id < reviews.id ORDER BY p.id DESC LIMIT 1),
    '[]');
CREATE TRIGGER reviews_append_only_update BEFORE UPDATE ON reviews
BEGIN SELECT RAISE(ABORT, 'the review history is append-only'); END;
CREATE UNIQUE INDEX reviews_uid ON reviews (uid);
CREATE TRIGGER reviews_need_uid BEFORE INSERT ON reviews WHEN NEW.uid IS NULL
BEGIN SELECT RAISE(ABORT, 'a review needs its uid'); END;

CREATE TABLE sync_ids (
    set_name TEXT NOT NULL,
    local_id INTEGER NOT NULL,
    gid      TEXT NOT NULL,
    -- 0: in the outbox; 1: on the hub (pushed, or pulled from it);
    -- 2: refused by the hub (a verdict on an article an editor locked
    -- meanwhile): kept here, never sent again
    pushed   INTEGER NOT NULL DEFAULT 0 CHECK (pushed IN (0, 1, 2)),
    -- the hub login that wrote the row, once known
    author   TEXT,
    PRIMARY KEY (set_name, local_id),
    UNIQUE (set_name, gid)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_outbox ON sync_ids (set_name, local_id) WHERE pushed = 0;

CREATE TABLE sync_state (
    set_name    TEXT PRIMARY KEY,
    -- the hub's server_seq of this set read so far
    pulled_seq  INTEGER NOT NULL DEFAULT 0,
    -- local rows up to this id have been given a global key
    scanned_id  INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE team (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    url        TEXT NOT NULL,
    user       TEXT NOT NULL,
    joined_at  TEXT NOT NULL,
    last_sync  TEXT,
    last_error TEXT
) STRICT;

CREATE TABLE article_locks (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL UNIQUE,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    by         TEXT,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX article_locks_article ON article_locks (article_id);
"#;

/// Every migration, oldest first.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

const MIGRATIONS: &[M<'static>] = &[
    M::up(V1),
    M::up(V2),
    M::up(V3),
    M::up(CORRECTIONS),
    M::up(ARCHIVE),
    M::up(SYNC),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
