//! Machine translation over the engines' published HTTP APIs.
//!
//! No engine with English→Persian and English→Russian models installs from a
//! package registry, so brief talks to a running engine: LibreTranslate
//! ([`libretranslate`]) or DeepL ([`deepl`]). The engine-independent core is
//! here and in [`batch`]: identical texts are sent once, texts are packed into
//! requests within the engine's limits, a bounded number of requests are in
//! flight, 429 and 5xx are retried with backoff (honouring `Retry-After`),
//! and every reply is checked ([`guard`]) before a translation is accepted:
//! its size, its shape, the number of translations, their script and any
//! markup the source does not have. Any failure is an [`MtError`] naming the
//! engine and the reason; nothing is half-translated.
//!
//! The API key is an [`ApiKey`], whose `Debug` never shows it; server
//! messages quoted in errors have the key replaced. Reading the key from the
//! environment is the binary's job.
//!
//! See `docs/mt.md` for the API versions spoken and the settings.

mod batch;
mod deepl;
mod fill;
mod guard;
mod http;
mod job;
mod libretranslate;
mod protect;

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use serde::Deserialize;

pub use batch::{Translated, Translator};
pub use fill::{Filled, MachineFinding, fill_file};
pub use job::{TranslateError, TranslateJob, TranslateOutcome};

/// The engines brief can send text to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Engine {
    /// LibreTranslate (`POST /translate`, `GET /languages`).
    LibreTranslate,
    /// DeepL API v2 (`POST /v2/translate`).
    DeepL,
}

impl Engine {
    /// The engine's name in settings, flags, marks and messages.
    pub fn name(self) -> &'static str {
        match self {
            Engine::LibreTranslate => "libretranslate",
            Engine::DeepL => "deepl",
        }
    }

    /// The environment variable the binary reads the key from, unless the
    /// configuration names another.
    pub fn key_variable(self) -> &'static str {
        match self {
            Engine::LibreTranslate => "LIBRETRANSLATE_API_KEY",
            Engine::DeepL => "DEEPL_AUTH_KEY",
        }
    }
}

impl fmt::Display for Engine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Engine {
    type Err = MtError;

    fn from_str(s: &str) -> Result<Engine, MtError> {
        match s {
            "libretranslate" => Ok(Engine::LibreTranslate),
            "deepl" => Ok(Engine::DeepL),
            _ => Err(MtError::Setting {
                key: "engine",
                message: format!(
                    "{:?}: expected libretranslate or deepl",
                    crate::escape::escape(s)
                ),
            }),
        }
    }
}

/// An API key. It is sent to the engine and nowhere else: `Debug` prints
/// `ApiKey(<redacted>)` and there is no `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// A key; refused when empty or when it holds whitespace or control
    /// characters (which could split an HTTP header).
    pub fn new(key: impl Into<String>) -> Result<ApiKey, MtError> {
        let key = key.into();
        if key.is_empty() || key.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(MtError::Setting {
                key: "key",
                message: "the API key is empty or holds whitespace or control characters".into(),
            });
        }
        Ok(ApiKey(key))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// `[mt]` in TOML: how brief reaches a machine translation engine.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MtSettings {
    /// The engine used when no `--engine` is given.
    pub engine: Option<Engine>,
    /// The engine's base URL (LibreTranslate: required; DeepL: chosen from
    /// the key, `https://api-free.deepl.com` for keys ending in `:fx`).
    pub url: Option<String>,
    /// The environment variable holding the key, instead of the engine's
    /// own (`DEEPL_AUTH_KEY`, `LIBRETRANSLATE_API_KEY`). The key itself is
    /// never read from a file.
    pub key_env: Option<String>,
    /// Seconds to wait for a connection.
    pub connect_timeout: f64,
    /// Seconds to wait for the response to start, and between reads.
    pub read_timeout: f64,
    /// Seconds one request may take in all.
    pub request_timeout: f64,
    /// At most this many texts per request (DeepL: at most 50).
    pub batch_size: usize,
    /// At most this many bytes of request body (DeepL: at most 128 KiB).
    pub batch_bytes: usize,
    /// At most this many requests in flight.
    pub concurrency: usize,
    /// Retries of a request after 429, 5xx or a failed connection.
    pub retries: u32,
    /// Seconds before the first retry; each next one waits twice as long.
    pub retry_delay: f64,
    /// The longest wait between retries, in seconds (also caps `Retry-After`).
    pub max_retry_wait: f64,
    /// The largest response body accepted, in bytes.
    pub max_response_bytes: u64,
    /// Whether machine targets are checked for a given glossary's terms
    /// (`--glossary`) as they are translated; `false` leaves the terms to a
    /// later `brief check --glossary` (for an engine that applies the
    /// desk's glossary itself). Terms are checked, never forced on the engine.
    pub glossary: bool,
}

impl Default for MtSettings {
    fn default() -> MtSettings {
        MtSettings {
            engine: None,
            url: None,
            key_env: None,
            connect_timeout: 10.0,
            read_timeout: 60.0,
            request_timeout: 120.0,
            batch_size: 50,
            batch_bytes: 128 * 1024,
            concurrency: 4,
            retries: 4,
            retry_delay: 1.0,
            max_retry_wait: 60.0,
            max_response_bytes: 16 * 1024 * 1024,
            glossary: true,
        }
    }
}

impl MtSettings {
    /// Checks ranges; the error names the key.
    pub fn validate(&self) -> Result<(), MtError> {
        let seconds = [
            ("connect_timeout", self.connect_timeout),
            ("read_timeout", self.read_timeout),
            ("request_timeout", self.request_timeout),
            ("retry_delay", self.retry_delay),
            ("max_retry_wait", self.max_retry_wait),
        ];
        for (key, v) in seconds {
            if !(v.is_finite() && (0.0..=86_400.0).contains(&v)) {
                return Err(MtError::Setting {
                    key,
                    message: format!("{v}: expected seconds between 0 and 86400"),
                });
            }
        }
        for (key, v, max) in [
            ("batch_size", self.batch_size, 10_000),
            ("concurrency", self.concurrency, 64),
            ("batch_bytes", self.batch_bytes, 64 << 20),
        ] {
            if v == 0 || v > max {
                return Err(MtError::Setting {
                    key,
                    message: format!("{v}: expected 1 to {max}"),
                });
            }
        }
        if self.max_response_bytes < 1024 {
            return Err(MtError::Setting {
                key: "max_response_bytes",
                message: "expected at least 1024".into(),
            });
        }
        if self.retries > 20 {
            return Err(MtError::Setting {
                key: "retries",
                message: format!("{}: expected at most 20", self.retries),
            });
        }
        Ok(())
    }

    pub(crate) fn duration(seconds: f64) -> Duration {
        Duration::from_secs_f64(seconds.max(0.0))
    }
}

/// `unit ID` or `text N` (from 1) for an [`MtError::Segment`].
fn place(index: usize, unit: Option<&str>) -> String {
    match unit {
        Some(id) => format!("unit {}", crate::escape::escape(id)),
        None => format!("text {}", index + 1),
    }
}

/// Why machine translation failed. Every message names the engine; text
/// from the server is escaped, shortened and has the key removed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MtError {
    /// A setting is out of range or missing.
    #[error("invalid setting mt.{key}: {message}")]
    Setting {
        /// The key under `[mt]`.
        key: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The engine refused the key (HTTP 401 or 403).
    #[error("{engine}: the engine refused the API key (HTTP {status}){message}")]
    Forbidden {
        /// The engine.
        engine: Engine,
        /// The HTTP status.
        status: u16,
        /// The server's message, if any (`: …`).
        message: String,
    },
    /// DeepL's character quota is used up (HTTP 456).
    #[error(
        "{engine}: the account's translation quota is used up (HTTP 456); nothing was translated"
    )]
    Quota {
        /// The engine.
        engine: Engine,
    },
    /// The engine kept failing (429 or 5xx) until the retries ran out, or
    /// answered with a status brief does not retry.
    #[error("{engine}: HTTP {status} after {attempts} attempt(s){message}")]
    Status {
        /// The engine.
        engine: Engine,
        /// The last HTTP status.
        status: u16,
        /// Requests sent for this batch.
        attempts: u32,
        /// The server's message, if any (`: …`).
        message: String,
    },
    /// No answer: connection refused, a timeout, a truncated body.
    #[error("{engine}: {message} (after {attempts} attempt(s))")]
    Transport {
        /// The engine.
        engine: Engine,
        /// What went wrong.
        message: String,
        /// Requests sent for this batch.
        attempts: u32,
    },
    /// The response is not what the API documents, or a translation is not
    /// acceptable (wrong count, script, injected markup, too large).
    #[error("{engine}: {message}")]
    Response {
        /// The engine.
        engine: Engine,
        /// What is wrong.
        message: String,
    },
    /// One translation lost, repeated or invented a protected span (a URL,
    /// an e-mail address, a handle sent as a placeholder) or holds a tag.
    #[error("{engine}: {}: {message}", place(*.index, .unit.as_deref()))]
    Segment {
        /// The engine.
        engine: Engine,
        /// The text's index among those given to `Translator::translate`, from 0.
        index: usize,
        /// The unit id, when the caller knows it (`fill_file` does).
        unit: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The engine does not offer the language pair.
    #[error("{engine}: the engine does not translate {source_lang} to {target_lang}")]
    Unsupported {
        /// The engine.
        engine: Engine,
        /// Source language code.
        source_lang: String,
        /// Target language code.
        target_lang: String,
    },
}
