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

/// The files and the export's reference (`reference`, else the one beside
/// the inputs on disk), as the CLI reads them.
fn translated(inputs: &[MergeInput], reference: Option<&Path>) -> Result<TranslatedFiles> {
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
    Ok(TranslatedFiles::read(&inputs, reference)?)
}

#[derive(Serialize)]
struct TranslationOut<'a> {
    lang: &'a str,
    source_lang: &'a str,
    segment_count: usize,
    sentences: &'a [brief::merge::TranslatedSentence],
    text: String,
}

#[derive(Serialize)]
struct ProblemOut<'a> {
    #[serde(flatten)]
    problem: &'a brief::merge::Problem,
    message: String,
}

#[derive(Serialize)]
struct MergeOut<'a> {
    translations: Vec<TranslationOut<'a>>,
    problems: Vec<ProblemOut<'a>>,
    checks: &'a [brief::job::CheckProblem],
    reference: Option<String>,
}

/// Reads and merges translated files through the CLI's merge job, as
/// `brief merge --format json` (each problem also carries the CLI's
/// `message`; `checks` are the check findings merge reports on stderr);
/// with `tmx`, also the multilingual TMX of `--tmx FILE`.
pub fn merge(
    inputs: &[MergeInput],
    reference: Option<&Path>,
    tmx: bool,
    config: &brief::Config,
) -> Result<(String, Option<Vec<u8>>)> {
    let translated = translated(inputs, reference)?;
    let outcome = brief::job::merge(&translated, &config.check);
    let result = &outcome.result;
    let out = MergeOut {
        translations: result
            .translations
            .iter()
            .map(|t| TranslationOut {
                lang: &t.lang,
                source_lang: &t.source_lang,
                segment_count: t.segment_count,
                sentences: &t.sentences,
                text: t.text(),
            })
            .collect(),
        problems: result
            .problems
            .iter()
            .map(|p| ProblemOut {
                problem: p,
                message: p.to_string(),
            })
            .collect(),
        checks: &outcome.checks,
        reference: translated
            .reference
            .as_ref()
            .map(|r| r.path.to_string_lossy().into_owned()),
    };
    let memory = if tmx { Some(result.to_tmx()?) } else { None };
    Ok((serde_json::to_string(&out)?, memory))
}

/// Checks translated files through the CLI's check job: the JSON object
/// of `brief check --format json`.
pub fn check(
    inputs: &[MergeInput],
    reference: Option<&Path>,
    glossary: Option<&Path>,
    config: &brief::Config,
) -> Result<String> {
    let translated = translated(inputs, reference)?;
    let report = brief::job::check(&translated, &config.check, glossary)?;
    Ok(serde_json::to_string(&report)?)
}

#[derive(Serialize)]
struct MemoryOut<'a> {
    written: bool,
    added: usize,
    updated: usize,
    unchanged: usize,
    skipped: usize,
    problems: Vec<ProblemOut<'a>>,
}

/// Merges `inputs` and adds their translations to the memory at `memory`,
/// as `brief merge --update-tm MEMORY`: with merge problems nothing is
/// written unless `allow_partial`; `date` (Unix seconds) dates the new
/// entries, else now.
pub fn update_memory(
    memory: &Path,
    inputs: &[MergeInput],
    reference: Option<&Path>,
    date: Option<u64>,
    allow_partial: bool,
    config: &brief::Config,
) -> Result<String> {
    let translated = translated(inputs, reference)?;
    let outcome = brief::job::merge(&translated, &config.check);
    let date = date.map_or_else(TmxDate::now, TmxDate::from_unix_seconds);
    let problems = outcome
        .result
        .problems
        .iter()
        .map(|p| ProblemOut {
            problem: p,
            message: p.to_string(),
        })
        .collect();
    if !outcome.result.problems.is_empty() && !allow_partial {
        return Ok(serde_json::to_string(&MemoryOut {
            written: false,
            added: 0,
            updated: 0,
            unchanged: 0,
            skipped: 0,
            problems,
        })?);
    }
    let options = brief::outfile::WriteOptions::new(false);
    let update = brief::job::update_memory(
        memory,
        &outcome.result,
        &translated,
        &date,
        options.lock_wait,
    )?;
    let s = update.summary();
    update.commit(&options, &mut |_| {})?;
    Ok(serde_json::to_string(&MemoryOut {
        written: true,
        added: s.added,
        updated: s.updated,
        unchanged: s.unchanged,
        skipped: s.skipped,
        problems,
    })?)
}
