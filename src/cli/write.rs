//! Writing output sets: the binary's policy around the library's
//! transactional writer. SIGINT, SIGTERM and SIGHUP while brief writes
//! files remove the temporary files and end the run with 128 + the signal
//! (README, exit codes); `$BRIEF_LOCK_WAIT` sets how long to wait for
//! another run writing into the same directory.

use std::sync::Once;
use std::time::Duration;

use brief::outfile::{self, OutFile, WriteOptions};

/// Environment variable overriding the lock wait, in whole seconds.
pub const LOCK_WAIT_ENV: &str = "BRIEF_LOCK_WAIT";

/// The write options of this run: `force`, and the lock wait from
/// `$BRIEF_LOCK_WAIT` when that is a number of seconds.
pub fn options(force: bool) -> WriteOptions {
    let mut options = WriteOptions::new(force);
    if let Some(secs) = std::env::var(LOCK_WAIT_ENV)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
    {
        options.lock_wait = Duration::from_secs(secs);
    }
    options
}

/// Writes `files` as one set, creating their directories (see
/// [`outfile::write_set`]), with the signal handling installed first.
pub fn set(files: &[OutFile], options: &WriteOptions) -> brief::Result<()> {
    install_signal_cleanup();
    outfile::write_set(files, options, &mut |message| super::warn(message))
}

/// Writes `files` and the prepared memory update as one set: all of them
/// or none (see [`brief::tm::PendingUpdate::commit_with`]), with the signal
/// handling installed first.
pub fn set_with_memory(
    files: &[OutFile],
    memory: brief::tm::PendingUpdate,
    options: &WriteOptions,
) -> brief::Result<()> {
    install_signal_cleanup();
    memory.commit_with(files, options, &mut |message| super::warn(message))
}

/// Creates an output directory (and its parents) that stays even when the
/// set written into it is refused.
pub fn create_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow::anyhow!(
            "{}: cannot create the directory: {e}",
            brief::escape::escape_path(dir)
        )
    })
}

/// Installs, once, a thread that on SIGINT/SIGTERM/SIGHUP abandons the set
/// being written ([`outfile::interrupt`]) and exits with 128 + the signal.
/// A signal the parent set to be ignored (SIGINT for a background job of a
/// shell, SIGHUP under nohup) stays ignored. Without the thread (it could
/// not start) the default actions stay: a signal kills the process, and
/// the next run removes the temporary files.
fn install_signal_cleanup() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let wanted: Vec<i32> = [SIGINT, SIGTERM, SIGHUP]
            .into_iter()
            .filter(|&s| !signal_ignored(s))
            .collect();
        let Ok(mut signals) = signal_hook::iterator::Signals::new(wanted) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("brief-signals".into())
            .spawn(move || {
                let Some(signal) = signals.forever().next() else {
                    return;
                };
                // The message and the exit happen while the writer is held,
                // so the writing thread cannot end the run first with its
                // own "interrupted" error and exit code 2.
                outfile::interrupt_then(|found| {
                    let message = format!("brief: {found}\n");
                    // SAFETY: write(2) and _exit(2) on a valid buffer; _exit
                    // skips destructors and stdio locks another thread may
                    // hold.
                    unsafe {
                        libc::write(2, message.as_ptr().cast(), message.len());
                        libc::_exit(128 + signal)
                    }
                })
            });
    });
}

/// Whether `signal` is currently ignored (SIG_IGN) in this process.
fn signal_ignored(signal: i32) -> bool {
    // SAFETY: sigaction with a null new action only reads the current one.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0
            && old.sa_sigaction == libc::SIG_IGN
    }
}
