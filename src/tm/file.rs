//! A memory file that a desk shares: read, updated and written back under a
//! lock, at the file a symbolic link points to, in one transaction with the
//! outputs of the run that updates it.
//!
//! [`PendingUpdate::prepare`] takes the memory's lock, reads the memory (or
//! starts a new one when the file does not exist yet), applies the update
//! and renders the new file, all before anything is written; the caller then
//! writes its own outputs and the memory together with
//! [`PendingUpdate::commit_with`] (or the memory alone with
//! [`PendingUpdate::commit`]). The lock is held from the read to the end of
//! the write, so two runs updating one memory take turns and neither loses
//! the other's units.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Serialize;

use super::{Conflict, Memory, NewTranslation, TmxDate, UpdateSummary};
use crate::error::{Error, Result};
use crate::formats::Aids;
use crate::outfile::{self, LockFile, OutFile, WriteOptions};

/// The most symbolic links followed to find a memory file.
const MAX_LINKS: usize = 40;

/// The file `path` leads to: symbolic links followed (also a link to a file
/// not created yet), relative targets read from the link's directory.
/// Writing there updates the memory a link shares instead of replacing the
/// link with a file of its own.
pub fn resolve_link(path: &Path) -> Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match current.symlink_metadata() {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current).map_err(|e| Error::io(&current, e))?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(Error::Input {
        path: path.to_path_buf(),
        message: format!("more than {MAX_LINKS} symbolic links (a loop?); cannot find the memory"),
    })
}

/// The lock file beside a memory (`.NAME.brief-lock` in its directory).
fn lock_path(target: &Path) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    dir.join(format!(".{name}.brief-lock"))
}

/// Locks the memory at `target` ([`outfile::LockFile`]), or says that another
/// run holds it after `wait`; `shown` names the memory in messages.
fn lock_memory(target: &Path, shown: &Path, wait: Duration) -> Result<LockFile> {
    let path = lock_path(target);
    match LockFile::acquire(path.clone(), wait, Duration::from_millis(20)) {
        Ok(Some(lock)) => Ok(lock),
        Ok(None) => Err(Error::Input {
            path: shown.to_path_buf(),
            message: format!(
                "another brief run is updating this memory (it holds {}); waited {} s; \
                 try again when it has finished",
                crate::escape::escape_path(&path),
                wait.as_secs()
            ),
        }),
        Err(e) => Err(Error::io(&path, e)),
    }
}

/// What an update will write, prepared under the memory's lock (see the
/// [module documentation](self)). Dropping it writes nothing and releases
/// the lock.
pub struct PendingUpdate {
    lock: LockFile,
    /// The memory file as given, for messages.
    path: PathBuf,
    /// The new memory at the resolved path, if anything changed.
    file: Option<OutFile>,
    summary: UpdateSummary,
    conflicts: Vec<Conflict>,
    created: bool,
}

impl fmt::Debug for PendingUpdate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingUpdate")
            .field("path", &self.path)
            .field("target", &self.file.as_ref().map(|f| &f.path))
            .field("summary", &self.summary)
            .field("conflicts", &self.conflicts)
            .field("created", &self.created)
            .field("locked", &self.lock.is_held())
            .finish()
    }
}

impl PendingUpdate {
    /// Locks the memory at `path` (waiting up to `lock_wait` for another
    /// run), reads it — or starts a new memory when the file does not exist
    /// yet — and records `translations` (see [`Memory::update`]). Nothing
    /// is written yet. Fails, writing nothing, on a memory that cannot be
    /// read or written back as it was, or an invalid update.
    pub fn prepare(
        path: &Path,
        translations: &[NewTranslation<'_>],
        export_id: &str,
        date: &TmxDate,
        lock_wait: Duration,
    ) -> Result<PendingUpdate> {
        PendingUpdate::prepare_sets(path, &[(translations, export_id)], date, lock_wait)
    }

    /// [`PendingUpdate::prepare`] for the translations of several exports
    /// (the sets of `brief merge` given in one command), each tagged with
    /// its own export id, recorded in one update ([`Memory::update_sets`])
    /// under one lock and written as one file: every set's update, or
    /// none. Different translations of one source, from two sets or from
    /// one, are all kept and listed in [`PendingUpdate::conflicts`].
    pub fn prepare_sets(
        path: &Path,
        sets: &[(&[NewTranslation<'_>], &str)],
        date: &TmxDate,
        lock_wait: Duration,
    ) -> Result<PendingUpdate> {
        let target = resolve_link(path)?;
        let lock = lock_memory(&target, path, lock_wait)?;
        let exists = match target.symlink_metadata() {
            Ok(_) => true,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(Error::io(path, e)),
        };
        let mut memory = if exists {
            Memory::read(super::read::read_bounded(&target)?, path)?
        } else {
            Memory::new()
        };
        let (summary, conflicts) = memory.update_sets(sets, date)?;
        let file = if summary.changed() {
            let contents = memory.to_tmx().map_err(|e| match e {
                Error::Input { message, .. } => Error::Input {
                    path: path.to_path_buf(),
                    message,
                },
                other => other,
            })?;
            Some(OutFile {
                path: target,
                contents,
            })
        } else {
            None
        };
        Ok(PendingUpdate {
            lock,
            path: path.to_path_buf(),
            file,
            summary,
            conflicts,
            created: !exists,
        })
    }

    /// What the update does.
    pub fn summary(&self) -> UpdateSummary {
        self.summary
    }

    /// The translations of one source into one language that differ, each
    /// pair by its (set, index) in the sets given (all kept in the memory:
    /// see [`Conflict`]); the caller names them to the reviewer.
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    /// Whether the memory file did not exist and will be created.
    pub fn creates(&self) -> bool {
        self.created
    }

    /// The file that will be written (the link's target for a link), or
    /// `None` when nothing changes.
    pub fn target(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    /// Writes `outputs` and the memory as one transaction
    /// ([`outfile::write_all_replacing`]): all of them or none. The outputs
    /// are replaced only with `options.force`; the memory always is. The
    /// memory keeps its mode; the lock is released afterwards.
    pub fn commit_with(
        self,
        outputs: &[OutFile],
        options: &WriteOptions,
        warn: &mut dyn FnMut(String),
    ) -> Result<()> {
        let mut files: Vec<OutFile> = outputs.to_vec();
        let replace = match &self.file {
            Some(memory) => {
                files.push(memory.clone());
                1
            }
            None => 0,
        };
        if !files.is_empty() {
            outfile::write_all_replacing(&files, replace, options, warn)?;
        }
        drop(self.lock);
        Ok(())
    }

    /// Writes the memory alone (see [`PendingUpdate::commit_with`]).
    pub fn commit(self, options: &WriteOptions, warn: &mut dyn FnMut(String)) -> Result<()> {
        self.commit_with(&[], options, warn)
    }
}

/// How the units of an export found the memories: what a desk wants to
/// know at every export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[non_exhaustive]
pub struct MatchStats {
    /// Units whose target is an exact memory match (written as translated).
    pub exact: usize,
    /// Units without an exact target but with candidates (fuzzy matches,
    /// or exact matches that could not be used as targets).
    pub fuzzy: usize,
    /// Units the memories had nothing for.
    pub none: usize,
}

impl MatchStats {
    /// Counts the aids of one file's units (from `Export::aids`).
    pub fn of(aids: &[Aids]) -> MatchStats {
        let mut stats = MatchStats::default();
        for a in aids {
            if a.exact.is_some() {
                stats.exact += 1;
            } else if !a.candidates.is_empty() {
                stats.fuzzy += 1;
            } else {
                stats.none += 1;
            }
        }
        stats
    }

    /// Adds the counts of `other` (another target language or batch item).
    pub fn add(&mut self, other: MatchStats) {
        self.exact += other.exact;
        self.fuzzy += other.fuzzy;
        self.none += other.none;
    }

    /// All units counted.
    pub fn total(&self) -> usize {
        self.exact + self.fuzzy + self.none
    }
}

impl fmt::Display for MatchStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} exact, {} fuzzy, {} without a match",
            self.exact, self.fuzzy, self.none
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair<'a>(source: &'a str, target: &'a str) -> NewTranslation<'a> {
        NewTranslation {
            source,
            source_lang: "en",
            target,
            target_lang: "fa",
        }
    }

    fn date() -> TmxDate {
        "20261201T080000Z".parse().unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_memory_is_updated_at_its_target_keeping_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        let first = PendingUpdate::prepare(
            &shared.join("desk.tmx"),
            &[pair("One.", "یک.")],
            "e1",
            &date(),
            Duration::from_secs(5),
        )
        .unwrap();
        assert!(first.creates());
        first
            .commit(&WriteOptions::new(false), &mut |_| {})
            .unwrap();
        let real = shared.join("desk.tmx");
        std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("desk.tmx");
        std::os::unix::fs::symlink("shared/desk.tmx", &link).unwrap();
        let update = PendingUpdate::prepare(
            &link,
            &[pair("Two.", "دو.")],
            "e2",
            &date(),
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(update.target(), Some(real.as_path()));
        assert_eq!(update.summary().units_added, 1);
        update
            .commit(&WriteOptions::new(false), &mut |_| {})
            .unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        let text = std::fs::read_to_string(&real).unwrap();
        assert!(text.contains("One.") && text.contains("Two."), "{text}");
        let mode = real.metadata().unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        // No lock file is left behind.
        let left: Vec<_> = std::fs::read_dir(&shared)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left, vec![std::ffi::OsString::from("desk.tmx")]);
    }

    #[test]
    fn a_held_lock_makes_the_second_update_wait_and_give_up_with_a_message() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.tmx");
        let held = PendingUpdate::prepare(
            &path,
            &[pair("One.", "یک.")],
            "e1",
            &date(),
            Duration::from_secs(5),
        )
        .unwrap();
        let err = PendingUpdate::prepare(
            &path,
            &[pair("Two.", "دو.")],
            "e2",
            &date(),
            Duration::from_millis(100),
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("another brief run"), "{err}");
        drop(held);
        assert!(!path.exists(), "a dropped update writes nothing");
        let again = PendingUpdate::prepare(
            &path,
            &[pair("Two.", "دو.")],
            "e2",
            &date(),
            Duration::from_millis(100),
        );
        assert!(again.is_ok());
    }

    #[test]
    fn link_loops_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.tmx");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("a.tmx", &a).unwrap();
            let err = resolve_link(&a).unwrap_err().to_string();
            assert!(err.contains("symbolic links"), "{err}");
        }
        let plain = dir.path().join("plain.tmx");
        assert_eq!(resolve_link(&plain).unwrap(), plain);
    }
}
