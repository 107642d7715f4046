//! `brief check`: translation quality checks on translated files.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use brief::Config;
use brief::job::TranslatedFiles;

use super::output;

/// Check the translations in XLIFF, TMX, TSV or JSONL files against their sources.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Every unit's target is checked against its source for its target language
(numbers, Persian orthography, mixed-script words, end punctuation,
repeated words, length, brackets and quotes, URLs/e-mails/@handles, empty
or untranslated targets, glossary terms), and all files together for
inconsistent translations. See docs/quality.md for each check; switch one
off with `[check] <name> = false` in the configuration.

Text output is one line per problem, `FILE:ID: [check] message` (warnings
say `warning:` before the message). `--format jsonl` prints one JSON object
per problem: {\"file\", \"id\", \"lang\", \"check\", \"severity\", \"message\"}.
Exit code 0: no errors (warnings alone do not count unless --strict); 1:
errors found; 2: a file could not be read.

Files of a batch (`brief export --input jsonl`: every unit's document is
named <item id>#<n>) name each problem's item: `FILE:ID (item ITEM): ...`
in text, \"item\" in JSON and JSONL, and `--format json` adds \"items\":
[{\"id\", \"units\", \"errors\", \"warnings\"}] per item in batch order.

Files beside two or more brief.reference.jsonl (the sets of a batch export,
day/en/ and day/ru/) are checked set by set, each file against the
reference of its own export (the export id its units carry); one report,
one exit code. A file of none of those exports is an error naming it
(exit code 2).

Examples:
  brief check translated/brief.fa.xliff20.xlf translated/brief.ru.xliff20.xlf
  brief check --glossary desk.csv --format jsonl translated/*.tsv > problems.jsonl
  brief check --strict --reference job/brief.reference.jsonl project/omegat.tmx
  brief check --format jsonl desk/en/brief.fa.xliff20.xlf desk/en/brief.ru.xliff20.xlf
  brief check --format html day/en/*.xlf day/ru/*.xlf > day-review.html")]
pub struct Args {
    /// Translated files (XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL; UTF-8, or UTF-16/UTF-32 with BOM).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// A glossary (CSV/TSV with a header `source,fa,ru,...`, or TBX): report
    /// source terms whose glossary translation is not in the target.
    #[arg(long, value_name = "FILE")]
    glossary: Option<PathBuf>,
    /// A file of the original export, as for `brief merge`: gives ids to
    /// units that have none (a CAT tool's TMX). Default:
    /// brief.reference.jsonl beside the first input that has one.
    #[arg(long, value_name = "FILE")]
    reference: Option<PathBuf>,
    /// Warnings also give exit code 1.
    #[arg(long)]
    strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// `FILE:ID: [check] message`, one line per problem (`FILE:ID (item ITEM): ...` in a batch).
    Text,
    /// One JSON object: {"units", "errors", "warnings", "items"?, "problems": [...]}.
    Json,
    /// One JSON object per problem: {"file", "id", "item"?, "lang", "check", "severity", "message"}.
    Jsonl,
    /// A review page: one self-contained HTML5 file (no script, no network) with every unit's
    /// source and target, its neighbours and its findings; redirect it to a file.
    Html,
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    // Files beside two or more references (the sets of a batch): each set
    // against its own reference, one report.
    let sets = TranslatedFiles::read_sets(&args.files, args.reference.as_deref())?;
    for (_, translated) in &sets {
        super::warn_about(translated);
    }
    let report = brief::job::check_sets_limited(
        &sets,
        &config.check,
        args.glossary.as_deref(),
        super::input_settings().max_bytes,
    )?;
    let files: usize = sets.iter().map(|(_, t)| t.files.len()).sum();
    // The exit code is the data's, whoever reads (or stops reading) the output.
    let problems = report.has_problems(args.strict);
    if problems {
        super::note_data_problem();
    }
    let mut out = output::stdout();
    match args.format {
        Format::Text => {
            for r in &report.problems {
                writeln!(out, "{}", r.text_line())?;
            }
        }
        Format::Jsonl => {
            for r in &report.problems {
                output::json_line(&mut out, r)?;
            }
        }
        Format::Html => {
            let parts: Vec<(&[brief::UnitFile], Option<&brief::merge::Reference>)> = sets
                .iter()
                .map(|(_, t)| (t.files.as_slice(), t.reference.as_ref()))
                .collect();
            let page = brief::review::render_sets(
                "brief check",
                &parts,
                &brief::review::check_marks(&report.problems),
            );
            out.write_all(page.as_bytes())?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &report)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if super::globals().verbose || (args.format == Format::Text && !super::globals().quiet) {
        eprintln!("brief: {}", summary_line(&report, files));
    }
    Ok(if problems {
        super::exit::DATA_PROBLEMS
    } else {
        super::exit::OK
    })
}

/// How many units, errors and warnings; a batch also says how many of its
/// items need a look.
fn summary_line(report: &brief::job::CheckReport, files: usize) -> String {
    let of_items = if report.items.is_empty() {
        String::new()
    } else {
        let with_errors = report.items.iter().filter(|i| i.errors > 0).count();
        format!(
            " ({} item(s), {with_errors} with errors)",
            report.items.len()
        )
    };
    format!(
        "{} unit(s) in {files} file(s) checked: {} error(s), {} warning(s){of_items}",
        report.units, report.errors, report.warnings
    )
}
