//! Articles and their revisions: adding a loaded document (with its
//! extraction, in one transaction) and reading them back. Bulk imports
//! build on [`add_in`] in `import.rs`.

use super::corrections::{carry_corrections, not_dismissed};
use super::import::ImportId;
use super::reviews::{carry_verdicts, link_claims};
use super::{
    ArticleId, ArticleSummary, Revision, RevisionInfo, Store, StoreError, now, published,
    visible_to,
};
use crate::extract::{Extraction, extract};
use crate::load::{Document, Format, SourceKind};
use crate::model::{ClaimFields, Sentence, Status};
use rusqlite::{OptionalExtension, Row, Transaction, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Which article a loaded document belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The article with the same URL or bulk id, if there is one; else a new article.
    Auto,
    /// Always a new article.
    New,
    /// A new revision of this article.
    Article(ArticleId),
    /// A new revision of this article even when only the publication date
    /// differs, cleared dates included ([`Store::set_published`]).
    Redated(ArticleId),
}

/// What adding a document did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Added {
    pub article_id: ArticleId,
    pub revision: u32,
    pub new_article: bool,
    /// The text equals the latest revision's, so nothing was stored.
    pub unchanged: bool,
    pub claims: usize,
    /// Verdicts kept because their claim is unchanged.
    pub kept: usize,
    /// Verdicts reset to "needs re-check" because their claim changed.
    pub rechecked: usize,
    /// Reviewed claims of the previous revision that are gone.
    pub removed_reviewed: usize,
    /// Corrections kept because their claim's text is unchanged.
    pub corrections_kept: usize,
    /// Corrections carried to a claim whose text changed (now to re-check).
    pub corrections_rechecked: usize,
}

/// Totals of a bulk import.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct BulkSummary {
    pub documents: usize,
    pub new_articles: usize,
    pub new_revisions: usize,
    pub unchanged: usize,
    pub claims: usize,
}

pub(super) fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The revisions holding a claim (not dismissed) whose current (latest)
/// verdict is the status bound as `?3`: read from the verdicts, so the
/// cost follows how many were given, not how many claims there are.
fn verdict_revisions() -> String {
    format!(
        "SELECT c.revision_id FROM reviews v JOIN claims c ON c.id = v.claim_id
         WHERE v.status = ?3 AND v.id = (SELECT max(w.id) FROM reviews w WHERE w.claim_id = v.claim_id)
           AND {}",
        not_dismissed("c")
    )
}

impl Store {
    /// Stores `doc` as a new revision (of a new or existing article) with its
    /// extracted sentences and claims, carrying verdicts over from the
    /// previous revision where claims are unchanged. One transaction, opened
    /// only once the extraction is done: the write lock is held to insert.
    pub fn add(&mut self, doc: &Document, target: Target) -> Result<Added, StoreError> {
        let ex = extract(&doc.text, doc.published);
        let tx = self.begin()?;
        let added = add_in(&tx, doc, &ex, target, None)?;
        tx.commit()?;
        Ok(added)
    }

    /// Adds several documents in one transaction: all or none.
    pub fn add_each(&mut self, docs: &[Document]) -> Result<Vec<Added>, StoreError> {
        let extractions: Vec<Extraction> =
            docs.iter().map(|d| extract(&d.text, d.published)).collect();
        let tx = self.begin()?;
        let added = docs
            .iter()
            .zip(&extractions)
            .map(|(d, ex)| add_in(&tx, d, ex, Target::Auto, None))
            .collect::<Result<Vec<_>, _>>()?;
        tx.commit()?;
        Ok(added)
    }

    /// Changes the publication date of an article: its latest text is
    /// stored again as a new revision dated `published`, so every relative
    /// date is resolved anew; claims whose values change go to re-check
    /// (with an entry saying what changed), the others keep their
    /// verdicts. The revision before keeps the old date: the change is on
    /// record. Nothing is stored when the date is the same.
    pub fn set_published(
        &mut self,
        article: ArticleId,
        published: Option<chrono::NaiveDate>,
    ) -> Result<Added, StoreError> {
        let rev = self.revision(article, None)?;
        let mut doc = Document::new(rev.text, rev.info.format);
        doc.title = rev.info.title;
        doc.byline = rev.info.byline;
        doc.published = published;
        doc.source = rev.info.source;
        doc.source_kind = rev.info.source_kind;
        doc.encoding = rev.info.encoding;
        self.add(&doc, Target::Redated(article))
    }

    /// Every article, newest first.
    pub fn articles(&self) -> Result<Vec<ArticleSummary>, StoreError> {
        self.summaries(None, None, i64::MAX)
    }

    /// The `limit` newest articles. Cheap however large the library: only
    /// the rows returned are counted.
    pub fn newest_articles(&self, limit: usize) -> Result<Vec<ArticleSummary>, StoreError> {
        self.newest_with_verdict(None, limit)
    }

    /// The `limit` newest articles whose current revision has a claim whose
    /// current verdict is `verdict` ("articles with false claims"); all
    /// articles when it is `None`. The filter costs in proportion to the
    /// verdicts given, not to the library.
    pub fn newest_with_verdict(
        &self,
        verdict: Option<Status>,
        limit: usize,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        self.summaries(None, verdict, i64::try_from(limit).unwrap_or(i64::MAX))
    }

    /// Whether article `id` has a claim whose current verdict is `verdict`.
    pub fn has_verdict(&self, id: ArticleId, verdict: Status) -> Result<bool, StoreError> {
        Ok(!self.summaries(Some(id), Some(verdict), 1)?.is_empty())
    }

    /// How many articles have a claim whose current verdict is `verdict`.
    pub fn count_with_verdict(&self, verdict: Status) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            &format!(
                "SELECT count(DISTINCT r.article_id) FROM revisions r
                 WHERE r.id IN ({})
                   AND r.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = r.article_id AND {})",
                verdict_revisions(),
                published("x")
            ),
            params![None::<i64>, None::<i64>, verdict.as_str()],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// One article's summary.
    pub fn article_summary(&self, id: ArticleId) -> Result<ArticleSummary, StoreError> {
        self.summaries(Some(id), None, 1)?
            .pop()
            .ok_or_else(|| StoreError::NoArticle(id.to_string()))
    }

    /// How many articles there are (published ones).
    pub fn article_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self.conn.query_row(
            &format!(
                "SELECT count(*) FROM articles a
                 WHERE EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND {})",
                published("r")
            ),
            [],
            |r| r.get(0),
        )?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Summaries, newest first: of article `only`, or of all; with a claim
    /// whose current verdict is `verdict`, if given; at most `limit`.
    fn summaries(
        &self,
        only: Option<ArticleId>,
        verdict: Option<Status>,
        limit: i64,
    ) -> Result<Vec<ArticleSummary>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT a.id, r.title, r.source, r.published, r.number, r.loaded_at,
                    (SELECT count(*) FROM claims c WHERE c.revision_id = r.id AND {live}),
                    (SELECT count(*) FROM claims c WHERE c.revision_id = r.id AND {live} AND coalesce(
                        (SELECT status FROM reviews v WHERE v.claim_id = c.id ORDER BY v.id DESC LIMIT 1),
                        'unreviewed') IN ('unreviewed', 'needs_recheck')),
                    (SELECT count(*) FROM claims c WHERE c.revision_id = r.id AND {live} AND
                        (SELECT status FROM reviews v WHERE v.claim_id = c.id ORDER BY v.id DESC LIMIT 1) = 'false')
             FROM articles a
             JOIN revisions r ON r.article_id = a.id
                AND r.number = (SELECT max(x.number) FROM revisions x WHERE x.article_id = a.id AND {})
             WHERE (?1 IS NULL OR a.id = ?1)
               AND (?3 IS NULL OR r.id IN ({verdicts}))
             ORDER BY a.id DESC
             LIMIT ?2",
            published("x"),
            live = not_dismissed("c"),
            verdicts = verdict_revisions()
        ))?;
        let verdict = verdict.map(Status::as_str);
        let rows = st.query_map(params![only, limit, verdict], |r| {
            Ok(ArticleSummary {
                id: r.get(0)?,
                title: r.get(1)?,
                source: r.get(2)?,
                published: r.get::<_, Option<String>>(3)?.and_then(|d| d.parse().ok()),
                revisions: r.get(4)?,
                loaded_at: r.get(5)?,
                claims: r.get(6)?,
                to_check: r.get(7)?,
                false_claims: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Finds an article by id, bulk id or URL.
    pub fn resolve_article(&self, spec: &str) -> Result<ArticleId, StoreError> {
        let spec = spec.trim();
        let has_published = format!(
            "EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = a.id AND {})",
            published("r")
        );
        let found: Option<ArticleId> = if let Ok(id) = spec.parse::<i64>() {
            self.conn
                .query_row(
                    &format!("SELECT a.id FROM articles a WHERE a.id = ?1 AND {has_published}"),
                    [id],
                    |r| r.get(0),
                )
                .optional()?
        } else {
            None
        };
        let found = match found {
            Some(id) => Some(id),
            None => self
                .conn
                .query_row(
                    &format!(
                        "SELECT a.id FROM articles a WHERE (a.external_id = ?1 OR a.url = ?1) AND {has_published}"
                    ),
                    [spec],
                    |r| r.get(0),
                )
                .optional()?,
        };
        found.ok_or_else(|| StoreError::NoArticle(spec.to_string()))
    }

    /// The revisions of an article, oldest first.
    pub fn revisions(&self, article: ArticleId) -> Result<Vec<RevisionInfo>, StoreError> {
        let mut st = self.conn.prepare_cached(&format!(
            "{} WHERE r.article_id = ?1 AND {} ORDER BY r.number",
            revision_columns(),
            published("r")
        ))?;
        let list = st
            .query_map([article], revision_info)?
            .collect::<Result<Vec<_>, _>>()?;
        if list.is_empty() {
            return Err(StoreError::NoArticle(article.to_string()));
        }
        Ok(list)
    }

    /// One revision with its text (the latest when `number` is `None`).
    pub fn revision(
        &self,
        article: ArticleId,
        number: Option<u32>,
    ) -> Result<Revision, StoreError> {
        let infos = self.revisions(article)?;
        let info = match number {
            None => infos.last().cloned(),
            Some(n) => infos.iter().find(|r| r.number == n).cloned(),
        }
        .ok_or(StoreError::NoRevision {
            article,
            revision: number.unwrap_or(0),
        })?;
        let text: String =
            self.conn
                .query_row("SELECT text FROM revisions WHERE id = ?1", [info.id], |r| {
                    r.get(0)
                })?;
        let mut st = self.conn.prepare_cached(
            "SELECT start, end FROM sentences WHERE revision_id = ?1 ORDER BY idx",
        )?;
        let sentences = st
            .query_map([info.id], |r| {
                Ok(Sentence {
                    start: r.get(0)?,
                    end: r.get(1)?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Revision {
            info,
            text,
            sentences,
        })
    }
}

/// The columns of [`revision_info`]; the claim count leaves out dismissed
/// claims.
fn revision_columns() -> String {
    format!(
        "SELECT r.id, r.article_id, r.number, r.title, r.byline, r.published, r.source,
            r.source_kind, r.format, r.encoding, r.content_hash, r.loaded_at,
            (SELECT count(*) FROM claims c WHERE c.revision_id = r.id AND {})
        FROM revisions r",
        not_dismissed("c")
    )
}

fn revision_info(r: &Row) -> rusqlite::Result<RevisionInfo> {
    let kind: String = r.get(7)?;
    let format: String = r.get(8)?;
    Ok(RevisionInfo {
        id: r.get(0)?,
        article_id: r.get(1)?,
        number: r.get(2)?,
        title: r.get(3)?,
        byline: r.get(4)?,
        published: r.get::<_, Option<String>>(5)?.and_then(|d| d.parse().ok()),
        source: r.get(6)?,
        source_kind: SourceKind::from_name(&kind),
        format: Format::from_name(&format),
        encoding: r.get(9)?,
        content_hash: r.get(10)?,
        loaded_at: r.get(11)?,
        claims: r.get(12)?,
    })
}

/// The body of [`Store::add`], inside the caller's transaction. With an
/// `import`, the new revision is held back (listed in `pending_revisions`)
/// until that import is published, and the verdicts to carry over wait in
/// `pending_carry`; revisions held back by other imports are not seen.
pub(super) fn add_in(
    tx: &Transaction,
    doc: &Document,
    ex: &Extraction,
    target: Target,
    import: Option<ImportId>,
) -> Result<Added, StoreError> {
    let url = (doc.source_kind == SourceKind::Url)
        .then(|| doc.source.clone())
        .flatten();
    let hash = content_hash(&doc.text);
    let seen = |id: ArticleId| -> Result<bool, StoreError> {
        Ok(tx
            .prepare_cached(&format!(
                "SELECT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = ?1 AND {})",
                visible_to("r", "?2")
            ))?
            .query_row(params![id, import], |r| r.get(0))?)
    };
    let existing: Option<ArticleId> = match target {
        Target::New => None,
        Target::Article(id) | Target::Redated(id) => {
            let found: Option<ArticleId> = tx
                .query_row("SELECT id FROM articles WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            // A revision pulled from a team hub may be the first of an
            // article row pulled just before it (see `replica.rs`).
            let bare = |id: ArticleId| -> Result<bool, StoreError> {
                Ok(matches!(target, Target::Redated(_))
                    && tx
                        .prepare_cached(
                            "SELECT NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_id = ?1)",
                        )?
                        .query_row([id], |r| r.get(0))?)
            };
            match found {
                Some(id) if seen(id)? || bare(id)? => Some(id),
                _ => return Err(StoreError::NoArticle(id.to_string())),
            }
        }
        Target::Auto => {
            let found: Option<ArticleId> = tx
                .prepare_cached(&format!(
                    "SELECT id FROM articles WHERE (url IS NOT NULL AND url = ?1) OR (external_id IS NOT NULL AND external_id = ?2)
                     UNION ALL
                     SELECT r.article_id FROM revisions r
                     WHERE r.content_hash = ?3 AND ?1 IS NULL AND ?2 IS NULL AND {}
                     LIMIT 1",
                    visible_to("r", "?4")
                ))?
                .query_row(params![url, doc.external_id, hash, import], |r| r.get(0))
                .optional()?;
            if let Some(id) = found
                && !seen(id)?
            {
                return Err(StoreError::Invalid(format!(
                    "{} is being added by a bulk import that is still under way; try again when it has finished",
                    url.as_deref()
                        .or(doc.external_id.as_deref())
                        .unwrap_or("this article")
                )));
            }
            found
        }
    };
    let (article_id, previous) = match existing {
        Some(id) => {
            let prev: Option<(i64, u32, String, Option<String>)> = tx
                .prepare_cached(&format!(
                    "SELECT r.id, r.number, r.content_hash, r.published FROM revisions r
                     WHERE r.article_id = ?1 AND {} ORDER BY r.number DESC LIMIT 1",
                    visible_to("r", "?2")
                ))?
                .query_row(params![id, import], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
                })
                .optional()?;
            // The same text is the same revision, unless it states another
            // publication date (which changes what its relative dates
            // mean): a document that states none keeps the stored one.
            let published = doc.published.map(|d| d.to_string());
            let redated = matches!(target, Target::Redated(_));
            if let Some((_, number, h, p)) = &prev
                && *h == hash
                && (*p == published || (published.is_none() && !redated))
            {
                return Ok(Added {
                    article_id: id,
                    revision: *number,
                    new_article: false,
                    unchanged: true,
                    claims: 0,
                    kept: 0,
                    rechecked: 0,
                    removed_reviewed: 0,
                    corrections_kept: 0,
                    corrections_rechecked: 0,
                });
            }
            (id, prev.map(|(rid, _, _, _)| rid))
        }
        None => {
            tx.prepare_cached(
                "INSERT INTO articles (url, external_id, created_at) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![url, doc.external_id, now()])?;
            (tx.last_insert_rowid(), None)
        }
    };
    // Numbers count every revision, held back or not, so that an import
    // and a single add never take the same one.
    let number: u32 = tx
        .prepare_cached("SELECT coalesce(max(number), 0) + 1 FROM revisions WHERE article_id = ?1")?
        .query_row([article_id], |r| r.get(0))?;
    tx.prepare_cached(
        "INSERT INTO revisions (article_id, number, text, content_hash, source, source_kind, format, encoding,
                                title, byline, published, loaded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        article_id,
        number,
        doc.text,
        hash,
        doc.source,
        doc.source_kind.as_str(),
        doc.format.as_str(),
        doc.encoding,
        doc.title,
        doc.byline,
        doc.published.map(|d| d.to_string()),
        now(),
    ])?;
    let revision_id = tx.last_insert_rowid();
    if let Some(import) = import {
        tx.prepare_cached(
            "INSERT INTO pending_revisions (revision_id, import_id) VALUES (?1, ?2)",
        )?
        .execute(params![revision_id, import])?;
    }
    tx.prepare_cached("INSERT INTO revisions_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?
        .execute(params![revision_id, doc.title, doc.text])?;

    let claim_ids = insert_extraction(tx, revision_id, ex)?;
    let mut added = Added {
        article_id,
        revision: number,
        new_article: previous.is_none(),
        unchanged: false,
        claims: ex.claims.len(),
        kept: 0,
        rechecked: 0,
        removed_reviewed: 0,
        corrections_kept: 0,
        corrections_rechecked: 0,
    };
    if let Some(prev_id) = previous {
        let (mut links, removed) = link_claims(tx, prev_id, &ex.claims, &claim_ids, number)?;
        added.removed_reviewed = removed;
        match import {
            None => {
                let k = carry_corrections(tx, prev_id, revision_id, number, &mut links)?;
                added.corrections_kept = k.kept;
                added.corrections_rechecked = k.rechecked;
                let c = carry_verdicts(tx, &links)?;
                added.kept = c.kept;
                added.rechecked = c.rechecked;
            }
            Some(import) => {
                let mut st = tx.prepare_cached(
                    "INSERT INTO pending_carry (claim_id, import_id, previous_id, revision, changed)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )?;
                for l in &links {
                    st.execute(params![l.new_id, import, l.old_id, l.revision, l.changed])?;
                }
            }
        }
    }
    Ok(added)
}

/// Writes sentences and claims; returns the new claims' ids in order.
fn insert_extraction(
    tx: &Transaction,
    revision_id: i64,
    ex: &Extraction,
) -> Result<Vec<i64>, StoreError> {
    let mut st = tx.prepare_cached(
        "INSERT INTO sentences (revision_id, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, s) in ex.sentences.iter().enumerate() {
        st.execute(params![revision_id, i, s.start, s.end])?;
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO claims (revision_id, idx, kind, key, start, end, sentence, text, confidence, fields)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut fts =
        tx.prepare_cached("INSERT INTO claims_fts (rowid, text, fields) VALUES (?1, ?2, ?3)")?;
    let mut ids = Vec::with_capacity(ex.claims.len());
    for (i, c) in ex.claims.iter().enumerate() {
        let fields = serde_json::to_string(&c.fields)?;
        st.execute(params![
            revision_id,
            i,
            c.kind().as_str(),
            c.stable_key(),
            c.start,
            c.end,
            c.sentence,
            c.text,
            f64::from(c.confidence),
            fields,
        ])?;
        let id = tx.last_insert_rowid();
        fts.execute(params![id, c.text, claim_fts_fields(&c.fields)])?;
        super::people::index_claim(tx, id, &c.fields)?;
        ids.push(id);
    }
    Ok(ids)
}

/// Indexes claim `id` for search and by its person, as
/// [`insert_extraction`] does: for a claim pulled from a team hub (see
/// `store/shared.rs`).
pub(super) fn index_claim(conn: &Transaction, id: i64) -> Result<(), StoreError> {
    let (text, fields): (String, String) =
        conn.query_row("SELECT text, fields FROM claims WHERE id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let fields: ClaimFields = serde_json::from_str(&fields)?;
    conn.prepare_cached("INSERT INTO claims_fts (rowid, text, fields) VALUES (?1, ?2, ?3)")?
        .execute(params![id, text, claim_fts_fields(&fields)])?;
    super::people::index_claim(conn, id, &fields)?;
    Ok(())
}

/// What the full-text index holds of a claim's fields: their values.
pub(super) fn claim_fts_fields(fields: &ClaimFields) -> String {
    let values: Vec<String> = fields.pairs().into_iter().map(|(_, v)| v).collect();
    values.join(" ")
}

/// Whether a status is a verdict someone gave (not the absence of one).
pub(super) fn is_verdict(s: Status) -> bool {
    !matches!(s, Status::Unreviewed)
}
