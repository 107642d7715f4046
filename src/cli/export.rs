//! `brief export`

use std::io::Write;
use std::path::PathBuf;

use brief::job::{
    ExportJob, ExportOptions, ExportOutcome, ExportedItem, FormatName, Selection, TranslationAids,
};
use brief::{Config, Lang, LanguageTag, TargetMode};

use super::summarize::LengthArgs;
use super::{batch, output};

/// Write the brief (or every sentence) as XLIFF, TMX, TSV or JSONL files for translators.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Several INPUT files form ONE cluster, as for `brief summarize`.
Files are named DIR/brief.<lang>.<format>.xlf (XLIFF), DIR/brief.<lang>.tmx,
DIR/brief.<lang>.tsv and DIR/brief.<lang>.jsonl; DIR/brief.reference.jsonl
keeps the export's units for `brief merge` (not a file to translate). Every
file carries the export id. No file is written for a target in the source
language. Existing files are never
overwritten without --force; if any target exists, nothing is written.

Examples:
  brief export seeds/en-putin-assad-aleppo.txt --out-dir out
  brief export --all --to fa-IR,ru --format xliff20,xliff12,tmx --out-dir out article.txt
  brief export --words 100 --format tsv,jsonl --out-dir mt seeds/en-*.txt
  brief export --input jsonl --to fa,ru --format xliff20 --out-dir desk batch.jsonl

With --input jsonl, each line is one item {\"id\", \"text\" | \"documents\",
\"lang\"?, \"query\"?} as for `brief summarize`: one brief per item, all items of
one source language in one file set under DIR/<lang>/, each unit's document
named <item id>#<n>; `brief merge --format jsonl` gives one line per item.")]
pub struct Args {
    /// Input files (one cluster); `-` or nothing reads standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,
    /// Target languages (BCP 47 tags, comma-separated); default: [export] targets.
    #[arg(long, value_name = "LANGS", value_delimiter = ',', value_parser = parse_tag)]
    to: Vec<LanguageTag>,
    /// Formats (comma-separated): xliff20, xliff21, xliff12, tmx, tsv, jsonl, or omegat (an OmegaT
    /// project DIR/brief.<lang>.omegat/); default: [export] formats.
    #[arg(long, value_name = "LIST", value_delimiter = ',', value_parser = parse_format)]
    format: Vec<FormatName>,
    /// Directory to write the files to (created if missing).
    #[arg(long, value_name = "DIR")]
    out_dir: PathBuf,
    #[command(flatten)]
    length: LengthArgs,
    /// Export every sentence of the inputs instead of the brief.
    #[arg(long, conflicts_with = "length")]
    all: bool,
    /// Target handling: empty (default), source (copy of the source) or none.
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    target: Option<TargetMode>,
    /// Source language tag written into the files (e.g. en-GB); default: the detected code.
    #[arg(long, value_name = "TAG", value_parser = parse_tag)]
    source_tag: Option<LanguageTag>,
    /// Language of every input (ISO 639 code); overrides detection and TOML.
    #[arg(long, value_name = "CODE")]
    lang: Option<Lang>,
    /// Overwrite existing files.
    #[arg(long)]
    force: bool,
    /// How INPUT is read: text (one cluster; web pages by name or content), html (one cluster of
    /// web pages) or jsonl (one brief per item, see docs/formats.md).
    #[arg(long, value_enum, default_value_t = super::InputKind::Text)]
    input: super::InputKind,
    /// Translation memory (TMX 1.4b; repeatable, first wins): exact matches
    /// become translated targets, fuzzy matches candidates (every item of a batch too).
    #[arg(long = "tm", value_name = "MEM.tmx")]
    memories: Vec<PathBuf>,
    /// Glossary (CSV/TSV with a `source,fa,ru,...` header, or TBX): terms
    /// found in a source are written beside it (every item of a batch too;
    /// a batch's set in one of its target languages goes without, with a warning).
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// Pre-fill the empty targets with this machine translation engine
    /// (libretranslate or deepl), as `brief translate` would, before
    /// anything is written; memory matches (--tm) are kept.
    #[cfg(feature = "mt")]
    #[arg(long, value_name = "ENGINE", value_parser = super::translate::parse_engine)]
    mt: Option<brief::mt::Engine>,
    /// The engine's base URL for --mt; default: [mt] url.
    #[cfg(feature = "mt")]
    #[arg(long, value_name = "URL", requires = "mt")]
    mt_url: Option<String>,
}

impl Args {
    /// Whether the command reads a translation memory (the binary then
    /// chooses a leaner allocation policy, `main.rs`).
    pub(super) fn reads_memory(&self) -> bool {
        !self.memories.is_empty()
    }
}

fn parse_tag(s: &str) -> Result<LanguageTag, String> {
    s.trim().parse().map_err(|e: brief::Error| e.to_string())
}

/// A file format or an OmegaT project, parsed by the library's one rule
/// (its message for an unknown name is Python's too).
fn parse_format(s: &str) -> Result<FormatName, String> {
    s.parse().map_err(|e: brief::Error| e.to_string())
}

fn parse_mode(s: &str) -> Result<TargetMode, String> {
    s.parse().map_err(|e: brief::Error| e.to_string())
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let mut config = config.clone();
    if args.lang.is_some() {
        config.segment.lang = args.lang;
    }
    let (file_formats, omegat) = FormatName::split(&args.format);
    let options = ExportOptions::resolve(
        &args.to,
        &file_formats,
        omegat,
        args.target,
        args.source_tag.clone(),
        &config.export,
    )?;
    let batch = args.input == super::InputKind::Jsonl;
    anyhow::ensure!(
        !(batch && args.all),
        "--all is for one cluster; a batch exports each item's brief"
    );
    // Read before any work: a bad memory or glossary fails at once.
    let aids = TranslationAids::load_limited(
        &args.memories,
        args.glossary.as_deref(),
        super::input_settings().max_bytes,
    )?;
    for path in aids.missing_memories() {
        // A desk's first day: the memory merge --update-tm will create.
        eprintln!(
            "brief: note: {}: no translation memory there yet; exporting without its matches \
             (merge --update-tm creates it)",
            brief::escape::escape_path(path)
        );
    }
    let job = ExportJob {
        options: &options,
        aids: &aids,
        out_dir: args.out_dir.clone(),
    };
    let settings = super::summarize::settings_with(&config, &args.length, None)?;
    #[allow(unused_mut)]
    let mut outcome = if batch {
        export_batch(&args, &job, &settings, &config)?
    } else {
        let docs = brief::analyze_all(
            super::read_inputs(&args.inputs, args.input.markup())?,
            &config,
        );
        super::report_languages(&docs);
        if args.all {
            job.cluster(&docs, Selection::All)?
        } else {
            let summary = brief::summarize(&docs, &settings, None)?;
            job.cluster(&docs, Selection::Brief(&summary))?
        }
    };
    for w in &outcome.report.warnings {
        super::warn(w);
    }
    // Machine translation before anything is written: a failure leaves
    // no file behind.
    #[cfg(feature = "mt")]
    let mt_findings = machine_translate(&args, &config, &aids, &mut outcome)?;
    if !batch {
        // As always for one cluster: the directory stays, even when the
        // set is refused (a batch removes the directories it created).
        super::write::create_dir(&args.out_dir)?;
    }
    super::write::set(&outcome.files, &super::write::options(args.force))?;
    // The folders an OmegaT project needs and brief writes nothing into.
    for dir in &outcome.report.empty_dirs {
        std::fs::create_dir_all(dir).map_err(|e| {
            anyhow::anyhow!(
                "{}: cannot create the directory: {e}",
                brief::escape::escape_path(dir)
            )
        })?;
    }
    let mut out = output::stdout();
    for f in &outcome.files {
        writeln!(out, "{}", brief::escape::escape_path(&f.path))?;
    }
    #[cfg(feature = "mt")]
    super::translate::print_findings(&mut out, &mt_findings)?;
    out.flush()?;
    eprintln!("brief: {}", summary_line(&outcome, batch));
    if !args.memories.is_empty() {
        eprintln!(
            "brief: memory matches: {} (units × target languages)",
            outcome.report.matches
        );
    }
    #[cfg(feature = "mt")]
    if !mt_findings.is_empty() {
        super::note_data_problem();
        return Ok(super::exit::DATA_PROBLEMS);
    }
    Ok(super::exit::OK)
}

/// `--mt`: the export's translation files filled by the engine, in place;
/// the findings on the machine targets.
#[cfg(feature = "mt")]
fn machine_translate(
    args: &Args,
    config: &Config,
    aids: &TranslationAids,
    outcome: &mut brief::job::ExportOutcome,
) -> anyhow::Result<Vec<(PathBuf, brief::mt::MachineFinding)>> {
    let Some(engine) = args.mt else {
        return Ok(Vec::new());
    };
    let translator = super::translate::translator(Some(engine), args.mt_url.as_deref(), config)?;
    let filled = brief::mt::TranslateJob {
        files: &[],
        out_dir: &args.out_dir,
        translator: &translator,
        memories: &[],
        check: &config.check,
        glossary: args.glossary.is_some().then_some(aids),
    }
    .fill_in_place(&mut outcome.files, &outcome.report.translation_files)?;
    eprintln!(
        "brief: {engine} translated {} segment(s) ({} distinct) in {} request(s)",
        filled.machine,
        filled.unique,
        translator.requests()
    );
    Ok(filled.findings)
}

/// Every item of the JSONL inputs summarized (in parallel, in order) and
/// added to the job's batch; `--keep-going` skips an item with a problem.
fn export_batch(
    args: &Args,
    job: &ExportJob<'_>,
    settings: &brief::SummarySettings,
    config: &Config,
) -> anyhow::Result<ExportOutcome> {
    let mut export = job.batch(args.lang)?;
    let source_tag = &job.options.source_tag;
    let work = |item| -> anyhow::Result<ExportedItem> {
        Ok(ExportedItem::summarize(
            item,
            args.lang,
            settings,
            config,
            source_tag.clone(),
        )?)
    };
    batch::each_item(&args.inputs, work, |item, _first| {
        match export.add(item) {
            Ok(Some(warning)) => super::warn(warning),
            Ok(None) => {}
            Err(e @ brief::Error::Jsonl { .. }) if super::globals().keep_going => {
                eprintln!("brief: skipped: {e}");
                super::note_data_problem();
            }
            Err(e) => return Err(e.into()),
        }
        Ok(())
    })?;
    Ok(export.finish()?)
}

/// What the export did, for stderr.
fn summary_line(outcome: &ExportOutcome, batch: bool) -> String {
    let report = &outcome.report;
    if batch {
        let ids: Vec<String> = report
            .sets
            .iter()
            .map(|s| format!("{}: {}", s.source, s.export_id))
            .collect();
        format!(
            "exported {} segment(s) of {} item(s) to {} file(s) (export {})",
            report.units,
            report.items,
            outcome.files.len(),
            ids.join(", ")
        )
    } else {
        format!(
            "exported {} segment(s) to {} file(s) and {} (export {})",
            report.units,
            outcome.files.len() - 1,
            brief::merge::REFERENCE_FILE_NAME,
            report.sets.first().map_or("-", |s| s.export_id.as_str())
        )
    }
}
