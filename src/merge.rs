//! Merging translated files back into translated briefs.
//!
//! [`read_file`] reads a translated XLIFF 2.x/1.2, TMX, TSV or JSONL file
//! written by an [`Export`](crate::Export) (and filled by a CAT tool or an MT
//! engine).
//! [`merge`] then checks every unit against the data stored at export time
//! and assembles one [`Translation`] per target language, in brief order:
//!
//! - *drift*: the source text no longer matches its fingerprint;
//! - *missing*: an exported unit is absent, or its target is empty;
//! - *unknown*: an id that the export did not produce;
//! - *duplicate*: the same id twice for one language.
//!
//! ```
//! use brief::{Config, Document, Export, Format, TargetMode};
//! let doc = brief::analyze(Document::new("a.txt", "Hello there. Goodbye now."), &Config::default());
//! let export = Export::all_sentences(&[doc], None);
//! let tsv = export.render(Format::Tsv, &"ru".parse().unwrap(), TargetMode::Empty).unwrap();
//! // An MT engine fills the target column (the fifth).
//! let filled: String = String::from_utf8(tsv).unwrap().lines().enumerate().map(|(i, l)| {
//!     let mut f: Vec<String> = l.split('\t').map(str::to_string).collect();
//!     if i > 0 { f[4] = format!("перевод {i}"); }
//!     f.join("\t") + "\n"
//! }).collect();
//! let files = brief::merge::read_bytes(filled.into_bytes(), "brief.ru.tsv".as_ref()).unwrap();
//! let result = brief::merge::merge(&files);
//! assert!(result.problems.is_empty());
//! assert_eq!(result.translations[0].text(), "перевод 1 перевод 2");
//! ```

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::Result;
use crate::formats::tmx::{self, TmxUnit};
use crate::formats::{LanguageTag, Unit, UnitFile, fingerprint};

pub use crate::formats::{read_bytes, read_file};

/// What is wrong with one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The source text was changed after export.
    Drift,
    /// An exported unit is not in any file for the language.
    MissingUnit,
    /// The unit's target is absent or empty.
    EmptyTarget,
    /// The id is not one the export produced.
    UnknownId,
    /// The id appears more than once for the language.
    DuplicateId,
}

/// A problem found while merging, named by unit id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Problem {
    /// The target language.
    pub lang: String,
    /// The unit id.
    pub id: String,
    /// What is wrong.
    pub kind: ProblemKind,
    /// The file it was found in (the first file of the language for missing units).
    pub file: PathBuf,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            ProblemKind::Drift => "drift: the source text was changed after export",
            ProblemKind::MissingUnit => "missing: the unit is not in the file",
            ProblemKind::EmptyTarget => "missing translation: the target is empty",
            ProblemKind::UnknownId => "unknown id: not produced by the export",
            ProblemKind::DuplicateId => "duplicate id: appears more than once",
        };
        write!(
            f,
            "{}: {} [{}]: {what}",
            self.file.display(),
            self.id,
            self.lang
        )
    }
}

/// One translated sentence in the assembled brief.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TranslatedSentence {
    /// The unit id.
    pub id: String,
    /// The source text.
    pub source: String,
    /// The translation, exactly as found in the file.
    pub target: String,
    /// The source document's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// One-based document index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_index: Option<usize>,
    /// One-based paragraph number in the document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

/// The assembled brief for one target language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Translation {
    /// The target language tag.
    pub lang: String,
    /// The source language tag.
    pub source_lang: String,
    /// The number of segments in the export.
    pub segment_count: usize,
    /// The translated sentences in brief order (only those with a target).
    pub sentences: Vec<TranslatedSentence>,
}

impl Translation {
    /// Sentences grouped into paragraphs: a new paragraph starts where the
    /// document or the source paragraph changes.
    pub fn paragraphs(&self) -> Vec<Vec<&TranslatedSentence>> {
        let mut out: Vec<Vec<&TranslatedSentence>> = Vec::new();
        let mut last: Option<(Option<usize>, Option<usize>)> = None;
        for s in &self.sentences {
            let key = (s.document_index, s.paragraph);
            match out.last_mut() {
                Some(p) if last == Some(key) => p.push(s),
                _ => out.push(vec![s]),
            }
            last = Some(key);
        }
        out
    }

    /// The brief as plain text: sentences joined by spaces, paragraphs by a
    /// blank line.
    pub fn text(&self) -> String {
        self.paragraphs()
            .iter()
            .map(|p| {
                p.iter()
                    .map(|s| s.target.trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The outcome of [`merge`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeResult {
    /// One translation per target language, sorted by language tag.
    pub translations: Vec<Translation>,
    /// Every problem found, by language and id.
    pub problems: Vec<Problem>,
    /// Per language and id, the source segment data (for the multilingual TMX).
    #[serde(skip)]
    sources: BTreeMap<String, Unit>,
}

/// The number in an id `s<N>`.
fn id_number(id: &str) -> Option<usize> {
    id.strip_prefix('s')
        .filter(|n| !n.starts_with('0'))
        .and_then(|n| n.parse().ok())
}

/// Checks and assembles translated files (see the module docs).
pub fn merge(files: &[UnitFile]) -> MergeResult {
    let mut by_lang: BTreeMap<&str, Vec<&UnitFile>> = BTreeMap::new();
    for f in files {
        by_lang.entry(f.target_lang.as_str()).or_default().push(f);
    }
    let mut translations = Vec::new();
    let mut problems = Vec::new();
    let mut sources: BTreeMap<String, Unit> = BTreeMap::new();
    for (lang, files) in by_lang {
        let first_path = files.first().map(|f| f.path.clone()).unwrap_or_default();
        let source_lang = files
            .first()
            .map(|f| f.source_lang.clone())
            .unwrap_or_default();
        let units: Vec<(&Unit, &PathBuf)> = files
            .iter()
            .flat_map(|f| f.units.iter().map(move |u| (u, &f.path)))
            .collect();
        let count = units
            .iter()
            .filter_map(|(u, _)| u.segment_count)
            .max()
            .or_else(|| units.iter().filter_map(|(u, _)| id_number(&u.id)).max())
            .unwrap_or(0);
        let mut problem = |id: &str, kind, file: &PathBuf| {
            problems.push(Problem {
                lang: lang.to_string(),
                id: id.to_string(),
                kind,
                file: file.clone(),
            });
        };
        let mut seen: BTreeMap<usize, (&Unit, &PathBuf)> = BTreeMap::new();
        let mut reported_dup = BTreeSet::new();
        for &(unit, path) in &units {
            let n = id_number(&unit.id).filter(|n| (1..=count).contains(n));
            let Some(n) = n else {
                problem(&unit.id, ProblemKind::UnknownId, path);
                continue;
            };
            if seen.contains_key(&n) {
                if reported_dup.insert(n) {
                    problem(&unit.id, ProblemKind::DuplicateId, path);
                }
                continue;
            }
            seen.insert(n, (unit, path));
        }
        let mut sentences = Vec::new();
        // Missing units are reported one run of consecutive ids at a time
        // ("s4", or "s4-s9"), so a file that claims a huge segment count
        // cannot flood the report or memory.
        let mut missing_from = 1usize;
        let missing =
            |from: usize, to: usize, problem: &mut dyn FnMut(&str, ProblemKind, &PathBuf)| {
                if from == to {
                    problem(&format!("s{from}"), ProblemKind::MissingUnit, &first_path);
                } else if from < to {
                    problem(
                        &format!("s{from}-s{to}"),
                        ProblemKind::MissingUnit,
                        &first_path,
                    );
                }
            };
        for (&n, &(unit, path)) in &seen {
            if n > missing_from {
                missing(missing_from, n - 1, &mut problem);
            }
            missing_from = n + 1;
            if unit
                .fingerprint
                .as_deref()
                .is_some_and(|fp| fp != fingerprint(&unit.source))
            {
                problem(&unit.id, ProblemKind::Drift, path);
            }
            sources
                .entry(unit.id.clone())
                .or_insert_with(|| unit.clone());
            match unit.target.as_deref() {
                Some(t) if !t.trim().is_empty() => sentences.push(TranslatedSentence {
                    id: unit.id.clone(),
                    source: unit.source.clone(),
                    target: t.to_string(),
                    document: unit.document.clone(),
                    document_index: unit.document_index,
                    paragraph: unit.paragraph,
                }),
                _ => problem(&unit.id, ProblemKind::EmptyTarget, path),
            }
        }
        if missing_from <= count {
            missing(missing_from, count, &mut problem);
        }
        translations.push(Translation {
            lang: lang.to_string(),
            source_lang,
            segment_count: count,
            sentences,
        });
    }
    problems.sort_by(|a, b| {
        // A run of missing ids ("s4-s9") sorts by its first id.
        let key =
            |p: &Problem| id_number(p.id.split('-').next().unwrap_or("")).unwrap_or(usize::MAX);
        (&a.lang, key(a), &a.id, a.kind).cmp(&(&b.lang, key(b), &b.id, b.kind))
    });
    MergeResult {
        translations,
        problems,
        sources,
    }
}

impl MergeResult {
    /// One multilingual TMX 1.4b memory: each unit's source and every
    /// language's translation of it.
    pub fn to_tmx(&self) -> Result<Vec<u8>> {
        let source_lang = self
            .translations
            .first()
            .map(|t| t.source_lang.as_str())
            .unwrap_or("en");
        let source_tag: LanguageTag = source_lang
            .parse()
            .unwrap_or_else(|_| LanguageTag::from_lang(crate::Lang::EN));
        let total = self
            .translations
            .iter()
            .map(|t| t.segment_count)
            .max()
            .unwrap_or(0);
        // One lookup table per language, so the memory is built in n·log n.
        let by_id: Vec<(Option<LanguageTag>, HashMap<&str, &str>)> = self
            .translations
            .iter()
            .map(|t| {
                let targets = t
                    .sentences
                    .iter()
                    .map(|s| (s.id.as_str(), s.target.as_str()))
                    .collect();
                (t.lang.parse().ok(), targets)
            })
            .collect();
        let mut ids: Vec<&Unit> = self.sources.values().collect();
        ids.sort_by_key(|u| id_number(&u.id));
        let mut sources: Vec<Unit> = Vec::with_capacity(ids.len());
        let mut targets: Vec<Vec<(LanguageTag, String)>> = Vec::with_capacity(ids.len());
        for unit in ids {
            let t: Vec<(LanguageTag, String)> = by_id
                .iter()
                .filter_map(|(tag, map)| {
                    Some((tag.clone()?, map.get(unit.id.as_str())?.to_string()))
                })
                .collect();
            if t.is_empty() {
                continue;
            }
            let mut u = unit.clone();
            u.target = None;
            u.fingerprint = Some(fingerprint(&u.source));
            u.segment_count = Some(total);
            sources.push(u);
            targets.push(t);
        }
        let rows: Vec<TmxUnit> = sources
            .iter()
            .zip(targets)
            .map(|(unit, targets)| TmxUnit { unit, targets })
            .collect();
        tmx::write(&source_tag, &rows, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, source: &str, target: Option<&str>) -> Unit {
        let mut u = Unit::new(id, source, target.map(str::to_string));
        u.fingerprint = Some(fingerprint(source));
        u.segment_count = Some(3);
        u
    }

    use crate::Format;

    fn file(units: Vec<Unit>) -> UnitFile {
        UnitFile {
            path: "f.xlf".into(),
            format: Format::Xliff20,
            source_lang: "en".into(),
            target_lang: "fa".into(),
            units,
        }
    }

    #[test]
    fn every_kind_of_problem_is_reported_by_id() {
        let mut drifted = unit("s2", "Two.", Some("دو"));
        drifted.source = "Two!".into();
        let f = file(vec![
            unit("s1", "One.", Some("یک")),
            drifted,
            unit("s1", "One.", Some("یک")),
            unit("s9", "Nine.", Some("نه")),
            unit("x", "X.", Some("x")),
        ]);
        let r = merge(&[f]);
        let got: Vec<(&str, ProblemKind)> =
            r.problems.iter().map(|p| (p.id.as_str(), p.kind)).collect();
        assert_eq!(
            got,
            [
                ("s1", ProblemKind::DuplicateId),
                ("s2", ProblemKind::Drift),
                ("s3", ProblemKind::MissingUnit),
                ("s9", ProblemKind::UnknownId),
                ("x", ProblemKind::UnknownId),
            ]
        );
    }

    #[test]
    fn missing_units_are_reported_as_runs_even_for_absurd_counts() {
        // Found by the import_tsv fuzz target: a segment count of u64::MAX
        // made merge list every missing id, without bound.
        let mut one = unit("s2", "Two.", Some("دو"));
        one.segment_count = Some(usize::MAX);
        let mut far = unit("s7", "Seven.", Some("هفت"));
        far.segment_count = Some(7);
        let r = merge(&[file(vec![one, far])]);
        let got: Vec<(&str, ProblemKind)> =
            r.problems.iter().map(|p| (p.id.as_str(), p.kind)).collect();
        let tail = format!("s8-s{}", usize::MAX);
        assert_eq!(
            got,
            [
                ("s1", ProblemKind::MissingUnit),
                ("s3-s6", ProblemKind::MissingUnit),
                (tail.as_str(), ProblemKind::MissingUnit),
            ]
        );
        assert_eq!(r.translations[0].text(), "دو هفت");
    }

    #[test]
    fn a_clean_file_merges_in_order() {
        let f = file(vec![
            unit("s3", "Three.", Some("سه")),
            unit("s1", "One.", Some("یک")),
            unit("s2", "Two.", Some("دو")),
        ]);
        let r = merge(&[f]);
        assert!(r.problems.is_empty());
        assert_eq!(r.translations[0].text(), "یک دو سه");
        let tmx = String::from_utf8(r.to_tmx().unwrap()).unwrap();
        assert!(tmx.contains(r#"<tuv xml:lang="fa">"#));
    }

    #[test]
    fn empty_targets_are_missing_translations() {
        let f = file(vec![
            unit("s1", "One.", Some(" ")),
            unit("s2", "Two.", None),
            unit("s3", "Three.", Some("سه")),
        ]);
        let r = merge(&[f]);
        assert_eq!(r.problems.len(), 2);
        assert!(
            r.problems
                .iter()
                .all(|p| p.kind == ProblemKind::EmptyTarget)
        );
    }
}
