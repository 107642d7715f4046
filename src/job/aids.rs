//! Translation memories and a glossary, read once for one export or a
//! whole batch (`--tm`, `--glossary`).

use std::path::{Path, PathBuf};

use crate::check::Glossary;
use crate::error::{Error, Result};
use crate::export::Export;
use crate::formats::{Aids, LanguageTag};
use crate::lang::Lang;
use crate::tm::Memory;

/// The memories and glossary that fill an export's targets and term hints.
#[derive(Debug, Default)]
pub struct TranslationAids {
    memories: Vec<Memory>,
    /// Memories named but not there yet (a desk's first day: `merge
    /// --update-tm` creates them).
    missing: Vec<PathBuf>,
    /// The glossary's path and text: its source column is read in each
    /// export's source language, which a batch knows only per item.
    glossary: Option<(PathBuf, String)>,
}

impl TranslationAids {
    /// No memory, no glossary: every unit's aids are empty and the files
    /// are exactly as without aids.
    pub fn none() -> TranslationAids {
        TranslationAids::default()
    }

    /// Reads the memories (TMX; the first with a match wins) and the
    /// glossary's text. Every file is read bounded, as any input. The
    /// glossary's syntax is checked now, before any work: it is read for an
    /// undetermined source language, which no column names, so the only
    /// error left for a real source is a clash of that language with a
    /// target column (see [`TranslationAids::glossary`]).
    /// A memory file that does not exist yet is no error: it is listed in
    /// [`TranslationAids::missing_memories`] for the caller to mention.
    ///
    /// The glossary is read up to the default input limit;
    /// [`TranslationAids::load_limited`] takes the user's `--max-input`.
    pub fn load(paths: &[PathBuf], glossary: Option<&Path>) -> Result<TranslationAids> {
        Self::load_limited(paths, glossary, crate::input::DEFAULT_MAX_INPUT_BYTES)
    }

    /// [`TranslationAids::load`] with the glossary read up to `max_bytes`
    /// (the user's input limit). Memories keep their own limit.
    pub fn load_limited(
        paths: &[PathBuf],
        glossary: Option<&Path>,
        max_bytes: u64,
    ) -> Result<TranslationAids> {
        let mut memories = Vec::new();
        let mut missing = Vec::new();
        for path in paths {
            // A dangling link is not "missing": reading it says what is wrong.
            if !path.exists() && path.symlink_metadata().is_err() {
                missing.push(path.clone());
            } else {
                memories.push(Memory::read_file_for_lookups(path)?);
            }
        }
        let glossary = match glossary {
            Some(path) => {
                let text = read_glossary_text_limited(path, max_bytes)?;
                Glossary::parse(&text, undetermined(), path)?;
                Some((path.to_path_buf(), text))
            }
            None => None,
        };
        Ok(TranslationAids {
            memories,
            missing,
            glossary,
        })
    }

    /// The memories that were named but do not exist yet.
    pub fn missing_memories(&self) -> &[PathBuf] {
        &self.missing
    }

    /// The glossary's path, if one was given.
    pub fn glossary_path(&self) -> Option<&Path> {
        self.glossary.as_ref().map(|(path, _)| path.as_path())
    }

    /// The glossary's path for a message (empty without one).
    pub(crate) fn glossary_name(&self) -> String {
        self.glossary_path()
            .map(crate::escape::escape_path)
            .unwrap_or_default()
    }

    /// The glossary with its source column in `source` (`Ok(None)` if none
    /// was given), or why this well-formed glossary cannot serve a source
    /// in `source` (as when `source` is one of its target columns).
    pub fn glossary(&self, source: Lang) -> std::result::Result<Option<Glossary>, String> {
        let Some((path, text)) = &self.glossary else {
            return Ok(None);
        };
        match Glossary::parse(text, source, path) {
            Ok(g) => Ok(Some(g)),
            Err(_) if names_target_column(text, source) => {
                Err(format!("{source} is one of its target columns"))
            }
            Err(e) => Err(e.to_string()),
        }
    }

    /// The aids of every unit of `export` for each of `targets`, with
    /// `glossary` (from [`TranslationAids::glossary`] in the export's source
    /// language). Fails when a memory changed while it was open
    /// ([`Memory::check_unchanged`]).
    pub fn for_export(
        &self,
        export: &Export,
        targets: &[&LanguageTag],
        glossary: Option<&Glossary>,
    ) -> Result<Vec<Vec<Aids>>> {
        let memories: Vec<&Memory> = self.memories.iter().collect();
        let aids = targets
            .iter()
            .map(|t| export.aids(t, &memories, glossary))
            .collect();
        self.memories.iter().try_for_each(Memory::check_unchanged)?;
        Ok(aids)
    }
}

/// A glossary file's text: bounded like every input (the default input
/// limit), so `/dev/zero` or a FIFO cannot fill memory; UTF-8 only.
pub(crate) fn read_glossary_text(path: &Path) -> Result<String> {
    read_glossary_text_limited(path, crate::input::DEFAULT_MAX_INPUT_BYTES)
}

/// [`read_glossary_text`] up to `max_bytes`.
pub(crate) fn read_glossary_text_limited(path: &Path, max_bytes: u64) -> Result<String> {
    let bytes = crate::input::read_bytes_limited(path, max_bytes)?;
    String::from_utf8(bytes).map_err(|e| Error::Encoding {
        path: path.to_path_buf(),
        message: format!("cannot read the glossary: not UTF-8: {e}"),
    })
}

/// A language no glossary column names (ISO 639 `und`, undetermined).
fn undetermined() -> Lang {
    "und".parse().expect("und is a valid language code")
}

/// Whether the header of a CSV/TSV glossary names `lang` after its first
/// column, i.e. as a target language.
fn names_target_column(text: &str, lang: Lang) -> bool {
    let text = text.trim_start_matches('\u{FEFF}');
    if text.trim_start().starts_with('<') {
        return false;
    }
    let Some(header) = text.lines().find(|l| !l.trim().is_empty()) else {
        return false;
    };
    let delim = if header.contains('\t') { '\t' } else { ',' };
    header.split(delim).skip(1).any(|h| {
        h.trim()
            .trim_matches('"')
            .trim()
            .eq_ignore_ascii_case(lang.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_columns_are_found_in_csv_and_tsv_headers_only() {
        let csv = "\u{FEFF}source,fa,\"RU\"\nbridge,پل,мост\n";
        assert!(names_target_column(csv, Lang::RU));
        assert!(names_target_column(csv, Lang::FA));
        assert!(!names_target_column(csv, Lang::EN));
        assert!(names_target_column("source\tru\n", Lang::RU));
        // The first column is the source, not a target.
        assert!(!names_target_column("ru,fa\n", Lang::RU));
        assert!(!names_target_column("<martif/>", Lang::RU));
        assert!(!names_target_column("", Lang::RU));
    }

    #[test]
    fn the_glossary_follows_the_limit_given() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.csv");
        std::fs::write(&path, "source,ru\nbridge,мост\n").unwrap();
        let err = TranslationAids::load_limited(&[], Some(&path), 10).unwrap_err();
        assert!(
            err.to_string().contains("larger than the input limit"),
            "{err}"
        );
        let aids = TranslationAids::load_limited(&[], Some(&path), 1 << 10).unwrap();
        assert!(aids.glossary.is_some());
    }
}
