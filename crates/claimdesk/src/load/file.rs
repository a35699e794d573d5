//! Reading local files safely: only regular files are read, every read is
//! bounded while it reads, and the Claimdesk database's own files are never
//! opened as input.
//!
//! A path can name a FIFO (opening it blocks until a writer comes), a
//! device (`/dev/zero` never ends), a directory or a symbolic link to any of
//! them. The path is checked with `stat` before it is opened, opened without
//! blocking (`O_NONBLOCK`, `O_NOCTTY` on Unix), and the opened handle is
//! checked again with `fstat`, so nothing but a regular file is ever read.
//! The size the file system reports is only used to refuse early: the limit
//! is enforced on the bytes actually read (`take(limit + 1)`).
//!
//! Opening and closing any descriptor on an SQLite database drops the
//! process's POSIX locks on it, so an input that is the database itself (or
//! its `-wal`, `-shm` or `-journal` file) is refused from `stat` alone,
//! before any open: [`refuse_if_same_file`].

use super::LoadError;
use std::fs::{File, FileType, Metadata};
use std::io::Read;
use std::path::{Path, PathBuf};

/// What kind of thing a non-regular file is, for the message.
fn kind_name(ft: &FileType) -> Option<&'static str> {
    if ft.is_file() {
        return None;
    }
    if ft.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if ft.is_char_device() {
            return Some("a character device");
        }
        if ft.is_block_device() {
            return Some("a block device");
        }
        if ft.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

fn not_found_or_io(path: &Path, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound {
            path: path.to_path_buf(),
        },
        _ => LoadError::Io {
            path: path.to_path_buf(),
            cause: e,
        },
    }
}

/// Refuses anything but a regular file, naming what it is.
fn check_regular(path: &Path, meta: &Metadata) -> Result<(), LoadError> {
    match kind_name(&meta.file_type()) {
        None => Ok(()),
        Some(kind) => {
            let via_link =
                std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            Err(LoadError::NotRegularFile {
                path: path.to_path_buf(),
                kind: if via_link {
                    format!("a symbolic link to {kind}")
                } else {
                    kind.to_string()
                },
            })
        }
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// Opens `path` for reading if, and only if, it is a regular file (after
/// following symbolic links). Never blocks on a FIFO or device.
pub(crate) fn open_regular(path: &Path) -> Result<(File, Metadata), LoadError> {
    let before = std::fs::metadata(path).map_err(|e| not_found_or_io(path, e))?;
    check_regular(path, &before)?;
    let file = open_without_blocking(path).map_err(|e| not_found_or_io(path, e))?;
    // The path may have been replaced between stat and open: check the
    // handle itself.
    let meta = file.metadata().map_err(|e| not_found_or_io(path, e))?;
    check_regular(path, &meta)?;
    Ok((file, meta))
}

/// Reads a whole regular file of at most `limit` bytes. The limit holds
/// whatever size the file system reports: at most `limit + 1` bytes are
/// ever read.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let (file, meta) = open_regular(path)?;
    let what = || path.display().to_string();
    if meta.len() > limit {
        return Err(LoadError::TooLarge {
            what: what(),
            size: Some(meta.len()),
            limit,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| not_found_or_io(path, e))?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge {
            what: what(),
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

/// The files SQLite keeps for the database at `db`: the database itself and
/// its `-wal`, `-shm` and `-journal` companions.
pub fn database_files(db: &Path) -> Vec<PathBuf> {
    let mut out = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_os_string();
        name.push(suffix);
        out.push(PathBuf::from(name));
    }
    out
}

#[cfg(unix)]
fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

/// Refuses `input` when it is the same file (same device and inode, through
/// any path or link) as one of `guarded`, typically [`database_files`].
/// Only `stat` is used: neither file is opened. A missing input passes (the
/// reader reports it); missing guarded files are skipped.
pub fn refuse_if_same_file(input: &Path, guarded: &[PathBuf]) -> Result<(), LoadError> {
    #[cfg(unix)]
    {
        let Ok(meta) = std::fs::metadata(input) else {
            return Ok(());
        };
        for g in guarded {
            if std::fs::metadata(g).is_ok_and(|gm| same_file(&meta, &gm)) {
                return Err(LoadError::IsDatabase {
                    path: input.to_path_buf(),
                    database: g.clone(),
                });
            }
        }
    }
    #[cfg(not(unix))]
    {
        let Ok(canon) = std::fs::canonicalize(input) else {
            return Ok(());
        };
        for g in guarded {
            if std::fs::canonicalize(g).is_ok_and(|c| c == canon) {
                return Err(LoadError::IsDatabase {
                    path: input.to_path_buf(),
                    database: g.clone(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_hold_on_what_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let cases: &[(&str, usize, u64, bool)] = &[
            ("under.txt", 10, 11, true),
            ("exact.txt", 11, 11, true),
            ("over.txt", 12, 11, false),
        ];
        for &(name, len, limit, ok) in cases {
            let p = dir.path().join(name);
            std::fs::write(&p, vec![b'a'; len]).unwrap();
            let got = read_regular_file(&p, limit);
            assert_eq!(got.is_ok(), ok, "{name}: {got:?}");
            if let Ok(b) = got {
                assert_eq!(b.len(), len);
            }
        }
    }

    /// Files in /proc report a size of 0 and hold more: the limit is judged
    /// on the bytes read.
    #[cfg(target_os = "linux")]
    #[test]
    fn the_reported_size_is_not_trusted() {
        let p = Path::new("/proc/self/maps");
        assert_eq!(std::fs::metadata(p).unwrap().len(), 0);
        let err = read_regular_file(p, 16).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::TooLarge {
                    size: None,
                    limit: 16,
                    ..
                }
            ),
            "{err}"
        );
        assert!(read_regular_file(p, 1 << 20).unwrap().len() > 16);
    }

    #[test]
    fn directories_and_missing_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular_file(dir.path(), 100).unwrap_err();
        assert!(
            matches!(&err, LoadError::NotRegularFile { kind, .. } if kind == "a directory"),
            "{err}"
        );
        let err = read_regular_file(&dir.path().join("none"), 100).unwrap_err();
        assert!(matches!(err, LoadError::NotFound { .. }), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_links_to_them_are_refused_unread() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        for (path, want) in [
            (Path::new("/dev/zero"), "a character device"),
            (link.as_path(), "a symbolic link to a character device"),
        ] {
            let err = read_regular_file(path, 100).unwrap_err();
            assert!(
                matches!(&err, LoadError::NotRegularFile { kind, .. } if kind == want),
                "{}: {err}",
                path.display()
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_database_and_its_companions_are_refused_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("claims.db");
        let wal = database_files(&db)[1].clone();
        std::fs::write(&db, b"x").unwrap();
        std::fs::write(&wal, b"y").unwrap();
        let other = dir.path().join("article.txt");
        std::fs::write(&other, b"z").unwrap();
        let link = dir.path().join("innocent.txt");
        std::os::unix::fs::symlink(&wal, &link).unwrap();
        let hard = dir.path().join("hard.txt");
        std::fs::hard_link(&db, &hard).unwrap();
        let guarded = database_files(&db);
        for (input, refused) in [
            (&db, true),
            (&wal, true),
            (&link, true),
            (&hard, true),
            (&other, false),
            (&dir.path().join("missing.txt"), false),
        ] {
            let got = refuse_if_same_file(input, &guarded);
            assert_eq!(got.is_err(), refused, "{}: {got:?}", input.display());
        }
    }
}
