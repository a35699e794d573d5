//! `claimdesk team …` and `claimdesk sync`: setting up a team hub (admin),
//! joining it (checker), syncing this database with it, its status, and
//! editors' locks. The password is never asked for when stdin is not a
//! terminal, never written to the database or a config file: PGPASSWORD,
//! a passfile or the OS keyring hold it.

use crate::db::{DbArgs, UsageError, print_json};
use anyhow::{Context, Result, bail};
use claimdesk_team::connect::HubUrl;
use claimdesk_team::hub::{self, Role};
use claimdesk_team::sync;
use std::io::{BufRead, IsTerminal};

#[derive(clap::Subcommand)]
pub enum TeamCommand {
    /// Create or upgrade a hub (as a PostgreSQL login that may create roles).
    Init(InitArgs),
    /// Create a login for a person, in the checker or editor group (admin).
    AddUser(AddUserArgs),
    /// Join a hub with this database as a replica.
    Join(JoinArgs),
    /// Connected? What waits in the outbox, the last sync.
    Status(StatusArgs),
    /// Lock an article's verdicts as published (editors only).
    Lock(LockArgs),
}

#[derive(clap::Args)]
pub struct InitArgs {
    /// The hub, e.g. postgres://admin@db.example/claimdesk?sslmode=verify-full
    url: String,
    /// A prefix for the group roles' names (to keep several hubs on one server).
    #[arg(long, default_value = "")]
    role_prefix: String,
}

#[derive(clap::Args)]
pub struct AddUserArgs {
    /// The person's login name.
    name: String,
    /// checker or editor.
    #[arg(long)]
    role: String,
    /// The hub as an administrator (default: the one this database joined with `team init`).
    #[arg(long, value_name = "URL")]
    hub: Option<String>,
    /// Read the new password from stdin instead of making one.
    #[arg(long)]
    password_stdin: bool,
}

#[derive(clap::Args)]
pub struct JoinArgs {
    /// The hub with your login, e.g. postgres://alice@db.example/claimdesk
    url: String,
    /// Read your password from stdin and keep it in the OS keyring.
    #[arg(long)]
    password_stdin: bool,
}

#[derive(clap::Args)]
pub struct StatusArgs {
    /// Do not try to reach the hub.
    #[arg(long)]
    offline: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(clap::Args)]
pub struct LockArgs {
    /// The article (id, bulk id or URL).
    article: String,
}

#[derive(clap::Args)]
pub struct SyncArgs {
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Keep syncing: again every SECONDS, or at once when the hub says
    /// something was written.
    #[arg(long, value_name = "SECONDS")]
    watch: Option<u64>,
}

pub fn run(dbargs: &DbArgs, cmd: TeamCommand) -> Result<()> {
    match cmd {
        TeamCommand::Init(a) => init(dbargs, a),
        TeamCommand::AddUser(a) => add_user(dbargs, a),
        TeamCommand::Join(a) => join(dbargs, a),
        TeamCommand::Status(a) => status(dbargs, a),
        TeamCommand::Lock(a) => lock(dbargs, a),
    }
}

/// A password from stdin (one line) or typed at the terminal without
/// echo; never a prompt when stdin is not a terminal.
fn read_password(from_stdin: bool, prompt: &str) -> Result<Option<String>> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("reading the password from stdin")?;
        let p = line.trim_end_matches(['\r', '\n']).to_string();
        if p.is_empty() {
            bail!(UsageError(
                "--password-stdin: stdin held no password".into()
            ));
        }
        return Ok(Some(p));
    }
    if !std::io::stdin().is_terminal() {
        return Ok(None);
    }
    eprint!("{prompt}");
    let p = read_hidden()?;
    eprintln!();
    Ok((!p.is_empty()).then_some(p))
}

#[cfg(unix)]
fn read_hidden() -> Result<String> {
    // SAFETY: termios calls on stdin with a zeroed struct that tcgetattr
    // fills; the original settings are put back before returning.
    unsafe {
        let mut old: libc::termios = std::mem::zeroed();
        let fd = libc::STDIN_FILENO;
        let ok = libc::tcgetattr(fd, &mut old) == 0;
        if ok {
            let mut quiet = old;
            quiet.c_lflag &= !libc::ECHO;
            libc::tcsetattr(fd, libc::TCSANOW, &quiet);
        }
        let mut line = String::new();
        let r = std::io::stdin().lock().read_line(&mut line);
        if ok {
            libc::tcsetattr(fd, libc::TCSANOW, &old);
        }
        r?;
        Ok(line.trim_end_matches(['\r', '\n']).to_string())
    }
}

#[cfg(not(unix))]
fn read_hidden() -> Result<String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// The password for `url`: given, found the libpq ways, or typed (and then
/// kept in the keyring).
fn password_for(url: &HubUrl, from_stdin: bool) -> Result<Option<String>> {
    if let Some(p) = &url.url_password {
        // A password in the URL moves to the keyring, never to the database.
        keep(url, p);
        return Ok(Some(p.clone()));
    }
    if !from_stdin && let Some((p, _)) = url.find_password() {
        return Ok(Some(p));
    }
    let typed = read_password(
        from_stdin,
        &format!("password for {} on {}: ", url.user, url.url),
    )?;
    if let Some(p) = &typed {
        keep(url, p);
    }
    Ok(typed)
}

fn keep(url: &HubUrl, password: &str) {
    if let Err(e) = url.remember_password(password) {
        eprintln!(
            "claimdesk: warning: {e}; set PGPASSWORD or add a line to ~/.pgpass (chmod 600) for the next time"
        );
    }
}

fn connect(url: &HubUrl, from_stdin: bool) -> Result<claimdesk_team::Client> {
    let password = password_for(url, from_stdin)?;
    Ok(url.connect(password.as_deref())?)
}

fn init(dbargs: &DbArgs, a: InitArgs) -> Result<()> {
    let url = HubUrl::parse(&a.url)?;
    let mut client = connect(&url, false)?;
    let version = hub::init_with(&mut client, &a.role_prefix)?;
    let mut store = dbargs.open()?;
    store.set_team(&url.url, &url.user)?;
    println!(
        "hub {} is ready (schema version {version}); groups {}checker and {}editor",
        url.url, a.role_prefix, a.role_prefix
    );
    println!("add people with: claimdesk team add-user NAME --role checker|editor");
    Ok(())
}

fn add_user(dbargs: &DbArgs, a: AddUserArgs) -> Result<()> {
    let role = Role::parse(&a.role)
        .ok_or_else(|| UsageError(format!("--role is checker or editor, not {:?}", a.role)))?;
    let hub_url = match a.hub {
        Some(u) => u,
        None => dbargs.open()?.team()?.map(|t| t.url).ok_or_else(|| {
            UsageError("give --hub URL (or run `claimdesk team init URL` first)".into())
        })?,
    };
    let url = HubUrl::parse(&hub_url)?;
    let mut client = connect(&url, false)?;
    let (password, made) = match read_password(a.password_stdin, "")? {
        Some(p) if a.password_stdin => (p, false),
        _ => (hub::new_password(), true),
    };
    hub::add_user(&mut client, &a.name, role, &password)?;
    let article = if role == Role::Editor { "an" } else { "a" };
    println!("{} can now join as {article} {}:", a.name, a.role);
    println!("  claimdesk team join {}", url.as_user(&a.name).url);
    if made {
        println!("  password (shown once; hand it over privately): {password}");
    }
    Ok(())
}

fn join(dbargs: &DbArgs, a: JoinArgs) -> Result<()> {
    let url = HubUrl::parse(&a.url)?;
    let mut client = connect(&url, a.password_stdin)?;
    let version: i32 = client
        .query_one(
            "SELECT coalesce(max(version), 0) FROM claimdesk.migrations",
            &[],
        )
        .context("this server has no Claimdesk hub (run `claimdesk team init` as its admin)")?
        .get(0);
    if version > hub::latest_version() {
        bail!(claimdesk_team::TeamError::HubTooNew {
            found: version,
            supported: hub::latest_version()
        });
    }
    let mut store = dbargs.open()?;
    store.set_team(&url.url, &url.user)?;
    println!("joined {} as {}; run `claimdesk sync`", url.url, url.user);
    Ok(())
}

fn status(dbargs: &DbArgs, a: StatusArgs) -> Result<()> {
    let mut store = dbargs.open()?;
    let st = sync::status(&mut store, !a.offline)?;
    if a.json {
        return print_json(&st);
    }
    let Some(team) = &st.team else {
        println!("not in a team: run `claimdesk team join URL`");
        return Ok(());
    };
    println!("hub:        {} (as {})", team.url, team.user);
    match &st.connected {
        Some(Ok(user)) => println!("connected:  yes, as {user}"),
        Some(Err(e)) => println!("connected:  no ({e})"),
        None => println!("connected:  not tried"),
    }
    let pending: usize = st.pending.iter().map(|(_, n)| n).sum();
    let detail: Vec<String> = st
        .pending
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    if pending == 0 {
        println!("outbox:     empty");
    } else {
        println!("outbox:     {pending} waiting ({})", detail.join(", "));
    }
    for (set, n) in &st.refused {
        println!("refused:    {n} {set} (the article was locked meanwhile; kept here only)");
    }
    if let Some(b) = st.behind {
        println!("to pull:    {b}");
    }
    println!(
        "last sync:  {}",
        team.last_sync.as_deref().unwrap_or("never")
    );
    if let Some(e) = &team.last_error {
        println!("last error: {e}");
    }
    Ok(())
}

fn lock(dbargs: &DbArgs, a: LockArgs) -> Result<()> {
    let mut store = dbargs.open()?;
    let article = store.resolve_article(&a.article)?;
    // The article must be on the hub before it can be locked there.
    sync::sync(&mut store)?;
    let gid = store
        .global_id("articles", article)?
        .context("the article is not shared yet")?;
    let (_, mut client) = sync::connect_joined(&store)?;
    hub::lock_article(&mut client, &gid)?;
    sync::sync(&mut store)?;
    println!("article {article}'s verdicts are locked as published");
    Ok(())
}

pub fn sync_cmd(dbargs: &DbArgs, a: SyncArgs) -> Result<()> {
    loop {
        let mut store = dbargs.open()?;
        let result = sync::sync(&mut store);
        let report = match result {
            Ok(r) => r,
            Err(e) if e.is_offline() && a.watch.is_some() => {
                eprintln!("claimdesk: offline ({e}); trying again");
                std::thread::sleep(std::time::Duration::from_secs(a.watch.unwrap_or(60)));
                continue;
            }
            Err(e) => {
                let pending: usize = store.outbox_counts()?.iter().map(|(_, n)| n).sum();
                if e.is_offline() {
                    bail!(
                        "{e}; working offline, {pending} change(s) wait in the outbox for the next sync"
                    );
                }
                return Err(e.into());
            }
        };
        if a.json {
            print_json(&report)?;
        } else {
            if report.refused > 0 {
                eprintln!(
                    "claimdesk: the hub refused {} verdict(s) on articles an editor locked meanwhile; they stay in this database only",
                    report.refused
                );
            }
            println!(
                "synced: {} sent, {} received{}",
                report.pushed,
                report.pulled,
                if report.waiting.is_empty() {
                    String::new()
                } else {
                    format!(", {} waiting for what they point at", report.waiting.len())
                }
            );
        }
        let Some(every) = a.watch else {
            return Ok(());
        };
        drop(store);
        // Wake early when the hub says something was written.
        let store = dbargs.open()?;
        match sync::connect_joined(&store) {
            Ok((_, mut client)) => {
                let _ = sync::wait_for_change(&mut client, std::time::Duration::from_secs(every));
            }
            Err(_) => std::thread::sleep(std::time::Duration::from_secs(every)),
        }
    }
}
