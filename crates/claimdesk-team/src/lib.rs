//! The team desk (issue 13): a newsroom shares one claim store on a
//! PostgreSQL hub while every checker keeps a local SQLite replica.
//!
//! - [`hub`]: the hub's schema as versioned migrations, group roles
//!   `checker` and `editor`, row-level security, users, editors' locks.
//! - [`connect`]: connecting the libpq way (URL, `sslmode`, `PGPASSWORD`,
//!   passfile, OS keyring), never prompting without a terminal.
//! - [`sync`]: pushing the replica's outbox and pulling what others wrote,
//!   for every shared set of `claimdesk::store::shared` alike.
//! - [`error`]: the crate's typed errors.
//!
//! No UI: the CLI and the app call this crate.

pub mod connect;
pub mod error;
pub mod hub;
pub mod sync;

pub use connect::{Credentials, HubUrl};
pub use error::TeamError;
pub use hub::{Role, add_user, init, lock_article};
pub use postgres::Client;
pub use sync::{SyncReport, TeamStatus, status, sync};
