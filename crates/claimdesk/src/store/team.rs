//! The hub this replica joined (its URL, never with a password; the
//! login; the last sync and why the last one failed) and the editors'
//! locks pulled from it. The network side is in the `claimdesk-team`
//! crate.

use super::{Store, StoreError, now};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;

/// The hub this replica joined.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamInfo {
    /// The hub's URL, never with a password.
    pub url: String,
    pub user: String,
    pub joined_at: String,
    pub last_sync: Option<String>,
    pub last_error: Option<String>,
}

impl Store {
    /// The hub this replica joined, if any.
    pub fn team(&self) -> Result<Option<TeamInfo>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT url, user, joined_at, last_sync, last_error FROM team WHERE id = 1",
                [],
                |r| {
                    Ok(TeamInfo {
                        url: r.get(0)?,
                        user: r.get(1)?,
                        joined_at: r.get(2)?,
                        last_sync: r.get(3)?,
                        last_error: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }

    /// Joins the hub at `url` (given without a password) as `user`. A
    /// replica joins one hub: joining another is refused.
    pub fn set_team(&mut self, url: &str, user: &str) -> Result<(), StoreError> {
        if url_has_password(url) {
            return Err(StoreError::Invalid(
                "the hub's URL holds a password; give it through PGPASSWORD, a passfile or the keyring instead".into(),
            ));
        }
        let tx = self.begin()?;
        let current: Option<String> = tx
            .query_row("SELECT url FROM team WHERE id = 1", [], |r| r.get(0))
            .optional()?;
        if let Some(c) = current
            && c != url
        {
            return Err(StoreError::Invalid(format!(
                "this database already syncs with {c}; a replica shares one hub (use another database for {url})"
            )));
        }
        tx.execute(
            "INSERT INTO team (id, url, user, joined_at) VALUES (1, ?1, ?2, ?3)
             ON CONFLICT (id) DO UPDATE SET url = excluded.url, user = excluded.user",
            params![url, user, now()],
        )?;
        tx.commit()
    }

    /// Records the outcome of a sync: `None` for success.
    /// Leaves the team: this replica stops syncing. What it holds stays,
    /// and joining again sends what waits.
    pub fn leave_team(&mut self) -> Result<(), StoreError> {
        let tx = self.begin()?;
        tx.execute("DELETE FROM team WHERE id = 1", [])?;
        tx.commit()?;
        Ok(())
    }

    pub fn record_sync(&mut self, error: Option<&str>) -> Result<(), StoreError> {
        let tx = self.begin()?;
        match error {
            None => tx.execute(
                "UPDATE team SET last_sync = ?1, last_error = NULL WHERE id = 1",
                [now()],
            )?,
            Some(e) => tx.execute("UPDATE team SET last_error = ?1 WHERE id = 1", [e])?,
        };
        tx.commit()
    }

    /// Whether `article` is locked by an editor, and by whom.
    pub fn article_lock(&self, article: i64) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .query_row(
                "SELECT coalesce(s.author, l.by, '') FROM article_locks l
                 LEFT JOIN sync_ids s ON s.set_name = 'article_locks' AND s.local_id = l.id
                 WHERE l.article_id = ?1 ORDER BY l.id LIMIT 1",
                [article],
                |r| r.get(0),
            )
            .optional()?)
    }
}

/// Whether a connection URL carries a password.
pub fn url_has_password(url: &str) -> bool {
    url::Url::parse(url).is_ok_and(|u| u.password().is_some())
        || url
            .split_whitespace()
            .any(|kv| kv.trim_start().starts_with("password="))
}
