//! Where the database cannot be used, the message says why: a folder that
//! is really a file, a read-only folder, a full disk. None of them is "not a
//! Claimdesk database", and nothing already stored is lost.
//!
//! Permissions mean nothing to root, so the read-only cases run the CLI as
//! an unprivileged user (`setpriv`) when the tests run as root; the full
//! disk is a small tmpfs, which needs root to mount (CI runs as root; the
//! test says so and passes over it elsewhere).

#![cfg(target_os = "linux")]

mod common;

use common::Env;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Output};

fn is_root() -> bool {
    // SAFETY-free: `id -u` keeps this test free of libc.
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

/// Runs the CLI with `args` on `db`, as an unprivileged user when root.
fn run_as_user(db: &Path, args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_claimdesk");
    let mut c = if is_root() {
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--",
            bin,
        ]);
        c
    } else {
        Command::new(bin)
    };
    c.env("CLAIMDESK_DB", db)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run claimdesk")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn world_readable(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[test]
fn each_unusable_place_says_its_own_cause() {
    let env = Env::new();
    world_readable(env.dir.path(), 0o755);
    let article = env.file(
        "a.txt",
        b"Quay works\n\nThe quay at Port Ellis reopened on Monday.\n",
    );
    world_readable(&article, 0o644);

    // A folder that is really a file.
    let plain = env.file("plain", b"x");
    let out = run_as_user(&plain.join("desk.db"), &["list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("is a file, not a folder"), "{err}");
    assert!(!err.contains("not a Claimdesk database"), "{err}");

    // A read-only folder: a new database cannot be created there.
    let ro = env.dir.path().join("ro");
    std::fs::create_dir(&ro).expect("mkdir");
    world_readable(&ro, 0o555);
    let out = run_as_user(&ro.join("desk.db"), &["list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot be opened or created") || err.contains("read-only"),
        "{err}"
    );
    assert!(!err.contains("not a Claimdesk database"), "{err}");

    // An existing database in a folder the user may not write: the journal
    // cannot be made beside it.
    let shared = env.dir.path().join("shared");
    std::fs::create_dir(&shared).expect("mkdir");
    let db = shared.join("desk.db");
    env.command()
        .env("CLAIMDESK_DB", &db)
        .args(["add", article.to_str().expect("path")])
        .output()
        .expect("add");
    assert!(db.exists());
    for p in std::fs::read_dir(&shared).expect("ls") {
        world_readable(&p.expect("entry").path(), 0o644);
    }
    world_readable(&shared, 0o555);
    let out = run_as_user(&db, &["list"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("read-only") || err.contains("cannot be opened"),
        "{err}"
    );
    assert!(!err.contains("not a Claimdesk database"), "{err}");
    world_readable(&shared, 0o755);
}

/// A small tmpfs, unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_says_the_disk_is_full_and_keeps_what_was_stored() {
    let env = Env::new();
    let mnt = env.dir.path().join("small");
    std::fs::create_dir(&mnt).expect("mkdir");
    let mounted = is_root()
        && Command::new("mount")
            .args(["-t", "tmpfs", "-o", "size=8m", "tmpfs"])
            .arg(&mnt)
            .status()
            .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("note: not root or no tmpfs here; the full-disk case was not run");
        return;
    }
    let _fs = Tmpfs(mnt.clone());
    let db = mnt.join("desk.db");
    let first = env.file(
        "first.txt",
        b"Quay works\n\nThe quay at Port Ellis reopened on Monday.\n",
    );
    let out = env
        .command()
        .env("CLAIMDESK_DB", &db)
        .args(["add", first.to_str().expect("path")])
        .output()
        .expect("add");
    assert!(out.status.success(), "{}", stderr(&out));
    // Fill what is left of the disk.
    let filler = mnt.join("filler");
    let mut f = std::fs::File::create(&filler).expect("filler");
    let block = vec![7u8; 64 * 1024];
    while std::io::Write::write_all(&mut f, &block).is_ok() {}
    drop(f);
    let mut body = String::from("Long report\n\n");
    for i in 0..3000 {
        body.push_str(&format!(
            "The council of Port Ellis approved budget line {i} on Monday. "
        ));
    }
    let big = env.file("big.txt", body.as_bytes());
    let out = env
        .command()
        .env("CLAIMDESK_DB", &db)
        .args(["add", big.to_str().expect("path")])
        .output()
        .expect("add");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert!(!err.contains("not a Claimdesk database"), "{err}");
    // Room again: everything stored before is there, nothing half-written.
    std::fs::remove_file(&filler).expect("rm filler");
    let out = env
        .command()
        .env("CLAIMDESK_DB", &db)
        .args(["list", "--json"])
        .output()
        .expect("list");
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
}
