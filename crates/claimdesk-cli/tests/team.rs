//! The team commands as people type them, against a real PostgreSQL
//! server (`CLAIMDESK_TEST_PG`, see scripts/pg-cluster): the admin sets up
//! a hub and two logins, a checker joins without a terminal (refused
//! without a password, never prompted; accepted with a passfile), verdicts
//! travel both ways, a conflict shows in `claims` and `history` until a
//! later verdict settles it, and `team status` says what waits.

mod common;
use common::{Env, sample};
use std::process::{Command, Stdio};

fn server() -> Option<String> {
    match std::env::var("CLAIMDESK_TEST_PG") {
        Ok(u) if !u.is_empty() => Some(u),
        _ => {
            if std::env::var_os("CLAIMDESK_TEST_PG_REQUIRED").is_some() {
                panic!("CLAIMDESK_TEST_PG is not set but CLAIMDESK_TEST_PG_REQUIRED is");
            }
            eprintln!(
                "SKIPPED: CLAIMDESK_TEST_PG is not set (eval \"$(scripts/pg-cluster start)\")"
            );
            None
        }
    }
}

fn psql(server: &str, sql: &str) {
    let st = Command::new("psql")
        .args([server, "-qXc", sql])
        .stdout(Stdio::null())
        .status()
        .expect("psql");
    assert!(st.success(), "psql {sql}");
}

/// A hub database and its roles, dropped at the end.
struct HubDb {
    server: String,
    name: String,
}

impl Drop for HubDb {
    fn drop(&mut self) {
        let n = &self.name;
        psql(
            &self.server,
            &format!("DROP DATABASE IF EXISTS {n} WITH (FORCE)"),
        );
        for r in ["alice", "bob", "checker", "editor"] {
            psql(&self.server, &format!("DROP ROLE IF EXISTS {n}_{r}"));
        }
    }
}

/// The server URL pointed at database `db`, without TLS (local server).
fn url_for(server: &str, user: &str, db: &str) -> String {
    let rest = server.split_once('@').map(|(_, r)| r).unwrap_or(server);
    let host = rest.split('/').next().unwrap_or(rest);
    format!("postgres://{user}@{host}/{db}?sslmode=disable")
}

/// Runs a command with no terminal, a private HOME and no PGPASSWORD
/// unless `password` is given.
fn run(
    env: &Env,
    home: &std::path::Path,
    password: Option<&str>,
    args: &[&str],
) -> std::process::Output {
    let mut c = env.command();
    c.args(args)
        .env("HOME", home)
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::null());
    if let Some(p) = password {
        c.env("PGPASSWORD", p);
    }
    c.output().expect("run claimdesk")
}

fn ok(env: &Env, home: &std::path::Path, password: Option<&str>, args: &[&str]) -> String {
    let out = run(env, home, password, args);
    assert!(
        out.status.success(),
        "claimdesk {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn password_in(out: &str) -> String {
    out.lines()
        .find(|l| l.contains("password"))
        .and_then(|l| l.split_whitespace().last())
        .expect("a password line")
        .to_string()
}

#[test]
fn two_people_share_a_desk_from_the_command_line() {
    let Some(server) = server() else { return };
    let name = format!("cli_{}", std::process::id());
    psql(&server, &format!("CREATE DATABASE {name}"));
    let _hub = HubDb {
        server: server.clone(),
        name: name.clone(),
    };
    let (admin, alice, bob) = (Env::new(), Env::new(), Env::new());
    let home = |e: &Env| e.dir.path().to_path_buf();

    let admin_url = url_for(&server, "postgres", &name);
    ok(
        &admin,
        &home(&admin),
        None,
        &[
            "team",
            "init",
            &admin_url,
            "--role-prefix",
            &format!("{name}_"),
        ],
    );
    let a_user = format!("{name}_alice");
    let b_user = format!("{name}_bob");
    let out = ok(
        &admin,
        &home(&admin),
        None,
        &["team", "add-user", &a_user, "--role", "checker"],
    );
    let a_pw = password_in(&out);
    let out = ok(
        &admin,
        &home(&admin),
        None,
        &["team", "add-user", &b_user, "--role", "editor"],
    );
    let b_pw = password_in(&out);

    // No terminal, no password anywhere: refused at once, nothing asked.
    let a_url = url_for(&server, &a_user, &name);
    let out = run(&alice, &home(&alice), None, &["team", "join", &a_url]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("no password"), "{err}");
    // A password in the URL is refused as a stored setting.
    // A passfile (mode 600) is the libpq way.
    let pgpass = home(&alice).join(".pgpass");
    std::fs::write(&pgpass, format!("*:*:{name}:{a_user}:{a_pw}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    ok(&alice, &home(&alice), None, &["team", "join", &a_url]);
    ok(
        &alice,
        &home(&alice),
        None,
        &["add", sample("harbour-council.txt").to_str().unwrap()],
    );
    let status = ok(
        &alice,
        &home(&alice),
        None,
        &["team", "status", "--offline"],
    );
    assert!(status.contains("waiting"), "{status}");
    ok(
        &alice,
        &home(&alice),
        None,
        &["review", "1", "--status", "verified", "--by", "Alice"],
    );
    let out = ok(&alice, &home(&alice), None, &["sync"]);
    assert!(out.contains("sent"), "{out}");
    let status = ok(&alice, &home(&alice), None, &["team", "status"]);
    assert!(
        status.contains("outbox:     empty") && status.contains("connected:  yes"),
        "{status}"
    );
    assert!(
        !std::fs::read(alice.db())
            .unwrap()
            .windows(a_pw.len())
            .any(|w| w == a_pw.as_bytes()),
        "the password is not in the database"
    );

    // Bob joins with PGPASSWORD and sees Alice's verdict, in her name.
    let b_url = url_for(&server, &b_user, &name);
    ok(&bob, &home(&bob), Some(&b_pw), &["team", "join", &b_url]);
    ok(&bob, &home(&bob), Some(&b_pw), &["sync"]);
    let hist = ok(&bob, &home(&bob), None, &["history", "1"]);
    assert!(
        hist.contains("verified") && hist.contains(&a_user),
        "{hist}"
    );

    // Both judge claim 2 offline: a conflict on both sides after syncing.
    ok(
        &alice,
        &home(&alice),
        None,
        &["review", "2", "--status", "verified", "--by", "Alice"],
    );
    ok(
        &bob,
        &home(&bob),
        None,
        &["review", "2", "--status", "false", "--by", "Bob"],
    );
    ok(&alice, &home(&alice), None, &["sync"]);
    ok(&bob, &home(&bob), Some(&b_pw), &["sync"]);
    ok(&alice, &home(&alice), None, &["sync"]);
    for (env, pw) in [(&alice, None), (&bob, Some(b_pw.as_str()))] {
        let claims = ok(env, &home(env), pw, &["claims", "1"]);
        assert!(
            claims.contains("CONFLICT") && claims.contains("claim 2: conflicting verdicts"),
            "{claims}"
        );
        let hist = ok(env, &home(env), pw, &["history", "2"]);
        assert!(hist.contains("conflicting verdicts"), "{hist}");
    }
    // Bob, having seen both, settles it.
    ok(
        &bob,
        &home(&bob),
        None,
        &["review", "2", "--status", "disputed", "--by", "Bob"],
    );
    ok(&bob, &home(&bob), Some(&b_pw), &["sync"]);
    ok(&alice, &home(&alice), None, &["sync"]);
    let claims = ok(&alice, &home(&alice), None, &["claims", "1"]);
    assert!(!claims.contains("CONFLICT"), "{claims}");
    let hist = ok(&alice, &home(&alice), None, &["history", "2"]);
    assert!(hist.contains("current status: disputed"), "{hist}");

    // Only the editor locks.
    let out = run(&alice, &home(&alice), None, &["team", "lock", "1"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("only editors"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    ok(&bob, &home(&bob), Some(&b_pw), &["team", "lock", "1"]);
}
