//! The translator's side of the package: merge, check and memory update,
//! each through the library's job that the CLI runs, so that both give
//! the same answer for the same files. Results are JSON text, as in
//! [`crate::library`].

use std::path::{Path, PathBuf};

use serde::Serialize;

use brief::job::{TranslatedFiles, TranslatedInput};
use brief::tm::TmxDate;

use crate::library::Result;

/// A translated file: read from a path, or given as bytes with a name.
pub enum MergeInput {
    /// A file on disk.
    Path(PathBuf),
    /// Contents in memory; the name is used in messages and to tell the format.
    Bytes(String, Vec<u8>),
}

/// The files with their export's reference (`reference`, else the one
/// beside the inputs on disk), as the CLI reads them: files beside two or
/// more references are the sets of a batch, each with its own reference
/// and labelled by its directory (`en`, `ru`); one set has an empty label.
fn translated(
    inputs: &[MergeInput],
    reference: Option<&Path>,
) -> Result<Vec<(PathBuf, TranslatedFiles)>> {
    let inputs: Vec<TranslatedInput> = inputs
        .iter()
        .map(|i| match i {
            MergeInput::Path(p) => TranslatedInput::Path(p.clone()),
            MergeInput::Bytes(name, contents) => TranslatedInput::Bytes {
                name: PathBuf::from(name),
                contents: contents.clone(),
            },
        })
        .collect();
    Ok(TranslatedFiles::read_input_sets(&inputs, reference)?)
}

/// What the readers noticed in the files of every set (a language of the
/// export no file is in, a file that lost brief's metadata), as the CLI
/// warns of them: `FILE: message`, escaped.
pub fn reader_warnings(sets: &[(PathBuf, TranslatedFiles)]) -> Vec<String> {
    sets.iter()
        .flat_map(|(_, t)| &t.warnings)
        .map(|(path, w)| {
            format!(
                "{}: {}",
                brief::escape::escape_path(path),
                brief::escape::escape(w)
            )
        })
        .collect()
}

/// A set's label as the CLI names it (`en`, `ru`), when there are several.
fn label(sets: &[(PathBuf, TranslatedFiles)], path: &Path) -> Option<String> {
    (sets.len() > 1).then(|| path.to_string_lossy().into_owned())
}

#[derive(Serialize)]
struct TranslationOut<'a> {
    /// The set (several sets only).
    #[serde(skip_serializing_if = "Option::is_none")]
    set: Option<String>,
    lang: &'a str,
    source_lang: &'a str,
    segment_count: usize,
    sentences: &'a [brief::merge::TranslatedSentence],
    text: String,
}

#[derive(Serialize)]
struct ProblemOut<'a> {
    /// The set (several sets only).
    #[serde(skip_serializing_if = "Option::is_none")]
    set: Option<String>,
    #[serde(flatten)]
    problem: &'a brief::merge::Problem,
    message: String,
}

#[derive(Serialize)]
struct SetOut {
    set: String,
    reference: Option<String>,
}

#[derive(Serialize)]
struct MergeOut<'a> {
    translations: Vec<TranslationOut<'a>>,
    problems: Vec<ProblemOut<'a>>,
    checks: Vec<&'a brief::job::CheckProblem>,
    /// What `brief merge` counts as problems with the same flags (with
    /// `--strict`, the check errors too): exit code 1 exactly when not 0.
    problem_count: usize,
    /// The reference of the one set (several sets: `None`, see `sets`).
    reference: Option<String>,
    /// Several sets: each set's label and reference, in order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sets: Vec<SetOut>,
}

/// The problems of `outcomes`, each with its set's label when there are
/// several sets.
fn problems_out<'a>(
    sets: &[(PathBuf, TranslatedFiles)],
    outcomes: &'a [brief::job::MergeOutcome],
) -> Vec<ProblemOut<'a>> {
    sets.iter()
        .zip(outcomes)
        .flat_map(|((path, _), o)| {
            let set = label(sets, path);
            o.result.problems.iter().map(move |p| ProblemOut {
                set: set.clone(),
                problem: p,
                message: p.to_string(),
            })
        })
        .collect()
}

/// What the CLI's merge flags accept as no problem.
#[derive(Debug, Clone, Copy, Default)]
pub struct Accept {
    /// `--allow-partial`: a target language of the export with no file is
    /// no problem (the languages given are merged).
    pub missing_languages: bool,
    /// `--accept-mt`: machine translation no translator confirmed is taken
    /// as it is.
    pub machine_translation: bool,
}

/// Merges every set, each against its own reference, and drops the
/// problems `accept` accepts, as `brief merge` does with its flags.
fn merge_outcomes(
    sets: &[(PathBuf, TranslatedFiles)],
    accept: Accept,
    config: &brief::Config,
) -> Vec<brief::job::MergeOutcome> {
    let mut outcomes = brief::job::merge_sets(sets, &config.check);
    for outcome in &mut outcomes {
        if accept.machine_translation {
            outcome.result.accept_machine_translation();
        }
        if accept.missing_languages {
            outcome.result.accept_missing_languages();
        }
    }
    outcomes
}

/// Reads and merges translated files through the CLI's merge job, as
/// `brief merge --format json` (each problem also carries the CLI's
/// `message`; `checks` are the check findings merge reports on stderr);
/// with `tmx`, also the multilingual TMX of `--tmx FILE`. Several sets
/// (files beside two or more references) are merged each against its own
/// reference, as the CLI merges them: every translation and problem then
/// names its `set`, `sets` lists them, and the TMX holds every set's units.
/// `strict` (`--strict`) counts the check errors as problems in
/// `problem_count`, by the merge job's own rule.
pub fn merge(
    inputs: &[MergeInput],
    reference: Option<&Path>,
    tmx: bool,
    accept: Accept,
    strict: bool,
    config: &brief::Config,
) -> Result<(String, Option<Vec<u8>>, Vec<String>)> {
    let sets = translated(inputs, reference)?;
    let outcomes = merge_outcomes(&sets, accept, config);
    let reference_of = |t: &TranslatedFiles| {
        t.reference
            .as_ref()
            .map(|r| r.path.to_string_lossy().into_owned())
    };
    let out = MergeOut {
        translations: sets
            .iter()
            .zip(&outcomes)
            .flat_map(|((path, _), o)| {
                let set = label(&sets, path);
                o.result.translations.iter().map(move |t| TranslationOut {
                    set: set.clone(),
                    lang: &t.lang,
                    source_lang: &t.source_lang,
                    segment_count: t.segment_count,
                    sentences: &t.sentences,
                    text: t.text(),
                })
            })
            .collect(),
        problems: problems_out(&sets, &outcomes),
        checks: outcomes.iter().flat_map(|o| &o.checks).collect(),
        problem_count: outcomes.iter().map(|o| o.problems(strict)).sum(),
        reference: match &sets[..] {
            [(_, one)] => reference_of(one),
            _ => None,
        },
        sets: match &sets[..] {
            [_] => Vec::new(),
            _ => sets
                .iter()
                .map(|(path, t)| SetOut {
                    set: path.to_string_lossy().into_owned(),
                    reference: reference_of(t),
                })
                .collect(),
        },
    };
    let memory = if tmx {
        let results: Vec<&brief::merge::MergeResult> = outcomes.iter().map(|o| &o.result).collect();
        Some(brief::merge::MergeResult::sets_to_tmx(&results)?)
    } else {
        None
    };
    Ok((serde_json::to_string(&out)?, memory, reader_warnings(&sets)))
}

/// Checks translated files through the CLI's check job: the JSON object
/// of `brief check --format json`.
pub fn check(
    inputs: &[MergeInput],
    reference: Option<&Path>,
    glossary: Option<&Path>,
    max_input: u64,
    config: &brief::Config,
) -> Result<(String, Vec<String>)> {
    let sets = translated(inputs, reference)?;
    let report = brief::job::check_sets_limited(&sets, &config.check, glossary, max_input)?;
    Ok((serde_json::to_string(&report)?, reader_warnings(&sets)))
}

/// What `update_memory` did, counted as the CLI counts it: the
/// `translations_*` counters add up to the translations given, the
/// `units_*` ones count `<tu>` elements.
#[derive(Serialize, Default)]
struct MemoryOut<'a> {
    written: bool,
    translations_added: usize,
    translations_replaced: usize,
    translations_unchanged: usize,
    translations_skipped: usize,
    units_added: usize,
    units_updated: usize,
    conflicts: Vec<brief::job::MemoryConflict>,
    problems: Vec<ProblemOut<'a>>,
}

/// Merges `inputs` and adds their translations to the memory at `memory`,
/// as `brief merge --update-tm MEMORY`: with merge problems nothing is
/// written unless `allow_partial` (which, as `--allow-partial`, also
/// takes a missing target language as no problem); `date` (Unix seconds) dates the new
/// entries, else now.
pub fn update_memory(
    memory: &Path,
    inputs: &[MergeInput],
    reference: Option<&Path>,
    date: Option<u64>,
    allow_partial: bool,
    config: &brief::Config,
) -> Result<(String, Vec<String>)> {
    let sets = translated(inputs, reference)?;
    let warnings = reader_warnings(&sets);
    // `--allow-partial` with `--update-tm`: the languages given are added.
    let accept = Accept {
        missing_languages: allow_partial,
        machine_translation: false,
    };
    let outcomes = merge_outcomes(&sets, accept, config);
    let date = date.map_or_else(TmxDate::now, TmxDate::from_unix_seconds);
    let problems = problems_out(&sets, &outcomes);
    if !problems.is_empty() && !allow_partial {
        let out = MemoryOut {
            problems,
            ..MemoryOut::default()
        };
        return Ok((serde_json::to_string(&out)?, warnings));
    }
    let options = brief::outfile::WriteOptions::new(false);
    let merged: Vec<(&brief::merge::MergeResult, &TranslatedFiles)> = outcomes
        .iter()
        .zip(&sets)
        .map(|(o, (_, t))| (&o.result, t))
        .collect();
    // Every set's translations in one update of the memory: all or none.
    let update = brief::job::update_memory_sets(memory, &merged, &date, options.lock_wait)?;
    let s = update.summary();
    let conflicts = brief::job::memory_conflicts(&update, &merged);
    // An update that changes nothing leaves the file as it was (or absent).
    let written = update.target().is_some();
    update.commit(&options, &mut |_| {})?;
    let out = serde_json::to_string(&MemoryOut {
        written,
        translations_added: s.translations_added,
        translations_replaced: s.translations_replaced,
        translations_unchanged: s.translations_unchanged,
        translations_skipped: s.translations_skipped,
        units_added: s.units_added,
        units_updated: s.units_updated,
        conflicts,
        problems,
    })?;
    Ok((out, warnings))
}
