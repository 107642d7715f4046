//! [`LanguageTag`]: the BCP 47 tags of exported and translated files.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::lang::Lang;

/// A BCP 47 language tag such as `fa`, `fa-IR` or `ru-RU` (letters, digits
/// and hyphens; the first subtag is an ISO 639 code).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LanguageTag(String);

impl LanguageTag {
    /// The tag for a bare language code.
    pub fn from_lang(lang: Lang) -> LanguageTag {
        LanguageTag(lang.as_str().to_string())
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The primary language.
    pub fn lang(&self) -> Lang {
        self.0.parse().unwrap_or(Lang::EN)
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(&self) -> bool {
        self.lang().is_rtl()
    }
}

impl LanguageTag {
    /// Parses a tag read from a file: like [`str::parse`], but `_` is taken
    /// for `-` (`fa_IR`, as some tools write it). The flag says whether that
    /// happened, so the caller can report it.
    pub fn parse_lenient(s: &str) -> Result<(LanguageTag, bool)> {
        let had_underscore = s.contains('_');
        let tag = s.replace('_', "-").parse::<LanguageTag>().map_err(|_| {
            Error::InvalidLanguage(s.chars().flat_map(char::escape_default).collect())
        })?;
        Ok((tag, had_underscore))
    }

    /// Whether the two tags name the same primary language (`fa` and `fa-IR`).
    pub fn same_language(&self, other: &LanguageTag) -> bool {
        self.0.split('-').next() == other.0.split('-').next()
    }
}

impl FromStr for LanguageTag {
    type Err = Error;

    /// Validates the tag's shape (BCP 47: letters, digits and hyphens) and
    /// writes it in canonical case: `FA-ir` is `fa-IR`, `zh-hant` is `zh-Hant`.
    /// Tags are compared in that form, and only that form reaches a file name.
    fn from_str(s: &str) -> Result<LanguageTag> {
        let mut parts = s.split('-');
        let primary = parts.next().unwrap_or("");
        let primary_ok =
            (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic());
        let rest_ok = parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
        if !primary_ok || !rest_ok || s.len() > 64 {
            return Err(Error::InvalidLanguage(
                s.chars().flat_map(char::escape_default).collect(),
            ));
        }
        let canonical: Vec<String> = s
            .split('-')
            .enumerate()
            .map(|(i, p)| {
                if i > 0 && p.len() == 2 && p.bytes().all(|b| b.is_ascii_alphabetic()) {
                    p.to_ascii_uppercase()
                } else if i > 0 && p.len() == 4 && p.bytes().all(|b| b.is_ascii_alphabetic()) {
                    let lower = p.to_ascii_lowercase();
                    lower[..1].to_ascii_uppercase() + &lower[1..]
                } else {
                    p.to_ascii_lowercase()
                }
            })
            .collect();
        Ok(LanguageTag(canonical.join("-")))
    }
}

impl fmt::Display for LanguageTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for LanguageTag {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for LanguageTag {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
