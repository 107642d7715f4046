//! The check job: every enabled check of `brief check` on translated
//! files, reported unit by unit with each unit's id and batch item.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::check::{CheckSettings, Finding, Glossary, Severity, check_consistency, check_target};
use crate::error::Result;
use crate::escape::{escape, escape_path};
use crate::formats::{Unit, UnitFile};
use crate::lang::Lang;
use crate::merge::Reference;

use super::item::ItemId;
use super::translated::TranslatedFiles;

/// One problem of one unit, as reported (the JSONL contract).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckProblem {
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

impl CheckProblem {
    fn new(file: &UnitFile, id: &str, item: Option<&str>, finding: Finding) -> CheckProblem {
        CheckProblem {
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

    /// The file the unit was read from.
    pub fn path(&self) -> &Path {
        &self.path
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

/// The batch item of each unit of each file, for the files that are batch
/// exports: every unit's document (its own, or the reference's for the
/// unit of the same id and source, as merge takes it) is named
/// `<item id>#<n>`. Other files (one-cluster exports, files that lost the
/// names and have no reference) get `None`, and are reported as before.
fn unit_items(
    files: &[UnitFile],
    ids: &[Vec<&str>],
    reference: Option<&Reference>,
) -> Vec<Option<Vec<String>>> {
    let by_id: HashMap<&str, &Unit> = reference
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
                    ItemId::parse(document).map(|i| i.item)
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
) -> Vec<CheckProblem> {
    let ids = unit_ids(files, reference);
    let items = unit_items(files, &ids, reference);
    let item = |fi: usize, ui: usize| items[fi].as_ref().map(|i| i[ui].as_str());
    // (file index, unit index, report): sorted at the end so consistency
    // findings sit with their unit.
    let mut found: Vec<(usize, usize, CheckProblem)> = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        let source_lang = file.source_lang.parse().unwrap_or(Lang::EN);
        let lang = target_lang(file);
        for (ui, unit) in file.units.iter().enumerate() {
            let target = unit.target.as_deref().unwrap_or("");
            for finding in check_target(
                &unit.source,
                target,
                unit.state,
                source_lang,
                lang,
                settings,
                glossary,
            ) {
                found.push((
                    fi,
                    ui,
                    CheckProblem::new(file, ids[fi][ui], item(fi, ui), finding),
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
                    CheckProblem::new(&files[fi], ids[fi][ui], item(fi, ui), finding),
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
    reports: &[CheckProblem],
) -> Vec<ItemSummary> {
    let ids = unit_ids(files, reference);
    let items = unit_items(files, &ids, reference);
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut out: Vec<ItemSummary> = Vec::new();
    for item in items.iter().flatten().flatten() {
        let i = *index.entry(item.as_str()).or_insert_with(|| {
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

/// The glossary at `path` with its source column in `source_lang`.
pub fn read_glossary(path: &Path, source_lang: Lang) -> Result<Glossary> {
    let text = super::aids::read_glossary_text(path)?;
    Glossary::parse(&text, source_lang, path)
}

/// What a check found: the CLI's `--format json` object, and what the
/// Python package returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// Units checked.
    pub units: usize,
    /// Errors found.
    pub errors: usize,
    /// Warnings found.
    pub warnings: usize,
    /// Per batch item, only when a file is a batch export.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemSummary>,
    /// Every problem, file by file, unit by unit.
    pub problems: Vec<CheckProblem>,
}

impl CheckReport {
    /// Whether the data has problems: errors, or with `strict` warnings too.
    pub fn has_problems(&self, strict: bool) -> bool {
        self.errors > 0 || (strict && self.warnings > 0)
    }
}

/// The check job: every enabled check on every unit of `translated`, with
/// `glossary` read for the first file's source language (up to the default
/// input limit; [`check_limited`] takes the user's).
pub fn check(
    translated: &TranslatedFiles,
    settings: &CheckSettings,
    glossary: Option<&Path>,
) -> Result<CheckReport> {
    check_limited(
        translated,
        settings,
        glossary,
        crate::input::DEFAULT_MAX_INPUT_BYTES,
    )
}

/// [`check`] with the glossary read up to `max_bytes` (`--max-input`).
pub fn check_limited(
    translated: &TranslatedFiles,
    settings: &CheckSettings,
    glossary: Option<&Path>,
    max_bytes: u64,
) -> Result<CheckReport> {
    let files = &translated.files;
    let reference = translated.reference.as_ref();
    let glossary = match glossary {
        Some(path) => {
            let source_lang = files
                .first()
                .and_then(|f| f.source_lang.parse().ok())
                .unwrap_or(Lang::EN);
            let text = super::aids::read_glossary_text_limited(path, max_bytes)?;
            Some(Glossary::parse(&text, source_lang, path)?)
        }
        None => None,
    };
    let problems = check_files(files, reference, settings, glossary.as_ref());
    let errors = problems.iter().filter(|r| r.is_error()).count();
    Ok(CheckReport {
        units: translated.units(),
        errors,
        warnings: problems.len() - errors,
        items: item_summaries(files, reference, &problems),
        problems,
    })
}

/// The check job on several sets given in one command
/// ([`TranslatedFiles::read_sets`]): each set's files checked against its
/// own reference (the glossary read for each set's source language), as
/// one report: the counts summed, items and problems set after set.
pub fn check_sets_limited(
    sets: &[(std::path::PathBuf, TranslatedFiles)],
    settings: &CheckSettings,
    glossary: Option<&Path>,
    max_bytes: u64,
) -> Result<CheckReport> {
    let mut all = CheckReport {
        units: 0,
        errors: 0,
        warnings: 0,
        items: Vec::new(),
        problems: Vec::new(),
    };
    for (_, translated) in sets {
        let one = check_limited(translated, settings, glossary, max_bytes)?;
        all.units += one.units;
        all.errors += one.errors;
        all.warnings += one.warnings;
        all.items.extend(one.items);
        all.problems.extend(one.problems);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str, body: &str) -> Vec<UnitFile> {
        crate::merge::read_bytes(body.as_bytes().to_vec(), Path::new(name)).unwrap()
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
            targets: Vec::new(),
        };
        let reports = check_files(&files, Some(&reference), &CheckSettings::default(), None);
        assert_eq!(reports[0].item.as_deref(), Some("desk/a1"));
        // Another export's reference (other sources) names no item.
        units[1].source = "Something else.".into();
        let other = Reference {
            path: PathBuf::from("r.tsv"),
            units,
            targets: Vec::new(),
        };
        let reports = check_files(&files, Some(&other), &CheckSettings::default(), None);
        assert!(reports.iter().all(|r| r.item.is_none()));
    }
}
