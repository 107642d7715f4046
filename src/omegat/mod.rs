//! OmegaT projects: a brief as a ready-to-open OmegaT 3.6 project, and the
//! translated documents of such a project found again for merge.
//!
//! `brief export --format omegat` writes, per target language, a directory
//! `brief.<lang>.omegat/` that OmegaT opens as it is:
//!
//! | path | what |
//! |---|---|
//! | `omegat.project` | source and target language, their tokenizers, sentence segmentation **off** |
//! | `source/brief.<lang>.xliff12.xlf` | the brief as XLIFF 1.2 with each target a copy of its source (OmegaT 3.6 translates the `<target>` text and finds 0 segments in any other form) |
//! | `tm/auto/brief.<lang>.exact.tmx` | exact memory matches (`--tm`): OmegaT inserts them as translations |
//! | `tm/brief.<lang>.candidates.tmx` | fuzzy and conflicting matches: OmegaT shows them as matches |
//! | `glossary/brief.<lang>.glossary.utf8` | `--glossary` terms found in the brief, `source TAB target TAB comment` |
//! | `brief.reference.jsonl` | the export's units, what merge checks the translation against |
//! | `target/`, `omegat/`, `dictionary/` | empty, as OmegaT needs them |
//!
//! The memory's translations are never written into `source/`: a target
//! filled there would be the text OmegaT asks to translate (Persian shown
//! as a segment), not a match.
//!
//! [`read_project`] finds what `brief merge DIR.omegat` reads: the
//! documents in the project's target folder for the XLIFF files of its
//! source folder, and the reference copy.

mod project_file;
mod read;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::export::Export;
use crate::formats::xml::{self, XmlOut};
use crate::formats::{Aids, Format, LanguageTag, REFERENCE_FILE_NAME, TargetMode, file_name};
use crate::outfile::OutFile;

pub use read::{ProjectInputs, is_project, read_project};

/// The extension of a project directory: `brief.fa.omegat`.
pub const PROJECT_EXTENSION: &str = "omegat";

/// The project file OmegaT looks for in a project directory.
pub const PROJECT_FILE: &str = "omegat.project";

/// The folders of a project, all created by [`create_directories`]:
/// OmegaT 3.6 refuses a project whose target, memory or glossary folder is
/// missing, and keeps its own state in `omegat/`.
pub const DIRECTORIES: [&str; 7] = [
    "source",
    "target",
    "tm",
    "tm/auto",
    "glossary",
    "dictionary",
    "omegat",
];

/// The name of the project directory for `target`: `brief.fa.omegat`.
pub fn project_dir_name(target: &LanguageTag) -> String {
    format!("brief.{target}.{PROJECT_EXTENSION}")
}

/// The files of the OmegaT project for `target`, under
/// `out_dir/brief.<target>.omegat/`, ready for [`crate::outfile::write_all`]
/// together with the rest of an export. `aids` are the export's aids for
/// `target` (from [`Export::aids`]; empty for none): exact matches go to
/// `tm/auto/`, the other matches to `tm/`, terms to `glossary/`.
///
/// The folders that hold no file ([`DIRECTORIES`]) are made by
/// [`create_directories`] once the files are written.
pub fn project_files(
    out_dir: &Path,
    export: &Export,
    target: &LanguageTag,
    aids: &[Aids],
) -> Result<Vec<OutFile>> {
    let dir = out_dir.join(project_dir_name(target));
    let mut files = vec![
        OutFile {
            path: dir.join(PROJECT_FILE),
            contents: project_file::render(&export.source_lang, target)?,
        },
        OutFile {
            path: dir.join("source").join(file_name(Format::Xliff12, target)),
            // No aids here: a memory's translation in the target would be
            // the text OmegaT offers to translate.
            contents: export.render(Format::Xliff12, target, TargetMode::Source)?,
        },
        OutFile {
            path: dir.join(REFERENCE_FILE_NAME),
            contents: export.render_reference(target)?,
        },
    ];
    let exact: Vec<(&str, &str)> = aids
        .iter()
        .filter_map(|a| a.exact.as_ref())
        .map(|s| (s.source.as_str(), s.target.as_str()))
        .collect();
    if !exact.is_empty() {
        files.push(OutFile {
            path: dir
                .join("tm/auto")
                .join(format!("brief.{target}.exact.tmx")),
            contents: memory_tmx(&export.source_lang, target, &exact)?,
        });
    }
    let candidates: Vec<(&str, &str)> = aids
        .iter()
        .flat_map(|a| &a.candidates)
        .map(|s| (s.source.as_str(), s.target.as_str()))
        .collect();
    if !candidates.is_empty() {
        files.push(OutFile {
            path: dir
                .join("tm")
                .join(format!("brief.{target}.candidates.tmx")),
            contents: memory_tmx(&export.source_lang, target, &candidates)?,
        });
    }
    if let Some(glossary) = glossary_tsv(aids) {
        files.push(OutFile {
            path: dir
                .join("glossary")
                .join(format!("brief.{target}.glossary.utf8")),
            contents: glossary.into_bytes(),
        });
    }
    Ok(files)
}

/// Creates every folder of the project at `dir` that is missing
/// ([`DIRECTORIES`]).
pub fn create_directories(dir: &Path) -> Result<()> {
    for d in DIRECTORIES {
        let path = dir.join(d);
        std::fs::create_dir_all(&path).map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// The project directories of an export into `out_dir` for `targets`.
pub fn project_dirs<'a>(
    out_dir: &'a Path,
    targets: impl IntoIterator<Item = &'a LanguageTag> + 'a,
) -> impl Iterator<Item = PathBuf> + 'a {
    targets
        .into_iter()
        .map(move |t| out_dir.join(project_dir_name(t)))
}

/// A TMX 1.4 memory of (source, target) pairs, each pair once, in the
/// order given, as OmegaT reads it (`xml:lang` on every variant).
fn memory_tmx(
    source: &LanguageTag,
    target: &LanguageTag,
    pairs: &[(&str, &str)],
) -> Result<Vec<u8>> {
    let mut out = XmlOut::new()?;
    out.open("tmx", &[("version", "1.4")])?;
    out.empty(
        "header",
        &[
            ("creationtool", crate::formats::TOOL_NAME),
            ("creationtoolversion", crate::formats::TOOL_VERSION),
            ("segtype", "sentence"),
            ("o-tmf", "brief"),
            ("adminlang", "en"),
            ("srclang", source.as_str()),
            ("datatype", "plaintext"),
        ],
    )?;
    out.open("body", &[])?;
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for &(s, t) in pairs {
        if seen.contains(&(s, t)) {
            continue;
        }
        seen.push((s, t));
        xml::check_text(s, "memory match")?;
        xml::check_text(t, "memory match")?;
        out.open("tu", &[])?;
        for (lang, text) in [(source.as_str(), s), (target.as_str(), t)] {
            out.open("tuv", &[("xml:lang", lang)])?;
            out.leaf("seg", &[], text)?;
            out.close("tuv")?;
        }
        out.close("tu")?;
    }
    out.close("body")?;
    out.close("tmx")?;
    out.finish()
}

/// The glossary terms of `aids` as OmegaT's tab-separated glossary (one
/// line per term and translation, first appearance first), or `None` when
/// no unit has a term.
fn glossary_tsv(aids: &[Aids]) -> Option<String> {
    let mut lines: Vec<String> = Vec::new();
    for hint in aids.iter().flat_map(|a| &a.terms) {
        for translation in &hint.translations {
            let line = format!(
                "{}\t{}\tbrief glossary",
                glossary_field(&hint.term),
                glossary_field(translation)
            );
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
    }
    if lines.is_empty() {
        return None;
    }
    let mut text = String::from("# source\ttarget\tcomment (written by brief export)\n");
    for line in lines {
        text.push_str(&line);
        text.push('\n');
    }
    Some(text)
}

/// A glossary field on one line: a tab or line break inside a term would
/// start another field or entry, so every control character becomes a
/// space.
fn glossary_field(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}
