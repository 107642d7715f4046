//! The binding's error: what went wrong in terms the module turns into a
//! Python exception, and the guard that keeps a panic out of the
//! interpreter. Its own file so that the pool (`run`) and input preparation
//! need nothing from the library calls that use them.

/// What went wrong, in terms the binding turns into a Python exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CoreError {
    /// `Argument` (a bad argument: `ValueError`), `Internal` (a bug caught
    /// before it crossed into Python), or the name of the library's error
    /// variant (`Io`, `Encoding`, `Config`, `InvalidSetting`,
    /// `InvalidLanguage`, `Jsonl`, `Input`, `Usage`, `Other`).
    pub kind: &'static str,
    /// The message, as the CLI would print it after `brief: `.
    pub message: String,
}

impl CoreError {
    pub(crate) fn argument(message: impl Into<String>) -> CoreError {
        CoreError {
            kind: "Argument",
            message: message.into(),
        }
    }
}

impl From<brief::Error> for CoreError {
    fn from(e: brief::Error) -> CoreError {
        let kind = match &e {
            brief::Error::Io { .. } => "Io",
            brief::Error::Encoding { .. } => "Encoding",
            brief::Error::Config { .. } => "Config",
            brief::Error::InvalidSetting { .. } => "InvalidSetting",
            brief::Error::InvalidLanguage(_) => "InvalidLanguage",
            brief::Error::Jsonl { .. } => "Jsonl",
            brief::Error::Input { .. } => "Input",
            brief::Error::Usage { .. } => "Usage",
            _ => "Other",
        };
        CoreError {
            kind,
            message: e.to_string(),
        }
    }
}

impl From<serde_json::Error> for CoreError {
    fn from(e: serde_json::Error) -> CoreError {
        CoreError {
            kind: "Internal",
            message: format!("cannot serialize a result: {e}"),
        }
    }
}

/// Result alias for this file.
pub type Result<T> = std::result::Result<T, CoreError>;

/// Runs `work`, turning a panic (a bug in brief) into an error instead of
/// letting it unwind into the interpreter.
pub fn guarded<T>(work: impl FnOnce() -> Result<T>) -> Result<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(CoreError {
            kind: "Internal",
            message: format!("internal error in brief (please report it): {what}"),
        })
    })
}
