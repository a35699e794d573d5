//! Syncing a replica with its hub: every pushed shared set's outbox goes
//! up in registry order (`INSERT … ON CONFLICT DO NOTHING`, so a push
//! repeated after a crash or a lost reply changes nothing), then every
//! set comes down by its cursor (`server_seq > cursor`, pages in order;
//! the hub's inserts commit in `server_seq` order, see `hub.rs`, so the
//! cursor never passes a row still to commit). Each pulled page is stored
//! with its cursor in one local transaction: a sync killed at any moment
//! resumes where it was, and nothing is stored twice.

use crate::connect::HubUrl;
use crate::error::TeamError;
use claimdesk::store::shared::SHARED_SETS;
use claimdesk::store::{OutRow, PulledRow, Store, TeamInfo};
use postgres::Client;
use serde::Serialize;
use std::time::Duration;

/// Rows per push or pull round trip.
const PAGE: usize = 500;

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SyncReport {
    /// Local rows sent (the hub may have had some already).
    pub pushed: usize,
    /// Rows others wrote, now stored here.
    pub pulled: usize,
    /// Rows the hub sent that this replica had.
    pub known: usize,
    /// Rows waiting for something they point at (pulled next time).
    pub waiting: Vec<String>,
    /// Local rows the hub refused (verdicts on an article locked
    /// meanwhile); kept here, never sent again.
    pub refused: usize,
}

/// Pushes the outbox and pulls what is new, on an open connection.
pub fn sync_with(store: &mut Store, client: &mut Client) -> Result<SyncReport, TeamError> {
    let mut report = SyncReport::default();
    push(store, client, &mut report)?;
    pull(store, client, &mut report)?;
    Ok(report)
}

/// Pushes every pushed set's outbox, in registry order.
pub fn push(
    store: &mut Store,
    client: &mut Client,
    report: &mut SyncReport,
) -> Result<(), TeamError> {
    store.sync_scan()?;
    let user: String = client.query_one("SELECT current_user::text", &[])?.get(0);
    for set in SHARED_SETS.iter().filter(|s| s.pushed) {
        let mut after = 0;
        loop {
            let (rows, next) = store.outbox(set.name, after, PAGE)?;
            let Some(next) = next else { break };
            after = next;
            if rows.is_empty() {
                continue;
            }
            match insert(client, set.name, &rows) {
                Ok(()) => {
                    let ids: Vec<i64> = rows.iter().map(|r| r.local_id).collect();
                    store.mark_pushed(set.name, &ids, &user)?;
                    report.pushed += rows.len();
                }
                // A verdict on an article locked meanwhile: the page goes
                // row by row, and the refused rows stay here.
                Err(e) if set.name == "reviews" && refused_by_policy(&e) => {
                    for row in &rows {
                        match insert(client, set.name, std::slice::from_ref(row)) {
                            Ok(()) => {
                                store.mark_pushed(set.name, &[row.local_id], &user)?;
                                report.pushed += 1;
                            }
                            Err(e) if refused_by_policy(&e) => {
                                store.mark_refused(set.name, &[row.local_id])?;
                                report.refused += 1;
                            }
                            Err(e) => return Err(e.into()),
                        }
                    }
                }
                Err(e) => return Err(e.into()),
            }
        }
    }
    Ok(())
}

/// Inserts rows of `set`, in order; rows the hub has are left as they are.
fn insert(client: &mut Client, set: &str, rows: &[OutRow]) -> Result<(), postgres::Error> {
    let gids: Vec<&str> = rows.iter().map(|r| r.gid.as_str()).collect();
    let payloads: Vec<&serde_json::Value> = rows.iter().map(|r| &r.payload).collect();
    client.execute(
        "INSERT INTO claimdesk.items (set_name, gid, payload)
         SELECT $1, u.g, u.p FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS u(g, p, n)
         ORDER BY u.n
         ON CONFLICT (set_name, gid) DO NOTHING",
        &[&set, &gids, &payloads],
    )?;
    Ok(())
}

/// Whether the hub's row-level security refused an insert.
fn refused_by_policy(e: &postgres::Error) -> bool {
    e.as_db_error().is_some_and(|db| {
        *db.code() == postgres::error::SqlState::INSUFFICIENT_PRIVILEGE
            && db.message().contains("row-level security")
    })
}

/// Pulls every set's new rows, in registry order.
pub fn pull(
    store: &mut Store,
    client: &mut Client,
    report: &mut SyncReport,
) -> Result<(), TeamError> {
    // Keys first, then the columns of the rows this replica lacks: its own
    // rows come back on the first sync after a push, and are not sent again.
    let heads = client.prepare(
        "SELECT server_seq, gid, author::text FROM claimdesk.items
         WHERE set_name = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3",
    )?;
    let bodies = client.prepare(
        "SELECT gid, payload FROM claimdesk.items WHERE set_name = $1 AND gid = ANY($2)",
    )?;
    for set in SHARED_SETS {
        loop {
            let cursor = store.pulled_seq(set.name)?;
            let page = client.query(&heads, &[&set.name, &cursor, &(PAGE as i64)])?;
            if page.is_empty() {
                break;
            }
            let full = page.len() == PAGE;
            let mut rows: Vec<PulledRow> = page
                .into_iter()
                .map(|r| PulledRow {
                    seq: r.get(0),
                    gid: r.get(1),
                    author: r.get(2),
                    payload: serde_json::Value::Null,
                })
                .collect();
            let mut missing: Vec<&str> = Vec::new();
            for r in &rows {
                if store.local_id(set.name, &r.gid)?.is_none() {
                    missing.push(&r.gid);
                }
            }
            if !missing.is_empty() {
                let mut payloads: std::collections::HashMap<String, serde_json::Value> = client
                    .query(&bodies, &[&set.name, &missing])?
                    .into_iter()
                    .map(|r| (r.get(0), r.get(1)))
                    .collect();
                for r in &mut rows {
                    if let Some(p) = payloads.remove(&r.gid) {
                        r.payload = p;
                    }
                }
            }
            let applied = store.apply_pulled(set.name, &rows)?;
            report.pulled += applied.stored;
            report.known += applied.known;
            if let Some(w) = applied.waiting {
                report.waiting.push(w);
                break;
            }
            if !full {
                break;
            }
        }
    }
    Ok(())
}

/// The hub this replica joined, connected with the password found the
/// usual ways.
pub fn connect_joined(store: &Store) -> Result<(TeamInfo, Client), TeamError> {
    let team = store.team()?.ok_or(TeamError::NotJoined)?;
    let url = HubUrl::parse(&team.url)?;
    let client = url.connect(None)?;
    Ok((team, client))
}

/// `claimdesk sync`: connects to the joined hub, pushes and pulls, and
/// records the outcome (the last sync, or why it failed) in the replica.
pub fn sync(store: &mut Store) -> Result<SyncReport, TeamError> {
    let result = connect_joined(store).and_then(|(_, mut client)| sync_with(store, &mut client));
    match &result {
        Ok(_) => store.record_sync(None)?,
        Err(e) => {
            // Count what waits even when the hub is away.
            let _ = store.sync_scan();
            let _ = store.record_sync(Some(&e.to_string()));
        }
    }
    result
}

/// Waits up to `timeout` for the hub to say something was written
/// (`LISTEN`/`NOTIFY`): a hint to pull now, never the source of truth.
pub fn wait_for_change(client: &mut Client, timeout: Duration) -> Result<bool, TeamError> {
    client.batch_execute(&format!("LISTEN {}", crate::hub::CHANNEL))?;
    let mut n = client.notifications();
    let mut it = n.timeout_iter(timeout);
    Ok(postgres::fallible_iterator::FallibleIterator::next(&mut it)?.is_some())
}

/// What `claimdesk team status` says.
#[derive(Debug, Clone, Serialize)]
pub struct TeamStatus {
    pub team: Option<TeamInfo>,
    /// Rows waiting in the outbox, per shared set.
    pub pending: Vec<(String, usize)>,
    /// Rows the hub refused, per shared set.
    pub refused: Vec<(String, usize)>,
    /// `Ok(login)` when the hub answered, else why not.
    pub connected: Option<Result<String, String>>,
    /// Rows on the hub not pulled yet, when connected.
    pub behind: Option<i64>,
}

/// The replica's team status; with `probe`, also tries the hub.
pub fn status(store: &mut Store, probe: bool) -> Result<TeamStatus, TeamError> {
    let team = store.team()?;
    if team.is_some() {
        store.sync_scan()?;
    }
    let pending = store.outbox_counts()?;
    let refused = store.refused_counts()?;
    let mut connected = None;
    let mut behind = None;
    if probe && team.is_some() {
        match connect_joined(store) {
            Ok((_, mut client)) => {
                let user: String = client.query_one("SELECT current_user::text", &[])?.get(0);
                let mut n = 0i64;
                for set in SHARED_SETS {
                    let cursor = store.pulled_seq(set.name)?;
                    let c: i64 = client
                        .query_one(
                            "SELECT count(*) FROM claimdesk.items WHERE set_name = $1 AND server_seq > $2",
                            &[&set.name, &cursor],
                        )?
                        .get(0);
                    n += c;
                }
                behind = Some(n);
                connected = Some(Ok(user));
            }
            Err(e) => connected = Some(Err(e.to_string())),
        }
    }
    Ok(TeamStatus {
        team,
        pending,
        refused,
        connected,
        behind,
    })
}
