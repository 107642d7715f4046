//! The export job: which files an export writes, for one brief (a cluster
//! of documents) or a JSONL batch, decided in this one place for the
//! command line and the Python package.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::analysis::AnalyzedDocument;
use crate::check::Glossary;
use crate::error::{Error, Result};
use crate::export::{Export, ExportSettings};
use crate::formats::{Format, LanguageTag, TargetMode, file_name};
use crate::input::BatchItem;
use crate::lang::Lang;
use crate::merge::REFERENCE_FILE_NAME;
use crate::outfile::OutFile;
use crate::summarize::{Summary, SummarySettings};
use crate::tm::MatchStats;

use super::aids::TranslationAids;

/// What an export writes, resolved once from the front end's options over
/// `[export]`: targets and formats deduplicated, first of each kept.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportOptions {
    /// Target language tags.
    pub targets: Vec<LanguageTag>,
    /// File formats.
    pub formats: Vec<Format>,
    /// Whether an OmegaT project is written per target language too.
    pub omegat: bool,
    /// Target handling.
    pub mode: TargetMode,
    /// The source tag written into the files; `None` takes the detected language.
    pub source_tag: Option<LanguageTag>,
}

impl ExportOptions {
    /// `to`, `formats`, `mode` and `source_tag` where given (not empty,
    /// `Some`), else `[export]`'s. No target or no format is a usage error.
    /// With `omegat` (an OmegaT project per target language), `formats`
    /// may be empty: then no other file is written.
    pub fn resolve(
        to: &[LanguageTag],
        formats: &[Format],
        omegat: bool,
        mode: Option<TargetMode>,
        source_tag: Option<LanguageTag>,
        settings: &ExportSettings,
    ) -> Result<ExportOptions> {
        let targets = dedup(if to.is_empty() { &settings.targets } else { to });
        let formats = dedup(if formats.is_empty() && !omegat {
            &settings.formats
        } else {
            formats
        });
        if targets.is_empty() {
            return Err(usage(
                "no target languages: give --to (Python: to=) or set [export] targets",
            ));
        }
        if formats.is_empty() && !omegat {
            return Err(usage(
                "no formats: give --format (Python: formats=) or set [export] formats",
            ));
        }
        Ok(ExportOptions {
            targets,
            formats,
            omegat,
            mode: mode.unwrap_or(settings.target),
            source_tag: source_tag.or_else(|| settings.source_tag.clone()),
        })
    }
}

/// The name of an OmegaT project among the export formats (a directory
/// per target language, not a file [`Format`]).
pub const OMEGAT: &str = "omegat";

/// One name given to `--format` (Python: `formats=`): a file format, or
/// an OmegaT project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormatName {
    /// A file format.
    File(Format),
    /// An OmegaT project per target language.
    Omegat,
}

impl std::str::FromStr for FormatName {
    type Err = Error;

    /// A format name as the front ends take it (any case, spaces around
    /// ignored); an unknown name is an invalid `format` setting naming
    /// every file format and `omegat`, the one message of both front ends.
    fn from_str(s: &str) -> Result<FormatName> {
        if s.trim().eq_ignore_ascii_case(OMEGAT) {
            return Ok(FormatName::Omegat);
        }
        s.parse().map(FormatName::File).map_err(|e| match e {
            Error::InvalidSetting { key, message } => Error::InvalidSetting {
                key,
                message: format!("{message} (or {OMEGAT})"),
            },
            other => other,
        })
    }
}

impl FormatName {
    /// The file formats among `names` and whether an OmegaT project is
    /// asked for, in the form [`ExportOptions::resolve`] takes them.
    pub fn split(names: &[FormatName]) -> (Vec<Format>, bool) {
        let files = names
            .iter()
            .filter_map(|n| match n {
                FormatName::File(f) => Some(*f),
                FormatName::Omegat => None,
            })
            .collect();
        (files, names.contains(&FormatName::Omegat))
    }
}

/// Removes repeated entries, keeping the first of each.
fn dedup<T: PartialEq + Clone>(items: &[T]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for item in items {
        if !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

fn usage(message: impl Into<String>) -> Error {
    Error::Usage {
        message: message.into(),
    }
}

/// What to export of a cluster.
#[derive(Debug, Clone, Copy)]
pub enum Selection<'a> {
    /// The brief: the sentences of this summary, made from the same documents.
    Brief(&'a Summary),
    /// Every sentence of every document.
    All,
}

/// One export set written by a job: its source language and export id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSet {
    /// The source language code (the set's directory in a batch).
    pub source: String,
    /// The export id written into every file of the set.
    pub export_id: String,
}

/// What an export job did, for the front end to tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportReport {
    /// Units (segments) exported, over all sets.
    pub units: usize,
    /// Batch items exported (0 for a cluster).
    pub items: usize,
    /// One entry per set, in file order.
    pub sets: Vec<ExportSet>,
    /// Warnings for the user (a target skipped, a glossary not used), unescaped.
    pub warnings: Vec<String>,
    /// How the units found the memories (units × target languages), over
    /// all sets.
    pub matches: MatchStats,
    /// Folders to create after the files are written (those of an OmegaT
    /// project that brief writes nothing into).
    pub empty_dirs: Vec<PathBuf>,
    /// The translation files (one target language each, every format but
    /// an OmegaT project's and the reference copy), for `export --mt`.
    pub translation_files: Vec<PathBuf>,
}

/// The files an export writes, in the order they are listed, and its report.
#[derive(Debug, Clone)]
pub struct ExportOutcome {
    /// Every file, the reference copy of each set last in that set.
    pub files: Vec<OutFile>,
    /// What was exported.
    pub report: ExportReport,
}

/// An export with its settings and aids, writing under one directory.
#[derive(Debug)]
pub struct ExportJob<'a> {
    /// The resolved options.
    pub options: &'a ExportOptions,
    /// Memories and glossary (empty for none).
    pub aids: &'a TranslationAids,
    /// The directory the files go to (file names are joined to it; an
    /// empty path gives bare names).
    pub out_dir: PathBuf,
}

impl ExportJob<'_> {
    /// The files of one cluster's export. A cluster of documents in several
    /// languages is refused unless the options name a source tag (it would
    /// be written with the first one's tag for all of them).
    pub fn cluster(
        &self,
        docs: &[AnalyzedDocument],
        selection: Selection<'_>,
    ) -> Result<ExportOutcome> {
        if self.options.source_tag.is_none() {
            refuse_mixed_languages(docs)?;
        }
        let source_tag = self.options.source_tag.clone();
        let export = match selection {
            Selection::All => Export::all_sentences(docs, source_tag),
            Selection::Brief(summary) => Export::from_summary(docs, summary, source_tag),
        };
        let mut report = ExportReport::default();
        let targets = self.targets_for(&export, &mut report.warnings);
        if targets.is_empty() {
            return Err(usage(format!(
                "every target language is the source language ({}): nothing to translate",
                export.source_lang
            )));
        }
        // One cluster is one set: a glossary that cannot serve its source
        // is of no use to the run.
        let source = export.source_lang.lang();
        let glossary = self.aids.glossary(source).map_err(|reason| {
            usage(format!(
                "{}: the glossary cannot be used for a {source} source ({reason})",
                self.aids.glossary_name()
            ))
        })?;
        let files = self.render_set(
            &export,
            &targets,
            glossary.as_ref(),
            &self.out_dir,
            &mut report,
        )?;
        report.units = export.units.len();
        report.sets.push(set_of(&export));
        Ok(ExportOutcome { files, report })
    }

    /// A batch export: items are added with [`BatchExport::add`] in batch
    /// order and grouped by source language. `lang` is the language every
    /// item is in, when the front end fixed it: a glossary of no use to it
    /// stops the job now, before any item is done.
    pub fn batch(&self, lang: Option<Lang>) -> Result<BatchExport<'_>> {
        let mut glossaries = HashMap::new();
        if let Some(lang) = lang {
            let glossary = self.aids.glossary(lang);
            if let Err(reason) = &glossary {
                return Err(usage(format!(
                    "{}: the glossary cannot be used for the {lang} items ({reason})",
                    self.aids.glossary_name()
                )));
            }
            glossaries.insert(lang, glossary);
        }
        Ok(BatchExport {
            job: self,
            glossaries,
            groups: BTreeMap::new(),
            seen: HashMap::new(),
            items: 0,
        })
    }

    /// The targets of `export` that are not its source language; a warning
    /// for each that is (a file "translating" the source into its own
    /// language is not work for anyone).
    fn targets_for<'t>(
        &'t self,
        export: &Export,
        warnings: &mut Vec<String>,
    ) -> Vec<&'t LanguageTag> {
        let mut targets = Vec::new();
        for t in &self.options.targets {
            if t.same_language(&export.source_lang) {
                warnings.push(format!(
                    "no {t} file: the source is already in {}",
                    export.source_lang
                ));
            } else {
                targets.push(t);
            }
        }
        targets
    }

    /// One set's files in `dir`: every format for every target, then the
    /// reference copy (the truth about the export, for merge).
    fn render_set(
        &self,
        export: &Export,
        targets: &[&LanguageTag],
        glossary: Option<&Glossary>,
        dir: &Path,
        report: &mut ExportReport,
    ) -> Result<Vec<OutFile>> {
        let aids = self.aids.for_export(export, targets, glossary)?;
        for per_target in &aids {
            report.matches.add(MatchStats::of(per_target));
        }
        let mut files = Vec::new();
        for format in &self.options.formats {
            for (target, aids) in targets.iter().zip(&aids) {
                let path = dir.join(file_name(*format, target));
                report.translation_files.push(path.clone());
                files.push(OutFile {
                    path,
                    contents: export.render_with(*format, target, self.options.mode, aids)?,
                });
            }
        }
        if self.options.omegat {
            for (target, aids) in targets.iter().zip(&aids) {
                files.extend(crate::omegat::project_files(dir, export, target, aids)?);
            }
            report.empty_dirs.extend(
                crate::omegat::project_dirs(dir, targets.iter().copied()).flat_map(|project| {
                    crate::omegat::DIRECTORIES
                        .iter()
                        .map(move |d| project.join(d))
                }),
            );
        }
        files.push(OutFile {
            path: dir.join(REFERENCE_FILE_NAME),
            contents: export.render_reference_for(targets)?,
        });
        Ok(files)
    }
}

fn set_of(export: &Export) -> ExportSet {
    ExportSet {
        source: export.source_lang.as_str().to_string(),
        export_id: export.id().unwrap_or("-").to_string(),
    }
}

/// Refuses documents in more than one language: one export has one source.
fn refuse_mixed_languages(docs: &[AnalyzedDocument]) -> Result<()> {
    let mut langs: Vec<String> = docs.iter().map(|d| d.lang().as_str().to_string()).collect();
    langs.sort_unstable();
    langs.dedup();
    if langs.len() > 1 {
        return Err(usage(format!(
            "the inputs are in several languages ({}): export each language separately, \
             or give --lang or --source-tag (Python: lang= or source_tag=)",
            langs.join(", ")
        )));
    }
    Ok(())
}

/// One batch item's brief as an export of its own, with the number of its
/// documents (what [`Export::concat`] needs), so the analyzed documents are
/// dropped as soon as the item is done.
#[derive(Debug)]
pub struct ExportedItem {
    /// The item's id.
    pub id: String,
    /// The batch file it came from.
    pub path: PathBuf,
    /// Its line there, from 1.
    pub line: usize,
    export: Export,
    documents: usize,
}

impl ExportedItem {
    /// Analyzes and summarizes one item (its own `query` field focuses the
    /// brief), as `brief export --input jsonl` does; `lang` overrides the
    /// item's language.
    pub fn summarize(
        item: BatchItem,
        lang: Option<Lang>,
        settings: &SummarySettings,
        config: &crate::Config,
        source_tag: Option<LanguageTag>,
    ) -> Result<ExportedItem> {
        let docs = crate::analyze_all(item.to_documents(lang), config);
        let summary = crate::summarize(&docs, settings, item.field("query"))?;
        Ok(ExportedItem::new(&item, docs, summary, source_tag))
    }

    /// The export of an item already summarized from `docs`.
    pub fn new(
        item: &BatchItem,
        docs: Vec<AnalyzedDocument>,
        summary: Summary,
        source_tag: Option<LanguageTag>,
    ) -> ExportedItem {
        let documents = docs.len();
        let export = Export::from_items(&[(docs, summary)], source_tag);
        ExportedItem {
            id: item.id.clone(),
            path: item.path.clone(),
            line: item.line,
            export,
            documents,
        }
    }
}

/// A batch export in progress: one export, hence one file set, per source
/// language (code order), items in batch order within each.
#[derive(Debug)]
pub struct BatchExport<'a> {
    job: &'a ExportJob<'a>,
    glossaries: HashMap<Lang, std::result::Result<Option<Glossary>, String>>,
    groups: BTreeMap<String, Vec<(Export, usize)>>,
    seen: HashMap<String, (PathBuf, usize)>,
    items: usize,
}

impl BatchExport<'_> {
    /// Adds the next item. A repeated id is an item error
    /// ([`Error::Jsonl`]: merge finds an item by its id alone, so two items
    /// with one id would become one brief); an item without a sentence is
    /// left out with the warning returned.
    pub fn add(&mut self, item: ExportedItem) -> Result<Option<String>> {
        if let Some((path, line)) = self.seen.get(&item.id) {
            return Err(Error::Jsonl {
                path: item.path,
                line: item.line,
                message: format!(
                    "duplicate item id {:?} (first at {}:{line})",
                    item.id,
                    crate::escape::escape_path(path)
                ),
            });
        }
        self.seen
            .insert(item.id.clone(), (item.path.clone(), item.line));
        if item.export.units.is_empty() {
            return Ok(Some(format!(
                "{}:{}: item {:?} has no sentence to export",
                crate::escape::escape_path(&item.path),
                item.line,
                item.id
            )));
        }
        self.items += 1;
        self.groups
            .entry(item.export.source_lang.as_str().to_string())
            .or_default()
            .push((item.export, item.documents));
        Ok(None)
    }

    /// The files of every set, under `<out_dir>/<source language>/`.
    pub fn finish(mut self) -> Result<ExportOutcome> {
        if self.groups.is_empty() {
            return Err(usage("no item of the batch has a sentence to export"));
        }
        let job = self.job;
        let mut report = ExportReport {
            items: self.items,
            ..ExportReport::default()
        };
        let mut files = Vec::new();
        // Source languages of sets the glossary could not serve, and
        // whether it served any.
        let mut unserved: Vec<String> = Vec::new();
        let mut glossary_used = false;
        for (code, group) in std::mem::take(&mut self.groups) {
            let items_in_group = group.len();
            let export = Export::concat(group, job.options.source_tag.clone());
            let mut skipped = Vec::new();
            let targets = job.targets_for(&export, &mut skipped);
            for t in job.options.targets.iter().filter(|t| !targets.contains(t)) {
                report.warnings.push(format!(
                    "no {t} file for the {items_in_group} item(s) in {code}: the source is already in {}",
                    export.source_lang
                ));
            }
            if targets.is_empty() {
                continue;
            }
            // Memory matches and glossary terms depend on a unit's source
            // alone, so the set's aids are each item's aids.
            let source = export.source_lang.lang();
            let glossary = self
                .glossaries
                .entry(source)
                .or_insert_with(|| job.aids.glossary(source));
            let glossary = match glossary {
                Ok(g) => {
                    glossary_used |= g.is_some();
                    g.as_ref()
                }
                Err(reason) => {
                    report.warnings.push(format!(
                        "glossary {}: not used for the {code} items ({reason})",
                        job.aids.glossary_name()
                    ));
                    unserved.push(code.clone());
                    None
                }
            };
            let dir = job.out_dir.join(&code);
            files.extend(job.render_set(&export, &targets, glossary, &dir, &mut report)?);
            report.units += export.units.len();
            report.sets.push(set_of(&export));
        }
        if files.is_empty() {
            return Err(usage(
                "every target language is the source language of every item: nothing to translate",
            ));
        }
        if !glossary_used && !unserved.is_empty() {
            return Err(usage(format!(
                "{}: the glossary cannot be used for any item (sources in {})",
                job.aids.glossary_name(),
                unserved.join(", ")
            )));
        }
        Ok(ExportOutcome { files, report })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    const EN: &str = "Heavy rain fell on Tehran on Monday. The rain filled the city's dams.";
    const RU: &str = "В понедельник в Москве шёл сильный дождь. Дождь наполнил водохранилища.";

    fn options(to: &[&str]) -> ExportOptions {
        let to: Vec<LanguageTag> = to.iter().map(|t| t.parse().unwrap()).collect();
        let formats = [Format::Tsv, Format::Tsv];
        ExportOptions::resolve(&to, &formats, false, None, None, &ExportSettings::default())
            .unwrap()
    }

    fn job<'a>(options: &'a ExportOptions, aids: &'a TranslationAids) -> ExportJob<'a> {
        ExportJob {
            options,
            aids,
            out_dir: PathBuf::from("out"),
        }
    }

    #[test]
    fn a_format_name_is_a_file_format_or_omegat_and_an_unknown_one_names_both() {
        let names: Vec<FormatName> = [" TSV", "omegat", "xliff20", "OmegaT"]
            .iter()
            .map(|n| n.parse().unwrap())
            .collect();
        assert_eq!(names[1], FormatName::Omegat);
        assert_eq!(names[3], FormatName::Omegat);
        let (files, omegat) = FormatName::split(&names);
        assert_eq!(files, [Format::Tsv, Format::Xliff20]);
        assert!(omegat);
        assert_eq!(FormatName::split(&names[..1]), (vec![Format::Tsv], false));
        // Regression: Python's message lacked the CLI's "(or omegat)".
        let e = "docx".parse::<FormatName>().unwrap_err();
        let file_error = "docx".parse::<Format>().unwrap_err().to_string();
        assert!(matches!(e, Error::InvalidSetting { ref key, .. } if key == "format"));
        assert_eq!(e.to_string(), format!("{file_error} (or omegat)"));
    }

    #[test]
    fn options_keep_the_first_of_repeated_entries_and_need_a_target() {
        let o = options(&["fa", "ru", "fa"]);
        assert_eq!(o.targets.len(), 2);
        assert_eq!(o.formats, [Format::Tsv]);
        let settings = ExportSettings {
            targets: Vec::new(),
            ..ExportSettings::default()
        };
        let err = ExportOptions::resolve(&[], &[], false, None, None, &settings).unwrap_err();
        assert!(matches!(err, Error::Usage { .. }), "{err}");
    }

    #[test]
    fn a_cluster_in_two_languages_is_refused_unless_a_source_tag_is_given() {
        let config = Config::default();
        let docs = crate::analyze_all(
            vec![Document::new("a", EN), Document::new("b", RU)],
            &config,
        );
        let aids = TranslationAids::none();
        let mut o = options(&["fa"]);
        let err = job(&o, &aids).cluster(&docs, Selection::All).unwrap_err();
        assert!(
            err.to_string().contains("several languages (en, ru)"),
            "{err}"
        );
        o.source_tag = Some("en".parse().unwrap());
        let outcome = job(&o, &aids).cluster(&docs, Selection::All).unwrap();
        let names: Vec<String> = outcome
            .files
            .iter()
            .map(|f| f.path.display().to_string())
            .collect();
        assert_eq!(names, ["out/brief.fa.tsv", "out/brief.reference.jsonl"]);
    }

    #[test]
    fn a_target_in_the_source_language_is_skipped_with_a_warning() {
        let config = Config::default();
        let docs = crate::analyze_all(vec![Document::new("a", RU)], &config);
        let aids = TranslationAids::none();
        let o = options(&["fa", "ru"]);
        let outcome = job(&o, &aids).cluster(&docs, Selection::All).unwrap();
        assert_eq!(outcome.files.len(), 2);
        assert_eq!(
            outcome.report.warnings.len(),
            1,
            "{:?}",
            outcome.report.warnings
        );
        let o = options(&["ru"]);
        assert!(job(&o, &aids).cluster(&docs, Selection::All).is_err());
    }

    #[test]
    fn a_batch_groups_items_by_language_and_refuses_a_repeated_id() {
        let config = Config::default();
        let aids = TranslationAids::none();
        let o = options(&["fa"]);
        let job = job(&o, &aids);
        let mut batch = job.batch(None).unwrap();
        let path = std::path::Path::new("b.jsonl");
        for (line, raw) in [
            r#"{"id": "e1", "text": "Heavy rain fell on Tehran on Monday."}"#,
            r#"{"id": "r1", "text": "В понедельник в Москве шёл сильный дождь."}"#,
            r#"{"id": "e1", "text": "The rain filled the city's dams."}"#,
        ]
        .iter()
        .enumerate()
        {
            let item = crate::input::parse_batch_line(raw, path, line + 1).unwrap();
            let exported =
                ExportedItem::summarize(item, None, &config.summary, &config, None).unwrap();
            let added = batch.add(exported);
            if line == 2 {
                let err = added.unwrap_err();
                assert!(
                    err.to_string()
                        .contains("duplicate item id \"e1\" (first at b.jsonl:1)"),
                    "{err}"
                );
            } else {
                assert_eq!(added.unwrap(), None);
            }
        }
        let outcome = batch.finish().unwrap();
        let names: Vec<String> = outcome
            .files
            .iter()
            .map(|f| f.path.display().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "out/en/brief.fa.tsv",
                "out/en/brief.reference.jsonl",
                "out/ru/brief.fa.tsv",
                "out/ru/brief.reference.jsonl"
            ]
        );
        assert_eq!((outcome.report.items, outcome.report.sets.len()), (2, 2));
    }
}
