//! The library's error type.
//!
//! Every variant names what the user has to fix: the file, and the line, byte
//! offset or key where that helps. The binary maps all of them to exit code 2
//! (see [`Error::exit_code`]); problems found *in* the user's data after the
//! work was done (translation drift, missing targets) are not errors but
//! reports, and give exit code 1.
//!
//! Every string in a message that can come from the user or the input
//! (paths, ids, keys, quoted text) is escaped for the terminal by
//! [`crate::escape`], so no control sequence in a file name or an id reaches
//! the terminal raw.

use std::io;
use std::path::PathBuf;

/// Result alias used throughout the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in brief.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be opened, read or written.
    #[error("{}: {}", crate::escape::escape_path(path), crate::escape::escape(&source.to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The input is not valid text in the expected encoding.
    #[error(
        "{}: {}",
        crate::escape::escape_path(path),
        crate::escape::escape(message)
    )]
    Encoding {
        /// The file (`-` for standard input).
        path: PathBuf,
        /// Where and why, e.g. "invalid UTF-8 at byte 17".
        message: String,
    },
    /// A configuration file could not be used.
    #[error("{}{}: {}", crate::escape::escape_path(path), location.map(|(l, c)| format!(":{l}:{c}")).unwrap_or_default(), crate::escape::escape(message))]
    Config {
        /// The configuration file (`<embedded defaults>` for the built-in one).
        path: PathBuf,
        /// One-based line and column, where known.
        location: Option<(usize, usize)>,
        /// What is wrong, with line and key where known.
        message: String,
    },
    /// A setting has a value outside its allowed range.
    #[error(
        "invalid setting {}: {}",
        crate::escape::escape(key),
        crate::escape::escape(message)
    )]
    InvalidSetting {
        /// The setting, as written in TOML or on the command line.
        key: String,
        /// Why the value is not allowed.
        message: String,
    },
    /// A language code that is not two or three ASCII letters.
    #[error("invalid language code {}: expected an ISO 639 code such as en, ru or fa", crate::escape::escape(&format!("{_0:?}")))]
    InvalidLanguage(String),
    /// A line of a JSONL batch could not be used.
    #[error(
        "{}:{line}: {}",
        crate::escape::escape_path(path),
        crate::escape::escape(message)
    )]
    Jsonl {
        /// The batch file (`-` for standard input).
        path: PathBuf,
        /// One-based line number.
        line: usize,
        /// What is wrong with the line.
        message: String,
    },
    /// An input that cannot be processed for a reason that is not covered above.
    #[error(
        "{}: {}",
        crate::escape::escape_path(path),
        crate::escape::escape(message)
    )]
    Input {
        /// The input file (`-` for standard input).
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
    /// A job cannot run with the settings and inputs it was given (no
    /// target language, inputs in several languages, nothing to translate).
    #[error("{}", crate::escape::escape(message))]
    Usage {
        /// What is wrong, and what to give instead.
        message: String,
    },
}

impl Error {
    /// The process exit code documented for this error: always 2 (usage,
    /// configuration, input or output error).
    pub fn exit_code(&self) -> u8 {
        2
    }

    /// Builds an [`Error::Io`] for `path`.
    pub fn io(path: impl Into<PathBuf>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
