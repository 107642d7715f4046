//! `brief merge`

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use clap::ValueEnum;

use brief::Config;
use brief::job::{MergeFormat, MergeOutcome, MergeOutputs, TranslatedFiles};

use super::output;

/// Merge translated XLIFF, TMX, TSV or JSONL files back into translated briefs.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each unit is checked against what `brief export` stored: a changed source
(drift), a missing unit or empty target, an untranslated unit (a copy of
its source), a target in the wrong language (not one letter of the
language's script: Russian text in the Persian file), an unknown or
conflicting duplicate id, files of different
exports, units out of order, a target language of the export that no
file is in, or a file whose metadata was lost (drift
cannot be checked without --reference) are reported by id on stderr and
give exit code 1; the translations are then printed (or written) only with
--allow-partial (a missing language then is no problem: the languages
given are merged). A file that is not a valid XLIFF/TMX/TSV/JSONL file gives
exit code 2.

The translation checks of `brief check` (numbers, spelling, punctuation,
...; `[check]` in the configuration) then run and are reported on stderr
as `check: FILE:ID: [check] message`. They do not change the exit code
unless --strict: then a check error counts as a merge problem (exit code
1, nothing written without --allow-partial).

Files beside two or more brief.reference.jsonl (the sets of a batch
export, day/en/ and day/ru/) are merged set by set, each against its own
reference; --out-dir then writes DIR/<set>/brief.<lang>.*, <set> being the
set's directory (en, ru); --tmx writes one TMX of every set's units, set
after set; --update-tm adds every set's translations (each with its own
export id) to the memory in one update; --format html writes
DIR/<set>/brief.<lang>.html, or without --out-dir one page with every
set's files. One exit code; all outputs or none.

Examples:
  brief merge out/brief.fa.xliff20.xlf out/brief.ru.xliff20.xlf
  brief merge --format json translated/*.xlf > briefs.json
  brief merge --out-dir final --tmx final/brief.tmx translated/*.tmx
  brief merge --reference job/brief.fa.jsonl project/brief-fa-omegat.tmx
  brief merge --format jsonl desk/en/brief.fa.xliff20.xlf desk/en/brief.ru.xliff20.xlf > briefs.jsonl
  brief merge --out-dir final day/en/*.xlf day/ru/*.xlf
  brief merge --out-dir final --tmx final/day.tmx --update-tm desk.tmx day/en/*.xlf day/ru/*.xlf")]
pub struct Args {
    /// Translated files (XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL; UTF-8, or UTF-16/UTF-32 with BOM).
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
    /// Output what could be merged even when problems were found (exit code
    /// still 1); a target language of the export with no file is then no problem.
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
    /// Two different translations of one source in this merge are both kept,
    /// each such conflict named in a warning.
    #[arg(long, value_name = "MEM.tmx")]
    update_tm: Option<PathBuf>,
    /// Take machine translation no translator has confirmed (`brief translate`'s
    /// marks still in place) as it is, instead of reporting it (exit code 1).
    /// Not with --update-tm: unreviewed machine translation stays out of memories.
    #[arg(long, conflicts_with = "update_tm")]
    accept_mt: bool,
}

impl Args {
    /// Whether the command reads a translation memory (the binary then
    /// chooses a leaner allocation policy, `main.rs`).
    pub(super) fn reads_memory(&self) -> bool {
        self.update_tm.is_some()
    }
}

/// Fixes the date written by --update-tm (Unix seconds), for reproducible
/// memories in tests; unset, the current time is used.
const TM_DATE_ENV: &str = "BRIEF_TM_DATE";

/// The date for --update-tm: `$BRIEF_TM_DATE`, else now.
/// The outputs the arguments ask for (the memory's date read only when a
/// memory is updated).
fn merge_outputs(args: &Args) -> anyhow::Result<MergeOutputs> {
    Ok(MergeOutputs {
        out_dir: args.out_dir.clone(),
        format: args.format.into(),
        tmx: args.tmx.clone(),
        update_tm: args.update_tm.clone(),
        lock_wait: super::write::options(args.force).lock_wait,
        tm_date: if args.update_tm.is_some() {
            tm_date()?
        } else {
            brief::tm::TmxDate::from_unix_seconds(0)
        },
    })
}

fn tm_date() -> anyhow::Result<brief::tm::TmxDate> {
    Ok(match std::env::var(TM_DATE_ENV) {
        Ok(v) => brief::tm::TmxDate::from_unix_seconds(v.trim().parse().with_context(|| {
            format!("{TM_DATE_ENV}={v:?}: expected a number of seconds since 1970")
        })?),
        Err(_) => brief::tm::TmxDate::now(),
    })
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
    /// A review page: one self-contained HTML5 file with every unit, merge's problems and the
    /// checks' findings; written even when merge found problems (the exit code still says so).
    Html,
}

impl From<Format> for MergeFormat {
    fn from(f: Format) -> MergeFormat {
        match f {
            Format::Text => MergeFormat::Text,
            Format::Json => MergeFormat::Json,
            Format::Markdown => MergeFormat::Markdown,
            Format::Jsonl => MergeFormat::Jsonl,
            // Never rendered as a brief: `run` writes the review page first.
            Format::Html => MergeFormat::Text,
        }
    }
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let sets = TranslatedFiles::read_sets(&args.files, args.reference.as_deref())?;
    if sets.len() > 1 {
        return run_sets(&args, config, sets);
    }
    let Some((_, translated)) = sets.first() else {
        return Err(usage("no translated file given").into());
    };
    super::warn_about(translated);
    let mut outcome = brief::job::merge(translated, &config.check);
    if args.accept_mt {
        outcome.result.accept_machine_translation();
    }
    // Merging some of the export's languages is what --allow-partial asks for.
    if args.allow_partial {
        outcome.result.accept_missing_languages();
    }
    report_problems(&outcome);
    report_checks(&outcome, !outcome.result.problems.is_empty());
    let problems = outcome.problems(args.strict);
    if args.format == Format::Html {
        return review_sets(&args, &sets, std::slice::from_ref(&outcome), problems > 0);
    }
    if problems > 0 && !args.allow_partial {
        eprintln!(
            "brief: {problems} problem(s); nothing written (use --allow-partial to output what merged)"
        );
        return Ok(super::exit::DATA_PROBLEMS);
    }
    let outputs = merge_outputs(&args)?;
    let mut plan = outputs.plan(&outcome, translated, &args.files)?;
    let printed = std::mem::take(&mut plan.printed);
    // The exit code is the data's, whoever reads (or stops reading) the output.
    if problems > 0 {
        super::note_data_problem();
    }
    if let Some(dir) = &args.out_dir {
        super::write::create_dir(dir)?;
    }
    write_plan(plan, &args)?;
    if args.out_dir.is_none() {
        print_merged(&printed)?;
    }
    Ok(exit_code(problems))
}

/// The briefs, TMX and memory update of `plan`: all written, or none; the
/// memory's summary on stderr.
fn write_plan(plan: brief::job::MergePlan, args: &Args) -> anyhow::Result<()> {
    let options = super::write::options(args.force);
    match plan.memory {
        // The outputs and the memory: all written, or none.
        Some(update) => {
            let summary = update.summary();
            // The sets' directories, made for the files and removed again
            // when the write is refused (as a set without a memory does).
            let made = make_parents(&plan.files)?;
            if let Err(e) = super::write::set_with_memory(&plan.files, update, &options) {
                for dir in made.iter().rev() {
                    let _ = std::fs::remove_dir(dir);
                }
                return Err(e.into());
            }
            if let Some(path) = &args.update_tm {
                report_memory(path, &summary, &plan.conflicts);
            }
        }
        None => super::write::set(&plan.files, &options)?,
    }
    Ok(())
}

/// The memory update's summary and its conflicts on stderr (`--quiet`
/// keeps them back): each counter counts one thing, translations (every
/// one given in one of the four) or units (`<tu>`).
fn report_memory(
    path: &Path,
    summary: &brief::tm::UpdateSummary,
    conflicts: &[brief::job::MemoryConflict],
) {
    let shown = brief::escape::escape_path(path);
    for conflict in conflicts.iter().take(PROBLEMS_SHOWN_PER_FILE) {
        super::warn(format_args!("{shown}: conflict: {conflict}"));
    }
    if conflicts.len() > PROBLEMS_SHOWN_PER_FILE {
        super::warn(format_args!(
            "{shown}: {} more conflict(s) not shown (each kept as a unit with \
             <prop type=\"{}\">)",
            conflicts.len() - PROBLEMS_SHOWN_PER_FILE,
            brief::tm::ALTERNATIVE_PROP
        ));
    }
    if super::globals().quiet {
        return;
    }
    let kept = match summary.conflicts {
        0 => String::new(),
        n => format!("; {n} conflicting translation(s) kept as alternatives"),
    };
    eprintln!(
        "brief: {shown}: translations: {} added, {} replaced, {} unchanged, {} skipped; \
         units: {} added, {} updated{kept}",
        summary.translations_added,
        summary.translations_replaced,
        summary.translations_unchanged,
        summary.translations_skipped,
        summary.units_added,
        summary.units_updated,
    );
}

/// Creates the missing directories `files` go to; the ones it made,
/// outermost first.
fn make_parents(files: &[brief::outfile::OutFile]) -> anyhow::Result<Vec<PathBuf>> {
    let mut made: Vec<PathBuf> = Vec::new();
    for f in files {
        let Some(dir) = f.path.parent() else { continue };
        let mut missing: Vec<PathBuf> = dir
            .ancestors()
            .take_while(|d| !d.as_os_str().is_empty() && !d.exists())
            .map(Path::to_path_buf)
            .collect();
        missing.reverse();
        super::write::create_dir(dir)?;
        made.extend(missing);
    }
    Ok(made)
}

/// The merged briefs on stdout (no `--out-dir`), as the plan rendered them.
fn print_merged(printed: &[u8]) -> anyhow::Result<()> {
    let mut out = output::stdout();
    out.write_all(printed)?;
    out.flush()?;
    Ok(())
}

/// The exit code says what the data said.
fn exit_code(problems: usize) -> u8 {
    if problems > 0 {
        super::exit::DATA_PROBLEMS
    } else {
        super::exit::OK
    }
}

fn usage(message: &str) -> brief::Error {
    brief::Error::Usage {
        message: message.into(),
    }
}

/// Several sets of a batch in one command (`brief merge day/en/* day/ru/*`):
/// each set merged against its own reference, one exit code; with
/// --out-dir each set's briefs (or review pages) in `DIR/<set>/` (the
/// set's directory, `en`, `ru`), one TMX and one memory update for every
/// set, all of them written or none.
fn run_sets(
    args: &Args,
    config: &Config,
    sets: Vec<(PathBuf, TranslatedFiles)>,
) -> anyhow::Result<u8> {
    let names: Vec<String> = sets
        .iter()
        .map(|(label, _)| brief::escape::escape_path(label).to_string())
        .collect();
    let mut outcomes = brief::job::merge_sets(&sets, &config.check);
    for ((_, translated), outcome) in sets.iter().zip(&mut outcomes) {
        super::warn_about(translated);
        if args.accept_mt {
            outcome.result.accept_machine_translation();
        }
        if args.allow_partial {
            outcome.result.accept_missing_languages();
        }
        report_problems(outcome);
        report_checks(outcome, !outcome.result.problems.is_empty());
    }
    let problems: usize = outcomes.iter().map(|o| o.problems(args.strict)).sum();
    if args.format == Format::Html {
        return review_sets(args, &sets, &outcomes, problems > 0);
    }
    if problems > 0 && !args.allow_partial {
        eprintln!(
            "brief: {problems} problem(s) in {} sets ({}); nothing written (use --allow-partial to output what merged)",
            sets.len(),
            names.join(", ")
        );
        return Ok(super::exit::DATA_PROBLEMS);
    }
    // One brief per set: a place per set, or lines that name their item.
    if args.out_dir.is_none() && args.format != Format::Jsonl {
        return Err(usage(&format!(
            "{} sets given ({}): give --out-dir (each set's briefs in DIR/<set>/) or --format jsonl",
            sets.len(),
            names.join(", ")
        ))
        .into());
    }
    let outputs = merge_outputs(args)?;
    let mut plan = outputs.plan_sets(&sets, &outcomes, &args.files)?;
    let printed = std::mem::take(&mut plan.printed);
    if problems > 0 {
        super::note_data_problem();
    }
    // The sets' directories are made with their files (and removed again
    // when the set is refused).
    if let Some(dir) = &args.out_dir {
        super::write::create_dir(dir)?;
    }
    write_plan(plan, args)?;
    if args.out_dir.is_none() {
        print_merged(&printed)?;
    }
    Ok(exit_code(problems))
}

/// `--format html` for several sets: with --out-dir a page per set and
/// language (`DIR/<set>/brief.<lang>.html`, as the briefs are laid out:
/// each translator reviews their language of each export, whose ids are
/// its own), else one page on stdout with every set's files, each file in
/// its own section named by its path. Written even with problems.
fn review_sets(
    args: &Args,
    sets: &[(PathBuf, TranslatedFiles)],
    outcomes: &[MergeOutcome],
    problems: bool,
) -> anyhow::Result<u8> {
    if problems {
        super::note_data_problem();
    }
    match &args.out_dir {
        Some(dir) => {
            let pages = brief::job::review_pages(dir, sets, outcomes, &args.files)?;
            super::write::create_dir(dir)?;
            super::write::set(&pages, &super::write::options(args.force))?;
        }
        None => {
            let mut out = output::stdout();
            out.write_all(brief::job::review_page(sets, outcomes).as_bytes())?;
            out.flush()?;
        }
    }
    Ok(exit_code(usize::from(problems)))
}

/// Merge's problems on stderr. A file that is wrong everywhere must not
/// flood the terminal: the first problems of each file, then a count.
fn report_problems(outcome: &MergeOutcome) {
    let mut shown: std::collections::HashMap<&Path, usize> = std::collections::HashMap::new();
    for problem in &outcome.result.problems {
        let n = shown.entry(problem.file.as_path()).or_default();
        *n += 1;
        if *n <= PROBLEMS_SHOWN_PER_FILE {
            eprintln!("brief: {problem}");
        }
    }
    let mut capped: Vec<(&&Path, &usize)> = shown
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
}

/// Check findings shown by merge when it found problems of its own: those
/// come first, and the rest is `brief check`'s job.
const CHECKS_SHOWN_AFTER_PROBLEMS: usize = 5;

/// The check findings on stderr, the first [`PROBLEMS_SHOWN_PER_FILE`] in
/// all (fewer when merge has problems of its own) and then a count.
fn report_checks(outcome: &MergeOutcome, merge_problems: bool) {
    let cap = if merge_problems {
        CHECKS_SHOWN_AFTER_PROBLEMS
    } else {
        PROBLEMS_SHOWN_PER_FILE
    };
    // --quiet keeps errors only.
    let shown: Vec<_> = outcome
        .checks
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
}
