//! The lost-work guard: notices that the database's files were replaced
//! under an open connection, and stops writing before the two diverge.
//!
//! SQLite's locks on Unix are POSIX advisory locks, which belong to the
//! process, not to the connection: when any code in the process opens and
//! closes one of the database's files (a file chooser sniffing a folder,
//! say), every lock the process held on that file is gone. Another process
//! then believes it is alone, checkpoints on close and deletes `-wal` and
//! `-shm`, while this connection keeps writing to the unlinked copies; at
//! our close those stale pages would be checkpointed over the other
//! process's work.
//!
//! The guard records the identity (device and inode) of the database, its
//! `-wal` and its `-shm` once the connection has opened them (SQLite keeps
//! them open, so their inode numbers cannot be handed to a new file while
//! the connection lives), and checks it
//! inside every write transaction, after the write lock is taken and again
//! before the commit. On a mismatch the transaction is rolled back, the
//! store refuses every later write, and the connection is told not to
//! checkpoint or delete anything when it closes. The desktop shell also
//! makes sure that nothing else in its process opens these files while a
//! connection is open (see `src-tauri/src/state.rs`); this guard is the
//! net under that rule.

use std::path::{Path, PathBuf};

/// The identity of one file: device and inode on Unix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    dev: u64,
    ino: u64,
}

#[cfg(unix)]
fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    // `symlink_metadata`: a link put in place of a file is a replacement too.
    std::fs::symlink_metadata(path).ok().map(|m| FileId {
        dev: m.dev(),
        ino: m.ino(),
    })
}

#[cfg(not(unix))]
fn file_id(_path: &Path) -> Option<FileId> {
    // Windows locks are mandatory and per handle; the hazard does not exist.
    None
}

/// What the guard found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Verdict {
    Same,
    /// Which file changed, and how.
    Replaced(String),
}

/// The recorded identities of a database's files.
#[derive(Debug, Clone)]
pub(crate) struct FileGuard {
    files: Vec<PathBuf>,
    ids: Vec<Option<FileId>>,
}

impl FileGuard {
    /// Records the files of `db` as they are now. Call it once the
    /// connection has read the database (so `-wal` and `-shm` exist).
    pub(crate) fn record(db: &Path) -> FileGuard {
        let files = crate::load::database_files(db);
        let ids = files.iter().map(|p| file_id(p)).collect();
        FileGuard { files, ids }
    }

    /// Whether the files on disk are still the ones this connection opened.
    pub(crate) fn check(&self) -> Verdict {
        for (path, recorded) in self.files.iter().zip(&self.ids) {
            let Some(recorded) = recorded else {
                continue;
            };
            match file_id(path) {
                Some(now) if now == *recorded => {}
                Some(_) => {
                    return Verdict::Replaced(format!(
                        "{} was replaced by another file",
                        path.display()
                    ));
                }
                None => {
                    return Verdict::Replaced(format!(
                        "{} was deleted by another program",
                        path.display()
                    ));
                }
            }
        }
        Verdict::Same
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_file_is_the_same_until_it_is_replaced_or_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("x.db");
        for p in crate::load::database_files(&db) {
            std::fs::write(&p, b"x").expect("write");
        }
        let guard = FileGuard::record(&db);
        assert_eq!(guard.check(), Verdict::Same);
        // Rewriting in place keeps the inode: still the same file.
        std::fs::write(dir.path().join("x.db-wal"), b"more").expect("write");
        assert_eq!(guard.check(), Verdict::Same);
        // Delete and create again: a new inode. (The connection keeps its
        // files open, so their inode numbers cannot be reused meanwhile;
        // hold the file open here too.)
        let wal = dir.path().join("x.db-wal");
        let _held = std::fs::File::open(&wal).expect("open");
        std::fs::remove_file(&wal).expect("rm");
        assert!(matches!(guard.check(), Verdict::Replaced(m) if m.contains("deleted")));
        std::fs::write(&wal, b"new").expect("write");
        assert!(matches!(guard.check(), Verdict::Replaced(m) if m.contains("replaced")));
    }

    #[test]
    fn files_that_did_not_exist_when_recorded_are_not_checked() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("y.db");
        std::fs::write(&db, b"x").expect("write");
        let guard = FileGuard::record(&db);
        std::fs::write(dir.path().join("y.db-wal"), b"x").expect("write");
        assert_eq!(guard.check(), Verdict::Same);
    }
}
