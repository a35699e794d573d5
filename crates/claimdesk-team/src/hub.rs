//! The hub's schema and people. The schema lives in the `claimdesk` schema
//! of the hub's database as versioned migrations (`claimdesk.migrations`),
//! applied by `claimdesk team init` under an advisory lock. Every shared
//! set is rows of one table, `claimdesk.items` (set, global key, author,
//! JSON columns, `server_seq`):
//!
//! - grow-only: `UPDATE`, `DELETE` and `TRUNCATE` are granted to nobody
//!   and refused by triggers even for the owner;
//! - `author` is `current_user`, enforced by row-level security, so nobody
//!   writes in another's name;
//! - every insert takes one transaction-scoped advisory lock before it
//!   draws its `server_seq`, so rows commit in `server_seq` order and a
//!   reader that has seen `server_seq = n` has seen every row below `n`
//!   (a pull by cursor never skips a row that commits late);
//! - an insert sends `NOTIFY claimdesk_hub`, a wake-up for quick pulls,
//!   never the source of truth;
//! - editors' locks are rows of the set `article_locks`, which the policy
//!   lets only members of the editor group write; once an article is
//!   locked, the policy refuses verdicts on its claims (version 2).
//!
//! One login role per person, in the group roles `checker` and `editor`
//! (their names can carry a prefix, so that several hubs, or tests, share
//! one server).

use crate::connect::HubUrl;
use crate::error::TeamError;
use postgres::Client;

/// The advisory lock that orders inserts into `claimdesk.items`.
pub const INSERT_LOCK: i64 = 0x436c_6169_6d64_6b01;
/// The advisory lock that serialises migrations.
const MIGRATION_LOCK: i64 = 0x436c_6169_6d64_6b02;
/// The channel woken on every insert.
pub const CHANNEL: &str = "claimdesk_hub";

/// A person's part in the desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Reads everything, writes verdicts and articles in their own name.
    Checker,
    /// A checker who can also lock an article's verdicts as published.
    Editor,
}

impl Role {
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "checker" => Some(Role::Checker),
            "editor" => Some(Role::Editor),
            _ => None,
        }
    }
}

/// The group role names of a hub.
#[derive(Debug, Clone)]
pub struct Groups {
    pub checker: String,
    pub editor: String,
}

impl Groups {
    pub fn with_prefix(prefix: &str) -> Groups {
        Groups {
            checker: format!("{prefix}checker"),
            editor: format!("{prefix}editor"),
        }
    }
}

/// `name` quoted as an SQL identifier.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// `s` quoted as an SQL string literal.
fn literal(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// The hub's migrations, oldest first; `{checker}` and `{editor}` stand
/// for the group roles (quoted), `{editor_name}` for the editor group as a
/// string literal. A released migration is never edited.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE claimdesk.settings (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE SEQUENCE claimdesk.server_seq;

CREATE TABLE claimdesk.items (
    set_name   text NOT NULL,
    gid        text NOT NULL,
    author     name NOT NULL DEFAULT current_user,
    payload    jsonb NOT NULL,
    server_seq bigint NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (set_name, gid)
);
CREATE UNIQUE INDEX items_pull ON claimdesk.items (set_name, server_seq);

CREATE FUNCTION claimdesk.items_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock({insert_lock});
    NEW.server_seq := nextval('claimdesk.server_seq');
    NEW.written_at := now();
    RETURN NEW;
END $$;
CREATE TRIGGER items_in_order BEFORE INSERT ON claimdesk.items
    FOR EACH ROW EXECUTE FUNCTION claimdesk.items_in_order();

CREATE FUNCTION claimdesk.items_grow_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the shared history is grow-only: % is refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER items_grow_only BEFORE UPDATE OR DELETE ON claimdesk.items
    FOR EACH ROW EXECUTE FUNCTION claimdesk.items_grow_only();
CREATE TRIGGER items_no_truncate BEFORE TRUNCATE ON claimdesk.items
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.items_grow_only();

CREATE FUNCTION claimdesk.items_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('claimdesk_hub', '');
    RETURN NULL;
END $$;
CREATE TRIGGER items_wake AFTER INSERT ON claimdesk.items
    FOR EACH STATEMENT EXECUTE FUNCTION claimdesk.items_wake();

ALTER TABLE claimdesk.items ENABLE ROW LEVEL SECURITY;
CREATE POLICY items_read ON claimdesk.items FOR SELECT USING (true);
CREATE POLICY items_write ON claimdesk.items FOR INSERT WITH CHECK (
    author = current_user
    AND (set_name <> 'article_locks' OR pg_has_role(current_user, {editor_name}, 'MEMBER'))
);

REVOKE ALL ON claimdesk.items, claimdesk.settings, claimdesk.migrations FROM PUBLIC;
GRANT USAGE ON SCHEMA claimdesk TO {checker}, {editor};
GRANT SELECT, INSERT ON claimdesk.items TO {checker}, {editor};
GRANT SELECT ON claimdesk.settings, claimdesk.migrations TO {checker}, {editor};
GRANT USAGE ON SEQUENCE claimdesk.server_seq TO {checker}, {editor};
"#,
    r#"
-- Version 2: no verdict on an article an editor locked. A review names its
-- claim; the claim its revision; the revision its article.
CREATE FUNCTION claimdesk.claim_is_locked(claim text) RETURNS boolean
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (
        SELECT 1 FROM claimdesk.items c
        JOIN claimdesk.items r ON r.set_name = 'revisions' AND r.gid = c.payload->>'revision_id'
        JOIN claimdesk.items l ON l.set_name = 'article_locks'
                              AND l.payload->>'article_id' = r.payload->>'article_id'
        WHERE c.set_name = 'claims' AND c.gid = claim)
$$;
CREATE INDEX items_locks ON claimdesk.items ((payload->>'article_id')) WHERE set_name = 'article_locks';
DROP POLICY items_write ON claimdesk.items;
CREATE POLICY items_write ON claimdesk.items FOR INSERT WITH CHECK (
    author = current_user
    AND (set_name <> 'article_locks' OR pg_has_role(current_user, {editor_name}, 'MEMBER'))
    AND (set_name <> 'reviews' OR NOT claimdesk.claim_is_locked(payload->>'claim_id'))
);
"#,
];

/// The hub schema version this build writes.
pub fn latest_version() -> i32 {
    MIGRATIONS.len() as i32
}

/// Creates or upgrades the hub at `url` (connected as an administrator
/// who may create roles): the `claimdesk` schema, the group roles, the
/// policies. Safe to run again. Returns the schema version.
pub fn init(url: &HubUrl, role_prefix: &str) -> Result<i32, TeamError> {
    let mut client = url.connect(None)?;
    init_with(&mut client, role_prefix)
}

/// [`init`] on an open connection.
pub fn init_with(client: &mut Client, role_prefix: &str) -> Result<i32, TeamError> {
    init_to(client, role_prefix, latest_version())
}

/// [`init_with`] up to schema version `upto` only: what an older Claimdesk
/// left, for upgrade tests.
#[doc(hidden)]
pub fn init_to(client: &mut Client, role_prefix: &str, upto: i32) -> Result<i32, TeamError> {
    let groups = Groups::with_prefix(role_prefix);
    let mut tx = client.transaction()?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
    tx.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS claimdesk;
         CREATE TABLE IF NOT EXISTS claimdesk.migrations (
             version    integer PRIMARY KEY,
             applied_at timestamptz NOT NULL DEFAULT now()
         );",
    )?;
    for g in [&groups.checker, &groups.editor] {
        let exists: bool = tx
            .query_one(
                "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
                &[g],
            )?
            .get(0);
        if !exists {
            tx.batch_execute(&format!("CREATE ROLE {} NOLOGIN", ident(g)))?;
        }
    }
    // Editors are checkers who can also lock.
    tx.batch_execute(&format!(
        "GRANT {} TO {}",
        ident(&groups.checker),
        ident(&groups.editor)
    ))?;
    let current: i32 = tx
        .query_one(
            "SELECT coalesce(max(version), 0) FROM claimdesk.migrations",
            &[],
        )?
        .get(0);
    if current > latest_version() {
        return Err(TeamError::HubTooNew {
            found: current,
            supported: latest_version(),
        });
    }
    let upto = usize::try_from(upto.clamp(0, latest_version())).unwrap_or(0);
    for (i, m) in MIGRATIONS
        .iter()
        .enumerate()
        .take(upto)
        .skip(usize::try_from(current).unwrap_or(0))
    {
        let sql = m
            .replace("{checker}", &ident(&groups.checker))
            .replace("{editor}", &ident(&groups.editor))
            .replace("{editor_name}", &literal(&groups.editor))
            .replace("{insert_lock}", &INSERT_LOCK.to_string());
        tx.batch_execute(&sql)?;
        tx.execute(
            "INSERT INTO claimdesk.migrations (version) VALUES ($1)",
            &[&(i as i32 + 1)],
        )?;
    }
    tx.execute(
        "INSERT INTO claimdesk.settings (key, value) VALUES ('role_prefix', $1)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[&role_prefix],
    )?;
    tx.commit()?;
    Ok(current.max(i32::try_from(upto).unwrap_or(0)))
}

/// The group roles of the hub `client` is connected to.
pub fn groups(client: &mut Client) -> Result<Groups, TeamError> {
    let prefix: Option<String> = client
        .query_opt(
            "SELECT value FROM claimdesk.settings WHERE key = 'role_prefix'",
            &[],
        )?
        .map(|r| r.get(0));
    Ok(Groups::with_prefix(&prefix.unwrap_or_default()))
}

/// A new password: 128 random bits as hex.
pub fn new_password() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

/// Creates the login `name` (or updates its password and group) in the
/// group of `role`, with `password`. Connected as an administrator.
pub fn add_user(
    client: &mut Client,
    name: &str,
    role: Role,
    password: &str,
) -> Result<(), TeamError> {
    let valid = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
    if !valid {
        return Err(TeamError::Invalid(format!(
            "{name:?} is not a user name (letters, digits, '_', '-', '.'; at most 63)"
        )));
    }
    let groups = groups(client)?;
    let group = match role {
        Role::Checker => &groups.checker,
        Role::Editor => &groups.editor,
    };
    let mut tx = client.transaction()?;
    let exists: bool = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)",
            &[&name],
        )?
        .get(0);
    let verb = if exists { "ALTER" } else { "CREATE" };
    tx.batch_execute(&format!(
        "{verb} ROLE {} LOGIN PASSWORD {}",
        ident(name),
        literal(password)
    ))?;
    tx.batch_execute(&format!("GRANT {} TO {}", ident(group), ident(name)))?;
    tx.commit()?;
    Ok(())
}

/// Locks an article's verdicts as published: a row of the set
/// `article_locks` naming the article by its global key. The hub refuses
/// it unless the login is an editor.
pub fn lock_article(client: &mut Client, article_gid: &str) -> Result<String, TeamError> {
    let uid = uuid::Uuid::now_v7().to_string();
    let user: String = client.query_one("SELECT current_user::text", &[])?.get(0);
    let payload = serde_json::json!({
        "uid": uid,
        "article_id": article_gid,
        "by": user,
        "at": chrono_now(),
    });
    client
        .execute(
            "INSERT INTO claimdesk.items (set_name, gid, payload) VALUES ('article_locks', $1, $2)",
            &[&uid, &payload],
        )
        .map_err(|e| match TeamError::from(e) {
            TeamError::Refused(why) => TeamError::Refused(format!(
                "only editors can lock an article's verdicts ({user} is not one: {why})"
            )),
            other => other,
        })?;
    Ok(uid)
}

fn chrono_now() -> String {
    // As the local store writes times: RFC 3339 UTC to the second.
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
