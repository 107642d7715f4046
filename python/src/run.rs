//! How the extension runs work: on a thread pool of this process (made
//! again in a forked child, whose copy of the parent's pool has no
//! threads), without the GIL, while the calling thread keeps checking for
//! signals so that Ctrl-C raises `KeyboardInterrupt` within a tenth of a
//! second, even during one long document.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::error::{self, CoreError};

/// Set when the caller gave up (Ctrl-C): long jobs stop at their next
/// chunk of items.
#[derive(Debug, Clone, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Whether the caller gave up.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// The error a cancelled job returns (nobody reads it).
    pub fn check(&self) -> error::Result<()> {
        if self.is_set() {
            return Err(CoreError {
                kind: "Internal",
                message: "interrupted".into(),
            });
        }
        Ok(())
    }

    fn set(&self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// The process's pool and the process it was made in.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// The thread pool of this process, made on first use (its size from
/// `RAYON_NUM_THREADS`, else one thread per core). A child forked after
/// the parent used its pool inherits the pool's bookkeeping but none of its
/// threads, so a child makes its own and never touches the parent's.
pub fn pool() -> error::Result<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some((owner, pool)) = slot.as_ref()
        && *owner == pid
    {
        return Ok(pool.clone());
    }
    if let Some((_, inherited)) = slot.take() {
        // Dropping it would signal threads that do not exist here.
        std::mem::forget(inherited);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("brief-{i}"))
        .build()
        .map_err(|e| CoreError {
            kind: "Internal",
            message: format!("cannot start brief's threads: {e}"),
        })?;
    let pool = Arc::new(pool);
    *slot = Some((pid, pool.clone()));
    Ok(pool)
}

/// How often the waiting thread looks for signals.
const TICK: Duration = Duration::from_millis(50);

/// Runs `work` on the process's pool with panics caught. The calling thread
/// waits without the GIL and checks signals every [`TICK`]: on Ctrl-C (any
/// signal handler that raises), the job is told to stop and the handler's
/// exception is raised at once.
pub fn interruptible<T: Send + 'static>(
    py: pyo3::Python<'_>,
    work: impl FnOnce(&Cancel) -> error::Result<T> + Send + 'static,
) -> Result<T, Interrupted> {
    let pool = pool().map_err(Interrupted::Failed)?;
    let cancel = Cancel::default();
    let (tx, rx) = channel();
    // `detach` needs a closure that can cross threads; the receiver stays
    // with this thread, the mutex only makes the borrow shareable.
    let rx = Mutex::new(rx);
    let job_cancel = cancel.clone();
    pool.spawn(move || {
        let result = error::guarded(|| work(&job_cancel));
        let _ = tx.send(result);
    });
    loop {
        let received = py.detach(|| {
            rx.lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .recv_timeout(TICK)
        });
        match received {
            Ok(result) => return result.map_err(Interrupted::Failed),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    cancel.set();
                    return Err(Interrupted::Signal(e));
                }
            }
            Err(RecvTimeoutError::Disconnected) => {
                return Err(Interrupted::Failed(CoreError {
                    kind: "Internal",
                    message: "brief's worker thread ended without a result (please report it)"
                        .into(),
                }));
            }
        }
    }
}

/// Why [`interruptible`] returned no result.
pub enum Interrupted {
    /// The job's error.
    Failed(CoreError),
    /// A signal handler raised (`KeyboardInterrupt`).
    Signal(pyo3::PyErr),
}
