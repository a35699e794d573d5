//! Why a team operation failed, typed so that callers can tell a hub that
//! cannot be reached (work goes on offline) from a refusal (rights, a
//! locked article) or a local problem.

/// A failure of the team desk.
#[derive(Debug, thiserror::Error)]
pub enum TeamError {
    #[error("bad hub URL {url}: {why}")]
    BadUrl { url: String, why: String },
    #[error("cannot reach the hub {url}: {cause}")]
    Unreachable { url: String, cause: String },
    #[error("the hub refused: {0}")]
    Refused(String),
    #[error(
        "no password for {who}: set PGPASSWORD, add it to a passfile (~/.pgpass or PGPASSFILE), or run `claimdesk team join` in a terminal to keep it in the keyring"
    )]
    NoPassword { who: String },
    #[error("the keyring could not keep the password: {0}")]
    Keyring(String),
    #[error(
        "the hub's schema is version {found}, newer than this Claimdesk knows ({supported}); update Claimdesk"
    )]
    HubTooNew { found: i32, supported: i32 },
    #[error("this database has not joined a team hub: run `claimdesk team join URL` first")]
    NotJoined,
    #[error("{0}")]
    Invalid(String),
    #[error("TLS: {0}")]
    Tls(#[from] native_tls::Error),
    #[error(transparent)]
    Store(#[from] claimdesk::store::StoreError),
    #[error("hub: {0}")]
    Postgres(postgres::Error),
}

impl TeamError {
    /// Whether the hub could not be reached (the work stays in the outbox
    /// and the next sync sends it), as opposed to a refusal.
    pub fn is_offline(&self) -> bool {
        match self {
            TeamError::Unreachable { .. } => true,
            TeamError::Postgres(e) => e.is_closed() || e.as_db_error().is_none(),
            _ => false,
        }
    }
}

impl From<postgres::Error> for TeamError {
    fn from(e: postgres::Error) -> Self {
        if let Some(db) = e.as_db_error() {
            use postgres::error::SqlState;
            let code = db.code();
            if *code == SqlState::INSUFFICIENT_PRIVILEGE
                || *code == SqlState::RAISE_EXCEPTION
                || *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                return TeamError::Refused(db.message().to_string());
            }
        }
        TeamError::Postgres(e)
    }
}
