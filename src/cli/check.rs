//! `brief check`: translation quality checks on translated files.

use std::collections::{HashMap, VecDeque};
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use serde::Serialize;

use brief::check::{CheckSettings, Finding, Glossary, Severity, check_consistency, check_unit};
use brief::escape::{escape, escape_path};
use brief::merge::Reference;
use brief::{Config, Lang, UnitFile};

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

Examples:
  brief check translated/brief.fa.xliff20.xlf translated/brief.ru.xliff20.xlf
  brief check --glossary desk.csv --format jsonl translated/*.tsv > problems.jsonl
  brief check --strict --reference job/brief.reference.jsonl project/omegat.tmx
  brief check --format jsonl desk/en/brief.fa.xliff20.xlf desk/en/brief.ru.xliff20.xlf")]
pub struct Args {
    /// Translated files (XLIFF 2.0/2.1/1.2, TMX, TSV or JSONL; UTF-8 or UTF-16 with BOM).
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

/// The reports as marks on the review page.
pub fn review_marks(reports: &[Report]) -> Vec<brief::review::Mark> {
    reports
        .iter()
        .map(|r| {
            let severity = if r.is_error {
                Severity::Error
            } else {
                Severity::Warning
            };
            brief::review::Mark::new(
                r.path.clone(),
                r.id.clone(),
                r.check,
                severity,
                r.message.clone(),
            )
        })
        .collect()
}

/// One problem of one unit, as reported (the JSONL contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The file's path as given on the command line.
    pub file: String,
    /// The unit id (`-` for a unit without one).
    pub id: String,
    /// The batch item the unit belongs to, for a file of
    /// `brief export --input jsonl` (left out for other files).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The target language tag of the file.
    pub lang: String,
    /// The check's name.
    pub check: &'static str,
    /// `error` or `warning`.
    pub severity: &'static str,
    /// What is wrong.
    pub message: String,
    #[serde(skip)]
    path: PathBuf,
    #[serde(skip)]
    is_error: bool,
}

impl Report {
    fn new(file: &UnitFile, id: &str, item: Option<&str>, finding: Finding) -> Report {
        Report {
            file: file.path.to_string_lossy().into_owned(),
            id: id.to_string(),
            item: item.map(str::to_string),
            lang: file.target_lang.clone(),
            check: finding.check.name(),
            severity: finding.severity.name(),
            message: finding.message,
            path: file.path.clone(),
            is_error: finding.severity == Severity::Error,
        }
    }

    /// Whether it is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.is_error
    }

    /// `FILE:ID: [check] message` (`FILE:ID (item ITEM): ...` for a unit of
    /// a batch export), escaped for a terminal.
    pub fn text_line(&self) -> String {
        let warning = if self.is_error { "" } else { "warning: " };
        let item = match &self.item {
            Some(item) => format!(" (item {})", escape(item)),
            None => String::new(),
        };
        format!(
            "{}:{}{item}: [{}] {warning}{}",
            escape_path(&self.path),
            escape(&self.id),
            self.check,
            escape(&self.message)
        )
    }
}

/// The target language to check a file's units for.
fn target_lang(file: &UnitFile) -> Lang {
    // The readers validate tags, so this only falls back for an odd tag
    // such as `x-klingon`; the language-neutral checks still apply.
    file.target_lang.parse().unwrap_or(Lang::EN)
}

/// The id to report for each unit of each file: its own, or, for a unit
/// without one, the reference's id of the same source (in order, as merge
/// matches them), or `-`.
fn unit_ids<'a>(files: &'a [UnitFile], reference: Option<&'a Reference>) -> Vec<Vec<&'a str>> {
    let mut by_source: HashMap<&str, VecDeque<&str>> = HashMap::new();
    if let Some(r) = reference {
        for u in &r.units {
            by_source
                .entry(u.source.as_str())
                .or_default()
                .push_back(&u.id);
        }
    }
    files
        .iter()
        .map(|f| {
            // Each file takes the reference's ids afresh: one source, one id per file.
            let mut free = by_source.clone();
            f.units
                .iter()
                .map(|u| {
                    if !u.id.is_empty() {
                        return u.id.as_str();
                    }
                    free.get_mut(u.source.as_str())
                        .and_then(|q| q.pop_front())
                        .unwrap_or("-")
                })
                .collect()
        })
        .collect()
}

/// The batch item a document name belongs to: the name without the `#<n>`
/// that `brief export --input jsonl` appends (`desk/a1#0` is item
/// `desk/a1`); `None` for a name without it. Merge finds items the same way.
pub(super) fn batch_item(document: &str) -> Option<&str> {
    match document.rsplit_once('#') {
        Some((id, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => Some(id),
        _ => None,
    }
}

/// The batch item of each unit of each file, for the files that are batch
/// exports: every unit's document (its own, or the reference's for the
/// unit of the same id and source, as merge takes it) is named
/// `<item id>#<n>`. Other files (one-cluster exports, files that lost the
/// names and have no reference) get `None`, and are reported as before.
fn unit_items<'a>(
    files: &'a [UnitFile],
    ids: &[Vec<&'a str>],
    reference: Option<&'a Reference>,
) -> Vec<Option<Vec<&'a str>>> {
    let by_id: HashMap<&str, &brief::Unit> = reference
        .map(|r| r.units.iter().map(|u| (u.id.as_str(), u)).collect())
        .unwrap_or_default();
    files
        .iter()
        .zip(ids)
        .map(|(file, ids)| {
            if file.units.is_empty() {
                return None;
            }
            file.units
                .iter()
                .zip(ids)
                .map(|(u, id)| {
                    let document = u.document.as_deref().or_else(|| {
                        // The reference's name only for the same sentence:
                        // a reference of another export says nothing here.
                        by_id
                            .get(id)
                            .filter(|r| r.source == u.source)
                            .and_then(|r| r.document.as_deref())
                    })?;
                    batch_item(document)
                })
                .collect()
        })
        .collect()
}

/// Runs every enabled check on every unit of `files`, and the consistency
/// check over all of them together. Reports come file by file, unit by
/// unit, in file order.
pub fn check_files(
    files: &[UnitFile],
    reference: Option<&Reference>,
    settings: &CheckSettings,
    glossary: Option<&Glossary>,
) -> Vec<Report> {
    let ids = unit_ids(files, reference);
    let items = unit_items(files, &ids, reference);
    let item = |fi: usize, ui: usize| items[fi].as_ref().map(|i| i[ui]);
    // (file index, unit index, report): sorted at the end so consistency
    // findings sit with their unit.
    let mut found: Vec<(usize, usize, Report)> = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        let source_lang = file.source_lang.parse().unwrap_or(Lang::EN);
        let lang = target_lang(file);
        for (ui, unit) in file.units.iter().enumerate() {
            let target = unit.target.as_deref().unwrap_or("");
            for finding in check_unit(&unit.source, target, source_lang, lang, settings, glossary) {
                found.push((
                    fi,
                    ui,
                    Report::new(file, ids[fi][ui], item(fi, ui), finding),
                ));
            }
        }
    }
    if settings.inconsistency || settings.orthography {
        // With several files, a unit is named by file and id in the
        // messages ("... in unit a.xlf:s3"), as ids repeat across files.
        let several = files.len() > 1;
        let mut keys: Vec<String> = Vec::new();
        let mut places: Vec<(usize, usize)> = Vec::new();
        for (fi, file) in files.iter().enumerate() {
            for (ui, &id) in ids[fi].iter().enumerate() {
                keys.push(if several {
                    format!("{}:{id}", file.path.display())
                } else {
                    id.to_string()
                });
                places.push((fi, ui));
            }
        }
        let mut tuples = Vec::with_capacity(keys.len());
        for (key, &(fi, ui)) in keys.iter().zip(&places) {
            let unit = &files[fi].units[ui];
            tuples.push((
                key.as_str(),
                unit.source.as_str(),
                unit.target.as_deref().unwrap_or(""),
                target_lang(&files[fi]),
            ));
        }
        let mut place_of: HashMap<&str, (usize, usize)> = HashMap::new();
        for (key, &place) in keys.iter().zip(&places) {
            place_of.entry(key.as_str()).or_insert(place);
        }
        for (key, finding) in check_consistency(&tuples) {
            if !settings.enabled(finding.check) {
                continue;
            }
            if let Some(&(fi, ui)) = place_of.get(key) {
                found.push((
                    fi,
                    ui,
                    Report::new(&files[fi], ids[fi][ui], item(fi, ui), finding),
                ));
            }
        }
    }
    // Stable: within a unit, the unit checks come before consistency.
    found.sort_by_key(|(fi, ui, _)| (*fi, *ui));
    found.into_iter().map(|(_, _, r)| r).collect()
}

/// One batch item's share of the problems, for `--format json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemSummary {
    /// The item id.
    pub id: String,
    /// Its units in all the files checked.
    pub units: usize,
    /// Errors in those units.
    pub errors: usize,
    /// Warnings in those units.
    pub warnings: usize,
}

/// Every batch item of the batch-export files among `files`, in the order
/// of its first unit (the batch order within each source language), with
/// the errors and warnings of `reports` counted per item. Empty when no
/// file is a batch export.
pub fn item_summaries(
    files: &[UnitFile],
    reference: Option<&Reference>,
    reports: &[Report],
) -> Vec<ItemSummary> {
    let ids = unit_ids(files, reference);
    let items = unit_items(files, &ids, reference);
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<ItemSummary> = Vec::new();
    for item in items.iter().flatten().flatten() {
        let i = *index.entry(item).or_insert_with(|| {
            out.push(ItemSummary {
                id: item.to_string(),
                units: 0,
                errors: 0,
                warnings: 0,
            });
            out.len() - 1
        });
        out[i].units += 1;
    }
    for r in reports {
        let Some(&i) = r.item.as_deref().and_then(|item| index.get(item)) else {
            continue;
        };
        if r.is_error() {
            out[i].errors += 1;
        } else {
            out[i].warnings += 1;
        }
    }
    out
}

fn read_glossary(path: &Path, source_lang: Lang) -> anyhow::Result<Glossary> {
    // Bounded like every input (--max-input).
    let bytes = brief::input::read_bytes(path)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("{}: not UTF-8: {e}", escape_path(path)))?;
    Ok(Glossary::parse(&text, source_lang, path)?)
}

#[derive(Serialize)]
struct JsonOut<'a> {
    units: usize,
    errors: usize,
    warnings: usize,
    /// Per batch item, only when a file is a batch export.
    #[serde(skip_serializing_if = "no_items")]
    items: &'a [ItemSummary],
    problems: &'a [Report],
}

fn no_items(items: &&[ItemSummary]) -> bool {
    items.is_empty()
}

pub fn run(args: Args, config: &Config) -> anyhow::Result<u8> {
    let (files, reference) =
        super::merge::read_translations(&args.files, args.reference.as_deref())?;
    let glossary = match &args.glossary {
        Some(path) => {
            let source_lang = files[0].source_lang.parse().unwrap_or(Lang::EN);
            Some(read_glossary(path, source_lang)?)
        }
        None => None,
    };
    let reports = check_files(&files, reference.as_ref(), &config.check, glossary.as_ref());
    let units: usize = files.iter().map(|f| f.units.len()).sum();
    let errors = reports.iter().filter(|r| r.is_error()).count();
    let warnings = reports.len() - errors;
    let items = item_summaries(&files, reference.as_ref(), &reports);
    let mut out = output::stdout();
    match args.format {
        Format::Text => {
            for r in &reports {
                writeln!(out, "{}", r.text_line())?;
            }
        }
        Format::Jsonl => {
            for r in &reports {
                output::json_line(&mut out, r)?;
            }
        }
        Format::Html => {
            let page = brief::review::render(
                "brief check",
                &files,
                reference.as_ref(),
                &review_marks(&reports),
            );
            out.write_all(page.as_bytes())?;
        }
        Format::Json => {
            let value = JsonOut {
                units,
                errors,
                warnings,
                items: &items,
                problems: &reports,
            };
            serde_json::to_writer_pretty(&mut out, &value)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    if super::globals().verbose || (args.format == Format::Text && !super::globals().quiet) {
        // A batch also says how many of its items need a look.
        let of_items = if items.is_empty() {
            String::new()
        } else {
            let with_errors = items.iter().filter(|i| i.errors > 0).count();
            format!(" ({} item(s), {with_errors} with errors)", items.len())
        };
        eprintln!(
            "brief: {units} unit(s) in {} file(s) checked: {errors} error(s), {warnings} warning(s){of_items}",
            files.len()
        );
    }
    Ok(if errors > 0 || (args.strict && warnings > 0) {
        super::exit::DATA_PROBLEMS
    } else {
        super::exit::OK
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, body: &str) -> Vec<UnitFile> {
        brief::merge::read_bytes(body.as_bytes().to_vec(), Path::new(name)).unwrap()
    }

    #[test]
    fn reports_come_unit_by_unit_with_consistency_beside_its_unit() {
        let body = "id\tsource_lang\ttarget_lang\tsource\ttarget\n\
                    s1\ten\tru\tThe talks failed.\tПереговоры сорвались.\n\
                    s2\ten\tru\tThe talks failed.\tПереговоры провалились\n\
                    s3\ten\tru\tIn 2019.\tВ 2018 году.\n";
        let files = file("a.tsv", body);
        let reports = check_files(&files, None, &CheckSettings::default(), None);
        let got: Vec<(&str, &str)> = reports.iter().map(|r| (r.id.as_str(), r.check)).collect();
        assert_eq!(
            got,
            [
                ("s2", "end_punctuation"),
                ("s2", "inconsistency"),
                ("s3", "numbers")
            ]
        );
        // One file: the message names the first unit by its id alone.
        assert!(
            reports[1].message.contains("unit s1"),
            "{}",
            reports[1].message
        );
        let off = CheckSettings {
            inconsistency: false,
            ..CheckSettings::default()
        };
        let reports = check_files(&files, None, &off, None);
        assert!(reports.iter().all(|r| r.check != "inconsistency"));
    }

    #[test]
    fn the_batch_item_is_the_name_before_the_last_document_number() {
        assert_eq!(batch_item("desk/a1#0"), Some("desk/a1"));
        assert_eq!(batch_item("wire#7#12"), Some("wire#7"));
        assert_eq!(batch_item("article.txt"), None);
        assert_eq!(batch_item("tag#x"), None);
        assert_eq!(batch_item("ends#"), None);
    }

    const BATCH_TSV: &str = "id\tsource_lang\ttarget_lang\tsource\ttarget\tdocument\n\
                             s1\ten\tru\tIn 2019.\tВ 2018 году.\tdesk/a1#0\n\
                             s2\ten\tru\tThe talks failed.\tThe talks failed.\twire#2#1\n\
                             s3\ten\tru\tHe left.\tОн ушёл.\tb3#0\n";

    #[test]
    fn a_batch_export_names_the_item_of_each_problem_and_counts_per_item() {
        let files = file("b.tsv", BATCH_TSV);
        let reports = check_files(&files, None, &CheckSettings::default(), None);
        let got: Vec<(&str, Option<&str>, &str)> = reports
            .iter()
            .map(|r| (r.id.as_str(), r.item.as_deref(), r.check))
            .collect();
        assert_eq!(
            got,
            [
                ("s1", Some("desk/a1"), "numbers"),
                ("s2", Some("wire#2"), "untranslated")
            ]
        );
        assert!(
            reports[0]
                .text_line()
                .starts_with("b.tsv:s1 (item desk/a1): [numbers] "),
            "{}",
            reports[0].text_line()
        );
        let summary = item_summaries(&files, None, &reports);
        let counts: Vec<(&str, usize, usize)> = summary
            .iter()
            .map(|i| (i.id.as_str(), i.units, i.errors))
            .collect();
        assert_eq!(counts, [("desk/a1", 1, 1), ("wire#2", 1, 1), ("b3", 1, 0)]);
    }

    #[test]
    fn a_file_with_a_unit_outside_any_item_is_not_a_batch() {
        // A one-cluster export names documents by file name: no items.
        let single = BATCH_TSV.replace("b3#0", "article.txt");
        let files = file("one.tsv", &single);
        let reports = check_files(&files, None, &CheckSettings::default(), None);
        assert!(!reports.is_empty());
        assert!(reports.iter().all(|r| r.item.is_none()));
        assert!(item_summaries(&files, None, &reports).is_empty());
        assert!(!reports[0].text_line().contains("item"));
    }

    #[test]
    fn units_without_names_take_them_from_the_reference_of_the_same_sentence() {
        let stripped = "id\tsource_lang\ttarget_lang\tsource\ttarget\n\
                        s1\ten\tru\tIn 2019.\tВ 2018 году.\n\
                        s2\ten\tru\tThe talks failed.\tПереговоры сорвались.\n";
        let files = file("d.tsv", stripped);
        let mut units = file("r.tsv", BATCH_TSV).remove(0).units;
        units.truncate(2);
        let reference = Reference {
            path: PathBuf::from("r.tsv"),
            units: units.clone(),
        };
        let reports = check_files(&files, Some(&reference), &CheckSettings::default(), None);
        assert_eq!(reports[0].item.as_deref(), Some("desk/a1"));
        // Another export's reference (other sources) names no item.
        units[1].source = "Something else.".into();
        let other = Reference {
            path: PathBuf::from("r.tsv"),
            units,
        };
        let reports = check_files(&files, Some(&other), &CheckSettings::default(), None);
        assert!(reports.iter().all(|r| r.item.is_none()));
    }
}
