//! Configuration from TOML.
//!
//! Lookup order (the first that exists wins; command-line flags override it):
//! 1. `--config PATH` (an error if the file is missing);
//! 2. `./brief.toml`;
//! 3. `<config home>/brief/config.toml`, where the binary takes the config
//!    home from `$XDG_CONFIG_HOME` (or `~/.config`) and passes it in
//!    ([`Config::search_path`]): the library reads no environment variable;
//! 4. the defaults embedded in the binary, which are `config/default.toml`.
//!
//! A file need only name the settings it changes. Unknown keys are errors
//! that name the key and its line, so a typo never goes unnoticed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::lang::Lang;
use crate::resources::LanguageSettings;

/// The commented default configuration, as shipped in `config/default.toml`.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

/// All of brief's settings.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// `[segment]`: sentence segmentation.
    pub segment: crate::segment::SegmentSettings,
    /// `[summary]`: length budget, algorithm and selection.
    pub summary: crate::summarize::SummarySettings,
    /// `[languages.<code>]`: per-language additions to the built-in resources.
    pub languages: BTreeMap<Lang, LanguageSettings>,
    /// `[export]`: translation export.
    pub export: crate::export::ExportSettings,
    /// `[check]`: which translation checks `brief check` and `brief merge` run.
    pub check: crate::check::CheckSettings,
    /// `[mt]`: the machine translation engine `brief translate` uses.
    #[cfg(feature = "mt")]
    pub mt: crate::mt::MtSettings,
}

/// Where the configuration in use came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// A file on disk.
    File(PathBuf),
    /// The defaults embedded in the binary.
    Embedded,
}

impl Config {
    /// Parses a TOML document; `path` names it in error messages.
    ///
    /// ```
    /// use std::path::Path;
    /// use brief::Config;
    /// let cfg = Config::from_toml("[languages.en]\nabbreviations = [\"approx\"]\n", Path::new("b.toml")).unwrap();
    /// assert_eq!(cfg.languages[&brief::Lang::EN].abbreviations, ["approx"]);
    /// let err = Config::from_toml("[segmnt]\n", Path::new("b.toml")).unwrap_err();
    /// assert!(err.to_string().starts_with("b.toml:1:"), "{err}");
    /// ```
    pub fn from_toml(text: &str, path: &Path) -> Result<Config> {
        let config: Config = toml::from_str(text).map_err(|e| Error::Config {
            path: path.to_path_buf(),
            location: e.span().map(|span| line_col(text, span.start)),
            message: e.message().trim().replace('\n', " "),
        })?;
        // Values that parse but are out of range (two lengths, a ratio of 1.5)
        // are reported against the file too, at the key's line where it is found.
        config.summary.validate().map_err(|e| match e {
            Error::InvalidSetting { key, message } => {
                let key = key.strip_prefix("summary.").unwrap_or(&key).to_string();
                Error::Config {
                    path: path.to_path_buf(),
                    location: key_line(text, "summary", &key).map(|line| (line, 1)),
                    message: if key == "summary" {
                        format!("[summary]: {message}")
                    } else {
                        format!("[summary] {key}: {message}")
                    },
                }
            }
            other => other,
        })?;
        Ok(config)
    }

    /// The embedded defaults.
    pub fn embedded() -> Config {
        // The embedded file is tested to parse, so this cannot fail at run time.
        Config::from_toml(DEFAULT_TOML, Path::new("<embedded defaults>")).unwrap_or_default()
    }

    /// Loads `explicit` if given, else the first file of
    /// `Config::search_path(None)` that exists (`./brief.toml`), else the
    /// embedded defaults. [`Config::load_with`] takes the search path.
    pub fn load(explicit: Option<&Path>) -> Result<(Config, ConfigSource)> {
        Self::load_with(explicit, &Self::search_path(None))
    }

    /// Finds and loads the configuration as described in the module docs:
    /// `explicit` if given (an error if it is missing), else the first of
    /// `search` that exists, else the embedded defaults.
    pub fn load_with(
        explicit: Option<&Path>,
        search: &[PathBuf],
    ) -> Result<(Config, ConfigSource)> {
        if let Some(path) = explicit {
            let text = read_config_file(path)?;
            return Ok((
                Config::from_toml(&text, path)?,
                ConfigSource::File(path.to_path_buf()),
            ));
        }
        for candidate in search {
            // Only a name that is not there at all is passed over: a
            // directory, FIFO or dangling link in its place is an error, so
            // a broken configuration is never silently ignored.
            if let Err(e) = candidate.symlink_metadata() {
                if e.kind() == std::io::ErrorKind::NotFound {
                    continue;
                }
                return Err(config_error(
                    candidate,
                    format!("cannot read configuration file: {e}"),
                ));
            }
            let text = read_config_file(candidate)?;
            return Ok((
                Config::from_toml(&text, candidate)?,
                ConfigSource::File(candidate.clone()),
            ));
        }
        Ok((Config::embedded(), ConfigSource::Embedded))
    }

    /// The files looked for when no `--config` is given, in order:
    /// `./brief.toml`, then `brief/config.toml` in the user's configuration
    /// directory (`config_home`, which the binary takes from
    /// `$XDG_CONFIG_HOME` or `~/.config`).
    ///
    /// ```
    /// use std::path::{Path, PathBuf};
    /// let paths = brief::Config::search_path(Some(Path::new("/home/u/.config")));
    /// assert_eq!(paths, [PathBuf::from("brief.toml"), PathBuf::from("/home/u/.config/brief/config.toml")]);
    /// ```
    pub fn search_path(config_home: Option<&Path>) -> Vec<PathBuf> {
        let mut paths = vec![PathBuf::from("brief.toml")];
        if let Some(dir) = config_home {
            paths.push(dir.join("brief").join("config.toml"));
        }
        paths
    }

    /// The user's additions for `lang`, if any.
    pub fn language(&self, lang: Lang) -> Option<&LanguageSettings> {
        self.languages.get(&lang)
    }
}

/// The largest configuration file read; a real one is a few KiB.
const MAX_CONFIG_BYTES: u64 = 1 << 20;

fn config_error(path: &Path, message: String) -> Error {
    Error::Config {
        path: path.to_path_buf(),
        location: None,
        message,
    }
}

/// Reads a configuration file that must be a regular file (or a link to
/// one) of at most [`MAX_CONFIG_BYTES`].
fn read_config_file(path: &Path) -> Result<String> {
    use std::io::Read;
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && path.symlink_metadata().is_ok() => {
            return Err(config_error(
                path,
                "is a symbolic link to a file that does not exist".into(),
            ));
        }
        Err(e) => {
            return Err(config_error(
                path,
                format!("cannot read configuration file: {e}"),
            ));
        }
    };
    if meta.is_dir() {
        return Err(config_error(
            path,
            "is a directory, not a configuration file".into(),
        ));
    }
    if !meta.is_file() {
        return Err(config_error(
            path,
            "is not a regular file (a FIFO, socket or device), not a configuration file".into(),
        ));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| config_error(path, format!("cannot read configuration file: {e}")))?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Err(config_error(
            path,
            format!(
                "larger than {} KiB; not a configuration file",
                MAX_CONFIG_BYTES >> 10
            ),
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        config_error(
            path,
            format!(
                "cannot read configuration file: invalid UTF-8 at byte {}",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// The one-based line where `key = ...` is set inside `[section]`, if any.
fn key_line(text: &str, section: &str, key: &str) -> Option<usize> {
    let mut in_section = false;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_section = t.trim_start_matches('[').trim_end_matches(']').trim() == section;
            if in_section && key == section {
                return Some(i + 1);
            }
        } else if in_section && t.split('=').next().map(str::trim) == Some(key) && t.contains('=') {
            return Some(i + 1);
        }
    }
    None
}

/// One-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

impl std::fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConfigSource::File(p) => write!(f, "{}", p.display()),
            ConfigSource::Embedded => f.write_str("<embedded defaults>"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse_and_equal_the_code_defaults() {
        let parsed = Config::from_toml(DEFAULT_TOML, Path::new("config/default.toml")).unwrap();
        assert_eq!(parsed, Config::default());
    }

    #[test]
    fn unknown_keys_are_named_with_their_line() {
        let err = Config::from_toml("[segment]\nlang = \"en\"\nfoo = 1\n", Path::new("c.toml"))
            .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("c.toml:3:"), "{msg}");
        assert!(msg.contains("foo"), "{msg}");
    }

    #[test]
    fn syntax_errors_report_the_line() {
        let err = Config::from_toml("[segment]\n\nlang = \n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().starts_with("c.toml:3:"), "{err}");
    }

    #[test]
    fn out_of_range_values_name_the_file_and_key() {
        let err = Config::from_toml("[summary]\nratio = 1.5\n", Path::new("c.toml")).unwrap_err();
        assert!(
            err.to_string().starts_with("c.toml:2:1: [summary] ratio"),
            "{err}"
        );
        let err = Config::from_toml(
            "[summary]\nsentences = 2\nwords = 10\n",
            Path::new("c.toml"),
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .starts_with("c.toml:1:1: [summary]: give one length"),
            "{err}"
        );
    }

    #[test]
    fn bad_language_keys_are_errors() {
        let err = Config::from_toml("[languages.english1]\n", Path::new("c.toml")).unwrap_err();
        assert!(err.to_string().contains("english1"), "{err}");
    }
}
