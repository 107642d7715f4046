//! The conflicts a memory update reports: two approved translations of one
//! source into one language (merge finds them, merge_render lists them in
//! JSON, the front ends print them). A module of its own, so that finding
//! and rendering do not depend on each other.

use std::path::{Path, PathBuf};

use serde::Serialize;

/// Two different translations of one source into one language that one
/// memory update got (from two sets merged in one command, or two units of
/// one set). Both are approved and equally new, so the memory keeps both
/// (`docs/tm.md`, "Conflicts") and merge reports them: a reviewer decides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct MemoryConflict {
    /// The source text, as exported.
    pub source: String,
    /// Its language tag.
    pub source_lang: String,
    /// The target language tag.
    pub lang: String,
    /// The translation given first.
    pub first: ConflictSide,
    /// A later, different one.
    pub other: ConflictSide,
}

/// Where one translation of a [`MemoryConflict`] came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ConflictSide {
    /// The translated file that holds the unit (in JSON a string, any
    /// byte that is not UTF-8 replaced).
    #[serde(serialize_with = "lossy_path")]
    pub file: PathBuf,
    /// The unit id.
    pub id: String,
    /// The translation.
    pub target: String,
}

/// A path as a JSON string, whatever its bytes (serde refuses a path
/// that is not UTF-8, which would make the whole output fail).
fn lossy_path<S: serde::Serializer>(path: &Path, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&path.to_string_lossy())
}

/// The most characters of a source a conflict's message shows.
const SOURCE_SHOWN: usize = 60;

impl std::fmt::Display for MemoryConflict {
    /// One line for a terminal: every text from a file escaped, the source
    /// shortened.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let source = crate::tm::normalize(&self.source);
        let mut shown: String = source.chars().take(SOURCE_SHOWN).collect();
        if shown.len() < source.len() {
            shown.push('…');
        }
        let side = |s: &ConflictSide| {
            format!(
                "{}: {}",
                crate::escape::escape_path(&s.file),
                crate::escape::escape(&s.id)
            )
        };
        write!(
            f,
            "{} and {} [{}] translate the same source differently (\"{}\"); \
             both translations kept in the memory (the next export offers both, neither as the target)",
            side(&self.first),
            side(&self.other),
            crate::escape::escape(&self.lang),
            crate::escape::escape(&shown)
        )
    }
}
