//! `brief merge`

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use clap::ValueEnum;
use serde::Serialize;

use brief::Config;
use brief::merge::{self, MergeResult, Problem, TranslatedSentence, Translation};
use brief::outfile::{self, OutFile};

use super::output;

/// Merge translated XLIFF, TMX, TSV or JSONL files back into translated briefs.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each unit is checked against what `brief export` stored: a changed source
(drift), a missing unit or empty target, an untranslated unit (a copy of
its source), a target in the wrong language (not one letter of the
language's script: Russian text in the Persian file), an unknown or
conflicting duplicate id, files of different
exports, units out of order, or a file whose metadata was lost (drift
cannot be checked without --reference) are reported by id on stderr and
give exit code 1; the translations are then printed (or written) only with
--allow-partial. A file that is not a valid XLIFF/TMX/TSV/JSONL file gives
exit code 2.

The translation checks of `brief check` (numbers, spelling, punctuation,
...; `[check]` in the configuration) then run and are reported on stderr
as `check: FILE:ID: [check] message`. They do not change the exit code
unless --strict: then a check error counts as a merge problem (exit code
1, nothing written without --allow-partial).

Examples:
  brief merge out/brief.fa.xliff20.xlf out/brief.ru.xliff20.xlf
  brief merge --format json translated/*.xlf > briefs.json
  brief merge --out-dir final --tmx final/brief.tmx translated/*.tmx
  brief merge --reference job/brief.fa.jsonl project/brief-fa-omegat.tmx
  brief merge --format jsonl desk/en/brief.fa.xliff20.xlf desk/en/brief.ru.xliff20.xlf > briefs.jsonl")]
pub struct Args {
    /// Translated files (XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL; UTF-8 or UTF-16 with BOM).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write brief.<lang>.txt/.md/.json into DIR instead of printing.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
    /// Also write one multilingual TMX (source and every target language) to FILE.
    #[arg(long, value_name = "FILE")]
    tmx: Option<PathBuf>,
    /// Output what could be merged even when problems were found (exit code still 1).
    #[arg(long)]
    allow_partial: bool,
    /// Overwrite existing output files.
    #[arg(long)]
    force: bool,
    /// A file of the original export (brief.reference.jsonl, its JSONL, or
    /// any file as exported): the truth about ids, sources, order and
    /// paragraphs, for files that lost brief's metadata and TMX memories
    /// without tuid. Default: brief.reference.jsonl beside the first input
    /// that has one.
    #[arg(long, value_name = "FILE")]
    reference: Option<PathBuf>,
    /// Translation check errors (see `brief check`) count as problems: exit
    /// code 1, and nothing written without --allow-partial.
    #[arg(long)]
    strict: bool,
    /// Add the merged translations (units without problems) to this TMX
    /// memory, created if missing; a changed translation replaces the old one.
    #[arg(long, value_name = "MEM.tmx")]
    update_tm: Option<PathBuf>,
    /// Take machine translation no translator has confirmed (`brief translate`'s
    /// marks still in place) as it is, instead of reporting it (exit code 1).
    /// Not with --update-tm: unreviewed machine translation stays out of memories.
    #[arg(long, conflicts_with = "update_tm")]
    accept_mt: bool,
}

/// Fixes the date written by --update-tm (Unix seconds), for reproducible
/// memories in tests; unset, the current time is used.
const TM_DATE_ENV: &str = "BRIEF_TM_DATE";

/// The memory at `path` with the translations of `result` without
/// problems added, ready to write, and what changed. Everything that can
/// fail on the memory's content (a malformed memory, no export id) fails
/// here, before any output is written.
fn update_memory(
    path: &std::path::Path,
    result: &MergeResult,
    files: &[brief::UnitFile],
    reference: Option<&merge::Reference>,
) -> anyhow::Result<(OutFile, brief::tm::UpdateSummary)> {
    let export_id = files
        .iter()
        .flat_map(|f| &f.units)
        .chain(reference.into_iter().flat_map(|r| &r.units))
        .find_map(|u| u.export_id.clone())
        .with_context(|| {
            format!(
                "{}: no export id in the merged files: give --reference",
                brief::escape::escape_path(path)
            )
        })?;
    let date = match std::env::var(TM_DATE_ENV) {
        Ok(v) => brief::tm::TmxDate::from_unix_seconds(v.trim().parse().with_context(|| {
            format!("{TM_DATE_ENV}={v:?}: expected a number of seconds since 1970")
        })?),
        Err(_) => brief::tm::TmxDate::now(),
    };
    let mut memory = if path.exists() {
        brief::tm::Memory::read_file(path)?
    } else {
        brief::tm::Memory::new()
    };
    let failed: std::collections::HashSet<(&str, &str)> = result
        .problems
        .iter()
        .map(|p| (p.lang.as_str(), p.id.as_str()))
        .collect();
    let new: Vec<brief::tm::NewTranslation<'_>> = result
        .translations
        .iter()
        .flat_map(|t| {
            t.sentences
                .iter()
                .filter(|s| !failed.contains(&(t.lang.as_str(), s.id.as_str())))
                .map(move |s| brief::tm::NewTranslation {
                    source: &s.source,
                    source_lang: &t.source_lang,
                    target: &s.target,
                    target_lang: &t.lang,
                })
        })
        .collect();
    let summary = memory.update(&new, &export_id, &date)?;
    let file = OutFile {
        path: path.to_path_buf(),
        contents: memory.to_tmx()?,
    };
    Ok((file, summary))
}

/// Writes the updated memory (atomically, under the directory's lock; it
/// replaces the old one, so always with force).
fn write_memory(file: &OutFile, summary: &brief::tm::UpdateSummary) -> anyhow::Result<()> {
    outfile::write_all_with(
        std::slice::from_ref(file),
        &outfile::WriteOptions::new(true),
        &mut |message| eprintln!("brief: warning: {message}"),
    )?;
    eprintln!(
        "brief: {}: {} added, {} updated, {} unchanged, {} skipped",
        brief::escape::escape_path(&file.path),
        summary.added,
        summary.updated,
        summary.unchanged,
        summary.skipped
    );
    Ok(())
}

/// Where a path leads: the file itself when it exists (links resolved),
/// else its resolved directory and its name.
fn resolved(path: &std::path::Path) -> PathBuf {
    if let Ok(p) = path.canonicalize() {
        return p;
    }
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => std::path::Path::new("."),
    };
    match (dir.canonicalize(), path.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => path.to_path_buf(),
    }
}

/// Refuses a run that would write over one of its own inputs (`--out-dir .`
/// beside a delivered `brief.fa.jsonl` with `--format jsonl`, `--tmx` naming
/// the delivered TMX) or write one file twice (`--tmx` = `--update-tm`,
/// which would replace the desk's memory by this merge's TMX): with
/// `--force` the translator's file would be gone.
fn check_outputs_distinct(
    outputs: &[&std::path::Path],
    inputs: &[&std::path::Path],
) -> anyhow::Result<()> {
    let inputs: Vec<PathBuf> = inputs.iter().map(|p| resolved(p)).collect();
    let mut written: Vec<PathBuf> = Vec::new();
    for out in outputs {
        let r = resolved(out);
        if inputs.contains(&r) {
            anyhow::bail!(
                "{}: is also an input of this merge; refusing to write over it (choose another output)",
                brief::escape::escape_path(out)
            );
        }
        if written.contains(&r) {
            anyhow::bail!(
                "{}: named twice as an output (--out-dir, --tmx, --update-tm); refusing to write it twice",
                brief::escape::escape_path(out)
            );
        }
        written.push(r);
    }
    Ok(())
}

/// Problems printed per file; the rest are counted (the JSON output lists all).
const PROBLEMS_SHOWN_PER_FILE: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// The translated brief; with several languages, each after a `== <lang> ==` line.
    Text,
    /// One JSON object: {"translations": [{"lang", "sentences", "text", ...}], "problems": [...]}.
    Json,
    /// Markdown: a `## <lang>` heading per language, one paragraph per source paragraph.
    Markdown,
    /// One JSON object per batch item and language, in batch order (`brief export --input jsonl`):
    /// {"id", "lang", "source_lang", "text", "sentences"}.
    Jsonl,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::Jsonl => "jsonl",
        }
    }
}

#[derive(Serialize)]
struct TranslationOut<'a> {
    lang: &'a str,
    source_lang: &'a str,
    segment_count: usize,
    sentences: &'a [TranslatedSentence],
    text: String,
}

#[derive(Serialize)]
struct MergeOut<'a> {
    translations: Vec<TranslationOut<'a>>,
    problems: &'a [Problem],
}

fn translation_out(t: &Translation) -> TranslationOut<'_> {
    TranslationOut {
        lang: &t.lang,
        source_lang: &t.source_lang,
        segment_count: t.segment_count,
        sentences: &t.sentences,
        text: t.text(),
    }
}

fn render(
    result: &MergeResult,
    only: Option<&Translation>,
    format: Format,
) -> anyhow::Result<Vec<u8>> {
    let translations: Vec<&Translation> = match only {
        Some(t) => vec![t],
        None => result.translations.iter().collect(),
    };
    let mut out = Vec::new();
    match format {
        Format::Json => {
            let value = MergeOut {
                translations: translations.iter().map(|t| translation_out(t)).collect(),
                problems: &result.problems,
            };
            serde_json::to_writer_pretty(&mut out, &value)?;
            out.push(b'\n');
        }
        Format::Text => {
            let several = translations.len() > 1;
            for (i, t) in translations.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                if several {
                    writeln!(out, "== {} ==", t.lang)?;
                }
                writeln!(out, "{}", t.text())?;
            }
        }
        Format::Jsonl => write_items(&mut out, &translations)?,
        Format::Markdown => {
            for (i, t) in translations.iter().enumerate() {
                if i > 0 {
                    out.push(b'\n');
                }
                writeln!(out, "## {}\n", t.lang)?;
                writeln!(out, "{}", t.text())?;
            }
        }
    }
    Ok(out)
}

/// The batch item a unit came from (see [`super::check::batch_item`]); a
/// name without the `#<n>` is its own item (a one-cluster export).
fn item_id(document: &str) -> &str {
    super::check::batch_item(document).unwrap_or(document)
}

#[derive(Serialize)]
struct ItemOut<'a> {
    id: &'a str,
    lang: &'a str,
    source_lang: &'a str,
    text: String,
    sentences: &'a [TranslatedSentence],
}

/// One line per item and language: items in the order of their first unit
/// (the batch order of the export), languages as merged.
fn write_items(out: &mut Vec<u8>, translations: &[&Translation]) -> anyhow::Result<()> {
    let mut order: Vec<&str> = Vec::new();
    let mut per_lang: Vec<std::collections::HashMap<&str, Translation>> = Vec::new();
    for t in translations {
        let mut items: std::collections::HashMap<&str, Translation> =
            std::collections::HashMap::new();
        for s in &t.sentences {
            let Some(document) = s.document.as_deref() else {
                anyhow::bail!(
                    "unit {} [{}] names no document, so its batch item is unknown \
                     (give --reference with the export's {})",
                    s.id,
                    t.lang,
                    merge::REFERENCE_FILE_NAME
                );
            };
            let id = item_id(document);
            let item = items.entry(id).or_insert_with(|| {
                order.push(id);
                Translation {
                    lang: t.lang.clone(),
                    source_lang: t.source_lang.clone(),
                    segment_count: t.segment_count,
                    sentences: Vec::new(),
                }
            });
            item.sentences.push(s.clone());
        }
        per_lang.push(items);
    }
    let mut listed = std::collections::HashSet::new();
    for id in order {
        if !listed.insert(id) {
            continue;
        }
        for items in &per_lang {
            if let Some(t) = items.get(id) {
                let line = ItemOut {
                    id,
                    lang: &t.lang,
                    source_lang: &t.source_lang,
                    text: t.text(),
                    sentences: &t.sentences,
                };
                serde_json::to_writer(&mut *out, &line)?;
                out.push(b'\n');
            }
        }
    }
    Ok(())
}

/// The reference copy beside the inputs (the first input directory that has
/// one), for when --reference is not given.
fn reference_beside(inputs: &[PathBuf]) -> Option<PathBuf> {
    inputs.iter().find_map(|p| {
        let dir = p.parent().unwrap_or(std::path::Path::new(""));
        let candidate = dir.join(merge::REFERENCE_FILE_NAME);
        candidate.is_file().then_some(candidate)
    })
}

/// The translated files and the export's reference (`reference`, else the
/// copy beside the inputs), as merge and check read them: the reference copy
/// among the inputs is skipped (`brief merge out/*`), and each file's
/// warnings are printed.
pub fn read_translations(
    paths: &[PathBuf],
    reference: Option<&std::path::Path>,
) -> anyhow::Result<(Vec<brief::UnitFile>, Option<merge::Reference>)> {
    let mut files = Vec::new();
    for path in paths {
        if path.file_name() == Some(std::ffi::OsStr::new(merge::REFERENCE_FILE_NAME)) {
            continue;
        }
        files.extend(merge::read_file(path)?);
    }
    if files.is_empty() {
        anyhow::bail!(
            "no translated file given ({} is the export's reference, not a translation)",
            merge::REFERENCE_FILE_NAME
        );
    }
    for f in &files {
        for w in &f.warnings {
            super::warn(format_args!(
                "{}: {}",
                brief::escape::escape_path(&f.path),
                brief::escape::escape(w)
            ));
        }
    }
    let reference = match reference
        .map(PathBuf::from)
        .or_else(|| reference_beside(paths))
    {
        Some(path) => Some(merge::read_reference(&path)?),
        None => None,
    };
    Ok((files, reference))
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let (files, reference) = read_translations(&args.files, args.reference.as_deref())?;
    let mut result = merge::merge_with_reference(&files, reference.as_ref());
    if args.accept_mt {
        result.accept_machine_translation();
    }
    // A file that is wrong everywhere must not flood the terminal: the
    // first problems of each file, then a count of the rest.
    let mut shown: std::collections::HashMap<&std::path::Path, usize> =
        std::collections::HashMap::new();
    for problem in &result.problems {
        let n = shown.entry(problem.file.as_path()).or_default();
        *n += 1;
        if *n <= PROBLEMS_SHOWN_PER_FILE {
            eprintln!("brief: {problem}");
        }
    }
    let mut capped: Vec<(&&std::path::Path, &usize)> = shown
        .iter()
        .filter(|(_, n)| **n > PROBLEMS_SHOWN_PER_FILE)
        .collect();
    capped.sort();
    for (path, n) in capped {
        eprintln!(
            "brief: {}: {} more problem(s) not shown (--format json lists them all)",
            brief::escape::escape_path(path),
            n - PROBLEMS_SHOWN_PER_FILE
        );
    }
    let check_errors = report_checks(
        &files,
        reference.as_ref(),
        config,
        !result.problems.is_empty(),
    );
    let strict_errors = if args.strict { check_errors } else { 0 };
    let problems = !result.problems.is_empty() || strict_errors > 0;
    if problems && !args.allow_partial {
        eprintln!(
            "brief: {} problem(s); nothing written (use --allow-partial to output what merged)",
            result.problems.len() + strict_errors
        );
        return Ok(super::exit::DATA_PROBLEMS);
    }
    let mut outputs = Vec::new();
    if let Some(dir) = &args.out_dir {
        for t in &result.translations {
            outputs.push(OutFile {
                path: dir.join(format!("brief.{}.{}", t.lang, args.format.extension())),
                contents: render(&result, Some(t), args.format)?,
            });
        }
    }
    if let Some(tmx) = &args.tmx {
        outputs.push(OutFile {
            path: tmx.clone(),
            contents: result.to_tmx()?,
        });
    }
    let memory = match &args.update_tm {
        Some(path) => Some(update_memory(path, &result, &files, reference.as_ref())?),
        None => None,
    };
    let written: Vec<&std::path::Path> = outputs
        .iter()
        .chain(memory.iter().map(|(f, _)| f))
        .map(|f| f.path.as_path())
        .collect();
    let read: Vec<&std::path::Path> = args
        .files
        .iter()
        .map(PathBuf::as_path)
        .chain(reference.iter().map(|r| r.path.as_path()))
        .collect();
    check_outputs_distinct(&written, &read)?;
    if let Some(dir) = &args.out_dir {
        std::fs::create_dir_all(dir).with_context(|| {
            format!(
                "{}: cannot create the directory",
                brief::escape::escape_path(dir)
            )
        })?;
    }
    outfile::write_all(&outputs, args.force)?;
    if let Some((file, summary)) = &memory {
        write_memory(file, summary)?;
    }
    if args.out_dir.is_none() {
        let mut out = output::stdout();
        out.write_all(&render(&result, None, args.format)?)?;
        out.flush()?;
    }
    Ok(if problems {
        super::exit::DATA_PROBLEMS
    } else {
        super::exit::OK
    })
}

/// Check findings shown by merge when it found problems of its own: those
/// come first, and the rest is `brief check`'s job.
const CHECKS_SHOWN_AFTER_PROBLEMS: usize = 5;

/// Runs `brief check`'s checks on the merged files and reports them on
/// stderr, the first [`PROBLEMS_SHOWN_PER_FILE`] in all (fewer when merge
/// has problems of its own) and then a count; returns the number of
/// errors. `empty` and `untranslated` are left out: merge reports those
/// units itself (missing target, untranslated).
fn report_checks(
    files: &[brief::UnitFile],
    reference: Option<&merge::Reference>,
    config: &Config,
    merge_problems: bool,
) -> usize {
    let mut settings = config.check.clone();
    settings.empty = false;
    settings.untranslated = false;
    let reports = super::check::check_files(files, reference, &settings, None);
    let cap = if merge_problems {
        CHECKS_SHOWN_AFTER_PROBLEMS
    } else {
        PROBLEMS_SHOWN_PER_FILE
    };
    // --quiet keeps errors only.
    let shown: Vec<_> = reports
        .iter()
        .filter(|r| r.is_error() || !super::globals().quiet)
        .collect();
    for report in shown.iter().take(cap) {
        eprintln!("brief: check: {}", report.text_line());
    }
    if shown.len() > cap {
        eprintln!(
            "brief: check: {} more finding(s) not shown (brief check lists them all)",
            shown.len() - cap
        );
    }
    reports.iter().filter(|r| r.is_error()).count()
}

#[cfg(test)]
mod item_id_tests {
    #[test]
    fn the_item_is_the_name_before_the_last_document_number() {
        assert_eq!(super::item_id("desk/a1#0"), "desk/a1");
        assert_eq!(super::item_id("wire#7#12"), "wire#7");
        assert_eq!(super::item_id("article.txt"), "article.txt");
        assert_eq!(super::item_id("tag#x"), "tag#x");
        assert_eq!(super::item_id("ends#"), "ends#");
    }
}
