//! Writing a set of output files as one transaction.
//!
//! [`write_all`] writes every file of a set (an export's XLIFF/TMX/TSV files,
//! a merge's outputs) or none of them:
//!
//! 1. It takes an advisory lock (`flock`) on [`LOCK_FILE`] in every target
//!    directory, so two brief runs writing into one directory take turns; the
//!    second waits up to [`WriteOptions::lock_wait`] (the binary reads
//!    `$BRIEF_LOCK_WAIT`) and then refuses with a message. The lock file is removed again when
//!    the set is written.
//! 2. It removes temporary files left by a brief run that was killed (they are
//!    recognised by their name, `.brief-<pid>-<random>.<name>.tmp`, and a
//!    process id that is no longer alive), naming each in a warning.
//! 3. It refuses, before writing anything, a file larger than
//!    [`MAX_INPUT_BYTES`](crate::formats::xml::MAX_INPUT_BYTES) (merge could
//!    not read it back), a destination that is a directory, and without
//!    `force` any destination that exists.
//! 4. It writes every file to a temporary file beside its destination, checks
//!    every write, `fsync` and `close` (a full disk is reported here, naming
//!    the destination), and with `force` keeps a hard link to each file it is
//!    going to replace.
//! 5. Only when every temporary file is complete does it rename them over the
//!    destinations (without `force`, with `RENAME_NOREPLACE`), then `fsync`s
//!    the directories. If a rename fails, the renames already done are undone
//!    from the hard links.
//!
//! On any error the temporary files are removed and the previous files are
//! left as they were. Signals are the program's business, not the
//! library's: nothing here installs a handler, so a program (or a Python
//! session) that wrote files keeps its own handling of Ctrl-C. A program
//! that wants a signal to leave no temporary file calls [`interrupt_then`]
//! from its handling thread and exits in it: that removes the temporary
//! files and locks of the set being written, makes the set fail, and says
//! whether a set was abandoned ([`Interruption`]). The `brief` binary does
//! so for SIGINT, SIGTERM and SIGHUP, and exits with [`EXIT_SIGINT`],
//! [`EXIT_SIGTERM`] or [`EXIT_SIGHUP`] (128 + the signal). An interrupt
//! that comes during the renames waits for them to finish, so the new set
//! is then complete, and the message says so.
//!
//! What is not guaranteed: a SIGKILL, a crash of the machine or a power loss
//! during step 5 (a handful of `rename` calls with no data written between
//! them) can leave some files old and some new; the next run then names and
//! removes the leftover temporary files. The data of each file is on disk
//! before its rename, so no file is ever seen half-written.
//!
//! New files get the mode `0666` minus the umask; a replaced file keeps its
//! mode (not its owner, when another user's file is replaced).

use std::ffi::OsString;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// One file to write: where, and its complete contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutFile {
    /// The destination path.
    pub path: PathBuf,
    /// The bytes to write.
    pub contents: Vec<u8>,
}

/// The lock file taken in every directory a set is written to.
pub const LOCK_FILE: &str = ".brief.lock";
/// How long a run waits for another run writing into the same directory.
pub const DEFAULT_LOCK_WAIT: Duration = Duration::from_secs(10);
/// Exit code after SIGINT interrupted a write (128 + 2).
pub const EXIT_SIGINT: i32 = 130;
/// Exit code after SIGTERM interrupted a write (128 + 15).
pub const EXIT_SIGTERM: i32 = 143;
/// Exit code after SIGHUP interrupted a write (128 + 1).
pub const EXIT_SIGHUP: i32 = 129;

const TEMP_PREFIX: &str = ".brief-";
const TEMP_SUFFIX: &str = ".tmp";
const BACKUP_SUFFIX: &str = ".old.tmp";

/// How [`write_all_with`] writes a set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WriteOptions {
    /// Replace existing destinations.
    pub force: bool,
    /// How long to wait for another run holding a target directory's lock.
    pub lock_wait: Duration,
    /// The largest file accepted (default: what merge can read back).
    pub max_file_bytes: u64,
}

impl WriteOptions {
    /// The defaults ([`DEFAULT_LOCK_WAIT`]), with `force` as given.
    pub fn new(force: bool) -> WriteOptions {
        WriteOptions {
            force,
            lock_wait: DEFAULT_LOCK_WAIT,
            max_file_bytes: crate::formats::xml::MAX_INPUT_BYTES as u64,
        }
    }
}

/// Writes all `files` as one transaction (see the [module docs](self)).
///
/// Without `force`, fails before writing anything if any destination exists
/// (or if two entries name the same path). With `force`, existing files are
/// replaced, all of them or none. Warnings (leftover temporary files removed)
/// go to standard error; use [`write_all_with`] to handle them yourself.
///
/// ```
/// use brief::outfile::{write_all, OutFile};
/// let dir = tempfile::tempdir().unwrap();
/// let file = OutFile { path: dir.path().join("a.txt"), contents: b"hi\n".to_vec() };
/// write_all(std::slice::from_ref(&file), false).unwrap();
/// assert!(write_all(&[file.clone()], false).is_err()); // no clobbering
/// write_all(&[file], true).unwrap();
/// ```
pub fn write_all(files: &[OutFile], force: bool) -> Result<()> {
    write_all_with(files, &WriteOptions::new(force), &mut |message| {
        eprintln!("brief: warning: {message}")
    })
}

/// [`write_all`] with explicit options; `warn` receives each warning (already
/// escaped for a terminal).
pub fn write_all_with(
    files: &[OutFile],
    options: &WriteOptions,
    warn: &mut dyn FnMut(String),
) -> Result<()> {
    write_all_replacing(files, 0, options, warn)
}

/// [`write_all_with`] where the last `replace` files of `files` replace
/// their destinations even without `options.force`: a file updated in place
/// (a translation memory) written in one transaction with new outputs.
pub fn write_all_replacing(
    files: &[OutFile],
    replace: usize,
    options: &WriteOptions,
    warn: &mut dyn FnMut(String),
) -> Result<()> {
    let replaced_from = files.len().saturating_sub(replace);
    let force_of = |i: usize| options.force || i >= replaced_from;
    for (i, file) in files.iter().enumerate() {
        if files[..i].iter().any(|f| f.path == file.path) {
            return Err(Error::Input {
                path: file.path.clone(),
                message: "would be written twice in one run".into(),
            });
        }
        if file.contents.len() as u64 > options.max_file_bytes {
            return Err(Error::Input {
                path: file.path.clone(),
                message: format!(
                    "would be {} MiB, more than the {} MiB that merge can read back; \
                     export fewer documents per run",
                    (file.contents.len() as u64).div_ceil(1 << 20),
                    options.max_file_bytes >> 20
                ),
            });
        }
    }
    let mut dirs: Vec<PathBuf> = files.iter().map(|f| parent_dir(&f.path)).collect();
    dirs.sort();
    dirs.dedup();
    let mut writing = Writing::begin()?;
    // Sorted order: two runs locking overlapping directories cannot deadlock.
    let mut locks = Vec::with_capacity(dirs.len());
    for dir in &dirs {
        locks.push(lock_dir(dir, options.lock_wait)?);
    }
    for dir in &dirs {
        remove_stale_temporaries(dir, warn);
    }
    let mut existing = Vec::with_capacity(files.len());
    for (i, file) in files.iter().enumerate() {
        existing.push(inspect_destination(&file.path, force_of(i))?);
    }
    let mut tx = Transaction::begin();
    for (file, old) in files.iter().zip(&existing) {
        tx.stage(file, old.as_ref())?;
    }
    let forced: Vec<bool> = (0..files.len()).map(force_of).collect();
    tx.commit(&forced, &dirs, &mut writing)?;
    drop(locks);
    Ok(())
}

/// [`write_all_with`] after creating the directories the files go to;
/// the directories this call created are removed again when the write
/// fails or is refused, so a refused set leaves nothing behind.
pub fn write_set(
    files: &[OutFile],
    options: &WriteOptions,
    warn: &mut dyn FnMut(String),
) -> Result<()> {
    let mut created: Vec<PathBuf> = Vec::new();
    let result =
        create_parents(files, &mut created).and_then(|()| write_all_with(files, options, warn));
    if result.is_err() {
        // Deepest first; a directory that is not empty is left alone.
        created.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
        for d in &created {
            let _ = std::fs::remove_dir(d);
        }
    }
    result
}

fn create_parents(files: &[OutFile], created: &mut Vec<PathBuf>) -> Result<()> {
    for f in files {
        let Some(dir) = f.path.parent() else { continue };
        let missing: Vec<&Path> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .collect();
        std::fs::create_dir_all(dir).map_err(|e| Error::Input {
            path: dir.to_path_buf(),
            message: format!("cannot create the directory: {e}"),
        })?;
        created.extend(missing.into_iter().map(Path::to_path_buf));
    }
    Ok(())
}

fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn exists(path: &Path) -> Error {
    Error::Input {
        path: path.to_path_buf(),
        message: "already exists; use --force to overwrite".into(),
    }
}

/// What is at a destination now: `None` when nothing, else its metadata.
fn inspect_destination(path: &Path, force: bool) -> Result<Option<std::fs::Metadata>> {
    match path.symlink_metadata() {
        Ok(meta) if meta.is_dir() => Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a directory; cannot write a file there".into(),
        }),
        Ok(_) if !force => Err(exists(path)),
        // A rename would put a regular file in the place of `/dev/null` or a
        // FIFO (`--tmx /dev/null --force`, as root): refused, not replaced.
        Ok(meta) if !meta.is_file() && !meta.file_type().is_symlink() => Err(Error::Input {
            path: path.to_path_buf(),
            message: "is a device, FIFO or socket, not a regular file; refusing to replace it"
                .into(),
        }),
        Ok(meta) => Ok(Some(meta)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Temporary files and backups of the transaction in progress, for the
/// signal thread; `aborting` stops a transaction once a signal has come.
struct Pending {
    aborting: bool,
    paths: Vec<PathBuf>,
    /// Lock files held; removed too, so an interrupted run leaves nothing.
    locks: Vec<PathBuf>,
    /// Sets being written now (from their first lock to their last rename
    /// or their failure).
    writing: usize,
    /// Sets this process has written completely.
    written: usize,
}

static PENDING: Mutex<Pending> = Mutex::new(Pending {
    aborting: false,
    paths: Vec::new(),
    locks: Vec::new(),
    writing: 0,
    written: 0,
});

fn pending() -> MutexGuard<'static, Pending> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

fn interrupted() -> Error {
    Error::Io {
        path: PathBuf::from("<output>"),
        source: std::io::Error::new(std::io::ErrorKind::Interrupted, "interrupted by a signal"),
    }
}

/// What an [`interrupt`] found, for the message a program gives before it
/// exits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Interruption {
    /// A set was being written: it is abandoned, its `removed` temporary
    /// files are gone and the files it would have replaced are unchanged.
    Abandoned {
        /// Temporary files removed.
        removed: usize,
    },
    /// No set was being written; the `written` sets this process wrote
    /// before (none, or a set whose renames had begun and were let finish)
    /// are complete.
    Between {
        /// Sets written completely before the signal.
        written: usize,
    },
}

impl std::fmt::Display for Interruption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Interruption::Abandoned { removed } => write!(
                f,
                "interrupted; removed {removed} temporary file(s), \
                 the previous output files are unchanged"
            ),
            Interruption::Between { written: 0 } => {
                f.write_str("interrupted before any output file was written")
            }
            Interruption::Between { .. } => {
                f.write_str("interrupted after the output files were written; they are complete")
            }
        }
    }
}

/// Abandons the set being written, if any: removes its temporary files,
/// backups and lock files and makes it fail with an "interrupted" error;
/// says what it found. For a program's signal handling thread (it locks a
/// mutex and allocates, so not from an async-signal handler), which then
/// exits: see [`interrupt_then`]. A commit in progress finishes first: it
/// holds the same mutex, and the set is then [`Interruption::Between`].
///
/// ```
/// use brief::outfile::{interrupt, write_all, Interruption, OutFile};
/// let dir = tempfile::tempdir().unwrap();
/// let file = OutFile { path: dir.path().join("a.txt"), contents: b"hi\n".to_vec() };
/// write_all(std::slice::from_ref(&file), false).unwrap();
/// // A signal after the set was written finds it complete, not abandoned...
/// let found = interrupt();
/// assert_eq!(found, Interruption::Between { written: 1 });
/// assert!(found.to_string().contains("they are complete"));
/// // ...and no set starts after it.
/// assert!(write_all(&[file], true).is_err());
/// assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), b"hi\n");
/// ```
pub fn interrupt() -> Interruption {
    interrupt_then(|found| found)
}

/// [`interrupt`], then `finish` while the writer is still held: a program
/// that exits in `finish` (with `_exit`) exits before its writing thread can
/// see the failed set and end the run its own way, with another code and
/// message.
pub fn interrupt_then<R>(finish: impl FnOnce(Interruption) -> R) -> R {
    let mut pending = pending();
    pending.aborting = true;
    let mut removed = 0usize;
    for path in pending.paths.drain(..) {
        if std::fs::remove_file(&path).is_ok() {
            removed += 1;
        }
    }
    for lock in pending.locks.drain(..) {
        let _ = std::fs::remove_file(lock);
    }
    let found = if pending.writing > 0 {
        Interruption::Abandoned { removed }
    } else {
        Interruption::Between {
            written: pending.written,
        }
    };
    finish(found)
}

/// One set being written, counted in [`PENDING`] from its first lock to
/// its end: committed ([`Writing::done`]) or failed (dropped).
struct Writing {
    done: bool,
}

impl Writing {
    fn begin() -> Result<Writing> {
        let mut pending = pending();
        if pending.aborting {
            return Err(interrupted());
        }
        pending.writing += 1;
        Ok(Writing { done: false })
    }

    /// The set's renames are done: it counts as written, under the same
    /// lock as the renames, so a signal in between sees one or the other.
    fn done(&mut self, pending: &mut Pending) {
        if !self.done {
            self.done = true;
            pending.writing -= 1;
            pending.written += 1;
        }
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        if !self.done {
            pending().writing -= 1;
        }
    }
}

struct Staged {
    dest: PathBuf,
    temp: PathBuf,
    backup: Option<PathBuf>,
}

struct Transaction {
    staged: Vec<Staged>,
    done: bool,
}

impl Transaction {
    fn begin() -> Transaction {
        Transaction {
            staged: Vec::new(),
            done: false,
        }
    }

    /// A fresh name beside `dest`; registered in [`PENDING`] and created
    /// (exclusively) by `create`, both under the mutex.
    fn reserve<T>(
        dest: &Path,
        suffix: &str,
        create: impl Fn(&Path) -> std::io::Result<T>,
    ) -> Result<(PathBuf, T)> {
        let dir = parent_dir(dest);
        let final_name = dest.file_name().map(OsString::from).unwrap_or_default();
        let mut last_err = None;
        for _ in 0..64 {
            let mut name = OsString::from(format!(
                "{TEMP_PREFIX}{}-{:016x}",
                std::process::id(),
                random_u64()
            ));
            // Keep the name under NAME_MAX (255) when the final name is long.
            if final_name.len() <= 200 {
                name.push(".");
                name.push(&final_name);
            }
            name.push(suffix);
            let path = dir.join(name);
            let mut pending = pending();
            if pending.aborting {
                return Err(interrupted());
            }
            match create(&path) {
                Ok(value) => {
                    pending.paths.push(path.clone());
                    return Ok((path, value));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_err = Some(e),
                Err(e) => return Err(Error::io(dest, e)),
            }
        }
        Err(Error::io(
            dest,
            last_err.unwrap_or_else(|| std::io::Error::other("no free temporary name")),
        ))
    }

    fn stage(&mut self, file: &OutFile, old: Option<&std::fs::Metadata>) -> Result<()> {
        let dest = &file.path;
        let (temp, handle) = Self::reserve(dest, TEMP_SUFFIX, create_new)?;
        self.staged.push(Staged {
            dest: dest.clone(),
            temp,
            backup: None,
        });
        let io = |e| Error::io(dest, e);
        let mut handle = handle;
        handle.write_all(&file.contents).map_err(io)?;
        if let Some(meta) = old.filter(|m| m.is_file()) {
            set_mode_like(&handle, meta).map_err(io)?;
        }
        handle.sync_all().map_err(io)?;
        close_checked(handle).map_err(io)?;
        if old.is_some() {
            // A second name for the file about to be replaced, so a failed
            // commit can put it back. Where hard links are not supported
            // the commit cannot be undone, only not started.
            if let Ok((backup, ())) =
                Self::reserve(dest, BACKUP_SUFFIX, |p| std::fs::hard_link(dest, p))
                && let Some(last) = self.staged.last_mut()
            {
                last.backup = Some(backup);
            }
        }
        Ok(())
    }

    fn commit(&mut self, forced: &[bool], dirs: &[PathBuf], writing: &mut Writing) -> Result<()> {
        let mut pending = pending();
        if pending.aborting {
            return Err(interrupted());
        }
        for i in 0..self.staged.len() {
            let s = &self.staged[i];
            let force = forced.get(i).copied().unwrap_or(false);
            let renamed = if force {
                std::fs::rename(&s.temp, &s.dest)
            } else {
                rename_noreplace(&s.temp, &s.dest)
            };
            if let Err(e) = renamed {
                for (j, done) in self.staged[..i].iter().enumerate() {
                    match &done.backup {
                        Some(backup) => {
                            let _ = std::fs::rename(backup, &done.dest);
                        }
                        None if !forced.get(j).copied().unwrap_or(false) => {
                            let _ = std::fs::remove_file(&done.dest);
                        }
                        None => {}
                    }
                }
                return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
                    exists(&s.dest)
                } else {
                    Error::io(&s.dest, e)
                });
            }
        }
        self.done = true;
        writing.done(&mut pending);
        for s in &self.staged {
            if let Some(backup) = &s.backup {
                let _ = std::fs::remove_file(backup);
            }
        }
        let ours: Vec<&PathBuf> = self
            .staged
            .iter()
            .flat_map(|s| std::iter::once(&s.temp).chain(&s.backup))
            .collect();
        pending.paths.retain(|p| !ours.contains(&p));
        drop(pending);
        for dir in dirs {
            File::open(dir)
                .and_then(|d| d.sync_all())
                .map_err(|e| Error::io(dir, e))?;
        }
        Ok(())
    }
}

impl Drop for Transaction {
    fn drop(&mut self) {
        if self.done {
            return;
        }
        let mut pending = pending();
        for s in &self.staged {
            for path in std::iter::once(&s.temp).chain(&s.backup) {
                let _ = std::fs::remove_file(path);
                pending.paths.retain(|p| p != path);
            }
        }
    }
}

fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

#[cfg(unix)]
fn create_new(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // 0666: the kernel applies the umask, as for any new file.
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o666)
        .open(path)
}

#[cfg(not(unix))]
fn create_new(path: &Path) -> std::io::Result<File> {
    OpenOptions::new().write(true).create_new(true).open(path)
}

#[cfg(unix)]
fn set_mode_like(file: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let mode = old.permissions().mode() & 0o777;
    file.set_permissions(std::fs::Permissions::from_mode(mode))
}

#[cfg(not(unix))]
fn set_mode_like(file: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    file.set_permissions(old.permissions())
}

/// Closes `file`, reporting the error that `drop` would ignore (NFS and some
/// file systems report a full disk only here).
#[cfg(unix)]
fn close_checked(file: File) -> std::io::Result<()> {
    use std::os::fd::IntoRawFd;
    let fd = file.into_raw_fd();
    // SAFETY: `fd` was just taken from an open File, which no longer owns it.
    if unsafe { libc::close(fd) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(unix))]
fn close_checked(file: File) -> std::io::Result<()> {
    drop(file);
    Ok(())
}

/// Renames `from` to `to` unless `to` exists, atomically where the system
/// can (Linux `renameat2`), else by link + unlink (also atomic, no clobber).
fn rename_noreplace(from: &Path, to: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let c = |p: &Path| std::ffi::CString::new(p.as_os_str().as_bytes());
        let (Ok(f), Ok(t)) = (c(from), c(to)) else {
            return Err(std::io::ErrorKind::InvalidInput.into());
        };
        // SAFETY: two valid NUL-terminated paths.
        let rc = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                f.as_ptr(),
                libc::AT_FDCWD,
                t.as_ptr(),
                libc::RENAME_NOREPLACE,
            )
        };
        if rc == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if !matches!(e.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOSYS)) {
            return Err(e);
        }
    }
    std::fs::hard_link(from, to)?;
    std::fs::remove_file(from)
}

/// An advisory lock (`flock`) on a lock file, released and the file
/// removed on drop (or by [`interrupt`]). Directories of a set take one on
/// [`LOCK_FILE`]; a translation memory takes one beside itself.
pub(crate) struct LockFile {
    path: PathBuf,
    file: Option<File>,
}

impl LockFile {
    /// Takes the lock on the file at `path` (created if missing), trying
    /// again every `poll` until `wait` has passed: `Ok(None)` when another
    /// process still holds it then. On a file system without locks the
    /// result holds nothing ([`LockFile::is_held`]) rather than failing.
    /// The error is opening the file.
    pub(crate) fn acquire(
        path: PathBuf,
        wait: Duration,
        poll: Duration,
    ) -> std::io::Result<Option<LockFile>> {
        let deadline = Instant::now() + wait;
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)?;
            match try_lock(&file) {
                Ok(true) => {
                    // The previous holder removes the file before unlocking;
                    // a lock on a removed file locks nothing, so start again.
                    if same_file(&file, &path) {
                        pending().locks.push(path.clone());
                        return Ok(Some(LockFile {
                            path,
                            file: Some(file),
                        }));
                    }
                }
                Ok(false) if Instant::now() >= deadline => return Ok(None),
                Ok(false) => std::thread::sleep(poll),
                Err(_) => return Ok(Some(LockFile { path, file: None })),
            }
        }
    }

    /// Whether the lock is held (false on a file system without locks).
    pub(crate) fn is_held(&self) -> bool {
        self.file.is_some()
    }
}

impl Drop for LockFile {
    fn drop(&mut self) {
        if self.file.is_some() {
            let mut pending = pending();
            pending.locks.retain(|p| p != &self.path);
            let _ = std::fs::remove_file(&self.path);
        }
        self.file = None;
    }
}

/// The lock on [`LOCK_FILE`] in `dir`, or a message naming `dir` when
/// another run holds it after `wait`.
fn lock_dir(dir: &Path, wait: Duration) -> Result<LockFile> {
    match LockFile::acquire(dir.join(LOCK_FILE), wait, Duration::from_millis(50)) {
        Ok(Some(lock)) => Ok(lock),
        Ok(None) => Err(Error::Input {
            path: dir.to_path_buf(),
            message: format!(
                "another brief run is writing into this directory (it holds {LOCK_FILE}); \
                 waited {} s; try again when it has finished",
                wait.as_secs()
            ),
        }),
        Err(e) => Err(Error::io(dir, e)),
    }
}

#[cfg(unix)]
fn try_lock(file: &File) -> std::io::Result<bool> {
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a valid open descriptor.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let e = std::io::Error::last_os_error();
    if e.raw_os_error() == Some(libc::EWOULDBLOCK) {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &File) -> std::io::Result<bool> {
    Err(std::io::ErrorKind::Unsupported.into())
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, _path: &Path) -> bool {
    true
}

/// The process id in a temporary file name of ours, if `name` is one.
fn temp_owner(name: &str) -> Option<Option<u32>> {
    let rest = name.strip_prefix(TEMP_PREFIX)?;
    if !rest.ends_with(TEMP_SUFFIX) {
        return None;
    }
    // `.brief-<pid>-<random>...`; older versions wrote `.brief-<random>.tmp`.
    Some(rest.split_once('-').and_then(|(pid, _)| pid.parse().ok()))
}

fn process_alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only checks whether the process exists.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return true;
        }
        std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Removes temporary files of brief runs that are no longer alive. Called
/// with the directory's lock held, so no cooperating run is writing them.
fn remove_stale_temporaries(dir: &Path, warn: &mut dyn FnMut(String)) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(owner) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let path = entry.path();
        let shown = crate::escape::escape_path(&path);
        match owner {
            Some(pid) if pid == std::process::id() || process_alive(pid) => {}
            Some(pid) => match std::fs::remove_file(&path) {
                Ok(()) => warn(format!(
                    "{shown}: removed a temporary file left by an interrupted brief run (process {pid})"
                )),
                Err(e) => warn(format!(
                    "{shown}: a temporary file left by an interrupted brief run could not be removed: {e}"
                )),
            },
            None => warn(format!(
                "{shown}: looks like a temporary file of an interrupted older brief run; \
                 remove it if no brief is running"
            )),
        }
    }
}

#[cfg(test)]
mod tests;
