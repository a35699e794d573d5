//! Test support: a fresh hub database per test on the throw-away server
//! named by `CLAIMDESK_TEST_PG` (scripts/pg-cluster), logins in it, and
//! local replicas in temporary folders. Without the variable the tests
//! say why they skip, unless `CLAIMDESK_TEST_PG_REQUIRED` is set (CI), in
//! which case they fail.
#![allow(dead_code)]

use claimdesk::Status;
use claimdesk::load::{Document, Format};
use claimdesk::store::{ReviewInput, Store, Target};
use claimdesk_team::TeamError;
use claimdesk_team::connect::HubUrl;
use claimdesk_team::hub::{self, Role};
use claimdesk_team::sync::{SyncReport, sync_with};
use postgres::{Client, NoTls};
use std::path::PathBuf;

/// The test server's superuser URL, or `None` (after saying why) when no
/// server is given locally.
pub fn server() -> Option<String> {
    match std::env::var("CLAIMDESK_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            if std::env::var_os("CLAIMDESK_TEST_PG_REQUIRED").is_some() {
                panic!(
                    "CLAIMDESK_TEST_PG is not set but CLAIMDESK_TEST_PG_REQUIRED is: the team tests must run against PostgreSQL"
                );
            }
            eprintln!(
                "SKIPPED: CLAIMDESK_TEST_PG is not set; start a server with `eval \"$(scripts/pg-cluster start)\"` to run the team tests"
            );
            None
        }
    }
}

/// A fresh hub database, initialised, dropped at the end.
pub struct Hub {
    pub server: String,
    pub name: String,
    /// The superuser's URL of this database.
    pub admin: HubUrl,
}

fn with_db(server: &str, db: &str) -> String {
    let mut u = url::Url::parse(server).expect("server URL");
    u.set_path(&format!("/{db}"));
    u.query_pairs_mut().append_pair("sslmode", "disable");
    u.to_string()
}

impl Hub {
    pub fn new(server: &str) -> Hub {
        Hub::new_at(server, claimdesk_team::hub::latest_version())
    }

    /// A hub at schema version `version` (older ones for upgrade tests).
    pub fn new_at(server: &str, version: i32) -> Hub {
        let name = format!("cd_{}", uuid::Uuid::new_v4().simple())[..20].to_string();
        let mut c = Client::connect(server, NoTls).expect("connect to the test server");
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .expect("create database");
        let admin = HubUrl::parse(&with_db(server, &name)).expect("admin URL");
        let mut c = admin.connect(None).expect("admin connect");
        hub::init_to(&mut c, &format!("{name}_"), version).expect("team init");
        Hub {
            server: server.to_string(),
            name,
            admin,
        }
    }

    pub fn admin_client(&self) -> Client {
        self.admin.connect(None).expect("admin connect")
    }

    /// A login in this hub's group `role`: its URL and password.
    pub fn user(&self, name: &str, role: Role) -> (HubUrl, String) {
        let login = format!("{}_{name}", self.name);
        let password = hub::new_password();
        hub::add_user(&mut self.admin_client(), &login, role, &password).expect("add user");
        (self.admin.as_user(&login), password)
    }
}

impl Drop for Hub {
    fn drop(&mut self) {
        if let Ok(mut c) = Client::connect(&self.server, NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
            for g in ["checker", "editor"] {
                let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS {}_{g}", self.name));
            }
            if let Ok(rows) = c.query(
                "SELECT rolname::text FROM pg_roles WHERE rolname LIKE $1",
                &[&format!("{}\\_%", self.name)],
            ) {
                for r in rows {
                    let n: String = r.get(0);
                    let _ = c.batch_execute(&format!("DROP ROLE IF EXISTS \"{n}\""));
                }
            }
        }
    }
}

/// A checker's local replica of a hub.
pub struct Replica {
    _dir: tempfile::TempDir,
    pub path: PathBuf,
    pub url: HubUrl,
    pub password: String,
}

impl Replica {
    pub fn new(hub: &Hub, name: &str, role: Role) -> Replica {
        let (url, password) = hub.user(name, role);
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("desk.db");
        let mut s = Store::open(&path).expect("open replica");
        s.set_team(&url.url, &url.user).expect("join");
        Replica {
            _dir: dir,
            path,
            url,
            password,
        }
    }

    /// Opens the replica, as a new process would.
    pub fn store(&self) -> Store {
        Store::open(&self.path).expect("open replica")
    }

    pub fn client(&self) -> Result<Client, TeamError> {
        self.url.connect(Some(&self.password))
    }

    pub fn sync(&self) -> Result<SyncReport, TeamError> {
        let mut c = self.client()?;
        sync_with(&mut self.store(), &mut c)
    }

    pub fn push(&self) -> Result<(), TeamError> {
        let mut c = self.client()?;
        claimdesk_team::sync::push(&mut self.store(), &mut c, &mut SyncReport::default())
    }

    pub fn pull(&self) -> Result<(), TeamError> {
        let mut c = self.client()?;
        claimdesk_team::sync::pull(&mut self.store(), &mut c, &mut SyncReport::default())
    }

    /// Adds an invented article; returns its local id.
    pub fn add_article(&self, text: &str) -> i64 {
        let mut doc = Document::new(text.to_string(), Format::Text);
        doc.title = text.lines().next().unwrap_or("").to_string();
        self.store()
            .add(&doc, Target::Auto)
            .expect("add")
            .article_id
    }

    /// Records a verdict on the claim with global key `claim`.
    pub fn review(&self, claim: &str, status: Status, note: &str) -> String {
        let mut s = self.store();
        let id = s
            .local_id("claims", claim)
            .expect("lookup")
            .expect("claim is here");
        let input = ReviewInput {
            status: Some(status),
            note: Some(note.to_string()),
            reviewer: Some(self.url.user.clone()),
            ..ReviewInput::default()
        };
        s.review(id, &input).expect("review").uid
    }

    /// The global keys of the claims of local article `article`'s latest
    /// revision (after a scan).
    pub fn claim_keys(&self, article: i64) -> Vec<String> {
        let mut s = self.store();
        s.sync_scan().expect("scan");
        let claims = s.claims(article, None, Default::default()).expect("claims");
        claims
            .iter()
            .map(|c| s.global_id("claims", c.id).expect("gid").expect("mapped"))
            .collect()
    }

    /// Every shared review as the hub keeps it, sorted by key.
    pub fn reviews(&self) -> Vec<(String, Option<String>, serde_json::Value)> {
        let mut s = self.store();
        s.sync_scan().expect("scan");
        s.shared_rows("reviews").expect("rows")
    }

    /// The verdicts of the claim with key `claim` that conflict.
    pub fn conflict(&self, claim: &str) -> Vec<String> {
        let s = self.store();
        let id = s
            .local_id("claims", claim)
            .expect("lookup")
            .expect("claim is here");
        let mut v: Vec<String> = s
            .conflict(id)
            .expect("conflict")
            .into_iter()
            .map(|r| r.uid)
            .collect();
        v.sort();
        v
    }
}

/// An invented article (invented names and places) with several claims.
pub fn article(n: usize) -> String {
    format!(
        "Harbour council {n} approves new ferry budget\n\nPORTVALE, March 3, 2025 - The Portvale harbour council approved ferry budget number {n} on Monday, said council chair Amelia Quist.\n\n\"We will run {n} more boats by June,\" Quist told reporters. Finance director Tomas Virel said the plan would cost {n} million crowns.\n\nVirel resigned from the board of Coastline Ltd last year, the council said. The vote took place on Friday.\n"
    )
}
